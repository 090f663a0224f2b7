"""What the value rules share: which header column writes what (the plan, made once per file),
each chunk's columns (transposed once per chunk), and each column's bad cells (checked once)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, ClassVar, cast

from csvlint.config.model import Column, Dimension, ImportConfig, Property
from csvlint.engine.facts import Header
from csvlint.finding import Severity
from csvlint.formats.column import CHECKED_TYPES, BadCell, ValueCheck, value_check
from csvlint.reader.grammar import Chunk
from csvlint.reader.native import KeyStore, key_store
from csvlint.rules.base import Rule, Violation, Violations

if TYPE_CHECKING:
    from csvlint.engine.context import FileContext


@dataclass(frozen=True)
class MappedColumn:
    """A header column that writes a target: its 0-based `index`, header `name`, the `kind` of
    value it holds (number, integer, date, boolean, text, dimension), and what the rules need."""

    index: int
    name: str
    kind: str
    check: ValueCheck | None = None
    unique: bool = False
    items: frozenset[str] | None = None
    on_missing_item: str | None = None
    #: the property or dimension the column writes, as messages name it
    target: str = ""
    #: the column holds a metric's values (a pivot's item column, or `value: true`)
    is_value: bool = False

    @property
    def column(self) -> int:
        """The 1-based column findings name."""
        return self.index + 1

    @property
    def places(self) -> bool:
        """Whether the column's value says where a row goes: an item of a metric's dimension
        or of a dimension-typed property, which a blank cannot name."""
        return self.kind == "dimension" and not self.is_value


@dataclass
class ValuePlan:
    """Every mapped column of a file, and the pivot's item columns. `unbuilt` names the
    columns whose value check the configuration's options cannot build, with why: CFG408
    reports each of them on the configuration, which every lint against it checks first."""

    columns: list[MappedColumn] = field(default_factory=list)
    unbuilt: list[tuple[str, str]] = field(default_factory=list)

    def of_kind(self, *kinds: str) -> list[MappedColumn]:
        """The mapped columns holding values of these kinds."""
        return [c for c in self.columns if c.kind in kinds]


def column_options(config: ImportConfig, column: Column | None) -> dict[str, object]:
    """The import-wide formats with the column's own options over them."""
    formats = config.formats
    merged: dict[str, object] = {
        "decimal_separator": formats.decimal_separator,
        "thousands_separator": formats.thousands_separator,
        "date_format": formats.date_format,
        "true_values": list(formats.true_values),
        "false_values": list(formats.false_values),
    }
    if column is not None:
        for name in column.options.given():
            merged[name] = getattr(column.options, name)
    return merged


def _check(plan: ValuePlan, name: str, kind: str, options: dict[str, object]) -> ValueCheck | None:
    """The value check of a column, or None, noted in `plan.unbuilt`, when its options cannot
    form one (CFG408's finding)."""
    try:
        return value_check(kind, options)
    except ValueError as exc:
        plan.unbuilt.append((name, str(exc)))
        return None


def known_items(config: ImportConfig, owner: Property | Dimension) -> frozenset[str] | None:
    """The known items of a property or dimension: listed in the configuration, or read from
    its items file (None when it cannot be used: CFG421 reports that on the configuration)."""
    if owner.items is not None:
        return frozenset(owner.items)
    if owner.items_file is None:
        return None
    from csvlint.config import items
    from csvlint.engine.discovery import project_root

    return items.known_items(config, owner.items_file, project_root(config.path).path)


def _mapped(
    plan: ValuePlan, config: ImportConfig, column: Column, index: int
) -> MappedColumn | None:
    target = config.target
    kind: str | None = None
    unique, policy = False, column.options.on_missing_item
    owner: Property | Dimension | None = None
    if column.value:
        kind = target.value_type if not target.is_list else None
        owner = target.value_owner
    elif column.dimension is not None:
        owner = target.dimension(column.dimension)
        kind = "dimension" if owner is not None else None
    elif column.property is not None:
        owner = target.property(column.property)
        if owner is not None:
            kind, unique = owner.type, owner.unique
    if kind is None:
        return None
    check = None
    if kind in CHECKED_TYPES:
        check = _check(plan, column.header, kind, column_options(config, column))
        if check is None:
            return None
    return MappedColumn(
        index,
        column.header,
        kind,
        check,
        unique,
        known_items(config, owner) if owner is not None and kind == "dimension" else None,
        policy,
        # a metric's values name items of its value list, as messages say
        column.target_name or (owner.name if owner is not None else ""),
        column.value,
    )


def plan_for(context: FileContext, header: Header) -> ValuePlan:
    """The file's value plan, made on first use."""
    cached = context.derived.get("value-plan")
    if isinstance(cached, ValuePlan):
        return cached
    plan = ValuePlan()
    config = context.config
    if config is not None:
        positions = {name: i for i, name in reversed(list(enumerate(header.names)))}
        for column in config.columns:
            index = positions.get(column.header)
            if index is None:
                continue
            mapped = _mapped(plan, config, column, index)
            if mapped is not None:
                plan.columns.append(mapped)
        pivot = config.file.pivot
        value_type = config.target.value_type
        if config.file.layout == "pivoted" and pivot is not None and value_type is not None:
            checked = value_type in CHECKED_TYPES
            shared: ValueCheck | None = None
            if checked:
                try:
                    shared = value_check(value_type, column_options(config, None))
                except ValueError:
                    shared = None  # noted below for each item column that relies on it
            listed = {c.header: c for c in config.columns}
            for index in range(pivot.first_column - 1, header.width):
                name = header.names[index]
                own = shared
                if checked and name in listed and listed[name].options.given():
                    own = _check(plan, name, value_type, column_options(config, listed[name]))
                elif checked and shared is None:
                    own = _check(plan, name, value_type, column_options(config, None))
                owner = config.target.value_owner
                items = None if owner is None else known_items(config, owner)
                plan.columns.append(
                    MappedColumn(
                        index,
                        name,
                        value_type,
                        own,
                        items=items,
                        on_missing_item=listed[name].options.on_missing_item
                        if name in listed
                        else None,
                        target="" if owner is None else owner.name,
                        is_value=True,
                    )
                )
    context.derived["value-plan"] = plan
    return plan


