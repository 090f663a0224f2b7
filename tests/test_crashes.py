"""Inputs that once made an exception escape: each gives a report (or a clear error), through
the library and through the command line, run from another folder."""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import csvlint
from csvlint.cli import cli
from csvlint.engine.context import FileContext
from csvlint.engine.run import LintOptions, Run
from csvlint.engine.sources import blocks_from_bytes

CONFIG = """\
csvlint: 1
name: Pairs
sample: sample.csv
target:
  type: dimension_list
  block: Pair
  properties:
    - {name: A, type: text, unique: true}
    - {name: B, type: number}
file: {encoding: %(encoding)s, delimiter: ","}
columns:
  - {header: A, property: A}
  - {header: B, property: B%(extra)s}
%(files)s"""


def write_config(
    folder: Path, encoding: str = "utf-8", extra: str = "", files: str = "", sample: bytes = b""
) -> Path:
    (folder / "sample.csv").write_bytes(sample or b"A,B\nk1,1\n")
    path = folder / "pairs.import.yaml"
    path.write_text(CONFIG % {"encoding": encoding, "extra": extra, "files": files}, "utf-8")
    return path


def codes(report: csvlint.Report) -> list[tuple[str, int | None]]:
    return [(f.code, f.line) for f in report.findings]


def test_a_repeated_column_against_a_configuration(tmp_path: Path) -> None:
    config = write_config(tmp_path)
    for header in (b"A,B,B", b"A,A,B", b"B,A,B"):
        data = header + b"\nk1,1,2\n"
        report = csvlint.lint_bytes(data, config=config)
        assert ("HDR202", 1) in codes(report), header
    # the first column of each name gives the order: B before A is HDR206's
    assert ("HDR206", 1) in codes(csvlint.lint_bytes(b"B,A,B\n1,k1,2\n", config=config))
    assert ("HDR206", 1) not in codes(csvlint.lint_bytes(b"A,B,B\nk1,1,2\n", config=config))


