"""Known items kept in a file of the project: `items: {file: lists/departments.csv, column: Code}`.

The file is a CSV, typically Pigment's own export of the list: UTF-8 with or without a BOM,
delimited by `;` (Pigment's default) or `,`, as its header line shows. It is read in one streaming
pass, keeping only the set of item codes, never the file. A file outside the project (`..`, an
absolute path, a symbolic link that leads out) is never read: resolving it is a problem, which
the configuration rule CFG421 reports, and the membership check is not run with a guess.

Sets are kept per file, keyed by its resolved path, size and modification time, so one lint
reads each file once however many columns and files use it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from csvlint.config.model import ImportConfig, ItemsFile
from csvlint.digest import sha256

BOM = b"\xef\xbb\xbf"
#: item sets kept between reads: each is as large as a list, so only a few
_KEPT = 8


class ItemsFileError(ValueError):
    """An items file that cannot be used: outside the project, missing, unreadable, not UTF-8,
    or without the column. The message names the file as the configuration does."""


@dataclass(frozen=True, slots=True)
class ItemsTable:
    """What an items file says: its delimiter, whether it starts with a BOM, its header and the
    item codes of the column (blank cells are no item)."""

    delimiter: str
    bom: bool
    header: tuple[str, ...]
    items: frozenset[str]


_cache: dict[tuple[Path, int, int, str], ItemsTable] = {}


def locate(config_path: Path, root: Path, source: ItemsFile) -> Path:
    """The items file's path, checked to lie inside `root` (links and `..` resolved), and to be
    a file. Raises ItemsFileError otherwise."""
    relative = Path(source.file)
    if relative.is_absolute():
        raise ItemsFileError(f"the items file {source.file!r} is an absolute path")
    path = config_path.parent / relative
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        raise ItemsFileError(f"the items file {source.file!r} is outside the project") from None
    except OSError as error:  # a name the system refuses (too long, ...)
        raise ItemsFileError(
            f"the items file {source.file!r} cannot be read: {_reason(error)}"
        ) from None
    try:
        if path.is_dir():
            raise ItemsFileError(f"the items file {source.file!r} is a folder")
        if not path.is_file():
            raise ItemsFileError(f"the items file {source.file!r} does not exist")
    except OSError as error:
        raise ItemsFileError(
            f"the items file {source.file!r} cannot be read: {_reason(error)}"
        ) from None
    return path


def read_table(path: Path, column: str, shown: str | None = None) -> ItemsTable:
    """Read the item codes of `column` from the CSV file at `path` in one streaming pass.
    Raises ItemsFileError when the file cannot be read or has no such column."""
    shown = shown or path.name
    try:
        stat = path.stat()
    except OSError as error:
        raise ItemsFileError(f"the items file {shown!r} cannot be read: {_reason(error)}") from None
    key = (path.resolve(), stat.st_size, stat.st_mtime_ns, column)
    known = _cache.get(key)
    if known is not None:
        return known
    try:
        with path.open("rb") as raw:
            table = _read(raw, column, shown)
    except OSError as error:
        raise ItemsFileError(f"the items file {shown!r} cannot be read: {_reason(error)}") from None
    if len(_cache) >= _KEPT:
        _cache.pop(next(iter(_cache)))
    _cache[key] = table
    return table


#: the longest header line an items file may have (its read is bounded, whatever the file)
_HEADER_CHARS = 1 << 20


def _read(raw: io.BufferedReader, column: str, shown: str) -> ItemsTable:
    bom = raw.peek(3)[:3] == BOM
    text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
    try:
        first = text.readline(_HEADER_CHARS + 1)
        if len(first) > _HEADER_CHARS:
            raise ItemsFileError(
                f"the items file {shown!r} has a header line over {_HEADER_CHARS:,} characters"
            )
        delimiter = ";" if first.count(";") > first.count(",") else ","
        header = next(csv.reader([first], delimiter=delimiter), [])
        if column not in header:
            names = ", ".join(repr(name) for name in header[:10]) or "none"
            raise ItemsFileError(
                f"the items file {shown!r} has no column {column!r} (its columns: {names})"
            )
        index = header.index(column)
        items = frozenset(_cells(csv.reader(text, delimiter=delimiter), index))
    except UnicodeDecodeError:
        raise ItemsFileError(f"the items file {shown!r} is not UTF-8 text") from None
    except csv.Error as error:
        raise ItemsFileError(f"the items file {shown!r} is not a readable CSV: {error}") from None
    finally:
        text.detach()
    return ItemsTable(delimiter, bom, tuple(header), items)


def _cells(rows: Iterator[list[str]], index: int) -> Iterator[str]:
    for row in rows:
        if index < len(row) and row[index] != "":
            yield row[index]


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def known_items(config: ImportConfig, source: ItemsFile, root: Path) -> frozenset[str] | None:
    """The items an items file of `config` holds; None when it cannot be used (CFG421 says
    why on the configuration)."""
    try:
        return read_table(locate(config.path, root, source), source.column, source.file).items
    except ItemsFileError:
        return None


def items_problem(config: ImportConfig, source: ItemsFile, root: Path) -> str | None:
    """Why an items file of `config` cannot be used; None when it can."""
    try:
        read_table(locate(config.path, root, source), source.column, source.file)
    except ItemsFileError as error:
        return str(error)
    return None


def items_sources(data: Mapping[str, Any]) -> tuple[ItemsFile, ...]:
    """The items files named by configuration data (valid against the schema or not)."""
    target = data.get("target")
    found: list[ItemsFile] = []
    if not isinstance(target, Mapping):
        return ()
    owners: list[tuple[str, object]] = []
    for kind in ("properties", "dimensions"):
        listed = target.get(kind)
        for index, owner in enumerate(listed if isinstance(listed, list) else []):
            owners.append((f"/target/{kind}/{index}", owner))
    owners.append(("/target", target))  # a metric of dimension values
    for pointer, owner in owners:
        items = owner.get("items") if isinstance(owner, Mapping) else None
        if isinstance(items, Mapping):
            file, column = items.get("file"), items.get("column")
            if isinstance(file, str) and isinstance(column, str):
                found.append(ItemsFile(file, column, f"{pointer}/items"))
    return tuple(found)


def items_digest(config_path: Path, root: Path, sources: tuple[ItemsFile, ...]) -> str:
    """One line per items file, in order: its path and the SHA-256 of its bytes (`missing`
    when it cannot be read from inside the project), for the fingerprint."""
    lines = []
    for source in sources:
        try:
            path = locate(config_path, root, source)
            digest = sha256()
            with path.open("rb") as stream:
                for block in iter(lambda: stream.read(1 << 20), b""):
                    digest.update(block)
            mark = digest.hexdigest()
        except (ItemsFileError, OSError):
            mark = "missing"
        lines.append(f"{source.file}\t{source.column}\t{mark}")
    return "\n".join(lines)
