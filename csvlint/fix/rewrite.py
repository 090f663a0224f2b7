"""The rewrite itself: records in the source dialect, the same records written in the target's,
parsed again to prove it."""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re

from csvlint.atomic import AtomicOutput
from csvlint.dialect import Dialect
from csvlint.engine.csvfile import is_title
from csvlint.fix.problems import (
    _ANOMALIES,
    _FIELD_LIMIT,
    _HEADER_LOOKAHEAD,
    MAX_PROBLEMS,
    Problem,
    encoding_label,
)
from csvlint.reader.grammar import Anomaly, Chunk, Tokenizer


def _writer_dialect(target: Dialect, line_ending: str) -> type[csv.Dialect]:
    """The `csv` dialect that writes `target`, quoting only where the grammar needs it."""

    class Writing(csv.Dialect):
        delimiter = target.delimiter
        quotechar = target.quote
        lineterminator = line_ending
        quoting = csv.QUOTE_MINIMAL
        doublequote = True

    return Writing


def _newlines(text: str) -> int:
    return text.count("\n") + text.count("\r") - text.count("\r\n")


class _Rewrite:
    """Parses the decoded source, checks each chunk, and writes it in the target dialect."""

    def __init__(self, source: Dialect, target: Dialect, line_ending: str) -> None:
        self.target = target
        self.line_ending = line_ending
        self.problems: list[Problem] = []
        self.total = 0
        self.endings: dict[str, int] = {}
        self.records = 0
        self.digest = hashlib.sha256()
        self._reader = Tokenizer(source.delimiter, source.quote, _FIELD_LIMIT)
        self._check = Tokenizer(target.delimiter, target.quote, _FIELD_LIMIT)
        self._codec = "utf-8-sig" if target.bom else target.encoding
        self._encoder = codecs.getincrementalencoder(self._codec)("strict")
        d, q = re.escape(target.delimiter), re.escape(target.quote)
        self._needs_quotes = re.compile(f"[{d}{q}\r\n]").search
        self._dialect = _writer_dialect(target, line_ending)
        self._header: list[str] | None = None
        self._title = False
        self._waiting: list[Chunk] = []

    def refuse(self, problem: Problem) -> None:
        """Note a problem: nothing more is written, but the file is still read to the end."""
        self.total += 1
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)

    def feed(self, text: str, final: bool, out: AtomicOutput) -> None:
        """Read `text` (the last of the file when `final`) and write what it completes."""
        self._waiting.append(self._reader.feed(text, final))
        if self._header is None:
            if self._reader.records < _HEADER_LOOKAHEAD and not final:
                return
            self._settle_header()
        chunks, self._waiting = self._waiting, []
        for held in chunks:
            self._take(held, out)
        if final:
            self.records = self._reader.records
            if self._check.feed("", final=True).rows and not self.problems:
                raise AssertionError("the rewrite does not read back as the same records")
            if not self.problems:
                self._write(self._encoder.encode("", final=True), out)

    def _settle_header(self) -> None:
        rows = [row for chunk in self._waiting for row in chunk.rows or []]
        # the same judgement lint makes: a title row above the header is kept, not a ragged row
        self._title = is_title(rows) if rows else False
        self._header = rows[int(self._title)] if rows else []

    def _take(self, chunk: Chunk, out: AtomicOutput) -> None:
        for ending, count in chunk.endings.items():
            self.endings[ending] = self.endings.get(ending, 0) + count
        unclosed: set[int] = set()
        for found in chunk.irregularities:
            if found.kind in _ANOMALIES:
                code, what = _ANOMALIES[found.kind]
                self.refuse(Problem(found.line, found.column, what, code))
                if found.kind is Anomaly.UNCLOSED_QUOTE:
                    unclosed.add(found.record)
        self._check_widths(chunk, unclosed)
        rows = chunk.rows or []
        if not rows:
            return
        text = self._format(chunk, rows)
        try:
            data = self._encoder.encode(text)
        except UnicodeEncodeError:
            self._find_unencodable(chunk)
            return
        if self.problems:
            return
        echo = self._check.feed(text)
        if echo.rows != rows or any(f.kind in _ANOMALIES for f in echo.irregularities):
            raise AssertionError("the rewrite does not read back as the same records")
        self._write(data, out)

    def _write(self, data: bytes, out: AtomicOutput) -> None:
        self.digest.update(data)
        out.write(data)

    def _check_widths(self, chunk: Chunk, unclosed: set[int]) -> None:
        width = len(self._header or ())
        odd = [s for s in chunk.segments if s.width != width]
        if not odd:
            return
        # lint's judgement again: blank records are CSV110 (kept as they are), a title row is
        # CSV114, and an unclosed quote has already said why its record is odd
        blank = {record for record, fields in chunk.exceptional if not any(fields)}
        for segment in odd:
            for record in range(segment.first_record, segment.first_record + segment.count):
                if record in blank or record in unclosed or (self._title and record == 0):
                    continue
                line = segment.first_line + record - segment.first_record
                message = f"record {record} has {segment.width} fields; the header has {width}"
                self.refuse(Problem(line, None, message, "CSV109"))

    def _format(self, chunk: Chunk, rows: list[list[str]]) -> str:
        """The records in the target dialect, each quoting only the fields that need it."""
        # a first value that starts like a byte-order mark is quoted, so no reader drops it as
        # one; and a blank line in a wider file stays blank, where `csv` would write `""`
        bom_like = chunk.first_record == 0 and rows[0] and rows[0][0].startswith("\ufeff")
        blank = len(self._header or ()) > 1 and any(f == [""] for _, f in chunk.exceptional)
        if not (bom_like or blank):
            buffer = io.StringIO()
            csv.writer(buffer, self._dialect).writerows(rows)
            text = buffer.getvalue()
            # `csv` quotes only the characters of its own line ending: with LF, a CR in a value
            # would be written bare and read back as a line break
            if self.line_ending != "\n" or "\r" not in text:
                return text
        return self._format_by_hand(rows, bool(bom_like))

    def _format_by_hand(self, rows: list[list[str]], quote_first: bool) -> str:
        d, q, needs = self.target.delimiter, self.target.quote, self._needs_quotes
        lone_value = len(self._header or ()) == 1
        lines = []
        for row in rows:
            line = d.join(v if needs(v) is None else q + v.replace(q, q + q) + q for v in row)
            lines.append(q + q if not line and lone_value else line)
        if quote_first and needs(rows[0][0]) is None:
            # a field without the quote, so it is copied between quotes as it is
            lines[0] = q + rows[0][0] + q + lines[0][len(rows[0][0]) :]
        return self.line_ending.join(lines) + self.line_ending

    def _find_unencodable(self, chunk: Chunk) -> None:
        codec, header = self._codec, self._header or []
        for index, row in enumerate(chunk.rows or []):
            record = chunk.first_record + index
            line = chunk.line_of(record)
            for column, value in enumerate(row, 1):
                try:
                    value.encode(codec)
                except UnicodeEncodeError as error:
                    char = value[error.start]
                    name = f" ({header[column - 1]!r})" if column <= len(header) else ""
                    message = (
                        f"{char!r} (U+{ord(char):04X}) in column {column}{name} cannot be "
                        f"encoded in {encoding_label(self.target)}"
                    )
                    self.refuse(Problem(line + _newlines(value[: error.start]), column, message))
                line += _newlines(value)
