"""Pigment number formats: the grammar csvlint accepts, its parser, its formatter and its regex.

A column's `NumberFormat` is the decimal separator ``D`` (``.`` or ``,``), the thousands separator
``T`` (none, ``,``, ``.``, space or ``'``; never equal to ``D``), a prefix ``P`` (e.g. ``$``), a
suffix ``S`` (e.g. ``K``), the percent flag and a multiplier. A value is valid when the whole text
matches (``[x]`` is optional, ``x+`` is one or more, digits are the ASCII ``0``-``9`` only)::

    number   = head body [S] [%]          ; "%" only when percent is true, after the suffix
    head     = sign [P]  |  [P] [sign]    ; at most one sign, before or after the prefix
    sign     = "-" | "+"
    body     = integer [D fraction]  |  D fraction
    integer  = digit+                     ; ungrouped, any length, leading zeros allowed
             | digit{1,3} (T digit{3})+   ; grouped by exactly threes (only when T is set)
    fraction = digit+

Accepted under ``D="."``, ``T=","``, ``P="$"``: ``1234567``, ``1,234,567``, ``-$5``, ``$-5``,
``+5``, ``$5``, ``5``, ``.5``, ``0.50``, ``007``. Rejected: ``12,34`` and ``1234,567`` (grouping),
``5.`` (a decimal separator needs digits after it), ``1.2.3``, ``1e5``, ``NaN``, ``(5)``,
a Unicode minus sign, non-ASCII digits, `` 5`` and ``5 `` (surrounding whitespace), ``5%``
(unless percent is set or ``%`` is the suffix), ``-$-5`` (two signs), empty text (a blank value
is not a number: callers deal with blanks before asking).

The prefix, the suffix and the percent sign are each optional in a value. Pigment's documentation
does not say whether it requires them; csvlint assumes it removes them when present, so that a
value written without them reads as the same number. Percent means "divide
by 100" whether or not the ``%`` is written; the multiplier scales the value. Neither changes
which texts are valid: `parse_number` returns the number as written, `NumberFormat.scale` the
number Pigment stores.

To keep the grammar unambiguous, a prefix or suffix may not contain a digit, a sign or the
decimal separator, a prefix may not start and a suffix may not end with whitespace, and the
suffix of a percent format may not contain ``%``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from csvlint.formats import quote_value

DECIMAL_SEPARATORS = (".", ",")
THOUSANDS_SEPARATORS = ("", ",", ".", " ", "'")
_SIGNS = ("+", "-")
_DIGITS = frozenset("0123456789")


@dataclass(frozen=True, slots=True)
class NumberFormat:
    """How a column writes numbers (see the module docstring for the grammar)."""

    decimal_separator: str = "."
    thousands_separator: str = ""
    prefix: str = ""
    suffix: str = ""
    percent: bool = False
    multiplier: float | None = None

    def __post_init__(self) -> None:
        problem = _format_problem(self)
        if problem is not None:
            raise ValueError(f"invalid number format: {problem}")

    @classmethod
    def from_options(cls, options: Mapping[str, object]) -> NumberFormat:
        """The format from configuration options (`decimal_separator`, `thousands_separator`,
        `prefix`, `suffix`, `percent`, `multiplier`; a None value is an absent one); other keys
        are ignored."""
        texts = {}
        defaults = {"decimal_separator": ".", "thousands_separator": "", "prefix": "", "suffix": ""}
        for key, default in defaults.items():
            value = options.get(key)
            value = default if value is None else value
            if not isinstance(value, str):
                raise ValueError(f"number option {key} must be a string, not {value!r}")
            texts[key] = value
        percent = options.get("percent")
        percent = False if percent is None else percent
        if not isinstance(percent, bool):
            raise ValueError(f"number option percent must be true or false, not {percent!r}")
        multiplier = options.get("multiplier")
        if multiplier is not None and (
            isinstance(multiplier, bool) or not isinstance(multiplier, int | float)
        ):
            raise ValueError(f"number option multiplier must be a number, not {multiplier!r}")
        return cls(
            decimal_separator=texts["decimal_separator"],
            thousands_separator=texts["thousands_separator"],
            prefix=texts["prefix"],
            suffix=texts["suffix"],
            percent=percent,
            multiplier=None if multiplier is None else float(multiplier),
        )

    @property
    def scaled(self) -> bool:
        """Whether the stored value differs from the written one (percent or multiplier)."""
        return self.percent or self.multiplier not in (None, 1.0)

    def scale(self, value: Decimal) -> Decimal:
        """The value Pigment stores for the written `value`: divided by 100 for a percent,
        times the multiplier."""
        if self.percent:
            value = value / 100
        if self.multiplier is not None:
            value = value * Decimal(repr(self.multiplier))
        return value

    def describe(self) -> str:
        """The format in words, as messages show it: `decimal ".", thousands ","`."""
        parts = [f'decimal "{self.decimal_separator}"']
        if self.thousands_separator:
            parts.append(f'thousands "{self.thousands_separator}"')
        else:
            parts.append("no thousands separator")
        if self.prefix:
            parts.append(f'prefix "{self.prefix}"')
        if self.suffix:
            parts.append(f'suffix "{self.suffix}"')
        if self.percent:
            parts.append("percent")
        return ", ".join(parts)


def _format_problem(fmt: NumberFormat) -> str | None:
    if fmt.decimal_separator not in DECIMAL_SEPARATORS:
        return f'the decimal separator must be "." or ",", not {fmt.decimal_separator!r}'
    if fmt.thousands_separator not in THOUSANDS_SEPARATORS:
        choices = ", ".join(f'"{s}"' for s in THOUSANDS_SEPARATORS[1:])
        found = fmt.thousands_separator
        return f"the thousands separator must be none or one of {choices}, not {found!r}"
    if fmt.thousands_separator == fmt.decimal_separator:
        return "the thousands separator and the decimal separator must differ"
    for name, affix in (("prefix", fmt.prefix), ("suffix", fmt.suffix)):
        forbidden = sorted(set(affix) & (_DIGITS | {"+", "-", "\x00", fmt.decimal_separator}))
        if forbidden:
            return f"the {name} {affix!r} may not contain {', '.join(map(repr, forbidden))}"
    if fmt.prefix[:1].isspace() or fmt.suffix[-1:].isspace():
        return "a prefix may not start, and a suffix may not end, with whitespace"
    if fmt.percent and "%" in fmt.suffix:
        return "the suffix of a percent format may not contain %"
    if fmt.multiplier is not None and not (0 < fmt.multiplier < float("inf")):
        return f"the multiplier must be a positive number, not {fmt.multiplier!r}"
    return None


def parse_number(text: str, fmt: NumberFormat) -> Decimal:
    """The number `text` writes under `fmt`, as written (see `NumberFormat.scale`).

    Raises `ValueError` with a user-facing message naming the reason when `text` is not a number
    under `fmt`; an empty `text` is not a number either (callers treat blanks before asking).
    """
    return _parse(text, fmt, "a number")


def parse_integer(text: str, fmt: NumberFormat) -> Decimal:
    """Like `parse_number`, for an integer column: the grammar is the same and a fractional
    part is accepted (`is_integral` tells the caller whether Pigment would truncate it); only the
    error message speaks of an integer."""
    return _parse(text, fmt, "an integer")


def is_integral(value: Decimal) -> bool:
    """Whether `value` is a whole number (`12`, `12.00`, `-0`), i.e. nothing to truncate."""
    return value == value.to_integral_value()


def _parse(text: str, fmt: NumberFormat, noun: str) -> Decimal:
    value = _read(text, fmt)
    if value is None:
        raise ValueError(
            f"{quote_value(text)} is not {noun} under this column's format ({fmt.describe()}): "
            f"{_reason(text, fmt)}"
        )
    return value


def _is_digits(text: str) -> bool:
    # str.isdigit alone accepts "²" and "٣"; the grammar wants ASCII digits
    return text.isascii() and text.isdigit()


def _strip_affixes(text: str, fmt: NumberFormat) -> tuple[str, str]:
    """(sign, body) once the head and the tail are removed. Greedy removal is exact: a prefix
    or suffix holds no digit, sign or decimal separator, so it cannot be part of a body."""
    sign, rest = "", text
    if rest.startswith(_SIGNS):
        sign, rest = rest[0], rest[1:]
    if fmt.prefix and rest.startswith(fmt.prefix):
        rest = rest[len(fmt.prefix) :]
        if not sign and rest.startswith(_SIGNS):
            sign, rest = rest[0], rest[1:]
    if fmt.percent and rest.endswith("%"):
        rest = rest[:-1]
    if fmt.suffix and rest.endswith(fmt.suffix):
        rest = rest[: -len(fmt.suffix)]
    return sign, rest


def _read(text: str, fmt: NumberFormat) -> Decimal | None:
    sign, body = _strip_affixes(text, fmt)
    whole, point, fraction = body.partition(fmt.decimal_separator)
    if point and not _is_digits(fraction):
        return None
    if not whole:
        digits = ""
        if not point:
            return None
    elif _is_digits(whole):
        digits = whole
    elif fmt.thousands_separator:
        groups = whole.split(fmt.thousands_separator)
        if not (1 <= len(groups[0]) <= 3 and all(_is_digits(g) for g in groups)):
            return None
        if any(len(g) != 3 for g in groups[1:]):
            return None
        digits = "".join(groups)
    else:
        return None
    return Decimal(f"{sign}{digits or '0'}.{fraction}" if point else f"{sign}{digits}")


def _reason(text: str, fmt: NumberFormat) -> str:
    """Why `text` is not a number under `fmt`, for a message; only called on rejected text."""
    dec, th = fmt.decimal_separator, fmt.thousands_separator
    if not text:
        return "it is blank"
    if text[0].isspace() or text[-1].isspace():
        return "it has leading or trailing whitespace"
    sign, body = _strip_affixes(text, fmt)
    allowed = _DIGITS | {dec, th} if th else _DIGITS | {dec}
    odd = next((c for c in body if c not in allowed), None)
    if odd is not None:
        return _odd_character(odd, sign, body, fmt)
    whole, point, fraction = body.partition(dec)
    if not whole and not fraction:
        return "it has no digits"
    if dec in fraction:
        return f'it has more than one decimal separator "{dec}"'
    if th and th in fraction:
        hint = f' (is the decimal separator "{th}"?)' if th in DECIMAL_SEPARATORS else ""
        return f'a thousands separator "{th}" comes after the decimal separator "{dec}"{hint}'
    if point and not fraction:
        return f'the decimal separator "{dec}" must be followed by digits'
    if th and th in whole:
        groups = whole.split(th)
        if not groups[0]:
            return f'it starts with the thousands separator "{th}"'
        if len(groups[0]) > 3:
            return "the first digit group before a thousands separator has more than 3 digits"
        return "digit groups after a thousands separator must have 3 digits"
    return "it does not match this format"


def _odd_character(odd: str, sign: str, body: str, fmt: NumberFormat) -> str:
    dec, th = fmt.decimal_separator, fmt.thousands_separator
    if odd in _SIGNS:
        if sign:
            return "it has more than one sign"
        return "a sign must come first, or right after the prefix"
    if odd == "%":
        if not fmt.percent:
            return '"%" is not allowed: this column is not a percent'
        return '"%" must come last'
    if odd in DECIMAL_SEPARATORS or odd in THOUSANDS_SEPARATORS:
        thousands = f'thousands "{th}"' if th else "no thousands separator"
        return f'"{odd}" is not a separator of this format (decimal "{dec}", {thousands})'
    if odd.isdigit():
        return f"{odd!r} is not an ASCII digit"
    if odd.isspace():
        return f"it contains the whitespace {odd!r}, which this format does not allow here"
    if body.startswith(odd) and fmt.prefix:
        return f'it must start with a sign, a digit or the prefix "{fmt.prefix}"'
    return f'it contains "{odd}", which this format does not allow here'


def format_number(value: Decimal, fmt: NumberFormat, grouped: bool = False) -> str:
    """`value` written under `fmt`, with its digits as `str(value)` has them, the sign before
    the prefix, the suffix, and the `%` of a percent format (the value is not scaled). With
    `grouped`, the integer digits are grouped by threes with the thousands separator."""
    if not value.is_finite():
        raise ValueError(f"{value} cannot be written as a number")
    whole, _, fraction = format(abs(value), "f").partition(".")
    if grouped and fmt.thousands_separator:
        head = len(whole) % 3 or 3
        groups = [whole[:head]] + [whole[i : i + 3] for i in range(head, len(whole), 3)]
        whole = fmt.thousands_separator.join(groups)
    body = whole + (fmt.decimal_separator + fraction if fraction else "")
    sign = "-" if value.is_signed() else ""
    return f"{sign}{fmt.prefix}{body}{fmt.suffix}{'%' if fmt.percent else ''}"


@lru_cache(maxsize=256)
def number_pattern(fmt: NumberFormat) -> str:
    """A `re` pattern (no anchors, no capturing groups) that matches exactly the texts
    `parse_number` accepts under `fmt`; use it with `fullmatch`."""
    return _pattern(fmt, "[0-9]+")


@lru_cache(maxsize=256)
def whole_number_pattern(fmt: NumberFormat) -> str:
    """Like `number_pattern`, restricted to texts whose written value is a whole number
    (a fractional part, if any, is all zeros): the integers nothing truncates."""
    return _pattern(fmt, "0+")


def _pattern(fmt: NumberFormat, fraction: str) -> str:
    dec = re.escape(fmt.decimal_separator)
    th = re.escape(fmt.thousands_separator)
    # Possessive quantifiers keep the C matcher from backtracking on 100k-value chunks; they
    # do not change the language because a prefix or suffix holds no digit (module docstring).
    integer = f"[0-9]{{1,3}}+(?:(?:{th}[0-9]{{3}})++|[0-9]*+)" if th else "[0-9]++"
    body = f"(?:{integer}(?:{dec}{fraction})?|{dec}{fraction})"
    if fmt.prefix:
        prefix = re.escape(fmt.prefix)
        head = f"(?:{prefix}[+\\-]?|[+\\-](?:{prefix})?|)"
    else:
        head = "[+\\-]?"
    tail = f"(?:{re.escape(fmt.suffix)})?" if fmt.suffix else ""
    if fmt.percent:
        tail += "%?"
    return head + body + tail
