"""Drafts written from a sample are valid configurations that say what they guessed."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csvlint.config import ImportConfig, load_config_text, render_draft
from csvlint.config.draft import Guess

HEADER = ["Order ID", "Customer: name", "Store", "Amount", "Quantity", "Order Date", "Gift", ""]
GUESSES: list[Guess] = [
    ("text", {}),
    ("text", {}),
    ("dimension", {"on_missing_item": "create"}),
    ("number", {"decimal_separator": ",", "thousands_separator": "."}),
    ("integer", {}),
    ("date", {"date_format": "dd/MM/yyyy"}),
    ("boolean", {}),
    ("text", {}),
]


def _draft(target_type: str, /, **changes: object) -> str:
    arguments: dict[str, object] = {
        "sample": "../samples/orders.csv",
        "name": "Orders",
        "target_type": target_type,
        "block": "Orders",
        "encoding": "utf-8-sig",
        "delimiter": ";",
        "quote": '"',
        "header": HEADER,
        "guesses": GUESSES,
        "unique": None if target_type == "metric" else "Order ID",
    }
    arguments.update(changes)
    return render_draft(**arguments)  # type: ignore[arg-type]


def _config(text: str) -> ImportConfig:
    loaded = load_config_text(text, Path("draft.import.yaml"))
    assert loaded.problems == ()
    assert loaded.config is not None
    return loaded.config


@pytest.mark.parametrize("target_type", ["dimension_list", "transaction_list", "metric"])
def test_a_draft_is_valid_for_every_target_type(target_type: str) -> None:
    config = _config(_draft(target_type))
    assert config.is_draft
    assert config.id is None
    assert config.saved_fingerprint is None
    assert config.target.type == target_type
    assert config.header == tuple(HEADER)
    assert (config.file.encoding, config.file.delimiter, config.file.quote) == (
        "utf-8-sig",
        ";",
        '"',
    )
    assert config.sample == "../samples/orders.csv"
    assert config.formats.date_format == "yyyy-MM-dd"


def test_a_draft_says_what_to_do_next() -> None:
    text = _draft("transaction_list")
    assert text.startswith("# Draft import configuration")
    assert "csvlint config save" in text.split("csvlint: 1")[0]


def test_a_list_draft_has_one_property_per_column() -> None:
    config = _config(_draft("dimension_list"))
    names = [p.name for p in config.target.properties]
    assert names == [*HEADER[:-1], "Column 8"]
    assert [p.type for p in config.target.properties] == [kind for kind, _ in GUESSES]
    assert [c.property for c in config.columns] == names
    order_id = config.target.property("Order ID")
    assert order_id is not None
    assert order_id.unique
    assert [p.name for p in config.target.properties if p.unique] == ["Order ID"]
    store = config.target.property("Store")
    assert store is not None
    assert store.list == "Store"
    amount = config.columns[3].options
    assert (amount.decimal_separator, amount.thousands_separator) == (",", ".")
    assert config.columns[5].options.date_format == "dd/MM/yyyy"
    assert config.columns[2].options.on_missing_item == "create"


def test_a_dimension_list_draft_without_a_key_asks_for_one() -> None:
    text = _draft("dimension_list", unique=None)
    assert "needs a key" in text
    assert not any(p.unique for p in _config(text).target.properties)


def test_a_metric_draft_maps_dimensions_and_the_first_number() -> None:
    config = _config(_draft("metric"))
    assert [d.name for d in config.target.dimensions] == [
        "Order ID",
        "Customer: name",
        "Store",
        "Column 8",
    ]
    assert config.target.value_type == "number"
    assert [c.header for c in config.columns if c.value] == ["Amount"]
    assert config.columns[3].options.decimal_separator == ","
    unmapped = [c.header for c in config.columns if c.target_name is None and not c.value]
    assert unmapped == ["Quantity", "Order Date", "Gift"]


def test_a_metric_draft_without_numbers_or_text_is_still_valid() -> None:
    text = _draft("metric", header=["When"], guesses=[("date", {})])
    config = _config(text)
    assert config.target.dimensions == ()
    assert config.target.value_type == "number"
    assert "no number column" in text
    assert "no text column" in text


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"delimiter": "\t"}, "comma or semicolon"),
        ({"quote": "`"}, "double or single quote"),
        ({"target_type": "cube"}, "target type"),
        ({"header": [], "guesses": []}, "no header"),
        ({"guesses": GUESSES[:2]}, "2 guesses for 8 columns"),
        ({"guesses": [("money", {}), *GUESSES[1:]]}, "type 'money'"),
        ({"guesses": [("text", {"colour": "red"}), *GUESSES[1:]]}, "unknown column options"),
        ({"unique": "Nope"}, "not in the header"),
        ({"target_type": "metric", "unique": "Order ID"}, "no unique property"),
    ],
)
def test_settings_the_format_cannot_hold_are_refused(
    changes: dict[str, object], words: str
) -> None:
    with pytest.raises(ValueError, match=words):
        _draft("transaction_list", **changes)


_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(_TEXT, min_size=1, max_size=6),
    _TEXT.filter(str.strip),
    _TEXT.filter(str.strip),
    st.sampled_from(["dimension_list", "transaction_list", "metric"]),
)
def test_any_header_gives_a_valid_draft_that_reads_back(
    header: list[str], name: str, sample: str, target_type: str
) -> None:
    guesses: list[Guess] = [("text", {"prefix": h}) if h else ("number", {}) for h in header]
    text = render_draft(
        sample=sample,
        name=name,
        target_type=target_type,
        block=name,
        encoding="utf-8",
        delimiter=",",
        quote="'",
        header=header,
        guesses=guesses,
        unique=header[0] if target_type != "metric" else None,
    )
    config = _config(text)
    assert config.header == tuple(header)
    assert (config.name, config.target.block, config.sample) == (name, name, sample)
    for column, (_, options) in zip(config.columns, guesses, strict=True):
        if column.target_name is not None:
            assert column.options.prefix == options.get("prefix")
