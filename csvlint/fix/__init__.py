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
import os
from dataclasses import dataclass
from pathlib import Path

from csvlint.atomic import AtomicOutput, OutputExists
from csvlint.config.model import FileSettings
from csvlint.containment import write_target
from csvlint.dialect import Dialect
from csvlint.fix.problems import (
    _ENDING_NAMES,
    LINE_ENDINGS,
    MAX_PROBLEMS,
    FixRefused,
    Problem,
    encoding_label,
)
from csvlint.fix.rewrite import _Rewrite
from csvlint.fix.source import _open_source, _Source
from csvlint.reader.decode import Decoder

__all__ = [
    "LINE_ENDINGS",
    "MAX_PROBLEMS",
    "FixRefused",
    "FixResult",
    "OutputExists",
    "Problem",
    "encoding_label",
    "fix_file",
    "target_dialect",
]


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
    the input file, `LinkEscape` when a symbolic link would carry the write out of the project,
    `ReadOnlyFile` when the file to replace is read-only, and OSError when a file cannot be
    read or written (naming the file).
    """
    if line_ending not in _ENDING_NAMES:
        raise ValueError(f"line_ending must be one of {list(_ENDING_NAMES)}")
    in_place = output is None
    # a link is followed only within the project: never written through to a file outside it
    destination = write_target(path if output is None else output)
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
    fitting = decoder.fitting
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
