from __future__ import annotations

from csvlint.engine.facts import FileFacts
from csvlint.finding import Severity
from csvlint.rules.base import Rule, Violation, Violations


class TitleRow(Rule):
    """The first row looks like a title above the real header.

    Reports saved from a spreadsheet often start with a title (`Orders, November`) in the
    first cell; Pigment takes the first row as the header, so no column matches. When this
    rule fires, csvlint reads the second row as the header for the other checks.

    Fails: `Orders export\\nOrder ID,Amount\\nORD-1,10`.
    Passes: `Order ID,Amount\\nORD-1,10`.
    """

    code = "CSV114"
    name = "title-row"
    severity = Severity.WARNING

    def check_file(self, facts: FileFacts) -> Violations:
        if facts.title is not None and facts.header is not None:
            title = next((value for value in facts.title if value), "")
            yield Violation(
                f"the first row ({title!r}) looks like a title; the header seems to be on "
                f"line {facts.header.line}",
                line=1,
                record=0,
                hint="remove the title row from the export",
            )
