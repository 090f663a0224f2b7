"""The import configuration as the rest of csvlint sees it: `ImportConfig` and its parts.

Every part that a finding can be about carries `pointer`, the JSON pointer (RFC 6901) of that part
in the file, e.g. `/columns/3`; `SourceMap` turns a pointer into the line of the file it was read
from. The model is built only from data that passed the schema, so its fields are already the
closed choices of the format; defaults of absent keys are applied here.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Literal

TargetType = Literal["dimension_list", "transaction_list", "metric"]
PropertyType = Literal[
    "text", "number", "integer", "date", "boolean", "dimension", "access_rights", "permissions"
]
ValueType = Literal["number", "integer", "boolean", "text", "date", "dimension"]
Layout = Literal["flat", "pivoted"]
OnMissingItem = Literal["create", "blank", "skip_row"]
ClearItems = Literal["none", "entire_list", "limited_scope"]
ConstantValue = str | int | float | bool
#: draft: never saved; checked: saved, no ID from Pigment yet; linked: saved with Pigment's ID
ConfigState = Literal["draft", "checked", "linked"]


def escape_token(key: str | int) -> str:
    """One reference token of a JSON pointer: `~` and `/` escaped as RFC 6901 says."""
    return str(key).replace("~", "~0").replace("/", "~1")


def join_pointer(pointer: str, key: str | int) -> str:
    """The pointer of `key` inside the value at `pointer`."""
    return f"{pointer}/{escape_token(key)}"


@dataclass(frozen=True, slots=True)
class SourceMap:
    """Where each JSON pointer of a configuration file is: its 1-based line.

    A key's pointer maps to the line of the key, a sequence item's to the line of the item.
    """

    lines: Mapping[str, int] = field(default_factory=dict)

    def line_of(self, pointer: str) -> int | None:
        """The line of `pointer`, else of its nearest parent that has one; None if none does."""
        while True:
            line = self.lines.get(pointer)
            if line is not None or not pointer:
                return line
            pointer = pointer.rpartition("/")[0]


@dataclass(frozen=True, slots=True)
class ConfigProblem:
    """Why a configuration file cannot be read as one (a CFG401 finding): where and what."""

    pointer: str
    line: int | None
    message: str


@dataclass(frozen=True, slots=True)
class ItemsFile:
    """Known items kept in a CSV file of the project: `file`, relative to the configuration
    file, and the header of the `column` that holds the item codes; `pointer` is where the
    configuration says so (its `items`)."""

    file: str
    column: str
    pointer: str


@dataclass(frozen=True, slots=True)
class Property:
    """A property of a List that an import may write. Its known items are `items` when the
    configuration lists them, or in `items_file` (read by `csvlint.config.items`)."""

    name: str
    type: PropertyType
    unique: bool
    list: str | None
    items: tuple[str, ...] | None
    pointer: str
    items_file: ItemsFile | None = None


@dataclass(frozen=True, slots=True)
class Dimension:
    """A dimension list of a Metric; `items` are its known item codes, when listed, else
    `items_file` may keep them."""

    name: str
    items: tuple[str, ...] | None
    pointer: str
    items_file: ItemsFile | None = None


@dataclass(frozen=True, slots=True)
class Target:
    """The block the import writes: a List with `properties`, or a Metric with `dimensions` and
    `value_type` (the other fields are empty for the other kind)."""

    type: TargetType
    block: str
    properties: tuple[Property, ...]
    dimensions: tuple[Dimension, ...]
    value_type: ValueType | None
    pointer: str
    #: a metric of dimension values: the list its values are items of, and its known items
    value_list: str | None = None
    value_items: tuple[str, ...] | None = None
    value_items_file: ItemsFile | None = None
    #: the Pigment application (a name or an id) and the block's id, when recorded
    application: str | None = None
    block_id: str | None = None

    @property
    def is_list(self) -> bool:
        """A dimension list or a transaction list."""
        return self.type != "metric"

    def property(self, name: str) -> Property | None:
        """The property called `name`, if the target has one."""
        return next((p for p in self.properties if p.name == name), None)

    def dimension(self, name: str) -> Dimension | None:
        """The dimension called `name`, if the target has one."""
        return next((d for d in self.dimensions if d.name == name), None)

    @builtins.property
    def value_owner(self) -> Dimension | None:
        """A metric of dimension values: its value list, seen as a dimension (its items)."""
        if self.is_list or self.value_type != "dimension":
            return None
        return Dimension(
            self.value_list or "", self.value_items, self.pointer, self.value_items_file
        )

    @builtins.property
    def items_files(self) -> tuple[ItemsFile, ...]:
        """Every items file of the target, in the order of the configuration."""
        owners: tuple[Property | Dimension | None, ...] = (
            *self.properties,
            *self.dimensions,
            self.value_owner,
        )
        return tuple(o.items_file for o in owners if o is not None and o.items_file is not None)


@dataclass(frozen=True, slots=True)
class Pivot:
    """Pivoted layout: the columns from `first_column` (1-based) on are items of `dimension`."""

    dimension: str
    first_column: int


@dataclass(frozen=True, slots=True)
class FileSettings:
    """Step 1 of the import wizard: how the CSV is written."""

    encoding: str
    delimiter: str
    quote: str = '"'
    layout: Layout = "flat"
    pivot: Pivot | None = None


DEFAULT_TRUE_VALUES = ("TRUE", "true", "True", "1")
DEFAULT_FALSE_VALUES = ("FALSE", "false", "False", "0")


@dataclass(frozen=True, slots=True)
class Formats:
    """Import-wide number, date and boolean formats; a column's options override them."""

    decimal_separator: str = "."
    thousands_separator: str = ""
    date_format: str = "yyyy-MM-dd"
    true_values: tuple[str, ...] = DEFAULT_TRUE_VALUES
    false_values: tuple[str, ...] = DEFAULT_FALSE_VALUES


