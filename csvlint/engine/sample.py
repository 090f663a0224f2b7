"""Read the start of a sample to draft a configuration from it: dialect, header, rows."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from csvlint.dialect import Dialect
from csvlint.reader.detect import detect
from csvlint.reader.grammar import Tokenizer
from csvlint.reader.sniff import binary_format, bom_encoding, fitting_encoding

#: a draft's types are guessed from this many records at most
SAMPLE_ROWS = 10_000
_READ = 8 << 20


class SampleError(Exception):
    """A sample that cannot be drafted from: missing, empty, binary, or without a header."""


@dataclass(frozen=True)
class SampleRead:
    """What a draft needs from a sample: its dialect, its header and some records."""

    dialect: Dialect
    header: list[str]
    rows: list[list[str]]


def read_sample(path: Path, limit: int = SAMPLE_ROWS) -> SampleRead:
    """The dialect, header and first `limit` data records of a CSV sample."""
    try:
        with path.open("rb") as stream:
            data = stream.read(_READ)
    except OSError as exc:
        raise SampleError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    announced, length = bom_encoding(data)
    binary = binary_format(data)
    if binary is not None:
        raise SampleError(f"{path}: not a CSV file: it is {binary.what}")
    encoding = announced or "utf-8"
    body = data[length:] if announced == "utf-8" else data
    try:
        text = (
            body.decode(encoding, "strict") if len(data) < _READ else _decode_prefix(body, encoding)
        )
    except UnicodeDecodeError:
        encoding = fitting_encoding(body, encoding) or "windows-1252"
        text = body.decode(encoding, "replace")
    if not text.strip():
        raise SampleError(f"{path}: the sample is empty")
    found = detect(text[: 64 * 1024], final=len(data) < _READ)
    delimiter = found.delimiter or ","
    quote = found.quote or '"'
    tokenizer = Tokenizer(delimiter, quote)
    chunk = tokenizer.feed(text, final=len(data) < _READ)
    rows = chunk.rows or []
    if not rows:
        raise SampleError(f"{path}: the sample has no header")
    shown = "utf-8-sig" if announced == "utf-8" else encoding
    dialect = Dialect(encoding=shown, bom=announced == "utf-8", delimiter=delimiter, quote=quote)
    return SampleRead(dialect, rows[0], rows[1 : limit + 1])


def _decode_prefix(body: bytes, encoding: str) -> str:
    # the read may cut a multi-byte character: decode what is whole
    from codecs import getincrementaldecoder

    return getincrementaldecoder(encoding)("strict").decode(body, final=False)
