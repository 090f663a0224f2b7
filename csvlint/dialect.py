"""The file settings a CSV was read with: encoding, BOM, delimiter and quote."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Dialect:
    """How a CSV file is written. `encoding` is a Python codec name without the BOM suffix."""

    encoding: str = "utf-8"
    bom: bool = False
    delimiter: str = ","
    quote: str = '"'

    def to_dict(self) -> dict[str, Any]:
        """The dialect as the JSON report writes it."""
        return {
            "encoding": self.encoding,
            "bom": self.bom,
            "delimiter": self.delimiter,
            "quote": self.quote,
        }
