"""Link prediction: is the combined score no worse than plain Adamic-Adar, and does it scale?

Usage (from the repository root)::

    .venv/bin/python benchmarks/bench_linkpred.py                  # full run
    .venv/bin/python benchmarks/bench_linkpred.py --quick          # small, for CI smoke
    .venv/bin/python benchmarks/bench_linkpred.py --public-only    # the public networks

**Evaluation.** On public networks from elsewhere (`PUBLIC`: the classic ones networkx
ships), every bundled dataset and generated networks
(`wijkgraph.sources.bundled.synthetic(n, seed=...)`), hide 10% of the ties (10 seeded
repeats), score every unlinked pair of what is left, and measure how well each method finds
the hidden ties back (`wijkgraph.analysis.linkpred_evaluation`):

* AUC: the chance that a hidden tie outscores an unlinked pair, ties counted half; the
  negatives are all pairs not tied in the full network (up to 3,000 actors);
* precision@k: the share of hidden ties among the k best-scored unlinked pairs, with k =
  the number of hidden ties (random tie-breaking, seeded).

No leak through meetings: Davis' southern women is evaluated as two-mode data (women in
events, ties = co-attendance); a hidden co-attendance tie takes one of the two women out
of the events behind it. No weights are tuned here: the combined score drops, per
network, the parts that are not more common among its own remaining ties than among
random pairs (`informative_weights`), and is otherwise the default `Weights()`.

Methods: ``adamic_adar`` (plain), ``combined`` (wijkgraph's default: `Weights()` without
the parts that carry no information, as `suggest_links` scores), ``ungated`` (`Weights()`
as given, the score before issue 12), and two ablations: ``no_policy`` (without the
crossing-domains and expected-pair preferences) and ``structure_themes`` (Adamic-Adar +
themes only). The generated networks use seeds that were *not* used to choose the
weights (those were chosen on the bundled datasets and ``synthetic(300, seed=0/1)``).

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

import networkx as nx  # noqa: E402

from wijkgraph.analysis.linkpred import (  # noqa: E402
    ADAMIC_ADAR,
    Weights,
    candidate_pairs,
    combine,
    prepare,
    score_parts,
    suggest_links,
)
from wijkgraph.analysis.linkpred_evaluation import (  # noqa: E402
    evaluate_link_prediction,
    with_weights,
)
from wijkgraph.analysis.roles import recognise_roles  # noqa: E402
from wijkgraph.model.network import WijkNetwork, build_network  # noqa: E402
from wijkgraph.model.tables import tables_from_frames  # noqa: E402
from wijkgraph.reference import load_reference  # noqa: E402
from wijkgraph.sources.bundled import dataset_names, load_dataset, synthetic  # noqa: E402

EXTRA = {
    "ungated": Weights(),  # the default weights as given (before issue 12), for comparison
    "no_policy": with_weights(Weights(), cross_domain=0.0, expected=0.0),
    "structure_themes": with_weights(ADAMIC_ADAR, theme=Weights().theme),
}


def from_networkx(graph: nx.Graph, *, domain: str | None = None) -> WijkNetwork:
    """One actor per node (named by its label), its edges as ties; node attribute `domain`
    (e.g. karate's ``club``) as the actor's domain, to see what crossing domains does."""
    actors = pd.DataFrame({"name": [str(v) for v in graph.nodes],
                           "domain": [str(graph.nodes[v].get(domain, "")) if domain else ""
                                      for v in graph.nodes]})
    relations = pd.DataFrame([{"source": str(a), "target": str(b)} for a, b in graph.edges],
                             columns=["source", "target"])
    return build_network(tables_from_frames(actors, relations, source=graph.name or "graph"))


def two_mode(graph: nx.Graph) -> WijkNetwork:
    """A bipartite graph (``bipartite`` 0 = actors, 1 = events) as actors in meetings, the
    ties being co-participation (``meeting_ties=True``): every tie comes from a meeting."""
    people = [v for v, d in graph.nodes(data=True) if d.get("bipartite") == 0]
    events = [v for v, d in graph.nodes(data=True) if d.get("bipartite") == 1]
    actors = pd.DataFrame({"name": [str(v) for v in people]})
    meetings = pd.DataFrame({"id": [f"e{i}" for i in range(len(events))],
                             "name": [str(e) for e in events]})
    eid = {e: f"e{i}" for i, e in enumerate(events)}
    part = pd.DataFrame([{"actor": str(p), "meeting": eid[e]} for p in people
                         for e in graph[p]], columns=["actor", "meeting"])
    tables = tables_from_frames(actors, pd.DataFrame(columns=["source", "target"]), meetings,
                                part, source="davis")
    return build_network(tables, meeting_ties=True)


#: Networks from elsewhere (label -> maker); none was used to choose a weight.
PUBLIC = {
    "karate (Zachary)": lambda: from_networkx(nx.karate_club_graph()),
    "karate, club as domain": lambda: from_networkx(nx.karate_club_graph(), domain="club"),
    "les misérables": lambda: from_networkx(nx.les_miserables_graph()),
    "florentine families (Padgett)": lambda: from_networkx(nx.florentine_families_graph()),
    "davis southern women, projected": lambda: from_networkx(
        nx.projected_graph(nx.davis_southern_women_graph(), [
            v for v, d in nx.davis_southern_women_graph().nodes(data=True)
            if d["bipartite"] == 0])),
    "davis southern women, two-mode": lambda: two_mode(nx.davis_southern_women_graph()),
}


#: Davis two-mode with the meetings of hidden ties kept: how much that would leak.
LEAKY = "davis two-mode, meetings kept (leaks; not counted)"


def evaluate(repeats: int, sizes: list[tuple[int, int]], seed: int = 0, *,
             public_only: bool = False) -> pd.DataFrame:
    """Mean AUC and precision@k per network and method."""
    ref = load_reference()
    rows = []
    nets = [(label, make) for label, make in PUBLIC.items()]
    if not public_only:
        nets += [(name, lambda name=name: load_dataset(name)) for name in dataset_names()]
        nets += [(f"synthetic({n}, seed={s})", lambda n=n, s=s: synthetic(n, seed=s))
                 for n, s in sizes]
    nets.append((LEAKY, PUBLIC["davis southern women, two-mode"]))
    for label, make in nets:
        network = make()
        roles = recognise_roles(network, reference=ref)
        t0 = time.perf_counter()
        ev = evaluate_link_prediction(network, fraction=0.1, repeats=repeats, seed=seed,
                                      roles=roles, reference=ref, extra=EXTRA,
                                      hide_meetings=label != LEAKY)
        took = time.perf_counter() - t0
        for rec in ev.summary().to_dict("records"):
            rows.append({"network": label, "public": label in PUBLIC if label != LEAKY else None,
                         "actors": network.n_actors,
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
    parser.add_argument("--public-only", action="store_true", help="only the public networks")
    args = parser.parse_args(argv)
    repeats = 3 if args.quick else args.repeats
    sizes = [(300, 7)] if args.quick else [(300, 7), (300, 8), (1000, 9), (3000, 11)]
    pd.set_option("display.width", 200)
    table = evaluate(repeats, sizes, public_only=args.public_only)
    cols = ["network", "actors", "ties", "method", "auc", "auc_sd", "precision_at_k",
            "precision_at_k_sd", "k"]
    print(f"Hidden-tie evaluation: 10% of ties hidden, {repeats} repeats, seed 0")
    print(table[cols].round(3).to_string(index=False))
    pivot = table.pivot_table(index="network", columns="method",
                              values=["auc", "precision_at_k"], sort=False)
    pivot = pivot.drop(index=LEAKY)
    better_auc = (pivot[("auc", "combined")] > pivot[("auc", "adamic_adar")]).sum()
    better_p = (pivot[("precision_at_k", "combined")]
                >= pivot[("precision_at_k", "adamic_adar")]).sum()
    print(f"\ncombined beats Adamic-Adar on AUC in {better_auc}/{len(pivot)} networks, "
          f"precision@k at least equal in {better_p}/{len(pivot)}")
    for public, label in ((True, "public networks"), (False, "wijk networks")):
        part = table[table["public"] == public]
        if len(part):
            print(f"mean over {label}:")
            print(part.groupby("method", sort=False)[["auc", "precision_at_k"]].mean().round(3)
                  .to_string())
    if not (args.quick or args.public_only):
        print(f"\nScaling at {args.scale} actors:")
        for key, value in scaling(args.scale).items():
            print(f"  {key}: {value:.2f}" if isinstance(value, float) else f"  {key}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
