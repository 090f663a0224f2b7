"""`config verify` without FILE says so when the project holds no configuration, instead of
an "All clean" that reads as if the Copy ID gate had passed something."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from csvlint.cli import cli


def test_verify_says_when_there_is_nothing_to_verify(in_tmp: Path) -> None:
    (in_tmp / ".csvlint.toml").write_text("")
    (in_tmp / "data.csv").write_text("a\n1\n")
    result = CliRunner().invoke(cli, ["config", "verify"])
    assert result.exit_code == 0, result.output
    assert "no import configuration to verify" in result.stderr
    assert str(in_tmp) in result.stderr


def test_verify_names_no_such_thing_when_it_found_some(in_tmp: Path) -> None:
    (in_tmp / ".csvlint.toml").write_text('configs = ["imports/*.import.yaml"]\n')
    (in_tmp / "imports").mkdir()
    (in_tmp / "imports" / "x.import.yaml").write_text("csvlint: 1\n")
    result = CliRunner().invoke(cli, ["config", "verify"])
    assert result.exit_code == 1 and "CFG401" in result.stdout, result.output
    assert "no import configuration" not in result.stderr
