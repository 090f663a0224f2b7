"""The typed reads users would pick instead of csvlint, each run as its own process on the
benchmark extract, with the types its configuration declares.

    python benchmarks/peers.py duckdb|duckdb-rejects|duckdb-count|polars|pyarrow orders.csv

Each one reads every column with the configuration's type and fails on a value that does not
fit: dates in their two formats, numbers with their thousands separator, `$` prefix and
percent, integers, booleans; text stays text. Where a reader has no option for an affix or a
separator, the column is read as text and converted strictly in the same process. It prints
the number of rows read. None of them checks the dimension items or the unique key, which
csvlint checks too.

`unnoticed` proves the "every column" before anything is timed: a reader that lets a bad value
through in one of the typed columns would be timed doing less than it claims. (duckdb converts
only the columns a query names: a `count(*)` alone converts none of them.)
"""

from __future__ import annotations

import csv
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

TEXT = ("Order ID", "Customer", "Description", "Store", "Category", "Notes")


def with_duckdb(path: str, keep_rejects: bool = False, table: bool = True) -> int:
    """duckdb's typed read. With `keep_rejects`, the rows that do not fit are kept in its
    rejects table and the read goes on (the way a linter reads), else the first one fails it.
    With `table`, the typed rows are kept in a table, as polars and pyarrow keep theirs; without
    it, they are only counted, the least duckdb can do and still convert every value."""
    import duckdb

    columns = {
        "Order ID": "VARCHAR",
        "Customer": "VARCHAR",
        "Description": "VARCHAR",
        "Order Date": "DATE",
        "Ship Date": "VARCHAR",
        "Amount": "VARCHAR",
        "Unit Price": "VARCHAR",
        "Discount": "VARCHAR",
        "Quantity": "BIGINT",
        "Store": "VARCHAR",
        "Category": "VARCHAR",
        "Gift": "BOOLEAN",
        "Notes": "VARCHAR",
    }
    source = f"""read_csv('{path}', header = true, columns = {columns!r},
                          dateformat = '%Y-%m-%d', store_rejects = {str(keep_rejects).lower()})"""
    # every typed column is named in the query: duckdb converts only the columns a query uses,
    # so a column left out would never be checked
    typed = """
        strptime("Ship Date", '%d/%m/%Y') AS "Ship Date",
        CAST(replace("Amount", ',', '') AS DOUBLE) AS "Amount",
        CAST(ltrim("Unit Price", '$') AS DOUBLE) AS "Unit Price",
        CAST(rtrim("Discount", '%') AS DOUBLE) AS "Discount"
    """
    connection = duckdb.connect()
    if table:
        connection.execute(f"CREATE TABLE orders AS SELECT * REPLACE ({typed}) FROM {source}")
        query = "SELECT count(*) FROM orders"
    else:
        query = f"""SELECT count(*), count("Order Date"), sum("Quantity"), count_if("Gift"),
                           count(strptime("Ship Date", '%d/%m/%Y')),
                           sum(CAST(replace("Amount", ',', '') AS DOUBLE)),
                           sum(CAST(ltrim("Unit Price", '$') AS DOUBLE)),
                           sum(CAST(rtrim("Discount", '%') AS DOUBLE))
                    FROM {source}"""
    # strict: a value that does not fit its type fails the query (and the process), unless
    # the rejects are kept
    rows = connection.execute(query).fetchone()
    assert rows is not None
    return int(rows[0])


def with_polars(path: str) -> int:
    import polars as pl

    schema = {name: pl.String for name in TEXT}
    frame = pl.read_csv(
        path,
        schema_overrides={
            **schema,
            "Order Date": pl.String,
            "Ship Date": pl.String,
            "Amount": pl.String,
            "Unit Price": pl.String,
            "Discount": pl.String,
            "Quantity": pl.Int64,
            "Gift": pl.Boolean,
        },
    )
    typed = frame.with_columns(
        pl.col("Order Date").str.to_date("%Y-%m-%d", strict=True),
        pl.col("Ship Date").str.to_date("%d/%m/%Y", strict=True),
        pl.col("Amount").str.replace_all(",", "").cast(pl.Float64, strict=True),
        pl.col("Unit Price").str.strip_prefix("$").cast(pl.Float64, strict=True),
        pl.col("Discount").str.strip_suffix("%").cast(pl.Float64, strict=True),
    )
    return typed.height


