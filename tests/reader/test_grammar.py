"""The strict grammar: agreement with csv on clean input, exact positions, fast = exact path."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from csvlint.reader.grammar import Anomaly, Chunk, Tokenizer

FIELD = st.text(alphabet=st.sampled_from(list("ab ,;\"'\t\n\r|é王0")), max_size=8)
DIALECTS = st.tuples(
    st.sampled_from([",", ";", "\t", "|"]),
    st.sampled_from(['"', "'"]),
    st.sampled_from(["\n", "\r\n"]),
    st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
)


def tables(width: int | None = None) -> st.SearchStrategy[list[list[str]]]:
    """Tables whose records all have one width; a lone empty field would be a blank line."""
    return st.integers(2, 6).flatmap(
        lambda w: st.lists(st.lists(FIELD, min_size=w, max_size=w), min_size=1, max_size=12)
    )


def written(rows: list[list[str]], delimiter: str, quote: str, ending: str, quoting: int) -> str:
    if any("\r" in value for row in rows for value in row):
        # csv.writer leaves a field with a lone CR unquoted under QUOTE_MINIMAL, which no
        # reader can read back; quote everything then
        quoting = csv.QUOTE_ALL
    out = io.StringIO()
    writer = csv.writer(
        out, delimiter=delimiter, quotechar=quote, lineterminator=ending, quoting=quoting
    )
    writer.writerows(rows)
    return out.getvalue()


def read_all(text: str, delimiter: str, quote: str, fast: bool = True, piece: int = 0) -> Chunk:
    """Every record of `text`, fed whole or in pieces of `piece` characters."""
    tokenizer = Tokenizer(delimiter, quote, fast=fast)
    merged = Chunk(0, rows=[])
    pieces = [text[i : i + piece] for i in range(0, len(text), piece)] if piece else [text]
    for index, part in enumerate([*pieces, ""]):
        chunk = tokenizer.feed(part, final=index == len(pieces))
        assert merged.rows is not None and chunk.rows is not None
        merged.rows.extend(chunk.rows)
        merged.irregularities.extend(chunk.irregularities)
        for record in range(chunk.first_record, chunk.first_record + chunk.count):
            merged.derived[f"line{record}"] = chunk.line_of(record)
        for ending, count in chunk.endings.items():
            merged.endings[ending] = merged.endings.get(ending, 0) + count
    return merged


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(tables(), DIALECTS, st.integers(0, 7))
def test_clean_tables_read_back_exactly(
    rows: list[list[str]], dialect: tuple[str, str, str, int], piece: int
) -> None:
    delimiter, quote, ending, quoting = dialect
    text = written(rows, delimiter, quote, ending, quoting)
    chunk = read_all(text, delimiter, quote, piece=piece)
    assert chunk.rows == rows
    assert chunk.irregularities == []
    assert set(chunk.endings) == {ending}


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list('ab,"\n\r ')), max_size=60), st.integers(0, 5))
def test_fast_path_finds_what_the_exact_path_finds(text: str, piece: int) -> None:
    fast = read_all(text, ",", '"', fast=True, piece=piece)
    exact = read_all(text, ",", '"', fast=False)
    assert fast.rows == exact.rows
    assert fast.irregularities == exact.irregularities
    assert fast.derived == exact.derived
    assert fast.endings == exact.endings


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(tables(), DIALECTS)
def test_physical_lines_count_quoted_line_breaks(
    rows: list[list[str]], dialect: tuple[str, str, str, int]
) -> None:
    delimiter, quote, ending, quoting = dialect
    text = written(rows, delimiter, quote, ending, quoting)
    chunk = read_all(text, delimiter, quote)
    line = 1
    for record, row in enumerate(rows):
        assert chunk.derived[f"line{record}"] == line
        one = written([row], delimiter, quote, ending, quoting)
        line += one.count("\n") + one.count("\r") - one.count("\r\n")


@pytest.mark.parametrize(
    ("text", "kind", "line", "column"),
    [
        ('a,b\n1,x"y\n', Anomaly.STRAY_QUOTE, 2, 2),
        ('a,b\n1,"x"y\n', Anomaly.TEXT_AFTER_QUOTE, 2, 2),
        ('a,b\n1, "x"\n', Anomaly.SPACE_BEFORE_QUOTE, 2, 2),
        ('a,b\n1,"x" \n', Anomaly.SPACE_AFTER_QUOTE, 2, 2),
        ('a,b\n"multi\nline",2\n3,"open\n', Anomaly.UNCLOSED_QUOTE, 4, 2),
    ],
)
def test_anomalies_are_located(text: str, kind: Anomaly, line: int, column: int) -> None:
    found = read_all(text, ",", '"').irregularities
    assert [(i.kind, i.line, i.column) for i in found] == [(kind, line, column)]


def test_python_csv_would_accept_what_the_grammar_reports() -> None:
    # the reason for a grammar of our own: csv repairs these silently
    assert list(csv.reader(['1,x"y'])) == [["1", 'x"y']]
    assert read_all('1,x"y\n', ",", '"').irregularities


def test_a_field_over_the_limit_is_reported_once() -> None:
    tokenizer = Tokenizer(",", '"', field_size_limit=5)
    chunk = tokenizer.feed("a,b\n123456,1\n1,2\n", final=True)
    found = [(i.kind, i.line, i.column, i.size) for i in chunk.irregularities]
    assert found == [(Anomaly.FIELD_TOO_LARGE, 2, 1, 6)]
