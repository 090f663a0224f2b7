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
    start = pivot_start(config)
    return config.header if start is None else config.header[: start - 1]


def pivot_start(config: ImportConfig) -> int | None:
    """The 1-based column a pivoted layout's item columns start at, or None when flat."""
    pivot = config.file.pivot
    return pivot.first_column if config.file.layout == "pivoted" and pivot is not None else None


def is_pivot_column(config: ImportConfig, index: int) -> bool:
    """Whether the 0-based column `index` is one of a pivoted layout's item columns."""
    start = pivot_start(config)
    return start is not None and index >= start - 1


def free_columns(config: ImportConfig, header: Header) -> set[int]:
    """1-based columns of `header` whose names the configuration does not fix: the pivot's
    items, from `first_column` on, in a pivoted layout."""
    start = pivot_start(config)
    return set() if start is None else set(range(start, header.width + 1))


def normalised(name: str) -> str:
    """A name with case, surrounding whitespace, BOMs and inner spacing folded away."""
    return " ".join(name.replace("\ufeff", "").replace("\u00a0", " ").split()).casefold()
