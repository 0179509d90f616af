"""Start-up benchmark of the `wijkgraph` command (issue 11): how long until it answers.

Usage (from the repository root)::

    .venv/bin/python benchmarks/startup.py              # median of 5 runs per command
    .venv/bin/python benchmarks/startup.py --runs 9 --importtime
    git archive HEAD | tar -x -C /tmp/old              # an older tree, for a paired run:
    .venv/bin/python benchmarks/startup.py --against /tmp/old --only analyse

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

The package of every timed tree is compiled to bytecode first (`compile_trees`), as an
installation does: the warm-up run cannot do it where ``PYTHONDONTWRITEBYTECODE`` is set,
and compiling a hundred modules would otherwise be timed with every run.

``--against DIR`` times another source tree (say the last commit, unpacked with ``git
archive``) in the same loop: old and new runs alternate, so both meet the same load on a
busy machine, and the table adds the old median and the ratio new/old. The other tree runs
with its folder as the working directory (``python -m`` puts it first on ``sys.path``).
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: The repository this script belongs to (the tree timed by default).
ROOT = Path(__file__).resolve().parent.parent
#: (label, arguments after ``wijkgraph``, target in seconds); "{tmp}" is a fresh folder.
COMMANDS: tuple[tuple[str, tuple[str, ...], float], ...] = (
    ("--version", ("--version",), 0.2),
    ("--help", ("--help",), 0.2),
    ("validate utrecht-oost", ("validate", "utrecht-oost"), 0.8),
    ("analyse utrecht-oost -o tmp", ("analyse", "utrecht-oost", "-o", "{tmp}/out", "-q"), 1.5),
)


def _argv(args: tuple[str, ...], tmp: str) -> list[str]:
    """The command line of ``wijkgraph ARGS`` as a fresh Python process."""
    return [sys.executable, "-m", "wijkgraph", *(a.format(tmp=tmp) for a in args)]


def compile_trees(roots: tuple[Path, ...]) -> None:
    """Compile the ``wijkgraph`` package of each tree in `roots` to bytecode (quietly; a
    module compiled already is left as it is)."""
    for root in roots:
        compileall.compile_dir(str(root / "wijkgraph"), quiet=1)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _run_once(args: tuple[str, ...], root: Path) -> tuple[float, float]:
    """Wall and CPU time (s) of one ``python -m wijkgraph ARGS`` run with `root` as cwd."""
    with tempfile.TemporaryDirectory() as tmp:
        cpu = _children_cpu()
        start = time.perf_counter()
        done = subprocess.run(_argv(args, tmp), capture_output=True, text=True, check=False,
                              cwd=root)
        wall = time.perf_counter() - start
        cpu = _children_cpu() - cpu
    if done.returncode != 0:
        raise RuntimeError(f"wijkgraph {' '.join(args)} failed in {root}:\n{done.stderr}")
    return wall, cpu


def time_command(args: tuple[str, ...], runs: int = 5, *, roots: tuple[Path, ...] = (ROOT,)
                 ) -> list[tuple[list[float], list[float]]]:
    """Wall and CPU times (s) of `runs` fresh ``python -m wijkgraph ARGS`` per source tree.

    CPU time (user + system of the child) is what a busy machine does not inflate much;
    the target is for wall time on a quiet one. One untimed warm-up run per tree comes
    first (as a person's second run: bytecode compiled, files cached). The trees take
    turns run by run, so a change of load hits all alike. Each run gets its own temporary
    folder (an output folder never exists beforehand). A failing run raises RuntimeError.

    Returns
    -------
    list of (walls, cpus)
        One pair of lists per tree of `roots`, in that order.
    """
    for root in roots:  # warm-up: bytecode and file caches
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(_argv(args, tmp), capture_output=True, check=False, cwd=root)
    out: list[tuple[list[float], list[float]]] = [([], []) for _ in roots]
    for _ in range(runs):
        for root, (walls, cpus) in zip(roots, out, strict=True):
            wall, cpu = _run_once(args, root)
            walls.append(wall)
            cpus.append(cpu)
    return out


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
    parser.add_argument("--against", type=Path, default=None, metavar="DIR",
                        help="also time the source tree in DIR, run for run (paired)")
    parser.add_argument("--only", default="", metavar="WORD",
                        help="only the commands whose label contains WORD")
    options = parser.parse_args(argv)
    os.chdir(ROOT)
    roots: tuple[Path, ...] = (ROOT,)
    if options.against is not None:
        roots = (ROOT, options.against.resolve())
    compile_trees(roots)
    missed = 0
    print(f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    paired = f" {'old':>7} {'new/old':>7} {'old cpu':>7} {'cpu n/o':>7}" if len(roots) > 1 else ""
    print(f"{'command':<36} {'median':>7} {'min':>7} {'max':>7} {'cpu':>7} {'target':>7}"
          f"{paired}")
    for label, args, target in COMMANDS:
        if options.only not in label:
            continue
        try:
            (times, cpus), *old = time_command(args, options.runs, roots=roots)
        except RuntimeError as exc:
            missed += 1
            last = str(exc).strip().splitlines()[-1]
            print(f"{'wijkgraph ' + label:<36} FAILED: {last}", flush=True)
            continue
        median = statistics.median(times)
        verdict = "ok" if median <= target else "SLOW"
        missed += median > target
        extra = ""
        if old:
            old_median = statistics.median(old[0][0])
            old_cpu = statistics.median(old[0][1])
            extra = (f" {old_median:>6.2f}s {median / old_median:>7.2f} {old_cpu:>6.2f}s "
                     f"{statistics.median(cpus) / old_cpu:>7.2f}")
        print(f"{'wijkgraph ' + label:<36} {median:>6.2f}s {min(times):>6.2f}s "
              f"{max(times):>6.2f}s {statistics.median(cpus):>6.2f}s {target:>6.1f}s"
              f"{extra}  {verdict}", flush=True)
        if options.importtime:
            for seconds, name in slowest_imports(args):
                print(f"{'':<8}{seconds:>6.3f}s  {name}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
