"""The measured error of the sampled betweenness and closeness, against exact values.

Above `wijkgraph.analysis.engine.EXACT_LIMIT` actors the analysis estimates betweenness
(`SAMPLE_SOURCES` sources) and harmonic closeness (`HARMONIC_SOURCES` sources), and the
betweenness along the arrows of a directed network likewise. This script builds a city with
the project's own generator and one with the independent generator in
``benchmarks/other_city.py``, reads each through the same path as the command
(``load_tables`` + ``build_network``), computes the estimates exactly as the analysis does
(`wijkgraph.analysis.centrality.centralities`: default sample, the given seed) and the
exact values (the same engine with every actor a source: igraph's exact algorithms), and
prints per measure: Spearman rank correlation, how many of the exact top 10 and top 50
are in the estimated top 10 and top 50, and the median relative error over the exact top
100. The sample size is the default; it is not tuned on this data.

Run from the repository root::

    .venv/bin/python benchmarks/bench_sampling.py                 # 3,000 actors, seed 0
    .venv/bin/python benchmarks/bench_sampling.py --actors 5000 --seeds 0,1,2

The table (with the machine) is in docs/metrics.md, "Sampling above 2,000 actors".
"""

from __future__ import annotations

import argparse
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from scipy.stats import spearmanr

HERE = Path(__file__).resolve().parent


def city(kind: str, n: int, seed: int, folder: Path) -> Any:
    """The network of a generated city (`kind` "own" or "other"), read like the command does."""
    from wijkgraph.io import load_tables
    from wijkgraph.model.network import build_network

    sys.path.insert(0, str(HERE))
    from run import make_city  # the folders benchmarks/run.py writes, the same way

    make_city(kind, n, seed, folder)
    return build_network(load_tables(folder), meta={"source": str(folder)})


def top_overlap(exact: pd.Series, estimate: pd.Series, k: int) -> int:
    """How many of the `k` highest exact values are among the `k` highest estimates
    (ties: in actor order, as the report sorts them stably)."""
    first = exact.sort_values(ascending=False, kind="mergesort").index[:k]
    second = estimate.sort_values(ascending=False, kind="mergesort").index[:k]
    return len(set(first) & set(second))


def compare(exact: pd.Series, estimate: pd.Series) -> dict[str, float]:
    """Spearman, top-10 and top-50 overlap, median relative error over the exact top 100."""
    top = exact.sort_values(ascending=False, kind="mergesort").index[:100]
    wanted = exact[top].to_numpy()
    rel = np.abs(estimate[top].to_numpy() - wanted) / np.where(wanted > 0, wanted, np.nan)
    return {"spearman": float(spearmanr(exact.to_numpy(), estimate.to_numpy()).statistic),
            "top10": top_overlap(exact, estimate, 10), "top50": top_overlap(exact, estimate, 50),
            "rel_err": float(np.nanmedian(rel))}


def measure(network: Any, seed: int) -> list[dict[str, Any]]:
    """One row per sampled measure of `network`: its error against the exact values."""
    from wijkgraph.analysis import engine as engine_mod
    from wijkgraph.analysis.centrality import centralities, directed_engine_of
    from wijkgraph.analysis.engine import engine_for

    eng = engine_for(network.graph)
    t = time.perf_counter()
    table = centralities(network, seed=seed).per_actor.set_index("id")  # as the analysis does
    t_sampled = time.perf_counter() - t
    exact_of: dict[str, Any] = {
        "betweenness": lambda: eng.betweenness(k=eng.n),
        "harmonic": lambda: eng.harmonic(k=eng.n),
    }
    sources = {"betweenness": engine_mod.SAMPLE_SOURCES, "harmonic": engine_mod.HARMONIC_SOURCES}
    if network.is_directed:
        deng = directed_engine_of(network)
        exact_of["betweenness_directed"] = lambda: deng.betweenness(k=deng.n)
        sources["betweenness_directed"] = engine_mod.SAMPLE_SOURCES
    rows = []
    for measure_name, exact in exact_of.items():
        t = time.perf_counter()
        values = exact()
        took = time.perf_counter() - t
        estimate = table[measure_name].reindex(values.index)
        rows.append({"measure": measure_name, "sources": sources[measure_name],
                     **compare(values, estimate), "t_exact": took})
    rows[0]["t_sampled_all"] = t_sampled
    return rows


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--actors", type=int, default=3000)
    p.add_argument("--seeds", default="0", help="comma-separated sampling (and city) seeds")
    args = p.parse_args()
    from wijkgraph.analysis.engine import EXACT_LIMIT

    if args.actors <= EXACT_LIMIT:
        p.error(f"at most {EXACT_LIMIT} actors are computed exactly: nothing to measure")
    print(f"# {platform.processor() or platform.machine()}, Python {platform.python_version()}"
          f", {args.actors} actors")
    print(f"{'city':6s} {'seed':>4s} {'ties':>6s} {'measure':21s} {'sources':>7s} "
          f"{'spearman':>8s} {'top10':>6s} {'top50':>6s} {'med.rel.err':>11s} {'t exact':>8s}")
    with tempfile.TemporaryDirectory() as tmp:
        for kind in ("own", "other"):
            for seed in (int(s) for s in args.seeds.split(",")):
                net = city(kind, args.actors, seed, Path(tmp) / f"{kind}-{seed}")
                for row in measure(net, seed):
                    print(f"{kind:6s} {seed:4d} {net.graph.number_of_edges():6d} "
                          f"{row['measure']:21s} {row['sources']:7d} {row['spearman']:8.3f} "
                          f"{row['top10']:3d}/10 {row['top50']:3d}/50 {row['rel_err']:11.3f} "
                          f"{row['t_exact']:7.2f}s")


if __name__ == "__main__":
    main()
