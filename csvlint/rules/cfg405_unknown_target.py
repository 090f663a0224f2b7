from __future__ import annotations

from csvlint.config.model import ImportConfig
from csvlint.engine.configfile import ConfigSubject
from csvlint.finding import Severity
from csvlint.rules._config import Source, at, sources
from csvlint.rules.base import ConfigRule, Violation, Violations


def _unknown(config: ImportConfig, source: Source) -> Violation | None:
    target = config.target
    if source.is_value:
        if target.is_list:
            return at(
                config,
                source.pointer,
                f"{source.label} writes a value; a list has none",
                guards=True,
            )
        return None
    if source.is_dimension:
        if target.dimension(source.target) is not None:
            return None
        if source.kind == "pivot" and target.is_list:
            return None  # CFG408 says the pivot does not apply to a list
        names = ", ".join(repr(d.name) for d in target.dimensions) or "none"
        what = "dimension"
    else:
        if target.property(source.target) is not None:
            return None
        names = ", ".join(repr(p.name) for p in target.properties) or "none"
        what = "property"
    kind = "metric" if not target.is_list else "list"
    return at(
        config,
        source.pointer,
        f"{source.label} writes {what} {source.target!r}, which {kind} {target.block!r} lacks",
        hint=f"{'the properties' if what == 'property' else 'the dimensions'} are: {names}",
        guards=True,
    )


class UnknownTarget(ConfigRule):
    """A column, constant or load date names a property or dimension the target does not have.

    Pigment can only write what the List or Metric has; a mapping to anything else is an error
    in the configuration.

    Fails: `{header: Dept, property: Departement}` where the properties are `Department` ...
    Passes: `{header: Dept, property: Department}`.
    """

    code = "CFG405"
    name = "unknown-target"
    severity = Severity.ERROR

    def check_config(self, subject: ConfigSubject) -> Violations:
        config = subject.config
        if config is None:
            return
        for source in sources(config):
            found = _unknown(config, source)
            if found is not None:
                yield found
