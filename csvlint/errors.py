"""The errors the library raises: one base, `CsvlintError`, that a caller can catch as a whole."""

from __future__ import annotations


class CsvlintError(Exception):
    """The base of every error csvlint raises on purpose (bad input, missing file, bad setting)."""
