"""The library: what ingestion code calls, on files, bytes and streams, with and without a
configuration; and that any bytes at all give a report, never an exception."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import csvlint
from csvlint import Finding, LintError, Report, Severity

CONFIG = """\
csvlint: 1
name: Employees
target:
  type: dimension_list
  block: Employee
  properties:
    - {name: Employee ID, type: text, unique: true}
    - {name: Hired, type: date}
file: {encoding: utf-8, delimiter: ","}
columns:
  - {header: Employee ID, property: Employee ID}
  - {header: Hired, property: Hired}
sample: sample.csv
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "sample.csv").write_text("Employee ID,Hired\nE1,2026-01-02\n", encoding="utf-8")
    (tmp_path / "e.import.yaml").write_text(CONFIG, encoding="utf-8")
    return tmp_path


def test_lint_a_clean_file(project: Path) -> None:
    report = csvlint.lint(project / "sample.csv")
    assert report.ok and not report.findings
    report.raise_for_errors()
    (csv,) = [f for f in report.files if f.kind == "csv"]
    assert csv.rows == 1
    assert csv.dialect == csvlint.Dialect("utf-8", False, ",", '"')
    # the configuration beside the file names it as its sample: found from the file's folder,
    # wherever the caller runs
    assert csv.config is not None and csv.config.endswith("e.import.yaml")


def test_lint_against_a_configuration(project: Path) -> None:
    extract = project / "extract.csv"
    extract.write_text("Employee ID,Hired\nE1,11/28/2026\nE1,2026-11-28\n", encoding="utf-8")
    report = csvlint.lint(extract, config=project / "e.import.yaml")
    found = [(f.code, f.line, f.column, f.column_name) for f in report.findings]
    assert ("VAL303", 2, 2, "Hired") in found
    assert ("VAL306", 3, 1, "Employee ID") in found
    assert not report.ok
    assert not report.blocks_copy_id  # values of an extract never block Copy ID
    with pytest.raises(LintError) as raised:
        report.raise_for_errors()
    assert raised.value.report is report


def test_findings_are_frozen_and_sorted(project: Path) -> None:
    report = csvlint.lint_bytes(b"a,b\n1\n2,3,4\n")
    assert [f.line for f in report.findings] == [2, 3]
    finding = report.findings[0]
    assert isinstance(finding, Finding) and finding.severity is Severity.ERROR
    with pytest.raises(AttributeError):
        finding.line = 9  # type: ignore[misc]


def test_lint_bytes_and_stream_name_their_source() -> None:
    data = b"a,b\n1,2,3\n"
    assert csvlint.lint_bytes(data, name="x.csv").findings[0].path == "x.csv"
    report = csvlint.lint_stream(io.BytesIO(data), name="http.csv")
    assert report.findings[0].path == "http.csv" and report.findings[0].code == "CSV109"


def test_select_ignore_and_cap() -> None:
    data = b"a,b\n" + b"1,2,3\n" * 50
    assert csvlint.lint_bytes(data, ignore=["ragged-row"]).ok
    capped = csvlint.lint_bytes(data, max_per_rule=5)
    assert len(capped.findings) == 5
    assert capped.count(Severity.ERROR) == 50
    assert capped.omitted[0].count == 45
    assert csvlint.lint_bytes(data, select=["CSV110"]).ok


def test_load_and_verify_config(project: Path) -> None:
    config = csvlint.load_config(project / "e.import.yaml")
    assert config.id is None and config.header == ("Employee ID", "Hired")
    report = csvlint.verify_config(project / "e.import.yaml")
    assert report.blocks_copy_id  # a draft has no ID to copy
    assert [f.code for f in report.findings if f.blocks_copy_id] == ["CFG411"]
    (project / "bad.import.yaml").write_text("csvlint: 1\nname: [\n", encoding="utf-8")
    with pytest.raises(csvlint.ConfigError, match="line"):
        csvlint.load_config(project / "bad.import.yaml")


def test_a_missing_file_raises() -> None:
    with pytest.raises(FileNotFoundError):
        csvlint.lint("does/not/exist.csv")


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_any_bytes_give_a_report(data: bytes) -> None:
    report = csvlint.lint_bytes(data)
    assert isinstance(report, Report)
    for finding in report.findings:
        assert finding.line is None or finding.line >= 1


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.lists(st.text(alphabet='ab ,"\n;é', min_size=1, max_size=6), min_size=3, max_size=3),
        min_size=2,
        max_size=25,
    ),
    st.sampled_from([(",", '"'), (";", '"')]),
    st.data(),
)
def test_a_defect_is_reported_at_its_physical_line(
    rows: list[list[str]], dialect: tuple[str, str], data: st.DataObject
) -> None:
    delimiter, quote = dialect
    header = ["id", "name", "amount"]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, quotechar=quote, lineterminator="\n")
    writer.writerow(header)
    lines = [2]  # where each record starts: the header is line 1
    for row in rows:
        text = io.StringIO()
        csv.writer(text, delimiter=delimiter, quotechar=quote, lineterminator="\n").writerow(row)
        lines.append(lines[-1] + text.getvalue().count("\n"))
    target = data.draw(st.integers(0, len(rows) - 1))
    for index, row in enumerate(rows):
        if index == target:
            # one more field than the header: a ragged record starting on a known line
            writer.writerow([*row, "extra"])
        else:
            writer.writerow(row)
    report = csvlint.lint_bytes(out.getvalue().encode("utf-8"))
    ragged = [(f.line, f.record) for f in report.findings if f.code == "CSV109"]
    assert ragged == [(lines[target], target + 1)]


NAMES = st.text(alphabet="abcdefgh", min_size=1, max_size=6)
VALUES = st.text(alphabet="ab 12,;\"'\né.", max_size=8)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(2, 5).flatmap(
        lambda width: st.tuples(
            st.lists(NAMES, min_size=width, max_size=width, unique=True),
            st.lists(st.lists(VALUES, min_size=width, max_size=width), min_size=1, max_size=15),
        )
    ),
    st.sampled_from([",", ";"]),
    st.sampled_from(["\n", "\r\n"]),
    st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
    st.booleans(),
)
def test_a_clean_table_lints_clean(
    table: tuple[list[str], list[list[str]]], delimiter: str, ending: str, quoting: int, bom: bool
) -> None:
    header, rows = table
    rows = [row for row in rows if any(value.strip() for value in row)]  # blank rows warn
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=ending, quoting=quoting)
    writer.writerows([header, *rows])
    data = ("\ufeff" if bom else "").encode() + out.getvalue().encode("utf-8")
    report = csvlint.lint_bytes(data, ignore=["CSV104", "CSV113"])
    assert report.findings == (), [f.message for f in report.findings]


def test_nul_bytes_past_the_first_block_are_reported_at_their_line() -> None:
    data = b"a,b\n" + b"1,2\n" * 400_000 + b"3,\x004\n5,6\n"
    report = csvlint.lint_bytes(data)
    assert [(f.code, f.line) for f in report.findings] == [("CSV102", 400_002)]


def test_an_unclosed_quote_in_a_huge_file_is_read_without_holding_it() -> None:
    data = b'a,b\n1,"open\n' + b"x,y\n" * 5_000_000  # 20 MB after the quote
    report = csvlint.lint_bytes(data)
    assert [(f.code, f.line) for f in report.findings] == [
        ("CSV107", 2),
        ("CSV112", 2),
        ("CSV119", 2),
    ]
