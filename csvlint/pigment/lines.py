"""Rows Pigment skipped, tied back to the lines of the pushed file.

Pigment's detailed report gives, per reason and source column, a count and a few `samples` of
the values it skipped. One streaming pass over the file, read with the configuration's dialect,
finds the lines whose column holds one of those samples: the rows to fix.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from csvlint.config.model import ImportConfig
from csvlint.pigment.api import DetailedReport

#: lines listed per skipped entry; all are counted
MAX_LINES = 100


@dataclass(frozen=True, slots=True)
class SkippedLines:
    """One skipped-data entry of the report, with the lines of the file it points at.

    `lines` are the first `MAX_LINES` physical lines (1-based, as an editor counts) whose
    `column` holds one of `samples`; `matched` counts them all. `located` is false when the
    entry names no column, or a column the file does not have.
    """

    block_id: str
    scenario_id: str | None
    reason: str
    column: str | None
    count: int
    samples: tuple[str, ...]
    lines: tuple[int, ...]
    matched: int
    located: bool


def locate_skipped(
    report: DetailedReport, path: Path | None, config: ImportConfig | None
) -> list[SkippedLines]:
    """Every skipped-data entry of `report`, with its lines in the file at `path` (read with
    `config`'s encoding, delimiter and quote; UTF-8 and `,` without one). Without a file,
    entries come without lines."""
    entries = [(b, s) for b in report.blocks for s in b.skipped]
    wanted: dict[int, tuple[str, set[str]]] = {
        i: (s.source_column, set(s.samples))
        for i, (_, s) in enumerate(entries)
        if s.source_column is not None and s.samples
    }
    found: dict[int, list[int]] = {i: [] for i in wanted}
    counted: dict[int, int] = dict.fromkeys(wanted, 0)
    header: Sequence[str] = ()
    if path is not None and wanted:
        header = _scan(path, config, wanted, found, counted)
    return [
        SkippedLines(
            block.block_id,
            block.scenario_id,
            skipped.reason,
            skipped.source_column,
            skipped.count,
            skipped.samples,
            tuple(found.get(i, ())),
            counted.get(i, 0),
            i in wanted and skipped.source_column in header,
        )
        for i, (block, skipped) in enumerate(entries)
    ]


def _scan(
    path: Path,
    config: ImportConfig | None,
    wanted: dict[int, tuple[str, set[str]]],
    found: dict[int, list[int]],
    counted: dict[int, int],
) -> Sequence[str]:
    encoding = config.file.encoding if config else "utf-8"
    if encoding.replace("_", "-").lower() in ("utf-8", "utf8"):
        encoding = "utf-8-sig"  # a BOM is no part of the first header
    delimiter = config.file.delimiter if config else ","
    quote = config.file.quote if config else '"'
    with path.open("rb") as raw:
        text = io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")
        reader = csv.reader(text, delimiter=delimiter, quotechar=quote)
        header = next(reader, [])
        columns = {i: header.index(name) for i, (name, _) in wanted.items() if name in header}
        start = reader.line_num + 1
        try:
            for row in reader:
                for i, index in columns.items():
                    if index < len(row) and row[index] in wanted[i][1]:
                        counted[i] += 1
                        if len(found[i]) < MAX_LINES:
                            found[i].append(start)
                start = reader.line_num + 1
        except csv.Error:
            pass  # a record the reader cannot take (the lint said so): the lines so far stand
    return header
