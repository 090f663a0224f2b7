"""The client against the fake Pigment: typed answers, retries that honour Retry-After, and one
error type per failure, none of which ever shows a key."""

from __future__ import annotations

import io
import time
from pathlib import Path
from typing import Any

import pytest
from fake_pigment import KEYS, FakePigment, Outcome

from csvlint.errors import CsvlintError
from csvlint.pigment import (
    InsecureURL,
    Keys,
    MissingKey,
    NetworkError,
    NotFound,
    PigmentClient,
    ProtocolError,
    RateLimited,
    ServerError,
    SizeLimit,
    Unauthorized,
)


def client(
    pigment: FakePigment, waits: list[float] | None = None, **options: float
) -> PigmentClient:
    record = waits if waits is not None else []
    return PigmentClient(pigment.url, sleep=record.append, **options)  # type: ignore[arg-type]


def test_metadata_is_typed(pigment: FakePigment) -> None:
    app = pigment.add_application("Workforce")
    block = pigment.add_block(app, "Employee", "DimensionList")
    config = pigment.add_configuration(app, block, "Employees from Workday")
    with client(pigment) as pig:
        assert [(a.id, a.name) for a in pig.applications()] == [(app, "Workforce")]
        assert [(b.name, b.type) for b in pig.blocks(app)] == [("Employee", "DimensionList")]
        assert [c.id for c in pig.import_configurations(app, block)] == [config]


def test_429_waits_as_retry_after_says(pigment: FakePigment) -> None:
    pigment.add_application("A")
    pigment.faults += [("applications", "429:7"), ("applications", "503")]
    waits: list[float] = []
    with client(pigment, waits) as pig:
        assert len(pig.applications()) == 1
    assert waits == [7.0, 1.0]


def test_429_past_the_longest_wait_is_rate_limited(pigment: FakePigment) -> None:
    pigment.faults.append(("applications", "429:3600"))
    with client(pigment) as pig, pytest.raises(RateLimited, match="429") as caught:
        pig.applications()
    assert caught.value.retry_after == 3600


def test_5xx_after_every_try_is_a_server_error(pigment: FakePigment) -> None:
    pigment.faults += [("applications", "500")] * 5
    waits: list[float] = []
    with client(pigment, waits) as pig, pytest.raises(ServerError, match="500 after 5 tries"):
        pig.applications()
    assert waits == [0.5, 1.0, 2.0, 4.0]


