"""Configuration text to plain data with positions: YAML or JSON, never an exception.

ruamel.yaml's round-trip loader knows the line of every key and item, which is what a finding on
a configuration needs. Its values are converted to plain dict, list, str, int, float, bool and None,
so that the schema, the fingerprint and the model see the same data whether the file was YAML or
JSON. A JSON file must also be strict JSON (`json.loads`), and its values are taken from there: a
YAML-only construct in a `.json` file is a problem, not a silent extension.
"""

from __future__ import annotations

import functools
import json
import os
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from csvlint.config.model import ConfigProblem, SourceMap, join_pointer

if TYPE_CHECKING:
    from ruamel.yaml import YAML

#: more values than this after expanding aliases is an attack ("billion laughs"), not a config
MAX_VALUES = 1_000_000
#: values that aliases may add beyond what the text spells out (about one a character at most)
ALIAS_ALLOWANCE = 10_000
#: deeper than this is no configuration either, and would exhaust the stack
MAX_DEPTH = 64
#: a configuration's largest size: the YAML parser takes about 12 s a MiB, so a bigger text
#: (52 MB took 7 minutes and 4.9 GiB) is refused before it is parsed
MAX_BYTES = 1 << 20


@dataclass(frozen=True, slots=True)
class Parsed:
    """What the text holds: the top-level mapping (None when there is none), where each value
    is, and why the text is not a well-formed configuration file."""

    data: dict[str, Any] | None
    source: SourceMap
    problems: tuple[ConfigProblem, ...]


class _UnusableError(Exception):
    """The document cannot be turned into plain data at all."""


def parse_text(text: str, *, is_json: bool) -> Parsed:
    """Parse a configuration's text (without a BOM) as YAML, or as strict JSON if `is_json`.
    A text read without problem before is taken from the cache (`csvlint.cache`). A text over
    `MAX_BYTES`, or nested deeper than `MAX_DEPTH` in brackets, is refused before parsing."""
    refusal = too_big(len(text.encode("utf-8", "surrogatepass"))) or _too_deep(text)
    if refusal is not None:
        return Parsed(None, SourceMap(), (refusal,))
    key = ("json" if is_json else _yaml_parser(), text)
    known = _from_cache(key)
    if known is not None:
        return known
    parsed = _parse_json(text) if is_json else _parse_yaml(text)
    if parsed.data is not None and not parsed.problems:
        from csvlint import cache

        content = {"data": parsed.data, "lines": dict(parsed.source.lines)}
        cache.write("parsed", json.dumps(content).encode("ascii"), *key)
    return parsed


def too_big(size: int) -> ConfigProblem | None:
    """The problem of a configuration of `size` bytes, when it is over the limit."""
    if size <= MAX_BYTES:
        return None
    return ConfigProblem(
        "", None, f"the file is {size:,} bytes: a configuration is at most {MAX_BYTES:,} bytes"
    )


def _too_deep(text: str) -> ConfigProblem | None:
    """Flow collections (`[`, `{`) nested deeper than `MAX_DEPTH`, found by counting brackets
    outside quotes: the parser takes seconds to fail on a hundred thousand of them. Indented
    (block) nesting fails fast in the parser itself."""
    depth = 0
    quote = ""
    previous = "\n"
    for char in text:
        if quote:
            if char == quote:
                quote = ""
        elif char in "\"'" and previous in " \t\n[{,:":
            quote = char
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                message = f"the document is nested more than {MAX_DEPTH} levels deep"
                return ConfigProblem("", text.count("\n", 0, text.find(char)) + 1, message)
        elif char in "]}":
            depth = max(0, depth - 1)
        previous = char
    return None


def _yaml_parser() -> str:
    """Which YAML parser reads the text, without importing it (20 ms): its file and version."""
    from importlib.util import find_spec

    try:
        spec = find_spec("ruamel.yaml")
        origin = spec.origin if spec is not None else None
        stat = os.stat(origin) if origin else None
    except (ImportError, OSError, ValueError):
        return "yaml"
    return f"yaml {origin} {stat.st_size} {stat.st_mtime_ns}" if stat else "yaml"


