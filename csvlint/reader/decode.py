"""Bytes to text, block by block, remembering where the first undecodable byte was."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Undecodable:
    """The first byte sequence the encoding could not decode: where, what, and how many more."""

    line: int
    column: int
    data: bytes
    encoding: str
    #: the 1-based field of its record the bad bytes are in (0: unknown)
    field: int = 0


#: the most of an unfinished record kept to tell a bad byte's field
_RECORD_TAIL = 1 << 16


class Decoder:
    """Decodes blocks strictly; after the first error it goes on with replacement characters,
    so the rest of the file is still checked."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self._decoder = codecs.getincrementaldecoder(encoding)("strict")
        self._newlines = 0
        self._quotes = 0
        self._line_tail = b""
        #: the bytes since the last record boundary (a line break outside quotes), as far as
        #: the quotes tell it: a bad byte's field is counted from there
        self._record_tail = b""
        #: the dialect's delimiter and quote, once known, to tell the field of a bad byte
        self.delimiter = b","
        self.quote = b'"'
        self.error: Undecodable | None = None
        #: the bytes the first error was found in, to guess which encoding would fit
        self.evidence = b""

    def use_dialect(self, delimiter: bytes, quote: bytes, seen: bytes) -> None:
        """Say which bytes delimit and quote fields (empty: not single bytes), once known;
        `seen` is every byte decoded so far."""
        self.delimiter, self.quote = delimiter, quote
        self._quotes = seen.count(quote) if quote else 0
        self._record_tail = b""
        self._follow_records(seen, 0)

    @property
    def buffered(self) -> bytes:
        """The bytes of an unfinished character the last block ended with."""
        return bytes(self._decoder.getstate()[0])

    def skip(self, quotes: int, newlines: int) -> None:
        """Account for bytes read without decoding them (the native scanner's): `quotes` quote
        bytes and `newlines` LFs, ending with a record's line ending."""
        self._quotes += quotes
        self._newlines += newlines
        self._line_tail = self._record_tail = b""

    def rewind(self, data: bytes) -> None:
        """Forget `data`, the last bytes given (the buffered ones included), which start a
        record and will be given again; only before the first error."""
        assert self.error is None, "a decoder in replacement mode cannot rewind"
        self._quotes -= data.count(self.quote) if self.quote else 0
        self._newlines -= data.count(b"\n")
        self._line_tail = self._record_tail = b""
        self._decoder = codecs.getincrementaldecoder(self.encoding)("strict")

    def lines_before(self, block: bytes, offset: int) -> int:
        """The line of byte `offset` of `block`, the block about to be decoded."""
        return self._newlines + block.count(b"\n", 0, offset) + 1

    def decode(self, block: bytes, final: bool = False) -> str:
        """The text of `block`; with `final`, also what the last block left unfinished."""
        if self.error is None:
            pending = self._decoder.getstate()[0]
            try:
                text = self._decoder.decode(block, final)
            except UnicodeDecodeError as exc:
                data = pending + block
                self.error = self._locate(data, len(pending), exc)
                self.evidence = data
                self._decoder = codecs.getincrementaldecoder(self.encoding)("replace")
                return self._decoder.decode(data, final)
            self._advance(block)
            return text
        return self._decoder.decode(block, final)

    def _advance(self, block: bytes) -> None:
        self._follow_records(block, self._quotes)
        self._quotes += block.count(self.quote)
        newlines = block.count(b"\n")
        if newlines:
            self._newlines += newlines
            self._line_tail = block[block.rfind(b"\n") + 1 :]
        else:
            self._line_tail += block[-4096:]
            self._line_tail = self._line_tail[-4096:]

    def _follow_records(self, block: bytes, quotes_before: int) -> None:
        """Keep the record tail: from the block's last line break outside quotes (a few are
        tried from the end: one inside a multi-line field is rare), else grown by the block."""
        end, quote = len(block), self.quote
        for _ in range(8):
            at = block.rfind(b"\n", 0, end)
            if at < 0:
                break
            if not quote or (quotes_before + block.count(quote, 0, at)) % 2 == 0:
                self._record_tail = block[at + 1 :]
                return
            end = at
        self._record_tail = (self._record_tail + block)[-_RECORD_TAIL:]

    def _locate(self, data: bytes, carried: int, exc: UnicodeDecodeError) -> Undecodable:
        # `data` is what this call saw: `carried` bytes the last block left, then this block
        before = data[: exc.start]
        newlines = before[carried:].count(b"\n")
        if newlines:
            tail = before[before.rfind(b"\n") + 1 :]
        else:
            kept = self._line_tail[: len(self._line_tail) - carried]
            tail = kept + before
        # the carried bytes ended the last block, so they end the record tail too
        record = self._record_tail[: len(self._record_tail) - carried]
        return Undecodable(
            self._newlines + newlines + 1,
            len(tail.decode(self.encoding, "replace")) + 1,
            data[exc.start : exc.end],
            self.encoding,
            self._field(record + before, False),
        )

    def _field(self, before: bytes, quoted: bool) -> int:
        """The field the end of `before` is in, counting delimiters outside quotes since the
        last record boundary (`quoted`: whether `before` starts inside a quoted field)."""
        if len(self.delimiter) != 1 or len(self.quote) != 1:
            return 0  # a multi-byte encoding: the bytes don't say where fields are
        field = 1
        marks = re.escape(self.delimiter + self.quote) + b"\\r\\n"
        for mark in re.finditer(b"[" + marks + b"]", before):
            char = mark.group()
            if char == self.quote:
                quoted = not quoted
            elif quoted:
                continue
            elif char == self.delimiter:
                field += 1
            else:
                field = 1
        return field
