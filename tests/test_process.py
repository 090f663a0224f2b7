"""The `csvlint` process ends without tearing the interpreter down (`csvlint.process.run`): all it
printed still reaches a pipe or a file, every exit status is the one `main` gives, and a reader
that goes away early is no traceback."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from csvlint.cli import main
from csvlint.process import YOUNG_COLLECTION_EVERY, exit_status


def _process(folder: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "csvlint", *args], cwd=folder, capture_output=True, check=False
    )


def _ragged(folder: Path, rows: int) -> Path:
    """A file with a ragged row on every line: findings enough to fill a pipe many times."""
    path = folder / "ragged.csv"
    path.write_text("a,b\n" + "1,2,3\n" * rows, encoding="utf-8")
    return path


def test_a_report_larger_than_a_pipe_arrives_whole(tmp_path: Path) -> None:
    _ragged(tmp_path, 3000)
    done = _process(tmp_path, "lint", "--format", "json", "--max-per-rule", "0", "ragged.csv")
    assert done.returncode == 1, done.stderr
    assert len(done.stdout) > 256 * 1024  # far more than a pipe holds at once
    report = json.loads(done.stdout)
    assert len(report["findings"]) == 3000
    assert done.stderr == b""


def test_a_report_written_to_a_file_arrives_whole(tmp_path: Path) -> None:
    _ragged(tmp_path, 2000)
    with (tmp_path / "out.json").open("wb") as out:
        code = subprocess.run(
            [
                sys.executable,
                "-m",
                "csvlint",
                "lint",
                "--format",
                "json",
                "--max-per-rule",
                "0",
                "ragged.csv",
            ],
            cwd=tmp_path,
            stdout=out,
            check=False,
        ).returncode
    assert code == 1
    assert len(json.loads((tmp_path / "out.json").read_bytes())["findings"]) == 2000


@pytest.mark.parametrize(
    ("content", "args", "status"),
    [
        ("a,b\n1,2\n", ("lint", "f.csv"), 0),
        ("a,b\n1,2,3\n", ("lint", "f.csv"), 1),
        ("a,b\n1,2\n", ("lint", "--select", "NOPE1", "f.csv"), 2),
        ("a,b\n1,2\n", ("lint", "missing.csv"), 2),
    ],
)
def test_the_status_is_the_one_main_gives(
    tmp_path: Path, content: str, args: tuple[str, ...], status: int
) -> None:
    (tmp_path / "f.csv").write_text(content, encoding="utf-8")
    done = _process(tmp_path, *args)
    assert done.returncode == status, done.stderr
    assert b"Traceback" not in done.stderr


def test_a_reader_that_goes_away_is_no_traceback(tmp_path: Path) -> None:
    # blank rows are warnings: the lint itself exits 0, so 1 says the output was cut short
    (tmp_path / "blank.csv").write_text("a,b\n1,2\n" + "\n" * 20000 + "3,4\n", encoding="utf-8")
    command = [sys.executable, "-m", "csvlint", "lint", "--max-per-rule", "0", "blank.csv"]
    whole = subprocess.run(command, cwd=tmp_path, capture_output=True, check=False)
    assert whole.returncode == 0 and len(whole.stdout) > 256 * 1024, whole.stderr
    with subprocess.Popen(
        command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as lint:
        assert lint.stdout is not None and lint.stderr is not None
        lint.stdout.read(100)
        lint.stdout.close()  # as `| head -c 100` does
        err = lint.stderr.read()
        status = lint.wait(timeout=60)
    assert status == 1
    assert b"Traceback" not in err and b"Exception ignored" not in err


@pytest.mark.parametrize("closed", [">&-", "2>&-", ">&- 2>&-"])
def test_a_stream_closed_from_the_start_is_no_failure(tmp_path: Path, closed: str) -> None:
    # a descriptor closed before Python starts leaves sys.stdout or sys.stderr as None
    (tmp_path / "ok.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    script = f'exec "$0" -m csvlint lint --format json --output r.json ok.csv {closed}'
    done = subprocess.run(
        ["sh", "-c", script, sys.executable], cwd=tmp_path, capture_output=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr
    assert json.loads((tmp_path / "r.json").read_bytes())["findings"] == []


def test_exit_codes_read_as_sys_exit_reads_them(capsys: pytest.CaptureFixture[str]) -> None:
    assert exit_status(None) == 0
    assert exit_status(0) == 0
    assert exit_status(2) == 2
    assert exit_status("no such thing") == 1
    assert capsys.readouterr().err == "no such thing\n"


def test_what_is_left_in_the_buffers_is_flushed_before_the_process_ends() -> None:
    # a command that writes without flushing, to a pipe (block-buffered), then exits 3
    script = (
        "import sys\n"
        "from csvlint import cli, process\n"
        "def command():\n"
        "    sys.stdout.write('said on stdout')\n"
        "    sys.stderr.write('said on stderr')\n"
        "    sys.exit(3)\n"
        "cli.main = command\n"
        "process.run()\n"
    )
    buffered = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, check=False, env=buffered
    )
    assert (done.returncode, done.stdout, done.stderr) == (3, b"said on stdout", b"said on stderr")


def test_only_the_process_collects_cycles_rarely(tmp_path: Path) -> None:

    before = gc.get_threshold()
    (tmp_path / "f.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(SystemExit):
        main(["lint", "-q", str(tmp_path / "f.csv")])
    assert gc.get_threshold() == before  # a library caller's process is left as it was
    script = (
        "import gc\n"
        "from csvlint import cli, process\n"
        "cli.main = lambda: print(gc.get_threshold()[0])\n"
        "process.run()\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, check=True)
    assert int(done.stdout) == YOUNG_COLLECTION_EVERY


def test_a_report_written_with_output_is_whole_when_the_process_ends(tmp_path: Path) -> None:
    _ragged(tmp_path, 2000)
    done = _process(
        tmp_path,
        "lint",
        "--format",
        "json",
        "--max-per-rule",
        "0",
        "--output",
        "r.json",
        "ragged.csv",
    )
    assert done.returncode == 1, done.stderr
    assert len(json.loads((tmp_path / "r.json").read_bytes())["findings"]) == 2000
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