def _from_cache(key: tuple[str, str]) -> Parsed | None:
    from csvlint import cache

    content = cache.read("parsed", *key)
    if content is None:
        return None
    try:
        known = json.loads(content)
        data, lines = known["data"], known["lines"]
    except (ValueError, KeyError, TypeError):
        return None  # a damaged entry: read the text again
    if not isinstance(data, dict) or not isinstance(lines, dict):
        return None
    return Parsed(data, SourceMap(lines), ())


def _parse_yaml(text: str) -> Parsed:
    node, problem = _load_yaml(text)
    if problem is not None:
        return Parsed(None, SourceMap(), (problem,))
    walk = _Walk(len(text))
    try:
        data = walk.plain(node, "", 0)
    except _UnusableError as error:
        return Parsed(None, SourceMap(), (ConfigProblem("", None, str(error)),))
    problems = walk.problems
    if not isinstance(data, dict):
        problems.append(ConfigProblem("", walk.lines.get(""), _not_a_mapping(data)))
        data = None
    return Parsed(data, SourceMap(walk.lines), tuple(problems))


def _parse_json(text: str) -> Parsed:
    duplicates: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in items:
            if key in result:
                duplicates.append(key)
            result[key] = value
        return result

    def no_constant(name: str) -> None:
        raise ValueError(f"{name} is not a JSON value")

    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_constant=no_constant)
    except json.JSONDecodeError as error:
        return Parsed(
            None, SourceMap(), (ConfigProblem("", error.lineno, f"invalid JSON: {error.msg}"),)
        )
    except (ValueError, RecursionError) as error:
        return Parsed(None, SourceMap(), (ConfigProblem("", None, f"invalid JSON: {error}"),))
    try:
        # the limits of a YAML document hold for JSON too: the checks downstream recurse
        _Walk(len(text)).plain(data, "", 0)
    except _UnusableError as error:
        return Parsed(None, SourceMap(), (ConfigProblem("", None, str(error)),))
    # strict JSON has tabs only between tokens, where YAML's scanner may refuse them: the lines
    # of the positions are unchanged by replacing them
    node, problem = _load_yaml(text.replace("\t", " "))
    walk = _Walk(len(text))
    if problem is None:
        try:
            walk.plain(node, "", 0)
        except _UnusableError:
            walk.lines.clear()
    # the YAML parser stops at the first duplicate key, with its line
    line = problem.line if problem is not None and "duplicate key" in problem.message else None
    problems = [ConfigProblem("", line, f"duplicate key '{key}'") for key in duplicates]
    if not isinstance(data, dict):
        problems.append(ConfigProblem("", 1, _not_a_mapping(data)))
        data = None
    return Parsed(data, SourceMap(walk.lines), tuple(problems))


def _not_a_mapping(data: object) -> str:
    if data is None:
        return "the file is empty: expected a mapping of keys such as csvlint, name, target"
    kind = "a list" if isinstance(data, list) else "a single value"
    return f"expected a mapping of keys at the top level, not {kind}"


@functools.cache
def _yaml() -> YAML:
    # ruamel.yaml is imported on first use: most runs of csvlint never read a configuration
    from ruamel.yaml import YAML
    from ruamel.yaml.constructor import RoundTripConstructor

    class TextTimestamps(RoundTripConstructor):
        """Leaves `2024-01-01` as the text it is: timestamps are not in YAML 1.2's core schema,
        and dates in a configuration are values to compare with CSV text."""

    TextTimestamps.add_constructor(
        "tag:yaml.org,2002:timestamp",
        lambda constructor, node: constructor.construct_scalar(node),
    )
    yaml = YAML(typ="rt")
    yaml.Constructor = TextTimestamps
    return yaml


def _load_yaml(text: str) -> tuple[Any, ConfigProblem | None]:
    try:
        with warnings.catch_warnings():
            # ruamel warns about reused anchors and the like: nothing a configuration needs
            warnings.simplefilter("ignore")
            return _yaml().load(text), None
    except Exception as error:  # a hostile text can fail the parser in many ways
        return None, _syntax_problem(error, text)


