"""Temporary files of atomic writes: named so that a later run can tell them apart, removed when
the process is told to stop, and reclaimed when it was killed outright.

A temporary file is `.<target name>.csvlint-<pid>-<random>.tmp`, beside its target. It never
ends in `.csv`, `.tsv` or `.import.yaml`, so no lint ever takes it for a file to check.

- Leaving the write by an error, a refusal or Ctrl-C removes it (the `with` block's exit).
- SIGTERM and SIGHUP, which would end the process without running that exit, first remove every
  temporary file of the process, then take their course: the handler that was there before, or
  the default, which ends the process as the signal would have.
- SIGKILL cannot be caught. The next atomic write into the same folder removes the temporary
  files whose process is gone (`reclaim`); a temporary file of a process still running is left
  to it. (Windows has no safe way to ask whether a process runs: nothing is reclaimed there.)
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import Any

#: `.<name>.csvlint-<pid>-<random>.tmp`
_LEFTOVER = re.compile(r"^\..+\.csvlint-(\d+)-[A-Za-z0-9_]+\.tmp$")
_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))

_live: set[str] = set()
_lock = threading.Lock()
_previous: dict[int, Any] = {}


def create(target: Path, folder: Path) -> tuple[int, str]:
    """A new temporary file for `target` in `folder`, registered for removal on a signal:
    its descriptor and path. Leftovers of dead processes in `folder` are removed first."""
    reclaim(folder)
    with _lock, _held():
        _install()
        handle, path = tempfile.mkstemp(
            prefix=f".{target.name}.csvlint-{os.getpid()}-", suffix=".tmp", dir=folder
        )
        _live.add(path)
    return handle, path


@contextlib.contextmanager
def _held() -> Iterator[None]:
    """The signals held back while a temporary file is made and registered: one arriving
    between the two would find the file unregistered and leave it behind. A signal held
    back arrives when the block ends, and its handler then removes the file."""
    block = getattr(signal, "pthread_sigmask", None)
    if block is None or threading.current_thread() is not threading.main_thread():
        yield
        return
    before = block(signal.SIG_BLOCK, _SIGNALS)
    try:
        yield
    finally:
        block(signal.SIG_SETMASK, before)


def release(path: str) -> None:
    """`path` is renamed or removed: no signal needs to remove it any more."""
    with _lock:
        _live.discard(path)
        if not _live:
            _uninstall()


def reclaim(folder: Path) -> list[Path]:
    """Remove the temporary files in `folder` left by processes that no longer run; returns
    what was removed."""
    removed: list[Path] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        match = _LEFTOVER.match(name)
        if match is None or _running(int(match.group(1))):
            continue
        with contextlib.suppress(OSError):
            os.unlink(folder / name)
            removed.append(folder / name)
    return removed


def _running(pid: int) -> bool:
    # on Windows os.kill would end the process it asks about: never reclaim there
    if pid == os.getpid() or os.name == "nt":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, OverflowError):
        return True  # someone else's process, or no way to tell: leave its file alone
    return True


def _install() -> None:
    # signal handlers can only be set from the main thread; elsewhere the with block's exit
    # is the only cleanup
    if _previous or threading.current_thread() is not threading.main_thread():
        return
    for number in _SIGNALS:
        with contextlib.suppress(ValueError, OSError):
            previous = signal.signal(number, _on_signal)
            # None: a handler set outside Python, which cannot be put back; the default stands in
            _previous[number] = signal.SIG_DFL if previous is None else previous


def _uninstall() -> None:
    if threading.current_thread() is not threading.main_thread():
        return
    for number, handler in _previous.items():
        with contextlib.suppress(ValueError, OSError, TypeError):
            signal.signal(number, handler)
    _previous.clear()


def _on_signal(number: int, frame: FrameType | None) -> None:
    for path in list(_live):
        with contextlib.suppress(OSError):
            os.unlink(path)
    _live.clear()
    previous = _previous.get(number, signal.SIG_DFL)
    _uninstall()
    if callable(previous):
        previous(number, frame)
    elif previous != signal.SIG_IGN:
        # the default action: end the process as the signal would have
        signal.signal(number, signal.SIG_DFL)
        os.kill(os.getpid(), number)
