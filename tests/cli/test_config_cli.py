"""Draft, save, verify and copy the ID of a configuration, as a person does at the terminal."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from csvlint.cli import cli

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "project" / "samples" / "employees.csv"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def drafted(in_tmp: Path) -> Path:
    shutil.copy(SAMPLE, in_tmp / "employees.csv")
    code, out, _ = run(
        "config", "init", "employees.csv", "--target-type", "dimension_list",
        "--block", "Employee", "--unique", "Employee ID",
    )  # fmt: skip
    assert code == 0 and "wrote employees.import.yaml" in out
    return in_tmp / "employees.import.yaml"


def test_a_draft_has_no_id_to_copy(drafted: Path) -> None:
    code, out, err = run("config", "id", drafted.name)
    assert code == 1 and out == ""
    assert "CFG411" in err and "blocks Copy ID" in err


def test_save_stamps_once_and_the_id_never_changes(drafted: Path) -> None:
    code, out, _ = run("config", "save", drafted.name)
    assert code == 0
    first = drafted.read_text(encoding="utf-8")
    assert "# Draft import configuration" in first  # comments are kept
    code, out, _ = run("config", "id", drafted.name)
    the_id = out.strip()
    assert code == 0 and len(the_id) == 36 and f"id: {the_id}" in first
    assert run("config", "save", drafted.name)[0] == 0
    assert drafted.read_text(encoding="utf-8") == first  # saving twice changes nothing
    assert run("config", "verify")[0] == 0


def test_save_takes_pigments_id(drafted: Path) -> None:
    pigment = "33d0d7d0-6125-47c4-b36a-882f4ed53b33"
    assert run("config", "save", drafted.name, "--id", pigment.upper())[0] == 0
    assert run("config", "id", drafted.name)[1].strip() == pigment
    code, _, err = run("config", "save", drafted.name, "--id", "not-a-uuid")
    assert code == 2 and "not a UUID" in err


def test_save_refuses_and_leaves_the_file_alone(drafted: Path) -> None:
    broken = drafted.read_text(encoding="utf-8").replace(
        "{header: Name, property: Name}", "{header: Nmae, property: Name}"
    )
    drafted.write_text(broken, encoding="utf-8")
    code, _, err = run("config", "save", drafted.name)
    assert code == 1
    assert "CFG404" in err and "not saved" in err
    assert drafted.read_text(encoding="utf-8") == broken


def test_an_edit_after_saving_is_caught_by_verify(drafted: Path) -> None:
    run("config", "save", drafted.name)
    edited = drafted.read_text(encoding="utf-8").replace(
        "clear_items: none", "clear_items: entire_list"
    )
    drafted.write_text(edited, encoding="utf-8")
    code, out, _ = run("config", "verify", drafted.name)
    assert code == 1 and "CFG409" in out
    code, out, err = run("config", "id", drafted.name)
    assert code == 1 and out == "" and "CFG409" in err


def test_a_copied_configuration_shares_the_id(drafted: Path) -> None:
    run("config", "save", drafted.name)
    shutil.copy(drafted, drafted.with_name("copy.import.yaml"))
    code, out, _ = run("config", "verify")
    assert code == 1
    assert out.count("CFG403") == 2  # each file that shares the id is told
    assert run("config", "id", drafted.name)[0] == 1


def test_a_drifted_extract_is_caught_against_its_configuration(drafted: Path) -> None:
    run("config", "save", drafted.name)
    Path("e.csv").write_text(
        "Employee Id;Name;Department;Hire Date;Salary;Active\nE9;Ann;ENG;01/02/2026;$1.00;TRUE\n",
        encoding="utf-8",
    )
    code, out, _ = run("lint", "e.csv", "--config", drafted.name, "--format", "concise")
    assert code == 1
    assert "e.csv:1: CSV105" in out and "HDR204" in out
    assert "blocks" not in out


def test_missing_files_are_exit_2(in_tmp: Path) -> None:
    for args in (["config", "save", "no.import.yaml"], ["config", "id", "no.import.yaml"]):
        code, _, err = run(*args)
        assert code == 2 and "no such configuration file" in err
    code, _, err = run("config", "init", "no.csv", "--target-type", "metric", "--block", "B")
    assert code == 2
