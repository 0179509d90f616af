"""The igraph engine against networkx, the reference, on tiny graphs, random graphs and a dataset."""

from __future__ import annotations

import random

import networkx as nx
import numpy as np
import pytest

from tests.graphs import GRAPHS, borgatti
from wijkgraph.analysis import engine as engine_mod
from wijkgraph.analysis import engine_directed as directed_mod
from wijkgraph.analysis.engine import Engine, engine_for

SERIES_METRICS = [
    ("degree", {}),
    ("strength", {}),
    ("betweenness", {}),
    ("betweenness", {"weighted": False}),
    ("harmonic", {}),
    ("harmonic", {"weighted": False}),
    ("pagerank", {}),
    ("pagerank", {"weighted": False}),
    ("core_number", {}),
    ("constraint", {}),
    ("constraint", {"weighted": False}),
    ("effective_size", {}),
    ("effective_size", {"weighted": False}),
    ("cut_off", {}),
]


def assert_same(graph: nx.Graph, metrics=SERIES_METRICS) -> None:
    fast, ref = Engine(graph), Engine(graph, backend="networkx")
    for name, kwargs in metrics:
        a = getattr(fast, name)(**kwargs)
        b = getattr(ref, name)(**kwargs)
        assert list(a.index) == list(b.index) == list(graph.nodes)
        np.testing.assert_allclose(a.to_numpy(), b.to_numpy(), rtol=1e-6, atol=1e-9,
                                   err_msg=f"{name} {kwargs}")
    assert fast.bridges() == ref.bridges()
    assert fast.articulation_points() == ref.articulation_points()


def random_weighted(seed: int, n: int = 25, m: int = 40) -> nx.Graph:
    g = nx.gnm_random_graph(n, m, seed=seed)
    g = nx.relabel_nodes(g, {i: f"n{i:02d}" for i in g})
    g.add_node("isolate")
    rng = random.Random(seed)
    for u, v in g.edges:
        g[u][v]["weight"] = rng.choice([1, 2, 3, 4])
    return g


@pytest.mark.parametrize("name", sorted(GRAPHS))
def test_igraph_matches_networkx_on_tiny_graphs(name):
    assert_same(GRAPHS[name]().graph)


@pytest.mark.parametrize("seed", range(12))
def test_igraph_matches_networkx_on_random_graphs(seed):
    assert_same(random_weighted(seed))


def test_igraph_matches_networkx_on_a_bundled_dataset():
    datasets = pytest.importorskip("wijkgraph.sources.bundled")
    if "utrecht-oost" not in datasets.dataset_names():
        pytest.skip("dataset utrecht-oost not bundled yet")
    assert_same(datasets.load_dataset("utrecht-oost").graph)


def test_sampled_estimates_match_networkx_with_the_same_sources():
    g = random_weighted(3, n=40, m=90)
    fast, ref = Engine(g), Engine(g, backend="networkx")
    for kwargs in ({"k": 9, "seed": 4}, {"k": 9, "seed": 4, "weighted": False}):
        np.testing.assert_allclose(fast.betweenness(**kwargs).to_numpy(),
                                   ref.betweenness(**kwargs).to_numpy(), rtol=1e-9)
        np.testing.assert_allclose(fast.harmonic(**kwargs).to_numpy(),
                                   ref.harmonic(**kwargs).to_numpy(), rtol=1e-9)
    # networkx' own sampled, normalised estimate is the same number
    raw = nx.betweenness_centrality(g, k=9, seed=4, weight=None, normalized=True)
    np.testing.assert_allclose(fast.betweenness(k=9, seed=4, weighted=False).to_numpy(),
                               [raw[v] for v in g], rtol=1e-9)


def test_sampling_switches_on_above_the_documented_size(monkeypatch):
    g = random_weighted(1, n=30, m=60)
    monkeypatch.setattr(engine_mod, "EXACT_LIMIT", 10)
    eng = Engine(g)
    assert eng.sample_size() == engine_mod.SAMPLE_SOURCES
    assert eng.sample_size(k=5) == 5
    assert eng.sample_size(k=100) is None  # k >= n means exact
    # k >= n: exact values
    np.testing.assert_allclose(eng.betweenness(k=1000).to_numpy(),
                               Engine(g, backend="networkx").betweenness(k=1000).to_numpy())


def test_weights_outside_1_to_4_use_plain_inverse_distances():
    g, weights = borgatti()
    nx.set_edge_attributes(g, weights, "weight")
    eng = Engine(g)
    assert eng.scale == 1.0
    assert Engine(GRAPHS["barbell"]().graph).scale == 12.0
    assert_same(g)


