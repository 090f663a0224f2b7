"""Date formats: the parser, the formatter, the regexes and the bulk check agree."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from csvlint.formats.column import DateCheck
from csvlint.formats.date import MONTH_ABBREVIATIONS, DateFormat

PATTERNS = [
    "yyyy-MM-dd",
    "dd/MM/yyyy",
    "MM/dd/yyyy",
    "d/M/yy",
    "dd-MMM-yyyy",
    "yyyy-MM-dd HH:mm:ss",
    "yyyyMMdd",
    "d MMM yyyy",
    "yyyy-MM-dd'T'HH:mm",
]
FORMATS = {p: DateFormat.compile(p) for p in PATTERNS}
CHECKS = {p: DateCheck(f) for p, f in FORMATS.items()}


def accepts(text: str, fmt: DateFormat) -> bool:
    try:
        fmt.parse(text)
    except ValueError:
        return False
    return True


def assert_agree(text: str, fmt: DateFormat) -> None:
    valid = accepts(text, fmt)
    assert (re.fullmatch(fmt.calendar_pattern, text) is not None) == valid, (text, fmt.source)
    if valid:
        assert re.fullmatch(fmt.pattern, text), (text, fmt.source)


def instants(pattern: str) -> st.SearchStrategy[dt.datetime]:
    if "yy" in pattern.replace("yyyy", ""):
        return st.datetimes(dt.datetime(2000, 1, 1), dt.datetime(2099, 12, 31, 23, 59, 59))
    return st.datetimes(dt.datetime(1, 1, 1), dt.datetime(9999, 12, 31, 23, 59, 59))


@st.composite
def written_dates(draw: st.DrawFn) -> tuple[DateFormat, dt.datetime, str]:
    pattern = draw(st.sampled_from(PATTERNS))
    fmt = FORMATS[pattern]
    instant = draw(instants(pattern))
    return fmt, instant, fmt.format(instant)


@st.composite
def date_shaped_text(draw: st.DrawFn, pattern: str | None = None) -> tuple[DateFormat, str]:
    """Text with the pattern's shape and arbitrary numbers in it: 2023-02-29, 31/04/2024,
    month 00, hour 24, plus sometimes a wrong month word or a stray character."""
    fmt = FORMATS[pattern or draw(st.sampled_from(PATTERNS))]
    out = []
    for part in fmt.parts:
        if not part.is_token:
            out.append(part.text)
        elif part.text == "MMM":
            out.append(draw(st.sampled_from([*MONTH_ABBREVIATIONS, "JAN", "feb", "Foo", "Ma"])))
        elif part.text == "yyyy":
            out.append(
                f"{draw(st.sampled_from([0, 1, 1900, 2000, 2023, 2024, 2100, 9999, 400])):04d}"
            )
        else:
            width = draw(st.sampled_from([1, 2])) if part.text in ("M", "d") else 2
            limit = {"MM": 14, "M": 14, "dd": 33, "d": 33, "HH": 25, "mm": 61, "ss": 61, "yy": 99}
            edges = {"MM": [0, 2, 4, 12, 13], "dd": [0, 28, 29, 30, 31, 32], "HH": [23, 24]}
            edges |= {"M": edges["MM"], "d": edges["dd"], "yy": [0, 23, 24, 99]}
            edges |= {"mm": [59, 60], "ss": [59, 60]}
            number = draw(
                st.one_of(
                    st.sampled_from(edges[part.text]),
                    st.integers(min_value=0, max_value=limit[part.text]),
                )
            )
            out.append(f"{number:0{width}d}"[-2:] if width == 2 else str(number))
    text = "".join(out)
    if draw(st.integers(min_value=0, max_value=9)) == 0:
        at = draw(st.integers(min_value=0, max_value=len(text)))
        text = text[:at] + draw(st.sampled_from("x/ -0")) + text[at:]
    return fmt, text


@settings(max_examples=400, deadline=None)
@given(written=written_dates())
def test_every_written_date_reads_back(written: tuple[DateFormat, dt.datetime, str]) -> None:
    fmt, instant, text = written
    parsed = fmt.parse(text)
    assert parsed.date() == instant.date()
    assert fmt.format(parsed) == text
    has_time = "HH" in fmt.source
    if has_time:
        assert parsed.hour == instant.hour
        assert parsed.minute == instant.minute
    else:
        assert parsed.time() == dt.time()
    assert_agree(text, fmt)


@settings(max_examples=600, deadline=None)
@given(shaped=date_shaped_text())
@example(shaped=(FORMATS["yyyy-MM-dd"], "2024-02-29"))
@example(shaped=(FORMATS["yyyy-MM-dd"], "2023-02-29"))
@example(shaped=(FORMATS["yyyy-MM-dd"], "2100-02-29"))
@example(shaped=(FORMATS["yyyy-MM-dd"], "2000-02-29"))
@example(shaped=(FORMATS["d/M/yy"], "29/2/24"))
@example(shaped=(FORMATS["d/M/yy"], "29/2/00"))
@example(shaped=(FORMATS["d/M/yy"], "29/2/23"))
@example(shaped=(FORMATS["dd-MMM-yyyy"], "29-Feb-1900"))
@example(shaped=(FORMATS["d/M/yy"], "31/4/23"))
def test_calendar_regex_and_parser_agree(shaped: tuple[DateFormat, str]) -> None:
    fmt, text = shaped
    assert_agree(text, fmt)


def test_leap_days_of_every_year() -> None:
    iso, short = FORMATS["yyyy-MM-dd"], FORMATS["d/M/yy"]
    for year in range(10000):
        assert_agree(f"{year:04d}-02-29", iso)
    for year in range(100):
        assert_agree(f"29/2/{year:02d}", short)


@pytest.mark.parametrize("pattern", ["dd/MM/yyyy", "d/M/yy", "dd-MMM-yyyy", "yyyyMMdd"])
def test_every_day_of_every_month(pattern: str) -> None:
    fmt = FORMATS[pattern]
    for year in (2023, 2024):
        for month in range(14):
            for day in range(33):
                written = {
                    "dd/MM/yyyy": f"{day:02d}/{month:02d}/{year}",
                    "d/M/yy": f"{day}/{month}/{year - 2000}",
                    "dd-MMM-yyyy": f"{day:02d}-{MONTH_ABBREVIATIONS[(month - 1) % 12]}-{year}",
                    "yyyyMMdd": f"{year}{month:02d}{day:02d}",
                }[pattern]
                assert_agree(written, fmt)


@settings(max_examples=200, deadline=None)
@given(
    pattern=st.sampled_from(PATTERNS), text=st.text(alphabet="0123456789/-: TJanFeb", max_size=20)
)
def test_regexes_and_parser_agree_on_any_text(pattern: str, text: str) -> None:
    assert_agree(text, FORMATS[pattern])


@settings(max_examples=150, deadline=None)
@given(pattern=st.sampled_from(PATTERNS), data=st.data())
def test_bulk_check_and_parser_agree(pattern: str, data: st.DataObject) -> None:
    fmt = FORMATS[pattern]
    written = instants(pattern).map(fmt.format)
    shaped = date_shaped_text(pattern).map(lambda pair: pair[1])
    values = data.draw(st.lists(st.one_of(written, shaped, st.just("")), max_size=40))
    values *= data.draw(st.sampled_from([1, 300]))  # many repeats take the distinct-value path
    expected = [i for i, v in enumerate(values) if v and not accepts(v, fmt)]
    found = CHECKS[pattern].bad_cells(values)
    assert [cell.position for cell in found] == expected
    assert all(cell.code == "invalid-date" for cell in found)


@pytest.mark.parametrize(
    ("pattern", "text", "reason"),
    [
        ("yyyy-MM-dd", "2024-01-32", "day 32 does not exist"),
        ("yyyy-MM-dd", "2024-13-01", "month 13 does not exist"),
        ("yyyy-MM-dd", "2024-00-10", "month 0 does not exist"),
        ("yyyy-MM-dd", "2024-02-30", "day 30 does not exist in February 2024"),
        ("yyyy-MM-dd", "2023-02-29", "day 29 does not exist in February 2023"),
        ("yyyy-MM-dd", "0000-01-01", "year 0 does not exist"),
        ("yyyy-MM-dd HH:mm:ss", "2024-01-01 24:00:00", "hour 24 does not exist"),
        ("yyyy-MM-dd HH:mm:ss", "2024-01-01 23:60:00", "minute 60 does not exist"),
        ("yyyy-MM-dd HH:mm:ss", "2024-01-01 23:59:60", "second 60 does not exist"),
        ("yyyy-MM-dd", "2024-Jan-01", "expected 2 digits for the month (MM) at character 6"),
        ("yyyy-MM-dd", "2024/01/01", 'expected "-" at character 5'),
        ("yyyy-MM-dd", "24-01-01", "expected 4 digits for the year (yyyy) at character 1"),
        ("yyyy-MM-dd", "2024-01-01 00:00:00", "unexpected ' 00:00:00' after the date"),
        ("yyyy-MM-dd", " 2024-01-01", "expected 4 digits for the year"),
        ("d/M/yy", "1//24", "expected 1 or 2 digits for the month (M) at character 3"),
        ("dd-MMM-yyyy", "01-JAN-2024", 'expected "Jan" at character 4 (case matters)'),
        ("dd-MMM-yyyy", "01-Foo-2024", "expected a month abbreviation (Jan, Feb, ... Dec)"),
        ("dd/MM/yyyy", "11/28/2026", "month 28 does not exist"),
    ],
)
def test_rejected_dates_say_why(pattern: str, text: str, reason: str) -> None:
    fmt = DateFormat.compile(pattern)
    with pytest.raises(ValueError) as caught:
        fmt.parse(text)
    message = str(caught.value)
    assert message.startswith(f"'{text}' is not a date in format {pattern}: ")
    assert message.endswith(reason) or f": {reason}" in message
    assert not re.fullmatch(fmt.calendar_pattern, text)


def test_the_message_names_the_value_the_format_and_the_reason() -> None:
    with pytest.raises(ValueError) as caught:
        DateFormat.compile("dd/MM/yyyy").parse("11/28/2026")
    assert (
        str(caught.value)
        == "'11/28/2026' is not a date in format dd/MM/yyyy: month 28 does not exist"
    )


@pytest.mark.parametrize(
    ("pattern", "text", "expected"),
    [
        ("yyyy-MM-dd", "2024-02-29", dt.datetime(2024, 2, 29)),
        ("d/M/yy", "5/3/26", dt.datetime(2026, 3, 5)),
        ("d/M/yy", "05/03/26", dt.datetime(2026, 3, 5)),
        ("dd-MMM-yyyy", "29-Mar-2026", dt.datetime(2026, 3, 29)),
        ("yyyyMMdd", "20260329", dt.datetime(2026, 3, 29)),
        ("yyyy-MM-dd'T'HH:mm:ss", "2026-03-29T17:05:09", dt.datetime(2026, 3, 29, 17, 5, 9)),
        ("dd/MM/yyyy 'at' HH:mm", "29/03/2026 at 17:05", dt.datetime(2026, 3, 29, 17, 5)),
        ("yyyy年MM月dd日", "2026年03月29日", dt.datetime(2026, 3, 29)),
        ("dd''MM''yyyy", "29'03'2026", dt.datetime(2026, 3, 29)),
    ],
)
def test_accepted_dates(pattern: str, text: str, expected: dt.datetime) -> None:
    fmt = DateFormat.compile(pattern)
    assert fmt.parse(text) == expected
    assert re.fullmatch(fmt.calendar_pattern, text)
    assert re.fullmatch(fmt.pattern, text)


def test_the_shape_regex_ignores_the_calendar() -> None:
    fmt = DateFormat.compile("yyyy-MM-dd")
    assert re.fullmatch(fmt.pattern, "2024-02-31")
    assert not re.fullmatch(fmt.pattern, "2024-2-3")
    assert not re.fullmatch(fmt.calendar_pattern, "2024-02-31")


def test_formatting() -> None:
    assert DateFormat.compile("d/M/yy").format(dt.date(2026, 3, 5)) == "5/3/26"
    assert (
        DateFormat.compile("dd-MMM-yyyy HH:mm").format(dt.date(2026, 3, 5)) == "05-Mar-2026 00:00"
    )
    with pytest.raises(ValueError, match="cannot be written as yy"):
        DateFormat.compile("dd/MM/yy").format(dt.date(1999, 12, 31))
    assert str(DateFormat.compile("dd/MM/yyyy")) == "dd/MM/yyyy"


@pytest.mark.parametrize(
    ("pattern", "problem"),
    [
        ("yyyy-MM-ddTHH:mm", "unknown letters: T"),
        ("YYYY-MM-DD", "unknown letters: YYYY, DD"),
        ("yyyy-MMMM-dd", "unknown letters: MMMM"),
        ("yyy-MM-dd", "unknown letters: yyy"),
        ("yyyy-mm-dd", "needs the month (MM, M or MMM); mm is minutes"),
        ("MM/dd", "needs the year"),
        ("yyyy-MM", "needs the day"),
        ("yyyy-MM-dd yyyy", "the year twice"),
        ("dMyyyy", "ambiguous: d touches M"),
        ("yyyyMd", "ambiguous: yyyy touches M"),
        ("yyyy-MM-dd 'T", "unclosed quote"),
        ("yyyy-MM-dd1", "literal text may not hold digits"),
    ],
)
def test_a_bad_pattern_is_refused(pattern: str, problem: str) -> None:
    with pytest.raises(ValueError) as caught:
        DateFormat.compile(pattern)
    assert problem in str(caught.value)
