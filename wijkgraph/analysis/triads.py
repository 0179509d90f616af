"""Triads: is the Driehoek of every buurtcentrum complete?

The reference model's triads name a hub role (buurtcentrum) and corner roles
(Stadsbedrijven, sociaal makelaar, beheergroep). A triad around a hub is complete when
each corner role has an actor with a relation of kind ``hub_kind`` (``beheer``) to the
hub, and those actors are tied to each other. For every hub this lists what is missing:
a corner nobody fills, a corner tied to the hub without a ``beheer`` relation, or a side
between two corners that has no tie. A missing side of the Driehoek is a gap worth
raising in the meeting (seed 000).

Examples
--------
>>> import pandas as pd
>>> from wijkgraph.model.tables import tables_from_frames
>>> from wijkgraph.model.network import build_network
>>> actors = pd.DataFrame({"name": ["Buurtcentrum De Leeuw", "Stadsbedrijven", "DOCK",
...                                 "Beheergroep De Leeuw"],
...                        "role": ["buurtcentrum", "stadsbedrijven", "sociaal makelaar",
...                                 "beheergroep"]})
>>> relations = pd.DataFrame({
...     "source": ["Stadsbedrijven", "DOCK", "Beheergroep De Leeuw", "Stadsbedrijven",
...                "DOCK"],
...     "target": ["Buurtcentrum De Leeuw"] * 3 + ["DOCK", "Beheergroep De Leeuw"],
...     "kind": ["beheer"] * 3 + ["samenwerking"] * 2})
>>> result = triads(build_network(tables_from_frames(actors, relations)))
>>> result.table("nl")[["hub_name", "complete", "missing"]].values.tolist()
[['Buurtcentrum De Leeuw', False, 'geen relatie Stadsbedrijven - beheergroep']]
>>> result.summary("en").findings[0].text[:60]
'0 of 1 complete; a side is missing at Buurtcentrum De Leeuw '

"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import pandas as pd

from wijkgraph.analysis._result import displayed, jsonable
from wijkgraph.analysis._summary import (
    Finding,
    Summary,
    fmt_cell,
    paragraphs,
    sentences,
    table_from_frame,
)
from wijkgraph.analysis.roles import RoleAssignment, recognise_roles
from wijkgraph.i18n import translator
from wijkgraph.model.network import WijkNetwork
from wijkgraph.model.schema import fold
from wijkgraph.reference import DEFAULT_REFERENCE, ReferenceModel, in_lang, load_reference

FRAME_COLUMNS = ["triad", "hub", "hub_name", "wijk", "complete", "n_gaps", "members"]
TABLE_COLUMNS = ["triad", "hub", "hub_name", "wijk", "complete", "n_gaps", "missing", "members"]
COMPLETE_COLOUR = "#117733"  # Tol green
INCOMPLETE_COLOUR = "#CC6677"  # Tol rose


@dataclass(frozen=True)
class Corner:
    """One corner of a triad around a hub: who fills it and how."""

    role: str
    label_nl: str
    label_en: str
    member: str  # actor id, "" when nobody
    member_name: str
    status: str  # ok | other_kind | missing
    candidate: str = ""  # an actor of this role in the hub's wijk without any hub yet
    candidate_name: str = ""

    def label(self, lang: str = "nl") -> str:
        return in_lang(self, "label", lang)


@dataclass(frozen=True)
class TriadStatus:
    """The triad around one hub (one buurtcentrum)."""

    triad: str
    triad_label_nl: str
    triad_label_en: str
    hub: str
    hub_name: str
    wijk: str
    hub_kind: str
    corners: tuple[Corner, ...]
    unlinked: tuple[tuple[int, int], ...]  # corner positions with no tie between them
    why_nl: str = ""  # why the triad matters, from the reference model
    why_en: str = ""

    @property
    def complete(self) -> bool:
        return all(c.status == "ok" for c in self.corners) and not self.unlinked

    def label(self, lang: str = "nl") -> str:
        """The triad's label in `lang` (from the reference model)."""
        return in_lang(self, "triad_label", lang)

    @property
    def n_gaps(self) -> int:
        """How many things are missing: corners nobody fills or without a hub tie, sides."""
        return sum(c.status != "ok" for c in self.corners) + len(self.unlinked)

    def gaps(self, lang: str = "nl") -> list[str]:
        """What is missing, in short phrases."""
        t = translator(lang)
        out = []
        for c in self.corners:
            if c.status == "missing":
                out.append(t.gettext("no {role}").format(role=c.label(lang)))
            elif c.status == "other_kind":
                out.append(t.gettext("{name} has no {kind} tie").format(name=c.member_name,
                                                                        kind=self.hub_kind))
        for i, j in self.unlinked:
            a, b = self.corners[i], self.corners[j]
            out.append(t.gettext("no tie {a} - {b}").format(a=a.label(lang), b=b.label(lang)))
        return out

    def to_row(self) -> dict[str, Any]:
        """The codes and numbers of this hub (a row of `Triads.to_frame`)."""
        return {"triad": self.triad, "hub": self.hub, "hub_name": self.hub_name,
                "wijk": self.wijk, "complete": self.complete, "n_gaps": self.n_gaps,
                "members": "; ".join(c.member_name for c in self.corners if c.member)}

    def table_row(self, lang: str = "nl") -> dict[str, Any]:
        """`to_row` with what is missing in words in `lang`."""
        row = self.to_row()
        return {c: row.get(c) for c in TABLE_COLUMNS} | {"missing": "; ".join(self.gaps(lang))}


