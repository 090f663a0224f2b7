"""Shared by the configuration rules: locating a finding in a configuration file, and the
targets a configuration's sources write."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from csvlint.config.model import ImportConfig
from csvlint.finding import Severity
from csvlint.rules.base import Violation


def at(
    config: ImportConfig,
    pointer: str,
    message: str,
    hint: str | None = None,
    severity: Severity | None = None,
    blocks_copy_id: bool | None = None,
    path: str | None = None,
    guards: bool = False,
) -> Violation:
    """A violation at `pointer` in the configuration file, on the line that holds it."""
    return Violation(
        message,
        line=config.line_of(pointer),
        pointer=pointer,
        hint=hint,
        severity=severity,
        blocks_copy_id=blocks_copy_id,
        path=path,
        guards=guards,
    )


@dataclass(frozen=True, slots=True)
class Source:
    """Something that writes a target: a column, a constant, the load date or the pivot."""

    kind: str  # "column", "constant", "load date", "pivot"
    target: str  # the property or dimension name; "" for a metric's value
    is_dimension: bool
    pointer: str
    label: str

    @property
    def is_value(self) -> bool:
        """Whether the source writes a metric's value."""
        return self.kind != "constant" and self.target == "" and not self.is_dimension


def sources(config: ImportConfig) -> Iterator[Source]:
    """Every source of the configuration, in file order."""
    pivot = config.file.pivot if config.file.layout == "pivoted" else None
    for column in config.columns:
        if column.value:
            yield Source("column", "", False, column.pointer, f"column {column.header!r}")
        elif column.target_name is not None:
            yield Source(
                "column",
                column.target_name,
                column.dimension is not None,
                column.pointer,
                f"column {column.header!r}",
            )
    for index, constant in enumerate(config.constants):
        yield Source(
            "constant",
            constant.target_name,
            constant.dimension is not None,
            constant.pointer or f"/constants/{index}",
            f"constant {constant.value!r}",
        )
    if config.load_date is not None:
        load = config.load_date
        yield Source(
            "load date", load.target_name, load.dimension is not None, load.pointer, "the load date"
        )
    if pivot is not None:
        yield Source("pivot", pivot.dimension, True, "/file/pivot/dimension", "the pivot")
        yield Source("pivot", "", False, "/file/pivot", "the pivot")
