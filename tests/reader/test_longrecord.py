"""A record too long to hold is read in pieces by the same grammar: the same records, fields,
anomalies and lines as when it is read whole, and the file is read on after it."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from csvlint.cli import cli
from csvlint.engine.context import FileContext
from csvlint.engine.run import LintOptions, Run
from csvlint.engine.sources import blocks_from_bytes
from csvlint.reader.grammar import Tokenizer

TEXT = st.lists(
    st.sampled_from(['"', ",", "\n", "\r", "\r\n", "a", "b", " ", '""', "xyz", "\t", ";"]),
    max_size=40,
).map("".join)


def read(text: str, cuts: list[int], limit: int, cap: int | None, fast: bool) -> tuple[object, ...]:
    """Records, anomalies, line endings and counts of `text` fed in pieces cut at `cuts`."""
    tokenizer = Tokenizer(",", '"', field_size_limit=limit, fast=fast)
    if cap is not None:
        tokenizer.pending_cap, tokenizer.record_budget = cap, 1 << 30
    rows: list[list[str]] = []
    found, endings = [], {}
    bounds = [0, *sorted(set(cuts)), len(text)]
    pieces = [text[a:b] for a, b in pairwise(bounds)]
    for index, piece in enumerate([*pieces, ""]):
        chunk = tokenizer.feed(piece, final=index == len(pieces))
        rows += chunk.rows or []
        found += [(f.kind.value, f.line, f.record, f.column, f.size) for f in chunk.irregularities]
        for ending, count in chunk.endings.items():
            endings[ending] = endings.get(ending, 0) + count
    return rows, sorted(found), endings, tokenizer.line, tokenizer.records


@settings(max_examples=400, deadline=None)
@given(
    TEXT,
    st.lists(st.integers(0, 40), max_size=6),
    st.sampled_from([3, 1 << 20]),
    st.integers(0, 8),
    st.booleans(),
)
def test_pieces_read_as_the_whole(
    text: str, cuts: list[int], limit: int, cap: int, fast: bool
) -> None:
    cuts = [cut for cut in cuts if cut <= len(text)]
    assert read(text, cuts, limit, cap, fast) == read(text, [], limit, None, True)


def lint(data: bytes, native: bool) -> list[tuple[str, int | None, int | None]]:
    run = Run(LintOptions(native=native))
    run.lint_csv(FileContext("f.csv"), blocks_from_bytes(data))
    return [(f.code, f.line, f.column) for f in run.report().findings]


@pytest.mark.parametrize("native", [False, True])
def test_a_record_of_18_mb_is_reported_and_the_file_read_on(native: bool) -> None:
    fields = b",".join([b"x" * 1_000_000] * 18)  # each field under the 1 MiB limit
    data = b"a,b,c\n1,2,3\n" + fields + b"\n4,5\n\n6,7,8\n"
    assert lint(data, native) == [
        ("CSV109", 3, None),
        ("CSV119", 3, 17),
        ("CSV109", 4, None),
        ("CSV110", 5, None),
    ]


@pytest.mark.parametrize("native", [False, True])
def test_a_long_quoted_field_that_closes_is_no_unclosed_quote(native: bool) -> None:
    data = b'a,b\n1,"' + b"y\n" * 10_000_000 + b'"\n2,3,4\n'
    # the field spans 10 million line breaks: the next record starts on its own line
    assert lint(data, native) == [
        ("CSV112", 2, 2),
        ("CSV119", 2, 2),  # 20 MB: more than is kept of a record's values
        ("CSV109", 10_000_003, None),
    ]


def test_the_command_line_fails_an_oversized_record(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_bytes(b"a,b\n" + b",".join([b"q" * 1000] * 17_500) + b"\n\n")
    result = CliRunner().invoke(cli, ["lint", "--format", "concise", str(path)])
    assert result.exit_code == 1
    assert "CSV119" in result.output and "CSV110" in result.output
