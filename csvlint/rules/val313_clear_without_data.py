from __future__ import annotations

from csvlint.engine.facts import FileFacts
from csvlint.finding import Severity
from csvlint.rules.base import Rule, Violation, Violations


class ClearWithoutData(Rule):
    """No data rows under `clear_items: entire_list`: the import empties the list.

    The file has a header and no data rows, and the import deletes every item of the list.

    "Clear items prior to import: entire list" empties the list before loading the file; a
    file with no rows then loads nothing, and the list is left empty. An export whose filter
    matched nothing does exactly that. Without the option, the same file is only a warning
    (CSV113); with it, it is an error on the extract, before the push.

    Fails: `Order ID,Amount\\n` (no rows) under `options: {clear_items: entire_list}`.
    Passes: the same file with one row, or under `clear_items: none`.
    """

    code = "VAL313"
    name = "clear-without-data"
    severity = Severity.ERROR
    needs_config = True
    on_sample = "never"

    def check_file(self, facts: FileFacts) -> Violations:
        config = self.file.config
        if config is None or config.options.clear_items != "entire_list":
            return
        if facts.readable and facts.header is not None and facts.loaded_rows == 0:
            yield Violation(
                "the file has no data rows, and clear_items: entire_list deletes every item "
                f"of {config.target.block!r} before loading nothing",
                line=facts.header.line,
                hint="stop the push: an empty extract under clear_items: entire_list empties "
                "the list",
            )
