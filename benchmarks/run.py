"""End-to-end benchmark of `wijkgraph analyse` on generated city networks.

Usage (from the repository root)::

    .venv/bin/python benchmarks/run.py                          # 300, 3,000 and 30,000 actors
    .venv/bin/python benchmarks/run.py --sizes 300,3000,30000,100000 --baseline-cap 120
    .venv/bin/python benchmarks/run.py --city other --mode cli  # the other generator, real CLI
    .venv/bin/python benchmarks/run.py --sizes 300 --stages --markdown

Cities: ``--city own`` writes `wijkgraph.sources.generator.synthetic_frames(n)` as a CSV
folder; ``--city other`` writes the independent generator of ``benchmarks/other_city.py``
(Holme-Kim graphs per area, Dutch headers, semicolons). Each folder is made once per size
and read by every run.

Modes: ``--mode inprocess`` (default) runs one fresh subprocess per size that times each
stage: load (read + validate), build, every analysis stage (as `analyse` reports them)
and the writing of all outputs (`write_outputs`, which may write side by side in worker
processes; the time each output was done is listed too). For every stage it records the
peak memory, sampled every 50 ms: the resident memory of the process plus that of its
worker processes (shared pages counted in each, so an upper bound), and the exact
``ru_maxrss`` of the process and of its finished children. ``--mode cli`` runs the real
command, ``python -m wijkgraph analyse FOLDER -o OUT -q``, in a subprocess of a fresh
subprocess and reports its wall time and peak memory the way ``/usr/bin/time`` does
(``getrusage(RUSAGE_CHILDREN).ru_maxrss``: the largest single process, workers included).

A second subprocess runs a plain networkx pipeline on the same folder: pandas reads the
relations, networkx builds the graph and computes the same heavy metrics (exact
betweenness, harmonic closeness, Burt constraint and effective size, Louvain, bridges,
articulation points, Adamic-Adar for all pairs at distance two). It is stopped after
``--baseline-cap`` seconds and then reported as "> cap". The ratio is baseline / wijkgraph.

``--markdown`` prints the tables for ``docs/scaling.md`` (with the machine they ran on).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent


# --- memory -----------------------------------------------------------------------------

def _rss_mb(pid: int | str = "self") -> float:
    try:
        pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _pss_mb(pid: int | str = "self") -> float:
    """Proportional set size: resident memory with each shared page split between the
    processes that share it, so the sum over a process tree is the memory it really takes."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except (OSError, IndexError, ValueError):
        pass
    return 0.0


def _children(pid: int | str = "self") -> list[int]:
    found: list[int] = []
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return found
    for task in tasks:
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return found + [g for c in found for g in _children(c)]