def with_pyarrow(path: str) -> int:
    import pyarrow as pa
    import pyarrow.compute as pc
    from pyarrow import csv

    types = {name: pa.string() for name in TEXT}
    types.update(
        {
            "Order Date": pa.date32(),
            "Ship Date": pa.string(),
            "Amount": pa.string(),
            "Unit Price": pa.string(),
            "Discount": pa.string(),
            "Quantity": pa.int64(),
            "Gift": pa.bool_(),
        }
    )
    table = csv.read_csv(
        path,
        parse_options=csv.ParseOptions(newlines_in_values=True),
        convert_options=csv.ConvertOptions(
            column_types=types,
            strings_can_be_null=False,
            true_values=["TRUE", "true", "1"],
            false_values=["FALSE", "false", "0"],
        ),
    )

    def present(name: str) -> pa.ChunkedArray:
        column = table[name]
        return column.filter(pc.not_equal(column, ""))

    pc.strptime(present("Ship Date"), format="%d/%m/%Y", unit="s", error_is_null=False)
    pc.cast(pc.replace_substring(present("Amount"), ",", ""), pa.float64())
    pc.cast(pc.utf8_ltrim(present("Unit Price"), "$"), pa.float64())
    pc.cast(pc.utf8_rtrim(present("Discount"), "%"), pa.float64())
    return table.num_rows


READERS: dict[str, Callable[[str], int]] = {
    "duckdb": with_duckdb,
    "duckdb-rejects": lambda path: with_duckdb(path, keep_rejects=True),
    "duckdb-count": lambda path: with_duckdb(path, table=False),
    "polars": with_polars,
    "pyarrow": with_pyarrow,
}


#: a value that does not fit, for each column a peer reads with a type
BAD_VALUES = {
    "Order Date": "2026-13-45",
    "Ship Date": "31/31/2026",
    "Amount": "12,3x4.00",
    "Unit Price": "$1.2.3",
    "Discount": "x%",
    "Quantity": "four",
    "Gift": "maybe",
}


def command(name: str) -> list[str]:
    """The command that runs reader `name` in a process of its own, less the file's path."""
    return [sys.executable, __file__, name]


def unnoticed(read: list[str], extract: Path, folder: Path, rows: int = 1000) -> list[str]:
    """The typed columns in which the command `read` (given a path, it prints the rows it read)
    lets a bad value through, tried one column at a time on the first `rows` rows of
    `extract`. A read that fails, or that keeps fewer rows than it was given, has noticed the
    value; one that reads every row has not, and timing it would time a read that checks less.
    A read that cannot read the clean rows notices nothing: every column is returned."""
    with extract.open(encoding="utf-8", newline="") as lines:
        sample = [row for _, row in zip(range(rows + 1), csv.reader(lines), strict=False)]
    header, body = sample[0], sample[1:]

    def reads_whole(name: str, records: list[list[str]]) -> bool:
        path = folder / name
        with path.open("w", encoding="utf-8", newline="") as out:
            csv.writer(out, lineterminator="\n").writerows([header, *records])
        done = subprocess.run([*read, str(path)], capture_output=True, text=True, check=False)
        return done.returncode == 0 and done.stdout.split() == [str(len(body))]

    if not reads_whole("clean.csv", body):
        return list(BAD_VALUES)
    missed = []
    for column, value in BAD_VALUES.items():
        broken = [list(row) for row in body]
        broken[len(body) // 2][header.index(column)] = value
        if reads_whole(f"bad-{header.index(column)}.csv", broken):
            missed.append(column)
    return missed


def main() -> None:
    name, path = sys.argv[1], sys.argv[2]
    print(READERS[name](path))


if __name__ == "__main__":
    main()
