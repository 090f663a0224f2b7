"""A local fake of Pigment's public API, served by pytest-httpserver on a loopback port.

It answers the calls of `pigment-api.md` with their documented shapes and status codes, and
checks every JSON answer it gives against the bundled `pigment-api` schema, so that the fake
cannot drift from the contract the client reads. Faults are queued per call: a 429 with
`Retry-After`, a 5xx, a 400, a dropped connection or a slow answer (a timeout).
"""

from __future__ import annotations

import io
import json
import re
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from csvlint.pigment.api import checked

KEYS = {
    "metadata": "meta-5ecret-key-value",
    "export": "export-5ecret-key-value",
    "import": "import-5ecret-key-value",
}
STAMP = "2026-12-03T00:00:00Z"


@dataclass
class FakeList:
    """A dimension list: its items as rows of properties (friendly name → value)."""

    id: str
    name: str
    rows: list[dict[str, str]]


@dataclass
class Outcome:
    """How a push under a configuration ends: its state after `polls` answers in progress."""

    state: str = "Completed"
    polls: int = 0
    skipped: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] | None = None
    auto_created: int = 0


@dataclass
class FakeImport:
    id: str
    configuration: str
    body: bytes
    outcome: Outcome
    asked: int = 0


class FakePigment:
    """One workspace: applications, their blocks, the configurations under blocks, lists."""

    def __init__(self, server: HTTPServer) -> None:
        self.server = server
        self.applications: list[dict[str, str]] = []
        self.blocks: dict[str, list[dict[str, str]]] = {}
        self.configurations: dict[tuple[str, str], list[dict[str, str]]] = {}
        self.lists: dict[str, FakeList] = {}
        self.outcomes: dict[str, Outcome] = {}
        self.imports: dict[str, FakeImport] = {}
        #: (path pattern, fault) answered once each, in order: "429:<seconds>", "500", "400",
        #: "drop", "slow:<seconds>"
        self.faults: list[tuple[str, str]] = []
        self.requests: list[tuple[str, str]] = []
        server.expect_request(re.compile(r"^/.*")).respond_with_handler(self.handle)

    @property
    def url(self) -> str:
        return self.server.url_for("").rstrip("/")

    # -- the workspace ----------------------------------------------------------------------

    def add_application(self, name: str) -> str:
        app = str(uuid.uuid4())
        self.applications.append({"id": app, "name": name})
        self.blocks[app] = []
        return app

    def add_block(self, app: str, name: str, kind: str) -> str:
        block = str(uuid.uuid4())
        self.blocks[app].append({"id": block, "name": name, "type": kind})
        self.configurations[(app, block)] = []
        return block

    def add_configuration(self, app: str, block: str, name: str, id: str | None = None) -> str:
        config = id or str(uuid.uuid4())
        self.configurations[(app, block)].append({"id": config, "name": name})
        return config

    def add_list(self, list_id: str, name: str, rows: list[dict[str, str]]) -> None:
        self.lists[list_id] = FakeList(list_id, name, rows)

    # -- serving ----------------------------------------------------------------------------

    def handle(self, request: Request) -> Response:
        path = request.path
        self.requests.append((request.method, path))
        for index, (pattern, fault) in enumerate(self.faults):
            if re.search(pattern, path):
                del self.faults[index]
                faulty = self._fault(fault)
                if faulty is not None:
                    return faulty
                break
        kind = self._kind(request)
        if kind is None:
            return Response("not found", status=404)
        if request.headers.get("Authorization") != f"Bearer {KEYS[kind]}":
            return Response(json.dumps({"message": "Unauthorized"}), status=401)
        return self._route(request)

    def _fault(self, fault: str) -> Response | None:
        name, _, value = fault.partition(":")
        if name == "429":
            return Response("Too many requests", status=429, headers={"Retry-After": value})
        if name in ("500", "502", "503"):
            return Response("upstream trouble", status=int(name))
        if name == "400":
            return Response(json.dumps({"message": "Bad request"}), status=400)
        if name == "drop":
            return Response(_dropped(), headers={"Content-Length": "1000"})
        if name == "slow":
            time.sleep(float(value))
        return None

    @staticmethod
    def _kind(request: Request) -> str | None:
        path = request.path
        if request.method == "GET" and path in (
            "/api/v1/applications",
            "/api/v1/blocks",
            "/api/v1/importConfigurations",
        ):
            return "metadata"
        if request.method == "POST" and path.startswith("/api/v1/export/list/"):
            return "export"
        if request.method == "POST" and path == "/api/v1/import/push/csv":
            return "import"
        if request.method == "GET" and re.fullmatch(r"/api/v1/import/[^/]+/status", path):
            return "import"
        return None

    def _route(self, request: Request) -> Response:
        path, args = request.path, request.args
        if path == "/api/v1/applications":
            return _json("applications", self.applications)
        if path == "/api/v1/blocks":
            return _json("blocks", self.blocks.get(args.get("applicationId", ""), []))
        if path == "/api/v1/importConfigurations":
            key = (args.get("applicationId", ""), args.get("blockId", ""))
            return _json("importConfigurations", self.configurations.get(key, []))
        if path.startswith("/api/v1/export/list/"):
            return self._export(path.rsplit("/", 1)[1], request)
        if path == "/api/v1/import/push/csv":
            return self._push(request)
        return self._status(path.split("/")[4], args.get("includedDetailedReport") == "true")

    def _export(self, list_id: str, request: Request) -> Response:
        found = self.lists.get(list_id)
        if found is None:
            return Response(json.dumps({"message": "List not found"}), status=404)
        try:
            body = json.loads(request.get_data() or b"{}")
        except ValueError:
            return Response(json.dumps({"message": "Bad request"}), status=400)
        delimiter = ";" if body.get("fieldDelimiter", "Semicolon") == "Semicolon" else ","
        bom = body.get("encoding", "Utf8WithBom") == "Utf8WithBom"
        header = list(found.rows[0]) if found.rows else ["Name"]
        out = io.StringIO()
        import csv

        writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(header)
        for row in found.rows:
            writer.writerow([row.get(name, "") for name in header])
        data = ("\ufeff" if bom else "") + out.getvalue()
        return Response(data.encode("utf-8"), content_type="text/csv")

    def _push(self, request: Request) -> Response:
        configuration = request.args.get("configurationId", "")
        known = {c["id"] for configs in self.configurations.values() for c in configs}
        if configuration not in known:
            return Response(json.dumps({"message": "Import configuration not found"}), status=404)
        if request.content_type not in ("text/csv", "application/octet-stream"):
            return Response(json.dumps({"message": "Bad request"}), status=400)
        body = request.get_data()
        outcome = self.outcomes.get(configuration, Outcome())
        if outcome.state == "TooLarge":
            return Response(json.dumps({"message": "Size limit exceeded"}), status=400)
        imported = FakeImport(str(uuid.uuid4()), configuration, body, outcome)
        self.imports[imported.id] = imported
        return _json("importStarted", {"importId": imported.id})

    def _status(self, import_id: str, detailed: bool) -> Response:
        found = self.imports.get(import_id)
        if found is None:
            return Response(json.dumps({"message": "Import not found"}), status=404)
        found.asked += 1
        outcome = found.outcome
        state = "InProgress" if found.asked <= outcome.polls else outcome.state
        rows = max(0, found.body.count(b"\n") - 1)
        skipped = sum(s["count"] for s in outcome.skipped)
        report = None
        if detailed and state == "Completed":
            block = str(uuid.uuid5(uuid.NAMESPACE_URL, found.configuration))
            report = {
                "blockType": "List",
                "summary": {
                    "insertedCount": rows - skipped,
                    "updatedCount": 0,
                    "deletedCount": 0,
                    "skippedCount": skipped,
                },
                "impactedBlocks": [
                    {
                        "blockId": block,
                        "scenarioId": None,
                        "insertedCount": rows - skipped,
                        "updatedCount": 0,
                        "deletedCount": 0,
                        "skippedData": outcome.skipped,
                    }
                ],
                "autoCreatedDimensionModalities": (
                    [{"blockId": block, "count": outcome.auto_created}]
                    if outcome.auto_created
                    else []
                ),
            }
        answer = {
            "importId": import_id,
            "createdAt": STAMP,
            "completedAt": None if state == "InProgress" else STAMP,
            "importStatus": state,
            "errorsDetails": outcome.errors if state == "Failed" else None,
            "detailedReport": report,
        }
        return _json("importStatus", answer)


def _json(definition: str, data: Any) -> Response:
    checked(definition, data, f"fake {definition}")  # the fake keeps to the contract
    return Response(json.dumps(data), content_type="application/json")


def _dropped() -> Iterator[bytes]:
    yield b'{"partial": '
    raise ConnectionAbortedError("the fake drops the connection")