class PeakSampler(threading.Thread):
    """Samples the resident memory of this process and its descendants every `interval` s."""

    #: The proportional set size (`_pss_mb`, the memory the tree really takes) is read
    #: every this many samples: /proc walks every page table for it.
    PSS_EVERY = 4

    def __init__(self, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.interval = interval
        self.peak = 0.0
        self.pss_peak = 0.0
        self._stop_event = threading.Event()

    def now(self) -> float:
        return _rss_mb() + sum(_rss_mb(c) for c in _children())

    def pss_now(self) -> float:
        return _pss_mb() + sum(_pss_mb(c) for c in _children())

    def run(self) -> None:
        count = 0
        while not self._stop_event.wait(self.interval):
            self.peak = max(self.peak, self.now())
            count += 1
            if count % self.PSS_EVERY == 0:
                self.pss_peak = max(self.pss_peak, self.pss_now())

    def take(self) -> float:
        """The peak since the last `take` (and now), then start again from now."""
        peak = max(self.peak, self.now())
        self.peak = 0.0
        return peak

    def take_pss(self) -> float:
        """The peak proportional set size since the last `take_pss` (and now)."""
        peak = max(self.pss_peak, self.pss_now())
        self.pss_peak = 0.0
        return peak

    def stop(self) -> None:
        self._stop_event.set()


def _maxrss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


# --- cities -----------------------------------------------------------------------------

def make_city(city: str, n: int, seed: int, folder: Path) -> Path:
    """Write the input folder of `city` with `n` actors (once; reused when it exists)."""
    done = folder / ".complete"
    if done.exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    if city == "own":
        from wijkgraph.sources.generator import synthetic_frames

        for name, frame in synthetic_frames(n, seed=seed).items():
            frame.to_csv(folder / f"{name}.csv", index=False)
    else:
        sys.path.insert(0, str(HERE))
        from other_city import write_city

        write_city(n, folder, seed=seed + 1)
    done.write_text("")
    return folder


# --- the runs (each in its own subprocess) -------------------------------------------------

def run_wijkgraph(folder: Path, seed: int, until: str = "all") -> dict[str, Any]:
    """Time and measure every stage of the pipeline on the input `folder` (up to `until`)."""
    from wijkgraph.analysis.run import analyse
    from wijkgraph.io import load_tables
    from wijkgraph.model._memory import settle
    from wijkgraph.model.network import build_network
    from wijkgraph.render.outputs import FORMATS, write_outputs

    sampler = PeakSampler()
    sampler.start()
    stages: dict[str, dict[str, float]] = {}
    start = clock = time.perf_counter()
    cpu = time.process_time()
    sampler.take()
    sampler.take_pss()

    def mark(name: str) -> None:
        nonlocal clock, cpu
        now, now_cpu = time.perf_counter(), time.process_time()
        stages[name] = {"s": now - clock, "cpu_s": now_cpu - cpu, "peak_mb": sampler.take(),
                        "pss_mb": sampler.take_pss(), "maxrss_mb": _maxrss_mb()}
        clock, cpu = now, now_cpu

    tables = load_tables(folder)
    mark("load")
    network = build_network(tables, meta={"source": str(folder)})
    settle()  # as the command does once the network is loaded
    mark("build")
    if until == "build":
        sampler.stop()
        return {"actors": network.n_actors, "ties": network.graph.number_of_edges(),
                "stages": stages, "written_at": {}, "total": time.perf_counter() - start,
                "peak_mb": max(s["peak_mb"] for s in stages.values()),
                "pss_mb": max(s["pss_mb"] for s in stages.values()),
                "maxrss_mb": _maxrss_mb(), "children_maxrss_mb": 0.0}
    current = ["analyse: start"]

    def stage(name: str) -> None:
        mark(current[0])
        current[0] = f"analyse: {name}"

    result = analyse(network, seed=seed, progress=stage)
    mark(current[0])
    stages.pop("analyse: start", None)
    done_at: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        write_outputs(network, result, Path(tmp) / "out", formats=FORMATS, lang="nl",
                      progress=lambda fmt: done_at.setdefault(fmt, time.perf_counter() - t0))
        mark("write (all outputs)")
    total = time.perf_counter() - start
    sampler.stop()
    return {"actors": network.n_actors, "ties": network.graph.number_of_edges(),
            "stages": stages, "written_at": done_at, "total": total,
            "peak_mb": max(s["peak_mb"] for s in stages.values()),
            "pss_mb": max(s["pss_mb"] for s in stages.values()),
            "maxrss_mb": _maxrss_mb(), "children_maxrss_mb": _maxrss_mb(resource.RUSAGE_CHILDREN)}


def run_cli(folder: Path, seed: int) -> dict[str, Any]:
    """The real command on `folder`: wall time and /usr/bin/time-style peak memory."""
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "wijkgraph", "analyse", str(folder), "-o",
               str(Path(tmp) / "out"), "-q", "--seed", str(seed)]
        start = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
        wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.strip().splitlines()[-1:] or ["?"])
    return {"total": wall, "peak_mb": _maxrss_mb(resource.RUSAGE_CHILDREN), "stages": {},
            "ties": len(_relations_csv(folder)), "actors": _rows(folder, "actors", "actoren")}


def _rows(folder: Path, *names: str) -> int:
    """The number of rows (header aside) of the first of `names`.csv in `folder`."""
    file = next(folder / f"{n}.csv" for n in names if (folder / f"{n}.csv").exists())
    with file.open("rb") as f:
        return sum(1 for _ in f) - 1


