from __future__ import annotations

from csvlint.engine.configfile import ConfigSubject
from csvlint.finding import Severity
from csvlint.rules._config import at, sources
from csvlint.rules.base import ConfigRule, Violations


class DuplicateTarget(ConfigRule):
    """Two sources write the same target.

    Two columns (or a column and a constant) mapped to one property make the imported value
    depend on an order Pigment does not document.

    Fails: `{header: Dept, property: Department}` and `{header: Team, property: Department}`.
    Passes: one of them unmapped (`{header: Team}`).
    """

    code = "CFG407"
    name = "duplicate-target"
    severity = Severity.ERROR

    def check_config(self, subject: ConfigSubject) -> Violations:
        config = subject.config
        if config is None:
            return
        first: dict[tuple[str, bool], str] = {}
        for source in sources(config):
            key = (source.target, source.is_dimension)
            if key in first:
                what = "the value" if source.is_value else repr(source.target)
                yield at(
                    config,
                    source.pointer,
                    f"{source.label} writes {what}, which {first[key]} writes already",
                    hint="keep one source for each target",
                )
            else:
                first[key] = source.label
