"""The bundled schema, and the problems it gives: at the right pointer and line, readable."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from csvlint.config import (
    ConfigProblem,
    SourceMap,
    bundled_schema,
    load_config_text,
    schema_problems,
)
from csvlint.config.model import escape_token

DATA = Path(__file__).parent / "data"
ORDERS = (DATA / "orders.import.yaml").read_text(encoding="utf-8")
REVENUE = (DATA / "revenue.import.yaml").read_text(encoding="utf-8")
YAML_PATH = Path("x.import.yaml")


def _problems(text: str) -> tuple[ConfigProblem, ...]:
    return load_config_text(text, YAML_PATH).problems


def _edit(text: str, line: str, new: str) -> str:
    assert text.count(line) == 1, line
    return text.replace(line, new)


def _line_number(text: str, line: str) -> int:
    return text.splitlines().index(line) + 1


def test_the_schema_is_a_valid_draft_2020_12_schema() -> None:
    schema = bundled_schema("import-config")
    Draft202012Validator.check_schema(schema)
    assert schema["$id"] == "https://csvlint.dev/schemas/import-config/v1.json"
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["title"]


def test_every_object_of_the_schema_is_closed() -> None:
    def objects(node: object) -> list[dict[str, object]]:
        found = []
        if isinstance(node, dict):
            if node.get("type") == "object":
                found.append(node)
            for value in node.values():
                found += objects(value)
        elif isinstance(node, list):
            for value in node:
                found += objects(value)
        return found

    closed = objects(bundled_schema("import-config"))
    assert len(closed) >= 12
    assert all(node.get("additionalProperties") is False for node in closed)


def test_an_unknown_schema_name_is_refused() -> None:
    with pytest.raises(ValueError, match="import-config"):
        bundled_schema("nonsense")


def test_bundled_schema_gives_a_fresh_copy() -> None:
    bundled_schema("import-config")["title"] = "changed"
    assert bundled_schema("import-config")["title"] != "changed"


_ENUMS = [
    # (pointer, the line that holds it, its key on that line, the text of that line)
    ("/target/type", "  type: transaction_list", "type", ORDERS),
    ("/target/properties/1/type", "    - {name: Customer, type: text}", "type", ORDERS),
    ("/file/delimiter", "  delimiter: ','", "delimiter", ORDERS),
    ("/file/quote", "  quote: '\"'", "quote", ORDERS),
    ("/file/layout", "  layout: flat", "layout", ORDERS),
    ("/formats/decimal_separator", "  decimal_separator: '.'", "decimal_separator", ORDERS),
    ("/formats/thousands_separator", '  thousands_separator: ""', "thousands_separator", ORDERS),
    (
        "/columns/5/thousands_separator",
        "  - {header: Amount, property: Amount, thousands_separator: ','}",
        "thousands_separator",
        ORDERS,
    ),
    (
        "/columns/9/on_missing_item",
        "  - {header: Store, property: Store, on_missing_item: skip_row}",
        "on_missing_item",
        ORDERS,
    ),
    ("/options/clear_items", "  clear_items: none", "clear_items", ORDERS),
    ("/target/value_type", "  value_type: number", "value_type", REVENUE),
    ("/columns/1/on_missing_item", "    on_missing_item: create", "on_missing_item", REVENUE),
]


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(_ENUMS),
    st.one_of(st.text(max_size=12), st.integers(), st.booleans(), st.none()),
)
def test_a_value_outside_a_closed_choice_is_named_with_the_choices(
    case: tuple[str, str, str, str], bad: object
) -> None:
    pointer, line, key, text = case
    allowed = json.loads(f"[{_allowed(pointer)}]")
    if isinstance(bad, str) and bad in allowed:
        return
    value = r"""'[^']*'|"[^"]*"|[^,}]+"""
    new = re.sub(rf"({key}: )({value})", lambda m: m.group(1) + json.dumps(bad), line)
    problems = _problems(_edit(text, line, new))
    matching = [p for p in problems if p.pointer == pointer]
    assert matching, problems
    assert matching[0].line == _line_number(text, line)
    assert matching[0].message.startswith(f"must be one of {_allowed(pointer)}, not ")


def _allowed(pointer: str) -> str:
    choices = {
        "type": '"dimension_list", "transaction_list", "metric"',
        "delimiter": '",", ";"',
        "quote": '"\\"", "\'"',
        "layout": '"flat", "pivoted"',
        "decimal_separator": '".", ","',
        "thousands_separator": '"", ",", ".", " ", "\'"',
        "on_missing_item": '"create", "blank", "skip_row"',
        "clear_items": '"none", "entire_list", "limited_scope"',
        "value_type": '"number", "integer", "boolean", "text", "date", "dimension"',
    }
    if pointer.startswith("/target/properties/"):
        return (
            '"text", "number", "integer", "date", "boolean", "dimension", "access_rights", '
            '"permissions"'
        )
    return choices[pointer.rsplit("/", 1)[1]]


