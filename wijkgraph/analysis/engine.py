"""The compute engine: heavy network metrics behind one interface, igraph with networkx as reference.

networkx stays the data model (`WijkNetwork.graph`); the engine converts an undirected
graph once into an igraph graph (node order = the graph's node order, so results are
deterministic) and computes the expensive measures there. Every method also exists with
``backend="networkx"``: the tests compare both on every tiny graph and a bundled dataset.

Results are `pandas.Series` indexed by actor id, in the graph's node order.

`DirectedEngine` (via `directed_engine_for`) does the same for ``network.directed_graph()``:
PageRank and betweenness that follow the direction of the arcs.

Tie strength and distance
-------------------------
``weight`` is the tie strength (1-4). Where a path length is needed (betweenness,
closeness) a tie's length is ``1 / weight``: a strong tie is a short way. When every
weight is a whole number from 1 to 4 the engine uses ``12 / weight`` internally (12, 6,
4, 3): the same shortest paths, but exact integer sums, so equally long routes are
recognised as equal by both backends (float sums such as 1/3 + 1/6 are not exact).

Sizes
-----
Up to `EXACT_LIMIT` actors betweenness and harmonic closeness are exact. Above it they
are estimated from `SAMPLE_SOURCES` source actors drawn with ``random.Random(seed)``
(the same draw as networkx' ``betweenness_centrality(k=..., seed=...)``), scaled like
networkx scales its estimate. The error of the estimate is documented in
``docs/metrics.md``.

Examples
--------
>>> import networkx as nx
>>> eng = Engine(nx.path_graph(["a", "b", "c"]))
>>> eng.betweenness().tolist()
[0.0, 1.0, 0.0]
>>> eng.articulation_points()
['b']
>>> Engine(nx.path_graph(["a", "b", "c"]), backend="networkx").betweenness().tolist()
[0.0, 1.0, 0.0]
"""

from __future__ import annotations

import random
import weakref
from collections.abc import Callable, Hashable, Sequence
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from wijkgraph._components import labels_of
from wijkgraph.analysis import _engine_base
from wijkgraph.analysis._chunks import curve_chunk, harmonic_chunk, steps_chunk
from wijkgraph.analysis._engine_base import Backend, cached_engine, start_sampled
from wijkgraph.analysis._route_layers import LAYER_CHUNKS, ArcLayers, small_lengths
from wijkgraph.analysis._workers import Job, chunked, map_chunks, start_jobs

__all__ = ["EXACT_LIMIT", "HARMONIC_SOURCES", "SAMPLE_SOURCES", "Backend", "Engine",
           "GraphEngineBase", "cached_engine", "engine_for", "keep_engine", "start_sampled"]

EXACT_LIMIT = 2_000
"""Largest number of actors for which betweenness and closeness are computed exactly."""

SAMPLE_SOURCES = 256
"""Number of sampled source actors for betweenness above `EXACT_LIMIT`."""

HARMONIC_SOURCES = 128
"""Number of sampled source actors for harmonic closeness above `EXACT_LIMIT`.

Fewer than for betweenness: closeness is an average over all sources and settles fast
(see docs/metrics.md), and one weighted shortest-path pass from 256 sources costs ~5 s
at 30,000 actors.
"""

class GraphEngineBase(_engine_base.GraphEngineBase):
    """What `Engine` and `wijkgraph.analysis.engine_directed.DirectedEngine` share (see
    `wijkgraph.analysis._engine_base`), with this module's size limits."""

    def limits(self) -> tuple[int, int]:
        return EXACT_LIMIT, SAMPLE_SOURCES


_ENGINES: weakref.WeakKeyDictionary[nx.Graph, Engine] = weakref.WeakKeyDictionary()


def engine_for(graph: nx.Graph) -> Engine:
    """The cached igraph `Engine` of `graph` (built once per graph object).

    Analyses share it, so betweenness computed for the key figures is reused by the
    resilience analysis. The graph must not be mutated afterwards (WijkNetwork graphs
    never are).

    Examples
    --------
    >>> g = nx.star_graph(3)
    >>> engine_for(g) is engine_for(g)
    True
    """
    return cached_engine(_ENGINES, Engine, graph)


def keep_engine(graph: nx.Graph, eng: Engine) -> None:
    """File `eng` as the engine of `graph`: `engine_for` returns it from now on.

    For an engine made from the graph's arrays before the graph itself
    (`wijkgraph.analysis.centrality.start_centralities`); it must be the engine
    ``Engine(graph)`` would make.

    >>> g = nx.path_graph(3)
    >>> eng = Engine(g)
    >>> keep_engine(g, eng)
    >>> engine_for(g) is eng
    True
    """
    _ENGINES[graph] = eng


