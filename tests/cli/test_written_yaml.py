"""The YAML csvlint writes (`config init`, `config save`, the examples) passes yamllint with its
default rules, and a save keeps everything before the document start `---` as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from yamllint import linter
from yamllint.config import YamlLintConfig

from csvlint.cli import cli

ROOT = Path(__file__).resolve().parents[2]
DEFAULT = YamlLintConfig("extends: default")
LONG = "Cost centre of the employee's home department as the HR system names it"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def problems(path: Path) -> list[str]:
    """Every yamllint problem, warnings included, as `line:column rule message`."""
    text = path.read_text(encoding="utf-8")
    return [f"{p.line}:{p.column} {p.rule} {p.desc}" for p in linter.run(text, DEFAULT)]


@pytest.mark.parametrize("path", sorted((ROOT / "examples").rglob("*.import.yaml")), ids=str)
def test_the_examples_pass_yamllint(path: Path) -> None:
    assert problems(path) == []


@pytest.mark.parametrize("target", ["dimension_list", "metric"])
def test_a_draft_and_its_save_pass_yamllint(in_tmp: Path, target: str) -> None:
    (in_tmp / "s.csv").write_text(
        f"Employee ID,{LONG},Hire Date,Salary\nE1,CC-1,2026-01-02,10.5\nE2,CC-2,2026-01-03,11\n",
        encoding="utf-8",
    )
    unique = ["--unique", "Employee ID"] if target != "metric" else []
    code, _, err = run(
        "config", "init", "s.csv", "--target-type", target, "--block", "Staff", *unique
    )
    assert code == 0, err
    draft = in_tmp / "s.import.yaml"
    assert problems(draft) == []
    code, _, err = run("config", "save", str(draft))
    assert code == 0, err
    assert problems(draft) == []
    assert "fingerprint" in draft.read_text(encoding="utf-8")


def test_save_keeps_what_precedes_the_document_and_saving_twice_changes_nothing(
    in_tmp: Path,
) -> None:
    (in_tmp / "s.csv").write_text("Employee ID,Name\nE1,Ada\n", encoding="utf-8")
    run(
        *[
            "config",
            "init",
            "s.csv",
            "--target-type",
            "dimension_list",
            "--block",
            "Staff",
            "--force",
        ],
        "--unique",
        "Employee ID",
    )
    draft = in_tmp / "s.import.yaml"
    preamble = (
        "# yaml-language-server: $schema=../schemas/import-config.schema.json\n"
        "# Staff, from the HR export\n"
        "\n"
        "--- # the configuration\n"
    )
    body = draft.read_text(encoding="utf-8").split("---\n", 1)[1]
    draft.write_text(preamble + "# about the version\n" + body, encoding="utf-8")
    linked = ("config", "save", str(draft), "--id", "1090cdf2-765c-4ceb-8203-e8902d63158e")
    code, _, err = run(*linked)
    assert code == 0, err
    once = draft.read_text(encoding="utf-8")
    assert once.startswith(preamble + "# about the version\ncsvlint: 1\nid: ")
    code, _, err = run(*linked)
    assert code == 0, err
    assert draft.read_text(encoding="utf-8") == once
    assert run("config", "id", str(draft))[0] == 0
