"""Opening the file to rewrite: its encoding, dialect and decoded text, read once."""

from __future__ import annotations

import codecs
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain
from typing import BinaryIO

from csvlint.dialect import Dialect
from csvlint.fix.problems import _BLOCK_SIZE, _SNIFF_CHARS, FixRefused, Problem
from csvlint.reader.decode import Decoder
from csvlint.reader.detect import detect
from csvlint.reader.sniff import binary_format, bom_encoding


@dataclass
class _Source:
    """The file's bytes, its dialect as read, and the digest of everything read so far."""

    dialect: Dialect
    texts: Iterator[tuple[str, bool]]
    decoder: Decoder
    digest: hashlib._Hash


def _open_source(
    stream: BinaryIO,
    target: Dialect,
    from_encoding: str | None,
    from_delimiter: str | None,
    from_quote: str | None,
) -> _Source:
    """Read the start of the file, refuse what is not CSV text, settle the source dialect."""
    digest = hashlib.sha256()
    first = stream.read(_BLOCK_SIZE)
    announced, bom_length = bom_encoding(first)
    held, content = [first], first[bom_length:].strip()
    while not content:
        # whitespace so far: the file is empty unless something else follows
        more = stream.read(_BLOCK_SIZE)
        if not more:
            raise FixRefused([Problem(None, None, "the file is empty", "CSV101")])
        held.append(more)
        content = more.strip()
    binary = binary_format(first)
    if binary is not None:
        message = f"the file is not CSV text: it is {binary.what} ({binary.hint})"
        raise FixRefused([Problem(None, None, message, "CSV102")])
    for block in held:
        digest.update(block)
    codec, skip, bom = _source_encoding(stream, held, announced, bom_length, target, from_encoding)
    decoder = Decoder(codec)
    held[0] = held[0][skip:]
    text = decoder.decode(b"".join(held))
    sample = detect(text[:_SNIFF_CHARS], final=len(first) < _BLOCK_SIZE)
    delimiter = from_delimiter or sample.delimiter or target.delimiter
    quote = from_quote or sample.quote or target.quote
    if quote == delimiter and not from_quote:
        quote = "'" if delimiter == '"' else '"'
    dialect = Dialect(codec, bom and codec == "utf-8", delimiter, quote)
    return _Source(dialect, _texts(stream, text, decoder, digest), decoder, digest)


def _source_encoding(
    stream: BinaryIO,
    held: list[bytes],
    announced: str | None,
    bom_length: int,
    target: Dialect,
    from_encoding: str | None,
) -> tuple[str, int, bool]:
    """The codec to read the file with, how many bytes of mark to skip, and whether it has one.

    A byte-order mark decides; else `from_encoding`; else UTF-8 when the configuration asks
    for it or the whole file is valid UTF-8 (text in a single-byte code page almost never is);
    else the configuration's encoding, the one the file is presumed to be in already. Which
    single-byte code page a file is in cannot be told from its bytes, so it is never guessed.
    """
    if announced is not None:
        if from_encoding and not codecs.lookup(from_encoding).name.startswith(announced):
            message = f"the file starts with a {announced} byte-order mark, not {from_encoding}"
            raise FixRefused([Problem(1, None, message)])
        # UTF-16 and UTF-32 codecs read their own mark; UTF-8's is skipped here
        return announced, bom_length if announced == "utf-8" else 0, True
    codec = from_encoding or target.encoding
    if codecs.lookup(codec).name in ("utf-8", "utf-8-sig"):
        return "utf-8", 0, False
    if from_encoding is None and _valid_utf8(stream, held):
        return "utf-8", 0, False
    return codec, 0, False


def _valid_utf8(stream: BinaryIO, held: list[bytes]) -> bool:
    """Whether the held blocks and the rest of the stream decode as UTF-8; the stream is left
    where it was."""
    where = stream.tell()
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    try:
        for block in chain(held, iter(lambda: stream.read(_BLOCK_SIZE), b"")):
            decoder.decode(block)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    finally:
        stream.seek(where)
    return True


def _texts(
    stream: BinaryIO, text: str, decoder: Decoder, digest: hashlib._Hash
) -> Iterator[tuple[str, bool]]:
    """The decoded file piece by piece, each with whether it is the last."""
    while block := stream.read(_BLOCK_SIZE):
        digest.update(block)
        yield text, False
        text = decoder.decode(block)
    yield text + decoder.decode(b"", final=True), True
