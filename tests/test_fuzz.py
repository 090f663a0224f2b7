"""Generated inputs from outside: no exception escapes the library, the native scanner and the
exact path report the same, and any mutation of a configuration gives findings or a
`ConfigError`, never a traceback.

Bounded for the suite; `CSVLINT_FUZZ_EXAMPLES=N` runs each property N times (the command
line's N/50 times): the long run, `CSVLINT_FUZZ_EXAMPLES=34000 pytest tests/test_fuzz.py
--hypothesis-show-statistics`, tries over 100,000 inputs.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import csvlint
from csvlint.cli import cli
from csvlint.config.load import load_config_text
from csvlint.config.model import ImportConfig
from csvlint.engine.context import FileContext
from csvlint.engine.handover import Reader
from csvlint.engine.run import LintOptions, Run
from csvlint.engine.sources import blocks_from_bytes
from csvlint.report import Report


def examples(bounded: int, cost: int = 1) -> int:
    """`bounded` in the suite; with CSVLINT_FUZZ_EXAMPLES set, that many (divided by `cost`
    for a property that runs the whole command line, which takes that much longer)."""
    wanted = os.environ.get("CSVLINT_FUZZ_EXAMPLES")
    return max(1, int(wanted) // cost) if wanted else bounded


FUZZ = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

HEADER = b"Key,Store,Amount,Quantity,Day,Gift,Note"
CONFIG = """\
csvlint: 1
name: Fuzzed
target:
  type: transaction_list
  block: Orders
  properties:
    - {name: Key, type: text, unique: true}
    - {name: Store, type: dimension, list: Store, items: [S1, S2]}
    - {name: Amount, type: number}
    - {name: Quantity, type: integer}
    - {name: Day, type: date}
    - {name: Gift, type: boolean}
    - {name: Note, type: text}
file: {encoding: %(encoding)s, delimiter: %(delimiter)s, quote: %(quote)s}
formats: {decimal_separator: '.', thousands_separator: ',', date_format: yyyy-MM-dd}
columns:
  - {header: Key, property: Key}
  - {header: Store, property: Store, on_missing_item: skip_row}
  - {header: Amount, property: Amount, prefix: $}
  - {header: Quantity, property: Quantity}
  - {header: Day, property: Day}
  - {header: Gift, property: Gift}
  - {header: Note, property: Note}
