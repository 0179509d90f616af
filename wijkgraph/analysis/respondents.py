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
from dataclasses import dataclass, replace
from typing import Any

import pandas as pd

from wijkgraph.analysis._result import displayed, jsonable
from wijkgraph.analysis._summary import Summary, Table, paragraphs, table_from_frame
from wijkgraph.analysis.missing_parties import MissingParties, status_word
from wijkgraph.analysis.roles import RoleMatcher
from wijkgraph.i18n import N_, NP_, translator
from wijkgraph.model.network import WijkNetwork
from wijkgraph.reference import ReferenceModel, in_lang, load_reference

# network status of a role, from worst to best; the worst over the wijken counts
_ORDER = ("absent", "isolated", "peripheral", "present")
VERDICTS = ("confirmed", "not_confirmed", "unknown")
FRAME_COLUMNS = ["name", "count", "respondent_roles", "role", "network_status", "verdict"]
COLUMNS = ["name", "count", "respondent_roles", "role", "label", "network_status", "verdict",
           "reason"]
#: The verdicts as people read them (``pgettext("verdict", ...)``).
VERDICT_WORDS = {
    "confirmed": NP_("verdict", "confirmed"),
    "not_confirmed": NP_("verdict", "not confirmed"),
    "unknown": NP_("verdict", "unknown"),
}
#: What the network says of a role, by its status (``{label}``: the role).
_STATUS_SENTENCES = {
    "absent": N_("there is no {label} in the network"),
    "isolated": N_("{label} is in the network, but without ties"),
    "peripheral": N_("{label} is at the margin of the network"),
    "present": N_("{label} is well connected in the network"),
}
#: Headers of the report's table, by column.
_HEADERS = {
    "name": NP_("respondents", "named as missing"),
    "count": NP_("respondents", "times named"),
    "respondent_roles": NP_("respondents", "roles of those who named it"),
    "label": NP_("respondents", "role in the model"),
    "network_status": NP_("respondents", "in the network"),
    "verdict": NP_("respondents", "verdict"),
    "reason": NP_("respondents", "why"),
}


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

    def label(self, lang: str = "nl") -> str:
        """The recognised role's label in `lang` ("" when no role was recognised)."""
        return in_lang(self, "label", lang)

    def reason(self, lang: str = "nl") -> str:
        """What the respondents said and what the network says, in one sentence."""
        t = translator(lang)
        times = t.ngettext("named by {n} respondent", "named by {n} respondents",
                           self.count).format(n=t.number(self.count))
        if self.verdict == "unknown":
            return t.gettext("{times}; no role of the reference model recognises this name, so "
                             "the network cannot say").format(times=times)
        status = t.gettext(_STATUS_SENTENCES[self.network_status]).format(
            label=self.label(lang))
        if self.verdict == "confirmed":
            return t.gettext("{times}; the network agrees: {status}").format(times=times,
                                                                             status=status)
        return t.gettext("{times}; the network does not confirm it: {status}. Perhaps the ties "
                         "exist but are not known to everyone").format(times=times, status=status)

    def to_row(self) -> dict[str, Any]:
        """The codes and numbers of this party (a row of `RespondentsAgreement.to_frame`)."""
        return {
            "name": self.name,
            "count": self.count,
            "respondent_roles": "; ".join(f"{r} ({n})" for r, n in self.respondent_roles),
            "role": self.role,
            "network_status": self.network_status,
            "verdict": self.verdict,
        }

    def table_row(self, lang: str = "nl") -> dict[str, Any]:
        """`to_row` with the role's label and the reason in `lang`."""
        row = self.to_row()
        return {c: row.get(c) for c in COLUMNS} | {"label": self.label(lang),
                                                   "reason": self.reason(lang)}


@displayed
@dataclass(frozen=True)
class RespondentsAgreement:
    """The respondents' missed parties beside the network's missing-parties result."""

    items: tuple[MissedParty, ...]

    def to_frame(self) -> pd.DataFrame:
        """One row per named party, most often named first. Columns: see `FRAME_COLUMNS`
        (codes: ``network_status`` as in `missing_parties`, ``verdict`` of `VERDICTS`)."""
        return pd.DataFrame([i.to_row() for i in self.items], columns=FRAME_COLUMNS)

    def table(self, lang: str = "nl") -> pd.DataFrame:
        """`to_frame` with the role's ``label`` and the ``reason`` in `lang` (`COLUMNS`)."""
        return pd.DataFrame([i.table_row(lang) for i in self.items], columns=COLUMNS)

    def to_dict(self, lang: str = "nl") -> dict[str, Any]:
        """The ``respondents`` section of analysis.json (label and reason in `lang`)."""
        counts = {v: sum(i.verdict == v for i in self.items) for v in VERDICTS}
        return jsonable({"counts": counts,
                         "items": [i.table_row(lang) for i in self.items]})

    def explain(self, lang: str = "nl") -> str:
        """How many missed parties the network confirms, and which it does not."""
        t = translator(lang)
        if not self.items:
            return t.gettext("The respondents named no missing parties.")
        confirmed = [i.name for i in self.items if i.verdict == "confirmed"]
        not_conf = [i.name for i in self.items if i.verdict == "not_confirmed"]
        n = len(self.items)
        text = t.ngettext("Respondents named {n} party as missing; the network confirms {k}",
                          "Respondents named {n} parties as missing; the network confirms {k}",
                          n).format(n=t.number(n), k=t.number(len(confirmed)))
        text += f" ({', '.join(confirmed[:6])})." if confirmed else "."
        if not_conf:
            text += " " + t.gettext("Not confirmed by the network: {names}: worth asking who "
                                    "does know them.").format(names=", ".join(not_conf[:6]))
        return text

    def summary(self, lang: str = "nl", *, top: int = 10) -> Summary:
        """The report's section on the parties respondents miss (survey imports only)."""
        del top  # at most 25 rows, like every generic table
        t = translator(lang)
        tables: tuple[Table, ...] = ()
        if self.items:
            frame = self.table(lang)
            frame["network_status"] = [status_word(s, lang) if s else ""
                                       for s in frame["network_status"]]
            frame["verdict"] = [t.pgettext("verdict", VERDICT_WORDS[v]) for v in frame["verdict"]]
            columns = ["name", "count", "respondent_roles", "label", "network_status", "verdict",
                       "reason"]
            table = table_from_frame(frame, lang, columns=columns, limit=25)
            tables = (replace(table, columns=tuple(t.pgettext("respondents", _HEADERS[c])
                                                   for c in columns)),)
        return Summary("respondents", t.gettext("Who do the respondents miss?"),
                       paragraphs(self.explain(lang)), tables=tables)


def respondents_agreement(network: WijkNetwork, missing: MissingParties, *,
                          reference: ReferenceModel | None = None,
                          missed: Sequence[Mapping[str, Any]] | None = None
                          ) -> RespondentsAgreement:
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
    roles_by_id = {r.id: r for r in reference.roles}
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
            role=role, label_nl=roles_by_id[role].label_nl if role else "",
            label_en=roles_by_id[role].label_en if role else "", network_status=status,
            verdict=verdict))
    items.sort(key=lambda i: (-i.count, i.name.casefold()))
    return RespondentsAgreement(tuple(items))
