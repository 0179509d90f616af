"""What the undirected `Engine` and the `DirectedEngine` share: data, caching, sampling.

See `wijkgraph.analysis.engine` for the conventions (vertex order, tie strength and
length, exact and sampled sizes); everything here is re-exported there.

Examples
--------
>>> eng = GraphEngineBase.from_arrays(["a", "b", "c"], np.array([0, 1]), np.array([1, 2]),
...                                   np.array([1.0, 1.0]))
>>> eng.n, eng.m, eng.sample_size()
(3, 2, None)
"""

from __future__ import annotations

import random
from collections.abc import Callable, Hashable, Sequence
from typing import Any, Literal

import igraph as ig
import networkx as nx
import numpy as np
import pandas as pd

from wijkgraph.analysis._chunks import ShippedGraph, betweenness_chunk
from wijkgraph.analysis._route_layers import LAYER_CHUNKS, ArcLayers, small_lengths
from wijkgraph.analysis._workers import Job, Pending, chunked, start_jobs

Backend = Literal["igraph", "networkx"]

def cached_engine(cache: Any, make: Any, graph: Any) -> Any:
    """The engine of `graph` in `cache`, built by `make(graph)` when missing or stale.

    Stale = another number of actors (counting the ties would cost a pass over the graph
    at every call; the graphs are never mutated).
    """
    eng = cache.get(graph)
    if eng is None or eng.n != len(graph):
        eng = cache[graph] = make(graph)
    return eng


def start_sampled(*engines: GraphEngineBase, seed: int = 0,
                  extra: Sequence[tuple[GraphEngineBase, dict[tuple[Any, ...], tuple[Job, Any]]]]
                  = ()) -> None:
    """Start the sampled betweenness and closeness of `engines` in worker processes.

    Returns at once; the engines' `betweenness` and `harmonic` (with the default sample
    and this `seed`) then wait for the workers instead of computing, so the analysis goes
    on in this process meanwhile. One pool for all; the tasks are queued in the order of
    `engines` (betweenness first). Nothing happens for networks computed exactly, and
    without workers (one core, small work) the metrics are computed when first asked.
    The numbers are the same either way (`wijkgraph.analysis._workers`).

    Examples
    --------
    >>> eng = GraphEngineBase(nx.path_graph(3))
    >>> start_sampled(eng)       # 3 actors: exact, nothing to start
    >>> eng.betweenness().tolist()
    [0.0, 1.0, 0.0]
    """
    found = [(eng, key, job, finish) for eng in engines
             for key, (job, finish) in eng.sampled_jobs(seed).items()]
    # other background work of the same engines (`extra`: engine, {cache key: (job,
    # finish)}), queued after the shortest paths in the same pool
    found += [(eng, key, job, finish) for eng, jobs in extra
              for key, (job, finish) in jobs.items()]
    pending = start_jobs([job for _, _, job, _ in found])
    for (eng, key, _, finish), started in zip(found, pending, strict=True):
        eng.adopt(key, started, finish)


