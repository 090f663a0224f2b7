"""Guessing a column's type and format from sample values."""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path
from types import ModuleType

import pytest
from ruamel.yaml import YAML

from csvlint.formats.column import value_check
from csvlint.formats.guess import guess_column

NUMBER_DEFAULTS: dict[str, object] = {
    "decimal_separator": ".",
    "thousands_separator": "",
    "prefix": "",
    "suffix": "",
    "percent": False,
}


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([], ("text", {})),
        (["", ""], ("text", {})),
        (["2024-03-15", "", "2023-12-01"], ("date", {})),
        (["01/02/2024", "03/04/2024"], ("date", {"date_format": "dd/MM/yyyy"})),
        (["01/02/2024", "13/04/2024"], ("date", {"date_format": "dd/MM/yyyy"})),
        (["01/02/2024", "12/31/2024"], ("date", {"date_format": "MM/dd/yyyy"})),
        (["1/2/2024", "28/12/2024"], ("date", {"date_format": "d/M/yyyy"})),
        (["05-Mar-2026"], ("date", {"date_format": "dd-MMM-yyyy"})),
        (["2026-03-05 17:00:00"], ("date", {"date_format": "yyyy-MM-dd HH:mm:ss"})),
        (["20260305", "20251231"], ("date", {"date_format": "yyyyMMdd"})),
        (["10000101", "10000102"], ("integer", {})),
        (["2024-02-30"], ("text", {})),
        (["0", "1", "1"], ("integer", {})),
        (["TRUE", "FALSE", ""], ("boolean", {})),
        (["true", "0"], ("boolean", {})),
        (["yes", "no"], ("text", {})),
        (["12", "-3", "+4"], ("integer", {})),
        (["007", "12"], ("text", {})),
        (["1,234", "12"], ("integer", {"thousands_separator": ","})),
        (["1.234.567", "12"], ("integer", {"decimal_separator": ",", "thousands_separator": "."})),
        (["90,063.12", "1.5"], ("number", {"thousands_separator": ","})),
        (["90.063,12", "1,5"], ("number", {"decimal_separator": ",", "thousands_separator": "."})),
        (["1 234,5"], ("number", {"decimal_separator": ",", "thousands_separator": " "})),
        (["600,10", "12,5"], ("number", {"decimal_separator": ","})),
        (["$600.10", "-$5"], ("number", {"prefix": "$"})),
        (["$600", "$5"], ("integer", {"prefix": "$"})),
        (["5 EUR", "6,5 EUR"], ("number", {"decimal_separator": ",", "suffix": " EUR"})),
        (["5K", "12K"], ("integer", {"suffix": "K"})),
        (["1.8%", "20%"], ("number", {"percent": True})),
        (["20%", "5%"], ("number", {"percent": True})),
        (["SKU12", "SKU13"], ("text", {})),
        (["ORD-00000001"], ("text", {})),
        (["$5", "€5"], ("text", {})),
        (["5", "N/A"], ("text", {})),
        ([" 5", "6"], ("text", {})),
        (["1e5"], ("text", {})),
    ],
)
def test_guesses(values: list[str], expected: tuple[str, dict[str, object]]) -> None:
    assert guess_column(values) == expected


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_extract", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _declared(config_text: str) -> tuple[dict[str, object], dict[str, dict[str, object]]]:
    """(import-wide formats, per-column options with the target property's `type`)."""
    config = YAML(typ="safe").load(config_text)
    types = {prop["name"]: prop["type"] for prop in config["target"]["properties"]}
    columns = {}
    for column in config["columns"]:
        options = {k: v for k, v in column.items() if k not in ("header", "property")}
        options["type"] = types.get(column.get("property"), "text")
        columns[column["header"]] = options
    return config["formats"], columns


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_guesses_match_the_benchmark_configuration(delimiter: str, make_extract: Path) -> None:
    generator = _load(make_extract)
    decimal = "," if delimiter == ";" else "."
    rng = random.Random(20261128)
    rows = [generator.row(rng, i, decimal) for i in range(1, 201)]
    formats, columns = _declared(generator.config_text(delimiter, False, decimal))
    for header, values in zip(generator.HEADER, zip(*rows, strict=True), strict=True):
        declared = columns[header]
        declared_type = declared.get("type", "text")
        expected_type = "text" if declared_type == "dimension" else declared_type
        guessed_type, options = guess_column(list(values))
        assert guessed_type == expected_type, header
        effective = {**formats, **{k: v for k, v in declared.items() if k != "type"}}
        if guessed_type == "number":
            wanted = {key: effective.get(key, default) for key, default in NUMBER_DEFAULTS.items()}
            assert {**NUMBER_DEFAULTS, **options} == wanted, header
        if guessed_type == "date":
            assert options.get("date_format", "yyyy-MM-dd") == effective["date_format"], header
        if guessed_type != "text":
            assert value_check(guessed_type, options).accepts_all(list(values)), header
