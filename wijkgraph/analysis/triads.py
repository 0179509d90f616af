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
>>> result.to_frame()[["hub_name", "complete", "missing"]].values.tolist()
[['Buurtcentrum De Leeuw', False, 'geen relatie Stadsbedrijven - beheergroep']]
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import pandas as pd

from wijkgraph.analysis._result import jsonable
from wijkgraph.analysis.roles import RoleAssignment, recognise_roles
from wijkgraph.model.network import WijkNetwork
from wijkgraph.model.schema import fold
from wijkgraph.reference import DEFAULT_REFERENCE, ReferenceModel, load_reference


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
        return self.label_en if lang == "en" else self.label_nl


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

    @property
    def complete(self) -> bool:
        return all(c.status == "ok" for c in self.corners) and not self.unlinked

    def gaps(self, lang: str = "nl") -> list[str]:
        """What is missing, in short phrases."""
        en = lang == "en"
        out = []
        for c in self.corners:
            if c.status == "missing":
                out.append(f"no {c.label('en')}" if en else f"geen {c.label('nl')}")
            elif c.status == "other_kind":
                out.append(f"{c.member_name} has no {self.hub_kind} tie" if en else
                           f"{c.member_name} zonder {self.hub_kind}-relatie")
        for i, j in self.unlinked:
            a, b = self.corners[i], self.corners[j]
            out.append(f"no tie {a.label('en')} - {b.label('en')}" if en else
                       f"geen relatie {a.label('nl')} - {b.label('nl')}")
        return out

    def to_row(self, lang: str = "nl") -> dict[str, Any]:
        return {"triad": self.triad, "hub": self.hub, "hub_name": self.hub_name,
                "wijk": self.wijk, "complete": self.complete, "n_gaps": len(self.gaps(lang)),
                "missing": "; ".join(self.gaps(lang)),
                "members": "; ".join(c.member_name for c in self.corners if c.member)}


@dataclass(frozen=True)
class Triads:
    """Every hub's triad (see module docs)."""

    items: tuple[TriadStatus, ...]
    lang: str = "nl"

    def incomplete(self) -> tuple[TriadStatus, ...]:
        return tuple(t for t in self.items if not t.complete)

    def to_frame(self, lang: str | None = None) -> pd.DataFrame:
        """One row per hub, incomplete first: triad, hub, hub_name, wijk, complete, n_gaps,
        missing ("; "-joined), members."""
        lang = lang or self.lang
        return pd.DataFrame([t.to_row(lang) for t in self.items],
                            columns=["triad", "hub", "hub_name", "wijk", "complete", "n_gaps",
                                     "missing", "members"])

    def corners_frame(self, lang: str | None = None) -> pd.DataFrame:
        """One row per (hub, corner): hub, hub_name, role, label, member, member_name, status."""
        lang = lang or self.lang
        rows = [{"triad": t.triad, "hub": t.hub, "hub_name": t.hub_name, "role": c.role,
                 "label": c.label(lang), "member": c.member, "member_name": c.member_name,
                 "status": c.status} for t in self.items for c in t.corners]
        return pd.DataFrame(rows, columns=["triad", "hub", "hub_name", "role", "label", "member",
                                           "member_name", "status"])

    def to_dict(self) -> dict[str, Any]:
        items = []
        for t in self.items:
            row = t.to_row(self.lang)
            row["missing_en"] = "; ".join(t.gaps("en"))
            row["corners"] = [{"role": c.role, "member": c.member, "status": c.status}
                              for c in t.corners]
            items.append(row)
        return jsonable({"n_hubs": len(self.items), "n_complete": len(self.items) -
                         len(self.incomplete()), "items": items})

    def explain(self, lang: str = "nl") -> str:
        en = lang == "en"
        if not self.items:
            return ("No buurtcentrum (hub of a triad) in the data." if en else
                    "Geen buurtcentrum (spil van een driehoek) in de gegevens.")
        bad = self.incomplete()
        label = self.items[0].triad_label_en if en else self.items[0].triad_label_nl
        if not bad:
            return (f"{label}: complete at all {len(self.items)} hubs." if en else
                    f"{label}: compleet bij alle {len(self.items)} buurtcentra.")
        listed = "; ".join(f"{t.hub_name} ({', '.join(t.gaps(lang))})" for t in bad[:10])
        more = len(bad) - 10
        tail = ((f"; and {more} more" if en else f"; en nog {more}") if more > 0 else "")
        if en:
            return (f"{label}: {len(self.items) - len(bad)} of {len(self.items)} complete; "
                    f"a side is missing at {listed}{tail}.")
        return (f"{label}: {len(self.items) - len(bad)} van {len(self.items)} compleet; er "
                f"ontbreekt een zijde bij {listed}{tail}.")


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
                free = [a for w in (hub_wijk or ("",)) for a in free_by_wijk.get((r, fold(w)), ())
                        if a != hub]
                free += [a for a in free_by_wijk.get((r, ""), ()) if a != hub]
                cand = min(free, key=network.label) if free else ""
                corners.append(Corner(r, role.label_nl, role.label_en, "", "", "missing", cand,
                                      network.label(cand) if cand else ""))
            unlinked = tuple((i, j) for i, j in itertools.combinations(range(len(corners)), 2)
                             if corners[i].member and corners[j].member
                             and corners[i].member != corners[j].member
                             and not g.has_edge(corners[i].member, corners[j].member))
            items.append(TriadStatus(triad.id, triad.label_nl, triad.label_en, hub,
                                     network.label(hub), "; ".join(hub_wijk), triad.hub_kind,
                                     tuple(corners), unlinked))
    items.sort(key=lambda t: (t.complete, t.hub_name.casefold()))
    return Triads(tuple(items))