class Engine(GraphEngineBase):
    """Heavy metrics of one undirected graph, computed with igraph or networkx.

    Parameters
    ----------
    graph : networkx.Graph
        Undirected; self-loops are ignored.
    weight : str, default "weight"
        Edge attribute with the tie strength (missing = 1).
    backend : {"igraph", "networkx"}
        "networkx" is the slow reference implementation used by the tests.

    Examples
    --------
    >>> eng = Engine(nx.star_graph(3))
    >>> eng.degree().tolist(), eng.core_number().tolist()
    ([3.0, 1.0, 1.0, 1.0], [1.0, 1.0, 1.0, 1.0])
    """

    directed = False

    # --- centralities -------------------------------------------------------------------
    def degree(self) -> pd.Series:
        """Number of ties of each actor."""
        return self._cached(("degree",), lambda: self._series(
            self.ig.degree() if self.backend == "igraph" else
            dict(self.nx.degree())))

    def strength(self) -> pd.Series:
        """Sum of the tie strengths of each actor (weighted degree)."""
        def compute() -> pd.Series:
            if self.backend == "igraph":
                return self._series(self.ig.strength(weights="w") if self.m else [0.0] * self.n)
            return self._series(dict(self.nx.degree(weight="w")))
        return self._cached(("strength",), compute)

    def harmonic(self, *, weighted: bool = True, k: int | None = None,
                 seed: int = 0) -> pd.Series:
        """Harmonic closeness, normalised: the mean of 1/distance to every other actor.

        Works on disconnected networks (unreachable actors add 0). Distance = sum of
        1/strength along the route when `weighted`. Exact up to `EXACT_LIMIT`, else
        estimated from `HARMONIC_SOURCES` sampled sources: ``sum over sources s != v of 1/d(s, v)``, divided
        by the number of those sources.
        """
        kk = self.sample_size(k, HARMONIC_SOURCES)
        return self._cached(("harmonic", weighted, kk, seed),
                            lambda: self._harmonic(weighted, kk, seed))

    def _harmonic(self, weighted: bool, k: int | None, seed: int) -> pd.Series:
        n = self.n
        if n < 2:
            return self._series(np.zeros(n))
        scale = self.scale if weighted else 1.0
        src = self.sources(k, seed) if k is not None else list(range(n))
        if self.backend == "networkx":
            h = nx.harmonic_centrality(self.nx, sources=src, distance="d" if weighted else None)
            total = self._series(h).to_numpy() * scale
        elif k is None:
            total = np.asarray(self.ig.harmonic_centrality(
                weights="d" if weighted and self.m else None, normalized=False)) * scale
        else:
            job, finish = self._harmonic_job(weighted, k, seed)
            return finish(start_jobs([job])[0].result())
        return self._harmonic_mean(total, src)

    def _harmonic_job(self, weighted: bool, k: int, seed: int
                      ) -> tuple[Job, Callable[[list[np.ndarray]], pd.Series]]:
        """The sampled harmonic closeness as a `Job` of source chunks and how to finish it."""
        scale = self.scale if weighted else 1.0
        src = self.sources(k, seed)
        # above EXACT_LIMIT with whole-number tie lengths (strengths 1-4, or unweighted):
        # all sources of a chunk at once (`ArcLayers`: 4-5x faster than a Dijkstra per
        # source at 100,000 actors); else scipy's Dijkstra. Fixed chunks of sources,
        # summed in chunk order: the same on one core or two.
        lengths = small_lengths(self.distances if weighted else np.ones(len(self.u)))
        if lengths is not None and self.n > EXACT_LIMIT:
            payload: dict[str, Any] = {"layers": ArcLayers.undirected(
                self.n, self.u, self.v, lengths)}
            chunks = chunked(src, LAYER_CHUNKS)
        else:
            payload = {"adjacency": self.adjacency(distances=True), "unweighted": not weighted}
            chunks = chunked(src)
        job = Job(harmonic_chunk, payload, [(c,) for c in chunks], float(k) * max(self.m, 1))

        def finish(parts: list[np.ndarray]) -> pd.Series:
            total = (np.sum(parts, axis=0) if len(parts) > 1 else parts[0]) * scale
            return self._harmonic_mean(total, src)
        return job, finish

    def _harmonic_mean(self, total: np.ndarray, src: list[int]) -> pd.Series:
        n = self.n
        counts = np.full(n, float(len(src)))
        counts[src] -= 1  # a source is not its own partner
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = np.where(counts > 0, total / counts, 0.0)
        return self._series(mean)

    def sampled_jobs(self, seed: int = 0) -> dict[tuple[Any, ...], tuple[Job, Any]]:
        """The sampled route lengths (`path_steps`, asked for first), then
        `GraphEngineBase.sampled_jobs` and the sampled harmonic closeness."""
        jobs: dict[tuple[Any, ...], tuple[Job, Any]] = {}
        if self.backend == "igraph" and self.n > EXACT_LIMIT:
            size = int((self.components() == 0).sum())
            if size > EXACT_LIMIT:
                jobs[("steps", seed)] = self._steps_job(seed)
            jobs.update(super().sampled_jobs(seed))
            jobs[("harmonic", True, HARMONIC_SOURCES, seed)] = self._harmonic_job(
                True, HARMONIC_SOURCES, seed)
        return {k: j for k, j in jobs.items() if k not in self._memo and k not in self._pending}

    def path_steps(self, *, seed: int = 0) -> tuple[float, int, int]:
        """Steps along shortest routes in the largest component, from sampled sources.

        `SAMPLE_SOURCES` sources drawn with ``random.Random(seed)`` from the positions in
        the largest component (sorted), breadth-first (unweighted): the mean number of
        steps to every actor reached, the largest, and the number of sources. The steps
        are whole numbers, so the sums over chunks are exact: the same mean, to the bit,
        as over all distances at once. For the largest component above `EXACT_LIMIT`
        actors (`wijkgraph.analysis.cohesion`); exact measures there cost n passes.
        """
        return self._cached(("steps", seed), lambda: self._finish_steps(self._steps_job(seed)))

    @staticmethod
    def _finish_steps(job_finish: tuple[Job, Any]) -> Any:
        job, finish = job_finish
        return finish(start_jobs([job])[0].result())

    def _steps_job(self, seed: int) -> tuple[Job, Any]:
        members = np.flatnonzero(self.components() == 0)
        size = len(members)
        sources = sorted(random.Random(seed).sample(range(size), min(SAMPLE_SOURCES, size)))
        where = np.full(self.n, -1, dtype=np.int64)
        where[members] = np.arange(size)
        inside = where[self.u] >= 0  # a tie with one end in the component has both there
        # breadth-first from all sources of a chunk at once (`ArcLayers`); whole steps,
        # so the sums are exact and the same however the sources are chunked
        part = ArcLayers.undirected(size, where[self.u[inside]], where[self.v[inside]],
                                    np.ones(int(inside.sum()), dtype=np.int64))
        job = Job(steps_chunk, {"layers": part},
                  [(c,) for c in chunked(sources, LAYER_CHUNKS)],
                  float(len(sources)) * max(self.m, 1))

        def finish(parts: list[np.ndarray]) -> tuple[float, int, int]:
            total = np.sum(parts, axis=0)
            return float(total[0] / total[1]), int(max(p[2] for p in parts)), len(sources)
        return job, finish

    def eigenvector(self, *, weighted: bool = True) -> pd.Series:
        """Eigenvector centrality scaled to a maximum of 1 (0 everywhere without ties).

        On a disconnected network only the component with the largest eigenvalue gets
        non-zero values; wijkgraph therefore ranks by `pagerank`.
        """
        def compute() -> pd.Series:
            if self.m == 0:
                return self._series(np.zeros(self.n))
            if self.backend == "networkx":
                v = self._series(nx.eigenvector_centrality_numpy(
                    self.nx, weight="w" if weighted else None))
                v = v.abs()
                return v / v.max()
            # igraph 1.0: eigenvector_centrality(directed=False) raises; do not pass it.
            return self._series(self.ig.eigenvector_centrality(
                scale=True, weights="w" if weighted else None))
        return self._cached(("eigenvector", weighted), compute)

    def core_number(self) -> pd.Series:
        """k-core number: the largest k such that the actor sits in a group where all have >= k ties."""
        def compute() -> pd.Series:
            if self.backend == "networkx":
                return self._series(nx.core_number(self.nx))
            return self._series(self.ig.coreness())
        return self._cached(("core",), compute)

    # --- structural holes ---------------------------------------------------------------
    def constraint(self, *, weighted: bool = True) -> pd.Series:
        """Burt's constraint (NaN for actors without ties)."""
        def compute() -> pd.Series:
            if self.backend == "networkx":
                return self._series(nx.constraint(self.nx, weight="w" if weighted else None))
            if self.m == 0:
                return self._series(np.full(self.n, np.nan))
            c = np.asarray(self.ig.constraint(weights="w" if weighted else None), dtype=float)
            c[np.asarray(self.ig.degree()) == 0] = np.nan
            return self._series(c)
        return self._cached(("constraint", weighted), compute)

    def effective_size(self, *, weighted: bool = True) -> pd.Series:
        """Burt's effective size (NaN for actors without ties).

        igraph has no effective size; it is computed with sparse matrices from Burt's
        definition, ``esize(u) = sum_j (1 - sum_{q != u, j} p_uq m_jq)``, where ``p_uq``
        is u's share of its tie strength spent on q and ``m_jq`` is j's tie to q divided
        by j's strongest tie. The redundancy term is ``rowsum(P * (A @ M))``. networkx
        (the reference) is called with ``nodes=`` because networkx 3.6 gives wrong
        weighted values without it.
        """
        def compute() -> pd.Series:
            if self.backend == "networkx":
                return self._series(nx.effective_size(
                    self.nx, nodes=list(self.nx), weight="w" if weighted else None))
            return self._series(self._esize_sparse(weighted))
        return self._cached(("esize", weighted), compute)

    def _esize_sparse(self, weighted: bool) -> np.ndarray:
        n = self.n
        if self.m == 0:
            return np.full(n, np.nan)
        u, v = self.u, self.v
        w = self.weights if weighted else np.ones(len(u))
        rows, cols, vals = np.r_[u, v], np.r_[v, u], np.r_[w, w]
        W = sp.csr_matrix((vals, (rows, cols)), shape=(n, n))
        A = sp.csr_matrix((np.ones_like(vals), (rows, cols)), shape=(n, n))
        strength = np.asarray(W.sum(axis=1)).ravel()
        strongest = W.max(axis=1).toarray().ravel()
        with np.errstate(divide="ignore", invalid="ignore"):
            P = sp.diags(np.where(strength > 0, 1 / strength, 0)) @ W
            M = sp.diags(np.where(strongest > 0, 1 / strongest, 0)) @ W
        redundancy = np.asarray(P.multiply(A @ M).sum(axis=1)).ravel()
        degree = np.asarray(A.sum(axis=1)).ravel()
        return np.where(degree > 0, degree - redundancy, np.nan)

    # --- communities --------------------------------------------------------------------
    def louvain(self, *, seed: int = 0, weighted: bool = True, resolution: float = 1.0,
                order: Sequence[Hashable] | None = None) -> list[frozenset[Hashable]]:
        """Louvain communities, largest first (ties: by smallest member id).

        igraph's multilevel algorithm draws from Python's `random` module; it is seeded
        with `seed` and the caller's random state is restored afterwards, so the result is
        deterministic. The networkx backend uses ``louvain_communities(seed=seed)``.
        Louvain depends on the order in which it visits the actors: pass `order` (all
        nodes, e.g. sorted by name) to make the result independent of the input order.
        """
        perm = list(range(self.n))
        if order is not None:
            rank = {v: i for i, v in enumerate(order)}
            perm = [rank[v] for v in self.nodes]  # new position of each vertex
        key = tuple(perm) if order is not None else None

        def compute() -> list[frozenset[Hashable]]:
            if self.n == 0:
                return []
            inverse = [0] * self.n
            for i, p in enumerate(perm):
                inverse[p] = i
            if self.backend == "networkx":
                g = nx.relabel_nodes(self.nx, dict(enumerate(perm)), copy=True)
                g = nx.Graph(sorted(g.edges(data=True))) if order is not None else g
                g.add_nodes_from(range(self.n))
                parts = nx.community.louvain_communities(
                    g, weight="w" if weighted else None, resolution=resolution, seed=seed)
                groups = [[self.nodes[inverse[j]] for j in p] for p in parts]
            else:
                # igraph 1.0: permutation[new id] = old id (checked in tests/test_engine.py)
                g = self.ig.permute_vertices(inverse) if order is not None else self.ig
                state = random.getstate()
                try:
                    random.seed(seed)
                    member = g.community_multilevel(
                        weights="w" if weighted and self.m else None,
                        resolution=resolution).membership
                finally:
                    random.setstate(state)
                bucket: dict[int, list[Hashable]] = {}
                for j, c in enumerate(member):
                    bucket.setdefault(c, []).append(self.nodes[inverse[j]])
                groups = list(bucket.values())
            return sorted((frozenset(g) for g in groups),
                          key=lambda g: (-len(g), min(str(x) for x in g)))
        return self._cached(("louvain", seed, weighted, resolution, key), compute)

    def modularity(self, communities: Sequence[frozenset[Hashable]], *,
                   weighted: bool = True) -> float:
        """Newman's modularity of a partition (0 without ties)."""
        if self.m == 0:
            return 0.0
        member = np.zeros(self.n, dtype=int)
        for c, group in enumerate(communities):
            for v in group:
                member[self.index[v]] = c
        if self.backend == "networkx":
            parts = [{self.index[v] for v in g} for g in communities]
            return float(nx.community.modularity(self.nx, parts, weight="w" if weighted else None))
        return float(self.ig.modularity(member.tolist(), weights="w" if weighted else None))

    # --- cut points ---------------------------------------------------------------------
    def bridges(self) -> list[tuple[Hashable, Hashable]]:
        """Ties whose removal splits a part of the network, as sorted id pairs."""
        def compute() -> list[tuple[Hashable, Hashable]]:
            if self.backend == "networkx":
                pairs = [(self.nodes[u], self.nodes[v]) for u, v in nx.bridges(self.nx)]
            else:
                pairs = [(self.nodes[self.edges[e][0]], self.nodes[self.edges[e][1]])
                         for e in self.ig.bridges()]
            ordered = [tuple(sorted((a, b), key=str)) for a, b in pairs]
            return sorted(ordered, key=lambda p: (str(p[0]), str(p[1])))
        return self._cached(("bridges",), compute)

    def articulation_points(self) -> list[Hashable]:
        """Actors whose departure splits a part of the network, sorted by id."""
        def compute() -> list[Hashable]:
            if self.backend == "networkx":
                idx = nx.articulation_points(self.nx)
            else:
                idx = self.ig.articulation_points()
            return sorted((self.nodes[i] for i in idx), key=str)
        return self._cached(("articulation",), compute)

    def components(self) -> np.ndarray:
        """Component label of each actor (index order); label 0 is a largest component."""
        def compute() -> np.ndarray:
            if self.n == 0:
                return np.zeros(0, dtype=int)
            labels = labels_of(self.ig)  # as scipy labels them (no csgraph import)
            sizes = np.bincount(labels)
            # relabel so that 0 is the largest (ties: the one holding the lowest index)
            order = sorted(range(len(sizes)), key=lambda c: -sizes[c])
            remap = np.empty(len(sizes), dtype=int)
            remap[order] = np.arange(len(sizes))
            return remap[labels]
        return self._cached(("components",), compute)

    def adjacency(self, *, distances: bool = False) -> sp.csr_matrix:
        """Symmetric adjacency matrix (CSR) in node order: 0/1, or the internal distances."""
        def compute() -> sp.csr_matrix:
            if self.m == 0:
                return sp.csr_matrix((self.n, self.n))
            u, v = self.u, self.v
            data = np.r_[self.distances, self.distances] if distances else np.ones(2 * len(u))
            return sp.csr_matrix((data, (np.r_[u, v], np.r_[v, u])), shape=(self.n, self.n))
        return self._cached(("adjacency", distances), compute)

    def cut_off(self) -> pd.Series:
        """Per actor: how many others lose their link to the largest component if it leaves.

        For an articulation point v of the largest component, the component falls apart
        into pieces; all but the largest piece are cut off. Computed in linear time from
        the block-cut tree of igraph's biconnected components (networkx backend: remove
        each actor and count, the slow reference).
        """
        return self._cached(("cut_off",), self._cut_off)

    def _cut_off(self) -> pd.Series:
        out = np.zeros(self.n)
        if self.n < 3 or self.m == 0:
            return self._series(out)
        comp = self.components()
        lcc = np.flatnonzero(comp == 0)
        size = len(lcc)
        if self.backend == "networkx":
            sub = self.nx.subgraph(lcc.tolist())
            for v in nx.articulation_points(sub):
                rest = sub.subgraph([x for x in sub if x != v])
                pieces = [len(c) for c in nx.connected_components(rest)]
                out[v] = size - 1 - max(pieces)
            return self._series(out)
        blocks, aps = self.ig.biconnected_components(return_articulation_points=True)
        aps_set = set(aps)
        in_lcc = comp == 0
        tree = nx.Graph()
        for b, members in enumerate(blocks):
            if not in_lcc[members[0]]:
                continue
            node = ("b", b)
            tree.add_node(node, size=sum(1 for x in members if x not in aps_set))
            for x in members:
                if x in aps_set:
                    tree.add_node(("a", x), size=1)
                    tree.add_edge(node, ("a", x))
        if tree.number_of_nodes() == 0:
            return self._series(out)
        root = next(iter(tree))
        below: dict[Any, int] = {}
        parent = dict(nx.bfs_predecessors(tree, root))
        for node in nx.dfs_postorder_nodes(tree, root):
            below[node] = tree.nodes[node]["size"] + sum(
                below[c] for c in tree[node] if parent.get(c) == node)
        total = below[root]
        for node in tree:
            if node[0] != "a":
                continue
            pieces = [below[c] for c in tree[node] if parent.get(c) == node]
            if node in parent:
                pieces.append(total - below[node])
            out[node[1]] = size - 1 - max(pieces)
        return self._series(out)

    def largest_component_curve(self, order: Sequence[Hashable],
                                steps: Sequence[int]) -> np.ndarray:
        """Size of the largest component after removing the first ``k`` actors of `order`.

        One value per ``k`` in `steps`; see `largest_component_curves`.
        """
        idx = np.array([self.index[v] for v in order], dtype=np.int64)
        return self.largest_component_curves([idx], steps)[0]

    def random_curves(self, steps: Sequence[int], *, seed: int = 0,
                      n_random: int = 10) -> list[np.ndarray]:
        """`largest_component_curves` of `n_random` random removal orders: the
        permutations of the actors drawn one after the other from
        ``numpy.random.default_rng(seed)``. Cached; for a city started on the other
        cores with the sampled shortest paths (`curves_jobs`, `start_sampled`).

        >>> eng = Engine(nx.path_graph(4))
        >>> [c.tolist() for c in eng.random_curves([0, 2, 4], seed=1, n_random=2)]
        [[4, 2, 0], [4, 2, 0]]
        """
        return self._cached(self._curves_key(steps, seed, n_random),
                            lambda: self.largest_component_curves(
                                self._random_orders(seed, n_random), steps))

    @staticmethod
    def _curves_key(steps: Sequence[int], seed: int, n_random: int) -> tuple[Any, ...]:
        return ("curves", seed, n_random, tuple(int(k) for k in steps))

    def _random_orders(self, seed: int, n_random: int) -> list[np.ndarray]:
        rng = np.random.default_rng(seed)
        return [rng.permutation(self.n) for _ in range(n_random)]

    def curves_jobs(self, steps: Sequence[int], *, seed: int = 0, n_random: int = 10
                    ) -> dict[tuple[Any, ...], tuple[Job, Any]]:
        """`random_curves` as a background job (`start_sampled`'s ``extra``), for a network
        whose shortest paths are sampled (above `EXACT_LIMIT`); else nothing."""
        key = self._curves_key(steps, seed, n_random)
        if self.n <= EXACT_LIMIT or key in self._memo or key in self._pending:
            return {}
        job = Job(curve_chunk, {"u": self.u, "v": self.v, "n": self.n},
                  [(o, list(steps)) for o in self._random_orders(seed, n_random)],
                  float(n_random) * (self.n + self.m))
        return {key: (job, list)}

    def largest_component_curves(self, orders: Sequence[np.ndarray],
                                 steps: Sequence[int]) -> list[np.ndarray]:
        """`largest_component_curve` for several removal orders given as actor positions.

        A tie survives the first ``k`` departures when both its ends come later in the
        order; with the ties sorted by the earlier end, the survivors after ``k``
        departures are a prefix of that list, and a maximum spanning forest by departure
        time keeps the same components with at most n - 1 ties. Going from the last step
        to the first, actors and forest ties are put back with a union-find and the
        largest component is a running maximum: O(m log m) per order, whatever the
        number of steps. The orders are independent and run on both cores for large
        networks (`wijkgraph.analysis._workers`); the sizes are whole numbers, the same
        either way.
        """
        u, v = self.u, self.v
        work = len(orders) * (self.n + self.m)
        return map_chunks(curve_chunk, {"u": u, "v": v, "n": self.n},
                          [(np.asarray(o, dtype=np.int64), list(steps)) for o in orders],
                          work=work)
