from __future__ import annotations

from csvlint.finding import Severity
from csvlint.rules._values import CellFormatRule


class IntegerTruncation(CellFormatRule):
    """A decimal value in an integer column: Pigment keeps only the integer part.

    Often a unit mismatch (hours as 7.5) or a type that should be number; the import succeeds
    and the data is silently wrong.

    Fails: `7.5` in an integer column (imported as 7).
    Passes: `7`; or declare the property as `number`.
    """

    code = "VAL310"
    name = "integer-truncation"
    severity = Severity.WARNING
    problem = "integer-truncation"
    kinds = ("integer",)
    hint = "round the value upstream, or make the target a number"
