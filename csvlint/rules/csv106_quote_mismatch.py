from __future__ import annotations

from csvlint.engine.facts import FileFacts
from csvlint.finding import Severity
from csvlint.rules.base import Rule, Violation, Violations


class QuoteMismatch(Rule):
    """The file quotes fields with another character than `file.quote`, or one Pigment lacks.

    With the wrong text delimiter, Pigment splits quoted fields at their inner separators and
    keeps the quote characters in the values. Pigment reads only `"` and `'` as quotes: a file
    whose fields are wrapped in another character (`~Smith, John~`) is reported here, and read
    with that character, rather than as rows that all look ragged.

    Fails: `'Smith, John',10` with `file.quote: '"'`; `~Smith, John~,10` with or without a
    configuration.
    Passes: `"Smith, John",10` with `file.quote: '"'`.
    """

    code = "CSV106"
    name = "quote-mismatch"
    severity = Severity.ERROR
    # a sample whose dialect differs from the configuration blocks, whatever the severity
    on_sample = "always"

    def check_file(self, facts: FileFacts) -> Violations:
        if not facts.readable:
            return
        declared = self.file.declared
        found = facts.detected.quote or facts.detected.other_quote
        if declared is not None and found and found != declared.quote:
            yield Violation(
                f"the file quotes fields with {found!r}; file.quote is {declared.quote!r}",
                line=1,
                hint="export with the configured quote character, or change file.quote",
            )
        elif declared is None and facts.detected.other_quote:
            yield Violation(
                f"the file quotes fields with {facts.detected.other_quote!r}; Pigment reads "
                "only '\"' or \"'\" as quotes",
                line=1,
                hint="export with '\"' as the quote character",
            )
