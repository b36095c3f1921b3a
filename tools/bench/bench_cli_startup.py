#!/usr/bin/env python3
"""Start-up of the ``rmab`` command line, side by side with a bare ``python -c pass``.

Measures ``python -c pass``, ``rmab --version``, ``rmab --help`` and ``rmab jobs list --json`` on
an existing profile (made and migrated first, with a few jobs in it, so no migration is timed).
Every command runs the same interpreter with this tree first on the path. With hyperfine
installed (``apt install hyperfine``) it does the timing (warm-up runs, then ``--runs``);
otherwise each command is timed here with ``subprocess``, the commands alternating run by run so
machine load hits them alike. Wall-time medians are reported, with each one's ratio to
``python -c pass``, and the mean CPU time (user + system), which a loaded machine disturbs less.

usage: tools/bench/bench_cli_startup.py [--runs 15] [--tree DIR] [--json]
  (--tree: measure another checkout's ``rmab_desktop``, e.g. main before a change)
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# What the installed ``rmab`` script runs; the tree comes from PYTHONPATH (commands run elsewhere).
RMAB = [sys.executable, "-c", "import sys; from rmab_desktop.cli import main; sys.exit(main())"]


def _commands(profile: Path) -> dict[str, list[str]]:
    return {
        "python -c pass": [sys.executable, "-c", "pass"],
        "rmab --version": [*RMAB, "--version"],
        "rmab --help": [*RMAB, "--help"],
        "rmab jobs list --json": [*RMAB, "--profile-dir", str(profile), "jobs", "list", "--json"],
    }


def _make_profile(profile: Path, env: dict[str, str]) -> None:
    for _ in range(3):
        subprocess.run(
            [*RMAB, "--profile-dir", str(profile), "jobs", "enqueue", "maintenance.prune_history"],
            env=env,
            cwd=profile.parent,
            check=True,
            stdout=subprocess.DEVNULL,
        )


Timings = dict[str, tuple[float, float]]  # command -> (median wall seconds, mean CPU seconds)


def _with_hyperfine(commands: dict[str, list[str]], runs: int, env: dict[str, str]) -> Timings:
    with tempfile.TemporaryDirectory() as tmp:
        export = Path(tmp) / "results.json"
        argv = ["hyperfine", "-N", "--warmup", "2", "--runs", str(runs), "--export-json", str(export)]
        for name, command in commands.items():
            argv += ["--command-name", name, shlex.join(command)]
        subprocess.run(argv, env=env, cwd=tmp, check=True, stdout=subprocess.DEVNULL)
        results = json.loads(export.read_text())["results"]
    return {r["command"]: (r["median"], r["user"] + r["system"]) for r in results}


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _with_subprocess(commands: dict[str, list[str]], runs: int, env: dict[str, str]) -> Timings:
    wall: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    for round_ in range(runs + 2):
        for name, command in commands.items():
            start, start_cpu = time.perf_counter(), _cpu_seconds()
            subprocess.run(command, env=env, cwd=tempfile.gettempdir(), check=True, stdout=subprocess.DEVNULL)
            if round_ >= 2:  # the first two rounds warm the file cache
                wall[name].append(time.perf_counter() - start)
                cpu[name].append(_cpu_seconds() - start_cpu)
    return {name: (statistics.median(wall[name]), statistics.mean(cpu[name])) for name in commands}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--tree", type=Path, default=ROOT, help="the checkout whose rmab_desktop runs")
    parser.add_argument("--json", action="store_true", help="print the medians as JSON")
    args = parser.parse_args()
    tree = str(args.tree.resolve())
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [tree, os.environ.get("PYTHONPATH")]))}
    with tempfile.TemporaryDirectory(prefix="rmab-bench-") as tmp:
        profile = Path(tmp) / "profile"
        _make_profile(profile, env)
        commands = _commands(profile)
        tool = "hyperfine" if shutil.which("hyperfine") else "subprocess"
        timer = _with_hyperfine if tool == "hyperfine" else _with_subprocess
        timings = timer(commands, args.runs, env)
    medians = {name: wall for name, (wall, _) in timings.items()}
    baseline = medians["python -c pass"]
    report = {
        "tree": tree,
        "timer": tool,
        "runs": args.runs,
        "cores": os.cpu_count(),
        "median_seconds": medians,
        "ratio_to_python": {name: round(value / baseline, 1) for name, value in medians.items()},
        "mean_cpu_seconds": {name: cpu for name, (_, cpu) in timings.items()},
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"{tree}: {args.runs} runs each, timed by {tool}, {os.cpu_count()} cores")
    for name, (wall, cpu) in timings.items():
        ratio = report["ratio_to_python"][name]
        print(f"  {name:<24} median {wall:7.3f} s ({ratio:5.1f}x python -c pass), CPU {cpu:6.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
