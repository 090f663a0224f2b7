from __future__ import annotations

from csvlint.finding import Severity
from csvlint.pigment.remote import RemoteRule, RemoteSubject
from csvlint.rules._config import at
from csvlint.rules.base import Violations


class AmbiguousTarget(RemoteRule):
    """Several applications or blocks in Pigment match the target, so the ID cannot be checked.

    Names are not unique across a workspace: two applications may each have an `Employee`
    list. Rather than check against one at random, csvlint says it could not decide; record
    `target.application` (a name or id) or `target.block_id` to make the target exact.

    Fails: `target: {block: Employee}` with an `Employee` list in two applications.
    Passes: `target: {application: Workforce, block: Employee}`.
    """

    code = "PGM506"
    name = "ambiguous-target"
    severity = Severity.ERROR
    #: it proves nothing wrong with the ID: it only could not be checked
    blocks_copy_id = False

    def check_remote(self, subject: RemoteSubject) -> Violations:
        config = subject.config
        if config.target.application is not None and len(subject.applications) > 1:
            yield at(
                config,
                "/target/application",
                f"{len(subject.applications)} applications are called "
                f"{config.target.application!r} in Pigment",
                hint="give the application's id instead of its name",
            )
        elif len(subject.blocks) > 1:
            where = ", ".join(sorted({app.name for app, _ in subject.blocks}))
            yield at(
                config,
                "/target/block",
                f"{len(subject.blocks)} blocks match {config.target.block!r} in Pigment "
                f"(in {where}): the ID was not checked",
                hint="record `target.application`, or `target.block_id` with the block's id",
            )
