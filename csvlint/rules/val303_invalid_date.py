from __future__ import annotations

from csvlint.finding import Severity
from csvlint.rules._values import CellFormatRule


class InvalidDate(CellFormatRule):
    """A value that is not a valid date in its column's date format.

    The format is `formats.date_format` or the column's `date_format` (tokens `yyyy yy MM M
    dd d HH mm ss MMM`). Calendar validity counts: `2024-02-30` is invalid. The classic case is
    a locale switch upstream: `11/28/2026` where `yyyy-MM-dd` was configured.

    Fails: `11/28/2026` with `date_format: yyyy-MM-dd`; `2023-02-29`.
    Passes: `2026-11-28`; `2024-02-29`.
    """

    code = "VAL303"
    name = "invalid-date"
    severity = Severity.ERROR
    problem = "invalid-date"
    kinds = ("date",)
    hint = "write dates in the column's date format, or change date_format"
