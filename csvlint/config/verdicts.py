"""Data found valid against a bundled schema, remembered between runs (`csvlint.cache`), so that
an unchanged configuration or settings file is not validated again: jsonschema alone takes
about 70 ms to import. The key is the schema's text and the data; only valid data is kept."""

from __future__ import annotations

import json
from typing import Any

from csvlint import cache
from csvlint.bundled import schema_text


def _key(schema: str, data: Any) -> tuple[str, str, str]:
    return schema, schema_text(schema), json.dumps(data, sort_keys=True, ensure_ascii=False)


def known_valid(schema: str, data: Any) -> bool:
    """Whether `data` was found valid against the bundled schema `schema` before."""
    try:
        return cache.read("valid", *_key(schema, data)) is not None
    except (ValueError, TypeError):
        return False


def remember_valid(schema: str, data: Any) -> None:
    """Note that `data` is valid against the bundled schema `schema`."""
    try:
        cache.write("valid", b"", *_key(schema, data))
    except (ValueError, TypeError):
        return
