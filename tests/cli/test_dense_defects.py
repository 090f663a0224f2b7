"""A file with an invalid value on every row, linted from the command line in another folder:
every finding counted, the first listed with the exact path's messages, lines and records."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import generate

from csvlint.config.load import load_config_text
from csvlint.engine.context import FileContext
from csvlint.engine.run import LintOptions, Run
from csvlint.engine.sources import blocks_from_bytes

ROWS = 2500
QUANTITY = 8  # the extract's integer column, 0-based


@pytest.fixture(scope="module")
def spoiled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The benchmark extract with its Quantity invalid on every row: a word, a word with a
    doubled quote, a non-ASCII word, a decimal (truncated), in turns."""
    folder = generate(tmp_path_factory.mktemp("dense"), ROWS)
    with (folder / "orders.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    bad = ["seven", 'se"ven', "sept ç", "7.5"]
    for number, row in enumerate(rows[1:]):
        row[QUANTITY] = bad[number % len(bad)]
    with (folder / "orders.csv").open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)
    return folder


def exact(folder: Path, shown: str) -> list[tuple[object, ...]]:
    """The findings the exact path alone lists, with the command line's cap."""
    config_path = folder / "orders.import.yaml"
    loaded = load_config_text(config_path.read_text(encoding="utf-8"), config_path)
    assert loaded.config is not None, loaded.problems
    run = Run(LintOptions(native=False, max_per_rule=20))
    context = FileContext(shown, config=loaded.config, config_path=str(config_path), listed=20)
    run.lint_csv(context, blocks_from_bytes((folder / "orders.csv").read_bytes()))
    report = run.report()
    found = [(f.code, f.line, f.record, f.column, f.message, f.hint) for f in report.findings]
    return [*found, *((o.code, o.column, o.count) for o in report.omitted)]


def test_the_command_line_counts_and_lists_as_the_exact_path(spoiled: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    shown = str(spoiled / "orders.csv")
    done = subprocess.run(
        [sys.executable, "-m", "csvlint", "lint", "--format", "json", "--config",
         str(spoiled / "orders.import.yaml"), shown],
        cwd=elsewhere, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    listed = [
        (f["code"], f["line"], f["record"], f["column"], f["message"], f["hint"])
        for f in report["findings"]
        if f["path"] == shown
    ]
    omitted = [(o["code"], o["column"], o["count"]) for o in report["omitted"]]
    assert listed + omitted == exact(spoiled, shown)
    assert {code for code, *_ in listed} == {"VAL302", "VAL310"}
    assert sum(1 for f in listed if f[0] == "VAL302") == 20
    assert report["summary"]["errors"] == ROWS * 3 // 4
    assert report["summary"]["warnings"] == ROWS // 4
