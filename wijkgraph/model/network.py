"""The wijk network: validated tables turned into networkx graphs with documented attributes.

`build_network(tables)` returns a frozen `WijkNetwork` holding

* `multigraph`: a `networkx.MultiDiGraph` with every declared relation as given
  (direction and parallel relations kept);
* `co_participation`: the two-mode meeting data projected to actor pairs, one
  ``(actor, actor, meeting)`` triple per pair per shared meeting (`meeting_graph()` makes
  a graph of them, kind ``"gedeeld overleg"``);
* `graph`: the undirected weighted view the analyses use: one edge per linked pair,
  ``weight`` = the strongest declared relation (1-4), ``distance`` = 1 / weight (its
  nodes and edges are worked out at once, the networkx graph is made when first asked
  for: checking a file, ``wijkgraph validate``, never imports networkx);
* the tables themselves and metadata.

Node and edge attributes are documented once, in ``docs/data-model.md``.

Examples
--------
>>> import pandas as pd
>>> from wijkgraph.model.tables import tables_from_frames
>>> actors = pd.DataFrame({"name": ["A", "B", "C"], "domain": ["zorg", "welzijn", "zorg"]})
>>> relations = pd.DataFrame({"source": ["A", "A", "B"], "target": ["B", "B", "C"],
...                           "strength": [1, 3, 2], "kind": ["samenwerking", "verwijzing",
...                           "samenwerking"], "directed": ["nee", "ja", "nee"]})
>>> net = build_network(tables_from_frames(actors, relations))
>>> net.multigraph.number_of_edges(), net.graph.number_of_edges()
(3, 2)
>>> net.graph.edges["A", "B"]["weight"], net.graph.edges["A", "B"]["kinds"]
(3, ('samenwerking', 'verwijzing'))
"""

from __future__ import annotations

import functools
import itertools
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
import pandas as pd

from wijkgraph.model._memory import without_gc
from wijkgraph.model.schema import RelationKind
from wijkgraph.model.tables import ACTOR_COLUMNS, PROVENANCE, Tables

if TYPE_CHECKING:
    import networkx as nx

CO_PARTICIPATION = RelationKind.GEDEELD_OVERLEG.value


