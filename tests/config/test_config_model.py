"""The model of an import configuration: what its parts say and where they are."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from csvlint.config import ImportConfig, SourceMap, load_config
from csvlint.config.model import escape_token, join_pointer

DATA = Path(__file__).parent / "data"


def _config(name: str) -> ImportConfig:
    loaded = load_config(DATA / name)
    assert loaded.problems == ()
    assert loaded.config is not None
    return loaded.config


def test_pointer_tokens_escape_tilde_and_slash() -> None:
    assert escape_token("a~b/c") == "a~0b~1c"
    assert join_pointer("/columns", 3) == "/columns/3"
    assert join_pointer("", "m/s") == "/m~1s"


def test_line_of_falls_back_to_the_nearest_parent() -> None:
    source = SourceMap({"": 1, "/columns": 10, "/columns/2": 13})
    assert source.line_of("/columns/2") == 13
    assert source.line_of("/columns/2/date_format") == 13
    assert source.line_of("/columns/7/header") == 10
    assert source.line_of("/nothing/here") == 1
    assert SourceMap().line_of("/columns/2") is None


def test_list_configuration() -> None:
    config = _config("orders.import.yaml")
    assert config.version == 1
    assert config.name == "Orders from the warehouse"
    assert config.target.type == "transaction_list"
    assert config.target.is_list
    order_id = config.target.property("Order ID")
    assert order_id is not None
    assert order_id.unique
    assert order_id.pointer == "/target/properties/0"
    store = config.target.property("Store")
    assert store is not None
    assert store.type == "dimension"
    assert store.list == "Store"
    assert store.items is not None
    assert store.items[:2] == ("ST0001", "ST0002")
    assert config.target.property("Nope") is None
    assert config.target.dimensions == ()
    assert config.target.value_type is None


def test_columns_keep_their_position_and_options() -> None:
    config = _config("orders.import.yaml")
    assert len(config.columns) == 13
    ship = config.columns[4]
    assert (ship.index, ship.header, ship.pointer) == (4, "Ship Date", "/columns/4")
    assert ship.target_name == "Ship Date"
    assert ship.options.date_format == "dd/MM/yyyy"
    assert ship.options.given() == ("date_format",)
    assert config.columns[7].options.percent is True
    assert config.columns[9].options.on_missing_item == "skip_row"
    notes = config.columns[12]
    assert notes.target_name is None
    assert notes.options.given() == ()
    assert config.header[0] == "Order ID"


def test_absent_keys_take_the_defaults_of_the_format() -> None:
    config = _config("orders.import.yaml")
    assert config.formats.true_values == ("TRUE", "true", "True", "1")
    assert config.formats.false_values == ("FALSE", "false", "False", "0")
    assert config.options.apply_access_rights_to_admins is False
    assert config.file.pivot is None
    assert config.constants == ()
    assert config.load_date is None
    assert config.files == ()
    assert config.id is None
    assert config.is_draft


def test_metric_configuration() -> None:
    config = _config("revenue.import.yaml")
    target = config.target
    assert target.type == "metric"
    assert not target.is_list
    assert target.value_type == "number"
    country = target.dimension("Country")
    assert country is not None
    assert country.items == ("FR", "DE", "NO")
    assert country.pointer == "/target/dimensions/0"
    assert target.dimension("Region") is None
    assert target.properties == ()
    assert config.file.layout == "pivoted"
    assert config.file.pivot is not None
    assert (config.file.pivot.dimension, config.file.pivot.first_column) == ("Month", 3)
    assert config.file.quote == "'"
    assert config.formats.thousands_separator == " "
    assert config.formats.true_values == ("yes",)
    assert config.columns[0].target_name == "Country"
    assert config.columns[2].options.multiplier == 1000
    (constant,) = config.constants
    assert (constant.target_name, constant.value, constant.pointer) == (
        "Version",
        "Actual",
        "/constants/0",
    )
    assert config.load_date is not None
    assert config.load_date.target_name == "Snapshot"
    assert config.options.clear_items == "limited_scope"
    assert config.files == ("../extracts/revenue_*.csv", "../extracts/revenue-*.csv")
    assert not config.is_draft


def test_sample_path_is_relative_to_the_configuration_folder() -> None:
    config = _config("revenue.import.yaml")
    assert config.sample_path == DATA / "../samples/revenue.csv"
    assert replace(config, sample=None).sample_path is None


@pytest.mark.parametrize(
    ("id", "fingerprint", "state"),
    [
        (None, None, "draft"),
        ("x", None, "draft"),
        (None, "sha256:0", "checked"),
        ("x", "sha256:0", "linked"),
    ],
)
def test_a_draft_lacks_a_save_and_a_checked_one_an_id(
    id: str | None, fingerprint: str | None, state: str
) -> None:
    config = replace(_config("revenue.import.yaml"), id=id, saved_fingerprint=fingerprint)
    assert config.state == state
    assert config.is_draft is (state == "draft")


def test_lines_of_model_parts() -> None:
    config = _config("orders.import.yaml")
    assert config.line_of("/columns/4") == 34
    assert config.line_of(config.target.pointer) == 4
