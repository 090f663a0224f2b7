"""SHA-256 digests, without loading OpenSSL at start when Python has its own SHA-256.

`hashlib` loads OpenSSL's library as it is imported, which costs several milliseconds; a
pre-commit hook that reads its cache on every commit pays them each time. Python's built-in
SHA-256 (`_sha2`, `_sha256` before Python 3.12) gives the same digests; `hashlib` is the
fallback where it is missing.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Protocol, cast

if TYPE_CHECKING:
    from collections.abc import Callable


class Hash(Protocol):
    """What a SHA-256 object offers here."""

    def update(self, data: bytes, /) -> None:
        """Add bytes to what is hashed."""

    def hexdigest(self) -> str:
        """The digest of the bytes added so far, in hexadecimal."""


def _constructor() -> Callable[[bytes], Hash]:
    for name in ("_sha2", "_sha256"):
        try:
            return cast("Callable[[bytes], Hash]", import_module(name).sha256)
        except (ImportError, AttributeError):
            continue
    import hashlib

    return hashlib.sha256


_new = _constructor()


def sha256(data: bytes = b"") -> Hash:
    """A SHA-256 object, with `data` hashed."""
    return _new(data)
