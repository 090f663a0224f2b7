from __future__ import annotations

from csvlint.engine.configfile import ConfigSubject
from csvlint.finding import Severity
from csvlint.rules._config import at
from csvlint.rules._expected import pivot_start
from csvlint.rules.base import ConfigRule, Violations


class ColumnNotInSample(ConfigRule):
    """A configured column is not in the sample's header.

    The configuration was built from the sample; a column the sample lacks was mistyped or
    renamed since, and Pigment's wizard could not have mapped it. So is a pivot whose
    `first_column` lies past the sample's last column: no column would hold its items or its
    values, and nothing of an extract would be imported or checked.

    Fails: `columns: [{header: Employee_ID}]` with a sample whose header says `Employee ID`.
    Fails: `pivot: {dimension: Month, first_column: 5}` with the sample `Country,Jan,Feb`.
    Passes: the header written exactly as in the sample, and `first_column: 2`.
    """

    code = "CFG404"
    name = "column-not-in-sample"
    severity = Severity.ERROR

    def check_config(self, subject: ConfigSubject) -> Violations:
        config, header = subject.config, subject.sample_header
        if config is None or header is None:
            return
        for column in config.columns:
            if column.header in header:
                continue
            from difflib import get_close_matches  # only when a name is wrong

            close = get_close_matches(column.header, header, n=1, cutoff=0.6)
            hint = f"the sample has {close[0]!r}" if close else None
            yield at(
                config,
                f"{column.pointer}/header",
                f"column {column.header!r} is not in the sample's header",
                hint,
            )
        start = pivot_start(config)
        if start is not None and start > len(header):
            yield at(
                config,
                "/file/pivot/first_column",
                f"the pivot starts at column {start}, past the sample's "
                f"{len(header)} columns: no column holds its items",
                f"the sample's first item column is the pivot's first_column "
                f"(at most {len(header)})",
            )
