"""`lint --output` never overwrites a file the lint read: besides the files given, the
configuration's sample and its items files are inputs too."""

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
    - name: Dept
      type: dimension
      list: Department
      items: {file: ../lists/dept.csv, column: Code}
file: {encoding: utf-8, delimiter: ",", quote: '"', layout: flat}
columns:
  - {header: ID, property: ID}
  - {header: Dept, property: Dept, on_missing_item: skip_row}
sample: ../samples/s.csv
files: [../extracts/*.csv]
"""


@pytest.fixture
def project(in_tmp: Path) -> Path:
    (in_tmp / ".csvlint.toml").write_text("")
    for folder in ("imports", "lists", "samples", "extracts"):
        (in_tmp / folder).mkdir()
    (in_tmp / "lists" / "dept.csv").write_text("Code\nSALES\n")
    (in_tmp / "samples" / "s.csv").write_text("ID,Dept\n1,SALES\n")
    (in_tmp / "extracts" / "e.csv").write_text("ID,Dept\n1,SALES\n2,LEGAL\n")
    (in_tmp / "imports" / "emp.import.yaml").write_text(CONFIG)
    return in_tmp


@pytest.mark.parametrize(
    ("args", "read"),
    [
        (["extracts/e.csv"], "lists/dept.csv"),
        (["extracts/e.csv", "--config", "imports/emp.import.yaml"], "lists/dept.csv"),
        (["imports/emp.import.yaml"], "samples/s.csv"),
        (["imports/emp.import.yaml"], "lists/dept.csv"),
        (["extracts/e.csv"], "imports/emp.import.yaml"),
    ],
)
def test_the_report_never_overwrites_a_file_the_lint_read(
    project: Path, args: list[str], read: str
) -> None:
    before = (project / read).read_bytes()
    result = CliRunner().invoke(cli, ["lint", *args, "--output", read])
    assert result.exit_code == 2, result.output
    assert "input of this lint" in result.stderr
    assert (project / read).read_bytes() == before


def test_another_file_takes_the_report(project: Path) -> None:
    result = CliRunner().invoke(cli, ["lint", "extracts/e.csv", "--output", "report.txt"])
    assert result.exit_code == 1 and "VAL307" in (project / "report.txt").read_text()
