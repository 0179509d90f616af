"""End-to-end benchmark of `wijkgraph analyse` on generated city networks.

Usage (from the repository root)::

    .venv/bin/python benchmarks/run.py                 # 300, 3,000 and 30,000 actors
    .venv/bin/python benchmarks/run.py --sizes 300,3000 --baseline-cap 120

For every size, one fresh subprocess generates `wijkgraph.sources.bundled.synthetic(n)`, writes
it as a CSV folder, and then times each stage: load (read + validate), build, every
analysis section (as `analyse` reports them), and every output writer. It prints seconds
per stage and the peak resident memory of that process. A second subprocess runs a plain
networkx pipeline computing the same heavy metrics (exact betweenness, harmonic closeness,
Burt constraint and effective size, Louvain, bridges, articulation points, Adamic-Adar for
all pairs at distance two); it is killed after `--baseline-cap` seconds and then reported
as "> cap". The last column is the ratio baseline / wijkgraph.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_wijkgraph(n: int, seed: int) -> dict:
    """Time every stage of the wijkgraph pipeline on a synthetic network of n actors."""
    from wijkgraph.analysis.run import analyse
    from wijkgraph.io import load_tables
    from wijkgraph.model.network import build_network
    from wijkgraph.render.outputs import FORMATS, WRITERS
    from wijkgraph.sources.generator import synthetic_frames

    stages: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "input"
        folder.mkdir()
        t = time.perf_counter()
        frames = synthetic_frames(n, seed=seed)
        for name, frame in frames.items():
            frame.to_csv(folder / f"{name}.csv", index=False)
        stages["generate (not counted)"] = time.perf_counter() - t
        start = time.perf_counter()
        t = time.perf_counter()
        tables = load_tables(folder)
        stages["load"] = time.perf_counter() - t
        t = time.perf_counter()
        network = build_network(tables)
        stages["build"] = time.perf_counter() - t
        marks: list[tuple[str, float]] = []
        t = time.perf_counter()
        result = analyse(network, seed=seed, progress=lambda s: marks.append((s, time.perf_counter())))
        end = time.perf_counter()
        for (name, at), (_next, nxt) in zip(marks, [*marks[1:], ("", end)], strict=True):
            stages[f"analyse: {name}"] = nxt - at
        out = Path(tmp) / "out"
        out.mkdir()
        for fmt in FORMATS:
            if fmt in WRITERS:
                t = time.perf_counter()
                WRITERS[fmt](network, result, out, "nl")
                stages[f"write: {fmt}"] = time.perf_counter() - t
        total = time.perf_counter() - start
    return {"n": n, "actors": network.n_actors, "ties": network.graph.number_of_edges(),
            "stages": stages, "total": total, "peak_mb": _peak_mb()}


def run_baseline(n: int, seed: int) -> dict:
    """A plain networkx pipeline computing the same heavy metrics."""
    import networkx as nx

    from wijkgraph.sources.bundled import synthetic

    g = synthetic(n, seed=seed).graph
    stages: dict[str, float] = {}
    start = time.perf_counter()

    def timed(name: str, func) -> None:  # noqa: ANN001
        t = time.perf_counter()
        func()
        stages[name] = time.perf_counter() - t
        print(json.dumps({"partial": name, "seconds": stages[name]}), flush=True)

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
    return {"n": n, "stages": stages, "total": time.perf_counter() - start, "peak_mb": _peak_mb()}


def _child(kind: str, n: int, seed: int, cap: float) -> dict:
    cmd = [sys.executable, __file__, "--child", kind, "--sizes", str(n), "--seed", str(seed)]
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=cap)
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
        done = [json.loads(x) for x in out.splitlines() if x.startswith('{"partial"')]
        return {"n": n, "capped": cap, "done": {d["partial"]: d["seconds"] for d in done}}
    if proc.returncode != 0:
        return {"n": n, "error": proc.stderr.strip().splitlines()[-1:] or ["?"]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="300,3000,30000")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--baseline-cap", type=float, default=300.0,
                        help="seconds after which the networkx baseline is stopped")
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--child", choices=["wijkgraph", "baseline"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.child:
        func = run_wijkgraph if args.child == "wijkgraph" else run_baseline
        print(json.dumps(func(sizes[0], args.seed)))
        return
    for n in sizes:
        ours = _child("wijkgraph", n, args.seed, cap=3600)
        if "error" in ours:
            print(f"n={n}: wijkgraph failed: {ours['error']}")
            continue
        print(f"\n== {n} actors ({ours['actors']} actors, {ours['ties']} ties) ==")
        for stage, sec in ours["stages"].items():
            print(f"  {stage:<40} {sec:8.2f} s")
        print(f"  {'TOTAL (load..write)':<40} {ours['total']:8.2f} s   peak {ours['peak_mb']:.0f} MB")
        if args.no_baseline:
            continue
        base = _child("baseline", n, args.seed, cap=args.baseline_cap)
        if "capped" in base:
            done = ", ".join(f"{k} {v:.1f}s" for k, v in base["done"].items())
            print(f"  networkx baseline: > {base['capped']:.0f} s (finished: {done or 'nothing'})")
            print(f"  ratio baseline / wijkgraph: > {base['capped'] / ours['total']:.1f}x")
        elif "error" in base:
            print(f"  networkx baseline failed: {base['error']}")
        else:
            print(f"  networkx baseline: {base['total']:.2f} s, peak {base['peak_mb']:.0f} MB "
                  f"({', '.join(f'{k} {v:.1f}s' for k, v in base['stages'].items())})")
            print(f"  ratio baseline / wijkgraph: {base['total'] / ours['total']:.1f}x")


if __name__ == "__main__":
    main()
