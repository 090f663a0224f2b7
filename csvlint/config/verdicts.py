"""Configurations found valid, remembered between runs.

A connector lints every extract against the same configuration, and a pre-commit hook runs on
every commit; validating that unchanged configuration against the schema again costs more than
the rest of a small lint (jsonschema alone takes about 70 ms to import). So when data is found
valid, an empty file named by a hash of what decided the verdict is left in the cache folder:
csvlint's version, the schema's text, Python's version (the `text-encoding` format asks Python's
codecs) and the data itself. Only valid data is remembered: a problem is always found afresh,
with its message and line.

The folder is `$CSVLINT_CACHE_DIR`, else `$XDG_CACHE_HOME/csvlint`, else `~/.cache/csvlint`.
`CSVLINT_CACHE_DIR=""` (empty) turns the cache off. A folder that cannot be written is no error:
the data is validated every time.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

from csvlint import __version__
from csvlint.bundled import schema_text


def cache_folder() -> Path | None:
    """Where verdicts are kept, or None when the cache is off."""
    chosen = os.environ.get("CSVLINT_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base, "csvlint")


def _entry(schema: str, data: Any) -> Path | None:
    folder = cache_folder()
    if folder is None:
        return None
    digest = hashlib.sha256()
    for part in (__version__, sys.version, schema, schema_text(schema)):
        digest.update(part.encode("utf-8") + b"\x00")
    digest.update(json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return folder / "valid" / digest.hexdigest()


def known_valid(schema: str, data: Any) -> bool:
    """Whether `data` was found valid against the bundled schema `schema` before."""
    try:
        entry = _entry(schema, data)
        return entry is not None and entry.is_file()
    except (OSError, ValueError, TypeError):
        return False


def remember_valid(schema: str, data: Any) -> None:
    """Note that `data` is valid against the bundled schema `schema`; silent when it cannot."""
    try:
        entry = _entry(schema, data)
        if entry is None:
            return
        entry.parent.mkdir(parents=True, exist_ok=True)
        # an empty file written whole or not at all: concurrent runs may race, harmlessly
        from csvlint.atomic import write_atomic

        write_atomic(entry, b"")
    except (OSError, ValueError, TypeError):
        return
