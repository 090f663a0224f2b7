"""`csvlint config export`, and `csvlint config init --from-table-schema` on its output."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest
from click.testing import CliRunner

from csvlint.cli import cli
from csvlint.config import ImportConfig, load_config

MAKE_EXTRACT = Path(__file__).resolve().parents[2] / "benchmarks" / "make_extract.py"


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clean extract and its configuration, semicolons and decimal commas (made once)."""
    if not MAKE_EXTRACT.is_file():
        pytest.skip(f"{MAKE_EXTRACT} is not in this checkout")
    folder = tmp_path_factory.mktemp("extract")
    options = ["--rows", "300", "--delimiter", ";"]
    subprocess.run([sys.executable, str(MAKE_EXTRACT), str(folder), *options], check=True)
    return folder


@pytest.fixture
def project(generated: Path, in_tmp: Path) -> Path:
    """A copy of the generated extract in a temporary current folder."""
    for name in ("orders.csv", "orders.import.yaml"):
        shutil.copy(generated / name, in_tmp / name)
    return in_tmp


def run(*args: str) -> tuple[int, str, str]:
    """`csvlint ARGS`: exit code, standard output and standard error."""
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def _config(path: Path) -> ImportConfig:
    config = load_config(path).config
    assert config is not None
    return config


def test_the_table_schema_goes_to_standard_output(project: Path) -> None:
    code, out, _ = run("config", "export", "orders.import.yaml", "--to", "table-schema")
    assert code == 0
    schema = json.loads(out)
    assert schema["$schema"] == "https://datapackage.org/profiles/2.0/tableschema.json"
    header = _config(project / "orders.import.yaml").header
    assert [field["name"] for field in schema["fields"]] == list(header)


def test_the_data_package_is_written_once(project: Path) -> None:
    args = ("config", "export", "orders.import.yaml", "--to", "data-package", "-o", "dp.json")
    assert run(*args) == (0, "wrote dp.json\n", "")
    package = json.loads((project / "dp.json").read_text(encoding="utf-8"))
    (resource,) = package["resources"]
    assert (resource["path"], resource["encoding"]) == ("orders.csv", "utf-8")
    assert resource["dialect"] == {"csv": {"delimiter": ";", "quoteChar": '"'}}
    # written atomically: nothing but the descriptor is left beside the extract
    assert sorted(p.name for p in project.iterdir()) == [
        "dp.json",
        "orders.csv",
        "orders.import.yaml",
    ]
    assert run(*args) == (2, "", "csvlint: dp.json exists; use --force to overwrite it\n")
    (project / "dp.json").write_text("{}", encoding="utf-8")
    assert run(*args, "--force")[0] == 0
    assert json.loads((project / "dp.json").read_text(encoding="utf-8")) == package


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["missing.import.yaml", "--to", "table-schema"],
            "csvlint: missing.import.yaml: no such configuration file\n",
        ),
        (
            ["orders.import.yaml", "--to", "data-package", "-o", "out/dp.json"],
            "csvlint: cannot export orders.import.yaml: its sample orders.csv is not inside",
        ),
        (
            ["nosample.import.yaml", "--to", "data-package", "-o", "out/dp.json"],
            "csvlint: cannot export nosample.import.yaml: it names no `sample`",
        ),
        (["orders.import.yaml", "--to", "xml"], "Invalid value for '--to'"),
    ],
)
def test_what_stops_an_export_exits_2_with_one_line(
    project: Path, args: list[str], message: str
) -> None:
    (project / "out").mkdir()
    text = (project / "orders.import.yaml").read_text(encoding="utf-8")
    nosample = text.replace("sample: orders.csv\n", "")
    (project / "nosample.import.yaml").write_text(nosample, encoding="utf-8")
    code, out, err = run("config", "export", *args)
    assert (code, out) == (2, "")
    assert message in err
    assert not (project / "out" / "dp.json").exists()


def test_a_configuration_off_the_schema_is_listed_and_exits_1(project: Path) -> None:
    (project / "bad.import.yaml").write_text("csvlint: 1\nname: Orders\n", encoding="utf-8")
    code, out, err = run("config", "export", "bad.import.yaml", "--to", "table-schema")
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "bad.import.yaml:1: CFG401 missing required key 'columns'",
        "bad.import.yaml:1: CFG401 missing required key 'file'",
        "bad.import.yaml:1: CFG401 missing required key 'target'",
        "bad.import.yaml not exported: it does not match the configuration schema",
    ]


def test_the_command_line_starts_without_frictionless() -> None:
    # Frictionless takes most of a second to import: only export and init load it
    script = "import sys, csvlint.cli; print([m for m in sys.modules if 'frictionless' in m])"
    found = subprocess.run(
        [sys.executable, "-c", script], check=False, capture_output=True, text=True
    )
    assert (found.returncode, found.stdout) == (0, "[]\n")


#: the options that decide which texts are valid, by property type; a Table Schema integer has
#: no decimal separator, so an integer column's is not compared
COMPARED = {
    "number": ("decimal_separator", "thousands_separator", "prefix", "suffix", "percent"),
    "integer": ("thousands_separator", "prefix", "suffix", "percent"),
    "date": ("date_format",),
}


def _formats(config: ImportConfig) -> dict[str, tuple[str, dict[str, object]]]:
    """Each imported column's property type and the format options that apply to it."""
    found = {}
    for column in config.columns:
        prop = config.target.property(column.property or "")
        if prop is None:
            continue
        merged = {f.name: getattr(config.formats, f.name) for f in fields(config.formats)}
        merged |= {name: getattr(column.options, name) for name in column.options.given()}
        found[column.header] = (prop.type, {k: merged.get(k) for k in COMPARED.get(prop.type, ())})
    return found


@pytest.mark.parametrize("kind", ["table-schema", "data-package"])
def test_a_draft_from_the_exported_schema_has_the_original_types(project: Path, kind: str) -> None:
    export = ("config", "export", "orders.import.yaml", "--to", kind, "-o", "exported.json")
    assert run(*export)[0] == 0
    init = ("config", "init", "orders.csv", "--target-type", "transaction_list", "--block", "X")
    code, _, err = run(*init, "--from-table-schema", "exported.json", "-o", "draft.import.yaml")
    assert code == 0
    assert "note: field 'Store': list its 200 enum values as the property's `items`" in err
    original = _config(project / "orders.import.yaml")
    draft = _config(project / "draft.import.yaml")
    drafted = _formats(draft)
    # the unmapped Notes column is a string field, hence a text property
    assert drafted.pop("Notes") == ("text", {})
    assert drafted == _formats(original)
    assert [p.name for p in draft.target.properties if p.unique] == ["Order ID"]
    assert {p.name: p.type for p in original.target.properties}.items() <= {
        p.name: p.type for p in draft.target.properties
    }.items()


def test_a_field_pigment_cannot_hold_stops_the_draft(project: Path) -> None:
    schema = {"fields": [{"name": "Order Date", "type": "date", "format": "%j/%Y"}]}
    (project / "schema.json").write_text(json.dumps(schema), encoding="utf-8")
    init = ("config", "init", "orders.csv", "--target-type", "transaction_list", "--block", "X")
    code, out, err = run(*init, "--from-table-schema", "schema.json", "-o", "draft.import.yaml")
    assert (code, out) == (2, "")
    assert err.startswith("csvlint: cannot draft from schema.json: field 'Order Date': ")
    assert not (project / "draft.import.yaml").exists()
