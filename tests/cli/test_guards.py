"""A selection that leaves out the configuration rules a file's checks depend on never hides
that those checks did not run: an unreadable configuration (CFG401), a format that cannot be
built (CFG408) and an unusable items file (CFG421) are reported whenever a rule that needs the
configuration runs."""

from __future__ import annotations

import json
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


def _cfg408(*options: str) -> tuple[int, list[tuple[str, str]]]:
    args = ["lint", "extract.csv", "--config", "emp.import.yaml", "--format", "json", *options]
    result = CliRunner().invoke(cli, args)
    findings = json.loads(result.stdout)["findings"]
    return result.exit_code, [
        (f["severity"], f["message"]) for f in findings if f["code"] == "CFG408"
    ]


@pytest.mark.parametrize("level", ["off", "info", "warning"])
def test_a_guarding_finding_keeps_its_severity_whatever_the_settings(
    project: Path, level: str
) -> None:
    """A format that cannot be built, lowered to information, would let the lint pass with
    the column it guards unchecked: it stays an error while a value rule runs. The rule's
    other findings, which disable nothing, take the level the settings give."""
    (project / ".csvlint.toml").write_text(f'severity = {{CFG408 = "{level}"}}\n')
    config = CONFIG.replace("yyyy-MM-dd", "yyyy-MM").replace(
        "{header: ID, property: ID}", "{header: ID, property: ID, prefix: $}"
    )
    (project / "emp.import.yaml").write_text(config)
    (project / "extract.csv").write_text("ID,Dept,Start\n1,SALES,11/28/2026\n")
    code, found = _cfg408()
    levels = {severity for severity, message in found if "cannot be" in message}
    assert code == 1 and levels == {"error"}, found
    others = [severity for severity, message in found if "does not apply" in message]
    assert others == ([] if level == "off" else [level]), found


def test_a_guarding_finding_is_capped_apart_from_the_rules_other_findings(
    project: Path,
) -> None:
    """With the rule's other findings lowered, listed first and over the cap, the guarding one
    is neither left out among them nor counted as information."""
    (project / ".csvlint.toml").write_text('severity = {CFG408 = "info"}\n')
    config = CONFIG.replace(
        "{header: ID, property: ID}", "{header: ID, property: ID, prefix: $, suffix: x}"
    ).replace(
        "{header: Start, property: Start}", "{header: Start, property: Start, date_format: yyyy-MM}"
    )
    (project / "emp.import.yaml").write_text(config)
    code, found = _cfg408("--max-per-rule", "1")
    guarding = [level for level, message in found if "cannot be" in message]
    assert code == 1 and guarding == ["error"], found


def test_a_guards_other_findings_follow_select(project: Path) -> None:
    (project / "emp.import.yaml").write_text(
        CONFIG.replace("{header: ID, property: ID}", "{header: ID, property: ID, prefix: $}")
    )
    (project / "extract.csv").write_text("ID,Dept,Start\n1,SALES,2026-01-02\n")
    assert _cfg408("--select", "VAL") == (0, [])
    assert _cfg408()[1] == [("error", "prefix does not apply to a text target (column 'ID')")]


def test_an_ignored_guard_keeps_only_its_guarding_findings(project: Path) -> None:
    config = CONFIG.replace("yyyy-MM-dd", "yyyy-MM").replace(
        "{header: ID, property: ID}", "{header: ID, property: ID, prefix: $}"
    )
    (project / "emp.import.yaml").write_text(config)
    code, found = _cfg408("--ignore", "CFG408")
    assert code == 1 and [message for _, message in found if "does not apply" in message] == []
    assert any("cannot be" in message for _, message in found), found


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
