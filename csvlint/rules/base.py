"""What every rule is: metadata, a docstring that is its documentation, and hooks that judge facts.

A rule never reads a file, applies a severity override or decides whether it is selected: the
engine does that. It is told facts (the bytes' first look, the header, chunks of records, the
configuration) and answers with `Violation`s: what is wrong and where.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Literal

from csvlint.finding import Severity

if TYPE_CHECKING:
    from csvlint.engine.configfile import ConfigSubject
    from csvlint.engine.context import FileContext
    from csvlint.engine.facts import FileFacts, Header
    from csvlint.reader.grammar import Chunk


OnSample = Literal["errors", "always", "never"]
CopyIdGate = Literal["yes", "on verify", "on a sample", "no"]


@dataclass(frozen=True, slots=True)
class Violation:
    """A rule's word on one place. `severity` and `blocks_copy_id` override the rule's defaults
    where the rule's own policy decides them (VAL307 by `on_missing_item`, a sample's findings)."""

    message: str
    line: int | None = None
    record: int | None = None
    column: int | None = None
    column_name: str | None = None
    pointer: str | None = None
    hint: str | None = None
    severity: Severity | None = None
    blocks_copy_id: bool | None = None
    path: str | None = None
    #: the checks of the files linted against the configuration cannot run because of it: a
    #: guard's finding (see `Selection.guards`) no setting may hide or lower while they run
    guards: bool = False


Violations = Iterable[Violation]


class Rule:
    """Base class of every rule. Subclasses set the class attributes and write a docstring:
    a one-line summary, then what it checks, why, a failing and a passing example."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    blocks_copy_id: ClassVar[bool] = False
    #: the rule only makes sense with an import configuration
    needs_config: ClassVar[bool] = False
    #: what of this rule blocks Copy ID on a configuration's own sample: its errors (the
    #: default), any finding ("always": the sample's dialect differs from the configuration's),
    #: or nothing ("never": a bad value fails an extract's lint, not the configuration)
    on_sample: ClassVar[OnSample] = "errors"
    #: the severity under `config verify` and `config id`, where it differs from `severity`:
    #: a draft is information while it is written, and an error where an ID is asked for
    on_verify: ClassVar[Severity | None] = None

    def __init__(self, file: FileContext) -> None:
        self.file = file

    # The hooks. The engine calls only those a rule overrides, in this order: the header once,
    # every chunk of records, then the file's facts once the whole file is read.

    def check_header(self, header: Header) -> Violations:
        """Judge the header record."""
        return ()

    def check_chunk(self, chunk: Chunk) -> Violations:
        """Judge a chunk of records."""
        return ()

    def check_file(self, facts: FileFacts) -> Violations:
        """Judge what is known of the whole file once it is read."""
        return ()

    def at_record(
        self,
        chunk: Chunk,
        record: int,
        message: str,
        column: int | None = None,
        hint: str | None = None,
        severity: Severity | None = None,
        line: int | None = None,
    ) -> Violation:
        """A violation at `record` (and 1-based `column`), on `line`, by default the line the
        record starts on."""
        header = self.file.header
        return Violation(
            message,
            line=line or chunk.line_of(record),
            record=record,
            column=column,
            column_name=header.name(column) if header and column else None,
            hint=hint,
            severity=severity,
        )

    @classmethod
    def summary(cls) -> str:
        """The first line of the docstring."""
        return cls.documentation().splitlines()[0]

    @classmethod
    def documentation(cls) -> str:
        """The docstring, dedented: what `csvlint explain` prints."""
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def default_blocks(cls) -> bool:
        """Whether an error of this rule blocks Copy ID by default."""
        return cls.blocks_copy_id

    @classmethod
    def copy_id_gate(cls) -> CopyIdGate:
        """When the rule's findings block Copy ID at their default severity, in the words
        `csvlint rules`, `csvlint explain` and the README all use, derived from the metadata
        the engine applies: `blocks_copy_id` (its errors block), `severity`, `on_verify` and
        `on_sample`. "yes": always; "on verify": under `config verify` and `config id`; "on a
        sample": on a configuration's own sample; "no": never."""
        if cls.blocks_copy_id:
            if cls.severity is Severity.ERROR:
                return "yes"
            return "on verify" if cls.on_verify is Severity.ERROR else "no"
        if cls.on_sample == "always" or (
            cls.on_sample == "errors" and cls.severity is Severity.ERROR
        ):
            return "on a sample"
        return "no"


class FeedRule(Rule):
    """A rule that judges several files together: the files of one feed, or the whole project.

    `check_feed` gets every file's context once all are read; violations name their `path`.
    """

    def check_feed(self, files: Sequence[FileContext]) -> Violations:
        """Judge the files together."""
        return ()


class ClaimRule(Rule):
    """A rule on which configurations claim a CSV file (with `files` or `sample`). Its file is
    the CSV file; it is told those the file is checked against and the others."""

    def check_claims(self, applied: Sequence[str], others: Sequence[str]) -> Violations:
        """Judge the configurations that claim the file (neither list is empty)."""
        return ()

    def check_unread(self, applied: Sequence[str], unread: Sequence[tuple[str, str]]) -> Violations:
        """Judge the configurations of the file's project whose claims cannot be read, each
        with why (not empty), beside those the file is checked against (maybe none)."""
        return ()


class ConfigRule(Rule):
    """A rule on an import configuration: the file alone, or beside its sample and the rest of
    the project. Its findings name the configuration file unless a violation says otherwise."""

    blocks_copy_id = True

    def check_config(self, subject: ConfigSubject) -> Violations:
        """Judge one configuration (and what its sample showed)."""
        return ()

    def check_project(self, subjects: Sequence[ConfigSubject]) -> Violations:
        """Judge every configuration of the project together."""
        return ()
