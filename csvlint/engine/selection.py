"""Which rules run on a file, at which severity: the engine's side of settings and options."""

from __future__ import annotations

from dataclasses import dataclass, field

from csvlint.engine.globs import matches
from csvlint.finding import Severity
from csvlint.rules import Rule, catalogue, rules_of


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
            and (self.select is None or code in self.select)
            and code not in ignored
            and self.severity.get(code, Severity.INFO) is not None
        ]
        return [rule for rule in rules_of(codes) if with_config or not rule.needs_config]

    def ignored_in(self, path: str) -> frozenset[str]:
        """Codes ignored everywhere plus those ignored in files matching `path`."""
        codes = set(self.ignore)
        for pattern, ignored in self.per_file_ignores:
            if matches(path, pattern):
                codes |= ignored
        return frozenset(codes)

    def level(self, code: str, default: Severity) -> Severity | None:
        """The severity a finding of `code` gets; None when the rule is switched off."""
        return self.severity.get(code, default)
