"""`csvlint fix`: rewrite a CSV file into its import configuration's dialect, values untouched."""

from __future__ import annotations

import codecs
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from csvlint.cli.errors import Fatal

if TYPE_CHECKING:
    from csvlint.fix import FixRefused

#: how a tab may be spelt on a command line, where a literal tab is awkward to type
_TAB_SPELLINGS = ("tab", "\\t")


def _delimiter(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    value = "\t" if value.lower() in _TAB_SPELLINGS else value
    if len(value) != 1 or value in "\r\n":
        raise click.BadParameter("one character, or 'tab'", ctx, param)
    return value


def _encoding(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        codecs.lookup(value)
    except LookupError:
        raise click.BadParameter(f"unknown encoding {value!r}", ctx, param) from None
    return value


@click.command("fix")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--config",
    "config_path",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The import configuration whose file settings the CSV is rewritten in.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the result to this file (atomically).",
)
@click.option("--in-place", is_flag=True, help="Replace FILE (atomically).")
@click.option("--force", is_flag=True, help="Overwrite an existing --output file.")
@click.option(
    "--line-ending",
    type=click.Choice(["lf", "crlf"]),
    default="lf",
    show_default=True,
    help="The line ending to write (the configuration has no such setting).",
)
@click.option(
    "--from-encoding",
    callback=_encoding,
    help="FILE's encoding (default: its byte-order mark's, else UTF-8 when it is valid "
    "UTF-8, else the configuration's).",
)
@click.option(
    "--from-delimiter",
    callback=_delimiter,
    help="FILE's delimiter (default: detected); 'tab' for a tab.",
)
@click.option(
    "--from-quote",
    type=click.Choice(['"', "'"]),
    help="FILE's quote character (default: detected).",
)
def fix_command(
    file: Path,
    config_path: Path,
    output: Path | None,
    in_place: bool,
    force: bool,
    line_ending: str,
    from_encoding: str | None,
    from_delimiter: str | None,
    from_quote: str | None,
) -> None:
    """Rewrite FILE in the configuration's encoding, delimiter and quote, never changing a value.

    Fields are quoted only when they hold the delimiter, the quote, or a line break, and quotes
    inside are doubled; leading and trailing spaces are kept without quotes, as RFC 4180 reads
    them. Lines end with LF, as Pigment's own exports do, unless --line-ending crlf (RFC
    4180's). Blank records and a title row are kept as they are. A file the rewrite would have
    to guess about (ragged rows, bad quotes, undecodable bytes, values the target encoding
    cannot hold, binary or empty) is refused: nothing is written, the problems are listed, and
    the exit code is 1.
    """
    from csvlint.config.load import load_config
    from csvlint.fix import LINE_ENDINGS, FixRefused, OutputExists, fix_file, target_dialect

    if (output is None) == (not in_place):
        raise click.UsageError("give exactly one of -o/--output and --in-place")
    if output is not None and output.exists() and os.path.samefile(file, output):
        raise click.UsageError(f"-o {output} is the input file: use --in-place to rewrite it")
    if output is not None and output.exists() and not force:
        raise Fatal(f"{output} exists: pass --force to overwrite it")
    loaded = load_config(config_path)
    if loaded.config is None:
        first = loaded.problems[0]
        where = f" (line {first.line})" if first.line else ""
        raise Fatal(f"{config_path}: not a valid import configuration: {first.message}{where}")
    if from_quote is not None and from_quote == from_delimiter:
        raise click.UsageError("--from-quote and --from-delimiter must differ")
    try:
        result = fix_file(
            file,
            target_dialect(loaded.config.file),
            output=output,
            overwrite=force,
            line_ending=LINE_ENDINGS[line_ending],
            from_encoding=from_encoding,
            from_delimiter=from_delimiter,
            from_quote=from_quote,
        )
    except FixRefused as refused:
        _show_refusal(file, refused)
        sys.exit(1)
    except OutputExists:
        raise Fatal(f"{output} exists: pass --force to overwrite it") from None
    except OSError as error:
        raise Fatal(f"{error.filename or file}: {error.strerror or error}") from None
    copied = f" (written to {output})" if output is not None else ""
    if result.changes:
        click.echo(f"fixed {file}: {', '.join(result.changes)}{copied}", err=True)
    else:
        click.echo(f"{file}: nothing to change{copied}", err=True)


def _show_refusal(file: Path, refused: FixRefused) -> None:
    """The problems, one a line as `FILE:LINE:COLUMN: message [CODE]`, and what was assumed."""
    from csvlint.fix import encoding_label
    from csvlint.reporters.printable import printable

    for problem in refused.problems:
        where = "".join(f":{n}" for n in (problem.line, problem.column) if n is not None)
        code = f" [{problem.code}]" if problem.code else ""
        click.echo(printable(f"{file}{where}: {problem.message}{code}"), err=True)
    left = refused.total - len(refused.problems)
    if left:
        click.echo(f"... and {left} more", err=True)
    click.echo(f"csvlint: {file} not fixed ({refused}): nothing was written", err=True)
    if refused.source is not None:
        read = refused.source
        click.echo(
            f"  read as encoding {encoding_label(read)}, delimiter {read.delimiter!r}, quote "
            f"{read.quote!r}; if that is wrong, say so with --from-encoding, --from-delimiter "
            "or --from-quote",
            err=True,
        )
