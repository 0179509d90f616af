"""Engine (igraph) versus networkx on generated city networks, and the sampling error.

Run from the repository root::

    .venv/bin/python benchmarks/bench_engine.py                      # 300, 3000, 30000
    .venv/bin/python benchmarks/bench_engine.py --sizes 300,3000 --cap 30
    .venv/bin/python benchmarks/bench_engine.py --accuracy 3000      # sampled vs exact

Times are CPU seconds of this process (both libraries are single-threaded here, so on an
idle machine they equal wall time; on a busy one they do not inflate). Each networkx
measurement runs in a forked child process with a wall-clock cap (``--cap`` seconds,
default 60); a run that hits the cap is reported as ``> cap``. networkx' effective size
needs about 14 GB at 30,000 actors (issue 8), so it is skipped above ``--nx-esize-limit``
actors. Both sides compute the same thing: above `wijkgraph.analysis.engine.EXACT_LIMIT` actors
betweenness is sampled (the same 256 sources on both sides) and harmonic closeness
sampled (128 sources); below it both are exact.

``--accuracy N`` compares the sampled estimates of the engine with its exact values on
``synthetic(N)``: Spearman rank correlation and overlap of the top 10. The table in
docs/metrics.md comes from ``benchmarks/bench_sampling.py`` (two generators, as the
analysis computes them).
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import time
from collections.abc import Callable
from typing import Any

import numpy as np
from scipy.stats import spearmanr

from wijkgraph.analysis.engine import EXACT_LIMIT, HARMONIC_SOURCES, SAMPLE_SOURCES, Engine
from wijkgraph.sources.bundled import synthetic

METRICS: list[tuple[str, dict[str, Any]]] = [
    ("betweenness", {}),
    ("harmonic", {}),
    ("constraint", {}),
    ("effective_size", {}),
    ("louvain", {}),
    ("bridges", {}),
    ("articulation_points", {}),
    ("pagerank", {}),
    ("core_number", {}),
    ("cut_off", {}),
]


_GRAPH: Any = None  # the network under test; forked children inherit it


def _run_nx(metric: str, kwargs: dict[str, Any], queue: Any) -> None:
    eng = Engine(_GRAPH, backend="networkx")
    eng.nx  # noqa: B018 - conversion is not part of the metric
    t = time.process_time()
    getattr(eng, metric)(**kwargs)
    queue.put(time.process_time() - t)


def time_networkx(metric: str, kwargs: dict[str, Any], cap: float) -> float | None:
    """Seconds networkx needs, or None when it hits `cap`."""
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    proc = ctx.Process(target=_run_nx, args=(metric, kwargs, queue))
    proc.start()
    proc.join(cap + 5)
    if proc.is_alive():
        proc.terminate()
        proc.join()
        return None
    return queue.get() if not queue.empty() else None


def timed(f: Callable[[], Any]) -> float:
    """CPU seconds of `f()` (robust to other processes on a shared machine)."""
    t = time.process_time()
    f()
    return time.process_time() - t


def compare(sizes: list[int], cap: float, nx_esize_limit: int, baseline: bool) -> None:
    for n in sizes:
        t = time.perf_counter()
        net = synthetic(n)
        build = time.perf_counter() - t
        global _GRAPH
        _GRAPH = net.graph
        print(f"\n== {n} actors, {net.graph.number_of_edges()} ties (generated in {build:.1f} s;"
              f" {'sampled' if n > EXACT_LIMIT else 'exact'} betweenness/closeness)")
        eng = Engine(net.graph)
        conv = timed(lambda eng=eng: eng.ig)
        print(f"{'metric':22s} {'engine':>9s} {'networkx':>10s} {'ratio':>7s}")
        print(f"{'convert to igraph':22s} {conv:8.2f}s")
        tot_e = conv
        tot_n = 0.0
        capped = False
        for metric, kwargs in METRICS:
            te = timed(lambda e=eng, m=metric, k=kwargs: getattr(e, m)(**k))
            tot_e += te
            if not baseline:
                print(f"{metric:22s} {te:8.2f}s")
                continue
            if metric == "effective_size" and n > nx_esize_limit:
                print(f"{metric:22s} {te:8.2f}s {'skipped':>10s}   (networkx ~14 GB here)")
                capped = True
                continue
            tn = time_networkx(metric, kwargs, cap)
            if tn is None:
                capped = True
                tot_n += cap
                over, ratio = f"> {cap:.0f}s", f"> {cap / te:.0f}"
                print(f"{metric:22s} {te:8.2f}s {over:>10s} {ratio:>7s}")
            else:
                tot_n += tn
                print(f"{metric:22s} {te:8.2f}s {tn:9.2f}s {tn / te:7.0f}")
        more = ">" if capped else ""
        print(f"{'TOTAL':22s} {tot_e:8.2f}s {more + format(tot_n, '.1f') + 's' if baseline else '':>10s}")


def accuracy(n: int, seed: int = 0) -> None:
    """Sampled versus exact betweenness and harmonic closeness on synthetic(n)."""
    net = synthetic(n)
    eng = Engine(net.graph)
    rows = [("betweenness", SAMPLE_SOURCES), ("harmonic", HARMONIC_SOURCES),
            ("harmonic", SAMPLE_SOURCES)]
    print(f"\n== sampled vs exact on synthetic({n}): {net.graph.number_of_edges()} ties")
    print(f"{'measure':12s} {'sources':>7s} {'spearman':>9s} {'top10':>6s} {'top50':>6s} "
          f"{'median rel. err (top 100)':>26s} {'t exact':>8s} {'t sampled':>10s}")
    exact_time: dict[str, float] = {}
    for metric, k in rows:
        t = time.perf_counter()
        exact = getattr(eng, metric)(k=n)
        te = exact_time.setdefault(metric, time.perf_counter() - t)
        t = time.perf_counter()
        est = getattr(eng, metric)(k=k, seed=seed)
        ts = time.perf_counter() - t
        rho = spearmanr(exact, est).statistic
        top = exact.sort_values(ascending=False)
        top_e = est.sort_values(ascending=False)
        o10 = len(set(top.index[:10]) & set(top_e.index[:10]))
        o50 = len(set(top.index[:50]) & set(top_e.index[:50]))
        idx = top.index[:100]
        rel = np.median(np.abs(est[idx] - exact[idx]) / exact[idx])
        print(f"{metric:12s} {k:7d} {rho:9.3f} {o10:4d}/10 {o50:4d}/50 {rel:26.3f} "
              f"{te:7.2f}s {ts:9.2f}s")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="300,3000,30000")
    p.add_argument("--cap", type=float, default=60.0, help="networkx time cap per metric (s)")
    p.add_argument("--nx-esize-limit", type=int, default=10_000)
    p.add_argument("--no-baseline", action="store_true", help="engine timings only")
    p.add_argument("--accuracy", type=int, default=0, metavar="N",
                   help="only measure sampled-vs-exact error on synthetic(N)")
    args = p.parse_args()
    if args.accuracy:
        accuracy(args.accuracy)
        return
    compare([int(s) for s in args.sizes.split(",")], args.cap, args.nx_esize_limit,
            not args.no_baseline)


if __name__ == "__main__":
    main()
