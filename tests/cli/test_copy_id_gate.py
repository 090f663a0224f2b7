"""What blocks Copy ID reads the same everywhere (`csvlint rules` as text and JSON, `explain`,
the README's table) and is what the engine does with a rule's findings."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from csvlint.cli import cli
from csvlint.engine.collect import Collector
from csvlint.rules import Violation, all_rules
from csvlint.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "project" / "samples" / "employees.csv"
GATES = {"yes", "on verify", "on a sample", "no"}


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _blocks(code: str, *, sample: bool = False, verifying: bool = False) -> bool:
    """Whether one finding of the rule, at its default severity, blocks Copy ID."""
    rule = next(r for r in all_rules() if r.code == code)
    collector = Collector(Settings().selection())
    collector.add(rule, [Violation("x", line=1)], "f", sample=sample, verifying=verifying)
    (finding,) = collector.findings
    return finding.blocks_copy_id


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_the_gate_is_what_the_engine_does(rule: type) -> None:
    gate = rule.copy_id_gate()
    assert gate in GATES
    where = {
        "itself": _blocks(rule.code),
        "on verify": _blocks(rule.code, verifying=True),
        "on a sample": _blocks(rule.code, sample=True),
    }
    if gate == "yes":
        assert where["itself"] and where["on verify"]
    elif gate == "on verify":
        assert where == {"itself": False, "on verify": True, "on a sample": False}
    elif gate == "on a sample":
        assert where == {"itself": False, "on verify": False, "on a sample": True}
    else:
        assert not any(where.values()), where


def test_every_listing_says_the_same() -> None:
    _, text, _ = run("rules")
    _, raw, _ = run("rules", "--format", "json")
    listed = {r["code"]: r for r in json.loads(raw)}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for rule in all_rules():
        gate = rule.copy_id_gate()
        assert listed[rule.code]["blocks_copy_id_when"] == gate
        assert listed[rule.code]["blocks_copy_id"] is (gate != "no")
        line = next(x for x in text.splitlines() if x.startswith(rule.code))
        assert re.search(rf"\s{re.escape(gate)}\s", line), line
        _, explained, _ = run("explain", rule.code)
        assert f"blocks Copy ID: {gate}\n" in explained
        row = next(x for x in readme.splitlines() if x.startswith(f"| {rule.code} |"))
        assert row.split(" | ")[3] == gate, row


def test_drafts_and_checked_configurations_are_information_until_verified() -> None:
    _, raw, _ = run("rules", "--format", "json")
    listed = {r["code"]: r for r in json.loads(raw)}
    for code in ("CFG411", "CFG416"):
        assert (listed[code]["severity"], listed[code]["severity_on_verify"]) == ("info", "error")
        assert listed[code]["blocks_copy_id_when"] == "on verify"
    for code in ("CFG412", "CFG413", "CFG414", "CFG415"):  # warnings and information
        assert listed[code]["blocks_copy_id_when"] == "no"


def test_verify_passes_despite_warnings_and_information(in_tmp: Path) -> None:
    shutil.copy(SAMPLE, in_tmp / "employees.csv")
    run(
        "config", "init", "employees.csv", "--target-type", "dimension_list",
        "--block", "Employee", "--unique", "Employee ID",
    )  # fmt: skip
    config = in_tmp / "employees.import.yaml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("{header: Name, property: Name}", "{header: Name}")
    config.write_text(text + "files: [extracts/none_*.csv]\n", encoding="utf-8")
    linked = ("config", "save", config.name, "--id", "33d0d7d0-6125-47c4-b36a-882f4ed53b33")
    assert run(*linked)[0] == 0
    code, out, _ = run("config", "verify", config.name)
    assert code == 0, out
    assert "CFG414" in out and "CFG415" in out and "blocks Copy ID" not in out
    code, out, _ = run("config", "id", config.name)
    assert (code, out.strip()) == (0, "33d0d7d0-6125-47c4-b36a-882f4ed53b33")


def test_a_draft_is_information_on_lint_and_an_error_on_verify(in_tmp: Path) -> None:
    shutil.copy(SAMPLE, in_tmp / "employees.csv")
    run(
        "config", "init", "employees.csv", "--target-type", "dimension_list",
        "--block", "Employee", "--unique", "Employee ID",
    )  # fmt: skip
    code, out, _ = run("lint", "employees.import.yaml", "--format", "json")
    (draft,) = [f for f in json.loads(out)["findings"] if f["code"] == "CFG411"]
    assert code == 0 and (draft["severity"], draft["blocks_copy_id"]) == ("info", False)
    code, out, _ = run("config", "verify", "employees.import.yaml")
    assert code == 1 and "error CFG411" in out and "blocks Copy ID" in out
