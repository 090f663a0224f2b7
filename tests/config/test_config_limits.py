"""A configuration too big, an alias bomb or brackets nested a hundred thousand deep are refused
at once as CFG401, before the YAML parser spends minutes and gigabytes on them."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from csvlint.cli import cli
from csvlint.config.load import load_config
from csvlint.config.parse import MAX_BYTES, parse_text

HEAD = (
    "csvlint: 1\nname: People\ntarget: {type: dimension_list, block: Employee, properties: "
    "[{name: Name, type: text}]}\nfile: {encoding: utf-8, delimiter: ','}\n"
    "columns: [{header: Name, property: Name}]\n"
)


def lint(path: Path) -> tuple[int, str, float]:
    start = time.monotonic()
    result = CliRunner().invoke(cli, ["lint", "--format", "concise", str(path)])
    return result.exit_code, result.output, time.monotonic() - start


def bomb(levels: int) -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


HOSTILE = {
    "too big": (HEAD + "# " + "x" * MAX_BYTES + "\n", "a configuration is at most"),
    "alias bomb": (HEAD + bomb(10), "more than 10,"),  # the limit follows the text's size
    "deep brackets": (HEAD + "files: " + "[" * 100_000 + "]" * 100_000 + "\n", "64 levels"),
    "deep braces": (HEAD + "x: " + "{a: " * 50_000 + "1" + "}" * 50_000 + "\n", "64 levels"),
}


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_a_hostile_configuration_is_refused_quickly(in_tmp: Path, kind: str) -> None:
    path = in_tmp / "people.import.yaml"
    text, reason = HOSTILE[kind]
    path.write_text(text, encoding="utf-8")
    code, out, seconds = lint(path)
    assert code == 1 and "CFG401" in out and reason in out, out
    # each took 5 to 12 s before it was refused up front; a loaded machine may be slow
    assert seconds < 4, f"{kind}: {seconds:.1f} s"


def test_a_csv_claimed_by_a_huge_configuration_is_checked_without_parsing_it(
    in_tmp: Path,
) -> None:
    (in_tmp / "people.import.yaml").write_text(
        HEAD + "files: ['*.csv']\n# " + "x" * (3 * MAX_BYTES) + "\n", encoding="utf-8"
    )
    (in_tmp / "people.csv").write_text("Name\nAda\n", encoding="utf-8")
    code, out, seconds = lint(in_tmp)
    assert code == 1 and "at most 1,048,576 bytes" in out
    assert seconds < 4


def test_the_size_named_is_the_files() -> None:
    [problem] = parse_text("x" * (MAX_BYTES + 5), is_json=False).problems
    assert problem.message == (
        f"the file is {MAX_BYTES + 5:,} bytes: a configuration is at most {MAX_BYTES:,} bytes"
    )


def test_a_large_file_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.import.json"
    with path.open("wb") as stream:
        stream.truncate(50 << 20)  # sparse: 50 MB that cost nothing to make
    start = time.monotonic()
    [problem] = load_config(path).problems
    assert problem.message.startswith("the file is 52,428,800 bytes")
    assert time.monotonic() - start < 1


def test_aliases_a_configuration_uses_are_fine() -> None:
    text = HEAD + "shared: &f {decimal_separator: ',', thousands_separator: '.'}\n"
    text += "".join(f"use{i}: *f\n" for i in range(200))
    text += "brackets: " + "[" * 60 + "]" * 60 + "\nquoted: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
    text += "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[['\n"
    assert parse_text(text, is_json=False).problems == ()
