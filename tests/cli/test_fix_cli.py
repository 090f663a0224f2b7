"""`csvlint fix` as users meet it: the summary, refusals with exit 1, usage errors with exit 2,
and files left alone whenever nothing is written."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from csvlint.cli import cli, main

CONFIG = """\
csvlint: 1
name: Employees
target:
  type: transaction_list
  block: Employee
  properties:
    - {{name: Name, type: text}}
file:
  encoding: {encoding}
  delimiter: "{delimiter}"
columns:
  - {{header: name, property: Name}}
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def config(folder: Path, encoding: str = "utf-8", delimiter: str = ",") -> str:
    path = folder / "employees.import.yaml"
    path.write_text(CONFIG.format(encoding=encoding, delimiter=delimiter), encoding="utf-8")
    return path.name


def test_the_summary_names_what_changed(in_tmp: Path) -> None:
    (in_tmp / "in.csv").write_bytes("name;city\nJosé;Zürich\n".encode("windows-1252"))
    code, out, err = run(
        "fix", "in.csv", "--config", config(in_tmp), "--from-encoding", "windows-1252", "--in-place"
    )
    assert (code, out) == (0, "")
    assert err == "fixed in.csv: encoding windows-1252 → utf-8, delimiter ';' → ','\n"
    assert (in_tmp / "in.csv").read_bytes() == "name,city\nJosé,Zürich\n".encode()


def test_an_output_file_and_crlf(in_tmp: Path) -> None:
    (in_tmp / "in.csv").write_bytes(b"\xef\xbb\xbfname;note\n1;a,b\n")
    args = ["fix", "in.csv", "--config", config(in_tmp, "utf-8-sig", ";"), "-o", "out.csv"]
    code, _, err = run(*args, "--line-ending", "crlf")
    assert code == 0
    assert err == "fixed in.csv: line endings LF → CRLF (written to out.csv)\n"
    assert (in_tmp / "out.csv").read_bytes() == b"\xef\xbb\xbfname;note\r\n1;a,b\r\n"
    assert (in_tmp / "in.csv").read_bytes() == b"\xef\xbb\xbfname;note\n1;a,b\n"


def test_nothing_to_change(in_tmp: Path) -> None:
    path = in_tmp / "in.csv"
    path.write_bytes(b"name,city\nAda,Paris\n")
    before = path.stat().st_mtime_ns
    code, _, err = run("fix", "in.csv", "--config", config(in_tmp), "--in-place")
    assert (code, err) == (0, "in.csv: nothing to change\n")
    assert path.stat().st_mtime_ns == before


def test_a_tab_separated_source(in_tmp: Path) -> None:
    (in_tmp / "in.tsv").write_bytes(b"name\tcity\nAda\tParis, France\n")
    args = ["fix", "in.tsv", "--config", config(in_tmp), "-o", "out.csv"]
    assert run(*args, "--from-delimiter", "tab")[0] == 0
    assert (in_tmp / "out.csv").read_bytes() == b'name,city\nAda,"Paris, France"\n'


REFUSED = {
    "ragged": b"name,city\nAda,Paris\nBob\n",
    "unclosed": b'name,city\nAda,"Paris\n',
    "stray": b'name,city\nAda,Pa"ris\n',
    "bad bytes": b"name,city\nAda,Z\xfcrich\n",
    "binary": b"PK\x03\x04\x14\x00\x06\x00",
    "empty": b"",
    "unencodable": "name,city\nAda,北京\n".encode(),
}


@pytest.mark.parametrize("content", REFUSED.values(), ids=REFUSED.keys())
@pytest.mark.parametrize("where", ["-o", "--in-place"])
def test_a_refusal_exits_1_and_writes_nothing(in_tmp: Path, content: bytes, where: str) -> None:
    (in_tmp / "in.csv").write_bytes(content)
    encoding = "windows-1252" if "北京".encode() in content else "utf-8"
    args = ["fix", "in.csv", "--config", config(in_tmp, encoding), where]
    code, _, err = run(*args, *(["out.csv"] if where == "-o" else []))
    assert code == 1
    assert "in.csv not fixed (1 problem): nothing was written" in err
    assert (in_tmp / "in.csv").read_bytes() == content
    assert sorted(p.name for p in in_tmp.iterdir()) == ["employees.import.yaml", "in.csv"]


