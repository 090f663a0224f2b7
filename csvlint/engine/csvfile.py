"""Lint one CSV file in one pass: first look, decode, parse, and every rule on the way."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import chain
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from csvlint.reader._scan import Scanner

#: how much of the file's start the dialect is guessed from
_SNIFF_CHARS = 64 * 1024
#: records read before the header is settled (a title row needs the two after it)
_HEADER_LOOKAHEAD = 3
#: what the native scanner says of a buffer: read to its end, ends inside a record, declined
_SCAN_DONE, _SCAN_MORE = 0, 1

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
    fields (value rules need them; structure rules don't, and are faster without). `native`
    lets the native scanner read the clean stretches, when it is installed."""

    #: characters of the first block read on the exact path before the scanner may take over
    first_piece = _SNIFF_CHARS
    #: bytes the exact path reads from a record the scanner declined, before handing back
    exact_span = 16 << 10
    #: an unfinished record up to this size is carried to the next block for the scanner;
    #: a longer one stays with the exact path, which bounds what an unclosed quote can hold
    carry_limit = 1 << 20

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
        self.collector = collector
        self.needs_rows = needs_rows
        self.progress = progress
        self.native = native
        self.facts = FileFacts()
        self._waiting: list[Chunk] = []
        self._scanner: Scanner | None = None
        self._scanner_tried = False
        self._width = 0

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
        self._decoder = decoder
        self._tokenizer = Tokenizer(delimiter, quote, self.context.field_size_limit)
        rest = self._rest(blocks)
        upcoming = next(rest, None)
        if upcoming is not None:
            rest = chain([upcoming], rest)
        carry = self._first_block(text, upcoming is None)
        # NUL bytes in the first block were sniffed; past it, a NUL is binary data in a text file
        look_for_nul = facts.encoding not in ("utf-16", "utf-32")
        for block, last in rest:
            if self.collector.stopped:
                break
            if look_for_nul and b"\x00" in block:
                facts.nul_line = decoder.lines_before(block, block.index(b"\x00"))
                facts.nul_line += carry.count(b"\n") if carry else 0
                look_for_nul = False
            if carry is None:
                self._exact(decoder.decode(block, last), last)
                carry = None if last else self._hand_back()
            else:
                carry = self._hybrid(carry + block if carry else block, last)
        for held in self._waiting:  # the file ended before the header was settled
            self._settle_header([held])
            self._judge(held)
        self._waiting = []
        facts.records = self._tokenizer.records
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

    def _first_block(self, text: str, final: bool) -> bytes | None:
        """Read the first block's text: its start on the exact path (the header, the dialect's
        evidence), the rest with the scanner when it may take over. Returns what to carry."""
        if final:
            self._exact(text, final)
            return None
        fed = 0
        while fed < len(text):
            # a piece at a time until the header is known, then the scanner may take the rest
            piece = text[fed : fed + self.first_piece]
            self._exact(piece, False)
            fed += len(piece)
            if self.facts.header is not None:
                break
        carry = self._hand_back(text[fed:])
        if carry is None:
            self._exact(text[fed:], False)
            return self._hand_back()
        return self._hybrid(carry, False)

    def _exact(self, text: str, final: bool) -> None:
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

    def _hybrid(self, data: bytes, final: bool) -> bytes | None:
        """Read `data`, which starts at a record: with the scanner, and on the exact path from
        each record it declines. Returns the unfinished record to carry into the next block, or
        None when the exact path keeps it."""
        scanner, tokenizer, decoder = self._scanner, self._tokenizer, self._decoder
        assert scanner is not None
        pos, declined = 0, -1
        while True:
            pos, records, line, status, endings, quotes, lfs = scanner.scan(
                data, pos, final, tokenizer.line
            )
            if records:
                tokenizer.advance(records, line, self._width)
                decoder.skip(quotes, lfs)
                self.facts.endings[tokenizer.ending] += endings
            if status == _SCAN_DONE:
                return b""
            if status == _SCAN_MORE and len(data) - pos <= self.carry_limit:
                return data[pos:]
            # a declined record: the exact path reads it and a little more (all that is left
            # when it did not get past the record last time, or the record is long)
            whole = status == _SCAN_MORE or pos == declined
            stop = len(data) if whole else min(len(data), pos + self.exact_span)
            declined = pos
            last = final and stop == len(data)
            self._exact(decoder.decode(data[pos:stop], last), last)
            if last or self.collector.stopped:
                return b""
            carry = self._hand_back()
            if carry is None:
                self._exact(decoder.decode(data[stop:], final), final)
                return None
            if stop == len(data):
                return carry
            pos = stop - len(carry)

    def _hand_back(self, unfed: str = "") -> bytes | None:
        """The bytes the scanner must read again (the exact path's unfinished record, then the
        text `unfed`), when it may take over; the decoder forgets them. None: stay exact."""
        tokenizer, decoder = self._tokenizer, self._decoder
        if not self._scanner_ready() or decoder.error is not None or tokenizer.abandoned:
            return None
        if len(tokenizer.pending) > self.carry_limit:
            return None  # a long record (an unclosed quote?) stays with the exact path
        carry = (tokenizer.pending + unfed).encode("utf-8") + decoder.buffered
        tokenizer.drop_pending()
        decoder.rewind(carry)
        return carry

    def _scanner_ready(self) -> bool:
        """Whether the native scanner reads this file, made once the header is known."""
        if self._scanner is None and not self._scanner_tried:
            header, tokenizer = self.facts.header, self._tokenizer
            if header is None or not tokenizer.ending or not self.native:
                return False
            self._scanner_tried = True
            from csvlint.engine.fastpath import scanner_for

            self._width = header.width
            self._scanner = scanner_for(
                self.context,
                header,
                tokenizer.delimiter,
                tokenizer.quote,
                self.facts.encoding,
                tokenizer.ending,
                self.needs_rows,
            )
        return self._scanner is not None

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
