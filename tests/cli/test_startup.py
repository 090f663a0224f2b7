"""What `csvlint lint` loads at start: a pre-commit hook runs it on every commit, so what only
other commands, a settings file or a finding need is imported when it is needed, and the lint
itself is unchanged by it."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

from conftest import generate

from csvlint.digest import sha256

#: modules a clean lint of a file against its configuration never needs
NOT_AT_START = (
    "_hashlib",  # OpenSSL, loaded by hashlib: csvlint.digest uses Python's own SHA-256
    "tomllib",  # only when there is a settings file
    "csvlint.cli.fix",
    "csvlint.cli.config",
    "csvlint.cli.pigment",
    "csvlint.cli.catalogue",
    "frictionless",
    "jsonschema",  # the configuration's verdict is cached after the first run
)

LINT_AND_LIST = """
import json, sys
from csvlint.cli import main
try:
    main(sys.argv[1:])
except SystemExit as stop:
    code = stop.code
print(json.dumps([code, sorted(m for m in sys.modules)]), file=sys.stderr)
"""


def _lint(folder: Path, *args: str) -> tuple[int, list[str], str]:
    done = subprocess.run(
        [sys.executable, "-c", LINT_AND_LIST, *args],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    code, modules = json.loads(done.stderr.strip().splitlines()[-1])
    return code, modules, done.stdout


def test_a_lint_with_its_configuration_loads_nothing_it_does_not_need(tmp_path: Path) -> None:
    folder = generate(tmp_path / "tiny", 5)
    first = _lint(folder, "lint", "orders.csv")  # fills the cache, as a hook's first run does
    code, modules, out = _lint(folder, "lint", "orders.csv")
    assert (first[0], code) == (0, 0)
    assert "1 CSV file against orders.import.yaml" in out, out
    loaded = [name for name in NOT_AT_START if name in modules]
    assert not loaded, f"loaded at start: {loaded}"


def test_a_settings_file_is_still_read(tmp_path: Path) -> None:
    folder = generate(tmp_path / "tiny", 5)
    (folder / ".csvlint.toml").write_text('ignore = ["VAL3"]\nformat = "json"\n', "utf-8")
    code, modules, out = _lint(folder, "lint", "orders.csv")
    assert code == 0
    assert "tomllib" in modules
    assert json.loads(out)["summary"]["files"] >= 1


def test_a_broken_settings_file_is_still_refused(tmp_path: Path) -> None:
    folder = generate(tmp_path / "tiny", 5)
    (folder / ".csvlint.toml").write_text("ignore = [\n", "utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "csvlint", "lint", "orders.csv"],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "not valid TOML" in done.stderr
    assert "Traceback" not in done.stderr


def test_every_command_is_there_when_called() -> None:
    for command in ("rules", "explain", "schema", "fix", "config", "pigment"):
        done = subprocess.run(
            [sys.executable, "-m", "csvlint", command, "--help"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, (command, done.stderr)
        assert f"Usage: csvlint {command}" in done.stdout
    listed = subprocess.run(
        [sys.executable, "-m", "csvlint", "--help"], capture_output=True, text=True, check=True
    ).stdout
    for command in ("lint", "rules", "explain", "schema", "fix", "config", "pigment"):
        assert f"\n  {command} " in listed


def test_the_digest_is_sha256() -> None:
    for data in (b"", b"abc", bytes(range(256)) * 1000):
        assert sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
    both = sha256()
    both.update(b"ab")
    both.update(b"c")
    assert both.hexdigest() == hashlib.sha256(b"abc").hexdigest()
