"""Route lengths from many sources at once (`ArcLayers`) against one source at a time.

The sampled harmonic closeness and route steps of networks above `EXACT_LIMIT` use
`ArcLayers`; these tests check its lengths against scipy's Dijkstra and breadth-first
search (independent computations), on graphs with several parts, more than 64 sources
(two words of bits) and one-way arcs, and the engine's estimate against the per-source
computation it replaced.
"""

from __future__ import annotations

import igraph as ig
import networkx as nx
import numpy as np
import pytest
import scipy.sparse as sp
from scipy.sparse.csgraph import dijkstra

from wijkgraph.analysis import engine as engine_mod
from wijkgraph.analysis._route_layers import MAX_LENGTH, ArcLayers, small_lengths
from wijkgraph.analysis.engine_directed import DirectedEngine


def _random_ties(n: int, m: int, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    u, v = rng.integers(0, n, m), rng.integers(0, n, m)
    keep = u != v
    lengths = rng.choice([3, 4, 6, 12], size=m)
    return u[keep], v[keep], lengths[keep]


def _dijkstra(n: int, tail: np.ndarray, head: np.ndarray, lengths: np.ndarray,
              sources: list[int]) -> np.ndarray:
    # duplicate arcs: a csr matrix would add their lengths; keep the shortest instead
    dense_min = {}
    for t, h, ln in zip(tail.tolist(), head.tolist(), lengths.tolist(), strict=True):
        dense_min[(t, h)] = min(ln, dense_min.get((t, h), ln))
    keys = np.array(list(dense_min), dtype=np.int64).reshape(-1, 2)
    vals = np.array(list(dense_min.values()), dtype=float)
    g = sp.csr_array((vals, (keys[:, 0], keys[:, 1])), shape=(n, n))
    return dijkstra(g, directed=True, indices=sources)


@pytest.mark.parametrize("directed", [False, True])
def test_harmonic_sums_match_dijkstra_per_source(directed: bool) -> None:
    n = 1_500
    u, v, lengths = _random_ties(n, 2_400, seed=7)   # sparse: several parts, isolates
    sources = np.random.default_rng(1).choice(n, 100, replace=False).tolist()  # 2 words
    lay = (ArcLayers(n, u, v, lengths) if directed
           else ArcLayers.undirected(n, u, v, lengths))
    tail, head = (u, v) if directed else (np.r_[u, v], np.r_[v, u])
    d = _dijkstra(n, tail, head, lengths if directed else np.r_[lengths, lengths], sources)
    with np.errstate(divide="ignore"):
        expected = np.where((d > 0) & np.isfinite(d), 1.0 / d, 0.0).sum(axis=0)
    assert np.isinf(d).any() and (expected > 0).sum() > n // 2
    np.testing.assert_allclose(lay.harmonic_sums(sources), expected, rtol=1e-12, atol=0)
    # the layers are the exact lengths: every (source, actor) pair at its Dijkstra length
    seen = np.full((len(sources), n), np.inf)
    for t, bits in lay.layers(sources):
        for j in range(len(sources)):
            seen[j, (bits[j // 64] >> np.uint64(j % 64)) & np.uint64(1) == 1] = t
    seen[np.arange(len(sources)), sources] = 0
    np.testing.assert_array_equal(seen, d)


def test_reach_sums_are_breadth_first_steps() -> None:
    g = nx.connected_watts_strogatz_graph(800, 4, 0.05, seed=3)
    g.add_edges_from([(900, 901), (901, 902)])     # a second part, not reached
    n = max(g) + 1
    u, v = (np.array(x) for x in zip(*g.edges, strict=True))
    sources = list(range(0, 800, 7))
    total, count, longest = ArcLayers.undirected(n, u, v, np.ones(len(u))).reach_sums(sources)
    steps = [d for s in sources
             for d in nx.single_source_shortest_path_length(g, s).values() if d > 0]
    assert (total, count, longest) == (sum(steps), len(steps), max(steps))


def test_small_lengths_only_takes_whole_numbers_in_range() -> None:
    assert small_lengths(np.array([12.0, 6.0, 4.0, 3.0])).tolist() == [12, 6, 4, 3]
    assert small_lengths(np.array([1.0, 0.5])) is None
    assert small_lengths(np.array([float(MAX_LENGTH + 1)])) is None
    assert small_lengths(np.array([0.0])) is None
    assert small_lengths(np.array([])).tolist() == []


def test_no_sources_or_no_ties_give_nothing() -> None:
    lay = ArcLayers.undirected(4, np.array([0]), np.array([1]), np.array([2]))
    assert lay.reach_sums([]) == (0, 0, 0)
    empty = ArcLayers.undirected(3, np.array([], dtype=int), np.array([], dtype=int),
                                 np.array([], dtype=int))
    assert empty.harmonic_sums([0, 1]).tolist() == [0.0, 0.0, 0.0]


@pytest.mark.parametrize("weights", [(1, 2, 3, 4), (0.5, 1.5, 2.5)])
def test_sampled_harmonic_equals_one_dijkstra_per_source(weights: tuple[float, ...],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Above EXACT_LIMIT (here 3,000 actors), the estimate from the layers (strengths
    1-4) or scipy (other strengths) equals the per-source Dijkstra sum it replaced."""
    g = nx.connected_watts_strogatz_graph(3_000, 6, 0.1, seed=11)
    rng = np.random.default_rng(2)
    for a, b in g.edges:
        g.edges[a, b]["weight"] = float(rng.choice(weights))
    monkeypatch.setenv("WIJKGRAPH_WORKERS", "1")
    eng = engine_mod.Engine(g)
    assert eng.n > engine_mod.EXACT_LIMIT
    got = eng.harmonic(seed=4).to_numpy()
    src = eng.sources(engine_mod.HARMONIC_SOURCES, 4)
    d = dijkstra(eng.adjacency(distances=True), directed=False, indices=src)
    with np.errstate(divide="ignore"):
        total = np.where((d > 0) & np.isfinite(d), 1.0 / d, 0.0).sum(axis=0) * eng.scale
    counts = np.full(eng.n, float(len(src)))
    counts[src] -= 1
    np.testing.assert_allclose(got, total / counts, rtol=1e-9, atol=0)
    assert got.min() > 0


@pytest.mark.parametrize("directed", [False, True])
def test_betweenness_matches_igraph_per_source(directed: bool) -> None:
    """Brandes' passes for 64 sources at once give igraph's unscaled betweenness from the
    same sources, also where routes tie (whole lengths 3-12) and parts are unreached."""
    n = 1_200
    u, v, lengths = _random_ties(n, 2_600, seed=5)
    pairs = {}
    for a, b, ln in zip(u.tolist(), v.tolist(), lengths.tolist(), strict=True):
        key = (a, b) if directed else (min(a, b), max(a, b))
        pairs.setdefault(key, ln)                        # a simple graph: first tie wins
    ends = np.array(list(pairs), dtype=np.int64)
    lengths = np.array(list(pairs.values()), dtype=np.int64)
    sources = np.random.default_rng(3).choice(n, 64, replace=False).tolist()
    lay = ArcLayers(n, ends[:, 0], ends[:, 1], lengths, both_ways=not directed)
    g = ig.Graph(n=n, edges=ends.tolist(), directed=directed)
    expected = np.asarray(g.betweenness(directed=directed, weights=lengths.tolist(),
                                        sources=sources))
    got = lay.betweenness(sources) / (1 if directed else 2)
    assert (expected > 0).sum() > n // 3
    np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-9)
    with pytest.raises(ValueError):
        lay.betweenness(list(range(65)))


@pytest.mark.parametrize("weighted", [True, False])
def test_sampled_estimates_match_networkx_above_the_limit(weighted: bool,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Above EXACT_LIMIT the layered estimates are networkx' with the same sources."""
    monkeypatch.setattr(engine_mod, "EXACT_LIMIT", 20)
    rng = np.random.default_rng(8)
    g = nx.gnm_random_graph(60, 150, seed=8)
    dg = nx.gnm_random_graph(60, 200, seed=9, directed=True)
    for graph in (g, dg):
        for a, b in graph.edges:
            graph.edges[a, b]["weight"] = int(rng.integers(1, 5))
    kw = {"weighted": weighted, "k": 40, "seed": 2}
    for fast, ref in ((engine_mod.Engine(g), engine_mod.Engine(g, backend="networkx")),
                      (DirectedEngine(dg), DirectedEngine(dg, backend="networkx"))):
        assert fast._betweenness_job(weighted, 40, 2)[0].payload.get("layers") is not None
        np.testing.assert_allclose(fast.betweenness(**kw).to_numpy(),
                                   ref.betweenness(**kw).to_numpy(), rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(engine_mod.Engine(g).harmonic(**kw).to_numpy(),
                               engine_mod.Engine(g, backend="networkx").harmonic(**kw).to_numpy(),
                               rtol=1e-9)


def test_sampled_betweenness_equals_igraph_per_source_on_3000_actors(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """On a few-thousand-actor network above EXACT_LIMIT the estimate equals the one from
    igraph's per-source passes (the computation it replaced) to 1e-9."""
    g = nx.powerlaw_cluster_graph(3_000, 3, 0.3, seed=12)
    for i, (a, b) in enumerate(g.edges):
        g.edges[a, b]["weight"] = 1 + (i * 7) % 4
    monkeypatch.setenv("WIJKGRAPH_WORKERS", "1")
    eng = engine_mod.Engine(g)
    got = eng.betweenness(seed=1).to_numpy()
    monkeypatch.setattr(engine_mod, "EXACT_LIMIT", 10**6)   # the igraph path, same sources
    old = engine_mod.Engine(g)
    job, finish = old._betweenness_job(True, engine_mod.SAMPLE_SOURCES, 1)
    assert job.payload.get("layers") is None
    expected = finish([job.fn(job.payload, *args) for args in job.chunks]).to_numpy()
    np.testing.assert_allclose(got, expected, rtol=1e-9, atol=1e-15)
    assert (got > 0).sum() > 1_000
