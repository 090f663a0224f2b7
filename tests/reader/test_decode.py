"""Where the decoder says the first undecodable byte is, whatever the blocks it was given."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from csvlint.cli import cli
from csvlint.reader.decode import Decoder
from csvlint.reader.grammar import Tokenizer

DATA = b'id,note,name\n1,"first\nsecond, and more",Ren\xe9e\n2,"a""b",x\xff\n'


@pytest.mark.parametrize("size", [1, 3, 7, 16, len(DATA)])
def test_the_bad_byte_is_placed_by_line_column_and_field(size: int) -> None:
    decoder, tokenizer = Decoder("utf-8"), Tokenizer(",", '"')
    decoder.use_dialect(",", '"')
    for start in range(0, len(DATA), size):
        # as the engine reads: each block continues the record the tokenizer holds
        tokenizer.feed(decoder.decode(DATA[start : start + size], False, tokenizer.pending))
    tokenizer.feed(decoder.decode(b"", True, tokenizer.pending), final=True)
    assert decoder.error is not None
    # line 3 of the file, the 22nd character of that line, the third field of its record
    assert (decoder.error.line, decoder.error.column, decoder.error.field) == (3, 22, 3)


def test_the_field_follows_the_grammar_past_a_stray_quote() -> None:
    decoder = Decoder("utf-8")
    decoder.use_dialect(",", '"')
    decoder.decode(b'a,b"c,d\n1,2,\xff\n', True)
    assert decoder.error is not None
    assert (decoder.error.line, decoder.error.field) == (2, 3)


def test_a_rewound_record_is_counted_once() -> None:
    decoder = Decoder("utf-8")
    decoder.use_dialect(",", '"')
    decoder.decode(b'a,b\n"x\n')
    decoder.rewind(b'"x\n')  # the unfinished record is given again, whole
    decoder.decode(b'"x\ny",\xff\n')
    assert decoder.error is not None
    assert (decoder.error.line, decoder.error.field) == (3, 2)


def test_lines_are_counted_past_the_first_error() -> None:
    decoder = Decoder("utf-8")
    decoder.decode(b"a\n\xff\nb\n")
    decoder.decode(b"c\n")
    assert decoder.error is not None and decoder.error.line == 2
    assert decoder.lines_before(b"x\x00", 1) == 5  # a NUL in the next block is on line 5


@pytest.mark.parametrize("size", [1, 2, 5, 64])
def test_a_lone_cr_and_a_crlf_cut_between_blocks_are_one_line_break_each(size: int) -> None:
    data = b"a,b\r\nc,d\re,\xff\n"
    decoder = Decoder("utf-8")
    for start in range(0, len(data), size):
        decoder.decode(data[start : start + size])
    assert decoder.error is not None
    # CRLF ends line 1, the lone CR line 2: the bad byte is the 3rd character of line 3
    assert (decoder.error.line, decoder.error.column) == (3, 3)


def test_the_column_after_a_crlf_cut_between_blocks() -> None:
    decoder = Decoder("utf-8")
    for block in (b"a\r", b"\nb", b"c\xff"):
        decoder.decode(block)
    assert decoder.error is not None
    assert (decoder.error.line, decoder.error.column) == (2, 3)


@pytest.mark.parametrize("encoding", ["utf-8", "windows-1252", "utf-16-le"])
def test_the_column_of_a_line_longer_than_several_blocks(encoding: str) -> None:
    # a line of 10,000 characters given in blocks of 1,000 bytes: the line began blocks ago
    text = "id,note\n1," + "é" * 10_000
    bad = b"\xff\xd8" if encoding == "utf-16-le" else b"\x81" if encoding != "utf-8" else b"\xff"
    data = text.encode(encoding) + bad + ",x\n".encode(encoding)
    decoder = Decoder(encoding)
    decoder.use_dialect(",", '"')
    for start in range(0, len(data), 1000):
        decoder.decode(data[start : start + 1000])
    assert decoder.error is not None
    assert (decoder.error.line, decoder.error.column) == (2, 10_003)


def test_the_column_of_a_long_line_through_the_cli(tmp_path: Path) -> None:
    # 2.5 MiB before the bad byte, on one line: three blocks of the file
    (tmp_path / "long.csv").write_bytes(b"a,b,c\nx," + b"q" * (5 << 19) + b"\xff,z\n")
    result = CliRunner().invoke(cli, ["lint", str(tmp_path / "long.csv")])
    assert result.exit_code == 1, result.output
    assert f"character {(5 << 19) + 3} of line 2" in result.output
