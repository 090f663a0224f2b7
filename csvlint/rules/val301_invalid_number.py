from __future__ import annotations

from csvlint.finding import Severity
from csvlint.rules._values import CellFormatRule


class InvalidNumber(CellFormatRule):
    """A value that is not a number under its column's number format.

    The format is the column's decimal and thousands separators, prefix, suffix and percent
    (import-wide `formats`, overridden per column). Pigment skips the row (`ParsingError`).

    Fails: `12,5` where the decimal separator is `.`; `1,23,456` (groups must be of three).
    Passes: `12.5`, `1,234,567.89` with `thousands_separator: ","`, `$5` with `prefix: "$"`.
    """

    code = "VAL301"
    name = "invalid-number"
    severity = Severity.ERROR
    problem = "invalid-number"
    kinds = ("number",)
    hint = "match the column's number format, or change it in the configuration"
