"""Writes that never leave a half-written file: the bytes go to a temporary file beside the
target, which is flushed to disk and renamed over it in one step.

The temporary file is removed on any failure, on SIGTERM and SIGHUP, and, after a SIGKILL, by the
next write into its folder (`csvlint.leftovers`). A read-only file is never replaced, and an error
names the file being written, whatever step failed."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import BinaryIO


class OutputExists(FileExistsError):
    """The output file exists and overwriting was not asked for."""


class ReadOnlyFile(PermissionError):
    """The file to replace is read-only: its owner asked that it not be changed."""


class NotRegularFile(OSError):
    """The path to replace is a FIFO, a device or a socket: a rename would put a regular
    file in its place (as the superuser, `/dev/null` itself)."""


@contextlib.contextmanager
def _naming(path: Path) -> Iterator[None]:
    """Errors raised inside name the file written, not a temporary file (or none at all)."""
    try:
        yield
    except OSError as error:
        if error.errno is not None:  # a bare message has no file to name
            error.filename = str(path)
            error.filename2 = None
        raise


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
        _refuse_read_only(self.path)
        from csvlint import leftovers  # on first write: most runs write nothing

        with _naming(self.path):
            handle, self._temporary = leftovers.create(self.path, _folder(self.path))
        self._stream = os.fdopen(handle, "wb")
        return self

    def write(self, data: bytes) -> None:
        """Append `data` to the temporary file."""
        if self._stream is None:
            raise ValueError("write outside the with block")
        with _naming(self.path):
            self._stream.write(data)

    def commit(self) -> None:
        """Put the written bytes at `path` in one rename."""
        if self._stream is None or self._temporary is None:
            raise ValueError("commit outside the with block")
        try:
            with _naming(self.path):
                self._stream.flush()
                os.fsync(self._stream.fileno())
                self._stream.close()
                mode = _mode_for(self.path) if self.mode is None else self.mode
                os.chmod(self._temporary, mode)
                # checked again: the file may have appeared while this one was being written
                if not self.overwrite and self.path.exists():
                    raise OutputExists(f"{self.path} exists")
                os.replace(self._temporary, self.path)
        except BaseException:
            self.discard()
            raise
        self._released()
        _sync_folder(_folder(self.path))

    def discard(self) -> None:
        """Drop the temporary file; `path` stays as it was."""
        if self._stream is not None:
            with contextlib.suppress(OSError):  # a full disk fails the close's flush too
                self._stream.close()
        if self._temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(self._temporary)
            self._released()

    def _released(self) -> None:
        from csvlint import leftovers

        if self._temporary is not None:
            leftovers.release(self._temporary)
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


def _refuse_read_only(path: Path) -> None:
    """Raise `ReadOnlyFile` when `path` is a file that may not be written: no write permission
    bit (which a superuser could override) or no access for this user; `NotRegularFile` when
    it is no regular file at all."""
    try:
        status = path.stat()
    except OSError:
        return
    if not stat.S_ISREG(status.st_mode) and not stat.S_ISDIR(status.st_mode):
        raise NotRegularFile(
            errno.EINVAL, "not a regular file: csvlint replaces only files", str(path)
        )
    if status.st_mode & 0o222 == 0 or not os.access(path, os.W_OK):
        raise ReadOnlyFile(errno.EACCES, "the file is read-only: make it writable first", str(path))


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