def test_a_refusal_lists_each_problem_with_its_line(in_tmp: Path) -> None:
    (in_tmp / "in.csv").write_bytes(b'name,city\nAda,Paris,FR\nBob,Pa"ris\nCy\n')
    code, _, err = run("fix", "in.csv", "--config", config(in_tmp), "--in-place")
    assert code == 1
    assert err.splitlines() == [
        "in.csv:2: record 1 has 3 fields; the header has 2 [CSV109]",
        "in.csv:3:2: a quote inside an unquoted field [CSV108]",
        "in.csv:4: record 3 has 1 fields; the header has 2 [CSV109]",
        "csvlint: in.csv not fixed (3 problems): nothing was written",
        "  read as encoding utf-8, delimiter ',', quote '\"'; if that is wrong, say so with "
        "--from-encoding, --from-delimiter or --from-quote",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "exactly one of -o/--output and --in-place"),
        (["--in-place", "-o", "out.csv"], "exactly one of -o/--output and --in-place"),
        (["-o", "in.csv"], "is the input file: use --in-place"),
        (["-o", "./in.csv"], "is the input file: use --in-place"),
        (["-o", "old.csv"], "old.csv exists: pass --force to overwrite it"),
        (["--in-place", "--from-delimiter", ";;"], "one character, or 'tab'"),
        (["--in-place", "--from-encoding", "klingon"], "unknown encoding 'klingon'"),
        (["--in-place", "--from-quote", "`"], "Invalid value for '--from-quote'"),
    ],
)
def test_usage_problems_exit_2(in_tmp: Path, args: list[str], message: str) -> None:
    (in_tmp / "in.csv").write_bytes(b"name;city\nAda;Paris\n")
    (in_tmp / "old.csv").write_bytes(b"keep")
    code, _, err = run("fix", "in.csv", "--config", config(in_tmp), *args)
    assert code == 2
    assert message in err
    assert (in_tmp / "in.csv").read_bytes() == b"name;city\nAda;Paris\n"
    assert (in_tmp / "old.csv").read_bytes() == b"keep"


def test_force_overwrites_an_existing_output(in_tmp: Path) -> None:
    (in_tmp / "in.csv").write_bytes(b"name;city\nAda;Paris\n")
    (in_tmp / "old.csv").write_bytes(b"keep")
    code, _, _ = run("fix", "in.csv", "--config", config(in_tmp), "-o", "old.csv", "--force")
    assert code == 0
    assert (in_tmp / "old.csv").read_bytes() == b"name,city\nAda,Paris\n"


def test_an_invalid_configuration_exits_2(in_tmp: Path) -> None:
    (in_tmp / "in.csv").write_bytes(b"name\nAda\n")
    (in_tmp / "bad.import.yaml").write_text("csvlint: 1\nname: x\n", encoding="utf-8")
    code, _, err = run("fix", "in.csv", "--config", "bad.import.yaml", "--in-place")
    assert code == 2
    assert err.startswith("csvlint: bad.import.yaml: not a valid import configuration:")


def test_a_failed_write_exits_2_and_leaves_the_file(
    in_tmp: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (in_tmp / "in.csv").write_bytes(b"name;city\nAda;Paris\n")
    name = config(in_tmp)

    def fail(source: str, destination: str) -> None:
        raise PermissionError(13, "Permission denied", destination)

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(SystemExit) as exited:
        main(["fix", "in.csv", "--config", name, "--in-place"])
    assert exited.value.code == 2
    assert "Permission denied" in capsys.readouterr().err
    assert (in_tmp / "in.csv").read_bytes() == b"name;city\nAda;Paris\n"
    assert sorted(p.name for p in in_tmp.iterdir()) == ["employees.import.yaml", "in.csv"]


def test_the_command_is_listed() -> None:
    code, out, _ = run("--help")
    assert code == 0
    assert "fix" in out
