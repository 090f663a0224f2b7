"""An exclusive lock on a file for the length of a read-check-write, so that two runs saving the
same configuration at once take turns: the second reads what the first wrote.

The lock is an advisory `flock` on the file itself, which leaves nothing behind. The first run
replaces the file by a rename, so a run that was waiting holds a lock on the old file: it checks
that the path still names the file it locked, and locks the new one when not. Systems without
`fcntl` (Windows), and file systems that refuse advisory locks, get no lock.
"""

from __future__ import annotations

import contextlib
import errno
import os
import time
from collections.abc import Iterator
from pathlib import Path

from csvlint.errors import LockTimeoutError

#: how long a run waits for another to finish saving the same file
WAIT_SECONDS = 60.0
#: what a file system without advisory locks answers
_NO_LOCKS = frozenset({errno.ENOLCK, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EINVAL})


@contextlib.contextmanager
def exclusive(path: Path, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold an exclusive lock on the file at `path` (which must exist) inside the block."""
    try:
        import fcntl  # noqa: F401 - whether the system has advisory locks
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    deadline = time.monotonic() + wait
    while True:
        handle = os.open(path, os.O_RDONLY)
        try:
            _acquire(handle, path, deadline)
            locked, now = os.fstat(handle), os.stat(path)
            if (locked.st_ino, locked.st_dev) == (now.st_ino, now.st_dev):
                yield
                return
        finally:
            os.close(handle)  # closing the descriptor releases the lock


def _acquire(handle: int, path: Path, deadline: float) -> None:
    import fcntl

    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except OSError as error:
            if error.errno in _NO_LOCKS:
                return  # a file system without locks (some network shares): save unlocked
            if not isinstance(error, BlockingIOError):
                raise
            if time.monotonic() > deadline:
                raise LockTimeoutError(f"{path}: another csvlint is still saving it") from None
            time.sleep(0.02)
