"""Text from a file (a header, a value, a file name) made safe to show on a terminal or in a log.

A CSV file or its name may hold any character. Shown raw, a line break would start a line of
its own, where a CI runner reads `::error file=...::` as a workflow command, and an ANSI or OSC
escape would recolour the terminal, move its cursor, retitle the window or forge a hyperlink.
Every human format passes such text through `printable`: control characters (C0, DEL, C1), the
Unicode line and paragraph separators and the bidirectional overrides, which reorder what a
reader sees, become visible escapes such as `\\n`, `\\x1b` and `\\u202e`.
"""

from __future__ import annotations

import re

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named is not None:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with every character that could act on a terminal or a log written as an escape."""
    return _UNSAFE.sub(_escape, text)


def printable_span(text: str, span: tuple[int, int] | None) -> tuple[str, tuple[int, int] | None]:
    """`printable(text)`, and where the characters at `span` of `text` are in the result."""
    if span is None or not _UNSAFE.search(text):
        return printable(text), span
    start, end = span
    before = printable(text[:start])
    inside = printable(text[start:end])
    return before + inside + printable(text[end:]), (len(before), len(before) + len(inside))
