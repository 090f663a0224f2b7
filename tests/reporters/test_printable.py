"""Text read from a file never acts on a terminal or a log: a file name or header holding a line
break, a workflow command, an ANSI or OSC escape or XML-special characters is shown escaped, in
every format, through the real command line."""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from csvlint.cli import cli
from csvlint.reporters.printable import printable, printable_span

FORGED = "\n::error file=secret.csv,line=1::forged"
ESCAPES = "\x1b[31m\x1b]0;title\x07\x1b]8;;x\x1b\\\u202e"


@pytest.fixture
def hostile(in_tmp: Path) -> Path:
    """A folder with a ragged CSV whose name and header hold a forged command and escapes."""
    name = f"a{FORGED}{ESCAPES}<&>.csv" if sys.platform != "win32" else "a.csv"
    (in_tmp / name).write_bytes(b"id,name\n1,a\n2,b,c\n")
    header = f' id{FORGED}{ESCAPES}<&>"'.replace('"', '""')
    (in_tmp / "h.csv").write_text(f'"{header}",x\n1,2\n', encoding="utf-8")
    return in_tmp


def lint(*args: str) -> str:
    result = CliRunner().invoke(cli, ["lint", *args], catch_exceptions=False)
    assert result.exit_code == 1, result.output
    return result.stdout


@pytest.mark.parametrize("fmt", ["full", "concise", "github", "junit", "sarif"])
def test_no_control_character_reaches_the_output(hostile: Path, fmt: str) -> None:
    out = lint("--format", fmt, ".")
    assert "forged" in out  # the hostile text is shown, escaped
    assert not [c for c in out if (ord(c) < 32 and c != "\n") or 0x7F <= ord(c) <= 0x9F]
    assert fmt == "sarif" or "\u202e" not in out  # in SARIF, JSON text: data, not display
    assert not any(line.startswith("::error file=secret") for line in out.splitlines())


@pytest.mark.parametrize("fmt", ["full", "concise"])
def test_every_line_starts_with_a_known_file_or_is_indented(hostile: Path, fmt: str) -> None:
    for line in lint("--format", fmt, ".").splitlines():
        assert line == "" or line.startswith(("a\\n::error", "h.csv", " ", "Found")), line


def test_github_commands_are_the_findings_only(hostile: Path) -> None:
    lines = lint("--format", "github", ".").splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert len(commands) == 2  # the ragged row, the header's whitespace
    assert commands[0].startswith("::error file=a\\n%3A%3Aerror file=secret.csv%2C")
    assert commands[1].startswith("::warning file=h.csv,line=1,col=1,")


def test_junit_and_sarif_stay_valid_documents(hostile: Path) -> None:
    root = ET.fromstring(lint("--format", "junit", "."))
    names = {case.get("name") for case in root.iter("testcase")}
    assert any(name and name.startswith("a\\n::error") and "<&>" in name for name in names)
    log = json.loads(lint("--format", "sarif", "."))
    texts = [r["message"]["text"] for r in log["runs"][0]["results"]]
    assert any("\x1b[31m" in text for text in texts)  # JSON escapes it; the data is exact


def test_an_unwritable_path_message_is_escaped_too(in_tmp: Path) -> None:
    result = CliRunner().invoke(cli, ["lint", f"gone{ESCAPES}.csv"])
    assert result.exit_code == 2
    assert "\x1b" not in result.output and "gone\\x1b[31m" in result.output


def test_printable_escapes_visibly_and_keeps_the_rest() -> None:
    assert printable("caf\u00e9 \u201cA\u201d,\\") == "caf\u00e9 \u201cA\u201d,\\"
    assert printable("a\nb\rc\td\x00\x7f\x85\u2028\u202e") == (
        "a\\nb\\rc\\td\\x00\\x7f\\x85\\u2028\\u202e"
    )


def test_printable_span_follows_the_escaped_text() -> None:
    text, span = printable_span("\x1bab,cd", (4, 6))
    assert text == "\\x1bab,cd" and span is not None
    assert text[span[0] : span[1]] == "cd"
    text, span = printable_span("a\x07b,c", (0, 3))
    assert span is not None and text[span[0] : span[1]] == "a\\x07b"
