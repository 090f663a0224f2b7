from __future__ import annotations

import json
from collections.abc import Iterator

from csvlint.config.model import ConstantValue, Dimension, ImportConfig, Property
from csvlint.engine.configfile import ConfigSubject
from csvlint.finding import Severity
from csvlint.rules._config import at
from csvlint.rules.base import ConfigRule, Violation, Violations


def _written(value: ConstantValue) -> str:
    """A constant as the file would hold it: YAML numbers and booleans as JSON spells them."""
    return value if isinstance(value, str) else json.dumps(value)


def _target_of(
    config: ImportConfig, prop: str | None, dimension: str | None
) -> tuple[str, tuple[str, ...] | None] | None:
    """The type a constant or the load date writes (`dimension` for a metric's dimension) and
    the target's known items; None when the target is unknown (CFG405's finding)."""
    target = config.target
    if dimension is not None:
        found = target.dimension(dimension)
        return None if found is None else ("dimension", _items_of(config, found))
    if prop is not None:
        named = target.property(prop)
        return None if named is None else (named.type, _items_of(config, named))
    return None


def _items_of(config: ImportConfig, owner: Property | Dimension) -> tuple[str, ...] | None:
    """Known items listed or kept in an items file (CFG421 reports an unusable one)."""
    from csvlint.rules._values import known_items

    found = known_items(config, owner)
    return None if found is None else tuple(sorted(found))


def _constant_problems(config: ImportConfig) -> Iterator[Violation]:
    from csvlint.formats.column import CHECKED_TYPES, value_check
    from csvlint.rules._values import column_options

    for constant in config.constants:
        found = _target_of(config, constant.property, constant.dimension)
        if found is None:
            continue
        kind, items = found
        value = _written(constant.value)
        name = constant.target_name
        prop = config.target.property(constant.property) if constant.property else None
        if prop is not None and prop.unique:
            yield at(
                config,
                constant.pointer,
                f"a constant writes the unique property {name!r}: every row gets the same key",
                hint="take the key from a column; a constant suits a property every row shares",
            )
            continue
        if kind in CHECKED_TYPES:
            try:
                check = value_check(kind, column_options(config, None))
            except ValueError:
                continue  # formats that cannot be built: CFG408's finding
            bad = check.bad_cells([value]) if value else []
            if bad:
                yield at(
                    config,
                    f"{constant.pointer}/value",
                    f"constant {value!r} for {kind} {name!r}: "
                    + bad[0].message.replace("this column's format", "the import-wide formats"),
                    hint="write the constant as the import-wide formats read a "
                    f"{kind}: it is written on every row",
                )
        elif kind == "dimension":
            if not value:
                yield at(
                    config,
                    f"{constant.pointer}/value",
                    f"the constant for {name!r} is blank: no row can be placed",
                    hint="give the item every row belongs to",
                )
            elif items is not None and value not in items:
                yield at(
                    config,
                    f"{constant.pointer}/value",
                    f"constant {value!r} is not an item of {name!r}: every row would miss it",
                    hint="use one of the known items, or add it in Pigment and to `items`",
                )


class ConstantMismatch(ConfigRule):
    """A constant its target cannot take, or a load date into neither a date nor a dimension.

    A constant is written on every row, so one that does not parse under its target's type
    (a number property gets `n/a`), names no known item of a dimension, or fills a unique
    property (every row the same key), spoils the whole import. Numbers, dates and booleans
    are read with the import-wide `formats`, items against the target's `items` when listed.
    The load date is the import's date: Pigment writes it into a date property or a dimension
    (a time dimension), nothing else.

    Fails: `constants: [{property: Amount, value: n/a}]` where Amount is a number;
    `load_date: {property: Name}` where Name is text.
    Passes: `constants: [{dimension: Version, value: Actual}]` where Actual is an item;
    `load_date: {property: Loaded On}` where Loaded On is a date.
    """

    code = "CFG417"
    name = "constant-mismatch"
    severity = Severity.ERROR

    def check_config(self, subject: ConfigSubject) -> Violations:
        config = subject.config
        if config is None:
            return
        yield from _constant_problems(config)
        load = config.load_date
        if load is None:
            return
        found = _target_of(config, load.property, load.dimension)
        if found is not None and found[0] not in ("date", "dimension"):
            yield at(
                config,
                load.pointer,
                f"the load date goes into {found[0]} property {load.target_name!r}: it can "
                "only go into a date property or a dimension",
                hint="map the load date to a date property or a dimension",
            )
