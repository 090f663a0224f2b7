from __future__ import annotations

from csvlint.finding import Severity
from csvlint.reader.grammar import Chunk
from csvlint.rules._values import (
    COMBINATION_SEPARATOR,
    at_cell,
    columns_of,
    combination_columns,
    combinations_of,
)
from csvlint.rules.base import Rule, Violations


class RepeatedCombination(Rule):
    """The same combination of dimension items twice in a metric import.

    A metric holds one value per combination of its dimensions' items. A flat file that gives
    the same tuple of dimension values on two rows, or a pivoted file with the same row header
    twice, writes one cell twice; Pigment does not say whether the first, the last or a sum
    is kept, so a pipeline can double or lose totals unnoticed. The finding names the line
    where the combination first appeared. Only the combinations are remembered while reading
    (the same compact key set as for duplicate keys), never the rows; a row with a blank item
    is VAL311's.

    Fails: `FR,Jan,10` on line 2 and `FR,Jan,12` on line 9.
    Passes: every combination once (aggregate the rows before the export).
    """

    code = "VAL312"
    name = "repeated-combination"
    severity = Severity.WARNING
    needs_config = True
    on_sample = "never"

    def check_chunk(self, chunk: Chunk) -> Violations:
        header = self.file.header
        if header is None or chunk.rows is None:
            return
        placed = combination_columns(self.file, header)
        if not placed:
            return
        columns = columns_of(chunk, header)
        parts = [columns.values[m.index] for m in placed]
        if len(parts) == 1:
            keys: list[str] | tuple[str, ...] = parts[0]
        else:
            # a row with a blank item names no cell: its key is empty, which is never kept
            keys = [
                COMBINATION_SEPARATOR.join(row) if all(row) else ""
                for row in zip(*parts, strict=True)
            ]
        seen = combinations_of(self.file)
        if len(set(keys)) == len(keys) and seen.add_all_new(keys, columns.lines):
            return
        # something repeats: walk this chunk's rows in order (rare, so per row is fine)
        first_column = placed[0]
        for position, key in enumerate(keys):
            if not key:
                continue
            first = seen.add(key, columns.lines[position])
            if first is None:
                continue
            named = ", ".join(
                f"{m.target or m.name}={p[position]!r}" for m, p in zip(placed, parts, strict=True)
            )
            yield at_cell(
                columns,
                first_column,
                position,
                f"the combination {named} repeats the one on line {first}: Pigment does not "
                "document which value wins",
                hint="aggregate the rows to one per combination before the export",
            )
