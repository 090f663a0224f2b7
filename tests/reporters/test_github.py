"""The GitHub Actions reporter: one workflow command a finding, escaped as the runner expects."""

from __future__ import annotations

import os
from pathlib import Path

from sample_report import finding, sample_report
from sample_report import render as render_as

from csvlint.report import FileResult, Report
from csvlint.reporters.github import escape_data, escape_property

GOLDEN = Path(__file__).parent / "golden" / "report.github"


def render(report: Report) -> str:
    return render_as("github", report)


def test_output_matches_golden_file() -> None:
    text = render(sample_report())
    if os.environ.get("CSVLINT_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_one_command_a_finding_then_plain_lines() -> None:
    lines = render(sample_report()).splitlines()
    assert lines == [
        "::warning file=data/orders.csv,title=CSV111 mixed-line-endings::"
        "lines end with CRLF (3) and LF (1)",
        "::warning file=data/orders.csv,line=1,title=HDR203 header-whitespace (field 2)::"
        "column name ' Customer' has leading whitespace",
        "::error file=data/orders.csv,line=3,title=CSV109 ragged-row::"
        "record 2 has 5 fields; the header has 4",
        "::error file=data/orders.csv,line=4,title=VAL301 invalid-number (field 3)::"
        "'12,5 %25' is not a number: expected 1,234.56\\nsee \u201cAmount\u201d \u2013 caf\u00e9"
        "%0Ahint: use the number format: 1,234.56",
        "::notice file=imports/orders.import.yaml,title=CFG411 not-saved::"
        "the configuration is a draft%0Ahint: save it",
        "::error file=imports/orders.import.yaml,line=7,title=CFG404 column-not-in-sample::"
        "column 'Ammount' is not in the sample's header%0Ahint: did you mean 'Amount'?",
        "data/orders.csv: VAL301 1,234 more invalid-number findings in column Amount not listed",
        "data/orders.csv: VAL308 7 more value-whitespace findings in column  Customer not listed",
        "Found 1,237 errors, 9 warnings and 1 info in 3 files "
        "(1,241 not listed: see --max-per-rule); 1 CSV file against imports/orders.import.yaml, "
        "1 with no configuration; Copy ID would be refused.",
    ]


def test_properties_escape_colons_and_commas_and_text_its_line_breaks() -> None:
    path = "in: 50%,\r\nout.csv"
    awkward = finding(
        "CSV103", path, "byte 0xff: not UTF-8, 100%\r\nat the start", line=2, column=1
    )
    [line, summary] = render(Report.build([], [awkward])).splitlines()
    assert line == (
        "::error file=in%3A 50%25%2C\\r\\nout.csv,line=2,title=CSV103 encoding-error (field 1)::"
        "byte 0xff: not UTF-8, 100%25\\r\\nat the start"
    )
    assert summary == "Found 1 error, 0 warnings and 0 infos in 0 files."


def test_escapes() -> None:
    assert escape_data("a%b\rc\nd:e,f") == "a%25b%0Dc%0Ad:e,f"
    assert escape_property("a%b\rc\nd:e,f") == "a%25b%0Dc%0Ad%3Ae%2Cf"
    assert escape_data("%0A") == "%250A"


def test_clean_report_is_one_summary_line() -> None:
    report = Report.build([FileResult("ok.csv", "csv", rows=1)], [])
    assert render(report) == (
        "Found 0 errors, 0 warnings and 0 infos in 1 file; 1 CSV file with no configuration.\n"
    )


def test_col_is_never_a_field_position() -> None:
    """GitHub reads `col` as a character position in the line: a field's position there
    would put the annotation under the wrong characters."""
    text = render(sample_report())
    assert ",col=" not in text and "(field 2)" in text
