from __future__ import annotations

from csvlint.finding import Severity
from csvlint.pigment.remote import RemoteRule, RemoteSubject
from csvlint.rules._config import at
from csvlint.rules.base import Violations


class UnknownApplication(RemoteRule):
    """`target.application` names no application the metadata key's owner can see in Pigment.

    `csvlint pigment verify` looks for the target block in the application the configuration
    names (by name, or by id when it is a UUID); without `target.application`, in every
    application. An application Pigment does not list cannot hold the configuration.

    Fails: `target: {application: Workfroce, ...}` where Pigment lists `Workforce`.
    Passes: `target: {application: Workforce, ...}`, or its id.
    """

    code = "PGM501"
    name = "unknown-application"
    severity = Severity.ERROR

    def check_remote(self, subject: RemoteSubject) -> Violations:
        wanted = subject.config.target.application
        if wanted is not None and not subject.applications:
            yield at(
                subject.config,
                "/target/application",
                f"Pigment lists no application {wanted!r}",
                hint="check the name (or id) in Pigment, and that the metadata key's owner "
                "can see the application",
            )
