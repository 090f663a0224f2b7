"""Reading configuration files: every input gives a result, problems have a line."""

from __future__ import annotations

import copy
import importlib.util
import json
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csvlint.config import ConfigProblem, LoadedConfig, load_config, load_config_text, parse

DATA = Path(__file__).parent / "data"
GENERATOR = Path(__file__).resolve().parents[2] / "benchmarks" / "make_extract.py"
YAML_PATH = Path("orders.import.yaml")
JSON_PATH = Path("orders.import.json")


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def _only_problem(loaded: LoadedConfig) -> ConfigProblem:
    assert loaded.config is None
    assert len(loaded.problems) == 1, loaded.problems
    return loaded.problems[0]


def _make_extract() -> Any:
    spec = importlib.util.spec_from_file_location("make_extract", GENERATOR)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_extract", module)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("delimiter", "decimal"), [(",", "."), (";", ",")])
@pytest.mark.parametrize("bom", [False, True])
def test_the_benchmark_configuration_is_valid(delimiter: str, bom: bool, decimal: str) -> None:
    text = _make_extract().config_text(delimiter, bom, decimal)
    loaded = load_config_text(text, YAML_PATH)
    assert loaded.problems == ()
    assert loaded.config is not None
    assert loaded.config.file.delimiter == delimiter
    assert loaded.config.file.encoding == ("utf-8-sig" if bom else "utf-8")
    assert loaded.config.formats.decimal_separator == decimal


def test_yaml_and_json_give_the_same_configuration() -> None:
    from_yaml = load_config(DATA / "orders.import.yaml")
    from_json = load_config(DATA / "orders.import.json")
    assert from_json.problems == ()
    assert from_yaml.data == from_json.data
    assert from_yaml.config is not None
    assert from_json.config is not None
    assert replace(from_json.config, path=from_yaml.config.path) == from_yaml.config
    # positions come from the JSON text itself
    line = from_json.source.line_of("/columns/4/date_format")
    assert line is not None
    assert '"date_format": "dd/MM/yyyy"' in from_json.text.splitlines()[line - 1]


def test_source_map_has_the_line_of_every_key_and_item() -> None:
    loaded = load_config(DATA / "revenue.import.yaml")
    lines = loaded.text.splitlines()
    assert loaded.source.line_of("") == 2
    for pointer, expected in [
        ("/target/dimensions/0", "    - name: Country"),
        ("/target/dimensions/0/items/2", '      items: [FR, DE, "NO"]'),
        ("/file/pivot/first_column", "  pivot: {dimension: Month"),
        ("/columns/1/on_missing_item", "    on_missing_item: create"),
        ("/constants/0/value", "    value: Actual"),
    ]:
        line = loaded.source.line_of(pointer)
        assert line is not None
        assert lines[line - 1].startswith(expected), pointer


@given(st.integers(min_value=0, max_value=44))
def test_a_yaml_syntax_error_gives_its_line(position: int) -> None:
    lines = _lines((DATA / "orders.import.yaml").read_text(encoding="utf-8"))
    # at column 0 the line closes any nested block, so the scanner fails right there
    lines.insert(position, "broken: mapping: value\n")
    problem = _only_problem(load_config_text("".join(lines), YAML_PATH))
    assert problem.line == position + 1
    assert problem.pointer == ""
    assert problem.message.startswith("invalid YAML: mapping values are not allowed here")


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("csvlint: 1\nname: 'unclosed\n", 3, "invalid YAML"),
        ("csvlint: 1\nname: [a, b\n", 3, "invalid YAML"),
        ("csvlint: 1\n\tname: x\n", 2, "invalid YAML"),
        ("csvlint: 1\nname: a\n---\nname: b\n", 3, "single document"),
        ("csvlint: 1\nname: *nowhere\n", 2, "undefined alias"),
        ("csvlint: 1\nname: a\x00b\n", 2, "invalid YAML"),
    ],
)
def test_yaml_errors(text: str, line: int, words: str) -> None:
    problem = _only_problem(load_config_text(text, YAML_PATH))
    assert problem.line == line
    assert words in problem.message


def test_a_duplicate_yaml_key_is_a_problem() -> None:
    problem = _only_problem(
        load_config_text("csvlint: 1\nname: a\nsample: x\nname: b\n", YAML_PATH)
    )
    assert problem.line == 4
    assert 'duplicate key "name"' in problem.message


