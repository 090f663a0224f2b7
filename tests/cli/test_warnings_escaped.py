"""The warnings a folder's search gives name files escaped, as findings do: a file name may
hold a bidirectional override or a line break."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from csvlint.cli import cli

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="links and FIFOs are POSIX")


def test_a_skipped_file_is_named_escaped(in_tmp: Path) -> None:
    (in_tmp / ".csvlint.toml").write_text("")
    os.symlink(in_tmp / "nowhere", in_tmp / "bad\u202egnp.csv")
    os.mkfifo(in_tmp / "pipe\nforged.csv")
    result = CliRunner().invoke(cli, ["lint"])
    assert result.exit_code == 0, result.output
    assert "\u202e" not in result.stderr and "\\u202e" in result.stderr, result.stderr
    assert "pipe\\nforged.csv: skipped" in result.stderr, result.stderr


def test_show_files_names_files_escaped(in_tmp: Path) -> None:
    (in_tmp / ".csvlint.toml").write_text("")
    (in_tmp / "a\u202egnp.csv").write_text("a\n1\n")
    result = CliRunner().invoke(cli, ["lint", "--show-files"])
    assert result.stdout == "a\\u202egnp.csv: no configuration\n", result.output
