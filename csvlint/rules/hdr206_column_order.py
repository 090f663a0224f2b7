from __future__ import annotations

from csvlint.engine.facts import Header
from csvlint.finding import Severity
from csvlint.rules._expected import expected_columns
from csvlint.rules.base import Rule, Violation, Violations


class ColumnOrder(Rule):
    """The configuration's columns are all there, in another order.

    Pigment does not document whether it matches columns by name or by position; csvlint
    assumes position may matter and asks for the sample's order.

    Fails: file header `Name,Employee ID` for a configuration of `Employee ID,Name`.
    Passes: `Employee ID,Name`.
    """

    code = "HDR206"
    name = "column-order"
    severity = Severity.ERROR
    needs_config = True

    def check_header(self, header: Header) -> Violations:
        config = self.file.config
        if config is None:
            return
        # a name the header repeats (HDR202's) is placed by its first column
        expected = list(dict.fromkeys(expected_columns(config)))
        wanted = set(expected)
        if not wanted.issubset(header.names):
            return  # HDR204 reports what is missing
        found = list(dict.fromkeys(name for name in header.names if name in wanted))
        first = next(
            (i for i, (a, b) in enumerate(zip(found, expected, strict=True)) if a != b), None
        )
        if first is None:
            return
        column = header.names.index(found[first]) + 1
        yield Violation(
            f"the columns are in another order: {found[first]!r} where the configuration "
            f"has {expected[first]!r}",
            line=header.line,
            record=header.record,
            column=column,
            column_name=found[first],
            hint="export the columns in the configuration's order: " + ", ".join(expected),
        )
