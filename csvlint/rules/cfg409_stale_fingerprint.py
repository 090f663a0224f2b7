from __future__ import annotations

from csvlint.config.fingerprint import file_fingerprint
from csvlint.engine.configfile import ConfigSubject
from csvlint.finding import Severity
from csvlint.rules._config import at
from csvlint.rules.base import ConfigRule, Violations


class StaleFingerprint(ConfigRule):
    """The configuration changed since `saved.fingerprint` was written.

    The fingerprint records what was checked and saved (target, file, formats, columns,
    constants, load date and options, and the files that keep known items). An edit after the
    save may no longer match what Pigment holds under the ID: check it again with
    `csvlint config save`.

    Fails: a saved configuration whose `file.delimiter` was edited from `,` to `;` afterwards.
    Passes: the same file after `csvlint config save`.
    """

    code = "CFG409"
    name = "stale-fingerprint"
    severity = Severity.ERROR

    def check_config(self, subject: ConfigSubject) -> Violations:
        config, data = subject.config, subject.loaded.data
        if config is None or data is None or config.saved_fingerprint is None:
            return
        if file_fingerprint(data, config.path, subject.root) != config.saved_fingerprint:
            yield at(
                config,
                "/saved/fingerprint",
                "the configuration changed since it was saved",
                hint=f"run `csvlint config save {subject.shown}`",
            )
