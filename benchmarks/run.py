#!/usr/bin/env python3
"""Measure csvlint against its peers, side by side in one run, and print the ratios.

    python benchmarks/run.py [--rows 1000000] [--big-rows 5000000] [--skip-frictionless]

Data comes from ../shared/bench/make_extract.py, written into a temporary folder. Every
figure is the whole-process wall time (best of --repeat runs) and peak resident memory of a
child process, so start-up costs are counted the way a user pays them. The throughput commands
run in turns, one run of each at a time, so that a shared machine's drift weighs on all of them
alike. Machines are shared and noisy: read the ratios, not the seconds.
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
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GENERATOR = ROOT.parent / "shared" / "bench" / "make_extract.py"
PY = sys.executable
CSVLINT = [PY, "-m", "csvlint"]

CSV_READER = """
import csv, sys
n = 0
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    for row in csv.reader(f):
        n += len(row)
"""
ARROW_PARSE = """
import sys
import pyarrow.csv as pc
pc.read_csv(sys.argv[1], parse_options=pc.ParseOptions(newlines_in_values=True))
"""


@dataclass
class Measure:
    """The best wall time of a command and its peak memory."""

    name: str
    seconds: float
    peak_mib: float
    exit_code: int


#: the environment of every run; csvlint keeps its cache in the benchmark's folder
ENV = dict(os.environ)


def measure(
    name: str,
    command: list[str],
    repeat: int = 1,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> Measure:
    """Run `command` `repeat` times; keep the fastest run and the largest peak memory."""
    best, peak, code = float("inf"), 0.0, 0
    for _ in range(repeat):
        start = time.perf_counter()
        process = subprocess.Popen(
            command,
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**ENV, **(env or {})},
        )
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        best = min(best, elapsed)
        peak = max(peak, usage.ru_maxrss / 1024)
        code = process.returncode
    return Measure(name, best, peak, code)


def measure_together(
    commands: dict[str, tuple[list[str], dict[str, str] | None]], repeat: int, cwd: Path
) -> dict[str, Measure]:
    """Measure several commands in turns (one run of each, `repeat` times), so that a shared
    machine's drift weighs on all of them alike; keep each one's best run."""
    best: dict[str, Measure] = {}
    for _ in range(repeat):
        for name, (command, env) in commands.items():
            found = measure(name, command, 1, cwd=cwd, env=env)
            kept = best.get(name)
            if kept is None or found.seconds < kept.seconds:
                peak = max(found.peak_mib, kept.peak_mib if kept else 0.0)
                best[name] = Measure(name, found.seconds, peak, found.exit_code)
            else:
                kept.peak_mib = max(kept.peak_mib, found.peak_mib)
    return best


def generate(folder: Path, rows: int, *extra: str) -> Path:
    subprocess.run([PY, str(GENERATOR), str(folder), "--rows", str(rows), *extra], check=True)
    return folder


def tool(name: str) -> str | None:
    """A command installed beside this Python (a virtual environment's bin), else on PATH."""
    beside = Path(PY).parent / name
    return str(beside) if beside.is_file() else shutil.which(name)


def has_module(name: str) -> bool:
    found = subprocess.run([PY, "-c", f"import {name}"], capture_output=True, check=False)
    return found.returncode == 0


def table(rows: list[tuple[str, str, str, str]]) -> str:
    head = ("what", "seconds", "peak MiB", "ratio")
    lines = ["| " + " | ".join(head) + " |", "|---|---:|---:|---|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--big-rows", type=int, default=0, help="also measure memory growth")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-frictionless", action="store_true")
    args = parser.parse_args()
    if not GENERATOR.is_file():
        sys.exit(f"the generator is not at {GENERATOR}")

    work = Path(tempfile.mkdtemp(prefix="csvlint-bench-"))
    ENV["CSVLINT_CACHE_DIR"] = str(work / "cache")
    # without the cache: what the first lint against a configuration costs
    cold = {"CSVLINT_CACHE_DIR": ""}
    try:
        data = generate(work / "big", args.rows)
        extract, config = data / "orders.csv", data / "orders.import.yaml"
        size_mb = extract.stat().st_size / 1e6
        results: dict[str, Measure] = {}

        def run(name: str, command: list[str], repeat: int = args.repeat) -> Measure:
            results[name] = measure(name, command, repeat, cwd=data)
            print(f"  {name}: {results[name].seconds:.2f} s", file=sys.stderr)
            return results[name]

        print(f"{args.rows:,} rows, {size_mb:.0f} MB", file=sys.stderr)
        full = [*CSVLINT, "lint", "-q", "--config", str(config), str(extract)]
        throughput: dict[str, tuple[list[str], dict[str, str] | None]] = {
            "csv.reader iteration": ([PY, "-c", CSV_READER, str(extract)], None),
            "csvlint, structure and header rules": (
                [*CSVLINT, "lint", "-q", "--select", "CSV,HDR", str(extract)],
                None,
            ),
            "csvlint, every rule, with the configuration": (full, None),
            "csvlint, every rule, configuration not cached": (full, cold),
        }
        if has_module("pyarrow"):
            throughput["pyarrow read_csv (parse alone)"] = (
                [PY, "-c", ARROW_PARSE, str(extract)],
                None,
            )
        results.update(measure_together(throughput, args.repeat, data))
        for name, found in results.items():
            print(f"  {name}: {found.seconds:.2f} s", file=sys.stderr)
        base = results["csv.reader iteration"].seconds
        frictionless = tool("frictionless")
        if not args.skip_frictionless and frictionless:
            # a relative path: frictionless refuses absolute ones as unsafe
            run("frictionless validate", [frictionless, "validate", extract.name], repeat=1)

        rows = []
        for m in results.values():
            if m.exit_code not in (0, 1):
                sys.exit(f"{m.name} failed with exit code {m.exit_code}: its time means nothing")
            ratio = f"{base / m.seconds:.2f}x csv.reader's speed"
            rows.append((m.name, f"{m.seconds:.2f}", f"{m.peak_mib:.0f}", ratio))
        linted = results["csvlint, every rule, with the configuration"].seconds
        if "frictionless validate" in results:
            seconds = results["frictionless validate"].seconds
            rows.append(
                ("full lint vs frictionless", "", "", f"frictionless takes {seconds / linted:.2f}x")
            )

        # --fail-fast: an error on the first data line of the big file
        broken = data / "broken.csv"
        with extract.open("rb") as source, broken.open("wb") as target:
            target.write(source.readline())
            target.write(b"ORD-X,too,few\n")
            shutil.copyfileobj(source, target)
        fast = measure(
            "first finding with --fail-fast",
            [*CSVLINT, "lint", "-q", "--fail-fast", "--config", str(config), str(broken)],
            args.repeat,
            cwd=data,
        )
        rows.append((fast.name, f"{fast.seconds:.2f}", f"{fast.peak_mib:.0f}", "target < 0.5 s"))

        # start-up: one tiny file, next to `python -c pass` and the YAML/JSON Schema linters
        tiny = generate(work / "tiny", 5)
        plain = work / "plain"
        plain.mkdir()
        shutil.copy(tiny / "orders.csv", plain / "tiny.csv")
        startup = [
            measure("python -c pass", [PY, "-c", "pass"], 5),
            measure("csvlint lint tiny.csv", [*CSVLINT, "lint", "-q", "tiny.csv"], 5, cwd=plain),
            measure(
                "csvlint lint tiny.csv, with its configuration",
                [*CSVLINT, "lint", "-q", "orders.csv"],
                5,
                cwd=tiny,
            ),
            measure(
                "the same, configuration not cached",
                [*CSVLINT, "lint", "-q", "orders.csv"],
                5,
                cwd=tiny,
                env=cold,
            ),
        ]
        yamllint, check_jsonschema = tool("yamllint"), tool("check-jsonschema")
        if yamllint:
            startup.append(
                measure("yamllint tiny.yaml", [yamllint, str(tiny / "orders.import.yaml")], 5)
            )
        if check_jsonschema:
            schema = ROOT / "csvlint" / "schemas" / "import-config.schema.json"
            startup.append(
                measure(
                    "check-jsonschema tiny.yaml",
                    [
                        check_jsonschema,
                        "--schemafile",
                        str(schema),
                        str(tiny / "orders.import.yaml"),
                    ],
                    5,
                )
            )
        reference = startup[1].seconds
        for m in startup:
            rows.append(
                (
                    m.name,
                    f"{m.seconds:.2f}",
                    f"{m.peak_mib:.0f}",
                    f"csvlint takes {reference / m.seconds:.2f}x this",
                )
            )

        # many files: 200 small files in one call against one
        many = work / "many"
        many.mkdir()
        for i in range(200):
            shutil.copy(plain / "tiny.csv", many / f"orders_{i:03d}.csv")
        one = measure("1 small file", [*CSVLINT, "lint", "-q", str(many / "orders_000.csv")], 3)
        lots = measure("200 small files in one call", [*CSVLINT, "lint", "-q", str(many)], 3)
        rows.append((one.name, f"{one.seconds:.2f}", f"{one.peak_mib:.0f}", ""))
        rows.append(
            (
                lots.name,
                f"{lots.seconds:.2f}",
                f"{lots.peak_mib:.0f}",
                f"{lots.seconds / one.seconds:.2f}x one file",
            )
        )

        if args.big_rows:
            bigger = generate(work / "bigger", args.big_rows)
            grown = measure(
                f"every rule, {args.big_rows:,} rows",
                [
                    *CSVLINT,
                    "lint",
                    "-q",
                    "--config",
                    str(bigger / "orders.import.yaml"),
                    str(bigger / "orders.csv"),
                ],
                2,
            )
            small = results["csvlint, every rule, with the configuration"]
            per_key = (grown.peak_mib - small.peak_mib) * 1024 * 1024 / (args.big_rows - args.rows)
            rows.append(
                (
                    grown.name,
                    f"{grown.seconds:.2f}",
                    f"{grown.peak_mib:.0f}",
                    f"+{per_key:.0f} bytes a key",
                )
            )

        machine = f"{platform.machine()}, {os.cpu_count()} cores"
        print(
            f"\n{time.strftime('%Y-%m-%d')}, {machine}, Python {platform.python_version()}, "
            f"{args.rows:,} rows ({size_mb:.0f} MB)\n"
        )
        print(table(rows))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
