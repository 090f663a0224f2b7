"""Import configurations as Frictionless descriptors, and Table Schemas as draft inputs."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from csvlint.config import ImportConfig, load_config_text
from csvlint.formats.date import DateFormat
from csvlint.formats.guess import DATE_CANDIDATES
from csvlint.interop.table_schema import (
    DescriptorError,
    data_package,
    draft_inputs,
    pigment_date_format,
    read_table_schema,
    strptime_format,
    table_schema,
)

TABLE_SCHEMA_V2 = "https://datapackage.org/profiles/2.0/tableschema.json"
DATA_PACKAGE_V2 = "https://datapackage.org/profiles/2.0/datapackage.json"

PRODUCTS = """\
csvlint: 1
name: Products from the ERP
description: Nightly product master
target:
  type: dimension_list
  block: Product
  properties:
    - {name: SKU, type: text, unique: true}
    - {name: Price, type: number}
    - {name: Stock, type: integer}
    - {name: Pallets, type: integer}
    - {name: Margin, type: number}
    - {name: Launched, type: date}
    - {name: Updated, type: date}
    - {name: Active, type: boolean}
    - {name: Family, type: dimension, list: Family, items: [TOYS, BOOK]}
    - {name: Brand, type: dimension, list: Brand, items: [ACME]}
file: {encoding: windows-1252, delimiter: ";", quote: "'"}
formats:
  decimal_separator: ","
  thousands_separator: "."
  date_format: dd/MM/yyyy
  true_values: ["yes"]
  false_values: ["no"]
columns:
  - {header: sku, property: SKU}
  - {header: price, property: Price, suffix: " EUR"}
  - {header: stock, property: Stock, thousands_separator: ""}
  - {header: pallets, property: Pallets}
  - {header: margin, property: Margin, percent: true, thousands_separator: ""}
  - {header: launched, property: Launched}
  - {header: updated, property: Updated, date_format: "yyyy-MM-dd HH:mm"}
  - {header: active, property: Active}
  - {header: family, property: Family, on_missing_item: skip_row}
  - {header: brand, property: Brand, on_missing_item: create}
  - {header: comment}
sample: data/products.csv
"""

PRODUCT_FIELDS: list[dict[str, Any]] = [
    {"name": "sku", "type": "string", "constraints": {"required": True, "unique": True}},
    {
        "name": "price",
        "type": "number",
        "bareNumber": False,
        "decimalChar": ",",
        "groupChar": ".",
    },
    {"name": "stock", "type": "integer"},
    # Frictionless's integer has no groupChar: a grouped integer is read as a number
    {"name": "pallets", "type": "number", "decimalChar": ",", "groupChar": "."},
    {"name": "margin", "type": "number", "bareNumber": False, "decimalChar": ","},
    {"name": "launched", "type": "date", "format": "%d/%m/%Y"},
    {"name": "updated", "type": "datetime", "format": "%Y-%m-%d %H:%M"},
    {"name": "active", "type": "boolean", "trueValues": ["yes"], "falseValues": ["no"]},
    {"name": "family", "type": "string", "constraints": {"enum": ["TOYS", "BOOK"]}},
    # unknown brands become new items: any value is accepted
    {"name": "brand", "type": "string"},
    {"name": "comment", "type": "string"},
]

REVENUE = """\
csvlint: 1
name: Revenue by month
target:
  type: metric
  block: Revenue
  dimensions:
    - {name: Country, items: [FR, DE]}
    - {name: Month}
  value_type: number
file: {encoding: utf-8, delimiter: ";", layout: pivoted, pivot: {dimension: Month, first_column: 2}}
formats: {decimal_separator: ","}
columns:
  - {header: Country, dimension: Country}
