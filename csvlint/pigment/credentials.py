"""Where the API key and the base URL come from, and where the key may go.

The key comes from the environment only, never from an argument, a configuration or a settings
file: `PIGMENT_API_KEY`, or one per kind of key Pigment issues (`PIGMENT_IMPORT_API_KEY`,
`PIGMENT_EXPORT_API_KEY`, `PIGMENT_METADATA_API_KEY`), which win over the shared one. It is sent
only over HTTPS, or to a loopback address (a local test server).
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlsplit

from csvlint.pigment.errors import InsecureURL, MissingKey

KeyKind = Literal["import", "export", "metadata"]
DEFAULT_URL = "https://pigment.app"
SHARED_VARIABLE = "PIGMENT_API_KEY"
VARIABLES: dict[KeyKind, str] = {
    "import": "PIGMENT_IMPORT_API_KEY",
    "export": "PIGMENT_EXPORT_API_KEY",
    "metadata": "PIGMENT_METADATA_API_KEY",
}
_WHAT: dict[KeyKind, str] = {
    "import": "an import key",
    "export": "an export key",
    "metadata": "a modeling metadata key",
}


@dataclass(frozen=True)
class Keys:
    """The API keys by kind. `repr` never shows them."""

    by_kind: Mapping[KeyKind, str] = field(default_factory=dict, repr=False)

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> Keys:
        """The keys set in the environment (`os.environ` unless given)."""
        env = os.environ if environ is None else environ
        shared = env.get(SHARED_VARIABLE, "").strip()
        found: dict[KeyKind, str] = {}
        for kind, variable in VARIABLES.items():
            key = env.get(variable, "").strip() or shared
            if key:
                found[kind] = key
        return cls(found)

    def key(self, kind: KeyKind) -> str:
        """The key for calls of `kind`. Raises MissingKey, naming the variables to set."""
        key = self.by_kind.get(kind)
        if not key:
            raise MissingKey(
                f"no Pigment API key for this call ({_WHAT[kind]}): set {VARIABLES[kind]} "
                f"or {SHARED_VARIABLE} in the environment"
            )
        return key

    def secrets(self) -> tuple[str, ...]:
        """Every key, for a last check that no output holds one."""
        return tuple(set(self.by_kind.values()))


def checked_url(url: str) -> str:
    """The base URL without a trailing slash, refused unless HTTPS or a loopback address."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InsecureURL(f"the Pigment URL {url!r} is not an http(s) URL")
    if parts.username or parts.password:
        raise InsecureURL("the Pigment URL must not hold a user name or password")
    if parts.scheme == "http" and not is_loopback(parts.hostname):
        raise InsecureURL(
            f"the Pigment URL {url!r} is not HTTPS: the API key is sent only over HTTPS "
            "(or to a loopback address)"
        )
    return url.strip().rstrip("/")


def is_loopback(host: str) -> bool:
    """Whether `host` names this machine: localhost, 127.0.0.0/8 or ::1."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
