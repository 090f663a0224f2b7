"""Save, Verify and Copy ID: csvlint's model of Pigment's gate on import configurations.

A configuration is a draft (never saved), checked (saved, no ID yet) or linked (saved with the
ID Pigment's Copy ID gave). Save checks a configuration against its sample and, when nothing
blocks Copy ID, stamps its `saved.fingerprint`, and the `id` given (csvlint never invents
one: only Pigment issues them). Verify checks that a linked configuration still holds. Copy ID
gives the ID only when verify passes.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from csvlint.engine.project import Project
from csvlint.engine.run import LintOptions
from csvlint.engine.sources import display
from csvlint.errors import CsvlintError, DuplicateIdError, IdConflictError, MissingPathError
from csvlint.report import Report
from csvlint.settings import Settings

#: checks a save does not run: it is what refreshes the fingerprint and ends the draft
_NOT_ON_SAVE = ("CFG409", "CFG411", "CFG416")


#: the name this module gave its errors first: a configuration that is not a file is now a
#: `MissingPathError`, an ID another configuration has a `DuplicateIdError`
ConfigFileError = CsvlintError


#: the name `IdConflictError` had first
IdConflict = IdConflictError


@dataclass(frozen=True)
class Saved:
    """The outcome of a save: the report, whether the file was stamped, and its ID after the
    save (None for a configuration checked but not linked yet)."""

    report: Report
    written: bool
    id: str | None = None


def _project(settings: Settings | None, ignore: Sequence[str] = ()) -> Project:
    # the Copy ID gate runs every rule: a `select` written for the lint of extracts must not
    # turn it off; `ignore` and `severity` still relax a rule by name
    chosen = replace(settings or Settings(), select=None, max_per_rule=0)
    if ignore:
        chosen = chosen.with_options(ignore=tuple(chosen.ignore) + tuple(ignore))
    options = LintOptions(selection=chosen.selection(), field_size_limit=chosen.field_size_limit)
    return Project(chosen, options)


def _existing(path: Path) -> Path:
    if not path.is_file():
        raise MissingPathError(f"{path}: no such configuration file")
    return path


def project_configs(settings: Settings | None = None) -> list[Path]:
    """Every configuration of the current folder's project: the `configs` globs under its root
    (see `csvlint.engine.discovery`)."""
    return list(_project(settings).discovered())


def verify_config(
    paths: Path | str | Sequence[Path | str], settings: Settings | None = None
) -> Report:
    """Check saved configurations: canonical and unique IDs, fresh fingerprints, samples that
    still match, nothing that blocks Copy ID. A draft blocks. `report.blocks_copy_id` is the
    verdict."""
    given = [paths] if isinstance(paths, str | Path) else list(paths)
    project = _project(settings)
    if given:
        project.settle(Path(given[0]))  # its project, never the current folder's
    for path in given:
        file = _existing(Path(path))
        project.check_config(file, display(file), verifying=True)
    return project.report()


def config_id(path: Path | str, settings: Settings | None = None) -> tuple[str | None, Report]:
    """The configuration's ID when verify passes, else None; with the verify report."""
    file = _existing(Path(path))
    report = verify_config(file, settings)
    if report.blocks_copy_id:
        return None, report
    project = _project(settings)
    config = project.load(file).config
    return (config.id if config else None), report


def save_config(
    path: Path | str,
    new_id: str | None = None,
    settings: Settings | None = None,
    *,
    replace_id: bool = False,
) -> Saved:
    """Check the configuration against its sample and, when nothing blocks Copy ID, write its
    `saved.fingerprint`, and `new_id` (Pigment's, from Copy ID) when given, atomically.
    Without `new_id` the ID stays as it is, or absent: the configuration is then checked, not
    linked. An ID once set never changes unless `replace_id`: `IdConflictError` otherwise;
    an ID another configuration of the project has is a `DuplicateIdError` (one of those).

    The file is locked from the check to the write: a second save of it waits, then reads what
    this one wrote. Raises OSError when the file cannot be written (read-only, a link out of
    the project) and `LockTimeoutError` when another save holds it too long."""
    from csvlint.containment import write_target
    from csvlint.locking import exclusive

    file = _existing(Path(path))
    with exclusive(write_target(file)):
        return _save_locked(file, new_id, settings, replace_id)


def _save_locked(
    path: Path, new_id: str | None, settings: Settings | None, replace_id: bool
) -> Saved:
    from csvlint.config.fingerprint import file_fingerprint
    from csvlint.config.write import stamp

    file = path
    if new_id is not None:
        new_id = str(uuid.UUID(new_id))  # ValueError for a malformed ID: the caller says so
    project = _project(settings, ignore=_NOT_ON_SAVE)
    project.settle(file)
    shown = display(file)
    subject = project.check_config(file, shown)
    config = subject.config
    if config is not None and new_id is not None and new_id != config.id:
        if config.id is not None and not replace_id:
            raise IdConflictError(
                f"{shown} already has id {config.id}; --id {new_id} would replace it "
                "(pass --replace-id if Pigment's configuration really changed)"
            )
        # the ID about to be written must not collide with another configuration's
        for other in project.discovered():
            loaded = project.load(other)
            if other.resolve() != file.resolve() and loaded.config and loaded.config.id == new_id:
                raise DuplicateIdError(f"id {new_id} is already the id of {display(other)}")
    report = project.report()
    if report.blocks_copy_id or config is None or subject.loaded.data is None:
        return Saved(report, False)
    chosen = new_id or config.id
    stamp(file, id=new_id, fingerprint=file_fingerprint(subject.loaded.data, file, subject.root))
    return Saved(report, True, chosen)
