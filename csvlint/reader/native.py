"""The native scanner (`_scan`, a C extension built at install when a compiler is at hand) and
the key store both paths share.

The scanner only vouches for clean records; the exact path in `grammar.py` reads every record
it declines, and reports. Without the extension every record takes the exact path: the same
findings, more slowly.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import ModuleType
from typing import Protocol

_native: ModuleType | None
try:
    from csvlint.reader import _scan as _built

    _native = _built
except ImportError:  # built without a C compiler
    _native = None


def scanner_module() -> ModuleType | None:
    """The native module, or None when csvlint was installed without it."""
    return _native


class KeyStore(Protocol):
    """The keys of a unique column, each with the line it first appeared on. An empty key is
    never kept (it is no key: VAL305 reports it)."""

    def get(self, key: str, /) -> int | None:
        """The line `key` first appeared on, or None."""

    def add(self, key: str, line: int, /) -> int | None:
        """Remember `key` on `line`; returns None, or the earlier line when it was there."""

    def add_all_new(self, keys: Sequence[str], lines: Sequence[int], /) -> bool:
        """Add the distinct `keys` (empty ones skipped) when none is known yet: True then;
        False, adding nothing, else."""


class FirstLines(dict[str, int]):
    """The key store without the native module."""

    def add(self, key: str, line: int, /) -> int | None:
        """Remember `key` on `line`; returns None, or the earlier line when it was there."""
        first = self.get(key)
        if first is None and key:
            self[key] = line
        return first

    def add_all_new(self, keys: Sequence[str], lines: Sequence[int], /) -> bool:
        """Add the distinct `keys` (empty ones skipped) when none is known yet."""
        if any(map(self.__contains__, keys)):
            return False
        self.update((key, line) for key, line in zip(keys, lines, strict=True) if key)
        return True


def key_store() -> KeyStore:
    """A new, empty key store: native (compact) when the module is there."""
    if _native is not None:
        store: KeyStore = _native.KeySet()
        return store
    return FirstLines()
