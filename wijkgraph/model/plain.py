"""The network for other tools and for a notebook: plain graphs, an ego network, a repr.

* `plain_graph`: a networkx graph whose attribute values are only ``str``, ``int``,
  ``float`` and ``bool`` (several values joined with ``;``), without the private
  ``contact`` column and the bookkeeping ``row``, so that ``nx.write_gexf``,
  ``nx.write_graphml`` and every other networkx writer accept it
  (`WijkNetwork.to_networkx`).
* `ego_tables`: one actor, the actors within `radius` steps of it and the ties among
  them; `WijkNetwork.ego` makes a network of them to export or show like any network.
* `network_repr` / `network_html`: a one-line repr and a small HTML card for Jupyter.

Examples
--------
>>> import pandas as pd
>>> from wijkgraph.model.tables import tables_from_frames
>>> from wijkgraph.model.network import build_network
>>> actors = pd.DataFrame({"name": ["A", "B", "C", "D"], "wijk": ["Oost;Zuid", "", "", ""],
...                        "contact": ["a@x.nl", "", "", ""]})
>>> relations = pd.DataFrame({"source": ["A", "B", "C"], "target": ["B", "C", "D"]})
>>> net = build_network(tables_from_frames(actors, relations))
>>> g = plain_graph(net)
>>> g.nodes["A"]["wijk"], "contact" in g.nodes["A"]
('Oost;Zuid', False)
>>> sorted(net.ego("B").graph.nodes)
['A', 'B', 'C']
"""

from __future__ import annotations

import html
from collections import Counter
from typing import TYPE_CHECKING, Any

import networkx as nx

from wijkgraph.i18n import MESSAGES, N_, register
from wijkgraph.model.schema import column_private

if TYPE_CHECKING:  # pragma: no cover
    from wijkgraph.model.network import WijkNetwork
    from wijkgraph.model.tables import Tables

if "problem.ego_unknown_actor" not in MESSAGES:
    register({"problem.ego_unknown_actor": N_(
        "There is no actor '{name}' in the network. Use an id or the exact name from the "
        "actors table.")})

#: Node and edge attributes that never leave the model (private or bookkeeping).
HIDDEN = frozenset({"contact", "row", "extra"})


def plain_value(value: Any) -> str | int | float | bool:
    """A value every networkx writer accepts: tuples, lists and sets ``;``-joined.

    >>> plain_value(("Oost", "Zuid")), plain_value(None), plain_value(3), plain_value({"b", "a"})
    ('Oost;Zuid', '', 3, 'a;b')
    """
    if isinstance(value, bool | int | float | str):
        return value
    if value is None:
        return ""
    if isinstance(value, tuple | list):
        return ";".join(str(plain_value(v)) for v in value)
    if isinstance(value, set | frozenset):
        return ";".join(sorted(str(plain_value(v)) for v in value))
    return str(value)


def _plain_attrs(data: dict[str, Any]) -> dict[str, str | int | float | bool]:
    out = {str(k): plain_value(v) for k, v in data.items() if k not in HIDDEN}
    for k, v in (data.get("extra") or {}).items():
        if k not in out and not column_private("actors", str(k)) and str(k) not in HIDDEN:
            out[str(k)] = plain_value(v)
    return out


def plain_graph(network: WijkNetwork, *, relations: bool = False) -> nx.Graph:
    """A plain networkx copy of the network, for networkx's writers and other tools.

    Parameters
    ----------
    network : WijkNetwork
    relations : bool, default False
        False: the analysis view (an undirected `nx.Graph`, one edge per linked pair,
        ``weight`` = strongest strength, ``kinds`` etc. ``;``-joined, ``directions`` as
        ``"a>b"`` items). True: one edge per declared relation (an `nx.MultiDiGraph`;
        an undirected relation is one edge with ``directed=False``).

    Returns
    -------
    networkx.Graph or networkx.MultiDiGraph
        Node ids are the actor ids (strings); values are str, int, float or bool only;
        no ``contact``, no extra column that holds contact details, no ``row``.

    Examples
    --------
    >>> import io, networkx as nx
    >>> from wijkgraph.sources.bundled import load_dataset
    >>> g = plain_graph(load_dataset("driehoek"), relations=True)
    >>> buffer = io.BytesIO(); nx.write_graphml(g, buffer)
    >>> g.number_of_edges() == load_dataset("driehoek").n_relations
    True
    """
    source = network.multigraph if relations else network.graph
    out: nx.Graph = nx.MultiDiGraph() if relations else nx.Graph()
    out.graph["name"] = network.name
    out.add_nodes_from((n, _plain_attrs(d)) for n, d in source.nodes(data=True))
    if relations:
        out.add_edges_from((u, v, _plain_attrs(d))
                           for u, v, d in network.multigraph.edges(data=True))
    else:
        for u, v, d in network.graph.edges(data=True):
            attrs = _plain_attrs({k: w for k, w in d.items() if k != "directions"})
            attrs["directions"] = ";".join(f"{s}>{t}" for s, t in d.get("directions", ()))
            out.add_edge(u, v, **attrs)
    return out


