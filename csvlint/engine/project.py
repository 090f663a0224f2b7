"""A lint over paths: configurations with their samples first, then CSV files, each against
the configuration that receives it, then the checks across files."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from csvlint.engine.configfile import ConfigSubject, inside, project_root
from csvlint.engine.context import FileContext
from csvlint.engine.globs import matches
from csvlint.engine.run import LintOptions, ProgressFactory, Run
from csvlint.engine.sources import (
    SKIPPED_DIRS,
    blocks_from_path,
    blocks_of,
    display,
    excluded,
    expand,
    is_config,
)
from csvlint.finding import Severity
from csvlint.report import FileResult, Report
from csvlint.rules import ConfigRule
from csvlint.settings import Settings

if TYPE_CHECKING:
    from csvlint.config.load import LoadedConfig
    from csvlint.config.parse import Parsed


class ProjectError(ValueError):
    """The lint cannot be done as asked: standard input twice, or where there is none.
    (A path that does not exist raises `MissingPath`, a FileNotFoundError.)"""


class UnreadableFile(OSError):
    """A file to lint that exists but cannot be read (permissions, a device, an I/O error)."""


class Project:
    """The configurations of a project and the lint of any paths in it."""

    def __init__(
        self,
        settings: Settings,
        options: LintOptions,
        root: Path | None = None,
        progress: ProgressFactory | None = None,
    ) -> None:
        self.settings = settings
        self.options = options
        self.root = root or (settings.source.parent if settings.source else Path.cwd())
        self.run = Run(options, progress)
        self._loaded: dict[Path, LoadedConfig] = {}
        self._discovered: list[Path] | None = None
        self._samples: set[Path] = set()
        self._claims: dict[Path, tuple[str | None, list[str]]] = {}
        #: configurations parsed to read their claims: text and result, kept for the full load
        self._parsed: dict[Path, tuple[str, Parsed]] = {}
        self._configs_linted = False
        self.subjects: list[ConfigSubject] = []

    # -- configurations -------------------------------------------------------------------

    def load(self, path: Path) -> LoadedConfig:
        """A configuration file, read once per lint."""
        from csvlint.config.load import load_config

        key = path.resolve()
        if key not in self._loaded:
            self._loaded[key] = load_config(path, self._parsed.pop(key, None))
        return self._loaded[key]

    def discovered(self) -> list[Path]:
        """Every configuration under the project root matching the `configs` setting."""
        if self._discovered is None:
            found: list[Path] = []
            for folder, dirs, files in os.walk(self.root):
                dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS)
                for name in sorted(files):
                    if not is_config(name):
                        continue
                    path = Path(folder, name)
                    relative = path.relative_to(self.root).as_posix()
                    wanted = any(matches(relative, glob) for glob in self.settings.configs)
                    if wanted and not excluded(relative, self.settings.exclude):
                        found.append(path)
            self._discovered = found
        return self._discovered

    def config_for(self, csv: Path) -> LoadedConfig | None:
        """The configuration whose `files` patterns (or `sample`) name this CSV file, checked
        (without its sample) the first time it is used."""
        wanted = csv.resolve()
        for path in self.discovered():
            if self._names(path, wanted):
                return self.reference(path)
        return None

    def _names(self, config: Path, csv: Path) -> bool:
        """Whether a configuration's `sample` or `files` name `csv`. Only the file's YAML or
        JSON is read: validating every configuration of a project would cost each lint."""
        key = config.resolve()
        if key not in self._claims:
            self._claims[key] = self._read_claims(key)
        sample, patterns = self._claims[key]
        folder = key.parent
        if sample is not None and (folder / sample).resolve() == csv:
            return True
        try:
            relative = csv.relative_to(folder).as_posix()
        except ValueError:
            relative = os.path.relpath(csv, folder).replace(os.sep, "/")
        return any(matches(relative, pattern) for pattern in patterns)

    def _read_claims(self, config: Path) -> tuple[str | None, list[str]]:
        """A configuration file's `sample` and `files`, read without validating the rest."""
        from csvlint.config.load import MAX_READ, is_json_path
        from csvlint.config.parse import parse_text

        try:
            with config.open("rb") as stream:
                # a file over the size limit is cut short here, and refused by parse_text
                text = stream.read(MAX_READ).decode("utf-8").removeprefix("\ufeff")
        except (OSError, UnicodeDecodeError):
            return None, []
        parsed = parse_text(text, is_json=is_json_path(config))
        self._parsed[config] = (text, parsed)
        data = parsed.data or {}
        sample = data.get("sample")
        files = data.get("files")
        patterns = [p for p in files if isinstance(p, str)] if isinstance(files, list) else []
        return (sample if isinstance(sample, str) else None), patterns

    def reference(self, path: Path) -> LoadedConfig:
        """A configuration CSV files are checked against. It is checked itself (without its
        sample, which `config save` and `config verify` check) the first time it is used."""
        shown = display(path)
        if not any(s.shown == shown for s in self.subjects):
            self.check_config(path, shown, with_sample=False)
        return self.load(path)

    def check_config(
        self, path: Path, shown: str, verifying: bool = False, with_sample: bool = True
    ) -> ConfigSubject:
        """Check a configuration file, and its sample unless told not to; the findings go to
        this lint's report."""
        loaded = self.load(path)
        subject = ConfigSubject(loaded, shown, project_root(path), verifying=verifying)
        config = loaded.config
        self._configs_linted = self._configs_linted or with_sample
        if config is not None and with_sample:
            self._check_sample(subject)
        rules = self._config_rules(shown)
        if not with_sample:
            # a configuration used as a reference: only what could make its checks wrong,
            # not a draft's or a review's information
            rules = [rule for rule in rules if rule.severity is not Severity.INFO]
        for rule in rules:
            judge = rule(FileContext(shown, config=config))
            self.run.collector.add(rule, judge.check_config(subject), shown)
        self.run.files.append(FileResult(path=shown, kind="config"))
        self.subjects.append(subject)
        return subject

    def _config_rules(self, shown: str) -> list[type[ConfigRule]]:
        return [
            rule
            for rule in self.options.selection.rules_for(shown, True, ("CFG",))
            if issubclass(rule, ConfigRule)
        ]

    def _check_sample(self, subject: ConfigSubject) -> None:
        config = subject.config
        assert config is not None
        sample = config.sample_path
        if config.sample is None or sample is None:
            subject.sample_problem = "the configuration names no sample"
            return
        subject.sample_shown = display(sample)
        if not inside(sample, subject.root):
            subject.sample_problem = f"the sample {config.sample!r} is outside the project"
            return
        if sample.is_dir():
            subject.sample_problem = f"the sample {config.sample!r} is a folder, not a CSV file"
            return
        if not sample.is_file():
            subject.sample_problem = f"the sample {config.sample!r} does not exist"
            return
        context = FileContext(
            subject.sample_shown,
            config=config,
            config_path=subject.shown,
            sample=True,
            field_size_limit=self.options.field_size_limit,
            listed=self.options.max_per_rule,
        )
        try:
            blocks = blocks_from_path(sample)
            facts = self.run.lint_csv(context, blocks, sample.stat().st_size)
        except OSError as exc:
            subject.sample_problem = f"the sample cannot be read: {exc.strerror or exc}"
            return
        self._samples.add(sample.resolve())
        subject.sample, subject.sample_facts = context, facts
        if facts.binary is not None:
            subject.sample_problem = f"the sample is not a CSV file: it is {facts.binary.what}"

    def check_project(self) -> None:
        """The checks across every configuration of the project (duplicate IDs), when a
        configuration itself was linted; not when configurations only served as references
        for CSV files, which would make every extract's lint read the whole project."""
        if not self._configs_linted:
            return
        checked = {s.loaded.path.resolve() for s in self.subjects}
        for path in self.discovered():
            if path.resolve() not in checked:
                loaded = self.load(path)
                bystander = ConfigSubject(loaded, display(path), self.root, checked=False)
                self.subjects.append(bystander)
        first = self.subjects[0].shown
        for rule in self._config_rules(first):
            judge = rule(FileContext(first))
            self.run.collector.add(rule, judge.check_project(self.subjects), first)

    # -- lints ----------------------------------------------------------------------------

    def lint_paths(
        self, paths: Sequence[str], config: Path | None = None, stdin: BinaryIO | None = None
    ) -> Report:
        """Lint files and folders (and `-`, standard input, when `stdin` is given)."""
        targets = expand(paths, self.settings.exclude)
        if sum(t.path is None for t in targets) > 1:
            raise ProjectError("standard input (-) can be read only once")
        given = self._given_config(config)
        for target in (t for t in targets if t.is_config):
            assert target.path is not None
            self.check_config(target.path, target.shown)
            if self.run.stopped:
                return self.report()
        for target in (t for t in targets if not t.is_config):
            if target.path is not None and target.path.resolve() in self._samples:
                continue  # already checked as its configuration's sample
            if target.path is None:
                if stdin is None:
                    raise ProjectError("standard input (-) is not available here")
                self._lint_csv(target.shown, blocks_of(stdin), given, 0)
            else:
                loaded = given or self.config_for(target.path)
                try:
                    size = target.path.stat().st_size
                    self._lint_csv(target.shown, blocks_from_path(target.path), loaded, size)
                except OSError as exc:
                    raise UnreadableFile(
                        f"{target.shown}: cannot be read: {exc.strerror or exc}"
                    ) from None
            if self.run.stopped:
                break
        return self.report()

    def lint_blocks(self, name: str, blocks: Iterator[bytes], config: Path | None) -> Report:
        """Lint one CSV given as blocks of bytes."""
        self._lint_csv(name, blocks, self._given_config(config), 0)
        return self.report()

    def _given_config(self, config: Path | None) -> LoadedConfig | None:
        if config is None:
            return None
        if not config.is_file():
            raise ProjectError(f"{config}: no such configuration file")
        return self.reference(config)

    def _lint_csv(
        self, shown: str, blocks: Iterator[bytes], loaded: LoadedConfig | None, size: int
    ) -> None:
        context = FileContext(
            shown,
            config=loaded.config if loaded else None,
            config_path=display(loaded.path) if loaded and loaded.config else None,
            field_size_limit=self.options.field_size_limit,
            listed=self.options.max_per_rule,
        )
        self.run.lint_csv(context, blocks, size)

    def report(self) -> Report:
        """The report of everything linted so far, with the checks across files."""
        if not self._reported:
            self.check_project()
            self._reported = True
        return self.run.report()

    _reported = False
