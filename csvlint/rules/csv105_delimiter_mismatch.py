from __future__ import annotations

from csvlint.engine.facts import FileFacts
from csvlint.finding import Severity
from csvlint.reader.detect import PIGMENT_DELIMITERS
from csvlint.rules.base import Rule, Violation, Violations


def shown(delimiter: str) -> str:
    """A delimiter as a message shows it."""
    return {"\t": "tab", "|": "'|'", ",": "','", ";": "';'"}.get(delimiter, repr(delimiter))


class DelimiterMismatch(Rule):
    """The file is delimited by another character than the configuration's `file.delimiter`.

    A European locale turns `,` into `;`, and Pigment then reads each line as one column: every
    row is skipped. Without a configuration, a file that is delimited by something Pigment does
    not offer (tab, `|`) is a warning: Pigment only reads `,` and `;`. When the file is one
    line, that line is weak evidence: a `,` or `;` that splits it into at least half as many
    fields as a tab or `|` is taken for the delimiter.

    Fails: `Order ID;Amount\\nORD-1;10` with `file.delimiter: ","`.
    Passes: `Order ID,Amount\\nORD-1,10` with `file.delimiter: ","`.
    """

    code = "CSV105"
    name = "delimiter-mismatch"
    severity = Severity.ERROR
    # a sample whose dialect differs from the configuration blocks, whatever the severity
    on_sample = "always"

    def check_file(self, facts: FileFacts) -> Violations:
        found = facts.detected.delimiter
        if not facts.readable or found is None:
            return
        declared = self.file.declared
        if declared is not None and found != declared.delimiter:
            yield Violation(
                f"the file is delimited by {shown(found)}; file.delimiter is "
                f"{shown(declared.delimiter)}",
                line=1,
                hint=f"export with {shown(declared.delimiter)} as the separator, or change "
                "file.delimiter (and save the configuration again)",
            )
        elif declared is None and found not in PIGMENT_DELIMITERS:
            yield Violation(
                f"the file is delimited by {shown(found)}; Pigment reads only ',' or ';'",
                line=1,
                severity=Severity.WARNING,
                hint="export with ',' or ';' as the separator",
            )
