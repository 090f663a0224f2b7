"""Pigment date formats: patterns such as ``dd/MM/yyyy``, their parser, formatter and regexes.

A pattern is made of tokens and literal text:

=========  ================================================  ============
token      meaning                                           example
=========  ================================================  ============
``yyyy``   year, 4 digits (0001-9999)                         ``2026``
``yy``     year 2000-2099, 2 digits (``26`` is 2026)          ``26``
``MM``     month, 2 digits                                    ``03``
``M``      month, 1 or 2 digits                               ``3``, ``03``
``MMM``    month, English abbreviation, case matters          ``Mar``
``dd``     day of the month, 2 digits                         ``09``
``d``      day of the month, 1 or 2 digits                    ``9``, ``09``
``HH``     hour 00-23, 2 digits                               ``17``
``mm``     minute, 2 digits                                   ``05``
``ss``     second, 2 digits                                   ``59``
=========  ================================================  ============

Any other character is literal text, except ASCII letters, which must be quoted (``'T'``; ``''``
is a quote) so that a typo such as ``yyyy-MM-DD`` is an error instead of a silent literal. A
pattern needs a year, a month and a day, each once; literal text may not contain digits; ``M``
and ``d`` may not touch another numeric token (``dMyyyy`` would be ambiguous). A value must match
the whole pattern (no surrounding whitespace) and be a real calendar date and time: 2024-02-29
is valid, 2023-02-29, 2024-02-30, month 13 and hour 24 are not.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass
from typing import Literal

from csvlint.formats import quote_value

#: The date format of a configuration that names none.
DEFAULT_DATE_FORMAT = "yyyy-MM-dd"
MONTH_ABBREVIATIONS = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)  # fmt: skip
_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
_DIGITS = "0123456789"

Field = Literal["year", "month", "day", "hour", "minute", "second"]
#: token -> (field, fewest digits, most digits); MMM has no digits
_TOKENS: dict[str, tuple[Field, int, int]] = {
    "yyyy": ("year", 4, 4),
    "yy": ("year", 2, 2),
    "MMM": ("month", 0, 0),
    "MM": ("month", 2, 2),
    "M": ("month", 1, 2),
    "dd": ("day", 2, 2),
    "d": ("day", 1, 2),
    "HH": ("hour", 2, 2),
    "mm": ("minute", 2, 2),
    "ss": ("second", 2, 2),
}
_WORDS = {
    "year": "the year",
    "month": "the month",
    "day": "the day",
    "hour": "the hour",
    "minute": "the minutes",
    "second": "the seconds",
}

# The calendar regex is an alternation of four cases, so that each case is a plain regex: days 1-28
# of any month (most dates match the first case at the first try), days 29-30 of a month other
# than February, day 31 of a 31-day month, and February 29 of a leap year.
_Case = Literal["common", "late", "last", "leap-day"]
_CASES: tuple[_Case, ...] = ("common", "late", "last", "leap-day")
_LEAP_YYYY = "(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)"
_LEAP_YY = "(?:[02468][048]|[13579][26])"  # 2000 + yy is leap exactly when yy is a multiple of 4
_MONTHS_30_OR_31 = [m for m in MONTH_ABBREVIATIONS if m != "Feb"]
_MONTHS_31 = ["Jan", "Mar", "May", "Jul", "Aug", "Oct", "Dec"]
_CALENDAR: dict[str, dict[_Case, str]] = {
    "MM": {
        "common": "(?:0[1-9]|1[0-2])",
        "late": "(?:0[13-9]|1[0-2])",
        "last": "(?:0[13578]|1[02])",
        "leap-day": "02",
    },
    "M": {
        "common": "(?:1[0-2]|0?[1-9])",
        "late": "(?:1[0-2]|0?[13-9])",
        "last": "(?:1[02]|0?[13578])",
        "leap-day": "0?2",
    },
    "MMM": {
        "common": "(?:" + "|".join(MONTH_ABBREVIATIONS) + ")",
        "late": "(?:" + "|".join(_MONTHS_30_OR_31) + ")",
        "last": "(?:" + "|".join(_MONTHS_31) + ")",
        "leap-day": "Feb",
    },
    "dd": {
        "common": "(?:0[1-9]|1[0-9]|2[0-8])",
        "late": "(?:29|30)",
        "last": "31",
        "leap-day": "29",
    },
    "d": {
        "common": "(?:1[0-9]|2[0-8]|0?[1-9])",
        "late": "(?:29|30)",
        "last": "31",
        "leap-day": "29",
    },
}
_FIXED = {"HH": "(?:[01][0-9]|2[0-3])", "mm": "[0-5][0-9]", "ss": "[0-5][0-9]"}


@dataclass(frozen=True, slots=True)
class PatternPart:
    """One piece of a compiled pattern: a token such as `dd` (`is_token`) or literal text."""

    text: str
    is_token: bool


@dataclass(frozen=True, slots=True)
class DateFormat:
    """A compiled date pattern; build it with `DateFormat.compile`."""

    source: str
    parts: tuple[PatternPart, ...]

    @classmethod
    def compile(cls, pattern: str) -> DateFormat:
        """The format of `pattern` (module docstring); `ValueError` names what is wrong."""
        parts = _tokenize(pattern)
        _validate(pattern, parts)
        return cls(pattern, parts)

    def __str__(self) -> str:
        return self.source

    @property
    def pattern(self) -> str:
        """A `re` pattern (no anchors, no capturing groups) matching the shape of a value:
        digits where digits go, month abbreviations, literals; not calendar validity."""
        return "".join(_shape(p) for p in self.parts)

    @property
    def calendar_pattern(self) -> str:
        """A `re` pattern that matches exactly the texts `parse` accepts, calendar included."""
        return "(?:" + "|".join(self._case_pattern(case) for case in _CASES) + ")"

    def _case_pattern(self, case: _Case) -> str:
        pieces = []
        for part in self.parts:
            if not part.is_token:
                pieces.append(re.escape(part.text))
            elif part.text in _FIXED:
                pieces.append(_FIXED[part.text])
            elif part.text == "yyyy":
                pieces.append(_LEAP_YYYY if case == "leap-day" else "(?!0000)[0-9]{4}")
            elif part.text == "yy":
                pieces.append(_LEAP_YY if case == "leap-day" else "[0-9]{2}")
            else:
                pieces.append(_CALENDAR[part.text][case])
        return "".join(pieces)

    def parse(self, text: str) -> dt.datetime:
        """The date and time `text` writes (midnight when the pattern has no time).

        Raises `ValueError` with a user-facing message naming the reason.
        """
        fields, problem = self._read(text)
        if problem is None:
            problem = _calendar_problem(fields)
        if problem is not None:
            raise ValueError(
                f"{quote_value(text)} is not a date in format {self.source}: {problem}"
            )
        return dt.datetime(
            fields["year"],
            fields["month"],
            fields["day"],
            fields.get("hour", 0),
            fields.get("minute", 0),
            fields.get("second", 0),
        )

    def _read(self, text: str) -> tuple[dict[Field, int], str | None]:
        """The fields of `text`, or the first place where it leaves the pattern. Reading digits
        greedily is exact because `M` and `d` never touch another numeric token."""
        fields: dict[Field, int] = {}
        pos = 0
        for part in self.parts:
            at = f"at character {pos + 1}"
            if not part.is_token:
                if not text.startswith(part.text, pos):
                    return fields, f'expected "{part.text}" {at}'
                pos += len(part.text)
                continue
            field, fewest, most = _TOKENS[part.text]
            if part.text == "MMM":
                word = text[pos : pos + 3]
                if word in MONTH_ABBREVIATIONS:
                    fields["month"] = MONTH_ABBREVIATIONS.index(word) + 1
                    pos += 3
                    continue
                if word.capitalize() in MONTH_ABBREVIATIONS:
                    return fields, f'expected "{word.capitalize()}" {at} (case matters)'
                return fields, f"expected a month abbreviation (Jan, Feb, ... Dec) {at}"
            end = pos
            while end < len(text) and end - pos < most and text[end] in _DIGITS:
                end += 1
            if end - pos < fewest:
                count = f"{fewest} digits" if fewest == most else f"{fewest} or {most} digits"
                return fields, f"expected {count} for {_WORDS[field]} ({part.text}) {at}"
            fields[field] = int(text[pos:end]) + (2000 if part.text == "yy" else 0)
            pos = end
        if pos != len(text):
            return fields, f"unexpected {quote_value(text[pos:])} after the date"
        return fields, None

    def format(self, value: dt.date) -> str:
        """`value` written in this format (a `datetime.date` has time 00:00:00)."""
        fields: dict[Field, int] = {"year": value.year, "month": value.month, "day": value.day}
        if isinstance(value, dt.datetime):
            fields |= {"hour": value.hour, "minute": value.minute, "second": value.second}
        out = []
        for part in self.parts:
            if not part.is_token:
                out.append(part.text)
            elif part.text == "MMM":
                out.append(MONTH_ABBREVIATIONS[value.month - 1])
            elif part.text == "yy":
                if not 2000 <= value.year <= 2099:
                    raise ValueError(f"{value.year} cannot be written as yy (2000-2099)")
                out.append(f"{value.year - 2000:02d}")
            else:
                field, fewest, _ = _TOKENS[part.text]
                out.append(f"{fields.get(field, 0):0{fewest}d}")
        return "".join(out)


def _tokenize(pattern: str) -> tuple[PatternPart, ...]:
    parts: list[PatternPart] = []
    literal: list[str] = []
    unknown: list[str] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "'":
            end = pattern.find("'", i + 1)
            if end < 0:
                raise ValueError(f"date format {pattern!r} has an unclosed quote")
            literal.append(pattern[i + 1 : end] if end > i + 1 else "'")
            i = end + 1
        elif char.isascii() and char.isalpha():
            end = i
            while end < len(pattern) and pattern[end] == char:
                end += 1
            run = pattern[i:end]
            if run not in _TOKENS:
                unknown.append(run)
            if literal:
                parts.append(PatternPart("".join(literal), is_token=False))
                literal = []
            parts.append(PatternPart(run, is_token=True))
            i = end
        else:
            literal.append(char)
            i += 1
    if unknown:
        raise ValueError(
            f"date format {pattern!r} has unknown letters: {', '.join(unknown)} "
            "(tokens are yyyy yy MMM MM M dd d HH mm ss; quote literal letters, as in 'T')"
        )
    if literal:
        parts.append(PatternPart("".join(literal), is_token=False))
    return tuple(parts)


def _validate(pattern: str, parts: tuple[PatternPart, ...]) -> None:
    seen: dict[Field, str] = {}
    for part in parts:
        if not part.is_token:
            if any(c in _DIGITS or c == "\x00" for c in part.text):
                raise ValueError(f"date format {pattern!r}: literal text may not hold digits")
            continue
        field = _TOKENS[part.text][0]
        if field in seen:
            raise ValueError(
                f"date format {pattern!r} has {_WORDS[field]} twice ({seen[field]}, {part.text})"
            )
        seen[field] = part.text
    for field, tokens in (("year", "yyyy or yy"), ("month", "MM, M or MMM"), ("day", "dd or d")):
        if field not in seen:
            hint = "; mm is minutes" if field == "month" and "minute" in seen else ""
            raise ValueError(f"date format {pattern!r} needs {_WORDS[field]} ({tokens}){hint}")
    for left, right in itertools.pairwise(parts):
        numeric = left.is_token and right.is_token and "MMM" not in (left.text, right.text)
        if numeric and ({left.text, right.text} & {"M", "d"}):
            raise ValueError(
                f"date format {pattern!r} is ambiguous: {left.text} touches {right.text} "
                "(use MM and dd, or put a separator between them)"
            )


def _calendar_problem(fields: dict[Field, int]) -> str | None:
    year, month, day = fields["year"], fields["month"], fields["day"]
    if year == 0:
        return "year 0 does not exist"
    if not 1 <= month <= 12:
        return f"month {month} does not exist"
    if not 1 <= day <= 31:
        return f"day {day} does not exist"
    try:
        dt.date(year, month, day)
    except ValueError:
        return f"day {day} does not exist in {_MONTH_NAMES[month - 1]} {year}"
    limits: tuple[tuple[Field, int], ...] = (("hour", 24), ("minute", 60), ("second", 60))
    for field, limit in limits:
        value = fields.get(field, 0)
        if value >= limit:
            return f"{field} {value} does not exist"
    return None


def _shape(part: PatternPart) -> str:
    if not part.is_token:
        return re.escape(part.text)
    if part.text == "MMM":
        return "(?:" + "|".join(MONTH_ABBREVIATIONS) + ")"
    _, fewest, most = _TOKENS[part.text]
    return f"[0-9]{{{fewest}}}" if fewest == most else f"[0-9]{{{fewest},{most}}}"
