from __future__ import annotations

from csvlint.config.items import items_problem
from csvlint.engine.configfile import ConfigSubject
from csvlint.finding import Severity
from csvlint.rules._config import at
from csvlint.rules.base import ConfigRule, Violations


class UnusableItemsFile(ConfigRule):
    """An items file that is missing, unreadable, outside the project, or lacks its column.

    Known items kept as data stay current: `items: {file: lists/departments.csv, column: Code}`
    reads the item codes from a CSV of the project, typically Pigment's own export of the list
    (UTF-8 with or without a BOM, delimited by `;` or `,`; `csvlint pigment pull-items`
    refreshes it). When the file cannot be used, the membership check (VAL307) of that
    dimension cannot run: this error says so instead of letting every value pass. A file
    outside the project (`..`, an absolute path, a symbolic link leading out) is never read.
    The file is covered by `saved.fingerprint`: editing it makes the configuration stale.

    Fails: `items: {file: ../../etc/passwd, column: Code}`, or a file without a `Code` column.
    Passes: `items: {file: lists/departments.csv, column: Code}` with that file committed.
    """

    code = "CFG421"
    name = "unusable-items-file"
    severity = Severity.ERROR

    def check_config(self, subject: ConfigSubject) -> Violations:
        config = subject.config
        if config is None:
            return
        for source in config.target.items_files:
            problem = items_problem(config, source, subject.root)
            if problem is not None:
                yield at(
                    config,
                    source.pointer,
                    problem,
                    hint="keep the list's items in a CSV file of the project, with a header "
                    "naming `column` (e.g. export the list from Pigment)",
                    guards=True,
                )
