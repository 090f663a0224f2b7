"""Which configurations claim a CSV file, from the command line. A file that several claim is
checked against one of them and reported (CFG422): the others' checks never run on it, and the
verdict may be for the wrong one. A link is claimed by its own path as well as its target's."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import csvlint
from csvlint.cli import cli

CONFIG = """\
csvlint: 1
name: NAME
target:
  type: transaction_list
  block: Orders
  properties:
    - {name: Order ID, type: text, unique: true}
    - {name: COLUMN, type: number}
file: {encoding: utf-8, delimiter: ","}
columns:
  - {header: Order ID, property: Order ID}
  - {header: COLUMN, property: COLUMN}
"""


def lint(*args: str) -> tuple[int, list[dict[str, object]]]:
    result = CliRunner().invoke(cli, ["lint", *args, "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    findings: list[dict[str, object]] = json.loads(result.stdout)["findings"]
    return result.exit_code, findings


def project(root: Path) -> None:
    """`orders` claims every extract and expects Amount; `orders_eu` claims the EU extracts
    and expects Amount EUR, which the EU extract has."""
    (root / ".csvlint.toml").write_text("")
    extracts = root / "extracts"
    extracts.mkdir()
    (extracts / "orders_eu_1.csv").write_text("Order ID,Amount EUR\nA1,3\n")
    (extracts / "orders_us_1.csv").write_text("Order ID,Amount\nA1,3\n")
    orders = CONFIG.replace("NAME", "Orders").replace("COLUMN", "Amount")
    (root / "orders.import.yaml").write_text(orders + "files: [extracts/orders_*.csv]\n")
    eu = CONFIG.replace("NAME", "Orders EU").replace("COLUMN", "Amount EUR")
    (root / "orders_eu.import.yaml").write_text(eu + "files: [extracts/orders_eu_*.csv]\n")


def test_a_file_two_configurations_claim_is_reported_naming_both(in_tmp: Path) -> None:
    project(in_tmp)
    code, findings = lint("extracts")
    claimed = [f for f in findings if f["code"] == "CFG422"]
    assert code == 1 and len(claimed) == 1, findings
    assert claimed[0]["path"] == "extracts/orders_eu_1.csv"
    assert claimed[0]["severity"] == "error" and claimed[0]["blocks_copy_id"] is False
    message = str(claimed[0]["message"])
    assert "checked against orders.import.yaml only" in message
    assert "never against orders_eu.import.yaml" in message
    # and it was checked against the first: its Amount column is missing there
    assert {f["code"] for f in findings if f["path"] == "extracts/orders_eu_1.csv"} >= {"HDR204"}


def test_show_files_names_every_claimant(in_tmp: Path) -> None:
    project(in_tmp)
    result = CliRunner().invoke(cli, ["lint", "--show-files", "extracts"])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "extracts/orders_eu_1.csv: orders.import.yaml (also claimed by orders_eu.import.yaml)",
        "extracts/orders_us_1.csv: orders.import.yaml",
    ]


def test_the_same_from_the_files_folder(in_tmp: Path) -> None:
    project(in_tmp)
    os.chdir(in_tmp / "extracts")
    code, findings = lint("orders_eu_1.csv")
    claimed = [f for f in findings if f["code"] == "CFG422"]
    assert code == 1 and [f["path"] for f in claimed] == ["orders_eu_1.csv"], findings
    assert str(claimed[0]["message"]).endswith(
        "never against " + str(in_tmp / "orders_eu.import.yaml")
    )


def test_naming_the_configuration_checks_against_it_alone(in_tmp: Path) -> None:
    project(in_tmp)
    code, findings = lint("extracts/orders_eu_1.csv", "--config", "orders_eu.import.yaml")
    assert code == 0 and findings == []


def test_the_rule_can_be_ignored_like_any_other(in_tmp: Path) -> None:
    project(in_tmp)
    _, findings = lint("extracts/orders_eu_1.csv", "--ignore", "CFG422,HDR")
    assert [f["code"] for f in findings] == []


def test_the_library_reports_it_too(in_tmp: Path) -> None:
    project(in_tmp)
    report = csvlint.lint(in_tmp / "extracts")
    assert [f.code for f in report.findings if f.code == "CFG422"] == ["CFG422"]
    assert not report.ok


def test_a_sample_another_configuration_claims_is_reported(in_tmp: Path) -> None:
    project(in_tmp)
    eu = in_tmp / "orders_eu.import.yaml"
    eu.write_text(eu.read_text() + "sample: extracts/orders_eu_1.csv\n")
    _, findings = lint("orders_eu.import.yaml", "extracts/orders_eu_1.csv")
    claimed = [f for f in findings if f["code"] == "CFG422"]
    # it was checked as orders_eu's sample, and the message says so
    assert len(claimed) == 1, findings
    assert "checked against orders_eu.import.yaml only" in str(claimed[0]["message"])
    assert "never against orders.import.yaml" in str(claimed[0]["message"])


def test_a_sample_is_checked_against_the_configuration_named_too(in_tmp: Path) -> None:
    """A configuration's sample, linted beside it with --config naming another one, is
    checked against that other one as well, not skipped as already checked."""
    project(in_tmp)
    eu = in_tmp / "orders_eu.import.yaml"
    eu.write_text(eu.read_text() + "sample: extracts/orders_eu_1.csv\n")
    code, findings = lint(
        "orders_eu.import.yaml", "extracts/orders_eu_1.csv", "--config", "orders.import.yaml"
    )
    missing = [f for f in findings if f["code"] == "HDR204"]
    assert code == 1 and [f["path"] for f in missing] == ["extracts/orders_eu_1.csv"], findings
    # and named as its own configuration, it is checked once, as its sample
    code, findings = lint(
        "orders_eu.import.yaml", "extracts/orders_eu_1.csv", "--config", "orders_eu.import.yaml"
    )
    assert code == 0 and [f for f in findings if f["severity"] != "info"] == [], findings


def test_a_link_is_claimed_by_its_own_path(in_tmp: Path) -> None:
    """`extracts/orders_us_current.csv`, a link to a dump kept elsewhere in the project, is an
    extract its configuration's pattern names: it is checked against it."""
    project(in_tmp)
    (in_tmp / "incoming").mkdir()
    (in_tmp / "incoming" / "dump.csv").write_text("Order ID,Amount\nA1,abc\n")
    (in_tmp / "extracts" / "orders_us_current.csv").symlink_to("../incoming/dump.csv")
    code, findings = lint("extracts/orders_us_current.csv")
    assert code == 1 and [f["code"] for f in findings] == ["VAL301"], findings


