from __future__ import annotations

from csvlint.engine.facts import Header
from csvlint.finding import Severity
from csvlint.rules._expected import expected_columns, free_columns, normalised, pivot_start
from csvlint.rules.base import Rule, Violation, Violations


def closest(name: str, candidates: list[str]) -> str | None:
    """The candidate that is `name` up to case, whitespace or a BOM, else a small edit away."""
    for candidate in candidates:
        if normalised(candidate) == normalised(name):
            return candidate
    from difflib import get_close_matches  # only when a name is wrong

    close = get_close_matches(name, candidates, n=1, cutoff=0.75)
    return close[0] if close else None


class MissingColumn(Rule):
    """A column of the configuration is absent from the file's header.

    The most common way a push "completes" with nothing imported: a header renamed upstream.
    The hint names the closest header in the file (the same up to case, whitespace or a BOM,
    or a small edit away).

    In a pivoted layout, a file with no column from the pivot's `first_column` on lacks every
    item column: nothing of it would be imported.

    Fails: configuration column `Employee ID`, file header `Employee Id,Name`.
    Passes: file header `Employee ID,Name`.
    """

    code = "HDR204"
    name = "missing-column"
    severity = Severity.ERROR
    needs_config = True

    def check_header(self, header: Header) -> Violations:
        config = self.file.config
        if config is None:
            return
        free = free_columns(config, header)
        present = [n for i, n in enumerate(header.names, 1) if i not in free]
        expected = expected_columns(config)
        unclaimed = [n for n in present if n not in expected]
        for column, name in enumerate(expected, 1):
            if name in present:
                continue
            near = closest(name, unclaimed)
            yield Violation(
                f"column {name!r} of the configuration is missing",
                line=header.line,
                record=header.record,
                column_name=name,
                hint=f"the file has {near!r}: rename it back, or update the configuration"
                if near
                else f"expected as column {column}",
            )
        start = pivot_start(config)
        if start is not None and start > header.width:
            yield Violation(
                f"the pivot's item columns are missing: it starts at column "
                f"{start}, and the file has {header.width}",
                line=header.line,
                record=header.record,
                hint="export the item columns (a month each, say) after the fixed ones",
            )
