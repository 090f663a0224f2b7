"""The SARIF reporter: the official 2.1.0 schema, the rule catalogue, locations and fingerprints."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from click.testing import CliRunner
from sample_report import finding, sample_report
from sample_report import render as render_as

from csvlint import __version__
from csvlint.cli import cli
from csvlint.finding import Severity
from csvlint.report import Report
from csvlint.reporters.sarif import FINGERPRINT, fingerprint
from csvlint.rules import all_rules

GOLDEN = Path(__file__).parent / "golden" / "report.sarif"
SCHEMA = Path(__file__).parents[1] / "data" / "sarif" / "sarif-schema-2.1.0.json"
#: stand for the rule catalogue and indexes into it in the golden file, which a new rule would
#: change; other tests check them against the rules
RULES, RULE_INDEX = "@RULES@", "@RULE_INDEX@"


def render(report: Report) -> str:
    return render_as("sarif", report)


def validate(log: dict[str, Any]) -> None:
    """Validate against the official schema, with the draft it declares (draft-04 for 2.1.0)."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)
    validator.check_schema(schema)
    validator(schema, format_checker=validator.FORMAT_CHECKER).validate(log)


def test_output_matches_golden_file() -> None:
    text = render(sample_report())
    log = json.loads(text)
    assert text == json.dumps(log, indent=2, ensure_ascii=False) + "\n"
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["version"] == __version__
    driver["version"] = "@VERSION@"
    for result in log["runs"][0]["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        result["ruleIndex"] = RULE_INDEX
    driver["rules"] = RULES
    shown = json.dumps(log, indent=2, ensure_ascii=False) + "\n"
    if os.environ.get("CSVLINT_UPDATE_GOLDEN"):
        GOLDEN.write_text(shown, encoding="utf-8")
    assert shown == GOLDEN.read_text(encoding="utf-8")


def test_output_is_valid_sarif_2_1_0() -> None:
    log = json.loads(render(sample_report()))
    validate(log)
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    assert len(log["runs"]) == 1


def test_empty_report_is_valid_sarif() -> None:
    log = json.loads(render(Report.build([], [])))
    validate(log)
    assert log["runs"][0]["results"] == []


def test_every_rule_is_described() -> None:
    rules = json.loads(render(Report()))["runs"][0]["tool"]["driver"]["rules"]
    levels = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
    assert [r["id"] for r in rules] == [rule.code for rule in all_rules()]
    for described, rule in zip(rules, all_rules(), strict=True):
        assert described["name"].lower() == rule.name.replace("-", "")
        assert described["name"][0].isupper() and " " not in described["name"]
        assert described["shortDescription"]["text"] == rule.summary()
        assert described["fullDescription"]["text"] == rule.documentation()
        assert described["help"]["text"] == rule.documentation()
        assert described["defaultConfiguration"]["level"] == levels[rule.severity]
        assert described["properties"] == {"blocks_copy_id": rule.default_blocks()}


def test_results_point_at_their_rule_line_and_file() -> None:
    report = sample_report()
    run = json.loads(render(report))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["ruleId"] for r in run["results"]] == [f.code for f in report.findings]
    for result, f in zip(run["results"], report.findings, strict=True):
        assert rules[result["ruleIndex"]]["id"] == f.code
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": f.path, "uriBaseId": "%SRCROOT%"}
        if f.line is None:
            assert "region" not in location
        else:
            assert location["region"] == {"startLine": f.line}
        assert result["properties"]["column"] == f.column
    assert [r["level"] for r in run["results"]] == [
        "warning", "warning", "error", "error", "note", "error"
    ]  # fmt: skip
    assert run["properties"]["summary"]["errors"] == 3 + 1234
    assert run["properties"]["omitted"] == [o.to_dict() for o in report.omitted]


def test_paths_become_uris() -> None:
    base = finding("CSV101", "x", "the file is empty")
    paths = ["my data/100% café.csv", "/srv/extracts/e.csv", "C:/extracts/e.csv"]
    report = Report.build([], [replace(base, path=p) for p in paths])
    uris = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]
        for r in json.loads(render(report))["runs"][0]["results"]
    ]
    assert uris == [
        {"uri": "file:///srv/extracts/e.csv"},
        {"uri": "file:///C:/extracts/e.csv"},
        {"uri": "my%20data/100%25%20caf%C3%A9.csv", "uriBaseId": "%SRCROOT%"},
    ]


def test_fingerprints_survive_line_shifts_and_tell_findings_apart() -> None:
    findings = sample_report().findings
    prints = [fingerprint(f) for f in findings]
    assert len(set(prints)) == len(prints)
    assert all(len(p) == 64 for p in prints)
    for f in findings:
        if f.record is not None or f.pointer is not None:
            assert fingerprint(replace(f, line=(f.line or 1) + 10)) == fingerprint(f)
        assert fingerprint(replace(f, message="other")) != fingerprint(f)
        assert fingerprint(replace(f, path="other.csv")) != fingerprint(f)
    run = json.loads(render(sample_report()))["runs"][0]
    assert [r["partialFingerprints"] for r in run["results"]] == [{FINGERPRINT: p} for p in prints]


def test_lint_command_writes_sarif(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    csv_path = tmp_path / "broken.csv"
    csv_path.write_text("id,name,amount\n1,Ada,10\n2,Bob\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["lint", str(csv_path), "--format", "sarif"])
    assert result.exit_code == 1, result.output
    log = json.loads(result.stdout)
    validate(log)
    [found] = log["runs"][0]["results"]
    assert found["ruleId"] == "CSV109" and found["level"] == "error"
    location = found["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "broken.csv", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 3}


def test_schema_check_is_not_vacuous() -> None:
    log = json.loads(render(sample_report()))
    log["runs"][0]["results"][0]["level"] = "info"
    with pytest.raises(jsonschema.ValidationError):
        validate(log)
