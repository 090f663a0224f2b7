"""csvlint's cache: results that depend only on what their key names, kept between runs.

A connector lints every extract against the same configuration, and a pre-commit hook runs on
every commit, so reading and validating an unchanged configuration again would cost more than
the rest of a small lint. Each entry is a file named by a SHA-256 of csvlint's version, Python's
version and the entry's own key parts (the text read, the schema it was checked against, the
parser's identity). Only clean results are kept: a problem is always found afresh.

The folder is `$CSVLINT_CACHE_DIR`, else `$XDG_CACHE_HOME/csvlint`, else `~/.cache/csvlint`.
`CSVLINT_CACHE_DIR=""` (empty) turns the cache off. A folder that cannot be read or written is no
error: the work is done every time.

An entry is never taken on trust. Its file starts with a header that names csvlint's version,
the entry's kind, the SHA-256 of its full key and the SHA-256 of its content; an entry whose
header does not match what is looked up (an empty file, a file copied from another key, a
truncated or edited one) is ignored and removed, and the work is done again. The folder, the
kind's folder and the entry must belong to the user running csvlint and be writable by nobody
else (on systems with owners): a cache another account could write is not read at all. Entries
are written readable by their owner only.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from csvlint import __version__
from csvlint.digest import sha256


def cache_folder() -> Path | None:
    """Where entries are kept, or None when the cache is off."""
    chosen = os.environ.get("CSVLINT_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base, "csvlint")


#: the first line of every entry; the format of what follows it
_MAGIC = b"csvlint-cache 1\n"


def _key_digest(parts: tuple[str, ...]) -> str:
    digest = sha256()
    for part in (__version__, sys.version, *parts):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\x00")
    return digest.hexdigest()


def entry(kind: str, *parts: str) -> Path | None:
    """The file of the entry of `kind` for these key parts (None when the cache is off)."""
    folder = cache_folder()
    if folder is None:
        return None
    return folder / kind / _key_digest(parts)


def _header(kind: str, key: str, content: bytes) -> bytes:
    """What an entry's file holds before its content: whose entry it is, and a hash of it."""
    payload = sha256(content).hexdigest()
    return _MAGIC + f"{__version__}\n{kind}\n{key}\n{payload}\n".encode("ascii")


def read(kind: str, *parts: str) -> bytes | None:
    """The entry's content, or None when there is none, it cannot be read, or it fails its
    check (then it is removed)."""
    try:
        found = entry(kind, *parts)
        if found is None or not _trusted(found):
            return None
        stored = found.read_bytes()
    except OSError:
        return None
    key = found.name
    header_size = len(_header(kind, key, b""))
    content = stored[header_size:]
    if stored[:header_size] != _header(kind, key, content):
        _drop(found)
        return None
    return content


def write(kind: str, content: bytes, *parts: str) -> None:
    """Keep an entry, written whole or not at all; silent when it cannot be."""
    try:
        target = entry(kind, *parts)
        if target is None:
            return
        # made private, each folder itself: `parents=True` would give the parents the umask's mode
        target.parent.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        target.parent.mkdir(mode=0o700, exist_ok=True)
        if not _trusted(target.parent):
            return
        from csvlint.atomic import write_atomic

        write_atomic(target, _header(kind, target.name, content) + content, mode=0o600)
    except OSError:
        return


def _trusted(path: Path) -> bool:
    """Whether `path` and the folders of the cache above it belong to this user alone."""
    getuid = getattr(os, "getuid", None)
    if getuid is None:  # no owners to check on this system
        return True
    folder = cache_folder()
    chain = [path, *(p for p in path.parents if folder is not None and p.is_relative_to(folder))]
    uid = getuid()
    for item in chain:
        if not item.exists() and item == path:
            continue
        status = item.stat()
        # sticky shared folders (/tmp) are not cache folders: a cache there is not trusted
        if status.st_uid != uid or status.st_mode & 0o022:
            return False
    return True


def _drop(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        return
