"""The one error the commands raise: the tool could not do its job (exit 2)."""

from __future__ import annotations

from typing import IO, Any

import click


class Fatal(click.ClickException):
    """Bad settings, a missing path, an unwritable output: a one-line message and exit 2."""

    exit_code = 2

    def show(self, file: IO[Any] | None = None) -> None:
        """Print `csvlint: message` on standard error."""
        from csvlint.reporters.printable import printable

        # the message may name a file or quote a value: never let it act on the terminal
        click.echo(f"csvlint: {printable(self.format_message())}", err=True, file=file)
