"""The default format: each finding with the offending line excerpted and the field marked;
control characters in anything read from a file are escaped (`csvlint.reporters.printable`)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import TextIO

import click

from csvlint.dialect import Dialect
from csvlint.finding import Finding, Severity
from csvlint.report import FileResult, Report
from csvlint.reporters.excerpt import clip, field_span, read_lines
from csvlint.reporters.printable import printable, printable_span
from csvlint.reporters.summary import configurations, summary_line

_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def render(report: Report, out: TextIO, color: bool) -> None:
    """Write every finding with its excerpt, then the counts of what was left out."""

    def paint(text: str, **style: object) -> str:
        return click.style(text, **style) if color else text  # type: ignore[arg-type]

    files = {f.path: f for f in report.files}
    by_path: dict[str, list[Finding]] = defaultdict(list)
    for finding in report.findings:
        by_path[finding.path].append(finding)
    for path, findings in by_path.items():
        lines = _source_lines(files.get(path), path, findings)
        dialect = files[path].dialect if path in files else None
        for f in findings:
            where = ":".join(str(p) for p in (printable(f.path), f.line, f.column) if p is not None)
            level = paint(f.severity.value, fg=_COLORS[f.severity], bold=True)
            out.write(f"{paint(where, bold=True)}: {level} {paint(f.code, bold=True)} ")
            out.write(f"[{f.rule}] {printable(f.message)}\n")
            if f.pointer is not None and f.pointer != "":
                out.write(f"  {paint('at', dim=True)} {printable(f.pointer)}\n")
            text = lines.get(f.line) if f.line is not None else None
            if text is not None:
                _excerpt(out, f, text, dialect, paint)
            if f.blocks_copy_id:
                out.write(f"  {paint('!', fg='red')} blocks Copy ID\n")
            if f.hint:
                out.write(f"  {paint('hint:', fg='cyan')} {printable(f.hint)}\n")
            out.write("\n")
    for o in report.omitted:
        where = f", column {o.column} ({o.column_name})" if o.column else ""
        line = f"{o.path}: {o.count:,} more {o.code} [{o.rule}] findings{where} not listed"
        out.write(printable(line) + "\n")
    if report.findings or report.omitted:
        out.write(summary_line(report) + "\n")
    else:
        files_word = "file" if len(report.files) == 1 else "files"
        clean = f"All clean: {len(report.files)} {files_word} checked{configurations(report)}."
        out.write(paint(clean, fg="green") + "\n")


def _excerpt(out: TextIO, f: Finding, text: str, dialect: Dialect | None, paint: object) -> None:
    style = paint  # click.style, or the identity when colour is off
    span = field_span(text, f.column, dialect) if f.column and dialect else None
    shown, span = printable_span(*clip(text.expandtabs(1), span))
    gutter = str(f.line)
    out.write(f"  {gutter} | {shown}\n")
    if span is not None:
        width = max(1, span[1] - span[0])
        marks = style("^" * width, fg=_COLORS[f.severity], bold=True)  # type: ignore[operator]
        label = f" {printable(f.column_name)}" if f.column_name else ""
        out.write(f"  {' ' * len(gutter)} | {' ' * span[0]}{marks}{label}\n")


def _source_lines(file: FileResult | None, path: str, findings: list[Finding]) -> dict[int, str]:
    if path == "-" or file is None:
        return {}
    encoding = file.dialect.encoding if file.dialect else "utf-8"
    wanted = {f.line for f in findings if f.line is not None}
    return read_lines(Path(path), wanted, encoding)
