"""Data found valid against a bundled schema, remembered between runs (`csvlint.cache`), so that
an unchanged configuration or settings file is not validated again: jsonschema alone takes
about 70 ms to import. The key is the schema's name and text and the data in full; only valid
data is kept, and an entry holds the hash of the data it vouches for, checked on reading."""

from __future__ import annotations

import json
from typing import Any

from csvlint import cache
from csvlint.bundled import schema_text
from csvlint.digest import sha256


def _key(schema: str, data: Any) -> tuple[str, str, str]:
    return schema, schema_text(schema), json.dumps(data, sort_keys=True, ensure_ascii=False)


def known_valid(schema: str, data: Any) -> bool:
    """Whether `data` was found valid against the bundled schema `schema` before."""
    try:
        key = _key(schema, data)
        return cache.read("valid", *key) == _vouched(key)
    except (ValueError, TypeError):
        return False


def remember_valid(schema: str, data: Any) -> None:
    """Note that `data` is valid against the bundled schema `schema`."""
    try:
        key = _key(schema, data)
        cache.write("valid", _vouched(key), *key)
    except (ValueError, TypeError):
        return


def _vouched(key: tuple[str, str, str]) -> bytes:
    """What an entry says it found valid: the hash of the schema's text and of the data."""
    schema, text, data = key
    parts = (schema, _sha(text), _sha(data))
    return " ".join(parts).encode("ascii", "replace")


def _sha(text: str) -> str:
    return sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
