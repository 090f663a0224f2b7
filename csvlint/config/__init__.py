"""Import configurations: read them with positions, check them against the schema, model them,
fingerprint, stamp and draft them."""

from __future__ import annotations

from importlib import import_module
from typing import Any

# light, and named like its own module: imported now so that `fingerprint` is the function
from csvlint.config.fingerprint import FINGERPRINTED_KEYS, canonical_form, fingerprint

# The names below load on first use: the model is needed by every rule module, the YAML and
# JSON Schema machinery only when a configuration is actually read.
_EXPORTS = {
    "Column": "csvlint.config.model",
    "ColumnOptions": "csvlint.config.model",
    "ConfigProblem": "csvlint.config.model",
    "Constant": "csvlint.config.model",
    "Dimension": "csvlint.config.model",
    "FileSettings": "csvlint.config.model",
    "Formats": "csvlint.config.model",
    "ImportConfig": "csvlint.config.model",
    "LoadDate": "csvlint.config.model",
    "LoadedConfig": "csvlint.config.load",
    "Options": "csvlint.config.model",
    "Pivot": "csvlint.config.model",
    "Property": "csvlint.config.model",
    "SourceMap": "csvlint.config.model",
    "Target": "csvlint.config.model",
    "build_config": "csvlint.config.load",
    "bundled_schema": "csvlint.config.schema",
    "load_config": "csvlint.config.load",
    "load_config_text": "csvlint.config.load",
    "render_draft": "csvlint.config.draft",
    "schema_problems": "csvlint.config.schema",
    "stamp": "csvlint.config.write",
    "write_new": "csvlint.config.write",
}

__all__ = [
    "FINGERPRINTED_KEYS",
    "Column",
    "ColumnOptions",
    "ConfigProblem",
    "Constant",
    "Dimension",
    "FileSettings",
    "Formats",
    "ImportConfig",
    "LoadDate",
    "LoadedConfig",
    "Options",
    "Pivot",
    "Property",
    "SourceMap",
    "Target",
    "build_config",
    "bundled_schema",
    "canonical_form",
    "fingerprint",
    "load_config",
    "load_config_text",
    "render_draft",
    "schema_problems",
    "stamp",
    "write_new",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'csvlint.config' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value
