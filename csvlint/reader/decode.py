"""Bytes to text, block by block, remembering where the first undecodable byte was."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

#: encodings whose codec reads a byte-order mark first, and refuses a stream without one
_BOM_CODECS = ("utf-16", "utf-32")
#: encodings a hint may name, in the order they are tried (see `sniff.fitting_encoding`)
_CANDIDATES = ("utf-8", "windows-1252")
#: bytes before the first bad one that go into the evidence: enough for a character cut in
#: two, the same whichever path read the line
_BEFORE_BAD = 64
_CONTINUATION = bytes(range(0x80, 0xC0))


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


#: how many bytes of the current line are kept to try other encodings on
_TAIL = 4096


def _line_start(data: bytes) -> int:
    """Where the last line of `data` starts (after its last line break)."""
    return max(data.rfind(b"\n"), data.rfind(b"\r")) + 1


class Decoder:
    """Decodes blocks strictly; after the first error it goes on with replacement characters,
    so the rest of the file is still checked."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        #: the codec fresh decoders use mid-stream: a UTF-16/32 one with its byte order, once
        #: the byte-order mark told it (a mark is read only at the start of the file)
        self._codec = encoding
        self._started = False
        self._decoder = codecs.getincrementaldecoder(encoding)("strict")
        #: the encodings that decoded everything from the first bad byte on, and their decoders
        self._fitting: dict[str, codecs.IncrementalDecoder] = {}
        self._guessed: str | None = None
        self._newlines = 0
        #: whether the bytes so far end with a CR (a CRLF may be cut between two blocks)
        self._after_cr = False
        #: characters of the current line in the bytes given so far (a character cut by the
        #: end of the last block is counted once complete), however long the line
        self._line_chars = 0
        self._line_counter = self._counter()
        #: the last bytes of the current line (at most 4 KiB), for the encodings that fit it
        self._line_tail = b""
        #: the dialect's delimiter and quote, once known, to tell the field of a bad byte
        self.delimiter = ","
        self.quote = '"'
        self.error: Undecodable | None = None

    def _counter(self) -> codecs.IncrementalDecoder:
        # the codec the text is read with: for UTF-16/32 the byte order learnt from the start,
        # since a line further on has no byte-order mark of its own
        return codecs.getincrementaldecoder(self._codec)("replace")

    def _chars(self, data: bytes) -> int:
        """How many characters `data`, which continues the current line, adds to it."""
        try:
            return len(self._line_counter.decode(data))
        except UnicodeError:  # a codec that refuses even replacement (idna): one per byte
            return len(data)

    def _new_line(self, text: bytes = b"") -> None:
        """Start counting a line's characters, from `text`."""
        self._line_counter = self._counter()
        self._line_chars = self._chars(text) if text else 0
        self._line_tail = text[-_TAIL:]

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
        self._decoder = codecs.getincrementaldecoder(self._codec)("strict")

    @property
    def fitting(self) -> str | None:
        """An encoding other than the declared one that decodes every byte from the first bad
        one on (and the bytes just before it), to name in a hint; None when none does."""
        if self._guessed is not None:
            return self._guessed
        return next(iter(self._fitting), None)

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
        if not self._started and block and self._learn_byte_order(block):
            # Python reads a short, final text without a mark as little-endian: never guess
            text = self._first_error(block, 0, UnicodeError("no byte-order mark"), "", final)
        elif self.error is None:
            pending = self._decoder.getstate()[0]
            try:
                text = self._decoder.decode(block, final)
            except UnicodeError as exc:
                data = pending + block
                text = self._first_error(data, len(pending), exc, unfinished, final)
        else:
            self._try_fitting(block, final)
            text = self._replacing(block, final)
        first = not self._started
        self._started = self._started or bool(block)
        # lines are counted past the first error too: a NUL byte further on names its line;
        # a UTF-16/32 byte-order mark is no character of line 1
        self._advance(
            block[len(_bom_of(block)) :] if first and self.encoding in _BOM_CODECS else block
        )
        return text

    def _learn_byte_order(self, block: bytes) -> bool:
        """For UTF-16/32, the byte order the mark at the start of the file gives (little-endian
        without one); returns whether the mark the codec needs is missing."""
        if self.encoding not in _BOM_CODECS:
            return False
        if self.encoding == "utf-16":
            little, big = codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE
        else:
            little, big = codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE
        self._codec = f"{self.encoding}-{'be' if block.startswith(big) else 'le'}"
        self._line_counter = self._counter()
        return not block.startswith((little, big))

    def _first_error(
        self, data: bytes, carried: int, exc: UnicodeError, unfinished: str, final: bool
    ) -> str:
        """Note the first bad bytes of `data` (`carried` of them left by the last block), then
        decode it with replacement characters."""
        if isinstance(exc, UnicodeDecodeError):
            self.error = self._locate(data, carried, exc, unfinished)
            start = exc.start
        else:  # no byte-order mark where the codec needs one, or a codec that refuses the text
            self.error = Undecodable(
                self._newlines + 1, 1, data[:4], self.encoding, 1 if not self._started else 0
            )
            start = 0
            if not self._started and self.encoding in _BOM_CODECS:
                self._guessed = _byte_order_guess(self.encoding, data)
        before = self._line_before(data, carried, start)
        head = before[-_BEFORE_BAD:]
        if len(before) > _BEFORE_BAD:  # cut inside the line: maybe inside a character too
            head = head.lstrip(_CONTINUATION)
        self._fitting = {
            name: codecs.getincrementaldecoder(name)("strict")
            for name in _CANDIDATES
            if codecs.lookup(name).name != codecs.lookup(self.encoding).name
        }
        self._try_fitting(head + data[start:], final)
        if not self._started and self.encoding in _BOM_CODECS:
            data = data[len(_bom_of(data)) :]
        self._decoder = codecs.getincrementaldecoder(self._codec)("replace")
        return self._replacing(data, final)

    def _try_fitting(self, data: bytes, final: bool) -> None:
        for name, decoder in list(self._fitting.items()):
            try:
                decoder.decode(data, final)
            except UnicodeError:
                del self._fitting[name]

    def _replacing(self, data: bytes, final: bool) -> str:
        """`data` decoded with replacement characters; a codec that refuses even that (one that
        is no byte decoder at heart, like idna) gives way to ISO-8859-1, which takes any byte."""
        try:
            return self._decoder.decode(data, final)
        except UnicodeError:
            self._codec = "iso-8859-1"
            self._decoder = codecs.getincrementaldecoder(self._codec)("replace")
            return self._decoder.decode(data, final)

    def _advance(self, block: bytes) -> None:
        if not block:
            return
        self._newlines += self._breaks(block)
        self._after_cr = block.endswith(b"\r")
        start = _line_start(block)  # the LF of a CRLF cut in two starts a line too
        if start:
            self._new_line(block[start:])
        else:
            self._line_chars += self._chars(block)
            self._line_tail = (self._line_tail + block[-_TAIL:])[-_TAIL:]

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

    def _line_before(self, data: bytes, carried: int, offset: int) -> bytes:
        """The bytes of the line byte `offset` of `data` is on, up to it (`data` starts with
        `carried` bytes the last block left)."""
        before = data[:offset]
        if _line_start(before[carried:]):
            return before[_line_start(before) :]
        return self._line_tail[: len(self._line_tail) - carried] + before

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


def _bom_of(data: bytes) -> bytes:
    """The UTF-16/32 byte-order mark `data` starts with, or nothing."""
    for bom in (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if data.startswith(bom):
            return bom
    return b""


def _byte_order_guess(encoding: str, data: bytes) -> str | None:
    """The byte order of a UTF-16/32 text without a mark, from where its zero bytes are (ASCII
    text has them after each character in little-endian, before in big-endian)."""
    unit = 2 if encoding == "utf-16" else 4
    size = min(len(data), 4096)
    head = data[: size - size % unit]
    if len(head) < unit:
        return None
    low = sum(1 for i in range(0, len(head), unit) if head[i] != 0 and head[i + 1] == 0)
    high = sum(1 for i in range(0, len(head), unit) if head[i] == 0 and head[i + unit - 1] != 0)
    if low == high:
        return None
    return f"{encoding}-{'le' if low > high else 'be'}"
