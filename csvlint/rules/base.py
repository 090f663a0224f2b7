"""What every rule is: metadata, a docstring that is its documentation, and hooks that judge facts.

A rule never reads a file, applies a severity override or decides whether it is selected: the
engine does that. It is told facts (the bytes' first look, the header, chunks of records, the
configuration) and answers with `Violation`s: what is wrong and where.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from csvlint.finding import Severity

if TYPE_CHECKING:
    from csvlint.engine.context import FileContext


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


class Rule:
    """Base class of every rule. Subclasses set the class attributes and write a docstring:
    a one-line summary, then what it checks, why, a failing and a passing example."""

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    blocks_copy_id: ClassVar[bool] = False
    #: the rule only makes sense with an import configuration
    needs_config: ClassVar[bool] = False

    def __init__(self, file: FileContext) -> None:
        self.file = file

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


Violations = Iterable[Violation]
