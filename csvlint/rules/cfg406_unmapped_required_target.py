from __future__ import annotations

from csvlint.engine.configfile import ConfigSubject
from csvlint.finding import Severity
from csvlint.rules._config import at, sources
from csvlint.rules.base import ConfigRule, Violations


class UnmappedRequiredTarget(ConfigRule):
    """A required target (a list's key, a metric's dimension or value) has no source.

    The required targets are the unique property of a dimension list, each dimension of a
    metric, and a metric's value. Items of a dimension list are identified by their unique
    property; every cell of a metric needs one item per dimension and a value. Without a
    column, constant or pivot for each, Pigment cannot place a row.

    Fails: a metric with dimensions `Month` and `Country` and only `Month` mapped.
    Passes: `Country` mapped to a column, or set by a constant (`constants: [{dimension:
    Country, value: FR}]`).
    """

    code = "CFG406"
    name = "unmapped-required-target"
    severity = Severity.ERROR

    def check_config(self, subject: ConfigSubject) -> Violations:
        config = subject.config
        if config is None:
            return
        target = config.target
        written = {(s.target, s.is_dimension) for s in sources(config)}
        has_value = any(s.is_value for s in sources(config))
        if target.type == "dimension_list":
            unique = [p for p in target.properties if p.unique]
            if not unique:
                yield at(
                    config,
                    "/target/properties",
                    f"dimension list {target.block!r} has no unique property",
                    hint="mark the property that identifies items with `unique: true`",
                )
            for prop in unique:
                if (prop.name, False) not in written:
                    yield at(
                        config,
                        prop.pointer,
                        f"unique property {prop.name!r} has no column: items cannot be identified",
                        hint=f"map the column that holds the {prop.name} to it",
                    )
        elif target.type == "metric":
            for dimension in target.dimensions:
                if (dimension.name, True) not in written:
                    yield at(
                        config,
                        dimension.pointer,
                        f"dimension {dimension.name!r} has no column, constant or pivot",
                        hint="map a column to it, or set it with a constant",
                    )
            if not has_value:
                yield at(
                    config,
                    "/columns",
                    f"metric {target.block!r} gets no value: no column has `value: true`",
                    hint="mark the column that holds the numbers with `value: true`",
                )
