"""Writes that never leave a half-written file: the bytes go to a temporary file beside the
target, which is flushed to disk and renamed over it in one step."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from types import TracebackType
from typing import BinaryIO


class OutputExists(FileExistsError):
    """The output file exists and overwriting was not asked for."""


class AtomicOutput:
    """A file written piece by piece that appears at `path` whole, or not at all.

    The pieces go to a temporary file in the same folder; `commit` flushes it to disk and
    renames it over `path`, keeping an existing file's permission bits. Leaving the `with`
    block without a commit (an error, a refusal) removes the temporary file.
    """

    def __init__(self, path: Path, *, overwrite: bool = True, mode: int | None = None) -> None:
        self.path = path
        self.overwrite = overwrite
        self.mode = mode
        self._temporary: str | None = None
        self._stream: BinaryIO | None = None

    def __enter__(self) -> AtomicOutput:
        if not self.overwrite and self.path.exists():
            raise OutputExists(f"{self.path} exists")
        import tempfile  # on first write: most runs write nothing

        handle, self._temporary = tempfile.mkstemp(
            prefix=f".{self.path.name}.", suffix=".tmp", dir=_folder(self.path)
        )
        self._stream = os.fdopen(handle, "wb")
        return self

    def write(self, data: bytes) -> None:
        """Append `data` to the temporary file."""
        if self._stream is None:
            raise ValueError("write outside the with block")
        self._stream.write(data)

    def commit(self) -> None:
        """Put the written bytes at `path` in one rename."""
        if self._stream is None or self._temporary is None:
            raise ValueError("commit outside the with block")
        try:
            self._stream.flush()
            os.fsync(self._stream.fileno())
            self._stream.close()
            os.chmod(self._temporary, _mode_for(self.path) if self.mode is None else self.mode)
            # checked again: the file may have appeared while this one was being written
            if not self.overwrite and self.path.exists():
                raise OutputExists(f"{self.path} exists")
            os.replace(self._temporary, self.path)
        except BaseException:
            self.discard()
            raise
        self._temporary = None
        _sync_folder(_folder(self.path))

    def discard(self) -> None:
        """Drop the temporary file; `path` stays as it was."""
        if self._stream is not None:
            self._stream.close()
        if self._temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(self._temporary)
            self._temporary = None

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.discard()


def write_atomic(
    path: Path, data: bytes, *, overwrite: bool = True, mode: int | None = None
) -> None:
    """Write `data` to `path` atomically, keeping an existing file's permission bits (or
    giving it `mode`).

    The original is untouched on any failure. Raises `OutputExists` (a FileExistsError) when
    `path` exists and `overwrite` is false.
    """
    with AtomicOutput(path, overwrite=overwrite, mode=mode) as out:
        out.write(data)
        out.commit()


def _folder(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def _mode_for(path: Path) -> int:
    """An existing file's permission bits, else what a new file gets under the umask."""
    with contextlib.suppress(OSError):
        return path.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    # the rename is durable only once the folder is on disk too; not every system allows it
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