@dataclass(frozen=True, repr=False, eq=False)  # equal only to itself (tables hold frames)
class WijkNetwork:
    """A validated wijk network: graphs, tables and metadata. Do not mutate its graphs."""

    tables: Tables
    meta: Mapping[str, Any] = field(default_factory=dict)
    co_participation: tuple[tuple[str, str, str], ...] = ()
    graph_maker: GraphMaker | None = field(default=None, compare=False)

    @functools.cached_property
    def graph(self) -> nx.Graph:
        """The undirected weighted view the analyses use (see the module docs).

        Made when first asked for and shared (also by copies made with
        `dataclasses.replace`): do not mutate it.
        """
        if self.graph_maker is None:
            raise ValueError("a WijkNetwork is made by build_network")
        return self.graph_maker.graph()

    @functools.cached_property
    def multigraph(self) -> nx.MultiDiGraph:
        """Every declared relation as given (direction and parallel relations kept).

        Made when first asked for (most analyses use `graph`) and shared: do not mutate it.
        """
        return _multigraph(self)

    # --- shortcuts -------------------------------------------------------------------
    @property
    def actors(self) -> pd.DataFrame:
        """The actors table (one row per actor, in input order)."""
        return self.tables.actors

    @property
    def n_actors(self) -> int:
        return self.graph_maker.n_nodes() if self.graph_maker is not None else 0

    @property
    def n_relations(self) -> int:
        """Number of declared relations (rows of the relations table that were kept)."""
        return len(self.tables.relations)

    @property
    def name(self) -> str:
        return str(self.meta.get("name", ""))

    @property
    def is_directed(self) -> bool:
        """True when any declared relation is directed."""
        rel = self.tables.relations
        return bool(len(rel)) and bool(rel["directed"].any())

    @property
    def meetings(self) -> pd.DataFrame:
        return self.tables.meetings

    @property
    def warnings(self) -> tuple:
        return self.tables.warnings

    def label(self, actor: str) -> str:
        """The display name of an actor id."""
        return str(self.graph.nodes[actor].get("name", actor))

    # --- notebooks and other tools (wijkgraph.model.plain) -------------------------------
    def __repr__(self) -> str:
        from wijkgraph.model.plain import network_repr

        return network_repr(self)

    def _repr_html_(self) -> str:
        from wijkgraph.model.plain import network_html

        return network_html(self)

    def to_networkx(self, *, relations: bool = False) -> nx.Graph:
        """A plain networkx graph that networkx's writers accept (no private columns).

        ``relations=False``: the analysis view, one edge per linked pair; True: one edge
        per declared relation (MultiDiGraph). See `wijkgraph.model.plain.plain_graph`.
        """
        from wijkgraph.model.plain import plain_graph

        return plain_graph(self, relations=relations)

    def ego(self, actor: str, *, radius: int = 1) -> WijkNetwork:
        """The network of `actor` (id or exact name), the actors within `radius` ties
        (0: the actor alone) and every relation among them; ``meta`` gains ``ego`` and
        ``radius``. See `wijkgraph.model.plain.ego_tables`; raises `UnknownActorError`
        for an unknown actor.

        >>> from wijkgraph.sources.bundled import load_dataset
        >>> net = load_dataset("driehoek")
        >>> net.ego("dock-utrecht").n_actors == net.graph.degree("dock-utrecht") + 1
        True
        """
        from wijkgraph.model.plain import ego_tables

        centre, tables = ego_tables(self, actor, radius=radius)
        return build_network(tables, meta={**self.meta, "ego": centre, "radius": radius},
                             meeting_ties=bool(self.meta.get("meeting_ties", False)))

    # --- other views -----------------------------------------------------------------
    def directed_graph(self) -> nx.DiGraph:
        """Declared relations as a DiGraph: undirected relations become two arcs.

        Arc attributes: ``weight`` (strongest relation in that direction). Built once per
        network and shared: do not mutate it.
        """
        return self._directed_graph

    @functools.cached_property
    def _directed_graph(self) -> nx.DiGraph:
        import networkx as nx

        dg = nx.DiGraph()
        dg.add_nodes_from(self.graph.nodes(data=True))
        nodes, arcs = list(self.graph.nodes), self.arcs
        dg.add_edges_from((nodes[a], nodes[b], {"weight": w}) for a, b, w in zip(
            arcs.source.tolist(), arcs.target.tolist(), arcs.weight.tolist(), strict=True))
        return dg

    @functools.cached_property
    def arcs(self) -> Arcs:
        """`directed_graph` as arrays, without networkx: one entry per arc.

        ``source`` and ``target`` are positions in the graph's node order, ``weight`` the
        strongest relation in that direction; in the order of ``directed_graph().edges``
        (by source actor, then by first mention), self-loops included.

        >>> from wijkgraph.sources.bundled import load_dataset
        >>> net = load_dataset("driehoek")
        >>> nodes = list(net.graph)
        >>> [(nodes[a], nodes[b]) for a, b in zip(net.arcs.source, net.arcs.target)] == list(
        ...     net.directed_graph().edges)
        True
        """
        return _arcs(self.tables.relations, self.node_ids())

    def node_ids(self) -> list[str]:
        """The actors' ids in the order of `graph`'s nodes, without making the graph."""
        if "graph" in self.__dict__ or self.graph_maker is None:
            return list(self.graph.nodes)
        return self.graph_maker.node_ids()

    def meeting_graph(self) -> nx.Graph:
        """Co-participation ties: actors linked when they sit in the same meeting.

        ``weight`` is the number of shared meetings, ``meetings`` their ids, ``kind``
        ``"gedeeld overleg"``.
        """
        shared: dict[tuple[str, str], list[str]] = defaultdict(list)
        for a, b, meeting in self.co_participation:
            shared[(a, b)].append(meeting)
        import networkx as nx

        mg = nx.Graph()
        mg.add_nodes_from(self.graph.nodes(data=True))
        mg.add_edges_from((a, b, {"meetings": tuple(ms), "weight": len(ms),
                                  "kind": CO_PARTICIPATION})
                          for (a, b), ms in shared.items())
        return mg

    def bipartite(self) -> nx.Graph:
        """Two-mode graph: actor nodes (``bipartite=0``) and meeting nodes (``bipartite=1``).

        Meeting nodes are keyed ``("meeting", id)`` so they never clash with actor ids.
        """
        import networkx as nx

        bg = nx.Graph()
        for node, data in self.graph.nodes(data=True):
            bg.add_node(node, bipartite=0, **data)
        for row in self.tables.meetings.itertuples(index=False):
            bg.add_node(("meeting", row.id), bipartite=1, name=row.name, theme=row.theme,
                        wijk=row.wijk)
        for row in self.tables.participation.itertuples(index=False):
            bg.add_edge(row.actor, ("meeting", row.meeting))
        return bg

    def subnetwork(self, *, wijk: str) -> WijkNetwork:
        """The network of one area: the actors that work in it, in an area inside it or in
        an area it lies in (a city-wide party serves every wijk), and their ties.

        Areas nest as `wijkgraph.model.areas` places them; matching ignores case and
        accents. Raises `UnknownWijkError` when no actor works in or below that area.
        """
        from wijkgraph.errors import Problem, UnknownWijkError
        from wijkgraph.model.areas import area_tree

        tree = area_tree(self)
        area = tree.place(wijk) or wijk
        inside = self.actors["wijk"].map(lambda ws: any(tree.covers(area, w) for w in ws))
        keep = self.actors[self.actors["wijk"].map(lambda ws: any(tree.related(w, area) for w in ws))]
        if not inside.any():
            known = sorted({w for ws in self.actors["wijk"] for w in ws})
            raise UnknownWijkError(Problem("problem.unknown_wijk",
                                           params={"wijk": wijk, "known": ", ".join(known) or "-"}))
        ids = set(keep["id"])
        t = self.tables
        rel = t.relations[t.relations["source"].isin(ids) & t.relations["target"].isin(ids)]
        part = t.participation[t.participation["actor"].isin(ids)]
        meetings = t.meetings[t.meetings["id"].isin(set(part["meeting"]))]
        sub = Tables(keep.reset_index(drop=True), rel.reset_index(drop=True),
                     meetings.reset_index(drop=True), part.reset_index(drop=True),
                     t.warnings, t.source, t.extra_columns, t.areas)
        return build_network(sub, meta={**self.meta, "wijk": wijk},
                             meeting_ties=bool(self.meta.get("meeting_ties", False)))


