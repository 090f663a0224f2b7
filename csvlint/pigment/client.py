"""A typed client of the parts of Pigment's public API csvlint uses (see `pigment-api.md`).

httpx does the HTTP, with explicit timeouts. A call answered 429 or 5xx is tried again after the
wait `Retry-After` asks (else an exponential backoff), up to `retries` times and never waiting
longer than `max_wait` at once; a read-only call is also tried again when the connection drops.
A push is never tried again after a dropped connection: Pigment may have started the import.
Each failure is one error type of `csvlint.pigment.errors`. The file of a push is streamed from
disk, never read whole into memory; so is a list's export, to its destination.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from csvlint.pigment import api
from csvlint.pigment.credentials import DEFAULT_URL, VARIABLES, KeyKind, Keys, checked_url
from csvlint.pigment.errors import (
    BadRequest,
    ImportTimeout,
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

if TYPE_CHECKING:
    import httpx

API = "/api/v1"
#: bytes of an upload or a download moved at once
CHUNK = 1 << 16


def _httpx() -> Any:
    try:
        import httpx
    except ImportError:
        raise PigmentUnavailable(
            "connecting to Pigment needs the optional HTTP client: pip install 'csvlint[pigment]'"
        ) from None
    return httpx


class PigmentClient:
    """Calls to one Pigment host with the keys of the environment (or `keys`).

    `timeout` bounds each read and write, in seconds (connecting: at most 10 s); `sleep` is
    what waits between tries (tests pass a recorder). Use as a context manager, or `close()`.
    """

    def __init__(
        self,
        url: str = DEFAULT_URL,
        keys: Keys | None = None,
        *,
        timeout: float = 60.0,
        retries: int = 4,
        max_wait: float = 60.0,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        http = _httpx()
        self.url = checked_url(url)
        self._keys = keys if keys is not None else Keys.from_environment()
        self.retries = retries
        self.max_wait = max_wait
        self._sleep = sleep if sleep is not None else pause
        self._http: httpx.Client = http.Client(
            base_url=self.url,
            timeout=http.Timeout(timeout, connect=min(timeout, 10.0)),
            follow_redirects=False,
            headers={"Accept": "application/json"},
        )

    def __enter__(self) -> PigmentClient:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connections."""
        self._http.close()

    # -- metadata -------------------------------------------------------------------------

    def applications(self) -> list[api.Application]:
        """Every application the metadata key's owner can see."""
        return api.applications(self._json("GET", "/applications", "metadata", "applications"))

    def blocks(self, application_id: str) -> list[api.Block]:
        """The blocks of an application."""
        data = self._json(
            "GET", "/blocks", "metadata", "blocks", params={"applicationId": application_id}
        )
        return api.blocks(data)

    def import_configurations(
        self, application_id: str, block_id: str
    ) -> list[api.ImportConfiguration]:
        """The import configurations saved under a block."""
        params = {"applicationId": application_id, "blockId": block_id}
        data = self._json(
            "GET", "/importConfigurations", "metadata", "import configurations", params=params
        )
        return api.import_configurations(data)

    # -- export ---------------------------------------------------------------------------

    def export_list(
        self,
        list_id: str,
        destination: BinaryIO,
        *,
        friendly_headers: bool = True,
        delimiter: str = "Semicolon",
        encoding: str = "Utf8WithBom",
    ) -> int:
        """Write the CSV export of a list to `destination`, streamed; the bytes written."""
        body = {
            "friendlyHeaders": friendly_headers,
            "fieldDelimiter": delimiter,
            "encoding": encoding,
            "dateFormat": "Iso8601",
        }
        call = f"export of list {list_id}"
        response = self._send("POST", f"/export/list/{list_id}", "export", call, json=body)
        written = 0
        try:
            for block in response.iter_bytes(CHUNK):
                destination.write(block)
                written += len(block)
        except _transport_errors() as error:
            raise NetworkError(f"{call}: the connection failed: {_why(error)}") from None
        finally:
            response.close()
        return written

    # -- import ---------------------------------------------------------------------------

    def push_csv(self, configuration_id: str, path: Path) -> str:
        """Push the CSV file at `path` under an import configuration; the import's id.
        The file is streamed from disk."""

        def body() -> BinaryIO:
            return path.open("rb")

        call = f"push under configuration {configuration_id}"
        data = self._json(
            "POST",
            "/import/push/csv",
            "import",
            call,
            params={"configurationId": configuration_id},
            upload=body,
            idempotent=False,
        )
        return api.import_started(data)

    def import_status(self, import_id: str, detailed: bool = True) -> api.ImportStatus:
        """The state of an import, with its detailed report unless told not to."""
        params = {"includedDetailedReport": "true" if detailed else "false"}
        data = self._json(
            "GET", f"/import/{import_id}/status", "import", f"status of import {import_id}",
            params=params,
        )  # fmt: skip
        return api.import_status(data)

    def wait_for_import(
        self,
        import_id: str,
        *,
        timeout: float = 1800.0,
        poll: float = 2.0,
        on_poll: Callable[[api.ImportStatus, float], None] | None = None,
    ) -> api.ImportStatus:
        """Ask for an import's state until it is completed or failed (then with its detailed
        report), every `poll` seconds up to 30, at most `timeout` seconds. `on_poll` hears each
        answer and the seconds waited so far. Raises ImportTimeout when time runs out."""
        waited, step = 0.0, poll
        while True:
            status = self.import_status(import_id, detailed=True)
            if on_poll is not None:
                on_poll(status, waited)
            if status.finished:
                return status
            if waited >= timeout:
                raise ImportTimeout(
                    f"import {import_id} still in progress after {waited:.0f} s: "
                    f"ask later with `csvlint pigment status {import_id}`",
                    import_id,
                )
            self._sleep(step)
            waited += step
            step = min(step * 1.5, 30.0)

    # -- the calls ------------------------------------------------------------------------

    def _json(
        self,
        method: str,
        path: str,
        kind: KeyKind,
        call: str,
        *,
        params: dict[str, str] | None = None,
        upload: Callable[[], BinaryIO] | None = None,
        idempotent: bool = True,
    ) -> Any:
        for attempt in range(self.retries + 1):
            response = self._send(
                method, path, kind, call, params=params, upload=upload, idempotent=idempotent
            )
            try:
                response.read()
                break
            except _transport_errors() as error:
                if not idempotent or attempt >= self.retries:
                    raise NetworkError(f"{call}: the connection failed: {_why(error)}") from None
                self._sleep(_backoff(attempt))
            finally:
                response.close()
        try:
            return response.json()
        except ValueError:
            raise ProtocolError(f"{call}: Pigment's answer is not JSON") from None

    def _send(
        self,
        method: str,
        path: str,
        kind: KeyKind,
        call: str,
        *,
        params: dict[str, str] | None = None,
        json: dict[str, Any] | None = None,
        upload: Callable[[], BinaryIO] | None = None,
        idempotent: bool = True,
    ) -> httpx.Response:
        """Send a request, trying again as the module says; the response, its body unread
        (the caller closes it). Raises the error type of a failure."""
        http = _httpx()
        headers = {"Authorization": f"Bearer {self._keys.key(kind)}"}
        for attempt in range(self.retries + 1):
            stream = upload() if upload is not None else None
            try:
                if stream is not None:
                    headers["Content-Type"] = "text/csv"
                request = self._http.build_request(
                    method, API + path, params=params, json=json, content=stream, headers=headers
                )
                try:
                    response = self._http.send(request, stream=True)
                except http.TransportError as error:
                    if idempotent and attempt < self.retries:
                        self._sleep(_backoff(attempt))
                        continue
                    raise NetworkError(f"{call}: the connection failed: {_why(error)}") from None
            finally:
                if stream is not None:
                    stream.close()
            status = response.status_code
            if status == 429 or status >= 500:
                wait = _retry_after(response) or _backoff(attempt)
                response.close()
                if attempt < self.retries and wait <= self.max_wait:
                    self._sleep(wait)
                    continue
                if status == 429:
                    raise RateLimited(
                        f"{call}: over Pigment's rate limit (429); try again in {wait:.0f} s",
                        wait,
                    )
                raise ServerError(f"{call}: Pigment answered {status} after {attempt + 1} tries")
            if status >= 400:
                dashed = "-" in self._keys.key(kind)
                _raise_for(response, status, call, kind, self._keys.secrets(), dashed)
            return response
        raise PigmentError(f"{call}: no answer")  # unreachable: the loop returns or raises


