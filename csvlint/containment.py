"""Where a write lands: never through a symbolic link that leads out of the project.

`csvlint fix` and `csvlint config save` rewrite files the user names, and a file or a folder on
its way may be a link. A link that stays in the project is followed (the file it points to is
rewritten, and the link stays a link); one that leads out of it (a `data.csv` pointing at
`~/.ssh/config`, a `reports` folder pointing at `/etc`) is refused. A path without links is
written as given, inside the project or not: that is what the user asked for.

The project of a path is found without following links: the nearest folder above it, as
written, with a repository or settings marker; else the current folder when the path lies under
it; else the path's own folder.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

_MARKERS = (".git", ".csvlint.toml", "pyproject.toml", ".pre-commit-config.yaml")


class LinkEscape(PermissionError):
    """A write that a symbolic link would carry out of the project."""


def project_of(path: Path) -> Path:
    """The project folder `path` lies in, judged from the path as written (links unresolved)."""
    literal = Path(os.path.abspath(path))
    for folder in literal.parents:
        if any(os.path.lexists(folder / marker) for marker in _MARKERS):
            return folder
    cwd = Path(os.path.abspath(Path.cwd()))
    return cwd if literal.is_relative_to(cwd) else literal.parent


def write_target(path: Path) -> Path:
    """The file a write to `path` should replace: `path` itself when no link is on its way,
    else the file the links lead to, when that is in `path`'s project.

    Raises `LinkEscape` (a PermissionError naming `path`) when a link leads out of it.
    """
    literal = Path(os.path.abspath(path))
    real = Path(os.path.realpath(path))
    if real == literal:
        return path
    root = Path(os.path.realpath(project_of(path)))
    if not real.is_relative_to(root):
        raise LinkEscape(
            errno.EPERM,
            f"a symbolic link leads to {real}, outside the project {root}: refusing to write "
            "through it",
            str(path),
        )
    return real