def _relations_csv(folder: Path) -> Any:
    import pandas as pd

    file = next(folder / n for n in ("relations.csv", "relaties.csv") if (folder / n).exists())
    head = file.read_text(encoding="utf-8-sig").split("\n", 1)[0]
    frame = pd.read_csv(file, sep=";" if head.count(";") > head.count(",") else ",",
                        dtype=str, keep_default_na=False, encoding="utf-8-sig")
    frame = frame.rename(columns={"van": "source", "naar": "target", "sterkte": "strength"})
    words = {"identificatie": 1, "coordinatie": 2, "reflectie": 3, "transformatie": 4}
    frame["weight"] = [words.get(s, int(s) if s.isdigit() else 1) for s in frame["strength"]]
    return frame


def run_baseline(folder: Path, seed: int) -> dict[str, Any]:
    """A plain pandas + networkx pipeline computing the same heavy metrics."""
    import networkx as nx

    stages: dict[str, float] = {}
    start = time.perf_counter()

    def timed(name: str, func: Any) -> Any:
        t = time.perf_counter()
        out = func()
        stages[name] = time.perf_counter() - t
        print(json.dumps({"partial": name, "seconds": stages[name]}), flush=True)
        return out

    def build() -> Any:
        frame = _relations_csv(folder)
        frame = frame.groupby(["source", "target"], as_index=False)["weight"].max()
        g = nx.from_pandas_edgelist(frame, "source", "target", edge_attr="weight")
        for _u, _v, d in g.edges(data=True):
            d["distance"] = 1.0 / d["weight"]
        return g

    g = timed("read + build", build)
    timed("betweenness", lambda: nx.betweenness_centrality(g, weight="distance"))
    timed("closeness", lambda: nx.harmonic_centrality(g, distance="distance"))
    timed("constraint", lambda: nx.constraint(g, weight="weight"))
    timed("effective_size", lambda: nx.effective_size(g, nodes=list(g), weight="weight"))
    timed("louvain", lambda: nx.community.louvain_communities(g, seed=seed, weight="weight"))
    timed("bridges", lambda: list(nx.bridges(g)))
    timed("articulation", lambda: list(nx.articulation_points(g)))

    def adamic() -> None:
        pairs = {(u, w) for v in g for u in g[v] for w in g[v] if u < w and not g.has_edge(u, w)}
        list(nx.adamic_adar_index(g, list(pairs)))

    timed("adamic_adar", adamic)
    return {"stages": stages, "total": time.perf_counter() - start, "peak_mb": _maxrss_mb()}


RUNS = {"wijkgraph": run_wijkgraph, "cli": run_cli, "baseline": run_baseline}


