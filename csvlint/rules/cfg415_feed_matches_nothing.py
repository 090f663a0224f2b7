from __future__ import annotations

import os
import re
from pathlib import Path

from csvlint.engine.configfile import ConfigSubject
from csvlint.engine.discovery import inside
from csvlint.finding import Severity
from csvlint.rules._config import at
from csvlint.rules.base import ConfigRule, Violations


def _outside(folder: Path, pattern: str, root: Path) -> bool:
    """Whether the pattern's fixed part (before any wildcard) leads out of the project."""
    fixed = re.split(r"[*?\[]", pattern, maxsplit=1)[0]
    head = fixed.rpartition("/")[0]
    if fixed.startswith("/"):
        head = head or "/"  # an absolute pattern starts at the root of the file system
    return not inside(folder / head, root)


def _matches_something(folder: Path, pattern: str, root: Path) -> bool:
    base = folder
    rest = pattern.removeprefix("./")
    while rest.startswith("../"):
        base, rest = base.parent, rest[3:]
    if not rest:
        return False
    try:
        # a file reached through a link out of the project is not one the project holds
        return any(inside(found, root) for found in base.glob(rest))
    except (OSError, ValueError, NotImplementedError):  # an absolute pattern: NotImplemented
        return False


class FeedMatchesNothing(ConfigRule):
    """A `files` pattern that matches no file.

    `files` tells csvlint which extracts a configuration receives, so that `csvlint lint
    extract.csv` checks them against it. A pattern that matches nothing is usually a typo,
    and then those extracts are linted without their configuration.

    A pattern that leads out of the project (`../../elsewhere/*.csv`) is not searched: what
    lies outside the project is none of its configurations' business, and searching it would
    tell who can edit a configuration which files exist there. It is reported instead.

    Fails: `files: [extracts/employes_*.csv]` beside `extracts/employees_2026-11.csv`, or
    `files: [../../home/*/.ssh/*]`.
    Passes: `files: [extracts/employees_*.csv]`.
    """

    code = "CFG415"
    name = "feed-matches-nothing"
    severity = Severity.WARNING

    def check_config(self, subject: ConfigSubject) -> Violations:
        config = subject.config
        if config is None:
            return
        # absolute, so that `..` climbs out of it even when the path given has no folder
        folder = Path(os.path.abspath(config.path.parent))
        for index, pattern in enumerate(config.files):
            if _outside(folder, pattern, subject.root):
                yield at(
                    config,
                    f"/files/{index}",
                    f"the pattern {pattern!r} leads out of the project: it is not searched",
                    hint="keep extracts under the project folder, and patterns relative to it",
                )
            elif not _matches_something(folder, pattern, subject.root):
                yield at(
                    config,
                    f"/files/{index}",
                    f"the pattern {pattern!r} matches no file",
                    hint="patterns are relative to the configuration file's folder",
                )
