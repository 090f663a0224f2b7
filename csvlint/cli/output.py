"""Where a report goes: standard output or a file written atomically; colour and progress."""

from __future__ import annotations

import io
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from csvlint.atomic import write_atomic
from csvlint.cli.errors import Fatal
from csvlint.report import Report
from csvlint.reporters import reporter

#: files smaller than this are read too fast for a progress bar to help
PROGRESS_MIN_BYTES = 16 << 20


def wants_color(stream: TextIO) -> bool:
    """Colour only on a terminal, never with NO_COLOR set (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


def interactive(stream: TextIO) -> bool:
    """A person is watching `stream`: a terminal, and not a CI job."""
    return hasattr(stream, "isatty") and stream.isatty() and not os.environ.get("CI")


def emit(report: Report, fmt: str, output: Path | None) -> None:
    """Render the report to standard output, or atomically to `output`."""
    render = reporter(fmt)
    if output is None:
        if hasattr(sys.stdout, "reconfigure"):
            # a console that cannot show a character gets an escape, not a crash
            sys.stdout.reconfigure(errors="backslashreplace")
        render(report, sys.stdout, wants_color(sys.stdout))
        sys.stdout.flush()
        return
    from csvlint.containment import write_target

    buffer = io.StringIO()
    render(report, buffer, False)
    try:
        # a lone surrogate (a file name that is not UTF-8) is escaped, as on standard output
        write_atomic(write_target(output), buffer.getvalue().encode("utf-8", "backslashreplace"))
    except OSError as exc:
        raise Fatal(f"cannot write {output}: {exc.strerror or exc}") from None


class ProgressBar:
    """A one-line progress bar on standard error, redrawn at most ten times a second."""

    def __init__(self, name: str, total: int, stream: TextIO) -> None:
        from csvlint.reporters.printable import printable

        # a file name found by a walk may hold escapes: never let them reach the terminal
        self.name, self.total, self.stream = printable(name), total, stream
        self._last = 0.0

    def __call__(self, done: int) -> None:
        now = time.monotonic()
        if now - self._last < 0.1 and done < self.total:
            return
        self._last = now
        share = min(1.0, done / self.total) if self.total else 1.0
        filled = int(share * 30)
        bar = "#" * filled + "-" * (30 - filled)
        self.stream.write(
            f"\r{self.name[-40:]} [{bar}] {share:4.0%} {done >> 20}/{self.total >> 20} MiB"
        )
        if done >= self.total:
            self.stream.write("\r" + " " * (len(self.name[-40:]) + 60) + "\r")
        self.stream.flush()


def progress_factory(quiet: bool) -> Callable[[str, int], Callable[[int], None] | None] | None:
    """Progress bars for big files when a person watches standard error, else None."""
    if quiet or not interactive(sys.stderr):
        return None

    def make(name: str, size: int) -> Callable[[int], None] | None:
        return ProgressBar(name, size, sys.stderr) if size >= PROGRESS_MIN_BYTES else None

    return make
