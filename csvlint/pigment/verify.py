"""`csvlint pigment verify`: the remote half of `config verify`.

For each configuration, the application and block are resolved in Pigment (by the ids the
configuration records, else by name), then the PGM5xx rules judge what was found: the block's
type, and whether Pigment lists the configuration's `id` under the block with the same name.
Findings come in the normal report; those that prove the ID wrong block Copy ID.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from csvlint.engine.collect import Collector
from csvlint.engine.context import FileContext
from csvlint.engine.sources import display
from csvlint.pigment.api import Application, Block
from csvlint.pigment.client import PigmentClient
from csvlint.pigment.remote import RemoteRule, RemoteSubject, matching
from csvlint.report import FileResult, Report
from csvlint.rules import rules_of
from csvlint.settings import Settings


class _Workspace:
    """Pigment's metadata, asked once per verify however many configurations share it."""

    def __init__(self, client: PigmentClient) -> None:
        self.client = client
        self._applications: list[Application] | None = None
        self._blocks: dict[str, list[Block]] = {}

    def applications(self) -> list[Application]:
        if self._applications is None:
            self._applications = self.client.applications()
        return self._applications

    def blocks(self, application: Application) -> list[Block]:
        if application.id not in self._blocks:
            self._blocks[application.id] = self.client.blocks(application.id)
        return self._blocks[application.id]


def remote_subject(workspace: _Workspace, subject: RemoteSubject) -> RemoteSubject:
    """Fill `subject` with what Pigment holds for its configuration."""
    target = subject.config.target
    applications = matching(workspace.applications(), target.application)
    subject.applications = applications
    if target.application is not None and len(applications) != 1:
        return subject  # unknown or ambiguous: PGM501 / PGM506
    for application in applications:
        for block in workspace.blocks(application):
            if target.block_id is not None:
                found = block.id == target.block_id.lower()
            else:
                found = block.name == target.block
            if found:
                subject.blocks.append((application, block))
    if len(subject.blocks) == 1 and subject.config.id is not None:
        application, block = subject.blocks[0]
        subject.configurations = workspace.client.import_configurations(application.id, block.id)
    return subject


def verify_remote(
    paths: Sequence[Path | str],
    client: PigmentClient,
    settings: Settings | None = None,
) -> Report:
    """Check configurations against Pigment. A configuration that cannot be read gets the
    offline verify's findings (CFG401) instead. Raises a PigmentError when Pigment cannot be
    asked (no key, refused, unreachable)."""
    from csvlint.config.load import load_config
    from csvlint.lifecycle import ConfigFileError, verify_config
    from csvlint.rules import catalogue

    # like the offline verify, every rule runs whatever `select` says; `ignore` still applies
    chosen = replace(settings or Settings(), select=None)
    selection = chosen.selection()
    collector = Collector(selection)
    files: list[FileResult] = []
    workspace = _Workspace(client)
    unreadable: list[Path] = []
    codes = [code for code in catalogue() if code.startswith("PGM")]
    for given in paths:
        path = Path(given)
        if not path.is_file():
            raise ConfigFileError(f"{path}: no such configuration file")
        loaded = load_config(path)
        if loaded.config is None:
            unreadable.append(path)
            continue
        shown = display(path)
        subject = remote_subject(workspace, RemoteSubject(loaded.config))
        for rule in rules_of(codes):
            if not issubclass(rule, RemoteRule) or rule.code in selection.ignored_in(shown):
                continue
            judge = rule(FileContext(shown, config=loaded.config))
            collector.add(rule, judge.check_remote(subject), shown)
        files.append(FileResult(path=shown, kind="config"))
    report = Report.build(files, collector.findings)
    if unreadable:
        report = report.merge(verify_config(unreadable, settings))
    return report
