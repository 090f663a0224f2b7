"""Configurations read and found valid are remembered: an unchanged one is neither parsed nor
validated again, and nothing else changes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from csvlint.cache import cache_folder
from csvlint.config import parse as parse_module
from csvlint.config import schema as schema_module
from csvlint.config.load import load_config
from csvlint.config.verdicts import known_valid

VALID = {
    "csvlint": 1,
    "name": "People",
    "target": {
        "type": "dimension_list",
        "block": "Employee",
        "properties": [{"name": "Name", "type": "text"}],
    },
    "file": {"encoding": "utf-8", "delimiter": ","},
    "columns": [{"header": "Name", "property": "Name"}],
}


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CSVLINT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def problems(data: Any) -> tuple[object, ...]:
    return schema_module.schema_problems(data, schema_module.SourceMap())


def test_valid_data_is_not_validated_again(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert problems(VALID) == ()
    assert known_valid("import-config", VALID)

    def no_validator(name: str) -> object:
        raise AssertionError("validated again")

    monkeypatch.setattr(schema_module, "_validator", no_validator)
    assert problems(VALID) == ()
    assert len(list((cache / "valid").iterdir())) == 1


def test_invalid_data_is_found_afresh_every_time(cache: Path) -> None:
    wrong = {**VALID, "file": {"encoding": "utf-8", "delimiter": "|"}}
    first, second = problems(wrong), problems(wrong)
    assert first and first == second
    assert not known_valid("import-config", wrong)
    assert not (cache / "valid").exists()


def test_a_changed_configuration_is_validated(cache: Path) -> None:
    assert problems(VALID) == ()
    changed = {**VALID, "name": "People, again"}
    assert not known_valid("import-config", changed)
    assert not known_valid("settings", VALID)


def test_an_empty_cache_dir_turns_the_cache_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CSVLINT_CACHE_DIR", "")
    assert cache_folder() is None
    assert problems(VALID) == ()
    assert not known_valid("import-config", VALID)


def test_a_folder_that_cannot_be_written_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    monkeypatch.setenv("CSVLINT_CACHE_DIR", str(blocked / "cache"))
    assert problems(VALID) == ()
    assert not known_valid("import-config", VALID)


def test_the_default_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CSVLINT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_folder() == tmp_path / "csvlint"


def test_a_known_configuration_loads_without_jsonschema(cache: Path, tmp_path: Path) -> None:
    config = tmp_path / "people.import.yaml"
    config.write_text(
        "csvlint: 1\nname: People\ntarget: {type: dimension_list, block: Employee, properties: "
        "[{name: Name, type: text}]}\nfile: {encoding: utf-8, delimiter: ','}\n"
        "columns: [{header: Name, property: Name}]\n",
        encoding="utf-8",
    )
    assert load_config(config).config is not None  # validated, and remembered
    code = (
        "import sys; from pathlib import Path; from csvlint.config.load import load_config; "
        f"loaded = load_config(Path({str(config)!r})); "
        "print(loaded.config is not None, 'jsonschema' in sys.modules, "
        "'ruamel.yaml' in sys.modules)"
    )
    env = {**os.environ, "CSVLINT_CACHE_DIR": str(cache)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert out.stdout.split() == ["True", "False", "False"]


TEXT = "csvlint: 1\nname: People  # a comment\nlist: [a, b]\nnested:\n  key: 1.5\n"


@pytest.mark.parametrize("is_json", [False, True])
def test_a_text_read_before_is_not_parsed_again(
    cache: Path, monkeypatch: pytest.MonkeyPatch, is_json: bool
) -> None:
    text = '{"csvlint": 1, "name": "People", "list": ["a", "b"]}' if is_json else TEXT
    first = parse_module.parse_text(text, is_json=is_json)

    def no_parser(text: str) -> object:
        raise AssertionError("parsed again")

    monkeypatch.setattr(parse_module, "_parse_yaml", no_parser)
    monkeypatch.setattr(parse_module, "_parse_json", no_parser)
    again = parse_module.parse_text(text, is_json=is_json)
    assert again.data == first.data and again.problems == ()
    assert dict(again.source.lines) == dict(first.source.lines)
    assert again.source.line_of("/list/1") == first.source.line_of("/list/1")


def test_a_text_with_a_problem_is_parsed_every_time(cache: Path) -> None:
    broken = "csvlint: 1\nname: [unclosed\n"
    assert parse_module.parse_text(broken, is_json=False).problems
    assert not (cache / "parsed").exists()
    assert parse_module.parse_text(broken, is_json=False).problems


def test_a_damaged_entry_is_read_around(cache: Path) -> None:
    first = parse_module.parse_text(TEXT, is_json=False)
    for entry in (cache / "parsed").iterdir():
        entry.write_bytes(b"{not json")
    again = parse_module.parse_text(TEXT, is_json=False)
    assert again.data == first.data and again.problems == ()
