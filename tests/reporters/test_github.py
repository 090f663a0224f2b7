"""The GitHub Actions reporter: one workflow command a finding, escaped as the runner expects."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

from csvlint.dialect import Dialect
from csvlint.finding import Finding, Severity
from csvlint.report import FileResult, Omission, Report
from csvlint.reporters import reporter
from csvlint.reporters.github import escape_data, escape_property
from csvlint.rules import find

GOLDEN = Path(__file__).parent / "golden" / "report.github"


CSV, CONFIG = "data/orders.csv", "imports/orders.import.yaml"
#: a message with what the formats must escape: `%`, `,`, `:`, a line break and non-ASCII text
AWKWARD = "'12,5 %' is not a number: expected 1,234.56\nsee \u201cAmount\u201d \u2013 caf\u00e9"


def finding(code: str, path: str, message: str, **fields: Any) -> Finding:
    """A finding of rule `code` at its default severity; `fields` say where, and the hint."""
    rule = find(code)
    where: dict[str, Any] = dict.fromkeys(("line", "record", "column", "column_name", "pointer"))
    return Finding(
        code=code,
        rule=rule.name,
        severity=rule.severity,
        blocks_copy_id=rule.default_blocks(),
        path=path,
        message=message,
        hint=fields.pop("hint", None),
        **{**where, **fields},
    )


def sample_report() -> Report:
    """A report with a config finding, a finding without a line, awkward text and omissions."""
    files = [
        FileResult(CSV, "csv", rows=4, dialect=Dialect(), config=CONFIG),
        FileResult(CONFIG, "config"),
        FileResult("data/clean.csv", "csv", rows=2, dialect=Dialect()),
    ]
    at_amount = {"line": 4, "record": 3, "column": 3, "column_name": "Amount"}
    at_customer = {"line": 1, "record": 0, "column": 2, "column_name": " Customer"}
    findings = [
        finding("VAL301", CSV, AWKWARD, hint="use the number format: 1,234.56", **at_amount),
        finding("CSV109", CSV, "record 2 has 5 fields; the header has 4", line=3, record=2),
        finding("HDR203", CSV, "column name ' Customer' has leading whitespace", **at_customer),
        finding("CSV111", CSV, "lines end with CRLF (3) and LF (1)"),
        finding(
            "CFG404",
            CONFIG,
            "column 'Ammount' is not in the sample's header",
            line=7,
            pointer="/columns/2/column",
            hint="did you mean 'Amount'?",
        ),
        finding("CFG411", CONFIG, "the configuration is a draft", pointer="", hint="save it"),
    ]
    omitted = [
        Omission(CSV, "VAL301", "invalid-number", Severity.ERROR, False, 3, "Amount", 1234),
        Omission(CSV, "VAL308", "value-whitespace", Severity.WARNING, False, 2, " Customer", 7),
    ]
    return Report.build(files, findings, omitted)


def render(report: Report) -> str:
    out = io.StringIO()
    reporter("github")(report, out, False)
    return out.getvalue()


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
        "::warning file=data/orders.csv,line=1,col=2,title=HDR203 header-whitespace::"
        "column name ' Customer' has leading whitespace",
        "::error file=data/orders.csv,line=3,title=CSV109 ragged-row::"
        "record 2 has 5 fields; the header has 4",
        "::error file=data/orders.csv,line=4,col=3,title=VAL301 invalid-number::"
        "'12,5 %25' is not a number: expected 1,234.56%0Asee \u201cAmount\u201d \u2013 caf\u00e9"
        "%0Ahint: use the number format: 1,234.56",
        "::notice file=imports/orders.import.yaml,title=CFG411 not-saved::"
        "the configuration is a draft%0Ahint: save it",
        "::error file=imports/orders.import.yaml,line=7,title=CFG404 column-not-in-sample::"
        "column 'Ammount' is not in the sample's header%0Ahint: did you mean 'Amount'?",
        "data/orders.csv: VAL301 1,234 more invalid-number findings in column Amount not listed",
        "data/orders.csv: VAL308 7 more value-whitespace findings in column  Customer not listed",
        "Found 1,237 errors, 9 warnings and 1 info in 3 files "
        "(1,241 not listed: see --max-per-rule); Copy ID would be refused.",
    ]


def test_properties_escape_colons_and_commas_too() -> None:
    path = "in: 50%,\r\nout.csv"
    awkward = finding(
        "CSV103", path, "byte 0xff: not UTF-8, 100%\r\nat the start", line=2, column=1
    )
    [line, summary] = render(Report.build([], [awkward])).splitlines()
    assert line == (
        "::error file=in%3A 50%25%2C%0D%0Aout.csv,line=2,col=1,title=CSV103 encoding-error::"
        "byte 0xff: not UTF-8, 100%25%0D%0Aat the start"
    )
    assert summary == "Found 1 error, 0 warnings and 0 infos in 0 files."


def test_escapes() -> None:
    assert escape_data("a%b\rc\nd:e,f") == "a%25b%0Dc%0Ad:e,f"
    assert escape_property("a%b\rc\nd:e,f") == "a%25b%0Dc%0Ad%3Ae%2Cf"
    assert escape_data("%0A") == "%250A"


def test_clean_report_is_one_summary_line() -> None:
    report = Report.build([FileResult("ok.csv", "csv", rows=1)], [])
    assert render(report) == "Found 0 errors, 0 warnings and 0 infos in 1 file.\n"
