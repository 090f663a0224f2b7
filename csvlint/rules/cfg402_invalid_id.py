from __future__ import annotations

import contextlib
import uuid

from csvlint.engine.configfile import ConfigSubject
from csvlint.finding import Severity
from csvlint.rules._config import at
from csvlint.rules.base import ConfigRule, Violations


def canonical(text: str) -> bool:
    """Whether `text` is a UUID written the canonical way: lowercase hex, 8-4-4-4-12."""
    try:
        return str(uuid.UUID(text)) == text
    except ValueError:
        return False


class InvalidId(ConfigRule):
    """`id` is not a canonical lowercase UUID.

    The ID is what a connector pushes under; Pigment's Copy ID gives it as a lowercase UUID.
    Braces, upper case, a URN prefix or a missing dash are typos waiting to become a 404 at
    push time.

    Fails: `id: 33D0D7D0-6125-47C4-B36A-882F4ED53B33` or `id: 33d0d7d0612547c4b36a882f4ed53b33`.
    Passes: `id: 33d0d7d0-6125-47c4-b36a-882f4ed53b33`.
    """

    code = "CFG402"
    name = "invalid-id"
    severity = Severity.ERROR

    def check_config(self, subject: ConfigSubject) -> Violations:
        config = subject.config
        if config is None or config.id is None or canonical(config.id):
            return
        hint = "paste the ID from Pigment's Copy ID"
        with contextlib.suppress(ValueError):
            hint = f"write it as {uuid.UUID(config.id)}"
        yield at(config, "/id", f"id {config.id!r} is not a canonical lowercase UUID", hint)
