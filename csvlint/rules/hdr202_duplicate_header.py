from __future__ import annotations

from csvlint.engine.facts import Header
from csvlint.finding import Severity
from csvlint.rules.base import Rule, Violation, Violations


class DuplicateHeader(Rule):
    """Two columns with the same name.

    A mapping names a column by its header; with two, which one Pigment reads is a guess.

    Fails: `Order ID,Amount,Amount`.
    Passes: `Order ID,Amount,Amount (EUR)`.
    """

    code = "HDR202"
    name = "duplicate-header"
    severity = Severity.ERROR

    def check_header(self, header: Header) -> Violations:
        first: dict[str, int] = {}
        for column, name in enumerate(header.names, 1):
            if not name.strip():
                continue
            if name in first:
                yield Violation(
                    f"column {column} is named {name!r} like column {first[name]}",
                    line=header.line,
                    record=header.record,
                    column=column,
                    column_name=name,
                    hint="give each column a distinct name",
                )
            else:
                first[name] = column
