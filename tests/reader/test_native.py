"""The native scanner's checks, each held to its Python reference.

The scanner may only decline what it is unsure of; so every check must accept nothing the
reference rejects (soundness), and, to be worth having, accept what the reference accepts."""

from __future__ import annotations

import codecs
import os
import re
import sys
from types import ModuleType
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from csvlint.formats.boolean import BooleanFormat
from csvlint.formats.date import DateFormat
from csvlint.formats.number import (
    THOUSANDS_SEPARATORS,
    NumberFormat,
    is_integral,
    parse_integer,
    parse_number,
)
from csvlint.reader.native import FirstLines, scanner_module

if TYPE_CHECKING:
    from csvlint.reader._scan import Scanner

_DATE_PARTS = {"yyyy": 1, "yy": 2, "MMM": 3, "MM": 4, "M": 5, "dd": 6, "d": 7}
_DATE_PARTS |= {"HH": 8, "mm": 9, "ss": 10}


def native() -> ModuleType:
    """The native module; its absence fails the test unless CSVLINT_PURE says it is expected."""
    module = scanner_module()
    if module is None:
        if os.environ.get("CSVLINT_PURE"):
            pytest.skip("CSVLINT_PURE is set: csvlint was installed without its native scanner")
        pytest.fail(
            "the native scanner (native/scan/) was not built: install with a C "
            "compiler, or set CSVLINT_PURE=1 to test the pure-Python install"
        )
    return module


def number_spec(fmt: NumberFormat, kind: int) -> tuple[object, ...]:
    return (
        0,
        kind,
        None,
        None,
        False,
        False,
        (
            fmt.decimal_separator.encode(),
            fmt.thousands_separator.encode(),
            fmt.prefix.encode(),
            fmt.suffix.encode(),
            fmt.percent,
        ),
    )


def accepts(spec: tuple[object, ...], value: str) -> bool:
    result: bool = native().check_value(spec, value.encode("utf-8"))
    return result


@st.composite
def number_formats(draw: st.DrawFn, percent: bool = True) -> NumberFormat:
    decimal = draw(st.sampled_from([".", ","]))
    thousands = draw(st.sampled_from([t for t in THOUSANDS_SEPARATORS if t != decimal]))
    prefix = draw(st.sampled_from(["", "$", "€", "USD ", "£"]))
    suffix = draw(st.sampled_from(["", "K", " €", " kg"]))
    return NumberFormat(decimal, thousands, prefix, suffix, percent and draw(st.booleans()))


NUMBER_TEXT = st.text(alphabet=list("0123456789.,-+ '$€%KUSD£kg٣"), max_size=14)


def _number_ok(value: str, fmt: NumberFormat) -> bool:
    try:
        parse_number(value, fmt)
    except ValueError:
        return False
    return True


def _integer_ok(value: str, fmt: NumberFormat) -> bool:
    try:
        return is_integral(parse_integer(value, fmt))
    except ValueError:
        return False


@settings(max_examples=600, suppress_health_check=[HealthCheck.too_slow])
@given(number_formats(), NUMBER_TEXT, st.data())
def test_numbers_are_judged_as_the_parser_judges_them(
    fmt: NumberFormat, text: str, data: st.DataObject
) -> None:
    # half the time, a value written in the format, so that valid ones are common
    if data.draw(st.booleans()):
        digits = data.draw(st.from_regex(r"\A[0-9]{1,9}(\.[0-9]{1,3})?\Z"))
        from decimal import Decimal

        from csvlint.formats.number import format_number

        text = format_number(Decimal(digits), fmt, grouped=data.draw(st.booleans()))
    if text:
        assert accepts(number_spec(fmt, 1), text) == _number_ok(text, fmt), text


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(number_formats(percent=False), NUMBER_TEXT | st.from_regex(r"\A-?[0-9]{1,4}(\.0*[0-9]?)?\Z"))
def test_integers_are_whole_numbers_by_the_parser(fmt: NumberFormat, text: str) -> None:
    if text:
        assert accepts(number_spec(fmt, 2), text) == _integer_ok(text, fmt), text


PATTERNS = [
    "yyyy-MM-dd",
    "dd/MM/yyyy",
    "M/d/yyyy",
    "d MMM yyyy",
    "yy-MM-dd",
    "yyyy-MM-dd'T'HH:mm:ss",
    "dd.MM.yy HH:mm",
    "yyyy年M月d日",
    "MMM d, yyyy",
]


def date_spec(fmt: DateFormat) -> tuple[object, ...]:
    parts = tuple(
        (_DATE_PARTS[p.text], b"") if p.is_token else (0, p.text.encode()) for p in fmt.parts
    )
    return (0, 3, None, None, False, False, parts)


