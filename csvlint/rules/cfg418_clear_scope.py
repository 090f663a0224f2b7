from __future__ import annotations

from csvlint.engine.configfile import ConfigSubject
from csvlint.finding import Severity
from csvlint.rules._config import at
from csvlint.rules.base import ConfigRule, Violations


class ClearScope(ConfigRule):
    """A `clear_items` scope that names no dimension-typed property of the target.

    `clear_items: {mode: limited_scope, scope: [...]}` clears, before the import, the items
    whose values of the scope's properties appear in the file (the months the file carries,
    say). Pigment offers only the target's dimension-typed properties (a metric's
    dimensions) there; any other name cannot be the configuration saved in Pigment, and what
    would be cleared is unknown.

    A bare `clear_items: limited_scope` (no scope written) is a warning: nothing can be
    checked.

    Fails: `scope: [Amount]` where Amount is a number, or `scope: [Mnth]` where the property
    is `Month`.
    Passes: `scope: [Month]` where Month is a dimension property.
    """

    code = "CFG418"
    name = "clear-scope"
    severity = Severity.ERROR

    def check_config(self, subject: ConfigSubject) -> Violations:
        config = subject.config
        if config is None:
            return
        if config.options.clear_items == "limited_scope" and config.options.clear_scope is None:
            yield at(
                config,
                "/options/clear_items",
                "clear_items: limited_scope names no scope, so what it clears cannot be checked",
                hint="write clear_items: {mode: limited_scope, scope: [...]} with the "
                "properties the wizard's scope uses",
                severity=Severity.WARNING,
            )
            return
        if config.options.clear_scope is None:
            return
        target = config.target
        if target.is_list:
            allowed = [p.name for p in target.properties if p.type == "dimension"]
        else:
            allowed = [d.name for d in target.dimensions]
        for index, name in enumerate(config.options.clear_scope):
            if name in allowed:
                continue
            prop = target.property(name)
            why = (
                f"{prop.type} property {name!r} is not dimension-typed"
                if prop is not None
                else f"{target.block!r} has no dimension-typed property {name!r}"
            )
            yield at(
                config,
                f"/options/clear_items/scope/{index}",
                f"the clear_items scope cannot hold {name!r}: {why}",
                hint="the scope takes: " + (", ".join(repr(n) for n in allowed) or "nothing"),
            )
