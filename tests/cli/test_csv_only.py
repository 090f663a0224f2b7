"""`csvlint lint --csv-only`, which the pre-commit hook runs with every file that changed: it
lints `*.csv` and `*.tsv` files and every file a configuration claims, whatever its name, and
passes over the rest. An extract named `*.txt` that a configuration claims is never passed over:
a hook that saw only `*.csv` files would have let it through unread."""

from __future__ import annotations

import json
import os
from pathlib import Path

from click.testing import CliRunner

from csvlint.cli import cli

CONFIG = """\
csvlint: 1
name: Orders
target:
  type: transaction_list
  block: Orders
  properties:
    - {name: Order ID, type: text, unique: true}
    - {name: Amount, type: number}
file: {encoding: utf-8, delimiter: ","}
columns:
  - {header: Order ID, property: Order ID}
  - {header: Amount, property: Amount}
sample: samples/orders.dat
files: [exports/orders_*.txt]
"""


def project(root: Path) -> None:
    """A configuration claiming `*.txt` extracts (one with a bad amount) and a `.dat` sample,
    a plain CSV file, and files that are no CSV at all."""
    (root / ".csvlint.toml").write_text("")
    (root / "orders.import.yaml").write_text(CONFIG)
    (root / "samples").mkdir()
    (root / "samples" / "orders.dat").write_text("Order ID,Amount\nA1,3\n")
    (root / "exports").mkdir()
    (root / "exports" / "orders_1.txt").write_text("Order ID,Amount\nA1,three\n")
    (root / "exports" / "notes.txt").write_text("not an extract\n")
    (root / "plain.csv").write_text("a,b\n1,2,3\n")
    (root / "README.md").write_text("# Orders\n")
    (root / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")


EVERY_FILE = [
    "orders.import.yaml",
    "samples/orders.dat",
    "exports/orders_1.txt",
    "exports/notes.txt",
    "plain.csv",
    "README.md",
    "logo.png",
]


def lint(*args: str) -> tuple[int, dict[str, object]]:
    result = CliRunner().invoke(cli, ["lint", "--csv-only", *args, "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    report: dict[str, object] = json.loads(result.stdout)
    return result.exit_code, report


def test_claimed_extracts_of_any_name_and_csv_files_are_linted(in_tmp: Path) -> None:
    project(in_tmp)
    code, report = lint(*EVERY_FILE)
    findings = report["findings"]
    assert isinstance(findings, list)
    assert code == 1
    by_file = {(f["path"], f["code"]) for f in findings}
    assert ("exports/orders_1.txt", "VAL301") in by_file  # checked against its configuration
    assert ("plain.csv", "CSV109") in by_file
    linted = {f["path"] for f in report["files"]}  # type: ignore[attr-defined]
    # the sample, the claimed extract and the CSV file; the configuration is only read as the
    # extract's reference, and nothing else is read
    assert {"samples/orders.dat", "exports/orders_1.txt", "plain.csv"} <= linted
    assert not linted & {"exports/notes.txt", "README.md", "logo.png"}


def test_files_that_are_no_csv_pass_quietly(in_tmp: Path) -> None:
    project(in_tmp)
    result = CliRunner().invoke(
        cli, ["lint", "--csv-only", "--quiet", "README.md", "logo.png", "exports/notes.txt"]
    )
    assert result.exit_code == 0, result.output
    assert result.output == ""
    # without the option, a file named on the command line is always linted as CSV
    named = CliRunner().invoke(cli, ["lint", "--quiet", "README.md"])
    assert "CSV113" in named.output


def test_show_files_lists_what_csv_only_keeps(in_tmp: Path) -> None:
    project(in_tmp)
    result = CliRunner().invoke(cli, ["lint", "--csv-only", "--show-files", *EVERY_FILE])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "samples/orders.dat: orders.import.yaml",
        "exports/orders_1.txt: orders.import.yaml",
        "plain.csv: no configuration",
    ]


def test_the_same_from_another_folder(in_tmp: Path) -> None:
    project(in_tmp)
    os.chdir(in_tmp / "exports")
    result = CliRunner().invoke(
        cli, ["lint", "--csv-only", "--show-files", "orders_1.txt", "notes.txt", "../README.md"]
    )
    assert result.exit_code == 0, result.output
    [line] = result.stdout.splitlines()
    assert line.startswith("orders_1.txt: ") and line.endswith("/orders.import.yaml"), line


def test_files_passed_over_decide_no_settings(in_tmp: Path) -> None:
    # a sub-project with settings of its own, and a root file of no interest: the files passed
    # over must not make the lint refuse to mix two projects' settings
    (in_tmp / ".git").mkdir()
    (in_tmp / "data").mkdir()
    (in_tmp / "data" / ".csvlint.toml").write_text("max-per-rule = 5\n")
    (in_tmp / "data" / "x.csv").write_text("a,b\n1,2,3\n")
    (in_tmp / "README.md").write_text("# hi\n")
    result = CliRunner().invoke(
        cli, ["lint", "--csv-only", "--format", "json", "README.md", "data/x.csv"]
    )
    assert result.exit_code == 1, result.output
    assert {f["path"] for f in json.loads(result.stdout)["findings"]} == {"data/x.csv"}


def test_nothing_left_lints_nothing(in_tmp: Path) -> None:
    # every PATH passed over is no PATH at all: the current folder is not linted instead
    project(in_tmp)
    code, report = lint("README.md", "logo.png")
    assert code == 0 and report["files"] == [] and report["findings"] == []


def test_with_config_every_file_named_is_checked_against_it(in_tmp: Path) -> None:
    project(in_tmp)
    (in_tmp / "loose.txt").write_text("Order ID,Amount\nA1,three\n")
    code, report = lint("--config", "orders.import.yaml", "loose.txt", "orders.import.yaml")
    findings = report["findings"]
    assert isinstance(findings, list)
    assert code == 1 and ("loose.txt", "VAL301") in {(f["path"], f["code"]) for f in findings}


def test_a_configuration_that_cannot_be_read_keeps_its_project_s_files(in_tmp: Path) -> None:
    # whether the broken configuration claims a file cannot be told: each file of its project
    # is linted and reported (CFG423), rather than passed over as no CSV and called clean
    project(in_tmp)
    (in_tmp / "orders.import.yaml").write_text(CONFIG.replace("files: [", "files: {"))
    code, report = lint("exports/orders_1.txt", "README.md")
    findings = report["findings"]
    assert isinstance(findings, list)
    assert code == 1
    unread = {f["path"] for f in findings if f["code"] == "CFG423"}
    assert unread == {"exports/orders_1.txt", "README.md"}
