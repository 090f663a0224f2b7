"""What a rule knows about the file it is judging."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from csvlint.dialect import Dialect, declared_encoding
from csvlint.engine.facts import Header

if TYPE_CHECKING:
    from csvlint.config.model import ImportConfig


@dataclass(slots=True)
class FileContext:
    """The file being linted, its configuration (if any) and the limits in force.

    `sample` is true when the file is a configuration's own sample: then its errors block
    Copy ID. `header` is set by the engine once the header record is known.
    """

    path: str
    config: ImportConfig | None = None
    config_path: str | None = None
    sample: bool = False
    field_size_limit: int = 1 << 20
    #: findings listed per rule and column (0: all); past it, messages need not be written
    listed: int = 0
    header: Header | None = None
    #: what rules derive from the file once and share (the value plan, say)
    derived: dict[str, object] = field(default_factory=dict)

    @property
    def declared(self) -> Dialect | None:
        """The dialect the configuration declares, or None without one."""
        if self.config is None:
            return None
        settings = self.config.file
        encoding, bom = declared_encoding(settings.encoding)
        return Dialect(
            encoding=encoding,
            bom=bom,
            delimiter=settings.delimiter,
            quote=settings.quote,
        )
