"""Lint one CSV file in one pass: first look, decode, parse, and every rule on the way."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import chain

from csvlint.dialect import Dialect
from csvlint.engine.collect import Collector
from csvlint.engine.context import FileContext
from csvlint.engine.facts import FileFacts, Header
from csvlint.engine.sources import BLOCK_SIZE
from csvlint.reader.decode import Decoder, Undecodable
from csvlint.reader.detect import detect
from csvlint.reader.grammar import Chunk, Tokenizer
from csvlint.reader.sniff import binary_format, bom_encoding, fitting_encoding
from csvlint.rules import Rule
from csvlint.rules.base import Violations

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
    lowered = name.lower().replace("_", "-")
    return "utf-8" if lowered in ("utf-8-sig", "utf8-sig", "utf8") else lowered


class CsvLinter:
    """Lints one CSV given as blocks of bytes. `needs_rows` asks the reader for every record's
    fields (value rules need them; structure rules don't, and are faster without)."""

    def __init__(
        self,
        context: FileContext,
        rules: list[type[Rule]],
        collector: Collector,
        needs_rows: bool = False,
        progress: Progress | None = None,
    ) -> None:
        self.context = context
        self.hooks = _Hooks.of(rules, context)
        self.collector = collector
        self.needs_rows = needs_rows
        self.progress = progress
        self.facts = FileFacts()

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
        facts.binary = binary_format(first)
        if facts.binary is not None:
            return self._finish()
        declared = self.context.declared
        wanted = _codec(declared.encoding) if declared else "utf-8"
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
            facts.fitting_encoding = fitting_encoding(decoder.evidence, wanted)
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
        text = decoder.decode(first)
        # a first block shorter than a block is the whole file: its last line is complete
        facts.detected = detect(
            text[:_SNIFF_CHARS],
            final=len(first) < BLOCK_SIZE,
            expected_quote=declared.quote if declared else None,
        )
        delimiter = facts.detected.delimiter or (declared.delimiter if declared else ",")
        quote = (declared.quote if declared else None) or facts.detected.quote or '"'
        if declared and facts.detected.delimiter in (None, declared.delimiter):
            delimiter = declared.delimiter
        if quote == delimiter:
            quote = '"' if delimiter != '"' else "'"
        single = len(delimiter.encode(facts.encoding)) == 1
        decoder.use_dialect(
            delimiter.encode(facts.encoding) if single else b"",
            quote.encode(facts.encoding) if single else b"",
            first,
        )
        facts.dialect = Dialect(
            encoding=facts.encoding, bom=facts.utf8_bom, delimiter=delimiter, quote=quote
        )
        tokenizer = Tokenizer(delimiter, quote, self.context.field_size_limit, keep_rows=True)
        pieces = self._texts(decoder, text, blocks)
        waiting: list[Chunk] = []
        for piece, final in pieces:
            chunk = tokenizer.feed(piece, final)
            if facts.header is None:
                waiting.append(chunk)
                if tokenizer.records < _HEADER_LOOKAHEAD and not final:
                    continue
                self._settle_header(waiting)
                tokenizer.keep_rows = self.needs_rows
                for held in waiting:
                    self._judge(held)
                waiting = []
            else:
                self._judge(chunk)
            if self.collector.stopped:
                break
        for held in waiting:  # the file ended before the header was settled
            self._settle_header([held])
            self._judge(held)
        facts.records = tokenizer.records
        self._pushed_back = b""

    def _texts(
        self, decoder: Decoder, text: str, blocks: Iterator[bytes]
    ) -> Iterator[tuple[str, bool]]:
        """Decoded pieces of the file, each with whether it is the last."""
        pushed_back = [self._pushed_back] if self._pushed_back else []
        # a NUL past the first block (which was sniffed whole) is binary data in a text file
        look_for_nul = self.facts.encoding not in ("utf-16", "utf-32")
        for block in chain(pushed_back, blocks):
            self.facts.size += len(block)
            if self.progress:
                self.progress(self.facts.size)
            yield text, False
            if look_for_nul and b"\x00" in block:
                self.facts.nul_line = decoder.lines_before(block, block.index(b"\x00"))
                look_for_nul = False
            text = decoder.decode(block)
        yield text + decoder.decode(b"", final=True), True

    def _settle_header(self, chunks: list[Chunk]) -> None:
        if self.facts.header is not None:
            return
        rows: list[list[str]] = []
        for chunk in chunks:
            rows.extend(chunk.rows or [])
        if not rows:
            return
        first = chunks[0]
        index = 1 if is_title(rows) else 0
        if index:
            self.facts.title = tuple(rows[0])
        header = Header(tuple(rows[index]), first.line_of(index), index)
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
