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
        #: the error `--fail-fast` stopped at
        self._stop: Finding | None = None

    def add(
        self,
        rule: type[Rule],
        violations: Iterable[Violation],
        path: str,
        sample: bool = False,
        verifying: bool = False,
    ) -> None:
        """Record a rule's violations on the file at `path`; `verifying` under `config verify`
        and `config id`, where a rule's `on_verify` severity applies."""
        default = (rule.on_verify if verifying else None) or rule.severity
        for violation in violations:
            self._add(rule, violation, path, sample, default)

    def _add(
        self, rule: type[Rule], violation: Violation, path: str, sample: bool, default: Severity
    ) -> None:
        where = violation.path or path
        if self.stopped and not self._before_stop(where, violation.line, violation.column):
            return  # --fail-fast: nothing after the first error in file order
        own = violation.severity or default
        # checks of the files linted against the configuration cannot run: no setting may
        # hide it or let the lint pass without them
        guarding = violation.guards and self.selection.guards(rule.code)
        level = own if guarding else self.selection.level(rule.code, own)
        if where not in self._ignored:
            self._ignored[where] = self.selection.ignored_in(where)
        if level is None or (
            not guarding
            and (rule.code in self._ignored[where] or not self.selection.chosen(rule.code))
        ):
            return
        severity = level
        blocks = violation.blocks_copy_id
        if blocks is None:
            blocks = severity is Severity.ERROR and rule.blocks_copy_id
            if sample and rule.on_sample != "never":
                blocks = rule.on_sample == "always" or severity is Severity.ERROR
        # a header's findings are capped per rule: a header of a million columns has one line
        # a guard's findings that disable checks are capped apart (as column -1, which no
        # file has): an omission takes the severity of the first finding it leaves out
        column = None if rule.code.startswith("HDR") else violation.column
        key = (where, rule.code, column if not guarding else -1)
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
        if self.fail_fast and severity is Severity.ERROR:
            self._stop_at(finding)

    def left_out(self, rule: type[Rule], path: str, column: int | None, count: int = 0) -> bool:
        """Whether the next findings of `rule` at `column` of the file at `path` can be counted
        without being made: the cap already leaves them out (its first left out is kept), or
        the rule is off for the file. If so, counts `count` more. Never under --fail-fast, where
        each finding must be placed against the first error."""
        if self.fail_fast:
            return False
        severity = self.selection.level(rule.code, rule.severity)
        if path not in self._ignored:
            self._ignored[path] = self.selection.ignored_in(path)
        if severity is None or rule.code in self._ignored[path]:
            return True
        key = (path, rule.code, None if rule.code.startswith("HDR") else column)
        if key not in self._over_first:
            return False
        self._seen[key] += count
        self._over[key] += count
        return True

    def _before_stop(self, path: str, line: int | None, column: int | None) -> bool:
        """Whether a finding comes before the error `--fail-fast` stopped at, in file order:
        rules see a chunk of records one after another, so a later rule may still report an
        earlier line."""
        stop = self._stop
        return (
            stop is not None
            and path == stop.path
            and _place(line, column) < _place(stop.line, stop.column)
        )

    def _stop_at(self, error: Finding) -> None:
        """Stop at `error`, the first in file order so far: drop what comes after it."""
        self.stopped, self._stop = True, error
        place = _place(error.line, error.column)
        self.findings = [
            f for f in self.findings if f.path != error.path or _place(f.line, f.column) <= place
        ]

    @property
    def omitted(self) -> list[Omission]:
        """What the cap left out, counted per file, rule and column."""
        return [Omission.of(first, self._over[key]) for key, first in self._over_first.items()]


def _place(line: int | None, column: int | None) -> tuple[int, int]:
    return (line or 0, column or 0)
