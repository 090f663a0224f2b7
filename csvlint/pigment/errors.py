"""The errors of the Pigment client: one type per failure, all `PigmentError`s (`CsvlintError`s).

No message ever holds an API key: they are written here from the status and the call, never
from a request's headers.
"""

from __future__ import annotations

from csvlint.errors import CsvlintError


class PigmentError(CsvlintError):
    """A call to Pigment's API that did not give its answer."""


class PigmentUnavailable(PigmentError):
    """The optional HTTP client is not installed: `pip install 'csvlint[pigment]'`."""


class MissingKey(PigmentError):
    """No API key of the kind a call needs in the environment."""


class InsecureURL(PigmentError):
    """A base URL that would send the key in clear text: not HTTPS, and not a loopback address."""


class Unauthorized(PigmentError):
    """401: the key is wrong, expired, of another kind, or its owner may not do this."""


class NotFound(PigmentError):
    """404: no such configuration, list or import (or not visible to the key's owner)."""


class RateLimited(PigmentError):
    """429: over Pigment's rate limits, still after waiting as `Retry-After` asked."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class BadRequest(PigmentError):
    """400: Pigment refused the request (for a push: a bad request or a file over the size
    limit, which Pigment does not publish)."""


class SizeLimit(BadRequest):
    """400 on a push: the file may be over Pigment's size limit (or the request bad)."""


class ServerError(PigmentError):
    """5xx, still after the retries."""


class NetworkError(PigmentError):
    """The connection failed, dropped or timed out."""


class ProtocolError(PigmentError):
    """An answer that does not have the shape Pigment's API documents."""


class ImportTimeout(PigmentError):
    """An import still in progress when the wait ran out; its id is kept to ask again."""

    def __init__(self, message: str, import_id: str) -> None:
        super().__init__(message)
        self.import_id = import_id
