"""The command line: thin click commands that parse options, call the library and print."""

from __future__ import annotations

import sys
from importlib import import_module

import click

from csvlint import __version__
from csvlint.cli.errors import Fatal
from csvlint.cli.lint import lint_command

#: the commands other than `lint`, each imported when it is called or listed: a pre-commit
#: hook runs `csvlint lint` on every commit and pays for nothing else
_LATER = {
    "rules": ("csvlint.cli.catalogue", "rules_command"),
    "explain": ("csvlint.cli.catalogue", "explain_command"),
    "schema": ("csvlint.cli.catalogue", "schema_command"),
    "fix": ("csvlint.cli.fix", "fix_command"),
    "config": ("csvlint.cli.config", "config_group"),
    "pigment": ("csvlint.cli.pigment", "pigment_group"),
}


class _Commands(click.Group):
    """A group whose commands in `_LATER` are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *_LATER})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in _LATER:
            module, name = _LATER[cmd_name]
            self.add_command(getattr(import_module(module), name), cmd_name)
        return self.commands.get(cmd_name)


def _print_version(ctx: click.Context, _: click.Parameter, asked: bool) -> None:
    if not asked or ctx.resilient_parsing:
        return
    from csvlint.reader.native import scanner_module

    scanner = "native scanner" if scanner_module() is not None else "no native scanner"
    click.echo(f"csvlint {__version__} ({scanner})")
    ctx.exit()


@click.group(
    cls=_Commands,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_print_version,
    help="Show the version, and whether the native scanner is built, and exit.",
)
@click.option("-v", "--verbose", is_flag=True, help="Show tracebacks of internal errors.")
@click.pass_context
def cli(ctx: click.Context, verbose: bool) -> None:
    """Lint CSV extracts and the Pigment import configurations that receive them.

    \b
    Exit codes: 0 nothing failing, 1 findings at the failing level,
                2 csvlint could not do its job (bad usage, settings, paths).
    """
    ctx.obj = {"verbose": verbose}


cli.add_command(lint_command)


def _verbosity(args: list[str]) -> tuple[list[str], bool]:
    """The arguments with `-v`/`--verbose` taken out wherever they stand before `--`, so that
    `csvlint lint -v` works as `csvlint -v lint` does; and whether one was there."""
    end = args.index("--") if "--" in args else len(args)
    head = [arg for arg in args[:end] if arg not in ("-v", "--verbose")]
    verbose = len(head) < end
    return (["-v", *head] if verbose else head) + args[end:], verbose


def main(argv: list[str] | None = None) -> None:
    """The `csvlint` command. Never lets a traceback out unless asked with -v."""
    args = sys.argv[1:] if argv is None else argv
    args, verbose = _verbosity(args)
    try:
        cli.main(args=args, prog_name="csvlint", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("csvlint: aborted", err=True)
        sys.exit(2)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2 if isinstance(exc, click.UsageError | Fatal) else exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (`| head`): nothing left to say
        sys.exit(1)
    except KeyboardInterrupt:
        click.echo("csvlint: interrupted", err=True)
        sys.exit(2)
    except Exception as exc:
        if verbose:
            import traceback

            traceback.print_exc()
        else:
            click.echo(
                f"csvlint: internal error: {exc!r} (run with -v for the traceback)", err=True
            )
        sys.exit(2)
    sys.exit(0)
