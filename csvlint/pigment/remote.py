"""What Pigment answered about one configuration, for the PGM5xx rules to judge.

`RemoteSubject` is filled by `csvlint.pigment.verify` from the metadata calls; `RemoteRule` is
the base of the rules that judge it. This module imports no HTTP client, so that `csvlint
rules` and `csvlint explain` list the PGM rules without the `pigment` extra.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from csvlint.rules.base import Rule, Violations

if TYPE_CHECKING:
    from csvlint.config.model import ImportConfig
    from csvlint.pigment.api import Application, Block, ImportConfiguration

#: the block type Pigment gives each target type of a configuration
BLOCK_TYPES = {
    "dimension_list": "DimensionList",
    "transaction_list": "TransactionList",
    "metric": "Metric",
}


@dataclass
class RemoteSubject:
    """One configuration beside what Pigment holds.

    `applications` are those the target may be in (the one `target.application` names, or
    every one); `blocks` the blocks matching the target (by `block_id`, else by name) in them,
    each with its application; `configurations` those saved under the block, when exactly one
    block was found.
    """

    config: ImportConfig
    applications: list[Application] = field(default_factory=list)
    blocks: list[tuple[Application, Block]] = field(default_factory=list)
    configurations: list[ImportConfiguration] | None = None

    @property
    def block(self) -> Block | None:
        """The target block, when exactly one matches."""
        return self.blocks[0][1] if len(self.blocks) == 1 else None


_UUID = re.compile(r"^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$")


def matching(applications: list[Application], wanted: str | None) -> list[Application]:
    """The applications `wanted` names: by id when it is a UUID, else by name; all of them
    when it is None."""
    if wanted is None:
        return list(applications)
    if _UUID.match(wanted):
        return [a for a in applications if a.id == wanted.lower()]
    return [a for a in applications if a.name == wanted]


class RemoteRule(Rule):
    """A rule on what Pigment holds for a configuration (`csvlint pigment verify`). It never
    runs in `lint`, which never connects to Pigment."""

    blocks_copy_id = True
    #: never run on a sample: none of its findings blocks "on a sample"
    on_sample = "never"

    def check_remote(self, subject: RemoteSubject) -> Violations:
        """Judge one configuration against Pigment's answers."""
        return ()