def keys_of(context: FileContext, mapped: MappedColumn) -> KeyStore:
    """The keys seen so far in a unique column of the file, with their first lines: shared by
    the duplicate-key rule and the native scanner, which reads clean stretches of the file."""
    stores = context.derived.setdefault("keys", {})
    assert isinstance(stores, dict)
    store = stores.get(mapped.index)
    if store is None:
        store = stores[mapped.index] = key_store()
    return cast(KeyStore, store)


def combination_columns(context: FileContext, header: Header) -> list[MappedColumn]:
    """The columns whose values together say which cell of a metric a row writes: its
    dimensions' columns (in a pivoted file, the row header). None for a list."""
    config = context.config
    if config is None or config.target.is_list:
        return []
    return [m for m in plan_for(context, header).columns if m.places]


def combinations_of(context: FileContext) -> KeyStore:
    """The combinations of dimension values seen so far in a metric import, with their first
    lines: the bounded key store of unique keys, shared by the repeated-combination rule and
    the native scanner (which keeps it for a metric of one dimension column)."""
    store = context.derived.get("combinations")
    if store is None:
        store = context.derived["combinations"] = key_store()
    return cast(KeyStore, store)


#: joins a row's dimension values into one key; no value holds it (the reader refuses NUL)
COMBINATION_SEPARATOR = "\x00"


@dataclass(frozen=True)
class Columns:
    """The data records of a chunk that have the header's width, as columns. `records[i]` is
    the record of position i; `lines[i]` the line it starts on."""

    values: list[tuple[str, ...]]
    records: Sequence[int]
    lines: list[int]


def columns_of(chunk: Chunk, header: Header) -> Columns:
    """The chunk's data records as columns, computed once per chunk."""
    cached = chunk.derived.get("columns")
    if isinstance(cached, Columns):
        return cached
    rows = chunk.rows or []
    skip = max(0, header.record + 1 - chunk.first_record)
    width = header.width
    if all(s.width == width for s in chunk.segments) or not rows:
        data = rows[skip:]
        first = chunk.first_record + skip
        records: Sequence[int] = range(first, first + len(data))
        lines = chunk.lines(first, len(data))
    else:
        kept = [
            (chunk.first_record + i, row)
            for i, row in enumerate(rows)
            if i >= skip and len(row) == width
        ]
        data = [row for _, row in kept]
        records = [record for record, _ in kept]
        lines = [chunk.line_of(record) for record in records]
    values: list[tuple[str, ...]] = (
        list(zip(*data, strict=True)) if data else [() for _ in range(width)]
    )
    found = Columns(values, records, lines)
    chunk.derived["columns"] = found
    return found


def bad_cells(chunk: Chunk, header: Header, mapped: MappedColumn, listed: int = 0) -> list[BadCell]:
    """The invalid values of one mapped column in this chunk, checked once for all rules.
    Past `listed` cells of one problem (0: no limit) the findings will not be listed, so
    their messages are not written."""
    key = f"bad:{mapped.index}"
    cached = chunk.derived.get(key)
    if isinstance(cached, list):
        return cached
    found: list[BadCell] = []
    if mapped.check is not None:
        found = mapped.check.bad_cells(
            columns_of(chunk, header).values[mapped.index], message_limit=listed or None
        )
    chunk.derived[key] = found
    return found


def at_cell(
    columns: Columns,
    mapped: MappedColumn,
    position: int,
    message: str,
    hint: str | None = None,
    severity: Severity | None = None,
) -> Violation:
    """A violation at one cell: its record's line, the column and its header name."""
    return Violation(
        message,
        line=columns.lines[position],
        record=columns.records[position],
        column=mapped.column,
        column_name=mapped.name,
        hint=hint,
        severity=severity,
    )


def mapped_values(
    rule: Rule, chunk: Chunk, wanted: Callable[[MappedColumn], bool]
) -> Iterator[tuple[MappedColumn, Columns, tuple[str, ...]]]:
    """For each mapped column `wanted` picks: the column, the chunk's columns (to locate a
    cell) and the column's values in this chunk. Nothing when the chunk has no rows."""
    header = rule.file.header
    if header is None or chunk.rows is None:
        return
    for mapped in plan_for(rule.file, header).columns:
        if wanted(mapped):
            columns = columns_of(chunk, header)
            yield mapped, columns, columns.values[mapped.index]


class CellFormatRule(Rule):
    """A value rule whose findings are the format checker's bad cells of one problem code."""

    needs_config = True
    on_sample = "never"
    #: the problem code of `csvlint.formats.column.BadCell` this rule reports
    problem: ClassVar[str]
    #: the column kinds whose checker can report that problem
    kinds: ClassVar[tuple[str, ...]]
    hint: ClassVar[str | None] = None

    def check_chunk(self, chunk: Chunk) -> Violations:
        header = self.file.header
        for mapped, columns, _ in mapped_values(self, chunk, lambda m: m.kind in self.kinds):
            assert header is not None  # mapped_values yields only once the header is known
            for cell in bad_cells(chunk, header, mapped, self.file.listed):
                if cell.code == self.problem:
                    yield at_cell(columns, mapped, cell.position, cell.message, self.hint)
