"""Column checks: `bad_cells` finds exactly the values the per-value parsers reject."""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csvlint.formats import column
from csvlint.formats.boolean import BooleanFormat
from csvlint.formats.column import (
    CHECKED_TYPES,
    BadCell,
    BooleanCheck,
    IntegerCheck,
    NumberCheck,
    ValueCheck,
    value_check,
)
from csvlint.formats.number import NumberFormat, format_number, is_integral, parse_integer

SEPARATOR_PAIRS = [(".", ""), (".", ","), (",", ""), (",", "."), (".", " "), (",", "'")]
number_formats = st.builds(
    lambda pair, prefix, percent, multiplier: NumberFormat(
        pair[0], pair[1], prefix, "", percent, multiplier
    ),
    st.sampled_from(SEPARATOR_PAIRS),
    st.sampled_from(["", "$"]),
    st.booleans(),
    st.sampled_from([None, None, 1000.0, 0.5]),
)
decimals = st.builds(
    lambda digits, places: Decimal(digits).scaleb(-places),
    st.integers(min_value=-(10**9), max_value=10**9),
    st.integers(min_value=0, max_value=3),
)
noise = st.text(alphabet="0123456789.,' -+$%x\x00", max_size=8)


@contextmanager
def matching(way: str) -> Iterator[None]:
    """Chunks checked as built ("as built"), or every chunk matched by the regexes over joined
    values however few its values ("joined"; a few are otherwise matched one by one)."""
    saved = column._ONE_BY_ONE
    column._ONE_BY_ONE = saved if way == "as built" else 0
    try:
        yield
    finally:
        column._ONE_BY_ONE = saved


WAYS = ("as built", "joined")


def reference(check: ValueCheck, values: list[str]) -> list[BadCell]:
    """The per-value judgement, one cell at a time."""
    cells = []
    for index, value in enumerate(values):
        verdict = check.explain(value) if value else None
        if verdict is not None:
            cells.append(BadCell(index, *verdict))
    return cells


@st.composite
def chunks(draw: st.DrawFn, good: st.SearchStrategy[str]) -> list[str]:
    """A mix of valid values, noise and blanks; often repeated, to have few distinct values."""
    values = draw(st.lists(st.one_of(good, good, noise, st.just("")), max_size=30))
    return values * draw(st.sampled_from([1, 1, 3, 700]))


@settings(max_examples=150, deadline=None)
@given(fmt=number_formats, data=st.data())
def test_number_bad_cells_match_the_parser(fmt: NumberFormat, data: st.DataObject) -> None:
    good = st.builds(lambda d, g: format_number(d, fmt, g), decimals, st.booleans())
    values = data.draw(chunks(good))
    for way in WAYS:
        with matching(way):
            check = NumberCheck(fmt)
            expected = reference(check, values)
            assert check.bad_cells(values) == expected
            assert all(cell.code == "invalid-number" for cell in expected)
            assert check.accepts_all(values) == (not expected)


@settings(max_examples=150, deadline=None)
@given(fmt=number_formats, data=st.data())
def test_integer_bad_cells_match_the_parser(fmt: NumberFormat, data: st.DataObject) -> None:
    good = st.builds(lambda d, g: format_number(d, fmt, g), decimals, st.booleans())
    values = data.draw(chunks(good))
    check = IntegerCheck(fmt)
    expected = []
    for index, value in enumerate(values):
        if not value:
            continue
        try:
            written = parse_integer(value, fmt)
        except ValueError as error:
            expected.append(BadCell(index, "invalid-integer", str(error)))
            continue
        if not is_integral(fmt.scale(written)):
            expected.append(BadCell(index, "integer-truncation", check.explain(value)[1]))  # type: ignore[index]
    for way in WAYS:
        with matching(way):
            fresh = IntegerCheck(fmt)
            assert fresh.bad_cells(values) == expected
            assert fresh.accepts_all(values) == (not expected)


@settings(max_examples=100, deadline=None)
@given(data=st.data())
def test_boolean_bad_cells_match_the_parser(data: st.DataObject) -> None:
    words = ["TRUE", "true", "True", "1", "FALSE", "false", "False", "0"]
    good = st.sampled_from(words)
    odd = st.sampled_from(["yes", "TRUE ", "tru", "TRUEE", "01", "10", "T"])
    values = data.draw(chunks(st.one_of(good, odd)))
    for way in WAYS:
        with matching(way):
            check = BooleanCheck(BooleanFormat())
            assert check.bad_cells(values) == reference(check, values)


