"""The fingerprint that `saved.fingerprint` records: what a configuration's save covered.

The canonical form is the JSON text of the keys `target`, `file`, `formats`, `columns`,
`constants`, `load_date` and `options` of the file's data, as written: absent keys are omitted and
no defaults are applied, so that what is fingerprinted is exactly what the file says. It is
written by `json.dumps` with sorted keys, the separators `,` and `:`, and non-ASCII characters
kept as they are. YAML and JSON spellings of one value give one form: a number whose value is a
whole number is written as an integer (`1000.0` as `1000`), as JSON makes no difference between
them, and YAML's own types (quoted strings, anchored values) are plain text, numbers and booleans.

Everything else does not count: comments, key order, quoting style, `csvlint`, `id`, `name`,
`description`, `sample`, `files` and `saved` itself. The fingerprint is `sha256:` followed by the
hexadecimal SHA-256 digest of the UTF-8 bytes of the canonical form. A configuration that keeps
known items in files (`items: {file, column}`) covers them too: a line per file, with its path,
its column and the SHA-256 of its bytes, follows the canonical form.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from csvlint.digest import sha256

#: the parts of a configuration that say how a file is imported
FINGERPRINTED_KEYS = ("target", "file", "formats", "columns", "constants", "load_date", "options")

# floats beyond 2**53 are not exact integers, and converting them would invent digits
_EXACT = 2**53


def canonical_form(data: Mapping[str, Any]) -> str:
    """The canonical JSON text of the fingerprinted keys of `data` (see the module docstring)."""
    covered = {key: _normal(data[key]) for key in FINGERPRINTED_KEYS if key in data}
    return json.dumps(covered, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def fingerprint(data: Mapping[str, Any], items: str = "") -> str:
    """`sha256:<hex>` of the canonical form of `data`, followed by `items` (what the items
    files hold, see `file_fingerprint`) after a line break when there is any."""
    form = canonical_form(data) + (f"\n{items}" if items else "")
    digest = sha256(form.encode("utf-8")).hexdigest()
    return f"sha256:{digest}"


def file_fingerprint(data: Mapping[str, Any], path: Path, root: Path) -> str:
    """The fingerprint of the configuration file at `path` whose data is `data`: its canonical
    form and, when it keeps items in files (inside `root`), a line per file with its path,
    column and the SHA-256 of its bytes. Editing an items file makes the save stale."""
    from csvlint.config.items import items_digest, items_sources

    sources = items_sources(data)
    return fingerprint(data, items_digest(path, root, sources) if sources else "")


def _normal(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(key): _normal(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_normal(item) for item in value]
    if value is None or isinstance(value, bool):
        return value
    if type(value).__name__ == "ScalarBoolean":  # ruamel: an anchored boolean is an int
        return bool(value)
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < _EXACT:
            return int(value)
        return float(value)
    raise TypeError(f"cannot fingerprint a {type(value).__name__} value")