def test_a_duplicate_json_key_is_a_problem() -> None:
    text = '{\n  "csvlint": 1,\n  "name": "a",\n  "name": "b"\n}\n'
    loaded = load_config_text(text, JSON_PATH)
    assert loaded.config is None
    assert ConfigProblem("", 4, "duplicate key 'name'") in loaded.problems


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("csvlint: 1\nname: x\n", 1, "invalid JSON"),
        ('{"csvlint": 1,\n "name": \'x\'}', 2, "invalid JSON"),
        ('{"csvlint": 1, // a comment\n"name": "x"}', 1, "invalid JSON"),
        ('{"csvlint": 1,\n "name": "x",\n}', 3, "invalid JSON"),
        ('{"csvlint": NaN}', None, "NaN is not a JSON value"),
        ("[1, 2]", 1, "not a list"),
    ],
)
def test_a_json_file_must_be_strict_json(text: str, line: int | None, words: str) -> None:
    problem = _only_problem(load_config_text(text, JSON_PATH))
    assert problem.line == line
    assert words in problem.message


def test_json_indented_with_tabs_has_positions() -> None:
    loaded = load_config_text('{\n\t"csvlint": 1,\n\t"name": "x"\n}\n', JSON_PATH)
    assert loaded.data == {"csvlint": 1, "name": "x"}
    assert loaded.source.line_of("/name") == 3


def test_json_values_come_from_the_json_parser() -> None:
    # YAML reads the escaped surrogate pair as two characters, JSON as the one it means
    loaded = load_config_text('{"name": "\\ud83d\\ude00"}', JSON_PATH)
    assert loaded.data == {"name": "\U0001f600"}


@pytest.mark.parametrize(
    ("text", "words"),
    [("", "empty"), ("# only\n", "empty"), ("- a\n", "a list"), ("x\n", "a single value")],
)
def test_the_top_level_must_be_a_mapping(text: str, words: str) -> None:
    loaded = load_config_text(text, YAML_PATH)
    assert loaded.data is None
    assert words in _only_problem(loaded).message


def test_yaml_values_that_are_not_json_are_problems() -> None:
    text = "csvlint: 1\nname: !!binary aGVsbG8=\nsample: !custom x\n1: one\n"
    loaded = load_config_text(text, YAML_PATH)
    found = {(p.pointer, p.line, p.message) for p in loaded.problems}
    assert ("/name", 2, "a bytes value is not supported: use text, a number or a boolean") in found
    assert (
        "/sample",
        3,
        "a value tagged !custom is not supported: use text, a number or a boolean",
    ) in found
    assert ("", 1, "key 1 is not text: quote it") in found
    assert loaded.config is None


def test_dates_stay_text() -> None:
    loaded = load_config_text("sample: 2024-01-01\n", YAML_PATH)
    assert loaded.data is not None
    assert loaded.data["sample"] == "2024-01-01"


def test_anchors_and_merges_are_plain_values() -> None:
    text = "a: &t true\nb: *t\nbase: &b {x: 1}\nm:\n  <<: *b\n  y: 2\n"
    loaded = load_config_text(text, YAML_PATH)
    assert loaded.data is not None
    assert loaded.data["a"] is True
    assert loaded.data["b"] is True
    assert loaded.data["m"] == {"y": 2, "x": 1}
    # a merged key is placed where the mapping that merges it starts
    assert loaded.source.line_of("/m/x") == 5


@pytest.mark.parametrize("text", ["&a [*a]\n", "&m {b: *m}\n"])
def test_a_self_referencing_alias_is_a_problem(text: str) -> None:
    assert "contains it" in _only_problem(load_config_text(text, YAML_PATH)).message


def test_alias_bombs_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parse, "MAX_VALUES", 10_000)
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    problem = _only_problem(load_config_text("\n".join(lines) + "\n", YAML_PATH))
    assert "more than" in problem.message


@pytest.mark.parametrize(
    ("path", "depth"), [(YAML_PATH, 100), (YAML_PATH, 400), (JSON_PATH, 100), (JSON_PATH, 900)]
)
def test_deep_nesting_is_refused(path: Path, depth: int) -> None:
    deep = "[" * depth + "]" * depth
    loaded = load_config_text(f'{{"files": [{deep}, {deep}]}}', path)
    assert "nested" in _only_problem(loaded).message


