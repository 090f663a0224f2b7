"""Rewrite a CSV file into an import configuration's dialect without changing one value.

The file is read with its own dialect (byte-order mark, detected or given delimiter and quote)
by the strict grammar, and written back in the target's encoding, delimiter, quote and line
ending, quoting only the fields that need it. Anything the grammar would have to guess about
(ragged rows, bad quotes, undecodable bytes) refuses the whole file: nothing is written. Every
chunk written is parsed again with the target dialect and must give the very same records, so
a value can never change without the rewrite failing first.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import BinaryIO

from csvlint.atomic import AtomicOutput, OutputExists
from csvlint.config.model import FileSettings
from csvlint.dialect import Dialect
from csvlint.engine.csvfile import _is_title
from csvlint.reader.decode import Decoder
from csvlint.reader.detect import detect
from csvlint.reader.grammar import Anomaly, Chunk, Tokenizer
from csvlint.reader.sniff import binary_format, bom_encoding, fitting_encoding

#: the line endings a rewrite can write, by the name the command line uses
LINE_ENDINGS = {"lf": "\n", "crlf": "\r\n"}
#: problems kept for the refusal; all of them are counted
MAX_PROBLEMS = 100

_BLOCK_SIZE = 1 << 20
_SNIFF_CHARS = 64 * 1024
_HEADER_LOOKAHEAD = 3
# no field is too large to copy (the size limit is a lint rule, not a reason to refuse); the
# grammar raises `csv`'s own limit to this, which must fit a C long on every platform
_FIELD_LIMIT = (1 << 31) - 2
_ENDING_NAMES = {"\r\n": "CRLF", "\n": "LF", "\r": "CR"}
_ANOMALIES = {
    Anomaly.UNCLOSED_QUOTE: ("CSV107", "a quoted field never closes"),
    Anomaly.STRAY_QUOTE: ("CSV108", "a quote inside an unquoted field"),
    Anomaly.TEXT_AFTER_QUOTE: ("CSV108", "text after a closing quote"),
    Anomaly.SPACE_BEFORE_QUOTE: ("CSV115", "space before an opening quote"),
    Anomaly.SPACE_AFTER_QUOTE: ("CSV115", "space after a closing quote"),
}


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a file cannot be rewritten safely: where (physical line, 1-based field), what, and
    the lint rule that reports the same thing, if one does."""

    line: int | None
    column: int | None
    message: str
    code: str | None = None


class FixRefused(Exception):
    """The file was left as it is: `problems` (the first `MAX_PROBLEMS` of `total`) say why.

    `source` is the dialect the file was read with, when it got that far: a wrong guess there
    is the usual cause of a flood of problems.
    """

    def __init__(
        self, problems: list[Problem], total: int | None = None, source: Dialect | None = None
    ) -> None:
        self.problems = tuple(sorted(problems, key=lambda p: (p.line or 0, p.column or 0)))
        self.total = len(problems) if total is None else total
        self.source = source
        super().__init__(f"{self.total} problem{'s' * (self.total != 1)}")


@dataclass(frozen=True, slots=True)
class FixResult:
    """What a rewrite did: the dialect read and written, and what changed.

    `changes` is empty when the output has the very bytes of the input; `written` says whether
    the output file was (re)written, which an in-place rewrite skips when nothing changes.
    """

    source: Dialect
    target: Dialect
    line_ending: str
    records: int
    changes: tuple[str, ...]
    written: bool


def target_dialect(settings: FileSettings) -> Dialect:
    """The dialect an import configuration's file settings ask for; `utf-8-sig` is a BOM."""
    if codecs.lookup(settings.encoding).name == "utf-8-sig":
        return Dialect("utf-8", True, settings.delimiter, settings.quote)
    return Dialect(settings.encoding, False, settings.delimiter, settings.quote)


def encoding_label(dialect: Dialect) -> str:
    """The encoding as a configuration spells it: `utf-8-sig` for UTF-8 with a BOM."""
    return "utf-8-sig" if dialect.bom else dialect.encoding


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
        self._title = _is_title(rows) if rows else False
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