_MAPPINGS = [
    # (pointer of a mapping in ORDERS, the line its new key goes after, indentation)
    ("", "sample: orders.csv", ""),
    ("/target", "  block: Orders", "  "),
    ("/file", "  layout: flat", "  "),
    ("/formats", "  date_format: yyyy-MM-dd", "  "),
    ("/options", "  clear_items: none", "  "),
]
_ALLOWED = {"csvlint", "name", "target", "file", "formats", "columns", "options", "sample",
            "type", "block", "properties", "encoding", "delimiter", "quote", "layout",
            "decimal_separator", "thousands_separator", "date_format", "clear_items", "id",
            "description", "constants", "load_date", "files", "saved", "dimensions",
            "value_type", "pivot", "true_values", "false_values", "$schema",
            "apply_access_rights_to_admins"}  # fmt: skip


@settings(max_examples=50, deadline=None)
@given(
    st.sampled_from(_MAPPINGS),
    # printable text: YAML refuses control characters even in quoted keys
    st.text(alphabet=st.characters(categories=["L", "N", "P", "S"]), min_size=1, max_size=10),
)
def test_an_unknown_key_is_named_where_it_is(case: tuple[str, str, str], key: str) -> None:
    if key in _ALLOWED:
        return
    pointer, after, indent = case
    quoted = json.dumps(key, ensure_ascii=False)
    text = _edit(ORDERS, after + "\n", f"{after}\n{indent}{quoted}: 1\n")
    problems = _problems(text)
    expected = f"{pointer}/{escape_token(key)}"
    matching = [p for p in problems if p.pointer == expected]
    assert len(matching) == 1, problems
    assert matching[0].line == _line_number(ORDERS, after) + 1
    assert matching[0].message.startswith(f"unknown key '{key}'")


def test_an_unknown_key_suggests_the_closest_one() -> None:
    problems = _problems(_edit(ORDERS, "  layout: flat", "  layuot: flat"))
    line = _line_number(ORDERS, "  layout: flat")
    assert [(p.pointer, p.line, p.message) for p in problems] == [
        ("/file/layuot", line, "unknown key 'layuot'; did you mean 'layout'?")
    ]


def test_a_missing_key_is_reported_on_its_mapping() -> None:
    problems = _problems(_edit(ORDERS, "  block: Orders\n", ""))
    assert problems == (ConfigProblem("/target", 4, "missing required key 'block'"),)


def test_targets_need_the_keys_of_their_kind() -> None:
    metric = _edit(ORDERS, "  type: transaction_list", "  type: metric")
    assert [(p.pointer, p.message) for p in _problems(metric)] == [
        ("/target", "missing required key 'dimensions' for a metric target"),
        ("/target", "missing required key 'value_type' for a metric target"),
        ("/target/properties", "key 'properties' is not allowed for a metric target"),
    ]
    listed = _edit(REVENUE, "  type: metric", "  type: dimension_list")
    assert [(p.pointer, p.message) for p in _problems(listed)] == [
        ("/target", "missing required key 'properties' for a list target"),
        ("/target/dimensions", "key 'dimensions' is not allowed for a list target"),
        ("/target/value_type", "key 'value_type' is not allowed for a list target"),
    ]


def test_a_pivot_goes_with_a_pivoted_layout() -> None:
    flat = _edit(REVENUE, "  layout: pivoted", "  layout: flat")
    assert [(p.pointer, p.line, p.message) for p in _problems(flat)] == [
        ("/file/pivot", 21, "key 'pivot' is not allowed unless layout is pivoted")
    ]
    unpivoted = _edit(REVENUE, "  pivot: {dimension: Month, first_column: 3}\n", "")
    assert [(p.pointer, p.message) for p in _problems(unpivoted)] == [
        ("/file", "missing required key 'pivot' when layout is pivoted")
    ]
    zero = _edit(REVENUE, "first_column: 3", "first_column: 0")
    assert [p.message for p in _problems(zero)] == ["must be at least 1, not 0"]


def test_a_column_has_at_most_one_target() -> None:
    line = "  - {header: Customer, property: Customer}"
    problems = _problems(_edit(ORDERS, line, line[:-1] + ", dimension: Customer, value: true}"))
    n = _line_number(ORDERS, line)
    assert [(p.pointer, p.line, p.message) for p in problems] == [
        ("/columns/1/dimension", n, "'dimension' cannot be used together with 'property'"),
        ("/columns/1/value", n, "'value' cannot be used together with 'dimension'"),
        ("/columns/1/value", n, "'value' cannot be used together with 'property'"),
    ]


