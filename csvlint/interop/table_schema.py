"""Import configurations as Frictionless Table Schemas and Data Packages, and back.

`table_schema` and `data_package` write what a configuration expects of its CSV as descriptors
Frictionless (v5) validates data with; `draft_inputs` reads a Table Schema's fields as the types
and options of a draft configuration. One field per configured column, named after its header:

===============  ==============================================================================
configuration    Table Schema field
===============  ==============================================================================
text             ``string``
dimension        ``string``; ``constraints.enum``: its known ``items``, unless the column's
                 ``on_missing_item`` is ``create``
number           ``number``; ``decimalChar`` (not "."), ``groupChar`` (a thousands separator),
                 ``bareNumber: false`` (a prefix, suffix or percent)
integer          ``integer``, ``bareNumber`` likewise; grouped: a ``number`` as above
date             ``date``, ``format`` in strptime (``dd/MM/yyyy``: ``%d/%m/%Y``); with a
                 time part, ``datetime``
boolean          ``boolean``; ``trueValues`` / ``falseValues``: the import-wide words
unique           ``constraints``: ``required``, ``unique``; a dimension list's only key is
                 also the ``primaryKey``
metric           dimension columns as dimensions; the value column, or a pivoted layout's
                 item columns (listed, else the sample's), as its ``value_type``
unmapped         ``string``
===============  ==============================================================================

Where Frictionless cannot say exactly what Pigment does:

- Frictionless v5's ``integer`` has no ``groupChar`` (only ``number`` has), hence a grouped
  integer column is a ``number``; an ``integer`` refuses fractional values, which Pigment
  truncates (csvlint's VAL310 warns).
- ``bareNumber: false`` strips any non-digits before the first digit or minus sign and after
  the last digit, not only the prefix, suffix or ``%``; ``$-5`` passes, ``-$5`` does not.
  ``groupChar`` is dropped wherever it is (``12,34`` reads 1234); ``1e5`` and ``5.`` are numbers;
  whitespace around a number is ignored.
- Percent and multiplier change the value stored, not which texts are valid: the field holds
  the number as written.
- strptime's ``%m`` and ``%d`` read one or two digits where ``MM`` and ``dd`` need two; ``%y``
  reads 1969-2068 where Pigment's ``yy`` is 2000-2099; ``%b`` is the current locale's month
  abbreviation, in any case; a space matches any run of whitespace.
- A blank cell is missing (Frictionless's ``missingValues``), as in Pigment: only keys are required.
- Constants, the load date and the wizard's options are not columns: no field holds them.

Back from a Table Schema: a ``string`` with an ``enum`` is a dimension, other strings and the
types Pigment lacks are text, ``year`` is an integer, ``datetime`` a date (its ISO default as
``yyyy-MM-dd'T'HH:mm:ss``, time zone dropped). Fields carry no prefix, suffix or percent: with
``bareNumber: false`` those come from the sample's values, as do dates of format ``any``. Known
items and boolean words have no place in a draft: they come back as notes.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from csvlint.config.draft import Guess
from csvlint.config.model import DEFAULT_FALSE_VALUES, DEFAULT_TRUE_VALUES, Column, ImportConfig
from csvlint.formats.date import DEFAULT_DATE_FORMAT, DateFormat
from csvlint.formats.number import NumberFormat

if TYPE_CHECKING:
    from frictionless import FrictionlessException

    from csvlint.config.model import Dimension, Property

#: A Frictionless descriptor as plain JSON data.
Descriptor = dict[str, Any]

_STRPTIME = {
    "yyyy": "%Y", "yy": "%y", "MMM": "%b", "MM": "%m", "M": "%m", "dd": "%d", "d": "%d",
    "HH": "%H", "mm": "%M", "ss": "%S",
}  # fmt: skip
_FROM_STRPTIME = {v: k for k, v in _STRPTIME.items() if k not in ("M", "d")}
_LOOSE = {"%m": "M", "%d": "d"}
_ISO_DATETIMES = ("yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss")


class DescriptorError(ValueError):
    """A configuration Frictionless cannot describe, or a descriptor it refuses."""


# Configuration -> descriptor


def strptime_format(pattern: str) -> tuple[str, bool]:
    """The strptime format of a Pigment date pattern, and whether it has a time part.

    Raises ValueError for a pattern that is not a valid Pigment date format.
    """
    parts = DateFormat.compile(pattern).parts
    out = [_STRPTIME[p.text] if p.is_token else p.text.replace("%", "%%") for p in parts]
    return "".join(out), any(p.text in ("HH", "mm", "ss") for p in parts if p.is_token)


def table_schema(config: ImportConfig) -> Descriptor:
    """The Table Schema of the CSV files `config` receives, as Frictionless writes it.

    The item columns of a pivoted layout are the configuration's columns from the pivot's
    first column on, with their own options; when it lists none, those of the sample's header.
    """
    return _checked("schema", _schema(config))


def data_package(config: ImportConfig, *, folder: Path) -> Descriptor:
    """A Data Package with one resource: the sample of `config`, with its encoding, dialect and
    Table Schema; `folder` is where the descriptor goes (the resource path is relative to it)."""
    name = _slug(config.name) or "import-configuration"
    path = resource_path(config, folder)
    resource = {
        "name": _slug(PurePath(path).stem) or name,
        "path": path,
        "encoding": config.file.encoding,
        "dialect": {"delimiter": config.file.delimiter, "quoteChar": config.file.quote},
        "schema": _schema(config),
    }
    package: Descriptor = {"name": name, "title": config.name}
    if config.description:
        package["description"] = config.description
    return _checked("package", package | {"resources": [resource]})


def resource_path(config: ImportConfig, folder: Path) -> str:
    """The sample's path relative to `folder`, with `/`. Frictionless refuses absolute paths
    and `..` as unsafe, so the sample must be inside `folder` (DescriptorError otherwise)."""
    sample = config.sample_path
    if sample is None:
        raise DescriptorError("it names no `sample`: a Data Package resource is a path to data")
    try:
        relative = os.path.relpath(sample.resolve(), folder.resolve())
    except ValueError:  # another drive, on Windows
        relative = str(sample.resolve())
    if os.path.isabs(relative) or ".." in PurePath(relative).parts:
        where = "the descriptor's folder: Frictionless reads no data outside it"
        raise DescriptorError(f"its sample {sample} is not inside {folder}, {where}")
    return PurePath(relative).as_posix()


def _schema(config: ImportConfig) -> Descriptor:
    pivot = config.file.pivot if config.file.layout == "pivoted" else None
    first = len(config.columns) if pivot is None else pivot.first_column - 1
    columns = [_column_field(config, column) for column in config.columns[:first]]
    if pivot is not None:
        kind = config.target.value_type or "text"
        items = [(c.header, _options(config, c)) for c in config.columns[first:]]
        items = items or [(name, _options(config, None)) for name in _sample_header(config)[first:]]
        # a metric of dimension values: each item column holds items of its value list
        owner = config.target.value_owner
        known = None if owner is None else _known(config, owner)
        creates = {
            c.header for c in config.columns[first:] if c.options.on_missing_item == "create"
        }
        columns += [
            _field(name, kind, options, items=None if name in creates else known)
            for name, options in items
        ]
    schema: Descriptor = {"fields": columns}
    keys = [f["name"] for f in columns if f.get("constraints", {}).get("unique")]
    if config.target.type == "dimension_list" and len(keys) == 1:
        schema["primaryKey"] = keys
    return schema


def _sample_header(config: ImportConfig) -> list[str]:
    from csvlint.engine.sample import SampleError, read_sample

    if config.sample_path is None:
        raise DescriptorError("a pivoted layout lists its item columns, or has a `sample`")
    try:
        return read_sample(config.sample_path, limit=0).header
    except SampleError as error:
        raise DescriptorError(f"its item columns come from the sample: {error}") from None


def _column_field(config: ImportConfig, column: Column) -> Descriptor:
    target = config.target
    kind, unique, items = "text", False, None
    if column.value and not target.is_list:
        kind, owner = target.value_type or "text", target.value_owner
        items = None if owner is None else _known(config, owner)
    elif column.dimension is not None and (dimension := target.dimension(column.dimension)):
        kind, items = "dimension", _known(config, dimension)
    elif column.property is not None and (prop := target.property(column.property)):
        kind, unique, items = prop.type, prop.unique, _known(config, prop)
    if column.options.on_missing_item == "create":
        items = None  # an unknown item becomes a new item: any value is accepted
    return _field(column.header, kind, _options(config, column), unique, items)


def _known(config: ImportConfig, owner: Property | Dimension) -> Sequence[str] | None:
    """Listed items as listed; an items file's sorted (unusable: an error, not no enum)."""
    from csvlint.rules._values import known_items

    found = owner.items if owner.items_file is None else known_items(config, owner)
    if found is None and owner.items_file is not None:
        raise DescriptorError(f"the items file {owner.items_file.file!r} cannot be used (CFG421)")
    return found if found is None or isinstance(found, tuple) else sorted(found)


