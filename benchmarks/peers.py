"""The typed reads users would pick instead of csvlint, each run as its own process on the
benchmark extract, with the types its configuration declares.

    python benchmarks/peers.py duckdb|duckdb-rejects|polars|pyarrow orders.csv

Each one reads every column with the configuration's type and fails on a value that does not
fit: dates in their two formats, numbers with their thousands separator, `$` prefix and
percent, integers, booleans; text stays text. Where a reader has no option for an affix or a
separator, the column is read as text and converted strictly in the same process. It prints
the number of rows read.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

TEXT = ("Order ID", "Customer", "Description", "Store", "Category", "Notes")


def with_duckdb(path: str, keep_rejects: bool = False) -> int:
    """duckdb's typed read; with `keep_rejects`, the rows that do not fit are kept in its
    rejects table and the read goes on (the way a linter reads), else the first one fails it."""
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
    connection = duckdb.connect()
    query = f"""
        SELECT count(*),
               count(strptime("Ship Date", '%d/%m/%Y')),
               sum(CAST(replace("Amount", ',', '') AS DOUBLE)),
               sum(CAST(ltrim("Unit Price", '$') AS DOUBLE)),
               sum(CAST(rtrim("Discount", '%') AS DOUBLE))
        FROM read_csv('{path}', header = true, columns = {columns!r},
                      dateformat = '%Y-%m-%d', store_rejects = {str(keep_rejects).lower()})
    """
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
    "polars": with_polars,
    "pyarrow": with_pyarrow,
}


def main() -> None:
    name, path = sys.argv[1], sys.argv[2]
    print(READERS[name](path))


if __name__ == "__main__":
    main()
