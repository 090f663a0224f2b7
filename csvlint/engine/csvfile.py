"""Lint one CSV file in one pass: first look, decode, parse, and every rule on the way."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING

from csvlint.dialect import Dialect, declared_encoding
from csvlint.engine.collect import Collector
from csvlint.engine.context import FileContext
from csvlint.engine.facts import FileFacts, Header
from csvlint.engine.handover import Reader
from csvlint.engine.sources import BLOCK_SIZE
from csvlint.reader.decode import Decoder, Undecodable
from csvlint.reader.detect import detect
from csvlint.reader.grammar import Chunk, Tokenizer
from csvlint.reader.sniff import binary_format, bom_encoding
from csvlint.rules import Rule
from csvlint.rules.base import Violations

if TYPE_CHECKING:
    from csvlint.engine.cells import Cell, CellReporter
    from csvlint.reader._scan import Scanner

#: how much of the file's start the dialect is guessed from
_SNIFF_CHARS = 64 * 1024
#: records read before the header is settled (a title row needs the two after it)
_HEADER_LOOKAHEAD = 3

Progress = Callable[[int], None]


@dataclass
class _Hooks:
    """The selected rules, instantiated for one file, grouped by the hooks they implement."""

    header: list[Rule]
    chunk: list[Rule]
    file: list[Rule]

    @classmethod
    def of(cls, rules: list[type[Rule]], context: FileContext) -> _Hooks:
        made = [rule(context) for rule in rules]

        def overriding(name: str) -> list[Rule]:
            return [r for r in made if getattr(type(r), name) is not getattr(Rule, name)]

        return cls(overriding("check_header"), overriding("check_chunk"), overriding("check_file"))


def _codec(name: str) -> str:
    """The Python codec for an encoding name as a configuration writes it."""
    return declared_encoding(name)[0].lower().replace("_", "-")


class CsvLinter:
    """Lints one CSV given as blocks of bytes. `needs_rows` asks the reader for every record's
    fields (value rules need them; structure rules don't, and are faster without). `native`
    lets the native scanner read the clean stretches, when it is installed."""

    def __init__(
        self,
        context: FileContext,
        rules: list[type[Rule]],
        collector: Collector,
        needs_rows: bool = False,
        progress: Progress | None = None,
        native: bool = True,
    ) -> None:
        self.context = context
        self.hooks = _Hooks.of(rules, context)
        #: whether repeated combinations of a metric's items are checked (VAL312), which the
        #: scanner supports for one dimension column only
        self.combinations = any(rule.code == "VAL312" for rule in rules)
        self.collector = collector
        self.needs_rows = needs_rows
        self.progress = progress
        self.native = native
        self.facts = FileFacts()
        self._waiting: list[Chunk] = []
        self._scanner: Scanner | None = None
        self._scanner_tried = False
        self._cells: CellReporter | None = None

    def _emit(self, rule: Rule, violations: Violations) -> None:
        self.collector.add(type(rule), violations, self.context.path, self.context.sample)

    def run(self, blocks: Iterator[bytes]) -> FileFacts:
        """Read every block, judge it, and return what was learnt about the file."""
        facts = self.facts
        first = next(blocks, b"")
        facts.size = len(first)
        announced, bom_length = bom_encoding(first)
        if _blank(first, announced, bom_length) and not self._more(blocks, first):
            facts.empty = True
            return self._finish()
        declared = self.context.declared
        wanted = _codec(declared.encoding) if declared else "utf-8"
        facts.binary = binary_format(first, wanted)
        if facts.binary is not None:
            return self._finish()
        facts.utf8_bom = announced == "utf-8"
        facts.bom_encoding = announced
        if announced and announced not in ("utf-8", wanted):
            # a UTF-16/32 file where another encoding was expected: say so, read it as it is
            facts.undecodable = Undecodable(1, 1, first[:bom_length], wanted, field=1)
            facts.fitting_encoding = announced
            wanted = announced
        elif announced == "utf-8":
            first = first[bom_length:]
        facts.encoding = wanted
        decoder = Decoder(wanted)
        self._parse(decoder, first, blocks, declared)
        if decoder.error is not None and facts.undecodable is None:
            facts.undecodable = decoder.error
            facts.fitting_encoding = decoder.fitting
        return self._finish()

    def _more(self, blocks: Iterator[bytes], first: bytes) -> bool:
        # a first block of whitespace may be followed by content; peek without losing it
        for block in blocks:
            if block.strip():
                self._pushed_back = block
                return True
            self.facts.size += len(block)
        return False

    _pushed_back: bytes = b""

    def _parse(
        self, decoder: Decoder, first: bytes, blocks: Iterator[bytes], declared: Dialect | None
    ) -> None:
        facts = self.facts
        rest = self._rest(blocks)
        upcoming = next(rest, None)
        if upcoming is not None:
            rest = chain([upcoming], rest)
        # a file of one block is decoded to its end: a character cut short there is an error
        text = decoder.decode(first, final=upcoming is None)
        # a first block shorter than a block is the whole file: its last line is complete
        facts.detected = detect(
            text[:_SNIFF_CHARS],
            final=len(first) < BLOCK_SIZE,
            expected_quote=declared.quote if declared else None,
        )
        delimiter = facts.detected.delimiter or (declared.delimiter if declared else ",")
        # a file quoted with another character is read with it (CSV106 says Pigment cannot),
        # so that its quoted delimiters do not make every row ragged
        detected = facts.detected
        quote = (declared.quote if declared else None) or detected.quote or detected.other_quote
        quote = quote or '"'
        if declared and facts.detected.delimiter in (None, declared.delimiter):
            delimiter = declared.delimiter
        if quote == delimiter:
            quote = '"' if delimiter != '"' else "'"
        decoder.use_dialect(delimiter, quote)
        facts.dialect = Dialect(
            encoding=facts.encoding, bom=facts.utf8_bom, delimiter=delimiter, quote=quote
        )
        tokenizer = Tokenizer(delimiter, quote, self.context.field_size_limit)
        self._tokenizer = tokenizer
        Reader(self, tokenizer, decoder).read(text, upcoming is None, rest)
        for held in self._waiting:  # the file ended before the header was settled
            self._settle_header([held])
            self._judge(held)
        self._waiting = []
        facts.records = tokenizer.records
        self._pushed_back = b""

    def _rest(self, blocks: Iterator[bytes]) -> Iterator[tuple[bytes, bool]]:
        """The blocks after the first, each with whether it is the last, counted as read."""
        source = chain([self._pushed_back] if self._pushed_back else [], blocks)
        held = next(source, None)
        while held is not None:
            following = next(source, None)
            self.facts.size += len(held)
            if self.progress:
                self.progress(self.facts.size)
            yield held, following is None
            held = following

    def exact(self, text: str, final: bool) -> None:
        """Read text on the exact path; the first records wait until the header is settled."""
        tokenizer = self._tokenizer
        chunk = tokenizer.feed(text, final)
        if self.facts.header is not None:
            self._judge(chunk)
            return
        self._waiting.append(chunk)
        if tokenizer.records < _HEADER_LOOKAHEAD and not final:
            return
        self._settle_header(self._waiting)
        tokenizer.keep_rows = self.needs_rows
        for held in self._waiting:
            self._judge(held)
        self._waiting = []

    def stopped(self) -> bool:
        """Whether --fail-fast has seen its error."""
        return self.collector.stopped

    def scanner(self) -> Scanner | None:
        """The native scanner for the records after the header, made once the header is known
        (None before, and when the exact path reads the whole file)."""
        if self._scanner is None and not self._scanner_tried:
            header, tokenizer = self.facts.header, self._tokenizer
            if header is None or not tokenizer.ending or not self.native:
                return None
            self._scanner_tried = True
            from csvlint.engine.fastpath import scanner_for

            self._scanner = scanner_for(
                self.context,
                header,
                tokenizer.delimiter,
                tokenizer.quote,
                self.facts.encoding,
                tokenizer.ending,
                self.needs_rows,
                combinations=self.combinations,
            )
        return self._scanner

    def invalid_values(self, cells: list[Cell], first_record: int) -> None:
        """Report the invalid values the scanner handed over, as the format rules would."""
        if self._cells is None:
            from csvlint.engine.cells import CellReporter

            assert self.facts.header is not None  # the scanner reads only after the header
            self._cells = CellReporter(
                self.context,
                self.facts.header,
                self.hooks.chunk,
                self.collector,
                self.facts.encoding,
            )
        self._cells.report(cells, first_record)

    def _settle_header(self, chunks: list[Chunk]) -> None:
        if self.facts.header is not None:
            return
        rows: list[list[str]] = []
        for chunk in chunks:
            rows.extend(chunk.rows or [])
        if not rows:
            return
        index = 1 if is_title(rows) else 0
        if index:
            self.facts.title = tuple(rows[0])
        # the chunk the header record is in (a small first block may have completed none)
        holder = next(c for c in chunks if c.first_record + c.count > index)
        header = Header(tuple(rows[index]), holder.line_of(index), index)
        self.facts.header = header
        self.context.header = header
        for rule in self.hooks.header:
            self._emit(rule, rule.check_header(header))

    def _judge(self, chunk: Chunk) -> None:
        facts = self.facts
        for ending, count in chunk.endings.items():
            if ending not in facts.endings:
                facts.endings[ending] = 0
                facts.first_ending_line[ending] = chunk.first_ending_line[ending]
            facts.endings[ending] += count
        if chunk.count == 0:
            return
        first_data = facts.header.record + 1 if facts.header else 1
        facts.blank_rows += sum(
            1 for record, fields in chunk.exceptional if record >= first_data and not any(fields)
        )
        for rule in self.hooks.chunk:
            self._emit(rule, rule.check_chunk(chunk))

    def _finish(self) -> FileFacts:
        for rule in self.hooks.file:
            self._emit(rule, rule.check_file(self.facts))
        return self.facts


def _blank(first: bytes, announced: str | None, bom_length: int) -> bool:
    """Whether a first block holds nothing but a BOM and whitespace (in its own encoding)."""
    if announced in ("utf-16", "utf-32"):
        return not first.decode(announced, "replace").strip()
    return not first[bom_length:].strip()


def is_title(rows: list[list[str]]) -> bool:
    """A first row with only its first cell filled, above a fuller row that the next row
    matches in width: a spreadsheet title above the real header."""
    if len(rows) < 2:
        return False
    title, header = rows[0], rows[1]
    filled = [value for value in title if value.strip()]
    if len(filled) != 1 or not title[0].strip() or len(header) < 2:
        return False
    if not all(value.strip() for value in header):
        return False
    return len(rows) < 3 or len(rows[2]) == len(header)
