"""`csvlint config`: draft, save, verify an import configuration, and copy its ID."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from csvlint.cli.errors import Fatal
from csvlint.cli.export import export_command
from csvlint.cli.lint import current_settings
from csvlint.cli.output import emit, wants_color
from csvlint.report import Report
from csvlint.reporters import FORMATS, reporter

TARGET_TYPES = ("dimension_list", "transaction_list", "metric")


@click.group("config")
def config_group() -> None:
    """Draft, save and verify import configurations; copy their ID."""


def _show(report: Report, err: bool = False, only_blocking: bool = False) -> None:
    stream = sys.stderr if err else sys.stdout
    if only_blocking:
        report = Report.build(
            report.files, [f for f in report.findings if f.blocks_copy_id], report.omitted
        )
    reporter("full")(report, stream, wants_color(stream))


@config_group.command("init")
@click.argument("sample", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--target-type", type=click.Choice(TARGET_TYPES), required=True)
@click.option("--block", required=True, help="The List or Metric the import writes.")
@click.option("--unique", metavar="HEADER", help="The column that identifies items (a key).")
@click.option("--name", help="The configuration's name (default: from the block).")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Where to write the draft (default: SAMPLE's name with .import.yaml, in the current "
    "folder); - for standard output.",
)
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@click.option(
    "--from-table-schema",
    "table_schema",
    metavar="SCHEMA",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Take the types, formats and key from this Frictionless Table Schema (or Data "
    "Package), matching its fields to the header by name, instead of guessing them.",
)
def init_command(
    sample: Path,
    target_type: str,
    block: str,
    unique: str | None,
    name: str | None,
    output: Path | None,
    force: bool,
    table_schema: Path | None,
) -> None:
    """Write a draft configuration from a sample: its dialect, its header as columns, one
    property per column with a guessed type and format."""
    import os

    from csvlint.config.draft import render_draft
    from csvlint.config.write import write_new
    from csvlint.engine.sample import SampleError, read_sample
    from csvlint.formats.guess import guess_column

    try:
        read = read_sample(sample)
    except SampleError as exc:
        raise Fatal(str(exc)) from None
    _refuse_a_title_row(sample)
    if unique is not None and unique not in read.header:
        raise Fatal(f"--unique {unique!r} is not a column of {sample}")
    columns = list(zip(*read.rows, strict=False)) if read.rows else []
    if table_schema is not None:
        from csvlint.interop.table_schema import draft_inputs, read_table_schema

        try:
            schema = read_table_schema(table_schema, sample.name)
            drafted = draft_inputs(schema, read.header, columns)
        except (OSError, ValueError) as exc:
            raise Fatal(f"cannot draft from {table_schema}: {exc}") from None
        for note in drafted.notes:
            click.echo(f"note: {note}", err=True)
        guesses = list(drafted.guesses)
        if unique is None and target_type != "metric":
            unique = drafted.unique
    else:
        guesses = [
            guess_column(columns[i] if i < len(columns) else ()) for i in range(len(read.header))
        ]
    target = output or Path(f"{sample.stem}.import.yaml")
    folder = Path.cwd() if str(target) == "-" else target.resolve().parent
    relative = os.path.relpath(sample.resolve(), folder).replace(os.sep, "/")
    try:
        text = render_draft(
            sample=relative,
            name=name or f"{block} from {sample.name}",
            target_type=target_type,
            block=block,
            encoding=read.dialect.encoding,
            delimiter=read.dialect.delimiter,
            quote=read.dialect.quote,
            header=list(read.header),
            guesses=guesses,
            unique=unique,
        )
    except ValueError as exc:
        raise Fatal(f"cannot draft from {sample}: {exc}") from None
    if str(target) == "-":
        click.echo(text, nl=False)
        return
    try:
        write_new(target, text, overwrite=force)
    except FileExistsError:
        raise Fatal(f"{target} exists; use --force to overwrite it") from None
    except OSError as exc:
        raise Fatal(f"cannot write {target}: {exc.strerror or exc}") from None
    click.echo(f"wrote {target}: check the guessed types, then `csvlint config save {target}`")


def _refuse_a_title_row(sample: Path) -> None:
    """Draft nothing from a sample whose first row looks like a title above the header
    (CSV114): its columns would be one title, and `save` would reject the draft."""
    from csvlint.api import lint

    report = lint(sample, select=["CSV114"])
    title = [f for f in report.findings if f.code == "CSV114"]
    if title:
        _show(Report.build(report.files, title), err=True)
        click.echo(
            f"{sample} not drafted: remove the title row above the header, then draft again",
            err=True,
        )
        sys.exit(1)


@config_group.command("save")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--id", "new_id", metavar="UUID", help="The ID Pigment's Copy ID gave.")
@click.option(
    "--replace-id",
    is_flag=True,
    help="Let --id replace the ID the file already has (a configuration made anew in Pigment).",
)
def save_command(file: Path, new_id: str | None, replace_id: bool) -> None:
    """Check FILE against its sample; when nothing blocks Copy ID, write its fingerprint, and
    the id given with --id.

    Without --id, a configuration with no id is checked but not linked: create it in Pigment
    from its sample, then save again with --id and the ID of Pigment's Copy ID. An id never
    changes unless --replace-id is given. The file is written atomically, keeping comments and
    key order; on any blocking finding it is left untouched and the command exits 1.
    """
    from csvlint.errors import CsvlintError, IdConflictError
    from csvlint.lifecycle import save_config

    if replace_id and new_id is None:
        raise Fatal("--replace-id replaces the id with the one --id gives; give --id UUID")
    try:
        saved = save_config(file, new_id, current_settings([file]), replace_id=replace_id)
    except IdConflictError as exc:
        click.echo(f"csvlint: {exc}; {file} not saved", err=True)
        sys.exit(1)
    except CsvlintError as exc:
        raise Fatal(str(exc)) from None
    except ValueError:
        raise Fatal(f"--id {new_id!r} is not a UUID") from None
    except OSError as exc:
        raise Fatal(f"cannot write {file}: {exc.strerror or exc}") from None
    if not saved.written:
        _show(saved.report, err=True, only_blocking=True)
        click.echo(f"{file} not saved: the findings above block Copy ID", err=True)
        sys.exit(1)
    if saved.id is None:
        click.echo(
            f"checked {file}: not linked yet; create the import configuration in Pigment from "
            f"its sample, then run `csvlint config save {file} --id UUID` with its Copy ID"
        )
        return
    click.echo(f"saved {file} (id {saved.id})")


@config_group.command("verify")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(FORMATS)),
    default="full",
    show_default=True,
    help="Output format, as for `csvlint lint`: sarif and json carry the Copy ID verdict.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write the report to this file (atomically) instead of standard output.",
)
def verify_command(files: tuple[Path, ...], fmt: str, output: Path | None) -> None:
    """Check saved configurations: IDs canonical and unique, fingerprints fresh, samples still
    matching, nothing blocking Copy ID. Exit 1 when something blocks.

    FILES default to every configuration of the project (setting `configs`)."""
    from csvlint.errors import CsvlintError
    from csvlint.lifecycle import project_configs, verify_config

    settings = current_settings(files)
    try:
        chosen = list(files) or project_configs(settings)
        report = verify_config(chosen, settings)
    except CsvlintError as exc:
        raise Fatal(str(exc)) from None
    if not chosen:
        from csvlint.engine.discovery import project_root

        click.echo(
            f"csvlint: no import configuration to verify in {project_root(Path.cwd()).path} "
            "(setting `configs`)",
            err=True,
        )
    emit(report, fmt, output)
    sys.exit(1 if report.blocks_copy_id else 0)


@config_group.command("id")
@click.argument("file", type=click.Path(path_type=Path))
def id_command(file: Path) -> None:
    """Print FILE's ID alone, when verify passes; else the blocking findings on standard
    error, and exit 1."""
    from csvlint.errors import CsvlintError
    from csvlint.lifecycle import config_id

    try:
        found, report = config_id(file, current_settings([file]))
    except CsvlintError as exc:
        raise Fatal(str(exc)) from None
    if found is None:
        _show(report, err=True, only_blocking=True)
        sys.exit(1)
    click.echo(found)


config_group.add_command(export_command)
