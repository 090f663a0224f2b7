"""The library: what ingestion code calls. It never prints, exits or touches the network."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from csvlint.engine.run import LintOptions
from csvlint.engine.sources import blocks_from_bytes, blocks_of, display
from csvlint.report import Report
from csvlint.settings import Settings

if TYPE_CHECKING:
    from csvlint.config.model import ImportConfig
    from csvlint.engine.project import Project

StrPath = str | os.PathLike[str]


def _project(
    settings: Settings | None,
    select: Iterable[str] | None,
    ignore: Iterable[str] | None,
    max_per_rule: int | None,
) -> Project:
    """A project linting with `settings` (defaults when None) and these overrides."""
    from csvlint.engine.project import Project

    chosen = (settings or Settings()).with_options(
        select=tuple(select) if select is not None else None,
        ignore=tuple(ignore) if ignore is not None else None,
        max_per_rule=max_per_rule,
    )
    options = LintOptions(
        selection=chosen.selection(),
        max_per_rule=chosen.max_per_rule,
        field_size_limit=chosen.field_size_limit,
    )
    return Project(chosen, options)


def _path(config: StrPath | None) -> Path | None:
    return None if config is None else Path(config)


def lint(
    path: StrPath,
    *,
    config: StrPath | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    max_per_rule: int | None = None,
    settings: Settings | None = None,
) -> Report:
    """Lint one CSV file (against `config`, an import configuration, when given).

    Raises FileNotFoundError when `path` does not exist; everything wrong with the file itself
    is a finding in the report.
    """
    project = _project(settings, select, ignore, max_per_rule)
    return project.lint_paths([os.fspath(path)], config=_path(config))


def lint_bytes(
    data: bytes,
    *,
    config: StrPath | None = None,
    name: str = "<bytes>",
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    max_per_rule: int | None = None,
    settings: Settings | None = None,
) -> Report:
    """Lint CSV bytes already in memory; findings name the file `name`."""
    project = _project(settings, select, ignore, max_per_rule)
    return project.lint_blocks(name, blocks_from_bytes(data), config=_path(config))


def lint_stream(
    stream: BinaryIO,
    *,
    config: StrPath | None = None,
    name: str = "<stream>",
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    max_per_rule: int | None = None,
    settings: Settings | None = None,
) -> Report:
    """Lint a binary stream, read once from where it stands (an HTTP response, a pipe)."""
    project = _project(settings, select, ignore, max_per_rule)
    return project.lint_blocks(name, blocks_of(stream), config=_path(config))


class ConfigError(ValueError):
    """An import configuration that cannot be used: each problem with its line and pointer."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        super().__init__(f"{path}: " + "; ".join(problems))
        self.path = path
        self.problems = problems


def load_config(path: StrPath) -> ImportConfig:
    """Read an import configuration. Raises FileNotFoundError, or ConfigError when the file is
    not valid YAML/JSON or does not match the schema (`csvlint schema import-config`)."""
    from csvlint.config.load import load_config as read

    loaded = read(Path(path))
    if loaded.config is None:
        problems = [f"line {p.line}: {p.message}" if p.line else p.message for p in loaded.problems]
        raise ConfigError(Path(path), problems)
    return loaded.config


__all__ = ["ConfigError", "display", "lint", "lint_bytes", "lint_stream", "load_config"]
