from __future__ import annotations

from csvlint.finding import Severity
from csvlint.reader.grammar import Anomaly, Chunk
from csvlint.rules._anomaly import irregularities
from csvlint.rules.base import Rule, Violations


class UnclosedQuote(Rule):
    """A quoted field never closes before the end of the file.

    Everything after the opening quote, line breaks included, becomes one value: the rest of
    the file is lost as a single field. The finding points at the field that opened the quote.
    A quoted field that runs over lines and "closes" right before more text (the quote that
    opens a later field) is reported here too, on the line where it opened, the line to fix
    (CSV108 reports the text after it).
    A quote still open after 16 MiB (or four times `field-size-limit`) is read on in pieces to
    the end of the file or to its closing quote: a quote that closes is no finding of this
    rule (the field is CSV112's, the record CSV119's).

    Fails: `ORD-1,"Smith, John,10` (no closing quote on any later line).
    Passes: `ORD-1,"Smith, John",10`.
    """

    code = "CSV107"
    name = "unclosed-quote"
    severity = Severity.ERROR

    def check_chunk(self, chunk: Chunk) -> Violations:
        for found in irregularities(chunk, Anomaly.UNCLOSED_QUOTE):
            opened = f"the quote opened in field {found.column} of record {found.record}"
            yield self.at_record(
                chunk,
                found.record,
                f"{opened} does not close on its line: it runs to line {found.size}, where "
                "text follows the quote that closes it"
                if found.size
                else f"{opened} never closes",
                column=found.column,
                line=found.line,
                hint="close the quote, or double the quote characters inside the value",
            )
