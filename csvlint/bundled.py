"""The JSON Schemas shipped inside the package (`csvlint/schemas/`): import-config, settings,
report."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

NAMES = ("import-config", "settings", "report", "pigment-api", "pigment-import")


@functools.cache
def schema_text(name: str) -> str:
    """The text of the bundled schema `name`; ValueError for a name that is not bundled."""
    if name not in NAMES:
        raise ValueError(f"no bundled schema {name!r}; known: {', '.join(NAMES)}")
    # read beside this module: importlib.resources costs more to import (with tempfile,
    # shutil and zipfile) than a cached lint spends on its configuration
    try:
        return (Path(__file__).parent / "schemas" / f"{name}.schema.json").read_text("utf-8")
    except FileNotFoundError:  # installed in a zip: only importlib can read it
        from importlib import resources

        resource = resources.files("csvlint") / "schemas" / f"{name}.schema.json"
        return resource.read_text(encoding="utf-8")


def load_schema(name: str) -> dict[str, Any]:
    """The bundled schema `name`, parsed afresh (callers may change their copy)."""
    schema: dict[str, Any] = json.loads(schema_text(name))
    return schema
