from __future__ import annotations

from collections.abc import Sequence

from csvlint.engine.configfile import ConfigSubject
from csvlint.finding import Severity
from csvlint.rules._config import at
from csvlint.rules.base import ConfigRule, Violations


class DuplicateId(ConfigRule):
    """Two configurations in the project share an `id`.

    One Pigment import configuration receives one feed. A copied file that kept its `id`
    pushes a second feed through the first one's mappings. Each configuration that shares its
    `id` is reported, naming the others.

    Fails: `employees.import.yaml` and `contractors.import.yaml` both with
    `id: 33d0d7d0-6125-47c4-b36a-882f4ed53b33`.
    Passes: each with its own ID (remove the copied `id` and save again).
    """

    code = "CFG403"
    name = "duplicate-id"
    severity = Severity.ERROR

    def check_project(self, subjects: Sequence[ConfigSubject]) -> Violations:
        holders: dict[str, list[ConfigSubject]] = {}
        seen: set[str] = set()
        for subject in subjects:
            config = subject.config
            if config is None or config.id is None or subject.shown in seen:
                continue
            seen.add(subject.shown)
            # UUIDs are case-insensitive: two spellings name one Pigment configuration
            holders.setdefault(config.id.lower(), []).append(subject)
        for same in holders.values():
            for subject in same:
                config = subject.config
                if len(same) < 2 or config is None or not subject.checked:
                    continue
                others = ", ".join(o.shown for o in same if o is not subject)
                yield at(
                    config,
                    "/id",
                    f"id {config.id} is also the id of {others}",
                    hint="remove `id` and `saved` from the copy, then `csvlint config save` it",
                    path=subject.shown,
                )
