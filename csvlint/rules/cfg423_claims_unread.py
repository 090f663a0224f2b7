from __future__ import annotations

from collections.abc import Sequence

from csvlint.finding import Severity
from csvlint.rules.base import ClaimRule, Violation, Violations


class ClaimsUnread(ClaimRule):
    """A CSV file in a project with a configuration whose `files` and `sample` cannot be read.

    Which configuration receives a file is read from every configuration's `files` patterns
    and `sample`. When one cannot be read (invalid YAML or JSON, not UTF-8, unreadable, or a
    `files` that is not a list of patterns), it may be the one the file is for: the file would
    be checked against another configuration, or none, and pass without the checks of its
    own. The file is reported, naming the configuration and why; fixing the configuration (or
    leaving it out with the `configs` setting) clears it. Naming a configuration with
    `--config` checks the file against that one, and is not reported.

    Fails: `orders.import.yaml` holding `files: [exports/*.txt` (an unclosed bracket), for
    `exports/orders.txt`.
    Passes: `files: [exports/*.txt]`.
    """

    code = "CFG423"
    name = "claims-unread"
    severity = Severity.ERROR
    # a project's layout, not a configuration Pigment would refuse
    on_sample = "never"

    def check_unread(self, applied: Sequence[str], unread: Sequence[tuple[str, str]]) -> Violations:
        against = ", ".join(applied) if applied else "no configuration"
        for config, why in unread:
            yield Violation(
                f"{config} may claim this file, but {why}: the file is checked against {against}",
                hint=f"fix {config}, or leave it out with the `configs` setting, or name the "
                "configuration with --config",
            )
