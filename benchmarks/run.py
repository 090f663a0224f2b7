#!/usr/bin/env python3
"""Measure csvlint against its peers, side by side in one run, and print the ratios.

    python benchmarks/run.py [--rows 1000000] [--repeat 5] [--big-rows 5000000]
                             [--skip-frictionless] [--skip-slow-paths]

Data comes from make_extract.py and variants.py beside this script, written into a temporary
folder: the benchmark needs nothing outside the checkout. Every figure is a child process's
whole-process wall time (the median of --repeat runs), its CPU time (all threads; above the wall
time when threads overlap) and its peak resident memory, so start-up costs are counted the way a
user pays them. Commands compared with each other run in turns, one run of each at a time, so
that a shared machine's drift weighs on all of them alike: read the ratios, not the seconds.
The peers (duckdb, polars, pyarrow: `pip install .[bench]`) are measured when installed.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from measure import ENV, PY, Command, Measure, checked, has_module, measure_together, table, tool
from peers import command as peer_command
from peers import unnoticed

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GENERATOR = HERE / "make_extract.py"
VARIANTS = HERE / "variants.py"
CSVLINT = [PY, "-m", "csvlint"]

CSV_READER = """
import csv, sys
n = 0
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    for row in csv.reader(f):
        n += len(row)
"""
STRICT_DECODE = """
import codecs, sys
decoder = codecs.getincrementaldecoder("utf-8")("strict")
with open(sys.argv[1], "rb") as f:
    while block := f.read(1 << 20):
        decoder.decode(block)
