"""Start-up benchmark of the `wijkgraph` command (issue 11): how long until it answers.

Usage (from the repository root)::

    .venv/bin/python benchmarks/startup.py              # median of 5 runs per command
    .venv/bin/python benchmarks/startup.py --runs 9 --importtime

Every command runs as a fresh subprocess (``python -m wijkgraph ...``), as a person or a
test runs it, so the time includes starting Python and importing what the command needs.
It prints the median wall time per command (and the median CPU time of the child, which
a machine busy with other work inflates less) beside its target:

======================================  ======
``wijkgraph --version``                 0.2 s
``wijkgraph --help``                    0.2 s
``wijkgraph validate utrecht-oost``     0.8 s
``wijkgraph analyse utrecht-oost -o``   1.5 s
======================================  ======

``--importtime`` adds, per command, the ten slowest imports (``python -X importtime``),
which shows what a slow start loads. The exit code is 1 when a median misses its target.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: (label, arguments after ``wijkgraph``, target in seconds); "{tmp}" is a fresh folder.
COMMANDS: tuple[tuple[str, tuple[str, ...], float], ...] = (
    ("--version", ("--version",), 0.2),
    ("--help", ("--help",), 0.2),
    ("validate utrecht-oost", ("validate", "utrecht-oost"), 0.8),
    ("analyse utrecht-oost -o tmp", ("analyse", "utrecht-oost", "-o", "{tmp}/out", "-q"), 1.5),
)


def _argv(args: tuple[str, ...], tmp: str) -> list[str]:
    return [sys.executable, "-m", "wijkgraph", *(a.format(tmp=tmp) for a in args)]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_command(args: tuple[str, ...], runs: int = 5) -> tuple[list[float], list[float]]:
    """Wall and CPU times (s) of `runs` fresh ``python -m wijkgraph ARGS`` subprocesses.

    CPU time (user + system of the child) is what a busy machine does not inflate much;
    the target is for wall time on a quiet one. One untimed warm-up run comes first (as a
    person's second run: bytecode compiled, files cached). Each run gets its own temporary
    folder (an output folder never exists beforehand). A failing run raises RuntimeError.
    """
    walls, cpus = [], []
    with tempfile.TemporaryDirectory() as tmp:  # warm-up: bytecode and file caches
        subprocess.run(_argv(args, tmp), capture_output=True, check=False)
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            cpu = _children_cpu()
            start = time.perf_counter()
            done = subprocess.run(_argv(args, tmp), capture_output=True, text=True,
                                  check=False)
            walls.append(time.perf_counter() - start)
            cpus.append(_children_cpu() - cpu)
        if done.returncode != 0:
            raise RuntimeError(f"wijkgraph {' '.join(args)} failed:\n{done.stderr}")
    return walls, cpus


_IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)")


def slowest_imports(args: tuple[str, ...], n: int = 10) -> list[tuple[float, str]]:
    """The `n` top-level-most imports with the largest cumulative time (seconds, name)."""
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run([sys.executable, "-X", "importtime", *_argv(args, tmp)[1:]],
                              capture_output=True, text=True, check=False)
    rows = []
    for line in done.stderr.splitlines():
        m = _IMPORT_LINE.match(line)
        if m and len(m.group(3)) <= 2:  # imported by the command itself, not nested
            rows.append((int(m.group(2)) / 1e6, m.group(4)))
    return sorted(rows, reverse=True)[:n]


def main(argv: list[str] | None = None) -> int:
    """Time every command of `COMMANDS`; print median, min, max and the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per command (median)")
    parser.add_argument("--importtime", action="store_true",
                        help="also list the slowest imports of each command")
    options = parser.parse_args(argv)
    os.chdir(Path(__file__).resolve().parent.parent)
    missed = 0
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print(f"{'command':<36} {'median':>7} {'min':>7} {'max':>7} {'cpu':>7} {'target':>7}")
    for label, args, target in COMMANDS:
        try:
            times, cpus = time_command(args, options.runs)
        except RuntimeError as exc:
            missed += 1
            last = str(exc).strip().splitlines()[-1]
            print(f"{'wijkgraph ' + label:<36} FAILED: {last}", flush=True)
            continue
        median = statistics.median(times)
        verdict = "ok" if median <= target else "SLOW"
        missed += median > target
        print(f"{'wijkgraph ' + label:<36} {median:>6.2f}s {min(times):>6.2f}s "
              f"{max(times):>6.2f}s {statistics.median(cpus):>6.2f}s {target:>6.1f}s  "
              f"{verdict}", flush=True)
        if options.importtime:
            for seconds, name in slowest_imports(args):
                print(f"{'':<8}{seconds:>6.3f}s  {name}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
