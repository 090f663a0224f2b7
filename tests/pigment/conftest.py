"""The fake Pigment, its keys in the environment, and a project whose settings point at it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_pigment import KEYS, FakePigment
from pytest_httpserver import HTTPServer


@pytest.fixture
def pigment(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakePigment]:
    """A fake workspace, with one key of each kind in the environment."""
    for variable in ("PIGMENT_API_KEY",):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("PIGMENT_METADATA_API_KEY", KEYS["metadata"])
    monkeypatch.setenv("PIGMENT_EXPORT_API_KEY", KEYS["export"])
    monkeypatch.setenv("PIGMENT_IMPORT_API_KEY", KEYS["import"])
    yield FakePigment(httpserver)
    httpserver.clear()


@pytest.fixture
def project(in_tmp: Path, pigment: FakePigment) -> Path:
    """The current folder as a project whose settings name the fake's URL."""
    (in_tmp / ".csvlint.toml").write_text(f'[pigment]\nurl = "{pigment.url}"\n')
    return in_tmp