def test_a_file_in_a_linked_folder_is_claimed_by_its_path_through_the_link(
    in_tmp: Path,
) -> None:
    project(in_tmp)
    (in_tmp / "extracts").rename(in_tmp / "2026")
    (in_tmp / "extracts").symlink_to("2026")
    (in_tmp / "2026" / "orders_us_1.csv").write_text("Order ID,Amount\nA1,abc\n")
    code, findings = lint("extracts/orders_us_1.csv")
    assert code == 1 and [f["code"] for f in findings] == ["VAL301"], findings


def test_a_sample_two_configurations_share_is_checked_for_both_and_not_reported(
    in_tmp: Path,
) -> None:
    """One sample, two configurations (a list and a metric built from one extract): each
    checks it as its sample, so neither is left out."""
    project(in_tmp)
    for name in ("orders.import.yaml", "orders_eu.import.yaml"):
        config = in_tmp / name
        text = config.read_text().replace("extracts/orders_*.csv", "extracts/orders_us_1.csv")
        text = text.replace("files: [extracts/orders_eu_*.csv]", "files: []")
        config.write_text(text.replace("Amount EUR", "Amount") + "sample: s.csv\n")
    (in_tmp / "s.csv").write_text("Order ID,Amount\nA1,3\n")
    code, findings = lint(".")
    assert code == 0 and [f for f in findings if f["severity"] != "info"] == [], findings


def test_a_link_is_claimed_whatever_the_order_its_spellings_are_found_in(in_tmp: Path) -> None:
    project(in_tmp)
    (in_tmp / "archive").mkdir()
    (in_tmp / "archive" / "dump.csv").write_text("Order ID,Amount\nA1,abc\n")
    (in_tmp / "extracts" / "orders_us_current.csv").symlink_to("../archive/dump.csv")
    for args in ((".",), ("archive", "extracts"), ("extracts", "archive")):
        code, findings = lint(*args)
        bad = [f for f in findings if f["code"] == "VAL301"]
        assert code == 1 and len(bad) == 1, (args, findings)


def test_a_link_to_a_file_outside_the_project_is_claimed_by_its_own_path(
    in_tmp: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    project(in_tmp)
    outside = tmp_path_factory.mktemp("outside") / "dump.csv"
    outside.write_text("Order ID,Amount\nA1,abc\n")
    (in_tmp / "extracts" / "orders_us_ext.csv").symlink_to(outside)
    code, findings = lint("extracts/orders_us_ext.csv")
    assert code == 1 and [f["code"] for f in findings] == ["VAL301"], findings


def test_show_files_names_the_configuration_a_sample_is_checked_against(in_tmp: Path) -> None:
    project(in_tmp)
    eu = in_tmp / "orders_eu.import.yaml"
    eu.write_text(eu.read_text() + "sample: extracts/orders_eu_1.csv\n")
    args = ["lint", "--show-files", "orders_eu.import.yaml", "extracts/orders_eu_1.csv"]
    result = CliRunner().invoke(cli, args)
    assert result.stdout.splitlines()[-1] == (
        "extracts/orders_eu_1.csv: orders_eu.import.yaml (also claimed by orders.import.yaml)"
    )
