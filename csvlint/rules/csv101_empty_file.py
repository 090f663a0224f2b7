from __future__ import annotations

from csvlint.engine.facts import FileFacts
from csvlint.finding import Severity
from csvlint.rules.base import Rule, Violation, Violations


class EmptyFile(Rule):
    """The file has no content: no bytes, or only a byte-order mark and whitespace.

    An empty extract usually means the export failed upstream; pushing it imports nothing, or,
    with "clear items", empties the list.

    Fails: a 0-byte `orders.csv`, or one holding only `\\xef\\xbb\\xbf\\n`.
    Passes: `Order ID,Amount\\nORD-1,10\\n`.
    """

    code = "CSV101"
    name = "empty-file"
    severity = Severity.ERROR

    def check_file(self, facts: FileFacts) -> Violations:
        if facts.empty:
            what = "no bytes" if facts.size == 0 else "only a byte-order mark or whitespace"
            yield Violation(f"the file is empty: it has {what}", line=1)
