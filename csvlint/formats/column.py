"""Checking a chunk of a column at once: `value_check` builds the `ValueCheck` of a column type.

The engine calls `ValueCheck.bad_cells` once per chunk of a column, and a clean chunk never reaches
Python code per value. The values are joined with NUL (which no value holds: the reader rejects
such files, and a chunk that holds one anyway takes a per-value path) and the joined text is
matched against ``F(?:\x00F)*+``, where ``F`` is a valid value or nothing, in C. A chunk of few
distinct values (dates, codes, small integers) has only its distinct values joined and matched.
Numbers are judged on their shapes (every digit written 9), since a number's validity does not
depend on which digits it has: 100,000 amounts have a handful of shapes. When a chunk fails, a
second regex finds the invalid fields and their positions, still in C, and only those go to the
Python parser, once per distinct value, for the message.

The regexes and the parsers implement one grammar. The parsers are the reference: a value the
regex rejects and the parser accepts is not reported (past a `message_limit`, the regex alone
decides), and the tests hold the two equal.
"""

from __future__ import annotations

import re
import threading
from abc import ABC, abstractmethod
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import ROUND_DOWN, Decimal
from functools import cached_property
from typing import ClassVar, NamedTuple

from csvlint.formats import quote_value
from csvlint.formats.boolean import BooleanFormat
from csvlint.formats.date import DEFAULT_DATE_FORMAT, DateFormat
from csvlint.formats.number import (
    NumberFormat,
    is_integral,
    number_pattern,
    parse_integer,
    parse_number,
    whole_number_pattern,
)

#: The column types whose values have a format to check.
CHECKED_TYPES = ("number", "integer", "date", "boolean")

_SEP = "\x00"
#: chunks of at most this many values are matched one value at a time
_ONE_BY_ONE = 64


class BadCell(NamedTuple):
    """An invalid value: its index in the checked chunk, the problem code and the message."""

    position: int
    code: str
    message: str


Verdict = tuple[str, str] | None


class ValueCheck(ABC):
    """The checker of one column's values. Subclasses give the regex of the valid values and
    `explain`, the reference judgement of one value."""

    kind: ClassVar[str]
    #: The problem codes the check reports.
    codes: ClassVar[tuple[str, ...]]

    def __init__(self, valid: str, *, exact: bool = True) -> None:
        """`valid` matches exactly the valid non-blank values when `exact`; otherwise it
        matches a superset, and every distinct value is also judged by `explain`."""
        self.exact = exact
        self._valid = re.compile(valid)

    # The two regexes over joined values are compiled when first needed: a check is built for
    # every column of a configuration that is checked, and most chunks never need `_suspect`.

    @cached_property
    def _screen(self) -> re.Pattern[str]:
        # Each field is matched up to a NUL or the end, so there is one way to split the text
        # into fields and the repetition can be possessive (no backtracking state per field).
        field = f"(?:(?:{self._valid.pattern})(?![^\\x00])|)"
        return re.compile(f"{field}(?:\\x00{field})*+")

    @cached_property
    def _suspect(self) -> re.Pattern[str]:
        # A whole non-empty field (after the start or a NUL, up to a NUL or the end) that the
        # valid pattern does not span exactly.
        valid = self._valid.pattern
        return re.compile(f"(?<![^\\x00])(?!(?:{valid})(?![^\\x00]))[^\\x00]+")

    @abstractmethod
    def explain(self, value: str) -> Verdict:
        """`(problem_code, message)` for a non-blank invalid value, None for a valid one."""

    def accepts_all(self, values: Sequence[str]) -> bool:
        """Whether every non-blank value is valid."""
        if self.exact:
            return next(iter(self._suspects(values)), None) is None
        return not self.bad_cells(values)

    def bad_cells(
        self, values: Sequence[str], *, message_limit: int | None = None
    ) -> list[BadCell]:
        """Every invalid non-blank value of `values`, in index order (blanks are skipped).

        With `message_limit`, only the first `message_limit` cells of each problem code get a
        message; the others have an empty one and their code comes from the regexes alone,
        which keeps a chunk where every value is wrong cheap when a report lists only the first.
        """
        if not self.exact:
            verdicts = {v: self.explain(v) for v in set(values) if v}
            flagged = {v for v, verdict in verdicts.items() if verdict is not None}
            return self._judge(_positions(values, flagged), verdicts, message_limit)
        return self._judge(self._suspects(values), {}, message_limit)

    def classify(self, value: str) -> str:
        """The problem code of a value the regex rejects, without the parser's message."""
        return self.codes[0]

    def code_of(self, value: str) -> str | None:
        """The problem code `bad_cells` gives a non-blank value past its `message_limit` (None:
        valid), without the parser's message: the regex decides, as it does there (the parser,
        for a check whose regex matches a superset)."""
        if not self.exact:
            verdict = self.explain(value)
            return None if verdict is None else verdict[0]
        return None if self._valid.fullmatch(value) else self.classify(value)

    def _suspects(self, values: Sequence[str]) -> Iterable[tuple[int, str]]:
        """(index, value) of the non-blank values the regex rejects, in index order."""
        if _few_distinct(values):
            # Dates, codes, small integers: screening each distinct value once is cheaper than
            # screening every cell, and building the set costs about what joining them does.
            distinct = list(set(values))
            rejected = {value for _, value in self._rejected(distinct)}
            return _positions(values, rejected)
        return self._rejected(values)

    def _rejected(self, values: Sequence[str]) -> Iterator[tuple[int, str]]:
        joined = "" if len(values) <= _ONE_BY_ONE else _SEP.join(values)
        # a few values are matched one by one: compiling the regexes over joined values costs
        # more than that (a tiny file, a file's first records); and where some value holds a
        # NUL, the joined text no longer tells the fields apart
        if not joined or joined.count(_SEP) != len(values) - 1:
            yield from ((i, v) for i, v in enumerate(values) if v and not self._valid.fullmatch(v))
            return
        if self._clean(joined):
            return
        index, pos = 0, 0
        for match in self._suspect.finditer(joined):
            start = match.start()
            index += joined.count(_SEP, pos, start)
            pos = start
            yield index, match.group()

    def _clean(self, joined: str) -> bool:
        """Whether every field of `joined` (the values joined by NUL) is blank or valid."""
        return self._screen.fullmatch(joined) is not None

    def _judge(
        self,
        suspects: Iterable[tuple[int, str]],
        verdicts: dict[str, Verdict],
        limit: int | None,
    ) -> list[BadCell]:
        """The cells of the suspects that `explain` rejects, judging each value once."""
        cells = []
        told: Counter[str] = Counter()
        for index, value in suspects:
            if value in verdicts:
                verdict = verdicts[value]
            elif limit is not None and told[code := self.classify(value)] >= limit:
                cells.append(BadCell(index, code, ""))
                continue
            else:
                verdict = verdicts[value] = self.explain(value)
            if verdict is not None:
                told[verdict[0]] += 1
                cells.append(BadCell(index, *verdict))
        return cells


