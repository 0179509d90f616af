"""Centralities: who has many ties, who sits on the routes between others, who is close to all.

Computed by the engine (`wijkgraph.analysis.engine`, igraph) on the undirected weighted view
``network.graph``; in- and out-degree come from the directed view (undirected relations
count in both directions). Measures:

* ``degree``: number of partners; ``strength``: sum of tie strengths (1-4 each);
* ``in_degree`` / ``out_degree``: arcs in and out (directed relations such as referrals);
* ``betweenness``: share of shortest routes between two other actors that pass through the
  actor, route length = sum of 1/strength (normalised 0..1);
* ``harmonic``: harmonic closeness, the mean of 1/distance to every other actor (0..1 for
  unweighted ties; works when the network falls apart);
* ``pagerank``: tied to actors who are themselves well tied (sums to 1);
* ``core``: k-core number, the densest group the actor belongs to.

Only when the network has directed relations (``network.is_directed``), two
direction-aware columns on ``network.directed_graph()`` follow (`DIRECTED_COLUMNS`):

* ``betweenness_directed``: share of the shortest routes *along the arrows* between two
  other actors (ordered pairs, normalised by ``(n-1)(n-2)``; same route length
  1/strength; sampled above the same size as ``betweenness``);
* ``pagerank_directed``: PageRank of a walk that follows the arrows (weight = strength):
  high for actors that others refer *to* (sums to 1).

Examples
--------
>>> from wijkgraph.sources.bundled import load_dataset
>>> c = centralities(load_dataset("utrecht-oost"))
>>> list(c.to_frame().columns[:4])
['id', 'name', 'domain', 'degree']
>>> c.sampled is None
True
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from wijkgraph.analysis._renamed import renamed
from wijkgraph.analysis._result import jsonable, sort_frame
from wijkgraph.analysis._summary import Summary, paragraphs, table_from_frame
from wijkgraph.analysis.engine import (
    EXACT_LIMIT,
    Engine,
    engine_for,
    keep_engine,
    start_sampled,
)
from wijkgraph.analysis.engine_directed import DirectedEngine
from wijkgraph.i18n import translator
from wijkgraph.model.network import WijkNetwork

COLUMNS = ["id", "name", "domain", "degree", "in_degree", "out_degree", "strength",
           "betweenness", "harmonic", "pagerank", "core"]
"""Columns of every centralities table."""

DIRECTED_COLUMNS = ["betweenness_directed", "pagerank_directed"]
"""Extra columns, after `COLUMNS`, when the network has directed relations."""


@dataclass(frozen=True, eq=False)
class Centralities:
    """Per-actor centralities (see module docs); `sampled` = number of sampled sources or None."""

    per_actor: pd.DataFrame
    sampled: int | None = None
    directed: bool = False

    table = renamed("table", "per_actor")  # the 0.1 name, warns

    @property
    def columns(self) -> list[str]:
        """`COLUMNS`, plus `DIRECTED_COLUMNS` when the network is directed."""
        return COLUMNS + (DIRECTED_COLUMNS if self.directed else [])

    def to_frame(self) -> pd.DataFrame:
        """One row per actor, sorted by betweenness (then name)."""
        return sort_frame(self.per_actor[self.columns], "betweenness")

    def to_dict(self, lang: str = "nl") -> dict[str, Any]:
        return jsonable({"sampled": self.sampled, "directed": self.directed,
                         "actors": self.to_frame()})

    def explain(self, lang: str = "nl") -> str:
        """Who lies on the most shortest routes between others."""
        t = translator(lang)
        if self.per_actor.empty:
            return t.gettext("No actors.")
        top = self.to_frame().iloc[0]
        return t.gettext("{name} lies on the most shortest routes between others "
                         "(betweenness {value}).").format(name=top["name"],
                                                          value=t.number(top["betweenness"]))

    def summary(self, lang: str = "nl", *, top: int = 10) -> Summary:
        """The `top` actors by betweenness with their centralities (id ``centrality``).

        Not a section of the report by itself (the key figures combine these measures);
        for notebooks and other front ends.

        >>> from wijkgraph.sources.bundled import load_dataset
        >>> s = centralities(load_dataset("driehoek")).summary("en", top=3)
        >>> s.id, s.tables[0].columns[:3], len(s.tables[0].rows)
        ('centrality', ('name', 'domain', 'partners'), 3)
        """
        t = translator(lang)
        frame = self.to_frame()
        tables = () if frame.empty else (table_from_frame(
            frame.drop(columns=["id"]), lang, limit=top,
            caption=t.gettext("Centralities: who lies on the routes between others")),)
        return Summary("centrality", t.gettext("Centralities"), paragraphs(self.explain(lang)),
                       tables=tables)


_ACTORS: weakref.WeakKeyDictionary[nx.Graph, dict[str, list[Any]]] = (
    weakref.WeakKeyDictionary())


def actor_frame(network: WijkNetwork) -> pd.DataFrame:
    """The ``id``, ``name`` and ``domain`` of every actor, in graph order (index = id).

    A new frame on every call (callers add columns); the columns are read from the graph
    once per graph.
    """
    g = network.graph
    columns = _ACTORS.get(g)
    if columns is None or len(columns["id"]) != g.number_of_nodes():
        ids = list(g.nodes)
        columns = _ACTORS[g] = {
            "id": ids,
            "name": [str(d.get("name", v)) for v, d in g.nodes(data=True)],
            "domain": [str(d.get("domain", "") or "") for _, d in g.nodes(data=True)],
        }
    return pd.DataFrame(columns, index=pd.Index(columns["id"], dtype=object))


_DIRECTED: weakref.WeakKeyDictionary[nx.Graph, DirectedEngine] = weakref.WeakKeyDictionary()


def directed_engine_of(network: WijkNetwork) -> DirectedEngine:
    """The `DirectedEngine` of ``network.directed_graph()``, made from `WijkNetwork.arcs`
    (the same vertices, arcs and order) without building the networkx graph; cached.

    >>> from wijkgraph.sources.bundled import load_dataset
    >>> net = load_dataset("driehoek")
    >>> directed_engine_of(net).edges == DirectedEngine(net.directed_graph()).edges
    True
    """
    eng = _DIRECTED.get(network.graph)
    if eng is None:
        eng = _DIRECTED[network.graph] = _directed_engine(network)
    return eng


def _directed_engine(network: WijkNetwork) -> DirectedEngine:
    arcs = network.arcs
    weight = np.where(arcs.weight == 0, 1, arcs.weight).astype(float)  # as `d.get(w) or 1`
    return DirectedEngine.from_arrays(network.node_ids(), arcs.source, arcs.target, weight)


def start_centralities(network: WijkNetwork, *, seed: int = 0,
                       curves: tuple[Sequence[int], int] | None = None) -> None:
    """Start the sampled betweenness and closeness of `network` on the other cores.

    Returns at once (see `wijkgraph.analysis.engine.start_sampled`): `analyse` calls it
    first, so the workers compute while the other sections run here; `centralities` and
    `wijkgraph.analysis.resilience.resilience` then pick the results up. Same numbers as
    without it.

    >>> from wijkgraph.sources.bundled import load_dataset
    >>> start_centralities(load_dataset("driehoek"))  # small: nothing to start
    """
    maker = network.graph_maker
    arrays = (maker.edge_arrays() if maker is not None and network.n_actors > EXACT_LIMIT
              and "graph" not in vars(network) else None)
    # A city: the engines are made from arrays and the workers start before the
    # networkx graph is made (seconds at 100,000 actors); it is made while they sample,
    # and the engines are filed under it: the same engines as made from the graph.
    if arrays is None:
        eng = engine_for(network.graph)
        directed = directed_engine_of(network) if network.is_directed else None
    else:
        eng = Engine.from_arrays(network.node_ids(), *arrays)
        directed = _directed_engine(network) if network.is_directed else None
    extra = ([] if curves is None else
             [(eng, eng.curves_jobs(curves[0], seed=seed, n_random=curves[1]))])
    start_sampled(eng, *([directed] if directed is not None else []), seed=seed, extra=extra)
    if arrays is not None:
        graph = network.graph
        keep_engine(graph, eng)
        if directed is not None:
            _DIRECTED[graph] = directed


def prepare_centralities(network: WijkNetwork) -> None:
    """Compute (and keep in the engines) the centralities that do not wait for the workers.

    Degree, strength, PageRank, k-core, the cut-off counts and the articulation points and
    bridges: `analyse` calls it before the sections that wait for the sampled shortest
    paths, so this process works while the workers finish instead of after them. The
    numbers are the ones computed later on demand (the engines cache them).

    >>> from wijkgraph.sources.bundled import load_dataset
    >>> net = load_dataset("driehoek")
    >>> prepare_centralities(net)
    >>> ("pagerank", True, 0.85) in engine_for(net.graph)._memo
    True
    """
    eng = engine_for(network.graph)
    for compute in (eng.degree, eng.strength, eng.pagerank, eng.core_number, eng.cut_off,
                    eng.articulation_points, eng.bridges):
        compute()
    if network.is_directed:
        directed_engine_of(network).pagerank()


def degrees_in_out(network: WijkNetwork) -> tuple[np.ndarray, np.ndarray]:
    """Arcs into and out of each actor in the directed view (node order; a self-loop
    counts once each way, as in networkx)."""
    arcs, n = network.arcs, network.n_actors
    return (np.bincount(arcs.target, minlength=n).astype(float),
            np.bincount(arcs.source, minlength=n).astype(float))


def centralities(network: WijkNetwork, *, seed: int = 0) -> Centralities:
    """Degree, strength, betweenness, harmonic closeness, PageRank and k-core of every actor.

    With directed relations also betweenness and PageRank along the arrows
    (``betweenness_directed``, ``pagerank_directed``).

    In a wijk: high betweenness marks the go-betweens, high strength the actors with many
    strong ties, the core number the inner circle.

    Parameters
    ----------
    network : WijkNetwork
    seed : int, default 0
        Seed for the sampled betweenness/closeness above `wijkgraph.analysis.engine.EXACT_LIMIT`.

    Returns
    -------
    Centralities

    Notes
    -----
    Weighted measures use strength as weight and ``1/strength`` as route length.
    Betweenness is normalised by ``(n-1)(n-2)/2``; harmonic closeness by ``n-1``;
    directed betweenness by ``(n-1)(n-2)`` (ordered pairs). The directed columns come
    from `wijkgraph.analysis.engine_directed.DirectedEngine` on ``network.directed_graph()``, where an
    undirected relation is two arcs and a directed one a single arc.

    Examples
    --------
    >>> import networkx as nx
    >>> from wijkgraph.model.network import build_network
    >>> from wijkgraph.model.tables import tables_from_frames
    >>> actors = pd.DataFrame({"name": ["A", "B", "C"]})
    >>> rel = pd.DataFrame({"source": ["A", "B"], "target": ["B", "C"]})
    >>> c = centralities(build_network(tables_from_frames(actors, rel)))
    >>> c.to_frame()[["id", "degree", "betweenness"]].values.tolist()
    [['B', 2.0, 1.0], ['A', 1.0, 0.0], ['C', 1.0, 0.0]]

    With directed relations A -> B -> C only the route from A to C runs through B:
    one of the two ordered pairs of others.

    >>> rel["directed"] = ["ja", "ja"]
    >>> c = centralities(build_network(tables_from_frames(actors, rel)))
    >>> c.to_frame()[["id", "betweenness", "betweenness_directed"]].values.tolist()
    [['B', 1.0, 0.5], ['A', 0.0, 0.0], ['C', 0.0, 0.0]]
    """
    start_centralities(network, seed=seed)  # started already when `analyse` runs
    eng = engine_for(network.graph)
    frame = actor_frame(network)
    frame["degree"] = eng.degree()
    frame["in_degree"], frame["out_degree"] = degrees_in_out(network)
    frame["strength"] = eng.strength()
    frame["betweenness"] = eng.betweenness(seed=seed)
    frame["harmonic"] = eng.harmonic(seed=seed)
    frame["pagerank"] = eng.pagerank()
    frame["core"] = eng.core_number()
    directed = network.is_directed
    if directed:
        deng = directed_engine_of(network)
        frame["betweenness_directed"] = deng.betweenness(seed=seed)
        frame["pagerank_directed"] = deng.pagerank()
    frame = frame.reset_index(drop=True)
    columns = COLUMNS + (DIRECTED_COLUMNS if directed else [])
    return Centralities(frame[columns], sampled=eng.sample_size(), directed=directed)
