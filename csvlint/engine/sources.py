"""Where CSV bytes come from: files, standard input, bytes in memory, a stream read once."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from csvlint.engine.discovery import Walk
from csvlint.engine.globs import matches
from csvlint.errors import MissingPathError

BLOCK_SIZE = 1 << 20
CSV_SUFFIXES = (".csv", ".tsv")
CONFIG_SUFFIXES = (".import.yaml", ".import.yml", ".import.json")
#: the name this module gave `MissingPathError` first
MissingPath = MissingPathError


def blocks_of(stream: BinaryIO, size: int = BLOCK_SIZE) -> Iterator[bytes]:
    """The stream's bytes, `size` at a time, read once. A stream that gives text is a
    TypeError: the bytes, encoding included, are what csvlint checks."""
    while block := stream.read(size):
        if not isinstance(block, bytes | bytearray):
            raise TypeError(
                f"a binary stream is needed, and this one gives {type(block).__name__}: "
                "open the file with 'rb', or pass sys.stdin.buffer"
            )
        yield block


def blocks_from_path(path: Path) -> Iterator[bytes]:
    """A file's bytes, block by block; the file is closed when the blocks run out."""
    with path.open("rb") as stream:
        yield from blocks_of(stream)


def blocks_from_bytes(data: bytes, size: int = BLOCK_SIZE) -> Iterator[bytes]:
    """Bytes in memory, cut into blocks as a file would be read."""
    view = memoryview(data)
    for start in range(0, len(data), size):
        yield bytes(view[start : start + size])


def display(path: Path | str) -> str:
    """A path as reports show it: relative to the current directory when under it, with `/`."""
    text = os.path.normpath(str(path))
    if os.path.isabs(text):
        with contextlib.suppress(ValueError):
            text = os.path.relpath(text)
        if text.startswith(".."):
            text = str(path)
    return PurePosixPath(Path(text).as_posix()).as_posix()


def is_config(path: str | Path) -> bool:
    """Whether a path names an import configuration file."""
    return str(path).lower().endswith(CONFIG_SUFFIXES)


def is_csv(path: str | Path) -> bool:
    """Whether a path names a CSV file by its suffix."""
    return str(path).lower().endswith(CSV_SUFFIXES)


def excluded(path: str, patterns: Sequence[str]) -> bool:
    """Whether `path` (as displayed) matches an exclude glob, or lies under a matched folder."""
    posix = PurePosixPath(path)
    candidates = [path, *(p.as_posix() for p in posix.parents if str(p) != ".")]
    return any(matches(c, pattern) for c in candidates for pattern in patterns)


@dataclass(frozen=True, slots=True)
class Target:
    """One thing to lint: a file (`path`), or standard input when `path` is None."""

    shown: str
    path: Path | None
    #: found by searching a folder, not named: skipped with a warning if it goes away
    walked: bool = False
    #: the other paths the same file was found at (through links), linted once
    also: list[Path] = field(default_factory=list, compare=False)

    @property
    def is_config(self) -> bool:
        """Whether the target is an import configuration."""
        return self.path is not None and is_config(self.path)


def expand(
    paths: Iterable[str],
    exclude: Sequence[str] = (),
    walk: Walk | None = None,
    root: Path | None = None,
) -> list[Target]:
    """The files to lint: files as given, folders searched for CSV files and configurations,
    `-` for standard input. Raises `MissingPath` for a path that does not exist. What a
    folder's search leaves out (links out of the project, FIFOs, files gone) is said in
    `walk.skipped`."""
    walk = walk if walk is not None else Walk()
    found: list[Target] = []
    seen: dict[Path, Target] = {}
    left_out: set[tuple[Path, str]] = set()
    for given in paths:
        if given == "-":
            found.append(Target("-", None))
            continue
        path = Path(given)
        if path.is_dir():
            for child in walk.files(path, _lintable):
                shown = display(child)
                key = _key(child)
                if excluded(from_root(child, root, shown), exclude):
                    if is_csv(child.name) and (key, given) not in left_out:
                        left_out.add((key, given))
                        walk.excluded[given] = walk.excluded.get(given, 0) + 1
                elif key in seen:
                    _also(seen[key], child)
                else:
                    seen[key] = Target(shown, child, walked=True)
                    found.append(seen[key])
        elif path.exists():
            key = _key(path)
            if key in seen:
                _also(seen[key], path)
            else:
                seen[key] = Target(display(path), path)
                found.append(seen[key])
        else:
            raise MissingPathError(f"{given}: no such file or directory")
    return found


def from_root(path: Path, root: Path | None, shown: str) -> str:
    """`path` relative to the project's `root` (which `exclude` globs are relative to, from
    whatever folder csvlint runs), or as shown when it lies outside."""
    if root is None:
        return shown
    for place in (os.path.abspath(path), os.path.realpath(path)):
        for base in (os.path.abspath(root), os.path.realpath(root)):
            try:
                return Path(place).relative_to(base).as_posix()
            except ValueError:
                continue
    return shown


def _also(target: Target, path: Path) -> None:
    """Remember another path a target's file was found at (a link's, or the target's)."""
    if target.path is not None and path != target.path and path not in target.also:
        target.also.append(path)


def _key(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def _lintable(name: str) -> bool:
    return is_csv(name) or is_config(name)
