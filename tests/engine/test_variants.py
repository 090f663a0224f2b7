"""The benchmark's variants of its extract (dense defects, single-byte encodings, CR endings,
wide and narrow) get the same findings with the native scanner as on the exact path alone, and
the findings their defects call for."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from conftest import MAKE_EXTRACT, generate

from csvlint.config.load import load_config_text
from csvlint.engine.context import FileContext
from csvlint.engine.handover import Reader
from csvlint.engine.run import LintOptions, Run
from csvlint.engine.sources import blocks_from_bytes
from csvlint.report import Report

ROWS = 3000


def _variants() -> ModuleType:
    path = MAKE_EXTRACT.parent / "variants.py"
    spec = importlib.util.spec_from_file_location("bench_variants", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_variants"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("extract"), ROWS)


def lint(extract: Path, native: bool) -> Report:
    config_path = extract.with_name(extract.stem + ".import.yaml")
    loaded = load_config_text(config_path.read_text(encoding="utf-8"), config_path)
    assert loaded.config is not None, loaded.problems
    run = Run(LintOptions(native=native, max_per_rule=0))
    context = FileContext(
        str(extract), config=loaded.config, config_path=str(config_path), listed=0
    )
    # blocks of 64 KiB: the scanner hands over at many block seams
    run.lint_csv(context, blocks_from_bytes(extract.read_bytes(), size=64 << 10))
    return run.report()


@pytest.mark.parametrize("kind", _variants().KINDS)
def test_each_variant_reports_the_same_on_both_paths(
    source: Path, tmp_path: Path, kind: str
) -> None:
    extract = _variants().write(source, tmp_path, kind)
    exact = lint(extract, native=False)
    workers = Reader.workers
    try:
        for Reader.workers in (1, 2):
            fast = lint(extract, native=True)
            assert fast.findings == exact.findings
            assert fast.files == exact.files
    finally:
        Reader.workers = workers
    errors = [f for f in exact.findings if f.severity.value == "error"]
    if kind.startswith(("defects-", "items-")):
        every = int(kind.split("-")[1])
        code = "VAL302" if kind.startswith("defects-") else "VAL307"
        assert [f.code for f in errors] == [code] * (ROWS // every)
    else:
        assert errors == []
