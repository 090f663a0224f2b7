"""The fingerprint covers how a file is imported, and nothing else."""

from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from csvlint.config import canonical_form, fingerprint, load_config, load_config_text

DATA = Path(__file__).parent / "data"
ORDERS = (DATA / "orders.import.yaml").read_text(encoding="utf-8")


def _data(text: str, name: str = "x.import.yaml") -> dict[str, object]:
    loaded = load_config_text(text, Path(name))
    assert loaded.data is not None
    return loaded.data


def test_the_canonical_form_is_compact_sorted_json_of_the_import_keys() -> None:
    data = {
        "name": "ignored",
        "options": {"clear_items": "none"},
        "file": {"encoding": "utf-8", "delimiter": ";"},
        "columns": [{"header": "Zoë", "multiplier": 1000.0}],
    }
    assert canonical_form(data) == (
        '{"columns":[{"header":"Zoë","multiplier":1000}],'
        '"file":{"delimiter":";","encoding":"utf-8"},"options":{"clear_items":"none"}}'
    )


def test_the_fingerprint_is_the_sha256_of_the_canonical_form() -> None:
    assert re.fullmatch(r"sha256:[0-9a-f]{64}", fingerprint({}))
    # sha256 of "{}"
    assert fingerprint({}) == (
        "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"
    )


def test_a_saved_fixture_still_matches_its_fingerprint() -> None:
    # pins the canonical form: changing it would make every saved configuration stale
    loaded = load_config(DATA / "revenue.import.yaml")
    assert loaded.config is not None
    assert fingerprint(loaded.data or {}) == loaded.config.saved_fingerprint


def test_yaml_and_json_spellings_give_one_fingerprint() -> None:
    from_yaml = load_config(DATA / "orders.import.yaml").data
    from_json = load_config(DATA / "orders.import.json").data
    assert from_yaml is not None
    assert from_json is not None
    assert fingerprint(from_yaml) == fingerprint(from_json)


def test_what_does_not_count() -> None:
    base = fingerprint(_data(ORDERS))
    edited = ORDERS.replace("name: Orders from the warehouse", "name: Orders  # renamed")
    edited = edited.replace(
        "csvlint: 1\n", "csvlint: 1\nid: 0f8fad5b-d9cb-469f-a165-70867728950e\n"
    )
    edited = edited.replace("sample: orders.csv", "sample: 'other.csv'\nfiles: [a.csv]")
    edited = edited.replace("  clear_items: none", "  clear_items: 'none'   # quoted")
    edited = edited.replace(
        "  type: transaction_list\n  block: Orders", "  block: Orders\n  type: transaction_list"
    )
    edited += f"saved: {{fingerprint: {base}}}\n"
    assert edited != ORDERS
    assert fingerprint(_data(edited)) == base


def test_defaults_are_not_applied() -> None:
    # the fingerprint is of what the file says; writing a default down is a change
    base = fingerprint(_data(ORDERS))
    explicit = ORDERS.replace(
        "  clear_items: none", "  clear_items: none\n  apply_access_rights_to_admins: false"
    )
    assert fingerprint(_data(explicit)) != base


_EDITS = [
    ("  - {header: Order ID, property: Order ID}", "  - {header: Order Id, property: Order ID}"),
    ("  type: transaction_list", "  type: dimension_list"),
    ("  delimiter: ','", "  delimiter: ';'"),
    ("  date_format: yyyy-MM-dd", "  date_format: dd/MM/yyyy"),
    ("  - {header: Notes}", "  - {header: Notes, property: Notes}"),
    ("  clear_items: none", "  clear_items: entire_list"),
    ("ST0007, ", ""),
    ("sample: orders.csv", "sample: orders.csv\nconstants: [{property: Source, value: WMS}]"),
    ("sample: orders.csv", "sample: orders.csv\nload_date: {property: Loaded}"),
]


@given(st.sampled_from(_EDITS))
def test_what_counts(edit: tuple[str, str]) -> None:
    before, after = edit
    assert ORDERS.count(before) >= 1
    assert fingerprint(_data(ORDERS.replace(before, after, 1))) != fingerprint(_data(ORDERS))


@given(st.integers(min_value=-(2**53) + 1, max_value=2**53 - 1))
def test_whole_numbers_are_integers_whatever_their_spelling(number: int) -> None:
    as_int = canonical_form({"options": {"x": number}})
    assert canonical_form({"options": {"x": float(number)}}) == as_int
    assert json.loads(as_int) == {"options": {"x": number}}
