"""Rewriting a CSV into a configuration's dialect: values never change, doubtful files are refused,
and a failed rewrite leaves every file as it was."""

from __future__ import annotations

import codecs
import csv
import functools
import io
import os
import tempfile
from pathlib import Path
from typing import Literal

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import csvlint.fix
from csvlint.api import lint_bytes
from csvlint.config.model import FileSettings
from csvlint.dialect import Dialect
from csvlint.finding import Severity
from csvlint.fix import (
    MAX_PROBLEMS,
    AtomicOutput,
    FixRefused,
    OutputExists,
    fix_file,
    target_dialect,
)
from csvlint.reader.detect import detect
from csvlint.reader.grammar import Chunk, Irregularity, Tokenizer
from csvlint.reader.sniff import bom_encoding

UTF8 = Dialect("utf-8", False, ",", '"')

CONFIG = """\
csvlint: 1
name: Fixture
target:
  type: transaction_list
  block: Fixture
  properties:
    - {{name: Name, type: text}}
file:
  encoding: {encoding}
  delimiter: "{delimiter}"
  quote: "{quote}"
columns:
  - {{header: Name, property: Name}}
"""


def write_config(folder: Path, encoding: str, delimiter: str, quote: str) -> Path:
    """A minimal import configuration with these file settings."""
    path = folder / "fixture.import.yaml"
    escaped = quote.replace('"', '\\"')
    path.write_text(CONFIG.format(encoding=encoding, delimiter=delimiter, quote=escaped))
    return path


def read_back(
    data: bytes, dialect: Dialect
) -> tuple[list[list[str]], list[Irregularity], set[str]]:
    """The records, anomalies and line endings csvlint's grammar reads from `data`."""
    codec, length = bom_encoding(data)
    if codec == "utf-8":
        data = data[length:]
    text = data.decode(codec or dialect.encoding)
    # no field size limit: the grammar raises the `csv` module's own, so it is put back after
    limit = csv.field_size_limit()
    try:
        chunk = Tokenizer(dialect.delimiter, dialect.quote, 1 << 30).feed(text, final=True)
    finally:
        csv.field_size_limit(limit)
    return chunk.rows or [], chunk.irregularities, set(chunk.endings)


def written_by_csv(
    table: list[list[str]], dialect: Dialect, quoting: Literal[0, 1], ending: str
) -> bytes:
    """`table` as Python's `csv.writer` writes it in `dialect`."""
    buffer = io.StringIO()
    csv.writer(
        buffer,
        delimiter=dialect.delimiter,
        quotechar=dialect.quote,
        quoting=quoting,
        lineterminator=ending,
    ).writerows(table)
    return buffer.getvalue().encode("utf-8-sig" if dialect.bom else dialect.encoding)


def temp_names(folder: Path) -> list[str]:
    """Temporary files a rewrite may have left behind."""
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def lint_errors(data: bytes, target: Dialect, config: Path) -> list[str]:
    """The codes of the errors `csvlint lint` finds in `data` under the configuration.

    Lint reads a file with the dialect it detects, and detection is a guess about realistic
    files: random tables full of delimiters and quotes fool it, and then every record looks
    ragged. Those files are only checked by the grammar, with the dialect they were written in.
    """
    codec, length = bom_encoding(data)
    head = data[length if codec == "utf-8" else 0 :].decode(codec or target.encoding)
    seen = detect(head, final=True, expected_quote=target.quote)
    if seen.delimiter not in (None, target.delimiter) or seen.quote not in (None, target.quote):
        return []
    report = lint_bytes(data, config=config, select=["CSV"])
    return [f.code for f in report.findings if f.severity is Severity.ERROR]


# ---------------------------------------------------------------------------------------------
# the property: any table csv.writer writes, in any source dialect, reads back the same

CHARS = list(",;\t|\"' \r\nab1é€\u00a0王")
VALUES = st.text(st.sampled_from(CHARS), max_size=6)
# header names start with a letter: a table of nothing but whitespace is an empty file to
# csvlint (CSV101), and a file of nothing is no table at all
HEADERS = VALUES.map(lambda value: "h" + value)
ENCODINGS = ("utf-8", "utf-8-sig", "windows-1252")