def test_a_repeated_sample_column_in_lint_and_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = write_config(tmp_path, sample=b"A,B,B\nk1,1,2\n")
    monkeypatch.chdir(tmp_path.parent)
    runner = CliRunner()
    for args in (["lint", str(config)], ["config", "save", str(config)]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 1, result.output
        assert "HDR202" in result.output and "Traceback" not in result.output
    assert "HDR202" in {f.code for f in csvlint.verify_config(config).findings}


def test_utf16_without_a_byte_order_mark(tmp_path: Path) -> None:
    config = write_config(tmp_path, encoding="utf-16")
    data = "A,B\nk1,1\n".encode("utf-16-le")
    report = csvlint.lint_bytes(data, config=config)
    found = [f for f in report.findings if f.code == "CSV103"]
    assert [(f.line, f.column) for f in found] == [(1, 1)]
    assert found[0].hint is not None and "utf-16-le" in found[0].hint
    ascii_report = csvlint.lint_bytes(b"A,B\nk1,1\n", config=config)
    assert ("CSV103", 1) in codes(ascii_report)


@pytest.mark.parametrize("order", ["le", "be"])
def test_utf16_with_a_bad_code_unit_after_the_first_block(tmp_path: Path, order: str) -> None:
    config = write_config(tmp_path, encoding="utf-16")
    bom = codecs.BOM_UTF16_LE if order == "le" else codecs.BOM_UTF16_BE
    rows = "A,B\n" + "".join(f"k{i},1\n" for i in range(150_000))  # over 1 MiB encoded
    lone = b"\x00\xdc" if order == "le" else b"\xdc\x00"  # a low surrogate on its own
    data = bom + rows.encode(f"utf-16-{order}") + lone + ",2\n".encode(f"utf-16-{order}")
    report = csvlint.lint_bytes(data, config=config)
    assert codes(report) == [("CSV103", 150_002)]


def test_a_codec_that_refuses_even_replacement(tmp_path: Path) -> None:
    for encoding in ("idna", "punycode"):
        config = write_config(tmp_path, encoding=encoding)
        report = csvlint.lint_bytes(b"xn--zz-\x7f.a,B\nk1,1\n", config=config)
        assert "CSV103" in {f.code for f in report.findings}, encoding


def test_a_lone_surrogate_in_a_configuration(tmp_path: Path) -> None:
    extra = ', suffix: "\\ud800"'
    config = write_config(tmp_path, extra=extra)
    assert csvlint.load_config(config).columns[1].header == "B"
    # big enough that the native scanner would read it, which takes only UTF-8 words
    data = b"A,B\n" + b"".join(b"k%d,1x\n" % i for i in range(200_000))
    report = csvlint.lint_bytes(data, config=config, max_per_rule=1)
    assert codes(report) == [("VAL301", 2)]
    assert report.omitted[0].count == 199_999
    result = CliRunner().invoke(cli, ["lint", "--format", "sarif", str(config)])
    assert result.exit_code in (0, 1) and "Traceback" not in result.output
    json.loads(result.output)


def test_an_absolute_files_pattern(tmp_path: Path) -> None:
    config = write_config(tmp_path, files=f"files: [{json.dumps(str(tmp_path / '*.csv'))}]\n")
    report = csvlint.verify_config(config)
    assert ("CFG415", 14) in [(f.code, f.line) for f in report.findings]
    result = CliRunner().invoke(cli, ["lint", str(config)])
    assert result.exit_code in (0, 1) and "internal error" not in result.output


@pytest.mark.skipif(os.name != "posix", reason="file names are bytes on POSIX only")
@pytest.mark.parametrize("fmt", ["sarif", "json", "junit", "github", "full", "concise"])
def test_a_file_name_that_is_not_utf8(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    monkeypatch.chdir(tmp_path)
    name = os.fsdecode(b"bad\xffname.csv")
    Path(name).write_bytes(b"A\n1\n1,2\n")
    runner = CliRunner()
    result = runner.invoke(cli, ["lint", "--format", fmt, name])
    assert result.exit_code == 1, result.output
    result = runner.invoke(cli, ["lint", "--format", fmt, "-o", "out.txt", name])
    assert result.exit_code == 1, result.output
    if fmt == "sarif":
        log = json.loads(Path("out.txt").read_text("utf-8"))
        location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == "bad%FFname.csv"


def test_the_encoding_hint_is_the_same_on_both_paths() -> None:
    """The hint is judged on the bytes from the bad one on: a valid UTF-8 `ā` (C4 81, and 0x81
    is no windows-1252 byte) in the record before must not change it, whichever path read it."""
    rows = [b"A,B,C\n"] + [b"k%d,\xc4\x81,1\n" % i for i in range(200_000)]
    rows.append(b"k,Ren\xe9e,2\n")
    data = b"".join(rows) + b"".join(b"m%d,x,1\n" % i for i in range(20_000))
    hints = []
    for native in (False, True):
        run = Run(LintOptions(native=native))
        run.lint_csv(FileContext("f.csv"), blocks_from_bytes(data))
        [finding] = run.report().findings
        hints.append((finding.code, finding.line, finding.hint))
    assert hints[0] == hints[1]
    assert hints[0][2] is not None and "windows-1252" in hints[0][2]


@pytest.mark.parametrize("size", [10, 1 << 21])
def test_a_character_cut_short_at_the_end_of_the_file(size: int) -> None:
    """The last block is decoded to its end, also when it is the only one."""
    data = b"a,b\n" + b"1,2\n" * (size // 4) + b"3,\xc3"
    report = csvlint.lint_bytes(data)
    assert codes(report) == [("CSV103", size // 4 + 2)]


def test_an_excerpt_of_a_file_its_codec_refuses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The full format reads the lines it shows back: a UTF-16 file without a mark has none."""
    config = write_config(tmp_path, encoding="utf-16", sample=b"A,B\nk1,1\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["lint", "--format", "full", config.name])
    assert result.exit_code == 1, result.output
    assert "CSV103" in result.output and "internal error" not in result.output
