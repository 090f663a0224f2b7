from __future__ import annotations

from csvlint.finding import Severity
from csvlint.reader.grammar import Anomaly, Chunk
from csvlint.rules._anomaly import irregularities
from csvlint.rules.base import Rule, Violations


class FieldTooLarge(Rule):
    """A field longer than the limit (1,048,576 characters unless `field-size-limit` says).

    Usually an unclosed quote that swallowed much of the file, or a blob exported by mistake;
    import tools refuse fields past their own limits.

    Fails: a 2 MB description in one field.
    Passes: fields under the limit.
    """

    code = "CSV112"
    name = "field-too-large"
    severity = Severity.ERROR

    def check_chunk(self, chunk: Chunk) -> Violations:
        limit = self.file.field_size_limit
        for found in irregularities(chunk, Anomaly.FIELD_TOO_LARGE):
            yield self.at_record(
                chunk,
                found.record,
                f"field {found.column} holds {found.size:,} characters; the limit is {limit:,}",
                column=found.column,
                line=found.line,
                hint="look for an unclosed quote before it, or raise field-size-limit",
            )
