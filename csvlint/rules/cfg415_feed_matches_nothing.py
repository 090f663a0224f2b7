from __future__ import annotations

from pathlib import Path

from csvlint.engine.configfile import ConfigSubject
from csvlint.finding import Severity
from csvlint.rules._config import at
from csvlint.rules.base import ConfigRule, Violations


def _matches_something(folder: Path, pattern: str) -> bool:
    base = folder
    rest = pattern.removeprefix("./")
    while rest.startswith("../"):
        base, rest = base.parent, rest[3:]
    if not rest:
        return False
    try:
        return next(iter(base.glob(rest)), None) is not None
    except (OSError, ValueError, NotImplementedError):  # an absolute pattern: NotImplemented
        return False


class FeedMatchesNothing(ConfigRule):
    """A `files` pattern that matches no file.

    `files` tells csvlint which extracts a configuration receives, so that `csvlint lint
    extract.csv` checks them against it. A pattern that matches nothing is usually a typo,
    and then those extracts are linted without their configuration.

    Fails: `files: [extracts/employes_*.csv]` beside `extracts/employees_2026-11.csv`.
    Passes: `files: [extracts/employees_*.csv]`.
    """

    code = "CFG415"
    name = "feed-matches-nothing"
    severity = Severity.WARNING

    def check_config(self, subject: ConfigSubject) -> Violations:
        config = subject.config
        if config is None:
            return
        folder = config.path.parent
        for index, pattern in enumerate(config.files):
            if not _matches_something(folder, pattern):
                yield at(
                    config,
                    f"/files/{index}",
                    f"the pattern {pattern!r} matches no file",
                    hint="patterns are relative to the configuration file's folder",
                )
