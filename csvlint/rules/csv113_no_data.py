from __future__ import annotations

from csvlint.engine.facts import FileFacts
from csvlint.finding import Severity
from csvlint.rules.base import Rule, Violation, Violations


class NoData(Rule):
    """A header and no data rows: an import that loads nothing.

    Often an export whose filter matched nothing; with "clear items" it would empty the list.

    Blank records don't count as data.

    Fails: `Order ID,Amount\\n`, or a header followed by blank lines only.
    Passes: `Order ID,Amount\\nORD-1,10\\n`.
    """

    code = "CSV113"
    name = "no-data"
    severity = Severity.WARNING

    def check_file(self, facts: FileFacts) -> Violations:
        if facts.readable and facts.header is not None and facts.loaded_rows == 0:
            yield Violation("the file has a header and no data rows", line=facts.header.line)