def encodable(table: list[list[str]], encoding: str) -> bool:
    try:
        "".join("".join(row) for row in table).encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


@st.composite
def tables(draw: st.DrawFn) -> list[list[str]]:
    """Records of one width, the first a header. Never a record of no fields: `csv.writer`
    writes one as a blank line, which every CSV reader takes for one empty field or for
    nothing at all, so it has no faithful reading. A one-field record holding "" is fine:
    `csv.writer` quotes it."""
    width = draw(st.integers(1, 4))
    header = draw(st.lists(HEADERS, min_size=width, max_size=width))
    body = draw(st.lists(st.lists(VALUES, min_size=width, max_size=width), max_size=6))
    return [header, *body]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    table=tables(),
    data=st.data(),
    source_delimiter=st.sampled_from([",", ";", "\t", "|"]),
    source_quote=st.sampled_from(['"', "'"]),
    quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
    source_ending=st.sampled_from(["\n", "\r\n"]),
    target_delimiter=st.sampled_from([",", ";"]),
    target_quote=st.sampled_from(['"', "'"]),
    target_encoding=st.sampled_from(["utf-8", "utf-8-sig", "windows-1252", "utf-16"]),
    line_ending=st.sampled_from(["\n", "\r\n"]),
)
def test_any_table_reads_back_the_same_in_the_target_dialect(
    table: list[list[str]],
    data: st.DataObject,
    source_delimiter: str,
    source_quote: str,
    quoting: Literal[0, 1],
    source_ending: str,
    target_delimiter: str,
    target_quote: str,
    target_encoding: str,
    line_ending: str,
) -> None:
    # `csv.writer` quotes only the characters of its own line terminator: with "\n", a value
    # holding a CR is written bare and every reader (csv's own too) takes the CR for a line break
    assume(
        not (
            quoting == csv.QUOTE_MINIMAL
            and source_ending == "\n"
            and any("\r" in value for row in table for value in row)
        )
    )
    source_encoding = data.draw(
        st.sampled_from([e for e in ENCODINGS if encodable(table, e)]), label="source encoding"
    )
    source = target_dialect(FileSettings(source_encoding, source_delimiter, source_quote))
    config_settings = FileSettings(target_encoding, target_delimiter, target_quote)
    target = target_dialect(config_settings)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = folder / "in.csv"
        path.write_bytes(written_by_csv(table, source, quoting, source_ending))
        out = folder / "out.csv"
        # the source dialect is given, not detected: detection is a guess about realistic
        # files, and random tables full of delimiters and quotes are not realistic
        run = functools.partial(
            fix_file,
            path,
            target,
            output=out,
            line_ending=line_ending,
            from_encoding=source_encoding,
            from_delimiter=source_delimiter,
            from_quote=source_quote,
        )
        if not encodable(table, target_encoding):
            with pytest.raises(FixRefused) as refused:
                run()
            assert refused.value.problems
            assert all(p.line and p.column and "U+" in p.message for p in refused.value.problems)
            assert not out.exists()
            assert temp_names(folder) == []
            return
        result = run()
        written = out.read_bytes()
        config = write_config(folder, target_encoding, target_delimiter, target_quote)
        errors = lint_errors(written, target, config)
    assert result.records == len(table)
    assert written.startswith(codecs.BOM_UTF8) == (target_encoding == "utf-8-sig")
    rows, anomalies, endings = read_back(written, target)
    assert rows == table
    assert anomalies == []
    assert endings == {line_ending}
    assert errors == []


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=120))
def test_any_bytes_are_rewritten_faithfully_or_refused(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as name:
        path, out = Path(name, "in.csv"), Path(name, "out.csv")
        path.write_bytes(data)
        try:
            result = fix_file(path, Dialect("utf-8", False, ";", "'"), output=out)
        except FixRefused as refused:
            assert refused.problems
            assert not out.exists()
            return
        written = out.read_bytes()
    assert read_back(written, result.target)[0] == read_back(data, result.source)[0]


# ---------------------------------------------------------------------------------------------
# refusals


REFUSED = [
    ("ragged", b"a,b\n1,2\n3\n4,5,6\n", "CSV109", 3),
    ("unclosed quote", b'a,b\n1,"x\n2,3\n', "CSV107", 2),
    ("stray quote", b'a,b\n1,x"y\n', "CSV108", 2),
    ("text after a quote", b'a,b\n1,"x"y\n', "CSV108", 2),
    ("space before a quote", b'a,b\n1, "x"\n', "CSV115", 2),
    ("undecodable bytes", b"a,b\n1,caf\xe9\n", "CSV103", 2),
    ("a zip file", b"PK\x03\x04\x14\x00\x00\x00", "CSV102", None),
    ("NUL bytes", b"a,b\n1,\x00\n", "CSV102", None),
    ("empty", b"", "CSV101", None),
    ("a BOM and whitespace", b"\xef\xbb\xbf \r\n\n", "CSV101", None),
    ("unencodable", "a,b\n1,王\n".encode(), None, 2),
]


@pytest.mark.parametrize(
    ("content", "code", "line"),
    [case[1:] for case in REFUSED],
    ids=[case[0] for case in REFUSED],
)
def test_a_doubtful_file_is_refused_and_left_untouched(
    tmp_path: Path, content: bytes, code: str | None, line: int | None
) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(content)
    target = Dialect("windows-1252", False, ";", '"') if code is None else UTF8
    with pytest.raises(FixRefused) as refused:
        fix_file(path, target)
    assert (refused.value.problems[0].code, refused.value.problems[0].line) == (code, line)
    with pytest.raises(FixRefused):
        fix_file(path, target, output=tmp_path / "out.csv")
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


def test_every_problem_is_listed_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(b'a,b\n1,2,3\n2,x"y\n3\n4,5\n')
    with pytest.raises(FixRefused) as refused:
        fix_file(path, UTF8)
    found = [(p.line, p.code) for p in refused.value.problems]
    assert found == [(2, "CSV109"), (3, "CSV108"), (4, "CSV109")]
    assert refused.value.source == Dialect("utf-8", False, ",", '"')


def test_an_unencodable_value_is_named_by_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text('id,city\n1,"two\nlines 王"\n', encoding="utf-8")
    with pytest.raises(FixRefused) as refused:
        fix_file(path, Dialect("windows-1252", False, ",", '"'))
    (problem,) = refused.value.problems
    assert (problem.line, problem.column) == (3, 2)
    assert "'王' (U+738B) in column 2 ('city')" in problem.message


def test_problems_are_counted_beyond_those_listed(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(b"a,b\n" + b"1\n" * (MAX_PROBLEMS + 5))
    with pytest.raises(FixRefused) as refused:
        fix_file(path, UTF8)
    assert len(refused.value.problems) == MAX_PROBLEMS
    assert refused.value.total == MAX_PROBLEMS + 5


def test_undecodable_bytes_name_the_encoding_that_fits(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes("name\nJosé\n".encode("windows-1252"))
    with pytest.raises(FixRefused) as refused:
        fix_file(path, UTF8)
    assert "windows-1252" in refused.value.problems[0].message


def test_a_bom_that_contradicts_the_source_encoding_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(b"\xef\xbb\xbfa,b\n1,2\n")
    with pytest.raises(FixRefused, match="1 problem"):
        fix_file(path, UTF8, output=tmp_path / "out.csv", from_encoding="windows-1252")


# ---------------------------------------------------------------------------------------------
# what is written


def fixed(
    tmp_path: Path,
    content: bytes,
    target: Dialect = UTF8,
    line_ending: str = "\n",
    from_delimiter: str | None = None,
) -> bytes:
    """What rewriting `content` into `target` writes."""
    path, out = tmp_path / "in.csv", tmp_path / "out.csv"
    path.write_bytes(content)
    fix_file(
        path,
        target,
        output=out,
        overwrite=True,
        line_ending=line_ending,
        from_delimiter=from_delimiter,
    )
    return out.read_bytes()


def test_the_dialect_is_converted_and_described(tmp_path: Path) -> None:
    path, out = tmp_path / "in.csv", tmp_path / "out.csv"
    path.write_bytes('id;name;note\r\n1;José;"a;b"\r\n'.encode("windows-1252"))
    result = fix_file(path, UTF8, output=out, from_encoding="windows-1252")
    assert out.read_bytes() == "id,name,note\n1,José,a;b\n".encode()
    assert result.changes == (
        "encoding windows-1252 → utf-8",
        "delimiter ';' → ','",
        "line endings CRLF → LF",
    )
    assert result.written


def test_quotes_only_where_needed_and_doubles_them(tmp_path: Path) -> None:
    content = b'"id","name"\n"1"," padded "\n"2","say ""hi"""\n"3","a,b"\n"4","x\ry"\n'
    assert fixed(tmp_path, content) == b'id,name\n1, padded \n2,"say ""hi"""\n3,"a,b"\n4,"x\ry"\n'


def test_the_target_quote_character_is_used(tmp_path: Path) -> None:
    target = Dialect("utf-8", False, ";", "'")
    content = b'id,name\n1,"it\'s; fine"\n'
    assert fixed(tmp_path, content, target) == b"id;name\n1;'it''s; fine'\n"


def test_crlf_on_request(tmp_path: Path) -> None:
    content = b'a,b\n1,"x\ny"\n'
    assert fixed(tmp_path, content, line_ending="\r\n") == b'a,b\r\n1,"x\ny"\r\n'


@pytest.mark.parametrize(
    ("encoding", "content", "expected"),
    [
        ("utf-8-sig", b"a,b\n1,2\n", b"\xef\xbb\xbfa,b\n1,2\n"),
        ("utf-8", b"\xef\xbb\xbfa,b\n1,2\n", b"a,b\n1,2\n"),
        ("utf-8", "a,b\n1,é\n".encode("utf-16"), "a,b\n1,é\n".encode()),
        ("windows-1252", "a,b\n1,é\n".encode(), "a,b\n1,é\n".encode("windows-1252")),
    ],
)
def test_the_target_encoding_and_byte_order_mark(
    tmp_path: Path, encoding: str, content: bytes, expected: bytes
) -> None:
    target = target_dialect(FileSettings(encoding, ",", '"'))
    assert fixed(tmp_path, content, target) == expected


def test_a_file_that_is_not_utf8_is_read_in_the_configured_encoding(tmp_path: Path) -> None:
    content = "a,b\n1,é\n".encode("windows-1252")
    path = tmp_path / "in.csv"
    path.write_bytes(content)
    result = fix_file(path, Dialect("windows-1252", False, ",", '"'))
    assert (result.changes, result.written, result.source.encoding) == ((), False, "windows-1252")


def test_blank_records_and_a_title_row_are_kept(tmp_path: Path) -> None:
    # the delimiter is given: detection asks the first line, and a title does not split
    content = b"Sales report\nid;name\n1;a\n\n;\n2;b\n"
    expected = b"Sales report\nid,name\n1,a\n\n,\n2,b\n"
    assert fixed(tmp_path, content, from_delimiter=";") == expected


def test_an_empty_value_of_a_single_column_is_quoted(tmp_path: Path) -> None:
    assert fixed(tmp_path, b'name\n""\nx\n', Dialect("utf-8", False, ";", '"')) == b'name\n""\nx\n'


def test_a_first_value_that_starts_like_a_bom_is_quoted(tmp_path: Path) -> None:
    content = "\ufeff\ufeffid;name\n1;2\n".encode()
    written = fixed(tmp_path, content)
    assert written == '"\ufeffid",name\n1,2\n'.encode()
    assert read_back(written, UTF8)[0] == [["\ufeffid", "name"], ["1", "2"]]


def test_the_source_dialect_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(b"id;name\n1;'a;b'\n2;c\n")
    result = fix_file(path, UTF8, output=tmp_path / "out.csv")
    assert result.source == Dialect("utf-8", False, ";", "'")
    assert (tmp_path / "out.csv").read_bytes() == b"id,name\n1,a;b\n2,c\n"


def test_a_file_of_many_blocks_streams_through(tmp_path: Path) -> None:
    # multi-line values and a field longer than the lint limit fall across block boundaries
    table = [["id", "text", "more"]]
    table += [[str(i), f'line {i}\r\nnext, "{i}"', "é" * (i % 7)] for i in range(60_000)]
    table.insert(30_000, ["big", "x" * (3 << 20), ""])
    path, out = tmp_path / "in.csv", tmp_path / "out.csv"
    path.write_bytes(written_by_csv(table, Dialect("utf-8", False, ";", '"'), 0, "\r\n"))
    limit = csv.field_size_limit()
    result = fix_file(path, Dialect("windows-1252", False, ",", "'"), output=out)
    assert csv.field_size_limit() == limit
    assert result.records == len(table)
    assert read_back(out.read_bytes(), result.target)[0] == table


# ---------------------------------------------------------------------------------------------
# files: in place, output, permissions, atomicity


def test_nothing_to_change_leaves_the_file_alone(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(b"a,b\n1,2\n")
    before = path.stat()
    result = fix_file(path, UTF8)
    assert (result.changes, result.written) == ((), False)
    after = path.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert temp_names(tmp_path) == []


def test_nothing_to_change_still_writes_the_output(tmp_path: Path) -> None:
    assert fixed(tmp_path, b"a,b\n1,2\n") == b"a,b\n1,2\n"


def test_in_place_keeps_the_permissions(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(b"a;b\n1;2\n")
    path.chmod(0o640)
    assert fix_file(path, UTF8).written
    assert path.read_bytes() == b"a,b\n1,2\n"
    assert path.stat().st_mode & 0o7777 == 0o640


def test_in_place_through_a_link_rewrites_the_linked_file(tmp_path: Path) -> None:
    real, link = tmp_path / "real.csv", tmp_path / "link.csv"
    real.write_bytes(b"a;b\n1;2\n")
    link.symlink_to(real)
    fix_file(link, UTF8)
    assert link.is_symlink()
    assert real.read_bytes() == b"a,b\n1,2\n"


def test_an_existing_output_needs_overwrite(tmp_path: Path) -> None:
    path, out = tmp_path / "in.csv", tmp_path / "out.csv"
    path.write_bytes(b"a;b\n")
    out.write_bytes(b"keep")
    with pytest.raises(OutputExists):
        fix_file(path, UTF8, output=out)
    assert out.read_bytes() == b"keep"
    fix_file(path, UTF8, output=out, overwrite=True)
    assert out.read_bytes() == b"a,b\n"


def test_the_output_cannot_be_the_input(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(b"a;b\n")
    with pytest.raises(ValueError, match="in place"):
        fix_file(path, UTF8, output=tmp_path / "." / "in.csv", overwrite=True)


def test_a_failed_rename_leaves_the_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(b"a;b\n1;2\n")

    def fail(source: str, destination: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        fix_file(path, UTF8)
    assert path.read_bytes() == b"a;b\n1;2\n"
    assert temp_names(tmp_path) == []


def test_a_failure_mid_write_leaves_the_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = b"a;b\n" + b"1;2\n" * 600_000  # several blocks
    path = tmp_path / "in.csv"
    path.write_bytes(content)
    calls: list[int] = []
    write = AtomicOutput.write

    def fail_later(self: AtomicOutput, data: bytes) -> None:
        calls.append(len(data))
        if len(calls) == 2:
            raise OSError("no space left on device")
        write(self, data)

    monkeypatch.setattr(AtomicOutput, "write", fail_later)
    with pytest.raises(OSError, match="no space"):
        fix_file(path, UTF8)
    assert path.read_bytes() == content
    assert temp_names(tmp_path) == []


def test_a_rewrite_that_would_change_a_value_is_never_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(b"a;b\n1;2\n")
    rewrite = csvlint.fix._Rewrite
    format_chunk = rewrite._format

    def corrupt(self: csvlint.fix._Rewrite, chunk: Chunk, rows: list[list[str]]) -> str:
        return format_chunk(self, chunk, rows).replace("2", "3")

    monkeypatch.setattr(rewrite, "_format", corrupt)
    with pytest.raises(AssertionError, match="same records"):
        fix_file(path, UTF8)
    assert path.read_bytes() == b"a;b\n1;2\n"
    assert temp_names(tmp_path) == []
