"""JUnit XML, for CI systems that show test results: each file linted is a test case.

A file fails with one `<failure>` per error-severity finding (and per count of error findings not
listed); warnings and infos go to the case's `<system-out>`, since they do not fail the lint. The
suite's `failures` counts failing files, as `tests` counts files. The output is ASCII, with other
characters as character references, so that it is valid XML whatever encoding the stream has.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from typing import TextIO

from csvlint.finding import Finding, Severity
from csvlint.report import Omission, Report
from csvlint.reporters.printable import printable

# characters XML 1.0 does not allow in a document, even as character references
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """`text` without the characters XML 1.0 forbids."""
    return _NOT_XML.sub("", text)


def _shown(text: str) -> str:
    """Text from a file as a case shows it: control characters escaped, then valid XML."""
    return xml_text(printable(text))


def render(report: Report, out: TextIO, color: bool) -> None:
    """Write the report as a JUnit XML document."""
    root = junit_tree(report)
    ET.indent(root)
    out.write(ET.tostring(root, encoding="us-ascii", xml_declaration=True).decode("ascii"))
    out.write("\n")


def junit_tree(report: Report) -> ET.Element:
    """The `<testsuites>` element of a report."""
    findings: dict[str, list[Finding]] = defaultdict(list)
    for finding in report.findings:
        findings[finding.path].append(finding)
    omitted: dict[str, list[Omission]] = defaultdict(list)
    for omission in report.omitted:
        omitted[omission.path].append(omission)
    paths = list(dict.fromkeys(f.path for f in report.files))
    # findings on a file the report does not list (a feed's, a sample's) still need a case
    paths += sorted((findings.keys() | omitted.keys()) - set(paths))

    cases = [file_case(path, findings[path], omitted[path]) for path in paths]
    failed = sum(1 for case in cases if case.find("failure") is not None)
    counts = {"tests": str(len(cases)), "failures": str(failed), "errors": "0"}
    root = ET.Element("testsuites", {"name": "csvlint", **counts})
    suite = ET.SubElement(root, "testsuite", {"name": "csvlint", **counts, "skipped": "0"})
    suite.extend(cases)
    return root


def file_case(path: str, findings: list[Finding], omitted: list[Omission]) -> ET.Element:
    """The `<testcase>` of one file: a failure per error, other findings as output."""
    case = ET.Element("testcase", {"classname": "csvlint", "name": _shown(path)})
    output: list[str] = []
    for f in findings:
        if f.severity is Severity.ERROR:
            failure = ET.SubElement(
                case, "failure", {"type": f.code, "message": _shown(f"{f.code} {f.message}")}
            )
            failure.text = xml_text(describe(f))
        else:
            output.append(describe(f, f"{f.severity.value} "))
    for o in omitted:
        where = f" in column {o.column_name or o.column}" if o.column else ""
        line = printable(f"{o.code} {o.count:,} more {o.rule} findings{where} not listed")
        if o.severity is Severity.ERROR:
            failure = ET.SubElement(case, "failure", {"type": o.code, "message": xml_text(line)})
            failure.text = xml_text(f"{printable(o.path)}: {line}")
        else:
            output.append(f"{printable(o.path)}: {o.severity.value} {line}")
    if output:
        ET.SubElement(case, "system-out").text = xml_text("\n".join(output))
    return case


def describe(f: Finding, severity: str = "") -> str:
    """`path:line:col: CODE message`, then where in a configuration and the hint."""
    where = ":".join(str(p) for p in (printable(f.path), f.line, f.column) if p is not None)
    lines = [f"{where}: {severity}{f.code} {printable(f.message)}"]
    if f.pointer:
        lines.append(f"  at {printable(f.pointer)}")
    if f.hint:
        lines.append(f"  hint: {printable(f.hint)}")
    return "\n".join(lines)
