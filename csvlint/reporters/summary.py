"""The closing line every text format ends with."""

from __future__ import annotations

from collections import Counter

from csvlint.finding import Severity
from csvlint.report import Report
from csvlint.reporters.printable import printable


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
    text += configurations(report)
    if report.blocks_copy_id:
        text += "; Copy ID would be refused"
    return text + "."


def configurations(report: Report) -> str:
    """Which configuration the CSV files were checked against, or that none was:
    `; 2 CSV files against imports/e.import.yaml, 1 with no configuration`; empty when no CSV
    file was linted."""
    applied = Counter(f.config for f in report.files if f.kind == "csv")
    if not applied:
        return ""
    parts: list[str] = []
    for config, count in sorted(applied.items(), key=lambda item: (item[0] is None, item[0])):
        against = "with no configuration" if config is None else f"against {printable(config)}"
        parts.append(
            f"{plural(count, 'CSV file')} {against}" if not parts else f"{count:,} {against}"
        )
    return f"; {', '.join(parts)}"
