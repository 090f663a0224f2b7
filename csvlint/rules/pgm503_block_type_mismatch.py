from __future__ import annotations

from csvlint.finding import Severity
from csvlint.pigment.remote import BLOCK_TYPES, RemoteRule, RemoteSubject
from csvlint.rules._config import at
from csvlint.rules.base import Violations


class BlockTypeMismatch(RemoteRule):
    """The target block's type in Pigment is not `target.type`.

    A configuration written for a dimension list does not describe an import into a metric or
    a transaction list: its mappings, key and options mean something else there.

    Fails: `target: {type: dimension_list, block: Revenue}` where Revenue is a Metric.
    Passes: `target: {type: metric, block: Revenue}`.
    """

    code = "PGM503"
    name = "block-type-mismatch"
    severity = Severity.ERROR

    def check_remote(self, subject: RemoteSubject) -> Violations:
        block = subject.block
        target = subject.config.target
        if block is not None and block.type != BLOCK_TYPES[target.type]:
            yield at(
                subject.config,
                "/target/type",
                f"{block.name!r} is a {block.type} in Pigment, not a {BLOCK_TYPES[target.type]}",
                hint="set `target.type` to the block's type, or point the configuration at "
                "the right block",
            )