def find_actor(network: WijkNetwork, actor: str) -> str:
    """The id of `actor`, given as an id or as the exact name (case and accents ignored).

    Raises `UnknownActorError` when no actor has that id or name.
    """
    from wijkgraph.errors import Problem, UnknownActorError
    from wijkgraph.model.schema import fold

    if actor in network.graph:
        return actor
    wanted = fold(actor)
    for node, data in network.graph.nodes(data=True):
        if fold(str(data.get("name", ""))) == wanted or fold(str(node)) == wanted:
            return str(node)
    raise UnknownActorError(Problem("problem.ego_unknown_actor", params={"name": actor}))


def ego_tables(network: WijkNetwork, actor: str, *, radius: int = 1) -> tuple[str, Tables]:
    """The id of `actor` and the tables of its ego network (`WijkNetwork.ego` builds it).

    The ego network: the actor, every actor within `radius` steps, and every declared
    relation among them (not only those of the ego), their meetings and participation.
    Steps follow the analysis view (declared relations in either direction, and shared
    meetings when the network was built with ``meeting_ties``).

    Examples
    --------
    >>> from wijkgraph.sources.bundled import load_dataset
    >>> net = load_dataset("driehoek")
    >>> centre, tables = ego_tables(net, "DOCK Utrecht")
    >>> centre, len(tables.actors) == net.graph.degree("dock-utrecht") + 1
    ('dock-utrecht', True)
    """
    from wijkgraph.model.tables import Tables

    if radius < 0:
        raise ValueError("radius must be 0 or more")
    centre = find_actor(network, actor)
    ids = set(nx.single_source_shortest_path_length(network.graph, centre, cutoff=radius))
    t = network.tables
    keep = t.actors[t.actors["id"].isin(ids)]
    rel = t.relations[t.relations["source"].isin(ids) & t.relations["target"].isin(ids)]
    part = t.participation[t.participation["actor"].isin(ids)]
    meetings = t.meetings[t.meetings["id"].isin(set(part["meeting"]))]
    return centre, Tables(keep.reset_index(drop=True), rel.reset_index(drop=True),
                          meetings.reset_index(drop=True), part.reset_index(drop=True),
                          t.warnings, t.source, t.extra_columns, t.areas)


def network_repr(network: WijkNetwork) -> str:
    """One line: name, actors, relations, ties, meetings, directed or not.

    >>> from wijkgraph.sources.bundled import load_dataset
    >>> network_repr(load_dataset("driehoek"))
    '<WijkNetwork driehoek: 50 actors, 106 relations (directed), 106 ties, 11 meetings>'
    """
    name = f" {network.name}" if network.name else ""
    directed = " (directed)" if network.is_directed else ""
    return (f"<WijkNetwork{name}: {network.n_actors} actors, {network.n_relations} "
            f"relations{directed}, {network.graph.number_of_edges()} ties, "
            f"{len(network.meetings)} meetings>")


def network_html(network: WijkNetwork, *, top: int = 5) -> str:
    """A small HTML card: the repr line and the most common domains (escaped)."""
    domains = Counter(str(d.get("domain", "")) or "?"
                      for _n, d in network.graph.nodes(data=True))
    rows = "".join(f"<tr><td>{html.escape(k)}</td><td>{v}</td></tr>"
                   for k, v in sorted(domains.items(), key=lambda kv: (-kv[1], kv[0]))[:top])
    return (f"<div><code>{html.escape(network_repr(network))}</code>"
            f"<table><tr><th>domain</th><th>actors</th></tr>{rows}</table></div>")
