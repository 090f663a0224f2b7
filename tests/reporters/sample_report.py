"""The report every reporter test renders: a config finding, a finding without a line, text
that each format must escape, and findings left out by the cap."""

from __future__ import annotations

import io
from typing import Any

from csvlint.dialect import Dialect
from csvlint.finding import Finding, Severity
from csvlint.report import FileResult, Omission, Report
from csvlint.reporters import reporter
from csvlint.rules import find

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


def render(fmt: str, report: Report) -> str:
    """The report in format `fmt`, without colour."""
    out = io.StringIO()
    reporter(fmt)(report, out, False)
    return out.getvalue()
