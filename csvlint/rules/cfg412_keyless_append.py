from __future__ import annotations

from csvlint.engine.configfile import ConfigSubject
from csvlint.finding import Severity
from csvlint.rules._config import at, sources
from csvlint.rules.base import ConfigRule, Violations


def keyless(subject: ConfigSubject) -> bool:
    """A transaction list import with no source for a unique property."""
    config = subject.config
    if config is None or config.target.type != "transaction_list":
        return False
    unique = {p.name for p in config.target.properties if p.unique}
    return not any(s.target in unique and not s.is_dimension for s in sources(config))


class KeylessAppend(ConfigRule):
    """A transaction list without a mapped unique property, and `clear_items: none`.

    Without a key Pigment cannot update rows: every push appends the file again, and a nightly
    job doubles the list every night.

    Fails: a transaction list import with no `unique: true` property mapped and
    `options: {clear_items: none}`.
    Passes: the order ID mapped to a `unique: true` property, or `clear_items: entire_list`.
    """

    code = "CFG412"
    name = "keyless-append"
    severity = Severity.WARNING

    def check_config(self, subject: ConfigSubject) -> Violations:
        config = subject.config
        if config is not None and keyless(subject) and config.options.clear_items == "none":
            yield at(
                config,
                "/options/clear_items"
                if "/options/clear_items" in config.source.lines
                else "/target",
                "without a mapped unique property, every push appends the rows again",
                hint="map a unique property (a key), or clear the list before each import",
            )
