"""A selection that leaves out the configuration rules a file's checks depend on never hides
that those checks did not run: an unreadable configuration (CFG401), a format that cannot be
built (CFG408) and an unusable items file (CFG421) are reported whenever a rule that needs the
configuration runs."""

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
      items: {file: lists/dept.csv, column: Code}
    - {name: Start, type: date}
file: {encoding: utf-8, delimiter: ",", quote: '"', layout: flat}
formats: {date_format: yyyy-MM-dd}
columns:
  - {header: ID, property: ID}
  - {header: Dept, property: Dept, on_missing_item: skip_row}
  - {header: Start, property: Start}
sample: sample.csv
"""


@pytest.fixture
def project(in_tmp: Path) -> Path:
    (in_tmp / ".csvlint.toml").write_text("")
    (in_tmp / "lists").mkdir()
    (in_tmp / "lists" / "dept.csv").write_text("Code\nSALES\n")
    (in_tmp / "sample.csv").write_text("ID,Dept,Start\n1,SALES,2026-01-02\n")
    (in_tmp / "emp.import.yaml").write_text(CONFIG)
    (in_tmp / "extract.csv").write_text("ID,Dept,Start\n1,SALES,2026-01-02\n2,LEGAL,2026-13-45\n")
    return in_tmp


def lint(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        cli, ["lint", "extract.csv", "--config", "emp.import.yaml", "--format", "concise", *args]
    )
    return result.exit_code, result.stdout


@pytest.mark.parametrize(
    "options",
    [("--select", "VAL"), ("--ignore", "CFG421"), ("--select", "VAL307")],
)
def test_an_unusable_items_file_is_reported_whatever_the_selection(
    project: Path, options: tuple[str, ...]
) -> None:
    code, out = lint(*options)
    assert code == 1 and "VAL307" in out, out
    (project / "lists" / "dept.csv").unlink()
    code, out = lint(*options)
    assert code == 1 and "CFG421" in out, out


def test_an_unusable_items_file_set_off_in_the_settings_is_still_reported(project: Path) -> None:
    (project / ".csvlint.toml").write_text('severity = {CFG421 = "off"}\n')
    (project / "lists" / "dept.csv").unlink()
    code, out = lint()
    assert code == 1 and "CFG421" in out, out


def test_a_format_that_cannot_be_built_is_reported_whatever_the_selection(project: Path) -> None:
    config = project / "emp.import.yaml"
    config.write_text(CONFIG.replace("yyyy-MM-dd", "yyyy-MM"))
    code, out = lint("--select", "VAL303")
    assert code == 1 and "CFG408" in out, out


def test_an_unreadable_configuration_is_reported_whatever_the_selection(project: Path) -> None:
    (project / "emp.import.yaml").write_text("csvlint: 1\nname: x\n")
    for options in (("--select", "VAL,HDR"), ("--ignore", "CFG401")):
        code, out = lint(*options)
        assert code == 1 and "CFG401" in out, out


def test_a_lint_of_structure_only_needs_no_configuration_rule(project: Path) -> None:
    (project / "lists" / "dept.csv").unlink()
    code, out = lint("--select", "CSV")
    assert code == 0 and out == "", out


def test_a_column_mapped_to_no_target_is_reported_whatever_the_selection(project: Path) -> None:
    config = project / "emp.import.yaml"
    config.write_text(
        CONFIG.replace("{header: Start, property: Start}", "{header: Start, property: Begin}")
    )
    code, out = lint("--select", "VAL303")
    assert code == 1 and "CFG405" in out, out
