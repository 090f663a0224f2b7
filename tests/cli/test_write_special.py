"""A write never replaces what is not a regular file: a FIFO, a device or a socket named as
the output stays what it is, and the command exits 2 saying why."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from csvlint.cli import cli

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs are POSIX")

CONFIG = """\
csvlint: 1
name: Employees
target:
  type: dimension_list
  block: Employee
  properties: [{name: ID, type: text, unique: true}]
file: {encoding: utf-8, delimiter: ",", quote: '"', layout: flat}
columns: [{header: ID, property: ID}]
sample: s.csv
"""


@pytest.fixture
def fifo(in_tmp: Path) -> Path:
    (in_tmp / ".csvlint.toml").write_text("")
    (in_tmp / "s.csv").write_text("ID\n1\n")
    (in_tmp / "e.csv").write_text("ID;x\n1;2\n")
    (in_tmp / "emp.import.yaml").write_text(CONFIG)
    path = in_tmp / "out.pipe"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["lint", "e.csv", "--output", "out.pipe"],
        ["fix", "e.csv", "--config", "emp.import.yaml", "-o", "out.pipe", "--force"],
        ["config", "export", "emp.import.yaml", "--to", "table-schema", "-o", "out.pipe",
         "--force"],
    ],
)  # fmt: skip
def test_a_fifo_is_never_replaced(fifo: Path, args: list[str]) -> None:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert "out.pipe" in result.stderr and "not a regular file" in result.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_the_library_refuses_too(in_tmp: Path) -> None:
    from csvlint.atomic import NotRegularFile, write_atomic

    os.mkfifo(in_tmp / "p")
    with pytest.raises(NotRegularFile):
        write_atomic(in_tmp / "p", b"x")
    assert stat.S_ISFIFO(os.lstat(in_tmp / "p").st_mode)
