from __future__ import annotations

from csvlint.config.model import Column, ImportConfig
from csvlint.engine.configfile import ConfigSubject
from csvlint.finding import Severity
from csvlint.rules._config import at
from csvlint.rules._expected import is_pivot_column
from csvlint.rules.base import ConfigRule, Violations

NUMBER_OPTIONS = frozenset(
    {"decimal_separator", "thousands_separator", "prefix", "suffix", "percent", "multiplier"}
)
#: which options apply to which kind of target
APPLIES = {
    "number": NUMBER_OPTIONS,
    "integer": NUMBER_OPTIONS,
    "date": frozenset({"date_format"}),
    "dimension": frozenset({"on_missing_item"}),
    "text": frozenset(),
    "boolean": frozenset(),
}


def column_kind(config: ImportConfig, column: Column) -> str | None:
    """The type of what a column writes (`dimension` for a metric's dimension); None when the
    column writes nothing, or something the target lacks (CFG405's finding)."""
    target = config.target
    if column.value or is_pivot_column(config, column.index):
        return target.value_type if not target.is_list else None
    if column.dimension is not None:
        return "dimension" if target.dimension(column.dimension) else None
    if column.property is not None:
        prop = target.property(column.property)
        return prop.type if prop else None
    return None


def format_problem(config: ImportConfig, column: Column | None, kind: str | None) -> str | None:
    """Why a column's merged format options (or, for None, the import-wide `formats` alone)
    cannot form a format of `kind` (two equal separators, a digit in a prefix, a date format
    with no day...), or None when they can."""
    from csvlint.formats.column import CHECKED_TYPES, value_check
    from csvlint.rules._values import column_options

    if kind not in CHECKED_TYPES:
        return None
    try:
        value_check(kind, column_options(config, column))
    except ValueError as exc:
        return str(exc)
    return None


#: where in `formats` each kind of value check takes its options from
_FORMATS_POINTER = {
    "number": "/formats",
    "integer": "/formats",
    "date": "/formats/date_format",
    "boolean": "/formats/true_values",
}


def formats_problems(config: ImportConfig) -> dict[str, tuple[str, str]]:
    """The kinds of value whose check the import-wide `formats` cannot build, each with the
    pointer of the option at fault and why. Every column relying on them would go unchecked,
    so they are judged whether a column uses them or not."""
    found: dict[str, tuple[str, str]] = {}
    for kind, pointer in _FORMATS_POINTER.items():
        problem = format_problem(config, None, kind)
        if problem is not None:
            found[kind] = (pointer, problem)
    return found


class OptionNotApplicable(ConfigRule):
    """A format option on a target type it does not apply to.

    A date format on a number, `on_missing_item` on text, a prefix on a date, any option on a
    column that is not imported, a pivoted layout on a list, or options that cannot form a
    format together, on a column or in the import-wide `formats` (a thousands separator equal
    to the decimal separator, a digit in a prefix, a date format without a day such as
    `yyyy-MM`, an unknown token such as `MMMM`, a quoted literal holding digits, one word in
    both `true_values` and `false_values`): Pigment's wizard offers no such combination, so
    the configuration cannot be the one saved in Pigment. A format that cannot be built
    would leave every value relying on it unchecked, so it blocks Copy ID and fails the lint
    of every extract checked against the configuration.

    Fails: `{header: Amount, property: Amount, date_format: dd/MM/yyyy}` (Amount is a number).
    Fails: `formats: {date_format: yyyy-MM}` (no day: no date column could be checked).
    Passes: `{header: Amount, property: Amount, thousands_separator: ","}`.
    """

    code = "CFG408"
    name = "option-not-applicable"
    severity = Severity.ERROR

    def check_config(self, subject: ConfigSubject) -> Violations:
        config = subject.config
        if config is None:
            return
        wide = formats_problems(config)
        reported: set[str] = set()
        for pointer, why in wide.values():
            if why in reported:
                continue  # a number and an integer check fail alike
            reported.add(why)
            yield at(
                config,
                pointer,
                f"the import-wide formats cannot be: {why}",
                hint="every column relying on this default would go unchecked; fix it, or "
                "give each such column its own option",
                guards=True,
            )
        for column in config.columns:
            given = column.options.given()
            if not given:
                continue
            mapped = (
                column.value
                or column.target_name is not None
                or is_pivot_column(config, column.index)
            )
            kind = column_kind(config, column)
            if mapped and kind is None:
                continue  # the target is unknown: CFG405 reports it
            allowed = APPLIES.get(kind or "", frozenset())
            for option in given:
                if option in allowed:
                    continue
                what = f"a {kind} target" if kind else "a column that is not imported"
                yield at(
                    config,
                    f"{column.pointer}/{option}",
                    f"{option} does not apply to {what} (column {column.header!r})",
                    hint="remove the option, or map the column to a target it applies to",
                )
            problem = format_problem(config, column, kind)
            if problem and (kind not in wide or wide[kind][1] != problem):
                yield at(
                    config,
                    column.pointer,
                    f"the format of column {column.header!r} cannot be: {problem}",
                    hint="a prefix or suffix may not hold digits, signs or the decimal "
                    "separator, and the two separators must differ",
                    guards=True,
                )
        settings = config.file
        if settings.pivot is not None and settings.layout != "pivoted":
            yield at(config, "/file/pivot", "file.pivot applies only to layout: pivoted")
        if settings.layout == "pivoted" and config.target.is_list:
            yield at(
                config,
                "/file/layout",
                "the pivoted layout imports into a metric; the target is a list",
                hint="use layout: flat for a list",
            )
