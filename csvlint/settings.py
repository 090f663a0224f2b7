"""Settings: `[tool.csvlint]` in pyproject.toml or `.csvlint.toml`, found in the project of the
files linted (see `csvlint.engine.discovery`), validated against `schemas/settings.schema.json`,
merged with options."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from csvlint.engine.selection import Selection
from csvlint.errors import SettingsError
from csvlint.finding import Severity
from csvlint.rules import UnknownRule, resolve

DEFAULT_CONFIGS = ("**/*.import.yaml", "**/*.import.yml", "**/*.import.json")
DEFAULT_MAX_PER_RULE = 20


@dataclass(frozen=True)
class Settings:
    """Every setting, with its default. `source` is the file they came from, if any."""

    source: Path | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    severity: Mapping[str, str] = field(default_factory=dict)
    strict: bool = False
    format: str = "full"
    max_per_rule: int = DEFAULT_MAX_PER_RULE
    field_size_limit: int = 1 << 20
    configs: tuple[str, ...] = DEFAULT_CONFIGS
    exclude: tuple[str, ...] = ()
    #: `[tool.csvlint.pigment] url`: the host `csvlint pigment` commands talk to
    pigment_url: str = "https://pigment.app"

    def with_options(self, **options: Any) -> Settings:
        """These settings with the options given on the command line (None: not given)."""
        given = {key: value for key, value in options.items() if value is not None}
        return replace(self, **given)

    def selection(self) -> Selection:
        """The rule selection these settings make. Raises SettingsError for an unknown rule."""
        where = f"{self.source}: " if self.source else ""
        try:
            select = resolve(self.select) if self.select is not None else None
            ignore = resolve(self.ignore)
            per_file = tuple(
                (glob, resolve(codes)) for glob, codes in self.per_file_ignores.items()
            )
            levels: dict[str, Severity | None] = {}
            for selector, level in self.severity.items():
                for code in resolve([selector]):
                    levels[code] = None if level == "off" else Severity(level)
        except UnknownRule as exc:
            raise SettingsError(f"{where}{exc}") from None
        if select is not None and not select:
            raise SettingsError(
                f"{where}select names no rule, so nothing would be checked: name rules, or "
                "leave it out to check every rule"
            )
        root = None if self.source is None else self.source.parent
        return Selection(select, ignore, levels, per_file, root)


def find_settings_file(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The settings of the project `start` (a file or folder) belongs to: `.csvlint.toml`, or
    `pyproject.toml` with `[tool.csvlint]`, in the project's root, with its table. Never above
    a version-control root or the user's home."""
    from csvlint.engine.discovery import project_root

    root = project_root(start)
    for folder in (root.path,) if root.marked else ():
        own = folder / ".csvlint.toml"
        if own.is_file():
            return own, _read_toml(own)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            table = _read_toml(pyproject).get("tool", {}).get("csvlint")
            if table is not None:
                if not isinstance(table, dict):
                    raise SettingsError(f"{pyproject}: [tool.csvlint] must be a table")
                return pyproject, table
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib  # only a project with settings pays for the TOML parser

    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"{path}: cannot be read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: not valid TOML: {exc}") from None


def load_settings(start: Path | None = None, path: Path | None = None) -> Settings:
    """Settings from `path`, or from the project of `start`, a file or folder (default: the
    current directory); defaults when there is none."""
    if path is not None:
        table = _read_toml(path)
        if path.name == "pyproject.toml":
            table = table.get("tool", {}).get("csvlint", {})
        found: tuple[Path, dict[str, Any]] | None = (path, table)
    else:
        found = find_settings_file((start or Path.cwd()).resolve())
    if found is None:
        return Settings()
    source, table = found
    _validate(source, table)
    return _from_table(source, table)


def _validate(source: Path, table: dict[str, Any]) -> None:
    from csvlint.config.model import SourceMap
    from csvlint.config.schema import schema_problems

    problems = schema_problems(table, SourceMap(), "settings")
    if problems:
        first = problems[0]
        key = first.pointer.strip("/").replace("/", ".")
        where = f"{key}: " if key and not first.message.startswith("unknown key") else ""
        raise SettingsError(f"{source}: {where}{first.message}")


def _strings(value: Sequence[str] | None) -> tuple[str, ...] | None:
    return None if value is None else tuple(value)


def _from_table(source: Path, table: dict[str, Any]) -> Settings:
    base = Settings(source=source)
    return replace(
        base,
        select=_strings(table.get("select")),
        ignore=tuple(table.get("ignore", ())),
        per_file_ignores={k: tuple(v) for k, v in table.get("per-file-ignores", {}).items()},
        severity=dict(table.get("severity", {})),
        strict=table.get("strict", base.strict),
        format=table.get("format", base.format),
        max_per_rule=table.get("max-per-rule", base.max_per_rule),
        field_size_limit=table.get("field-size-limit", base.field_size_limit),
        configs=tuple(table.get("configs", base.configs)),
        exclude=tuple(table.get("exclude", ())),
        pigment_url=table.get("pigment", {}).get("url", base.pigment_url),
    )
