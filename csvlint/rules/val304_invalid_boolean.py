from __future__ import annotations

from csvlint.finding import Severity
from csvlint.rules._values import CellFormatRule


class InvalidBoolean(CellFormatRule):
    """A value in a boolean column that is none of the configured true or false words.

    `formats.true_values` and `false_values` default to `TRUE true True 1` and
    `FALSE false False 0`; a blank is allowed.

    Fails: `yes`, `Y`, `vrai` with the default words.
    Passes: `TRUE`, `false`, `1`, a blank; `yes` once `true_values` lists it.
    """

    code = "VAL304"
    name = "invalid-boolean"
    severity = Severity.ERROR
    problem = "invalid-boolean"
    kinds = ("boolean",)
    hint = "use the configured true/false words, or add this one to formats"