class GraphEngineBase:
    """What the undirected `Engine` and the `DirectedEngine` share: data, caching, sampling.

    Vertex i is ``nodes[i]`` (the graph's node order); ``weights`` are tie strengths,
    ``distances`` the tie lengths (``12 / weight`` when every weight is 1-4, else
    ``1 / weight``). Self-loops are ignored.
    """

    directed: bool = False

    def __init__(self, graph: nx.Graph, *, weight: str = "weight",
                 backend: Backend = "igraph") -> None:
        if graph.is_directed() != self.directed or graph.is_multigraph():
            kind = "networkx.DiGraph" if self.directed else "undirected networkx.Graph"
            raise TypeError(f"{type(self).__name__} expects a simple {kind}")
        nodes = list(graph.nodes)
        index = {v: i for i, v in enumerate(nodes)}
        rows = [(index[u], index[v], d.get(weight, 1) or 1)
                for u, v, d in graph.edges(data=True)]
        ends = np.array([r[:2] for r in rows], dtype=np.int64).reshape(-1, 2)
        self._setup(nodes, ends[:, 0], ends[:, 1],
                    np.array([r[2] for r in rows], dtype=float), backend=backend, index=index)

    @classmethod
    def from_arrays(cls, nodes: Sequence[Hashable], u: np.ndarray, v: np.ndarray,
                    weights: np.ndarray, *, backend: Backend = "igraph") -> Any:
        """The engine of the graph on `nodes` with edges ``(nodes[u[i]], nodes[v[i]])``.

        The same engine as ``cls(graph)`` when the arrays list the graph's edges in
        ``graph.edges`` order (self-loops included; they are ignored), without a networkx
        graph (`wijkgraph.model.network.WijkNetwork.arcs` gives the directed view this way).

        Examples
        --------
        >>> eng = GraphEngineBase.from_arrays(["a", "b", "c"], np.array([0, 1]),
        ...                                   np.array([1, 2]), np.array([1.0, 1.0]))
        >>> eng.betweenness().tolist()
        [0.0, 1.0, 0.0]
        """
        eng = cls.__new__(cls)
        eng._setup(list(nodes), np.asarray(u, dtype=np.int64), np.asarray(v, dtype=np.int64),
                   np.asarray(weights, dtype=float), backend=backend)
        return eng

    def _setup(self, nodes: list[Hashable], u: np.ndarray, v: np.ndarray,
               weights: np.ndarray, *, backend: Backend,
               index: dict[Hashable, int] | None = None) -> None:
        if backend not in ("igraph", "networkx"):
            raise ValueError(f"unknown backend {backend!r}")
        self.backend: Backend = backend
        self.nodes: list[Hashable] = nodes
        self.index = index if index is not None else {x: i for i, x in enumerate(nodes)}
        keep = u != v
        self.u, self.v = u[keep], v[keep]  # the ends of each tie (vertex positions)
        self.edges = list(zip(self.u.tolist(), self.v.tolist(), strict=True))
        self.weights = weights[keep]
        integral = bool(len(self.edges)) and bool(
            np.isin(self.weights, (1.0, 2.0, 3.0, 4.0)).all())
        self.scale = 12.0 if integral else 1.0
        self.distances = self.scale / self.weights if len(self.edges) else self.weights
        self.n = len(nodes)
        self.m = len(u)
        self._memo: dict[tuple[Any, ...], Any] = {}
        self._pending: dict[tuple[Any, ...], Callable[[], Any]] = {}
        self._ig: ig.Graph | None = None
        self._nx: nx.Graph | None = None

    # --- the two representations ------------------------------------------------------
    @property
    def ig(self) -> ig.Graph:
        """The igraph graph (vertex i = ``nodes[i]``; edge attrs ``w`` and ``d``)."""
        if self._ig is None:
            self._ig = ShippedGraph(self.n, self.u, self.v, self.weights, self.distances,
                                    self.directed).graph
        return self._ig

    @property
    def nx(self) -> nx.Graph:
        """A plain networkx copy (DiGraph when directed) with integer nodes and edge attrs ``w``, ``d``."""
        if self._nx is None:
            g = nx.DiGraph() if self.directed else nx.Graph()
            g.add_nodes_from(range(self.n))
            for (u, v), w, d in zip(self.edges, self.weights, self.distances, strict=True):
                g.add_edge(u, v, w=float(w), d=float(d))
            self._nx = g
        return self._nx

    def shippable(self) -> ShippedGraph:
        """`ig` as a `ShippedGraph`: sent to workers as arrays (fast), rebuilt there."""
        return ShippedGraph(self.n, self.u, self.v, self.weights, self.distances,
                            self.directed, graph=self.ig)

    def _series(self, values: Sequence[float] | np.ndarray | dict[int, float]) -> pd.Series:
        if isinstance(values, dict):
            values = [values.get(i, np.nan) for i in range(self.n)]
        return pd.Series(np.asarray(values, dtype=float), index=pd.Index(self.nodes, dtype=object))

    _SERIES = frozenset({"degree", "strength", "betweenness", "harmonic", "pagerank",
                         "eigenvector", "core", "constraint", "esize", "cut_off"})

    def _cached(self, key: tuple[Any, ...], compute: Any) -> Any:
        if self.n == 0 and key[0] in self._SERIES:
            return self._series([])  # nothing to compute (networkx refuses empty graphs)
        if key not in self._memo:
            started = self._pending.pop(key, None)  # started in the background (`start`)
            self._memo[key] = started() if started is not None else compute()
        return self._memo[key]

    # --- sampling ---------------------------------------------------------------------
    def limits(self) -> tuple[int, int]:
        """``(EXACT_LIMIT, SAMPLE_SOURCES)``: `wijkgraph.analysis.engine`'s subclass reads
        its module constants (at call time, so they can be set there)."""
        return 2_000, 256

    def sample_size(self, k: int | None = None, default: int | None = None) -> int | None:
        """Number of sampled sources `betweenness` uses (None = exact); `harmonic` passes its own default.

        Examples
        --------
        >>> GraphEngineBase(nx.path_graph(3)).sample_size() is None
        True
        """
        if k is None:
            exact_limit, sample_sources = self.limits()
            return ((sample_sources if default is None else default)
                    if self.n > exact_limit else None)
        return None if k >= self.n else int(k)

    def sources(self, k: int, seed: int = 0) -> list[int]:
        """The `k` sampled source indices: networkx' own draw for ``k`` and ``seed``."""
        return [self.index[v] for v in random.Random(seed).sample(self.nodes, k)]

    # --- shortest routes and PageRank (both directions) ---------------------------------
    def betweenness(self, *, weighted: bool = True, k: int | None = None,
                    seed: int = 0) -> pd.Series:
        """Normalised betweenness: the share of shortest routes between others via an actor.

        Exact up to `EXACT_LIMIT` actors, else estimated from `SAMPLE_SOURCES` sources
        (pass `k` to force a sample size; ``k >= n`` means exact). Normalised by the
        number of pairs of other actors: ``(n-1)(n-2)/2`` unordered pairs, or
        ``(n-1)(n-2)`` ordered pairs on a `DirectedEngine` (routes follow the arcs).
        """
        kk = self.sample_size(k)
        return self._cached(("betweenness", weighted, kk, seed),
                            lambda: self._betweenness(weighted, kk, seed))

    def _betweenness(self, weighted: bool, k: int | None, seed: int) -> pd.Series:
        n = self.n
        if n < 3:
            return self._series(np.zeros(n))
        norm = (n - 1) * (n - 2) / (1 if self.directed else 2)
        if self.backend == "networkx":
            b = nx.betweenness_centrality(self.nx, k=k, seed=seed, normalized=False,
                                          weight="d" if weighted else None)
            return self._series(b) / norm
        if k is None:
            return self._series(self.ig.betweenness(
                directed=self.directed, weights="d" if weighted and self.m else None)) / norm
        job, finish = self._betweenness_job(weighted, k, seed)
        return finish(start_jobs([job])[0].result())

    def _betweenness_job(self, weighted: bool, k: int, seed: int
                         ) -> tuple[Job, Callable[[list[np.ndarray]], pd.Series]]:
        """The sampled betweenness as a `Job` of source chunks and how to finish it."""
        n, src = self.n, self.sources(k, seed)
        norm = (n - 1) * (n - 2) / (1 if self.directed else 2)
        # fixed chunks of sources, summed in chunk order: the same on one core or two.
        # Above EXACT_LIMIT with whole-number tie lengths (strengths 1-4, or unweighted)
        # Brandes' passes run for 64 sources at once (`ArcLayers.betweenness`: 2.5-4x
        # faster than igraph per source at 100,000 actors, where igraph's walks outgrow
        # the cache); else igraph per chunk of sources.
        lengths = small_lengths(self.distances if weighted else np.ones(len(self.u)))
        if lengths is not None and n > self.limits()[0]:
            layers = ArcLayers(n, self.u, self.v, lengths, both_ways=not self.directed)
            chunks = chunked(src, max(LAYER_CHUNKS, -(-k // 64)))
            payload: dict[str, Any] = {"layers": layers, "directed": self.directed}
        else:
            chunks = chunked(src)
            payload = {"graph": self.shippable(), "directed": self.directed,
                       "weights": "d" if weighted and self.m else None}
        job = Job(betweenness_chunk, payload, [(c,) for c in chunks], float(k) * max(self.m, 1))

        def finish(parts: list[np.ndarray]) -> pd.Series:
            raw = np.sum(parts, axis=0) if len(parts) > 1 else parts[0]
            # networkx' scaling of a sampled estimate (endpoints excluded): (n-1)/k for
            # non-source actors, (n-1)/(k-1) for the sampled sources themselves.
            scale = np.full(n, (n - 1) / k)
            scale[src] = (n - 1) / (k - 1) if k > 1 else np.nan
            return self._series(raw * scale) / norm
        return job, finish

    def sampled_jobs(self, seed: int = 0) -> dict[tuple[Any, ...], tuple[Job, Any]]:
        """The sampled metrics `start` can run in the background: cache key -> (job, finish).

        Empty when the engine computes exactly (up to `EXACT_LIMIT` actors) or the
        results are already known.
        """
        kk = self.sample_size()
        if kk is None or self.n < 3 or self.backend != "igraph":
            return {}
        key = ("betweenness", True, kk, seed)
        jobs = {key: self._betweenness_job(True, kk, seed)}
        return {k: j for k, j in jobs.items() if k not in self._memo and k not in self._pending}

    def adopt(self, key: tuple[Any, ...], pending: Pending, finish: Any) -> None:
        """Take the background result `pending` of the metric with cache `key` (see `start`)."""
        self._pending[key] = lambda: finish(pending.result())

    def pagerank(self, *, weighted: bool = True, damping: float = 0.85) -> pd.Series:
        """PageRank (sums to 1): how much an actor is tied to actors that are themselves central.

        On a `DirectedEngine` the random walk follows the arcs (a referral a -> b passes
        rank from a to b); an actor without outgoing arcs hands its rank to everyone
        equally, as networkx does.
        """
        def compute() -> pd.Series:
            if self.n == 0:
                return self._series([])
            if self.backend == "networkx":
                return self._series(nx.pagerank(self.nx, alpha=damping, tol=1e-10, max_iter=1000,
                                                weight="w" if weighted else None))
            # igraph's PRPACK solver sums on several OpenMP threads in varying order:
            # the last bits changed from run to run (3,000 actors); one thread is exact
            from threadpoolctl import threadpool_limits

            with threadpool_limits(limits=1, user_api="openmp"):
                return self._series(self.ig.pagerank(
                    directed=self.directed, damping=damping,
                    weights="w" if weighted and self.m else None))
        return self._cached(("pagerank", weighted, damping), compute)
