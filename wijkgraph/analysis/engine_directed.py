"""Direction-aware metrics (PageRank and betweenness along the arcs) behind the engine interface.

`DirectedEngine` shares data handling, caching and sampling with the undirected
`wijkgraph.analysis.engine.Engine` (`GraphEngineBase`); see that module for the conventions.
"""

from __future__ import annotations

import weakref

import networkx as nx

from wijkgraph.analysis.engine import GraphEngineBase, cached_engine


class DirectedEngine(GraphEngineBase):
    """Direction-aware metrics of one directed graph: PageRank and betweenness along the arcs.

    Used for ``network.directed_graph()`` (an undirected relation is two arcs, a directed
    relation such as a referral one). Same conventions as `Engine`: vertex order = node
    order, ``weight`` = tie strength, route length ``1 / strength`` (``12 / strength``
    internally), exact betweenness up to `EXACT_LIMIT` actors and sampled (seeded) above.

    Parameters
    ----------
    graph : networkx.DiGraph
        Self-loops are ignored.
    weight : str, default "weight"
        Arc attribute with the tie strength (missing = 1).
    backend : {"igraph", "networkx"}
        "networkx" is the slow reference implementation used by the tests.

    Examples
    --------
    A referral chain a -> b -> c: only b lies on a route (a to c), one of the
    ``(n-1)(n-2) = 2`` ordered pairs of others; c collects the most rank.

    >>> eng = DirectedEngine(nx.DiGraph([("a", "b"), ("b", "c")]))
    >>> eng.betweenness().tolist()
    [0.0, 0.5, 0.0]
    >>> eng.pagerank().idxmax()
    'c'
    """

    directed = True


_DIRECTED: weakref.WeakKeyDictionary[nx.DiGraph, DirectedEngine] = weakref.WeakKeyDictionary()


def directed_engine_for(graph: nx.DiGraph) -> DirectedEngine:
    """The cached `DirectedEngine` of `graph` (built once per graph object; do not mutate it).

    Examples
    --------
    >>> g = nx.DiGraph([(1, 2)])
    >>> directed_engine_for(g) is directed_engine_for(g)
    True
    """
    return cached_engine(_DIRECTED, DirectedEngine, graph)