sample: sample.csv
files: [extracts/*.csv]
"""
DIALECTS = [
    {"encoding": "utf-8", "delimiter": ",", "quote": '"'},
    {"encoding": "utf-8-sig", "delimiter": ";", "quote": '"'},
    {"encoding": "windows-1252", "delimiter": ",", "quote": "'"},
    {"encoding": "utf-16", "delimiter": ",", "quote": '"'},
]


def config_text(dialect: dict[str, str]) -> str:
    """The configuration in a dialect, each setting a YAML string (a `'` quote included)."""
    return CONFIG % {key: json.dumps(value) for key, value in dialect.items()}


#: pieces that make and break CSV: quotes, delimiters, line breaks, bad bytes, marks, values
PIECES = [
    b'"', b"'", b",", b";", b"\t", b"|", b"~", b"\n", b"\r", b"\r\n", b'""', b" ",
    b"a", b"K1", b"S1", b"S9", b"1.5", b"$1,234.5", b"-3", b"12a", b"2026-02-30", b"2024-02-29",
    b"TRUE", b"yes", b"=SUM(A1)", b"\xe9", b"\xc3\xa9", b"\xc3", b"\xff", b"\x00", b"\x81",
    b"\xef\xbb\xbf", b"\xff\xfe", b"\xe2\x80\x99", b"\xed\xa0\x80", b"Key", b"Store",
]  # fmt: skip
VALUES = st.lists(st.sampled_from(PIECES), max_size=4).map(b"".join)


@st.composite
def tables(draw: st.DrawFn) -> bytes:
    """A header and rows of fuzzed values: close to a real extract, so the value rules run."""
    delimiter = draw(st.sampled_from([b",", b";", b"\t"]))
    ending = draw(st.sampled_from([b"\n", b"\r\n", b"\r"]))
    rows = [HEADER.replace(b",", delimiter)]
    for _ in range(draw(st.integers(0, 30))):
        width = draw(st.sampled_from([7, 7, 7, 7, 6, 8, 1]))
        rows.append(delimiter.join(draw(VALUES) for _ in range(width)))
    data = ending.join(rows) + draw(st.sampled_from([ending, b""]))
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from(PIECES)) + data[at:]
    return data


CSV_BYTES = st.one_of(
    st.binary(max_size=300),
    st.lists(st.sampled_from(PIECES), max_size=80).map(b"".join),
    tables(),
)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Configurations of every dialect, each with a sample."""
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "sample.csv").write_bytes(HEADER + b"\nK1,S1,1.5,2,2026-01-02,TRUE,n\n")
    for index, dialect in enumerate(DIALECTS):
        (folder / f"d{index}.import.yaml").write_text(config_text(dialect), encoding="utf-8")
    return folder


def configs(folder: Path) -> list[Path | None]:
    return [None, *(folder / f"d{index}.import.yaml" for index in range(len(DIALECTS)))]


@settings(FUZZ, max_examples=examples(300))
@given(data=CSV_BYTES, which=st.integers(0, len(DIALECTS)))
def test_no_exception_escapes_the_library(project: Path, data: bytes, which: int) -> None:
    config = configs(project)[which]
    from_bytes = csvlint.lint_bytes(data, config=config, name="f.csv")
    from_stream = csvlint.lint_stream(io.BytesIO(data), config=config, name="f.csv")
    assert isinstance(from_bytes, Report)
    assert from_stream.findings == from_bytes.findings
    path = project / "extract.csv"
    path.write_bytes(data)
    from_file = csvlint.lint(path, config=config)
    where = [(f.code, f.line, f.column, f.message) for f in from_bytes.findings]
    assert [(f.code, f.line, f.column, f.message) for f in from_file.findings] == where


@contextmanager
def small_steps() -> Iterator[None]:
    """Hand over between the two paths every few bytes, so that small inputs cross often."""
    saved = Reader.first_piece, Reader.exact_span, Reader.carry_limit
    Reader.first_piece, Reader.exact_span, Reader.carry_limit = 30, 25, 60
    try:
        yield
    finally:
        Reader.first_piece, Reader.exact_span, Reader.carry_limit = saved


_LOADED: dict[int, ImportConfig] = {}


def loaded(which: int) -> ImportConfig | None:
    if which == 0:
        return None
    if which not in _LOADED:
        text = config_text(DIALECTS[which - 1])
        result = load_config_text(text, Path(f"d{which}.import.yaml"))
        assert result.config is not None, result.problems
        _LOADED[which] = result.config
    return _LOADED[which]


def run(data: bytes, which: int, native: bool, block: int) -> Report:
    lint = Run(LintOptions(native=native, max_per_rule=3))
    config = loaded(which)
    context = FileContext(
        "f.csv",
        config=config,
        config_path=None if config is None else f"d{which}.import.yaml",
        listed=3,
    )
    lint.lint_csv(context, blocks_from_bytes(data, size=block))
    return lint.report()


@settings(FUZZ, max_examples=examples(250))
@given(
    data=st.one_of(tables(), CSV_BYTES),
    # UTF-8 and windows-1252 (the scanner reads single-byte encodings), not UTF-16
    which=st.sampled_from([0, 1, 2, 3]),
    block=st.sampled_from([7, 64, 200, 1 << 20]),
)
def test_the_native_path_reports_what_the_exact_path_reports(
    data: bytes, which: int, block: int
) -> None:
    with small_steps():
        exact = run(data, which, False, block)
        fast = run(data, which, True, block)
    assert fast.findings == exact.findings  # hints included
    assert fast.omitted == exact.omitted
    assert fast.files == exact.files


#: what a mutation may splice into a configuration
TOKENS = [
    "{", "}", "[", "]", ":", ": ", "- ", ",", "&a ", "*a", "<<: *a\n", "!!python/object:os.system ",
    "!!binary ", "\t", '"\\ud800"', '"\\udcff"', "null", "~", "1e999", "-1", "0", "true", '""', "'",
    "\x00", "\ufeff", "---\n", "...\n", "%YAML 1.1\n", "? ", "|\n", ">-\n", "#", "\n  ", "\r",
    "/etc/passwd", "../../x", "/abs/*.csv", "**", "[a-", "{a,", "\u2028", "é", "x" * 300,
    "[" * 60, "utf-16", "idna", "rot13", "csvlint: 2\n",
    "id: 00000000-0000-0000-0000-00000000000G\n",
]  # fmt: skip


@st.composite
def mutated_configs(draw: st.DrawFn) -> bytes:
    text = config_text(draw(st.sampled_from(DIALECTS))).encode("utf-8")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        how = draw(st.sampled_from(["insert", "delete", "replace", "duplicate", "bytes"]))
        if how == "insert":
            text = text[:at] + draw(st.sampled_from(TOKENS)).encode("utf-8") + text[at:]
        elif how == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)) :]
        elif how == "replace":
            end = text.find(b"\n", at)
            token = draw(st.sampled_from(TOKENS)).encode("utf-8")
            text = text[:at] + token + (text[end:] if end != -1 else b"")
        elif how == "duplicate":
            start = text.rfind(b"\n", 0, at) + 1
            end = text.find(b"\n", at) + 1 or len(text)
            text = text[:end] + text[start:end] + text[end:]
        else:
            text = text[:at] + draw(st.binary(min_size=1, max_size=4)) + text[at:]
    return text


@settings(FUZZ, max_examples=examples(200))
@given(text=mutated_configs(), suffix=st.sampled_from([".import.yaml", ".import.json"]))
def test_a_mutated_configuration_gives_findings_or_a_config_error(
    project: Path, text: bytes, suffix: str
) -> None:
    path = project / f"mutated{suffix}"
    path.write_bytes(text)
    try:
        config = csvlint.load_config(path)
    except csvlint.ConfigError as error:
        assert error.problems
    else:
        assert config.name is not None
    report = csvlint.verify_config(path)
    assert report.findings, "a mutated configuration verified clean"
    csvlint.lint_bytes(HEADER + b"\nK1,S1,1.5,2,2026-01-02,TRUE,n\n", config=path)


@settings(FUZZ, max_examples=examples(40, cost=50))
@given(text=mutated_configs())
def test_the_command_line_never_shows_a_traceback(project: Path, text: bytes) -> None:
    path = project / "cli.import.yaml"
    path.write_bytes(text)
    runner = CliRunner()
    for args in (["lint", "--format", "json", str(path)], ["config", "verify", str(path)]):
        result = runner.invoke(cli, args)
        assert result.exit_code in (0, 1, 2), (args, result.output, result.exception)
        assert "internal error" not in result.output, result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)
