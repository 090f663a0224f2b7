from __future__ import annotations

from csvlint.finding import Severity
from csvlint.reader.grammar import Anomaly, Chunk
from csvlint.rules._anomaly import irregularities
from csvlint.rules.base import Rule, Violations


class RecordTooLarge(Rule):
    """A record longer than csvlint holds in memory: 16 MiB, or four times `field-size-limit`.

    Such a record is read in pieces: its fields are counted and sized, the grammar is checked
    all along it and the file is read on after it, but only the first 16 MiB of its values
    are kept, so the values of its later fields are not checked (a key there is not compared,
    a number not parsed). A record that size is almost always a quote left open, or a blob
    that has no place in an import.

    Fails: one line of 20 MiB (a million fields of 20 characters).
    Passes: records under 16 MiB, however many there are.
    """

    code = "CSV119"
    name = "record-too-large"
    severity = Severity.ERROR

    def check_chunk(self, chunk: Chunk) -> Violations:
        for found in irregularities(chunk, Anomaly.RECORD_TOO_LARGE):
            yield self.at_record(
                chunk,
                found.record,
                f"record {found.record} holds {found.size:,} characters, more than csvlint "
                f"holds in memory: the values of field {found.column} on are not checked",
                column=found.column,
                line=found.line,
                hint="look for an unclosed quote before it, or split the data into records",
            )
