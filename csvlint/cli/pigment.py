"""`csvlint pigment`: verify configurations against Pigment, refresh items files, push a file
behind the lint gate and print what Pigment did with it. Optional: needs `csvlint[pigment]`."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from csvlint.cli.errors import Fatal
from csvlint.cli.lint import current_settings
from csvlint.cli.output import emit, interactive
from csvlint.reporters import FORMATS

if TYPE_CHECKING:
    from csvlint.config.model import ImportConfig
    from csvlint.pigment.api import ImportStatus
    from csvlint.pigment.client import PigmentClient
    from csvlint.pigment.push import ImportReport
    from csvlint.settings import Settings


@click.group("pigment")
def pigment_group() -> None:
    """Connect to Pigment: verify IDs, refresh known items, push a file and read its import.

    \b
    The API key comes from the environment only: PIGMENT_API_KEY, or per kind
    PIGMENT_METADATA_API_KEY, PIGMENT_EXPORT_API_KEY, PIGMENT_IMPORT_API_KEY.
    The URL is the setting [tool.csvlint.pigment] url (default https://pigment.app).
    """


@contextlib.contextmanager
def _client(settings: Settings) -> Iterator[PigmentClient]:
    """A client of the Pigment `settings` name; any failure to talk to it is a one-line exit 2.
    The settings are those of the project of the files a command is given, as for `lint`."""
    from csvlint.errors import CsvlintError
    from csvlint.pigment.credentials import Keys

    keys = Keys.from_environment()
    try:
        from csvlint.pigment.client import PigmentClient

        with PigmentClient(settings.pigment_url, keys) as client:
            yield client
    except CsvlintError as error:
        message = str(error)
        for secret in keys.secrets():
            message = message.replace(secret, "***")
        raise Fatal(message) from None


@pigment_group.command("verify")
@click.argument("configs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), help="The output format.")
@click.option(
    "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report here."
)
def verify_command(configs: tuple[Path, ...], fmt: str | None, output: Path | None) -> None:
    """Check configurations against Pigment: the application and block exist, the block has
    the configured type, and Pigment lists the configuration's id under it with its name."""
    from csvlint.lifecycle import ConfigFileError
    from csvlint.pigment.verify import verify_remote

    settings = current_settings(configs)
    with _client(settings) as client:
        try:
            report = verify_remote(list(configs), client, settings)
        except ConfigFileError as error:
            raise Fatal(str(error)) from None
    emit(report, fmt or settings.format, output)
    sys.exit(1 if report.fails() else 0)


@pigment_group.command("pull-items")
@click.argument("config", type=click.Path(path_type=Path))
@click.option("--check", is_flag=True, help="Write nothing; exit 1 when a file is stale.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def pull_items_command(config: Path, check: bool, fmt: str) -> None:
    """Refresh the configuration's items files (`items: {file, column}`) from Pigment's
    exports of the lists, atomically, and say which items were added and removed."""
    from csvlint.pigment.pull import pull_items

    loaded = _loaded(config)
    with _client(current_settings([config])) as client:
        changes = pull_items(loaded, client, check=check)
    if fmt == "json":
        click.echo(json.dumps({"check": check, "files": [c.to_dict() for c in changes]}, indent=2))
    else:
        if not changes:
            _say(f"{config}: no items are kept in a file")
        for change in changes:
            state = "up to date" if not change.changed else "stale" if check else "updated"
            _say(f"{change.file}: {state} ({change.list_name}, {change.items} items)")
            if change.added:
                _say(f"  added: {_few(change.added)}")
            if change.removed:
                _say(f"  removed: {_few(change.removed)}")
            if change.written:
                _say(f"  run `csvlint config save {config}`: the items are in its fingerprint")
    sys.exit(1 if check and any(c.changed for c in changes) else 0)


@pigment_group.command("push")
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--config", "config", required=True, type=click.Path(path_type=Path),
    help="The import configuration the file is pushed under.",
)  # fmt: skip
@click.option("--no-wait", is_flag=True, help="Print the import id and return at once.")
@click.option("--allow-skipped", is_flag=True, help="Exit 0 even when Pigment skipped rows.")
@click.option(
    "--force",
    is_flag=True,
    help="Push despite errors in the file's values; never despite one that blocks Copy ID.",
)
@click.option("--timeout", type=click.FloatRange(min=1), default=1800, show_default=True,
              help="Seconds to wait for the import.")  # fmt: skip
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def push_command(
    file: Path,
    config: Path,
    no_wait: bool,
    allow_skipped: bool,
    force: bool,
    timeout: float,
    fmt: str,
) -> None:
    """Lint FILE against its configuration, refuse on errors, push it to Pigment, wait for the
    import and print its report: counts, created items, and each skipped row's lines."""
    from csvlint.pigment.push import NotLinked, push_file

    if not file.is_file():
        raise Fatal(f"{file}: no such file")
    _loaded(config)
    settings = current_settings([file])
    with _client(settings) as client:
        try:
            pushed = push_file(
                file, config, client, settings=settings, force=force, wait=not no_wait,
                allow_skipped=allow_skipped, timeout=timeout, on_poll=_progress(),
            )  # fmt: skip
        except NotLinked as error:
            raise Fatal(str(error)) from None
    if not pushed.pushed:
        emit(pushed.lint, "json" if fmt == "json" else "full", None)
        why = "an error blocks Copy ID" if pushed.lint.blocks_copy_id else "the lint has errors"
        click.echo(f"csvlint: not pushed: {why}", err=True)
        sys.exit(1)
    if pushed.result is None:
        if fmt == "json":
            click.echo(json.dumps({"import_id": pushed.import_id}))
        else:
            _say(str(pushed.import_id))
        return
    _print(pushed.result, fmt)


@pigment_group.command("status")
@click.argument("import_id")
@click.option("--file", type=click.Path(path_type=Path), help="The pushed file, to show lines.")
@click.option("--config", type=click.Path(path_type=Path), help="The file's configuration.")
@click.option("--allow-skipped", is_flag=True, help="Exit 0 even when Pigment skipped rows.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def status_command(
    import_id: str, file: Path | None, config: Path | None, allow_skipped: bool, fmt: str
) -> None:
    """Print the report of an earlier import (exit 0 only when it completed with nothing
    skipped); with --file (and --config), skipped rows are tied to the file's lines."""
    from csvlint.pigment.push import import_report

    loaded = _loaded(config) if config is not None else None
    if file is not None and not file.is_file():
        raise Fatal(f"{file}: no such file")
    paths = [path for path in (file, config) if path is not None]
    with _client(current_settings(paths[:1])) as client:
        status = client.import_status(import_id, detailed=True)
    _print(import_report(status, file, loaded, allow_skipped), fmt)


def _loaded(config: Path) -> ImportConfig:
    from csvlint.config.load import load_config

    if not config.is_file():
        raise Fatal(f"{config}: no such configuration file")
    loaded = load_config(config)
    if loaded.config is None:
        raise Fatal(f"{config}: not a valid configuration: run `csvlint config verify {config}`")
    return loaded.config


def _progress() -> Callable[[ImportStatus, float], None] | None:
    if not interactive(sys.stderr):
        return None

    def show(status: ImportStatus, waited: float) -> None:
        end = "\n" if status.finished else ""
        sys.stderr.write(f"\rimport {status.import_id}: {status.state} ({waited:.0f} s){end}")
        sys.stderr.flush()

    return show


def _say(text: str) -> None:
    """Print a line of the report: what Pigment answered and what the file holds may hold
    anything, so control characters and bidirectional overrides are shown as escapes."""
    from csvlint.reporters.printable import printable

    click.echo(printable(text))


def _few(items: tuple[str, ...], limit: int = 20) -> str:
    shown = ", ".join(items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def _print(result: ImportReport, fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), indent=2))
        sys.exit(0 if result.ok else 1)
    status, report = result.status, result.status.report
    _say(f"import {status.import_id}: {status.state}")
    if report is not None:
        _say(
            f"  inserted {report.inserted}, updated {report.updated}, deleted {report.deleted}, "
            f"skipped {report.skipped}"
        )
        for block, count in report.auto_created:
            _say(f"  created {count} new items (block {block})")
    for entry in result.skipped:
        column = f" in column {entry.column!r}" if entry.column else ""
        _say(f"  skipped {entry.count}: {entry.reason}{column}; samples {_few(entry.samples)}")
        where = result.file or "the file"
        if entry.lines:
            more = entry.matched - len(entry.lines)
            lines = ", ".join(str(n) for n in entry.lines) + (
                f" and {more} more" if more > 0 else ""
            )
            _say(f"    {where}: lines {lines}")
        elif result.file is not None:
            _say(f"    {where}: no line holds these samples in that column")
    for error in status.errors:
        _say(f"  error {error.name}: {error.description or ''}".rstrip())
    if result.ok:
        _say("ok: Pigment imported every row")
    elif status.state == "Completed":
        _say(f"not ok: Pigment skipped {result.skipped_count} rows or values")
    elif status.state == "Failed":
        _say("not ok: the import failed")
    else:
        _say("not finished: ask again later")
    sys.exit(0 if result.ok else 1)
