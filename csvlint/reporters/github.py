"""GitHub Actions workflow commands: one `::error`, `::warning` or `::notice` line a finding.

The runner turns each command into an annotation on the file and line; other lines stay in the
log as text, so the counts of findings not listed and the summary line are plain lines.
"""

from __future__ import annotations

from typing import TextIO

from csvlint.finding import Finding, Severity
from csvlint.report import Report
from csvlint.reporters.printable import printable
from csvlint.reporters.summary import summary_line

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


# The escapes are those of the Actions toolkit, which defines the command syntax
# (https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts, `escapeData` and
# `escapeProperty`): the runner reads `%0A` back as a line break, and an unescaped `:` or `,` in a
# property would end the property early.
def escape_data(text: str) -> str:
    """A command's message: `%`, CR and LF escaped."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A command's property value: as the message, and `:` and `,` escaped too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(finding: Finding) -> str:
    """The workflow command that annotates one finding."""
    # text from a file is made printable first: its own line breaks are escaped visibly, so the
    # only `%0A` left is the one before the hint
    properties = [("file", printable(finding.path))]
    if finding.line is not None:
        properties.append(("line", str(finding.line)))
    if finding.column is not None:
        properties.append(("col", str(finding.column)))
    properties.append(("title", f"{finding.code} {finding.rule}"))
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    message = printable(finding.message)
    if finding.hint:
        message += f"\nhint: {printable(finding.hint)}"
    return f"::{_COMMANDS[finding.severity]} {joined}::{escape_data(message)}"


def render(report: Report, out: TextIO, color: bool) -> None:
    """Write a command for each finding, a line for each count not listed, then the summary."""
    for finding in report.findings:
        out.write(command(finding) + "\n")
    for o in report.omitted:
        where = f" in column {o.column_name or o.column}" if o.column else ""
        line = f"{o.path}: {o.code} {o.count:,} more {o.rule} findings{where} not listed"
        # a line break in a path would start a line that the runner might read as a command
        out.write(escape_data(printable(line)) + "\n")
    out.write(escape_data(summary_line(report)) + "\n")
