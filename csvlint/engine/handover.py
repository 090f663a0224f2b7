"""Reading a file's blocks: with the native scanner wherever it vouches for the records, on the
exact path everywhere else, handing over at record boundaries.

The exact path (`Tokenizer` and the rules) is the reference and reads the header, every record
the scanner declines and a little after it, and any record too long to carry. The scanner reads
the rest. Blocks are checked ahead in worker threads (the scanner's `check` runs without the
GIL), each from its first line ending, a guess at a record boundary; the main thread checks the
seam between two blocks from the true boundary, and takes a block's result only when the seam
ends exactly where the guess began. Keys are committed in the file's order, in the main thread.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterator
from typing import TYPE_CHECKING, Protocol

from csvlint.engine.facts import FileFacts
from csvlint.reader.decode import Decoder
from csvlint.reader.grammar import Tokenizer
from csvlint.reader.sniff import wide

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

    from csvlint.engine.cells import Cell
    from csvlint.reader._scan import Checked, Scanner

#: what the scanner says of a buffer: read to its end, ends inside a record, or declined one
_DONE, _MORE, _DECLINED = 0, 1, 2

Blocks = Iterator[tuple[bytes, bool]]


def _vouched(block: bytes, checked: Future[Checked] | None, guess: int) -> bool:
    """Whether a block is known to hold no NUL without searching it: a worker checked it to its
    end and declined nothing there (the scanner refuses NUL as binary data), and the line it
    starts with holds none."""
    return (
        checked is not None
        and block.find(b"\x00", 0, guess) < 0
        and checked.exception() is None  # a check that failed vouches for nothing
        and checked.result().status != _DECLINED
    )


class Linter(Protocol):
    """What the reader needs of the linter it reads for."""

    facts: FileFacts

    def exact(self, text: str, final: bool) -> None:
        """Read text on the exact path."""

    def stopped(self) -> bool:
        """Whether --fail-fast has seen its error."""

    def scanner(self) -> Scanner | None:
        """The scanner, once it may read (the header is known), or None."""

    def invalid_values(self, cells: list[Cell], first_record: int) -> None:
        """Report the invalid values the scanner handed over, in records counted from
        `first_record`."""


class Reader:
    """Reads one file's text and blocks for a linter, handing over between the two paths."""

    #: characters of the first block read on the exact path, a piece at a time, until the
    #: header is settled (three records) and the scanner may take over: every record read
    #: here costs the exact path's time, before any thread checks ahead
    first_piece = 4 * 1024
    #: bytes the exact path reads from a record the scanner declined, before handing back;
    #: where declined records come close together the span grows (by 4 each time) up to
    #: `widest_span`, as the exact path costs less in a few long pieces than in many short ones
    exact_span = 1 << 10
    widest_span = 256 << 10
    #: an unfinished record up to this size is carried to the next block for the scanner;
    #: a longer one stays with the exact path, which bounds what an unclosed quote can hold
    carry_limit = 1 << 20
    #: threads checking blocks ahead (the main thread commits and reads declined records)
    workers = min(2, os.cpu_count() or 1)

    def __init__(self, linter: Linter, tokenizer: Tokenizer, decoder: Decoder) -> None:
        self.linter = linter
        self.tokenizer = tokenizer
        self.decoder = decoder
        self._pool: Executor | None = None
        self._span = self.exact_span

    def read(self, text: str, final: bool, rest: Blocks) -> None:
        """Read the first block's `text` (the last when `final`), then the other blocks."""
        carry = self._first_block(text, final)
        try:
            self._blocks(rest, carry)
        finally:
            if self._pool is not None:
                self._pool.shutdown(cancel_futures=True)

    def _first_block(self, text: str, final: bool) -> bytes | None:
        """The first block's start on the exact path (the header), then the rest with the
        scanner when it may read. Returns what to carry (None: the exact path holds it)."""
        exact = self.linter.exact
        if final:
            exact(text, final)
            return None
        fed = 0
        while fed < len(text):
            piece = text[fed : fed + self.first_piece]
            exact(piece, False)
            fed += len(piece)
            if self.linter.facts.header is not None:
                break
        carry = self._hand_back(text[fed:])
        if carry is None:
            exact(text[fed:], False)
            return self._hand_back()
        return carry

    def _blocks(self, rest: Blocks, carry: bytes | None) -> None:
        facts, decoder = self.linter.facts, self.decoder
        # NUL bytes in the first block were sniffed; past it, a NUL is binary data in a text file
        look_for_nul = not wide(facts.encoding)
        ahead: deque[tuple[bytes, bool, Future[Checked] | None, int]] = deque()
        rest = iter(rest)
        while True:
            # twice as many blocks in flight as workers, and one: the workers keep checking
            # while the main thread, which shares the cores with them, commits
            while len(ahead) <= 2 * self.workers:
                following = next(rest, None)
                if following is None:
                    break
                ahead.append(self._ahead(*following))
            if not ahead or self.linter.stopped():
                return
            block, last, checked, guess = ahead.popleft()
            if look_for_nul and not _vouched(block, checked, guess) and b"\x00" in block:
                data = (carry or b"") + block
                facts.nul_line = decoder.lines_before(data, data.index(b"\x00"))
                look_for_nul = False
            if carry is None:
                self.linter.exact(decoder.decode(block, last, self.tokenizer.pending), last)
                carry = None if last else self._hand_back()
            elif checked is None:
                carry = self._hybrid(carry + block if carry else block, last)
            else:
                seam = carry + block[:guess]
                read = self._seam(seam, block[guess : guess + 1])
                if read == len(seam):
                    carry = self._take(block, last, checked.result())
                else:  # the guess was no record boundary, or the seam is not clean
                    carry = self._hybrid(seam[read:] + block[guess:], last)

    def _ahead(self, block: bytes, last: bool) -> tuple[bytes, bool, Future[Checked] | None, int]:
        """A block, with its records from the first line break checked in a worker thread."""
        scanner = self.linter.scanner()
        # the last byte of the file's line ending (a CR-only file has no LF to guess by)
        guess = block.find(b"\r" if self.tokenizer.ending == "\r" else b"\n") + 1
        if scanner is None or not guess or guess == len(block) or self.workers < 2:
            return block, last, None, guess
        if self._pool is None:
            from concurrent.futures import ThreadPoolExecutor

            self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="csvlint-scan")
        return block, last, self._pool.submit(scanner.check, block, guess, last), guess

    def _seam(self, seam: bytes, after: bytes) -> int:
        """Read the records between the last block's end and the guess when they are clean
        and end exactly at the guess, which was then a record boundary; returns how much of
        the seam was read (none when it is not so; less when a key repeats). `after` is the
        byte at the guess: a CR ends a record only when no LF follows it, so the scanner must
        see that the next record starts there."""
        scanner = self.linter.scanner()
        assert scanner is not None
        checked = scanner.check(seam + after, 0, False)
        if checked.end != len(seam) or checked.status != _MORE:
            return 0
        return self._apply(scanner.commit(checked, self.tokenizer.line))[0]

    def _take(self, block: bytes, last: bool, checked: Checked) -> bytes | None:
        """Commit a block checked ahead; the exact path reads from any record it declined."""
        scanner = self.linter.scanner()
        assert scanner is not None
        end, status = self._apply(scanner.commit(checked, self.tokenizer.line))
        if status == _DONE:
            return b""
        if status == _MORE and len(block) - end <= self.carry_limit:
            return block[end:]
        return self._hybrid(block[end:], last)

    def _apply(self, result: tuple[int, int, int, int, int, list[Cell]]) -> tuple[int, int]:
        """Report the invalid values the scanner handed over and move the exact path past the
        records it read; returns where they end and what the scanner said of the rest."""
        end, records, line, status, endings, cells = result
        if records:
            tokenizer, header = self.tokenizer, self.linter.facts.header
            assert header is not None  # the scanner reads only once the header is known
            if cells:
                self.linter.invalid_values(cells, tokenizer.records)
            self.decoder.skip(line - tokenizer.line)
            tokenizer.advance(records, line, header.width)
            self.linter.facts.endings[tokenizer.ending] += endings
        return end, status

    def _hybrid(self, data: bytes, final: bool) -> bytes | None:
        """Read `data`, which starts at a record: with the scanner, and on the exact path from
        each record it declines. Returns the unfinished record to carry into the next block, or
        None when the exact path keeps it."""
        scanner, tokenizer, decoder = self.linter.scanner(), self.tokenizer, self.decoder
        assert scanner is not None
        pos, declined = 0, -1
        while True:
            start = pos
            pos, status = self._apply(scanner.scan(data, pos, final, tokenizer.line))
            if status == _DONE:
                return b""
            if status == _MORE and len(data) - pos <= self.carry_limit:
                return data[pos:]
            # a declined record: the exact path reads it and a little more (all that is left
            # when it did not get past the record last time, or the record is long)
            dense = pos - start < 4 * self._span
            self._span = min(self._span * 4, self.widest_span) if dense else self.exact_span
            whole = status == _MORE or pos == declined
            stop = len(data) if whole else min(len(data), pos + self._span)
            declined = pos
            last = final and stop == len(data)
            self.linter.exact(decoder.decode(data[pos:stop], last, tokenizer.pending), last)
            if last or self.linter.stopped():
                return b""
            carry = self._hand_back()
            if carry is None:
                self.linter.exact(decoder.decode(data[stop:], final, tokenizer.pending), final)
                return None
            if stop == len(data):
                return carry
            pos = stop - len(carry)

    def _hand_back(self, unfed: str = "") -> bytes | None:
        """The bytes the scanner must read again (the exact path's unfinished record, then the
        text `unfed`), when it may take over; the decoder forgets them. None: stay exact."""
        tokenizer, decoder = self.tokenizer, self.decoder
        if self.linter.scanner() is None or decoder.error is not None or tokenizer.abandoned:
            return None
        if len(tokenizer.pending) > self.carry_limit:
            return None  # a long record (an unclosed quote?) stays with the exact path
        carry = (tokenizer.pending + unfed).encode(decoder.encoding) + decoder.buffered
        tokenizer.drop_pending()
        decoder.rewind(carry)
        return carry
