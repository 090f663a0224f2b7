"""The native scanner changes nothing but speed: a lint with it and one without report the same
findings, rows and facts, on clean files and on files with every kind of defect, whatever the
block size and wherever the scanner hands over to the exact path and back."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from csvlint.config.load import load_config_text
from csvlint.config.model import ImportConfig
from csvlint.engine import fastpath
from csvlint.engine.context import FileContext
from csvlint.engine.handover import Reader
from csvlint.engine.run import LintOptions, Run
from csvlint.engine.sources import blocks_from_bytes
from csvlint.report import Report
from csvlint.rules.val307_unknown_item import BY_POLICY

CONFIG = """\
csvlint: 1
name: Fast path
target:
  type: transaction_list
  block: Orders
  properties:
    - {name: Key, type: text, unique: true}
    - {name: Store, type: dimension, list: Store, items: [S1, S2, S3]}
    - {name: Amount, type: number}
    - {name: Quantity, type: integer}
    - {name: Day, type: date}
    - {name: Gift, type: boolean}
    - {name: Note, type: text}
file: {encoding: utf-8, delimiter: '%s', quote: '"', layout: flat}
formats: {decimal_separator: '.', thousands_separator: ',', date_format: dd/MM/yyyy}
columns:
  - {header: Key, property: Key}
  - {header: Store, property: Store, on_missing_item: skip_row}
  - {header: Amount, property: Amount}
  - {header: Quantity, property: Quantity}
  - {header: Day, property: Day}
  - {header: Gift, property: Gift}
  - {header: Note, property: Note}
  - {header: Extra}
"""
HEADER = ["Key", "Store", "Amount", "Quantity", "Day", "Gift", "Note", "Extra"]


def config(delimiter: str, encoding: str = "utf-8") -> ImportConfig:
    text = (CONFIG % delimiter).replace("encoding: utf-8", f"encoding: {encoding}")
    loaded = load_config_text(text, Path("fast.import.yaml"))
    assert loaded.config is not None, loaded.problems
    return loaded.config


GOOD = {
    "Store": st.sampled_from(["S1", "S2", "S3", ""]),
    "Amount": st.sampled_from(["1,234.5", "-7", "0.25", "1234567", ""]),
    "Quantity": st.sampled_from(["3", "12", "-4", "1,000", "5.00"]),
    "Day": st.sampled_from(["28/11/2026", "29/02/2024", "01/01/2000"]),
    "Gift": st.sampled_from(["TRUE", "false", "1", ""]),
    "Note": st.text(alphabet=list("ab ,;\"\n\r'é王"), max_size=6),
    "Extra": st.text(alphabet=list("xy=+- "), max_size=4),
}
#: values each column's rules report
BAD = st.sampled_from(
    ["", " S1", "S9", "12,34", "7.5", "seven", "31/02/2023", "2026-11-28", "yes", "=SUM(A1)", "x"]
)
#: bytes that break the structure, spliced into the written file
JUNK = st.sampled_from(
    [b'"', b"\n", b"\r", b"\r\n", b",", b";", b"\n\n", b'x"y', b'" ', b"\xff", b"\xc3", b"\x00"]
)


@st.composite
def extracts(draw: st.DrawFn, defects: bool = True) -> tuple[bytes, str]:
    """A file the configuration receives: clean rows, and with `defects` some bad values and
    some broken bytes."""
    delimiter = draw(st.sampled_from([",", ";"]))
    ending = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    count = draw(st.integers(1, 40))
    rows = [HEADER]
    for number in range(count):
        repeat = defects and draw(st.integers(0, 30)) == 0
        row = [f"K{max(0, number - 3)}" if repeat else f"K{number}"]
        row += [draw(GOOD[name]) for name in HEADER[1:]]
        if defects and draw(st.integers(0, 6)) == 0:
            row[draw(st.integers(0, len(row) - 1))] = draw(BAD)
        rows.append(row)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=ending, quoting=csv.QUOTE_MINIMAL)
    for row in rows:
        if any("\r" in value for value in row):
            quoted = ['"' + v.replace('"', '""') + '"' for v in row]
            out.write(delimiter.join(quoted) + ending)
        else:
            writer.writerow(row)
    data = out.getvalue().encode("utf-8")
    for _ in range(draw(st.integers(0, 2 if defects else 0))):
        at = draw(st.integers(len(ending) + 40, max(len(ending) + 40, len(data))))
        data = data[:at] + draw(JUNK) + data[at:]
    return data, delimiter


class Spy:
    """A scanner that counts the records it vouched for."""

    vouched = 0

    def __init__(self, scanner: Any) -> None:
        self.scanner = scanner

    def scan(self, *args: Any) -> Any:
        result = self.scanner.scan(*args)
        Spy.vouched += result[1]
        return result

    def check(self, *args: Any) -> Any:
        return self.scanner.check(*args)

    def commit(self, *args: Any) -> Any:
        result = self.scanner.commit(*args)
        Spy.vouched += result[1]
        return result


@pytest.fixture
def small_steps(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Hand over between the paths every few bytes, and watch the scanner."""
    monkeypatch.setattr(Reader, "first_piece", 30)
    monkeypatch.setattr(Reader, "exact_span", 25)
    monkeypatch.setattr(Reader, "widest_span", 400)
    monkeypatch.setattr(Reader, "carry_limit", 60)
    made = fastpath.scanner_for

    def spied(*args: Any, **options: Any) -> Any:
        scanner = made(*args, **options)
        return None if scanner is None else Spy(scanner)

    monkeypatch.setattr(fastpath, "scanner_for", spied)
    Spy.vouched = 0
    yield


