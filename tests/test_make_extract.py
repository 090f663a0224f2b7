"""The realistic extract of the benchmark: clean in both of its dialects, and every defect put
into it found at its exact line and column."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from conftest import generate

import csvlint

ROWS = 3000


@pytest.fixture(
    scope="module", params=[(), ("--delimiter", ";", "--bom")], ids=["comma", "semicolon-bom"]
)
def extract(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import MAKE_EXTRACT

    if not MAKE_EXTRACT.is_file():
        pytest.skip("benchmarks/make_extract.py is not in this checkout")
    return generate(tmp_path_factory.mktemp("extract"), ROWS, *request.param)


def test_the_clean_extract_lints_clean(extract: Path) -> None:
    report = csvlint.lint(extract / "orders.csv", config=extract / "orders.import.yaml")
    assert [f for f in report.findings if f.path.endswith("orders.csv")] == []
    assert report.ok and not report.omitted
    assert report.files[-1].rows == ROWS or any(f.rows == ROWS for f in report.files)


def test_its_configuration_saves_and_verifies(extract: Path) -> None:
    saved = csvlint.save_config(extract / "orders.import.yaml")
    assert saved.written, [f.message for f in saved.report.findings]
    assert not csvlint.verify_config(extract / "orders.import.yaml").blocks_copy_id


#: (record, column name, bad value, code): the defects injected into the extract
DEFECTS = [
    (10, "Order Date", "11/28/2026", "VAL303"),
    (20, "Ship Date", "31/02/2024", "VAL303"),
    (30, "Amount", "12,34x", "VAL301"),
    (40, "Quantity", "7.5", "VAL310"),
    (50, "Quantity", "seven", "VAL302"),
    (60, "Store", "ST9999", "VAL307"),
    (70, "Gift", "yes", "VAL304"),
    (80, "Order ID", "ORD-00000005", "VAL306"),
    (90, "Customer", "=HYPERLINK(1)", "VAL309"),
    (100, "Category", " ELEC", "VAL308"),
    (110, "Order ID", "", "VAL305"),
]


def _inject(extract: Path) -> tuple[Path, dict[int, int]]:
    """Write the extract with the defects; returns it and each record's physical line."""
    config = (extract / "orders.import.yaml").read_text(encoding="utf-8")
    delimiter = ";" if "delimiter: ';'" in config else ","
    bom = "utf-8-sig" in config
    text = (extract / "orders.csv").read_text(encoding="utf-8-sig" if bom else "utf-8")
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    header = rows[0]
    for record, column, value, _ in DEFECTS:
        # a decimal in the semicolon variant's own format, so that it is a truncation there too
        rows[record][header.index(column)] = value.replace(".", ",") if delimiter == ";" else value
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    lines, line = {}, 1
    for record, row in enumerate(rows):
        before = out.tell()
        writer.writerow(row)
        lines[record] = line
        line += out.getvalue()[before:].count("\n")
    path = extract / "defects.csv"
    path.write_bytes(out.getvalue().encode("utf-8-sig" if bom else "utf-8"))
    return path, lines


def test_defects_are_found_at_their_line_and_column(extract: Path) -> None:
    path, lines = _inject(extract)
    report = csvlint.lint(path, config=extract / "orders.import.yaml", max_per_rule=0)
    found = {
        (f.code, f.line, f.column_name) for f in report.findings if f.path.endswith("defects.csv")
    }
    for record, column, _, code in DEFECTS:
        assert (code, lines[record], column) in found, (code, record, column)
    unknown = [f for f in report.findings if f.code == "VAL307"]
    assert {f.line for f in unknown} >= {lines[60]}
    header = next(f for f in report.files if f.path.endswith("defects.csv"))
    assert header.rows == ROWS
    assert not report.blocks_copy_id  # bad values in an extract never block Copy ID
