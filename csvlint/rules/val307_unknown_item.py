from __future__ import annotations

from csvlint.engine.facts import Header
from csvlint.finding import Severity
from csvlint.reader.grammar import Chunk
from csvlint.rules._values import MappedColumn, at_cell, known_items, mapped_values
from csvlint.rules.base import Rule, Violation, Violations

#: the severity of an unknown item follows what the import does with it
BY_POLICY = {
    "skip_row": Severity.ERROR,
    "blank": Severity.WARNING,
    "create": Severity.INFO,
}
EFFECT = {
    "skip_row": "the row will be skipped",
    "blank": "it will be written as blank",
    "create": "a new item will be created",
}


def unknown_item(mapped: MappedColumn, value: str) -> tuple[str, str, Severity]:
    """The message, hint and severity of the unknown item `value` in `mapped`'s column (also
    for the values the native scanner hands over: csvlint/engine/cells.py)."""
    policy = mapped.on_missing_item or "skip_row"
    return (
        f"{value!r} is not an item of {mapped.target or mapped.name!r}: {EFFECT[policy]}",
        "add the item in Pigment (and to `items`), or fix the value",
        BY_POLICY[policy],
    )


class UnknownItem(Rule):
    """A dimension value that is none of the target's known `items`.

    Pigment skips the row, writes a blank or creates the item, as the column's
    `on_missing_item` says; the severity follows: `skip_row` (the default assumed when it is
    not set) is an error, `blank` a warning, `create` information. Only checked where the
    configuration gives `items`: listed, or kept in a CSV file of the project with
    `items: {file: lists/departments.csv, column: Code}` (Pigment's own export of the list
    fits: a BOM and a `;` or `,` delimiter are recognised); an items file that cannot be used
    is a CFG421 error on the configuration, never a silently skipped check. In a pivoted
    layout, the pivot's item columns are checked against the pivot dimension's items too.

    Fails: `Dept` value `SALSE` where the items are `SALES, ENG, FIN`.
    Passes: `SALES`; or `on_missing_item: create` (reported as information).
    """

    code = "VAL307"
    name = "unknown-item"
    severity = Severity.ERROR
    needs_config = True
    on_sample = "never"

    def check_header(self, header: Header) -> Violations:
        config = self.file.config
        pivot = config.file.pivot if config else None
        if config is None or pivot is None or config.file.layout != "pivoted":
            return
        dimension = config.target.dimension(pivot.dimension)
        items = None if dimension is None else known_items(config, dimension)
        if dimension is None or items is None:
            return
        for column in range(pivot.first_column, header.width + 1):
            name = header.names[column - 1]
            if name not in items:
                yield Violation(
                    f"pivot column {name!r} is not an item of {dimension.name!r}",
                    line=header.line,
                    record=header.record,
                    column=column,
                    column_name=name,
                    hint="the pivot's columns must be items of its dimension",
                )

    def check_chunk(self, chunk: Chunk) -> Violations:
        for mapped, columns, values in mapped_values(self, chunk, lambda m: m.items is not None):
            assert mapped.items is not None
            unknown = set(values) - mapped.items
            unknown.discard("")
            if not unknown:
                continue
            for position, value in enumerate(values):
                if value in unknown:
                    message, hint, severity = unknown_item(mapped, value)
                    yield at_cell(columns, mapped, position, message, hint, severity)
