"""Every rule's case file: named inputs and the exact findings (code, line, column) expected.

A case gives `csv` (text), `csv_bytes` (bytes written as a YAML !!binary or an escaped
string in `csv_escaped`), `csv_repeated` (`[text, times]` pairs, for a big file), or `files`
(several CSV files for cross-file rules); an optional `config` (import configuration YAML; its
`sample` defaults to the case's CSV file); and `expect`, a list of `[code, line, column]`. A
case with `command: pigment-verify` runs `csvlint pigment verify` on its configuration against
a fake Pigment holding `workspace` (a list of applications, each with blocks `{name, type,
configurations: [{id, name}]}`). `extra` names more files (path → text, e.g. an items file)
written beside them but not linted. Only the case file's own rule is selected, so a case says
exactly what that rule reports and nothing else.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from csvlint.cli import cli
from csvlint.rules import all_rules

CASES = Path(__file__).parent / "cases"


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def _cases() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.yaml")):
        data = _load(path)
        for case in data["cases"]:
            params.append(pytest.param(data["rule"], case, id=f"{path.stem}:{case['name']}"))
    return params


def _csv_bytes(case: dict[str, Any]) -> bytes:
    if "csv_repeated" in case:  # [text, times] pairs, for files too big to write out
        return b"".join(
            str(text).encode("utf-8") * int(times) for text, times in case["csv_repeated"]
        )
    if "csv_bytes" in case:
        raw = case["csv_bytes"]
        return raw if isinstance(raw, bytes) else str(raw).encode("latin-1")
    if "csv_escaped" in case:
        return str(case["csv_escaped"]).encode("latin-1").decode("unicode_escape").encode("latin-1")
    return str(case.get("csv", "")).encode("utf-8")


def _write(case: dict[str, Any], folder: Path) -> None:
    files: dict[str, str] = case.get("files") or {}
    for name, text in files.items():
        (folder / name).write_bytes(text.encode("utf-8"))
    if not files:
        (folder / "case.csv").write_bytes(_csv_bytes(case))
    extra: dict[str, str] = case.get("extra") or {}
    for name, text in extra.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(text.encode("utf-8"))
    if "config" in case:
        text = case["config"]
        if "sample:" not in text:
            text += "\nsample: case.csv\n"
        (folder / "case.import.yaml").write_text(text, encoding="utf-8")


def _lint_args(code: str, case: dict[str, Any]) -> list[str]:
    args = ["lint", "--select", code, "--format", "json", "--max-per-rule", "0"]
    if case.get("target") == "config":
        return [*args, "case.import.yaml"]
    if "config" in case:
        args += ["--config", "case.import.yaml"]
    args += sorted(case.get("files") or {}) or ["case.csv"]
    if case.get("same_header"):
        args.append("--same-header")
    return args


def _pigment_verify(
    case: dict[str, Any], folder: Path, request: pytest.FixtureRequest
) -> list[str]:
    from fake_pigment import KEYS, FakePigment

    fake = FakePigment(request.getfixturevalue("httpserver"))
    monkeypatch = request.getfixturevalue("monkeypatch")
    monkeypatch.setenv("PIGMENT_API_KEY", KEYS["metadata"])
    for application in case["workspace"]:
        app = fake.add_application(application["application"])
        for block in application.get("blocks", []):
            made = fake.add_block(app, block["name"], block["type"])
            for config in block.get("configurations", []):
                fake.add_configuration(app, made, config["name"], config["id"])
    (folder / ".csvlint.toml").write_text(f'[pigment]\nurl = "{fake.url}"\n')
    return ["pigment", "verify", "case.import.yaml", "--format", "json"]


@pytest.mark.parametrize(("code", "case"), _cases())
def test_case(
    code: str, case: dict[str, Any], in_tmp: Path, request: pytest.FixtureRequest
) -> None:
    _write(case, in_tmp)
    if case.get("command") == "pigment-verify":
        args = _pigment_verify(case, in_tmp, request)
        result = CliRunner().invoke(cli, args, catch_exceptions=False)
        assert result.exit_code in (0, 1), result.output
        found = [[f["code"], f["line"], f["column"]] for f in json.loads(result.stdout)["findings"]]
        assert [f for f in found if f[0] == code] == [list(item) for item in case["expect"]]
        return
    if case.get("command") == "verify":
        result = CliRunner().invoke(cli, ["config", "verify", "case.import.yaml"])
        assert result.exit_code == case["expect_exit"], result.output
        assert (code in result.output) == bool(case["expect_exit"]), result.output
        return
    result = CliRunner().invoke(cli, _lint_args(code, case), catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    report = json.loads(result.stdout)
    found = [[f["code"], f["line"], f["column"]] for f in report["findings"] if f["code"] == code]
    assert found == [list(item) for item in case["expect"]]


def test_every_rule_has_cases_and_documentation() -> None:
    files = {path.stem for path in CASES.glob("*.yaml")}
    for rule in all_rules():
        assert rule.code in files, f"{rule.code} has no case file"
        data = _load(CASES / f"{rule.code}.yaml")
        assert data["rule"] == rule.code
        names = [case["name"] for case in data["cases"]]
        assert len(names) == len(set(names)), f"{rule.code} repeats a case name"
        assert any(case.get("expect") for case in data["cases"]) or any(
            case.get("command") == "verify" for case in data["cases"]
        ), f"{rule.code} has no failing case"
        assert any(case.get("expect") == [] for case in data["cases"]), (
            f"{rule.code} has no passing case"
        )
        doc = rule.documentation()
        assert "Fails" in doc and "Passes" in doc, f"{rule.code} documents no examples"
        # the first line is the summary `csvlint rules` and the README show: a whole sentence
        assert rule.summary().endswith("."), f"{rule.code}'s summary is cut: {rule.summary()}"
