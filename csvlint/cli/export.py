"""`csvlint config export`: an import configuration as a Frictionless Table Schema or Data
Package, for the tools that validate data with those."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from csvlint.cli.errors import Fatal

FORMATS = ("table-schema", "data-package")


@click.command("export")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--to", "kind", type=click.Choice(FORMATS), required=True, help="The descriptor to write."
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the descriptor to this file (atomically); - or none: standard output.",
)
@click.option("--force", is_flag=True, help="Overwrite an existing output file.")
def export_command(file: Path, kind: str, output: Path | None, force: bool) -> None:
    """Write FILE as a Frictionless descriptor (JSON): a Table Schema with one field per
    column, or a Data Package whose resource is the sample, with its encoding and dialect.

    A Data Package's resource path is relative to the output's folder (the current folder for
    standard output): Frictionless reads no data outside it. Fields hold numbers as written
    (percent and multiplier do not change which values are valid), and dates in strptime
    formats, which also read one-digit days and months.

    \b
    Exit codes: 0 written; 1 FILE does not match the configuration schema (its problems
    are listed, as `config save` lists the findings that block it); 2 nothing written
    (no such file, an output that exists, a sample outside the output's folder, an option
    Frictionless cannot hold).
    """
    from csvlint.config.load import load_config
    from csvlint.engine.sources import display
    from csvlint.interop.table_schema import data_package, table_schema

    if not file.is_file():
        raise Fatal(f"{file}: no such configuration file")
    try:
        loaded = load_config(file)
    except FileNotFoundError:
        raise Fatal(f"{file}: no such configuration file") from None
    config = loaded.config
    if config is None:
        for problem in loaded.problems:
            where = f"{display(file)}:{problem.line}" if problem.line else display(file)
            click.echo(f"{where}: CFG401 {problem.message}", err=True)
        click.echo(
            f"{display(file)} not exported: it does not match the configuration schema", err=True
        )
        sys.exit(1)
    if output is not None and str(output) == "-":
        output = None
    try:
        if kind == "data-package":
            folder = Path.cwd() if output is None else output.resolve().parent
            descriptor = data_package(config, folder=folder)
        else:
            descriptor = table_schema(config)
    except ValueError as exc:
        raise Fatal(f"cannot export {file}: {exc}") from None
    text = json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"
    if output is None:
        click.echo(text, nl=False)
        return
    _write(output, text, force)
    click.echo(f"wrote {output}")


def _write(output: Path, text: str, force: bool) -> None:
    from csvlint.atomic import write_atomic

    try:
        write_atomic(output, text.encode("utf-8"), overwrite=force)
    except FileExistsError:
        raise Fatal(f"{output} exists; use --force to overwrite it") from None
    except OSError as exc:
        raise Fatal(f"cannot write {output}: {exc.strerror or exc}") from None
