"""Networks with long routes (a chain, a grid: thousands of route lengths) are not walked
layer by layer, which would cost (route lengths x ties): past `LAYER_LIMIT` steps a chunk
is computed one source at a time, with the same numbers."""

from __future__ import annotations

import igraph as ig
import networkx as nx
import numpy as np
import pytest
from scipy.sparse.csgraph import dijkstra

from wijkgraph.analysis import _route_layers
from wijkgraph.analysis._chunks import betweenness_chunk, harmonic_chunk, steps_chunk
from wijkgraph.analysis._route_layers import ArcLayers, TooDeep
from wijkgraph.analysis.engine import Engine


def _chain(n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    u = np.arange(n - 1)
    return u, u + 1, np.array([12, 6, 4, 3])[u % 4]  # strengths 1-4 along the chain


def test_the_walk_stops_past_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_route_layers, "LAYER_LIMIT", 30)
    u, v, length = _chain(50)
    with pytest.raises(TooDeep):
        ArcLayers.undirected(50, u, v, length).reach_sums([0])


def test_a_deep_chunk_is_computed_per_source(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_route_layers, "LAYER_LIMIT", 30)
    n = 120
    u, v, length = _chain(n)
    layers = ArcLayers.undirected(n, u, v, length)
    sources = [0, 17, 60, 119]
    g = ig.Graph(n=n, edges=list(zip(u.tolist(), v.tolist(), strict=True)))
    expected = np.asarray(g.betweenness(weights=length.astype(float).tolist(),
                                        sources=sources))
    got = betweenness_chunk({"layers": layers, "directed": False}, sources)
    assert np.allclose(got, expected, rtol=1e-12, atol=1e-12) and got.max() > 0
    d = dijkstra(layers.matrix(), directed=False, indices=sources)
    with np.errstate(divide="ignore"):
        harmonic = np.where(d > 0, 1 / d, 0).sum(axis=0)
    assert np.allclose(harmonic_chunk({"layers": layers}, sources), harmonic, rtol=1e-12)
    steps = ArcLayers.undirected(n, u, v, np.ones(n - 1))
    hops = np.abs(np.arange(n)[None, :] - np.array(sources)[:, None])
    assert steps_chunk({"layers": steps}, sources).tolist() == [
        float(hops.sum()), float((hops > 0).sum()), float(hops.max())]


def test_a_long_chain_city_is_fast_and_right(monkeypatch: pytest.MonkeyPatch) -> None:
    """3,000 actors in a chain (sampled: above EXACT_LIMIT): routes of up to 36,000
    length units. Walked layer by layer it would take minutes."""
    monkeypatch.setenv("WIJKGRAPH_WORKERS", "1")
    n = 3000
    g = nx.path_graph(n)
    for i, (a, b) in enumerate(g.edges()):
        g.edges[a, b]["weight"] = 1 + i % 4
    gave_up: list[int] = []
    walk = ArcLayers._walk

    def counted(self: ArcLayers, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        try:
            yield from walk(self, *args, **kwargs)  # type: ignore[arg-type]
        except TooDeep as deep:
            gave_up.append(deep.args[0])
            raise

    monkeypatch.setattr(ArcLayers, "_walk", counted)
    eng = Engine(g)
    between = eng.betweenness(seed=1).to_numpy()
    harmonic = eng.harmonic(seed=1).to_numpy()
    # every chunk gave up after LAYER_LIMIT steps (36,000 steps if walked to the end)
    assert gave_up and set(gave_up) == {_route_layers.LAYER_LIMIT + 1}
    for a, b, w in g.edges(data="weight"):
        g.edges[a, b]["d"] = 12 / w
    ref = nx.betweenness_centrality(g, k=eng.sample_size(), seed=1, weight="d")
    assert np.allclose(between, [ref[v] for v in g], rtol=1e-9, atol=1e-12)
    assert between.max() > 0.1  # the middle of a chain carries many routes
    assert np.all(np.isfinite(harmonic)) and harmonic.max() > 0
