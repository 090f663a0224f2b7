"""Import configurations as Frictionless Table Schemas and Data Packages, and back.

`table_schema` and `data_package` describe what a configuration expects of its CSV in the
descriptors Frictionless (v5) validates data against; `draft_inputs` reads a Table Schema's
fields as the types and options `csvlint config init` drafts a configuration from.

One field per configured column, named after its header, in order:

=====================  ========================================================================
configuration          Table Schema field
=====================  ========================================================================
text                   ``string``
dimension              ``string``; ``constraints.enum``: the known ``items``, when listed and
                       the column's ``on_missing_item`` is not ``create``
number                 ``number``; ``decimalChar`` (when not "."), ``groupChar`` (when a
                       thousands separator is set), ``bareNumber: false`` (with a prefix,
                       suffix or percent)
integer                ``integer``; ``bareNumber: false`` as for a number; with a thousands
                       separator, ``number`` with ``decimalChar`` and ``groupChar``
date                   ``date`` with ``format``: the pattern as a strptime format
                       (``dd/MM/yyyy`` is ``%d/%m/%Y``); ``datetime`` when it has a time
boolean                ``boolean``; ``trueValues`` / ``falseValues``: the import-wide words
unique property        ``constraints``: ``required`` and ``unique``; a dimension list's only
                       key is also the ``primaryKey``
metric                 a dimension column as a dimension property; the value column (and, in a
                       pivoted layout, each item column of the sample's header) as
                       ``value_type``
unmapped column        ``string``
=====================  ========================================================================

Where Frictionless cannot say what Pigment does, the descriptor accepts a little more, never less,
than csvlint's own value rules:

- Frictionless v5's integer field has no ``groupChar`` (only ``number`` does), hence a grouped
  integer column is a ``number``; and its fractional values pass, which Pigment truncates.
- ``bareNumber: false`` strips every non-digit before the first digit or minus sign and after
  the last digit, not only the configured prefix, suffix or ``%``. ``-$5`` (a sign before the
  prefix) is refused; ``$-5`` passes.
- ``groupChar`` is removed wherever it is, so ``12,34`` passes as 1234; ``1e5``, ``NaN`` and
  ``5.`` pass as numbers.
- Percent and multiplier change the stored value, not which texts are valid: the descriptor
  holds the number as written.
- strptime's ``%m`` and ``%d`` read one or two digits where ``MM`` and ``dd`` need two; ``%y`` is
  1969-2068 where Pigment's ``yy`` is 2000-2099; ``%b`` is the month abbreviation of the current
  locale, in any case; a space matches any run of whitespace.
- Constants, the load date and the wizard's options are not columns: they have no field.

Reading a Table Schema back (`draft_inputs`): ``string`` with an ``enum`` is a dimension, other
strings and unsupported types are text, ``year`` is an integer, ``datetime`` a date. A field
carries no prefix, suffix or percent, so with ``bareNumber: false`` those come from the sample's
values; dates of format ``any`` are guessed from them too. Known items and boolean words have no
place in a draft: they come back as notes.
"""

from __future__ import annotations

import copy
import json
import os
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any

from csvlint.config.draft import Guess
from csvlint.config.model import DEFAULT_FALSE_VALUES, DEFAULT_TRUE_VALUES, Column, ImportConfig
from csvlint.formats.date import DEFAULT_DATE_FORMAT, DateFormat
from csvlint.formats.number import NumberFormat

#: A Frictionless descriptor as plain JSON data.
Descriptor = dict[str, Any]

_STRPTIME = {
    "yyyy": "%Y",
    "yy": "%y",
    "MMM": "%b",
    "MM": "%m",
    "M": "%m",
    "dd": "%d",
    "d": "%d",
    "HH": "%H",
    "mm": "%M",
    "ss": "%S",
}
_TIME_TOKENS = frozenset({"HH", "mm", "ss"})
_FROM_STRPTIME = {v: k for k, v in _STRPTIME.items() if k not in ("M", "d")}
_LOOSE = {"%m": "M", "%d": "d"}
_ISO_DATETIMES = ("yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss")


class DescriptorError(ValueError):
    """A configuration Frictionless cannot describe, or a descriptor it refuses."""


# Configuration -> descriptor


def strptime_format(pattern: str) -> tuple[str, bool]:
    """The strptime format of a Pigment date pattern, and whether it has a time part.

    Raises DescriptorError for a pattern that is not a valid Pigment date format.
    """
    try:
        compiled = DateFormat.compile(pattern)
    except ValueError as error:
        raise DescriptorError(str(error)) from None
    out = [_STRPTIME[p.text] if p.is_token else p.text.replace("%", "%%") for p in compiled.parts]
    return "".join(out), any(p.is_token and p.text in _TIME_TOKENS for p in compiled.parts)


