"""The first look at a file's bytes: binary formats, byte-order marks, and an encoding that fits."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

#: the prefix of a binary format, what it is, and what to do about it
_MAGIC: tuple[tuple[bytes, str, str], ...] = (
    (b"PK\x03\x04", "an Excel workbook or a zip archive", "an Excel workbook: save it as CSV"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "an Excel 97-2003 workbook",
        "an Excel workbook: save it as CSV",
    ),
    (b"%PDF-", "a PDF document", "a PDF document: export the table as CSV"),
    (b"\x1f\x8b", "gzip-compressed data", "gzip-compressed: decompress it first (gunzip)"),
)

#: longest first, so that UTF-32's BOM is not taken for UTF-16's
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@dataclass(frozen=True, slots=True)
class BinaryFormat:
    """A file that is not text: what it is and how to get a CSV out of it."""

    what: str
    hint: str


def wide(encoding: str | None) -> bool:
    """Whether `encoding` is UTF-16 or UTF-32 (of either byte order), whose text holds NULs."""
    if not encoding:
        return False
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return False
    return name.startswith(("utf-16", "utf-32"))


def binary_format(head: bytes, encoding: str | None = None) -> BinaryFormat | None:
    """The binary format `head` starts with, or that its NUL bytes betray, if any (a file
    declared, or marked, UTF-16 or UTF-32 has NULs in its text)."""
    for magic, what, hint in _MAGIC:
        if head.startswith(magic):
            return BinaryFormat(what, hint)
    if b"\x00" in head and not wide(bom_encoding(head)[0]) and not wide(encoding):
        return BinaryFormat("binary data (it contains NUL bytes)", "export the data as text CSV")
    return None


def bom_encoding(head: bytes) -> tuple[str | None, int]:
    """The encoding a byte-order mark at the start of `head` announces, and the mark's length."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding, len(bom)
    return None, 0


def fitting_encoding(data: bytes, declared: str) -> str | None:
    """An encoding other than `declared` that decodes `data`, to name in a hint.

    UTF-8 first (a file that decodes as UTF-8 almost surely is), then the single-byte code page
    that most spreadsheets on Windows write. ISO-8859-1 decodes anything, so it proves nothing
    and is never suggested.
    """
    announced, _ = bom_encoding(data)
    if announced and announced != declared:
        return announced
    for candidate in ("utf-8", "windows-1252"):
        if codecs.lookup(candidate).name == codecs.lookup(declared).name:
            continue
        try:
            data.decode(candidate)
        except UnicodeDecodeError:
            continue
        return candidate
    return None
