"""`csvlint pigment pull-items`: refresh the items files of a configuration from Pigment.

For each dimension whose known items are kept in a file (`items: {file, column}`), the list is
exported from Pigment with friendly headers (Pigment's own form: `;`, a BOM) and the file is
rewritten atomically when its bytes changed. With `check`, nothing is written: a file that
differs is stale (a CI gate). Files are never written outside the project.
"""

from __future__ import annotations

import hashlib
import tempfile
from dataclasses import dataclass
from pathlib import Path

from csvlint.atomic import AtomicOutput
from csvlint.config.items import ItemsFileError, read_table
from csvlint.config.model import ImportConfig, ItemsFile
from csvlint.engine.discovery import project_root
from csvlint.pigment.api import Block
from csvlint.pigment.client import PigmentClient
from csvlint.pigment.errors import PigmentError
from csvlint.pigment.remote import matching

CHUNK = 1 << 20


class ItemsSourceError(PigmentError):
    """An items file that cannot be refreshed: outside the project, an unknown or ambiguous
    list, or an export without the file's column."""


@dataclass(frozen=True)
class ItemsChange:
    """What refreshing one items file did (or, with `check`, would do)."""

    file: str
    list_name: str
    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: bool
    written: bool
    items: int

    def to_dict(self) -> dict[str, object]:
        """The change as `--format json` prints it."""
        return {
            "file": self.file,
            "list": self.list_name,
            "items": self.items,
            "added": list(self.added),
            "removed": list(self.removed),
            "changed": self.changed,
            "written": self.written,
        }


def _owners(config: ImportConfig) -> list[tuple[str, ItemsFile]]:
    """Each items file of the configuration, with the name of the list it holds."""
    found: list[tuple[str, ItemsFile]] = []
    for prop in config.target.properties:
        if prop.items_file is not None:
            found.append((prop.list or prop.name, prop.items_file))
    for dimension in config.target.dimensions:
        if dimension.items_file is not None:
            found.append((dimension.name, dimension.items_file))
    values = config.target.value_owner  # a metric of dimension values: its value list
    if values is not None and values.items_file is not None:
        found.append((values.name, values.items_file))
    return found


def _destination(config: ImportConfig, source: ItemsFile) -> Path:
    root = project_root(config.path).path
    relative = Path(source.file)
    path = config.path.parent / relative
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        raise ItemsSourceError(f"the items file {source.file!r} is outside the project") from None
    except OSError:  # a name the system refuses (too long, ...)
        raise ItemsSourceError(f"the items file {source.file!r} cannot be written") from None
    if relative.is_absolute():
        raise ItemsSourceError(f"the items file {source.file!r} is an absolute path")
    try:
        unusable = path.is_dir() or not path.parent.is_dir()
    except OSError:
        unusable = True
    if unusable:
        raise ItemsSourceError(f"the items file {source.file!r} cannot be written there")
    return path


def _find_list(client: PigmentClient, config: ImportConfig, name: str) -> Block:
    wanted = config.target.application
    applications = matching(client.applications(), wanted)
    found = [
        block
        for application in applications
        for block in client.blocks(application.id)
        if block.name == name and block.type == "DimensionList"
    ]
    if len(found) != 1:
        what = "no" if not found else f"{len(found)}"
        raise ItemsSourceError(
            f"Pigment has {what} dimension list called {name!r}"
            + ("" if wanted is None else f" in {wanted!r}")
            + ("" if not found else ": record `target.application` to choose")
        )
    return found[0]


def pull_items(
    config: ImportConfig, client: PigmentClient, check: bool = False
) -> list[ItemsChange]:
    """Refresh every items file of `config` from Pigment's list exports (with `check`, only
    compare). Raises ItemsSourceError or another PigmentError on the first file that cannot be
    refreshed; files refreshed before it stay refreshed."""
    changes: list[ItemsChange] = []
    for list_name, source in _owners(config):
        path = _destination(config, source)
        block = _find_list(client, config, list_name)
        with tempfile.TemporaryDirectory(prefix="csvlint-items-") as folder:
            fresh = Path(folder) / "export.csv"
            with fresh.open("wb") as out:
                client.export_list(block.id, out)
            try:
                table = read_table(fresh, source.column, f"export of {list_name}")
            except ItemsFileError as error:
                raise ItemsSourceError(str(error)) from None
            before: frozenset[str] = frozenset()
            if path.is_file():
                try:
                    before = read_table(path, source.column, source.file).items
                except ItemsFileError:
                    before = frozenset()
            changed = not path.is_file() or _digest(path) != _digest(fresh)
            written = changed and not check
            if written:
                _copy(fresh, path)
        changes.append(
            ItemsChange(
                source.file,
                list_name,
                tuple(sorted(table.items - before)),
                tuple(sorted(before - table.items)),
                changed,
                written,
                len(table.items),
            )
        )
    return changes


def _digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(CHUNK), b""):
            digest.update(block)
    return digest.hexdigest()


def _copy(source: Path, path: Path) -> None:
    with AtomicOutput(path) as out, source.open("rb") as stream:
        for block in iter(lambda: stream.read(CHUNK), b""):
            out.write(block)
        out.commit()
