from __future__ import annotations

from csvlint.engine.configfile import ConfigSubject
from csvlint.finding import Severity
from csvlint.rules._config import at
from csvlint.rules.base import ConfigRule, Violations


class NotSaved(ConfigRule):
    """The configuration is a draft: it has no `id` or no `saved` fingerprint yet.

    A draft is fine while it is being written (information). `csvlint config verify` and
    `csvlint config id` treat it as an error that blocks Copy ID: there is no ID to copy.

    Fails (`config id`): a file written by `csvlint config init` and never saved.
    Passes: the same file after `csvlint config save`.
    """

    code = "CFG411"
    name = "not-saved"
    severity = Severity.INFO

    def check_config(self, subject: ConfigSubject) -> Violations:
        config = subject.config
        if config is None or not config.is_draft:
            return
        missing = "no id" if config.id is None else "no saved fingerprint"
        yield at(
            config,
            "/id" if config.id is not None else "",
            f"the configuration is a draft ({missing})",
            hint=f"run `csvlint config save {subject.shown}`",
            severity=Severity.ERROR if subject.verifying else None,
            blocks_copy_id=True if subject.verifying else None,
        )
