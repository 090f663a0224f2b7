from __future__ import annotations

from csvlint.finding import Severity
from csvlint.reader.grammar import Anomaly, Chunk
from csvlint.rules._anomaly import irregularities
from csvlint.rules.base import Rule, Violations


class SpaceAroundQuotes(Rule):
    """Whitespace between a delimiter and a quoted field's quote.

    `a, "b, c"` is not a quoted field to a strict reader: the space makes the quote part of an
    unquoted value, and the comma inside then splits it.

    Fails: `ORD-1, "Smith, John",10` and `ORD-1,"Smith, John" ,10`.
    Passes: `ORD-1,"Smith, John",10`.
    """

    code = "CSV115"
    name = "space-around-quotes"
    severity = Severity.WARNING

    def check_chunk(self, chunk: Chunk) -> Violations:
        kinds = (Anomaly.SPACE_BEFORE_QUOTE, Anomaly.SPACE_AFTER_QUOTE)
        for found in irregularities(chunk, *kinds):
            side = "before" if found.kind is Anomaly.SPACE_BEFORE_QUOTE else "after"
            yield self.at_record(
                chunk,
                found.record,
                f"whitespace {side} the quotes of field {found.column}",
                column=found.column,
                line=found.line,
                hint="remove the spaces next to the delimiter",
            )
