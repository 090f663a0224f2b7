"""The benchmark extract's harder variants: the same rows with dense defects, in a single-byte
encoding, with CR endings, wide or narrow; each with the configuration that receives it.

    python benchmarks/variants.py SOURCE_DIR OUT_DIR KIND

SOURCE_DIR holds make_extract.py's `orders.csv` and `orders.import.yaml`. KIND is one of
`defects-1`, `defects-10`, `defects-1000` (an invalid integer every N rows), `items-10` (an
unknown item every 10 rows), `windows-1252`,
`latin-1`, `cr`, `wide` (200 columns), `narrow` (2 columns). The same input always gives the
same bytes.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from pathlib import Path

KINDS = (
    "defects-1",
    "defects-10",
    "defects-1000",
    "items-10",
    "windows-1252",
    "latin-1",
    "cr",
    "wide",
    "narrow",
)
#: the Quantity column of make_extract.py's extract (0-based), and a value it rejects
_QUANTITY = 8
_BAD_QUANTITY = "seven"
#: the Category column (0-based), and a value that is none of its items
_CATEGORY = 10
_UNKNOWN_CATEGORY = "MISC"


def _records(data: bytes) -> Iterator[bytes]:
    """The records of the extract's bytes, each with its LF ending; a quoted field may hold a
    line break, so records are cut where the quotes before the LF are balanced."""
    start, quotes = 0, 0
    at = 0
    while True:
        lf = data.find(b"\n", at)
        if lf < 0:
            if start < len(data):
                yield data[start:]
            return
        quotes += data.count(b'"', at, lf)
        at = lf + 1
        if quotes % 2 == 0:
            yield data[start:at]
            start, quotes = at, 0


def _spoil(record: bytes, column: int = _QUANTITY, value: str = _BAD_QUANTITY) -> bytes:
    """The record with a column's value replaced (by default: its Quantity, by a value an
    integer column rejects)."""
    fields = re.split(rb',(?=(?:[^"]*"[^"]*")*[^"]*$)', record.rstrip(b"\n"))
    fields[column] = value.encode()
    return b",".join(fields) + b"\n"


def _config(text: str, **changes: str) -> str:
    for old, new in changes.items():
        text = text.replace(old, new)
    return text


def write(source: Path, out: Path, kind: str) -> Path:
    """Write the `kind` variant of `source` into `out`; returns the extract's path."""
    out.mkdir(parents=True, exist_ok=True)
    data = (source / "orders.csv").read_bytes()
    config = (source / "orders.import.yaml").read_text(encoding="utf-8")
    if kind.startswith(("defects-", "items-")):
        every = int(kind.split("-")[1])
        items = kind.startswith("items-")
        column, value = (_CATEGORY, _UNKNOWN_CATEGORY) if items else (_QUANTITY, _BAD_QUANTITY)
        records = _records(data)
        parts = [next(records)]
        for number, record in enumerate(records):
            spoiled = number % every == every - 1
            parts.append(_spoil(record, column, value) if spoiled else record)
        data = b"".join(parts)
    elif kind in ("windows-1252", "latin-1"):
        data = data.decode("utf-8").encode(kind, "replace")
        config = _config(config, **{"encoding: utf-8": f"encoding: {kind}"})
    elif kind == "cr":
        data = data.replace(b"\n", b"\r")
    elif kind in ("wide", "narrow"):
        data, config = _reshaped(data, config, wide=kind == "wide")
    else:
        raise SystemExit(f"unknown variant {kind!r}: one of {', '.join(KINDS)}")
    config = config.replace("sample: orders.csv", f"sample: {kind}.csv")
    (out / f"{kind}.csv").write_bytes(data)
    (out / f"{kind}.import.yaml").write_text(config, encoding="utf-8")
    return out / f"{kind}.csv"


def _reshaped(data: bytes, config: str, wide: bool) -> tuple[bytes, str]:
    """200 columns (the 13 repeated, unmapped past the first 13; as many bytes as the source) or
    2 (ID and Quantity)."""
    header, *_ = data.split(b"\n", 1)
    lines = list(_records(data))
    if wide:
        copies = 200 // 13 + 1
        names = header.split(b",")
        head = names + [b"%s %d" % (name, k) for k in range(1, copies) for name in names]
        head = head[:200]
        body = []
        # as many bytes as the source: a fifteenth of its records, each repeated
        for record in lines[1 : 1 + len(lines) // copies]:
            line = record.rstrip(b"\n")
            joined = b",".join([line] * copies)
            fields = re.split(rb',(?=(?:[^"]*"[^"]*")*[^"]*$)', joined)[:200]
            body.append(b",".join(fields) + b"\n")
        return b",".join(head) + b"\n" + b"".join(body), config
    body = []
    for record in lines[1:]:
        fields = re.split(rb',(?=(?:[^"]*"[^"]*")*[^"]*$)', record.rstrip(b"\n"))
        body.append(fields[0] + b"," + fields[_QUANTITY] + b"\n")
    kept = ("Order ID", "Quantity")
    out = []
    skip = False
    for line in config.splitlines(keepends=True):
        stripped = line.strip()
        if stripped.startswith("- {name:") or stripped.startswith("- {header:"):
            skip = not any(f": {name}," in line or f": {name}}}" in line for name in kept)
            if skip:
                continue
        out.append(line)
    return b"Order ID,Quantity\n" + b"".join(body), "".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("kind", choices=KINDS)
    args = parser.parse_args()
    write(args.source, args.out, args.kind)


if __name__ == "__main__":
    main()
