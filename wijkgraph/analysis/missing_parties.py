"""Missing parties: which roles of the reference model are absent or at the margin, per wijk.

"Wie worden er gemist in de huidige samenwerking?" (seed 003). For every role of the
reference model and every wijk the data is about, the status is

* ``absent``: no actor plays the role there;
* ``isolated``: actors play it, but none has a single tie;
* ``peripheral``: the best-connected actor has fewer ties than the model's ``min_ties``
  threshold (default 3), or ties only inside its own domain (a huisarts tied only to an
  apotheek);
* ``present``: otherwise.

Each row gives the reason in plain words and the evidence (who plays the role, their ties
and the domains of their partners). Ties are the declared relations (`network.graph`).

Examples
--------
>>> import pandas as pd
>>> from wijkgraph.model.tables import tables_from_frames
>>> from wijkgraph.model.network import build_network
>>> actors = pd.DataFrame({
...     "name": ["Huisarts Oost", "Apotheek Oost", "Buurtteam Oost", "DOCK Oost", "Wijkagent"],
...     "domain": ["zorg", "zorg", "welzijn", "welzijn", "veiligheid"],
...     "wijk": "Oost"})
>>> relations = pd.DataFrame({"source": ["Huisarts Oost", "Buurtteam Oost", "Buurtteam Oost"],
...                           "target": ["Apotheek Oost", "DOCK Oost", "Wijkagent"]})
>>> net = build_network(tables_from_frames(actors, relations))
>>> mp = missing_parties(net)
>>> frame = mp.to_frame().set_index("role")
>>> frame.loc[["huisarts", "wijkagent", "ggz"], "status"].tolist()
['peripheral', 'peripheral', 'absent']
>>> frame.loc["huisarts", "reason"]
'Huisarts Oost heeft 1 relatie, alleen binnen zorg (Apotheek Oost).'
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

import pandas as pd

from wijkgraph.analysis._result import jsonable
from wijkgraph.analysis.roles import RoleAssignment, recognise_roles, wijken_in_scope, works_in
from wijkgraph.model.network import WijkNetwork
from wijkgraph.reference import DEFAULT_REFERENCE, ReferenceModel, load_reference

STATUSES = ("absent", "isolated", "peripheral", "present")
STATUS_WORDS = {
    "absent": ("ontbreekt", "absent"),
    "isolated": ("geïsoleerd", "isolated"),
    "peripheral": ("aan de rand", "at the margin"),
    "present": ("aanwezig", "present"),
}
FRAME_COLUMNS = ["role", "label", "domain", "wijk", "status", "status_label", "n_actors",
                 "actors", "ties", "partner_domains", "reason", "why", "source"]


@dataclass(frozen=True)
class PlayerEvidence:
    """One actor playing a role: its ties, partners and their domains."""

    actor: str
    name: str
    domain: str
    ties: int
    partners: tuple[str, ...]  # partner names, strongest first
    partner_domains: tuple[str, ...]
    status: str


@dataclass(frozen=True)
class PartyStatus:
    """The status of one role in one wijk, with the evidence behind it."""

    role: str
    label_nl: str
    label_en: str
    domain: str
    wijk: str
    status: str
    players: tuple[PlayerEvidence, ...]
    why_nl: str = ""
    why_en: str = ""
    source: str = ""
    min_ties: int = 3

    def label(self, lang: str = "nl") -> str:
        return self.label_en if lang == "en" else self.label_nl

    @property
    def best(self) -> PlayerEvidence | None:
        return self.players[0] if self.players else None

    def reason(self, lang: str = "nl") -> str:
        """The status in one plain sentence."""
        en = lang == "en"
        where = (f" in {self.wijk}" if self.wijk else "")
        best = self.best
        if best is None:
            return (f"No actor plays the role {self.label_en}{where}." if en else
                    f"Geen actor met de rol {self.label_nl}{where}.")
        others = len(self.players) - 1
        extra = ((f" (and {others} other(s))" if en else f" (en {others} andere)")
                 if others else "")
        if self.status == "isolated":
            return (f"{best.name}{extra} has no ties at all." if en else
                    f"{best.name}{extra} heeft geen enkele relatie.")
        n = best.ties
        rel = (f"{n} tie" + ("s" if n != 1 else "")) if en else (
            f"{n} relatie" + ("s" if n != 1 else ""))
        partners = ", ".join(best.partners[:3]) + (", ..." if len(best.partners) > 3 else "")
        own = best.domain or self.domain
        only_own = bool(best.partner_domains) and set(best.partner_domains) == {own}
        if self.status == "peripheral":
            if only_own:
                return (f"{best.name}{extra} has {rel}, only within {own} ({partners})." if en
                        else f"{best.name}{extra} heeft {rel}, alleen binnen {own} ({partners}).")
            return (f"{best.name}{extra} has only {rel} ({partners}); fewer than "
                    f"{self.min_ties}." if en else
                    f"{best.name}{extra} heeft maar {rel} ({partners}); minder dan "
                    f"{self.min_ties}.")
        doms = len(set(best.partner_domains))
        return (f"{best.name}{extra} has {rel} with {doms} domain(s)." if en else
                f"{best.name}{extra} heeft {rel} met {doms} domein(en).")

    def to_row(self, lang: str = "nl") -> dict[str, Any]:
        best = self.best
        return {
            "role": self.role, "label": self.label(lang), "domain": self.domain,
            "wijk": self.wijk, "status": self.status,
            "status_label": STATUS_WORDS[self.status][1 if lang == "en" else 0],
            "n_actors": len(self.players),
            "actors": "; ".join(p.name for p in self.players),
            "ties": best.ties if best else 0,
            "partner_domains": "; ".join(sorted(set(best.partner_domains))) if best else "",
            "reason": self.reason(lang),
            "why": self.why_en if lang == "en" else self.why_nl,
            "source": self.source,
        }


@dataclass(frozen=True)
class MissingParties:
    """Status of every reference role per wijk (see module docs)."""

    items: tuple[PartyStatus, ...]
    reference: str
    wijken: tuple[str, ...]
    min_ties: int
    lang: str = "nl"

    def to_frame(self, lang: str | None = None) -> pd.DataFrame:
        """One row per (role, wijk), most urgent first: absent, isolated, peripheral, present.

        Columns: role, label, domain, wijk, status, status_label, n_actors, actors (names,
        "; "-joined), ties (of the best-connected actor), partner_domains, reason, why,
        source.
        """
        lang = lang or self.lang
        return pd.DataFrame([i.to_row(lang) for i in self.items], columns=FRAME_COLUMNS)

    def missing(self) -> tuple[PartyStatus, ...]:
        """Items that are not ``present``."""
        return tuple(i for i in self.items if i.status != "present")

    def to_dict(self) -> dict[str, Any]:
        items = []
        for i in self.items:
            row = i.to_row(self.lang)
            row["reason_en"] = i.reason("en")
            row["players"] = [{"actor": p.actor, "name": p.name, "ties": p.ties,
                               "status": p.status, "partner_domains": list(p.partner_domains)}
                              for p in i.players]
            items.append(row)
        counts = Counter(i.status for i in self.items)
        return jsonable({"reference": self.reference, "wijken": list(self.wijken),
                         "min_ties": self.min_ties,
                         "counts": {s: counts.get(s, 0) for s in STATUSES}, "items": items})

    def explain(self, lang: str = "nl") -> str:
        en = lang == "en"
        if not self.items:
            return ("The reference model has no roles to check." if en else
                    "Het referentiemodel heeft geen rollen om te controleren.")
        multi = len(self.wijken) > 1
        parts = []
        for status in ("absent", "isolated", "peripheral"):
            chosen = [i for i in self.items if i.status == status]
            if not chosen:
                continue
            if multi:
                per_role: dict[str, int] = Counter(i.label(lang) for i in chosen)
                names = [f"{lab} ({n}/{len(self.wijken)})" for lab, n in per_role.items()]
            else:
                names = []
                for i in chosen:
                    best = i.best
                    if status == "peripheral" and best is not None:
                        n = best.ties
                        what = (f"{n} tie" + ("s" if n != 1 else "") if en else
                                f"{n} relatie" + ("s" if n != 1 else ""))
                        names.append(f"{i.label(lang)} ({what})")
                    else:
                        names.append(i.label(lang))
            shown = ", ".join(names[:8]) + (
                (f" and {len(names) - 8} more" if en else f" en nog {len(names) - 8}")
                if len(names) > 8 else "")
            head = STATUS_WORDS[status][1 if en else 0]
            parts.append(f"{head[0].upper()}{head[1:]}: {shown}.")
        if not parts:
            return ("Every role of the reference model is present and connected." if en else
                    "Alle rollen uit het referentiemodel zijn aanwezig en verbonden.")
        scope = ((f" (per wijk, in {len(self.wijken)} wijken)" if en else
                  f" (per wijk, in {len(self.wijken)} wijken)") if multi else
                 (f" in {self.wijken[0]}" if self.wijken[0] else ""))
        head = (f"Who is missing{scope}?" if en else f"Wie ontbreekt er{scope}?")
        return " ".join([head, *parts])


def missing_parties(network: WijkNetwork, *,
                    reference: str | ReferenceModel = DEFAULT_REFERENCE,
                    roles: RoleAssignment | None = None,
                    min_ties: int | None = None) -> MissingParties:
    """Check every role of the reference model: absent, isolated, peripheral or present.

    Parameters
    ----------
    network : WijkNetwork
    reference : str or ReferenceModel
        Bundled model name, YAML path, or a loaded model.
    roles : RoleAssignment, optional
        Reuse a role recognition already made with the same model.
    min_ties : int, optional
        Fewer ties than this makes a role peripheral; default: the model's ``min_ties``
        (3 in ``utrecht-basis``).

    Returns
    -------
    MissingParties
        Items per (role, wijk), most urgent first. Wijken are those the data is about
        (see `wijkgraph.analysis.roles.wijken_in_scope`); actors without a wijk count in
        every wijk.
    """
    model = load_reference(reference)
    if roles is None or roles.reference is not model:
        roles = recognise_roles(network, reference=model)
    threshold = model.min_ties if min_ties is None else min_ties
    g = network.graph
    wijken = wijken_in_scope(network) if g.number_of_nodes() else ()
    players_of = roles.by_role()
    evidence: dict[tuple[str, str], PlayerEvidence] = {}

    def player(actor: str, role_domain: str) -> PlayerEvidence:
        key = (actor, role_domain)
        if key not in evidence:
            data = g.nodes[actor]
            nbrs = sorted(g[actor], key=lambda n: (-g[actor][n].get("weight", 1), network.label(n)))
            doms = tuple(g.nodes[n].get("domain", "") or "?" for n in nbrs)
            own = data.get("domain", "") or role_domain
            if not nbrs:
                status = "isolated"
            elif len(nbrs) < threshold or set(doms) == {own}:
                status = "peripheral"
            else:
                status = "present"
            evidence[key] = PlayerEvidence(actor, network.label(actor), data.get("domain", ""),
                                           len(nbrs), tuple(network.label(n) for n in nbrs),
                                           doms, status)
        return evidence[key]

    rank = {s: i for i, s in enumerate(STATUSES)}
    items = []
    for wijk in wijken:
        for role in model.roles:
            here = [player(a, role.domain) for a in players_of.get(role.id, ())
                    if works_in(g.nodes[a].get("wijk", ()), wijk)]
            here.sort(key=lambda p: (-rank[p.status], -p.ties, p.name))
            status = here[0].status if here else "absent"
            items.append(PartyStatus(role.id, role.label_nl, role.label_en, role.domain, wijk,
                                     status, tuple(here), role.why_nl, role.why_en,
                                     role.source, threshold))
    order = {r: i for i, r in enumerate(model.role_ids)}
    items.sort(key=lambda i: (rank[i.status], i.wijk.casefold(), order[i.role]))
    return MissingParties(tuple(items), model.name, tuple(w for w in wijken), threshold)
