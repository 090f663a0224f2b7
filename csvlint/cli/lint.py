"""`csvlint lint`: lint CSV files and import configurations, print a report, exit 0, 1 or 2."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from csvlint.cli.errors import Fatal
from csvlint.cli.output import emit, progress_factory
from csvlint.reporters import FORMATS
from csvlint.settings import Settings, SettingsError, load_settings


def _codes(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(part.strip() for part in value.split(",") if part.strip())


def current_settings() -> Settings:
    """The settings found from the current directory upwards; exit 2 when they are bad."""
    try:
        return load_settings()
    except SettingsError as exc:
        raise Fatal(str(exc)) from None


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
) -> None:
    """Lint CSV files and import configurations.

    PATHS are CSV files, import configurations (*.import.yaml|yml|json), folders (searched
    recursively) or - for standard input; none means the current folder. A configuration is
    checked itself and against its sample; a CSV file matched by a configuration's `files`
    patterns is checked against that configuration.
    """
    from csvlint.engine.project import Project, ProjectError
    from csvlint.engine.run import LintOptions

    settings = current_settings().with_options(
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
        _refuse_an_input(output, list(paths) or ["."], config)
    options = LintOptions(
        selection=selection,
        max_per_rule=settings.max_per_rule,
        fail_fast=fail_fast,
        field_size_limit=settings.field_size_limit,
        same_header=same_header,
    )
    project = Project(settings, options, progress=progress_factory(quiet))
    try:
        report = project.lint_paths(list(paths) or ["."], config=config, stdin=sys.stdin.buffer)
    except (ProjectError, OSError) as exc:  # a missing or unreadable path
        raise Fatal(str(exc)) from None
    if not report.files:
        click.echo(
            f"csvlint: no CSV files or configurations found in {', '.join(paths) or '.'}",
            err=True,
        )
    if not (quiet and not report.findings and not report.omitted):
        emit(report, settings.format, output)
    failed = report.fails(strict=settings.strict)
    sys.exit(1 if failed and not exit_zero else 0)
