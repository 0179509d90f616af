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

from typing import Any

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components, dijkstra, minimum_spanning_tree


def betweenness_chunk(payload: dict[str, Any], sources: list[int]) -> np.ndarray:
    """Unscaled betweenness from `sources` only (one chunk of `map_chunks`)."""
    return np.asarray(payload["graph"].betweenness(
        directed=payload["directed"], weights=payload["weights"], sources=sources), dtype=float)


def harmonic_chunk(payload: dict[str, Any], sources: list[int]) -> np.ndarray:
    """Per actor, the sum of 1/distance from `sources` (one chunk of `map_chunks`)."""
    d = dijkstra(payload["adjacency"], directed=False, indices=sources,
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
    if n + len(u) <= SMALL_CURVE:
        return _curve_union_find(rank, u, v, gone, steps)
    if len(u):
        # a maximum spanning forest by departure time has, after every step, the same
        # components as all surviving ties (Kruskal): n - 1 ties instead of m per step
        forest = sp.coo_array(minimum_spanning_tree(sp.csr_array(
            ((n + 1 - gone).astype(np.float64), (u, v)), shape=(n, n))))
        u, v = forest.row.astype(np.int64), forest.col.astype(np.int64)
        gone = n + 1 - np.rint(forest.data).astype(np.int64)
    by = np.argsort(-gone, kind="stable")
    su, sv, sgone = u[by], v[by], gone[by]
    out = np.zeros(len(steps), dtype=np.int64)
    for j, k in enumerate(steps):
        keep = rank >= k
        if not keep.any():
            continue
        c = int(np.searchsorted(-sgone, -k, side="right"))  # ties with gone >= k
        adj = sp.csr_array((np.ones(c), (su[:c], sv[:c])), shape=(n, n))
        _, labels = connected_components(adj, directed=False)
        out[j] = int(np.bincount(labels[keep]).max())
    return out


SMALL_CURVE = 20_000
"""Actors + ties up to which `curve_chunk` adds actors back one by one (union-find)."""


def _curve_union_find(rank: np.ndarray, u: np.ndarray, v: np.ndarray, gone: np.ndarray,
                      steps: list[int]) -> np.ndarray:
    """`curve_chunk` for small networks: put actors and ties back, latest departure first.

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

