"""Stamping a saved configuration and writing new files: exact, atomic, repeatable."""

from __future__ import annotations

import json
import os
import stat
import tempfile
import uuid
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csvlint.config import (
    fingerprint,
    load_config,
    load_config_text,
    render_draft,
    stamp,
    write_new,
)
from csvlint.config.write import guess_indent

DATA = Path(__file__).parent / "data"
ID = "33d0d7d0-6125-47c4-b36a-882f4ed53b33"
FINGERPRINT = "sha256:" + "ab" * 32

COMMENTED = """\
# Employees, nightly
csvlint: 1   # format version
name: "Employees"   # as in Pigment
target:
    type: dimension_list
    block: 'Employee'
    properties:
    -   name: Employee ID
        type: text
        unique: true   # the key

    -   name: Dept
        type: dimension
        list: Department
        items: [SALES, ENG]
file: {encoding: utf-8, delimiter: ",", quote: '"'}
columns:
-   header: Employee_ID
    property: Employee ID
# Dept comes from Workday's org chart
-   header: Dept
    property: Dept
sample: employees.csv
# end of file
"""


def _saved(indent: str, value: str, newline: str = "\n") -> str:
    """`fingerprint: VALUE` as a save writes it: the value on the next line when the two do
    not fit a line of 80 characters (yamllint's default line length)."""
    line = f"{indent}fingerprint: {value}"
    if len(line) <= 80:
        return line + newline
    return f"{indent}fingerprint:{newline}{indent}  {value}{newline}"


def _stamped(tmp_path: Path, text: str, name: str = "x.import.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    stamp(path, id=ID, fingerprint=FINGERPRINT)
    return path.read_bytes().decode("utf-8")


def test_stamp_adds_the_id_after_the_version_and_the_save_at_the_end(tmp_path: Path) -> None:
    text = _stamped(tmp_path, COMMENTED)
    expected = COMMENTED.replace(
        "csvlint: 1   # format version\n", f"csvlint: 1   # format version\nid: {ID}\n"
    )
    expected += "saved:\n" + _saved("    ", FINGERPRINT)
    assert text == expected


def test_stamp_keeps_the_generator_layout(tmp_path: Path) -> None:
    original = (DATA / "orders.import.yaml").read_text(encoding="utf-8")
    text = _stamped(tmp_path, original)
    assert text == original.replace("csvlint: 1\n", f"csvlint: 1\nid: {ID}\n") + (
        "saved:\n" + _saved("  ", FINGERPRINT)
    )


def test_stamp_replaces_an_existing_id_and_fingerprint_in_place(tmp_path: Path) -> None:
    original = (DATA / "revenue.import.yaml").read_text(encoding="utf-8")
    old_id = "0f8fad5b-d9cb-469f-a165-70867728950e"
    old_fingerprint = load_config(DATA / "revenue.import.yaml").config
    assert old_fingerprint is not None
    text = _stamped(tmp_path, original)
    assert text == original.replace(old_id, ID).replace(
        f"  fingerprint: {old_fingerprint.saved_fingerprint}\n", _saved("  ", FINGERPRINT)
    )


def test_stamp_keeps_the_quotes_of_the_values_it_replaces(tmp_path: Path) -> None:
    text = _stamped(tmp_path, "csvlint: 1\nid: 'old'\nname: x\nsaved: {fingerprint: \"old\"}\n")
    assert text == f"csvlint: 1\nid: '{ID}'\nname: x\nsaved: {{fingerprint: \"{FINGERPRINT}\"}}\n"


def test_stamp_without_a_version_puts_the_id_first(tmp_path: Path) -> None:
    assert _stamped(tmp_path, "name: x\n").startswith(f"id: {ID}\nname: x\n")


def test_stamp_keeps_crlf_line_endings_and_a_bom(tmp_path: Path) -> None:
    text = _stamped(tmp_path, "\ufeffcsvlint: 1\r\nname: x\r\n")
    assert text == f"\ufeffcsvlint: 1\r\nid: {ID}\r\nname: x\r\nsaved:\r\n" + _saved(
        "  ", FINGERPRINT, "\r\n"
    )


def test_stamp_json_keeps_key_order(tmp_path: Path) -> None:
    original = (DATA / "orders.import.json").read_text(encoding="utf-8")
    text = _stamped(tmp_path, original, "x.import.json")
    data = json.loads(text)
    assert list(data)[:3] == ["csvlint", "id", "name"]
    assert list(data)[-1] == "saved"
    assert data["saved"] == {"fingerprint": FINGERPRINT}
    assert text.endswith("}\n")
    assert "  " in text.splitlines()[1]
    # the content that is fingerprinted is untouched
    assert fingerprint(data) == fingerprint(json.loads(original))
    again = _stamped(tmp_path, text, "x.import.json")
    assert again == text


def test_stamp_refuses_a_file_that_is_not_a_mapping(tmp_path: Path) -> None:
    for name, text in [("a.import.yaml", "- a\n"), ("b.import.json", "[1]\n")]:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        with pytest.raises(ValueError, match="not a"):
            stamp(path, id=ID, fingerprint=FINGERPRINT)
        assert path.read_text(encoding="utf-8") == text


def test_stamp_keeps_the_permission_bits(tmp_path: Path) -> None:
    path = tmp_path / "x.import.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    path.chmod(0o640)
    stamp(path, id=ID, fingerprint=FINGERPRINT)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_stamp_through_a_symbolic_link_writes_the_file_it_points_to(tmp_path: Path) -> None:
    real = tmp_path / "real.import.yaml"
    real.write_text(COMMENTED, encoding="utf-8")
    link = tmp_path / "link.import.yaml"
    link.symlink_to(real)
    stamp(link, id=ID, fingerprint=FINGERPRINT)
    assert link.is_symlink()
    assert f"id: {ID}" in real.read_text(encoding="utf-8")


def test_a_failed_write_leaves_the_original_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "x.import.yaml"
    path.write_text(COMMENTED, encoding="utf-8")

    def failing_replace(source: str | Path, target: str | Path) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError, match="disk full"):
        stamp(path, id=ID, fingerprint=FINGERPRINT)
    assert path.read_text(encoding="utf-8") == COMMENTED
    assert os.listdir(tmp_path) == ["x.import.yaml"]


