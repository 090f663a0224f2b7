"""The errors the library raises: one base, `CsvlintError`, that a caller can catch as a whole,
and one public subclass for each way a call can fail. Everything wrong inside a file is a
finding in the report, never an error."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from csvlint.report import Report


class CsvlintError(Exception):
    """The base of every error csvlint raises on purpose (bad input, missing file, bad setting)."""


class MissingPathError(CsvlintError, FileNotFoundError):
    """A path given to csvlint (a CSV file, a folder, a configuration) that does not exist."""


class UnreadableFileError(CsvlintError, OSError):
    """A file that exists but cannot be read (permissions, a device, an I/O error)."""


class UsageError(CsvlintError, ValueError):
    """A call that cannot be done as asked: standard input twice, or where there is none."""


class SettingsError(CsvlintError, ValueError):
    """Settings that cannot be used, or an unknown rule asked for; the message names the file,
    the key and the problem."""


class ConfigError(CsvlintError, ValueError):
    """An import configuration that cannot be used: each problem with its line and pointer."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        super().__init__(f"{path}: " + "; ".join(problems))
        self.path = path
        self.problems = problems


class IdConflictError(CsvlintError, ValueError):
    """An ID asked for in a save that would replace the configuration's own ID (without
    `replace_id`): the file is left as it is."""


class DuplicateIdError(IdConflictError):
    """An ID asked for in a save that another configuration of the project already has."""


class LockTimeoutError(CsvlintError, TimeoutError):
    """A save that waited too long for another run saving the same configuration."""


class LintError(CsvlintError):
    """Raised by `Report.raise_for_errors()`; carries the report."""

    def __init__(self, report: Report) -> None:
        from csvlint.finding import Severity

        errors = report.count(Severity.ERROR)
        first = next((f for f in report.findings if f.severity is Severity.ERROR), None)
        detail = f": {first.path}:{first.line or 0}: {first.code} {first.message}" if first else ""
        super().__init__(f"{errors} error{'s' if errors != 1 else ''}{detail}")
        self.report = report
