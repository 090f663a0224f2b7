"""Frictionless, given the exported Data Package, judges an extract as csvlint's rules do."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

import frictionless
import pytest

from csvlint.config import load_config, load_config_text
from csvlint.interop.table_schema import data_package

MAKE_EXTRACT = Path(__file__).resolve().parents[2] / "benchmarks" / "make_extract.py"
ROWS = 300
VARIANTS = {"comma": (), "semicolon": ("--delimiter", ";"), "bom": ("--bom",)}


@pytest.fixture(scope="module")
def extracts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The generator's clean extract and configuration, in each variant (made once)."""
    if not MAKE_EXTRACT.is_file():
        pytest.skip(f"{MAKE_EXTRACT} is not in this checkout")
    made = {}
    for variant, options in VARIANTS.items():
        folder = tmp_path_factory.mktemp(variant)
        command = [sys.executable, str(MAKE_EXTRACT), str(folder), "--rows", str(ROWS), *options]
        subprocess.run(command, check=True)
        made[variant] = folder
    return made


def _package(source: Path, folder: Path) -> Path:
    """The extract of `source` copied to `folder`, with its exported Data Package there."""
    for name in ("orders.csv", "orders.import.yaml"):
        shutil.copy(source / name, folder / name)
    config = load_config(folder / "orders.import.yaml").config
    assert config is not None
    path = folder / "datapackage.json"
    path.write_text(json.dumps(data_package(config, folder=folder)), encoding="utf-8")
    return path


def _errors(package: Path) -> list[tuple[int | None, str | None, str]]:
    report = frictionless.validate(str(package))
    return [tuple(error) for error in report.flatten(["rowNumber", "fieldName", "type"])]


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_clean_extract_is_valid(
    extracts: dict[str, Path], tmp_path: Path, variant: str
) -> None:
    assert _errors(_package(extracts[variant], tmp_path)) == []


def test_defects_are_reported_in_their_rows(extracts: dict[str, Path], tmp_path: Path) -> None:
    package = _package(extracts["comma"], tmp_path)
    with (tmp_path / "orders.csv").open(newline="", encoding="utf-8") as stream:
        rows = list(csv.reader(stream))
    column = {name: index for index, name in enumerate(rows[0])}
    # rows[n] is data record n; Frictionless numbers rows from the header's, 1
    rows[10][column["Order Date"]] = "11/28/2026"
    rows[20][column["Amount"]] = "12,34x"
    rows[30][column["Store"]] = "ST9999"
    rows[40][column["Order ID"]] = rows[5][column["Order ID"]]
    with (tmp_path / "orders.csv").open("w", newline="", encoding="utf-8") as stream:
        csv.writer(stream, lineterminator="\n").writerows(rows)
    assert _errors(package) == [
        (11, "Order Date", "type-error"),
        (21, "Amount", "type-error"),
        (31, "Store", "constraint-error"),
        (41, "Order ID", "unique-error"),
    ]


def test_a_header_that_differs_is_reported(extracts: dict[str, Path], tmp_path: Path) -> None:
    package = _package(extracts["comma"], tmp_path)
    text = (tmp_path / "orders.csv").read_text(encoding="utf-8")
    swapped = text.replace("Order Date,Ship Date", "Ship Date,Order Date", 1)
    (tmp_path / "orders.csv").write_text(swapped, encoding="utf-8")
    assert {error[2] for error in _errors(package)} >= {"incorrect-label"}


STORES = """\
csvlint: 1
name: Stores
target:
  type: dimension_list
  block: Store
  properties:
    - {name: Code, type: text, unique: true}
    - {name: Opened, type: date}
file: {encoding: utf-8, delimiter: ","}
formats: {date_format: d MMM yyyy}
columns:
  - {header: code, property: Code}
  - {header: opened, property: Opened}
sample: stores.csv
"""


def test_a_duplicate_key_of_a_dimension_list_breaks_its_primary_key(tmp_path: Path) -> None:
    rows = "code,opened\nST1,1 Mar 2024\nST2,15 Jan 2023\nST1,2 Feb 2022\n,3 Apr 2021\n"
    (tmp_path / "stores.csv").write_text(rows, encoding="utf-8")
    config = load_config_text(STORES, tmp_path / "stores.import.yaml").config
    assert config is not None
    package = tmp_path / "datapackage.json"
    package.write_text(json.dumps(data_package(config, folder=tmp_path)), encoding="utf-8")
    # the key is `unique` and `required`, and the primary key: each rule says so on its own
    assert _errors(package) == [
        (4, "code", "unique-error"),
        (4, None, "primary-key"),
        (5, "code", "constraint-error"),
        (5, None, "primary-key"),
    ]
