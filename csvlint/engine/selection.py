"""Which rules run on a file, at which severity: the engine's side of settings and options."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from csvlint.engine.globs import matches
from csvlint.finding import Severity
from csvlint.rules import Rule, catalogue, rules_of

#: configuration rules whose errors mean that checks of the files linted against the
#: configuration cannot run: the configuration cannot be read (CFG401), a column writes a
#: target that does not exist (CFG405), a format cannot be built (CFG408), known items cannot
#: be read (CFG421). They run whenever a header or value rule does, whatever the selection,
#: so that no check is ever left out without a finding.
GUARDS = frozenset({"CFG401", "CFG405", "CFG408", "CFG421"})
#: the families of the rules that check a file against its configuration
_GUARDED = ("HDR", "VAL")


@dataclass(frozen=True)
class Selection:
    """Rule selection and severity overrides, already resolved to codes.

    `select` None means every rule; `severity` maps a code to its new level, None meaning off;
    `per_file_ignores` pairs a glob with the codes ignored in the files it matches.
    """

    select: frozenset[str] | None = None
    ignore: frozenset[str] = frozenset()
    severity: dict[str, Severity | None] = field(default_factory=dict)
    per_file_ignores: tuple[tuple[str, frozenset[str]], ...] = ()
    #: the project's root, which `per_file_ignores` globs are relative to
    root: Path | None = None

    def rules_for(
        self, path: str, with_config: bool, families: tuple[str, ...]
    ) -> list[type[Rule]]:
        """The rules of these code families (`CSV`, `HDR`...) that run on `path`; rules that
        need a configuration only with one. Only those rules' modules are imported."""
        ignored = self.ignored_in(path)
        codes = [
            code
            for code in catalogue()
            if code.startswith(families)
            and (
                self.guards(code)
                or (
                    (self.select is None or code in self.select)
                    and code not in ignored
                    and self.severity.get(code, Severity.INFO) is not None
                )
            )
        ]
        return [rule for rule in rules_of(codes) if with_config or not rule.needs_config]

    def chosen(self, code: str) -> bool:
        """Whether `select` takes `code` (everything, when there is no `select`)."""
        return self.select is None or code in self.select

    def guards(self, code: str) -> bool:
        """Whether `code` is a rule that must run because checks that depend on it run: a
        guard (GUARDS) while any header or value rule is selected."""
        if code not in GUARDS:
            return False
        return any(
            other.startswith(_GUARDED)
            and (self.select is None or other in self.select)
            and other not in self.ignore
            and self.severity.get(other, Severity.INFO) is not None
            for other in catalogue()
        )

    def ignored_in(self, path: str) -> frozenset[str]:
        """Codes ignored everywhere plus those ignored in files matching `path` (a guard's
        findings that disable checks are kept whatever this says: see `Violation.guards`)."""
        codes = set(self.ignore)
        where = self._from_root(path) if self.per_file_ignores else path
        for pattern, ignored in self.per_file_ignores:
            if matches(where, pattern):
                codes |= ignored
        return frozenset(codes)

    def _from_root(self, path: str) -> str:
        """`path` (as shown: relative to the current folder, or absolute) relative to the
        project's root, so that a glob means the same from any folder; as shown outside it."""
        if self.root is None or path == "-":
            return path
        for place in (os.path.abspath(path), os.path.realpath(path)):
            for root in (os.path.abspath(self.root), os.path.realpath(self.root)):
                try:
                    return Path(place).relative_to(root).as_posix()
                except ValueError:
                    continue
        return path

    def level(self, code: str, default: Severity) -> Severity | None:
        """The severity a finding of `code` gets; None when the rule is switched off (a guard's
        findings that disable checks keep their own: see `Violation.guards`)."""
        return self.severity.get(code, default)