def _options(config: ImportConfig, column: Column | None) -> dict[str, Any]:
    """The import-wide formats overridden by the column's own options."""
    merged = {f.name: getattr(config.formats, f.name) for f in fields(config.formats)}
    if column is not None:
        merged |= {name: getattr(column.options, name) for name in column.options.given()}
    return merged


def _field(
    name: str,
    kind: str,
    options: Mapping[str, Any],
    unique: bool = False,
    items: Sequence[str] | None = None,
) -> Descriptor:
    field: Descriptor = {"name": name, "type": "string"}
    if kind in ("number", "integer"):
        field |= _number_field(kind, options)
    elif kind == "date":
        pattern, has_time = strptime_format(options["date_format"])
        field |= {"type": "datetime" if has_time else "date", "format": pattern}
    elif kind == "boolean":
        words = {"trueValues": [*options["true_values"]], "falseValues": [*options["false_values"]]}
        field |= {"type": "boolean", **words}
    constraints: Descriptor = {"required": True, "unique": True} if unique else {}
    if kind == "dimension" and items is not None:
        constraints["enum"] = list(items)
    return field | {"constraints": constraints} if constraints else field


def _number_field(kind: str, options: Mapping[str, Any]) -> Descriptor:
    fmt = NumberFormat.from_options(options)
    grouped = bool(fmt.thousands_separator)
    field: Descriptor = {"type": "number" if kind == "number" or grouped else "integer"}
    if field["type"] == "number" and fmt.decimal_separator != ".":
        field["decimalChar"] = fmt.decimal_separator
    if grouped:
        field["groupChar"] = fmt.thousands_separator
    if fmt.prefix or fmt.suffix or fmt.percent:
        field["bareNumber"] = False
    return field


