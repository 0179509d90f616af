"""Tiny named wijk networks with hand-workable answers, shared by the tests.

Each graph is built through the real pipeline (`tables_from_frames` + `build_network`), so
node and edge attributes are exactly those the analyses see. Add new graphs to `GRAPHS`;
the invariant tests run every analysis on every graph here.

Examples
--------
>>> net = GRAPHS["path"]()
>>> net.n_actors, net.graph.number_of_edges()
(3, 2)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace

import networkx as nx
import pandas as pd

from wijkgraph.model.network import WijkNetwork, build_network
from wijkgraph.model.tables import tables_from_frames

Edge = tuple[str, str] | tuple[str, str, int]


def make_network(
    edges: Iterable[Edge],
    domains: Mapping[str, str] | None = None,
    *,
    actors: Sequence[str] = (),
    directed: bool | Iterable[tuple[str, str]] = False,
    meetings: Mapping[str, Sequence[str]] | None = None,
    wijk: Mapping[str, str] | None = None,
    themes: Mapping[str, str] | None = None,
    names: Mapping[str, str] | None = None,
) -> WijkNetwork:
    """A WijkNetwork from ``(a, b)`` or ``(a, b, strength)`` tuples (ids = names unless `names`).

    `directed` is True (every relation directed a -> b) or the set of directed pairs.
    `meetings` maps a meeting id to its participants.
    """
    edges = list(edges)
    domains = dict(domains or {})
    ids = list(dict.fromkeys([*actors, *domains, *(x for e in edges for x in e[:2])]))
    names = dict(names or {})
    directed_pairs = ({(e[0], e[1]) for e in edges} if directed is True
                      else set(directed or ()))
    actors_df = pd.DataFrame({
        "id": ids,
        "name": [names.get(i, i) for i in ids],
        "domain": [domains.get(i, "") for i in ids],
        "wijk": [(wijk or {}).get(i, "") for i in ids],
        "themes": [(themes or {}).get(i, "") for i in ids],
    })
    relations_df = pd.DataFrame({
        "source": [e[0] for e in edges],
        "target": [e[1] for e in edges],
        "strength": [e[2] if len(e) > 2 else 1 for e in edges],  # type: ignore[misc]
        "directed": ["ja" if (e[0], e[1]) in directed_pairs else "nee" for e in edges],
    }, columns=["source", "target", "strength", "directed"])
    meetings_df = part_df = None
    if meetings:
        meetings_df = pd.DataFrame({"id": list(meetings), "name": list(meetings)})
        part_df = pd.DataFrame([(a, m) for m, members in meetings.items() for a in members],
                               columns=["actor", "meeting"])
    return build_network(tables_from_frames(actors_df, relations_df, meetings_df, part_df))


def relabel(net: WijkNetwork, prefix: str = "x-", *, reverse: bool = True) -> WijkNetwork:
    """The same network with every actor id renamed (names kept) and, by default, the
    actors and relations listed in reverse order: for invariance tests."""
    t = net.tables
    mapping = {a: f"{prefix}{a}" for a in t.actors["id"]}
    actors = t.actors.drop(columns=["_file", "_sheet", "_row"], errors="ignore").copy()
    if reverse:
        actors = actors.iloc[::-1]
    actors["id"] = actors["id"].map(mapping)
    for col in ("wijk", "themes"):
        actors[col] = actors[col].map(lambda v: ";".join(v))
    rel = t.relations[["source", "target", "strength", "directed"]].copy()
    rel["source"] = rel["source"].map(mapping)
    rel["target"] = rel["target"].map(mapping)
    rel["directed"] = rel["directed"].map(lambda d: "ja" if d else "nee")
    if reverse:
        rel = rel.iloc[::-1]
    meetings = part = None
    if len(t.meetings):
        meetings = t.meetings[["id", "name"]].copy()
        part = t.participation[["actor", "meeting"]].copy()
        part["actor"] = part["actor"].map(mapping)
    if actors.empty:
        return net
    return build_network(tables_from_frames(actors, rel, meetings, part))


def empty() -> WijkNetwork:
    """No actors at all (validation refuses an empty actors table, so built directly)."""
    t = make_network([], actors=["A"]).tables
    return build_network(replace(t, actors=t.actors.iloc[0:0], relations=t.relations.iloc[0:0]))


def single() -> WijkNetwork:
    return make_network([], {"A": "zorg"})


def pair() -> WijkNetwork:
    return make_network([("A", "B", 2)], {"A": "zorg", "B": "welzijn"})


def path() -> WijkNetwork:
    """A - B - C; B is the only link between A and C (also a 'triangle missing a side')."""
    return make_network([("A", "B"), ("B", "C")], {"A": "zorg", "B": "welzijn", "C": "zorg"})


def star() -> WijkNetwork:
    """Hub H with four leaves in three domains."""
    return make_network([("H", "L1"), ("H", "L2"), ("H", "L3"), ("H", "L4")],
                        {"H": "welzijn", "L1": "zorg", "L2": "zorg", "L3": "inwoners",
                         "L4": "wonen"}, meetings={"m1": ["H", "L1", "L2"], "m2": ["H", "L3"]})


def triangle() -> WijkNetwork:
    return make_network([("A", "B"), ("B", "C"), ("A", "C")],
                        {"A": "zorg", "B": "zorg", "C": "welzijn"})


def barbell() -> WijkNetwork:
    """Two zorg/welzijn cliques of four, joined only through broker X (inwoners)."""
    left = ["Z1", "Z2", "Z3", "Z4"]
    right = ["W1", "W2", "W3", "W4"]
    edges: list[Edge] = [(a, b, 3) for grp in (left, right)
                         for i, a in enumerate(grp) for b in grp[i + 1:]]
    edges += [("Z1", "X", 2), ("X", "W1", 2)]
    domains = {**{a: "zorg" for a in left}, **{b: "welzijn" for b in right}, "X": "inwoners"}
    wijk = {**{a: "Oost" for a in left}, **{b: "Zuid" for b in right}, "X": "Oost"}
    themes = {**{a: "gezondheid" for a in left}, **{b: "eenzaamheid" for b in right}}
    return make_network(edges, domains, wijk=wijk, themes=themes,
                        meetings={"wijkoverleg": ["X", "Z1", "W1"], "zorgoverleg": ["Z1", "Z2"]})


def kite() -> WijkNetwork:
    """Krackhardt's kite (networkx node numbers as ids 'k0'..'k9')."""
    g = nx.krackhardt_kite_graph()
    doms = ["zorg", "zorg", "zorg", "welzijn", "welzijn", "welzijn", "inwoners",
            "inwoners", "wonen", "wonen"]
    return make_network([(f"k{u}", f"k{v}") for u, v in g.edges],
                        {f"k{i}": d for i, d in enumerate(doms)})


