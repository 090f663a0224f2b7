"""`csvlint lint`: lint CSV files and import configurations, print a report, exit 0, 1 or 2."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from csvlint.cli.errors import Fatal
from csvlint.cli.output import emit, progress_factory
from csvlint.errors import SettingsError
from csvlint.reporters import FORMATS
from csvlint.settings import Settings, load_settings

if TYPE_CHECKING:
    from csvlint.engine.project import Project


def _codes(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(part.strip() for part in value.split(",") if part.strip())


def current_settings(paths: Sequence[str | Path] = ()) -> Settings:
    """The settings of the project the paths belong to (the current folder's when none is
    given); exit 2 when they are bad, or when the paths' projects have different settings."""
    from csvlint.engine.discovery import project_root

    starts = [Path(p) for p in paths if str(p) != "-" and os.path.exists(p)] or [Path.cwd()]
    # one settings file a project: the first path met in each project speaks for it
    projects: dict[Path, Path] = {}
    for start in starts:
        projects.setdefault(project_root(start).path, start)
    try:
        found = {start: load_settings(start) for start in projects.values()}
    except SettingsError as exc:
        raise Fatal(str(exc)) from None
    first, settings = next(iter(found.items()))
    for start, other in found.items():
        if other.source != settings.source:
            raise Fatal(
                f"{first} and {start} belong to projects with different settings "
                f"({settings.source or 'none'}, {other.source or 'none'}): lint them apart"
            )
    return settings


def _csv_paths(paths: tuple[str, ...], config: Path | None) -> tuple[str, ...]:
    """`--csv-only`: the PATHS that are CSV (see `Project.targets`), each file judged in its own
    project with that project's settings, so that the files passed over decide nothing, not
    even which settings apply. Folders, `-` and paths that do not exist are kept as given."""
    from csvlint.engine.discovery import project_root
    from csvlint.engine.project import Project
    from csvlint.engine.run import LintOptions

    files = [given for given in paths if given != "-" and os.path.isfile(given)]
    projects: dict[Path, list[str]] = {}
    for given in files:
        projects.setdefault(project_root(Path(given)).path, []).append(given)
    kept: set[Path] = set()
    for group in projects.values():
        try:
            settings = load_settings(Path(group[0]))
        except SettingsError as exc:
            raise Fatal(str(exc)) from None
        for target in Project(settings, LintOptions()).targets(group, True, config):
            kept.update(path for path in (target.path, *target.also) if path is not None)
    return tuple(given for given in paths if given not in files or Path(given) in kept)


def _refuse_an_input(output: Path, paths: list[str], config: Path | None) -> None:
    """Exit 2 when the report would overwrite a file this lint reads: a file given, the
    configuration, or a CSV file or configuration inside a folder given."""
    import os

    from csvlint.engine.sources import is_config, is_csv

    target = Path(os.path.realpath(output))
    inputs = [Path(p) for p in paths if p != "-"] + ([config] if config is not None else [])
    for given in inputs:
        place = Path(os.path.realpath(given))
        if place == target:
            raise Fatal(f"--output {output} is an input of this lint: choose another file")
        linted = is_csv(target.name) or is_config(target.name)
        if linted and given.is_dir() and target.is_relative_to(place):
            raise Fatal(
                f"--output {output} would be linted as part of {given}: choose a name that does "
                "not end in .csv, .tsv or .import.yaml, or another folder"
            )


