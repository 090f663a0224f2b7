from __future__ import annotations

from csvlint.engine.facts import FileFacts
from csvlint.finding import Severity
from csvlint.rules.base import Rule, Violation, Violations

_NAMES = {"\r\n": "CRLF", "\n": "LF", "\r": "CR"}


class MixedLineEndings(Rule):
    """Records end with more than one line-ending style (CRLF, LF, CR), outside quoted fields.

    A sign that files were concatenated or edited by hand; some readers then see a stray `\\r`
    at the end of the last value of each CRLF line. Line breaks inside quoted values don't count.

    Fails: `a,b\\r\\n1,2\\n3,4\\n` (one CRLF, two LF).
    Passes: `a,b\\n1,2\\n3,4\\n`.
    """

    code = "CSV111"
    name = "mixed-line-endings"
    severity = Severity.WARNING

    def check_file(self, facts: FileFacts) -> Violations:
        if len(facts.endings) < 2:
            return
        usual = max(facts.endings, key=lambda e: (facts.endings[e], -facts.first_ending_line[e]))
        total = sum(facts.endings.values())
        for ending, count in facts.endings.items():
            if ending == usual:
                continue
            line = facts.first_ending_line[ending]
            yield Violation(
                f"line {line} ends with {_NAMES[ending]}, as {count} of {total} records do; "
                f"the others end with {_NAMES[usual]}",
                line=line,
                hint=f"convert the file to one line ending ({_NAMES[usual]})",
            )
