"""The outcome of a lint: per-file facts, sorted findings, and the counts behind a capped
listing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from csvlint import __version__
from csvlint.dialect import Dialect
from csvlint.errors import LintError
from csvlint.finding import Finding, Severity

FileKind = Literal["csv", "config"]


@dataclass(frozen=True, slots=True)
class FileResult:
    """What was learnt about one file besides its findings."""

    path: str
    kind: FileKind
    rows: int | None = None
    dialect: Dialect | None = None
    config: str | None = None
    header: tuple[str, ...] | None = None

    def to_dict(self) -> dict[str, Any]:
        """The file entry as the JSON report writes it."""
        return {
            "path": self.path,
            "kind": self.kind,
            "rows": self.rows,
            "dialect": None if self.dialect is None else self.dialect.to_dict(),
            "config": self.config,
        }


@dataclass(frozen=True, slots=True)
class Omission:
    """Findings that were counted but not listed, because one rule hit one column too often."""

    path: str
    code: str
    rule: str
    severity: Severity
    blocks_copy_id: bool
    column: int | None
    column_name: str | None
    count: int

    @classmethod
    def of(cls, first: Finding, count: int) -> Omission:
        """The `count` findings left out after `first`, which they share file, rule and
        column with."""
        return cls(
            first.path,
            first.code,
            first.rule,
            first.severity,
            first.blocks_copy_id,
            first.column,
            first.column_name,
            count,
        )

    def to_dict(self) -> dict[str, Any]:
        """The omission as the JSON report writes it."""
        return {
            "path": self.path,
            "code": self.code,
            "rule": self.rule,
            "severity": self.severity.value,
            "column": self.column,
            "column_name": self.column_name,
            "count": self.count,
        }


@dataclass(frozen=True)
class Report:
    """Everything a lint found. Findings are sorted by path, line, column and code."""

    files: tuple[FileResult, ...] = ()
    findings: tuple[Finding, ...] = ()
    omitted: tuple[Omission, ...] = ()
    _counts: Counter[Severity] = field(default_factory=Counter, repr=False, compare=False)
    #: files a folder's search left out, each with why (a link out of the project, a FIFO, a
    #: file gone): nothing was read from them
    skipped: tuple[str, ...] = field(default=(), compare=False)

    @classmethod
    def build(
        cls,
        files: Iterable[FileResult],
        findings: Iterable[Finding],
        omitted: Iterable[Omission] = (),
    ) -> Report:
        """A report with its findings sorted and every severity counted, listed or not."""
        listed = tuple(sorted(findings, key=Finding.sort_key))
        left_out = tuple(sorted(omitted, key=lambda o: (o.path, o.code, o.column or 0)))
        counts: Counter[Severity] = Counter(f.severity for f in listed)
        for o in left_out:
            counts[o.severity] += o.count
        return cls(tuple(sorted(files, key=lambda f: f.path)), listed, left_out, counts)

    def count(self, severity: Severity) -> int:
        """How many findings of this severity, including those left out of the listing."""
        return self._counts[severity]

    @property
    def ok(self) -> bool:
        """True when there is no error-severity finding."""
        return self.count(Severity.ERROR) == 0

    @property
    def blocks_copy_id(self) -> bool:
        """True when some finding would make Pigment refuse Copy ID."""
        return any(f.blocks_copy_id for f in self.findings) or any(
            o.blocks_copy_id for o in self.omitted
        )

    def fails(self, strict: bool = False) -> bool:
        """Whether this report makes the lint fail: errors, or with `strict` warnings too."""
        return not self.ok or (strict and self.count(Severity.WARNING) > 0)

    def raise_for_errors(self) -> None:
        """Raise `LintError` carrying this report when it has an error-severity finding."""
        if not self.ok:
            raise LintError(self)

    def merge(self, other: Report) -> Report:
        """One report holding both reports' files and findings."""
        merged = Report.build(
            self.files + other.files, self.findings + other.findings, self.omitted + other.omitted
        )
        return replace(merged, skipped=self.skipped + other.skipped)

    def to_dict(self) -> dict[str, Any]:
        """The report in the JSON contract (`csvlint schema report`)."""
        return {
            "version": 1,
            "tool": {"name": "csvlint", "version": __version__},
            "summary": {
                "files": len(self.files),
                "errors": self.count(Severity.ERROR),
                "warnings": self.count(Severity.WARNING),
                "infos": self.count(Severity.INFO),
                "blocks_copy_id": self.blocks_copy_id,
            },
            "files": [f.to_dict() for f in self.files],
            "findings": [f.to_dict() for f in self.findings],
            "omitted": [o.to_dict() for o in self.omitted],
        }
