"""The strict CSV grammar (RFC 4180 with a choice of delimiter and quote), with exact positions.

A record is fields separated by the delimiter and ended by CRLF, LF or CR (or the end of the
file). A field is either unquoted (no delimiter, quote or line break) or quoted (anything, with
the quote doubled inside, and nothing but a delimiter or a line break after the closing quote).
Python's `csv` module silently repairs what this grammar calls anomalies; here each is reported
with its physical line and field, and then recovered from the way `csv` would, so one bad quote
does not drown the rest of the file in findings.

The common record, one line with no quote character, takes one compiled regex match and one
`str.split`; only records with quotes go through the field-by-field path.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from csvlint.reader.records import Anomaly, Chunk, Irregularity, Segment

if TYPE_CHECKING:
    from csvlint.reader.longrecord import LongRecord

__all__ = ["Anomaly", "Chunk", "Irregularity", "Segment", "Tokenizer"]


#: how far ahead a blank record is looked for at once
_BLANK_WINDOW = 64 << 10
#: the largest field `csv` may hold when it splits clean runs (its C limit is a long)
_CSV_LIMIT = 2**31 - 1


def _reach(pattern: re.Pattern[str], text: str, pos: int, endpos: int | None = None) -> int:
    """Where `pattern` (which may match nothing, so always matches) stops matching at `pos`."""
    found = pattern.match(text, pos) if endpos is None else pattern.match(text, pos, endpos)
    return found.end() if found is not None else pos


def _newlines(text: str) -> int:
    """Line breaks in `text` as an editor counts them: CRLF, LF and a lone CR are one each."""
    return text.count("\n") + text.count("\r") - text.count("\r\n")


class Tokenizer:
    """Cuts decoded text into records. Feed it text in pieces; it keeps the unfinished record.

    Runs of one-line records that have the width of the record before them, no anomaly and no
    field over the size limit are recognised by one compiled regex over the whole run (the fast
    path); every other record goes through the field-by-field path. Both follow the grammar
    above, so where a record is read does not change what is found.
    """

    def __init__(
        self,
        delimiter: str,
        quote: str,
        field_size_limit: int = 1 << 20,
        keep_rows: bool = True,
        fast: bool = True,
    ) -> None:
        if len(delimiter) != 1 or len(quote) != 1 or delimiter == quote:
            raise ValueError("delimiter and quote must be two different single characters")
        if delimiter in "\r\n" or quote in "\r\n":
            raise ValueError("delimiter and quote cannot be line breaks")
        self.delimiter = delimiter
        self.quote = quote
        self.field_size_limit = field_size_limit
        self.keep_rows = keep_rows
        #: read runs of clean records with one regex; off, every record takes the exact path
        self.fast = fast
        if csv.field_size_limit() < _CSV_LIMIT:
            # clean runs are split by `csv`, whose own limit (128 KiB) must never cut in:
            # fields over csvlint's limit are CSV112 findings, not errors of the reader
            csv.field_size_limit(_CSV_LIMIT)
        self._pending = ""
        #: an unfinished record longer than this is read in pieces (`LongRecord`), so that one
        #: stray quote cannot make the reader hold the rest of a huge file in memory
        self.pending_cap = max(4 * field_size_limit, 16 << 20)
        #: characters of a long record's values kept (the rest of them are not checked)
        self.record_budget = self.pending_cap
        #: an unfinished record longer than this is read in pieces (the same records, faster)
        self.long_from = 64 << 10
        self._long: LongRecord | None = None
        self._line = 1
        self._record = 0
        self._ending = ""
        self._width = 0
        self._runs: dict[tuple[int, str], re.Pattern[str]] = {}
        d, q = re.escape(delimiter), re.escape(quote)
        self._quoted_body = re.compile(rf"[^{q}]*+(?:{q}{q}[^{q}]*+)*+")
        self._unquoted = re.compile(rf"[^{d}{q}\r\n]*+")
        self._rest = re.compile(rf"[^{d}\r\n]*+")

    def _long_record(self, line: int, record: int) -> LongRecord:
        """A record to read in pieces from `line`; the reader of such records, which few files
        need, is loaded then."""
        from csvlint.reader.longrecord import LongRecord, Syntax

        d, q = re.escape(self.delimiter), re.escape(self.quote)
        syntax = Syntax(
            self.delimiter,
            self.quote,
            self._quoted_body,
            self._unquoted,
            self._rest,
            re.compile(rf"(?:[^{d}{q}\r\n]*+{d})*+"),
        )
        return LongRecord(syntax, self.field_size_limit, self.record_budget, line, record)

    @property
    def line(self) -> int:
        """The physical line the next record starts on."""
        return self._line

    @property
    def records(self) -> int:
        """How many records have been completed so far (the header counts)."""
        return self._record

    @property
    def ending(self) -> str:
        """The first line ending a record had ("" before one had any)."""
        return self._ending

    @property
    def pending(self) -> str:
        """The unfinished record the text fed so far ends with."""
        return self._pending

    def drop_pending(self) -> None:
        """Forget the unfinished record: it will be fed again (or read by the native scanner)."""
        self._pending = ""

    def advance(self, records: int, line: int, width: int) -> None:
        """Skip `records` complete records of `width` fields that another reader read, the next
        starting on `line`."""
        self._record += records
        self._line = line
        self._width = width

    def _run_pattern(self, width: int, ending: str) -> re.Pattern[str]:
        """A regex for a run of clean one-line records of `width` fields ended by `ending`."""
        key = (width, ending)
        if key not in self._runs:
            d, q = re.escape(self.delimiter), re.escape(self.quote)
            value = rf"(?:{q}[^{q}\r\n]*+(?:{q}{q}[^{q}\r\n]*+)*+{q}|[^{d}{q}\r\n]*+)"
            record = value + (rf"(?:{d}{value}){{{width - 1}}}" if width > 1 else "")
            # a record of delimiters only is blank (CSV110): leave it to the exact path
            # a CR ends a record only when no LF follows it (else the ending is CRLF)
            end = r"\r(?!\n)" if ending == "\r" else re.escape(ending)
            self._runs[key] = re.compile(rf"(?:{record}{end})*+")
        return self._runs[key]

    @property
    def abandoned(self) -> bool:
        """True while a record too long to hold is read in pieces (no other reader may take
        over in the middle of it)."""
        return self._long is not None

    def feed(self, text: str, final: bool = False) -> Chunk:
        """Every record completed by `text`; with `final`, the last one too."""
        buf = self._pending + text if self._pending else text
        chunk = Chunk(self._record, rows=[] if self.keep_rows else None)
        n = len(buf)
        # a CR at the end of the text may be the first half of a CRLF
        stop = n if final or not buf.endswith("\r") else n - 1
        pos, line, record = 0, self._line, self._record
        blank_at = -1  # where the next blank record (delimiters only) starts, once looked for
        while pos < n or (final and self._long is not None):
            if self._long is not None:
                pos, done = self._long.feed(buf, pos, final)
                if not done:
                    break
                line = self._take_long(self._long, chunk)
                record += 1
                self._long = None
                blank_at = -1
                continue
            # a record over the cap is read in pieces wherever the text is cut: no run holds it
            if self._width and self.fast and n - pos <= self.pending_cap:
                # a blank record is CSV110's, not part of a run: a run stops before it (a
                # substring search costs less than a lookahead at every record)
                if blank_at < pos:
                    blank_at = self._next_blank(buf, pos, stop)
                end = _reach(self._run_pattern(self._width, self._ending), buf, pos, blank_at)
                if end > pos:
                    count = self._take_run(buf, pos, end, line, record, chunk)
                    pos, line, record = end, line + count, record + count
                    continue
            parsed = self._record_with_quotes(buf, pos, line, record, final, chunk)
            if parsed is None and n - pos > min(self.long_from, self.pending_cap):
                # unfinished past a block: read it in pieces, not from its start at each block
                self._long = self._long_record(line, record)
                continue
            if parsed is None:
                break
            fields, pos, ending, breaks = parsed
            chunk.segments.append(Segment(record, line, 1, len(fields)))
            chunk.exceptional.append((record, fields))
            if chunk.rows is not None:
                chunk.rows.append(fields)
            line += breaks
            if ending:
                chunk._count_ending(ending, 1, line)
                line += 1
                self._ending = self._ending or ending
            if len(fields) != self._width:
                blank_at = -1  # a blank record of the new width looks different
            self._width = len(fields)
            record += 1
        chunk.count = record - chunk.first_record
        self._pending = buf[pos:]
        if len(self._pending) > 2 and self._long is not None:
            raise AssertionError("a long record left more than a quote or a CR unread")
        self._line, self._record = line, record
        return chunk

    def _take_long(self, long: LongRecord, chunk: Chunk) -> int:
        """Add the long record just read to `chunk`; returns the line after it."""
        line = long.add_to(chunk)
        self._ending = self._ending or long.ending
        self._width = len(long.fields)
        return line

    def _next_blank(self, buf: str, pos: int, stop: int) -> int:
        """Where the first record of delimiters and empty quoted fields only at or after `pos`
        may start, else `stop` (a guess that may be early: it only ends a run)."""
        blank = self.delimiter * (self._width - 1) + self._ending
        if buf.startswith(blank, pos):
            return pos
        # looked for in a window: a file whose width keeps changing asks again at each change,
        # and each search must not cost the rest of the buffer
        stop = min(stop, pos + _BLANK_WINDOW)
        found = stop
        for before in ("\n", "\r"):
            if before == "\r" and blank.startswith("\n"):
                continue  # CR then LF is one line ending, not an ending and a blank record
            at = buf.find(before + blank, pos, stop)
            if at != -1:
                found = min(found, at + 1)
        return self._next_quoted_blank(buf, pos, found)

    def _next_quoted_blank(self, buf: str, pos: int, stop: int) -> int:
        """Where the first record of empty fields, one quoted at least, starts between `pos`
        and `stop` (else `stop`): each `""` found is checked from its line's start."""
        pair, blank = self.quote * 2, self._quoted_blank()
        at = buf.find(pair, pos, stop)
        while at != -1:
            start = max(buf.rfind("\n", pos, at), buf.rfind("\r", pos, at)) + 1 or pos
            if blank.match(buf, start):
                return start
            ends = [e for e in (buf.find("\n", at, stop), buf.find("\r", at, stop)) if e != -1]
            if not ends:
                break
            at = buf.find(pair, min(ends), stop)
        return stop

    def _quoted_blank(self) -> re.Pattern[str]:
        """A record at a line's start of the current width whose fields are all empty, one
        of them quoted (`"",""`): blank too."""
        key = (-self._width, self._ending)
        if key not in self._runs:
            d, q = re.escape(self.delimiter), re.escape(self.quote)
            empty = f"(?:{q}{q})?"
            record = empty + f"(?:{d}{empty}){{{self._width - 1}}}"
            self._runs[key] = re.compile(rf"{record}(?:{re.escape(self._ending)}|\Z)")
        return self._runs[key]

    def _take_run(self, buf: str, pos: int, end: int, line: int, record: int, chunk: Chunk) -> int:
        """Record a run the fast path matched; returns how many records it holds."""
        ending = self._ending
        # every record of a run is one line, so counting line endings counts records
        count = buf.count(ending, pos, end)
        chunk.segments.append(Segment(record, line, count, self._width))
        chunk._count_ending(ending, count, line)
        long = end - pos > self.field_size_limit
        if chunk.rows is None and not long:
            return count
        lines = buf[pos:end].split(ending)
        lines.pop()  # the run ends with a line ending, so the last piece is empty
        if long:
            for offset, text in enumerate(lines):
                if len(text) > self.field_size_limit:
                    fields = next(self._split([text]))
                    self._check_sizes(fields, line + offset, record + offset, chunk)
        if chunk.rows is not None:
            chunk.rows.extend(self._split(lines))
        return count

    def _split(self, lines: list[str]) -> Iterator[list[str]]:
        """Fields of clean one-line records. On these the grammar and `csv` agree exactly."""
        return csv.reader(
            lines, delimiter=self.delimiter, quotechar=self.quote, doublequote=True, strict=True
        )

    def _check_sizes(self, fields: list[str], line: int, record: int, chunk: Chunk) -> None:
        for index, value in enumerate(fields, 1):
            if len(value) > self.field_size_limit:
                chunk.irregularities.append(
                    Irregularity(Anomaly.FIELD_TOO_LARGE, line, record, index, len(value))
                )

    def _record_with_quotes(
        self, buf: str, pos: int, line: int, record: int, final: bool, chunk: Chunk
    ) -> tuple[list[str], int, str, int] | None:
        """One record that holds a quote, or that the buffer may cut short.

        Returns the fields, the position after the record, its line ending ("" at the end of
        the file) and how many line breaks its quoted fields hold; None when the buffer ends
        before the record does and more text is coming.
        """
        d, q, n = self.delimiter, self.quote, len(buf)
        found: list[Irregularity] = []
        fields: list[str] = []
        breaks, column, i = 0, 1, pos
        while True:
            at_line = line + breaks
            if i < n and buf[i] == q:
                body_end = _reach(self._quoted_body, buf, i + 1)
                if body_end >= n:
                    if not final:
                        return None
                    body = buf[i + 1 :]
                    found.append(Irregularity(Anomaly.UNCLOSED_QUOTE, at_line, record, column))
                    fields.append(body.replace(q + q, q))
                    breaks += _newlines(body)
                    i = n
                else:
                    body = buf[i + 1 : body_end]
                    value = body.replace(q + q, q) if q in body else body
                    if "\n" in body or "\r" in body:
                        breaks += _newlines(body)
                    i = body_end + 1
                    if i < n and buf[i] != d and buf[i] not in "\r\n":
                        tail_end = _reach(self._rest, buf, i)
                        text_after = bool(buf[i:tail_end].strip(" \t"))
                        kind = Anomaly.TEXT_AFTER_QUOTE if text_after else Anomaly.SPACE_AFTER_QUOTE
                        found.append(Irregularity(kind, line + breaks, record, column))
                        if text_after and line + breaks > at_line:
                            # a quote that "closes" lines later, right before text, was most
                            # likely left open where it opened: the line to fix
                            found.append(
                                Irregularity(
                                    Anomaly.UNCLOSED_QUOTE, at_line, record, column, line + breaks
                                )
                            )
                        value += buf[i:tail_end]
                        i = tail_end
                    fields.append(value)
            else:
                end = _reach(self._unquoted, buf, i)
                if end < n and buf[end] == q:
                    lead = buf[i:end]
                    if lead and not lead.strip(" \t"):
                        found.append(
                            Irregularity(Anomaly.SPACE_BEFORE_QUOTE, at_line, record, column)
                        )
                        i = end  # read on as the quoted field it was meant to be
                        continue
                    found.append(Irregularity(Anomaly.STRAY_QUOTE, at_line, record, column))
                    end = _reach(self._rest, buf, end)
                fields.append(buf[i:end])
                i = end
            if i >= n:
                if not final:
                    return None
                ending = ""
                break
            char = buf[i]
            if char == d:
                i += 1
                column += 1
                continue
            if char == "\r":
                if i + 1 >= n and not final:
                    return None
                ending = "\r\n" if buf.startswith("\n", i + 1) else "\r"
            else:
                ending = "\n"
            i += len(ending)
            break
        if i - pos > self.pending_cap:
            return None  # read again in pieces, as it would be had the text been cut in it
        chunk.irregularities.extend(found)
        if any(len(value) > self.field_size_limit for value in fields):
            self._check_sizes(fields, line, record, chunk)
        return fields, i, ending, breaks
