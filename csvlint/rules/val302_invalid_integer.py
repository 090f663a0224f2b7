from __future__ import annotations

from csvlint.finding import Severity
from csvlint.rules._values import CellFormatRule


class InvalidInteger(CellFormatRule):
    """A value in an integer column that is not a number at all under the column's format.

    A number with a fractional part is VAL310 (Pigment truncates it); this rule is for values
    Pigment cannot read as a number: the row is skipped.

    Fails: `12a`, `twelve`.
    Passes: `12`, `-3`, `1,200` with `thousands_separator: ","`.
    """

    code = "VAL302"
    name = "invalid-integer"
    severity = Severity.ERROR
    problem = "invalid-integer"
    kinds = ("integer",)
    hint = "write a whole number in the column's number format"
