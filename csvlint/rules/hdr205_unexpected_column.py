from __future__ import annotations

from csvlint.engine.facts import Header
from csvlint.finding import Severity
from csvlint.rules._expected import free_columns
from csvlint.rules.base import Rule, Violation, Violations


class UnexpectedColumn(Rule):
    """A column the configuration does not list.

    Pigment ignores it at best; at worst it shifts the columns after it when they are matched
    by position. A pivoted layout's item columns are not unexpected.

    Fails: file header `Employee ID,Name,Nickname` for a configuration of `Employee ID,Name`.
    Passes: `Employee ID,Name`, or `{header: Nickname}` listed (unmapped) in the configuration.
    """

    code = "HDR205"
    name = "unexpected-column"
    severity = Severity.WARNING
    needs_config = True

    def check_header(self, header: Header) -> Violations:
        config = self.file.config
        if config is None:
            return
        free = free_columns(config, header)
        known = set(config.header)
        for column, name in enumerate(header.names, 1):
            if column not in free and name not in known:
                yield Violation(
                    f"column {name!r} is not in the configuration",
                    line=header.line,
                    record=header.record,
                    column=column,
                    column_name=name,
                    hint="add it to `columns` (without a target, if it is not imported)",
                )
