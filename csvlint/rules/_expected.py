"""What header a configuration expects, for the header rules."""

from __future__ import annotations

from csvlint.config.model import ImportConfig
from csvlint.engine.facts import Header


def expected_columns(config: ImportConfig) -> tuple[str, ...]:
    """The configuration's columns, in order (for a pivoted layout, those before the pivot)."""
    return config.header


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
