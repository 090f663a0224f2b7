"""Reporters turn a `Report` into text; `--format` chooses one by name from this registry."""

from __future__ import annotations

import importlib
from typing import Protocol, TextIO

from csvlint.report import Report

#: format name -> module that renders it; imported only when chosen
FORMATS: dict[str, str] = {
    "full": "csvlint.reporters.full",
    "concise": "csvlint.reporters.concise",
    "json": "csvlint.reporters.json",
    "sarif": "csvlint.reporters.sarif",
    "github": "csvlint.reporters.github",
    "junit": "csvlint.reporters.junit",
}


class Render(Protocol):
    """Writes `report` to `out`; `color` is true only for a terminal without NO_COLOR."""

    def __call__(self, report: Report, out: TextIO, color: bool) -> None: ...


def reporter(name: str) -> Render:
    """The render function of the format `name`."""
    module = importlib.import_module(FORMATS[name])
    render: Render = module.render
    return render