#: a metric of one dimension column: the scanner keeps its values as the combinations
METRIC = """\
csvlint: 1
name: Fast metric
target:
  type: metric
  block: Revenue
  dimensions: [{name: Country, items: [FR, DE, ES, NO]}, {name: Version}]
  value_type: number
file: {encoding: utf-8, delimiter: '%s', quote: '"', layout: flat}
columns:
  - {header: Country, dimension: Country, on_missing_item: blank}
  - {header: Amount, value: true}
  - {header: Note}
constants: [{dimension: Version, value: Actual}]
"""


def metric(delimiter: str) -> ImportConfig:
    loaded = load_config_text(METRIC % delimiter, Path("fast.import.yaml"))
    assert loaded.config is not None, loaded.problems
    return loaded.config


def lint(
    data: bytes,
    delimiter: str,
    native: bool,
    block: int,
    max_per_rule: int = 0,
    configure: Any = None,
    encoding: str = "utf-8",
) -> Report:
    run = Run(LintOptions(native=native, max_per_rule=max_per_rule))
    context = FileContext(
        "fast.csv",
        config=config(delimiter, encoding) if configure is None else configure(delimiter),
        config_path="fast.import.yaml",
        listed=max_per_rule,
    )
    run.lint_csv(context, blocks_from_bytes(data, size=block))
    return run.report()


def same(
    data: bytes,
    delimiter: str,
    block: int,
    max_per_rule: int = 0,
    configure: Any = None,
    encoding: str = "utf-8",
) -> Report:
    """Lint on the exact path alone, then with the scanner, serial and with blocks checked
    ahead in threads; all three must agree. `configure(delimiter)` gives the configuration
    (default: the test's own, in `encoding`)."""
    exact = lint(data, delimiter, False, block, max_per_rule, configure, encoding)
    workers = Reader.workers
    try:
        for Reader.workers in (1, 2):
            fast = lint(data, delimiter, True, block, max_per_rule, configure, encoding)
            assert fast.findings == exact.findings
            assert fast.omitted == exact.omitted
            assert fast.files == exact.files
    finally:
        Reader.workers = workers
    return fast


