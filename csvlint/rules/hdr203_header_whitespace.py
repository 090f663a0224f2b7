from __future__ import annotations

import unicodedata

from csvlint.engine.facts import Header
from csvlint.finding import Severity
from csvlint.rules.base import Rule, Violation, Violations


def _oddity(name: str) -> str | None:
    if name != name.strip():
        return "leading or trailing whitespace"
    if "\u00a0" in name or "\u202f" in name:
        return "a non-breaking space"
    if any(unicodedata.category(char) in ("Cc", "Cf") for char in name):
        return "a control or invisible formatting character"
    return None


class HeaderWhitespace(Rule):
    """A column name with surrounding whitespace, a non-breaking space or an invisible character.

    Leading or trailing whitespace, a non-breaking space, a control character, or an invisible
    formatting character (a BOM or a zero-width space inside the name). Such names look right
    on screen and match no mapping: `Amount ` is not `Amount`.

    Fails: `Order ID, Amount` (a space before `Amount`).
    Passes: `Order ID,Amount`.
    """

    code = "HDR203"
    name = "header-whitespace"
    severity = Severity.WARNING

    def check_header(self, header: Header) -> Violations:
        for column, name in enumerate(header.names, 1):
            oddity = _oddity(name) if name.strip() else None
            if oddity:
                yield Violation(
                    f"column {column} name {name!r} contains {oddity}",
                    line=header.line,
                    record=header.record,
                    column=column,
                    column_name=name,
                    hint=f"rename it {''.join(c for c in name.strip() if c.isprintable())!r}",
                )
