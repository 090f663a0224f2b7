from __future__ import annotations

from csvlint.finding import Severity
from csvlint.reader.grammar import Chunk
from csvlint.rules._values import at_cell, mapped_values
from csvlint.rules.base import Rule, Violations
from csvlint.rules.val307_unknown_item import BY_POLICY, EFFECT


class BlankItem(Rule):
    """A blank value in a column mapped to a dimension: Pigment cannot place the row.

    A column mapped to a metric's dimension or to a dimension-typed property must name an
    item on every row.

    Every cell of a metric needs one item per dimension, and a blank names none: Pigment's
    import report lists such rows among its `MissingModality...` skipped data. The severity
    follows the column's `on_missing_item`, as for an unknown item (VAL307): `skip_row` (the
    default assumed when it is not set) is an error, `blank` a warning, `create` information.
    Checked in flat and pivoted layouts alike (a pivoted file's row-header columns).

    Fails: `FR,,120` where the second column is the dimension `Month`.
    Passes: `FR,Jan,120`; or `on_missing_item: blank` on a list's dimension property (reported
    as a warning).
    """

    code = "VAL311"
    name = "blank-item"
    severity = Severity.ERROR
    needs_config = True
    on_sample = "never"

    def check_chunk(self, chunk: Chunk) -> Violations:
        for mapped, columns, values in mapped_values(self, chunk, lambda m: m.places):
            if "" not in values:
                continue
            policy = mapped.on_missing_item or "skip_row"
            for position, value in enumerate(values):
                if not value:
                    yield at_cell(
                        columns,
                        mapped,
                        position,
                        f"blank {mapped.target or mapped.name!r}: the row names no item; "
                        f"{EFFECT[policy]}",
                        hint="give every row an item of each dimension",
                        severity=BY_POLICY[policy],
                    )
