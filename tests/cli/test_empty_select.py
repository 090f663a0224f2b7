"""A selection of no rule at all is refused: an empty `--select` (say, from an unset CI
variable) or `select = []` would otherwise check nothing and report every file clean."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import csvlint
from csvlint.cli import cli


@pytest.fixture
def bad_file(in_tmp: Path) -> Path:
    (in_tmp / ".csvlint.toml").write_text("")
    path = in_tmp / "bad.csv"
    path.write_text("a,b\n1,2,3\n")
    return path


@pytest.mark.parametrize("given", ["", ",", " , "])
def test_an_empty_select_option_is_a_usage_error(bad_file: Path, given: str) -> None:
    result = CliRunner().invoke(cli, ["lint", "bad.csv", "--select", given])
    assert result.exit_code == 2, result.output
    assert "names no rule" in result.stderr


def test_an_empty_select_setting_is_a_settings_error(bad_file: Path) -> None:
    (bad_file.parent / ".csvlint.toml").write_text("select = []\n")
    result = CliRunner().invoke(cli, ["lint", "bad.csv"])
    assert result.exit_code == 2 and "names no rule" in result.stderr, result.output


def test_the_library_refuses_an_empty_select(bad_file: Path) -> None:
    with pytest.raises(csvlint.SettingsError, match="names no rule"):
        csvlint.lint(bad_file, select=[])
    assert not csvlint.lint(bad_file, select=None).ok
