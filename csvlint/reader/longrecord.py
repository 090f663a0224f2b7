"""A record too long to hold in memory, read piece by piece by the same grammar.

The tokenizer reads a record once it has all of its text. A record longer than it may hold (an
unclosed quote that swallows the file, a field of hundreds of megabytes, a line of a million
columns) is read here instead, without reading its start again for each piece: the grammar's
states are kept between pieces, fields are counted and sized exactly, and the values are kept
up to a budget for the record (past it, they are cut, and the record says where). So the record
ends where the grammar says, has what the tokenizer would have given it whole when it fits the
budget, and the file is read on after it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from csvlint.reader.records import Anomaly, Chunk, Irregularity, Segment


class _State(Enum):
    FIELD_START = 0
    UNQUOTED = 1
    QUOTED = 2
    AFTER_QUOTE = 3
    REST = 4


@dataclass(frozen=True, slots=True)
class Syntax:
    """The dialect's characters and the grammar's patterns (the tokenizer's own)."""

    delimiter: str
    quote: str
    quoted_body: re.Pattern[str]
    unquoted: re.Pattern[str]
    rest: re.Pattern[str]
    #: a run of unquoted fields, each followed by a delimiter
    simple_fields: re.Pattern[str]


def _reach(pattern: re.Pattern[str], text: str, pos: int) -> int:
    found = pattern.match(text, pos)
    return found.end() if found is not None else pos


def _newlines(text: str) -> int:
    return text.count("\n") + text.count("\r") - text.count("\r\n")


@dataclass
class LongRecord:
    """One record read in pieces. `feed` until it says the record ended."""

    syntax: Syntax
    field_size_limit: int
    #: characters of values kept for the whole record
    budget: int
    line: int
    record: int
    fields: list[str] = field(default_factory=list)
    found: list[Irregularity] = field(default_factory=list)
    #: line breaks inside the record's quoted fields
    breaks: int = 0
    #: characters the record holds, its delimiters and quotes aside
    size: int = 0
    #: the first field whose value was not kept whole for want of budget (0: none)
    cut: int = 0
    ending: str = ""
    _state: _State = _State.FIELD_START
    _pieces: list[str] = field(default_factory=list)
    _field_size: int = 0
    _field_line: int = 0
    _blank: bool = True
    _after_line: int = 0

    @property
    def column(self) -> int:
        """The 1-based field being read."""
        return len(self.fields) + 1

    def _add(self, text: str) -> None:
        if not text:
            return
        self._field_size += len(text)
        self.size += len(text)
        kept = text[: self.budget]
        if kept:
            self._pieces.append(kept)
            self.budget -= len(kept)
        if len(kept) < len(text) and not self.cut:
            self.cut = self.column

    def _note(self, kind: Anomaly, line: int) -> None:
        self.found.append(Irregularity(kind, line, self.record, self.column))

    def _take_simple(self, values: list[str]) -> None:
        """Whole unquoted fields, read at once."""
        sizes = list(map(len, values))
        total = sum(sizes)
        self.size += total
        limit = self.field_size_limit
        if max(sizes) > limit:
            for offset, size in enumerate(sizes):
                if size > limit:
                    self.found.append(
                        Irregularity(
                            Anomaly.FIELD_TOO_LARGE,
                            self.line,
                            self.record,
                            self.column + offset,
                            size,
                        )
                    )
        if total <= self.budget:
            self.budget -= total
            self.fields.extend(values)
            return
        for value in values:
            kept = value[: self.budget]
            if len(kept) < len(value) and not self.cut:
                self.cut = self.column
            self.budget -= len(kept)
            self.fields.append(kept)

    def _end_field(self) -> None:
        if self._state is _State.AFTER_QUOTE and self._after_line:
            kind = Anomaly.SPACE_AFTER_QUOTE if self._blank else Anomaly.TEXT_AFTER_QUOTE
            self._note(kind, self._after_line)
            if not self._blank and self._after_line > self._field_line:
                self.found.append(
                    Irregularity(
                        Anomaly.UNCLOSED_QUOTE,
                        self._field_line,
                        self.record,
                        self.column,
                        self._after_line,
                    )
                )
        if self._field_size > self.field_size_limit:
            self.found.append(
                Irregularity(
                    Anomaly.FIELD_TOO_LARGE, self.line, self.record, self.column, self._field_size
                )
            )
        self.fields.append("".join(self._pieces))
        self._pieces, self._field_size = [], 0
        self._state, self._blank, self._after_line = _State.FIELD_START, True, 0

    def feed(self, buf: str, pos: int, final: bool) -> tuple[int, bool]:
        """Read `buf` from `pos`. Returns how far it was read and whether the record ended
        there; what was not read (a quote or CR that the next piece decides) is given again."""
        s = self.syntax
        d, q, n, i = s.delimiter, s.quote, len(buf), pos
        while i < n:
            state = self._state
            if state is _State.FIELD_START:
                end = _reach(s.simple_fields, buf, i)
                if end > i:  # a line of many plain fields is taken a run at a time
                    self._take_simple(buf[i : end - 1].split(d))
                    i = end
                    continue
                self._field_line = self.line + self.breaks
                if buf[i] == q:
                    self._state = _State.QUOTED
                    i += 1
                    continue
                self._state = state = _State.UNQUOTED
            if state is _State.QUOTED:
                end = _reach(s.quoted_body, buf, i)
                hold = end >= n - 1 and not final  # a quote or a CR the next piece decides
                if hold and end == n and buf.endswith("\r"):
                    end -= 1
                body = buf[i:end]
                self._add(body.replace(q + q, q) if q in body else body)
                self.breaks += _newlines(body)
                i = end
                if end >= n or (hold and end < n):
                    if hold:
                        return i, False
                    break
                i += 1  # the closing quote
                self._state, self._blank = _State.AFTER_QUOTE, True
                self._after_line = 0
                continue
            if state is _State.AFTER_QUOTE:
                if buf[i] != d and buf[i] not in "\r\n":
                    end = _reach(s.rest, buf, i)
                    if not self._after_line:
                        self._after_line = self.line + self.breaks
                    self._blank = self._blank and not buf[i:end].strip(" \t")
                    self._add(buf[i:end])
                    i = end
                    if i >= n:
                        break
            elif state is _State.UNQUOTED:
                end = _reach(s.unquoted, buf, i)
                text = buf[i:end]
                self._add(text)
                self._blank = self._blank and not text.strip(" \t")
                i = end
                if i >= n:
                    break
                if buf[i] == q:
                    if self._field_size and self._blank:
                        self._note(Anomaly.SPACE_BEFORE_QUOTE, self._field_line)
                        self.budget += sum(map(len, self._pieces))
                        self._pieces, self._field_size = [], 0
                        self._state = _State.QUOTED
                        i += 1
                        continue
                    self._note(Anomaly.STRAY_QUOTE, self._field_line)
                    self._state = _State.REST
                    continue
            elif state is _State.REST:
                end = _reach(s.rest, buf, i)
                self._add(buf[i:end])
                i = end
                if i >= n:
                    break
            # at a delimiter or a line break
            char = buf[i]
            if char == d:
                self._end_field()
                i += 1
                continue
            if char == "\r" and i + 1 >= n and not final:
                return i, False
            self.ending = "\r\n" if buf.startswith("\r\n", i) else char
            self._end_field()
            return i + len(self.ending), True
        if not final:
            return i, False
        if self._state is _State.QUOTED:
            self.found.append(
                Irregularity(Anomaly.UNCLOSED_QUOTE, self._field_line, self.record, self.column)
            )
        self._end_field()
        return i, True

    def add_to(self, chunk: Chunk) -> int:
        """Add the record, once read, to `chunk`; returns the line after it."""
        fields = self.fields
        chunk.segments.append(Segment(self.record, self.line, 1, len(fields)))
        chunk.exceptional.append((self.record, fields))
        if chunk.rows is not None:
            chunk.rows.append(fields)
        chunk.irregularities.extend(self.found)
        if self.cut:
            chunk.irregularities.append(
                Irregularity(Anomaly.RECORD_TOO_LARGE, self.line, self.record, self.cut, self.size)
            )
        line = self.line + self.breaks
        if self.ending:
            chunk._count_ending(self.ending, 1, line)
            line += 1
        return line