class GraphMaker:
    """The nodes and edges of `WijkNetwork.graph`, made into a networkx graph when first
    asked for (then the lists are dropped).

    >>> maker = GraphMaker([("a", {"name": "A"}), ("b", {})], [("a", "b", {"weight": 2})])
    >>> maker.n_nodes(), maker.built
    (2, False)
    >>> maker.graph().edges["a", "b"]["weight"], maker.n_nodes(), maker.built
    (2, 2, True)
    """

    def __init__(self, nodes: list[tuple[str, dict[str, Any]]],
                 edges: list[tuple[str, str, dict[str, Any]]]) -> None:
        self._parts: tuple[list[Any], list[Any]] | None = (nodes, edges)
        self._graph: nx.Graph | None = None

    @property
    def built(self) -> bool:
        """Whether the networkx graph has been made."""
        return self._graph is not None

    def n_nodes(self) -> int:
        """Number of nodes (the actors: every edge joins two of them)."""
        if self._parts is not None:
            return len(self._parts[0])
        assert self._graph is not None
        return int(self._graph.number_of_nodes())

    def node_ids(self) -> list[str]:
        """The nodes in the graph's order, without making the graph.

        >>> GraphMaker([("a", {}), ("b", {})], []).node_ids()
        ['a', 'b']
        """
        if self._parts is not None:
            return [v for v, _attrs in self._parts[0]]
        assert self._graph is not None
        return list(self._graph.nodes)

    def edge_arrays(self) -> EdgeArrays | None:
        """The edges of the graph as arrays, in the order of ``graph().edges``, without
        making the graph; None once it is made (read the graph then) or when two edges
        join the same pair (networkx merges them).

        networkx lists an edge under its end that comes first in the node order, and an
        actor's edges in the order they were added: so the edges are sorted by their
        first end, stably. An analysis engine built from these arrays is the one built
        from the graph, so the shortest-path work can start before the graph is made.

        >>> maker = GraphMaker([("a", {}), ("b", {}), ("c", {})],
        ...                    [("c", "b", {"weight": 2}), ("b", "a", {})])
        >>> arrays = maker.edge_arrays()
        >>> arrays.first.tolist(), arrays.second.tolist(), arrays.weight.tolist()
        ([0, 1], [1, 2], [1.0, 2.0])
        >>> [tuple(maker.node_ids()[i] for i in e) for e in zip(arrays.first, arrays.second)]
        [('a', 'b'), ('b', 'c')]
        >>> list(maker.graph().edges)
        [('a', 'b'), ('b', 'c')]
        """
        if self._parts is None:
            return None
        nodes, edges = self._parts
        where = {v: i for i, (v, _attrs) in enumerate(nodes)}
        m = len(edges)
        a = np.fromiter((where[e[0]] for e in edges), dtype=np.int64, count=m)
        b = np.fromiter((where[e[1]] for e in edges), dtype=np.int64, count=m)
        weight = np.fromiter((e[2].get("weight", 1) or 1 for e in edges), dtype=float, count=m)
        first, second = np.minimum(a, b), np.maximum(a, b)
        if m and len(np.unique(first * len(nodes) + second)) < m:
            return None
        order = np.argsort(first, kind="stable")
        return EdgeArrays(first[order], second[order], weight[order])

    @without_gc
    def graph(self) -> nx.Graph:
        """The graph (made at the first call, the same object after; `WijkNetwork.graph`
        keeps it, so this is asked once per network)."""
        if self._graph is None:
            import networkx as nx

            assert self._parts is not None
            nodes, edges = self._parts
            graph = nx.Graph()
            graph.add_nodes_from(nodes)
            graph.add_edges_from(edges)
            self._graph, self._parts = graph, None
        return self._graph


