"""The bundled JSON Schemas, and schema validation that speaks the file's language.

Each violation becomes a `ConfigProblem` at the JSON pointer of the offending value (for an
unknown key, of the key itself), with its line and a message a person can act on: the unknown
key's name and the closest allowed one, the allowed values of a closed choice, the key that is
missing.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from csvlint.bundled import load_schema
from csvlint.config.model import ConfigProblem, SourceMap, join_pointer

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError
    from jsonschema.protocols import Validator

IMPORT_CONFIG = "import-config"

_JSON_TYPES = {
    "null": "null",
    "boolean": "a boolean",
    "integer": "an integer",
    "number": "a number",
    "string": "a string",
    "array": "a list",
    "object": "a mapping",
}


def bundled_schema(name: str) -> dict[str, Any]:
    """The bundled schema `name` (`import-config`, `report`, `settings`) as a fresh dict.

    Raises ValueError for a name that is not bundled.
    """
    return load_schema(name)


def schema_problems(
    data: Any, source: SourceMap, schema: str = IMPORT_CONFIG
) -> tuple[ConfigProblem, ...]:
    """Every way `data` (plain JSON-like values) violates the bundled schema, sorted by line.
    Data found valid before is not validated again (`csvlint.config.verdicts`)."""
    from csvlint.config.verdicts import known_valid, remember_valid

    if known_valid(schema, data):
        return ()
    validator = _validator(schema)
    root: dict[str, Any] = dict(validator.schema) if isinstance(validator.schema, dict) else {}
    problems: dict[tuple[str, str], ConfigProblem] = {}
    for error in validator.iter_errors(data):
        for pointer, message in _describe(error, root, data):
            problems.setdefault(
                (pointer, message), ConfigProblem(pointer, source.line_of(pointer), message)
            )
    if not problems:
        remember_valid(schema, data)
    return tuple(sorted(problems.values(), key=lambda p: (p.line or 0, p.pointer, p.message)))


@functools.cache
def _validator(name: str) -> Validator:
    # jsonschema is imported here, not at the top: it is slow to import and most runs of the
    # command line never validate a configuration
    import codecs

    from jsonschema import Draft202012Validator, FormatChecker

    checker = FormatChecker()

    @checker.checks("text-encoding", raises=(LookupError, ValueError))
    def _is_text_encoding(value: object) -> bool:
        if isinstance(value, str):
            # str.encode refuses codecs that are not text encodings (base64, rot13, zlib)
            "".encode(codecs.lookup(value).name)
        return True

    return Draft202012Validator(bundled_schema(name), format_checker=checker)


def _pointer(path: Sequence[str | int]) -> str:
    pointer = ""
    for key in path:
        pointer = join_pointer(pointer, key)
    return pointer


def _shown(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def _type_of(value: object) -> str:
    kinds: list[tuple[str, type]] = [("null", type(None)), ("boolean", bool), ("integer", int)]
    kinds += [("number", float), ("string", str), ("array", list)]
    name = next((name for name, kind in kinds if isinstance(value, kind)), "object")
    return _JSON_TYPES[name]


def _either(words: Sequence[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


def _describe(error: ValidationError, root: dict[str, Any], data: Any) -> Iterator[tuple[str, str]]:
    """(pointer, message) pairs for one validation error."""
    path = list(error.absolute_path)
    pointer = _pointer(path)
    kind = error.validator
    expected: Any = error.validator_value
    value: Any = error.instance
    schema_path = list(error.absolute_schema_path)
    nodes = _schema_nodes(root, schema_path)
    context = "".join(
        f" {node['title']}"
        for key, node in nodes
        if key in ("then", "else") and isinstance(node, dict) and "title" in node
    )
    if kind == "additionalProperties" and isinstance(value, dict):
        allowed = list(error.schema.get("properties", {})) if isinstance(error.schema, dict) else []
        for key in value:
            if key not in allowed:
                yield join_pointer(pointer, key), _unknown_key(key, allowed)
    elif kind == "required" and isinstance(value, dict):
        for key in expected:
            if key not in value:
                yield pointer, f"missing required key '{key}'{context}"
    elif kind is None:
        yield from _forbidden_keys(path, schema_path, nodes, data, context)
    elif kind == "enum":
        choices = ", ".join(_shown(v) for v in expected)
        yield pointer, f"must be one of {choices}, not {_shown(value)}"
    elif kind == "const":
        yield pointer, f"must be {_shown(expected)}, not {_shown(value)}"
    elif kind == "type":
        yield pointer, _wrong_type(expected, value)
    elif kind in ("anyOf", "oneOf"):
        # a value that is one of a choice of words or a mapping (clear_items): the branch of
        # its own kind says best what is wrong
        shaped = [
            e
            for e in error.context or []
            if (e.validator not in ("type", "enum")) == isinstance(value, dict)
            and e.validator != "required"
        ]
        if shaped and any(e.validator == "enum" for e in shaped) == (not isinstance(value, dict)):
            yield from _describe(shaped[0], root, data)
        else:
            yield pointer, _alternatives(error)
    else:
        yield pointer, _plain(error)


def _unknown_key(key: str, allowed: list[str]) -> str:
    from difflib import get_close_matches  # only when a name is wrong

    close = get_close_matches(key, allowed, n=1)
    if close:
        return f"unknown key '{key}'; did you mean '{close[0]}'?"
    return f"unknown key '{key}'; expected one of: {', '.join(allowed)}"


def _forbidden_keys(
    path: list[str | int],
    schema_path: list[str | int],
    nodes: list[tuple[str | int, Any]],
    data: Any,
    context: str,
) -> Iterator[tuple[str, str]]:
    """The keys a `false` subschema forbids. jsonschema reports such an error at the object that
    holds the key, ending the schema path at `properties`, so the keys are found from there."""
    properties = nodes[-1][1] if nodes else None
    if schema_path[-1:] == ["properties"] and isinstance(properties, dict):
        parent: Any = data
        for step in path:
            parent = parent[step]
        forbidden = [key for key, sub in properties.items() if sub is False and key in parent]
    else:
        forbidden, path = path[-1:], path[:-1]
    trigger = None
    if "dependentSchemas" in schema_path:
        trigger = schema_path[schema_path.index("dependentSchemas") + 1]
    for key in forbidden:
        pointer = _pointer([*path, key])
        if trigger is not None:
            yield pointer, f"'{key}' cannot be used together with '{trigger}'"
        else:
            yield pointer, f"key '{key}' is not allowed{context}"


def _wrong_type(expected: str | list[str], value: object) -> str:
    names = [expected] if isinstance(expected, str) else list(expected)
    message = f"must be {_either([_JSON_TYPES[n] for n in names])}, not {_type_of(value)}"
    if "string" in names and isinstance(value, bool | int | float):
        # YAML reads TRUE, 2024 or 1.0 as a boolean or a number: quotes keep the text
        message += f" ({_shown(value)}); quote it to make it text"
    return message


def _alternatives(error: ValidationError) -> str:
    branches = error.context or []
    if branches and all(e.validator == "required" for e in branches):
        keys: list[str] = []
        for branch in branches:
            required: Any = branch.validator_value
            keys += [f"'{key}'" for key in required]
        return f"needs one of the keys {_either(keys)}"
    return error.message


def _plain(error: ValidationError) -> str:
    kind = error.validator
    expected: Any = error.validator_value
    value: Any = error.instance
    schema = error.schema if isinstance(error.schema, dict) else {}
    if kind == "minLength":
        return "must not be empty" if expected == 1 else f"must have at least {expected} characters"
    if kind == "minItems":
        return "must not be empty" if expected == 1 else f"must have at least {expected} entries"
    if kind == "uniqueItems" and isinstance(value, list):
        seen: set[str] = set()
        for item in value:
            shown = json.dumps(item, sort_keys=True)
            if shown in seen:
                return f"has a duplicate entry {_shown(item)}"
            seen.add(shown)
    if kind == "pattern" and "description" in schema:
        # the description of a patterned value says what the pattern means
        wanted = str(schema["description"]).rstrip(".")
        return f"{_shown(value)} is not valid: expected {wanted[:1].lower()}{wanted[1:]}"
    if kind == "format" and expected == "text-encoding":
        return f"{_shown(value)} is not a text encoding (e.g. utf-8, utf-8-sig, windows-1252)"
    if kind == "minimum":
        return f"must be at least {expected}, not {_shown(value)}"
    if kind == "exclusiveMinimum":
        return f"must be greater than {expected}, not {_shown(value)}"
    return error.message


def _schema_nodes(
    root: dict[str, Any], schema_path: list[str | int]
) -> list[tuple[str | int, Any]]:
    """The subschemas along a schema path, following local `$ref`s, with the key of each."""
    node: Any = root
    nodes: list[tuple[str | int, Any]] = []
    for key in schema_path:
        if isinstance(node, dict) and "$ref" in node and key not in node:
            node = _resolve(root, node["$ref"])
        if isinstance(node, list) and isinstance(key, int) and key < len(node):
            node = node[key]
        elif isinstance(node, dict):
            node = node.get(key)
        else:
            break
        nodes.append((key, node))
    return nodes


def _resolve(root: dict[str, Any], ref: str) -> Any:
    node: Any = root
    for token in ref.removeprefix("#/").split("/"):
        node = node.get(token.replace("~1", "/").replace("~0", "~"), {})
    return node
