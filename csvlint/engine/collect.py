"""Turns rule violations into findings: severity, Copy ID blocking, and the per-rule cap."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from csvlint.engine.selection import Selection
from csvlint.finding import Finding, Severity
from csvlint.report import Omission
from csvlint.rules import Rule, Violation


class Collector:
    """Gathers the findings of one lint. Lists at most `max_per_rule` findings for each rule
    and column of a file (for each header rule, whatever the column; 0: no cap) and counts the
    rest; notes the first error for `--fail-fast`."""

    def __init__(self, selection: Selection, max_per_rule: int = 0, fail_fast: bool = False):
        self.selection = selection
        self.max_per_rule = max_per_rule
        self.fail_fast = fail_fast
        self.findings: list[Finding] = []
        self._seen: Counter[tuple[str, str, int | None]] = Counter()
        self._over: Counter[tuple[str, str, int | None]] = Counter()
        self._over_first: dict[tuple[str, str, int | None], Finding] = {}
        self._ignored: dict[str, frozenset[str]] = {}
        self.stopped = False

    def add(
        self, rule: type[Rule], violations: Iterable[Violation], path: str, sample: bool = False
    ) -> None:
        """Record a rule's violations on the file at `path`."""
        for violation in violations:
            self._add(rule, violation, path, sample)

    def _add(self, rule: type[Rule], violation: Violation, path: str, sample: bool) -> None:
        if self.stopped:
            return  # --fail-fast: nothing after the first error
        where = violation.path or path
        severity = self.selection.level(rule.code, violation.severity or rule.severity)
        if where not in self._ignored:
            self._ignored[where] = self.selection.ignored_in(where)
        if severity is None or rule.code in self._ignored[where]:
            return
        blocks = violation.blocks_copy_id
        if blocks is None:
            blocks = severity is Severity.ERROR and rule.blocks_copy_id
            if sample and rule.on_sample != "never":
                blocks = rule.on_sample == "always" or severity is Severity.ERROR
        if self.fail_fast and severity is Severity.ERROR:
            self.stopped = True
        # a header's findings are capped per rule: a header of a million columns has one line
        key = (where, rule.code, None if rule.code.startswith("HDR") else violation.column)
        self._seen[key] += 1
        if self.max_per_rule and self._seen[key] > self.max_per_rule:
            self._over[key] += 1
            if key in self._over_first:
                return
        finding = Finding(
            code=rule.code,
            rule=rule.name,
            severity=severity,
            blocks_copy_id=blocks,
            path=where,
            line=violation.line,
            record=violation.record,
            column=violation.column,
            column_name=violation.column_name,
            pointer=violation.pointer,
            message=violation.message,
            hint=violation.hint,
        )
        if key in self._over:
            self._over_first[key] = finding
        else:
            self.findings.append(finding)

    @property
    def omitted(self) -> list[Omission]:
        """What the cap left out, counted per file, rule and column."""
        return [Omission.of(first, self._over[key]) for key, first in self._over_first.items()]
