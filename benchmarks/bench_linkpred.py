"""Link prediction: does the combined score beat plain Adamic-Adar, and does it scale?

Usage (from the repository root)::

    .venv/bin/python benchmarks/bench_linkpred.py                  # full run
    .venv/bin/python benchmarks/bench_linkpred.py --quick          # small, for CI smoke

**Evaluation.** For every bundled dataset and for generated networks
(`wijkgraph.sources.bundled.synthetic(n, seed=...)`), hide 10% of the ties (seeded, repeated),
score what is left, and measure how well each method finds the hidden ties back:

* AUC: the chance that a hidden tie outscores an unlinked pair drawn at random (20 per
  hidden tie), ties counted half;
* precision@k: the share of hidden ties among the k best-scored unlinked pairs, with k =
  the number of hidden ties (random tie-breaking, seeded).

Methods: ``adamic_adar`` (plain), ``combined`` (wijkgraph's default weights), and two
ablations: ``no_policy`` (without the crossing-domains and expected-pair preferences) and
``structure_themes`` (Adamic-Adar + themes only). The generated networks use seeds that
were *not* used to choose the weights (those were chosen on the bundled datasets and
``synthetic(300, seed=0/1)``).

**Scaling.** On ``synthetic(30000)`` it times the preparation (sparse matrices), scoring
all candidate pairs (distance two or a shared meeting) and picking the top 10, and
reports the number of pairs scored.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from wijkgraph.analysis.linkpred import (  # noqa: E402
    ADAMIC_ADAR,
    Weights,
    candidate_pairs,
    combine,
    evaluate_link_prediction,
    prepare,
    score_parts,
    suggest_links,
    with_weights,
)
from wijkgraph.analysis.roles import recognise_roles  # noqa: E402
from wijkgraph.reference import load_reference  # noqa: E402
from wijkgraph.sources.bundled import dataset_names, load_dataset, synthetic  # noqa: E402

EXTRA = {
    "no_policy": with_weights(Weights(), cross_domain=0.0, expected=0.0),
    "structure_themes": with_weights(ADAMIC_ADAR, theme=Weights().theme),
}


def evaluate(repeats: int, sizes: list[tuple[int, int]], seed: int = 0) -> pd.DataFrame:
    """Mean AUC and precision@k per network and method."""
    ref = load_reference()
    rows = []
    nets = [(name, lambda name=name: load_dataset(name)) for name in dataset_names()]
    nets += [(f"synthetic({n}, seed={s})", lambda n=n, s=s: synthetic(n, seed=s))
             for n, s in sizes]
    for label, make in nets:
        network = make()
        roles = recognise_roles(network, reference=ref)
        t0 = time.perf_counter()
        ev = evaluate_link_prediction(network, fraction=0.1, repeats=repeats, seed=seed,
                                      roles=roles, reference=ref, extra=EXTRA)
        took = time.perf_counter() - t0
        for rec in ev.summary().to_dict("records"):
            rows.append({"network": label, "actors": network.n_actors,
                         "ties": network.graph.number_of_edges(), **rec, "seconds": took})
    return pd.DataFrame(rows)


def scaling(n: int, seed: int = 0) -> dict[str, float]:
    """Seconds to prepare, score all candidate pairs, and pick the top 10 at n actors."""
    network = synthetic(n, seed=seed)
    t0 = time.perf_counter()
    feat = prepare(network.graph)
    t1 = time.perf_counter()
    rows, cols = candidate_pairs(feat)
    parts = score_parts(feat, rows, cols)
    combine(parts, Weights())
    t2 = time.perf_counter()
    top = suggest_links(network, top=10, features=feat)
    t3 = time.perf_counter()
    return {"actors": n, "ties": network.graph.number_of_edges(), "pairs_scored": len(rows),
            "prepare_s": t1 - t0, "score_all_pairs_s": t2 - t1,
            "suggest_top10_s (again, incl. reasons)": t3 - t2,
            "total_s": t1 - t0 + t3 - t2, "first": f"{top.items[0].source_name} - "
                                                   f"{top.items[0].target_name}"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="3 repeats, small sizes only")
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--scale", type=int, default=30000, help="actors for the timing")
    args = parser.parse_args(argv)
    repeats = 3 if args.quick else args.repeats
    sizes = [(300, 7)] if args.quick else [(300, 7), (300, 8), (1000, 9), (3000, 11)]
    pd.set_option("display.width", 200)
    table = evaluate(repeats, sizes)
    cols = ["network", "actors", "ties", "method", "auc", "auc_sd", "precision_at_k",
            "precision_at_k_sd", "k"]
    print(f"Hidden-tie evaluation: 10% of ties hidden, {repeats} repeats, seed 0")
    print(table[cols].round(3).to_string(index=False))
    pivot = table.pivot_table(index="network", columns="method",
                              values=["auc", "precision_at_k"], sort=False)
    better_auc = (pivot[("auc", "combined")] > pivot[("auc", "adamic_adar")]).sum()
    better_p = (pivot[("precision_at_k", "combined")]
                >= pivot[("precision_at_k", "adamic_adar")]).sum()
    print(f"\ncombined beats Adamic-Adar on AUC in {better_auc}/{len(pivot)} networks, "
          f"precision@k at least equal in {better_p}/{len(pivot)}")
    print("mean over networks:")
    print(table.groupby("method", sort=False)[["auc", "precision_at_k"]].mean().round(3)
          .to_string())
    if not args.quick:
        print(f"\nScaling at {args.scale} actors:")
        for key, value in scaling(args.scale).items():
            print(f"  {key}: {value:.2f}" if isinstance(value, float) else f"  {key}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