@pytest.mark.parametrize("distinct", [True, False])
def test_one_bad_value_in_a_large_chunk_is_found_at_its_index(distinct: bool) -> None:
    rng = random.Random(7)
    fmt = NumberFormat(".", ",")
    if distinct:
        values = [
            format_number(Decimal(rng.randrange(10**8)) / 100, fmt, True) for _ in range(50_000)
        ]
    else:
        values = [rng.choice(["1,234.50", "17", "", "-3.5"]) for _ in range(50_000)]
    values[31_337] = "12,34"
    values[49_999] = "x"
    found = NumberCheck(fmt).bad_cells(values)
    assert [cell.position for cell in found] == [31_337, 49_999]
    assert found[0] == (
        31_337,
        "invalid-number",
        '\'12,34\' is not a number under this column\'s format (decimal ".", thousands ","): '
        "digit groups after a thousands separator must have 3 digits",
    )


@settings(max_examples=100, deadline=None)
@given(
    fmt=number_formats,
    limit=st.integers(min_value=0, max_value=3),
    data=st.data(),
)
def test_a_message_limit_keeps_every_cell_and_code(
    fmt: NumberFormat, limit: int, data: st.DataObject
) -> None:
    good = st.builds(lambda d, g: format_number(d, fmt, g), decimals, st.booleans())
    values = data.draw(chunks(good))
    for way in WAYS:
        for check in (NumberCheck(fmt), IntegerCheck(fmt)):
            with matching(way):
                full = check.bad_cells(values)
                limited = check.bad_cells(values, message_limit=limit)
            assert [cell[:2] for cell in limited] == [cell[:2] for cell in full]
            told = [cell for cell in limited if cell.message]
            assert all(cell in full for cell in told)
            for code in check.codes:
                of_code = [cell for cell in full if cell.code == code]
                assert len([cell for cell in told if cell.code == code]) >= min(limit, len(of_code))


def test_the_messages_of_each_kind() -> None:
    date = value_check("date", {"date_format": "dd/MM/yyyy"})
    assert date.bad_cells(["29/03/2026", "11/28/2026", ""]) == [
        (
            1,
            "invalid-date",
            "'11/28/2026' is not a date in format dd/MM/yyyy: month 28 does not exist",
        )
    ]
    integer = value_check("integer", {})
    truncates = "is not a whole number: Pigment truncates it to"
    assert integer.bad_cells(["12", "12.00", "12.5", "-12.5", "12a"]) == [
        (2, "integer-truncation", f"'12.5' {truncates} 12 in an integer column"),
        (3, "integer-truncation", f"'-12.5' {truncates} -12 in an integer column"),
        (
            4,
            "invalid-integer",
            "'12a' is not an integer under this column's format "
            '(decimal ".", no thousands separator): '
            'it contains "a", which this format does not allow here',
        ),
    ]
    boolean = value_check("boolean", {})
    assert [cell.code for cell in boolean.bad_cells(["TRUE", "yes"])] == ["invalid-boolean"]


def test_scaled_integers_are_judged_on_the_stored_value() -> None:
    scaled = "once the column's percent and multiplier apply"
    truncates = "is not a whole number: Pigment truncates it to"
    percent = value_check("integer", {"percent": True})
    assert percent.bad_cells(["200%", "150%", "300"]) == [
        (1, "integer-truncation", f"'150%' (1.5 {scaled}) {truncates} 1 in an integer column")
    ]
    thousands = value_check("integer", {"multiplier": 1000})
    assert thousands.bad_cells(["1.5", "1.0005"]) == [
        (
            1,
            "integer-truncation",
            f"'1.0005' (1000.5 {scaled}) {truncates} 1000 in an integer column",
        )
    ]


def test_blanks_and_empty_chunks() -> None:
    for kind in CHECKED_TYPES:
        check = value_check(kind, {})
        assert check.bad_cells([]) == []
        assert check.bad_cells(["", "", ""]) == []
        assert check.accepts_all([""])


