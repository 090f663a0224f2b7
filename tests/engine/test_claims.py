"""Matching CSV files to the configurations that receive them, through one index."""

from __future__ import annotations

from pathlib import Path

import pytest

from csvlint.engine.claims import ClaimIndex, Claims
from csvlint.engine.project import Project
from csvlint.engine.run import LintOptions
from csvlint.settings import Settings


def test_the_index_answers_as_each_configuration_asked_in_turn(tmp_path: Path) -> None:
    imports = tmp_path / "imports"
    index = ClaimIndex(
        [
            Claims(imports / "a.import.yaml", "../samples/a.csv", ["../extracts/a_*.csv"]),
            Claims(imports / "b.import.yaml", None, ["../extracts/*.csv", "b.csv"]),
            Claims(imports / "c.import.yaml", None, ["../extracts/exact.csv", "**/deep/*.csv"]),
        ]
    )
    a, b, c = (imports / f"{n}.import.yaml" for n in "abc")
    assert index.claimant(tmp_path / "samples" / "a.csv") == a
    assert index.claimant(tmp_path / "extracts" / "a_1.csv") == a  # both match: the first wins
    assert index.claimant(tmp_path / "extracts" / "z.csv") == b
    assert index.claimant(tmp_path / "extracts" / "exact.csv") == b
    assert index.claimant(tmp_path / "anywhere" / "b.csv") == b  # a name alone: any folder
    assert index.claimant(imports / "x" / "deep" / "d.csv") == c
    assert index.claimant(tmp_path / "extracts" / "sub" / "z.csv") is None  # `*` stays in a folder
    assert index.claimant(tmp_path / "other.csv") is None


def test_a_folder_name_with_glob_characters_is_taken_literally(tmp_path: Path) -> None:
    folder = tmp_path / "odd[1]{x}"
    index = ClaimIndex([Claims(folder / "a.import.yaml", None, ["*.csv"])])
    assert index.claimant(folder / "e.csv") == folder / "a.import.yaml"


def test_many_files_against_many_configurations_resolve_each_pattern_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """200 files and 32 configurations: each file is resolved a bounded number of times, and
    no configuration is asked about each file."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "extracts").mkdir()
    for i in range(32):
        (tmp_path / f"c{i:02}.import.yaml").write_text(
            f"csvlint: 1\nfiles: [extracts/feed{i:02}_*.csv]\n", encoding="utf-8"
        )
    for i in range(200):
        (tmp_path / "extracts" / f"feed{i % 40:02}_{i}.csv").write_text("a\n1\n", "utf-8")
    calls = 0
    original = Path.resolve

    def counted(self: Path, strict: bool = False) -> Path:
        nonlocal calls
        calls += 1
        return original(self, strict)

    monkeypatch.setattr(Path, "resolve", counted)
    monkeypatch.chdir(tmp_path)
    project = Project(Settings(), LintOptions())
    shown = project.show_files(["extracts"])
    assert len(shown) == 200
    claimed = [config for _, config in shown if config is not None]
    assert len(claimed) == 160  # feeds 32 to 39 have no configuration
    assert calls < 4 * (200 + 32), calls
