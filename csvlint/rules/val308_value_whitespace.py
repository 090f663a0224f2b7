from __future__ import annotations

import re

from csvlint.finding import Severity
from csvlint.reader.grammar import Chunk
from csvlint.rules._values import MappedColumn, at_cell, mapped_values
from csvlint.rules.base import Rule, Violations

#: a value starting with whitespace, in NUL-joined values with a NUL before the first; run on
#: the reversed text it finds values ending with whitespace. A literal first character lets
#: the regex engine skip ahead to each NUL.
_LEADING = re.compile(r"\x00\s")


def _padded(values: tuple[str, ...]) -> bool:
    joined = "\x00" + "\x00".join(values) + "\x00"
    return bool(_LEADING.search(joined) or _LEADING.search(joined[::-1]))


def _keys_and_dimensions(mapped: MappedColumn) -> bool:
    return mapped.unique or mapped.kind == "dimension"


def padded_value(value: str) -> tuple[str, str]:
    """The message and hint of a padded `value` (also for the values the native scanner hands
    over: csvlint/engine/cells.py)."""
    return f"{value!r} has leading or trailing whitespace", f"trim it to {value.strip()!r}"


class ValueWhitespace(Rule):
    """Leading or trailing whitespace in a key or a dimension value.

    `SALES ` is not the item `SALES`: the value matches nothing, and the row is skipped or a
    near-duplicate item is created.

    Fails: `"SALES "` in a dimension column; `" E042"` in a key column.
    Passes: `SALES`, `E042`.
    """

    code = "VAL308"
    name = "value-whitespace"
    severity = Severity.WARNING
    needs_config = True
    on_sample = "never"

    def check_chunk(self, chunk: Chunk) -> Violations:
        wanted = _keys_and_dimensions
        for mapped, columns, values in mapped_values(self, chunk, wanted):
            if not _padded(values):
                continue
            for position, value in enumerate(values):
                if value != value.strip():
                    message, hint = padded_value(value)
                    yield at_cell(columns, mapped, position, message, hint)
