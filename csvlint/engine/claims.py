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
    """What one configuration (a resolved path) says it receives."""

    config: Path
    sample: str | None
    patterns: Sequence[str]


class ClaimIndex:
    """The configurations of a project, in their order, indexed by the files they claim. When
    several claim a file, the first in order wins, as when each was asked in turn."""

    def __init__(self, claims: Sequence[Claims]) -> None:
        self.configs = [c.config for c in claims]
        #: exact paths (samples, patterns without a glob) → the first configuration's order
        self._exact: dict[str, int] = {}
        #: (whole-path pattern, order) and (file-name pattern, order)
        self._paths: list[tuple[re.Pattern[str], int]] = []
        self._names: list[tuple[re.Pattern[str], int]] = []
        for order, claim in enumerate(claims):
            folder = claim.config.parent
            if claim.sample is not None:
                self._exact.setdefault(_absolute(folder, claim.sample), order)
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
            self._exact.setdefault(_absolute(folder, pattern), order)
            return
        normal = posixpath.normpath(pattern)
        ups = 0
        while normal.startswith("../"):
            normal, ups = normal[3:], ups + 1
        # climbing past the filesystem's root stays there, as a path's `..` does
        base = folder.parents[min(ups, len(folder.parents)) - 1] if ups else folder
        prefix = re.escape(base.as_posix().rstrip("/") + "/")
        self._paths.append((re.compile(prefix + glob_regex(normal).pattern), order))

    def claimant(self, csv: Path) -> Path | None:
        """The configuration that receives `csv` (a resolved path), or None."""
        text = csv.as_posix()
        best = self._exact.get(text, len(self.configs))
        for regex, order in self._paths:
            if order < best and regex.match(text):
                best = order
        name = csv.name
        for regex, order in self._names:
            if order < best and regex.match(name):
                best = order
        return self.configs[best] if best < len(self.configs) else None


def _absolute(folder: Path, relative: str) -> str:
    try:
        return (folder / relative).resolve().as_posix()
    except (OSError, RuntimeError):
        return posixpath.normpath(posixpath.join(folder.as_posix(), relative))
