from __future__ import annotations

from csvlint.engine.configfile import ConfigSubject
from csvlint.finding import Severity
from csvlint.rules._config import at
from csvlint.rules._expected import is_pivot_column
from csvlint.rules.base import ConfigRule, Violations


class UnmappedColumn(ConfigRule):
    """A sample column that is not imported.

    Often intended (an internal notes column), sometimes a forgotten mapping. Listed as
    information so that a reviewer sees it.

    Fails (info): `{header: Internal Notes}` with no `property`, `dimension` or `value`.
    Passes: the column mapped, or this rule ignored for the file.
    """

    code = "CFG414"
    name = "unmapped-column"
    severity = Severity.INFO

    def check_config(self, subject: ConfigSubject) -> Violations:
        config = subject.config
        if config is None:
            return
        for column in config.columns:
            if is_pivot_column(config, column.index):
                continue  # its cells are the metric's values
            if not column.value and column.target_name is None:
                yield at(config, column.pointer, f"column {column.header!r} is not imported")
