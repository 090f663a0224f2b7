"""The JSON Schemas shipped inside the package (`csvlint/schemas/`): import-config, settings,
report."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

NAMES = ("import-config", "settings", "report")


def schema_text(name: str) -> str:
    """The text of the bundled schema `name` (one of NAMES)."""
    if name not in NAMES:
        raise KeyError(f"no schema is called {name!r}; there are {', '.join(NAMES)}")
    return (resources.files("csvlint") / "schemas" / f"{name}.schema.json").read_text(
        encoding="utf-8"
    )


@cache
def load_schema(name: str) -> dict[str, Any]:
    """The bundled schema `name`, parsed."""
    loaded: dict[str, Any] = json.loads(schema_text(name))
    return loaded
