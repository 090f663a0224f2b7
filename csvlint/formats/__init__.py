"""Pigment value formats: how numbers, dates and booleans are written in an extract.

`number`, `date` and `boolean` hold each format with its exact per-value parser (the reference) and
the regular expression that matches exactly the values the parser accepts. `column` checks whole
chunks of a column with those expressions in native code and goes to the parsers only for the
values that fail. `guess` drafts a column's type and format from a sample.

The submodules are imported on demand, so that importing `csvlint.formats` costs nothing.
"""

from __future__ import annotations

#: The longest part of a value that a message quotes; a 1 MiB field must not flood the report.
QUOTED_VALUE_LIMIT = 60


def quote_value(text: str) -> str:
    """`text` as a message quotes it: in single quotes, escaped when needed, and shortened."""
    shown = text if len(text) <= QUOTED_VALUE_LIMIT else text[: QUOTED_VALUE_LIMIT - 1] + "…"
    if shown.isprintable() and "'" not in shown:
        return f"'{shown}'"
    return repr(shown)
