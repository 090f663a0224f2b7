"""The native scanner for one file: what it must check, told in the terms it takes.

The scanner takes over from the exact path once the header is known, when the file is UTF-8 or
in a single-byte encoding that keeps ASCII as it is (windows-1252, latin-1, ...), with a
one-byte delimiter and quote and LF, CRLF or CR endings, and every mapped column has a format
it implements. Otherwise (or without the native module) the whole file takes the exact path.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, cast

from csvlint.engine.context import FileContext
from csvlint.engine.facts import Header
from csvlint.formats.column import BooleanCheck, DateCheck, IntegerCheck, NumberCheck, ValueCheck
from csvlint.reader.native import scanner_module
from csvlint.rules._values import (
    MappedColumn,
    combination_columns,
    combinations_of,
    keys_of,
    plan_for,
)

if TYPE_CHECKING:
    from csvlint.reader._scan import ColumnFormat, ColumnSpec, KeySet, Scanner

#: the scanner's column kinds and date parts (native/scan/values.h)
_KINDS = {NumberCheck: 1, IntegerCheck: 2, DateCheck: 3, BooleanCheck: 4}
_DATE_PARTS = {
    "yyyy": 1,
    "yy": 2,
    "MMM": 3,
    "MM": 4,
    "M": 5,
    "dd": 6,
    "d": 7,
    "HH": 8,
    "mm": 9,
    "ss": 10,
}


class Unsupported(Exception):
    """A column the scanner cannot judge: the file takes the exact path."""


def scanner_for(
    context: FileContext,
    header: Header,
    delimiter: str,
    quote: str,
    encoding: str,
    ending: str,
    with_values: bool,
    *,
    combinations: bool = True,
) -> Scanner | None:
    """The scanner for the records after `header`, or None when the exact path must read all.
    `combinations` says whether a metric's repeated combinations of items are checked
    (VAL312). A key set grows with the keys seen (never sized ahead from the file's size,
    which a single huge field would make no measure of the keys to come)."""
    module = scanner_module()
    if module is None or ending not in ("\n", "\r\n", "\r"):
        return None
    if not (delimiter.isascii() and quote.isascii()):
        return None
    single = None if encoding == "utf-8" else single_byte_table(encoding)
    if encoding != "utf-8" and single is None:
        return None
    try:
        columns = _columns(context, header, encoding, combinations) if with_values else ()
    except (Unsupported, UnicodeEncodeError):
        # a lone surrogate in a configured word or format has no UTF-8 bytes to scan for
        return None
    scanner: Scanner = module.Scanner(
        delimiter.encode(),
        quote.encode(),
        ending.encode(),
        header.width,
        context.field_size_limit,
        columns,
        single,
    )
    return scanner


def single_byte_table(encoding: str) -> bytes | None:
    """For a single-byte encoding that reads ASCII as ASCII: which of the 256 bytes decode
    (1) and which do not (0). None for any other encoding (UTF-16, EBCDIC, multi-byte)."""
    import codecs

    try:
        info = codecs.lookup(encoding)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True):
        return None  # base64, zlib: no text encoding
    decode = info.decode
    table = bytearray(256)
    for byte in range(256):
        try:
            text, _ = decode(bytes([byte]), "strict")
        except UnicodeDecodeError as error:
            if byte < 0x80 or "undefined" not in error.reason:
                # ASCII that does not decode alone (UTF-16), or the start of a longer
                # sequence (Shift JIS, GB 18030): not a single-byte encoding
                return None
            continue
        if len(text) != 1 or (byte < 0x80 and text != chr(byte)):
            return None
        table[byte] = 1
    return bytes(table)


def _columns(
    context: FileContext, header: Header, encoding: str, combinations: bool
) -> tuple[ColumnSpec, ...]:
    specs: list[ColumnSpec] = []
    keyed: set[int] = set()
    placed = combination_columns(context, header) if combinations else []
    if len(placed) > 1:
        # the scanner keeps keys of one column: a combination of several is judged by the
        # exact path, which reads every record of such a metric import
        raise Unsupported("a metric with several dimension columns")
    for mapped in plan_for(context, header).columns:
        keys = None
        if mapped.unique or mapped in placed:
            if mapped.index in keyed:
                raise Unsupported("one column feeds two unique properties")
            keyed.add(mapped.index)
            # one dimension column: its values are the combinations (VAL312's key set)
            keys = keys_of(context, mapped) if mapped.unique else combinations_of(context)
        kind, fmt = _format(mapped.check, encoding)
        specs.append(
            (
                mapped.index,
                kind,
                _native_set(keys) if keys is not None else None,
                _items(mapped),
                mapped.unique or mapped.kind == "dimension",
                mapped.kind == "text",
                fmt,
                mapped.places,  # a blank item is VAL311's: the exact path reads that record
                # an invalid format or an unknown item is handed over as a cell where it is the
                # column's only check (csvlint/engine/cells.py); any other failure is declined
                keys is None,
            )
        )
    return tuple(specs)


def _native_set(store: object) -> KeySet:
    module = scanner_module()
    assert module is not None and isinstance(store, module.KeySet)
    return cast("KeySet", store)


def _items(mapped: MappedColumn) -> KeySet | None:
    return None if mapped.items is None else _frozen(mapped.items)


def _frozen(words: Iterable[str]) -> KeySet:
    """A native set of known words (items, boolean words), frozen for fast lookups."""
    module = scanner_module()
    assert module is not None
    known: KeySet = module.KeySet()
    for word in words:
        known.add(word, 0)
    known.freeze()
    return known


def _format(check: ValueCheck | None, encoding: str) -> tuple[int, ColumnFormat]:
    """The scanner's kind and format for a column's value check, its text in the file's
    encoding."""

    def encoded(text: str) -> bytes:
        try:
            return text.encode(encoding)
        except UnicodeEncodeError:
            raise Unsupported(f"{text!r} cannot be written in {encoding}") from None

    if check is None:
        return 0, None
    if isinstance(check, NumberCheck | IntegerCheck):
        fmt = check.format
        if isinstance(check, IntegerCheck) and fmt.scaled:
            # whether a scaled integer truncates depends on its digits: Python decides
            raise Unsupported("an integer column with a percent or a multiplier")
        return _KINDS[type(check)], (
            encoded(fmt.decimal_separator),
            encoded(fmt.thousands_separator),
            encoded(fmt.prefix),
            encoded(fmt.suffix),
            fmt.percent,
        )
    if isinstance(check, DateCheck):
        parts = tuple(
            (_DATE_PARTS[part.text], b"") if part.is_token else (0, encoded(part.text))
            for part in check.format.parts
        )
        return _KINDS[DateCheck], parts
    if isinstance(check, BooleanCheck):
        words = (*check.format.true_values, *check.format.false_values)
        return _KINDS[BooleanCheck], _frozen(words)
    raise Unsupported(f"no native check for {type(check).__name__}")