COLUMNS
sample: revenue.csv
"""


def _config(text: str, folder: Path, name: str = "products.import.yaml") -> ImportConfig:
    loaded = load_config_text(text, folder / name)
    assert loaded.config is not None, loaded.problems
    return loaded.config


@pytest.mark.parametrize(
    ("pattern", "expected", "has_time"),
    [
        ("yyyy-MM-dd", "%Y-%m-%d", False),
        ("dd/MM/yyyy", "%d/%m/%Y", False),
        ("d.M.yy", "%d.%m.%y", False),
        ("dd MMM yyyy", "%d %b %Y", False),
        ("yyyyMMdd", "%Y%m%d", False),
        ("dd%MM%yyyy", "%d%%%m%%%Y", False),
        ("yyyy-MM-dd HH:mm:ss", "%Y-%m-%d %H:%M:%S", True),
        ("yyyy-MM-dd'T'HH:mm", "%Y-%m-%dT%H:%M", True),
    ],
)
def test_pigment_patterns_become_strptime_formats(
    pattern: str, expected: str, has_time: bool
) -> None:
    assert strptime_format(pattern) == (expected, has_time)


def test_an_invalid_pattern_is_refused() -> None:
    with pytest.raises(ValueError, match="needs the day"):
        strptime_format("yyyy-MM")


@pytest.mark.parametrize("pattern", DATE_CANDIDATES)
def test_each_drafted_pattern_reads_the_same_dates_both_ways(pattern: str) -> None:
    moment = dt.datetime(2024, 3, 5, 7, 8, 9)
    fmt = DateFormat.compile(pattern)
    text = fmt.format(moment)
    expected = fmt.parse(text)
    strptime, _ = strptime_format(pattern)
    assert dt.datetime.strptime(text, strptime) == expected
    back = pigment_date_format(strptime, [text])
    assert DateFormat.compile(back).parse(text) == expected


@pytest.mark.parametrize(
    ("fmt", "values", "expected"),
    [
        ("%d/%m/%Y", [], "dd/MM/yyyy"),
        ("%d/%m/%Y", ["01/02/2024", "28/12/2023"], "dd/MM/yyyy"),
        ("%d/%m/%Y", ["1/2/2024", "28/12/2023"], "d/M/yyyy"),
        ("%Y-%m-%dT%H:%M:%S", [], "yyyy-MM-dd'T'HH:mm:ss"),
        ("%Y%m%d", ["2024031"], "yyyyMMdd"),
        ("%d %b %Y, week", [], "dd MMM yyyy, 'week'"),
        ("%d/%m/%Y at o'clock", [], "dd/MM/yyyy 'at' 'o''''clock'"),
    ],
)
def test_strptime_formats_become_pigment_patterns(
    fmt: str, values: list[str], expected: str
) -> None:
    assert pigment_date_format(fmt, values) == expected
    DateFormat.compile(expected)


@pytest.mark.parametrize(
    ("fmt", "message"),
    [("%B %d %Y", "%B has no Pigment equivalent"), ("%Y-%m", "needs the day")],
)
def test_strptime_formats_without_a_pigment_pattern_are_refused(fmt: str, message: str) -> None:
    with pytest.raises(DescriptorError, match=message):
        pigment_date_format(fmt)


def test_a_list_becomes_a_table_schema_field_by_field(tmp_path: Path) -> None:
    schema = table_schema(_config(PRODUCTS, tmp_path))
    assert schema == {"$schema": TABLE_SCHEMA_V2, "fields": PRODUCT_FIELDS, "primaryKey": ["sku"]}


def test_only_a_dimension_list_has_a_primary_key(tmp_path: Path) -> None:
    text = PRODUCTS.replace("type: dimension_list", "type: transaction_list")
    schema = table_schema(_config(text, tmp_path))
    assert "primaryKey" not in schema
    assert schema["fields"][0]["constraints"] == {"required": True, "unique": True}


def test_a_metric_describes_its_dimensions_and_listed_item_columns(tmp_path: Path) -> None:
    listed = "  - {header: Jan, suffix: K}\n  - {header: Feb, suffix: K}"
    schema = table_schema(_config(REVENUE.replace("COLUMNS", listed), tmp_path))
    value = {"type": "number", "bareNumber": False, "decimalChar": ","}
    assert schema["fields"] == [
        {"name": "Country", "type": "string", "constraints": {"enum": ["FR", "DE"]}},
        {"name": "Jan", **value},
        {"name": "Feb", **value},
    ]


def test_a_pivot_without_listed_item_columns_takes_them_from_the_sample(tmp_path: Path) -> None:
    (tmp_path / "revenue.csv").write_text("Country;Jan;Feb;Mar\nFR;1,5;2;3\n", encoding="utf-8")
    schema = table_schema(_config(REVENUE.replace("COLUMNS\n", ""), tmp_path))
    assert [f["name"] for f in schema["fields"]] == ["Country", "Jan", "Feb", "Mar"]
    assert {f["type"] for f in schema["fields"][1:]} == {"number"}


def test_a_pivot_without_item_columns_or_sample_cannot_be_described(tmp_path: Path) -> None:
    with pytest.raises(DescriptorError, match="item columns come from the sample"):
        table_schema(_config(REVENUE.replace("COLUMNS\n", ""), tmp_path))


def test_a_data_package_holds_the_sample_with_its_dialect(tmp_path: Path) -> None:
    package = data_package(_config(PRODUCTS, tmp_path), folder=tmp_path)
    assert package["$schema"] == DATA_PACKAGE_V2
    assert (package["name"], package["title"]) == ("products-from-the-erp", "Products from the ERP")
    assert package["description"] == "Nightly product master"
    (resource,) = package["resources"]
    assert resource["name"] == "products"
    assert resource["path"] == "data/products.csv"
    assert resource["encoding"] == "windows-1252"
    # Frictionless v5 keeps a CSV dialect under its `csv` control
    assert resource["dialect"] == {"csv": {"delimiter": ";", "quoteChar": "'"}}
    assert resource["schema"]["fields"] == PRODUCT_FIELDS
    assert "$schema" not in resource["schema"]


def test_a_data_package_path_is_relative_to_its_folder(tmp_path: Path) -> None:
    package = data_package(_config(PRODUCTS, tmp_path), folder=tmp_path / "data")
    assert package["resources"][0]["path"] == "products.csv"


def test_a_sample_outside_the_folder_cannot_be_a_resource(tmp_path: Path) -> None:
    with pytest.raises(DescriptorError, match="not inside"):
        data_package(_config(PRODUCTS, tmp_path), folder=tmp_path / "elsewhere")


def test_a_configuration_without_sample_has_no_data_package(tmp_path: Path) -> None:
    config = _config(PRODUCTS.replace("sample: data/products.csv\n", ""), tmp_path)
    with pytest.raises(DescriptorError, match="no `sample`"):
        data_package(config, folder=tmp_path)


def test_a_duplicate_header_is_refused_by_frictionless(tmp_path: Path) -> None:
    text = PRODUCTS.replace("  - {header: comment}", "  - {header: sku}")
    with pytest.raises(DescriptorError, match="names of the fields are not unique"):
        table_schema(_config(text, tmp_path))


SCHEMA: dict[str, Any] = {
    "fields": [
        {"name": "code", "type": "string", "constraints": {"unique": True}},
        {"name": "store", "type": "string", "constraints": {"enum": ["A", "B"]}},
        {"name": "amount", "type": "number", "decimalChar": ",", "groupChar": "."},
        {"name": "price", "type": "number", "bareNumber": False},
        {"name": "units", "type": "integer", "groupChar": " "},
        {"name": "day", "type": "date"},
        {"name": "shipped", "type": "date", "format": "%d/%m/%Y"},
        {"name": "seen", "type": "datetime"},
        {"name": "loose", "type": "date", "format": "any"},
        {"name": "gift", "type": "boolean", "trueValues": ["Y"], "falseValues": ["N"]},
        {"name": "flag", "type": "boolean"},
        {"name": "year", "type": "year"},
        {"name": "where", "type": "geopoint"},
        {"name": "gone", "type": "string"},
    ],
    "primaryKey": ["code"],
}
HEADER = [
    "code", "store", "amount", "price", "units", "day", "shipped", "seen", "loose", "gift",
    "flag", "year", "where", "extra",
]  # fmt: skip
ROW = [
    "C1", "A", "1.234,5", "$12.50", "1 000", "2024-01-02", "1/2/2024", "2024-01-02 03:04:05",
    "02.01.2024", "Y", "true", "2024", "1,2", "x",
]  # fmt: skip


def test_a_table_schema_gives_the_draft_its_types_and_options() -> None:
    drafted = draft_inputs(SCHEMA, HEADER, [[value] for value in ROW])
    assert drafted.guesses == (
        ("text", {}),
        ("dimension", {}),
        ("number", {"decimal_separator": ",", "thousands_separator": "."}),
        ("number", {"prefix": "$"}),
        ("integer", {"thousands_separator": " "}),
        ("date", {}),
        ("date", {"date_format": "d/M/yyyy"}),
        ("date", {"date_format": "yyyy-MM-dd HH:mm:ss"}),
        ("date", {"date_format": "dd.MM.yyyy"}),
        ("boolean", {}),
        ("boolean", {}),
        ("integer", {}),
        ("text", {}),
        ("text", {}),
    )
    assert drafted.unique == "code"
    assert drafted.notes == (
        "field 'gone' is not a column of the sample",
        "field 'store': list its 2 enum values as the property's `items`",
        "field 'gift': set its words as formats.true_values/false_values",
    )


def test_a_composite_primary_key_leaves_the_key_to_the_unique_fields() -> None:
    schema = {
        "fields": [{"name": "a"}, {"name": "b", "constraints": {"unique": True}}],
        "primaryKey": ["a", "b"],
    }
    drafted = draft_inputs(schema, ["a", "b"], [])
    assert drafted.unique == "b"
    assert drafted.notes == ("the primary key a, b is several fields; Pigment's is one",)


def test_a_separator_pigment_lacks_is_refused() -> None:
    schema = {"fields": [{"name": "n", "type": "number", "groupChar": "_"}]}
    with pytest.raises(DescriptorError, match=r"field 'n': .*thousands separator"):
        draft_inputs(schema, ["n"], [["1_000"]])


def test_a_table_schema_is_read_from_json_or_yaml(tmp_path: Path) -> None:
    (tmp_path / "schema.json").write_text(json.dumps(SCHEMA), encoding="utf-8")
    (tmp_path / "schema.yaml").write_text(
        "fields:\n  - {name: code, type: integer}\nprimaryKey: code\n", encoding="utf-8"
    )
    assert read_table_schema(tmp_path / "schema.json")["fields"] == SCHEMA["fields"]
    assert read_table_schema(tmp_path / "schema.yaml") == {
        "fields": [{"name": "code", "type": "integer"}],
        "primaryKey": ["code"],
    }


def test_a_data_package_gives_the_schema_of_the_sample(tmp_path: Path) -> None:
    resources = [
        {"name": name, "path": f"{name}.csv", "schema": {"fields": [{"name": name}]}}
        for name in ("orders", "stores")
    ]
    package = tmp_path / "datapackage.json"
    package.write_text(json.dumps({"resources": resources}), encoding="utf-8")
    # without `$schema` the descriptor is v1, where a field without type is a string
    stores = [{"name": "stores", "type": "string"}]
    assert read_table_schema(package, "stores.csv")["fields"] == stores
    with pytest.raises(DescriptorError, match=r"2 resources and none is items\.csv"):
        read_table_schema(package, "items.csv")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not a JSON or YAML descriptor"),
        ("[1]", "not a JSON or YAML descriptor"),
        ('{"fields": {"name": "a"}}', "Frictionless refuses the descriptor"),
    ],
)
def test_a_file_frictionless_refuses_is_reported(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "schema.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DescriptorError, match=message):
        read_table_schema(path)
