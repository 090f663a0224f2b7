"""The JUnit reporter: a test case a file, a failure an error, valid XML whatever the text."""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from pathlib import Path

from sample_report import AWKWARD, CONFIG, CSV, finding, sample_report
from sample_report import render as render_as

from csvlint.report import FileResult, Report

GOLDEN = Path(__file__).parent / "golden" / "report.junit.xml"


def render(report: Report) -> str:
    return render_as("junit", report)


def test_output_matches_golden_file() -> None:
    text = render(sample_report())
    assert text == render(sample_report())
    if os.environ.get("CSVLINT_UPDATE_GOLDEN"):
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_a_case_a_file_and_a_failure_an_error() -> None:
    root = ET.fromstring(render(sample_report()))
    assert root.tag == "testsuites"
    assert root.attrib == {"name": "csvlint", "tests": "3", "failures": "2", "errors": "0"}
    [suite] = root.findall("testsuite")
    assert suite.attrib == {**root.attrib, "skipped": "0"}
    cases = {case.attrib["name"]: case for case in suite.findall("testcase")}
    # files come in path order, as the report sorts them
    assert list(cases) == sorted([CSV, CONFIG, "data/clean.csv"])
    assert {case.attrib["classname"] for case in cases.values()} == {"csvlint"}

    failures = cases[CSV].findall("failure")
    assert [f.attrib["type"] for f in failures] == ["CSV109", "VAL301", "VAL301"]
    assert failures[0].attrib["message"] == "CSV109 record 2 has 5 fields; the header has 4"
    assert failures[0].text == f"{CSV}:3: CSV109 record 2 has 5 fields; the header has 4"
    # a line break inside a message is text from a file: shown escaped, on the same line
    shown = AWKWARD.replace("\n", "\\n")
    assert failures[1].attrib["message"] == f"VAL301 {shown}"
    assert failures[1].text == (
        f"{CSV}:4:3: VAL301 {shown}\n  hint: use the number format: 1,234.56"
    )
    assert failures[2].attrib["message"] == (
        "VAL301 1,234 more invalid-number findings in column Amount not listed"
    )
    assert (cases[CSV].findtext("system-out") or "").splitlines() == [
        f"{CSV}: warning CSV111 lines end with CRLF (3) and LF (1)",
        f"{CSV}:1:2: warning HDR203 column name ' Customer' has leading whitespace",
        f"{CSV}: warning VAL308 7 more value-whitespace findings in column  Customer not listed",
    ]

    [failure] = cases[CONFIG].findall("failure")
    assert failure.text == (
        f"{CONFIG}:7: CFG404 column 'Ammount' is not in the sample's header\n"
        "  at /columns/2/column\n"
        "  hint: did you mean 'Amount'?"
    )
    assert cases[CONFIG].findtext("system-out") == (
        f"{CONFIG}: info CFG411 the configuration is a draft\n  hint: save it"
    )
    assert len(cases["data/clean.csv"]) == 0


def test_warnings_alone_do_not_fail() -> None:
    warning = finding("CSV110", "a.csv", "blank row", line=3, record=2)
    root = ET.fromstring(render(Report.build([FileResult("a.csv", "csv")], [warning])))
    assert root.attrib["tests"] == "1" and root.attrib["failures"] == "0"
    [case] = root.iter("testcase")
    assert case.find("failure") is None
    assert case.findtext("system-out") == "a.csv:3: warning CSV110 blank row"


def test_control_characters_are_escaped_and_the_xml_stays_valid() -> None:
    message = "NUL \x00, escape \x1b[31m, form feed \x0c, \ufffe and \ud800 out; tab\tin"
    nasty = finding("CSV102", "bin\x00ary.csv", message, line=1, hint="save it as CSV \x07")
    text = render(Report.build([FileResult("bin\x00ary.csv", "csv")], [nasty]))
    assert text.isascii()
    root = ET.fromstring(text)
    [case] = root.iter("testcase")
    assert case.attrib["name"] == "bin\\x00ary.csv"
    [failure] = case.findall("failure")
    assert failure.attrib["message"] == (
        "CSV102 NUL \\x00, escape \\x1b[31m, form feed \\x0c,  and  out; tab\\tin"
    )
    assert (failure.text or "").endswith("hint: save it as CSV \\x07")


def test_findings_on_an_unlisted_file_get_a_case() -> None:
    feed = finding("HDR207", "b.csv", "the header differs from a.csv's", line=1, record=0)
    root = ET.fromstring(render(Report.build([FileResult("a.csv", "csv")], [feed])))
    assert [case.attrib["name"] for case in root.iter("testcase")] == ["a.csv", "b.csv"]
    assert root.attrib["tests"] == "2" and root.attrib["failures"] == "1"
