"""Bytes to text, block by block, remembering where the first undecodable byte was."""

from __future__ import annotations

import codecs
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


class Decoder:
    """Decodes blocks strictly; after the first error it goes on with replacement characters,
    so the rest of the file is still checked."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self._decoder = codecs.getincrementaldecoder(encoding)("strict")
        self._newlines = 0
        self._line_tail = b""
        #: the dialect's delimiter and quote, once known, to tell the field of a bad byte
        self.delimiter = ","
        self.quote = '"'
        self.error: Undecodable | None = None
        #: the bytes the first error was found in, to guess which encoding would fit
        self.evidence = b""

    def use_dialect(self, delimiter: str, quote: str) -> None:
        """Say which characters delimit and quote fields, once known."""
        self.delimiter, self.quote = delimiter, quote

    @property
    def buffered(self) -> bytes:
        """The bytes of an unfinished character the last block ended with."""
        return bytes(self._decoder.getstate()[0])

    def skip(self, newlines: int) -> None:
        """Account for bytes read without decoding them (the native scanner's), which hold
        `newlines` LFs and end with a record's line ending."""
        self._newlines += newlines
        self._line_tail = b""

    def rewind(self, data: bytes) -> None:
        """Forget `data`, the last bytes given (the buffered ones included), which start a
        record and will be given again; only before the first error."""
        assert self.error is None, "a decoder in replacement mode cannot rewind"
        self._newlines -= data.count(b"\n")
        self._line_tail = b""
        self._decoder = codecs.getincrementaldecoder(self.encoding)("strict")

    def lines_before(self, block: bytes, offset: int) -> int:
        """The line of byte `offset` of `block`, the block about to be decoded."""
        return self._newlines + block.count(b"\n", 0, offset) + 1

    def decode(self, block: bytes, final: bool = False, unfinished: str = "") -> str:
        """The text of `block`; with `final`, also what the last block left unfinished.
        `unfinished` is the text of the record the block continues (a bad byte's field is
        counted from the record's start)."""
        if self.error is None:
            pending = self._decoder.getstate()[0]
            try:
                text = self._decoder.decode(block, final)
            except UnicodeDecodeError as exc:
                data = pending + block
                self.error = self._locate(data, len(pending), exc, unfinished)
                self.evidence = data
                self._decoder = codecs.getincrementaldecoder(self.encoding)("replace")
                text = self._decoder.decode(data, final)
        else:
            text = self._decoder.decode(block, final)
        # lines are counted past the first error too: a NUL byte further on names its line
        self._advance(block)
        return text

    def _advance(self, block: bytes) -> None:
        newlines = block.count(b"\n")
        if newlines:
            self._newlines += newlines
            self._line_tail = block[block.rfind(b"\n") + 1 :]
        else:
            self._line_tail += block[-4096:]
            self._line_tail = self._line_tail[-4096:]

    def _locate(
        self, data: bytes, carried: int, exc: UnicodeDecodeError, unfinished: str
    ) -> Undecodable:
        # `data` is what this call saw: `carried` bytes the last block left, then this block
        before = data[: exc.start]
        newlines = before[carried:].count(b"\n")
        if newlines:
            tail = before[before.rfind(b"\n") + 1 :]
        else:
            kept = self._line_tail[: len(self._line_tail) - carried]
            tail = kept + before
        return Undecodable(
            self._newlines + newlines + 1,
            len(tail.decode(self.encoding, "replace")) + 1,
            data[exc.start : exc.end],
            self.encoding,
            self._field(unfinished + before.decode(self.encoding, "replace")),
        )

    def _field(self, record: str) -> int:
        """The field the end of `record` (text from a record's start) is in, by the grammar."""
        from csvlint.reader.grammar import Tokenizer

        try:
            tokenizer = Tokenizer(self.delimiter, self.quote, keep_rows=True)
        except ValueError:
            return 0  # no dialect the grammar can read: the field is unknown
        # a character where the bad byte is, so that a field it starts is counted
        rows = tokenizer.feed(record + "?", final=True).rows
        return len(rows[-1]) if rows else 0
