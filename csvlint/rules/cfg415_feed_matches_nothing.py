from __future__ import annotations

import os
import re
from pathlib import Path

from csvlint.engine.configfile import ConfigSubject
from csvlint.engine.discovery import inside, project_root
from csvlint.engine.sources import display
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


def _matches(folder: Path, pattern: str, root: Path) -> tuple[bool, Path | None]:
    """Whether the pattern matches a file of the project at `root`; when it does not, a file
    it matches that belongs to another project (nested, or a folder without a marker), if any.
    """
    base = folder
    rest = pattern.removeprefix("./")
    while rest.startswith("../"):
        base, rest = base.parent, rest[3:]
    if not rest:
        return False, None
    elsewhere: Path | None = None
    projects: dict[Path, Path] = {}
    try:
        for found in base.glob(rest):
            # a file reached through a link out of the project is not one the project holds
            if not inside(found, root):
                continue
            if found.parent not in projects:
                projects[found.parent] = project_root(found).path
            if projects[found.parent] == root:
                return True, None
            elsewhere = elsewhere or found
    except (OSError, ValueError, NotImplementedError):  # an absolute pattern: NotImplemented
        return False, None
    return False, elsewhere


class FeedMatchesNothing(ConfigRule):
    """A `files` pattern that matches no file.

    `files` tells csvlint which extracts a configuration receives, so that `csvlint lint
    extract.csv` checks them against it. A pattern that matches nothing is usually a typo,
    and then those extracts are linted without their configuration.

    A pattern that leads out of the project (`../../elsewhere/*.csv`) is not searched: what
    lies outside the project is none of its configurations' business, and searching it would
    tell who can edit a configuration which files exist there. It is reported instead.

    A pattern whose files all belong to another project (a folder with its own
    `.csvlint.toml` or repository, or, where no folder above has a marker, each folder on its
    own) is reported too: a file takes its configurations from its own project, so those
    files would be linted without this one.

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
        root = subject.root.resolve()
        for index, pattern in enumerate(config.files):
            if _outside(folder, pattern, root):
                yield at(
                    config,
                    f"/files/{index}",
                    f"the pattern {pattern!r} leads out of the project: it is not searched",
                    hint="keep extracts under the project folder, and patterns relative to it",
                )
            else:
                matched, elsewhere = _matches(folder, pattern, root)
                if matched:
                    continue
                if elsewhere is None:
                    yield at(
                        config,
                        f"/files/{index}",
                        f"the pattern {pattern!r} matches no file",
                        hint="patterns are relative to the configuration file's folder",
                    )
                    continue
                other = project_root(elsewhere).path
                yield at(
                    config,
                    f"/files/{index}",
                    f"the pattern {pattern!r} matches only files of another project, such as "
                    f"{display(elsewhere)} (its project is {display(other)}): they are not "
                    "checked against this configuration",
                    hint=f"make {display(root)} one project with a `.csvlint.toml` (or a git "
                    "repository), or keep the configuration in the files' project",
                )
