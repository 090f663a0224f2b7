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


def command(finding: Finding, character: int | None = None) -> str:
    """The workflow command that annotates one finding; `character` is where its field starts
    in the line (1 for the first character), when known."""
    # text from a file is made printable first: its own line breaks are escaped visibly, so the
    # only `%0A` left is the one before the hint
    properties = [("file", printable(finding.path))]
    if finding.line is not None:
        properties.append(("line", str(finding.line)))
    # GitHub reads `col` as a character position in the line, not a field's position in its
    # record: it is given only when the field was found in the line; the title names the field
    if character is not None:
        properties.append(("col", str(character)))
    field = f" (field {finding.column})" if finding.column is not None else ""
    properties.append(("title", f"{finding.code} {finding.rule}{field}"))
    joined = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    message = printable(finding.message)
    if finding.hint:
        message += f"\nhint: {printable(finding.hint)}"
    return f"::{_COMMANDS[finding.severity]} {joined}::{escape_data(message)}"


def render(report: Report, out: TextIO, color: bool) -> None:
    """Write a command for each finding, a line for each count not listed, then the summary."""
    starts = _field_starts(report)
    for finding in report.findings:
        out.write(command(finding, starts.get(id(finding))) + "\n")
    for o in report.omitted:
        where = f" in column {o.column_name or o.column}" if o.column else ""
        line = f"{o.path}: {o.code} {o.count:,} more {o.rule} findings{where} not listed"
        # a line break in a path would start a line that the runner might read as a command
        out.write(escape_data(printable(line)) + "\n")
    out.write(escape_data(summary_line(report)) + "\n")


def _field_starts(report: Report) -> dict[int, int]:
    """Where each finding's field starts in its line (1-based), for the findings about one
    field whose file can be read again and whose field is found in the line."""
    from pathlib import Path

    from csvlint.reporters.excerpt import field_span, read_lines

    files = {f.path: f for f in report.files}
    starts: dict[int, int] = {}
    for path, result in files.items():
        if path == "-" or result.dialect is None:
            continue
        mine = [f for f in report.findings if f.path == path and f.line and f.column]
        if not mine:
            continue
        lines = read_lines(Path(path), {f.line for f in mine if f.line}, result.dialect.encoding)
        for f in mine:
            text = lines.get(f.line) if f.line else None
            span = field_span(text, f.column, result.dialect) if text and f.column else None
            if span is not None:
                starts[id(f)] = span[0] + 1
    return starts
