"""Timing child processes: whole-process wall time, CPU time and peak memory, in turns."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

PY = sys.executable
#: the environment of every run; the benchmark points csvlint's cache into its own folder
ENV = dict(os.environ)


@dataclass
class Measure:
    """The median wall time of a command's runs, their median CPU time (user and system, all
    threads) and the largest peak memory."""

    name: str
    seconds: float
    cpu: float
    peak_mib: float
    exit_code: int


@dataclass
class Command:
    """A command to time, where and with what environment."""

    argv: list[str]
    cwd: Path | None = None
    env: dict[str, str] | None = None


def run_once(command: Command) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds, peak MiB and exit code of one run."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command.argv,
        cwd=command.cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**ENV, **(command.env or {})},
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    cpu = usage.ru_utime + usage.ru_stime
    return elapsed, cpu, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2


def measure_together(commands: dict[str, Command], repeat: int) -> dict[str, Measure]:
    """Run each command `repeat` times, in turns (one run of each, then again), so that a
    shared machine's drift weighs on all of them alike; keep each one's medians."""
    walls: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    peaks: dict[str, float] = dict.fromkeys(commands, 0.0)
    codes: dict[str, int] = dict.fromkeys(commands, 0)
    for _ in range(repeat):
        for name, command in commands.items():
            wall, cpu, peak, code = run_once(command)
            walls[name].append(wall)
            cpus[name].append(cpu)
            peaks[name] = max(peaks[name], peak)
            codes[name] = code
    return {
        name: Measure(name, _median(walls[name]), _median(cpus[name]), peaks[name], codes[name])
        for name in commands
    }


def checked(found: dict[str, Measure]) -> dict[str, Measure]:
    """The measures, after making sure each command ran to its end (0: clean, 1: findings)."""
    for m in found.values():
        if m.exit_code not in (0, 1):
            sys.exit(f"{m.name} failed with exit code {m.exit_code}: its time means nothing")
    return found


def tool(name: str) -> str | None:
    """A command installed beside this Python (a virtual environment's bin), else on PATH."""
    beside = Path(PY).parent / name
    return str(beside) if beside.is_file() else shutil.which(name)


def has_module(name: str) -> bool:
    found = subprocess.run([PY, "-c", f"import {name}"], capture_output=True, check=False)
    return found.returncode == 0


def table(rows: list[tuple[str, ...]], head: tuple[str, ...]) -> str:
    lines = [
        "| " + " | ".join(head) + " |",
        "|" + "|".join(["---"] + ["---:"] * (len(head) - 1)) + "|",
    ]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)
