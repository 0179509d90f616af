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

import itertools
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import networkx as nx
import pandas as pd

from wijkgraph.analysis._result import displayed, jsonable
from wijkgraph.analysis._summary import Finding, Summary, Table, fmt_cell, paragraphs, table_from_frame
from wijkgraph.analysis.roles import RoleAssignment, recognise_roles, wijken_in_scope, works_in
from wijkgraph.i18n import translator
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

    def to_dict(self) -> dict[str, Any]:
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
    """
    model = load_reference(reference)
    if roles is None or roles.reference is not model:
        roles = recognise_roles(network, reference=model)
    g = network.graph
    display: dict[str, str] = {}
    members: dict[str, list[str]] = defaultdict(list)
    for actor, ts in g.nodes(data="themes"):
        for t in ts or ():
            key = fold(t)
            if key:
                display.setdefault(key, t)
                members[key].append(actor)
    wijken = wijken_in_scope(network) if g.number_of_nodes() else ()
    multi = len(wijken) > 1
    items = []
    for key, acts in members.items():
        sub = g.subgraph(acts)
        parts = sorted((tuple(sorted(network.label(a) for a in c))
                        for c in nx.connected_components(sub)), key=lambda p: (-len(p), p))
        here = tuple(w for w in wijken if w and any(works_in(g.nodes[a].get("wijk", ()), w)
                                                     for a in acts))
        absent = tuple(w for w in wijken if w and w not in here) if multi else ()
        items.append(ThemeInfo(display[key], tuple(acts),
                               tuple(sorted(network.label(a) for a in acts)), tuple(parts), here,
                               absent))
    items.sort(key=lambda t: (-len(t.actors), t.theme.casefold()))

    def kind_of(actor: str) -> str:
        ref_roles = roles.roles_of(actor)
        if ref_roles:
            return ref_roles[0]
        data = g.nodes[actor]
        if data.get("role"):
            return f"rol:{data['role']}"
        if data.get("type") and data.get("domain"):
            return f"{data['type']}/{data['domain']}"
        return ""

    kinds = {a: kind_of(a) for a in g.nodes}
    themes_of = {a: {fold(t) for t in (g.nodes[a].get("themes", ()) or ())} for a in g.nodes}
    found: dict[frozenset[str], DuplicateRisk] = {}
    uncounted = 0
    for key, acts in members.items():
        for wijk in wijken:
            groups: dict[str, list[str]] = defaultdict(list)
            for a in acts:
                if kinds[a] and works_in(g.nodes[a].get("wijk", ()), wijk):
                    groups[kinds[a]].append(a)
            for kind, grp in groups.items():
                if len(grp) > MAX_GROUP:
                    sub_edges = g.subgraph(grp).number_of_edges()
                    uncounted += len(grp) * (len(grp) - 1) // 2 - sub_edges
                    continue
                for a, b in itertools.combinations(sorted(grp, key=network.label), 2):
                    pair = frozenset((a, b))
                    if g.has_edge(a, b) or pair in found:
                        continue
                    found[pair] = DuplicateRisk(
                        a, b, network.label(a), network.label(b), display[key], wijk,
                        kind.removeprefix("rol:"), len(themes_of[a] & themes_of[b]),
                        len(set(g[a]) & set(g[b])))
    dups = sorted(found.values(), key=lambda d: (-d.shared_themes, d.common_partners,
                                                 d.source_name, d.target_name))
    return Themes(tuple(items), tuple(dups), tuple(w for w in wijken if w), uncounted)