@settings(max_examples=800, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(PATTERNS),
    st.datetimes(),
    st.lists(
        st.tuples(st.integers(0, 30), st.sampled_from(list("0123459/-.: aFebJT月"))), max_size=2
    ),
)
def test_dates_are_judged_as_the_parser_judges_them(
    pattern: str, when: object, edits: list[tuple[int, str]]
) -> None:
    import datetime as dt

    assert isinstance(when, dt.datetime)
    fmt = DateFormat.compile(pattern)
    try:
        text = fmt.format(when)
    except ValueError:  # a year yy cannot write
        text = fmt.format(when.replace(year=2000 + when.year % 100))
    for where, char in edits:  # replace or insert a character, to make near misses
        at = where % (len(text) + 1)
        text = text[:at] + char + text[at + (at % 2) :]
    try:
        fmt.parse(text)
        expected = True
    except ValueError:
        expected = False
    if text:
        assert accepts(date_spec(fmt), text) == expected, (pattern, text)


@given(st.lists(st.text(min_size=1, max_size=5), min_size=1, max_size=4), st.text(max_size=6))
def test_booleans_are_exactly_the_words(words: list[str], text: str) -> None:
    words = [w.replace("\x00", "") or "x" for w in words]
    module = native()
    table = module.KeySet()
    for word in words:
        table.add(word, 0)
    fmt = BooleanFormat(tuple(words), ("\x01never",))
    spec = (0, 4, None, None, False, False, table)
    for value in (text, words[0]):
        if value:
            assert accepts(spec, value) == (value in fmt.true_values)


def test_whitespace_is_what_str_strip_removes() -> None:
    spec = (0, 0, None, None, True, False, None)
    for point in [*range(0x3100), 0xFEFF, 0x10FFFF, 0x1F600]:
        char = chr(point)
        if 0xD800 <= point <= 0xDFFF:
            continue
        for value in (char + "x", "x" + char, char):
            assert accepts(spec, value) == (value == value.strip()), hex(point)


#: the number the formula rule lets start with a sign (rules/val309_formula_injection.py)
_NUMBER = re.compile(r"[+-]?(?:\d[\d,.' ]*)?(?:\.\d+)?(?:[eE][+-]?\d+)?%?")


@settings(max_examples=600)
@given(st.text(alphabet=list("=+-@\t\r0123456789.,' eE%x٣"), min_size=1, max_size=10))
def test_formulas_are_what_the_rule_reports(text: str) -> None:
    spec = (0, 0, None, None, False, True, None)
    flagged = text[0] in "=+-@\t\r" and not _NUMBER.fullmatch(text)
    if flagged:
        assert not accepts(spec, text), text  # sound: never vouches for a formula
    elif text.isascii():
        assert accepts(spec, text), text  # and exact on ASCII


def test_keys_must_be_present_and_unpadded() -> None:
    module = native()
    spec = (0, 0, module.KeySet(), None, True, False, None)
    assert not accepts(spec, "")
    assert not accepts(spec, " E1")
    assert accepts(spec, "E1")


def test_items_are_looked_up() -> None:
    module = native()
    items = module.KeySet()
    for item in ("SALES", "ENG", "Zürich"):
        items.add(item, 0)
    spec = (0, 0, None, items, True, False, None)
    assert [accepts(spec, v) for v in ("SALES", "Zürich", "", "SALSE", "sales")] == [
        True,
        True,
        True,
        False,
        False,
    ]


@settings(max_examples=500)
@given(st.binary(max_size=24) | st.text(max_size=8).map(lambda t: t.encode("utf-8")))
def test_utf8_is_validated_as_python_decodes_it(data: bytes) -> None:
    try:
        codecs.decode(data, "utf-8", "strict")
        expected = b"\x00" not in data
    except UnicodeDecodeError:
        expected = False
    assert native().valid_utf8(data) == expected
    # surrogates and overlong forms, which lenient decoders let through
    for bad in (b"\xed\xa0\x80", b"\xc0\xaf", b"\xe0\x80\xaf", b"\xf4\x90\x80\x80", b"\xff"):
        assert not native().valid_utf8(data + bad)


@settings(max_examples=200)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["add", "get", "all"]),
            st.lists(st.text(max_size=3), max_size=6),
            st.integers(1, 2**31),
        ),
        max_size=30,
    )
)
def test_the_key_set_keeps_first_lines_like_a_dict(
    steps: list[tuple[str, list[str], int]],
) -> None:
    native_set, model = native().KeySet(), FirstLines()
    for action, keys, line in steps:
        if action == "add":
            for key in keys:
                assert native_set.add(key, line) == model.add(key, line)
        elif action == "get":
            for key in keys:
                assert native_set.get(key) == model.get(key)
        else:
            distinct = list(dict.fromkeys(keys))
            lines = [line + i for i in range(len(distinct))]
            assert native_set.add_all_new(distinct, lines) == model.add_all_new(distinct, lines)
    assert len(native_set) == len(model)


