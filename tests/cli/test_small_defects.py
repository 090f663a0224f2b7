"""Small defects seen from a fresh clone, each with the test that would have caught it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from csvlint.bundled import load_schema
from csvlint.cli import _verbosity, cli

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_verbose_works_after_the_subcommand(in_tmp: Path) -> None:
    (in_tmp / "ok.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    for args in (
        ["lint", "-v", "ok.csv"],
        ["lint", "ok.csv", "--verbose"],
        ["-v", "lint", "ok.csv"],
    ):
        done = subprocess.run(
            [sys.executable, "-m", "csvlint", *args],
            cwd=in_tmp,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert "All clean" in done.stdout
    # after `--` it is a path, not an option
    assert _verbosity(["lint", "--", "-v"]) == (["lint", "--", "-v"], False)
    assert _verbosity(["lint", "-v", "x.csv"]) == (["-v", "lint", "x.csv"], True)


def test_config_verify_takes_format_and_output(in_tmp: Path) -> None:
    (in_tmp / "s.csv").write_text("Employee ID,Name\nE1,Ada\n", encoding="utf-8")
    init = "config init s.csv --target-type dimension_list --block Staff --unique"
    assert run(*init.split(), "Employee ID")[0] == 0
    code, out, _ = run("config", "verify", "s.import.yaml", "--format", "json")
    assert code == 1  # a draft blocks Copy ID
    report = json.loads(out)
    jsonschema.validate(report, load_schema("report"))
    assert report["summary"]["blocks_copy_id"] is True
    assert any(f["code"] == "CFG411" for f in report["findings"])
    linked = ("config", "save", "s.import.yaml", "--id", "1090cdf2-765c-4ceb-8203-e8902d63158e")
    assert run(*linked)[0] == 0
    code, out, _ = run("config", "verify", "s.import.yaml", "--format", "sarif", "-o", "v.sarif")
    assert code == 0 and out == ""
    sarif = json.loads((in_tmp / "v.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"


def test_config_init_refuses_a_sample_with_a_title_row(in_tmp: Path) -> None:
    sample = in_tmp / "orders.csv"
    sample.write_bytes((ROOT / "examples/csv/orders_windows1252.csv").read_bytes())
    code, _, err = run(
        "config", "init", "orders.csv", "--target-type", "transaction_list", "--block", "Orders"
    )
    assert code == 1
    assert "CSV114" in err and "not drafted" in err
    assert not (in_tmp / "orders.import.yaml").exists()


def test_github_col_is_the_fields_character_position(in_tmp: Path) -> None:
    (in_tmp / "o.csv").write_text(
        'Order ID,Customer,Amount\nORD-1,Mary "Bud" Jones,5\n\u00e9\u00e9,x,1,2\n', "utf-8"
    )
    code, out, _ = run("lint", "o.csv", "--format", "github")
    assert code == 1
    lines = out.splitlines()
    stray = next(line for line in lines if "CSV108" in line)
    assert ",line=2,col=7," in stray and "(field 2)" in stray  # `Mary` starts at character 7
    ragged = next(line for line in lines if "CSV109" in line)
    assert ",line=3," in ragged and ",col=" not in ragged  # a whole record: no column


def test_concise_shows_no_made_up_column_or_line(in_tmp: Path) -> None:
    (in_tmp / "b.csv").write_text("a,b\n1,2\n\n3,4\n", encoding="utf-8")
    _, out, _ = run("lint", "b.csv", "--format", "concise")
    assert out.startswith("b.csv:3: CSV110 ")  # a whole line: no `:1` column
