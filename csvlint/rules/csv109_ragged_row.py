from __future__ import annotations

from csvlint.finding import Severity
from csvlint.reader.grammar import Anomaly, Chunk
from csvlint.rules.base import Rule, Violations


class RaggedRow(Rule):
    """A record with more or fewer fields than the header.

    Usually an unquoted value holding the delimiter (`Smith, John`) or a value cut by a line
    break. Pigment skips or misaligns such rows. Blank records are CSV110's, not this rule's.

    Fails: header `Order ID,Customer,Amount`, record `ORD-1,Smith, John,10`.
    Passes: `ORD-1,"Smith, John",10`.
    """

    code = "CSV109"
    name = "ragged-row"
    severity = Severity.ERROR

    def check_chunk(self, chunk: Chunk) -> Violations:
        header = self.file.header
        if header is None:
            return
        wide = header.width
        odd = [s for s in chunk.segments if s.width != wide]
        if not odd:
            return
        skipped = {record for record, fields in chunk.exceptional if not any(fields)}
        # an unclosed quote swallows the rest of the file into one record: CSV107 says so
        skipped.update(
            found.record for found in chunk.irregularities if found.kind is Anomaly.UNCLOSED_QUOTE
        )
        for segment in odd:
            for record in range(segment.first_record, segment.first_record + segment.count):
                if record <= header.record or record in skipped:
                    continue
                more = segment.width > wide
                yield self.at_record(
                    chunk,
                    record,
                    f"record {record} has {segment.width} field{'s' * (segment.width != 1)}; "
                    f"the header has {wide}",
                    hint="quote the field that contains the delimiter"
                    if more
                    else "a field is missing, or a line break splits the record",
                )
