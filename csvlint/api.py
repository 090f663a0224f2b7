"""The library: what ingestion code calls. It never prints, exits or touches the network."""

from __future__ import annotations

import io
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from csvlint.engine.run import LintOptions
from csvlint.engine.sources import blocks_from_bytes, blocks_of, display
from csvlint.errors import ConfigError, MissingPathError
from csvlint.report import Report
from csvlint.settings import Settings

if TYPE_CHECKING:
    from csvlint.config.model import ImportConfig
    from csvlint.engine.project import Project

StrPath = str | os.PathLike[str]


def _project(
    settings: Settings | None,
    select: Iterable[str] | str | None,
    ignore: Iterable[str] | str | None,
    max_per_rule: int | None,
) -> Project:
    """A project linting with `settings` (defaults when None) and these overrides."""
    from csvlint.engine.project import Project

    chosen = (settings or Settings()).with_options(
        select=_selectors(select),
        ignore=_selectors(ignore),
        max_per_rule=max_per_rule,
    )
    options = LintOptions(
        selection=chosen.selection(),
        max_per_rule=chosen.max_per_rule,
        field_size_limit=chosen.field_size_limit,
    )
    return Project(chosen, options)


def _selectors(given: Iterable[str] | str | None) -> tuple[str, ...] | None:
    """Rule selectors: a string is one selector (`"CSV1"`), or several comma-separated, never
    its letters one by one."""
    if given is None:
        return None
    if isinstance(given, str):
        given = given.split(",")
    return tuple(part.strip() for part in given if part.strip())


def _path(config: StrPath | None) -> Path | None:
    return None if config is None else Path(config)


def lint(
    path: StrPath,
    *,
    config: StrPath | None = None,
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    max_per_rule: int | None = None,
    settings: Settings | None = None,
) -> Report:
    """Lint one CSV file (against `config`, an import configuration, when given).

    Raises MissingPathError (a FileNotFoundError) when `path` does not exist, SettingsError for
    an unknown rule; everything wrong with the file itself is a finding in the report.
    """
    project = _project(settings, select, ignore, max_per_rule)
    return project.lint_paths([os.fspath(path)], config=_path(config))


def lint_bytes(
    data: bytes,
    *,
    config: StrPath | None = None,
    name: str = "<bytes>",
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
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
    select: Iterable[str] | str | None = None,
    ignore: Iterable[str] | str | None = None,
    max_per_rule: int | None = None,
    settings: Settings | None = None,
) -> Report:
    """Lint a binary stream, read once from where it stands (an HTTP response, a pipe).
    Raises TypeError for a text stream: csvlint judges the bytes, encoding included."""
    if isinstance(stream, io.TextIOBase) or not _reads_bytes(stream):
        raise TypeError(
            "lint_stream needs a binary stream (open the file with 'rb', or pass "
            "sys.stdin.buffer); a text stream has already decoded the bytes csvlint checks"
        )
    project = _project(settings, select, ignore, max_per_rule)
    return project.lint_blocks(name, blocks_of(stream), config=_path(config))


def _reads_bytes(stream: object) -> bool:
    """Whether `stream` looks binary: a binary io class, a `mode` with `b`, or, for any other
    object with a `read` (an HTTP response), its blocks are checked as they come."""
    if isinstance(stream, io.BufferedIOBase | io.RawIOBase):
        return True
    mode = getattr(stream, "mode", None)
    if isinstance(mode, str):
        return "b" in mode
    return callable(getattr(stream, "read", None))


def load_config(path: StrPath) -> ImportConfig:
    """Read an import configuration. Raises MissingPathError (a FileNotFoundError) when there
    is no such file, or ConfigError when the file is not valid YAML/JSON or does not match the
    schema (`csvlint schema import-config`)."""
    from csvlint.config.load import load_config as read

    if not Path(path).is_file():
        raise MissingPathError(f"{path}: no such configuration file")
    loaded = read(Path(path))
    if loaded.config is None:
        problems = [f"line {p.line}: {p.message}" if p.line else p.message for p in loaded.problems]
        raise ConfigError(Path(path), problems)
    return loaded.config


__all__ = ["ConfigError", "display", "lint", "lint_bytes", "lint_stream", "load_config"]