@displayed
@dataclass(frozen=True)
class Triads:
    """Every hub's triad (see module docs)."""

    items: tuple[TriadStatus, ...]

    def incomplete(self) -> tuple[TriadStatus, ...]:
        return tuple(t for t in self.items if not t.complete)

    def to_frame(self) -> pd.DataFrame:
        """One row per hub, incomplete first: triad, hub, hub_name, wijk, complete, n_gaps,
        members. What is missing, in words, is in `table`."""
        return pd.DataFrame([t.to_row() for t in self.items], columns=FRAME_COLUMNS)

    def table(self, lang: str = "nl") -> pd.DataFrame:
        """`to_frame` with a column ``missing``: the gaps in words in `lang` ("; "-joined)."""
        return pd.DataFrame([t.table_row(lang) for t in self.items], columns=TABLE_COLUMNS)

    def corners_frame(self) -> pd.DataFrame:
        """One row per (hub, corner): triad, hub, hub_name, role, member, member_name, status."""
        rows = [{"triad": t.triad, "hub": t.hub, "hub_name": t.hub_name, "role": c.role,
                 "member": c.member, "member_name": c.member_name,
                 "status": c.status} for t in self.items for c in t.corners]
        return pd.DataFrame(rows, columns=["triad", "hub", "hub_name", "role", "member",
                                           "member_name", "status"])

    def to_dict(self, lang: str = "nl") -> dict[str, Any]:
        """The ``triads`` section of analysis.json (``missing`` in `lang`)."""
        items = []
        for t in self.items:
            row = t.table_row(lang)
            row["corners"] = [{"role": c.role, "member": c.member, "status": c.status}
                              for c in t.corners]
            items.append(row)
        return jsonable({"n_hubs": len(self.items), "n_complete": len(self.items) -
                         len(self.incomplete()), "items": items})

    def explain(self, lang: str = "nl") -> str:
        """How many Driehoeken are complete, and what the others miss."""
        t = translator(lang)
        if not self.items:
            return t.gettext("No buurtcentrum (hub of a triad) in the data.")
        bad = self.incomplete()
        label = self.items[0].label(lang)
        n = len(self.items)
        if not bad:
            return t.ngettext("{label}: complete at {n} hub.", "{label}: complete at all {n} hubs.",
                              n).format(label=label, n=t.number(n))
        listed = "; ".join(f"{s.hub_name} ({', '.join(s.gaps(lang))})" for s in bad[:10])
        if len(bad) > 10:
            listed = t.gettext("{items}; and {n} more").format(items=listed,
                                                               n=t.number(len(bad) - 10))
        return t.gettext("{label}: {done} of {total} complete; a side is missing at "
                         "{listed}.").format(label=label, done=t.number(n - len(bad)),
                                             total=t.number(n), listed=listed)

    def summary(self, lang: str = "nl", *, top: int = 10) -> Summary:
        """The report's "Driehoek per buurtcentrum" section and its finding for the glance."""
        del top  # every hub is listed
        t = translator(lang)
        title = t.gettext("The Driehoek per community centre")
        if not self.items:
            return Summary("triads", title)
        items = []
        for s in self.items:
            where = f" ({s.wijk})" if s.wijk else ""
            done = s.complete
            text = "; ".join(c.member_name for c in s.corners if c.member) if done else \
                "; ".join(s.gaps(lang))
            items.append(Finding(
                f"{s.hub_name}{where}", fmt_cell(text, lang),
                COMPLETE_COLOUR if done else INCOMPLETE_COLOUR,
                t.pgettext("triad", "complete") if done else t.pgettext("triad", "incomplete"),
                actors=(s.hub, *(c.member for c in s.corners if c.member))))
        table = table_from_frame(self.table(lang).drop(columns=["triad", "hub"]), lang, limit=60)
        why = tuple(dict.fromkeys(w for s in self.items if (w := in_lang(s, "why", lang))))
        return Summary("triads", title, paragraphs(self.explain(lang)) + why, items=tuple(items),
                       tables=(table,), findings=self._findings(lang))

    def _findings(self, lang: str) -> tuple[Finding, ...]:
        bad = self.incomplete()
        first = sentences(self.explain(lang))
        if not bad or not first:
            return ()
        text = first[0]
        prefix = f"{self.items[0].label(lang)}:"
        if text.startswith(prefix):
            text = text[len(prefix):].lstrip()
        actors = tuple(dict.fromkeys(a for s in bad for a in
                                     (s.hub, *(c.member for c in s.corners if c.member))))
        return (Finding(translator(lang).gettext("The Driehoek"), text[:1].upper() + text[1:],
                        tag="triads", priority=90, actors=actors),)


