"""One public error hierarchy: every error the library raises on purpose is a CsvlintError,
missing paths are FileNotFoundErrors too, and `dir(csvlint)` lists the public names."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import csvlint

ERRORS = [
    "CsvlintError",
    "MissingPathError",
    "UnreadableFileError",
    "UsageError",
    "SettingsError",
    "ConfigError",
    "IdConflictError",
    "DuplicateIdError",
    "LockTimeoutError",
    "LintError",
]


def test_every_error_is_public_documented_and_one_family() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    for name in ERRORS:
        error = getattr(csvlint, name)
        assert issubclass(error, csvlint.CsvlintError)
        assert error.__doc__ and error.__module__ == "csvlint.errors"
        assert name in dir(csvlint) and name in csvlint.__all__
        assert f"`{name}`" in readme, f"the README does not list {name}"
    assert issubclass(csvlint.MissingPathError, FileNotFoundError)


def test_dir_lists_the_public_names() -> None:
    assert set(csvlint.__all__) <= set(dir(csvlint))
    assert "lint" in dir(csvlint) and "import_module" not in dir(csvlint)


def test_a_missing_csv_and_a_missing_configuration(tmp_path: Path) -> None:
    with pytest.raises(csvlint.MissingPathError):
        csvlint.lint(tmp_path / "nope.csv")
    (tmp_path / "x.csv").write_text("a\n1\n", encoding="utf-8")
    with pytest.raises(csvlint.MissingPathError):
        csvlint.lint(tmp_path / "x.csv", config=tmp_path / "nope.import.yaml")
    with pytest.raises(csvlint.MissingPathError):
        csvlint.load_config(tmp_path / "nope.import.yaml")
    with pytest.raises(FileNotFoundError):
        csvlint.verify_config(tmp_path / "nope.import.yaml")
    with pytest.raises(csvlint.CsvlintError):
        csvlint.save_config(tmp_path / "nope.import.yaml")


def test_an_unknown_rule_is_a_settings_error() -> None:
    with pytest.raises(csvlint.SettingsError, match="NOPE999"):
        csvlint.lint_bytes(b"a\n1\n", select=["NOPE999"])


def test_a_bad_configuration_is_a_config_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.import.yaml"
    bad.write_text("csvlint: 1\nnot_a_key: 1\n", encoding="utf-8")
    with pytest.raises(csvlint.ConfigError) as raised:
        csvlint.load_config(bad)
    assert raised.value.problems


def test_raise_for_errors_is_a_lint_error() -> None:
    with pytest.raises(csvlint.LintError) as raised:
        csvlint.lint_bytes(b"a,b\n1,2,3\n").raise_for_errors()
    assert raised.value.report.findings


def test_select_as_one_string_is_one_selector() -> None:
    data = b"a,b\n1,2,3\n\n"
    as_string = csvlint.lint_bytes(data, select="CSV1")
    as_list = csvlint.lint_bytes(data, select=["CSV1"])
    assert as_string.findings == as_list.findings
    assert {f.code for f in as_string.findings} == {"CSV109", "CSV110"}
    assert {f.code for f in csvlint.lint_bytes(data, ignore="CSV110").findings} == {"CSV109"}


def test_a_text_stream_is_a_clear_type_error() -> None:
    with pytest.raises(TypeError, match="binary stream"):
        csvlint.lint_stream(io.StringIO("a\n1\n"))  # type: ignore[arg-type]

    class Reader:
        """A stream-like object without a mode that gives text."""

        def read(self, size: int = -1) -> str:
            return "a\n1\n" if size else ""

    with pytest.raises(TypeError, match="binary stream"):
        csvlint.lint_stream(Reader())  # type: ignore[arg-type]
    assert csvlint.lint_stream(io.BytesIO(b"a\n1\n")).ok


def test_a_library_lint_of_a_folder_says_what_it_skipped(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "ok.csv").write_text("a\n1\n", encoding="utf-8")
    (tmp_path / "gone.csv").symlink_to(tmp_path / "nowhere.csv")
    report = csvlint.lint(tmp_path)
    assert [f.path for f in report.files] == [str(tmp_path / "ok.csv")]
    assert len(report.skipped) == 1 and "gone.csv: skipped" in report.skipped[0]
    assert "skipped" not in report.to_dict()  # the JSON contract is unchanged
