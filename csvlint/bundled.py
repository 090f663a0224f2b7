"""The JSON Schemas shipped inside the package (`csvlint/schemas/`): import-config, settings,
report."""

from __future__ import annotations

import functools
import json
from typing import Any

NAMES = ("import-config", "settings", "report", "pigment-api", "pigment-import")


@functools.cache
def schema_text(name: str) -> str:
    """The text of the bundled schema `name`; ValueError for a name that is not bundled."""
    from importlib import resources

    if name not in NAMES:
        raise ValueError(f"no bundled schema {name!r}; known: {', '.join(NAMES)}")
    resource = resources.files("csvlint") / "schemas" / f"{name}.schema.json"
    return resource.read_text(encoding="utf-8")


def load_schema(name: str) -> dict[str, Any]:
    """The bundled schema `name`, parsed afresh (callers may change their copy)."""
    schema: dict[str, Any] = json.loads(schema_text(name))
    return schema
