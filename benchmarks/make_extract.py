#!/usr/bin/env python3
"""Write a deterministic, realistic order extract and the import configuration that receives it.

    python benchmarks/make_extract.py OUT_DIR [--rows N] [--delimiter ,|;] [--bom] [--seed S]

OUT_DIR gets `orders.csv` and `orders.import.yaml`. The extract has 13 columns: quoted fields with
delimiters, doubled quotes and (rarely) newlines, non-ASCII names, ISO and day-first dates, numbers
with thousands separators, a currency prefix and a percent suffix, integers, two dimension columns
with known items, booleans, and a mostly empty unmapped notes column. The same seed and options
always give the same bytes. With `--delimiter ';'` numbers use a decimal comma, as a European
locale would export them. The file is clean: a correct linter reports no error on it.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
from pathlib import Path

FIRST = [
    "James",
    "Mary",
    "John",
    "Patricia",
    "Robert",
    "Jennifer",
    "Michael",
    "Linda",
    "William",
    "Elizabeth",
    "David",
    "Barbara",
    "Richard",
    "Susan",
    "Joseph",
    "Jessica",
]
FIRST_INTL = ["José", "Zoë", "Søren", "Jürgen", "François", "Łukasz", "Ægir", "Chloé"]
LAST = [
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Rodriguez",
    "Martinez",
    "Hernandez",
    "Lopez",
    "Gonzalez",
    "Wilson",
    "Anderson",
]
LAST_INTL = ["Müller", "Gómez", "Østergård", "Dvořák", "Nuñez", "Çelik", "王", "Ångström"]
WORDS = [
    "widget",
    "gadget",
    "blue",
    "red",
    "large",
    "small",
    "steel",
    "plastic",
    "premium",
    "basic",
    "pack",
    "set",
    "cable",
    "adapter",
    "refill",
    "spare",
    "kit",
    "deluxe",
]
CATEGORIES = [
    "ELEC",
    "GARD",
    "TOYS",
    "BOOK",
    "GROC",
    "APPA",
    "SPRT",
    "AUTO",
    "HLTH",
    "OFFC",
    "PETS",
    "MUSC",
]
STORES = [f"ST{n:04d}" for n in range(1, 201)]
HEADER = [
    "Order ID",
    "Customer",
    "Description",
    "Order Date",
    "Ship Date",
    "Amount",
    "Unit Price",
    "Discount",
    "Quantity",
    "Store",
    "Category",
    "Gift",
    "Notes",
]
DAY0 = dt.date(2019, 1, 1).toordinal()
SPAN = dt.date(2026, 10, 31).toordinal() - DAY0


def grouped(value: float, decimal: str) -> str:
    """12345.6 -> '12,345.60' (or '12.345,60' with a decimal comma)."""
    text = f"{value:,.2f}"
    if decimal == ",":
        text = text.replace(",", "_").replace(".", ",").replace("_", ".")
    return text


def plain(value: float, digits: int, decimal: str) -> str:
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if decimal == "," else text


def row(rng: random.Random, i: int, decimal: str) -> list[str]:
    r = rng.random()
    if r < 0.05:
        name = f"{rng.choice(FIRST_INTL)} {rng.choice(LAST_INTL)}"
    elif r < 0.15:
        name = f"{rng.choice(LAST)}, {rng.choice(FIRST)}"
    elif r < 0.155:
        name = f'{rng.choice(FIRST)} "Bud" {rng.choice(LAST)}'
    else:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    words = rng.sample(WORDS, rng.randint(2, 5))
    r = rng.random()
    if r < 0.0001:
        description = " ".join(words) + "\nsecond line"
    elif r < 0.15:
        description = ", ".join(words)
    else:
        description = " ".join(words)
    ordered = DAY0 + rng.randrange(SPAN)
    shipped = (
        ""
        if rng.random() < 0.02
        else dt.date.fromordinal(ordered + rng.randrange(31)).strftime("%d/%m/%Y")
    )
    notes = (
        "" if rng.random() < 0.95 else rng.choice(["rush", "gift wrap", "call first", "fragile"])
    )
    return [
        f"ORD-{i:08d}",
        name,
        description,
        dt.date.fromordinal(ordered).isoformat(),
        shipped,
        grouped(rng.uniform(0, 250000), decimal),
        "$" + plain(rng.uniform(0.5, 999), 2, decimal),
        plain(rng.uniform(0, 40), 1, decimal) + "%",
        str(rng.randint(1, 500)),
        rng.choice(STORES),
        rng.choice(CATEGORIES),
        rng.choice(["TRUE", "FALSE"]),
        notes,
    ]


def config_text(delimiter: str, bom: bool, decimal: str) -> str:
    thousands = "." if decimal == "," else ","
    q = "'"
    return f"""\
csvlint: 1
name: Orders from the warehouse
description: Benchmark extract, written by make_extract.py
target:
  type: transaction_list
  block: Orders
  properties:
    - {{name: Order ID, type: text, unique: true}}
    - {{name: Customer, type: text}}
    - {{name: Description, type: text}}
    - {{name: Order Date, type: date}}
    - {{name: Ship Date, type: date}}
    - {{name: Amount, type: number}}
    - {{name: Unit Price, type: number}}
    - {{name: Discount, type: number}}
    - {{name: Quantity, type: integer}}
    - {{name: Store, type: dimension, list: Store, items: [{", ".join(STORES)}]}}
    - {{name: Category, type: dimension, list: Category, items: [{", ".join(CATEGORIES)}]}}
    - {{name: Gift, type: boolean}}
file:
  encoding: {"utf-8-sig" if bom else "utf-8"}
  delimiter: {q}{delimiter}{q}
  quote: '"'
  layout: flat
formats:
  decimal_separator: {q}{decimal}{q}
  thousands_separator: ""
  date_format: yyyy-MM-dd
columns:
  - {{header: Order ID, property: Order ID}}
  - {{header: Customer, property: Customer}}
  - {{header: Description, property: Description}}
  - {{header: Order Date, property: Order Date}}
  - {{header: Ship Date, property: Ship Date, date_format: dd/MM/yyyy}}
  - {{header: Amount, property: Amount, thousands_separator: {q}{thousands}{q}}}
  - {{header: Unit Price, property: Unit Price, prefix: "$"}}
  - {{header: Discount, property: Discount, percent: true}}
  - {{header: Quantity, property: Quantity}}
  - {{header: Store, property: Store, on_missing_item: skip_row}}
  - {{header: Category, property: Category, on_missing_item: skip_row}}
  - {{header: Gift, property: Gift}}
  - {{header: Notes}}
options:
  clear_items: none
sample: orders.csv
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--delimiter", choices=[",", ";"], default=",")
    parser.add_argument("--bom", action="store_true")
    parser.add_argument("--seed", type=int, default=20261128)
    args = parser.parse_args()
    decimal = "," if args.delimiter == ";" else "."
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    encoding = "utf-8-sig" if args.bom else "utf-8"
    with open(args.out / "orders.csv", "w", newline="", encoding=encoding) as f:
        writer = csv.writer(f, delimiter=args.delimiter, lineterminator="\n")
        writer.writerow(HEADER)
        for i in range(1, args.rows + 1):
            writer.writerow(row(rng, i, decimal))
    (args.out / "orders.import.yaml").write_text(
        config_text(args.delimiter, args.bom, decimal), encoding="utf-8"
    )


if __name__ == "__main__":
    main()