def table_schema(config: ImportConfig, *, pivot_header: Sequence[str] | None = None) -> Descriptor:
    """The Table Schema of the CSV files `config` receives, as Frictionless writes it.

    In a pivoted layout, the item columns are those of `pivot_header` (the sample's header from
    the pivot's first column on), read from the sample when not given.
    """
    return _checked("schema", _schema(config, pivot_header))


def data_package(
    config: ImportConfig, *, folder: Path, pivot_header: Sequence[str] | None = None
) -> Descriptor:
    """A Data Package with one resource: the sample of `config`, with its encoding, dialect and
    Table Schema; `folder` is where the descriptor goes (the resource path is relative to it)."""
    sample = config.sample_path
    name = _slug(config.name) or "import-configuration"
    resource = {
        "name": _slug(sample.stem) if sample is not None else name,
        "path": resource_path(config, folder),
        "encoding": config.file.encoding,
        "dialect": {"delimiter": config.file.delimiter, "quoteChar": config.file.quote},
        "schema": _schema(config, pivot_header),
    }
    package: Descriptor = {"name": name, "title": config.name}
    if config.description:
        package["description"] = config.description
    package["resources"] = [resource]
    return _checked("package", package)


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
        raise DescriptorError(
            f"its sample {sample} is not inside {folder}, and Frictionless reads only paths "
            "inside the descriptor's folder: write the descriptor beside the sample or above it"
        )
    return PurePath(relative).as_posix()


def _schema(config: ImportConfig, pivot_header: Sequence[str] | None) -> Descriptor:
    fields = [_column_field(config, column) for column in config.columns]
    pivot = config.file.pivot
    if config.file.layout == "pivoted" and pivot is not None:
        value_type = config.target.value_type or "text"
        header = _pivot_header(config) if pivot_header is None else pivot_header
        fields += [_field(name, value_type, _options(config, None)) for name in header]
    schema: Descriptor = {"fields": fields}
    keys = [f["name"] for f in fields if f.get("constraints", {}).get("unique")]
    if config.target.type == "dimension_list" and len(keys) == 1:
        schema["primaryKey"] = keys
    return schema


def _pivot_header(config: ImportConfig) -> list[str]:
    from csvlint.engine.sample import SampleError, read_sample

    pivot, sample = config.file.pivot, config.sample_path
    if pivot is None or sample is None:
        raise DescriptorError("a pivoted layout takes its item columns from a `sample`")
    try:
        return read_sample(sample, limit=0).header[pivot.first_column - 1 :]
    except SampleError as error:
        raise DescriptorError(f"its item columns come from the sample: {error}") from None


def _column_field(config: ImportConfig, column: Column) -> Descriptor:
    target = config.target
    kind, unique, items = "text", False, None
    if column.value and not target.is_list:
        kind = target.value_type or "text"
    elif column.dimension is not None and (dimension := target.dimension(column.dimension)):
        kind, items = "dimension", dimension.items
    elif column.property is not None and (prop := target.property(column.property)):
        kind, unique, items = prop.type, prop.unique, prop.items
    if column.options.on_missing_item == "create":
        items = None  # an unknown item becomes a new item: any value is accepted
    return _field(column.header, kind, _options(config, column), unique, items)


def _options(config: ImportConfig, column: Column | None) -> dict[str, Any]:
    """The import-wide formats overridden by the column's own options."""
    formats = config.formats
    merged: dict[str, Any] = {
        "decimal_separator": formats.decimal_separator,
        "thousands_separator": formats.thousands_separator,
        "date_format": formats.date_format,
        "true_values": list(formats.true_values),
        "false_values": list(formats.false_values),
    }
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
        field |= {
            "type": "boolean",
            "trueValues": options["true_values"],
            "falseValues": options["false_values"],
        }
    constraints: Descriptor = {}
    if unique:
        constraints |= {"required": True, "unique": True}
    if kind == "dimension" and items is not None:
        constraints["enum"] = list(items)
    if constraints:
        field["constraints"] = constraints
    return field


def _number_field(kind: str, options: Mapping[str, Any]) -> Descriptor:
    try:
        fmt = NumberFormat.from_options(options)
    except ValueError as error:
        raise DescriptorError(str(error)) from None
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
        # Frictionless consumes the dictionary it loads
        loaded = loader.from_descriptor(copy.deepcopy(descriptor))
    except frictionless.FrictionlessException as error:
        raise DescriptorError(_reasons(error)) from None
    written: Descriptor = loaded.to_descriptor(upgrade=True)
    return written


def _reasons(error: Any) -> str:
    notes = [reason.note for reason in error.reasons] or [error.error.note]
    return "Frictionless refuses the descriptor: " + "; ".join(notes)
