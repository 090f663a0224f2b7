from __future__ import annotations

from csvlint.finding import Severity
from csvlint.reader.grammar import Chunk
from csvlint.rules._values import at_cell, keys_of, mapped_values
from csvlint.rules.base import Rule, Violations


class DuplicateKey(Rule):
    """A value repeated in a column mapped to a unique property: the import fails.

    Pigment refuses an import whose unique property has duplicates. The finding names the
    line where the key first appeared. Only the keys are remembered while reading, never the
    rows.

    Fails: `E042` on line 7 and again on line 1,204.
    Passes: every key once.
    """

    code = "VAL306"
    name = "duplicate-key"
    severity = Severity.ERROR
    needs_config = True
    on_sample = "never"

    def check_chunk(self, chunk: Chunk) -> Violations:
        for mapped, columns, keys in mapped_values(self, chunk, lambda m: m.unique):
            seen = keys_of(self.file, mapped)
            if len(set(keys)) == len(keys) and seen.add_all_new(keys, columns.lines):
                continue
            # something repeats: walk this chunk's keys in order (rare, so per cell is fine)
            for position, key in enumerate(keys):
                if not key:
                    continue  # an empty key is VAL305's
                first = seen.add(key, columns.lines[position])
                if first is None:
                    continue
                yield at_cell(
                    columns,
                    mapped,
                    position,
                    f"key {key!r} of {mapped.name!r} repeats the one on line {first}",
                    hint="each item must appear once: Pigment fails the whole import",
                )
