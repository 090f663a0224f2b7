"""The invalid values the native scanner hands over: reported as their rules report them.

In a column whose only check is its format (a number, integer, date or boolean column that is
no key and names no item), a value the scanner finds invalid does not send its record to the
exact path, since the record is clean in every other way: the scanner reads on and hands the
value over as a cell. So does an unknown item in a column whose only check is its items (a
dimension that is no key and no part of a metric's combinations), when it is neither blank
nor padded. Each cell is judged here by the column's `ValueCheck` or items and reported by the
rule of its problem (VAL301 to VAL304, VAL310; VAL307) as that rule reports it on the exact
path: the same message, hint, severity, line, record and column. Once the cap leaves a rule's
findings out, cells are only counted. A value the scanner rejects and the reference accepts is
no finding, as there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from csvlint.engine.collect import Collector
from csvlint.engine.context import FileContext
from csvlint.engine.facts import Header
from csvlint.finding import Severity
from csvlint.formats.column import ValueCheck
from csvlint.rules._values import CellFormatRule, MappedColumn, plan_for
from csvlint.rules.base import Rule, Violation
from csvlint.rules.val307_unknown_item import UnknownItem, unknown_item

#: (column's position among the scanner's columns, record among those read, line, value bytes)
Cell = tuple[int, int, int, bytes]
#: a finding's problem, message, hint and severity (None: the rule's)
Found = tuple[str, str, str | None, Severity | None]
#: distinct values remembered per column before the memory is cleared
_REMEMBERED = 4096
#: the problem of a value that is none of its column's items
_UNKNOWN = "unknown-item"


class _Column:
    """One scanner column: what writes it, its check, the rules of its problems, and what was
    already made of its distinct values."""

    def __init__(self, mapped: MappedColumn, rules: dict[str, Rule]) -> None:
        self.mapped = mapped
        self.check: ValueCheck | None = mapped.check
        self.rules = rules
        #: value bytes -> the problem code the regex gives (None: valid)
        self.codes: dict[bytes, str | None] = {}
        #: value bytes -> what its finding says, for the findings that are listed
        self.verdicts: dict[bytes, Found | None] = {}


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
        unknown = next((rule for rule in rules if isinstance(rule, UnknownItem)), None)
        # the scanner's columns are the plan's, in its order (csvlint/engine/fastpath.py)
        self.columns = []
        for mapped in plan_for(context, header).columns:
            judges: dict[str, Rule] = {}
            if mapped.check is not None:
                judges = {r.problem: r for r in formats if mapped.kind in r.kinds}
            elif mapped.items is not None and unknown is not None:
                judges = {_UNKNOWN: unknown}
            self.columns.append(_Column(mapped, judges))

    def report(self, cells: list[Cell], first_record: int) -> None:
        """Report `cells`, read in records counted from `first_record`, in file order."""
        path, collector = self.context.path, self.collector
        columns, encoding = self.columns, self.encoding
        over: set[tuple[int, str]] = set()
        counted: Counter[tuple[int, str]] = Counter()
        for k, record, line, raw in cells:
            column = columns[k]
            code = column.codes.get(raw, "")
            if code == "":
                if len(column.codes) >= _REMEMBERED:
                    column.codes.clear()
                code = column.codes[raw] = self._code(column, raw.decode(encoding))
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
            found = self._found(column, raw)
            if found is None or found[0] not in column.rules:
                continue  # the parser is the reference for the findings listed
            rule = column.rules[found[0]]
            violation = Violation(
                found[1],
                line=line,
                record=first_record + record,
                column=mapped.column,
                column_name=mapped.name,
                hint=found[2],
                severity=found[3],
            )
            collector.add(type(rule), (violation,), path, self.context.sample)
        for (k, code), count in counted.items():
            column = columns[k]
            collector.left_out(type(column.rules[code]), path, column.mapped.column, count)

    @staticmethod
    def _code(column: _Column, value: str) -> str | None:
        """The problem of a value as the exact path finds it past the findings it lists."""
        if column.check is not None:
            return column.check.code_of(value)
        items = column.mapped.items
        return None if items is None or not value or value in items else _UNKNOWN

    def _found(self, column: _Column, raw: bytes) -> Found | None:
        """The problem, message, hint and severity of a value's finding, as its rule words it;
        None for a valid value."""
        if raw in column.verdicts:
            return column.verdicts[raw]
        if len(column.verdicts) >= _REMEMBERED:
            column.verdicts.clear()
        value = raw.decode(self.encoding)
        found: Found | None = None
        if column.check is not None:
            verdict = column.check.explain(value)
            rule = column.rules.get(verdict[0]) if verdict is not None else None
            if verdict is not None and isinstance(rule, CellFormatRule):
                found = (verdict[0], verdict[1], rule.hint, None)
        elif self._code(column, value) == _UNKNOWN:
            found = (_UNKNOWN, *unknown_item(column.mapped, value))
        column.verdicts[raw] = found
        return found
