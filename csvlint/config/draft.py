"""A draft configuration written from a sample: the YAML text `csvlint config init` saves.

The draft is valid against the schema, so that the first `csvlint config save` reports what is
wrong with the mapping, not with the syntax. Every name taken from the sample is quoted when YAML
would read it as anything but that exact text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import fields

from csvlint.config.model import DEFAULT_FALSE_VALUES, DEFAULT_TRUE_VALUES, ColumnOptions, Formats

TARGET_TYPES = ("dimension_list", "transaction_list", "metric")
PROPERTY_TYPES = ("text", "number", "integer", "date", "boolean", "dimension")
COLUMN_OPTIONS = tuple(f.name for f in fields(ColumnOptions))

# text YAML reads back as itself in a plain scalar, in block and flow context alike
_PLAIN = re.compile(r"[A-Za-z_](?:[A-Za-z0-9_ .()/-]*[A-Za-z0-9_.()/-])?")
# words some YAML readers (1.1) take for booleans or null
_RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}

Guess = tuple[str, dict[str, object]]
#: the longest line a draft holds where it can: yamllint's default
LINE_LENGTH = 80


def render_draft(
    *,
    sample: str,
    name: str,
    target_type: str,
    block: str,
    encoding: str,
    delimiter: str,
    quote: str,
    header: list[str],
    guesses: list[Guess],
    unique: str | None,
) -> str:
    """The YAML text of a draft configuration (no `id`, no `saved`) for a sample.

    `sample` is written as given (relative to the draft's folder); `guesses[i]` is the guessed
    property type of column i and its column options (`{"date_format": "dd/MM/yyyy"}`). A list
    target gets one property per column, named after its header; a metric gets a dimension per
    text or dimension column and the first number or integer column as its value. `unique` names
    the header of a list's key. Raises ValueError for settings the format cannot hold.
    """
    _check(
        target_type=target_type,
        delimiter=delimiter,
        quote=quote,
        header=header,
        guesses=guesses,
        unique=unique,
    )
    lines = [
        "# Draft import configuration, written from its sample. The types and",
        "# formats below are guesses: check them and the mapping against Pigment's",
        "# import wizard, then run `csvlint config save` on this file to check it",
        "# against the sample; once Pigment has the configuration, `csvlint config",
        "# save --id UUID` with its Copy ID links the two.",
        "---",
        "csvlint: 1",
        f"name: {_scalar(name)}",
        "target:",
        f"  type: {target_type}",
        f"  block: {_scalar(block)}",
    ]
    if target_type == "metric":
        target, columns = _metric(header, guesses)
    else:
        target, columns = _list(header, guesses, unique, target_type)
    lines += target
    lines += [
        "file:",
        f"  encoding: {_scalar(encoding)}",
        f"  delimiter: {_scalar(delimiter)}",
        f"  quote: {_scalar(quote)}",
        "  layout: flat",
        "formats:  # import-wide; a column's own options override them",
        *(f"  {key}: {_scalar(value)}" for key, value in _default_formats()),
        "columns:  # the sample's header, in order",
        *columns,
        "options:",
        "  clear_items: none",
        "  apply_access_rights_to_admins: false",
        f"sample: {_scalar(sample)}",
        "# files: [extracts/*.csv]  # the extracts pushed under this ID",
    ]
    return "\n".join(lines) + "\n"


def _check(
    *,
    target_type: str,
    delimiter: str,
    quote: str,
    header: Sequence[str],
    guesses: Sequence[Guess],
    unique: str | None,
) -> None:
    if target_type not in TARGET_TYPES:
        raise ValueError(f"target type {target_type!r} is not one of {', '.join(TARGET_TYPES)}")
    if delimiter not in (",", ";"):
        raise ValueError(
            f"Pigment reads only comma or semicolon delimited files, not {delimiter!r}"
        )
    if quote not in ('"', "'"):
        raise ValueError(f"Pigment quotes only with a double or single quote, not {quote!r}")
    if not header:
        raise ValueError("the sample has no header")
    if len(guesses) != len(header):
        raise ValueError(f"{len(guesses)} guesses for {len(header)} columns")
    for kind, options in guesses:
        if kind not in PROPERTY_TYPES:
            raise ValueError(f"type {kind!r} is not one of {', '.join(PROPERTY_TYPES)}")
        unknown = set(options) - set(COLUMN_OPTIONS)
        if unknown:
            raise ValueError(f"unknown column options: {', '.join(sorted(unknown))}")
    if unique is not None and target_type == "metric":
        raise ValueError("a metric has no unique property")
    if unique is not None and unique not in header:
        raise ValueError(f"the unique column {unique!r} is not in the header")


def _list(
    header: Sequence[str], guesses: Sequence[Guess], unique: str | None, target_type: str
) -> tuple[list[str], list[str]]:
    properties = ["  properties:"]
    columns = []
    key = header.index(unique) if unique is not None else None
    for index, (text, (kind, options)) in enumerate(zip(header, guesses, strict=True)):
        name = _property_name(text, index)
        fields = [f"name: {_scalar(name)}", f"type: {kind}"]
        if index == key:
            fields.append("unique: true")
        if kind == "dimension":
            fields.append(f"list: {_scalar(name)}")
        note = "  # the dimension list it refers to" if kind == "dimension" else ""
        properties += _item("    ", fields, note)
        columns += _column(text, f"property: {_scalar(name)}", options)
    if key is None and target_type == "dimension_list":
        properties.insert(1, "    # a dimension list needs a key: mark one property `unique: true`")
    return properties, columns


def _metric(header: Sequence[str], guesses: Sequence[Guess]) -> tuple[list[str], list[str]]:
    dimensions = ["  dimensions:"]
    columns = []
    value_type = None
    for index, (text, (kind, options)) in enumerate(zip(header, guesses, strict=True)):
        name = _property_name(text, index)
        if kind in ("text", "dimension"):
            dimensions += _item("    ", [f"name: {_scalar(name)}"])
            columns += _column(text, f"dimension: {_scalar(name)}", options)
        elif kind in ("number", "integer") and value_type is None:
            value_type = kind
            columns += _column(text, "value: true", options)
        else:
            columns += _item("  ", [f"header: {_scalar(text)}"], "  # not imported")
    if len(dimensions) == 1:
        dimensions = ["  dimensions: []  # no text column found: list them"]
    value = [f"  value_type: {value_type}"]
    if value_type is None:
        value = ["  value_type: number  # no number column: mark one `value: true`"]
    return dimensions + value, columns


def _column(header: str, target: str, options: dict[str, object]) -> list[str]:
    fields = [f"header: {_scalar(header)}", target]
    fields += [f"{key}: {_scalar(value)}" for key, value in options.items()]
    return _item("  ", fields)


def _item(indent: str, fields: Sequence[str], note: str = "") -> list[str]:
    """A list item: one flow mapping when it fits a line of 80 characters (yamllint's default
    line length), else a block mapping, a field a line."""
    line = f"{indent}- {{{', '.join(fields)}}}{note}"
    if len(line) <= LINE_LENGTH:
        return [line]
    first, *rest = fields
    lines = fold_field(f"{indent}- ", first)
    lines[0] += note
    for field in rest:
        lines += fold_field(f"{indent}  ", field)
    return lines


def fold_field(lead: str, field: str) -> list[str]:
    """`key: value` after `lead`, the value folded over lines as a double-quoted scalar when
    the line would pass 80 characters. YAML reads a line break inside double quotes as one
    space, so the text breaks only at single spaces (never inside a run of spaces)."""
    line = lead + field
    key, _, scalar = field.partition(": ")
    text = _text_of(scalar)
    if len(line) <= LINE_LENGTH or text is None or " " not in text:
        return [line]
    quoted = json.dumps(text, ensure_ascii=False)
    if not quoted.isprintable():
        return [line]
    continued = " " * (len(lead) + 2)
    lines, current = [], f"{lead}{key}: "
    words = re.split(r"(?<! ) (?! )", quoted)
    for index, word in enumerate(words):
        if index and len(current) + 1 + len(word) > LINE_LENGTH:
            lines.append(current)
            current = continued + word
        else:
            current += (" " if index else "") + word
    return [*lines, current]


def _text_of(scalar: str) -> str | None:
    """The text a scalar `_scalar` wrote stands for, or None for a flow list."""
    if scalar.startswith('"'):
        try:
            value = json.loads(scalar)
        except ValueError:  # a YAML escape JSON does not have: left on one line
            return None
        return value if isinstance(value, str) else None
    if scalar.startswith("'"):
        return scalar[1:-1]
    return None if scalar.startswith("[") else scalar


def _property_name(header: str, index: int) -> str:
    # a name is what Pigment shows: no stray whitespace or BOM, never empty
    return header.strip().lstrip("\ufeff").strip() or f"Column {index + 1}"


def _default_formats() -> list[tuple[str, object]]:
    formats = Formats()
    return [
        ("decimal_separator", formats.decimal_separator),
        ("thousands_separator", formats.thousands_separator),
        ("date_format", formats.date_format),
        ("true_values", list(DEFAULT_TRUE_VALUES)),
        ("false_values", list(DEFAULT_FALSE_VALUES)),
    ]


def _scalar(value: object) -> str:
    """`value` as a YAML scalar (or flow list) that reads back as exactly `value`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return json.dumps(value)
    if isinstance(value, list):
        return f"[{', '.join(_scalar(item) for item in value)}]"
    text = str(value)
    if _PLAIN.fullmatch(text) and text.lower() not in _RESERVED:
        return text
    if '"' in text and "'" not in text and text.isprintable():
        return f"'{text}'"
    # JSON's double-quoted strings are YAML's too; YAML refuses some characters JSON leaves as
    # they are (DEL, C1 controls, U+2028, BOM), so those are escaped
    return "".join(
        c if c.isprintable() else f"\\u{ord(c):04x}" if ord(c) < 0x10000 else f"\\U{ord(c):08x}"
        for c in json.dumps(text, ensure_ascii=False)
    )
