"""What the grammar finds in text: records as segments, and the anomalies it reports."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from enum import Enum


class Anomaly(Enum):
    """What the grammar can find wrong in a record."""

    UNCLOSED_QUOTE = "unclosed-quote"
    STRAY_QUOTE = "stray-quote"
    TEXT_AFTER_QUOTE = "text-after-quote"
    SPACE_BEFORE_QUOTE = "space-before-quote"
    SPACE_AFTER_QUOTE = "space-after-quote"
    FIELD_TOO_LARGE = "field-too-large"
    #: a record too long to hold: its values are kept only in part (`column`: the first cut)
    RECORD_TOO_LARGE = "record-too-large"


@dataclass(frozen=True, slots=True)
class Irregularity:
    """One anomaly at one place: physical line, 0-based record index, 1-based field."""

    kind: Anomaly
    line: int
    record: int
    column: int
    #: a field's size; for a quote that closes lines later before text, the line it closes on
    size: int = 0


@dataclass(frozen=True, slots=True)
class Segment:
    """Records `first_record ..` (`count` of them) starting on `first_line`, each `width` fields.

    A segment of more than one record has one record a line; a record that spans lines (a
    quoted line break) or breaks the grammar is a segment of its own.
    """

    first_record: int
    first_line: int
    count: int
    width: int


@dataclass(slots=True)
class Chunk:
    """Consecutive records, as segments; `rows` holds their fields when they were asked for."""

    first_record: int
    count: int = 0
    rows: list[list[str]] | None = None
    #: the fields of every record the exact path read, kept even when `rows` is not
    exceptional: list[tuple[int, list[str]]] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    irregularities: list[Irregularity] = field(default_factory=list)
    #: how many records each line ending (CRLF, LF, CR) ended, and the first line it ended
    endings: dict[str, int] = field(default_factory=dict)
    first_ending_line: dict[str, int] = field(default_factory=dict)
    #: what rules derive from the chunk once and share (its columns, say)
    derived: dict[str, object] = field(default_factory=dict)

    def line_of(self, record: int) -> int:
        """The physical line record number `record` (of this chunk) starts on."""
        segments = self.segments
        index = bisect_right(segments, record, key=lambda s: s.first_record) - 1
        segment = segments[index]
        return segment.first_line + (record - segment.first_record)

    def lines(self, first: int, count: int) -> list[int]:
        """The start lines of records `first .. first + count - 1`, built per segment."""
        out: list[int] = []
        for segment in self.segments:
            start = max(first, segment.first_record)
            stop = min(first + count, segment.first_record + segment.count)
            if start < stop:
                base = segment.first_line - segment.first_record
                out.extend(range(start + base, stop + base))
        return out

    def _count_ending(self, ending: str, times: int, line: int) -> None:
        if ending not in self.endings:
            self.endings[ending] = 0
            self.first_ending_line[ending] = line
        self.endings[ending] += times