def test_a_value_holding_a_nul_is_still_judged_alone() -> None:
    check = value_check("number", {})
    found = check.bad_cells(["5", "5\x006", "", "7"])
    assert [(cell.position, cell.code) for cell in found] == [(1, "invalid-number")]
    assert not check.accepts_all(["5\x006"])


def test_value_check_reads_merged_options_and_ignores_the_others() -> None:
    options = {
        "decimal_separator": ",",
        "thousands_separator": ".",
        "date_format": "dd/MM/yyyy",
        "true_values": ["Y"],
        "false_values": ["N"],
    }
    assert value_check("number", options).bad_cells(["90.063,12", "90,063.12"])[0].position == 1
    assert value_check("date", options).bad_cells(["29/03/2026", "2026-03-29"])[0].position == 1
    assert value_check("boolean", options).bad_cells(["Y", "TRUE"])[0].position == 1
    assert (
        value_check("integer", options).bad_cells(["1.234", "1,5"])[0].code == "integer-truncation"
    )


@pytest.mark.parametrize(
    ("kind", "options", "problem"),
    [
        ("text", {}, "no value check for type 'text'"),
        ("date", {"date_format": 5}, "date_format must be a string"),
        ("date", {"date_format": "yyyy-mm-dd"}, "needs the month"),
        ("number", {"thousands_separator": "_"}, "thousands separator"),
        ("boolean", {"true_values": "TRUE"}, "must be a list of strings"),
    ],
)
def test_value_check_refuses_bad_kinds_and_options(
    kind: str, options: dict[str, object], problem: str
) -> None:
    with pytest.raises(ValueError) as caught:
        value_check(kind, options)
    assert problem in str(caught.value)


def test_value_check_builds_a_check_once_for_the_same_options() -> None:
    options = {"decimal_separator": ",", "true_values": ["Y"], "false_values": ["N"]}
    first = value_check("number", options)
    assert value_check("number", dict(reversed(options.items()))) is first
    assert value_check("integer", options) is not first
    assert value_check("number", {**options, "decimal_separator": "."}) is not first


def _outcome(kind: str, options: dict[str, object]) -> object:
    try:
        return value_check(kind, options).bad_cells(["1", "Y", "True", "x", "2.5"])
    except ValueError as exc:
        return str(exc)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (
            {"true_values": ["1"], "false_values": ["0"]},
            {"true_values": [1], "false_values": ["0"]},
        ),
        (
            {"true_values": [1], "false_values": ["0"]},
            {"true_values": [True], "false_values": ["0"]},
        ),
        ({"multiplier": 1}, {"multiplier": True}),
        ({"multiplier": 1}, {"multiplier": 1.0}),
        ({"true_values": ["Y"]}, {"true_values": ("Y",)}),
    ],
)
@pytest.mark.parametrize("kind", ["boolean", "number"])
def test_value_check_keeps_options_of_other_types_apart(
    kind: str, one: dict[str, object], other: dict[str, object]
) -> None:
    """Options equal in Python but not in a configuration (`1`, `True`, `1.0`) get checks of
    their own: a check kept for one never answers for the other."""
    column._built.clear()
    alone = _outcome(kind, other)
    column._built.clear()
    _outcome(kind, one)
    assert _outcome(kind, other) == alone


def test_value_check_with_an_unhashable_option_is_refused_as_before() -> None:
    options: dict[str, object] = {"true_values": [["Y"]], "false_values": ["N"]}
    for _ in range(2):
        with pytest.raises(ValueError, match="must hold strings only"):
            value_check("boolean", options)


def test_value_check_is_safe_from_several_threads() -> None:
    """Lints in threads of one program share the checks built, and evict the oldest safely."""
    from concurrent.futures import ThreadPoolExecutor

    def build(i: int) -> list[BadCell]:
        options = {"true_values": [f"Y{i % 300}"], "false_values": ["N"]}
        return value_check("boolean", options).bad_cells([f"Y{i % 300}", "x"])

    with ThreadPoolExecutor(8) as pool:
        found = list(pool.map(build, range(1200)))
    assert all([cell.position for cell in cells] == [1] for cells in found)
    assert len(column._built) <= column._KEPT
