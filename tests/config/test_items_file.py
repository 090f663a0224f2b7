"""Known items kept in a file of the project: read from Pigment's own export (BOM, `;`), covered
by the fingerprint, never read from outside the project, and bounded in memory by the items."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import PEAK_MIB_SOURCE

from csvlint.cli import cli
from csvlint.config.items import ItemsFileError, read_table

CONFIG = textwrap.dedent(
    """\
    csvlint: 1
    name: Employees
    target:
      type: dimension_list
      block: Employee
      properties:
        - {name: Employee ID, type: text, unique: true}
        - name: Department
          type: dimension
          list: Department
          items: {file: %s, column: Code}
    file: {encoding: utf-8, delimiter: ","}
    columns:
      - {header: Employee ID, property: Employee ID}
      - {header: Dept, property: Department}
    sample: sample.csv
    """
)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.output


@pytest.fixture
def project(in_tmp: Path) -> Path:
    (in_tmp / ".git").mkdir()
    (in_tmp / "lists").mkdir()
    (in_tmp / "lists" / "departments.csv").write_bytes(
        b"\xef\xbb\xbfCode;Name\nSALES;Sales\nENG;Engineering\n"
    )
    (in_tmp / "sample.csv").write_text("Employee ID,Dept\nE1,SALES\nE2,ENG\n")
    (in_tmp / "emp.import.yaml").write_text(CONFIG % "lists/departments.csv")
    return in_tmp


def test_editing_the_items_file_makes_the_save_stale(project: Path) -> None:
    code, out = run("config", "save", "emp.import.yaml", "--id", str(uuid.uuid4()))
    assert code == 0, out
    assert run("config", "verify", "emp.import.yaml")[0] == 0
    with (project / "lists" / "departments.csv").open("ab") as items:
        items.write(b"FIN;Finance\n")
    code, out = run("config", "verify", "emp.import.yaml")
    assert code == 1 and "CFG409" in out
    assert run("config", "save", "emp.import.yaml")[0] == 0
    assert run("config", "verify", "emp.import.yaml")[0] == 0


def test_a_symbolic_link_out_of_the_project_is_a_finding_not_a_read(
    project: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    outside = tmp_path_factory.mktemp("outside") / "secret.csv"
    outside.write_text("Code\nTOP-SECRET-ITEM\n")
    (project / "lists" / "linked.csv").symlink_to(outside)
    (project / "emp.import.yaml").write_text(CONFIG % "lists/linked.csv")
    (project / "extract.csv").write_text("Employee ID,Dept\nE1,TOP-SECRET-ITEM\n")
    code, out = run("lint", "extract.csv", "--config", "emp.import.yaml", "--format", "concise")
    assert code == 1
    assert "CFG421" in out and "outside the project" in out
    assert "VAL307" not in out and "TOP-SECRET" not in out


def test_a_folder_and_a_missing_column_are_findings(project: Path) -> None:
    (project / "emp.import.yaml").write_text(CONFIG % "lists")
    code, out = run("lint", "emp.import.yaml", "--format", "concise")
    assert code == 1 and "CFG421" in out and "is a folder" in out


def test_a_header_line_without_end_is_refused_not_held(tmp_path: Path) -> None:
    path = tmp_path / "l.csv"
    path.write_bytes(b"Code" + b"x" * (3 << 20))
    with pytest.raises(ItemsFileError, match="header line over"):
        read_table(path, "Code")
    path.write_bytes(b"Code," + b"x" * (1 << 19) + b"\nC1,y\n")
    assert read_table(path, "Code").items == frozenset({"C1"})


def test_read_table_names_the_columns_it_has(tmp_path: Path) -> None:
    path = tmp_path / "l.csv"
    path.write_text("Name,Label\nA,B\n")
    with pytest.raises(ItemsFileError, match=r"no column 'Code'.*'Name', 'Label'"):
        read_table(path, "Code")
    path.write_bytes(b"Code\n\xff\n")
    with pytest.raises(ItemsFileError, match="not UTF-8"):
        read_table(path, "Code")


MILLION = (
    PEAK_MIB_SOURCE
    + """
import sys, time
from pathlib import Path
from csvlint.config.items import read_table
start = time.perf_counter()
table = read_table(Path(sys.argv[1]), "Code")
took = time.perf_counter() - start
peak = peak_mib()
print(len(table.items), table.delimiter, table.bom, peak, round(took, 2))
"""
)


def _read_million(path: Path, filler: bytes) -> tuple[int, str, str, int]:
    with path.open("wb") as out:
        out.write(b"\xef\xbb\xbfName;Code;Description\n")
        for number in range(1_000_000):
            out.write(b"Item %d;C%07d;%s\n" % (number, number, filler))
    found = subprocess.run(
        [sys.executable, "-c", MILLION, str(path)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "CSVLINT_PURE": "1"},
    ).stdout.split()
    path.unlink()
    return int(found[0]), found[1], found[2], int(found[3])


@pytest.mark.skipif(sys.platform == "win32", reason="resource is POSIX")
def test_a_million_items_are_read_with_memory_for_the_set(tmp_path: Path) -> None:
    narrow = _read_million(tmp_path / "narrow.csv", b"")
    # rows 120 bytes wider: 120 MB more file, and the same set of codes
    wide = _read_million(tmp_path / "wide.csv", b"x" * 120)
    assert narrow[:3] == wide[:3] == (1_000_000, ";", "True")
    assert wide[3] - narrow[3] < 30, (narrow, wide)


def test_a_table_schema_export_lists_the_file_s_items(project: Path) -> None:
    code, out = run("config", "export", "emp.import.yaml", "--to", "table-schema")
    assert code == 0, out
    fields = {f["name"]: f for f in json.loads(out)["fields"]}
    assert fields["Dept"]["constraints"]["enum"] == ["ENG", "SALES"]
    (project / "emp.import.yaml").write_text(CONFIG % "lists/nope.csv")
    code, out = run("config", "export", "emp.import.yaml", "--to", "table-schema")
    assert code == 2 and "CFG421" in out
