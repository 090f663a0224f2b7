"""Shared by the rules that put the grammar's anomalies into words."""

from __future__ import annotations

from collections.abc import Iterator

from csvlint.reader.grammar import Anomaly, Chunk, Irregularity


def irregularities(chunk: Chunk, *kinds: Anomaly) -> Iterator[Irregularity]:
    """The chunk's irregularities of the given kinds, in file order."""
    return (found for found in chunk.irregularities if found.kind in kinds)
