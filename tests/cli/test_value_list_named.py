"""An unknown item among a metric's values (`value_type: dimension`) names the list its values
are items of, never the column's header: a user looks for that list in Pigment."""

from __future__ import annotations

from pathlib import Path

import pytest
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
  items: [A, B]
file: {encoding: utf-8, delimiter: ",", quote: '"', layout: LAYOUT}
columns:
COLUMNS
sample: sample.csv
"""
FLAT = (
    "flat",
    "  - {header: Country, dimension: Country}\n  - {header: Month, dimension: Month}\n"
    "  - {header: Prod, value: true}",
    "Country,Month,Prod\nFR,Jan,A\n",
    "Country,Month,Prod\nFR,Jan,Z\n",
)
PIVOTED = (
    "pivoted, pivot: {dimension: Month, first_column: 2}",
    "  - {header: Country, dimension: Country}",
    "Country,Jan,Feb\nFR,A,B\n",
    "Country,Jan,Feb\nFR,A,Z\n",
)


@pytest.mark.parametrize(("layout", "columns", "sample", "extract"), [FLAT, PIVOTED])
def test_an_unknown_value_names_its_list(
    in_tmp: Path, layout: str, columns: str, sample: str, extract: str
) -> None:
    (in_tmp / ".csvlint.toml").write_text("")
    (in_tmp / "plan.import.yaml").write_text(
        CONFIG.replace("LAYOUT", layout).replace("COLUMNS", columns)
    )
    (in_tmp / "sample.csv").write_text(sample)
    (in_tmp / "extract.csv").write_text(extract)
    result = CliRunner().invoke(
        cli, ["lint", "extract.csv", "--config", "plan.import.yaml", "--format", "concise"]
    )
    assert result.exit_code == 1, result.output
    assert "VAL307 'Z' is not an item of 'Product'" in result.stdout, result.stdout
