"""Which project a file belongs to, and the files of a folder that are safe to read.

A file's project is found from the file's own folder upwards, never from the current folder:
the nearest folder holding `.csvlint.toml`, a `pyproject.toml` with `[tool.csvlint]`, or a
version-control root (`.git`, `.hg`, `.svn`). The search never goes above a version-control root
or the user's home, and never takes the filesystem root; a file with no such folder above it is
a project of its own folder. So a file gets the same configurations and settings from any
current folder, by a relative path or an absolute one.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

#: folders that make the folder holding them a version-control root
VCS_MARKERS = (".git", ".hg", ".svn")
#: folders never searched for files
SKIPPED_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        ".venv",
        "venv",
        ".tox",
        ".nox",
        "node_modules",
        "__pycache__",
        ".mypy_cache",
        ".ruff_cache",
        ".pytest_cache",
    }
)


@dataclass(frozen=True, slots=True)
class ProjectRoot:
    """A project's folder; `marked` is false for a file's own folder taken for want of a
    marker, which is searched for configurations only when it is neither home nor `/`."""

    path: Path
    marked: bool

    @property
    def searchable(self) -> bool:
        """Whether the folder may be searched for configurations."""
        if self.marked:
            return True
        return self.path != Path(self.path.anchor) and self.path != _home()


def _home() -> Path | None:
    try:
        return Path.home().resolve()
    except (RuntimeError, OSError, KeyError):
        return None


def has_settings(folder: Path) -> bool:
    """Whether `folder` holds csvlint settings: `.csvlint.toml`, or a `pyproject.toml` with a
    `[tool.csvlint]` table (read as text: a broken one is reported when settings are loaded)."""
    if os.path.isfile(folder / ".csvlint.toml"):  # os.path: never raises (a folder we may not read)
        return True
    try:
        text = (folder / "pyproject.toml").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return "[tool.csvlint" in text


def is_vcs_root(folder: Path) -> bool:
    """Whether `folder` is the root of a work tree (a `.git` folder or file, `.hg`, `.svn`)."""
    return any(os.path.lexists(folder / marker) for marker in VCS_MARKERS)


def root_of_folder(folder: Path) -> ProjectRoot:
    """The project of a resolved folder: itself or the nearest marked folder above it."""
    home = _home()
    for candidate in (folder, *folder.parents):
        if candidate == Path(candidate.anchor):
            break
        if has_settings(candidate) or is_vcs_root(candidate):
            return ProjectRoot(candidate, True)
        if candidate == home:
            break
    return ProjectRoot(folder, False)


def work_tree(folder: Path) -> Path | None:
    """The root of the version-control work tree holding `folder` (itself or above, never
    above home), whose `.gitignore` files apply to it; None outside one."""
    home = _home()
    for candidate in (folder, *folder.parents):
        if is_vcs_root(candidate):
            return candidate
        if candidate == home:
            break
    return None


def start_folder(path: Path) -> Path:
    """Where the search for a path's project starts: a folder itself, a file's folder."""
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError):
        resolved = Path(os.path.abspath(path))
    return resolved if os.path.isdir(resolved) else resolved.parent


def project_root(path: Path) -> ProjectRoot:
    """The project of a file (from its folder upwards) or of a folder (from itself)."""
    return root_of_folder(start_folder(path))


def inside(path: Path, root: Path) -> bool:
    """Whether `path`, links and `..` resolved, lies inside `root`."""
    try:
        path.resolve().relative_to(root.resolve())
    except (ValueError, OSError, RuntimeError):
        return False
    return True


@dataclass
class Walk:
    """The files of folders, minus what must not be read. `skipped` says, for each file left
    out, why: a link out of the project, a dangling or looping link, something that is not a
    regular file (a FIFO would hang the read), a file gone while the folder was read."""

    skipped: list[str] = field(default_factory=list)
    #: how many files the `exclude` setting left out of each folder searched, as given
    excluded: dict[str, int] = field(default_factory=dict)
    _ignores: dict[Path, GitIgnoreSpec | None] = field(default_factory=dict)

    def files(self, folder: Path, wanted: Callable[[str], bool]) -> Iterator[Path]:
        """The regular files under `folder` whose name is `wanted`, in a stable order."""
        root = project_root(folder).path
        tree = work_tree(root)
        ignored = _GitIgnored(tree, self._ignores) if tree is not None else None
        if ignored is not None and ignored.covers(folder):
            # named, so linted even when ignored, as a named file is: inside it, only its own
            # `.gitignore` files apply
            ignored = _GitIgnored(folder, self._ignores)

        def failed(exc: OSError) -> None:
            self.skipped.append(f"{exc.filename}: skipped: {exc.strerror or exc}")

        for top, dirs, names in os.walk(folder, onerror=failed):
            here = Path(top)
            dirs[:] = [d for d in entered(here, dirs) if not (ignored and ignored(here / d, True))]
            for name in sorted(names):
                if not wanted(name):
                    continue
                path = here / name
                if ignored and ignored(path, False):
                    continue
                problem = unsafe(path, root)
                if problem is None:
                    yield path
                else:
                    self.skipped.append(f"{path}: skipped: {problem}")


def entered(here: Path, dirs: list[str]) -> list[str]:
    """The folders of `here` a search goes into, in order: not another repository (another
    project), nor a virtual environment's or a cache's."""
    return sorted(d for d in dirs if d not in SKIPPED_DIRS and not is_vcs_root(here / d))


def unsafe(path: Path, root: Path) -> str | None:
    """Why a file met in a folder must not be read, or None when it may."""
    try:
        own = path.lstat()
    except OSError as exc:
        return f"cannot be read: {exc.strerror or exc}"
    if stat.S_ISLNK(own.st_mode):
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return "a link that leads nowhere (dangling or looping)"
        if not inside(target, root):
            return "a link that leads out of the project"
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return f"cannot be read: {exc.strerror or exc}"
    if not stat.S_ISREG(mode):
        return "not a regular file"
    return None


class _GitIgnored:
    """Whether a path is ignored by the `.gitignore` files from the work tree's root down to
    it, read with `pathspec` as git reads them (the deepest file that matches decides).
    `pathspec` is imported only when there is a `.gitignore` to read."""

    def __init__(self, root: Path, specs: dict[Path, GitIgnoreSpec | None]) -> None:
        self.root = root.resolve()
        self.specs = specs

    def _spec(self, folder: Path) -> GitIgnoreSpec | None:
        if folder not in self.specs:
            try:
                lines = (folder / ".gitignore").read_text(encoding="utf-8", errors="replace")
            except OSError:
                self.specs[folder] = None
            else:
                from pathspec import GitIgnoreSpec

                self.specs[folder] = GitIgnoreSpec.from_lines(lines.splitlines())
        return self.specs[folder]

    def covers(self, folder: Path) -> bool:
        """Whether `folder`, or a folder above it inside the work tree, is ignored."""
        absolute = Path(os.path.abspath(folder))
        try:
            relative = absolute.relative_to(self.root)
        except ValueError:
            return False
        return any(
            self(self.root / Path(*relative.parts[: i + 1]), True)
            for i in range(len(relative.parts))
        )

    def __call__(self, path: Path, is_dir: bool) -> bool:
        absolute = Path(os.path.abspath(path))
        try:
            relative = absolute.relative_to(self.root)
        except ValueError:
            return False
        folders = [self.root / Path(*relative.parts[:i]) for i in range(len(relative.parts))]
        for folder in reversed(folders):
            spec = self._spec(folder)
            if spec is None:
                continue
            inner = absolute.relative_to(folder).as_posix()
            result = spec.check_file(inner + ("/" if is_dir else ""))
            if result.include is not None:
                return bool(result.include)
        return False
