"""The Pigment commands take their settings from the project of the files they are given, as
`lint` does, never from the folder they are run from."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from fake_pigment import FakePigment

from csvlint.cli import cli

CONFIG = """\
csvlint: 1
id: {id}
name: Employees
target:
  type: dimension_list
  block: Employee
  properties:
    - {{name: ID, type: text, unique: true}}
    - {{name: Dept, type: dimension, list: Department, items: [SALES, ENG]}}
file: {{encoding: utf-8, delimiter: ",", quote: '"', layout: flat}}
columns:
  - {{header: ID, property: ID}}
  - {{header: Dept, property: Dept, on_missing_item: skip_row}}
sample: sample.csv
"""


@pytest.fixture
def two_projects(
    tmp_path: Path, pigment: FakePigment, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, Path]:
    """A project with a linked configuration and a bad extract; another folder, the current
    one, whose own settings would let the extract through."""
    from csvlint.pigment import client

    monkeypatch.setattr(client, "pause", lambda seconds: None)
    app = pigment.add_application("Workforce")
    block = pigment.add_block(app, "Employee", "DimensionList")
    config_id = pigment.add_configuration(app, block, "Employees")
    project, elsewhere = tmp_path / "project", tmp_path / "elsewhere"
    project.mkdir()
    elsewhere.mkdir()
    (project / ".csvlint.toml").write_text(f'[pigment]\nurl = "{pigment.url}"\n')
    (project / "sample.csv").write_text("ID,Dept\n1,SALES\n")
    (project / "bad.csv").write_text("ID,Dept\n1,SALES\n2,LEGAL\n")
    (project / "emp.import.yaml").write_text(CONFIG.format(id=config_id))
    result = CliRunner().invoke(cli, ["config", "save", str(project / "emp.import.yaml")])
    assert result.exit_code == 0, result.output
    (elsewhere / ".csvlint.toml").write_text(
        f'ignore = ["VAL307"]\n[pigment]\nurl = "{pigment.url}"\n'
    )
    monkeypatch.chdir(elsewhere)
    return project, elsewhere


def test_push_lints_with_the_settings_of_the_files_project(
    two_projects: tuple[Path, Path], pigment: FakePigment
) -> None:
    project, _ = two_projects
    result = CliRunner().invoke(
        cli,
        ["pigment", "push", str(project / "bad.csv"), "--config", str(project / "emp.import.yaml")],
    )
    assert result.exit_code == 1, result.output
    assert "VAL307" in result.stdout and "not pushed" in result.stderr
    assert not pigment.imports
    # the project's settings are the same from inside it
    result = CliRunner().invoke(
        cli, ["lint", str(project / "bad.csv"), "--config", str(project / "emp.import.yaml")]
    )
    assert result.exit_code == 1 and "VAL307" in result.stdout


def test_push_talks_to_the_pigment_of_the_files_project(
    two_projects: tuple[Path, Path], pigment: FakePigment
) -> None:
    project, elsewhere = two_projects
    (project / "bad.csv").write_text("ID,Dept\n1,SALES\n2,ENG\n")
    # the current folder's settings name a host that does not answer
    (elsewhere / ".csvlint.toml").write_text('[pigment]\nurl = "http://127.0.0.1:9"\n')
    result = CliRunner().invoke(
        cli,
        ["pigment", "push", str(project / "bad.csv"), "--config", str(project / "emp.import.yaml")],
    )
    assert result.exit_code == 0, result.output
    assert len(pigment.imports) == 1


def test_verify_checks_the_id_whatever_select_says(
    two_projects: tuple[Path, Path], pigment: FakePigment
) -> None:
    project, _ = two_projects
    config = project / "emp.import.yaml"
    (project / ".csvlint.toml").write_text(
        f'select = ["CSV", "HDR", "VAL"]\n[pigment]\nurl = "{pigment.url}"\n'
    )
    unknown = "0b5f3c8e-2d4a-4f7b-9c1e-6a8d2b3f4e5a"
    text = config.read_text()
    config.write_text(text.replace(text.split("id: ", 1)[1].split("\n", 1)[0], unknown))
    result = CliRunner().invoke(cli, ["pigment", "verify", str(config), "--format", "concise"])
    assert result.exit_code == 1 and "PGM504" in result.stdout, result.output


METRIC = """\
csvlint: 1
name: Plan
target:
  type: metric
  block: Plan
  application: Workforce
  dimensions: [{name: Country, items: [FR, DE]}]
  value_type: dimension
  list: Product
  items: {file: products.csv, column: Code}
