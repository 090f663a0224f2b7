from __future__ import annotations

from csvlint.finding import Severity
from csvlint.pigment.remote import RemoteRule, RemoteSubject
from csvlint.rules._config import at
from csvlint.rules.base import Violations


class UnknownBlock(RemoteRule):
    """The target block (`target.block`, or `target.block_id`) is not in Pigment.

    The block was renamed, deleted, or is in another application than the configuration says.
    An import configuration lives under its block: without the block, its ID cannot be right.

    Fails: `target: {block: Employe}` where the application has `Employee`.
    Passes: `target: {block: Employee}`, or `block_id` with the block's id.
    """

    code = "PGM502"
    name = "unknown-block"
    severity = Severity.ERROR

    def check_remote(self, subject: RemoteSubject) -> Violations:
        target = subject.config.target
        if subject.blocks or (target.application is not None and not subject.applications):
            return
        where = (
            f"application {subject.applications[0].name!r}"
            if target.application is not None
            else "any application"
        )
        if target.block_id is not None:
            yield at(
                subject.config,
                "/target/block_id",
                f"Pigment has no block with id {target.block_id} in {where}",
                hint="copy the block's id again from Pigment, or remove `block_id` to find "
                "the block by name",
            )
            return
        yield at(
            subject.config,
            "/target/block",
            f"Pigment has no block {target.block!r} in {where}",
            hint="check the block's name in Pigment (names are exact, case included)",
        )