def test_dimension_properties_name_their_list() -> None:
    line = "    - {name: Customer, type: text}"
    problems = _problems(_edit(ORDERS, line, "    - {name: Customer, type: text, items: [a]}"))
    assert [(p.pointer, p.message) for p in problems] == [
        ("/target/properties/1/items", "key 'items' is not allowed unless type is dimension")
    ]
    problems = _problems(_edit(ORDERS, line, "    - {name: Customer, type: dimension}"))
    assert [(p.pointer, p.message) for p in problems] == [
        ("/target/properties/1", "missing required key 'list' for a dimension property")
    ]


def test_a_constant_writes_one_target() -> None:
    text = ORDERS + "constants:\n  - {value: Workday}\n  - {property: A, dimension: B, value: 1}\n"
    assert [(p.pointer, p.line, p.message) for p in _problems(text)] == [
        ("/constants/0", 47, "needs one of the keys 'property' or 'dimension'"),
        ("/constants/1/dimension", 48, "'dimension' cannot be used together with 'property'"),
    ]


@pytest.mark.parametrize(
    ("line", "new", "pointer", "message"),
    [
        (
            "  true_values: [TRUE]",
            "formats",
            "/formats/true_values/0",
            "must be a string, not a boolean (true); quote it to make it text",
        ),
        (
            "  encoding: utf-8",
            "  encoding: utf-8-bom",
            "/file/encoding",
            '"utf-8-bom" is not a text encoding (e.g. utf-8, utf-8-sig, windows-1252)',
        ),
        (
            "  encoding: utf-8",
            "  encoding: base64",
            "/file/encoding",
            '"base64" is not a text encoding (e.g. utf-8, utf-8-sig, windows-1252)',
        ),
        (
            "  date_format: yyyy-MM-dd",
            "  date_format: YYYY-MM-DD",
            "/formats/date_format",
            '"YYYY-MM-DD" is not valid: expected a date pattern made of the tokens yyyy yy MMM '
            "MM M dd d HH mm ss and separators; other letters must be quoted, as in "
            "yyyy-MM-dd'T'HH:mm:ss",
        ),
        ("csvlint: 1", "csvlint: 2", "/csvlint", "must be 1, not 2"),
        ("csvlint: 1", "csvlint: true", "/csvlint", "must be 1, not true"),
        ("name: Orders from the warehouse", 'name: ""', "/name", "must not be empty"),
        (
            "  - {header: Discount, property: Discount, percent: true}",
            "  - {header: Discount, property: Discount, percent: yes, multiplier: -1}",
            "/columns/7/multiplier",
            "must be greater than 0, not -1",
        ),
        (
            "  - {header: Notes}",
            "  - {header: 2024}",
            "/columns/12/header",
            "must be a string, not an integer (2024); quote it to make it text",
        ),
        (
            "sample: orders.csv",
            "sample: orders.csv\nsaved: {fingerprint: md5:abc}",
            "/saved/fingerprint",
            '"md5:abc" is not valid: expected the text sha256: and 64 lowercase hexadecimal '
            "digits, the digest of the canonical form of target, file, formats, columns, "
            "constants, load_date and options",
        ),
        (
            "sample: orders.csv",
            "sample: orders.csv\nfiles: [a.csv, a.csv]",
            "/files",
            'has a duplicate entry "a.csv"',
        ),
    ],
)
def test_messages_say_what_is_expected(line: str, new: str, pointer: str, message: str) -> None:
    if new == "formats":
        text = _edit(ORDERS, "  date_format: yyyy-MM-dd", f"  date_format: yyyy-MM-dd\n{line}")
    else:
        text = _edit(ORDERS, line, new)
    found = [(p.pointer, p.message) for p in _problems(text)]
    assert (pointer, message) in found


def test_the_id_is_not_checked_by_the_schema() -> None:
    # rule CFG402 reports a malformed id on its own
    assert _problems(_edit(ORDERS, "csvlint: 1", "csvlint: 1\nid: not-a-uuid")) == ()


def test_a_schema_reference_is_allowed() -> None:
    assert (
        _problems('"$schema": "https://csvlint.dev/schemas/import-config/v1.json"\n' + ORDERS) == ()
    )


def test_problems_are_sorted_by_line() -> None:
    text = _edit(ORDERS, "  clear_items: none", "  clear_items: all")
    text = _edit(text, "csvlint: 1", "csvlint: 3")
    text = _edit(text, "  layout: flat", "  layout: wavy")
    lines = [p.line or 0 for p in _problems(text)]
    assert len(lines) == 3
    assert lines == sorted(lines)


def test_schema_problems_without_positions() -> None:
    (problem,) = schema_problems(
        {"csvlint": 1, "name": "x", "target": {}, "file": {}}, SourceMap()
    )[:1]
    assert problem.line is None
