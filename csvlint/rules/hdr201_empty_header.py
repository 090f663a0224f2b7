from __future__ import annotations

from csvlint.engine.facts import Header
from csvlint.finding import Severity
from csvlint.rules.base import Rule, Violation, Violations


class EmptyHeader(Rule):
    """A column with an empty name.

    Pigment maps columns by their header; a nameless column cannot be mapped, and a trailing
    delimiter on the header line (`a,b,`) makes one.

    Fails: `Order ID,,Amount`.
    Passes: `Order ID,Customer,Amount`.
    """

    code = "HDR201"
    name = "empty-header"
    severity = Severity.ERROR

    def check_header(self, header: Header) -> Violations:
        if header.width == 1 and not header.names[0].strip():
            return  # a blank first line: CSV101 or CSV110 territory, not a nameless column
        for column, name in enumerate(header.names, 1):
            if not name.strip():
                yield Violation(
                    f"column {column} has no name",
                    line=header.line,
                    record=header.record,
                    column=column,
                    hint="name the column, or remove the trailing delimiter",
                )
