"""The Copy ID gate (`config save`, `config verify`, `config id`) runs every rule whatever the
settings' `select` says: a `select` written for the lint of extracts never turns the gate off.
`ignore` and `severity` still relax a rule by name."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from csvlint.cli import cli

CONFIG = """\
csvlint: 1
name: Employees
target:
  type: dimension_list
  block: Employee
  properties:
    - {name: ID, type: text, unique: true}
file: {encoding: utf-8, delimiter: ",", quote: '"', layout: flat}
columns:
  - {header: ID, property: ID}
  - {header: Renamed}
sample: sample.csv
"""


@pytest.fixture
def project(in_tmp: Path) -> Path:
    (in_tmp / ".csvlint.toml").write_text('select = ["CSV", "HDR", "VAL"]\n')
    (in_tmp / "sample.csv").write_text("ID,Name\n1,Ada\n")
    (in_tmp / "emp.import.yaml").write_text(CONFIG)
    return in_tmp


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_save_refuses_a_column_not_in_the_sample_whatever_select_says(project: Path) -> None:
    code, out, err = run("config", "save", "emp.import.yaml")
    assert code == 1 and "CFG404" in out + err, out + err
    assert "saved:" not in (project / "emp.import.yaml").read_text()


def test_verify_and_id_refuse_a_draft_whatever_select_says(project: Path) -> None:
    (project / "emp.import.yaml").write_text(CONFIG.replace("  - {header: Renamed}\n", ""))
    code, out, _ = run("config", "verify", "emp.import.yaml")
    assert code == 1 and "CFG411" in out, out
    code, out, err = run("config", "verify")
    assert code == 1 and "CFG411" in out, out
    code, out, err = run("config", "id", "emp.import.yaml")
    assert code == 1 and out == "" and "CFG411" in err, err


def test_ignore_still_relaxes_a_rule_by_name(project: Path) -> None:
    (project / ".csvlint.toml").write_text(
        'select = ["CSV"]\nignore = ["CFG404", "CFG414", "HDR204", "HDR205"]\n'
    )
    code, out, err = run("config", "save", "emp.import.yaml")
    assert code == 0, out + err
