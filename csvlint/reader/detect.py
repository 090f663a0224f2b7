"""Guess a file's delimiter and quote character from its first lines.

Only a guess, and only used to say what a file *is* (CSV105, CSV106, `config init`): records are
always parsed by the strict grammar with one definite dialect.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DELIMITERS = (",", ";", "\t", "|")
#: the delimiters Pigment's import offers
PIGMENT_DELIMITERS = (",", ";")
QUOTES = ('"', "'")
_SAMPLE_LINES = 50
#: the line breaks of CSV (str.splitlines also splits on form feeds, U+2028 and others)
_LINE_BREAKS = re.compile(r"\r\n|\n|\r")


@dataclass(frozen=True, slots=True)
class Detected:
    """The delimiter (None: the sample is one column) and quote the sample seems written with."""

    delimiter: str | None
    quote: str | None
    #: a character other than Pigment's quotes that wraps fields holding a delimiter (when
    #: no `"` or `'` quotes any), which Pigment cannot be told to read
    other_quote: str | None = None


def _unquoted(text: str, quote: str) -> str:
    """The text with each quoted stretch replaced by one placeholder letter, so that quoted
    delimiters and line breaks don't count and a quoted field still fills its line. (A
    doubled quote inside a field is two stretches side by side: no harm.)"""
    if quote not in text:
        return text
    q = re.escape(quote)
    return re.sub(rf"{q}[^{q}]*{q}", "x", text)


def _sample_lines(sample: str, final: bool) -> list[str]:
    lines = _LINE_BREAKS.split(sample)
    if lines and not lines[-1]:
        lines.pop()
    if not final and len(lines) > 1:
        lines = lines[:-1]  # the last line of a partial sample may be cut short
    return [line for line in lines[:_SAMPLE_LINES] if line.strip()]


def detect_quote(sample: str, expected: str | None = None) -> str | None:
    """The character that quotes fields, if the sample shows one.

    Double quotes win whenever they open and close a field. An apostrophe is taken for the
    quote only when it wraps a whole field that holds a delimiter, the one case where quoting
    was needed: apostrophes are common in text (O'Brien, 'quoted words'). An `expected`
    quote (the configuration's) that opens and closes a field is taken as it is.
    """
    if expected is not None and _wraps(sample, expected):
        return expected
    if re.search(r'(?:^|[,;\t|])"', sample, re.MULTILINE) and re.search(
        r'"(?:$|[,;\t|])', sample, re.MULTILINE
    ):
        return '"'
    if re.search(r"(?:^|[,;\t|])'[^'\r\n]*[,;\t|][^'\r\n]*'(?:$|[,;\t|])", sample, re.MULTILINE):
        return "'"
    return None


#: characters seen quoting fields in exports, none of which Pigment reads as a quote
OTHER_QUOTES = ("`", "~", "^", "#", "*", "|", "\u00b4", "\u2019", "\u00a8")


def other_quote(sample: str) -> str | None:
    """A character other than `"` and `'` that wraps a whole field holding a delimiter, the
    one case where quoting was needed, in the sample; None if none does."""
    for quote in OTHER_QUOTES:
        if quote not in sample:
            continue
        q = re.escape(quote)
        for delimiter in DELIMITERS:
            if delimiter == quote or delimiter not in sample:
                continue
            d = re.escape(delimiter)
            wrapped = rf"(?:^|{d}){q}[^{q}\r\n]*{d}[^{q}\r\n]*{q}(?:$|{d})"
            if re.search(wrapped, sample, re.MULTILINE):
                return quote
    return None


def _wraps(sample: str, quote: str) -> bool:
    q = re.escape(quote)
    return bool(
        re.search(rf"(?:^|[,;\t|]){q}", sample, re.MULTILINE)
        and re.search(rf"{q}(?:$|[,;\t|])", sample, re.MULTILINE)
    )


def _delimiter(lines: list[str]) -> tuple[tuple[float, int, int] | None, str | None]:
    """The delimiter that splits the first line into more than one field and the most other
    lines into as many, with its score (share of agreeing lines, fields, preference)."""
    if len(lines) > 2 and not any(d in lines[0] for d in DELIMITERS):
        # a title above the header: the header decides (with two lines at least after it,
        # so that a one-column file whose values hold a delimiter is not taken for one)
        lines = lines[1:]
    best: tuple[float, int, int] | None = None
    chosen: str | None = None
    for rank, delimiter in enumerate(DELIMITERS):
        expected = lines[0].count(delimiter)
        if expected == 0:
            continue
        agreeing = sum(1 for line in lines if line.count(delimiter) == expected)
        score = (agreeing / len(lines), expected, -rank)
        if best is None or score > best:
            best, chosen = score, delimiter
    if len(lines) == 1 and best is not None and chosen not in PIGMENT_DELIMITERS:
        # one line is weak evidence: a delimiter Pigment reads that splits it into at least
        # half as many fields is taken for the one meant (a tab inside a header name, say)
        fields = best[1] + 1
        for rank, delimiter in enumerate(PIGMENT_DELIMITERS):
            count = lines[0].count(delimiter)
            fits = count and 2 * (count + 1) >= fields
            if fits and (chosen not in PIGMENT_DELIMITERS or count > best[1]):
                best, chosen = (1.0, count, -rank), delimiter
    return best, chosen


def detect(sample: str, final: bool = False, expected_quote: str | None = None) -> Detected:
    """The dialect whose delimiter splits the header into more than one field and the other
    lines into as many; the header decides, since a delimiter must separate its names.

    An apostrophe found to quote fields is kept only when it reads the lines more consistently
    than the double quote would, unless the configuration expects it; another character seen
    wrapping a field (CSV106's `other_quote`) only when it reads them strictly more
    consistently: `,|,|` under a three-name header is three fields, not a quoted comma."""
    quote = detect_quote(sample, expected_quote)
    other = other_quote(sample) if quote is None else None
    lines = _sample_lines(_unquoted(sample, quote or other or '"'), final)
    if not lines:
        return Detected(None, quote, other)
    score, delimiter = _delimiter(lines)
    if other is not None:
        plain = _sample_lines(_unquoted(sample, '"'), final)
        plain_score, plain_delimiter = _delimiter(plain) if plain else (None, None)
        if plain_score is not None and (score is None or plain_score[0] >= score[0]):
            return Detected(plain_delimiter, quote)
    if quote == "'" and expected_quote != "'":
        plain = _sample_lines(_unquoted(sample, '"'), final)
        plain_score, plain_delimiter = _delimiter(plain) if plain else (None, None)
        if plain_score is not None and (score is None or plain_score[0] >= score[0]):
            return Detected(plain_delimiter, detect_quote(sample.replace("'", "")))
    return Detected(delimiter, quote, other if other != delimiter else None)