file: {encoding: utf-8, delimiter: ",", quote: '"', layout: flat}
columns: [{header: Country, dimension: Country}, {header: Product, value: true}]
sample: sample.csv
"""


def test_pull_items_refreshes_the_items_of_a_metrics_values(
    in_tmp: Path, pigment: FakePigment
) -> None:
    app = pigment.add_application("Workforce")
    products = pigment.add_block(app, "Product", "DimensionList")
    pigment.add_list(products, "Product", [{"Code": "A"}, {"Code": "B"}])
    (in_tmp / ".csvlint.toml").write_text(f'[pigment]\nurl = "{pigment.url}"\n')
    (in_tmp / "products.csv").write_text("Code\nA\n")
    (in_tmp / "plan.import.yaml").write_text(METRIC)
    result = CliRunner().invoke(cli, ["pigment", "pull-items", "plan.import.yaml", "--check"])
    assert result.exit_code == 1, result.output
    assert "products.csv: stale (Product, 2 items)" in result.stdout and "added: B" in result.stdout
    result = CliRunner().invoke(cli, ["pigment", "pull-items", "plan.import.yaml"])
    assert result.exit_code == 0 and "updated" in result.stdout, result.output
    assert b"B" in (in_tmp / "products.csv").read_bytes()


def test_what_pigment_and_the_file_say_is_shown_escaped(
    two_projects: tuple[Path, Path], pigment: FakePigment
) -> None:
    from fake_pigment import Outcome

    project, _ = two_projects
    hostile = "E\x1b]0;owned\x07\u202e\rX"
    (project / "ok.csv").write_text(f'ID,Dept\n"{hostile}",SALES\n')
    config_id = (project / "emp.import.yaml").read_text().split("id: ", 1)[1].split("\n")[0]
    push = [
        "pigment",
        "push",
        str(project / "ok.csv"),
        "--config",
        str(project / "emp.import.yaml"),
    ]
    outcomes = [
        Outcome(
            skipped=[
                {"count": 1, "reason": "ParsingError", "sourceColumnName": "ID\u202e",
                 "samples": [hostile]},
            ],
        ),
        Outcome(state="Failed", errors=[{"name": "Bad\u202e", "description": "a\rforged"}]),
    ]  # fmt: skip
    for outcome in outcomes:
        pigment.outcomes[config_id] = outcome
        result = CliRunner().invoke(cli, push)
        assert result.exit_code == 1, result.output
        shown = result.output
        assert not any(c in shown for c in "\x1b\x07\u202e\r"), repr(shown)
    assert "\\u202e" in shown


def test_pull_items_says_when_the_items_file_cannot_be_named(
    in_tmp: Path, pigment: FakePigment
) -> None:
    app = pigment.add_application("Workforce")
    products = pigment.add_block(app, "Product", "DimensionList")
    pigment.add_list(products, "Product", [{"Code": "A"}])
    (in_tmp / ".csvlint.toml").write_text(f'[pigment]\nurl = "{pigment.url}"\n')
    (in_tmp / "plan.import.yaml").write_text(METRIC.replace("products.csv", "p" * 5000))
    result = CliRunner().invoke(cli, ["pigment", "pull-items", "plan.import.yaml"])
    assert result.exit_code == 2 and "cannot be written" in result.stderr, result.output
    assert "internal error" not in result.stderr
