"""The benchmark's peers are timed only once each has refused a bad value in every column it
reads with a type: a peer that skips a column would be timed doing less than it claims."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from conftest import MAKE_EXTRACT, generate

sys.path.insert(0, str(MAKE_EXTRACT.parent))
import peers  # benchmarks/ is not a package

#: counts rows and checks nothing
COUNT_ONLY = """
import csv, sys
with open(sys.argv[1], encoding="utf-8", newline="") as lines:
    print(sum(1 for _ in csv.reader(lines)) - 1)
"""
#: counts rows, and fails on a row holding one of the bad values the check puts in
REFUSING = f"""
import csv, sys
bad = set({list(peers.BAD_VALUES.values())!r})
with open(sys.argv[1], encoding="utf-8", newline="") as lines:
    rows = list(csv.reader(lines))[1:]
if any(value in bad for row in rows for value in row):
    sys.exit("refused")
print(len(rows))
"""
#: duckdb's typed read with a query that names none of the typed columns
DUCKDB_COUNT_STAR = """
import sys, duckdb
columns = {"Order Date": "DATE", "Quantity": "BIGINT", "Gift": "BOOLEAN"}
query = f"SELECT count(*) FROM read_csv('{sys.argv[1]}', header = true, types = {columns!r})"
print(duckdb.connect().execute(query).fetchone()[0])
"""


@pytest.fixture(scope="module")
def extract(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("extract"), 300) / "orders.csv"


def test_a_read_that_checks_nothing_lets_every_bad_value_through(
    extract: Path, tmp_path: Path
) -> None:
    read = [sys.executable, "-c", COUNT_ONLY]
    assert peers.unnoticed(read, extract, tmp_path, rows=200) == list(peers.BAD_VALUES)


def test_a_read_that_fails_on_each_bad_value_lets_none_through(
    extract: Path, tmp_path: Path
) -> None:
    refusing = [sys.executable, "-c", REFUSING]
    assert peers.unnoticed(refusing, extract, tmp_path, rows=200) == []


def test_a_read_that_cannot_read_the_clean_rows_notices_nothing(
    extract: Path, tmp_path: Path
) -> None:
    """A reader that fails on every file (a crash, a missing module) proves nothing by
    failing on the bad ones."""
    failing = [sys.executable, "-c", "import sys; sys.exit('broken')"]
    assert peers.unnoticed(failing, extract, tmp_path, rows=200) == list(peers.BAD_VALUES)


def _installed(name: str) -> bool:
    return importlib.util.find_spec(name.partition("-")[0]) is not None


@pytest.mark.parametrize("name", sorted(peers.READERS))
def test_each_peer_refuses_a_bad_value_in_every_typed_column(
    name: str, extract: Path, tmp_path: Path
) -> None:
    if not _installed(name):
        pytest.skip(f"{name} is a benchmark peer: pip install .[bench]")
    assert peers.unnoticed(peers.command(name), extract, tmp_path, rows=200) == []
    # and the clean rows are read whole
    assert peers.READERS[name](str(extract)) == 300


def test_a_duckdb_query_naming_no_typed_column_converts_none_of_them(
    extract: Path, tmp_path: Path
) -> None:
    if not _installed("duckdb"):
        pytest.skip("duckdb is a benchmark peer: pip install .[bench]")
    read = [sys.executable, "-c", DUCKDB_COUNT_STAR]
    # every typed column, the ones read_csv was told the type of included
    assert peers.unnoticed(read, extract, tmp_path, rows=200) == list(peers.BAD_VALUES)
