"""A configuration linted itself and used for its extracts is checked once, however its path
is spelled: from its own folder, `..` reaches it by another name than the claim's."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from csvlint.cli import cli

CONFIG = """\
csvlint: 1
id: 33d0d7d0-6125-47c4-b36a-882f4ed53b33
name: Employees
target:
  type: dimension_list
  block: Employee
  properties: [{name: ID, type: text, unique: true}]
file: {encoding: utf-8, delimiter: ",", quote: '"', layout: flat}
columns: [{header: ID, property: ID}]
sample: ../samples/s.csv
files: [../extracts/e_*.csv]
saved: {fingerprint: "sha256:FP"}
"""


@pytest.mark.parametrize(("cwd", "given"), [(".", "."), ("imports", ".."), ("samples", "..")])
def test_each_finding_of_a_configuration_is_reported_once(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch, cwd: str, given: str
) -> None:
    (in_tmp / ".csvlint.toml").write_text("")
    for folder in ("imports", "samples", "extracts"):
        (in_tmp / folder).mkdir()
    (in_tmp / "samples" / "s.csv").write_text("ID\n1\n")
    (in_tmp / "extracts" / "e_1.csv").write_text("ID\n2\n")
    (in_tmp / "imports" / "emp.import.yaml").write_text(CONFIG.replace("FP", "0" * 64))
    monkeypatch.chdir(in_tmp / cwd)
    result = CliRunner().invoke(cli, ["lint", given, "--format", "concise"])
    codes = [line.split()[1] for line in result.stdout.splitlines() if ": CFG" in line]
    assert codes == ["CFG409"], result.stdout
