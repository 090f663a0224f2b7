"""The published hooks, run by the real pre-commit framework on a temporary repository.

pre-commit builds each hook's environment with pip. To keep the test off the network, pip
reads only a local wheel folder named by CSVLINT_WHEELHOUSE (`.ci/run` builds it with
`pip wheel --wheel-dir .wheelhouse . setuptools`); without one the test is skipped.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WHEELHOUSE = os.environ.get("CSVLINT_WHEELHOUSE")

pytestmark = pytest.mark.skipif(
    not WHEELHOUSE or shutil.which("git") is None,
    reason="set CSVLINT_WHEELHOUSE to a wheel folder (see .ci/run) to run the hooks offline",
)


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


def _repo(folder: Path) -> Path:
    folder.mkdir()
    _git(folder, "init", "-q", "-b", "main")
    _git(folder, "config", "user.email", "test@example.com")
    _git(folder, "config", "user.name", "test")
    _git(folder, "config", "commit.gpgsign", "false")
    return folder


@pytest.fixture(scope="module")
def hooks(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A committed copy of the project, as a repository publishing the hooks. One per module,
    so that pre-commit builds the hooks' environment once."""
    repo = _repo(tmp_path_factory.mktemp("published") / "hooks")
    for name in ("csvlint", "pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, repo / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, repo / name)
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "hooks")
    return repo


def _env(hooks: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(WHEELHOUSE),
        "PRE_COMMIT_HOME": str(hooks.parent / "cache"),
        "NO_COLOR": "1",
    }


def _try_repo(hooks: Path, user: Path, hook: str, *files: str) -> subprocess.CompletedProcess[str]:
    env = _env(hooks)
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(hooks), hook, "--verbose"]
    command += ["--files", *files] if files else ["--all-files"]
    return subprocess.run(command, cwd=user, env=env, capture_output=True, text=True, check=False)


def test_published_hooks_are_valid() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {h["id"] for h in hooks} == {"csvlint", "csvlint-config", "csvlint-verify"}
    verify = next(h for h in hooks if h["id"] == "csvlint-verify")
    assert verify["pass_filenames"] is False
    # pre-commit splits a hook's files across processes unless it is serial, and checks across
    # files (HDR207 over a feed's extracts, CFG403 over configurations) see one call's files
    for hook in hooks:
        if hook.get("pass_filenames", True):
            assert hook["require_serial"] is True, hook["id"]


def test_hooks_report_and_never_rewrite(hooks: Path, tmp_path: Path) -> None:
    user = _repo(tmp_path / "user")
    good = "Order ID,Amount\nORD-1,10\nORD-2,20\n"
    bad = "Order ID,Amount\nORD-1,10,extra\n"
    (user / "good.csv").write_text(good, encoding="utf-8")
    (user / "bad.csv").write_text(bad, encoding="utf-8")
    _git(user, "add", "-A")

    passed = _try_repo(hooks, user, "csvlint", "good.csv")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    failed = _try_repo(hooks, user, "csvlint", "good.csv", "bad.csv")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "bad.csv:2" in failed.stdout and "CSV109" in failed.stdout
    assert (user / "bad.csv").read_text(encoding="utf-8") == bad


def test_the_csv_hook_lints_claimed_extracts_of_any_name(hooks: Path, tmp_path: Path) -> None:
    """pre-commit gives the hook every file that changed; csvlint lints the CSV files and the
    extracts a configuration claims (here `*.txt`), and passes over the rest."""
    user = _repo(tmp_path / "user")
    (user / "orders.import.yaml").write_text(
        "csvlint: 1\nname: Orders\ntarget:\n  type: transaction_list\n  block: Orders\n"
        "  properties:\n    - {name: Order ID, type: text, unique: true}\n"
        "    - {name: Amount, type: number}\n"
        'file: {encoding: utf-8, delimiter: ","}\n'
        "columns:\n  - {header: Order ID, property: Order ID}\n"
        "  - {header: Amount, property: Amount}\nfiles: [exports/*.txt]\n",
        encoding="utf-8",
    )
    (user / "exports").mkdir()
    (user / "exports" / "orders.txt").write_text("Order ID,Amount\nA1,three\n", encoding="utf-8")
    (user / "README.md").write_text("# Orders\n", encoding="utf-8")
    _git(user, "add", "-A")
    others = _try_repo(hooks, user, "csvlint", "README.md")
    assert others.returncode == 0, others.stdout + others.stderr
    failed = _try_repo(hooks, user, "csvlint", "README.md", "exports/orders.txt")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "exports/orders.txt:2" in failed.stdout and "VAL301" in failed.stdout
    assert "README.md" not in failed.stdout


