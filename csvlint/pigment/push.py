"""`csvlint pigment push` and `status`: lint, push, wait, and the import's report with lines.

`push_file` lints the file against its configuration first and refuses on any error (with
`force`, it pushes despite errors in the values, never despite one that blocks Copy ID); then it
pushes the file under the configuration's ID, waits for the import, and reads the detailed
report. `ImportReport` is what a connector acts on: `ok` only when the import completed with
nothing skipped (or skipped rows are allowed).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from csvlint.config.model import ImportConfig
from csvlint.pigment.api import ImportStatus
from csvlint.pigment.client import PigmentClient
from csvlint.pigment.errors import PigmentError
from csvlint.pigment.lines import SkippedLines, locate_skipped
from csvlint.report import Report
from csvlint.settings import Settings


class NotLinked(PigmentError):
    """The configuration has no ID to push under."""


@dataclass(frozen=True)
class ImportReport:
    """What Pigment did with a pushed file: the import's state, counts, automatically created
    items, every skipped-data entry tied to the file's lines, and a failure's errors."""

    status: ImportStatus
    file: str | None
    configuration: str | None
    skipped: tuple[SkippedLines, ...] = ()
    allow_skipped: bool = False

    @property
    def skipped_count(self) -> int:
        """Rows or values Pigment skipped, by its summary."""
        report = self.status.report
        return report.skipped if report is not None else 0

    @property
    def ok(self) -> bool:
        """Completed, and nothing skipped unless skipped rows are allowed."""
        return self.status.state == "Completed" and (
            self.allow_skipped or (self.skipped_count == 0 and not self.skipped)
        )

    def to_dict(self) -> dict[str, Any]:
        """The report in the JSON contract (`csvlint schema pigment-import`)."""
        from csvlint import __version__

        status, report = self.status, self.status.report
        return {
            "version": 1,
            "tool": {"name": "csvlint", "version": __version__},
            "import_id": status.import_id,
            "state": status.state,
            "ok": self.ok,
            "created_at": status.created_at,
            "completed_at": status.completed_at,
            "file": self.file,
            "configuration": self.configuration,
            "counts": None
            if report is None
            else {
                "inserted": report.inserted,
                "updated": report.updated,
                "deleted": report.deleted,
                "skipped": report.skipped,
            },
            "auto_created": [
                {"block_id": block, "count": count}
                for block, count in (report.auto_created if report else ())
            ],
            "skipped": [
                {
                    "block_id": s.block_id,
                    "scenario_id": s.scenario_id,
                    "reason": s.reason,
                    "column": s.column,
                    "count": s.count,
                    "samples": list(s.samples),
                    "located": s.located,
                    "lines": list(s.lines),
                    "lines_matched": s.matched,
                }
                for s in self.skipped
            ],
            "errors": [{"name": e.name, "description": e.description} for e in status.errors],
        }


@dataclass
class Pushed:
    """The outcome of `push_file`: the lint's report; and when the file was pushed, the import
    id, and its report once waited for."""

    lint: Report
    import_id: str | None = None
    result: ImportReport | None = None
    config: ImportConfig | None = field(default=None, repr=False)

    @property
    def pushed(self) -> bool:
        """Whether the file went to Pigment."""
        return self.import_id is not None


def import_report(
    status: ImportStatus,
    file: Path | None = None,
    config: ImportConfig | None = None,
    allow_skipped: bool = False,
) -> ImportReport:
    """The report of an import; with the pushed `file`, its skipped entries carry lines."""
    skipped = locate_skipped(status.report, file, config) if status.report else []
    return ImportReport(
        status,
        None if file is None else file.as_posix(),
        None if config is None else config.id,
        tuple(skipped),
        allow_skipped,
    )


def push_file(
    path: Path | str,
    config: Path | str,
    client: PigmentClient,
    *,
    settings: Settings | None = None,
    force: bool = False,
    wait: bool = True,
    allow_skipped: bool = False,
    timeout: float = 1800.0,
    on_poll: Callable[[ImportStatus, float], None] | None = None,
) -> Pushed:
    """Lint the CSV file at `path` against `config`, then push it and (with `wait`) read the
    import's report. Nothing is pushed when the lint has an error (with `force`: one that
    blocks Copy ID). Raises NotLinked when the configuration has no ID, a PigmentError when
    Pigment cannot be asked."""
    from csvlint.api import lint
    from csvlint.config.load import load_config

    file, config_path = Path(path), Path(config)
    report = lint(file, config=config_path, settings=settings)
    loaded = load_config(config_path)
    outcome = Pushed(report, config=loaded.config)
    refused = report.blocks_copy_id if force else not report.ok
    if refused or loaded.config is None:
        return outcome
    if loaded.config.id is None:
        raise NotLinked(
            f"{config_path}: the configuration has no id to push under: create it in Pigment, "
            f"then `csvlint config save {config_path} --id UUID` with its Copy ID"
        )
    outcome.import_id = client.push_csv(loaded.config.id, file)
    if wait:
        status = client.wait_for_import(outcome.import_id, timeout=timeout, on_poll=on_poll)
        outcome.result = import_report(status, file, loaded.config, allow_skipped)
    return outcome
