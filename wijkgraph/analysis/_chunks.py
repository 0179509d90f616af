"""Chunks of shortest-path and component work that `Engine` spreads over the cores.

Each function takes the shared `payload` (set once per worker by
`wijkgraph.analysis._workers.map_chunks`) and one chunk of the work, and returns a
numpy array; the caller sums or stacks the chunks in a fixed order, so the result is
the same on one core or two.

Examples
--------
>>> import numpy as np
>>> u, v = np.array([0, 1]), np.array([1, 2])          # the path 0-1-2
>>> curve_chunk({"n": 3, "u": u, "v": v}, np.array([1]), [0, 1]).tolist()
[3, 1]
"""

from __future__ import annotations

import contextlib
from typing import Any

import igraph as ig
import numpy as np
import scipy.sparse as sp

from wijkgraph.analysis._route_layers import TooDeep


class ShippedGraph:
    """An igraph graph (edge attributes ``w`` and ``d``) that travels to workers as arrays.

    Pickling an igraph graph goes through Python lists (slow for a city); this sends the
    vertex count, edge ends and attributes as numpy arrays and builds the same graph (same
    edges in the same order, same attributes) where it is first used.

    >>> import pickle
    >>> sg = ShippedGraph(3, np.array([0, 1]), np.array([1, 2]), np.array([1.0, 2.0]),
    ...                   np.array([12.0, 6.0]), False)
    >>> pickle.loads(pickle.dumps(sg)).graph.get_edgelist(), sg.graph.es["d"]
    ([(0, 1), (1, 2)], [12.0, 6.0])
    """

    def __init__(self, n: int, u: np.ndarray, v: np.ndarray, w: np.ndarray, d: np.ndarray,
                 directed: bool, *, graph: ig.Graph | None = None) -> None:
        self.n, self.u, self.v, self.w, self.d, self.directed = n, u, v, w, d, directed
        self._graph = graph

    @property
    def graph(self) -> ig.Graph:
        if self._graph is None:
            g = ig.Graph(n=self.n, edges=list(zip(self.u.tolist(), self.v.tolist(), strict=True)),
                         directed=self.directed)
            g.es["w"] = self.w.tolist()
            g.es["d"] = self.d.tolist()
            self._graph = g
        return self._graph

    def __getstate__(self) -> dict[str, Any]:
        return {k: val for k, val in vars(self).items() if k != "_graph"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        vars(self).update(state, _graph=None)


def betweenness_chunk(payload: dict[str, Any], sources: list[int]) -> np.ndarray:
    """Unscaled betweenness from `sources` only (one chunk of `map_chunks`): igraph's, or
    with ``payload["layers"]`` (whole-number tie lengths, at most 64 sources) Brandes'
    passes for all sources at once (`wijkgraph.analysis._route_layers.ArcLayers.betweenness`,
    halved on an undirected graph as igraph does)."""
    layers = payload.get("layers")
    if layers is not None:
        try:
            dependency = layers.betweenness(sources)
            return dependency if payload["directed"] else dependency / 2
        except TooDeep:  # long routes: one pass per source is cheaper
            graph = ShippedGraph(layers.n, layers.tail, layers.head, layers.lengths,
                                 layers.lengths.astype(float), not layers.both_ways).graph
            return np.asarray(graph.betweenness(directed=payload["directed"], weights="d",
                                                sources=sources), dtype=float)
    return np.asarray(payload["graph"].graph.betweenness(
        directed=payload["directed"], weights=payload["weights"], sources=sources), dtype=float)


def steps_chunk(payload: dict[str, Any], sources: list[int]) -> np.ndarray:
    """Breadth-first steps from `sources` to every actor reached: their sum, count and
    maximum (one chunk of `wijkgraph.analysis.engine.Engine.path_steps`), all sources
    at once (`wijkgraph.analysis._route_layers.ArcLayers`, every tie of length 1)."""
    layers = payload["layers"]
    try:
        return np.array(layers.reach_sums(sources), dtype=float)
    except TooDeep:  # long routes: one breadth-first search per source is cheaper
        from scipy.sparse.csgraph import dijkstra

        d = dijkstra(layers.matrix(), directed=not layers.both_ways, indices=sources,
                     unweighted=True)
        reached = d[(d > 0) & np.isfinite(d)]
        return np.array([reached.sum(), reached.size, reached.max() if reached.size else 0.0])


def harmonic_chunk(payload: dict[str, Any], sources: list[int]) -> np.ndarray:
    """Per actor, the sum of 1/distance from `sources` (one chunk of `map_chunks`).

    With ``payload["layers"]`` (whole-number tie lengths) all sources at once
    (`wijkgraph.analysis._route_layers.ArcLayers.harmonic_sums`); else scipy's Dijkstra per source on
    ``payload["adjacency"]`` (symmetric, so read as directed: half the arcs to scan).
    """
    layers = payload.get("layers")
    if layers is not None:
        with contextlib.suppress(TooDeep):  # long routes: one Dijkstra per source is cheaper
            return np.asarray(layers.harmonic_sums(sources), dtype=float)
    from scipy.sparse.csgraph import dijkstra  # here: importing csgraph costs 0.1 s

    if layers is not None:
        d = dijkstra(layers.matrix(), directed=False, indices=sources)
    else:
        d = dijkstra(payload["adjacency"], directed=True, indices=sources,
                     unweighted=payload["unweighted"])
    with np.errstate(divide="ignore"):
        inv = np.where((d > 0) & np.isfinite(d), 1.0 / d, 0.0)
    return np.asarray(inv.sum(axis=0), dtype=float)


def curve_chunk(payload: dict[str, Any], positions: np.ndarray,
                 steps: list[int]) -> np.ndarray:
    """Largest component after removing the first k of `positions`, per k in `steps`."""
    n, u, v = payload["n"], payload["u"], payload["v"]
    rank = np.full(n, len(positions), dtype=np.int64)  # actors not in the order stay
    rank[positions] = np.arange(len(positions))
    gone = np.minimum(rank[u], rank[v])  # a tie leaves with its first end
    if n + len(u) > SMALL_CURVE and len(u):
        # a maximum spanning forest by departure time has, after every step, the same
        # components as all surviving ties (Kruskal): at most n - 1 ties to put back
        from scipy.sparse.csgraph import minimum_spanning_tree

        forest = sp.coo_array(minimum_spanning_tree(sp.csr_array(
            ((n + 1 - gone).astype(np.float64), (u, v)), shape=(n, n))))
        u, v = forest.row.astype(np.int64), forest.col.astype(np.int64)
        gone = n + 1 - np.rint(forest.data).astype(np.int64)
    return _curve_union_find(rank, u, v, gone, steps)


SMALL_CURVE = 20_000
"""Actors + ties above which `curve_chunk` first keeps only a spanning forest of the ties."""


def _curve_union_find(rank: np.ndarray, u: np.ndarray, v: np.ndarray, gone: np.ndarray,
                      steps: list[int]) -> np.ndarray:
    """`curve_chunk`: put actors and ties back, latest departure first.

    Going from the last step to the first, components only merge, so the largest one is
    a running maximum: O((n + m) log) in all, without a scipy call per step.
    """
    parent = list(range(len(rank)))
    size = [1] * len(rank)

    def root(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    actors = np.argsort(-rank, kind="stable").tolist()
    ties = np.argsort(-gone, kind="stable").tolist()
    ranks, gones = rank.tolist(), gone.tolist()
    us, vs = u.tolist(), v.tolist()
    out = np.zeros(len(steps), dtype=np.int64)
    a = t = best = 0
    for j in sorted(range(len(steps)), key=lambda i: -steps[i]):
        k = steps[j]
        while a < len(actors) and ranks[actors[a]] >= k:
            best = max(best, 1)
            a += 1
        while t < len(ties) and gones[ties[t]] >= k:
            x, y = root(us[ties[t]]), root(vs[ties[t]])
            if x != y:
                if size[x] < size[y]:
                    x, y = y, x
                parent[y] = x
                size[x] += size[y]
                best = max(best, size[x])
            t += 1
        out[j] = best
    return out

