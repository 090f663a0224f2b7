"""The cache can never turn a broken configuration into a passing one: an entry dropped into the
cache folder (empty, copied from another key, from another version, or in a folder others can
write) is ignored, and `config verify` and `config id` still refuse, through the command line."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from csvlint import cache
from csvlint.cli import cli
from csvlint.config import verdicts
from csvlint.config.parse import _yaml_parser, parse_text

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "project" / "samples" / "employees.csv"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def own_cache(in_tmp: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = in_tmp.parent / f"{in_tmp.name}-cache"
    monkeypatch.setenv("CSVLINT_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def broken(in_tmp: Path, own_cache: Path) -> tuple[Path, str, str]:
    """A saved configuration (its entries cached), then broken against the schema: returns it
    with its good and its broken text."""
    shutil.copy(SAMPLE, in_tmp / "employees.csv")
    assert run(
        "config", "init", "employees.csv", "--target-type", "dimension_list",
        "--block", "Employee", "--unique", "Employee ID",
    )[0] == 0  # fmt: skip
    config = in_tmp / "employees.import.yaml"
    linked = "1090cdf2-765c-4ceb-8203-e8902d63158e"
    assert run("config", "save", config.name, "--id", linked)[0] == 0
    assert run("config", "verify", config.name)[0] == 0
    good = config.read_text(encoding="utf-8")
    bad = good.replace('delimiter: ","', 'delimiter: ",;"')
    assert bad != good
    config.write_text(bad, encoding="utf-8")
    return config, good, bad


def refused(config: Path) -> None:
    code, out, err = run("config", "verify", config.name)
    assert code == 1 and "CFG401" in out
    code, out, err = run("config", "id", config.name)
    assert code == 1 and out == "" and "CFG401" in err


def verdict_entry(text: str) -> Path:
    data = parse_text(text, is_json=False).data
    found = cache.entry("valid", *verdicts._key("import-config", data))
    assert found is not None
    return found


def parsed_entry(text: str) -> Path:
    found = cache.entry("parsed", _yaml_parser(), text)
    assert found is not None
    return found


def test_the_broken_configuration_is_refused_untouched(
    broken: tuple[Path, str, str],
) -> None:
    refused(broken[0])


def plant(target: Path, content: bytes) -> None:
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    target.write_bytes(content)


ATTACKS: dict[str, Callable[[str, str], list[tuple[Path, bytes]]]] = {
    "empty verdict": lambda good, bad: [(verdict_entry(bad), b"")],
    "copied verdict": lambda good, bad: [(verdict_entry(bad), verdict_entry(good).read_bytes())],
    "copied parse": lambda good, bad: [(parsed_entry(bad), parsed_entry(good).read_bytes())],
    "verdict of another version": lambda good, bad: [
        (
            verdict_entry(bad),
            verdict_entry(good).read_bytes().replace(b"\n0.1.0\n", b"\n0.0.9\n", 1),
        )
    ],
    "truncated verdict": lambda good, bad: [(verdict_entry(bad), b"csvlint-cache 1\n")],
}


@pytest.mark.parametrize("attack", list(ATTACKS))
def test_a_planted_entry_is_never_trusted(broken: tuple[Path, str, str], attack: str) -> None:
    config, good, bad = broken
    for target, content in ATTACKS[attack](good, bad):
        plant(target, content)
    refused(config)


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="no file owners on this system")
def test_a_well_formed_entry_in_a_folder_others_can_write_is_not_read(
    broken: tuple[Path, str, str], own_cache: Path
) -> None:
    config, _, bad = broken
    key = verdicts._key("import-config", parse_text(bad, is_json=False).data)
    # what an attacker who knows the format would write, where others may write
    cache.write("valid", verdicts._vouched(key), *key)
    assert verdicts.known_valid("import-config", parse_text(bad, is_json=False).data)
    (own_cache / "valid").chmod(0o777)
    refused(config)
    (own_cache / "valid").chmod(0o700)
    own_cache.chmod(0o770)
    refused(config)


def test_a_bad_entry_is_dropped_and_the_good_result_kept_again(
    broken: tuple[Path, str, str],
) -> None:
    config, good, _ = broken
    entry = verdict_entry(good)
    entry.write_bytes(b"")
    config.write_text(good, encoding="utf-8")
    assert run("config", "verify", config.name)[0] == 0
    assert entry.read_bytes().startswith(b"csvlint-cache 1\n")


def test_entries_are_private_to_their_owner(broken: tuple[Path, str, str], own_cache: Path) -> None:
    for entry in (own_cache / "valid").iterdir():
        assert entry.stat().st_mode & 0o077 == 0
    assert own_cache.stat().st_mode & 0o077 == 0
