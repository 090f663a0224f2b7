"""Writes that never leave a half-written file: a temporary file beside the target, then a
rename over it."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes, *, overwrite: bool = True) -> None:
    """Write `data` to `path` atomically, keeping an existing file's permission bits.

    The original is untouched on any failure. Raises FileExistsError when `path` exists and
    `overwrite` is false.
    """
    if not overwrite and path.exists():
        raise FileExistsError(f"{path} exists")
    folder = path.parent if str(path.parent) else Path(".")
    mode = None
    with contextlib.suppress(OSError):
        mode = path.stat().st_mode & 0o7777
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            os.chmod(temporary, mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
