from __future__ import annotations

from csvlint.engine.configfile import ConfigSubject
from csvlint.finding import Severity
from csvlint.rules._config import at
from csvlint.rules.base import ConfigRule, Violations


class ColumnNotInSample(ConfigRule):
    """A configured column is not in the sample's header.

    The configuration was built from the sample; a column the sample lacks was mistyped or
    renamed since, and Pigment's wizard could not have mapped it.

    Fails: `columns: [{header: Employee_ID}]` with a sample whose header says `Employee ID`.
    Passes: the header written exactly as in the sample.
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
