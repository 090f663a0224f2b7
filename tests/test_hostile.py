"""Hostile files: each gives its report in bounded memory and time, measured in a process of
its own. The inputs are made on the fly, never held whole.

The suite uses sizes that take seconds; `CSVLINT_HOSTILE_MB=500` runs the big ones at 500 MB.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import PEAK_MIB_SOURCE

import csvlint
from csvlint.cli import cli

MB = int(os.environ.get("CSVLINT_HOSTILE_MB", "40"))
#: the most memory a lint of a hostile file may take, whatever its size
PEAK_MIB = 250

GENERATE = (
    PEAK_MIB_SOURCE
    + """
import io, json, sys, time
import csvlint

class Generated(io.RawIOBase):
    '''`head`, then `fill` repeated for `size` bytes, then `tail`: made as it is read.'''

    def __init__(self, head, fill, size, tail=b""):
        self.parts = [part for part in (head,) if part]
        self.fill, self.left, self.tail = fill, size, tail

    def readable(self):
        return True

    def readinto(self, buffer):
        if self.parts:
            chunk = self.parts.pop()
        elif self.left > 0:
            count = min(len(buffer), self.left)
            chunk = (self.fill * (count // len(self.fill) + 1))[:count]
            self.left -= count
        else:
            chunk, self.tail = self.tail, b""
        chunk = chunk[: len(buffer)]
        buffer[: len(chunk)] = chunk
        return len(chunk)

head, fill, size, tail = eval(sys.argv[1])
start = time.monotonic()
report = csvlint.lint_stream(io.BufferedReader(Generated(head, fill, size, tail), 1 << 20))
print(json.dumps({
    "findings": [[f.code, f.line, f.column] for f in report.findings],
    "omitted": sum(o.count for o in report.omitted),
    "seconds": time.monotonic() - start,
    "peak_mib": peak_mib(),
}))
"""
)


def lint_generated(head: bytes, fill: bytes, size: int, tail: bytes = b"") -> dict[str, object]:
    """Lint a stream of `head`, `fill` repeated to `size` bytes and `tail` in a new process."""
    done = subprocess.run(
        [sys.executable, "-c", GENERATE, repr((head, fill, size, tail))],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout)
    assert isinstance(result["peak_mib"], int) and result["peak_mib"] < PEAK_MIB, result
    return result


pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="measured with resource")


def test_a_huge_field_that_closes() -> None:
    result = lint_generated(b'a,b\n1,"', b"x", MB << 20, b'"\n2,3\n')
    assert result["findings"] == [["CSV112", 2, 2], ["CSV119", 2, 2]]


def test_a_quote_never_closed() -> None:
    result = lint_generated(b'a,b\n1,"open\n', b"x,y\n", MB << 20)
    assert result["findings"] == [["CSV107", 2, 2], ["CSV112", 2, 2], ["CSV119", 2, 2]]


def test_a_file_of_only_line_breaks() -> None:
    assert lint_generated(b"", b"\n", MB << 20)["findings"] == [["CSV101", 1, None]]
    # after a header, each is a blank row: all counted, the first few listed
    result = lint_generated(b"a,b\r\n1,2\r\n", b"\r\n", 1 << 20)
    assert result["findings"][:2] == [["CSV110", 3, None], ["CSV110", 4, None]]
    assert len(result["findings"]) + result["omitted"] == 1 << 19  # type: ignore[operator]


def test_a_million_columns_on_one_line() -> None:
    result = lint_generated(b"", b"c,", 2_000_000, b"c\n1\n")
    findings = result["findings"]
    assert isinstance(findings, list)
    # every name repeats the first: capped like any rule, all counted
    assert findings[0] == ["HDR202", 1, 2] and findings[-1] == ["CSV109", 2, None]
    assert result["omitted"] == 1_000_000 - (len(findings) - 1)


def test_every_row_ragged() -> None:
    rows = 250_000
    result = lint_generated(b"a,b,c\n", b"1,2\n", rows * 4)
    findings = result["findings"]
    assert isinstance(findings, list) and findings[0] == ["CSV109", 2, None]
    assert len(findings) + result["omitted"] == rows  # type: ignore[operator]


@pytest.mark.parametrize(
    "text",
    [
        # a billion laughs: nine levels of ten aliases each
        "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        + "".join(
            f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n"
            for i in range(9)
        )
        + "csvlint: 1\nname: *j\n",
        "csvlint: 1\nname: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "csvlint: 1\nname: " + "{a: " * 50_000 + "1" + "}" * 50_000 + "\n",
        "csvlint: 1\nname: " + "- " * 50_000 + "x\n",
    ],
    ids=["alias-bomb", "deep-lists", "deep-maps", "deep-block"],
)
def test_a_hostile_configuration(tmp_path: Path, text: str) -> None:
    path = tmp_path / "hostile.import.yaml"
    path.write_text(text, encoding="utf-8")
    script = PEAK_MIB_SOURCE + (
        "import csvlint, json, sys\n"
        "try:\n    csvlint.load_config(sys.argv[1]); kind = 'loaded'\n"
        "except csvlint.ConfigError as error:\n    kind = 'error'\n"
        "report = csvlint.verify_config(sys.argv[1])\n"
        "print(json.dumps([kind, [f.code for f in report.findings],"
        " peak_mib()]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    kind, codes, peak = json.loads(done.stdout)
    assert kind == "error" and "CFG401" in codes and peak < PEAK_MIB


def run_cli(*args: str, stdin: object = None, cwd: Path | None = None) -> tuple[int, str]:
    done = subprocess.run(
        [sys.executable, "-m", "csvlint", "lint", *args],
        stdin=stdin,  # type: ignore[arg-type]
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr, done.stderr
    return done.returncode, done.stdout


@pytest.mark.skipif(not Path("/dev/urandom").exists(), reason="no /dev/urandom")
def test_random_bytes_on_standard_input() -> None:
    # endless random bytes: binary in the first block, so reading stops there
    with open("/dev/urandom", "rb") as endless:
        code, out = run_cli("-", stdin=endless)
    assert code == 1 and "CSV102" in out
    # random bytes without NULs, capped: text that is not UTF-8, read to the end
    script = (
        "import os, sys\n"
        "left = 8 << 20\n"
        "while left > 0:\n"
        "    chunk = os.urandom(min(left, 1 << 16)).replace(b'\\0', b'x')\n"
        "    sys.stdout.buffer.write(chunk)\n"
        "    left -= len(chunk)\n"
    )
    with subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE) as producer:
        code, out = run_cli("--format", "concise", "-", stdin=producer.stdout)
    assert code == 1 and "CSV103" in out


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_a_fifo_given_as_a_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fifo = tmp_path / "feed.csv"
    os.mkfifo(fifo)

    def write() -> None:
        with open(fifo, "wb") as out:
            out.write(b"a,b\n1,2\n3\n")

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    code, out = run_cli("--format", "full", str(fifo), cwd=tmp_path)
    writer.join(timeout=10)
    # the full format shows no excerpt of a FIFO: reading it again would wait for a writer
    assert code == 1 and "CSV109" in out


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links")
def test_a_symlink_loop_while_walking(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "data" / "sub").mkdir(parents=True)
    (tmp_path / "data" / "orders.csv").write_bytes(b"a,b\n1,2\n3\n")
    (tmp_path / "data" / "sub" / "up").symlink_to("..")
    (tmp_path / "data" / "self").symlink_to("self")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["lint", "--format", "concise", "data"])
    assert result.exit_code == 1, result.output
    assert result.output.count("CSV109") == 1
    assert csvlint.lint("data/orders.csv").findings[0].code == "CSV109"


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="VmHWM is Linux's")
def test_a_childs_peak_is_its_own() -> None:
    """The measure above is the child's: a parent that grew past PEAK_MIB (a long test run)
    does not make every case fail."""
    ballast = bytearray((PEAK_MIB + 50) << 20)
    ballast[:: 1 << 12] = b"\x01" * len(ballast[:: 1 << 12])
    done = subprocess.run(
        [sys.executable, "-c", PEAK_MIB_SOURCE + "print(peak_mib())"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    del ballast
    assert int(done.stdout) < 100