class EdgeArrays(NamedTuple):
    """The undirected graph's edges as arrays (`GraphMaker.edge_arrays`): positions in
    the node order (``first`` the earlier end) and the ``weight`` attribute (missing or
    0: 1)."""

    first: np.ndarray
    second: np.ndarray
    weight: np.ndarray


class Arcs(NamedTuple):
    """The directed view as arrays (`WijkNetwork.arcs`)."""

    source: np.ndarray
    target: np.ndarray
    weight: np.ndarray


def _arcs(rel: pd.DataFrame, nodes: list[Any]) -> Arcs:
    """One arc per direction of every relation (undirected: both), strongest weight,
    ordered like a DiGraph built from them in order of first mention."""
    if not len(rel):
        empty = np.zeros(0, dtype=np.int64)
        return Arcs(empty, empty, empty.copy())
    where = pd.Index(nodes)
    s = where.get_indexer(rel["source"].to_numpy(dtype=object))
    t = where.get_indexer(rel["target"].to_numpy(dtype=object))
    w = rel["strength"].to_numpy().astype(np.int64)
    back = ~rel["directed"].to_numpy().astype(bool)
    # per row: (s, t), then (t, s) when undirected; the mention order of each arc
    src = np.column_stack([s, np.where(back, t, -1)]).ravel()
    dst = np.column_stack([t, np.where(back, s, -1)]).ravel()
    wt = np.column_stack([w, w]).ravel()
    real = src >= 0
    src, dst, wt = src[real], dst[real], wt[real]
    codes, _ = pd.factorize(src * len(nodes) + dst, sort=False)
    n_arcs = int(codes.max()) + 1
    first = np.full(n_arcs, len(codes), dtype=np.int64)
    np.minimum.at(first, codes, np.arange(len(codes)))
    weight = np.zeros(n_arcs, dtype=np.int64)
    np.maximum.at(weight, codes, wt)
    order = np.argsort(src[first], kind="stable")  # first-mention order within a source
    return Arcs(src[first][order], dst[first][order], weight[order])