@settings(
    max_examples=int(os.environ.get("FASTPATH_EXAMPLES", "250")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(extracts(), st.sampled_from([7, 64, 200, 1 << 20]))
def test_both_paths_report_the_same(
    small_steps: None, extract: tuple[bytes, str], block: int
) -> None:
    data, delimiter = extract
    same(data, delimiter, block)
    same(data, delimiter, block, max_per_rule=2)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(extracts(defects=False))
def test_the_scanner_reads_clean_files(small_steps: None, extract: tuple[bytes, str]) -> None:
    data, delimiter = extract
    assume(data.count(b"\n") > 12)
    Spy.vouched = 0
    report = same(data, delimiter, 64)
    assert report.files[0].rows
    # a record with a line break inside quotes is the exact path's: the scanner is owed a
    # share only of files where such records are few
    records = list(
        csv.reader(io.StringIO(data.decode("utf-8", "replace"), newline=""), delimiter=delimiter)
    )
    broken = sum(any("\n" in f or "\r" in f for f in record) for record in records)
    if broken * 4 < len(records):
        assert Spy.vouched > 0, "the scanner read nothing of a clean file"


def test_a_long_clean_file_is_read_by_the_scanner(small_steps: None) -> None:
    rows = [",".join(HEADER)] + [f"K{i},S1,1.5,2,28/11/2026,TRUE,n,x" for i in range(3000)]
    data = ("\n".join(rows) + "\n").encode()
    report = same(data, ",", 4096)
    assert report.findings == () and report.files[0].rows == 3000
    assert Spy.vouched > 2900


def test_a_duplicate_key_far_apart_is_found_with_its_first_line(small_steps: None) -> None:
    rows = [",".join(HEADER)] + [f"K{i},S1,1.5,2,28/11/2026,TRUE,n,x" for i in range(2000)]
    rows.append("K17,S1,1.5,2,28/11/2026,TRUE,n,x")
    data = ("\n".join(rows) + "\n").encode()
    report = same(data, ",", 4096)
    assert [(f.code, f.line) for f in report.findings] == [("VAL306", 2002)]
    assert "line 19" in report.findings[0].message
    assert Spy.vouched > 1900


def test_a_nul_anywhere_in_a_block_is_found_at_its_line(small_steps: None) -> None:
    # blocks checked ahead are not searched for NUL when the scanner read them to their end
    # (it refuses NUL): a NUL in a block's first line (before the guess), in its middle, in
    # its last, unfinished record (carried into the next block) or at its very end must still
    # be found, at its line, as the exact path finds it
    row = "K{},S1,1.5,2,28/11/2026,TRUE,n,x\n"
    head = (",".join(HEADER) + "\n").encode()
    body = b"".join(row.format(i).encode() for i in range(400))
    clean, block = head + body, 512
    # offsets in the file: block 1 starts at 512, its first line ends some 34 bytes later
    for at in (*range(block, block + 40), *range(3 * block - 40, 3 * block + 40), len(clean) - 3):
        data = clean[:at] + b"\x00" + clean[at:]
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        report = same(data, ",", block)
        assert ("CSV102", line) in [(f.code, f.line) for f in report.findings], at


@pytest.mark.parametrize("stray", [b'"', b"\r", b"\n", b","])
def test_a_stray_byte_anywhere_in_a_long_field_is_found_as_exactly(
    small_steps: None, stray: bytes
) -> None:
    # an unquoted field is searched sixteen bytes at a time: a quote, line break or delimiter
    # at any offset of a long field, near a block's end or not, is found where a byte-by-byte
    # search finds it
    head = (",".join(HEADER) + "\n").encode()
    note = "abcdefghij klmnopqrst uvwxyz 0123456789 é王 ABCDEFGHIJ"  # 57 bytes
    body = b"".join(f"K{i},S1,1.5,2,28/11/2026,TRUE,{note},x\n".encode() for i in range(40))
    clean = head + body
    start = clean.index(note.encode(), len(head) + 20 * 90)
    Spy.vouched = 0
    assert same(clean, ",", 256).findings == ()
    assert Spy.vouched >= 30
    for offset in range(len(note.encode()) + 1):
        at = start + offset
        data = clean[:at] + stray + clean[at:]
        exact = lint(data, ",", False, 1 << 20)
        assert exact.findings, (stray, offset)  # the stray byte is a defect on its own
        for block in (200, 256, 1000):
            assert same(data, ",", block).findings == exact.findings


def test_an_unclosed_quote_is_left_to_the_exact_path(small_steps: None) -> None:
    rows = [",".join(HEADER)] + [f"K{i},S1,1.5,2,28/11/2026,TRUE,n,x" for i in range(300)]
    rows[150] = 'K149,S1,1.5,2,28/11/2026,TRUE,"never closed,x'
    data = ("\n".join(rows) + "\n").encode()
    report = same(data, ",", 512)
    assert ("CSV107", 151) in {(f.code, f.line) for f in report.findings}


@st.composite
def metric_extracts(draw: st.DrawFn) -> tuple[bytes, str]:
    """A file of the one-dimension metric: known, unknown and blank items, some repeated."""
    delimiter = draw(st.sampled_from([",", ";"]))
    countries = draw(
        st.lists(st.sampled_from(["FR", "DE", "ES", "NO", "IT", "", " FR", "X1", "X2", "X3"]),
                 min_size=1, max_size=40)
    )  # fmt: skip
    rows = [["Country", "Amount", "Note"]]
    for number, country in enumerate(countries):
        fresh = f"C{number}" if draw(st.integers(0, 2)) else country
        rows.append([fresh, draw(st.sampled_from(["1.5", "-2", "", "x"])), "n"])
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return out.getvalue().encode("utf-8"), delimiter


@pytest.mark.parametrize("ending", ["\r", "\r\n", "\n"])
def test_every_line_ending_is_read_by_the_scanner_across_blocks(
    small_steps: None, ending: str
) -> None:
    rows = [",".join(HEADER)] + [f"K{i},S1,1.5,2,28/11/2026,TRUE,n,x" for i in range(3000)]
    rows[2000] = 'K1999,S1,1.5,2,28/11/2026,TRUE,"two\rlines",x'
    data = (ending.join(rows) + ending).encode()
    report = same(data, ",", 4096)
    assert report.findings == () and report.files[0].rows == 3000
    assert Spy.vouched > 2900


def test_a_crlf_among_cr_endings_is_found_at_a_block_seam(small_steps: None) -> None:
    rows = [",".join(HEADER)] + [f"K{i},S1,1.5,2,28/11/2026,TRUE,n,x" for i in range(3000)]
    data = ("\r".join(rows) + "\r").encode()
    # the first CR after byte 4096 (a block's guess at a record boundary) becomes a CRLF
    at = data.index(b"\r", 4096)
    data = data[: at + 1] + b"\n" + data[at + 1 :]
    report = same(data, ",", 4096)
    assert [f.code for f in report.findings] == ["CSV111"]


@pytest.mark.parametrize("every", [1, 2, 10, 150])
def test_dense_defects_are_each_found_once(small_steps: None, every: int) -> None:
    rows = [",".join(HEADER)] + [f"K{i},S1,1.5,2,28/11/2026,TRUE,n,x" for i in range(3000)]
    for i in range(every, len(rows), every):
        rows[i] = rows[i].replace(",2,", ",seven,")
    data = ("\n".join(rows) + "\n").encode()
    report = same(data, ",", 4096, max_per_rule=3)
    assert report.files[0].rows == 3000
    assert len(report.findings) == 3
    assert [f.line for f in report.findings] == [every + 1, 2 * every + 1, 3 * every + 1]
    assert sum(o.count for o in report.omitted) == 3000 // every - 3


#: the single-byte encodings the scanner reads, and what each cannot decode
SINGLE_BYTE = ["windows-1252", "latin-1", "iso-8859-15", "cp1250"]


def recoded(data: bytes, encoding: str) -> bytes:
    """An extract written as UTF-8, in a single-byte encoding: characters it lacks become "?",
    stray bytes stay as they were."""
    text = data.decode("utf-8", "surrogateescape")
    kept = "".join(c if _fits(c, encoding) else "?" for c in text)
    return kept.encode(encoding, "surrogateescape")


def _fits(character: str, encoding: str) -> bool:
    try:
        character.encode(encoding, "surrogateescape")
    except UnicodeEncodeError:
        return False
    return True


@settings(
    max_examples=int(os.environ.get("FASTPATH_EXAMPLES", "250")) // 2,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(metric_extracts(), st.sampled_from([7, 64, 1 << 20]))
def test_both_paths_report_the_same_on_a_metric(
    small_steps: None, extract: tuple[bytes, str], block: int
) -> None:
    data, delimiter = extract
    same(data, delimiter, block, configure=metric)


def without_items(delimiter: str) -> ImportConfig:
    text = METRIC.replace("{name: Country, items: [FR, DE, ES, NO]}", "{name: Country}")
    loaded = load_config_text(text % delimiter, Path("fast.import.yaml"))
    assert loaded.config is not None, loaded.problems
    return loaded.config


def test_blank_items_and_repeated_combinations_far_apart(small_steps: None) -> None:
    rows = ["Country,Amount,Note"] + [f"C{i},1.5,n" for i in range(2000)]
    rows += ["C17,2,n", ",3,n"]
    data = ("\n".join(rows) + "\n").encode()
    report = same(data, ",", 4096, configure=without_items)
    found = [(f.code, f.line) for f in report.findings if f.code in ("VAL311", "VAL312")]
    assert found == [("VAL312", 2002), ("VAL311", 2003)]
    assert "line 19" in next(f.message for f in report.findings if f.code == "VAL312")
    assert Spy.vouched > 1900


def test_a_metric_of_several_dimension_columns_is_read_exactly(small_steps: None) -> None:
    two = METRIC.replace("  - {header: Note}", "  - {header: Note, dimension: Version}").replace(
        "constants: [{dimension: Version, value: Actual}]\n", ""
    )

    def configure(delimiter: str) -> ImportConfig:
        loaded = load_config_text(two % delimiter, Path("fast.import.yaml"))
        assert loaded.config is not None, loaded.problems
        return loaded.config

    rows = ["Country,Amount,Note"] + [f"FR,{i},v{i % 500}" for i in range(1000)]
    data = ("\n".join(rows) + "\n").encode()
    report = same(data, ",", 4096, configure=configure)
    repeats = [f.line for f in report.findings if f.code == "VAL312"]
    assert repeats == list(range(502, 1002))
    assert Spy.vouched == 0


def test_a_metric_of_dimension_values_reads_alike(small_steps: None) -> None:
    owner = (
        METRIC.replace("value_type: number", "value_type: dimension\n  list: Employee\n"
                       "  items: [E1, E2]")
        .replace("{name: Country, items: [FR, DE, ES, NO]}", "{name: Country}")
        .replace("{header: Amount, value: true}", "{header: Amount, value: true, "
                 "on_missing_item: skip_row}")
    )  # fmt: skip

    def configure(delimiter: str) -> ImportConfig:
        loaded = load_config_text(owner % delimiter, Path("fast.import.yaml"))
        assert loaded.config is not None, loaded.problems
        return loaded.config

    rows = ["Country,Amount,Note"] + [f"C{i},E{1 + i % 2},n" for i in range(1500)]
    rows[700] = "C699,E7,n"
    rows[900] = "C899,,n"
    rows[1200] = "C1199, E1,n"
    data = ("\n".join(rows) + "\n").encode()
    report = same(data, ",", 4096, configure=configure)
    assert [(f.code, f.line) for f in report.findings] == [
        ("VAL307", 701),
        ("VAL307", 1201),
        ("VAL308", 1201),
    ]
    assert Spy.vouched > 1400


def test_a_metric_of_several_dimension_columns_keeps_the_scanner_without_val312(
    small_steps: None,
) -> None:
    from csvlint.settings import Settings

    two = METRIC.replace("  - {header: Note}", "  - {header: Note, dimension: Version}").replace(
        "constants: [{dimension: Version, value: Actual}]\n", ""
    )
    loaded = load_config_text(two % ",", Path("fast.import.yaml"))
    assert loaded.config is not None
    rows = ["Country,Amount,Note"] + [f"FR,{i},v{i % 500}" for i in range(1000)]
    data = ("\n".join(rows) + "\n").encode()
    selection = Settings().with_options(ignore=("VAL312",)).selection()
    found = []
    for native in (False, True):
        run = Run(LintOptions(native=native, selection=selection))
        run.lint_csv(FileContext("m.csv", config=loaded.config), blocks_from_bytes(data, 4096))
        found.append(run.report().findings)
    assert found[0] == found[1]
    assert Spy.vouched > 900


def test_items_from_a_file_feed_the_scanner(small_steps: None, tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "stores.csv").write_bytes(
        b"\xef\xbb\xbfCode;Name\nS1;One\nS2;Two\nS3;Three\nS4;Four\n"
    )
    text = CONFIG.replace("items: [S1, S2, S3]", "items: {file: stores.csv, column: Code}")
    loaded = load_config_text(text % ",", tmp_path / "fast.import.yaml")
    assert loaded.config is not None, loaded.problems
    rows = [",".join(HEADER)] + [
        f"K{i},S{1 + i % 4},1.5,2,28/11/2026,TRUE,n,x" for i in range(2000)
    ]
    rows[1500] = "K1499,S9,1.5,2,28/11/2026,TRUE,n,x"
    data = ("\n".join(rows) + "\n").encode()
    report = same(data, ",", 4096, configure=lambda delimiter: loaded.config)
    assert [(f.code, f.line) for f in report.findings] == [("VAL307", 1501)]
    assert Spy.vouched > 1900


@settings(
    max_examples=int(os.environ.get("FASTPATH_EXAMPLES", "250")) // 2,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    extracts(),
    st.sampled_from(SINGLE_BYTE),
    st.sampled_from([7, 200, 1 << 20]),
    st.sampled_from([b"", b"\x81", "é".encode("latin-1"), "ëK".encode("latin-1")]),
    st.integers(0, 400),
)
def test_single_byte_encodings_report_the_same(
    small_steps: None,
    extract: tuple[bytes, str],
    encoding: str,
    block: int,
    spliced: bytes,
    at: int,
) -> None:
    data, delimiter = extract
    data = recoded(data, encoding)
    at = min(len(data), 40 + at)
    same(data[:at] + spliced + data[at:], delimiter, block, encoding=encoding)


@pytest.mark.parametrize("encoding", SINGLE_BYTE)
def test_a_single_byte_file_is_read_by_the_scanner(small_steps: None, encoding: str) -> None:
    rows = [",".join(HEADER)] + [f"K{i},S1,1.5,2,28/11/2026,TRUE,Zoë,x" for i in range(3000)]
    rows[100] = "Kë99,S1,1.5,2,28/11/2026,TRUE,Zoë,x"  # a non-ASCII key: the exact path's
    rows[200] = "K199,S1,1.5,2,28/11/2026,TRUE,Zoë ,x"
    data = ("\n".join(rows) + "\n").encode(encoding)
    report = same(data, ",", 4096, encoding=encoding)
    assert [f.code for f in report.findings] == [] and report.files[0].rows == 3000
    assert Spy.vouched > 2900


def test_an_encoding_the_scanner_cannot_read_is_left_to_the_exact_path() -> None:
    assert fastpath.single_byte_table("utf-16-le") is None
    assert fastpath.single_byte_table("cp037") is None  # EBCDIC: ASCII is not itself
    assert fastpath.single_byte_table("shift_jis") is None
    table = fastpath.single_byte_table("windows-1252")
    assert table is not None and table[0x81] == 0 and table[0x80] == 1 and table[ord("a")] == 1


#: a value of each format column that its format rejects, with the rule that reports it
INVALID = {
    "Amount": ("12,34", "VAL301"),
    "Quantity": ("7.5", "VAL310"),
    "Day": ("31/02/2023", "VAL303"),
    "Gift": ("yes", "VAL304"),
}


def spoiled(every: int, column: str, value: str, ending: str = "\n") -> bytes:
    """A long clean file with `value` in `column` every `every` rows."""
    rows = [HEADER] + [
        [f"K{i}", "S1", "1.5", "2", "28/11/2026", "TRUE", "n", "x"] for i in range(3000)
    ]
    for row in rows[every::every]:
        row[HEADER.index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator=ending).writerows(rows)
    return out.getvalue().encode()


@pytest.mark.parametrize("column", sorted(INVALID))
@pytest.mark.parametrize("every", [1, 7])
def test_invalid_formats_on_many_rows_are_read_by_the_scanner(
    small_steps: None, column: str, every: int
) -> None:
    value, code = INVALID[column]
    data = spoiled(every, column, value)
    for listed in (0, 3):
        report = same(data, ",", 4096, max_per_rule=listed)
        found = [f for f in report.findings if f.code == code]
        assert len(found) + sum(o.count for o in report.omitted) == 3000 // every
        assert [f.line for f in found[:3]] == [every + 1, 2 * every + 1, 3 * every + 1]
        assert found[0].message and found[0].column == HEADER.index(column) + 1
    # the records with the invalid values are read natively, not handed to the exact path
    assert Spy.vouched > 2 * 2900


def test_a_record_with_an_invalid_format_and_another_problem_is_read_exactly(
    small_steps: None,
) -> None:
    rows = [",".join(HEADER)] + [f"K{i},S1,1.5,seven,28/11/2026,TRUE,n,x" for i in range(2000)]
    rows[500] = "K499,S9,1.5,seven,28/11/2026,TRUE,n,x"  # an unknown item: declined
    rows[900] = " K899,S1,x,seven,28/11/2026,TRUE,n,x"  # a padded key: declined
    rows[1300] = "K17,S1,1.5,seven,28/11/2026,TRUE,n,x"  # a repeated key, mid-block
    rows[1700] = 'K1699,S1,"1""5",seven,28/11/2026,TRUE,"two\nlines",x'
    data = ("\n".join(rows) + "\n").encode()
    report = same(data, ",", 4096)
    codes = {(f.code, f.line) for f in report.findings}
    assert {("VAL307", 501), ("VAL308", 901), ("VAL301", 901), ("VAL306", 1301)} <= codes
    # the record of two lines, and the record after it, a line further
    assert {("VAL301", 1701), ("VAL302", 1701), ("VAL302", 1703)} <= codes
    assert ("VAL302", 1702) not in codes
    assert sum(1 for f in report.findings if f.code == "VAL302") == 2000
    assert [f.record for f in report.findings if f.code == "VAL302"][-1] == 2000
    assert Spy.vouched > 1900


def test_invalid_formats_in_a_single_byte_encoding(small_steps: None) -> None:
    rows = [",".join(HEADER)] + [f"K{i},S1,1.5,2,28/11/2026,TRUE,Zoë,x" for i in range(2000)]
    for i in range(1, len(rows), 3):
        rows[i] = rows[i].replace(",1.5,", ",1é5,").replace(",TRUE,", ",vrai,")
    rows[400] = rows[400].replace(",TRUE,", ",oui ç,")  # non-ASCII: the exact path judges it
    for encoding in ("windows-1252", "latin-1"):
        data = ("\r\n".join(rows) + "\r\n").encode(encoding)
        report = same(data, ",", 4096, encoding=encoding)
        assert any("1é5" in f.message for f in report.findings)
        assert {f.code for f in report.findings} == {"VAL301", "VAL304"}
        same(data, ",", 4096, max_per_rule=2, encoding=encoding)


@pytest.mark.parametrize("ending", ["\r", "\r\n"])
def test_invalid_formats_with_other_line_endings(small_steps: None, ending: str) -> None:
    report = same(spoiled(2, "Quantity", "seven", ending), ",", 4096, max_per_rule=4)
    assert [f.line for f in report.findings] == [3, 5, 7, 9]
    assert Spy.vouched > 2900


def test_invalid_formats_under_fail_fast_an_ignored_rule_and_a_severity(
    small_steps: None,
) -> None:
    from csvlint.settings import Settings

    data = spoiled(1, "Quantity", "seven")
    data = data.replace(b"K10,S1,1.5", b"K10,S1,bad", 1)
    for options in (
        {"fail_fast": True},
        {"selection": Settings().with_options(ignore=("VAL302",)).selection()},
        {"selection": Settings().with_options(ignore=("VAL301",)).selection()},
        {"selection": Settings().with_options(select=("VAL301",)).selection()},
        {"max_per_rule": 1},
    ):
        found = []
        for native in (False, True):
            run = Run(LintOptions(native=native, **options))
            context = FileContext("f.csv", config=config(","), listed=run.options.max_per_rule)
            run.lint_csv(context, blocks_from_bytes(data, 4096))
            found.append(run.report())
        assert found[0].findings == found[1].findings, options
        assert found[0].omitted == found[1].omitted, options
        assert found[0].findings or options.get("selection"), options


#: values of the format and item columns, valid and not, for files where most rows hold an
#: invalid one
FORMATS = {
    "Store": st.sampled_from(["S1", "S9", "s1", "S1 ", "", "Sé", "X", '"S""1"']),
    "Amount": st.sampled_from(["1,234.5", "-7", "", "12,34", "1.2.3", "x", '"1""5"', "1é"]),
    "Quantity": st.sampled_from(["3", "-4", "1,000", "7.5", "seven", "1,0", "5.00", "1 000"]),
    "Day": st.sampled_from(["28/11/2026", "", "31/02/2023", "2026-11-28", "29/02/2023"]),
    "Gift": st.sampled_from(["TRUE", "false", "", "yes", "vrai", "TRUE "]),
}


@st.composite
def dense_extracts(draw: st.DrawFn) -> tuple[bytes, str]:
    """A file whose format and item columns are mostly invalid, with the other defects now and
    then."""
    delimiter = draw(st.sampled_from([",", ";"]))
    ending = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    rows = [HEADER]
    for number in range(draw(st.integers(1, 40))):
        row = [f"K{max(0, number - 3)}" if draw(st.integers(0, 15)) == 0 else f"K{number}"]
        for name in HEADER[1:]:
            mostly_bad = name in FORMATS and draw(st.integers(0, 3))
            row.append(draw(FORMATS[name] if mostly_bad else GOOD[name]))
        if draw(st.integers(0, 8)) == 0:
            row[draw(st.integers(0, len(row) - 1))] = draw(BAD)
        rows.append(row)
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator=ending).writerows(rows)
    data = out.getvalue().encode("utf-8")
    for _ in range(draw(st.integers(0, 1))):
        at = draw(st.integers(len(ending) + 40, max(len(ending) + 40, len(data))))
        data = data[:at] + draw(JUNK) + data[at:]
    return data, delimiter


@settings(
    max_examples=int(os.environ.get("FASTPATH_EXAMPLES", "250")) // 2,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(dense_extracts(), st.sampled_from([7, 64, 1 << 20]), st.sampled_from([0, 1, 3]))
def test_both_paths_report_the_same_where_most_values_are_invalid(
    small_steps: None, extract: tuple[bytes, str], block: int, listed: int
) -> None:
    data, delimiter = extract
    same(data, delimiter, block, max_per_rule=listed)


@pytest.mark.parametrize("policy", ["skip_row", "blank", "create"])
@pytest.mark.parametrize("every", [1, 7])
def test_unknown_items_on_many_rows_are_read_by_the_scanner(
    small_steps: None, policy: str, every: int
) -> None:
    text = CONFIG.replace("on_missing_item: skip_row", f"on_missing_item: {policy}")

    def configure(delimiter: str) -> ImportConfig:
        loaded = load_config_text(text % delimiter, Path("fast.import.yaml"))
        assert loaded.config is not None, loaded.problems
        return loaded.config

    data = spoiled(every, "Store", "S9")
    data = data.replace(b"K100,S9,", b"K100, S9,").replace(b"K200,S9,", b"K200,,")
    for listed in (0, 2):
        report = same(data, ",", 4096, max_per_rule=listed, configure=configure)
        unknown = [f for f in report.findings if f.code == "VAL307"]
        counted = len(unknown) + sum(o.count for o in report.omitted if o.code == "VAL307")
        assert counted == 3000 // every - (every == 1)  # the blank one is VAL311's
        assert unknown[0].severity is BY_POLICY[policy]
    assert Spy.vouched > 2 * 2900


def test_unknown_items_of_a_metric_reported_alike(small_steps: None) -> None:
    rows = ["Country,Amount,Note"] + [f"IT,{i},n" for i in range(1500)]
    data = ("\n".join(rows) + "\n").encode()
    # the one dimension column holds the combinations: repeated ones are read exactly
    report = same(data, ",", 4096, configure=metric)
    assert {f.code for f in report.findings} == {"VAL307", "VAL312"}


@pytest.mark.parametrize("items", [True, False])
@pytest.mark.parametrize("every", [1, 5])
def test_padded_items_on_many_rows_are_read_by_the_scanner(
    small_steps: None, items: bool, every: int
) -> None:
    text = CONFIG if items else CONFIG.replace(", items: [S1, S2, S3]", "")

    def configure(delimiter: str) -> ImportConfig:
        loaded = load_config_text(text % delimiter, Path("fast.import.yaml"))
        assert loaded.config is not None, loaded.problems
        return loaded.config

    data = spoiled(every, "Store", "S1  ").replace(b"K30,S1  ,", b"K30,S\xc2\xa0,")
    for listed in (0, 2):
        report = same(data, ",", 4096, max_per_rule=listed, configure=configure)
        for code in ("VAL307", "VAL308") if items else ("VAL308",):
            found = [f for f in report.findings if f.code == code]
            counted = len(found) + sum(o.count for o in report.omitted if o.code == code)
            assert counted == 3000 // every, code
        assert items or {f.code for f in report.findings} == {"VAL308"}
    assert Spy.vouched > 2 * 2900
