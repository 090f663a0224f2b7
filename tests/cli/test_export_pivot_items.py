"""The Table Schema export of a pivoted metric of dimension values constrains each item
column to the value list's known items, as it does the value column of a flat layout."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from csvlint.cli import cli

CONFIG = """\
csvlint: 1
name: Plan
target:
  type: metric
  block: Plan
  dimensions: [{name: Country, items: [FR, DE]}, {name: Month, items: [Jan, Feb]}]
  value_type: dimension
  list: Product
  items: {file: products.csv, column: Code}
file: {encoding: utf-8, delimiter: ",", quote: '"', layout: pivoted,
       pivot: {dimension: Month, first_column: 2}}
columns: [{header: Country, dimension: Country}]
sample: sample.csv
"""


def test_pivot_item_columns_carry_the_value_lists_items(in_tmp: Path) -> None:
    (in_tmp / ".csvlint.toml").write_text("")
    (in_tmp / "products.csv").write_text("Code\nB\nA\n")
    (in_tmp / "sample.csv").write_text("Country,Jan,Feb\nFR,A,B\n")
    (in_tmp / "plan.import.yaml").write_text(CONFIG)
    result = CliRunner().invoke(
        cli, ["config", "export", "plan.import.yaml", "--to", "table-schema"]
    )
    assert result.exit_code == 0, result.output
    fields = {f["name"]: f for f in json.loads(result.stdout)["fields"]}
    assert sorted(fields["Country"]["constraints"]["enum"]) == ["DE", "FR"]
    for month in ("Jan", "Feb"):
        assert fields[month]["constraints"] == {"enum": ["A", "B"]}, fields[month]
