"""Connecting to Pigment: an optional part that `lint` never needs (`pip install
'csvlint[pigment]'`).

`PigmentClient` is a typed client of the calls csvlint makes (applications, blocks, import
configurations, list export, CSV push, import status, waiting for a result); `verify_remote`
checks configurations against what Pigment holds; `pull_items` refreshes items files from list
exports; `push_file` lints a file, pushes it and ties the rows Pigment skipped back to lines.
The API key comes only from the environment (`csvlint.pigment.credentials`).
"""

from __future__ import annotations

from csvlint.pigment.client import PigmentClient
from csvlint.pigment.credentials import DEFAULT_URL, Keys
from csvlint.pigment.errors import (
    BadRequest,
    ImportTimeout,
    InsecureURL,
    MissingKey,
    NetworkError,
    NotFound,
    PigmentError,
    PigmentUnavailable,
    ProtocolError,
    RateLimited,
    ServerError,
    SizeLimit,
    Unauthorized,
)

__all__ = [
    "DEFAULT_URL",
    "BadRequest",
    "ImportTimeout",
    "InsecureURL",
    "Keys",
    "MissingKey",
    "NetworkError",
    "NotFound",
    "PigmentClient",
    "PigmentError",
    "PigmentUnavailable",
    "ProtocolError",
    "RateLimited",
    "ServerError",
    "SizeLimit",
    "Unauthorized",
]
