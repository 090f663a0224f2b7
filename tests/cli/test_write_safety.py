"""What `fix` and `config save` write, under attack and accident: never through a link out of the
project, never over a read-only file, errors naming the file written, and no temporary file left
behind by a signal, a kill or a second save running at once."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner

import csvlint.atomic
from csvlint.cli import cli
from csvlint.leftovers import reclaim

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "project" / "samples" / "employees.csv"
CONFIG = """\
csvlint: 1
name: Employees
target:
  type: transaction_list
  block: Employee
  properties:
    - {name: Name, type: text}
file:
  encoding: utf-8
  delimiter: ","
columns:
  - {header: name, property: Name}
"""
SEMICOLONS = b"name;city\nAda;London\n"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX links and signals")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def project(in_tmp: Path) -> Path:
    (in_tmp / ".git").mkdir()
    (in_tmp / "e.import.yaml").write_text(CONFIG, encoding="utf-8")
    (in_tmp / "in.csv").write_bytes(SEMICOLONS)
    return in_tmp


@pytest.fixture
def outside(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("outside")
    (folder / "secret.csv").write_bytes(SEMICOLONS)
    return folder


def temporaries(*folders: Path) -> list[str]:
    return [p.name for folder in folders for p in folder.iterdir() if p.name.endswith(".tmp")]


# -- links --------------------------------------------------------------------------------


def test_fix_in_place_never_writes_through_a_link_out_of_the_project(
    project: Path, outside: Path
) -> None:
    (project / "data.csv").symlink_to(outside / "secret.csv")
    code, _, err = run("fix", "data.csv", "--config", "e.import.yaml", "--in-place")
    assert code == 2 and "outside the project" in err and "data.csv" in err
    assert (outside / "secret.csv").read_bytes() == SEMICOLONS
    assert (project / "data.csv").is_symlink()
    assert temporaries(project, outside) == []


@pytest.mark.parametrize("through", ["file", "dangling", "folder"])
def test_fix_output_never_lands_out_of_the_project_by_a_link(
    project: Path, outside: Path, through: str
) -> None:
    if through == "file":
        (project / "out.csv").symlink_to(outside / "secret.csv")
        target = "out.csv"
    elif through == "dangling":
        (project / "out.csv").symlink_to(outside / "planted.csv")
        target = "out.csv"
    else:
        (project / "reports").symlink_to(outside)
        target = "reports/secret.csv"
    code, _, err = run("fix", "in.csv", "--config", "e.import.yaml", "-o", target, "--force")
    assert code == 2 and "outside the project" in err
    assert (outside / "secret.csv").read_bytes() == SEMICOLONS
    assert not (outside / "planted.csv").exists()


def test_a_link_inside_the_project_is_followed_and_stays_a_link(project: Path) -> None:
    (project / "data").mkdir()
    (project / "data" / "real.csv").write_bytes(SEMICOLONS)
    (project / "data.csv").symlink_to("data/real.csv")
    assert run("fix", "data.csv", "--config", "e.import.yaml", "--in-place")[0] == 0
    assert (project / "data.csv").is_symlink()
    assert (project / "data" / "real.csv").read_bytes() == b"name,city\nAda,London\n"


def test_an_output_without_links_may_be_anywhere(project: Path, outside: Path) -> None:
    target = outside / "fixed.csv"
    assert run("fix", "in.csv", "--config", "e.import.yaml", "-o", str(target))[0] == 0
    assert target.read_bytes() == b"name,city\nAda,London\n"


@pytest.fixture
def draft(project: Path) -> Path:
    shutil.copy(SAMPLE, project / "employees.csv")
    code, _, _ = run(
        "config", "init", "employees.csv", "--target-type", "dimension_list",
        "--block", "Employee", "--unique", "Employee ID",
    )  # fmt: skip
    assert code == 0
    return project / "employees.import.yaml"


def test_config_save_never_writes_through_a_link_out_of_the_project(
    draft: Path, outside: Path
) -> None:
    text = draft.read_text(encoding="utf-8").replace("sample: employees.csv", "")
    (outside / "employees.import.yaml").write_text(text, encoding="utf-8")
    draft.unlink()
    draft.symlink_to(outside / "employees.import.yaml")
    code, _, err = run("config", "save", draft.name)
    assert code == 2 and "outside the project" in err
    assert (outside / "employees.import.yaml").read_text(encoding="utf-8") == text


# -- read-only files and write errors -----------------------------------------------------


def test_config_save_never_replaces_a_read_only_file(draft: Path) -> None:
    before = draft.read_bytes()
    draft.chmod(0o444)
    code, _, err = run("config", "save", draft.name)
    assert code == 2 and "read-only" in err
    assert draft.read_bytes() == before and temporaries(draft.parent) == []


def test_fix_in_place_never_replaces_a_read_only_file(project: Path) -> None:
    (project / "in.csv").chmod(0o444)
    code, _, err = run("fix", "in.csv", "--config", "e.import.yaml", "--in-place")
    assert code == 2 and "in.csv: the file is read-only" in err
    assert (project / "in.csv").read_bytes() == SEMICOLONS


def test_a_full_disk_names_the_output_not_the_input(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(csvlint.atomic.os, "fsync", full)
    code, _, err = run("fix", "in.csv", "--config", "e.import.yaml", "-o", "out.csv")
    assert code == 2
    assert err == "csvlint: out.csv: No space left on device\n"
    assert not (project / "out.csv").exists() and temporaries(project) == []


# -- signals, kills and concurrent saves --------------------------------------------------


def big_csv(folder: Path) -> Path:
    path = folder / "big.csv"
    row = b"Ada;" + b"x" * 60 + b"\n"
    path.write_bytes(b"name;city\n" + row * 300_000)
    return path


def start_fix(folder: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "csvlint", "fix", "big.csv", "--config", "e.import.yaml",
         "-o", "out.csv", "--force"],
        cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


def wait_for_temporary(folder: Path, process: subprocess.Popen[bytes]) -> bool:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and process.poll() is None:
        if temporaries(folder):
            return True
        time.sleep(0.005)
    return False


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_during_fix_leaves_no_temporary_file(project: Path, number: int) -> None:
    big_csv(project)
    caught = 0
    # the temporary file lives while the rewrite is written: on a busy machine a try may see it
    # only as it ends, so tries go on (up to 12) until a signal has met a rewrite in progress
    for attempt, delay in enumerate((0.0, 0.05, 0.15) * 4):
        if caught and attempt >= 3:
            break
        process = start_fix(project)
        if wait_for_temporary(project, process):
            time.sleep(delay)
            process.send_signal(number)
            caught += process.wait() == -number
        process.wait()
        assert temporaries(project) == [], f"left behind after {delay} s"
    assert caught, "the rewrite always ended before the signal: make the file bigger"


def test_a_kill_leftover_is_reclaimed_and_never_linted(project: Path) -> None:
    big_csv(project)
    process = start_fix(project)
    assert wait_for_temporary(project, process)
    process.kill()
    process.wait()
    [left] = temporaries(project)
    assert left.startswith(".out.csv.csvlint-")
    out = run("lint", "--format", "concise", "--select", "CSV", ".")[1]
    assert left not in out
    assert run("fix", "in.csv", "--config", "e.import.yaml", "-o", "out.csv", "--force")[0] == 0
    assert temporaries(project) == []


def test_a_running_process_keeps_its_temporary_file(tmp_path: Path) -> None:
    mine = tmp_path / f".x.csv.csvlint-{os.getpid()}-abc.tmp"
    gone = tmp_path / ".x.csv.csvlint-99999999-abc.tmp"
    other = tmp_path / ".x.csv.abc.tmp"  # not of this format: never touched
    for path in (mine, gone, other):
        path.write_bytes(b"")
    assert reclaim(tmp_path) == [gone]
    assert mine.exists() and other.exists()


def test_concurrent_saves_never_both_report_an_id(draft: Path) -> None:
    text = draft.read_text(encoding="utf-8")
    for _ in range(2):
        draft.write_text(text, encoding="utf-8")
        ids = [str(uuid.uuid4()) for _ in range(3)]
        saves = [
            subprocess.Popen(
                [sys.executable, "-m", "csvlint", "config", "save", draft.name, "--id", new],
                cwd=draft.parent,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for new in ids
        ]
        outputs = [save.communicate() for save in saves]
        codes = [save.returncode for save in saves]
        # one save links the configuration; the others find it linked and change nothing
        assert sorted(codes) == [0, 1, 1], outputs
        winner = ids[codes.index(0)]
        assert f"id: {winner}" in draft.read_text(encoding="utf-8")
        for (_, err), code in zip(outputs, codes, strict=True):
            assert code == 0 or f"already has id {winner}" in err
        assert temporaries(draft.parent) == []


def test_a_read_only_report_is_not_replaced(project: Path) -> None:
    report = project / "report.txt"
    report.write_text("kept\n", encoding="utf-8")
    report.chmod(0o444)
    code, _, err = run("lint", "in.csv", "--output", "report.txt")
    assert code == 2 and "read-only" in err
    assert report.read_text(encoding="utf-8") == "kept\n"


def test_config_save_reclaims_what_a_killed_save_left(draft: Path) -> None:
    left = draft.parent / f".{draft.name}.csvlint-99999999-x1.tmp"
    left.write_text("half a configuration", encoding="utf-8")
    assert run("config", "save", draft.name)[0] == 0
    assert temporaries(draft.parent) == []


def test_reports_and_drafts_are_not_written_through_a_link_out_of_the_project(
    project: Path, outside: Path
) -> None:
    (project / "report.txt").symlink_to(outside / "secret.csv")
    code, _, err = run("lint", "in.csv", "--output", "report.txt")
    assert code == 2 and "outside the project" in err
    shutil.copy(SAMPLE, project / "employees.csv")
    (project / "draft.import.yaml").symlink_to(outside / "secret.csv")
    code, _, err = run(
        "config", "init", "employees.csv", "--target-type", "dimension_list",
        "--block", "Employee", "-o", "draft.import.yaml", "--force",
    )  # fmt: skip
    assert code == 2 and "outside the project" in err
    assert (outside / "secret.csv").read_bytes() == SEMICOLONS


SIGNAL_WHILE_CREATING = """
import os, signal, sys, tempfile
from pathlib import Path
from csvlint import leftovers

made = tempfile.mkstemp


def mkstemp(*args, **kwargs):
    found = made(*args, **kwargs)
    os.kill(os.getpid(), signal.SIGTERM)  # the file exists, and is not yet registered
    return found


tempfile.mkstemp = mkstemp
folder = Path(sys.argv[1])
leftovers.create(folder / "out.csv", folder)
print("not ended")
"""


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="no signal masks here")
def test_a_signal_while_the_temporary_file_is_made_leaves_nothing(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SIGNAL_WHILE_CREATING, str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == -signal.SIGTERM, done.stderr
    assert temporaries(tmp_path) == []
