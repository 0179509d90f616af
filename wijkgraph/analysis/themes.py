"""Agendas on top of each other: per theme who works on it, and where overlap and gaps are.

"Agenda's van verschillende organisaties en initiatieven op elkaar leggen: waar is overlap
en waar zitten gaten" (seed 003). For every theme of the actors:

* who works on it and whether they are connected: the parts (connected components) of
  the theme's subgraph, i.e. the declared ties among the actors on that theme;
* the wijken (those the data is about) where nobody works on it;
* **duplicate-effort risk** ("dubbele acties", seed 004): two actors of the same kind (the
  same reference role, else the same role text, else the same type and domain) on the same
  theme in the same wijk with no tie between them.

Examples
--------
>>> import pandas as pd
>>> from wijkgraph.model.tables import tables_from_frames
>>> from wijkgraph.model.network import build_network
>>> actors = pd.DataFrame({
...     "name": ["Eettafel Noord", "Samen Eten Zuid", "DOCK"],
...     "role": ["bewonersinitiatief", "bewonersinitiatief", "sociaal makelaar"],
...     "wijk": "Oost", "themes": ["eenzaamheid", "eenzaamheid", "eenzaamheid"]})
>>> relations = pd.DataFrame({"source": ["DOCK"], "target": ["Eettafel Noord"]})
>>> result = themes(build_network(tables_from_frames(actors, relations)))
>>> result.to_frame()[["theme", "n_actors", "n_parts"]].values.tolist()
[['eenzaamheid', 3, 2]]
>>> result.duplicates_frame()[["source_name", "target_name", "theme", "wijk"]].values.tolist()
[['Eettafel Noord', 'Samen Eten Zuid', 'eenzaamheid', 'Oost']]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from wijkgraph._components import component_labels
from wijkgraph.analysis._result import displayed, jsonable
from wijkgraph.analysis._summary import Finding, Summary, Table, fmt_cell, paragraphs, table_from_frame
from wijkgraph.analysis.engine import engine_for
from wijkgraph.analysis.roles import RoleAssignment, recognise_roles, wijken_in_scope, works_in
from wijkgraph.i18n import Translator, translator
from wijkgraph.model.areas import AreaTree, area_tree
from wijkgraph.model.network import WijkNetwork
from wijkgraph.model.schema import fold
from wijkgraph.reference import DEFAULT_REFERENCE, ReferenceModel, load_reference

#: Groups larger than this (same kind, theme and wijk) are counted, not listed pair by pair:
#: in a city network, 200 apotheken on one theme in one wijk are not 19,900 useful pairs.
MAX_GROUP = 15


@dataclass(frozen=True)
class ThemeInfo:
    """One theme: its actors, how they are connected, and where it is absent."""

    theme: str
    actors: tuple[str, ...]
    names: tuple[str, ...]
    parts: tuple[tuple[str, ...], ...]  # connected components (actor names), largest first
    wijken: tuple[str, ...]
    absent_in: tuple[str, ...]

    @property
    def connected(self) -> bool:
        return len(self.parts) <= 1


@dataclass(frozen=True)
class DuplicateRisk:
    """Two actors of the same kind on the same theme in the same wijk, with no tie."""

    source: str
    target: str
    source_name: str
    target_name: str
    theme: str
    wijk: str
    kind: str
    shared_themes: int
    common_partners: int


@displayed
@dataclass(frozen=True)
class Themes:
    """Per theme who works on it, the gaps per wijk and the duplicate-effort risks."""

    items: tuple[ThemeInfo, ...]
    duplicates: tuple[DuplicateRisk, ...]
    wijken: tuple[str, ...]
    n_duplicates_uncounted: int = 0  # pairs in groups too large to list

    def to_frame(self) -> pd.DataFrame:
        """One row per theme, most actors first: theme, n_actors, n_parts, connected,
        largest_part, actors, wijken, absent_in."""
        rows = [{"theme": t.theme, "n_actors": len(t.actors), "n_parts": len(t.parts),
                 "connected": t.connected,
                 "largest_part": len(t.parts[0]) if t.parts else 0,
                 "actors": "; ".join(t.names), "wijken": "; ".join(t.wijken),
                 "absent_in": "; ".join(t.absent_in)} for t in self.items]
        return pd.DataFrame(rows, columns=["theme", "n_actors", "n_parts", "connected",
                                           "largest_part", "actors", "wijken", "absent_in"])

    def absent_frame(self) -> pd.DataFrame:
        """One row per (wijk, theme) where nobody works on the theme."""
        rows = [{"wijk": w, "theme": t.theme} for t in self.items for w in t.absent_in]
        frame = pd.DataFrame(rows, columns=["wijk", "theme"])
        return frame.sort_values(["wijk", "theme"], kind="mergesort").reset_index(drop=True)

    def duplicates_frame(self) -> pd.DataFrame:
        """Duplicate-effort risks, most shared themes first, then fewest common partners."""
        rows = [d.__dict__ for d in self.duplicates]
        return pd.DataFrame(rows, columns=["source", "target", "source_name", "target_name",
                                           "theme", "wijk", "kind", "shared_themes",
                                           "common_partners"])

    def to_dict(self, lang: str = "nl") -> dict[str, Any]:
        return jsonable({"wijken": list(self.wijken), "themes": self.to_frame(),
                         "absent": self.absent_frame(), "duplicates": self.duplicates_frame(),
                         "n_duplicates_uncounted": self.n_duplicates_uncounted})

    def explain(self, lang: str = "nl") -> str:
        """Themes on which actors work apart, and the risks of duplicate effort.

        >>> from wijkgraph.sources.bundled import load_dataset
        >>> themes(load_dataset("driehoek")).explain("en")[:55]
        '2 themes; 0 have actors who are not connected with each'
        """
        t = translator(lang)
        if not self.items:
            return t.gettext("No actor has a theme.")
        split = [i for i in self.items if not i.connected]
        out = (t.count(len(self.items), "{n} theme", "{n} themes") + "; "
               + t.count(len(split), "{n} has actors who are not connected with each other",
                         "{n} have actors who are not connected with each other"))
        if split:
            out += ": " + ", ".join(f"{i.theme} ({t.number(len(i.parts))})" for i in split[:5])
        out += "."
        n_dup = len(self.duplicates) + self.n_duplicates_uncounted
        if n_dup and self.duplicates:
            examples = "; ".join(f"{d.source_name} - {d.target_name} ({d.theme})"
                                 for d in self.duplicates[:2])
            out += " " + t.ngettext("{n} risk of duplicate effort, e.g. {examples}.",
                                    "{n} risks of duplicate effort, e.g. {examples}.",
                                    n_dup).format(n=t.number(n_dup), examples=examples)
        elif n_dup:
            out += " " + t.count(n_dup, "{n} risk of duplicate effort.",
                                 "{n} risks of duplicate effort.")
        return out

    def summary(self, lang: str = "nl", *, top: int = 10) -> Summary:
        """What the report shows of the themes (section ``themes``).

        One item per theme whose actors work apart, the table of all themes and the
        duplicate-effort risks (the first ``max(top, 15)``).

        >>> from wijkgraph.sources.bundled import load_dataset
        >>> s = themes(load_dataset("groz")).summary("en")
        >>> s.id, s.items[0].tag, len(s.tables)
        ('themes', 'working apart', 2)
        """
        t = translator(lang)
        frame = self.to_frame()
        items: list[Finding] = []
        tables: list[Table] = []
        if not frame.empty:
            # a city's theme has thousands of parties: name the first, count the rest
            frame["actors"] = [_first_names(th.names, t) for th in self.items]
            for rec in frame[~frame["connected"]].to_dict("records"):
                items.append(Finding(str(rec["theme"]), t.gettext(
                    "{n} parties work on it, split into {k} groups that are not connected: "
                    "{actors}.").format(n=t.number(rec["n_actors"]), k=t.number(rec["n_parts"]),
                                        actors=fmt_cell(rec["actors"], lang)),
                    tag=t.gettext("working apart")))
            tables.append(table_from_frame(
                frame, lang, caption=t.gettext(
                    "Every theme: who works on it, and are they connected?"),
                columns=["theme", "n_actors", "n_parts", "connected", "wijken", "absent_in",
                         "actors"], limit=60))
        duplicates = self.duplicates_frame()
        if not duplicates.empty:
            tables.append(table_from_frame(
                duplicates, lang, caption=t.gettext(
                    "Risk of duplicate effort: same kind of party, same theme, same wijk, "
                    "no tie"),
                columns=["source_name", "target_name", "theme", "wijk", "kind",
                         "shared_themes", "common_partners"], limit=max(top, 15)))
        return Summary("themes", t.gettext("Agendas: overlap and gaps"),
                       paragraphs(self.explain(lang)), items=tuple(items),
                       tables=tuple(tables))


SHOWN_NAMES = 20
"""How many parties of a theme the report names before it counts the rest."""


def _first_names(names: tuple[str, ...], t: Translator, limit: int = SHOWN_NAMES) -> str:
    """The first `limit` of `names` joined by "; ", then how many more.

    >>> from wijkgraph.i18n import translator
    >>> _first_names(("A", "B", "C"), translator("en"), limit=2)
    'A; B and 1 more'
    >>> _first_names(("A", "B"), translator("nl"), limit=2)
    'A; B'
    """
    shown = "; ".join(names[:limit])
    if len(names) <= limit:
        return shown
    return t.gettext("{items} and {n} more").format(items=shown, n=t.number(len(names) - limit))


def themes(network: WijkNetwork, *, reference: str | ReferenceModel = DEFAULT_REFERENCE,
           roles: RoleAssignment | None = None) -> Themes:
    """Lay the actors' agendas (themes) on top of each other.

    Parameters
    ----------
    network : WijkNetwork
    reference : str or ReferenceModel
        For the "same kind" of duplicate-effort risks (same reference role).
    roles : RoleAssignment, optional
        Reuse a role recognition made with the same model.

    Returns
    -------
    Themes

    Notes
    -----
    Areas nest as in `missing_parties` (the bundled areas plus the data's ``gebieden``
    sheet, `wijkgraph.model.areas.area_tree`): a wijk-wide or city-wide party works on its
    themes in every area below it. The work is linear in actors, themes and ties: the
    parts of every theme come from one connected-components pass over (actor, theme)
    pairs, and the pairs at risk from array joins per area.
    """
    model = load_reference(reference)
    if roles is None or roles.reference is not model:
        roles = recognise_roles(network, reference=model)
    g = network.graph
    nodes = list(g.nodes)
    n = len(nodes)
    labels = [network.label(a) for a in nodes]
    # rank of each actor by (label, position): sorting by rank is sorting by label
    rank = np.empty(n, dtype=np.int64)
    rank[sorted(range(n), key=lambda i: (labels[i], i))] = np.arange(n)

    # memberships: one row per (actor, theme), actors in node order, themes numbered in
    # order of first appearance
    display: dict[str, str] = {}
    theme_ix: dict[str, int] = {}
    folded: dict[str, str] = {}
    m_actor: list[int] = []
    m_theme: list[int] = []
    for i, a in enumerate(nodes):
        seen: set[int] = set()
        for t in g.nodes[a].get("themes", ()) or ():
            key = folded.get(t)
            if key is None:
                key = folded[t] = fold(t)
            if not key:
                continue
            j = theme_ix.setdefault(key, len(theme_ix))
            display.setdefault(key, t)
            if j not in seen:
                seen.add(j)
                m_actor.append(i)
                m_theme.append(j)
    ma = np.asarray(m_actor, dtype=np.int64)
    mt = np.asarray(m_theme, dtype=np.int64)
    n_themes = len(theme_ix)
    keys = list(theme_ix)
    engine = engine_for(g)  # shared with the other sections: edges in node order
    ends = np.asarray(engine.edges, dtype=np.int64).reshape(-1, 2)
    eu, ev = ends[:, 0], ends[:, 1]
    row_u, row_v = _theme_edges(ma, mt, eu, ev)

    areas = area_tree(network)
    wijken = wijken_in_scope(network) if n else ()
    serve = _serve_matrix(g, nodes, wijken, areas)  # actor x area: works there
    multi = len(wijken) > 1
    items = _theme_items(nodes, labels, rank, ma, mt, row_u, row_v, serve, wijken,
                         keys, display, multi)
    items.sort(key=lambda t: (-len(t.actors), t.theme.casefold()))

    kind_names: dict[str, int] = {}
    kind = np.full(n, -1, dtype=np.int64)
    for i, a in enumerate(nodes):
        k = _kind_of(g, roles, a)
        if k:
            kind[i] = kind_names.setdefault(k, len(kind_names))
    kinds = list(kind_names)
    dups, uncounted = _duplicates(rank, ma, mt, eu, ev, row_u, row_v,
                                  serve, kind, wijken, n_themes)
    at_a, at_b, at_theme, at_area, shared, common = dups

    def pick(values: list[str], at: np.ndarray) -> list[str]:
        every = np.fromiter(values, dtype=object, count=len(values))  # ids may be any hashable
        return every[at].tolist() if len(at) else []

    risks = tuple(map(DuplicateRisk, pick(nodes, at_a), pick(nodes, at_b), pick(labels, at_a),
                      pick(labels, at_b), pick([display[k] for k in keys], at_theme),
                      pick(list(wijken), at_area),
                      pick([k.removeprefix("rol:") for k in kinds], kind[at_a]),
                      shared.tolist(), common.tolist()))
    return Themes(tuple(items), risks, tuple(w for w in wijken if w), uncounted)


def _kind_of(g: Any, roles: RoleAssignment, actor: str) -> str:
    ref_roles = roles.roles_of(actor)
    if ref_roles:
        return ref_roles[0]
    data = g.nodes[actor]
    if data.get("role"):
        return f"rol:{data['role']}"
    if data.get("type") and data.get("domain"):
        return f"{data['type']}/{data['domain']}"
    return ""


def _theme_edges(ma: np.ndarray, mt: np.ndarray, eu: np.ndarray,
                 ev: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Ties inside a theme: pairs of membership rows (same theme, tied actors)."""
    if not len(ma) or not len(eu):
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    members = pd.DataFrame({"a": ma, "t": mt, "row": np.arange(len(ma))})
    edges = pd.DataFrame({"u": eu, "v": ev})
    left = edges.merge(members, left_on="u", right_on="a")[["v", "t", "row"]]
    both = left.merge(members.rename(columns={"row": "row_v"}), left_on=["v", "t"],
                      right_on=["a", "t"])
    return both["row"].to_numpy(np.int64), both["row_v"].to_numpy(np.int64)


