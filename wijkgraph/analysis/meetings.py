"""Meetings (two-mode): who meets where, who is in no meeting, which meetings mix domains.

"Inzicht krijgen in partijen/overleggroepen (doel/thema) in de wijk" (seed 003). The
meetings and networks (overleggen) are part of the map: for each meeting its members,
their domains, whether it brings domains together, and how many of its members also have a
declared tie with each other (the tie density among members). Actors in no meeting at all
are listed: they miss the places where a wijk meets.

Examples
--------
>>> import pandas as pd
>>> from wijkgraph.model.tables import tables_from_frames
>>> from wijkgraph.model.network import build_network
>>> actors = pd.DataFrame({"name": ["Huisarts", "Buurtteam", "DOCK", "Wijkagent"],
...                        "domain": ["zorg", "welzijn", "welzijn", "veiligheid"]})
>>> relations = pd.DataFrame({"source": ["Huisarts"], "target": ["Buurtteam"]})
>>> meetings_df = pd.DataFrame({"id": ["m1", "m2"], "name": ["Wijkoverleg", "Welzijnstafel"]})
>>> part = pd.DataFrame({"actor": ["Huisarts", "Buurtteam", "Buurtteam", "DOCK"],
...                      "meeting": ["m1", "m1", "m2", "m2"]})
>>> result = meetings(build_network(tables_from_frames(actors, relations, meetings_df, part)))
>>> result.to_frame()[["name", "n_members", "n_domains", "crosses_domains"]].values.tolist()
[['Wijkoverleg', 2, 2, True], ['Welzijnstafel', 2, 1, False]]
>>> result.not_in_any
('Wijkagent',)
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from wijkgraph.analysis._result import displayed, jsonable
from wijkgraph.analysis._summary import Finding, Summary, Table, paragraphs, table_from_frame
from wijkgraph.analysis.engine import engine_for
from wijkgraph.i18n import translator
from wijkgraph.model.network import WijkNetwork
from wijkgraph.model.schema import domain_label


@dataclass(frozen=True)
class MeetingInfo:
    """One meeting: members, their domains, and how connected the members are."""

    id: str
    name: str
    theme: str
    wijk: str
    members: tuple[str, ...]
    names: tuple[str, ...]
    domains: dict[str, int]
    tie_density: float

    @property
    def crosses_domains(self) -> bool:
        return len([d for d in self.domains if d]) >= 2


@displayed
@dataclass(frozen=True)
class Meetings:
    """Who meets where (see module docs)."""

    items: tuple[MeetingInfo, ...]
    not_in_any: tuple[str, ...]  # actor ids
    names: dict[str, str]
    meetings_of: dict[str, tuple[str, ...]]

    def to_frame(self) -> pd.DataFrame:
        """One row per meeting, most domains first, then most members, then name: id, name,
        theme, wijk, n_members, n_domains, crosses_domains, domains, tie_density, members."""
        rows = [{"id": m.id, "name": m.name, "theme": m.theme, "wijk": m.wijk,
                 "n_members": len(m.members), "n_domains": len([d for d in m.domains if d]),
                 "crosses_domains": m.crosses_domains,
                 "domains": "; ".join(f"{d or '?'} {n}" for d, n in m.domains.items()),
                 "tie_density": round(m.tie_density, 4), "members": "; ".join(m.names)}
                for m in self.items]
        return pd.DataFrame(rows, columns=["id", "name", "theme", "wijk", "n_members",
                                           "n_domains", "crosses_domains", "domains",
                                           "tie_density", "members"])

    def actors_frame(self) -> pd.DataFrame:
        """One row per actor: actor, name, n_meetings, meetings (names), fewest first."""
        mnames = {m.id: m.name for m in self.items}
        rows = [{"actor": a, "name": self.names.get(a, a), "n_meetings": len(ms),
                 "meetings": "; ".join(mnames.get(m, m) for m in ms)}
                for a, ms in self.meetings_of.items()]
        frame = pd.DataFrame(rows, columns=["actor", "name", "n_meetings", "meetings"])
        if frame.empty:
            return frame
        return frame.sort_values(["n_meetings", "name"], kind="mergesort").reset_index(drop=True)

    def to_dict(self, lang: str = "nl") -> dict[str, Any]:
        return jsonable({"meetings": self.to_frame(),
                         "not_in_any": [{"actor": a, "name": self.names.get(a, a)}
                                        for a in self.not_in_any],
                         "actors": self.actors_frame()})

    def explain(self, lang: str = "nl") -> str:
        """How many meetings bring domains together, and who is in none.

        >>> from wijkgraph.sources.bundled import load_dataset
        >>> meetings(load_dataset("driehoek")).explain("en")[:39]
        '11 meetings; 11 bring domains together.'
        """
        t = translator(lang)
        if not self.items:
            return t.gettext("The data has no meetings.")
        mixing = [m for m in self.items if m.crosses_domains]
        single = [m.name for m in self.items if not m.crosses_domains]
        absent = [self.names.get(a, a) for a in self.not_in_any]
        out = (t.count(len(self.items), "{n} meeting", "{n} meetings") + "; "
               + t.count(len(mixing), "{n} brings domains together",
                         "{n} bring domains together"))
        if single:
            out += t.ngettext(", {n} does not ({names})", ", {n} do not ({names})",
                              len(single)).format(n=t.number(len(single)),
                                                  names=", ".join(single[:3]))
        out += "."
        if absent:
            shown = ", ".join(absent[:5])
            if len(absent) > 5:
                shown += t.gettext(" and {n} more").format(n=t.number(len(absent) - 5))
            out += " " + t.ngettext("{n} actor is in no meeting: {names}.",
                                    "{n} actors are in no meeting: {names}.",
                                    len(absent)).format(n=t.number(len(absent)), names=shown)
        return out

    def summary(self, lang: str = "nl", *, top: int = 10) -> Summary:
        """What the report shows of the meetings (section ``meetings``).

        The actors in no meeting as one item and the table of meetings.

        >>> from wijkgraph.sources.bundled import load_dataset
        >>> s = meetings(load_dataset("driehoek")).summary("en")
        >>> s.id, s.items[0].head, s.tables[0].columns[:2]
        ('meetings', 'In no meeting at all', ('name', 'theme'))
        """
        t = translator(lang)
        frame = self.to_frame()
        tables: tuple[Table, ...] = ()
        if not frame.empty:
            frame["domains"] = ["; ".join(f"{domain_label(d, lang) if d else '?'} {n}"
                                          for d, n in m.domains.items()) for m in self.items]
            tables = (table_from_frame(frame, lang, columns=[
                "name", "theme", "wijk", "n_members", "n_domains", "crosses_domains",
                "domains", "members"], limit=60),)
        items: tuple[Finding, ...] = ()
        if self.not_in_any:
            names = [self.names.get(a, a) for a in self.not_in_any]
            items = (Finding(t.gettext("In no meeting at all"),
                             ", ".join(names[:40]) + (" …" if len(names) > 40 else "")),)
        return Summary("meetings", t.gettext("Meetings"), paragraphs(self.explain(lang)),
                       items=items, tables=tables)


def meetings(network: WijkNetwork) -> Meetings:
    """Who meets where, who is in no meeting, and which meetings mix domains.

    Parameters
    ----------
    network : WijkNetwork

    Returns
    -------
    Meetings
        Meetings sorted by number of domains, members (most first), then name. The tie
        density is the share of member pairs that also have a declared relation.
    """
    g = network.graph
    t = network.tables
    members: dict[str, dict[str, None]] = defaultdict(dict)  # ordered sets
    for actor, meeting in zip(t.participation["actor"], t.participation["meeting"],
                              strict=True):
        if actor in g:
            members[meeting][actor] = None
    ties = _ties_within(network, [list(members.get(m, ())) for m in t.meetings["id"]])
    items = []
    for k, row in enumerate(t.meetings.itertuples(index=False)):
        ms = sorted(members.get(row.id, ()), key=network.label)
        doms = Counter(g.nodes[a].get("domain", "") for a in ms)
        pairs = len(ms) * (len(ms) - 1) / 2
        density = int(ties[k]) / pairs if pairs else 0.0
        items.append(MeetingInfo(str(row.id), str(row.name), "; ".join(row.theme),
                                 "; ".join(row.wijk), tuple(ms),
                                 tuple(network.label(a) for a in ms),
                                 dict(sorted(doms.items(), key=lambda kv: (-kv[1], kv[0]))),
                                 density))
    items.sort(key=lambda m: (-len([d for d in m.domains if d]), -len(m.members),
                              m.name.casefold()))
    of: dict[str, tuple[str, ...]] = {a: tuple(ms) for a, ms in g.nodes(data="meetings")}
    names = {a: network.label(a) for a in g.nodes}
    no_meeting = tuple(sorted((a for a in g.nodes if not of.get(a)), key=network.label)) \
        if items else ()
    return Meetings(tuple(items), no_meeting, names, of)


def _ties_within(network: WijkNetwork, groups: list[list[str]]) -> np.ndarray:
    """Per group of actors, the number of ties among its members (self-ties included).

    One sparse product for all groups: with ``P`` the group x actor membership matrix and
    ``A`` the adjacency, the ties within group g are ``(P A P^T)[g, g] / 2``; linear in
    the memberships times the members' ties.
    """
    if not groups:
        return np.zeros(0, dtype=np.int64)
    eng = engine_for(network.graph)
    rows = np.repeat(np.arange(len(groups)), [len(ms) for ms in groups])
    cols = np.array([eng.index[a] for ms in groups for a in ms], dtype=np.int64)
    member = sp.csr_array((np.ones(len(cols)), (rows, cols)), shape=(len(groups), eng.n))
    within = np.asarray((member @ eng.adjacency()).multiply(member).sum(axis=1)).ravel() / 2
    loops = np.zeros(eng.n)
    for a, _ in nx.selfloop_edges(network.graph):
        loops[eng.index[a]] = 1.0
    return np.rint(within + member @ loops).astype(np.int64)
