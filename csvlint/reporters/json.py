"""The JSON report: the contract of `schemas/report.schema.json`."""

from __future__ import annotations

import json
from typing import TextIO

from csvlint.report import Report


def render(report: Report, out: TextIO, color: bool) -> None:
    """Write the report as indented JSON."""
    json.dump(report.to_dict(), out, indent=2, ensure_ascii=False)
    out.write("\n")