@without_gc
def build_network(tables: Tables, *, meta: Mapping[str, Any] | None = None,
                  meeting_ties: bool = False) -> WijkNetwork:
    """Build the `WijkNetwork` of validated tables.

    Parameters
    ----------
    tables : Tables
        Output of `load_tables` or `tables_from_frames`.
    meta : mapping, optional
        Free metadata (dataset name, title, source); kept on the network.
    meeting_ties : bool, default False
        Also put co-participation ties (shared meetings) into the analysis view `graph`,
        with weight 1 and ``explicit=False``. By default the analyses see declared
        relations only, and shared meetings are analysed as two-mode data.

    Returns
    -------
    WijkNetwork
    """
    meetings_of: dict[str, list[str]] = defaultdict(list)
    members: dict[str, list[str]] = defaultdict(list)
    part = tables.participation
    for actor, meeting in zip(part["actor"].tolist(), part["meeting"].tolist(), strict=True):
        meetings_of[actor].append(meeting)
        members[meeting].append(actor)
    nodes = _nodes(tables.actors, meetings_of)
    co_pairs: list[tuple[str, str, str]] = []
    for meeting in tables.meetings["id"].tolist():
        for a, b in itertools.combinations(sorted(set(members.get(meeting, ()))), 2):
            co_pairs.append((a, b, meeting))
    edges = _pair_edges(tables.relations, co_pairs if meeting_ties else [])
    info = {"source": tables.source, "meeting_ties": meeting_ties, **(meta or {})}
    return WijkNetwork(tables=tables, meta=info, co_participation=tuple(co_pairs),
                       graph_maker=GraphMaker(nodes, edges))


def _nodes(actors: pd.DataFrame, meetings_of: Mapping[str, list[str]]
           ) -> list[tuple[str, dict[str, Any]]]:
    """The nodes of the actors table with their attributes (see ``docs/data-model.md``)."""
    extra_cols = [c for c in actors.columns if c not in ACTOR_COLUMNS + PROVENANCE]
    extras = ([{c: v for c, v in zip(extra_cols, values, strict=True) if v not in ("", None)}
               for values in zip(*(actors[c].tolist() for c in extra_cols), strict=True)]
              if extra_cols else [{} for _ in range(len(actors))])
    columns = [actors[c].tolist() for c in ("id", "name", "type", "domain", "role", "wijk",
                                            "themes", "description", "contact", "_row")]
    return [(actor, {"name": name, "type": kind, "domain": domain, "role": role,
                     "wijk": tuple(wijk), "themes": tuple(themes), "description": description,
                     "contact": contact, "meetings": tuple(meetings_of.get(actor, ())),
                     "extra": extra, "row": int(row)})
            for actor, name, kind, domain, role, wijk, themes, description, contact, row, extra
            in zip(*columns, extras, strict=True)]


