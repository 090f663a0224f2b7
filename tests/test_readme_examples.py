"""The README's shown commands give the output it shows, run as a user would: from a copy of
the files in a folder of their own, through the real command."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"


def _console(command: str) -> list[str]:
    """The lines the README shows after `$ csvlint COMMAND`, up to the block's end."""
    text = README.read_text(encoding="utf-8")
    found = re.search(rf"\$ csvlint {re.escape(command)}\n(.*?)```", text, re.DOTALL)
    assert found, f"the README does not show `csvlint {command}`"
    return found.group(1).splitlines()


def _csvlint(*args: str, cwd: Path) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-m", "csvlint", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert "internal error" not in done.stderr
    # Markdown keeps no trailing spaces: neither do the lines compared
    return [line.rstrip() for line in done.stdout.splitlines()]


def test_step_1_shows_what_linting_a_sample_prints(tmp_path: Path) -> None:
    (tmp_path / "samples").mkdir()
    shutil.copy(ROOT / "examples/project/samples/employees.csv", tmp_path / "samples")
    shown = _console("lint samples/employees.csv")
    assert _csvlint("lint", "samples/employees.csv", cwd=tmp_path) == shown


def test_what_it_looks_like_is_the_real_output(tmp_path: Path) -> None:
    (tmp_path / "examples/csv").mkdir(parents=True)
    shutil.copy(ROOT / "examples/csv/orders_broken.csv", tmp_path / "examples/csv")
    shown = _console("lint examples/csv/orders_broken.csv")
    cut = shown.index("...")
    actual = _csvlint("lint", "examples/csv/orders_broken.csv", cwd=tmp_path)
    assert actual[:cut] == shown[:cut]
    assert actual[-1] == shown[-1]
