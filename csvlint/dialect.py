"""The file settings a CSV was read with: encoding, BOM, delimiter and quote."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from typing import Any


def declared_encoding(name: str) -> tuple[str, bool]:
    """An encoding as a configuration writes it, as the codec a file is read with and whether
    it means a UTF-8 byte-order mark: any spelling of UTF-8 (`utf_8`, `u8`, `UTF8`) is
    `utf-8`, any of UTF-8 with a BOM (`utf_8_sig`) is `utf-8` with one; other names stay as
    written."""
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return name, False
    if codec in ("utf-8", "utf-8-sig"):
        return "utf-8", codec == "utf-8-sig"
    return name, False


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
