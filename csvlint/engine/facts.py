"""What the reader learnt about a file, as the rules see it."""

from __future__ import annotations

from dataclasses import dataclass, field

from csvlint.dialect import Dialect
from csvlint.reader.decode import Undecodable
from csvlint.reader.detect import Detected
from csvlint.reader.sniff import BinaryFormat


@dataclass(frozen=True, slots=True)
class Header:
    """The header record: its names, physical line and record index (1 after a title row)."""

    names: tuple[str, ...]
    line: int
    record: int

    @property
    def width(self) -> int:
        """How many columns the header has."""
        return len(self.names)

    def name(self, column: int) -> str | None:
        """The name of 1-based `column`, or None past the header's end."""
        return self.names[column - 1] if 0 < column <= len(self.names) else None


@dataclass(slots=True)
class FileFacts:
    """Everything about a file that is not a single record, known once the file is read."""

    size: int = 0
    empty: bool = False
    binary: BinaryFormat | None = None
    #: the line of a NUL byte found past the file's first block, if any
    nul_line: int | None = None
    #: the encoding a byte-order mark announced, and whether a UTF-8 BOM was there
    bom_encoding: str | None = None
    utf8_bom: bool = False
    encoding: str = "utf-8"
    undecodable: Undecodable | None = None
    fitting_encoding: str | None = None
    detected: Detected = field(default_factory=lambda: Detected(None, None))
    dialect: Dialect = field(default_factory=Dialect)
    endings: dict[str, int] = field(default_factory=dict)
    first_ending_line: dict[str, int] = field(default_factory=dict)
    records: int = 0
    #: data records with no content (CSV110): they load nothing
    blank_rows: int = 0
    header: Header | None = None
    title: tuple[str, ...] | None = None

    @property
    def readable(self) -> bool:
        """False when the file is empty or binary: then nothing else is said about it."""
        return not self.empty and self.binary is None

    @property
    def data_rows(self) -> int:
        """Records after the header."""
        if self.header is None:
            return 0
        return max(0, self.records - self.header.record - 1)

    @property
    def loaded_rows(self) -> int:
        """Data records that hold something: what an import would load."""
        return max(0, self.data_rows - self.blank_rows)
