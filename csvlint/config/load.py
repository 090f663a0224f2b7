"""Read an import configuration file: text, plain data, positions, problems and the model.

`load_config` never raises on the content of a file: invalid UTF-8, invalid YAML or JSON and
schema violations all come back as `ConfigProblem`s (CFG401 findings), and the `ImportConfig` is
built only when there is none.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from csvlint.config.model import (
    Column,
    ColumnOptions,
    ConfigProblem,
    Constant,
    Dimension,
    FileSettings,
    Formats,
    ImportConfig,
    ItemsFile,
    LoadDate,
    Options,
    Pivot,
    Property,
    SourceMap,
    Target,
)
from csvlint.config.parse import MAX_BYTES, Parsed, parse_text, too_big
from csvlint.config.schema import schema_problems

BOM = "\ufeff"
#: what is read of a configuration file at most: enough to know it is over the limit
MAX_READ = MAX_BYTES + 1


@dataclass(frozen=True, slots=True)
class LoadedConfig:
    """Everything learnt from reading one configuration file.

    `data` is the top-level mapping as plain values (None when the file holds none); `config` is
    the model, present exactly when `problems` is empty.
    """

    path: Path
    text: str
    data: dict[str, Any] | None
    config: ImportConfig | None
    problems: tuple[ConfigProblem, ...]
    source: SourceMap


def is_json_path(path: Path) -> bool:
    """Whether a configuration file is JSON (else YAML), by its name."""
    return path.suffix.lower() == ".json"


def load_config(path: Path, parsed: tuple[str, Parsed] | None = None) -> LoadedConfig:
    """Read and check the configuration file at `path`; `parsed` is its text (without a BOM)
    as parsed already, used when the file still holds that text.

    Raises FileNotFoundError when there is no such file (callers check existence first, to word
    that their own way); any other failure to read is a problem in the result.
    """
    try:
        with path.open("rb") as stream:
            # never more than the limit and a byte: a huge file is refused unread
            raw = stream.read(MAX_READ)
    except FileNotFoundError:
        raise
    except OSError as error:
        reason = error.strerror or str(error)
        return _failed(path, "", ConfigProblem("", None, f"cannot read the file: {reason}"))
    oversize = too_big(len(raw))
    if oversize is not None:
        return _failed(path, "", too_big(_size(path)) or oversize)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        byte = raw[error.start]
        message = f"not UTF-8 text: byte 0x{byte:02x} on line {line}; save the file as UTF-8"
        return _failed(path, raw.decode("utf-8", "replace"), ConfigProblem("", line, message))
    return load_config_text(text, path, parsed)


def load_config_text(
    text: str, path: Path, known: tuple[str, Parsed] | None = None
) -> LoadedConfig:
    """Check configuration text as if read from `path` (whose suffix says YAML or JSON);
    `known` is a text (without a BOM) already parsed, with what parsing it gave."""
    # editors on Windows may save a BOM; it is no part of the content
    content = text.removeprefix(BOM)
    if known is not None and known[0] == content:
        parsed = known[1]
    else:
        parsed = parse_text(content, is_json=is_json_path(path))
    problems = parsed.problems
    if parsed.data is not None:
        problems += schema_problems(parsed.data, parsed.source)
    config = None
    if parsed.data is not None and not problems:
        config = build_config(parsed.data, path, parsed.source)
    return LoadedConfig(path, text, parsed.data, config, problems, parsed.source)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return MAX_READ


def _failed(path: Path, text: str, problem: ConfigProblem) -> LoadedConfig:
    return LoadedConfig(path, text, None, None, (problem,), SourceMap())


def _items(value: list[str] | dict[str, str] | None) -> tuple[str, ...] | None:
    return tuple(value) if isinstance(value, list) else None


def _items_file(value: object, pointer: str) -> ItemsFile | None:
    if not isinstance(value, dict):
        return None
    return ItemsFile(value["file"], value["column"], f"{pointer}/items")


def build_config(data: Mapping[str, Any], path: Path, source: SourceMap) -> ImportConfig:
    """The model of data that is valid against the schema, with the defaults of absent keys."""
    file = data["file"]
    pivot = file.get("pivot")
    options = data.get("options", {})
    load_date = data.get("load_date")
    return ImportConfig(
        path=path,
        version=int(data["csvlint"]),
        id=data.get("id"),
        name=data["name"],
        description=data.get("description"),
        target=_target(data["target"]),
        file=FileSettings(
            encoding=file["encoding"],
            delimiter=file["delimiter"],
            quote=file.get("quote", '"'),
            layout=file.get("layout", "flat"),
            pivot=None if pivot is None else Pivot(pivot["dimension"], int(pivot["first_column"])),
        ),
        formats=_formats(data.get("formats", {})),
        columns=tuple(_column(i, c) for i, c in enumerate(data["columns"])),
        constants=tuple(
            Constant(c.get("property"), c.get("dimension"), c["value"], f"/constants/{i}")
            for i, c in enumerate(data.get("constants", []))
        ),
        load_date=None
        if load_date is None
        else LoadDate(load_date.get("property"), load_date.get("dimension"), "/load_date"),
        options=_options(options),
        sample=data.get("sample"),
        files=tuple(data.get("files", [])),
        saved_fingerprint=data.get("saved", {}).get("fingerprint"),
        source=source,
    )


def _options(options: Mapping[str, Any]) -> Options:
    clear = options.get("clear_items", "none")
    scope = None
    if isinstance(clear, Mapping):
        clear, scope = clear["mode"], tuple(clear["scope"])
    return Options(
        clear_items=clear,
        apply_access_rights_to_admins=options.get("apply_access_rights_to_admins", False),
        clear_scope=scope,
    )


def _target(target: Mapping[str, Any]) -> Target:
    properties = tuple(
        Property(
            name=p["name"],
            type=p["type"],
            unique=p.get("unique", False),
            list=p.get("list"),
            items=_items(p.get("items")),
            pointer=f"/target/properties/{i}",
            items_file=_items_file(p.get("items"), f"/target/properties/{i}"),
        )
        for i, p in enumerate(target.get("properties", []))
    )
    dimensions = tuple(
        Dimension(
            d["name"],
            _items(d.get("items")),
            f"/target/dimensions/{i}",
            _items_file(d.get("items"), f"/target/dimensions/{i}"),
        )
        for i, d in enumerate(target.get("dimensions", []))
    )
    return Target(
        type=target["type"],
        block=target["block"],
        properties=properties,
        dimensions=dimensions,
        value_type=target.get("value_type"),
        pointer="/target",
        value_list=target.get("list"),
        value_items=_items(target.get("items")),
        value_items_file=_items_file(target.get("items"), "/target"),
        application=target.get("application"),
        block_id=target.get("block_id"),
    )


def _formats(formats: Mapping[str, Any]) -> Formats:
    defaults = Formats()
    return Formats(
        decimal_separator=formats.get("decimal_separator", defaults.decimal_separator),
        thousands_separator=formats.get("thousands_separator", defaults.thousands_separator),
        date_format=formats.get("date_format", defaults.date_format),
        true_values=tuple(formats.get("true_values", defaults.true_values)),
        false_values=tuple(formats.get("false_values", defaults.false_values)),
    )


def _column(index: int, column: Mapping[str, Any]) -> Column:
    return Column(
        index=index,
        header=column["header"],
        property=column.get("property"),
        dimension=column.get("dimension"),
        value=column.get("value", False),
        options=ColumnOptions(
            date_format=column.get("date_format"),
            decimal_separator=column.get("decimal_separator"),
            thousands_separator=column.get("thousands_separator"),
            prefix=column.get("prefix"),
            suffix=column.get("suffix"),
            percent=column.get("percent"),
            multiplier=column.get("multiplier"),
            on_missing_item=column.get("on_missing_item"),
        ),
        pointer=f"/columns/{index}",
    )