def test_the_key_set_grows_and_keeps_every_key() -> None:
    keys = native().KeySet()
    assert keys.add_all_new([f"K{i:07d}" for i in range(50_000)], list(range(1, 50_001)))
    assert len(keys) == 50_000 and keys.get("K0049999") == 50_000 and keys.get("K0050000") is None
    assert keys.add("K0000007", 99) == 8
    assert not keys.add_all_new(["new", "K0000001"], [1, 2]) and "new" not in keys
    assert keys.nbytes < 50_000 * 64
    long = "é" * 70_000  # a key longer than a length byte holds
    assert keys.add(long, 5) is None and keys.get(long) == 5


def test_a_bad_argument_is_a_python_error() -> None:
    module = native()
    with pytest.raises(TypeError):
        module.KeySet().get(3)
    with pytest.raises(ValueError, match="two different single bytes"):
        module.Scanner(b",", b",", b"\n", 2, 10, ())
    with pytest.raises(ValueError, match="ending"):
        module.Scanner(b",", b'"', b"x", 2, 10, ())
    with pytest.raises(ValueError, match="outside"):
        module.Scanner(b",", b'"', b"\n", 2, 10, ((5, 0, None, None, False, False, None),))
    assert sys.getrefcount(module) > 1


def test_a_frozen_set_takes_no_more_keys_and_still_finds_its_own() -> None:
    words = native().KeySet()
    for word in ("TRUE", "false", "1", "longer than eight"):
        words.add(word, 0)
    words.freeze()
    assert [w in words for w in ("TRUE", "false", "1", "longer than eight", "0", "TRU")] == [
        True,
        True,
        True,
        True,
        False,
        False,
    ]
    with pytest.raises(ValueError, match="frozen"):
        words.add("new", 1)
    # zero padding must not make a short word of a word and its NULs
    assert not any(w in words for w in ("1\x00", "TRUE\x00", "\x00TRUE", "fals\x00"))


@pytest.mark.parametrize("records", [3, 400])  # a commit keeps the GIL, or lets it go
def test_a_frozen_set_takes_no_keys_from_a_scan_either(records: int) -> None:
    module = native()
    keys = module.KeySet()
    keys.add("k0", 1)
    keys.freeze()
    scanner = module.Scanner(b",", b'"', b"\n", 1, 100, ((0, 0, keys, None, False, False, None),))
    data = b"".join(b"x%d\n" % i for i in range(records))
    with pytest.raises(ValueError, match="frozen"):
        scanner.scan(data, 0, True, 1)
    assert "x1" not in keys


def test_room_made_ahead_changes_nothing_but_speed() -> None:
    keys = native().KeySet()
    keys.reserve(100_000)
    room = keys.nbytes
    assert keys.add_all_new([f"K{i}" for i in range(5000)], list(range(5000)))
    assert keys.nbytes <= room + (1 << 20) and keys.get("K4999") == 4999


def _keyed_scanner() -> Scanner:
    """A scanner of three columns: a unique key, a number, and text."""
    module = native()
    number = number_spec(NumberFormat(".", "", "", "", False), 1)
    columns = ((0, 0, module.KeySet(), None, True, False, None), (1, *number[1:]))
    scanner: Scanner = module.Scanner(b",", b'"', b"\n", 3, 1 << 20, columns)
    return scanner


@pytest.mark.parametrize("defect", ["none", "repeated key", "invalid number", "unclosed quote"])
def test_a_small_buffer_is_checked_as_a_large_one(defect: str) -> None:
    """Buffers under 16 KiB are checked holding the GIL (a seam between two blocks), larger
    ones without it: both must vouch for the same records and stop at the same one."""
    rows = [f'K{i:06d},{i}.5,"text, {i}"\n' for i in range(3000)]
    if defect == "repeated key":
        rows[2500] = 'K000007,1,"again"\n'
    elif defect == "invalid number":
        rows[2500] = 'K999999,1.2.3,"bad"\n'
    elif defect == "unclosed quote":
        rows[2999] = 'K999999,1,"open\n'
    data = "".join(rows).encode()
    assert len(data) > 64 * 1024
    expected = _keyed_scanner().scan(data, 0, True, 1)
    pieces = _keyed_scanner()
    pos, line, records, at = 0, 1, 0, None
    while pos < len(data):
        piece = data[: min(len(data), pos + 8 * 1024)]
        assert len(piece) - pos < 16 * 1024  # under the threshold
        end, read, line, status, _, _ = pieces.scan(piece, pos, piece == data, line)
        records += read
        at = (end, records, line, status)
        if status == 2 or end == pos:
            break
        pos = end
    assert at == expected[:4]
    assert (defect == "none") == (expected[3] == 0)
