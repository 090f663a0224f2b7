"""What a rewrite refuses over, and the limits it works within."""

from __future__ import annotations

from dataclasses import dataclass

from csvlint.dialect import Dialect
from csvlint.reader.grammar import Anomaly

#: the line endings a rewrite can write, by the name the command line uses
LINE_ENDINGS = {"lf": "\n", "crlf": "\r\n"}


#: problems kept for the refusal; all of them are counted
MAX_PROBLEMS = 100


_BLOCK_SIZE = 1 << 20


_SNIFF_CHARS = 64 * 1024


_HEADER_LOOKAHEAD = 3


# no field is too large to copy (the size limit is a lint rule, not a reason to refuse); the
# grammar raises `csv`'s own limit to this, which must fit a C long on every platform
_FIELD_LIMIT = (1 << 31) - 2


_ENDING_NAMES = {"\r\n": "CRLF", "\n": "LF", "\r": "CR"}


_ANOMALIES = {
    Anomaly.UNCLOSED_QUOTE: ("CSV107", "a quoted field never closes"),
    Anomaly.STRAY_QUOTE: ("CSV108", "a quote inside an unquoted field"),
    Anomaly.TEXT_AFTER_QUOTE: ("CSV108", "text after a closing quote"),
    Anomaly.SPACE_BEFORE_QUOTE: ("CSV115", "space before an opening quote"),
    Anomaly.SPACE_AFTER_QUOTE: ("CSV115", "space after a closing quote"),
    Anomaly.RECORD_TOO_LARGE: ("CSV119", "a record too long to hold in memory"),
}


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a file cannot be rewritten safely: where (physical line, 1-based field), what, and
    the lint rule that reports the same thing, if one does."""

    line: int | None
    column: int | None
    message: str
    code: str | None = None


class FixRefused(Exception):
    """The file was left as it is: `problems` (the first `MAX_PROBLEMS` of `total`) say why.

    `source` is the dialect the file was read with, when it got that far: a wrong guess there
    is the usual cause of a flood of problems.
    """

    def __init__(
        self, problems: list[Problem], total: int | None = None, source: Dialect | None = None
    ) -> None:
        self.problems = tuple(sorted(problems, key=lambda p: (p.line or 0, p.column or 0)))
        self.total = len(problems) if total is None else total
        self.source = source
        super().__init__(f"{self.total} problem{'s' * (self.total != 1)}")


def encoding_label(dialect: Dialect) -> str:
    """The encoding as a configuration spells it: `utf-8-sig` for UTF-8 with a BOM."""
    return "utf-8-sig" if dialect.bom else dialect.encoding