_TEXTS = [
    COMMENTED,
    (DATA / "orders.import.yaml").read_text(encoding="utf-8"),
    (DATA / "revenue.import.yaml").read_text(encoding="utf-8"),
    "csvlint: 1\nname: x\nsaved: {fingerprint: old}\n",
    "csvlint: 1\nname: x\nid: ''\nsaved:\n",
    "csvlint: 1\nname: x\ncolumns:\n  - header: a\n    property: b\n",
]


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(_TEXTS),
    st.sampled_from(["x.import.yaml", "x.import.json"]),
    st.uuids(),
    st.binary(min_size=32, max_size=32),
)
def test_stamping_twice_is_idempotent(text: str, name: str, id: uuid.UUID, digest: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        if name.endswith(".json"):
            text = json.dumps(load_config_text(text, Path("t.import.yaml")).data, indent=4)
        path.write_text(text, encoding="utf-8")
        before = load_config(path).data
        new_fingerprint = f"sha256:{digest.hex()}"
        stamp(path, id=str(id), fingerprint=new_fingerprint)
        once = path.read_bytes()
        stamp(path, id=str(id), fingerprint=new_fingerprint)
        assert path.read_bytes() == once
        after = load_config(path).data
        assert after is not None
        assert before is not None
        assert after["id"] == str(id)
        assert after["saved"] == {"fingerprint": new_fingerprint}
        assert fingerprint(after) == fingerprint(before)
        assert sorted(os.listdir(folder)) == [name]


def test_write_new_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "new.import.yaml"
    write_new(path, "csvlint: 1\n")
    assert path.read_text(encoding="utf-8") == "csvlint: 1\n"
    with pytest.raises(FileExistsError):
        write_new(path, "csvlint: 2\n")
    assert path.read_text(encoding="utf-8") == "csvlint: 1\n"
    write_new(path, "csvlint: 2\n", overwrite=True)
    assert path.read_text(encoding="utf-8") == "csvlint: 2\n"
    assert os.listdir(tmp_path) == ["new.import.yaml"]


def test_write_new_lets_the_umask_decide_permissions(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        write_new(tmp_path / "new.import.yaml", "x: 1\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.import.yaml").stat().st_mode) == 0o640


@pytest.mark.parametrize(
    ("text", "indent"),
    [
        ("a:\n  b: 1\nc:\n  - x\n", (2, 4, 2)),
        ("a:\n    b: 1\nc:\n-   x\n", (4, 4, 0)),
        ("a:\n   b: 1\nc:\n- x\n", (3, 2, 0)),
        ("a:\n  # note\n\n  b:\n    - {x: 1}\n", (2, 4, 2)),
        ("a: 1\n", (2, 4, 2)),
    ],
)
def test_guess_indent(text: str, indent: tuple[int, int, int]) -> None:
    assert guess_indent(text) == indent


def test_saving_a_draft_adds_only_the_id_and_the_save(tmp_path: Path) -> None:
    draft = render_draft(
        sample="orders.csv",
        name="Orders",
        target_type="dimension_list",
        block="Orders",
        encoding="utf-8",
        delimiter=",",
        quote='"',
        header=["Order ID", "Store"],
        guesses=[("text", {}), ("dimension", {"on_missing_item": "skip_row"})],
        unique="Order ID",
    )
    path = tmp_path / "orders.import.yaml"
    write_new(path, draft)
    loaded = load_config(path)
    assert loaded.config is not None
    assert loaded.config.is_draft
    stamp(path, id=ID, fingerprint=fingerprint(loaded.data or {}))
    saved = load_config(path)
    assert saved.config is not None
    assert not saved.config.is_draft
    assert saved.config.saved_fingerprint == fingerprint(saved.data or {})
    expected = draft.replace("csvlint: 1\n", f"csvlint: 1\nid: {ID}\n")
    expected += "saved:\n" + _saved("  ", str(saved.config.saved_fingerprint))
    assert path.read_text(encoding="utf-8") == expected


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("x.import.yaml", "csvlint: 1\nname: x\n"),
        ("x.import.json", '{"csvlint": 1, "name": "x"}\n'),
    ],
)
def test_stamp_without_an_id_writes_only_the_fingerprint(
    tmp_path: Path, name: str, text: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    stamp(path, id=None, fingerprint=FINGERPRINT)
    written = path.read_text(encoding="utf-8")
    assert "id" not in written and FINGERPRINT in written


def test_stamp_without_an_id_keeps_the_one_there(tmp_path: Path) -> None:
    text = _stamped(tmp_path, "csvlint: 1\nid: 'kept'\nname: x\n")
    path = tmp_path / "x.import.yaml"
    stamp(path, id=None, fingerprint=FINGERPRINT)
    assert path.read_text(encoding="utf-8") == text
