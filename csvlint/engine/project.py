"""A lint over paths: configurations with their samples first, then CSV files, each against
the configuration that receives it, then the checks across files."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from csvlint.engine.claims import ClaimIndex, Claims
from csvlint.engine.configfile import ConfigSubject
from csvlint.engine.context import FileContext
from csvlint.engine.discovery import (
    ProjectRoot,
    Walk,
    entered,
    inside,
    project_root,
    root_of_folder,
    unsafe,
)
from csvlint.engine.globs import matches
from csvlint.engine.run import LintOptions, ProgressFactory, Run
from csvlint.engine.sources import (
    Target,
    blocks_from_path,
    blocks_of,
    display,
    excluded,
    expand,
    from_root,
    is_config,
    is_csv,
)
from csvlint.errors import MissingPathError, UnreadableFileError, UsageError
from csvlint.finding import Severity
from csvlint.report import FileResult, Report
from csvlint.rules import ClaimRule, ConfigRule
from csvlint.settings import Settings

if TYPE_CHECKING:
    from csvlint.config.load import LoadedConfig
    from csvlint.config.parse import Parsed


#: the names this module gave `UsageError` and `UnreadableFileError` first
ProjectError = UsageError
UnreadableFile = UnreadableFileError


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
        self._root = None if root is None else ProjectRoot(root, True)
        self.run = Run(options, progress)
        self.walk = Walk()
        self._loaded: dict[Path, LoadedConfig] = {}
        #: each configuration's path as given → resolved, once per lint
        self._real: dict[Path, Path] = {}
        self._discovered: dict[Path, list[Path]] = {}
        self._indexes: dict[Path, ClaimIndex] = {}
        #: the project of each folder a linted file was in
        self._roots: dict[Path, ProjectRoot] = {}
        #: each folder a linted file was in, as found → resolved
        self._folders: dict[Path, Path] = {}
        #: each sample checked so far, resolved → the configurations it was checked for
        self._samples: dict[Path, list[Path]] = {}
        #: the configurations checked so far, resolved
        self._checked: set[Path] = set()
        #: configurations parsed to read their claims: text and result, kept for the full load
        self._parsed: dict[Path, tuple[str, Parsed]] = {}
        self._configs_linted = False
        self.subjects: list[ConfigSubject] = []
        #: folders given to lint that hold no CSV file
        self.empty: list[str] = []

    @property
    def root(self) -> Path:
        """The project folder whose configurations are compared with each other: the one given,
        else the project of the first path linted, else that of the current folder."""
        return self.project.path

    @property
    def project(self) -> ProjectRoot:
        """The project of this lint, as `root` says."""
        if self._root is None:
            self._root = project_root(Path.cwd())
        return self._root

    def settle(self, first: Path) -> None:
        """Take the project of `first` as this lint's, unless one is already set."""
        if self._root is None:
            self._root = project_root(first)

    @property
    def skipped(self) -> list[str]:
        """What the search of folders left out, and why."""
        return self.walk.skipped

    # -- configurations -------------------------------------------------------------------

    def load(self, path: Path) -> LoadedConfig:
        """A configuration file, read once per lint."""
        from csvlint.config.load import load_config

        key = self._real.get(path)
        if key is None:
            key = self._real[path] = path.resolve()
        if key not in self._loaded:
            self._loaded[key] = load_config(path, self._parsed.pop(key, None))
        return self._loaded[key]

    def inputs(self) -> set[Path]:
        """Every file this lint read besides the files given, resolved: the configurations,
        their samples and their items files."""
        from csvlint.config.items import ItemsFileError, locate

        found = set(self._loaded) | set(self._samples)
        for loaded in self._loaded.values():
            config = loaded.config
            if config is None:
                continue
            for source in config.target.items_files:
                try:
                    root = project_root(config.path).path
                    found.add(locate(config.path, root, source).resolve())
                except ItemsFileError:
                    continue
        return found

    def discovered(self, root: ProjectRoot | None = None) -> list[Path]:
        """Every configuration under a project's root (default: this lint's) matching the
        `configs` setting; none in a folder that may not be searched (home, `/`)."""
        project = root or self.project
        folder = project.path
        if folder not in self._discovered:
            found: list[Path] = []
            if project.searchable:
                for path in self.walk.files(folder, is_config):
                    relative = path.relative_to(folder).as_posix()
                    wanted = any(matches(relative, glob) for glob in self.settings.configs)
                    if wanted and not excluded(relative, self.settings.exclude):
                        found.append(path)
            self._discovered[folder] = found
        return self._discovered[folder]

    def claimants(self, csv: Path, also: Sequence[Path] = ()) -> list[Path]:
        """Every configuration of the file's own project that names this CSV file, unread, in
        their order: the first is the one it is checked against. `also` holds the other paths
        the file was found at: a file reached through links is named by any of them."""
        found: list[Path] = []
        for path in (csv, *also):
            found += [config for config in self._claimants_of(path) if config not in found]
        return found

    def _claimants_of(self, csv: Path) -> list[Path]:
        folder = self._folder_of(csv)
        # a link is claimed by its own path as well as by its target's: `extracts/current.csv`
        # leading to `incoming/dump.csv`, or a file in a linked folder
        return self._index_of(folder).claimants(
            csv.resolve(), folder / csv.name, Path(os.path.abspath(csv))
        )

    def _folder_of(self, path: Path) -> Path:
        """A file's folder, resolved once per lint (the files of a folder share it)."""
        folder = self._folders.get(path.parent)
        if folder is None:
            folder = self._folders[path.parent] = path.parent.resolve()
        return folder

    def _index_of(self, folder: Path) -> ClaimIndex:
        """The claims of the configurations of a (resolved) folder's project: a link's own
        folder, not its target's."""
        root = self._roots.get(folder)
        if root is None:
            root = self._roots[folder] = root_of_folder(folder)
        index = self._indexes.get(root.path)
        if index is None:
            configs = self.discovered(root)
            index = ClaimIndex([self._read_claims(path.resolve()) for path in configs])
            self._indexes[root.path] = index
        return index

    def unread_claims(self, csv: Path, also: Sequence[Path] = ()) -> list[tuple[Path, str]]:
        """The configurations of the file's projects (through each path it was found at) whose
        claims cannot be read, each with why: any of them may claim the file."""
        found: list[tuple[Path, str]] = []
        for path in (csv, *also):
            unread = self._index_of(self._folder_of(path)).unread
            found += [item for item in unread if item not in found]
        return found

    def _read_claims(self, config: Path) -> Claims:
        """A configuration file's `sample` and `files`, read without validating the rest:
        validating every configuration of a project would cost each lint."""
        from csvlint.config.load import MAX_READ, is_json_path
        from csvlint.config.parse import parse_text

        try:
            with config.open("rb") as stream:
                # a file over the size limit is cut short here, and refused by parse_text
                text = stream.read(MAX_READ).decode("utf-8").removeprefix("\ufeff")
        except OSError as exc:
            return Claims(config, None, (), unread=f"it cannot be read: {exc.strerror or exc}")
        except UnicodeDecodeError:
            return Claims(config, None, (), unread="it is not UTF-8 text")
        parsed = parse_text(text, is_json=is_json_path(config))
        self._parsed[config] = (text, parsed)
        if parsed.data is None:
            why = parsed.problems[0].message if parsed.problems else "it holds no mapping"
            return Claims(config, None, (), unread=f"it cannot be parsed: {why}")
        sample, files = parsed.data.get("sample"), parsed.data.get("files", [])
        if sample is not None and not isinstance(sample, str):
            return Claims(config, None, (), unread="its `sample` is not a path")
        if not (isinstance(files, list) and all(isinstance(p, str) for p in files)):
            return Claims(config, sample, (), unread="its `files` is not a list of patterns")
        return Claims(config, sample, files)

    def reference(self, path: Path) -> LoadedConfig:
        """A configuration CSV files are checked against. It is checked itself (without its
        sample, which `config save` and `config verify` check) the first time it is used."""
        # the same file however its path is spelled (`emp.import.yaml`, `../imports/...`)
        if path.resolve() not in self._checked:
            self.check_config(path, display(path), with_sample=False)
        return self.load(path)

    def check_config(
        self, path: Path, shown: str, verifying: bool = False, with_sample: bool = True
    ) -> ConfigSubject:
        """Check a configuration file, and its sample unless told not to; the findings go to
        this lint's report."""
        loaded = self.load(path)
        self._checked.add(path.resolve())
        subject = ConfigSubject(loaded, shown, project_root(path).path, verifying=verifying)
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
            self.run.collector.add(rule, judge.check_config(subject), shown, verifying=verifying)
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
        try:
            problem = _sample_problem(sample, config.sample, subject.root)
        except OSError as exc:  # a name the system refuses (too long, ...)
            problem = f"the sample cannot be read: {exc.strerror or exc}"
        if problem is not None:
            subject.sample_problem = problem
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
        self._samples.setdefault(sample.resolve(), []).append(subject.loaded.path.resolve())
        subject.sample, subject.sample_facts = context, facts
        if facts.binary is not None:
            subject.sample_problem = f"the sample is not a CSV file: it is {facts.binary.what}"

    def check_project(self) -> None:
        """The checks across every configuration of the project (duplicate IDs), when a
        configuration itself was linted; not when configurations only served as references
        for CSV files, which would make every extract's lint read the whole project."""
        if not self._configs_linted:
            return
        # each project the configurations linted belong to, compared within itself: the
        # answer must not depend on which path came first
        projects: dict[Path, ProjectRoot] = {self.root: self.project}
        for subject in self.subjects:
            if subject.root not in projects:
                projects[subject.root] = project_root(subject.loaded.path)
        checked = {s.loaded.path.resolve() for s in self.subjects}
        for root, project in projects.items():
            members = [s for s in self.subjects if s.root == root]
            for path in self.discovered(project):
                if path.resolve() not in checked:
                    checked.add(path.resolve())
                    loaded = self.load(path)
                    members.append(ConfigSubject(loaded, display(path), root, checked=False))
            if not members:
                continue
            first = members[0].shown
            for rule in self._config_rules(first):
                judge = rule(FileContext(first))
                self.run.collector.add(rule, judge.check_project(members), first)

    # -- lints ----------------------------------------------------------------------------

    def targets(
        self, paths: Sequence[str], csv_only: bool = False, config: Path | None = None
    ) -> list[Target]:
        """What linting `paths` would read, this lint's project taken from the first path.
        A folder with no CSV file in it is named in `empty`. With `csv_only`, only what is CSV
        is kept: `*.csv` and `*.tsv` files, files a configuration claims whatever their name
        (every file, with a `config` to check them against), and standard input (a pre-commit
        hook passes every file that changed)."""
        first = next((p for p in paths if p != "-"), None)
        if first is not None:
            self.settle(Path(first))
        source = self.settings.source
        root = None if source is None else source.parent
        targets = expand(paths, self.settings.exclude, self.walk, root)
        targets += self._claimed(paths, targets, root)
        if csv_only:
            targets = [t for t in targets if self._is_csv(t, claimed=config is not None)]
        self.empty = [
            given
            for given in dict.fromkeys(paths)
            if given != "-"
            and Path(given).is_dir()
            and not any(
                not t.is_config and any(_under(p, given) for p in (t.path, *t.also) if p)
                for t in targets
            )
        ]
        return targets

    def _claimed(
        self, paths: Sequence[str], targets: Sequence[Target], root: Path | None
    ) -> list[Target]:
        """The files of the folders given that a configuration's `files` claim and that the
        folder's search passed over (ignored by git, or not named `*.csv`): a configuration
        naming its extracts asks for them to be linted, and leaving them out would say
        nothing."""
        have = {os.path.realpath(t.path) for t in targets if t.path is not None}
        found: list[Target] = []
        for given in paths:
            if given == "-" or not os.path.isdir(given):
                continue
            project = project_root(Path(given))
            if not self.discovered(project):
                continue
            for path in _files_under(Path(given)):
                real = os.path.realpath(path)
                if real in have or is_config(path) or not self._claims(path):
                    continue
                shown = display(path)
                if excluded(from_root(path, root, shown), self.settings.exclude):
                    continue
                have.add(real)
                problem = unsafe(path, project.path)
                if problem is None:
                    found.append(Target(shown, path, walked=True))
                else:
                    self.walk.skipped.append(f"{shown}: skipped: {problem}")
        return found

    def _is_csv(self, target: Target, claimed: bool = False) -> bool:
        """Whether a target is CSV: standard input, a `*.csv` or `*.tsv` file, or a file a
        configuration claims (its `sample`, or one its `files` match), whatever its name; any
        file but a configuration when the lint names the configuration (`claimed`)."""
        if target.path is None:
            return True
        if target.is_config:
            return False
        if claimed or any(is_csv(path.name) for path in (target.path, *target.also)):
            return True
        try:
            # a configuration whose claims cannot be read may claim it (CFG423 says so)
            return bool(
                self.claimants(target.path, target.also)
                or self.unread_claims(target.path, target.also)
            )
        except (OSError, RuntimeError):
            return False

    def _claims(self, path: Path) -> bool:
        """Whether a configuration claims `path`; a link that cannot be followed (dangling,
        looping) is claimed by none (its folder's search warns of it when it is a CSV file)."""
        try:
            return bool(self.claimants(path))
        except (OSError, RuntimeError):
            return False

    def show_files(
        self, paths: Sequence[str], config: Path | None = None, csv_only: bool = False
    ) -> list[tuple[str, str | None]]:
        """Each file linting `paths` would read, with the configuration it would be checked
        against (None: none; a configuration is checked against its own sample), and the
        others that claim it."""
        targets = self.targets(paths, csv_only, config)
        sampled: dict[Path, list[Path]] = {}
        for target in targets:
            if target.is_config and target.path is not None:
                own = self.load(target.path).config
                if own is not None and own.sample_path is not None:
                    owners = sampled.setdefault(own.sample_path.resolve(), [])
                    owners.append(target.path.resolve())
        shown: list[tuple[str, str | None]] = []
        for target in targets:
            if target.path is None:
                shown.append((target.shown, display(config) if config else None))
            elif target.is_config:
                shown.append((target.shown, target.shown))
            elif config is not None:
                shown.append((target.shown, display(config)))
            else:
                owners = sampled.get(target.path.resolve(), [])
                applied, others = self._split_claims(target, owners)
                label = ", ".join(display(path) for path in applied) or None
                if label is not None and others:
                    label += f" (also claimed by {', '.join(display(p) for p in others)})"
                shown.append((target.shown, label))
        return shown

    def lint_paths(
        self,
        paths: Sequence[str],
        config: Path | None = None,
        stdin: BinaryIO | None = None,
        csv_only: bool = False,
    ) -> Report:
        """Lint files and folders (and `-`, standard input, when `stdin` is given); with
        `csv_only`, only what is CSV among them (see `targets`)."""
        targets = self.targets(paths, csv_only, config)
        if sum(t.path is None for t in targets) > 1:
            raise UsageError("standard input (-) can be read only once")
        if config is not None and not config.is_file():
            raise MissingPathError(f"{config}: no such configuration file")
        for target in (t for t in targets if t.is_config):
            assert target.path is not None
            self.check_config(target.path, target.shown)
            if self.run.stopped:
                return self.report()
        # after the configurations linted themselves: one that is also --config is not
        # checked twice
        given = self._given_config(config)
        for target in (t for t in targets if not t.is_config):
            if target.path is None:
                if stdin is None:
                    raise UsageError("standard input (-) is not available here")
                self._lint_csv(target.shown, blocks_of(stdin), given, 0)
            else:
                applied, checked = self._configuration_of(target, given)
                if checked:
                    continue  # already checked as its configuration's sample
                loaded = given or (self.reference(applied) if applied else None)
                try:
                    size = target.path.stat().st_size
                    self._lint_csv(target.shown, blocks_from_path(target.path), loaded, size)
                except FileNotFoundError as exc:
                    if not target.walked:
                        raise MissingPathError(f"{target.shown}: no such file") from None
                    # gone since the folder was searched: nothing to read, nothing to judge
                    self.walk.skipped.append(f"{target.shown}: skipped: {exc.strerror or exc}")
                except OSError as exc:
                    raise UnreadableFileError(
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
            raise MissingPathError(f"{config}: no such configuration file")
        return self.reference(config)

    def _configuration_of(
        self, target: Target, given: LoadedConfig | None
    ) -> tuple[Path | None, bool]:
        """The configuration a CSV file is checked against when none is `given` (None: none),
        and whether the file was already checked as its sample. A file that several
        configurations claim is reported (CFG422)."""
        assert target.path is not None
        sampled = self._samples.get(target.path.resolve(), [])
        if given is not None:
            return None, given.path.resolve() in sampled
        applied, others = self._split_claims(target, sampled)
        if applied and others:
            self._claimed_twice(target.shown, applied, others)
        unread = self.unread_claims(target.path, target.also)
        if unread:
            self._claims_unread(target.shown, applied, unread)
        return (applied[0] if applied else None), bool(sampled)

    def _split_claims(
        self, target: Target, sampled: Sequence[Path]
    ) -> tuple[list[Path], list[Path]]:
        """The configurations a CSV file is checked against (those it was checked as the
        sample of, else the first that claims it) and the others that claim it."""
        assert target.path is not None
        claimants = self.claimants(target.path, target.also)
        applied = list(sampled) or claimants[:1]
        return applied, [path for path in claimants if path not in applied]

    def _claimed_twice(self, shown: str, applied: Sequence[Path], others: Sequence[Path]) -> None:
        """Report a CSV file that several configurations claim: it is checked against one
        alone, and the others' checks would otherwise be skipped without a word."""
        for judge in self._claim_rules(shown):
            found = judge.check_claims([display(p) for p in applied], [display(p) for p in others])
            self.run.collector.add(type(judge), found, shown)

    def _claims_unread(
        self, shown: str, applied: Sequence[Path], unread: Sequence[tuple[Path, str]]
    ) -> None:
        """Report a CSV file in a project with a configuration whose claims cannot be read:
        it may be the one the file is for, whose checks would otherwise never run unsaid."""
        for judge in self._claim_rules(shown):
            found = judge.check_unread(
                [display(p) for p in applied], [(display(p), why) for p, why in unread]
            )
            self.run.collector.add(type(judge), found, shown)

    def _claim_rules(self, shown: str) -> Iterator[ClaimRule]:
        """The selected rules on which configurations claim a CSV file, each ready to judge."""
        for rule in self.options.selection.rules_for(shown, True, ("CFG",)):
            if issubclass(rule, ClaimRule):
                judge = rule(FileContext(shown))
                assert isinstance(judge, ClaimRule)
                yield judge

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
        return replace(self.run.report(), skipped=tuple(dict.fromkeys(self.skipped)))

    _reported = False


def _files_under(folder: Path) -> Iterator[Path]:
    """Every file under `folder`, in a stable order, outside other repositories and the
    folders a search never enters."""
    for top, dirs, names in os.walk(folder):
        here = Path(top)
        dirs[:] = entered(here, dirs)
        for name in sorted(names):
            yield here / name


def _under(path: Path, folder: str) -> bool:
    return os.path.abspath(path).startswith(os.path.join(os.path.abspath(folder), ""))


def _sample_problem(sample: Path, given: str, root: Path) -> str | None:
    """Why a configuration's sample cannot be read as one, or None."""
    if not inside(sample, root):
        return f"the sample {given!r} is outside the project"
    if sample.is_dir():
        return f"the sample {given!r} is a folder, not a CSV file"
    if not sample.is_file():
        return f"the sample {given!r} does not exist"
    return None