def _child(kind: str, folder: Path, seed: int, cap: float, until: str = "all"
           ) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", kind, "--folder", str(folder),
           "--seed", str(seed), "--until", until]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=cap, check=False)
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        done = [json.loads(x) for x in out.splitlines() if x.startswith('{"partial"')]
        return {"capped": cap, "done": {d["partial"]: d["seconds"] for d in done}}
    if proc.returncode != 0:
        return {"error": proc.stderr.strip().splitlines()[-1:] or ["?"]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --- reporting ---------------------------------------------------------------------------

def machine() -> dict[str, str]:
    """The facts of this machine that a timing depends on."""
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = "?"
    try:
        kb = int(Path("/proc/meminfo").read_text().split("MemTotal:")[1].split()[0])
        ram = f"{kb / 2**20:.1f} GiB"
    except (OSError, IndexError, ValueError):
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return {"CPU": cpu, "cores": f"{os.cpu_count()} ({usable} usable)", "RAM": ram,
            "Python": platform.python_version(), "OS": platform.platform(),
            "load average at start": f"{load:.1f}"}


def _baseline_text(base: dict[str, Any], ours: float) -> tuple[str, str]:
    if "capped" in base:
        return f"> {base['capped']:.0f} s", f"> {base['capped'] / ours:.1f}x"
    if "error" in base:
        return "failed", "-"
    return f"{base['total']:.1f} s", f"{base['total'] / ours:.1f}x"


def _stage_sum(stages: dict[str, dict[str, float]], prefix: str) -> float:
    return sum(v["s"] for k, v in stages.items() if k.startswith(prefix))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="300,3000,30000")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--city", choices=["own", "other"], default="own")
    parser.add_argument("--mode", choices=["inprocess", "cli"], default="inprocess")
    parser.add_argument("--baseline-cap", type=float, default=300.0,
                        help="seconds after which the networkx baseline is stopped")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--stages", action="store_true", help="print every stage")
    parser.add_argument("--markdown", action="store_true", help="print tables for docs/")
    parser.add_argument("--data", type=Path, default=Path(tempfile.gettempdir()) / "wijkgraph-bench",
                        help="where the generated input folders are kept")
    parser.add_argument("--until", choices=["build", "all"], default="all",
                        help="stop after this stage (build: reading and building only)")
    parser.add_argument("--child", choices=list(RUNS), help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        extra = {"until": args.until} if args.child == "wijkgraph" else {}
        print(json.dumps(RUNS[args.child](args.folder, args.seed, **extra)))
        return
    sizes = [int(s) for s in args.sizes.split(",")]
    facts = machine()
    rows: list[list[str]] = []
    totals: dict[int, float] = {}
    for n in sizes:
        folder = make_city(args.city, n, args.seed, args.data / f"{args.city}-{n}-{args.seed}")
        kind = "wijkgraph" if args.mode == "inprocess" else "cli"
        ours = _child(kind, folder, args.seed, cap=3600, until=args.until)
        if "error" in ours:
            print(f"n={n}: wijkgraph failed: {ours['error']}", flush=True)
            continue
        totals[n] = ours["total"]
        stages = ours["stages"]
        print(f"\n== {args.city} city, {n} actors ({ours.get('actors', n)} actors, "
              f"{ours.get('ties', '?')} ties), {args.mode} ==", flush=True)
        if args.stages or not args.markdown:
            for stage, v in stages.items():
                print(f"  {stage:<34} {v['s']:8.2f} s ({v['cpu_s']:7.2f} s CPU)  "
                      f"peak {v['peak_mb']:7.0f} MB, pss {v.get('pss_mb', 0):7.0f} MB "
                      f"(maxrss so far {v['maxrss_mb']:.0f} MB)")
            for fmt, at in ours.get("written_at", {}).items():
                print(f"    {fmt} done at {at:.2f} s")
        peak = ours["peak_mb"]
        print(f"  TOTAL {ours['total']:.2f} s, peak {peak:.0f} MB"
              + (f", pss {ours['pss_mb']:.0f} MB" if "pss_mb" in ours else "")
              + (f" (maxrss self {ours['maxrss_mb']:.0f} MB, largest child "
                 f"{ours['children_maxrss_mb']:.0f} MB)" if "maxrss_mb" in ours else ""),
              flush=True)
        base_text, ratio = "-", "-"
        if not args.no_baseline and args.until == "all":
            base = _child("baseline", folder, args.seed, cap=args.baseline_cap)
            base_text, ratio = _baseline_text(base, ours["total"])
            done = base.get("done") or base.get("stages") or {}
            print(f"  networkx baseline: {base_text} "
                  f"({', '.join(f'{k} {v:.1f}s' for k, v in done.items()) or 'nothing done'}); "
                  f"ratio {ratio}", flush=True)
        rows.append([f"{ours.get('actors', n):,}", f"{ours.get('ties', '?'):,}"
                     if isinstance(ours.get("ties"), int) else "?",
                     *([f"{stages['load']['s']:.1f}", f"{stages['build']['s']:.1f}",
                        f"{_stage_sum(stages, 'analyse'):.1f}",
                        f"{_stage_sum(stages, 'write'):.1f}"] if stages else ["-"] * 4),
                     f"{ours['total']:.1f}", f"{peak:,.0f}", base_text, ratio])
    if len(totals) > 1:
        keys = sorted(totals)
        for a, b in zip(keys, keys[1:], strict=False):
            print(f"  time({b})/time({a}) = {totals[b] / totals[a]:.2f} "
                  f"(work {b / a:.2f}x)")
    if args.markdown:
        print("\n" + "\n".join(f"- {k}: {v}" for k, v in facts.items()))
        print(f"\nCity: {args.city}; mode: {args.mode}; seed {args.seed}.\n")
        print("| actors | ties | load s | build s | analyse s | write s | total s | peak MB "
              "| networkx | ratio |")
        print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for row in rows:
            print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