def test_config_and_verify_hooks(hooks: Path, tmp_path: Path) -> None:
    user = _repo(tmp_path / "user")
    (user / "e.csv").write_text("Employee ID,Name\nE1,Ada\n", encoding="utf-8")
    (user / "e.import.yaml").write_text(
        "csvlint: 1\nname: Employees\ntarget:\n  type: dimension_list\n  block: Employee\n"
        "  properties:\n    - {name: Employee ID, type: text, unique: true}\n"
        "    - {name: Name, type: text}\n"
        'file: {encoding: utf-8, delimiter: ","}\n'
        "columns:\n  - {header: Employee ID, property: Employee ID}\n"
        "  - {header: Name, property: Name}\nsample: e.csv\n",
        encoding="utf-8",
    )
    _git(user, "add", "-A")
    checked = _try_repo(hooks, user, "csvlint-config", "e.import.yaml")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # a draft has no ID yet: verify refuses it, as Copy ID would
    verified = _try_repo(hooks, user, "csvlint-verify")
    assert verified.returncode == 1, verified.stdout + verified.stderr
    assert "CFG411" in verified.stdout


def _readme_snippet() -> str:
    """The `.pre-commit-config.yaml` the README tells users to paste."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## pre-commit") :]
    found = re.search(r"```yaml\n(repos:.*?)```", section, re.DOTALL)
    assert found, "the README's pre-commit section has no snippet"
    return found.group(1)


def test_the_readmes_snippet_works_as_written(hooks: Path, tmp_path: Path) -> None:
    """The snippet, pasted with only the repository's address changed, installs and runs the
    hooks; `pre-commit autoupdate --freeze` then pins it to a commit, as the README says."""
    snippet = _readme_snippet()
    assert "YOUR-ORG" in snippet
    user = _repo(tmp_path / "user")
    config = user / ".pre-commit-config.yaml"
    config.write_text(
        re.sub(r"repo: \S+", f"repo: {hooks.as_uri()}", snippet, count=1), encoding="utf-8"
    )
    (user / "good.csv").write_text("Order ID,Amount\nORD-1,10\n", encoding="utf-8")
    _git(user, "add", "-A")
    command = [sys.executable, "-m", "pre_commit", "run", "--all-files"]
    ran = subprocess.run(
        command, cwd=user, env=_env(hooks), capture_output=True, text=True, check=False
    )
    assert ran.returncode == 0, ran.stdout + ran.stderr
    assert re.search(r"csvlint \(CSV files\)\.+Passed", ran.stdout), ran.stdout
    assert re.search(r"csvlint verify .*\.+Passed", ran.stdout), ran.stdout

    (user / "bad.csv").write_text("Order ID,Amount\nORD-1,10,extra\n", encoding="utf-8")
    _git(user, "add", "-A")
    failed = subprocess.run(
        command, cwd=user, env=_env(hooks), capture_output=True, text=True, check=False
    )
    assert failed.returncode == 1 and "CSV109" in failed.stdout, failed.stdout

    freeze = [sys.executable, "-m", "pre_commit", "autoupdate", "--freeze"]
    frozen = subprocess.run(
        freeze, cwd=user, env=_env(hooks), capture_output=True, text=True, check=False
    )
    assert frozen.returncode == 0, frozen.stdout + frozen.stderr
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=hooks, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert f"rev: {head}" in config.read_text(encoding="utf-8")
