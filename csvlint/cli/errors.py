"""The one error the commands raise: the tool could not do its job (exit 2)."""

from __future__ import annotations


class Fatal(Exception):
    """Bad settings, a missing path, an unwritable output: a one-line message and exit 2."""
