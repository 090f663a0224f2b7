"""A file's project, settings and configuration come from the file's own folder: the same file
gives the same findings from any current folder, and walking folders never reads what it must
not (links out of the project, dangling or looping links, FIFOs)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner

from csvlint.cli import cli

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "project"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The example project as a git work tree of its own, inside a folder holding others."""
    root = tmp_path / "work" / "project"
    shutil.copytree(EXAMPLES, root)
    (root / ".git").mkdir()
    monkeypatch.setenv("NO_COLOR", "1")
    return root


def _findings(out: str) -> list[tuple[str, int, int | None, str, str | None]]:
    """The findings of a JSON report, each path reduced to its file name (paths are shown
    relative to the current folder, which is what varies)."""
    report = json.loads(out)
    configs = {
        Path(f["path"]).name: f["config"] and Path(f["config"]).name for f in report["files"]
    }
    return [
        (Path(f["path"]).name, f["line"], f["column"], f["code"], configs[Path(f["path"]).name])
        for f in report["findings"]
    ]


def test_the_same_file_gives_the_same_findings_from_any_folder(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extract = project / "extracts" / "employees_2026-12.csv"
    seen = []
    for folder, path in [
        (project, "extracts/employees_2026-12.csv"),
        (project / "extracts", "employees_2026-12.csv"),
        (project.parent, "project/extracts/employees_2026-12.csv"),
        (Path(os.sep), str(extract)),
    ]:
        monkeypatch.chdir(folder)
        code, out, err = run("lint", path, "--format", "json")
        assert code == 1, err
        seen.append(_findings(out))
    assert seen[0] and all(s == seen[0] for s in seen)
    # the extract's configuration was applied: value rules ran
    assert {"VAL303", "VAL307"} <= {code for _, _, _, code, _ in seen[0]}
    assert {config for *_, config in seen[0]} == {"employees.import.yaml"}


def test_settings_come_from_the_files_project(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / ".csvlint.toml").write_text('ignore = ["VAL"]\n', encoding="utf-8")
    # settings beside the current folder, in another project, must not apply
    (tmp_path / "work" / ".csvlint.toml").write_text('select = ["CSV101"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path / "work")
    code, out, _ = run("lint", "project/extracts/employees_2026-12.csv", "--format", "json")
    codes = {f["code"] for f in json.loads(out)["findings"]}
    assert code == 1 and codes and not any(c.startswith("VAL") for c in codes)


def test_a_folder_with_a_marker_above_the_vcs_root_is_not_the_project(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project.parent / ".csvlint.toml").write_text('select = ["CSV101"]\n', encoding="utf-8")
    monkeypatch.chdir(project)
    code, out, _ = run("lint", "extracts/employees_2026-12.csv", "--format", "json")
    assert code == 1 and len(json.loads(out)["findings"]) > 1


def test_show_files_lists_each_file_with_its_configuration(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "extracts" / "loose.csv").write_text("a\n1\n", encoding="utf-8")
    monkeypatch.chdir(project / "extracts")
    code, out, _ = run("lint", "--show-files")
    assert code == 0
    shown = dict(line.split(": ", 1) for line in out.splitlines())
    # a path outside the current folder is shown whole
    imports = (project / "imports").as_posix()
    assert shown["employees_2026-12.csv"] == f"{imports}/employees.import.yaml"
    assert shown["revenue_2026-04.csv"] == f"{imports}/revenue.import.yaml"
    assert shown["loose.csv"] == "no configuration"


def test_config_id_looks_only_inside_the_files_project(tmp_path: Path) -> None:
    """Two clones side by side hold the same configuration, ID included: `config id` run from
    the folder above them must judge each alone, not find a duplicate in the other."""
    first = tmp_path / "clones" / "one"
    shutil.copytree(EXAMPLES, first)
    (first / ".git").mkdir()
    config = first / "imports" / "employees.import.yaml"
    saved = subprocess.run(
        [sys.executable, "-m", "csvlint", "config", "save", str(config)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert saved.returncode == 0, saved.stdout + saved.stderr
    shutil.copytree(first, tmp_path / "clones" / "two")
    for folder in (tmp_path / "clones", Path(os.sep)):
        shown = subprocess.run(
            [sys.executable, "-m", "csvlint", "config", "id", str(config)],
            capture_output=True,
            text=True,
            cwd=folder,
            check=False,
            timeout=60,
        )
        assert shown.returncode == 0, shown.stderr
        assert "CFG403" not in shown.stderr
        assert len(shown.stdout.strip()) == 36


def test_links_fifos_and_vanished_files_are_skipped_with_a_warning(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extracts = project / "extracts"
    outside = tmp_path / "secret.csv"
    outside.write_text("a,b\n1,2,3\n", encoding="utf-8")
    (extracts / "out.csv").symlink_to(outside)
    (extracts / "dangling.csv").symlink_to(extracts / "nowhere.csv")
    (extracts / "loop.csv").symlink_to(extracts / "loop.csv")
    (extracts / "inside.csv").symlink_to(extracts / "employees_2026-11.csv")
    os.mkfifo(extracts / "pipe.csv")
    monkeypatch.chdir(project)
    code, out, err = run("lint", "extracts", "--format", "json")
    assert code == 1
    assert "internal error" not in err
    for name, why in [
        ("out.csv", "leads out of the project"),
        ("dangling.csv", "leads nowhere"),
        ("loop.csv", "leads nowhere"),
        ("pipe.csv", "not a regular file"),
    ]:
        assert f"warning: extracts/{name}: skipped: a link that {why}" in err or (
            name == "pipe.csv" and "warning: extracts/pipe.csv: skipped: not a regular file" in err
        ), err
    linted = {f["path"] for f in json.loads(out)["files"]}
    assert "extracts/out.csv" not in linted and "extracts/pipe.csv" not in linted
    # a link inside the project is read like its target (and counted once)
    assert "extracts/employees_2026-11.csv" in linted or "extracts/inside.csv" in linted


def test_a_file_vanishing_mid_walk_is_skipped(project: Path) -> None:
    from csvlint.engine.discovery import Walk

    walk = Walk()
    found = []
    for path in walk.files(project / "extracts", lambda name: name.endswith(".csv")):
        found.append(path.name)
        if len(found) == 1:
            for other in sorted((project / "extracts").iterdir())[1:]:
                other.unlink()
    assert found == ["employees_2026-11.csv"]
    assert any("skipped: cannot be read" in line for line in walk.skipped), walk.skipped


def test_gitignored_paths_are_skipped_when_walking(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / ".gitignore").write_text("build/\n*.tmp.csv\n!keep.tmp.csv\n", encoding="utf-8")
    (project / "build").mkdir()
    (project / "build" / "bad.csv").write_text("a,b\n1,2,3\n", encoding="utf-8")
    (project / "extracts" / "x.tmp.csv").write_text("a\n1,2\n", encoding="utf-8")
    (project / "extracts" / "keep.tmp.csv").write_text("a\n1\n", encoding="utf-8")
    monkeypatch.chdir(project)
    code, out, _ = run("lint", "--show-files")
    listed = {line.partition(":")[0] for line in out.splitlines()}
    assert code == 0
    assert "extracts/keep.tmp.csv" in listed
    assert "build/bad.csv" not in listed and "extracts/x.tmp.csv" not in listed
    # a path named on the command line is linted even when ignored, as ruff does
    assert run("lint", "build/bad.csv")[0] == 1


def test_a_folder_with_no_csv_file_says_so(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    code, _, err = run("lint", "imports")
    assert code == 0
    assert "csvlint: no CSV file to lint in imports" in err


def test_a_folder_whose_csv_files_exclude_leaves_out_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".csvlint.toml").write_text('exclude = ["old/**"]\n', encoding="utf-8")
    (tmp_path / "old").mkdir()
    for name in ("a.csv", "b.csv"):
        (tmp_path / "old" / name).write_text("a\n1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "old" / "x.import.yaml").write_text("csvlint: 1\n", encoding="utf-8")
    code, _, err = run("lint", "old")
    assert code == 0
    assert "no CSV file to lint in old (the `exclude` setting leaves out 2 files there)" in err
    # a folder given twice, its files counted once; the configuration is no CSV file
    err = run("lint", "old", "old")[2]
    assert err.count("leaves out 2 files there") == 1, err
    (tmp_path / "old" / "b.csv").unlink()
    assert "leaves out 1 file there" in run("lint", "old")[2]


def test_a_folder_reached_through_a_link_is_not_called_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".csvlint.toml").write_text("", encoding="utf-8")
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "y.csv").write_text("a\n1\n", encoding="utf-8")
    (tmp_path / "data2").symlink_to("real")
    monkeypatch.chdir(tmp_path)
    for order in (("real", "data2"), ("data2", "real")):
        code, _, err = run("lint", *order)
        assert code == 0 and "no CSV file" not in err, (order, err)


def test_closed_standard_input_is_a_one_line_error(project: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "csvlint", "lint", "-"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
        cwd=project,
        preexec_fn=lambda: os.close(0),
    )
    assert done.returncode == 2
    assert done.stderr == "csvlint: standard input (-) is closed: there is nothing to read\n"


def test_a_nested_repository_is_another_project(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    nested = project / "vendor" / "other"
    shutil.copytree(EXAMPLES, nested)
    (nested / ".git").mkdir()
    monkeypatch.chdir(project)
    code, out, _ = run("lint", "--show-files", "extracts")
    assert code == 0 and "vendor" not in out
    # and its own files get its own configurations
    _, out, _ = run("lint", "--show-files", "vendor/other/extracts/employees_2026-12.csv")
    assert out.strip().endswith("vendor/other/imports/employees.import.yaml")


def test_a_file_gone_between_the_search_and_its_read_is_skipped(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from csvlint.engine.project import Project

    original = Project.claimants

    def vanishing(self: Project, csv: Path, also: Sequence[Path] = ()) -> list[Path]:
        if csv.name == "employees_2026-11.csv":
            csv.unlink()
        return original(self, csv, also)

    monkeypatch.setattr(Project, "claimants", vanishing)
    monkeypatch.chdir(project)
    code, out, err = run("lint", "extracts", "--format", "json")
    assert "internal error" not in err and code == 1
    assert "warning: extracts/employees_2026-11.csv: skipped" in err
    assert "extracts/employees_2026-11.csv" not in {f["path"] for f in json.loads(out)["files"]}


def test_paths_of_projects_with_different_settings_are_refused(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "work" / "other"
    other.mkdir()
    (other / ".csvlint.toml").write_text('ignore = ["VAL"]\n', encoding="utf-8")
    (other / "x.csv").write_text("a\n1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "work")
    code, _, err = run("lint", "project/extracts", "other/x.csv")
    assert code == 2
    assert "different settings" in err and err.count("\n") == 1


def test_gitignore_applies_to_a_project_inside_a_work_tree(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inner = project / "sub"
    (inner / "out").mkdir(parents=True)
    (inner / ".csvlint.toml").write_text("", encoding="utf-8")
    (inner / "out" / "x.csv").write_text("a\n1\n", encoding="utf-8")
    (inner / "y.csv").write_text("a\n1\n", encoding="utf-8")
    (project / ".gitignore").write_text("out/\n", encoding="utf-8")
    monkeypatch.chdir(inner)
    _, out, _ = run("lint", "--show-files")
    assert out.splitlines() == ["y.csv: no configuration"]


def test_files_a_configuration_claims_are_linted_when_walking(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Extracts kept out of git, or not named *.csv, that a configuration's `files` claims are
    linted with it when their folder is searched, never passed over without a word."""
    config = project / "imports" / "employees.import.yaml"
    text = config.read_text(encoding="utf-8")
    claims = "files: [../extracts/employees_*.csv, ../feeds/*.txt]"
    config.write_text(text.replace("files: [../extracts/employees_*.csv]", claims), "utf-8")
    (project / ".gitignore").write_text("extracts/\n", encoding="utf-8")
    (project / "feeds").mkdir()
    bad = (project / "extracts" / "employees_2026-12.csv").read_bytes()
    (project / "feeds" / "employees.txt").write_bytes(bad)
    (project / "feeds" / "notes.md").write_text("not an extract\n", encoding="utf-8")
    monkeypatch.chdir(project)
    code, out, _ = run("lint", "--show-files")
    listed = dict(line.split(": ", 1) for line in out.splitlines())
    assert code == 0
    for claimed in ("extracts/employees_2026-12.csv", "feeds/employees.txt"):
        assert listed[claimed] == "imports/employees.import.yaml"
    assert "feeds/notes.md" not in listed
    code, out, _ = run("lint", ".", "--format", "json")
    linted = {f["path"] for f in json.loads(out)["findings"]}
    assert code == 1 and {"extracts/employees_2026-12.csv", "feeds/employees.txt"} <= linted
    # an exclude still wins
    (project / ".csvlint.toml").write_text('exclude = ["feeds/*"]\n', encoding="utf-8")
    code, out, _ = run("lint", "--show-files")
    assert "feeds/employees.txt" not in out and "extracts/employees_2026-12.csv" in out