@pytest.mark.parametrize("backend", ["igraph", "networkx"])
def test_borgatti_structural_holes(backend):
    """Published values (networkx' own tests, from UCINET and igraph)."""
    g, weights = borgatti()
    eng = Engine(g, backend=backend)
    esize = eng.effective_size(weighted=False)
    assert esize["G"] == pytest.approx(4.67, abs=1e-2)
    assert esize["A"] == pytest.approx(2.50, abs=1e-2)
    assert esize["C"] == pytest.approx(1, abs=1e-2)
    cons = eng.constraint(weighted=False)
    assert cons["G"] == pytest.approx(0.400, abs=1e-3)
    assert cons["A"] == pytest.approx(0.595, abs=1e-3)
    assert cons["C"] == pytest.approx(1, abs=1e-3)

    nx.set_edge_attributes(g, weights, "weight")
    eng = Engine(g, backend=backend)
    esize = eng.effective_size()
    assert esize["G"] == pytest.approx(5.47, abs=1e-2)
    assert esize["A"] == pytest.approx(2.47, abs=1e-2)
    assert esize["C"] == pytest.approx(1, abs=1e-2)
    cons = eng.constraint()
    assert cons["G"] == pytest.approx(0.299, abs=1e-3)
    assert cons["A"] == pytest.approx(0.795, abs=1e-3)
    assert cons["C"] == pytest.approx(1, abs=1e-3)


def test_isolates_get_nan_structural_holes():
    g, _ = borgatti()
    g.add_node("alone")
    for backend in ("igraph", "networkx"):
        eng = Engine(g, backend=backend)
        assert np.isnan(eng.effective_size()["alone"])
        assert np.isnan(eng.constraint()["alone"])


def test_eigenvector_matches_networkx_on_connected_graphs():
    for name in ("path", "star", "barbell", "kite", "triangle"):
        g = GRAPHS[name]().graph
        a = Engine(g).eigenvector()
        b = Engine(g, backend="networkx").eigenvector()
        np.testing.assert_allclose(a.to_numpy(), b.to_numpy(), rtol=1e-6, atol=1e-9)


def test_louvain_is_deterministic_and_leaves_random_state_alone():
    g = random_weighted(5, n=60, m=150)
    random.seed(123)
    before = random.random()
    random.seed(123)
    first = Engine(g).louvain(seed=7)
    assert random.random() == before
    assert Engine(g).louvain(seed=7) == first
    assert sum(len(c) for c in first) == g.number_of_nodes()
    # same quality as networkx' Louvain, give or take a local optimum
    ref = Engine(g, backend="networkx")
    q_nx = ref.modularity(ref.louvain(seed=7))
    q_ig = Engine(g).modularity(first)
    assert q_ig == pytest.approx(q_nx, abs=0.05)
    assert Engine(g).modularity(first) == pytest.approx(ref.modularity(first))


def test_louvain_finds_the_two_cliques():
    eng = Engine(GRAPHS["barbell"]().graph)
    parts = eng.louvain()
    assert {"Z1", "Z2", "Z3", "Z4"} <= max(parts, key=lambda c: "Z2" in c)
    assert {"W1", "W2", "W3", "W4"} <= max(parts, key=lambda c: "W2" in c)


def test_cut_off_and_curve_on_a_path():
    g = nx.path_graph(["a", "b", "c", "d", "e"])
    eng = Engine(g)
    assert eng.cut_off().tolist() == [0, 1, 2, 1, 0]
    assert eng.largest_component_curve(["c", "b"], [0, 1, 2]).tolist() == [5, 2, 2]


def test_cut_off_only_counts_the_largest_component():
    g = nx.Graph([("a", "b"), ("b", "c"), ("c", "d"), ("x", "y"), ("y", "z")])
    assert Engine(g).cut_off().to_dict() == {"a": 0, "b": 1, "c": 1, "d": 0, "x": 0, "y": 0,
                                             "z": 0}


def test_engine_for_caches_per_graph():
    g = nx.path_graph(4)
    assert engine_for(g) is engine_for(g)
    assert engine_for(nx.path_graph(4)) is not engine_for(g)


def test_engine_rejects_directed_graphs():
    with pytest.raises(TypeError):
        Engine(nx.DiGraph([(1, 2)]))


def test_louvain_order_makes_input_order_irrelevant():
    g = nx.barbell_graph(4, 1)  # the middle node can join either clique
    g = nx.relabel_nodes(g, {i: f"v{i}" for i in g})
    order = sorted(g)
    for backend in ("igraph", "networkx"):
        reversed_g = nx.Graph()
        reversed_g.add_nodes_from(list(g)[::-1])
        reversed_g.add_edges_from(list(g.edges)[::-1])
        a = Engine(g, backend=backend).louvain(order=order)
        b = Engine(reversed_g, backend=backend).louvain(order=order)
        assert sorted(map(sorted, a)) == sorted(map(sorted, b))
        assert sum(len(c) for c in a) == 9


def test_igraph_permute_vertices_convention():
    import igraph as ig

    # the engine relies on: permutation[new id] = old id
    assert ig.Graph(n=3, edges=[(0, 1)]).permute_vertices([2, 0, 1]).get_edgelist() == [(1, 2)]


# --- direction-aware engine --------------------------------------------------------------
def random_directed(seed: int, n: int = 20, m: int = 45) -> nx.DiGraph:
    g = nx.gnm_random_graph(n, m, seed=seed, directed=True)
    g = nx.relabel_nodes(g, {i: f"n{i:02d}" for i in g})
    g.add_node("isolate")
    rng = random.Random(seed)
    for u, v in g.edges:
        g[u][v]["weight"] = rng.choice([1, 2, 3, 4])
    return g


