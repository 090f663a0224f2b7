"""A `files` pattern whose files all belong to another project is reported (CFG415): those
files take their configurations from their own project, so they would be linted without this
one, silently."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from csvlint.cli import cli

CONFIG = """\
csvlint: 1
name: Employees
target:
  type: dimension_list
  block: Employee
  properties: [{name: ID, type: text, unique: true}]
file: {encoding: utf-8, delimiter: ",", quote: '"', layout: flat}
columns: [{header: ID, property: ID}]
sample: s.csv
files: [PATTERN]
"""


def lint(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["lint", *args, "--format", "concise"])
    return result.exit_code, result.stdout


def make(root: Path, pattern: str) -> None:
    (root / "s.csv").write_text("ID\n1\n")
    (root / "emp.import.yaml").write_text(CONFIG.replace("PATTERN", pattern))


def test_files_of_a_folder_without_a_project_marker(in_tmp: Path) -> None:
    make(in_tmp, "extracts/*.csv")
    (in_tmp / "extracts").mkdir()
    (in_tmp / "extracts" / "e.csv").write_text("ID\n1\n1\n")
    code, out = lint("emp.import.yaml")
    assert code == 0 and "CFG415" in out and "another project" in out, out
    assert "extracts/e.csv" in out


def test_files_of_a_nested_project(in_tmp: Path) -> None:
    (in_tmp / ".csvlint.toml").write_text("")
    make(in_tmp, "sub/*.csv")
    (in_tmp / "sub").mkdir()
    (in_tmp / "sub" / ".csvlint.toml").write_text("")
    (in_tmp / "sub" / "e.csv").write_text("ID\n1\n1\n")
    code, out = lint("emp.import.yaml")
    assert code == 0 and "CFG415" in out and "another project" in out, out


def test_files_of_the_same_project_are_not_reported(in_tmp: Path) -> None:
    (in_tmp / ".csvlint.toml").write_text("")
    make(in_tmp, "extracts/*.csv")
    (in_tmp / "extracts").mkdir()
    (in_tmp / "extracts" / "e.csv").write_text("ID\n1\n1\n")
    code, out = lint("emp.import.yaml")
    assert "CFG415" not in out, out
    code, out = lint("extracts/e.csv")
    assert code == 1 and "VAL306" in out, out
