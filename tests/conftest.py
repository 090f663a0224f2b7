"""Shared test fixtures."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

#: the project's own generator of the benchmark extract and its configuration
#: Python source of `peak_mib()`, for scripts a test runs in a child process: the peak memory
#: of the child itself. `ru_maxrss` is not that on Linux, where a child started from a big test
#: process carries that process's peak across `exec`; VmHWM belongs to the child's own memory.
PEAK_MIB_SOURCE = """
def peak_mib():
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
"""

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
    """The path of the benchmark extract generator (part of the project, never skipped)."""
    assert MAKE_EXTRACT.is_file(), f"{MAKE_EXTRACT} is missing"
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


@pytest.fixture
def pigment(httpserver: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """A fake Pigment workspace (`fake_pigment.py`), with one key of each kind in the
    environment."""
    from fake_pigment import KEYS, FakePigment

    for variable in ("PIGMENT_API_KEY",):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("PIGMENT_METADATA_API_KEY", KEYS["metadata"])
    monkeypatch.setenv("PIGMENT_EXPORT_API_KEY", KEYS["export"])
    monkeypatch.setenv("PIGMENT_IMPORT_API_KEY", KEYS["import"])
    yield FakePigment(httpserver)
    httpserver.clear()


@pytest.fixture
def pigment_project(in_tmp: Path, pigment: Any, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The current folder as a project whose settings name the fake's URL; the commands'
    waits between polls take no time."""
    from csvlint.pigment import client

    monkeypatch.setattr(client, "pause", lambda seconds: None)
    (in_tmp / ".csvlint.toml").write_text(f'[pigment]\nurl = "{pigment.url}"\n')
    return in_tmp
