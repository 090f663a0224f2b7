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


PIGMENT_ID = "33d0d7d0-6125-47c4-b36a-882f4ed53b33"


def test_save_without_id_checks_but_never_invents_one(drafted: Path) -> None:
    code, out, _ = run("config", "save", drafted.name)
    assert code == 0 and "not linked yet" in out and "--id UUID" in out
    checked = drafted.read_text(encoding="utf-8")
    assert "# Draft import configuration" in checked  # comments are kept
    assert "\nid:" not in checked and "saved:\n  fingerprint:\n    sha256:" in checked
    assert run("config", "save", drafted.name)[0] == 0
    assert drafted.read_text(encoding="utf-8") == checked  # saving twice changes nothing
    for command in ("id", "verify"):
        code, out, err = run("config", command, drafted.name)
        assert code == 1, command
        shown = err if command == "id" else out
        assert "CFG416" in shown and "create the import configuration in Pigment" in shown
        assert "blocks Copy ID" in shown and "CFG411" not in shown
    assert run("config", "id", drafted.name)[1] == ""


def test_save_links_pigments_id_and_the_id_never_changes(drafted: Path) -> None:
    run("config", "save", drafted.name)
    assert run("config", "save", drafted.name, "--id", PIGMENT_ID.upper())[0] == 0
    linked = drafted.read_text(encoding="utf-8")
    assert f"id: {PIGMENT_ID}" in linked
    code, out, _ = run("config", "id", drafted.name)
    assert (code, out) == (0, PIGMENT_ID + "\n")
    assert run("config", "save", drafted.name)[0] == 0  # the id stays
    assert run("config", "save", drafted.name, "--id", PIGMENT_ID)[0] == 0  # the same id
    assert drafted.read_text(encoding="utf-8") == linked
    assert run("config", "verify")[0] == 0


def test_another_id_is_refused_unless_replaced(drafted: Path) -> None:
    run("config", "save", drafted.name, "--id", PIGMENT_ID)
    linked = drafted.read_text(encoding="utf-8")
    other = "0f6b2c1e-9a4d-4c3b-8e2f-5d7a1b9c0e3f"
    code, out, err = run("config", "save", drafted.name, "--id", other)
    assert code == 1 and out == ""
    assert PIGMENT_ID in err and other in err and "--replace-id" in err
    assert drafted.read_text(encoding="utf-8") == linked
    assert run("config", "save", drafted.name, "--id", other, "--replace-id")[0] == 0
    assert run("config", "id", drafted.name)[1].strip() == other


def test_save_refuses_an_id_that_is_not_a_uuid(drafted: Path) -> None:
    code, _, err = run("config", "save", drafted.name, "--id", "not-a-uuid")
    assert code == 2 and "not a UUID" in err
    code, _, err = run("config", "save", drafted.name, "--replace-id")
    assert code == 2 and "give --id" in err


def test_save_refuses_an_id_another_configuration_has(drafted: Path) -> None:
    run("config", "save", drafted.name, "--id", PIGMENT_ID)
    copy = drafted.with_name("copy.import.yaml")
    shutil.copy(drafted, copy)
    copy.write_text(copy.read_text(encoding="utf-8").replace(f"id: {PIGMENT_ID}\n", ""))
    code, _, err = run("config", "save", copy.name, "--id", PIGMENT_ID)
    assert code == 1 and "already the id of" in err


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
    run("config", "save", drafted.name, "--id", PIGMENT_ID)
    edited = drafted.read_text(encoding="utf-8").replace(
        "clear_items: none", "clear_items: entire_list"
    )
    drafted.write_text(edited, encoding="utf-8")
    code, out, _ = run("config", "verify", drafted.name)
    assert code == 1 and "CFG409" in out
    code, out, err = run("config", "id", drafted.name)
    assert code == 1 and out == "" and "CFG409" in err


def test_a_copied_configuration_shares_the_id(drafted: Path) -> None:
    run("config", "save", drafted.name, "--id", PIGMENT_ID)
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


def test_the_lifecycle_in_a_real_process_from_another_folder(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(SAMPLE, project / "employees.csv")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    config = project / "employees.import.yaml"

    def csvlint(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "csvlint", *args],
            capture_output=True,
            text=True,
            cwd=outside,
            env={**os.environ, "NO_COLOR": "1"},
            check=False,
        )

    init = ("config", "init", str(project / "employees.csv"), "--target-type",
            "dimension_list", "--block", "Employee", "--unique", "Employee ID",
            "-o", str(config))  # fmt: skip
    assert csvlint(*init).returncode == 0
    assert csvlint("config", "save", str(config)).returncode == 0
    copied = csvlint("config", "id", str(config))
    assert (copied.returncode, copied.stdout) == (1, "") and "CFG416" in copied.stderr
    assert csvlint("config", "save", str(config), "--id", PIGMENT_ID).returncode == 0
    other = csvlint("config", "save", str(config), "--id", "0f6b2c1e-9a4d-4c3b-8e2f-5d7a1b9c0e3f")
    assert other.returncode == 1 and PIGMENT_ID in other.stderr
    assert "Traceback" not in other.stderr
    copied = csvlint("config", "id", str(config))
    assert (copied.returncode, copied.stdout) == (0, PIGMENT_ID + "\n")


def test_duplicate_ids_are_found_in_every_project_whatever_the_order(drafted: Path) -> None:
    """Two repositories given together: a configuration of the second whose id a copy beside
    it shares is reported whichever comes first, for verify and for lint alike."""
    run("config", "save", drafted.name, "--id", PIGMENT_ID)
    for name in ("a", "b"):
        (Path(name) / ".git").mkdir(parents=True)
        shutil.copy("employees.csv", Path(name) / "employees.csv")
        shutil.copy(drafted, Path(name) / drafted.name)
    shutil.copy(drafted, Path("b") / "copy.import.yaml")  # b only: its id is shared there
    a, b = f"a/{drafted.name}", f"b/{drafted.name}"
    for command in ("verify", "lint"):
        for order in ((a, b), (b, a)):
            args = ("config", "verify", *order) if command == "verify" else ("lint", *order)
            code, out, _ = run(*args)
            assert code == 1, (command, order, out)
            reported = [line for line in out.splitlines() if "CFG403" in line]
            # the copy is not linted, only compared: the file given is the one told
            assert len(reported) == 1 and reported[0].startswith(b), (command, order, out)
            assert "copy.import.yaml" in reported[0]
