"""The command line as users meet it: exit codes, options, outputs and bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from csvlint.bundled import load_schema
from csvlint.cli import cli

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "golden"


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_clean_file_exits_0(in_tmp: Path) -> None:
    (in_tmp / "ok.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    code, out, _ = run("lint", "ok.csv")
    assert code == 0
    assert "All clean: 1 file checked; 1 CSV file with no configuration." in out


def test_errors_exit_1_and_exit_zero_turns_them_into_0(in_tmp: Path) -> None:
    (in_tmp / "bad.csv").write_text("a,b\n1,2,3\n", encoding="utf-8")
    assert run("lint", "bad.csv")[0] == 1
    assert run("lint", "bad.csv", "--exit-zero")[0] == 0


def test_warnings_fail_only_with_strict(in_tmp: Path) -> None:
    (in_tmp / "w.csv").write_text("a,b\n1,2\n\n3,4\n", encoding="utf-8")
    assert run("lint", "w.csv")[0] == 0
    assert run("lint", "w.csv", "--strict")[0] == 1
    (in_tmp / ".csvlint.toml").write_text("strict = true\n", encoding="utf-8")
    assert run("lint", "w.csv")[0] == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["lint", "missing.csv"], "missing.csv: no such file or directory"),
        (["lint", "--select", "NOPE1", "."], "no rule is called 'NOPE1'"),
        (["lint", "--format", "xml", "."], "Invalid value for '--format'"),
        (["lint", "--config", "none.import.yaml", "."], "no such configuration file"),
        (["explain", "CSV999"], "no rule is called 'CSV999'"),
    ],
)
def test_usage_problems_exit_2_with_one_line(in_tmp: Path, args: list[str], message: str) -> None:
    code, out, err = run(*args)
    assert code == 2
    assert message in err
    assert "Traceback" not in out + err


def test_bad_settings_exit_2_naming_the_key(in_tmp: Path) -> None:
    (in_tmp / "pyproject.toml").write_text("[tool.csvlint]\nmax_per_rule = 3\n", encoding="utf-8")
    code, _, err = run("lint")
    assert code == 2
    assert "unknown key 'max_per_rule'" in err and "max-per-rule" in err


def test_a_binary_file_is_a_finding_not_a_crash(in_tmp: Path) -> None:
    (in_tmp / "book.csv").write_bytes(b"PK\x03\x04" + bytes(range(256)))
    code, out, _ = run("lint", "book.csv", "--format", "concise")
    assert code == 1
    assert "CSV102" in out and "Excel" in out


def test_standard_input(in_tmp: Path) -> None:
    code, out, _ = run("lint", "-", "--format", "concise", stdin=b"a,b\n1\n")
    assert code == 1
    assert out.startswith("-:2: CSV109")


def test_folders_are_searched_and_files_listed_once(in_tmp: Path) -> None:
    (in_tmp / "d" / "e").mkdir(parents=True)
    (in_tmp / "d" / "one.csv").write_text("a\n1\n", encoding="utf-8")
    (in_tmp / "d" / "e" / "two.tsv").write_text("a\tb\n1\t2\n", encoding="utf-8")
    (in_tmp / "d" / "notes.txt").write_text("not a csv", encoding="utf-8")
    code, out, _ = run("lint", "d", "d/one.csv", "--format", "json")
    report = json.loads(out)
    assert [f["path"] for f in report["files"]] == ["d/e/two.tsv", "d/one.csv"]
    assert code == 0  # a tab file is a warning without a configuration


def test_json_report_follows_its_schema(in_tmp: Path) -> None:
    (in_tmp / "bad.csv").write_text('a,b\n1,"x\n', encoding="utf-8")
    code, out, _ = run("lint", "bad.csv", "--format", "json")
    report = json.loads(out)
    jsonschema.validate(report, load_schema("report"))
    assert code == 1
    assert report["summary"] == {
        "files": 1,
        "errors": 1,
        "warnings": 0,
        "infos": 0,
        "blocks_copy_id": False,
    }
    assert report["findings"][0]["code"] == "CSV107"


def test_max_per_rule_lists_few_and_counts_all(in_tmp: Path) -> None:
    (in_tmp / "r.csv").write_text("a,b\n" + "1,2,3\n" * 100, encoding="utf-8")
    code, out, _ = run("lint", "r.csv", "--format", "json", "--max-per-rule", "3")
    assert code == 1
    report = json.loads(out)
    jsonschema.validate(report, load_schema("report"))
    assert len(report["findings"]) == 3
    assert report["summary"]["errors"] == 100
    assert report["omitted"] == [
        {
            "path": "r.csv",
            "code": "CSV109",
            "rule": "ragged-row",
            "severity": "error",
            "column": None,
            "column_name": None,
            "count": 97,
        }
    ]
    _, text, _ = run("lint", "r.csv", "--max-per-rule", "3")
    assert "97 more CSV109 [ragged-row] findings not listed" in text


def test_fail_fast_stops_at_the_first_error(in_tmp: Path) -> None:
    for name in ("a.csv", "b.csv"):
        (in_tmp / name).write_text("a,b\n1,2,3\n4\n", encoding="utf-8")
    _, out, _ = run("lint", "a.csv", "b.csv", "--fail-fast", "--format", "json")
    report = json.loads(out)
    assert [f["line"] for f in report["findings"] if f["severity"] == "error"] == [2]


def test_same_header_compares_files(in_tmp: Path) -> None:
    (in_tmp / "jan.csv").write_text("id,amount\n1,2\n", encoding="utf-8")
    (in_tmp / "feb.csv").write_text("id,amount,currency\n1,2,EUR\n", encoding="utf-8")
    assert run("lint", "jan.csv", "feb.csv")[0] == 0
    code, out, _ = run("lint", "jan.csv", "feb.csv", "--same-header", "--format", "concise")
    assert code == 1
    assert "feb.csv:1: HDR207" in out


def test_output_file_is_written_and_stdout_stays_empty(in_tmp: Path) -> None:
    (in_tmp / "bad.csv").write_text("a,b\n1,2,3\n", encoding="utf-8")
    code, out, _ = run("lint", "bad.csv", "--format", "json", "-o", "report.json")
    assert code == 1 and out == ""
    assert json.loads((in_tmp / "report.json").read_text("utf-8"))["summary"]["errors"] == 1
    assert [p.name for p in in_tmp.iterdir() if p.name.startswith(".")] == []


def test_select_and_ignore_take_codes_prefixes_and_names(in_tmp: Path) -> None:
    (in_tmp / "m.csv").write_text("a,a\n1,2,3\n\n", encoding="utf-8")
    _, out, _ = run("lint", "m.csv", "--format", "concise", "--select", "CSV1")
    assert "CSV109" in out and "HDR202" not in out
    _, out, _ = run("lint", "m.csv", "--format", "concise", "--ignore", "ragged-row,HDR")
    assert "CSV110" in out and "CSV109" not in out and "HDR202" not in out


def test_severity_and_per_file_ignores_from_settings(in_tmp: Path) -> None:
    (in_tmp / "legacy").mkdir()
    (in_tmp / "legacy" / "old.csv").write_text("a,b\n1,2,3\n", encoding="utf-8")
    (in_tmp / "new.csv").write_text("a,b\n1,2,3\n", encoding="utf-8")
    (in_tmp / ".csvlint.toml").write_text(
        '[per-file-ignores]\n"legacy/*.csv" = ["CSV109"]\n', encoding="utf-8"
    )
    _, out, _ = run("lint", "--format", "concise")
    assert "new.csv:2: CSV109" in out and "legacy" not in out
    (in_tmp / ".csvlint.toml").write_text('severity = {ragged-row = "warning"}\n', "utf-8")
    assert run("lint", "new.csv")[0] == 0


def test_rules_explain_schema_and_version() -> None:
    code, out, _ = run("rules", "--format", "json")
    rules = json.loads(out)
    assert code == 0 and {r["code"] for r in rules} >= {"CSV101", "HDR207", "VAL310", "CFG415"}
    code, out, _ = run("explain", "ragged-row")
    assert code == 0 and out.startswith("CSV109 ragged-row") and "Fails:" in out
    code, out, _ = run("schema", "report")
    assert code == 0 and json.loads(out)["title"] == "csvlint JSON report"
    code, out, _ = run("--version")
    assert code == 0 and out.strip().startswith("csvlint 0.") and "native scanner" in out


@pytest.mark.parametrize("fmt", ["full", "concise", "json"])
def test_examples_match_golden_output(fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("NO_COLOR", "1")
    code, out, _ = run("lint", "examples", "--format", fmt)
    assert code == 1
    if fmt == "json":
        jsonschema.validate(json.loads(out), load_schema("report"))
        out = out.replace(json.loads(out)["tool"]["version"], "VERSION")
    golden = GOLDEN / f"examples.{fmt}"
    if os.environ.get("CSVLINT_UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(out, encoding="utf-8")
    assert out == golden.read_text(encoding="utf-8")


def test_a_real_process_never_shows_a_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "csvlint", "lint", str(tmp_path / "nope.csv")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("csvlint: ") and "Traceback" not in done.stderr
    (tmp_path / "x.csv").write_bytes(b"\xff\xfe\x00\x00garbage\x00")
    done = subprocess.run(
        [sys.executable, "-m", "csvlint", "lint", str(tmp_path / "x.csv")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr


def test_a_configuration_linted_and_given_as_config_is_checked_once(in_tmp: Path) -> None:
    (in_tmp / "e.csv").write_text("Order ID\nO1\n", encoding="utf-8")
    (in_tmp / "o.import.yaml").write_text(
        "csvlint: 1\nname: Orders\ntarget:\n  type: transaction_list\n  block: Orders\n"
        "  properties: [{name: Order ID, type: text, unique: true}]\n"
        "file: {encoding: utf-8, delimiter: ','}\ncolumns:\n"
        "  - {header: Order ID, property: Ordre ID}\nsample: e.csv\n",
        encoding="utf-8",
    )
    code, out, _ = run("lint", "o.import.yaml", "e.csv", "--config", "o.import.yaml",
                       "--format", "json")  # fmt: skip
    report = json.loads(out)
    assert code == 1
    assert [f["code"] for f in report["findings"] if f["code"] == "CFG405"] == ["CFG405"]
    assert sorted(f["path"] for f in report["files"]) == ["e.csv", "o.import.yaml"]


@pytest.mark.parametrize(
    "text",
    [
        'a,b\n1,2\n1,2,3\n"x"y,3\n',
        'a,b\n"x"y,3\n1,2,3\n',
        "a,b\n1,2\n\n1\n" + "1,2\n" * 50 + '1,"2\n',
    ],
)
def test_fail_fast_stops_at_the_first_error_in_file_order(in_tmp: Path, text: str) -> None:
    (in_tmp / "f.csv").write_text(text, encoding="utf-8")
    _, full, _ = run("lint", "f.csv", "--format", "json")
    _, fast, _ = run("lint", "f.csv", "--fail-fast", "--format", "json")
    every = json.loads(full)["findings"]
    first = next(f for f in every if f["severity"] == "error")
    listed = json.loads(fast)["findings"]
    assert [f for f in listed if f["severity"] == "error"] == [first]
    assert listed == [f for f in every if (f["line"] or 0) <= first["line"]]


@pytest.mark.parametrize(
    ("args", "output"),
    [
        (["data.csv"], "data.csv"),
        (["./sub/../data.csv"], "data.csv"),
        (["data.csv", "--config", "x.import.yaml"], "x.import.yaml"),
        (["."], "report.csv"),
        (["data.csv"], "link.csv"),
    ],
)
def test_an_output_that_is_an_input_is_refused(in_tmp: Path, args: list[str], output: str) -> None:
    (in_tmp / "sub").mkdir()
    (in_tmp / "data.csv").write_bytes(b"a,b\n1,2\n")
    (in_tmp / "x.import.yaml").write_text("csvlint: 1\n", encoding="utf-8")
    (in_tmp / "link.csv").symlink_to("data.csv")
    code, out, err = run("lint", *args, "--output", output)
    assert code == 2 and "--output" in err and out == ""
    assert (in_tmp / "data.csv").read_bytes() == b"a,b\n1,2\n"
    assert (in_tmp / "x.import.yaml").read_text(encoding="utf-8") == "csvlint: 1\n"


def test_an_output_beside_the_inputs_is_fine(in_tmp: Path) -> None:
    (in_tmp / "data.csv").write_bytes(b"a,b\n1,2\n")
    assert run("lint", ".", "--output", "report.txt")[0] == 0
    assert "All clean" in (in_tmp / "report.txt").read_text(encoding="utf-8")