@click.command("lint")
@click.argument("paths", nargs=-1, type=click.Path(dir_okay=True, allow_dash=True))
@click.option(
    "--config",
    "config",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Check the CSV files against this import configuration.",
)
@click.option("--select", help="Only these rules: codes, prefixes or names, comma-separated.")
@click.option("--ignore", help="Not these rules: codes, prefixes or names, comma-separated.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(FORMATS)),
    help="Output format (default: full).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write the report to this file (atomically) instead of standard output.",
)
@click.option("--strict", is_flag=True, default=None, help="Warnings fail the lint too.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings fail the lint.")
@click.option(
    "--max-per-rule",
    type=click.IntRange(min=0),
    help="Findings listed per rule and column of a file (default 20, 0: all). All are counted.",
)
@click.option(
    "--same-header",
    is_flag=True,
    help="The CSV files are one feed: their headers must be the same (HDR207).",
)
@click.option("--fail-fast", is_flag=True, help="Stop at the first error.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar, and no output when clean.")
@click.option(
    "--show-files",
    is_flag=True,
    help="List the files that would be linted, each with its configuration, and exit.",
)
@click.option(
    "--csv-only",
    is_flag=True,
    help="Of the PATHS, lint only *.csv and *.tsv files and the files a configuration claims; "
    "pass over the rest (for a hook that is given every file that changed).",
)
def lint_command(
    paths: tuple[str, ...],
    config: Path | None,
    select: str | None,
    ignore: str | None,
    fmt: str | None,
    output: Path | None,
    strict: bool | None,
    exit_zero: bool,
    max_per_rule: int | None,
    same_header: bool,
    fail_fast: bool,
    quiet: bool,
    show_files: bool,
    csv_only: bool,
) -> None:
    """Lint CSV files and import configurations.

    PATHS are CSV files, import configurations (*.import.yaml|yml|json), folders (searched
    recursively) or - for standard input; none means the current folder. A configuration is
    checked itself and against its sample; a CSV file matched by a configuration's `files`
    patterns is checked against that configuration.
    """
    from csvlint.engine.project import Project
    from csvlint.engine.run import LintOptions
    from csvlint.errors import CsvlintError

    # no PATH means the current folder; PATHS that --csv-only all passes over mean nothing
    given = (list(_csv_paths(paths, config)) if csv_only else list(paths)) if paths else ["."]
    settings = current_settings(given).with_options(
        select=_codes(select),
        ignore=_codes(ignore),
        format=fmt,
        strict=strict,
        max_per_rule=max_per_rule,
    )
    try:
        selection = settings.selection()
    except SettingsError as exc:
        raise Fatal(str(exc)) from None
    if config is not None and not config.is_file():
        raise Fatal(f"{config}: no such configuration file")
    if output is not None:
        _refuse_an_input(output, given, config)
    options = LintOptions(
        selection=selection,
        max_per_rule=settings.max_per_rule,
        fail_fast=fail_fast,
        field_size_limit=settings.field_size_limit,
        same_header=same_header,
    )
    project = Project(settings, options, progress=progress_factory(quiet))
    if show_files:
        _show_files(project, given, config, csv_only)
        return
    # closed standard input (`<&-`) has no buffer: `-` then says so
    stdin = getattr(sys.stdin, "buffer", None)
    if stdin is None and "-" in given:
        raise Fatal("standard input (-) is closed: there is nothing to read")
    try:
        report = project.lint_paths(given, config=config, stdin=stdin, csv_only=csv_only)
    except (CsvlintError, OSError) as exc:  # a missing or unreadable path
        raise Fatal(str(exc)) from None
    finally:
        _warn_skipped(project)
    if output is not None and Path(os.path.realpath(output)) in project.inputs():
        raise Fatal(f"--output {output} is an input of this lint: choose another file")
    _say_empty(project)
    if not (quiet and not report.findings and not report.omitted):
        emit(report, settings.format, output)
    failed = report.fails(strict=settings.strict)
    sys.exit(1 if failed and not exit_zero else 0)


def _say_empty(project: Project) -> None:
    """Name each folder given that held no CSV file to lint, and what `exclude` left out."""
    for folder in project.empty:
        why = ""
        left_out = project.walk.excluded.get(folder, 0)
        if left_out:
            files = "file" if left_out == 1 else "files"
            why = f" (the `exclude` setting leaves out {left_out} {files} there)"
        click.echo(f"csvlint: no CSV file to lint in {_printable(folder)}{why}", err=True)


def _warn_skipped(project: Project) -> None:
    for line in dict.fromkeys(project.skipped):  # a file's name may hold anything
        click.echo(f"csvlint: warning: {_printable(line)}", err=True)


def _show_files(project: Project, paths: list[str], config: Path | None, csv_only: bool) -> None:
    """`--show-files`: each file and the configuration it would be checked against."""
    from csvlint.errors import CsvlintError

    try:
        shown = project.show_files(paths, config, csv_only)
    except (CsvlintError, OSError) as exc:
        raise Fatal(str(exc)) from None
    finally:
        _warn_skipped(project)
    for path, against in shown:
        label = "no configuration" if against is None else _printable(against)
        click.echo(f"{_printable(path)}: {label}")
    _say_empty(project)


def _printable(text: str) -> str:
    """`text` with what could act on a terminal shown as escapes."""
    from csvlint.reporters.printable import printable

    return printable(text)
