"""A configuration reads nothing outside its project: a sample or a `files` pattern that a link
or `..` carries out of it is reported, never read or searched."""

from __future__ import annotations

import sys
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
    - {name: Employee ID, type: text, unique: true}
file: {encoding: utf-8, delimiter: ","}
columns:
  - {header: Employee ID, property: Employee ID}
"""

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX links")


@pytest.fixture
def outside(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("outside")
    (folder / "secret.csv").write_text("Employee ID\nTOP-SECRET\n", encoding="utf-8")
    return folder


def lint(*args: str) -> str:
    return CliRunner().invoke(cli, ["lint", "--format", "concise", *args]).output


def test_a_sample_linked_out_of_the_project_is_not_read(in_tmp: Path, outside: Path) -> None:
    (in_tmp / ".git").mkdir()
    (in_tmp / "sample.csv").symlink_to(outside / "secret.csv")
    (in_tmp / "e.import.yaml").write_text(CONFIG + "sample: sample.csv\n", encoding="utf-8")
    out = lint("e.import.yaml")
    assert "CFG410" in out and "outside the project" in out
    assert "TOP-SECRET" not in out


def test_files_found_only_through_a_link_out_of_the_project_match_nothing(
    in_tmp: Path, outside: Path
) -> None:
    (in_tmp / ".git").mkdir()
    (in_tmp / "linked").symlink_to(outside)
    (in_tmp / "extracts").mkdir()
    (in_tmp / "extracts" / "a.csv").symlink_to(outside / "secret.csv")
    (in_tmp / "e.import.yaml").write_text(
        CONFIG + "files: [extracts/*.csv, linked/*.csv, ../*/secret.csv]\n", encoding="utf-8"
    )
    out = lint("--max-per-rule", "0", "e.import.yaml")
    assert "'extracts/*.csv' matches no file" in out
    assert "'linked/*.csv' leads out of the project" in out
    assert "'../*/secret.csv' leads out of the project" in out