"""
#: the variants of the extract off the clean path, and the most each may cost against it
SLOW_PATHS = {
    "defects-1": 4.0,
    "defects-10": 2.0,
    "defects-1000": 2.0,
    "items-10": 2.0,
    "windows-1252": 2.0,
    "latin-1": 2.0,
    "cr": 2.0,
    "wide": 2.0,
    "narrow": 2.0,
}
SLOW_NAMES = {
    "defects-1": "a defect on every row",
    "defects-10": "a defect every 10 rows",
    "defects-1000": "a defect every 1,000 rows",
    "items-10": "an unknown item every 10 rows",
    "windows-1252": "windows-1252",
    "latin-1": "latin-1",
    "cr": "CR-only line endings",
    "wide": "200 columns (same bytes)",
    "narrow": "2 columns (same rows)",
    "semicolon": "`;` delimiter, decimal comma",
}


def generate(folder: Path, rows: int, *extra: str) -> Path:
    subprocess.run([PY, str(GENERATOR), str(folder), "--rows", str(rows), *extra], check=True)
    return folder


def lint(config: Path, extract: Path, *options: str) -> list[str]:
    return [*CSVLINT, "lint", "-q", *options, "--config", str(config), str(extract)]


def throughput(
    data: Path, repeat: int, skip_frictionless: bool
) -> tuple[list[tuple[str, ...]], Measure]:
    extract, config = data / "orders.csv", data / "orders.import.yaml"
    full = "csvlint, every rule, with the configuration"
    commands = {
        "strict UTF-8 decode in 1 MiB blocks": Command([PY, "-c", STRICT_DECODE, str(extract)]),
        "csv.reader iteration": Command([PY, "-c", CSV_READER, str(extract)]),
        "csvlint, structure and header rules": Command(
            [*CSVLINT, "lint", "-q", "--select", "CSV,HDR", str(extract)]
        ),
        full: Command(lint(config, extract)),
        "csvlint, every rule, configuration not cached": Command(
            lint(config, extract), env={"CSVLINT_CACHE_DIR": ""}
        ),
    }
    for peer, title in (
        ("duckdb-count", "duckdb read_csv, typed, strict, rows counted"),
        ("duckdb", "duckdb read_csv, typed, strict, into a table"),
        ("duckdb-rejects", "duckdb read_csv, typed, rejects kept, into a table"),
        ("polars", "polars read_csv, typed, strict casts"),
        ("pyarrow", "pyarrow read_csv, typed, strict casts"),
    ):
        module = peer.partition("-")[0]
        if not has_module(module):
            print(f"  {module} is not installed: pip install .[bench]", file=sys.stderr)
            continue
        read = peer_command(peer)
        with tempfile.TemporaryDirectory() as folder:
            missed = unnoticed(read, extract, Path(folder))
        if missed:
            sys.exit(
                f"{title} does not refuse a bad value in {', '.join(missed)} (or cannot read "
                "the clean sample at all): not timed"
            )
        commands[title] = Command([*read, str(extract)])
    found = checked(measure_together(commands, repeat))
    frictionless = tool("frictionless")
    if not skip_frictionless and frictionless:
        # a relative path: frictionless refuses absolute ones as unsafe
        once = Command([frictionless, "validate", extract.name], cwd=data)
        found.update(checked(measure_together({"frictionless validate": once}, 1)))
    base, linted = found["csv.reader iteration"], found[full]
    rows = []
    for m in found.values():
        rows.append(
            (
                m.name,
                f"{m.seconds:.2f}",
                f"{m.cpu:.2f}",
                f"{m.peak_mib:.0f}",
                f"{base.seconds / m.seconds:.2f}x",
                f"{m.seconds / linted.seconds:.2f}x",
            )
        )
    return rows, linted


def slow_paths(data: Path, work: Path, rows: int, repeat: int) -> list[tuple[str, ...]]:
    """Each variant against the clean full lint, in turns with it."""
    folder = work / "variants"
    commands = {
        "the clean extract": Command(lint(data / "orders.import.yaml", data / "orders.csv"))
    }
    for kind in SLOW_PATHS:
        subprocess.run([PY, str(VARIANTS), str(data), str(folder), kind], check=True)
        commands[kind] = Command(lint(folder / f"{kind}.import.yaml", folder / f"{kind}.csv"))
    semicolon = generate(work / "semicolon", rows, "--delimiter", ";")
    commands["semicolon"] = Command(
        lint(semicolon / "orders.import.yaml", semicolon / "orders.csv")
    )
    found = checked(measure_together(commands, repeat))
    clean = found["the clean extract"]
    out = []
    for kind, m in found.items():
        most = SLOW_PATHS.get(kind, 2.0)
        ratio = m.seconds / clean.seconds
        verdict = "" if kind == "the clean extract" else ("met" if ratio <= most else "NOT met")
        out.append(
            (
                SLOW_NAMES.get(kind, kind),
                f"{m.seconds:.2f}",
                f"{m.cpu:.2f}",
                f"{m.peak_mib:.0f}",
                f"{ratio:.2f}x",
                "" if not verdict else f"<= {most:.0f}x: {verdict}",
            )
        )
    return out


def startup(work: Path, repeat: int) -> list[tuple[str, ...]]:
    tiny = generate(work / "tiny", 5)
    plain = work / "plain"
    plain.mkdir()
    shutil.copy(tiny / "orders.csv", plain / "tiny.csv")
    # the command a user and a pre-commit hook run, as yamllint and check-jsonschema are run
    # below (`python -m` would add runpy's imports to csvlint's start alone)
    # (only the one installed beside this Python: another on PATH may be another version)
    script = Path(PY).parent / "csvlint"
    command = [str(script)] if script.is_file() else CSVLINT
    commands = {
        "python -c pass": Command([PY, "-c", "pass"]),
        "csvlint lint tiny.csv": Command([*command, "lint", "-q", "tiny.csv"], cwd=plain),
        "csvlint lint tiny.csv, with its configuration": Command(
            [*command, "lint", "-q", "orders.csv"], cwd=tiny
        ),
        "the same, configuration not cached": Command(
            [*command, "lint", "-q", "orders.csv"], cwd=tiny, env={"CSVLINT_CACHE_DIR": ""}
        ),
    }
    yamllint, check_jsonschema = tool("yamllint"), tool("check-jsonschema")
    if yamllint:
        commands["yamllint tiny.yaml"] = Command([yamllint, str(tiny / "orders.import.yaml")])
    if check_jsonschema:
        schema = ROOT / "csvlint" / "schemas" / "import-config.schema.json"
        commands["check-jsonschema tiny.yaml"] = Command(
            [check_jsonschema, "--schemafile", str(schema), str(tiny / "orders.import.yaml")]
        )
    found = checked(measure_together(commands, repeat))
    with_config = found["csvlint lint tiny.csv, with its configuration"].seconds
    return [
        (
            m.name,
            f"{m.seconds:.3f}",
            f"{m.peak_mib:.0f}",
            f"csvlint with its configuration takes {with_config / m.seconds:.2f}x this",
        )
        for m in found.values()
    ]


def many_files(work: Path, repeat: int) -> list[tuple[str, ...]]:
    """200 small files in one call against one, from the project's root and from the folder
    holding them, without configurations and with 32 of them beside the files."""
    tiny = work / "tiny"
    rows = []
    for configured in (False, True):
        project = work / ("many-configured" if configured else "many")
        files = project / "data"
        files.mkdir(parents=True)
        # a repository's root: the project whose configurations the files' folder belongs to
        # (without a marker above it, a file's project is its own folder, and the 32
        # configurations beside that folder would not be its project's)
        (project / ".git").mkdir()
        for i in range(200):
            shutil.copy(tiny / "orders.csv", files / f"orders_{i:03d}.csv")
        if configured:
            text = (tiny / "orders.import.yaml").read_text(encoding="utf-8")
            text = text.replace("sample: orders.csv\n", "")
            for k in range(32):
                # 20 configurations of 10 files each, and 12 for files yet to come
                pattern = f"data/orders_{k:02d}?.csv" if k < 20 else f"data/later_{k}_*.csv"
                feed = text + f"files: [{pattern}]\n"
                (project / f"feed_{k:02d}.import.yaml").write_text(feed, encoding="utf-8")
        kind = "32 configurations" if configured else "no configuration"
        commands = {
            f"1 file, from the root, {kind}": Command(
                [*CSVLINT, "lint", "-q", "data/orders_000.csv"], cwd=project
            ),
            f"200 files, from the root, {kind}": Command(
                [*CSVLINT, "lint", "-q", "data"], cwd=project
            ),
            f"1 file, from the subfolder, {kind}": Command(
                [*CSVLINT, "lint", "-q", "orders_000.csv"], cwd=files
            ),
            f"200 files, from the subfolder, {kind}": Command(
                [*CSVLINT, "lint", "-q", "."], cwd=files
            ),
        }
        for name, command in commands.items():
            _check_claims(name, command, configured)
        found = checked(measure_together(commands, repeat))
        for where in ("root", "subfolder"):
            one = found[f"1 file, from the {where}, {kind}"]
            lots = found[f"200 files, from the {where}, {kind}"]
            ratio = lots.seconds / one.seconds
            rows.append((one.name, f"{one.seconds:.3f}", f"{one.peak_mib:.0f}", ""))
            rows.append(
                (
                    lots.name,
                    f"{lots.seconds:.3f}",
                    f"{lots.peak_mib:.0f}",
                    f"{ratio:.2f}x one file (< 3x: {'met' if ratio < 3 else 'NOT met'})",
                )
            )
    return rows


def _check_claims(name: str, command: Command, configured: bool) -> None:
    """Stop unless each file of the command gets the configuration the case says: a case
    "with configurations" whose files found none would time a lint without them."""
    listed = subprocess.run(
        [*command.argv, "--show-files"],
        cwd=command.cwd,
        env={**ENV, **(command.env or {})},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    csvs = [line for line in listed if ".csv: " in line]
    unclaimed = [line for line in csvs if line.endswith(": no configuration")]
    if not csvs or (unclaimed if configured else len(unclaimed) != len(csvs)):
        sys.exit(f"{name}: the files do not get the configurations this case is about")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--big-rows", type=int, default=0, help="also measure memory growth")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--skip-frictionless", action="store_true")
    parser.add_argument("--skip-slow-paths", action="store_true")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="csvlint-bench-"))
    ENV["CSVLINT_CACHE_DIR"] = str(work / "cache")
    try:
        data = generate(work / "big", args.rows)
        size_mb = (data / "orders.csv").stat().st_size / 1e6
        print(f"{args.rows:,} rows, {size_mb:.0f} MB", file=sys.stderr)
        fast, linted = throughput(data, args.repeat, args.skip_frictionless)
        slow = [] if args.skip_slow_paths else slow_paths(data, work, args.rows, args.repeat)

        broken = data / "broken.csv"
        with (data / "orders.csv").open("rb") as source, broken.open("wb") as target:
            target.write(source.readline())
            target.write(b"ORD-X,too,few\n")
            shutil.copyfileobj(source, target)
        failing = Command(lint(data / "orders.import.yaml", broken, "--fail-fast"))
        fail_fast = checked(measure_together({"first finding with --fail-fast": failing}, 3))
        starting = startup(work, max(args.repeat, 5) * 2)
        many = many_files(work, max(args.repeat, 5))

        grown: list[tuple[str, ...]] = []
        if args.big_rows:
            bigger = generate(work / "bigger", args.big_rows)
            name = f"every rule, {args.big_rows:,} rows"
            command = Command(lint(bigger / "orders.import.yaml", bigger / "orders.csv"))
            m = checked(measure_together({name: command}, 2))[name]
            per_key = (m.peak_mib - linted.peak_mib) * 1024 * 1024 / (args.big_rows - args.rows)
            grown.append(
                (m.name, f"{m.seconds:.2f}", f"{m.peak_mib:.0f}", f"+{per_key:.0f} bytes a key")
            )

        machine = f"{platform.machine()}, {os.cpu_count()} cores"
        print(
            f"\n{time.strftime('%Y-%m-%d')}, {machine}, Python {platform.python_version()}, "
            f"{args.rows:,} rows ({size_mb:.0f} MB), medians of {args.repeat} runs in turns\n"
        )
        head = (
            "what",
            "seconds",
            "CPU s",
            "peak MiB",
            "csv.reader's time / this",
            "this / full lint",
        )
        print(table(fast, head))
        if slow:
            print()
            print(
                table(
                    slow, ("the full lint of", "seconds", "CPU s", "peak MiB", "vs clean", "target")
                )
            )
        print()
        m = fail_fast["first finding with --fail-fast"]
        small = [
            (m.name, f"{m.seconds:.3f}", f"{m.peak_mib:.0f}", "target < 0.5 s"),
            *starting,
            *many,
            *grown,
        ]
        print(table(small, ("what", "seconds", "peak MiB", "ratio")))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
