"""The invalid values the native scanner hands over: reported as their rules report them.

In a column whose only check is its format (a number, integer, date or boolean column that is
no key and names no item), a value the scanner finds invalid does not send its record to the
exact path, since the record is clean in every other way: the scanner reads on and hands the
value over as a cell. So does a padded value or an unknown item in a dimension column that is
no key and no part of a metric's combinations, when it is not blank. Each cell is judged here
by the column's `ValueCheck`, items and whitespace, and reported by the rule of each of its
problems (VAL301 to VAL304, VAL310; VAL307, VAL308) as that rule reports it on the exact path:
the same message, hint, severity, line, record and column. Once the cap leaves a rule's findings
out, cells are only counted. A value the scanner rejects and the reference accepts is no
finding, as there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from csvlint.engine.collect import Collector
from csvlint.engine.context import FileContext
from csvlint.engine.facts import Header
from csvlint.finding import Severity
from csvlint.rules._values import CellFormatRule, MappedColumn, plan_for
from csvlint.rules.base import Rule, Violation
from csvlint.rules.val307_unknown_item import UnknownItem, unknown_item
from csvlint.rules.val308_value_whitespace import ValueWhitespace, padded_value

#: (column's position among the scanner's columns, record among those read, line, value bytes)
Cell = tuple[int, int, int, bytes]
#: a finding's problem, message, hint and severity (None: the rule's)
Found = tuple[str, str, str | None, Severity | None]
#: distinct values remembered per column before the memory is cleared
_REMEMBERED = 4096
#: the problems of a value that is none of its column's items, and of a padded one
_UNKNOWN, _PADDED = "unknown-item", "value-whitespace"


class _Column:
    """One scanner column: what writes it, the rules of its problems, and what was already
    made of its distinct values."""

    def __init__(self, mapped: MappedColumn, rules: dict[str, Rule]) -> None:
        self.mapped = mapped
        self.rules = rules
        #: value bytes -> its problems with a rule to report them, as the exact path finds
        #: them past the findings it lists
        self.problems: dict[bytes, tuple[str, ...]] = {}
        #: value bytes -> what its findings say, for the findings that are listed
        self.found: dict[bytes, tuple[Found, ...]] = {}

    def problems_of(self, value: str) -> tuple[str, ...]:
        """A value's problems, the regex deciding a format's (as past a `message_limit`)."""
        mapped = self.mapped
        if mapped.check is not None:
            code = mapped.check.code_of(value)
            codes: tuple[str, ...] = () if code is None else (code,)
        else:
            unknown = mapped.items is not None and value and value not in mapped.items
            padded = (mapped.unique or mapped.kind == "dimension") and value != value.strip()
            codes = (_UNKNOWN,) * bool(unknown) + (_PADDED,) * padded
        return tuple(code for code in codes if code in self.rules)

    def findings_of(self, value: str) -> tuple[Found, ...]:
        """What each finding on a value says, as its rule words it (the parser deciding)."""
        mapped = self.mapped
        if mapped.check is not None:
            verdict = mapped.check.explain(value)
            rule = None if verdict is None else self.rules.get(verdict[0])
            if verdict is None or not isinstance(rule, CellFormatRule):
                return ()
            return ((verdict[0], verdict[1], rule.hint, None),)
        found: list[Found] = []
        for code in self.problems_of(value):
            if code == _UNKNOWN:
                found.append((code, *unknown_item(mapped, value)))
            else:
                found.append((code, *padded_value(value), None))
        return tuple(found)


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
        padded = next((rule for rule in rules if isinstance(rule, ValueWhitespace)), None)
        # the scanner's columns are the plan's, in its order (csvlint/engine/fastpath.py)
        self.columns = []
        for mapped in plan_for(context, header).columns:
            judges: dict[str, Rule] = {}
            if mapped.check is not None:
                judges = {r.problem: r for r in formats if mapped.kind in r.kinds}
            if mapped.items is not None and unknown is not None:
                judges[_UNKNOWN] = unknown
            if padded is not None:
                judges[_PADDED] = padded
            self.columns.append(_Column(mapped, judges))

    def report(self, cells: list[Cell], first_record: int) -> None:
        """Report `cells`, read in records counted from `first_record`, in file order."""
        path, collector, sample = self.context.path, self.collector, self.context.sample
        columns, encoding = self.columns, self.encoding
        over: set[tuple[int, str]] = set()
        counted: Counter[tuple[int, str]] = Counter()
        for k, record, line, raw in cells:
            column = columns[k]
            problems = column.problems.get(raw)
            if problems is None:
                if len(column.problems) >= _REMEMBERED:
                    column.problems.clear()
                problems = column.problems[raw] = column.problems_of(raw.decode(encoding))
            for code in problems:
                if (k, code) in over:
                    counted[k, code] += 1
                    continue
                mapped = column.mapped
                if collector.left_out(type(column.rules[code]), path, mapped.column):
                    over.add((k, code))
                    counted[k, code] += 1
                    continue
                for problem, message, hint, severity in self._found(column, raw):
                    if problem != code and len(problems) > 1:
                        continue  # each of several problems is reported in its own turn
                    violation = Violation(
                        message,
                        line=line,
                        record=first_record + record,
                        column=mapped.column,
                        column_name=mapped.name,
                        hint=hint,
                        severity=severity,
                    )
                    collector.add(type(column.rules[problem]), (violation,), path, sample)
        for (k, code), count in counted.items():
            column = columns[k]
            collector.left_out(type(column.rules[code]), path, column.mapped.column, count)

    def _found(self, column: _Column, raw: bytes) -> tuple[Found, ...]:
        """What the findings on a value say, remembered per distinct value."""
        found = column.found.get(raw)
        if found is None:
            if len(column.found) >= _REMEMBERED:
                column.found.clear()
            found = column.found[raw] = column.findings_of(raw.decode(self.encoding))
        return found
