"""SARIF 2.1.0, the static analysis format GitHub code scanning accepts.

One run. `tool.driver.rules` is the whole rule catalogue, so a result's `ruleIndex` is stable for a
given csvlint version whatever was selected. Choices a reader of the log may need:

- Locations: a relative path becomes a relative URI against `%SRCROOT%`, the directory csvlint ran
  in (its absolute URI is left out of `originalUriBaseIds` so that the log is the same on every
  machine); an absolute path becomes a `file://` URI. `region.startLine` is the physical line;
  there is no `startColumn`, because a finding's `column` is a field index, not a character
  position: the field is named in the message and given in `properties.column`.
- `partialFingerprints["csvlintFingerprint/v1"]` hashes the code, the path, the record (or the
  JSON pointer of a configuration finding, or the line when there is neither), the field and the
  message, so that a result keeps its identity when lines move but not the record or pointer.
- Findings counted but not listed (`--max-per-rule`) are in `run.properties.omitted`, with the
  entries of the JSON report, next to `run.properties.summary`, whose counts include them.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any, TextIO
from urllib.parse import quote

from csvlint import __version__
from csvlint.finding import Finding, Severity
from csvlint.report import Report
from csvlint.rules import Rule, all_rules

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://csvlint.dev"
SRCROOT = "%SRCROOT%"
FINGERPRINT = "csvlintFingerprint/v1"

_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:[/\\]")


def render(report: Report, out: TextIO, color: bool) -> None:
    """Write the report as one SARIF 2.1.0 log, indented JSON."""
    json.dump(sarif_log(report), out, indent=2, ensure_ascii=False)
    out.write("\n")


def sarif_log(report: Report) -> dict[str, Any]:
    """The SARIF log of a report, as JSON-ready data."""
    rules = [rule_descriptor(rule) for rule in all_rules()]
    index = {rule["id"]: position for position, rule in enumerate(rules)}
    summary = report.to_dict()["summary"]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "csvlint",
                "version": __version__,
                "informationUri": INFORMATION_URI,
                "rules": rules,
            }
        },
        "originalUriBaseIds": {
            SRCROOT: {"description": {"text": "The directory csvlint ran in."}},
        },
        "results": [result(f, index.get(f.code)) for f in report.findings],
        "properties": {
            "summary": summary,
            "omitted": [o.to_dict() for o in report.omitted],
        },
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def rule_descriptor(rule: type[Rule]) -> dict[str, Any]:
    """The `reportingDescriptor` of a rule class: its id, names, documentation and level."""
    return {
        "id": rule.code,
        "name": "".join(part.capitalize() for part in rule.name.split("-")),
        "shortDescription": {"text": rule.summary()},
        "fullDescription": {"text": rule.documentation()},
        "help": {"text": rule.documentation()},
        "defaultConfiguration": {"level": _LEVELS[rule.severity]},
        "properties": {"blocks_copy_id": rule.default_blocks()},
    }


def result(finding: Finding, rule_index: int | None) -> dict[str, Any]:
    """The SARIF `result` of one finding."""
    found: dict[str, Any] = {"ruleId": finding.code}
    if rule_index is not None:
        found["ruleIndex"] = rule_index
    found["level"] = _LEVELS[finding.severity]
    found["message"] = {"text": message_text(finding)}
    physical: dict[str, Any] = {"artifactLocation": artifact_location(finding.path)}
    # GitHub rejects a region without a startLine of at least 1
    if finding.line is not None and finding.line >= 1:
        physical["region"] = {"startLine": finding.line}
    found["locations"] = [{"physicalLocation": physical}]
    found["partialFingerprints"] = {FINGERPRINT: fingerprint(finding)}
    found["properties"] = {
        "blocks_copy_id": finding.blocks_copy_id,
        "record": finding.record,
        "column": finding.column,
        "column_name": finding.column_name,
        "pointer": finding.pointer,
    }
    return found


def message_text(finding: Finding) -> str:
    """The message, the field it is about, and the hint on a line of its own."""
    text = finding.message
    if finding.column is not None:
        name = f' "{finding.column_name}"' if finding.column_name else ""
        text += f" (column {finding.column}{name})"
    if finding.pointer:
        text += f" (at {finding.pointer})"
    if finding.hint:
        text += f"\nhint: {finding.hint}"
    return text


def artifact_location(path: str) -> dict[str, Any]:
    """A report path as a SARIF `artifactLocation`: relative to `%SRCROOT%`, or absolute."""
    if PurePosixPath(path).is_absolute():
        return {"uri": PurePosixPath(path).as_uri()}
    if _WINDOWS_DRIVE.match(path):
        return {"uri": PureWindowsPath(path).as_uri()}
    return {"uri": quote(_utf8(path), safe="/"), "uriBaseId": SRCROOT}


def _utf8(text: str) -> bytes:
    """`text` as UTF-8; a file name that was not UTF-8 gets its own bytes back, any other
    lone surrogate an escape."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace")


def fingerprint(finding: Finding) -> str:
    """A hash that identifies a finding across runs, independent of its line when it can be."""
    if finding.record is not None:
        anchor = f"record:{finding.record}"
    elif finding.pointer is not None:
        anchor = f"pointer:{finding.pointer}"
    else:
        anchor = f"line:{finding.line}"
    parts = [finding.code, finding.path, anchor, finding.column, finding.message]
    encoded = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(_utf8(encoded)).hexdigest()
