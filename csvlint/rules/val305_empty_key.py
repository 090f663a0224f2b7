from __future__ import annotations

from csvlint.finding import Severity
from csvlint.reader.grammar import Chunk
from csvlint.rules._values import at_cell, mapped_values
from csvlint.rules.base import Rule, Violations


class EmptyKey(Rule):
    """An empty value in a column mapped to a unique property (a key).

    A key identifies the item; an item without one cannot be created or updated, and the row
    is lost.

    Fails: `,Smith,2026-01-05` where the first column is the unique `Employee ID`.
    Passes: `E042,Smith,2026-01-05`.
    """

    code = "VAL305"
    name = "empty-key"
    severity = Severity.ERROR
    needs_config = True
    on_sample = "never"

    def check_chunk(self, chunk: Chunk) -> Violations:
        for mapped, columns, values in mapped_values(self, chunk, lambda m: m.unique):
            if "" not in values:
                continue
            for position, value in enumerate(values):
                if not value:
                    yield at_cell(
                        columns,
                        mapped,
                        position,
                        f"empty key in {mapped.name!r}",
                        hint="every item needs its key",
                    )
