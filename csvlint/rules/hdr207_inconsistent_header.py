from __future__ import annotations

from collections.abc import Sequence

from csvlint.engine.context import FileContext
from csvlint.finding import Severity
from csvlint.rules.base import FeedRule, Violation, Violations


class InconsistentHeader(FeedRule):
    """Files of one feed have different headers.

    Every extract pushed under one configuration must have the sample's structure. Files are of
    one feed when they are linted against the same configuration, or linted together with
    `--same-header`; each file whose header differs from the first file's is reported.

    Fails: `jan.csv` with `Order ID,Amount` and `feb.csv` with `Order ID,Amount,Currency`,
    linted with `--same-header`.
    Passes: both with `Order ID,Amount`.
    """

    code = "HDR207"
    name = "inconsistent-header"
    severity = Severity.ERROR

    def check_feed(self, files: Sequence[FileContext]) -> Violations:
        headed = [(f.path, f.header) for f in files if f.header is not None]
        if len(headed) < 2:
            return
        first_path, first = headed[0]
        for path, header in headed[1:]:
            if header.names == first.names:
                continue
            yield Violation(
                f"the header differs from {first_path}'s: "
                + _difference(first.names, header.names),
                line=header.line,
                record=header.record,
                path=path,
                hint=f"export with the same columns, in the same order, as {first_path}",
            )


def _difference(expected: tuple[str, ...], found: tuple[str, ...]) -> str:
    missing = [name for name in expected if name not in found]
    extra = [name for name in found if name not in expected]
    parts = []
    if missing:
        parts.append("missing " + ", ".join(repr(n) for n in missing))
    if extra:
        parts.append("extra " + ", ".join(repr(n) for n in extra))
    return "; ".join(parts) or "the same columns in another order"
