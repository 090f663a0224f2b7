"""Which configuration receives a CSV file: every configuration's `sample` and `files`
patterns, resolved once and indexed by path, so that matching many files costs a lookup each
rather than a question to every configuration."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from csvlint.engine.globs import glob_regex

_GLOB_CHARS = re.compile(r"[*?\[{]")


@dataclass(frozen=True, slots=True)
class Claims:
    """What one configuration (a resolved path) says it receives; `unread` says why that cannot
    be told (the file cannot be read or parsed, or its `files` or `sample` is malformed)."""

    config: Path
    sample: str | None
    patterns: Sequence[str]
    unread: str | None = None


class ClaimIndex:
    """The configurations of a project, in their order, indexed by the files they claim. When
    several claim a file, the first in order is the one it is checked against, and the lint
    reports the others (CFG422): their checks do not run on it."""

    def __init__(self, claims: Sequence[Claims]) -> None:
        self.configs = [c.config for c in claims]
        #: the configurations whose claims cannot be read, and why: any of them may claim a file
        self.unread = [(c.config, c.unread) for c in claims if c.unread is not None]
        #: exact paths (samples, patterns without a glob) → the orders of the configurations
        self._exact: dict[str, set[int]] = {}
        #: (whole-path pattern, order) and (file-name pattern, order)
        self._paths: list[tuple[re.Pattern[str], int]] = []
        self._names: list[tuple[re.Pattern[str], int]] = []
        for order, claim in enumerate(claims):
            folder = claim.config.parent
            if claim.sample is not None:
                self._exact.setdefault(_absolute(folder, claim.sample), set()).add(order)
            for pattern in claim.patterns:
                self._add(folder, pattern, order)

    def _add(self, folder: Path, pattern: str, order: int) -> None:
        pattern = pattern.removeprefix("./")
        if not pattern:
            return
        if "/" not in pattern:
            # a name alone matches the file's name anywhere, as the glob language says
            self._names.append((glob_regex(pattern), order))
        if not _GLOB_CHARS.search(pattern):
            self._exact.setdefault(_absolute(folder, pattern), set()).add(order)
            return
        normal = posixpath.normpath(pattern)
        ups = 0
        while normal.startswith("../"):
            normal, ups = normal[3:], ups + 1
        # climbing past the filesystem's root stays there, as a path's `..` does
        base = folder.parents[min(ups, len(folder.parents)) - 1] if ups else folder
        prefix = re.escape(base.as_posix().rstrip("/") + "/")
        self._paths.append((re.compile(prefix + glob_regex(normal).pattern), order))

    def claimants(self, csv: Path, *spellings: Path) -> list[Path]:
        """Every configuration that claims `csv` (a resolved path) or one of its other
        `spellings` (a link's own path, say), in their order: the first is the one it is
        checked against."""
        orders: set[int] = set()
        for path in dict.fromkeys((csv, *spellings)):
            text = path.as_posix()
            orders.update(self._exact.get(text, ()))
            orders.update(order for regex, order in self._paths if regex.match(text))
            orders.update(order for regex, order in self._names if regex.match(path.name))
        return [self.configs[order] for order in sorted(orders)]


def _absolute(folder: Path, relative: str) -> str:
    try:
        return (folder / relative).resolve().as_posix()
    except (OSError, RuntimeError):
        return posixpath.normpath(posixpath.join(folder.as_posix(), relative))
