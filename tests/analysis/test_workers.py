"""Sampled centralities and resilience curves are the same on one core and on two."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from wijkgraph.analysis import _workers
from wijkgraph.analysis.engine import Engine


@pytest.fixture()
def graph() -> nx.Graph:
    g = nx.powerlaw_cluster_graph(400, 3, 0.3, seed=7)
    for i, (u, v) in enumerate(g.edges()):
        g.edges[u, v]["weight"] = 1 + i % 4
    return g


def _run(graph: nx.Graph, workers: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, np.ndarray]:
    monkeypatch.setenv(_workers.WORKERS_ENV, workers)
    monkeypatch.setattr(_workers, "PARALLEL_MIN_WORK", 0)
    eng = Engine(graph)
    order = np.argsort(-eng.degree().to_numpy(), kind="stable")
    return {
        "betweenness": eng.betweenness(k=64, seed=3).to_numpy(),
        "harmonic": eng.harmonic(k=32, seed=3).to_numpy(),
        "curve": eng.largest_component_curves([order], [0, 10, 50, 200, 399])[0],
    }


def test_one_and_two_workers_give_the_same_bits(graph: nx.Graph,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    one = _run(graph, "1", monkeypatch)
    two = _run(graph, "2", monkeypatch)
    for name in one:
        assert one[name].tobytes() == two[name].tobytes(), name


def test_sampled_betweenness_matches_networkx_estimate(graph: nx.Graph,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The chunked sum equals networkx' own sampled estimate with the same sources."""
    monkeypatch.setattr(_workers, "PARALLEL_MIN_WORK", 0)
    monkeypatch.setenv(_workers.WORKERS_ENV, "2")
    ours = Engine(graph).betweenness(weighted=False, k=64, seed=3)
    ref = nx.betweenness_centrality(graph, k=64, seed=3, normalized=True)
    assert np.allclose(ours.to_numpy(), [ref[v] for v in graph], atol=1e-9)


def test_curve_matches_removing_actors_one_by_one(graph: nx.Graph) -> None:
    eng = Engine(graph)
    order = list(np.argsort(-eng.degree().to_numpy(), kind="stable"))
    steps = [0, 5, 40, 120, 300]
    got = eng.largest_component_curves([np.array(order)], steps)[0]
    nodes = list(graph)
    want = []
    for k in steps:
        h = graph.copy()
        h.remove_nodes_from(nodes[i] for i in order[:k])
        want.append(max((len(c) for c in nx.connected_components(h)), default=0))
    assert got.tolist() == want


def test_small_and_large_curve_methods_agree(graph: nx.Graph,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Union-find (small networks) and spanning forest + scipy (large) give the same sizes."""
    from wijkgraph.analysis import _chunks

    eng = Engine(graph)
    rng = np.random.default_rng(5)
    orders = [rng.permutation(eng.n)[:300] for _ in range(4)]
    steps = [0, 1, 7, 50, 150, 299, 300]
    small = eng.largest_component_curves(orders, steps)
    monkeypatch.setattr(_chunks, "SMALL_CURVE", 0)
    large = eng.largest_component_curves(orders, steps)
    assert [s.tolist() for s in small] == [x.tolist() for x in large]
