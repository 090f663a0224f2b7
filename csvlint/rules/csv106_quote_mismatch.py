from __future__ import annotations

from csvlint.engine.facts import FileFacts
from csvlint.finding import Severity
from csvlint.rules.base import Rule, Violation, Violations


class QuoteMismatch(Rule):
    """The file quotes fields with another character than the configuration's `file.quote`.

    With the wrong text delimiter, Pigment splits quoted fields at their inner separators and
    keeps the quote characters in the values.

    Fails: `'Smith, John',10` with `file.quote: '"'`.
    Passes: `"Smith, John",10` with `file.quote: '"'`.
    """

    code = "CSV106"
    name = "quote-mismatch"
    severity = Severity.ERROR
    # a sample whose dialect differs from the configuration blocks, whatever the severity
    on_sample = "always"
    needs_config = True

    def check_file(self, facts: FileFacts) -> Violations:
        declared = self.file.declared
        found = facts.detected.quote
        if facts.readable and declared is not None and found and found != declared.quote:
            yield Violation(
                f"the file quotes fields with {found!r}; file.quote is {declared.quote!r}",
                line=1,
                hint="export with the configured quote character, or change file.quote",
            )
