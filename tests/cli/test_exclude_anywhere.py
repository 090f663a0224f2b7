"""`exclude` globs are read from the project's root: a folder's search leaves out the same
files whatever folder csvlint runs from."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from csvlint.cli import cli


@pytest.mark.parametrize(("cwd", "given"), [(".", "."), ("archive", "."), ("other", "..")])
def test_an_excluded_file_is_left_out_from_any_folder(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch, cwd: str, given: str
) -> None:
    (in_tmp / ".csvlint.toml").write_text('exclude = ["archive/*.csv"]\n')
    for folder in ("archive", "other"):
        (in_tmp / folder).mkdir()
    (in_tmp / "archive" / "old.csv").write_text("a,b\n1,2,3\n")
    (in_tmp / "other" / "ok.csv").write_text("a,b\n1,2\n")
    monkeypatch.chdir(in_tmp / cwd)
    result = CliRunner().invoke(cli, ["lint", given, "--show-files"])
    assert "old.csv" not in result.stdout, result.output
