from __future__ import annotations

from csvlint.finding import Severity
from csvlint.pigment.remote import RemoteRule, RemoteSubject
from csvlint.rules._config import at
from csvlint.rules.base import Violations


class ConfigurationNameMismatch(RemoteRule):
    """Pigment lists the configuration's `id` under the block with another name.

    The ID is right for the block, but the file describes another configuration than the one
    Pigment holds under it (or one of the two was renamed): the mappings reviewed here may not
    be those Pigment applies.

    Fails: `name: Employees from Workday` where Pigment names the ID `Employees (old)`.
    Passes: the same name on both sides.
    """

    code = "PGM505"
    name = "configuration-name-mismatch"
    severity = Severity.ERROR

    def check_remote(self, subject: RemoteSubject) -> Violations:
        config, listed = subject.config, subject.configurations or []
        if config.id is None:
            return
        for remote in listed:
            if remote.id == config.id.lower() and remote.name != config.name:
                yield at(
                    config,
                    "/name",
                    f"Pigment names import configuration {config.id} {remote.name!r}, "
                    f"not {config.name!r}",
                    hint="make sure the file describes the configuration Pigment holds under "
                    "this ID, then give both the same name",
                )
