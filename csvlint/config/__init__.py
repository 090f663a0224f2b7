"""Import configurations: read them with positions, check them against the schema, model them,
fingerprint, stamp and draft them."""

from __future__ import annotations

from csvlint.config.draft import render_draft
from csvlint.config.fingerprint import FINGERPRINTED_KEYS, canonical_form, fingerprint
from csvlint.config.load import LoadedConfig, build_config, load_config, load_config_text
from csvlint.config.model import (
    Column,
    ColumnOptions,
    ConfigProblem,
    Constant,
    Dimension,
    FileSettings,
    Formats,
    ImportConfig,
    LoadDate,
    Options,
    Pivot,
    Property,
    SourceMap,
    Target,
)
from csvlint.config.schema import bundled_schema, schema_problems
from csvlint.config.write import stamp, write_new

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
