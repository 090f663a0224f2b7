from __future__ import annotations

from csvlint.engine.facts import FileFacts
from csvlint.finding import Severity
from csvlint.rules.base import Rule, Violation, Violations


class NotCsv(Rule):
    """The file is binary, not CSV text: NUL bytes, or an Excel, zip, PDF or gzip file.

    A workbook renamed to `.csv` or a compressed extract cannot be imported as CSV; the push
    fails or imports garbage. NUL bytes further into a text file (a corrupted or concatenated
    export) are reported at their line.

    Fails: an `.xlsx` saved as `orders.csv` (it starts with `PK\\x03\\x04`).
    Passes: the same sheet saved as "CSV UTF-8".
    """

    code = "CSV102"
    name = "not-csv"
    severity = Severity.ERROR

    def check_file(self, facts: FileFacts) -> Violations:
        if facts.nul_line is not None and facts.binary is None:
            yield Violation(
                f"NUL bytes at line {facts.nul_line}: the file holds binary data",
                line=facts.nul_line,
                hint="a text export never writes NUL bytes: look for a corrupted or "
                "concatenated file",
            )
        if facts.binary is not None:
            yield Violation(
                f"the file is not CSV text: it is {facts.binary.what}",
                line=1,
                hint=facts.binary.hint,
            )
