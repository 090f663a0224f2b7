"""Matching CSV files to the configurations that receive them, through one index."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from csvlint.engine.claims import ClaimIndex, Claims
from csvlint.engine.project import Project
from csvlint.engine.run import LintOptions
from csvlint.settings import Settings


def first(index: ClaimIndex, csv: Path) -> Path | None:
    """The configuration a file is checked against: the first that claims it."""
    found = index.claimants(csv)
    return found[0] if found else None


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
    assert first(index, tmp_path / "samples" / "a.csv") == a
    assert first(index, tmp_path / "extracts" / "a_1.csv") == a  # both match: the first wins
    assert index.claimants(tmp_path / "extracts" / "a_1.csv") == [a, b]  # and both are known
    assert index.claimants(tmp_path / "extracts" / "exact.csv") == [b, c]
    assert index.claimants(tmp_path / "samples" / "a.csv") == [a]
    assert index.claimants(tmp_path / "other.csv") == []
    assert first(index, tmp_path / "extracts" / "z.csv") == b
    assert first(index, tmp_path / "extracts" / "exact.csv") == b
    assert first(index, tmp_path / "anywhere" / "b.csv") == b  # a name alone: any folder
    assert first(index, imports / "x" / "deep" / "d.csv") == c
    assert first(index, tmp_path / "extracts" / "sub" / "z.csv") is None  # `*` stays in a folder
    assert first(index, tmp_path / "other.csv") is None


def test_a_folder_name_with_glob_characters_is_taken_literally(tmp_path: Path) -> None:
    folder = tmp_path / "odd[1]{x}"
    index = ClaimIndex([Claims(folder / "a.import.yaml", None, ["*.csv"])])
    assert first(index, folder / "e.csv") == folder / "a.import.yaml"


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


def _asked_in_turn(claims: list[Claims], csv: Path) -> Path | None:
    """The answer of asking each configuration in turn, as csvlint did before the index: the
    file's path relative to the folder a pattern starts from (the configuration's, or as many
    folders up as the pattern climbs) against the pattern. A wildcard never stands for `..`."""
    import os

    from csvlint.engine.globs import glob_regex, matches

    for claim in claims:
        folder = claim.config.parent
        if claim.sample is not None and (folder / claim.sample).resolve() == csv:
            return claim.config
        for pattern in claim.patterns:
            if "/" not in pattern:
                if matches(csv.name, pattern):
                    return claim.config
                continue
            base, rest = folder, pattern
            while rest.startswith("../"):
                base, rest = base.parent, rest[3:]
            relative = os.path.relpath(csv, base).replace(os.sep, "/")
            if not relative.startswith("../") and glob_regex(rest).match(relative):
                return claim.config
    return None


_PARTS = st.sampled_from(["a", "b", "x.csv", "y.csv", "*", "*.csv", "**", "a_*.csv"])
_PATTERNS = st.tuples(
    st.integers(0, 2), st.lists(_PARTS, min_size=1, max_size=4).map("/".join)
).map(lambda climb: "../" * climb[0] + climb[1])
_FILES = st.lists(st.sampled_from(["a", "b", "x.csv", "y.csv", "a_1.csv"]), min_size=1, max_size=4)


@settings(max_examples=300, deadline=None)
@given(
    configs=st.lists(
        st.tuples(st.sampled_from(["", "a", "a/b", "b"]), st.lists(_PATTERNS, max_size=3)),
        min_size=1,
        max_size=4,
    ),
    files=st.lists(_FILES.map("/".join), min_size=1, max_size=5),
)
def test_the_index_agrees_with_asking_each_configuration(
    configs: list[tuple[str, list[str]]], files: list[str]
) -> None:
    root = Path("/project")
    claims = [
        Claims(root / folder / f"c{i}.import.yaml", None, patterns)
        for i, (folder, patterns) in enumerate(configs)
    ]
    index = ClaimIndex(claims)
    for name in files:
        if not name.endswith(".csv"):
            continue
        csv = root / name
        assert first(index, csv) == _asked_in_turn(claims, csv), (name, configs)