def _pair_edges(rel: pd.DataFrame, co_pairs: list[tuple[str, str, str]]
                ) -> list[tuple[str, str, dict[str, Any]]]:
    """One edge per linked pair, in order of first mention: the relations, then `co_pairs`.

    ``weight`` is the strongest relation (1 for a shared meeting), the tuples are sorted
    sets of what the pair's rows say. Pairs named once (most) are made column-wise; only
    pairs with several rows are gathered row by row.
    """
    n_rel = len(rel)
    src = rel["source"].tolist() + [a for a, _b, _m in co_pairs]
    tgt = rel["target"].tolist() + [b for _a, b, _m in co_pairs]
    empty = [""] * len(co_pairs)
    kinds = rel["kind"].tolist() + [CO_PARTICIPATION] * len(co_pairs)
    channels = rel["channel"].tolist() + empty
    themes = rel["theme"].tolist() + empty
    waves = rel["wave"].tolist() + empty
    meetings = [""] * n_rel + [m for _a, _b, m in co_pairs]
    strength = [int(x) for x in rel["strength"].tolist()] + [1] * len(co_pairs)
    directed = [bool(x) for x in rel["directed"].tolist()] + [False] * len(co_pairs)
    if not src:
        return []
    s_arr, t_arr = np.array(src, dtype=object), np.array(tgt, dtype=object)
    swap = s_arr > t_arr
    low, high = np.where(swap, t_arr, s_arr), np.where(swap, s_arr, t_arr)
    codes, _uniques = pd.factorize(low + "\x00" + high, sort=False)  # ids hold no NUL
    n_pairs = int(codes.max()) + 1
    counts = np.bincount(codes, minlength=n_pairs)
    first = np.full(n_pairs, len(codes), dtype=np.int64)
    np.minimum.at(first, codes, np.arange(len(codes)))
    weight = np.zeros(n_pairs, dtype=np.int64)
    np.maximum.at(weight, codes, np.asarray(strength, dtype=np.int64))
    explicit = np.bincount(codes[:n_rel], minlength=n_pairs)  # relations per pair
    one: dict[str, tuple[str, ...]] = {v: (v,) for v in {*kinds, *channels, *themes, *waves,
                                                          *meetings}}
    one[""] = ()
    rows = first.tolist()
    attrs: dict[str, list[Any]] = {
        "kinds": [one[kinds[r]] for r in rows], "channels": [one[channels[r]] for r in rows],
        "themes": [one[themes[r]] for r in rows], "waves": [one[waves[r]] for r in rows],
        "meetings": [one[meetings[r]] for r in rows],
        "directions": [((src[r], tgt[r]),) if directed[r] else () for r in rows],
    }
    columns = {"kinds": kinds, "channels": channels, "themes": themes, "waves": waves,
               "meetings": meetings}
    several = np.flatnonzero(counts[codes] > 1).tolist()  # rows of pairs named more than once
    gathered: dict[int, dict[str, set[Any]]] = {}
    for r in several:
        sets = gathered.setdefault(int(codes[r]), {k: set() for k in (*columns, "directions")})
        for name, values in columns.items():
            if values[r]:
                sets[name].add(values[r])
        if directed[r]:
            sets["directions"].add((src[r], tgt[r]))
    for code, sets in gathered.items():
        for name, values in sets.items():
            attrs[name][code] = tuple(sorted(values))
    return [(low[r], high[r], {
        "weight": w, "distance": 1.0 / w, "n_relations": n, "kinds": k, "channels": c,
        "themes": th, "waves": wv, "directions": d, "explicit": n > 0, "meetings": m})
        for r, w, n, k, c, th, wv, d, m in zip(
            rows, weight.tolist(), explicit.tolist(), attrs["kinds"], attrs["channels"],
            attrs["themes"], attrs["waves"], attrs["directions"], attrs["meetings"],
            strict=True)]


def _multigraph(network: WijkNetwork) -> nx.MultiDiGraph:
    """Every declared relation as given: direction and parallel relations kept."""
    import networkx as nx

    mg = nx.MultiDiGraph()
    mg.add_nodes_from(network.graph.nodes(data=True))
    rel = network.tables.relations
    columns = [rel[c].tolist() for c in ("source", "target", "kind", "channel", "strength",
                                         "theme", "wave", "directed", "_row")]
    descriptions = (rel["description"].tolist() if "description" in rel.columns
                    else [""] * len(rel))
    mg.add_edges_from(
        (s, t, {"kind": kind, "channel": channel, "strength": int(strength), "theme": theme,
                "wave": wave, "directed": bool(directed), "description": description,
                "explicit": True, "row": int(row)})
        for s, t, kind, channel, strength, theme, wave, directed, row, description
        in zip(*columns, descriptions, strict=True))
    return mg
