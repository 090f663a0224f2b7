"""What a rule says about one place in a file: the `Finding`, and its `Severity`."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """How much a finding matters; `error` fails the lint, `warning` fails it with --strict."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more severe: error 2, warning 1, info 0."""
        return _RANK[self]


_RANK = {Severity.ERROR: 2, Severity.WARNING: 1, Severity.INFO: 0}


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at one place, with the fields of the JSON report contract.

    `line` is the physical line (1-based, as an editor counts) and `record` the 1-based CSV record
    (the header is record 0) for a CSV; `pointer` is a JSON pointer for a configuration file.
    `column` is the 1-based field index and `column_name` its header.
    """

    code: str
    rule: str
    severity: Severity
    blocks_copy_id: bool
    path: str
    line: int | None
    record: int | None
    column: int | None
    column_name: str | None
    pointer: str | None
    message: str
    hint: str | None

    def to_dict(self) -> dict[str, Any]:
        """The finding as the JSON report writes it."""
        data = asdict(self)
        data["severity"] = self.severity.value
        return data

    def sort_key(self) -> tuple[str, int, int, str]:
        """Findings are sorted by path, line, column, code."""
        return (self.path, self.line or 0, self.column or 0, self.code)
