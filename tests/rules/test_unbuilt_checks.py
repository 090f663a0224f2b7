"""A value check that cannot be built is a finding, never silence: for every format option, a
bad value (import-wide or on a column, flat or pivoted) gives a blocking CFG408, fails the lint
of an extract checked against the configuration, and every column the value plan could not
check is one the configuration's findings cover."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from csvlint.cli import cli
from csvlint.config.load import load_config
from csvlint.engine.context import FileContext
from csvlint.engine.facts import Header
from csvlint.rules._values import plan_for

#: (option, bad value, the property type that uses it, a value that must not lint clean)
IMPORT_WIDE = [
    ("date_format", "yyyy-MM", "date", "not a date"),
    ("date_format", "dd MMMM yyyy", "date", "not a date"),
    ("date_format", "dd '2024' MM yyyy", "date", "not a date"),
    ("date_format", "yyyy-MM-dd-dd", "date", "not a date"),
    ("date_format", "yy yyyy MM dd", "date", "not a date"),
    ("date_format", "MM/dd", "date", "not a date"),
    ("decimal_separator", ",", "number", "twelve"),  # with the thousands separator ","
    ("thousands_separator", ".", "integer", "twelve"),  # with the decimal separator "."
    ("true_values", ["yes", "maybe"], "boolean", "perhaps"),  # "maybe" is false too
    ("false_values", ["no", "TRUE"], "boolean", "perhaps"),  # TRUE is a default true word
]
#: per-column options: (option, bad value, property type, a bad cell)
ON_COLUMN = [
    ("date_format", "yyyy-MM", "date", "not a date"),
    ("date_format", "dd MMMM yyyy", "date", "not a date"),
    ("date_format", "dd '1999' MM yyyy", "date", "not a date"),
    ("decimal_separator", ",", "number", "twelve"),  # with thousands_separator ","
    ("thousands_separator", ".", "number", "twelve"),
    ("prefix", "1", "number", "twelve"),
    ("prefix", "-", "integer", "twelve"),
    ("suffix", ".", "number", "twelve"),
    ("suffix", "%", "number", "twelve"),  # with percent: true
    ("percent", True, "integer", "twelve"),  # with suffix "%"
    ("multiplier", float("inf"), "number", "twelve"),
    ("multiplier", float("nan"), "integer", "twelve"),
]
_PAIRED: dict[tuple[str, Any], dict[str, Any]] = {
    ("decimal_separator", ","): {"thousands_separator": ","},
    ("thousands_separator", "."): {"decimal_separator": "."},
    ("suffix", "%"): {"percent": True},
    ("percent", True): {"suffix": "%"},
}


def _paired(option: str, value: Any) -> dict[str, Any]:
    """The other option that makes `value` a bad one (equal separators, % twice)."""
    return {} if isinstance(value, list) else _PAIRED.get((option, value), {})


_GOOD = {"date": "2026-01-05", "number": "12.5", "integer": "12", "boolean": "TRUE"}


def _flat(kind: str, formats: dict[str, Any], options: dict[str, Any]) -> dict[str, Any]:
    config: dict[str, Any] = {
        "csvlint": 1,
        "name": "Orders",
        "target": {
            "type": "dimension_list",
            "block": "Order",
            "properties": [
                {"name": "Order ID", "type": "text", "unique": True},
                {"name": "Value", "type": kind},
            ],
        },
        "file": {"encoding": "utf-8", "delimiter": ","},
        "columns": [
            {"header": "Order ID", "property": "Order ID"},
            {"header": "Value", "property": "Value", **options},
        ],
        "sample": "sample.csv",
    }
    if formats:
        config["formats"] = formats
    return config


def _pivoted(kind: str, formats: dict[str, Any], options: dict[str, Any]) -> dict[str, Any]:
    config: dict[str, Any] = {
        "csvlint": 1,
        "name": "Revenue",
        "target": {
            "type": "metric",
            "block": "Revenue",
            "dimensions": [{"name": "Country"}, {"name": "Month"}],
            "value_type": kind,
        },
        "file": {
            "encoding": "utf-8",
            "delimiter": ",",
            "layout": "pivoted",
            "pivot": {"dimension": "Month", "first_column": 2},
        },
        "columns": [
            {"header": "Country", "dimension": "Country"},
            {"header": "Jan", **options},
            {"header": "Feb"},
        ],
        "sample": "sample.csv",
    }
    if formats:
        config["formats"] = formats
    return config


def _write(folder: Path, config: dict[str, Any], layout: str, kind: str) -> None:
    good = _GOOD[kind]
    if layout == "flat":
        sample = f"Order ID,Value\nO-1,{good}\n"
    else:
        sample = f"Country,Jan,Feb\nFR,{good},{good}\n"
    (folder / "sample.csv").write_text(sample, encoding="utf-8")
    (folder / "orders.import.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")


def _extract(folder: Path, layout: str, bad: str) -> Path:
    path = folder / "extract.csv"
    if layout == "flat":
        path.write_text(f"Order ID,Value\nO-2,{bad}\n", encoding="utf-8")
    else:
        path.write_text(f"Country,Jan,Feb\nDE,{bad},{bad}\n", encoding="utf-8")
    return path


def _lint(*args: str) -> tuple[int, dict[str, Any]]:
    result = CliRunner().invoke(cli, ["lint", "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def _assert_caught(folder: Path, layout: str, bad: str) -> None:
    config = folder / "orders.import.yaml"
    code, report = _lint(str(config))
    blocking = [f for f in report["findings"] if f["code"] == "CFG408"]
    assert code == 1 and blocking, report["findings"]
    assert all(f["blocks_copy_id"] and f["severity"] == "error" for f in blocking)
    # the extract's lint fails too, though its bad value goes unchecked
    code, report = _lint("--config", str(config), str(_extract(folder, layout, bad)))
    assert code == 1
    assert any(f["code"] == "CFG408" for f in report["findings"]), report["findings"]
    # and the value plan names what it could not check: never more than CFG408 covers
    loaded = load_config(config)
    assert loaded.config is not None
    names = ("Order ID", "Value") if layout == "flat" else ("Country", "Jan", "Feb")
    context = FileContext("extract.csv", config=loaded.config)
    plan = plan_for(context, Header(names, 1, 0))
    assert plan.unbuilt, "the value plan checked every column of a configuration CFG408 refused"


def _assert_clean(folder: Path, layout: str, kind: str) -> None:
    config = folder / "orders.import.yaml"
    _, report = _lint(str(config))
    assert not [f for f in report["findings"] if f["code"] == "CFG408"], report["findings"]
    loaded = load_config(config)
    assert loaded.config is not None
    names = ("Order ID", "Value") if layout == "flat" else ("Country", "Jan", "Feb")
    plan = plan_for(FileContext("x.csv", config=loaded.config), Header(names, 1, 0))
    assert plan.unbuilt == []


@pytest.mark.parametrize("layout", ["flat", "pivoted"])
@pytest.mark.parametrize(("option", "value", "kind", "bad"), IMPORT_WIDE)
def test_import_wide_format_that_cannot_be_built_blocks(
    in_tmp: Path, layout: str, option: str, value: Any, kind: str, bad: str
) -> None:
    formats = {option: value, **_paired(option, value)}
    if option == "true_values":
        formats["false_values"] = ["no", "maybe"]
    build = _flat if layout == "flat" else _pivoted
    _write(in_tmp, build(kind, formats, {}), layout, kind)
    _assert_caught(in_tmp, layout, bad)


@pytest.mark.parametrize("layout", ["flat", "pivoted"])
@pytest.mark.parametrize(("option", "value", "kind", "bad"), ON_COLUMN)
def test_column_format_that_cannot_be_built_blocks(
    in_tmp: Path, layout: str, option: str, value: Any, kind: str, bad: str
) -> None:
    options = {option: value, **_paired(option, value)}
    build = _flat if layout == "flat" else _pivoted
    _write(in_tmp, build(kind, {}, options), layout, kind)
    _assert_caught(in_tmp, layout, bad)


@pytest.mark.parametrize("layout", ["flat", "pivoted"])
@pytest.mark.parametrize("kind", sorted(_GOOD))
def test_formats_that_can_be_built_check_every_column(in_tmp: Path, layout: str, kind: str) -> None:
    formats = {"decimal_separator": ",", "thousands_separator": ".", "date_format": "dd/MM/yyyy"}
    build = _flat if layout == "flat" else _pivoted
    _write(in_tmp, build(kind, formats, {}), layout, kind)
    _assert_clean(in_tmp, layout, kind)


def test_unbuilt_import_wide_format_is_reported_once_not_per_column(in_tmp: Path) -> None:
    config = _flat("date", {"date_format": "yyyy-MM"}, {"prefix": "D"})
    _write(in_tmp, config, "flat", "date")
    _, report = _lint("orders.import.yaml")
    pointers = [f["pointer"] for f in report["findings"] if f["code"] == "CFG408"]
    assert sorted(pointers) == ["/columns/1/prefix", "/formats/date_format"]


def test_save_and_copy_id_refuse_formats_that_cannot_be_built(in_tmp: Path) -> None:
    _write(in_tmp, _flat("date", {"date_format": "yyyy-MM"}, {}), "flat", "date")
    before = (in_tmp / "orders.import.yaml").read_text(encoding="utf-8")
    save = ["config", "save", "orders.import.yaml", "--id", "33d0d7d0-6125-47c4-b36a-882f4ed53b33"]
    result = CliRunner().invoke(cli, save)
    assert result.exit_code == 1 and "CFG408" in result.stderr
    assert (in_tmp / "orders.import.yaml").read_text(encoding="utf-8") == before
    result = CliRunner().invoke(cli, ["config", "id", "orders.import.yaml"])
    assert result.exit_code == 1 and result.stdout == "" and "CFG408" in result.stderr
