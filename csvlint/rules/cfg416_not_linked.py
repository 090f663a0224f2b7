from __future__ import annotations

from csvlint.engine.configfile import ConfigSubject
from csvlint.finding import Severity
from csvlint.rules._config import at
from csvlint.rules.base import ConfigRule, Violations


class NotLinked(ConfigRule):
    """The configuration is checked but not linked: it was saved without an ID from Pigment.

    csvlint never invents an ID: only Pigment issues them, and a made-up one fails at the
    push with 404. `csvlint config save` without `--id` checks the configuration and stamps
    its fingerprint, and leaves `id` out. The next step is in Pigment: import the
    configuration's sample in the import wizard with these settings, save it, take its Copy
    ID, and write it with `csvlint config save FILE --id UUID`. `csvlint lint` reports the
    state as information; `csvlint config verify` and `csvlint config id` as an error that
    blocks Copy ID, since there is no ID to copy.

    Fails (`config id`): a file saved with `csvlint config save FILE` and no `--id`.
    Passes: the same file after `csvlint config save FILE --id 33d0d7d0-...` (Pigment's ID).
    """

    code = "CFG416"
    name = "not-linked"
    severity = Severity.INFO
    on_verify = Severity.ERROR

    def check_config(self, subject: ConfigSubject) -> Violations:
        config = subject.config
        if config is None or config.state != "checked":
            return
        sample = f" from its sample {config.sample}" if config.sample else ""
        yield at(
            config,
            "/saved",
            "the configuration is checked but has no id from Pigment",
            hint=f"create the import configuration in Pigment{sample}, then paste its Copy ID "
            f"with `csvlint config save {subject.shown} --id UUID`",
        )