def _slug(text: str) -> str:
    """A Frictionless name (lower-case ASCII letters, digits, `-`, `_`, `.`) for `text`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9._]+", "-", ascii_text.lower()).strip("-")


def _checked(kind: str, descriptor: Descriptor) -> Descriptor:
    """`descriptor` loaded by Frictionless and written back in its v2 form (with `$schema`)."""
    import frictionless

    loader = frictionless.Package if kind == "package" else frictionless.Schema
    try:
        written: Descriptor = loader.from_descriptor(descriptor).to_descriptor(upgrade=True)
    except frictionless.FrictionlessException as error:
        raise DescriptorError(_reasons(error)) from None
    return written


def _reasons(error: FrictionlessException) -> str:
    notes = [reason.note for reason in error.reasons] or [error.error.note]
    return "Frictionless refuses the descriptor: " + "; ".join(notes)


# Table Schema -> draft


@dataclass(frozen=True, slots=True)
class DraftInputs:
    """A draft's guess per column of the sample's header, its key, and what it cannot hold."""

    guesses: tuple[Guess, ...]
    unique: str | None
    notes: tuple[str, ...]


def read_table_schema(path: Path, sample_name: str | None = None) -> Descriptor:
    """The Table Schema in the file at `path` (JSON, or YAML), as Frictionless loads it.

    The file is a Table Schema, or a Data Package: then the schema of its resource whose path
    names `sample_name`, else of its only resource. Raises DescriptorError when the file is not
    one Frictionless accepts, OSError when it cannot be read.
    """
    import frictionless

    from csvlint.config.parse import parse_text

    parsed = parse_text(path.read_text(encoding="utf-8-sig"), is_json=path.suffix == ".json")
    if parsed.data is None or parsed.problems:
        found = parsed.problems[0].message if parsed.problems else "it holds no mapping"
        raise DescriptorError(f"not a JSON or YAML descriptor: {found}")
    try:
        if "resources" not in parsed.data:
            schema = frictionless.Schema.from_descriptor(parsed.data)
        else:
            package = frictionless.Package.from_descriptor(parsed.data, basepath=str(path.parent))
            resources = package.resources
            named = [r for r in resources if r.path and PurePath(r.path).name == sample_name]
            if len(named or resources) != 1:
                found = f"{len(resources)} resources and none is {sample_name}"
                raise DescriptorError(f"the Data Package has {found}")
            schema = (named or resources)[0].schema
        loaded: Descriptor = schema.to_descriptor()
    except frictionless.FrictionlessException as error:
        raise DescriptorError(_reasons(error)) from None
    return loaded


def draft_inputs(
    schema: Mapping[str, Any], header: Sequence[str], values: Sequence[Sequence[str]]
) -> DraftInputs:
    """The draft's types and column options for the sample's `header` from the `schema`'s
    fields, matched by name; `values[i]` are the sample's values of column i, which complete
    what a field does not say. A column without a field is text.

    Raises DescriptorError for a field whose format Pigment cannot hold.
    """
    named = {f["name"]: f for f in schema.get("fields", []) if "name" in f}
    notes = [f"field {n!r} is not a column of the sample" for n in named if n not in header]
    guesses: list[Guess] = []
    for index, name in enumerate(header):
        column = values[index] if index < len(values) else ()
        try:
            guesses.append(_draft_column(named[name], column, notes) if name in named else _TEXT)
        except ValueError as error:
            raise DescriptorError(f"field {name!r}: {error}") from None
    return DraftInputs(tuple(guesses), _key(schema, header, notes), tuple(notes))


def pigment_date_format(fmt: str, values: Sequence[str] = ()) -> str:
    """The Pigment date pattern of a strptime format.

    strptime's `%m` and `%d` read one or two digits: the pattern has `MM` and `dd`, or `M` and
    `d` when only those read every one of `values`. DescriptorError for a directive that has no
    Pigment token (`%B`, `%j`, `%z`...) or a format that is no Pigment date.
    """
    return _fitting([_from_strptime(fmt, loose=False), _from_strptime(fmt, loose=True)], values)


_TEXT: Guess = ("text", {})


def _draft_column(field: Mapping[str, Any], values: Sequence[str], notes: list[str]) -> Guess:
    from csvlint.formats.guess import guess_column

    kind, name = field.get("type", "any"), field["name"]
    if kind == "string" and field.get("constraints", {}).get("enum"):
        count = len(field["constraints"]["enum"])
        notes.append(f"field {name!r}: list its {count} enum values as the property's `items`")
        return "dimension", {}
    if kind in ("number", "integer"):
        decimal, group = field.get("decimalChar", "."), field.get("groupChar", "")
        NumberFormat.from_options({"decimal_separator": decimal, "thousands_separator": group})
        options: dict[str, object] = {"decimal_separator": decimal} if decimal != "." else {}
        options |= {"thousands_separator": group} if group else {}
        found, guessed = guess_column(values) if field.get("bareNumber") is False else _TEXT
        if found in ("number", "integer"):  # the affixes only: the separators are the field's
            options |= {k: v for k, v in guessed.items() if k in ("prefix", "suffix", "percent")}
        return kind, options
    if kind in ("date", "datetime"):
        fmt = field.get("format", "default")
        if fmt == "any":
            pattern = str(guess_column(values)[1].get("date_format", DEFAULT_DATE_FORMAT))
        elif fmt == "default":
            pattern = DEFAULT_DATE_FORMAT if kind == "date" else _fitting(_ISO_DATETIMES, values)
        else:
            pattern = pigment_date_format(fmt, values)
        return "date", {} if pattern == DEFAULT_DATE_FORMAT else {"date_format": pattern}
    if kind == "boolean":
        true, false = field.get("trueValues", ()), field.get("falseValues", ())
        if {*true} - {*DEFAULT_TRUE_VALUES} or {*false} - {*DEFAULT_FALSE_VALUES}:
            notes.append(f"field {name!r}: set its words as formats.true_values/false_values")
        return "boolean", {}
    return ("integer", {}) if kind == "year" else _TEXT


def _key(schema: Mapping[str, Any], header: Sequence[str], notes: list[str]) -> str | None:
    primary = schema.get("primaryKey") or []
    if len(primary) > 1:
        notes.append(f"the primary key {', '.join(primary)} is several fields; Pigment's is one")
        primary = []
    unique = [f["name"] for f in schema.get("fields", []) if f.get("constraints", {}).get("unique")]
    keys = list(dict.fromkeys(name for name in [*primary, *unique] if name in header))
    if len(keys) > 1:
        notes.append(f"{', '.join(keys)} are unique: the draft's key is {keys[0]}")
    return keys[0] if keys else None


def _from_strptime(fmt: str, *, loose: bool) -> str:
    # Pigment reads ASCII letters as tokens: literal ones are quoted, and a quote is doubled
    tokens = _FROM_STRPTIME | (_LOOSE if loose else {}) | {"%%": "%", "'": "''"}

    def token(match: re.Match[str]) -> str:
        text = match.group()
        if text in tokens:
            return tokens[text]
        if text.startswith("%"):
            found = f"{text} has no Pigment equivalent (tokens: yyyy yy MMM MM M dd d HH mm ss)"
            raise DescriptorError(f"date format {fmt!r}: {found}")
        return f"'{text}'"

    return re.sub(r"%.?|[A-Za-z]+|'", token, fmt)


def _fitting(patterns: Sequence[str], values: Sequence[str]) -> str:
    """The first of `patterns` that reads every one of `values`, else the first valid one."""
    from csvlint.formats.column import DateCheck

    checks, problems = [], []
    for pattern in patterns:
        try:
            checks.append(DateCheck(DateFormat.compile(pattern)))
        except ValueError as error:
            problems.append(str(error))
    if not checks:
        raise DescriptorError(problems[0])
    return next((c.format.source for c in checks if c.accepts_all(values)), checks[0].format.source)
