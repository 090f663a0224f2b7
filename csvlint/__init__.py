"""csvlint: lint CSV extracts and the Pigment import configurations that receive them.

    import csvlint
    report = csvlint.lint("out/employees.csv", config="imports/employees.import.yaml")
    report.raise_for_errors()

The names below are imported on first use, so that `import csvlint` stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "lint": "csvlint.api",
    "lint_bytes": "csvlint.api",
    "lint_stream": "csvlint.api",
    "load_config": "csvlint.api",
    "verify_config": "csvlint.lifecycle",
    "save_config": "csvlint.lifecycle",
    "config_id": "csvlint.lifecycle",
    "CsvlintError": "csvlint.errors",
    "ConfigError": "csvlint.errors",
    "DuplicateIdError": "csvlint.errors",
    "IdConflictError": "csvlint.errors",
    "LintError": "csvlint.errors",
    "LockTimeoutError": "csvlint.errors",
    "MissingPathError": "csvlint.errors",
    "SettingsError": "csvlint.errors",
    "UnreadableFileError": "csvlint.errors",
    "UsageError": "csvlint.errors",
    "Report": "csvlint.report",
    "FileResult": "csvlint.report",
    "Omission": "csvlint.report",
    "Finding": "csvlint.finding",
    "Severity": "csvlint.finding",
    "Dialect": "csvlint.dialect",
    "Settings": "csvlint.settings",
    "load_settings": "csvlint.settings",
    "ImportConfig": "csvlint.config.model",
}

__all__ = [
    "ConfigError",
    "CsvlintError",
    "Dialect",
    "DuplicateIdError",
    "FileResult",
    "Finding",
    "IdConflictError",
    "ImportConfig",
    "LintError",
    "LockTimeoutError",
    "MissingPathError",
    "Omission",
    "Report",
    "Settings",
    "SettingsError",
    "Severity",
    "UnreadableFileError",
    "UsageError",
    "__version__",
    "config_id",
    "lint",
    "lint_bytes",
    "lint_stream",
    "load_config",
    "load_settings",
    "save_config",
    "verify_config",
]

if TYPE_CHECKING:
    from csvlint.api import lint, lint_bytes, lint_stream, load_config
    from csvlint.config.model import ImportConfig
    from csvlint.dialect import Dialect
    from csvlint.errors import (
        ConfigError,
        CsvlintError,
        DuplicateIdError,
        IdConflictError,
        LintError,
        LockTimeoutError,
        MissingPathError,
        SettingsError,
        UnreadableFileError,
        UsageError,
    )
    from csvlint.finding import Finding, Severity
    from csvlint.lifecycle import config_id, save_config, verify_config
    from csvlint.report import FileResult, Omission, Report
    from csvlint.settings import Settings, load_settings


def __dir__() -> list[str]:
    return sorted(__all__)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'csvlint' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
