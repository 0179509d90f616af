"""Do the respondents and the network agree on who is missing?

A survey asks "wie worden er gemist in de huidige samenwerking?" (seed 003). When a network
was imported from a survey (`wijkgraph survey`), the parties respondents named as missing
are kept in ``network.meta["missed_by_respondents"]``. This analysis sets each of them
beside the network's own missing-parties result: a party the respondents miss and the
network shows as absent or at the margin is *confirmed*; one the network shows as present
and well connected is *not confirmed* (worth a conversation: maybe the tie exists but the
respondents do not know it); a name no reference role recognises is *unknown*.

Examples
--------
>>> import pandas as pd
>>> from wijkgraph.model.tables import tables_from_frames
>>> from wijkgraph.model.network import build_network
>>> from wijkgraph.analysis.missing_parties import missing_parties
>>> actors = pd.DataFrame({"name": ["Buurtteam Oost", "DOCK"], "role": ["buurtteam",
...                        "sociaal makelaar"], "domain": ["welzijn", "welzijn"]})
>>> relations = pd.DataFrame({"source": ["Buurtteam Oost"], "target": ["DOCK"]})
>>> missed = [{"name": "Huisartsen", "count": 3, "roles": {"buurtteam": 3}},
...           {"name": "DOCK", "count": 1, "roles": {}}]
>>> net = build_network(tables_from_frames(actors, relations),
...                     meta={"missed_by_respondents": missed})
>>> result = respondents_agreement(net, missing_parties(net))
>>> result.to_frame()[["name", "role", "network_status", "verdict"]].values.tolist()
[['Huisartsen', 'huisarts', 'absent', 'confirmed'], ['DOCK', 'sociaal-makelaar', 'peripheral', \
'confirmed']]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from wijkgraph.analysis._result import jsonable
from wijkgraph.analysis.missing_parties import MissingParties
from wijkgraph.analysis.roles import RoleMatcher
from wijkgraph.model.network import WijkNetwork
from wijkgraph.reference import ReferenceModel, load_reference

# network status of a role, from worst to best; the worst over the wijken counts
_ORDER = ("absent", "isolated", "peripheral", "present")
COLUMNS = ["name", "count", "respondent_roles", "role", "label", "network_status", "verdict",
           "reason"]


@dataclass(frozen=True)
class MissedParty:
    """One party named as missing by respondents, and what the network says of it."""

    name: str
    count: int
    respondent_roles: tuple[tuple[str, int], ...]
    role: str
    label_nl: str
    label_en: str
    network_status: str  # absent / isolated / peripheral / present / "" (no role found)
    verdict: str  # confirmed / not_confirmed / unknown

    def reason(self, lang: str = "nl") -> str:
        en = lang == "en"
        label = self.label_en if en else self.label_nl
        times = (f"named by {self.count} respondent{'' if self.count == 1 else 's'}" if en
                 else f"door {self.count} {'respondent' if self.count == 1 else 'respondenten'} genoemd")
        if self.verdict == "unknown":
            return (f"{times}; no role of the reference model recognises this name, so the "
                    "network cannot say" if en else
                    f"{times}; geen rol uit het referentiemodel herkent deze naam, dus het "
                    "netwerk kan het niet bevestigen of weerleggen")
        status = {
            "absent": (f"er is geen {label} in het netwerk", f"there is no {label} in the network"),
            "isolated": (f"{label} staat wel in het netwerk, maar zonder relaties",
                         f"{label} is in the network, but without ties"),
            "peripheral": (f"{label} staat aan de rand van het netwerk",
                           f"{label} is at the margin of the network"),
            "present": (f"{label} is goed verbonden in het netwerk",
                        f"{label} is well connected in the network"),
        }[self.network_status][1 if en else 0]
        if self.verdict == "confirmed":
            return (f"{times}; the network agrees: {status}" if en
                    else f"{times}; het netwerk bevestigt dit: {status}")
        return (f"{times}; the network does not confirm it: {status}. Perhaps the ties exist "
                "but are not known to everyone" if en else
                f"{times}; het netwerk bevestigt dit niet: {status}. Misschien bestaan de "
                "contacten wel, maar weet niet iedereen ervan")

    def to_row(self, lang: str = "nl") -> dict[str, Any]:
        return {
            "name": self.name,
            "count": self.count,
            "respondent_roles": "; ".join(f"{r} ({n})" for r, n in self.respondent_roles),
            "role": self.role,
            "label": self.label_en if lang == "en" else self.label_nl,
            "network_status": self.network_status,
            "verdict": self.verdict,
            "reason": self.reason(lang),
        }


@dataclass(frozen=True)
class RespondentsAgreement:
    """The respondents' missed parties beside the network's missing-parties result."""

    items: tuple[MissedParty, ...]
    lang: str = "nl"

    def to_frame(self, lang: str | None = None) -> pd.DataFrame:
        """One row per named party, most often named first. Columns: see `COLUMNS`."""
        lang = lang or self.lang
        return pd.DataFrame([i.to_row(lang) for i in self.items], columns=COLUMNS)

    def to_dict(self) -> dict[str, Any]:
        counts = {v: sum(i.verdict == v for i in self.items)
                  for v in ("confirmed", "not_confirmed", "unknown")}
        return jsonable({"counts": counts,
                         "items": [i.to_row("en") | {"reason_nl": i.reason("nl")}
                                   for i in self.items]})

    def explain(self, lang: str = "nl") -> str:
        en = lang == "en"
        if not self.items:
            return ("The respondents named no missing parties." if en
                    else "De respondenten noemden geen ontbrekende partijen.")
        confirmed = [i.name for i in self.items if i.verdict == "confirmed"]
        not_conf = [i.name for i in self.items if i.verdict == "not_confirmed"]
        n = len(self.items)
        if en:
            text = (f"Respondents named {n} part{'y' if n == 1 else 'ies'} as missing; the "
                    f"network confirms {len(confirmed)}")
            text += f" ({', '.join(confirmed[:6])})." if confirmed else "."
            if not_conf:
                text += (f" Not confirmed by the network: {', '.join(not_conf[:6])}: worth "
                         "asking who does know them.")
            return text
        text = (f"Respondenten noemden {n} partij{'' if n == 1 else 'en'} als ontbrekend; het "
                f"netwerk bevestigt er {len(confirmed)}")
        text += f" ({', '.join(confirmed[:6])})." if confirmed else "."
        if not_conf:
            text += (f" Niet bevestigd door het netwerk: {', '.join(not_conf[:6])}: vraag na "
                     "wie hen wel kent.")
        return text


def respondents_agreement(network: WijkNetwork, missing: MissingParties, *,
                          reference: ReferenceModel | None = None,
                          missed: Sequence[Mapping[str, Any]] | None = None,
                          lang: str = "nl") -> RespondentsAgreement:
    """Set the respondents' missed parties beside the network's missing-parties result.

    Parameters
    ----------
    network : WijkNetwork
    missing : MissingParties
        The result of `missing_parties(network)`.
    reference : ReferenceModel, optional
        The model whose roles recognise the named parties (default: `utrecht-basis`).
    missed : sequence of mappings, optional
        ``name``, ``count``, ``roles`` per named party; default
        ``network.meta["missed_by_respondents"]`` (set by a survey import).

    Returns
    -------
    RespondentsAgreement
        Empty when no missed parties are known.
    """
    reference = reference or load_reference()
    missed = list(missed if missed is not None else network.meta.get("missed_by_respondents")
                  or [])
    matcher = RoleMatcher(reference, with_ids=True)
    labels = {r.id: (r.label_nl, r.label_en) for r in reference.roles}
    worst: dict[str, str] = {}
    for item in missing.items:
        now = worst.get(item.role)
        if now is None or _ORDER.index(item.status) < _ORDER.index(now):
            worst[item.role] = item.status
    items = []
    for entry in missed:
        name = str(entry.get("name", "")).strip()
        if not name:
            continue
        found = matcher.find(name)
        role = found[0][0] if found else ""
        status = worst.get(role, "absent" if role else "")
        verdict = ("unknown" if not role else
                   "not_confirmed" if status == "present" else "confirmed")
        roles = entry.get("roles") or {}
        items.append(MissedParty(
            name=name, count=int(entry.get("count", 1) or 1),
            respondent_roles=tuple(sorted(((str(k), int(v)) for k, v in dict(roles).items()),
                                          key=lambda kv: (-kv[1], kv[0]))),
            role=role, label_nl=labels.get(role, ("", ""))[0],
            label_en=labels.get(role, ("", ""))[1], network_status=status, verdict=verdict))
    items.sort(key=lambda i: (-i.count, i.name.casefold()))
    return RespondentsAgreement(tuple(items), lang)
