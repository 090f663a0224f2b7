"""CFG415 judges a configuration's `files` patterns from the configuration's folder, whatever
the folder csvlint runs from: `..` climbs out of it even when the path given has no folder."""

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
  properties: [{name: ID, type: text, unique: true}]
file: {encoding: utf-8, delimiter: ",", quote: '"', layout: flat}
columns: [{header: ID, property: ID}]
sample: ../samples/s.csv
files: [../extracts/e_*.csv, ../extracts/missing_*.csv]
"""


@pytest.mark.parametrize(
    ("cwd", "given"),
    [(".", "imports/emp.import.yaml"), ("imports", "emp.import.yaml"), ("imports", ".")],
)
def test_the_patterns_are_judged_from_the_configurations_folder(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch, cwd: str, given: str
) -> None:
    (in_tmp / ".csvlint.toml").write_text("")
    for folder in ("imports", "samples", "extracts"):
        (in_tmp / folder).mkdir()
    (in_tmp / "samples" / "s.csv").write_text("ID\n1\n")
    (in_tmp / "extracts" / "e_1.csv").write_text("ID\n2\n")
    (in_tmp / "imports" / "emp.import.yaml").write_text(CONFIG)
    monkeypatch.chdir(in_tmp / cwd)
    result = CliRunner().invoke(cli, ["lint", given, "--format", "concise"])
    found = [line for line in result.stdout.splitlines() if "CFG415" in line]
    assert len(found) == 1 and "missing_" in found[0], result.stdout