def disconnected() -> WijkNetwork:
    """A path of four, a separate pair and an isolate."""
    return make_network([("A", "B", 4), ("B", "C", 1), ("C", "D", 2), ("E", "F")],
                        {"A": "zorg", "B": "welzijn", "C": "welzijn", "D": "wonen",
                         "E": "zorg", "F": "zorg", "G": "inwoners"})


def directed_chain() -> WijkNetwork:
    """Directed referrals a -> b -> c -> d plus a mutual tie b - e."""
    return make_network([("a", "b"), ("b", "c"), ("c", "d"), ("b", "e")],
                        {"a": "zorg", "b": "welzijn", "c": "welzijn", "d": "wonen",
                         "e": "welzijn"}, directed={("a", "b"), ("b", "c"), ("c", "d")})


def no_domains() -> WijkNetwork:
    """A square without any domain filled in."""
    return make_network([("A", "B"), ("B", "C"), ("C", "D"), ("D", "A")])


GRAPHS: dict[str, Callable[[], WijkNetwork]] = {
    "empty": empty,
    "single": single,
    "pair": pair,
    "path": path,
    "star": star,
    "triangle": triangle,
    "barbell": barbell,
    "kite": kite,
    "disconnected": disconnected,
    "directed_chain": directed_chain,
    "no_domains": no_domains,
}


def borgatti() -> tuple[nx.Graph, dict[tuple[str, str], int]]:
    """Borgatti's 1997 structural-holes example graph and its weights (networkx' tests)."""
    weights = {("A", "B"): 2, ("A", "F"): 3, ("A", "G"): 5, ("A", "E"): 2, ("E", "G"): 8,
               ("F", "G"): 3, ("B", "G"): 4, ("B", "D"): 1, ("D", "G"): 3, ("G", "C"): 10}
    return nx.Graph(list(weights)), weights
