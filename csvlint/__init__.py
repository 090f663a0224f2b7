"""csvlint: lint CSV extracts and the Pigment import configurations that receive them."""

from __future__ import annotations

__version__ = "0.1.0"