def _serve_matrix(g: Any, nodes: list[str], wijken: tuple[str, ...],
                  areas: AreaTree) -> np.ndarray:
    """Actor x area in focus: True where the actor works (areas nest)."""
    distinct: dict[tuple[str, ...], int] = {}
    which = np.fromiter((distinct.setdefault(tuple(g.nodes[a].get("wijk", ()) or ()),
                                             len(distinct)) for a in nodes),
                        dtype=np.int64, count=len(nodes))
    table = np.array([[works_in(values, w, areas) for w in wijken] for values in distinct],
                     dtype=bool).reshape(len(distinct), len(wijken))
    return table[which] if len(nodes) else np.zeros((0, len(wijken)), dtype=bool)


def _theme_items(nodes: list[str], labels: list[str], rank: np.ndarray,
                 ma: np.ndarray, mt: np.ndarray, row_u: np.ndarray, row_v: np.ndarray,
                 serve: np.ndarray, wijken: tuple[str, ...], keys: list[str],
                 display: dict[str, str], multi: bool) -> list[ThemeInfo]:
    n_rows, n_themes = len(ma), len(keys)
    if not n_rows:
        return []
    comp = component_labels(n_rows, row_u, row_v)
    by_actor = np.lexsort((np.arange(n_rows), mt))  # per theme, actors in node order
    by_part = np.lexsort((rank[ma], comp, mt))  # per theme, per part, by label
    bounds = np.searchsorted(mt[by_actor], np.arange(n_themes + 1))
    part_bounds = np.searchsorted(mt[by_part], np.arange(n_themes + 1))
    here_any = np.zeros((n_themes, len(wijken)), dtype=bool)
    for w in range(len(wijken)):
        here_any[:, w] = np.bincount(mt, weights=serve[ma, w], minlength=n_themes) > 0
    items = []
    for j in range(n_themes):
        actors = ma[by_actor[bounds[j]:bounds[j + 1]]]
        rows = by_part[part_bounds[j]:part_bounds[j + 1]]
        comps = comp[rows]
        cuts = np.flatnonzero(np.diff(comps)) + 1
        parts = sorted((tuple(labels[a] for a in ma[chunk]) for chunk in np.split(rows, cuts)),
                       key=lambda p: (-len(p), p))
        names = tuple(sorted(labels[a] for a in actors))
        here = tuple(w for k, w in enumerate(wijken) if w and here_any[j, k])
        absent = tuple(w for w in wijken if w and w not in here) if multi else ()
        items.append(ThemeInfo(display[keys[j]], tuple(nodes[a] for a in actors), names,
                               tuple(parts), here, absent))
    return items


