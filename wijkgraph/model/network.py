"""The wijk network: validated tables turned into networkx graphs with documented attributes.

`build_network(tables)` returns a frozen `WijkNetwork` holding

* `multigraph`: a `networkx.MultiDiGraph` with every declared relation as given
  (direction and parallel relations kept);
* `co_participation`: the two-mode meeting data projected to actor pairs, one
  ``(actor, actor, meeting)`` triple per pair per shared meeting (`meeting_graph()` makes
  a graph of them, kind ``"gedeeld overleg"``);
* `graph`: the undirected weighted view the analyses use: one edge per linked pair,
  ``weight`` = the strongest declared relation (1-4), ``distance`` = 1 / weight;
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
from typing import Any

import networkx as nx
import pandas as pd

from wijkgraph.model.schema import RelationKind
from wijkgraph.model.tables import ACTOR_COLUMNS, PROVENANCE, Tables

CO_PARTICIPATION = RelationKind.GEDEELD_OVERLEG.value


@dataclass(frozen=True, repr=False)
class WijkNetwork:
    """A validated wijk network: graphs, tables and metadata. Do not mutate its graphs."""

    graph: nx.Graph
    multigraph: nx.MultiDiGraph
    tables: Tables
    meta: Mapping[str, Any] = field(default_factory=dict)
    co_participation: tuple[tuple[str, str, str], ...] = ()

    # --- shortcuts -------------------------------------------------------------------
    @property
    def actors(self) -> pd.DataFrame:
        """The actors table (one row per actor, in input order)."""
        return self.tables.actors

    @property
    def n_actors(self) -> int:
        return self.graph.number_of_nodes()

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
        dg = nx.DiGraph()
        dg.add_nodes_from(self.graph.nodes(data=True))
        rel = self.tables.relations
        arcs: dict[tuple[str, str], int] = {}
        for s, t, strength, directed in zip(rel["source"].tolist(), rel["target"].tolist(),
                                            rel["strength"].tolist(), rel["directed"].tolist(),
                                            strict=True):
            for arc in ((s, t),) if directed else ((s, t), (t, s)):
                arcs[arc] = max(arcs.get(arc, 0), int(strength))
        dg.add_edges_from((a, b, {"weight": w}) for (a, b), w in arcs.items())
        return dg

    def meeting_graph(self) -> nx.Graph:
        """Co-participation ties: actors linked when they sit in the same meeting.

        ``weight`` is the number of shared meetings, ``meetings`` their ids, ``kind``
        ``"gedeeld overleg"``.
        """
        shared: dict[tuple[str, str], list[str]] = defaultdict(list)
        for a, b, meeting in self.co_participation:
            shared[(a, b)].append(meeting)
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
    mg = nx.MultiDiGraph()
    meetings_of: dict[str, list[str]] = defaultdict(list)
    members: dict[str, list[str]] = defaultdict(list)
    part = tables.participation
    for actor, meeting in zip(part["actor"].tolist(), part["meeting"].tolist(), strict=True):
        meetings_of[actor].append(meeting)
        members[meeting].append(actor)
    extra_cols = [c for c in tables.actors.columns if c not in ACTOR_COLUMNS + PROVENANCE]
    mg.add_nodes_from(
        (rec["id"], {
            "name": rec["name"],
            "type": rec["type"],
            "domain": rec["domain"],
            "role": rec["role"],
            "wijk": tuple(rec["wijk"]),
            "themes": tuple(rec["themes"]),
            "description": rec["description"],
            "contact": rec["contact"],
            "meetings": tuple(meetings_of.get(rec["id"], ())),
            "extra": {c: rec[c] for c in extra_cols if rec[c] not in ("", None)},
            "row": int(rec["_row"]),
        })
        for rec in tables.actors.to_dict("records")
    )
    rel = tables.relations
    columns = [rel[c].tolist() for c in ("source", "target", "kind", "channel", "strength",
                                         "theme", "wave", "directed", "_row")]
    descriptions = (rel["description"].tolist() if "description" in rel.columns
                    else [""] * len(rel))
    relations = list(zip(*columns, descriptions, strict=True))
    mg.add_edges_from(
        (s, t, {"kind": kind, "channel": channel, "strength": int(strength), "theme": theme,
                "wave": wave, "directed": bool(directed), "description": description,
                "explicit": True, "row": int(row)})
        for s, t, kind, channel, strength, theme, wave, directed, row, description in relations
    )
    co_pairs: list[tuple[str, str, str]] = []
    for meeting in tables.meetings["id"].tolist():
        for a, b in itertools.combinations(sorted(set(members.get(meeting, ()))), 2):
            co_pairs.append((a, b, meeting))

    graph = nx.Graph()
    graph.add_nodes_from(mg.nodes(data=True))
    pairs: dict[tuple[str, str], dict[str, Any]] = {}

    def slot(s: str, t: str) -> dict[str, Any]:
        key = (s, t) if s <= t else (t, s)
        agg = pairs.get(key)
        if agg is None:
            agg = pairs[key] = {"weight": 0, "n_relations": 0, "kinds": set(), "channels": set(),
                                "themes": set(), "waves": set(), "directions": set(),
                                "explicit": False, "meetings": set()}
        return agg

    for s, t, kind, channel, strength, theme, wave, directed, _row, _d in relations:
        agg = slot(s, t)
        agg["weight"] = max(agg["weight"], int(strength))
        agg["n_relations"] += 1
        agg["explicit"] = True
        if directed:
            agg["directions"].add((s, t))
        for attr, value in (("kinds", kind), ("channels", channel), ("themes", theme),
                            ("waves", wave)):
            if value:
                agg[attr].add(value)
    if meeting_ties:
        for a, b, meeting in co_pairs:
            agg = slot(a, b)
            agg["meetings"].add(meeting)
            agg["kinds"].add(CO_PARTICIPATION)
            agg["weight"] = max(agg["weight"], 1)
    graph.add_edges_from(
        (a, b, {
            "weight": agg["weight"],
            "distance": 1.0 / agg["weight"],
            "n_relations": agg["n_relations"],
            "kinds": tuple(sorted(agg["kinds"])),
            "channels": tuple(sorted(agg["channels"])),
            "themes": tuple(sorted(agg["themes"])),
            "waves": tuple(sorted(agg["waves"])),
            "directions": tuple(sorted(agg["directions"])),
            "explicit": agg["explicit"],
            "meetings": tuple(sorted(agg["meetings"])),
        })
        for (a, b), agg in pairs.items()
    )
    info = {"source": tables.source, "meeting_ties": meeting_ties, **(meta or {})}
    return WijkNetwork(graph=graph, multigraph=mg, tables=tables, meta=info,
                       co_participation=tuple(co_pairs))
