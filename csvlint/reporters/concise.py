"""One finding a line, `path:line:col: CODE message`, the way compilers and editors read it;
`path:line:` for a finding about a whole line, `path:` for one about the whole file.
Control characters in a path or message are escaped (`csvlint.reporters.printable`)."""

from __future__ import annotations

from typing import TextIO

from csvlint.report import Report
from csvlint.reporters.printable import printable
from csvlint.reporters.summary import summary_line


def render(report: Report, out: TextIO, color: bool) -> None:
    """Write each finding on one line, then the counts of what was left out."""
    for f in report.findings:
        # a part that is not known is left out, never shown as a made-up 1
        parts = (printable(f.path), f.line, f.column)
        where = ":".join(str(part) for part in parts if part is not None)
        out.write(f"{where}: {f.code} {printable(f.message)}\n")
    for o in report.omitted:
        where = f" in column {printable(o.column_name or str(o.column))}" if o.column else ""
        line = f"{o.path}: {o.code} {o.count:,} more {o.rule} findings"
        out.write(f"{printable(line)}{where} not listed\n")
    if report.findings or report.omitted:
        out.write(summary_line(report) + "\n")
