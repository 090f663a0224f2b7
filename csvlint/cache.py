"""csvlint's cache: results that depend only on what their key names, kept between runs.

A connector lints every extract against the same configuration, and a pre-commit hook runs on
every commit, so reading and validating an unchanged configuration again would cost more than
the rest of a small lint. Each entry is a file named by a SHA-256 of csvlint's version, Python's
version and the entry's own key parts (the text read, the schema it was checked against, the
parser's identity). Only clean results are kept: a problem is always found afresh.

The folder is `$CSVLINT_CACHE_DIR`, else `$XDG_CACHE_HOME/csvlint`, else `~/.cache/csvlint`.
`CSVLINT_CACHE_DIR=""` (empty) turns the cache off. A folder that cannot be read or written is no
error: the work is done every time.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path

from csvlint import __version__


def cache_folder() -> Path | None:
    """Where entries are kept, or None when the cache is off."""
    chosen = os.environ.get("CSVLINT_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base, "csvlint")


def entry(kind: str, *parts: str) -> Path | None:
    """The file of the entry of `kind` for these key parts (None when the cache is off)."""
    folder = cache_folder()
    if folder is None:
        return None
    digest = hashlib.sha256()
    for part in (__version__, sys.version, *parts):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\x00")
    return folder / kind / digest.hexdigest()


def read(kind: str, *parts: str) -> bytes | None:
    """The entry's content, or None when there is none (or it cannot be read)."""
    try:
        found = entry(kind, *parts)
        return None if found is None else found.read_bytes()
    except OSError:
        return None


def write(kind: str, content: bytes, *parts: str) -> None:
    """Keep an entry, written whole or not at all; silent when it cannot be."""
    try:
        target = entry(kind, *parts)
        if target is None:
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        from csvlint.atomic import write_atomic

        write_atomic(target, content)
    except OSError:
        return
