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


def line_breaks(data: bytes) -> int:
    """Line breaks as the grammar counts them: CRLF, LF and a lone CR are one each."""
    return data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n")


def _line_start(data: bytes) -> int:
    """Where the last line of `data` starts (after its last line break)."""
    return max(data.rfind(b"\n"), data.rfind(b"\r")) + 1


class Decoder:
    """Decodes blocks strictly; after the first error it goes on with replacement characters,
    so the rest of the file is still checked."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self._decoder = codecs.getincrementaldecoder(encoding)("strict")
        self._newlines = 0
        #: whether the bytes so far end with a CR (a CRLF may be cut between two blocks)
        self._after_cr = False
        #: characters of the current line in the bytes given so far (a character cut by the
        #: end of the last block is counted once complete), however long the line
        self._line_chars = 0
        self._line_counter = self._counter()
        #: the dialect's delimiter and quote, once known, to tell the field of a bad byte
        self.delimiter = ","
        self.quote = '"'
        self.error: Undecodable | None = None
        #: the bytes the first error was found in, to guess which encoding would fit
        self.evidence = b""

    def _counter(self) -> codecs.IncrementalDecoder:
        return codecs.getincrementaldecoder(self.encoding)("replace")

    def _new_line(self, text: bytes = b"") -> None:
        """Start counting a line's characters, from `text`."""
        self._line_counter = self._counter()
        self._line_chars = len(self._line_counter.decode(text)) if text else 0

    def use_dialect(self, delimiter: str, quote: str) -> None:
        """Say which characters delimit and quote fields, once known."""
        self.delimiter, self.quote = delimiter, quote

    @property
    def buffered(self) -> bytes:
        """The bytes of an unfinished character the last block ended with."""
        return bytes(self._decoder.getstate()[0])

    def skip(self, lines: int) -> None:
        """Account for bytes read without decoding them (the native scanner's), which hold
        `lines` line breaks and end with a record's line ending."""
        self._newlines += lines
        self._new_line()
        self._after_cr = False

    def rewind(self, data: bytes) -> None:
        """Forget `data`, the last bytes given (the buffered ones included), which start a
        record and will be given again; only before the first error."""
        assert self.error is None, "a decoder in replacement mode cannot rewind"
        self._newlines -= line_breaks(data)
        self._new_line()
        # a record never starts with the LF of a CRLF, so what came before needs no note
        self._after_cr = False
        self._decoder = codecs.getincrementaldecoder(self.encoding)("strict")

    def lines_before(self, block: bytes, offset: int) -> int:
        """The line of byte `offset` of `block`, the block about to be decoded."""
        return self._newlines + self._breaks(block[:offset]) + 1

    def _breaks(self, data: bytes) -> int:
        """Line breaks in `data`, which follows the bytes given so far."""
        joined = self._after_cr and data.startswith(b"\n")  # the LF of a CRLF cut in two
        return line_breaks(data) - joined

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
        if not block:
            return
        self._newlines += self._breaks(block)
        self._after_cr = block.endswith(b"\r")
        start = _line_start(block)  # the LF of a CRLF cut in two starts a line too
        if start:
            self._new_line(block[start:])
        else:
            self._line_chars += len(self._line_counter.decode(block))

    def _locate(
        self, data: bytes, carried: int, exc: UnicodeDecodeError, unfinished: str
    ) -> Undecodable:
        # `data` is what this call saw: `carried` bytes the last block left, then this block
        before = data[: exc.start]
        newlines = self._breaks(before[carried:])
        if _line_start(before[carried:]):
            column = len(before[_line_start(before) :].decode(self.encoding, "replace"))
        else:
            # the line began in an earlier block: its characters there, then these
            column = self._line_chars + len(before.decode(self.encoding, "replace"))
        return Undecodable(
            self._newlines + newlines + 1,
            column + 1,
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