@dataclass(frozen=True, slots=True)
class ColumnOptions:
    """Per-column format options; None means the import-wide setting (or no such option)."""

    date_format: str | None = None
    decimal_separator: str | None = None
    thousands_separator: str | None = None
    prefix: str | None = None
    suffix: str | None = None
    percent: bool | None = None
    multiplier: int | float | None = None
    on_missing_item: OnMissingItem | None = None

    def given(self) -> tuple[str, ...]:
        """The names of the options the file sets, in declaration order."""
        return tuple(f.name for f in fields(self) if getattr(self, f.name) is not None)


@dataclass(frozen=True, slots=True)
class Column:
    """One CSV column: `index` is its 0-based position in `columns` (and in the header)."""

    index: int
    header: str
    property: str | None
    dimension: str | None
    value: bool
    options: ColumnOptions
    pointer: str

    @builtins.property  # the field `property` shadows the builtin here
    def target_name(self) -> str | None:
        """The property or dimension the column writes; None for a value or unmapped column."""
        return self.property if self.property is not None else self.dimension


@dataclass(frozen=True, slots=True)
class Constant:
    """A value written to a property or a dimension on every row."""

    property: str | None
    dimension: str | None
    value: ConstantValue
    pointer: str

    @builtins.property  # the field `property` shadows the builtin here
    def target_name(self) -> str:
        """The property or dimension the constant writes."""
        return self.property if self.property is not None else self.dimension or ""


@dataclass(frozen=True, slots=True)
class LoadDate:
    """The import date, written to a property or a dimension on every row."""

    property: str | None
    dimension: str | None
    pointer: str

    @builtins.property  # the field `property` shadows the builtin here
    def target_name(self) -> str:
        """The property or dimension the load date writes."""
        return self.property if self.property is not None else self.dimension or ""


@dataclass(frozen=True, slots=True)
class Options:
    """The wizard's additional options."""

    clear_items: ClearItems = "none"
    apply_access_rights_to_admins: bool = False
    #: `clear_items: {mode: limited_scope, scope: [...]}`: the dimension-typed properties
    #: whose items in the file bound what is cleared (None: no scope given)
    clear_scope: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class ImportConfig:
    """One import configuration file, read and valid against the schema."""

    path: Path
    version: int
    id: str | None
    name: str
    description: str | None
    target: Target
    file: FileSettings
    formats: Formats
    columns: tuple[Column, ...]
    constants: tuple[Constant, ...]
    load_date: LoadDate | None
    options: Options
    sample: str | None
    files: tuple[str, ...]
    saved_fingerprint: str | None
    source: SourceMap = field(default_factory=SourceMap, compare=False, repr=False)

    @property
    def sample_path(self) -> Path | None:
        """The sample's path: `sample` joined to the folder of the configuration file.

        Not resolved: symbolic links and `..` are left for the caller to judge.
        """
        return None if self.sample is None else self.path.parent / self.sample

    @property
    def is_draft(self) -> bool:
        """Never saved: no `saved` fingerprint."""
        return self.saved_fingerprint is None

    @property
    def state(self) -> ConfigState:
        """Where the configuration is in its life: a draft (never saved), checked (saved, with
        no ID yet: only Pigment issues one) or linked (saved with Pigment's ID)."""
        if self.saved_fingerprint is None:
            return "draft"
        return "checked" if self.id is None else "linked"

    @property
    def header(self) -> tuple[str, ...]:
        """The header the configuration expects, in order."""
        return tuple(column.header for column in self.columns)

    def line_of(self, pointer: str) -> int | None:
        """The line of `pointer` in the file (or of its nearest parent)."""
        return self.source.line_of(pointer)