def fix_file(
    path: Path,
    target: Dialect,
    *,
    output: Path | None = None,
    overwrite: bool = False,
    line_ending: str = "\n",
    from_encoding: str | None = None,
    from_delimiter: str | None = None,
    from_quote: str | None = None,
) -> FixResult:
    """Rewrite the CSV at `path` in `target`'s dialect, to `output` or (None) in place.

    The source's encoding is its byte-order mark's, else `from_encoding`, else UTF-8 when the
    file is valid UTF-8, else the target's; its delimiter and quote are `from_delimiter` and
    `from_quote`, else detected, else the target's. Fields are quoted only when they hold the
    delimiter, the quote or a line break. Raises
    `FixRefused` (nothing written) when the file cannot be rewritten without guessing,
    `OutputExists` when `output` exists and `overwrite` is false, ValueError when `output` is
    the input file, and OSError when a file cannot be read or written.
    """
    if line_ending not in _ENDING_NAMES:
        raise ValueError(f"line_ending must be one of {list(_ENDING_NAMES)}")
    in_place = output is None
    destination = path.resolve() if output is None else output
    if output is not None and output.exists() and os.path.samefile(path, output):
        raise ValueError(f"{output} is the input file: rewrite it in place instead")
    sources = (from_encoding, from_delimiter, from_quote)
    # the grammar raises the `csv` module's process-wide field limit; put it back afterwards
    limit = csv.field_size_limit()
    try:
        return _rewrite_file(path, destination, in_place, overwrite, target, line_ending, sources)
    finally:
        csv.field_size_limit(limit)


def _rewrite_file(
    path: Path,
    destination: Path,
    in_place: bool,
    overwrite: bool,
    target: Dialect,
    line_ending: str,
    sources: tuple[str | None, str | None, str | None],
) -> FixResult:
    with AtomicOutput(destination, overwrite=in_place or overwrite) as out:
        with path.open("rb") as stream:
            source = _open_source(stream, target, *sources)
            rewrite = _Rewrite(source.dialect, target, line_ending)
            undecodable = False
            for text, final in source.texts:
                if source.decoder.error is not None and not undecodable:
                    # checked before the text is parsed: replacement characters are never written
                    rewrite.refuse(_undecodable(source.decoder))
                    undecodable = True
                rewrite.feed(text, final, out)
        if rewrite.total:
            raise FixRefused(rewrite.problems, rewrite.total, source.dialect)
        changes = _changes(source, rewrite)
        if changes or not in_place:
            out.commit()
    written = bool(changes) or not in_place
    return FixResult(source.dialect, target, line_ending, rewrite.records, changes, written)


def _undecodable(decoder: Decoder) -> Problem:
    bad = decoder.error
    assert bad is not None
    shown = " ".join(f"0x{byte:02X}" for byte in bad.data[:4])
    message = f"bytes {shown} at character {bad.column} are not valid {bad.encoding}"
    fitting = fitting_encoding(decoder.evidence, bad.encoding)
    if fitting:
        message += f" (the file decodes as {fitting}; name it as the source encoding if it is)"
    return Problem(bad.line, None, message, "CSV103")


def _changes(source: _Source, rewrite: _Rewrite) -> tuple[str, ...]:
    """What the rewrite changed, in words; nothing when the bytes are the same."""
    if source.digest.digest() == rewrite.digest.digest():
        return ()
    was, now = source.dialect, rewrite.target
    changes = []
    if codecs.lookup(encoding_label(was)).name != codecs.lookup(encoding_label(now)).name:
        changes.append(f"encoding {encoding_label(was)} → {encoding_label(now)}")
    if was.delimiter != now.delimiter:
        changes.append(f"delimiter {was.delimiter!r} → {now.delimiter!r}")
    if was.quote != now.quote:
        changes.append(f"quote {was.quote!r} → {now.quote!r}")
    endings = set(rewrite.endings)
    if endings - {rewrite.line_ending}:
        shown = "+".join(_ENDING_NAMES[e] for e in _ENDING_NAMES if e in endings)
        changes.append(f"line endings {shown} → {_ENDING_NAMES[rewrite.line_ending]}")
    elif sum(rewrite.endings.values()) < rewrite.records:
        changes.append("line ending added after the last record")
    return tuple(changes) or ("quoting",)


__all__ = [
    "LINE_ENDINGS",
    "MAX_PROBLEMS",
    "AtomicOutput",
    "FixRefused",
    "FixResult",
    "OutputExists",
    "Problem",
    "encoding_label",
    "fix_file",
    "target_dialect",
]