def triads(network: WijkNetwork, *, reference: str | ReferenceModel = DEFAULT_REFERENCE,
           roles: RoleAssignment | None = None) -> Triads:
    """Check the triads of the reference model (the Driehoek) around every hub actor.

    Parameters
    ----------
    network : WijkNetwork
    reference : str or ReferenceModel
    roles : RoleAssignment, optional
        Reuse a role recognition made with the same model.

    Returns
    -------
    Triads
        One item per (triad, hub actor), incomplete ones first, then by hub name.
    """
    model = load_reference(reference)
    if roles is None or roles.reference is not model:
        roles = recognise_roles(network, reference=model)
    g = network.graph
    players = roles.by_role()
    roles_of: dict[str, set[str]] = {}
    for m in roles.matches:
        roles_of.setdefault(m.actor, set()).add(m.role)
    items = []
    for triad in model.triads:
        hubs = players.get(triad.hub, ())
        # actors already holding a corner of some hub, per corner role
        holding: dict[str, set[str]] = {r: set() for r in triad.roles}
        for hub in hubs:
            for a in g[hub]:
                if triad.hub_kind in g[a][hub].get("kinds", ()):
                    for r in roles_of.get(a, ()) & holding.keys():
                        holding[r].add(a)
        free_by_wijk: dict[tuple[str, str], list[str]] = {}
        for r in triad.roles:
            for a in sorted(players.get(r, ()), key=network.label):
                if a in holding[r]:
                    continue
                for w in g.nodes[a].get("wijk", ()) or ("",):
                    free_by_wijk.setdefault((r, fold(w)), []).append(a)
        for hub in hubs:
            hub_wijk = tuple(g.nodes[hub].get("wijk", ()))
            corners = []
            for r in triad.roles:
                role = model.role(r)
                tied = sorted((a for a in g[hub] if r in roles_of.get(a, ())), key=network.label)
                ok = [a for a in tied if triad.hub_kind in g[a][hub].get("kinds", ())]
                if ok or tied:
                    member = (ok or tied)[0]
                    corners.append(Corner(r, role.label_nl, role.label_en, member,
                                          network.label(member), "ok" if ok else "other_kind"))
                    continue
                # each list is sorted by name: its first actor other than the hub is its
                # best; the first of those by name (then list order) is the candidate
                lists = [free_by_wijk.get((r, fold(w)), ()) for w in (hub_wijk or ("",))]
                lists.append(free_by_wijk.get((r, ""), ()))
                firsts = (next((a for a in acts if a != hub), None) for acts in lists)
                free = [a for a in firsts if a is not None]
                cand = min(free, key=network.label) if free else ""
                corners.append(Corner(r, role.label_nl, role.label_en, "", "", "missing", cand,
                                      network.label(cand) if cand else ""))
            unlinked = tuple((i, j) for i, j in itertools.combinations(range(len(corners)), 2)
                             if corners[i].member and corners[j].member
                             and corners[i].member != corners[j].member
                             and not g.has_edge(corners[i].member, corners[j].member))
            items.append(TriadStatus(triad.id, triad.label_nl, triad.label_en, hub,
                                     network.label(hub), "; ".join(hub_wijk), triad.hub_kind,
                                     tuple(corners), unlinked, triad.why_nl, triad.why_en))
    items.sort(key=lambda t: (t.complete, t.hub_name.casefold()))
    return Triads(tuple(items))
