"""How long do the five outputs take, on one core and on two, and how much memory?

Writes report.html, report.md, map.html, tables.xlsx and analysis.json of an analysed
network with `wijkgraph.render.outputs.write_outputs`, once with one process
(``workers=1``) and once with two (fork workers), and reports for each the wall time, the
CPU time of the process and its workers, and the peak memory of the whole process tree:
the sum of the proportional set sizes (PSS: a page shared by two processes counts half
to each), sampled every 20 ms, so the pages the workers inherit through fork and copy on
write are counted once. Also checks that both runs wrote the same bytes.

    .venv/bin/python benchmarks/bench_outputs.py 30000            # synthetic(30000)
    .venv/bin/python benchmarks/bench_outputs.py 30000 --pickle /tmp/net30k.pkl

``--pickle`` keeps the (network, analysis) of a first run and reuses it (the analysis of
a city takes longer than its outputs). Numbers on a busy machine are noisy: compare the
two runs of one call, which run back to back. The CPU seconds of every unit of work
(an output, or one key of a city's analysis.json) are listed per process: the slowest
process is the wall time of the two-core run.
"""

from __future__ import annotations

import argparse
import os
import pickle
import shutil
import tempfile
import threading
import time
from pathlib import Path


def _pss(pid: int) -> int:
    """Proportional set size of `pid` in bytes (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    out = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as fh:
                out += [int(x) for x in fh.read().split()]
    except OSError:
        pass
    return out


class PeakMemory:
    """Samples the PSS of this process and all its descendants; `peak` is the largest sum."""

    def __init__(self, every: float = 0.02) -> None:
        self.every, self.peak, self._stop = every, 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = os.getpid()
        while not self._stop.is_set():
            pids, todo = [], [me]
            while todo:
                pid = todo.pop()
                pids.append(pid)
                todo += _children(pid)
            self.peak = max(self.peak, sum(_pss(p) for p in pids))
            time.sleep(self.every)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("actors", type=int, nargs="?", default=30000)
    parser.add_argument("--pickle", type=Path, default=None)
    parser.add_argument("--lang", default="nl")
    args = parser.parse_args()

    from wijkgraph.analysis.run import analyse
    from wijkgraph.render.outputs import write_outputs
    from wijkgraph.sources.bundled import synthetic

    if args.pickle and args.pickle.exists():
        network, analysis = pickle.loads(args.pickle.read_bytes())
    else:
        network = synthetic(args.actors)
        analysis = analyse(network)
        if args.pickle:
            args.pickle.write_bytes(pickle.dumps((network, analysis), protocol=5))
    # the first run pays for imports and caches: warm up on the outputs of a small network
    small = synthetic(300)
    tmp = Path(tempfile.mkdtemp(prefix="bench-outputs-"))
    write_outputs(small, analyse(small), tmp / "warm", workers=1)
    from wijkgraph.render import outputs

    write_one = outputs._write

    def timed(fmt: str, *rest: object) -> str:
        start = time.process_time()
        name = write_one(fmt, *rest)  # type: ignore[arg-type]
        print(f"UNIT {os.getpid()} {fmt} {time.process_time() - start:.3f}", flush=True)
        return name

    outputs._write = timed  # type: ignore[assignment]  # workers inherit it through fork
    rows, files = [], {}
    for workers in (1, 2):
        with PeakMemory() as memory:
            before, start = _cpu(), time.perf_counter()
            written = write_outputs(network, analysis, tmp / f"w{workers}", workers=workers,
                                    lang=args.lang)
            wall, cpu = time.perf_counter() - start, _cpu() - before
        files[workers] = {p.name: p.read_bytes() for p in written}
        rows.append((workers, wall, cpu, memory.peak / 2**20))
    outputs._write = write_one  # type: ignore[assignment]
    same = files[1] == files[2]
    print(f"{network.n_actors} actors, {network.n_relations} relations; outputs identical: {same}")
    print("| workers | wall s | CPU s | peak memory (PSS, tree) MB |")
    print("|---|---|---|---|")
    for workers, wall, cpu, peak in rows:
        print(f"| {workers} | {wall:.1f} | {cpu:.1f} | {peak:.0f} |")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
