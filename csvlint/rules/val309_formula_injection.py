from __future__ import annotations

import re

from csvlint.finding import Severity
from csvlint.reader.grammar import Chunk
from csvlint.rules._values import at_cell, mapped_values
from csvlint.rules.base import Rule, Violations

#: a value starting with a formula trigger, in NUL-joined values with a NUL before the first
_TRIGGER = re.compile(r"\x00[=+\-@\t\r]")
_NUMBER = re.compile(r"[+-]?(?:\d[\d,.' ]*)?(?:\.\d+)?(?:[eE][+-]?\d+)?%?")


class FormulaInjection(Rule):
    """A text value that starts with `=`, `+`, `-`, `@`, a tab or a CR and is not a number.

    When the data is exported again and opened in a spreadsheet, such a value runs as a
    formula (CSV injection). Numbers like `-12.5` are fine.

    Fails: `=HYPERLINK("http://evil.example","click")` in a text column.
    Passes: `-12.5`, `Smith`, or `'=literal` quoted by the exporting tool.
    """

    code = "VAL309"
    name = "formula-injection"
    severity = Severity.WARNING
    needs_config = True
    on_sample = "never"

    def check_chunk(self, chunk: Chunk) -> Violations:
        for mapped, columns, values in mapped_values(self, chunk, lambda m: m.kind == "text"):
            if not _TRIGGER.search("\x00" + "\x00".join(values)):
                continue
            for position, value in enumerate(values):
                if value and value[0] in "=+-@\t\r" and not _NUMBER.fullmatch(value):
                    yield at_cell(
                        columns,
                        mapped,
                        position,
                        f"{value[:40]!r} would run as a formula in a spreadsheet",
                        hint="prefix it with an apostrophe, or strip the leading character",
                    )
