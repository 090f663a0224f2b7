from __future__ import annotations

from collections.abc import Sequence

from csvlint.finding import Severity
from csvlint.rules.base import ClaimRule, Violation, Violations


class ClaimedTwice(ClaimRule):
    """A CSV file that more than one configuration claims.

    A file found by its configuration's `files` patterns (or `sample`) is checked against one
    configuration: those whose sample it is, when they are linted too, else the first of those
    that claim it found in the project (a folder's files by name, then its subfolders').
    One extract is pushed under one configuration ID, so when two claim it, the lint's verdict
    may be for the other one's mappings and formats, while the checks of the one the connector
    uses never ran. The file is reported, naming every configuration that claims it. Naming
    one with `--config` checks the file against that one, and is not reported.

    Fails: `orders.import.yaml` with `files: [extracts/orders_*.csv]` and
    `orders_eu.import.yaml` with `files: [extracts/orders_eu_*.csv]`, for
    `extracts/orders_eu_2026-11.csv`.
    Passes: `files: [extracts/orders_us_*.csv]` and `files: [extracts/orders_eu_*.csv]`.
    """

    code = "CFG422"
    name = "claimed-twice"
    severity = Severity.ERROR
    # a project's layout, not a configuration Pigment would refuse
    on_sample = "never"

    def check_claims(self, applied: Sequence[str], others: Sequence[str]) -> Violations:
        yield Violation(
            f"{len(applied) + len(others)} configurations claim this file: it is checked "
            f"against {', '.join(applied)} only, never against {', '.join(others)}",
            hint="narrow the `files` patterns (or `sample`) so that one configuration claims "
            "each file, or name one with --config",
        )