#: How many leading values tell a column of few distinct values from one of many.
_SAMPLE = 1024


def _few_distinct(values: Sequence[str]) -> bool:
    """Whether the leading values repeat enough (at most half distinct) to judge distinct ones."""
    sample = values[:_SAMPLE]
    return len(values) > len(sample) // 2 >= len(set(sample))


#: bytes.translate table writing every ASCII digit as 9; UTF-8 leaves other characters' bytes
#: alone, since every byte of a multi-byte sequence is 0x80 or above.
_DIGITS_AS_NINE = bytes.maketrans(b"012345678", b"999999999")
#: Beyond this many shapes, matching each shape costs more than the regex over the whole chunk.
_MAX_SHAPES = 1024


def _shapes_match(joined: str, pattern: re.Pattern[str]) -> bool | None:
    """Whether every field of `joined` is blank or matches `pattern`, judged on the fields'
    distinct shapes (every digit written 9): a chunk of 100,000 amounts has a handful of shapes,
    and translating and splitting bytes in C is twice as fast as the regex over every field.
    Exact for a pattern that treats all digits alike, as `number_pattern` does. None when there
    are too many shapes for this to pay."""
    data = joined.encode("utf-8", "surrogatepass").translate(_DIGITS_AS_NINE)
    shapes = set(data.split(b"\x00"))
    if len(shapes) > _MAX_SHAPES:
        return None
    return all(
        not shape or pattern.fullmatch(shape.decode("utf-8", "surrogatepass")) for shape in shapes
    )


def _positions(values: Sequence[str], flagged: set[str]) -> Iterable[tuple[int, str]]:
    """(index, value) of the values in `flagged`, in index order."""
    if not flagged:
        return ()
    return ((i, v) for i, v in enumerate(values) if v in flagged)


class NumberCheck(ValueCheck):
    """Values of a number column: `invalid-number`."""

    kind = "number"
    codes = ("invalid-number",)

    def __init__(self, fmt: NumberFormat) -> None:
        self.format = fmt
        super().__init__(number_pattern(fmt))

    def _clean(self, joined: str) -> bool:
        clean = _shapes_match(joined, self._valid)
        return super()._clean(joined) if clean is None else clean

    def explain(self, value: str) -> Verdict:
        """`invalid-number` with the reason, or None."""
        try:
            parse_number(value, self.format)
        except ValueError as error:
            return "invalid-number", str(error)
        return None