def _syntax_problem(error: Exception, text: str) -> ConfigProblem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line = getattr(mark, "line", None)
    position = getattr(error, "position", None)
    if isinstance(line, int):
        line += 1
    elif isinstance(position, int):
        line = text.count("\n", 0, position) + 1
    problem = getattr(error, "problem", None) or getattr(error, "reason", None)
    if isinstance(error, RecursionError):
        problem = "nested too deeply"
    elif not problem:
        problem = (str(error).splitlines() or [type(error).__name__])[0]
    context = getattr(error, "context", None)
    suffix = f" ({context})" if isinstance(context, str) and context else ""
    return ConfigProblem("", line, f"invalid YAML: {problem}{suffix}")


class _Walk:
    """Converts ruamel's round-trip values to plain ones, noting each pointer's line."""

    def __init__(self, size: int) -> None:
        # a text spells out at most about one value a character: far more is aliases expanding
        self.limit = min(MAX_VALUES, size + ALIAS_ALLOWANCE)
        self.lines: dict[str, int] = {}
        self.problems: list[ConfigProblem] = []
        self.count = 0
        self.parents: set[int] = set()

    def plain(self, node: Any, pointer: str, depth: int) -> Any:
        self.count += 1
        if self.count > self.limit:
            raise _UnusableError(
                f"the document holds more than {self.limit:,} values once its aliases are "
                "expanded: use fewer aliases"
            )
        if depth > MAX_DEPTH:
            raise _UnusableError(f"the document is nested more than {MAX_DEPTH} levels deep")
        if isinstance(node, Mapping | list):
            if id(node) in self.parents:
                raise _UnusableError("an alias refers to a collection that contains it")
            self.parents.add(id(node))
            if pointer not in self.lines:
                self._note(pointer, node, None)
            result = (
                self._mapping(node, pointer, depth)
                if isinstance(node, Mapping)
                else self._seq(node, pointer, depth)
            )
            self.parents.discard(id(node))
            return result
        return self._scalar(node, pointer)

    def _mapping(self, node: Mapping[Any, Any], pointer: str, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in node.items():
            if not isinstance(key, str):
                self._problem(pointer, f"key {key!r} is not text: quote it")
                continue
            child = join_pointer(pointer, key)
            self._note(child, node, key)
            result[str(key)] = self.plain(value, child, depth + 1)
        return result

    def _seq(self, node: list[Any], pointer: str, depth: int) -> list[Any]:
        result = []
        for index, value in enumerate(node):
            child = join_pointer(pointer, index)
            self._note(child, node, index)
            result.append(self.plain(value, child, depth + 1))
        return result

    def _scalar(self, node: Any, pointer: str) -> Any:
        if node is None or isinstance(node, bool):
            return node
        if type(node).__name__ == "ScalarBoolean":  # an anchored boolean is an int subclass
            return bool(node)
        if isinstance(node, str):
            return str(node)
        if isinstance(node, int):
            return int(node)
        if isinstance(node, float):
            return float(node)
        tag = getattr(getattr(node, "tag", None), "value", None)
        what = f"a value tagged {tag}" if tag else f"a {type(node).__name__} value"
        self._problem(pointer, f"{what} is not supported: use text, a number or a boolean")
        return None

    def _note(self, pointer: str, parent: Any, key: str | int | None) -> None:
        """Record the line of `parent[key]` (of `parent` itself when key is None)."""
        lc = getattr(parent, "lc", None)
        if lc is None:
            return
        if key is None:
            line = lc.line
        else:
            position = lc.data.get(key) if isinstance(lc.data, dict) else None
            line = position[0] if position else lc.line
        if isinstance(line, int):
            self.lines[pointer] = line + 1

    def _problem(self, pointer: str, message: str) -> None:
        self.problems.append(ConfigProblem(pointer, self.lines.get(pointer), message))