def test_a_bom_is_no_part_of_the_content() -> None:
    text = "\ufeff" + (DATA / "orders.import.json").read_text(encoding="utf-8")
    loaded = load_config_text(text, JSON_PATH)
    assert loaded.problems == ()
    assert loaded.text == text


def test_a_file_that_is_not_utf8_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "x.import.yaml"
    path.write_bytes(b"csvlint: 1\nname: caf\xe9\n")
    loaded = load_config(path)
    problem = _only_problem(loaded)
    assert problem.line == 2
    assert "not UTF-8" in problem.message
    assert "0xe9" in problem.message
    assert loaded.text == "csvlint: 1\nname: caf\ufffd\n"


def test_a_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        load_config(tmp_path / "absent.import.yaml")


def test_an_unreadable_file_is_a_problem(tmp_path: Path) -> None:
    folder = tmp_path / "folder.import.yaml"
    folder.mkdir()
    assert "cannot read" in _only_problem(load_config(folder)).message
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        path = tmp_path / "secret.import.yaml"
        path.write_text("csvlint: 1\n", encoding="utf-8")
        path.chmod(0)
        assert "cannot read" in _only_problem(load_config(path)).message


def test_schema_problems_come_with_the_data() -> None:
    text = (DATA / "orders.import.yaml").read_text(encoding="utf-8")
    loaded = load_config_text(text.replace("clear_items: none", "clear_items: all"), YAML_PATH)
    assert loaded.config is None
    assert loaded.data is not None
    assert [p.pointer for p in loaded.problems] == ["/options/clear_items"]


@settings(max_examples=300, deadline=None)
@given(st.text(), st.sampled_from([YAML_PATH, JSON_PATH]))
def test_any_text_gives_a_result(text: str, path: Path) -> None:
    loaded = load_config_text(text, path)
    assert (loaded.config is not None) == (not loaded.problems)
    for problem in loaded.problems:
        assert problem.message


_YAMLISH = st.sampled_from(
    ["csvlint: 1\n", "name: x\n", "target:\n", "  - a\n", "  b: [1, {c: d}]\n", "&x a: *x\n",
     "? [k]\n: v\n", "'q\n", '"\\u12', "!!set {a}\n", "<<: *x\n", "---\n", "...\n", "\t", "#\n"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_YAMLISH, st.text(max_size=5)), max_size=12))
def test_yaml_like_text_gives_a_result(parts: list[str]) -> None:
    loaded = load_config_text("".join(parts), YAML_PATH)
    assert (loaded.config is not None) == (not loaded.problems)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=100, deadline=None)
@given(
    st.dictionaries(st.text(max_size=10), _JSON, max_size=6),
    st.sampled_from([YAML_PATH, JSON_PATH]),
)
def test_any_json_document_gives_a_result(data: dict[str, Any], path: Path) -> None:
    loaded = load_config_text(json.dumps(data), path)
    assert loaded.config is None
    assert loaded.problems


_KEYS = st.sampled_from(
    ["csvlint", "name", "target", "file", "formats", "columns", "constants", "load_date", "options",
     "sample", "files", "saved", "id", "type", "block", "properties", "dimensions", "value_type",
     "layout", "pivot", "header", "property", "dimension", "value", "items", "unique"]
)  # fmt: skip


_DOCUMENTS = {
    name: load_config(DATA / name).data for name in ("orders.import.json", "revenue.import.yaml")
}


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_a_mutated_configuration_gives_a_result(data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(sorted(_DOCUMENTS)))
    document = copy.deepcopy(_DOCUMENTS[name])
    node: Any = document
    for _ in range(data.draw(st.integers(0, 3))):
        if isinstance(node, dict) and node:
            node = node[data.draw(st.sampled_from(sorted(node)))]
        elif isinstance(node, list) and node:
            node = node[data.draw(st.integers(0, len(node) - 1))]
    if isinstance(node, dict):
        node[data.draw(_KEYS)] = data.draw(_JSON)
    elif isinstance(node, list):
        node.append(data.draw(_JSON))
    text = json.dumps(document)
    loaded = load_config_text(text, JSON_PATH)
    assert (loaded.config is not None) == (not loaded.problems)
