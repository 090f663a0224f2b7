"""What header a configuration expects, for the header rules."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from csvlint.config.model import ImportConfig
    from csvlint.engine.facts import Header


def expected_columns(config: ImportConfig) -> tuple[str, ...]:
    """The columns every file must have, in order: all the configuration's columns, or in a
    pivoted layout those before the pivot (the pivot's item columns change from file to file,
    a new month say)."""
    pivot = config.file.pivot
    if config.file.layout == "pivoted" and pivot is not None:
        return config.header[: pivot.first_column - 1]
    return config.header


def pivot_start(config: ImportConfig) -> int | None:
    """The 1-based column a pivoted layout's item columns start at, or None when flat."""
    pivot = config.file.pivot
    return pivot.first_column if config.file.layout == "pivoted" and pivot is not None else None


def is_pivot_column(config: ImportConfig, index: int) -> bool:
    """Whether the 0-based column `index` is one of a pivoted layout's item columns."""
    pivot = config.file.pivot
    return config.file.layout == "pivoted" and pivot is not None and index >= pivot.first_column - 1


def free_columns(config: ImportConfig, header: Header) -> set[int]:
    """1-based columns of `header` whose names the configuration does not fix: the pivot's
    items, from `first_column` on, in a pivoted layout."""
    pivot = config.file.pivot
    if config.file.layout != "pivoted" or pivot is None:
        return set()
    return set(range(pivot.first_column, header.width + 1))


def normalised(name: str) -> str:
    """A name with case, surrounding whitespace, BOMs and inner spacing folded away."""
    return " ".join(name.replace("\ufeff", "").replace("\u00a0", " ").split()).casefold()
