"""A configuration naming a file whose name the system refuses (too long) gets a finding on
that key, never an exit 2 or an internal error: any configuration text gives a report."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from csvlint.cli import cli

LONG = "a" * 5000
CONFIG = """\
csvlint: 1
name: Employees
target:
  type: dimension_list
  block: Employee
  properties:
    - {name: ID, type: text, unique: true}
    - {name: Dept, type: dimension, list: Department, items: {file: ITEMS, column: Code}}
file: {encoding: utf-8, delimiter: ",", quote: '"', layout: flat}
columns: [{header: ID, property: ID}, {header: Dept, property: Dept}]
sample: SAMPLE
"""


@pytest.fixture
def project(in_tmp: Path) -> Path:
    (in_tmp / ".csvlint.toml").write_text("")
    (in_tmp / "s.csv").write_text("ID,Dept\n1,SALES\n")
    (in_tmp / "dept.csv").write_text("Code\nSALES\n")
    (in_tmp / "e.csv").write_text("ID,Dept\n1,SALES\n")
    return in_tmp


def write(project: Path, sample: str, items: str) -> None:
    text = CONFIG.replace("SAMPLE", sample).replace("ITEMS", items)
    (project / "emp.import.yaml").write_text(text)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_a_sample_name_too_long_is_cfg410(project: Path) -> None:
    write(project, LONG + ".csv", "dept.csv")
    for args in (("lint", "emp.import.yaml"), ("config", "verify", "emp.import.yaml")):
        code, out = run(*args, "--format", "concise")
        assert code == 1 and "CFG410" in out and "internal error" not in out, out


def test_an_items_file_name_too_long_is_cfg421(project: Path) -> None:
    write(project, "s.csv", LONG + ".csv")
    code, out = run("lint", "e.csv", "--config", "emp.import.yaml", "--format", "concise")
    assert code == 1 and "CFG421" in out, out
    code, out = run("config", "save", "emp.import.yaml")
    assert code == 1 and "CFG421" in out and "cannot write" not in out, out