def test_a_wrong_key_is_unauthorized_and_never_shown(
    pigment: FakePigment, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PIGMENT_METADATA_API_KEY", "wrong-5ecret")
    with client(pigment) as pig, pytest.raises(Unauthorized) as caught:
        pig.applications()
    assert "PIGMENT_METADATA_API_KEY" in str(caught.value) and "old one" in str(caught.value)
    assert "5ecret" not in str(caught.value) and "5ecret" not in repr(caught.value)
    assert isinstance(caught.value, CsvlintError)


def test_a_missing_key_names_the_variables(
    pigment: FakePigment, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PIGMENT_EXPORT_API_KEY")
    with client(pigment) as pig, pytest.raises(MissingKey, match="PIGMENT_EXPORT_API_KEY"):
        pig.export_list("00000000-0000-0000-0000-000000000000", io.BytesIO())
    assert "5ecret" not in repr(Keys.from_environment())


def test_the_shared_key_serves_every_kind() -> None:
    keys = Keys.from_environment({"PIGMENT_API_KEY": "s", "PIGMENT_IMPORT_API_KEY": "i"})
    assert (keys.key("metadata"), keys.key("export"), keys.key("import")) == ("s", "s", "i")


@pytest.mark.parametrize(
    "url", ["http://pigment.app", "http://10.0.0.1:8080", "ftp://x", "https://u:p@pigment.app"]
)
def test_the_key_goes_only_over_https_or_to_loopback(url: str) -> None:
    with pytest.raises(InsecureURL):
        PigmentClient(url, Keys({"metadata": "k"}))
    for fine in ("https://pigment.app", "http://127.0.0.1:1", "http://[::1]:1", "http://localhost"):
        PigmentClient(fine, Keys({"metadata": "k"})).close()


def test_a_list_export_is_streamed_with_its_bom_and_semicolons(pigment: FakePigment) -> None:
    pigment.add_list("l1", "Department", [{"Name": "Sales", "Code": "SALES"}])
    out = io.BytesIO()
    with client(pigment) as pig:
        assert pig.export_list("l1", out) == len(out.getvalue())
        with pytest.raises(NotFound, match="404"):
            pig.export_list("nope", io.BytesIO())
    assert out.getvalue() == b"\xef\xbb\xbfName;Code\r\nSales;SALES\r\n"


def test_a_push_streams_the_file_and_waits(pigment: FakePigment, tmp_path: Path) -> None:
    app = pigment.add_application("A")
    block = pigment.add_block(app, "Employee", "DimensionList")
    config = pigment.add_configuration(app, block, "E")
    pigment.outcomes[config] = Outcome(polls=2)
    data = tmp_path / "e.csv"
    data.write_bytes(b"Code\n" + b"x\n" * 100_000)
    waits: list[float] = []
    polled: list[str] = []
    with client(pigment, waits) as pig:
        import_id = pig.push_csv(config, data)
        status = pig.wait_for_import(import_id, poll=1, on_poll=lambda s, _: polled.append(s.state))
    assert pigment.imports[import_id].body == data.read_bytes()
    assert polled == ["InProgress", "InProgress", "Completed"] and waits == [1, 1.5]
    assert status.report is not None and status.report.inserted == 100_000


def test_a_push_refused_for_its_size_and_an_unknown_configuration(
    pigment: FakePigment, tmp_path: Path
) -> None:
    app = pigment.add_application("A")
    config = pigment.add_configuration(app, pigment.add_block(app, "E", "DimensionList"), "E")
    pigment.outcomes[config] = Outcome(state="TooLarge")
    data = tmp_path / "e.csv"
    data.write_bytes(b"Code\nx\n")
    with client(pigment) as pig:
        with pytest.raises(SizeLimit, match="size limit"):
            pig.push_csv(config, data)
        with pytest.raises(NotFound):
            pig.push_csv("00000000-0000-0000-0000-000000000000", data)
        with pytest.raises(NotFound):
            pig.import_status("00000000-0000-0000-0000-000000000000")


def test_a_dropped_connection_is_a_network_error_and_a_push_is_not_repeated(
    pigment: FakePigment, tmp_path: Path
) -> None:
    app = pigment.add_application("A")
    config = pigment.add_configuration(app, pigment.add_block(app, "E", "DimensionList"), "E")
    data = tmp_path / "e.csv"
    data.write_bytes(b"Code\nx\n")
    pigment.faults.append(("push", "drop"))
    with client(pigment) as pig, pytest.raises(NetworkError, match="connection"):
        pig.push_csv(config, data)
    assert [p for _, p in pigment.requests].count("/api/v1/import/push/csv") == 1
    pigment.faults.append(("applications", "drop"))
    with client(pigment) as pig:
        assert pig.applications() != []  # a read is tried again


def test_a_slow_answer_times_out(pigment: FakePigment) -> None:
    # one try: a request left waiting in the fake would take the next test's answer
    pigment.faults.append(("applications", "slow:0.6"))
    with client(pigment, timeout=0.2, retries=0) as pig, pytest.raises(NetworkError, match="timed"):
        pig.applications()


def test_the_keys_are_never_in_an_error(pigment: FakePigment) -> None:
    pigment.faults.append(("applications", "400"))
    with client(pigment) as pig, pytest.raises(CsvlintError) as caught:
        pig.applications()
    assert not any(key in str(caught.value) for key in KEYS.values())


def test_retry_after_as_an_http_date(pigment: FakePigment) -> None:
    from email.utils import formatdate

    pigment.add_application("A")
    later = formatdate(time.time() + 30, usegmt=True)
    pigment.faults.append(("applications", f"429:{later}"))
    waits: list[float] = []
    with client(pigment, waits) as pig:
        assert len(pig.applications()) == 1
    assert len(waits) == 1 and 25 <= waits[0] <= 31


@pytest.mark.parametrize(
    "answer",
    [
        [{"id": "not-a-uuid", "name": "A"}],
        [{"id": "33d0d7d0-6125-47c4-b36a-882f4ed53b33", "name": "A", "owner": "x"}],
        {"applications": []},
    ],
)
def test_an_answer_of_another_shape_is_a_protocol_error(httpserver: Any, answer: Any) -> None:
    httpserver.expect_request("/api/v1/applications").respond_with_json(answer)
    keys = Keys({"metadata": "k"})
    with PigmentClient(httpserver.url_for("/"), keys) as pig, pytest.raises(ProtocolError):
        pig.applications()
    httpserver.expect_request("/api/v1/blocks").respond_with_data("<html>", status=200)
    with PigmentClient(httpserver.url_for("/"), keys) as pig, pytest.raises(ProtocolError):
        pig.blocks("33d0d7d0-6125-47c4-b36a-882f4ed53b33")
