"""The invalid values the native scanner hands over: reported as the format rules report them.

In a column whose only check is its format (a number, integer, date or boolean column that is
no key and names no item), a value the scanner finds invalid does not send its record to the
exact path, since the record is clean in every other way: the scanner reads on and hands the
value over as a cell. Each cell is judged here by the column's `ValueCheck` and reported by the
rule of its problem (VAL301 to VAL304, VAL310) as that rule reports it on the exact path: the
same message, hint, line, record and column. Once the cap leaves a rule's findings out, cells
are only counted. A value the scanner rejects and the check accepts is no finding, as there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from csvlint.engine.collect import Collector
from csvlint.engine.context import FileContext
from csvlint.engine.facts import Header
from csvlint.formats.column import ValueCheck, Verdict
from csvlint.rules._values import CellFormatRule, MappedColumn, plan_for
from csvlint.rules.base import Rule, Violation

#: (column's position among the scanner's columns, record among those read, line, value bytes)
Cell = tuple[int, int, int, bytes]
#: distinct values remembered per column before the memory is cleared
_REMEMBERED = 4096


class _Column:
    """One scanner column: what writes it, its check, the rules of its problems, and what was
    already made of its distinct values."""

    def __init__(self, mapped: MappedColumn, rules: dict[str, CellFormatRule]) -> None:
        self.mapped = mapped
        self.check: ValueCheck | None = mapped.check
        self.rules = rules
        #: value bytes -> the problem code the regex gives (None: valid)
        self.codes: dict[bytes, str | None] = {}
        #: value bytes -> the parser's verdict, for the findings that are listed
        self.verdicts: dict[bytes, Verdict] = {}


class CellReporter:
    """Reports the cells of one file's scanner through the file's collector."""

    def __init__(
        self,
        context: FileContext,
        header: Header,
        rules: Sequence[Rule],
        collector: Collector,
        encoding: str,
    ) -> None:
        self.context = context
        self.collector = collector
        self.encoding = encoding
        formats = [rule for rule in rules if isinstance(rule, CellFormatRule)]
        # the scanner's columns are the plan's, in its order (csvlint/engine/fastpath.py)
        self.columns = [
            _Column(mapped, {r.problem: r for r in formats if mapped.kind in r.kinds})
            for mapped in plan_for(context, header).columns
        ]

    def report(self, cells: list[Cell], first_record: int) -> None:
        """Report `cells`, read in records counted from `first_record`, in file order."""
        path, collector = self.context.path, self.collector
        columns, encoding = self.columns, self.encoding
        over: set[tuple[int, str]] = set()
        counted: Counter[tuple[int, str]] = Counter()
        for k, record, line, raw in cells:
            column = columns[k]
            check = column.check
            if check is None:
                continue
            code = column.codes.get(raw, "")
            if code == "":
                if len(column.codes) >= _REMEMBERED:
                    column.codes.clear()
                code = column.codes[raw] = check.code_of(raw.decode(encoding))
            if code is None or code not in column.rules:
                continue
            if (k, code) in over:
                counted[k, code] += 1
                continue
            rule = column.rules[code]
            mapped = column.mapped
            if collector.left_out(type(rule), path, mapped.column):
                over.add((k, code))
                counted[k, code] += 1
                continue
            verdict = self._verdict(column, raw)
            if verdict is None or verdict[0] not in column.rules:
                continue  # the parser is the reference for the findings listed
            rule = column.rules[verdict[0]]
            violation = Violation(
                verdict[1],
                line=line,
                record=first_record + record,
                column=mapped.column,
                column_name=mapped.name,
                hint=rule.hint,
            )
            collector.add(type(rule), (violation,), path, self.context.sample)
        for (k, code), count in counted.items():
            column = columns[k]
            collector.left_out(type(column.rules[code]), path, column.mapped.column, count)

    def _verdict(self, column: _Column, raw: bytes) -> Verdict:
        """The parser's verdict on a value, with its message."""
        if raw in column.verdicts:
            return column.verdicts[raw]
        if len(column.verdicts) >= _REMEMBERED:
            column.verdicts.clear()
        assert column.check is not None
        verdict = column.verdicts[raw] = column.check.explain(raw.decode(self.encoding))
        return verdict