def _raise_for(
    response: httpx.Response,
    status: int,
    call: str,
    kind: KeyKind,
    secrets: tuple[str, ...],
    dashed: bool = False,
) -> None:
    try:
        detail = response.read().decode("utf-8", "replace").strip()[:200]
    except Exception:
        detail = ""
    finally:
        response.close()
    for secret in secrets:  # an answer that echoes the key must not carry it into a message
        detail = detail.replace(secret, "***")
    said = f": {detail}" if detail else ""
    if status == 401:
        # Pigment's old keys hold dashes and must be regenerated; say so without the key
        old = " (a key with dashes is an old one: regenerate it)" if dashed else ""
        raise Unauthorized(
            f"{call}: Pigment refused the key (401): check that {VARIABLES[kind]} (or "
            f"PIGMENT_API_KEY) holds a valid, unexpired key of that kind{old}"
        )
    if status == 404:
        raise NotFound(f"{call}: not found in Pigment (404){said}")
    if status == 400 and "push" in call:
        raise SizeLimit(
            f"{call}: Pigment refused the file (400: a bad request or over the size limit){said}"
        )
    raise BadRequest(f"{call}: Pigment refused the request ({status}){said}")


def pause(seconds: float) -> None:
    """Wait between tries and polls (a name of its own, so that tests can stop time)."""
    time.sleep(seconds)


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _backoff(attempt: int) -> float:
    return float(min(0.5 * 2**attempt, 30.0))


def _transport_errors() -> tuple[type[Exception], ...]:
    httpx = _httpx()
    return (httpx.TransportError, httpx.StreamError)


def _why(error: Exception) -> str:
    name = type(error).__name__
    if "Timeout" in name:
        return "timed out"
    text = str(error)
    return f"{name}: {text}" if text else name