def assert_directed_against_networkx(dg: nx.DiGraph) -> None:
    """DirectedEngine (igraph) against networkx' own functions on the DiGraph itself."""
    eng = directed_mod.DirectedEngine(dg)
    n = dg.number_of_nodes()
    pr = nx.pagerank(dg, weight="weight", tol=1e-12, max_iter=1000)
    np.testing.assert_allclose(eng.pagerank().to_numpy(), [pr[v] for v in dg], atol=1e-6)
    pr0 = nx.pagerank(dg, weight=None, tol=1e-12, max_iter=1000)
    np.testing.assert_allclose(eng.pagerank(weighted=False).to_numpy(), [pr0[v] for v in dg],
                               atol=1e-6)
    # route length 1/strength, written 12/strength (the same routes, exact sums) as the
    # engine does: float sums such as 1/3 + 1/6 would split equally long routes
    dist = nx.DiGraph(dg)
    for _, _, d in dist.edges(data=True):
        d["length"] = 12 / d.get("weight", 1)
    for weighted, weight in ((True, "length"), (False, None)):
        bc = nx.betweenness_centrality(dist, weight=weight, normalized=True)
        np.testing.assert_allclose(eng.betweenness(weighted=weighted).to_numpy(),
                                   [bc[v] for v in dg], atol=1e-6)
    assert eng.betweenness().notna().all() and len(eng.betweenness()) == n
    ref = directed_mod.DirectedEngine(dg, backend="networkx")
    for kwargs in ({}, {"weighted": False}):
        np.testing.assert_allclose(eng.pagerank(**kwargs).to_numpy(),
                                   ref.pagerank(**kwargs).to_numpy(), atol=1e-6)
        np.testing.assert_allclose(eng.betweenness(**kwargs).to_numpy(),
                                   ref.betweenness(**kwargs).to_numpy(), atol=1e-9)


def test_directed_engine_on_a_referral_chain():
    # a -> b -> c -> d: b lies on a->c, a->d; c on a->d, b->d; 6 ordered pairs of others
    dg = nx.DiGraph([("a", "b"), ("b", "c"), ("c", "d")])
    eng = directed_mod.DirectedEngine(dg)
    assert eng.betweenness().tolist() == pytest.approx([0, 2 / 6, 2 / 6, 0])
    assert eng.pagerank().sum() == pytest.approx(1.0)
    assert eng.pagerank().idxmax() == "d"
    # undirected, the same path gives b and c 2 of the 3 unordered pairs
    assert Engine(nx.Graph(dg)).betweenness().tolist() == pytest.approx([0, 2 / 3, 2 / 3, 0])


@pytest.mark.parametrize("name", ["directed_chain", "barbell", "star", "kite"])
def test_directed_engine_matches_networkx_on_tiny_graphs(name):
    assert_directed_against_networkx(GRAPHS[name]().directed_graph())


@pytest.mark.parametrize("seed", range(6))
def test_directed_engine_matches_networkx_on_random_digraphs(seed):
    assert_directed_against_networkx(random_directed(seed))


@pytest.mark.parametrize("name", ["groz", "utrecht-oost"])
def test_directed_engine_matches_networkx_on_bundled_datasets(name):
    datasets = pytest.importorskip("wijkgraph.sources.bundled")
    net = datasets.load_dataset(name)
    dg = net.directed_graph()
    assert net.is_directed and any(not dg.has_edge(b, a) for a, b in dg.edges)
    assert_directed_against_networkx(dg)


def test_directed_sampled_betweenness_matches_networkx(monkeypatch):
    dg = random_directed(2, n=40, m=120)
    eng = directed_mod.DirectedEngine(dg)
    ref = directed_mod.DirectedEngine(dg, backend="networkx")
    for kwargs in ({"k": 9, "seed": 4}, {"k": 9, "seed": 4, "weighted": False}):
        np.testing.assert_allclose(eng.betweenness(**kwargs).to_numpy(),
                                   ref.betweenness(**kwargs).to_numpy(), rtol=1e-9)
    raw = nx.betweenness_centrality(dg, k=9, seed=4, weight=None, normalized=True)
    np.testing.assert_allclose(eng.betweenness(k=9, seed=4, weighted=False).to_numpy(),
                               [raw[v] for v in dg], rtol=1e-9)
    # above the same size threshold as the undirected engine, betweenness is sampled
    monkeypatch.setattr(engine_mod, "EXACT_LIMIT", 10)
    assert directed_mod.DirectedEngine(dg).sample_size() == engine_mod.SAMPLE_SOURCES
    assert Engine(nx.Graph(dg)).sample_size() == engine_mod.SAMPLE_SOURCES


def test_directed_engine_rejects_undirected_graphs_and_caches():
    with pytest.raises(TypeError):
        directed_mod.DirectedEngine(nx.Graph([(1, 2)]))
    dg = nx.DiGraph([(1, 2)])
    assert directed_mod.directed_engine_for(dg) is directed_mod.directed_engine_for(dg)
    assert directed_mod.DirectedEngine(nx.DiGraph()).pagerank().empty
