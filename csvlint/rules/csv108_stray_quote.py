from __future__ import annotations

from csvlint.finding import Severity
from csvlint.reader.grammar import Anomaly, Chunk
from csvlint.rules._anomaly import irregularities
from csvlint.rules.base import Rule, Violations


class StrayQuote(Rule):
    """A quote character inside an unquoted field, or text after a field's closing quote.

    CSV allows a quote only around a whole field, doubled inside it. Readers disagree on what
    `5" pipe` or `"a"b` mean (Python's csv module silently guesses), so the value Pigment stores
    may not be the one intended.

    Fails: `ORD-1,5" pipe,10` and `ORD-1,"Smith"Jr,10`.
    Passes: `ORD-1,"5"" pipe",10` and `ORD-1,"Smith Jr",10`.
    """

    code = "CSV108"
    name = "stray-quote"
    severity = Severity.ERROR

    def check_chunk(self, chunk: Chunk) -> Violations:
        for found in irregularities(chunk, Anomaly.STRAY_QUOTE, Anomaly.TEXT_AFTER_QUOTE):
            if found.kind is Anomaly.STRAY_QUOTE:
                message = f"a quote character inside unquoted field {found.column}"
                hint = "quote the whole field and double the quote inside it"
            else:
                message = f"text after the closing quote of field {found.column}"
                hint = "put the whole value inside the quotes"
            yield self.at_record(
                chunk, found.record, message, column=found.column, line=found.line, hint=hint
            )
