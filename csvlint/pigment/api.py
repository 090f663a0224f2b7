"""The answers of Pigment's API as typed records, read from JSON checked against the bundled
`pigment-api` schema (written from Pigment's OpenAPI document): an answer of another shape is a
`ProtocolError`, never a half-read record."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, Literal

from csvlint.pigment.errors import ProtocolError

BlockType = Literal["DimensionList", "TransactionList", "Metric", "Table"]
ImportState = Literal["InProgress", "Completed", "Failed"]


@functools.cache
def _validator(definition: str) -> Any:
    from jsonschema import Draft202012Validator

    from csvlint.bundled import load_schema

    schema = load_schema("pigment-api")
    return Draft202012Validator(
        {**schema, "$ref": f"#/$defs/{definition}"},
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )


def checked(definition: str, data: Any, call: str) -> Any:
    """`data` when it matches the schema's `definition`; else a ProtocolError naming `call`."""
    error = next(iter(_validator(definition).iter_errors(data)), None)
    if error is not None:
        where = "/".join(str(part) for part in error.absolute_path) or "the answer"
        raise ProtocolError(f"{call}: unexpected answer from Pigment at {where}: {error.message}")
    return data


@dataclass(frozen=True, slots=True)
class Application:
    """A Pigment application."""

    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Block:
    """A block of an application: a list, a metric or a table."""

    id: str
    name: str
    type: BlockType


@dataclass(frozen=True, slots=True)
class ImportConfiguration:
    """An import configuration as Pigment shows it: nothing but its id and name."""

    id: str
    name: str


@dataclass(frozen=True, slots=True)
class SkippedData:
    """Rows or values Pigment skipped, for one reason and source column, with a few samples."""

    count: int
    reason: str
    source_column: str | None
    samples: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ImpactedBlock:
    """What an import did to one block (and scenario)."""

    block_id: str
    scenario_id: str | None
    inserted: int
    updated: int
    deleted: int
    skipped: tuple[SkippedData, ...]


@dataclass(frozen=True, slots=True)
class DetailedReport:
    """The detailed report of an import: counts, blocks, automatically created items."""

    block_type: str
    inserted: int
    updated: int
    deleted: int
    skipped: int
    blocks: tuple[ImpactedBlock, ...]
    auto_created: tuple[tuple[str, int], ...]


@dataclass(frozen=True, slots=True)
class ErrorDetail:
    """One reason a failed import gives."""

    name: str
    description: str | None


@dataclass(frozen=True, slots=True)
class ImportStatus:
    """The state of an import, with its detailed report when it was asked for."""

    import_id: str
    created_at: str
    completed_at: str | None
    state: ImportState
    errors: tuple[ErrorDetail, ...]
    report: DetailedReport | None

    @property
    def finished(self) -> bool:
        """Completed or failed: asking again will not change it."""
        return self.state != "InProgress"


def applications(data: Any) -> list[Application]:
    """The answer of `GET /api/v1/applications`."""
    found = checked("applications", data, "applications")
    return [Application(a["id"].lower(), a["name"]) for a in found]


def blocks(data: Any) -> list[Block]:
    """The answer of `GET /api/v1/blocks`."""
    found = checked("blocks", data, "blocks")
    return [Block(b["id"].lower(), b["name"], b["type"]) for b in found]


def import_configurations(data: Any) -> list[ImportConfiguration]:
    """The answer of `GET /api/v1/importConfigurations`."""
    found = checked("importConfigurations", data, "import configurations")
    return [ImportConfiguration(c["id"].lower(), c["name"]) for c in found]


def import_started(data: Any) -> str:
    """The import id of `POST /api/v1/import/push/csv`'s answer."""
    found = checked("importStarted", data, "push")
    return str(found["importId"]).lower()


def import_status(data: Any) -> ImportStatus:
    """The answer of `GET /api/v1/import/{importId}/status`."""
    found = checked("importStatus", data, "import status")
    detailed = found["detailedReport"]
    return ImportStatus(
        import_id=found["importId"].lower(),
        created_at=found["createdAt"],
        completed_at=found["completedAt"],
        state=found["importStatus"],
        errors=tuple(
            ErrorDetail(e["name"], e["description"]) for e in found["errorsDetails"] or []
        ),
        report=None if detailed is None else _report(detailed),
    )


def _report(data: dict[str, Any]) -> DetailedReport:
    summary = data["summary"]
    return DetailedReport(
        block_type=data["blockType"],
        inserted=summary["insertedCount"],
        updated=summary["updatedCount"],
        deleted=summary["deletedCount"],
        skipped=summary["skippedCount"],
        blocks=tuple(
            ImpactedBlock(
                b["blockId"].lower(),
                b["scenarioId"],
                b["insertedCount"],
                b["updatedCount"],
                b["deletedCount"],
                tuple(
                    SkippedData(s["count"], s["reason"], s["sourceColumnName"], tuple(s["samples"]))
                    for s in b["skippedData"]
                ),
            )
            for b in data["impactedBlocks"]
        ),
        auto_created=tuple(
            (a["blockId"].lower(), a["count"]) for a in data["autoCreatedDimensionModalities"]
        ),
    )
