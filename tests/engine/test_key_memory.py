"""The unique columns' key sets grow with the keys seen: a file whose size comes from one huge
field makes no room for keys it will never hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from csvlint.config.load import load_config_text
from csvlint.engine.context import FileContext
from csvlint.engine.run import LintOptions, Run
from csvlint.engine.sources import blocks_from_bytes
from csvlint.reader.native import scanner_module

CONFIG = """\
csvlint: 1
name: Four keys
target:
  type: transaction_list
  block: Orders
  properties:
%s
    - {name: Note, type: text}
file: {encoding: utf-8, delimiter: ',', quote: '"', layout: flat}
columns:
%s
  - {header: Note, property: Note}
"""
KEYS = ["A", "B", "C", "D"]


@pytest.mark.skipif(scanner_module() is None, reason="built without the native scanner")
def test_four_key_sets_stay_small_beside_one_huge_field() -> None:
    properties = "\n".join(f"    - {{name: {k}, type: text, unique: true}}" for k in KEYS)
    columns = "\n".join(f"  - {{header: {k}, property: {k}}}" for k in KEYS)
    loaded = load_config_text(CONFIG % (properties, columns), Path("keys.import.yaml"))
    assert loaded.config is not None, loaded.problems
    rows = ["A,B,C,D,Note"] + [f"a{i},b{i},c{i},d{i},n" for i in range(3000)]
    # one field of 3 MiB, past the first block: the file's size says nothing of its keys
    rows.append('a-last,b-last,c-last,d-last,"' + "x" * (3 << 20) + '"')
    data = ("\n".join(rows) + "\n").encode()
    run = Run(LintOptions(max_per_rule=0))
    context = FileContext("keys.csv", config=loaded.config, config_path="keys.import.yaml")
    run.lint_csv(context, blocks_from_bytes(data), size=len(data))
    stores = context.derived["keys"]
    assert isinstance(stores, dict) and len(stores) == 4
    for store in stores.values():
        assert len(store) == 3001
        # a table for a few thousand keys and one arena page, not room for a million keys
        assert store.nbytes <= (1 << 20) + 8 * 8192
