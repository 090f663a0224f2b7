"""The `csvlint` process: the installed command and `python -m csvlint` run `run`, which runs
the command line (`csvlint.cli.main`) the way a short-lived process is best run.

- The cyclic garbage collector runs rarely. Starting up creates tens of thousands of objects
  that live as long as the process (modules, classes, functions), and collecting them again
  and again took about a tenth of a small lint; memory is still freed by reference counting
  as soon as a value is no longer used, and cycles are still collected, later.
- The process ends as soon as what it printed is out, without tearing the interpreter down:
  everything csvlint writes to a file is closed by then (atomic writes end inside their `with`)
  and no thread outlives a command, so the teardown would only free every module and object
  one by one, which takes longer than a small lint itself.

Library callers and tests call `csvlint.cli.main`, which ends with `SystemExit` as usual.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys

#: allocations between two collections of the youngest generation (Python's default is 700)
YOUNG_COLLECTION_EVERY = 100_000


def run() -> None:
    """Run the command line, then end the process with its exit status."""
    gc.set_threshold(YOUNG_COLLECTION_EVERY, *gc.get_threshold()[1:])
    from csvlint.cli import main

    try:
        main()
        code = 0
    except SystemExit as stop:
        code = exit_status(stop.code)
    for stream in (sys.stdout, sys.stderr):
        if stream is None:
            continue  # the descriptor was closed when the process started (`>&-`)
        try:
            stream.flush()
        except (OSError, ValueError):
            # a reader that went away (`| head`), or a stream already closed: what could not
            # be said is lost, as on any exit, and the status says the output is incomplete
            code = code or 1
    os._exit(code)


def exit_status(code: object) -> int:
    """The status `sys.exit(code)` gives a process: 0 for None, the number, or 1 after
    printing any other value to stderr."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    # with nowhere left to say it, the status still says it failed
    with contextlib.suppress(OSError, ValueError):
        print(code, file=sys.stderr)
    return 1
