from __future__ import annotations

from csvlint.finding import Severity
from csvlint.pigment.remote import RemoteRule, RemoteSubject
from csvlint.rules._config import at
from csvlint.rules.base import Violations


class UnknownConfigurationId(RemoteRule):
    """The configuration's `id` is not listed under the target block in Pigment.

    Only Pigment issues configuration IDs (Copy ID). An ID it does not list under the block is
    mistyped, from another block, or of a configuration deleted since: a push under it fails
    with 404, or lands in another block.

    Fails: `id: 6f1c...` where the block's configurations are `33d0...` and `8e2a...`.
    Passes: `id` pasted from the block's Settings > Import configurations > Copy ID.
    """

    code = "PGM504"
    name = "unknown-configuration-id"
    severity = Severity.ERROR

    def check_remote(self, subject: RemoteSubject) -> Violations:
        config, listed = subject.config, subject.configurations
        if listed is None or config.id is None:
            return
        if config.id.lower() not in {c.id for c in listed}:
            block = subject.block
            yield at(
                config,
                "/id",
                f"Pigment lists no import configuration {config.id} under "
                f"{block.name if block else config.target.block!r}"
                + (f" (it has {len(listed)})" if listed else " (it has none)"),
                hint="copy the ID again from Pigment (Copy ID), then "
                "`csvlint config save FILE --id UUID --replace-id`",
            )
