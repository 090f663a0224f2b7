from __future__ import annotations

from csvlint.engine.configfile import ConfigSubject
from csvlint.finding import Severity
from csvlint.rules._config import at
from csvlint.rules.base import ConfigRule, Violations
from csvlint.rules.cfg412_keyless_append import keyless


class KeylessClear(ConfigRule):
    """`clear_items: entire_list` on a keyless transaction list.

    The list is emptied and rebuilt from the file on every push: properties the file does not
    carry become blank, and anything entered in Pigment by hand is lost.

    Fails: a keyless transaction list with `options: {clear_items: entire_list}`.
    Passes: a unique property mapped, so that rows are updated in place.
    """

    code = "CFG413"
    name = "keyless-clear"
    severity = Severity.WARNING

    def check_config(self, subject: ConfigSubject) -> Violations:
        config = subject.config
        if config is not None and keyless(subject) and config.options.clear_items == "entire_list":
            yield at(
                config,
                "/options/clear_items",
                "every push empties the list; properties the file does not carry become blank",
                hint="map a unique property so that rows are updated instead",
            )
