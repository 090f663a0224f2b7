"""The whole flow against the fake Pigment, as a user types it: init, save, verify, pull-items,
push, and the report tying skipped rows back to lines. No output ever holds a key."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner, Result
from fake_pigment import KEYS, FakePigment, Outcome

from csvlint.bundled import load_schema
from csvlint.cli import cli

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "project"
OUTPUTS: list[str] = []


def run(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    OUTPUTS.append(result.stdout + result.stderr)
    return result


@pytest.fixture(autouse=True)
def no_key_in_any_output() -> None:
    yield
    leaked = [out for out in OUTPUTS if any(key in out for key in KEYS.values())]
    OUTPUTS.clear()
    assert not leaked


@pytest.fixture
def workspace(pigment_project: Path, pigment: FakePigment) -> tuple[Path, dict[str, str]]:
    """The project with a sample and a draft; Pigment with the application, the list, the
    departments list and a saved configuration."""
    project = pigment_project
    shutil.copy(EXAMPLES / "samples" / "employees.csv", project / "employees.csv")
    app = pigment.add_application("Workforce")
    block = pigment.add_block(app, "Employee", "DimensionList")
    departments = pigment.add_block(app, "Department", "DimensionList")
    pigment.add_block(app, "Revenue", "Metric")
    other = pigment.add_application("Sandbox")
    pigment.add_block(other, "Employee", "DimensionList")
    config = pigment.add_configuration(app, block, "Employees from Workday")
    pigment.add_list(
        departments,
        "Department",
        [
            {"Name": "Engineering", "Code": "ENG"},
            {"Name": "Finance", "Code": "FIN"},
            {"Name": "Sales", "Code": "SALES"},
        ],
    )
    return project, {"app": app, "block": block, "config": config, "departments": departments}


def _draft(project: Path) -> Path:
    assert run(
        "config", "init", "employees.csv", "--target-type", "dimension_list",
        "--block", "Employee", "--unique", "Employee ID", "--name", "Employees from Workday",
    ).exit_code == 0  # fmt: skip
    path = project / "employees.import.yaml"
    text = path.read_text()
    text = text.replace("  block: Employee\n", "  block: Employee\n  application: Workforce\n")
    text = text.replace(
        "    - {name: Department, type: text}\n",
        "    - name: Department\n      type: dimension\n      list: Department\n"
        "      items: {file: lists/departments.csv, column: Code}\n",
    )
    assert "items: {file" in text, text
    path.write_text(text)
    (project / "lists").mkdir()
    (project / "lists" / "departments.csv").write_text("Code\nENG\nFIN\n")
    return path


def test_init_save_verify_pull_push_and_lines(
    workspace: tuple[Path, dict[str, str]], pigment: FakePigment
) -> None:
    project, ids = workspace
    config = _draft(project)

    # pull-items: the file is stale (SALES is missing), then refreshed
    result = run("pigment", "pull-items", config.name, "--check")
    assert result.exit_code == 1 and "stale" in result.stdout and "added: SALES" in result.stdout
    assert (project / "lists" / "departments.csv").read_text() == "Code\nENG\nFIN\n"
    result = run("pigment", "pull-items", config.name)
    assert result.exit_code == 0 and "updated" in result.stdout
    exported = (project / "lists" / "departments.csv").read_bytes()
    assert exported.startswith(b"\xef\xbb\xbfName;Code\r\n")
    assert run("pigment", "pull-items", config.name, "--check").exit_code == 0

    # save with Pigment's ID, then verify it for real
    result = run("config", "save", config.name, "--id", ids["config"])
    assert result.exit_code == 0, result.output
    result = run("pigment", "verify", config.name, "--format", "concise")
    assert result.exit_code == 0, result.output

    # a push with an unknown department: skipped by Pigment, tied to its line
    extract = project / "extract.csv"
    rows = (project / "employees.csv").read_text().splitlines()
    extract.write_text("\n".join([*rows, rows[1].replace("E001", "E901")]) + "\n")
    pigment.outcomes[ids["config"]] = Outcome(
        polls=1,
        skipped=[
            {
                "count": 1,
                "reason": "MissingModalitySkippedDataRow",
                "sourceColumnName": "Employee ID",
                "samples": ["E901"],
            }
        ],
    )
    result = run("pigment", "push", "extract.csv", "--config", config.name)
    assert result.exit_code == 1, result.output
    last = len(rows) + 1
    assert f"extract.csv: lines {last}" in result.stdout
    assert "MissingModalitySkippedDataRow" in result.stdout
    assert [i.body for i in pigment.imports.values()] == [extract.read_bytes()]
    result = run("pigment", "push", "extract.csv", "--config", config.name, "--allow-skipped")
    assert result.exit_code == 0, result.output

    # JSON for push and status, valid against the bundled schema
    result = run("pigment", "push", "extract.csv", "--config", config.name, "--format", "json")
    data = json.loads(result.stdout)
    jsonschema.validate(data, load_schema("pigment-import"))
    assert data["skipped"][0]["lines"] == [last] and not data["ok"]
    result = run(
        "pigment", "status", data["import_id"], "--file", "extract.csv",
        "--config", config.name, "--format", "json",
    )  # fmt: skip
    assert json.loads(result.stdout)["skipped"][0]["lines"] == [last]


def test_push_refuses_a_file_that_fails_the_lint(
    workspace: tuple[Path, dict[str, str]], pigment: FakePigment
) -> None:
    project, ids = workspace
    config = _draft(project)
    run("pigment", "pull-items", config.name)
    assert run("config", "save", config.name, "--id", ids["config"]).exit_code == 0
    (project / "bad.csv").write_text(
        (project / "employees.csv").read_text().replace(",ENG,", ",LEGAL,", 1)
    )
    result = run("pigment", "push", "bad.csv", "--config", config.name)
    assert result.exit_code == 1 and "VAL307" in result.stdout and "not pushed" in result.stderr
    # --force passes errors in values, never a stale configuration
    assert run("pigment", "push", "bad.csv", "--config", config.name, "--force").exit_code == 0
    with (project / "lists" / "departments.csv").open("a") as items:
        items.write("Legal;LEGAL\r\n")
    result = run("pigment", "push", "bad.csv", "--config", config.name, "--force")
    assert result.exit_code == 1 and "CFG409" in result.stdout
    assert len(pigment.imports) == 1


def test_a_failed_import_prints_its_errors_and_no_wait_prints_the_id(
    workspace: tuple[Path, dict[str, str]], pigment: FakePigment
) -> None:
    project, ids = workspace
    config = _draft(project)
    run("pigment", "pull-items", config.name)
    run("config", "save", config.name, "--id", ids["config"])
    pigment.outcomes[ids["config"]] = Outcome(
        state="Failed", errors=[{"name": "DuplicateKey", "description": "E001 twice"}]
    )
    result = run("pigment", "push", "employees.csv", "--config", config.name)
    assert result.exit_code == 1 and "error DuplicateKey: E001 twice" in result.stdout
    result = run("pigment", "push", "employees.csv", "--config", config.name, "--no-wait")
    assert result.exit_code == 0 and result.stdout.strip() in pigment.imports


@pytest.mark.parametrize(
    ("edit", "code"),
    [
        (("application: Workforce", "application: Nope"), "PGM501"),
        (("block: Employee\n", "block: Employe\n"), "PGM502"),
        (("type: dimension_list", "type: transaction_list"), "PGM503"),
        (("name: Employees from Workday", "name: Employees (old)"), "PGM505"),
        (("  application: Workforce\n", ""), "PGM506"),
    ],
)
def test_verify_finds_what_pigment_disproves(
    workspace: tuple[Path, dict[str, str]], edit: tuple[str, str], code: str
) -> None:
    project, ids = workspace
    config = _draft(project)
    run("pigment", "pull-items", config.name)
    run("config", "save", config.name, "--id", ids["config"])
    config.write_text(config.read_text().replace(*edit, 1))
    result = run("pigment", "verify", config.name, "--format", "json")
    found = {f["code"] for f in json.loads(result.stdout)["findings"]}
    assert result.exit_code == 1 and found == {code}, result.stdout


def test_verify_an_id_pigment_does_not_list(workspace: tuple[Path, dict[str, str]]) -> None:
    project, _ = workspace
    config = _draft(project)
    run("pigment", "pull-items", config.name)
    run("config", "save", config.name, "--id", "6f1c0b3e-0000-4000-8000-000000000001")
    result = run("pigment", "verify", config.name, "--format", "json")
    findings = json.loads(result.stdout)["findings"]
    assert [(f["code"], f["blocks_copy_id"]) for f in findings] == [("PGM504", True)]


def test_commands_say_how_to_connect(
    workspace: tuple[Path, dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    project, _ = workspace
    _draft(project).rename(project / "c.import.yaml")
    monkeypatch.delenv("PIGMENT_METADATA_API_KEY")
    result = run("pigment", "verify", "c.import.yaml")
    assert result.exit_code == 2 and "PIGMENT_METADATA_API_KEY" in result.stderr
    (project / ".csvlint.toml").write_text('[pigment]\nurl = "http://pigment.example.com"\n')
    monkeypatch.setenv("PIGMENT_API_KEY", "k")
    result = run("pigment", "verify", "c.import.yaml")
    assert result.exit_code == 2 and "HTTPS" in result.stderr
    (project / ".csvlint.toml").write_text('[pigment]\napi_key = "x"\n')
    assert run("pigment", "verify", "c.import.yaml").exit_code == 2


def test_a_real_process_without_the_extra_says_how_to_get_it(tmp_path: Path) -> None:
    blocker = tmp_path / "httpx.py"
    blocker.write_text("raise ImportError('not installed')\n")
    done = subprocess.run(
        [sys.executable, "-m", "csvlint", "pigment", "status", "x"],
        capture_output=True, text=True, check=False, cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert done.returncode == 2 and "pip install 'csvlint[pigment]'" in done.stderr
    assert "Traceback" not in done.stderr


REASONS = [
    "ParsingError",
    "MissingModalityUseDefaultOrNullModality",
    "MissingModalitySkippedDataRow",
    "MissingWriteAccessRights",
    "MissingModalitiesFromSnapshot",
]


@pytest.fixture
def linked(workspace: tuple[Path, dict[str, str]]) -> tuple[Path, Path, dict[str, str]]:
    project, ids = workspace
    config = _draft(project)
    assert run("pigment", "pull-items", config.name).exit_code == 0
    assert run("config", "save", config.name, "--id", ids["config"]).exit_code == 0
    return project, config, ids


@pytest.mark.parametrize("reason", REASONS)
def test_every_skipped_reason_is_reported_with_its_lines(
    linked: tuple[Path, Path, dict[str, str]], pigment: FakePigment, reason: str
) -> None:
    _, config, ids = linked
    column = None if reason == "MissingModalitiesFromSnapshot" else "Department"
    pigment.outcomes[ids["config"]] = Outcome(
        skipped=[{"count": 2, "reason": reason, "sourceColumnName": column, "samples": ["ENG"]}],
        auto_created=3,
    )
    result = run("pigment", "push", "employees.csv", "--config", config.name, "--format", "json")
    data = json.loads(result.stdout)
    jsonschema.validate(data, load_schema("pigment-import"))
    assert result.exit_code == 1 and not data["ok"]
    (entry,) = data["skipped"]
    assert (entry["reason"], entry["count"]) == (reason, 2)
    assert entry["lines"] == ([] if column is None else [2, 3])  # the two ENG rows
    assert entry["located"] is (column is not None)
    assert data["auto_created"][0]["count"] == 3


def test_a_push_over_the_hourly_limit_waits_as_told(
    linked: tuple[Path, Path, dict[str, str]], pigment: FakePigment
) -> None:
    _, config, _ = linked
    pigment.faults.append(("push", "429:5"))
    result = run("pigment", "push", "employees.csv", "--config", config.name)
    assert result.exit_code == 0, result.output
    assert [p for _, p in pigment.requests].count("/api/v1/import/push/csv") == 2
    pigment.faults.append(("push", "429:7200"))
    result = run("pigment", "push", "employees.csv", "--config", config.name)
    assert result.exit_code == 2 and "rate limit" in result.stderr


def test_the_library_lints_pushes_and_reports(
    linked: tuple[Path, Path, dict[str, str]], pigment: FakePigment
) -> None:
    from csvlint.pigment import PigmentClient
    from csvlint.pigment.push import push_file

    project, config, ids = linked
    pigment.outcomes[ids["config"]] = Outcome(
        polls=2,
        skipped=[
            {"count": 1, "reason": "ParsingError", "sourceColumnName": "Salary",
             "samples": ["$98,250.50"]},
        ],
    )  # fmt: skip
    polls: list[str] = []
    with PigmentClient(pigment.url) as client:
        pushed = push_file(
            project / "employees.csv", config, client, on_poll=lambda s, _: polls.append(s.state)
        )
    assert pushed.pushed and pushed.lint.ok and pushed.result is not None
    assert not pushed.result.ok and pushed.result.skipped[0].lines == (4,)
    assert polls == ["InProgress", "InProgress", "Completed"]


def test_pull_items_never_writes_outside_the_project(
    linked: tuple[Path, Path, dict[str, str]],
) -> None:
    _, config, _ = linked
    config.write_text(config.read_text().replace("lists/departments.csv", "../departments.csv"))
    result = run("pigment", "pull-items", config.name)
    assert result.exit_code == 2 and "outside the project" in result.stderr
    assert not (config.parent.parent / "departments.csv").exists()


def test_pull_items_names_a_list_pigment_does_not_have(
    linked: tuple[Path, Path, dict[str, str]],
) -> None:
    _, config, _ = linked
    config.write_text(config.read_text().replace("list: Department", "list: Departments"))
    result = run("pigment", "pull-items", config.name)
    assert result.exit_code == 2 and "no dimension list called 'Departments'" in result.stderr


def test_a_terminal_sees_the_import_progress(
    linked: tuple[Path, Path, dict[str, str]], pigment: FakePigment, monkeypatch: pytest.MonkeyPatch
) -> None:
    from csvlint.cli import pigment as command

    _, config, ids = linked
    monkeypatch.setattr(command, "interactive", lambda stream: True)
    pigment.outcomes[ids["config"]] = Outcome(polls=2)
    result = run("pigment", "push", "employees.csv", "--config", config.name)
    assert result.exit_code == 0, result.output
    assert result.stderr.count(": InProgress (") == 2 and ": Completed (" in result.stderr
