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


class Decoder:
    """Decodes blocks strictly; after the first error it goes on with replacement characters,
    so the rest of the file is still checked."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self._decoder = codecs.getincrementaldecoder(encoding)("strict")
        self._newlines = 0
        self._line_tail = b""
        self.error: Undecodable | None = None
        #: the bytes the first error was found in, to guess which encoding would fit
        self.evidence = b""

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
        newlines = block.count(b"\n")
        if newlines:
            self._newlines += newlines
            self._line_tail = block[block.rfind(b"\n") + 1 :]
        else:
            self._line_tail += block[-4096:]
            self._line_tail = self._line_tail[-4096:]

    def _locate(self, data: bytes, carried: int, exc: UnicodeDecodeError) -> Undecodable:
        # `data` is what this call saw: `carried` bytes the last block left, then this block
        before = data[: exc.start]
        newlines = before[carried:].count(b"\n")
        if newlines:
            tail = before[before.rfind(b"\n") + 1 :]
        else:
            kept = self._line_tail[: len(self._line_tail) - carried]
            tail = kept + before
        column = len(tail.decode(self.encoding, "replace")) + 1
        return Undecodable(
            self._newlines + newlines + 1, column, data[exc.start : exc.end], self.encoding
        )