class IntegerCheck(ValueCheck):
    """Values of an integer column: `invalid-integer` for text that is not a number,
    `integer-truncation` for a number with a fractional part (Pigment truncates it).

    The fractional part is judged on the stored value (after percent and multiplier). With
    neither, the regex decides it; with one of them, every distinct value goes to Python.
    """

    kind = "integer"
    codes = ("invalid-integer", "integer-truncation")

    def __init__(self, fmt: NumberFormat) -> None:
        self.format = fmt
        self._number = re.compile(number_pattern(fmt))
        if fmt.scaled:
            super().__init__(number_pattern(fmt), exact=False)
        else:
            super().__init__(whole_number_pattern(fmt))

    def _clean(self, joined: str) -> bool:
        # Without a decimal separator anywhere, every number is whole and shapes decide.
        clean = None
        if self.format.decimal_separator not in joined:
            clean = _shapes_match(joined, self._number)
        return super()._clean(joined) if clean is None else clean

    def classify(self, value: str) -> str:
        """A number the whole-number regex rejects has a fractional part."""
        return "integer-truncation" if self._number.fullmatch(value) else "invalid-integer"

    def explain(self, value: str) -> Verdict:
        """`invalid-integer` or `integer-truncation` with the reason, or None."""
        try:
            written = parse_integer(value, self.format)
        except ValueError as error:
            return "invalid-integer", str(error)
        stored = self.format.scale(written)
        if is_integral(stored):
            return None
        kept = _plain(stored.to_integral_value(rounding=ROUND_DOWN))
        scaled = (
            f" ({_plain(stored)} once the column's percent and multiplier apply)"
            if self.format.scaled
            else ""
        )
        return (
            "integer-truncation",
            f"{quote_value(value)}{scaled} is not a whole number: "
            f"Pigment truncates it to {kept} in an integer column",
        )


class DateCheck(ValueCheck):
    """Values of a date column: `invalid-date`, calendar included."""

    kind = "date"
    codes = ("invalid-date",)

    def __init__(self, fmt: DateFormat) -> None:
        self.format = fmt
        super().__init__(fmt.calendar_pattern)

    def explain(self, value: str) -> Verdict:
        """`invalid-date` with the reason, or None."""
        try:
            self.format.parse(value)
        except ValueError as error:
            return "invalid-date", str(error)
        return None


class BooleanCheck(ValueCheck):
    """Values of a boolean column: `invalid-boolean`."""

    kind = "boolean"
    codes = ("invalid-boolean",)

    def __init__(self, fmt: BooleanFormat) -> None:
        self.format = fmt
        words = sorted({*fmt.true_values, *fmt.false_values}, key=len, reverse=True)
        super().__init__("(?:" + "|".join(map(re.escape, words)) + ")")

    def explain(self, value: str) -> Verdict:
        """`invalid-boolean` with the expected words, or None."""
        try:
            self.format.parse(value)
        except ValueError as error:
            return "invalid-boolean", str(error)
        return None


#: checks built, by type and options: a check holds nothing but its compiled format, and a
#: lint of many files against one configuration would otherwise build each column's per file
_built: dict[tuple[str, tuple[tuple[str, object], ...]], ValueCheck] = {}
_KEPT = 256
_building = threading.Lock()


def value_check(kind: str, options: Mapping[str, object] | None = None) -> ValueCheck:
    """The check of a column of type `kind` (one of `CHECKED_TYPES`) under its format options,
    named as in the configuration file: `decimal_separator`, `thousands_separator`, `prefix`,
    `suffix`, `percent`, `multiplier`, `date_format`, `true_values`, `false_values`. Options
    that do not apply to `kind` are ignored and a None value is an absent one, so import-wide
    formats and column options can be merged and passed as they are (defaults: decimal ".", no
    thousands separator, yyyy-MM-dd, the default boolean words). `ValueError` for another kind or
    an invalid option."""
    options = options or {}
    key = _key(kind, options)
    if key is None:
        return _build(kind, options)
    with _building:  # lints may run in several threads of one program
        check = _built.get(key)
        if check is None:
            check = _build(kind, options)
            if len(_built) >= _KEPT:
                _built.pop(next(iter(_built)))
            _built[key] = check
    return check


def _key(
    kind: str, options: Mapping[str, object]
) -> tuple[str, tuple[tuple[str, object], ...]] | None:
    """What a check is built from, as a dictionary key (None when an option is unhashable).
    A value's type is part of it: `True` and `1` are not the same option."""
    parts: list[tuple[str, object]] = []
    for name, given in sorted(options.items()):
        value = given
        if isinstance(given, list):
            value = ("list", *((type(item).__name__, item) for item in given))
        try:
            hash(value)
        except TypeError:
            return None
        parts.append((name, (type(given).__name__, value)))
    return kind, tuple(parts)


def _build(kind: str, options: Mapping[str, object]) -> ValueCheck:
    if kind == "number":
        return NumberCheck(NumberFormat.from_options(options))
    if kind == "integer":
        return IntegerCheck(NumberFormat.from_options(options))
    if kind == "date":
        pattern = options.get("date_format")
        pattern = DEFAULT_DATE_FORMAT if pattern is None else pattern
        if not isinstance(pattern, str):
            raise ValueError(f"date option date_format must be a string, not {pattern!r}")
        return DateCheck(DateFormat.compile(pattern))
    if kind == "boolean":
        return BooleanCheck(BooleanFormat.from_options(options))
    raise ValueError(f"no value check for type {kind!r}; checked: {', '.join(CHECKED_TYPES)}")


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return "0" if text == "-0" else text
