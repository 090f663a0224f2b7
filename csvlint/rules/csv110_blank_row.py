from __future__ import annotations

from csvlint.finding import Severity
from csvlint.reader.grammar import Chunk
from csvlint.rules.base import Rule, Violations


class BlankRow(Rule):
    """A record with no content: an empty line, or delimiters only.

    Pigment skips it at best; in a keyed list an empty key fails the row. Blank lines at the
    end of an export usually mean the export wrote a footer it then emptied.

    Fails: `ORD-1,10\\n\\nORD-2,20` or `ORD-1,10\\n,\\n`.
    Passes: `ORD-1,10\\nORD-2,20\\n` (one line ending after the last record is not a row).
    """

    code = "CSV110"
    name = "blank-row"
    severity = Severity.WARNING

    def check_chunk(self, chunk: Chunk) -> Violations:
        header = self.file.header
        first_data = header.record + 1 if header else 1
        for record, fields in chunk.exceptional:
            if record >= first_data and not any(fields):
                yield self.at_record(
                    chunk, record, f"record {record} is blank", hint="remove the empty line"
                )
