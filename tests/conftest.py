"""Shared test fixtures."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

#: the benchmark's extract generator, shipped in the checkout
MAKE_EXTRACT = Path(__file__).resolve().parents[1] / "benchmarks" / "make_extract.py"


@pytest.fixture(autouse=True, scope="session")
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A cache folder of the test run's own, so that no test reads or writes the user's."""
    folder = tmp_path_factory.mktemp("cache")
    before = os.environ.get("CSVLINT_CACHE_DIR")
    os.environ["CSVLINT_CACHE_DIR"] = str(folder)
    yield folder
    if before is None:
        del os.environ["CSVLINT_CACHE_DIR"]
    else:
        os.environ["CSVLINT_CACHE_DIR"] = before


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary folder as the current directory, with NO_COLOR so outputs are plain."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return tmp_path


@pytest.fixture
def make_extract() -> Path:
    """The path of the benchmark extract generator; the test is skipped without it."""
    if not MAKE_EXTRACT.is_file():
        pytest.skip("benchmarks/make_extract.py is not in this checkout")
    return MAKE_EXTRACT


def generate(folder: Path, rows: int, *extra: str) -> Path:
    """Run the benchmark generator into `folder`; returns the folder."""
    import subprocess

    subprocess.run(
        [sys.executable, str(MAKE_EXTRACT), str(folder), "--rows", str(rows), *extra],
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "0"},
    )
    return folder