def _duplicates(rank: np.ndarray, ma: np.ndarray, mt: np.ndarray, eu: np.ndarray, ev: np.ndarray,
                row_u: np.ndarray, row_v: np.ndarray, serve: np.ndarray, kind: np.ndarray,
                wijken: tuple[str, ...], n_themes: int) -> tuple[tuple[np.ndarray, ...], int]:
    """Same kind, same theme, same area, no tie: (a, b, theme, area, shared, common) rows,
    in report order, and the number of pairs in groups too large to list."""
    n = len(kind)
    n_kinds = int(kind.max()) + 1 if n else 0
    uncounted = 0
    found: list[pd.DataFrame] = []
    has_kind = kind[ma] >= 0
    edge_kind = kind[ma[row_u]]
    same_kind = (edge_kind >= 0) & (edge_kind == kind[ma[row_v]])
    for w in range(len(wijken)):
        rows = np.flatnonzero(has_kind & serve[ma, w])
        if not len(rows):
            continue
        gid = mt[rows] * n_kinds + kind[ma[rows]]
        size = np.bincount(gid, minlength=n_themes * n_kinds)
        big = size > MAX_GROUP
        if big.any():
            inside = same_kind & serve[ma[row_u], w] & serve[ma[row_v], w]
            egid = mt[row_u[inside]] * n_kinds + edge_kind[inside]
            n_edges = np.bincount(egid, minlength=n_themes * n_kinds)
            uncounted += int((size[big] * (size[big] - 1) // 2 - n_edges[big]).sum())
        small = rows[~big[gid]]
        if not len(small):
            continue
        frame = pd.DataFrame({"g": mt[small] * n_kinds + kind[ma[small]], "a": ma[small]})
        pairs = frame.merge(frame, on="g", suffixes=("", "_b"))
        pairs = pairs[rank[pairs["a"].to_numpy()] < rank[pairs["a_b"].to_numpy()]]
        found.append(pd.DataFrame({"a": pairs["a"].to_numpy(), "b": pairs["a_b"].to_numpy(),
                                   "t": pairs["g"].to_numpy() // n_kinds, "w": w}))
    if not found:
        empty = np.zeros(0, dtype=np.int64)
        return (empty, empty, empty, empty, empty, empty), uncounted
    every = pd.concat(found, ignore_index=True)
    a, b = every["a"].to_numpy(np.int64), every["b"].to_numpy(np.int64)
    key = np.minimum(a, b) * n + np.maximum(a, b)
    tied = np.isin(key, np.minimum(eu, ev) * n + np.maximum(eu, ev))
    every, key = every[~tied], key[~tied]
    # the first theme (then area) in which a pair is at risk names it
    order = np.lexsort((every["w"].to_numpy(), every["t"].to_numpy(), key))
    key = key[order]
    first = order[np.r_[True, key[1:] != key[:-1]]] if len(key) else order
    every = every.iloc[first]
    a, b = every["a"].to_numpy(np.int64), every["b"].to_numpy(np.int64)
    # shared themes: the themes of a that b has too
    width = max(n_themes, 1)
    theirs = pd.DataFrame({"i": np.arange(len(a)), "a": a}).merge(
        pd.DataFrame({"a": ma, "t": mt}), on="a")
    pair_ix = theirs["i"].to_numpy(np.int64)
    hit = np.isin(b[pair_ix] * width + theirs["t"].to_numpy(np.int64), ma * width + mt)
    shared = np.bincount(pair_ix[hit], minlength=len(a))
    adjacency = adjacency_of(eu, ev, n)
    common = np.asarray(adjacency[a].multiply(adjacency[b]).sum(axis=1)).ravel().astype(np.int64)
    report = np.lexsort((rank[b], rank[a], common, -shared))
    t, w = every["t"].to_numpy(), every["w"].to_numpy()
    t, w = t.astype(np.int64), w.astype(np.int64)
    return (a[report], b[report], t[report], w[report], shared[report].astype(np.int64),
            common[report]), uncounted


def adjacency_of(eu: np.ndarray, ev: np.ndarray, n: int) -> sp.csr_matrix:
    """The 0/1 symmetric adjacency matrix of `n` actors with ties (eu[k], ev[k])."""
    matrix = sp.coo_matrix((np.ones(2 * len(eu)), (np.r_[eu, ev], np.r_[ev, eu])),
                           shape=(n, n)).tocsr()
    matrix.data[:] = 1.0
    return matrix
