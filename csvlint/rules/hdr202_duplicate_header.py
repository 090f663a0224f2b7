from __future__ import annotations

from csvlint.engine.facts import Header
from csvlint.finding import Severity
from csvlint.rules.base import Rule, Violation, Violations


class DuplicateHeader(Rule):
    """Two columns with the same name.

    A mapping names a column by its header; with two, which one Pigment reads is a guess.
    Names that differ only by whitespace around them (`Amount` and `Amount `) are the same
    name to most tools that trim headers, so they are duplicates too (HDR203 also reports the
    whitespace).

    Fails: `Order ID,Amount,Amount`.
    Passes: `Order ID,Amount,Amount (EUR)`.
    """

    code = "HDR202"
    name = "duplicate-header"
    severity = Severity.ERROR

    def check_header(self, header: Header) -> Violations:
        first: dict[str, int] = {}
        for column, name in enumerate(header.names, 1):
            # names that differ only by surrounding whitespace are the same once trimmed
            key = name.strip()
            if not key:
                continue
            if key in first:
                earlier = header.names[first[key] - 1]
                like = (
                    f"like column {first[key]}"
                    if earlier == name
                    else f"as column {first[key]} is ({earlier!r}) once whitespace is trimmed"
                )
                yield Violation(
                    f"column {column} is named {name!r} {like}",
                    line=header.line,
                    record=header.record,
                    column=column,
                    column_name=name,
                    hint="give each column a distinct name",
                )
            else:
                first[key] = column
