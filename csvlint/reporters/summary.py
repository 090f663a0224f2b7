"""The closing line every text format ends with."""

from __future__ import annotations

from csvlint.finding import Severity
from csvlint.report import Report


def plural(count: int, word: str) -> str:
    """`1 error`, `2 errors`."""
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def summary_line(report: Report) -> str:
    """`Found 3 errors, 1 warning and 0 infos in 2 files; Copy ID would be refused.`"""
    counts = [
        plural(report.count(Severity.ERROR), "error"),
        plural(report.count(Severity.WARNING), "warning"),
        plural(report.count(Severity.INFO), "info"),
    ]
    text = f"Found {counts[0]}, {counts[1]} and {counts[2]} in {plural(len(report.files), 'file')}"
    if report.omitted:
        text += f" ({sum(o.count for o in report.omitted):,} not listed: see --max-per-rule)"
    if report.blocks_copy_id:
        text += "; Copy ID would be refused"
    return text + "."
