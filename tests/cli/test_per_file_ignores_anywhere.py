"""`per-file-ignores` globs are read from the project's root, like every other path of the
settings: the same file gets the same findings whatever folder csvlint runs from."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from csvlint.cli import cli


@pytest.mark.parametrize(
    ("cwd", "given"),
    [(".", "legacy/old.csv"), ("legacy", "old.csv"), ("legacy", "."), ("other", "../legacy")],
)
def test_a_per_file_ignore_applies_from_any_folder(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch, cwd: str, given: str
) -> None:
    (in_tmp / ".csvlint.toml").write_text('per-file-ignores = {"legacy/*.csv" = ["CSV109"]}\n')
    for folder in ("legacy", "other"):
        (in_tmp / folder).mkdir()
    (in_tmp / "legacy" / "old.csv").write_text("a,b\n1,2,3\n")
    monkeypatch.chdir(in_tmp / cwd)
    result = CliRunner().invoke(cli, ["lint", given, "--format", "concise"])
    assert result.exit_code == 0 and "CSV109" not in result.stdout, result.output


def test_a_file_elsewhere_is_not_ignored(in_tmp: Path) -> None:
    (in_tmp / ".csvlint.toml").write_text('per-file-ignores = {"legacy/*.csv" = ["CSV109"]}\n')
    (in_tmp / "new").mkdir()
    (in_tmp / "new" / "legacy").mkdir()
    (in_tmp / "new" / "legacy" / "n.csv").write_text("a,b\n1,2,3\n")
    result = CliRunner().invoke(cli, ["lint", "new/legacy/n.csv", "--format", "concise"])
    assert result.exit_code == 1 and "CSV109" in result.stdout, result.output
