from __future__ import annotations

from csvlint.finding import Severity
from csvlint.pigment.remote import RemoteRule, RemoteSubject
from csvlint.rules._config import at
from csvlint.rules.base import Violations


class NotVerifiable(RemoteRule):
    """The configuration has no `id` yet: there is nothing to check in Pigment.

    `csvlint pigment verify` checks the ID Pigment issued against what it holds. A draft, or a
    configuration checked but not yet linked, has none: create the configuration in Pigment
    from its sample, then paste its Copy ID with `csvlint config save FILE --id UUID`.

    Fails: a configuration without `id`.
    Passes: a configuration saved with the ID Pigment gave.
    """

    code = "PGM507"
    name = "not-verifiable"
    severity = Severity.ERROR
    blocks_copy_id = False

    def check_remote(self, subject: RemoteSubject) -> Violations:
        if subject.config.id is None:
            yield at(
                subject.config,
                "",
                "the configuration has no id: nothing to check in Pigment",
                hint="create the configuration in Pigment, then `csvlint config save FILE "
                "--id UUID` with its Copy ID",
            )
