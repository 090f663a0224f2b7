"""Drafting a column's type and format from a sample, for `csvlint config init`.

`guess_column` answers with a property type and the column options a configuration file would
carry, leaving out those equal to the defaults (decimal ".", no thousands separator, no prefix,
suffix or percent, date format yyyy-MM-dd). Blank values are ignored, and every other value must
be valid under the guessed format, else the next guess is tried; text is the last resort.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

from csvlint.formats.boolean import DEFAULT_FALSE_VALUES, DEFAULT_TRUE_VALUES
from csvlint.formats.column import DateCheck, NumberCheck
from csvlint.formats.date import DEFAULT_DATE_FORMAT, DateFormat
from csvlint.formats.number import NumberFormat

#: Date formats tried, in order of preference: ISO first; day-first before month-first, so an
#: ambiguous column (every value like 01/02/2024) reads day-first.
DATE_CANDIDATES = (
    "yyyy-MM-dd",
    "yyyy-MM-dd HH:mm:ss",
    "yyyy-MM-dd'T'HH:mm:ss",
    "yyyy-MM-dd HH:mm",
    "yyyy/MM/dd",
    "dd/MM/yyyy",
    "MM/dd/yyyy",
    "d/M/yyyy",
    "M/d/yyyy",
    "dd/MM/yyyy HH:mm:ss",
    "MM/dd/yyyy HH:mm:ss",
    "dd/MM/yyyy HH:mm",
    "MM/dd/yyyy HH:mm",
    "dd-MM-yyyy",
    "MM-dd-yyyy",
    "dd.MM.yyyy",
    "d.M.yyyy",
    "dd-MMM-yyyy",
    "d-MMM-yyyy",
    "dd MMM yyyy",
    "d MMM yyyy",
    "dd/MM/yy",
    "MM/dd/yy",
    "d/M/yy",
    "M/d/yy",
    "yyyyMMdd",
)
#: (decimal, thousands) tried in order: a column that reads both ways reads with a decimal point.
SEPARATOR_CANDIDATES = (
    (".", ""),
    (".", ","),
    (",", ""),
    (",", "."),
    (".", " "),
    (",", " "),
    (".", "'"),
    (",", "'"),
)
_BOOLEAN_WORDS = frozenset(DEFAULT_TRUE_VALUES + DEFAULT_FALSE_VALUES)
_CURRENCY_CODES = frozenset((
    "USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "NZD", "CNY", "INR", "SEK", "NOK", "DKK",
    "PLN", "CZK", "BRL", "MXN", "ZAR", "SGD", "HKD",
))  # fmt: skip
_SCALE_SUFFIXES = frozenset({"K", "k", "M", "B"})
# A number's parts, loosely: the strict judgement comes from NumberCheck afterwards.
_NUMBER_PARTS = re.compile(
    r"[+\-]?(?P<prefix>[^0-9+\-.,%]*?)[+\-]?"
    r"(?P<body>[.,]?[0-9](?:[0-9.,' ]*[0-9])?)"
    r"(?P<suffix>[^0-9]*?)(?P<percent>%?)"
)


def guess_column(values: Sequence[str]) -> tuple[str, dict[str, object]]:
    """(property type, column options) for a column whose sample values are `values`.

    The type is `boolean` (only the default true/false words, and not only 0 and 1), `date`
    (the first of `DATE_CANDIDATES` that reads every value), `integer` or `number` (the first
    separators of `SEPARATOR_CANDIDATES` that read every value, with a currency prefix or suffix,
    a K/M/B suffix or a percent sign when the values carry one; integer when no value has a
    decimal separator or a percent sign; numbers written with leading zeros, such as 007, are
    codes and read as text), else `text`.
    """
    distinct = sorted({v for v in values if v != ""})
    if not distinct:
        return "text", {}
    if set(distinct) <= _BOOLEAN_WORDS and not set(distinct) <= {"0", "1"}:
        return "boolean", {}
    date_format = _guess_date(distinct)
    if date_format is not None:
        return "date", {} if date_format == DEFAULT_DATE_FORMAT else {"date_format": date_format}
    number = _guess_number(distinct)
    if number is not None:
        return number
    return "text", {}


@lru_cache(maxsize=64)
def _date_check(pattern: str) -> DateCheck:
    return DateCheck(DateFormat.compile(pattern))


def _guess_date(distinct: list[str]) -> str | None:
    for pattern in DATE_CANDIDATES:
        if _date_check(pattern).accepts_all(distinct):
            # eight digits are more often a code than a date: only years that look like dates
            if pattern == "yyyyMMdd" and not all(1900 <= int(v[:4]) <= 2100 for v in distinct):
                continue
            return pattern
    return None


def _guess_number(distinct: list[str]) -> tuple[str, dict[str, object]] | None:
    prefixes, suffixes, percent = set(), set(), False
    for value in distinct:
        parts = _NUMBER_PARTS.fullmatch(value)
        if parts is None:
            return None
        body = parts["body"]
        if len(body) > 1 and body[0] == "0" and body[1].isdigit():
            return None
        prefixes.add(parts["prefix"])
        suffixes.add(parts["suffix"])
        percent = percent or bool(parts["percent"])
    prefixes.discard("")
    suffixes.discard("")
    if len(prefixes) > 1 or len(suffixes) > 1:
        return None
    prefix = prefixes.pop() if prefixes else ""
    suffix = suffixes.pop() if suffixes else ""
    if not (_is_prefix(prefix) and _is_suffix(suffix)):
        return None
    for decimal, thousands in SEPARATOR_CANDIDATES:
        try:
            fmt = NumberFormat(decimal, thousands, prefix, suffix, percent)
        except ValueError:
            continue
        if NumberCheck(fmt).accepts_all(distinct):
            integer = not percent and not any(decimal in value for value in distinct)
            return ("integer" if integer else "number"), _number_options(fmt)
    return None


def _number_options(fmt: NumberFormat) -> dict[str, object]:
    options: dict[str, object] = {}
    if fmt.decimal_separator != ".":
        options["decimal_separator"] = fmt.decimal_separator
    if fmt.thousands_separator:
        options["thousands_separator"] = fmt.thousands_separator
    if fmt.prefix:
        options["prefix"] = fmt.prefix
    if fmt.suffix:
        options["suffix"] = fmt.suffix
    if fmt.percent:
        options["percent"] = True
    return options


def _is_currency(text: str) -> bool:
    """A currency symbol ($, €, £...) or code (EUR...), the kind of affix a number carries;
    other letters (SKU123, ST0042) make a code, not a number."""
    if text in _CURRENCY_CODES:
        return True
    return len(text) == 1 and unicodedata.category(text) == "Sc"


def _is_prefix(prefix: str) -> bool:
    return not prefix or _is_currency(prefix.removesuffix(" "))


def _is_suffix(suffix: str) -> bool:
    return not suffix or suffix in _SCALE_SUFFIXES or _is_currency(suffix.removeprefix(" "))
