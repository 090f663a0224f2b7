"""A folder named on the command line is linted even when version control ignores it, as a
file named there is: extracts are often kept out of git, and `csvlint lint extracts/` must not
pass them unread."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from csvlint.cli import cli


@pytest.fixture
def project(in_tmp: Path) -> Path:
    (in_tmp / ".git").mkdir()
    (in_tmp / ".gitignore").write_text("extracts/\n*.tmp.csv\n")
    (in_tmp / "extracts" / "2026").mkdir(parents=True)
    (in_tmp / "extracts" / "2026" / "e.csv").write_text("a,b\n1,2,3\n")
    (in_tmp / "extracts" / "scratch.tmp.csv").write_text("a,b\n1\n")
    (in_tmp / "extracts" / ".gitignore").write_text("old/\n")
    (in_tmp / "extracts" / "old").mkdir()
    (in_tmp / "extracts" / "old" / "o.csv").write_text("a,b\n1\n")
    return in_tmp


@pytest.mark.parametrize("named", ["extracts", "extracts/", "extracts/2026"])
def test_a_named_ignored_folder_is_linted(project: Path, named: str) -> None:
    result = CliRunner().invoke(cli, ["lint", named, "--format", "concise"])
    assert result.exit_code == 1, result.output
    assert "extracts/2026/e.csv:2: CSV109" in result.stdout
    assert "no CSV file to lint" not in result.stderr


def test_inside_it_its_own_ignore_files_apply(project: Path) -> None:
    result = CliRunner().invoke(cli, ["lint", "extracts", "--show-files"])
    assert result.exit_code == 0, result.output
    assert sorted(result.stdout.splitlines()) == [
        "extracts/2026/e.csv: no configuration",
        "extracts/scratch.tmp.csv: no configuration",
    ]


def test_searching_the_project_still_skips_it(project: Path) -> None:
    (project / "ok.csv").write_text("a,b\n1,2\n")
    result = CliRunner().invoke(cli, ["lint", "--show-files"])
    assert result.stdout.splitlines() == ["ok.csv: no configuration"], result.output
