"""Guess a file's delimiter and quote character from its first lines.

Only a guess, and only used to say what a file *is* (CSV105, CSV106, `config init`): records are
always parsed by the strict grammar with one definite dialect.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

DELIMITERS = (",", ";", "\t", "|")
QUOTES = ('"', "'")
_SAMPLE_LINES = 50


@dataclass(frozen=True, slots=True)
class Detected:
    """The delimiter (None: the sample is one column) and quote the sample seems written with."""

    delimiter: str | None
    quote: str | None


def _unquoted(line: str, quote: str) -> str:
    """The line without the text between pairs of quotes, so quoted delimiters don't count."""
    if quote not in line:
        return line
    parts = line.split(quote)
    return "".join(parts[0::2])


def _sample_lines(sample: str, final: bool) -> list[str]:
    lines = sample.splitlines()
    if not final and len(lines) > 1:
        lines = lines[:-1]  # the last line of a partial sample may be cut short
    return [line for line in lines[:_SAMPLE_LINES] if line.strip()]


def detect_quote(sample: str) -> str | None:
    """The character that quotes fields: the one that opens a field and closes one, if any."""
    scores: dict[str, int] = {}
    for quote in QUOTES:
        q = re.escape(quote)
        opened = re.findall(rf"(?:^|[,;\t|]){q}", sample, re.MULTILINE)
        closed = re.findall(rf"{q}(?:$|[,;\t|])", sample, re.MULTILINE)
        scores[quote] = min(len(opened), len(closed))
    best = max(QUOTES, key=lambda q: scores[q])
    # an apostrophe only counts when it clearly quotes and double quotes never do
    if best == "'" and scores['"'] > 0:
        best = '"'
    return best if scores[best] > 0 else None


def detect(sample: str, final: bool = False) -> Detected:
    """The dialect that splits the sample's lines most consistently into more than one field."""
    quote = detect_quote(sample)
    lines = _sample_lines(sample, final)
    if not lines:
        return Detected(None, quote)
    stripped = [_unquoted(line, quote or '"') for line in lines]
    best: tuple[float, int, int] | None = None
    chosen: str | None = None
    for rank, delimiter in enumerate(DELIMITERS):
        counts = Counter(line.count(delimiter) for line in stripped)
        mode, hits = counts.most_common(1)[0]
        if mode == 0:
            continue
        score = (hits / len(stripped), mode, -rank)
        if best is None or score > best:
            best, chosen = score, delimiter
    return Detected(chosen, quote)
