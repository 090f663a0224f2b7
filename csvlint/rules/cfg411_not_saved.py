from __future__ import annotations

from csvlint.engine.configfile import ConfigSubject
from csvlint.finding import Severity
from csvlint.rules._config import at
from csvlint.rules.base import ConfigRule, Violations


class NotSaved(ConfigRule):
    """The configuration is a draft: it has never been saved (no `saved` fingerprint).

    A configuration is in one of three states. A **draft** has never been saved. A
    **checked** one was saved by `csvlint config save` (nothing blocked it) but has no `id`
    yet, since only Pigment issues IDs (CFG416). A **linked** one was saved with the ID that
    Pigment's Copy ID gave. A draft is fine while it is being written, so `csvlint lint`
    reports it as information; `csvlint config verify` and `csvlint config id` report it as an
    error that blocks Copy ID: nothing vouches for it yet.

    What each command does: `config save` checks a draft or a saved configuration against
    its sample and, when nothing blocks, stamps `saved.fingerprint` (and the `id` given with
    `--id`); `config verify` passes only a linked configuration whose save still holds;
    `config id` prints the ID of exactly those.

    Fails (`config id`): a file written by `csvlint config init` and never saved.
    Passes: the same file after `csvlint config save`.
    """

    code = "CFG411"
    name = "not-saved"
    severity = Severity.INFO
    on_verify = Severity.ERROR

    def check_config(self, subject: ConfigSubject) -> Violations:
        config = subject.config
        if config is None or config.state != "draft":
            return
        yield at(
            config,
            "/id" if config.id is not None else "",
            "the configuration is a draft (never saved)",
            hint=f"run `csvlint config save {subject.shown}`",
        )
