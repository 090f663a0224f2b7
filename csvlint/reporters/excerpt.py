"""The lines a finding points at, read back from the file, and the span of a field in a line."""

from __future__ import annotations

import re
from pathlib import Path

from csvlint.dialect import Dialect

_LINE_BREAK = re.compile(r"\r\n|\n|\r")
_MAX_WIDTH = 160


def read_lines(path: Path, wanted: set[int], encoding: str = "utf-8") -> dict[int, str]:
    """The text of the physical lines `wanted` (1-based) of a file, read up to the last one."""
    found: dict[int, str] = {}
    # a FIFO or a device was read once already: opening it again would wait for a writer
    if not wanted or not path.is_file():
        return found
    last = max(wanted)
    number = 1
    carry = ""
    try:
        with path.open("r", encoding=encoding, errors="replace", newline="") as stream:
            while number <= last:
                block = stream.read(1 << 16)
                text = carry + block
                if not block:
                    if text and number in wanted:
                        found[number] = text
                    break
                pieces = _LINE_BREAK.split(text)
                # a CR at the end of a block may be half of a CRLF: keep it with the carry
                carry = pieces.pop()
                if text.endswith("\r"):
                    carry = pieces.pop() + "\r" if pieces else carry
                for piece in pieces:
                    if number in wanted:
                        found[number] = piece
                    number += 1
    except (OSError, LookupError, UnicodeError):  # UTF-16 without a mark: no excerpt
        return {}
    return {n: line.lstrip("\ufeff") if n == 1 else line for n, line in found.items()}


def field_span(line: str, column: int, dialect: Dialect) -> tuple[int, int] | None:
    """Where 1-based field `column` starts and ends in `line`, honouring quotes."""
    d, q = dialect.delimiter, dialect.quote
    field, start, i, quoted = 1, 0, 0, False
    while i < len(line):
        char = line[i]
        if quoted:
            if char == q:
                if line.startswith(q, i + 1):
                    i += 2
                    continue
                quoted = False
        elif char == q:
            quoted = True
        elif char == d:
            if field == column:
                return start, i
            field, start = field + 1, i + 1
        i += 1
    return (start, len(line)) if field == column else None


def clip(line: str, span: tuple[int, int] | None) -> tuple[str, tuple[int, int] | None]:
    """A long line cut around the span so that an excerpt fits a terminal."""
    if len(line) <= _MAX_WIDTH:
        return line, span
    start = 0 if span is None else max(0, span[0] - 40)
    cut = line[start : start + _MAX_WIDTH]
    prefix = "…" if start else ""
    suffix = "…" if start + _MAX_WIDTH < len(line) else ""
    if span is not None:
        shift = start - len(prefix)
        span = (span[0] - shift, min(span[1] - shift, len(prefix) + len(cut)))
    return prefix + cut + suffix, span
