"""Missing parties: which roles of the reference model are absent or at the margin, per wijk.

"Wie worden er gemist in de huidige samenwerking?" (seed 003). For every role of the
reference model and every wijk the data is about, the status is

* ``absent``: no actor plays the role there;
* ``isolated``: actors play it, but none has a single tie;
* ``peripheral``: the best-connected actor has fewer ties than the model's ``min_ties``
  threshold (default 3), or ties only inside its own domain (a huisarts tied only to an
  apotheek);
* ``present``: otherwise.

Each item gives the reason in plain words (`PartyStatus.reason`) and the evidence (who
plays the role, their ties and the domains of their partners). Ties are the declared
relations (`network.graph`).

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
>>> mp.table("nl").set_index("role").loc["huisarts", "reason"]
'Huisarts Oost heeft 1 relatie, alleen binnen zorg (Apotheek Oost).'
>>> mp.table("en").set_index("role").loc["ggz", "reason"]
'No actor plays the role mental health care in Oost. Who could pick it up: Buurtteam Oost.'
>>> mp.fit, mp.summary("en").findings[0].text[:30]
(1.0, 'No practice nurse for mental h')
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
import pandas as pd

from wijkgraph.analysis._result import displayed, jsonable
from wijkgraph.analysis._summary import (
    Finding,
    Number,
    Summary,
    fmt_cell,
    paragraphs,
    table_from_frame,
)
from wijkgraph.analysis.engine import engine_for
from wijkgraph.analysis.reference_choice import ReferenceChoice, choose_reference, is_auto
from wijkgraph.analysis.roles import (
    FIT_THRESHOLD,
    RoleAssignment,
    recognise_roles,
    wijken_in_scope,
    works_in,
)
from wijkgraph.i18n import N_, NP_, Translator, translator
from wijkgraph.model.areas import area_tree
from wijkgraph.model.network import WijkNetwork
from wijkgraph.reference import DEFAULT_REFERENCE, ReferenceModel, in_lang, load_reference

STATUSES = ("absent", "isolated", "peripheral", "present")
#: The status codes as people read them (translate with ``pgettext("status", ...)``).
STATUS_WORDS = {
    "absent": NP_("status", "absent"),
    "isolated": NP_("status", "isolated"),
    "peripheral": NP_("status", "at the margin"),
    "present": NP_("status", "present"),
}
#: What each status count means (the report's headline numbers).
STATUS_SENTENCES = {
    "absent": N_("Roles of the reference model that nobody in the data plays."),
    "isolated": N_("Roles that are there, but without a single tie."),
    "peripheral": N_("Roles with very few ties, or only within their own domain."),
    "present": N_("Roles that are there and take part in the network."),
}
FRAME_COLUMNS = ["role", "domain", "wijk", "status", "n_actors", "actors", "ties",
                 "partner_domains", "source", "pick_up"]
TABLE_COLUMNS = ["role", "label", "domain", "wijk", "status", "status_label", "n_actors",
                 "actors", "ties", "partner_domains", "reason", "why", "source", "pick_up"]


def status_word(status: str, lang: str = "nl") -> str:
    """A status code (``absent``, ``peripheral``, ...) as people read it.

    >>> status_word("peripheral"), status_word("peripheral", "en")
    ('aan de rand', 'at the margin')
    """
    return translator(lang).pgettext("status", STATUS_WORDS.get(status, status))


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


def _ties(t: Translator, n: int) -> str:
    return t.npgettext("relation", "{n} tie", "{n} ties", n).format(n=t.number(n))


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
    #: Names of the present actors the model pairs with this role: who should pick it up.
    pick_up: tuple[str, ...] = ()

    def label(self, lang: str = "nl") -> str:
        """The role's label in `lang` (from the reference model)."""
        return in_lang(self, "label", lang)

    def why(self, lang: str = "nl") -> str:
        """Why the role matters, in `lang` (from the reference model)."""
        return in_lang(self, "why", lang)

    @property
    def best(self) -> PlayerEvidence | None:
        return self.players[0] if self.players else None

    def reason(self, lang: str = "nl") -> str:
        """The status in one plain sentence."""
        t = translator(lang)
        label = self.label(lang)
        best = self.best
        if best is None:
            if self.wijk:
                text = t.gettext("No actor plays the role {label} in {wijk}.").format(
                    label=label, wijk=self.wijk)
            else:
                text = t.gettext("No actor plays the role {label}.").format(label=label)
            if self.pick_up:
                text += " " + t.gettext("Who could pick it up: {names}.").format(
                    names=t.join(list(self.pick_up[:4])))
            return text
        others = len(self.players) - 1
        who = best.name if not others else t.ngettext(
            "{name} (and {n} other)", "{name} (and {n} others)", others).format(
                name=best.name, n=t.number(others))
        if self.status == "isolated":
            return t.gettext("{who} has no ties at all.").format(who=who)
        ties = _ties(t, best.ties)
        partners = ", ".join(best.partners[:3]) + (", ..." if len(best.partners) > 3 else "")
        own = best.domain or self.domain
        only_own = bool(best.partner_domains) and set(best.partner_domains) == {own}
        if self.status == "peripheral":
            if only_own:
                return t.gettext("{who} has {ties}, only within {domain} ({partners}).").format(
                    who=who, ties=ties, domain=own, partners=partners)
            return t.gettext("{who} has only {ties} ({partners}); fewer than {min_ties}.").format(
                who=who, ties=ties, partners=partners, min_ties=self.min_ties)
        doms = len(set(best.partner_domains))
        return t.ngettext("{who} has {ties} with {n} domain.", "{who} has {ties} with {n} domains.",
                          doms).format(who=who, ties=ties, n=t.number(doms))

    def to_row(self) -> dict[str, Any]:
        """The codes and numbers of this item (a row of `MissingParties.to_frame`)."""
        best = self.best
        return {
            "role": self.role, "domain": self.domain, "wijk": self.wijk, "status": self.status,
            "n_actors": len(self.players),
            "actors": "; ".join(p.name for p in self.players),
            "ties": best.ties if best else 0,
            "partner_domains": "; ".join(sorted(set(best.partner_domains))) if best else "",
            "source": self.source, "pick_up": "; ".join(self.pick_up),
        }

    def table_row(self, lang: str = "nl") -> dict[str, Any]:
        """`to_row` with the words in `lang`: label, status_label, reason, why."""
        row = self.to_row()
        return {c: row.get(c) for c in TABLE_COLUMNS} | {
            "label": self.label(lang), "status_label": status_word(self.status, lang),
            "reason": self.reason(lang), "why": self.why(lang)}


@displayed
@dataclass(frozen=True)
class MissingParties:
    """Status of every reference role per wijk (see module docs)."""

    items: tuple[PartyStatus, ...]
    reference: str
    wijken: tuple[str, ...]
    min_ties: int
    #: How many actors were looked at, and how many play a role of the model.
    n_actors: int = 0
    n_matched: int = 0
    #: False for ``--reference none``: the section says it was not analysed.
    analysed: bool = True
    #: How ``--reference auto`` chose the model (None when the user named one).
    choice: ReferenceChoice | None = None

    @classmethod
    def not_analysed(cls, reference: str = "none") -> MissingParties:
        """The result for ``--reference none``: no model, so nothing is said to be missing.

        >>> MissingParties.not_analysed().summary("en").intro[0][:40]
        'Not analysed: no reference model was cho'
        """
        return cls((), reference, (), 0, analysed=False)

    @property
    def fit(self) -> float:
        """The share of actors that play a role of the model (0 to 1; 1 with no actors)."""
        return self.n_matched / self.n_actors if self.n_actors else 1.0

    @property
    def fits(self) -> bool:
        """False when under a third of the actors play a role: the model does not describe
        this network, and its absent roles say little (`FIT_THRESHOLD`)."""
        return self.fit >= FIT_THRESHOLD

    def to_frame(self) -> pd.DataFrame:
        """One row per (role, wijk), most urgent first: absent, isolated, peripheral, present.

        Columns: role, domain, wijk, status (a code of `STATUSES`), n_actors, actors
        (names, "; "-joined), ties (of the best-connected actor), partner_domains, source.
        The words (label, reason, why) are in `table` and `summary`.
        """
        return pd.DataFrame([i.to_row() for i in self.items], columns=FRAME_COLUMNS)

    def table(self, lang: str = "nl") -> pd.DataFrame:
        """`to_frame` with its words in `lang` (what tables.xlsx shows).

        Columns: role, label, domain, wijk, status, status_label, n_actors, actors, ties,
        partner_domains, reason, why, source.
        """
        return pd.DataFrame([i.table_row(lang) for i in self.items], columns=TABLE_COLUMNS)

    def missing(self) -> tuple[PartyStatus, ...]:
        """Items that are not ``present``."""
        return tuple(i for i in self.items if i.status != "present")

    def to_dict(self, lang: str = "nl") -> dict[str, Any]:
        """The ``missing_parties`` section of analysis.json (label, status_label, reason,
        why in `lang`)."""
        items = []
        for i in self.items:
            row = i.table_row(lang)
            row["players"] = [{"actor": p.actor, "name": p.name, "ties": p.ties,
                               "status": p.status, "partner_domains": list(p.partner_domains)}
                              for p in i.players]
            items.append(row)
        counts = Counter(i.status for i in self.items)
        return jsonable({"reference": self.reference, "wijken": list(self.wijken),
                         "min_ties": self.min_ties, "analysed": self.analysed,
                         "fit": {"n_actors": self.n_actors, "n_matched": self.n_matched,
                                 "share": round(self.fit, 4), "fits": self.fits,
                                 "threshold": round(FIT_THRESHOLD, 4)} if self.analysed else None,
                         "counts": {s: counts.get(s, 0) for s in STATUSES}, "items": items})

    def explain(self, lang: str = "nl") -> str:
        """Who is missing, in a few sentences."""
        t = translator(lang)
        if not self.analysed:
            return t.gettext("Not analysed: no reference model was chosen (--reference none), so "
                             "nothing is said to be missing.")
        if not self.items:
            return t.gettext("The reference model has no roles to check.")
        if not self.fits:
            return self._no_fit(t)
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
                        names.append(f"{i.label(lang)} ({_ties(t, best.ties)})")
                    else:
                        names.append(i.label(lang))
            shown = ", ".join(names[:8])
            if len(names) > 8:
                shown = t.gettext("{items} and {n} more").format(items=shown,
                                                                n=t.number(len(names) - 8))
            head = status_word(status, lang)
            parts.append(f"{head[0].upper()}{head[1:]}: {shown}.")
        if not parts:
            return t.gettext("Every role of the reference model is present and connected.")
        if multi:
            head = t.gettext("Who is missing (per wijk, in {n} wijken)?").format(
                n=t.number(len(self.wijken)))
        elif self.wijken[0]:
            head = t.gettext("Who is missing in {wijk}?").format(wijk=self.wijken[0])
        else:
            head = t.gettext("Who is missing?")
        return " ".join([head, *parts])

    def _no_fit(self, t: Translator) -> str:
        if not self.n_matched:
            return t.gettext(
                "The reference model '{model}' does not fit this network: none of its {total} "
                "actors plays one of the model's roles, so a list of absent roles would say "
                "nothing. Choose a model that fits with --reference, or switch this section "
                "off with --reference none.").format(model=self.reference,
                                                     total=t.number(self.n_actors))
        return t.gettext(
            "The reference model '{model}' does not fit this network: only {n} of {total} actors "
            "({share}) play one of its roles. Absent roles say little here. Choose a model "
            "that fits with --reference, or switch this section off with --reference none."
        ).format(model=self.reference, n=t.number(self.n_matched), total=t.number(self.n_actors),
                 share=t.percent(self.fit))

    def summary(self, lang: str = "nl", *, top: int = 10) -> Summary:
        """The report's "Who is missing" section, and its finding for the glance."""
        del top  # every role is listed
        t = translator(lang)
        numbers: list[Number] = []
        items: list[Finding] = []
        tables = []
        counts = Counter(i.status for i in self.items)
        total = len(self.items)
        if total:
            for status in STATUSES if self.fits else ():  # no-fit: counts would mislead
                n = counts.get(status, 0)
                if n or status in ("absent", "present"):
                    numbers.append(Number(f"{t.number(n)} / {t.number(total)}",
                                          status_word(status, lang),
                                          t.gettext(STATUS_SENTENCES[status])))
            if self.n_actors:
                numbers.append(Number(
                    t.percent(self.fit), t.gettext("actors with a role of the model"),
                    t.gettext("Share of the actors that play a role of the reference model; "
                              "under a third, it does not fit.")))
            for i in self.missing() if self.fits else ():  # sorted by status already
                where = f" ({i.wijk})" if i.wijk else ""
                text = " ".join(x for x in (fmt_cell(i.reason(lang), lang),
                                            fmt_cell(i.why(lang), lang)) if x)
                items.append(Finding(f"{i.label(lang) or i.role}{where}", text, i.domain,
                                     status_word(i.status, lang),
                                     actors=tuple(p.actor for p in i.players)))
            shown = self.table(lang)
            shown["status"] = shown["status_label"]
            caption = t.gettext("Every role of the reference model")
            if not self.fits:  # a list of absent roles would say nothing: only who plays one
                shown = shown[shown["n_actors"] > 0]
                caption = t.gettext("The roles of the reference model that actors play")
            if len(shown):
                tables.append(table_from_frame(
                    shown, lang, caption=caption,
                    columns=["label", "domain", "wijk", "status", "actors"], limit=60))
        intro = paragraphs(self.explain(lang))
        if self.choice is not None:  # --reference auto: say which model, and why
            intro = (*intro, self.choice.describe(lang))
        return Summary("missing", t.gettext("Who is missing"), intro,
                       tuple(numbers), tuple(items), tables=tuple(tables),
                       findings=self._findings(lang))

    def _findings(self, lang: str) -> tuple[Finding, ...]:
        t = translator(lang)
        if self.analysed and self.items and not self.fits:
            if self.n_matched:
                text = t.gettext("Only {n} of {total} actors ({share}) play a role of '{model}', "
                                 "so absent roles say little here.")
            else:
                text = t.gettext("None of the {total} actors plays a role of '{model}', so "
                                 "absent roles say nothing here.")
            text += " " + t.gettext("Choose a model that fits (--reference) or switch this off "
                                    "(--reference none).")
            return (Finding(t.gettext("The reference model does not fit"), text.format(
                n=t.number(self.n_matched), total=t.number(self.n_actors),
                share=t.percent(self.fit), model=self.reference), tag="missing", priority=100),)
        # "no X in the network" only when X is absent in every area in focus: a role is
        # never both absent and at the margin
        somewhere = {i.role for i in self.items if i.status != "absent"}
        absent = list(dict.fromkeys(i.label(lang) for i in self.items
                                    if i.status == "absent" and i.role not in somewhere))
        margin_items = [i for i in self.items if i.status in ("isolated", "peripheral")]
        margin = list(dict.fromkeys(i.label(lang) for i in margin_items))
        if not absent and not margin:
            return ()
        parts = []
        if absent:
            parts.append(t.gettext("no {roles} in the network").format(
                roles=", ".join(absent[:8])))
        if margin:
            parts.append(t.gettext("at the margin: {roles}").format(roles=", ".join(margin[:8])))
        text = "; ".join(parts)
        actors = tuple(dict.fromkeys(p.actor for i in margin_items for p in i.players))
        return (Finding(t.gettext("Who is missing"), text[:1].upper() + text[1:] + ".",
                        tag="missing", priority=100, actors=actors),)


def missing_parties(network: WijkNetwork, *,
                    reference: str | ReferenceModel = DEFAULT_REFERENCE,
                    roles: RoleAssignment | None = None,
                    min_ties: int | None = None,
                    choice: ReferenceChoice | None = None) -> MissingParties:
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
    choice : ReferenceChoice, optional
        How the model was chosen by ``reference="auto"`` (the summary says it). With
        ``reference="auto"`` it is made here (`choose_reference`).

    Returns
    -------
    MissingParties
        Items per (role, area), most urgent first. The areas are those the data is
        about (see `wijkgraph.model.areas.focus_areas`): the most specific level that
        holds most actors. Areas nest: a party in the wijk or city counts in each area
        below it, a party in a buurt in the wijk above; actors without a wijk count
        everywhere.
    """
    if isinstance(reference, str) and is_auto(reference):
        choice = choose_reference(network)
        reference = choice.name
    model = load_reference(reference)
    if not model.roles:  # --reference none
        return MissingParties.not_analysed(model.name)
    if roles is None or roles.reference is not model:
        roles = recognise_roles(network, reference=model)
    threshold = model.min_ties if min_ties is None else min_ties
    g = network.graph
    wijken = wijken_in_scope(network) if g.number_of_nodes() else ()
    areas = area_tree(network)  # a party in a wijk or the city serves the buurten below
    players_of = roles.by_role()
    evidence: dict[tuple[str, str], PlayerEvidence] = {}

    ties = _ordered_ties(network)

    def player(actor: str, role_domain: str) -> PlayerEvidence:
        key = (actor, role_domain)
        if key not in evidence:
            data = g.nodes[actor]
            i = ties.index[actor]
            nbrs = ties.partner[ties.start[i]:ties.start[i + 1]]
            doms = tuple(ties.domain[nbrs].tolist())
            own = data.get("domain", "") or role_domain
            if not len(nbrs):
                status = "isolated"
            elif len(nbrs) < threshold or set(doms) == {own}:
                status = "peripheral"
            else:
                status = "present"
            evidence[key] = PlayerEvidence(actor, ties.label[i], data.get("domain", ""),
                                           len(nbrs), tuple(ties.label[nbrs].tolist()),
                                           doms, status)
        return evidence[key]

    rank = {s: i for i, s in enumerate(STATUSES)}
    items = []
    # each role's players grouped by their areas (few distinct values), in player order:
    # an area is checked once per group, not once per player (areas x players)
    area_of = dict(g.nodes(data="wijk", default=()))
    groups: dict[str, dict[Any, list[tuple[int, str]]]] = {}
    for role_id, actors in players_of.items():
        for k, a in enumerate(actors):
            groups.setdefault(role_id, {}).setdefault(area_of[a], []).append((k, a))
    counts: dict[tuple[Any, str], bool] = {}
    for wijk in wijken:
        for role in model.roles:
            found: list[tuple[int, str]] = []
            for ws, members in groups.get(role.id, {}).items():
                if (ws, wijk) not in counts:
                    counts[(ws, wijk)] = works_in(ws, wijk, areas)
                if counts[(ws, wijk)]:
                    found.extend(members)
            here = [player(a, role.domain) for _, a in sorted(found)]
            here.sort(key=lambda p: (-rank[p.status], -p.ties, p.name))
            status = here[0].status if here else "absent"
            items.append(PartyStatus(role.id, role.label_nl, role.label_en, role.domain, wijk,
                                     status, tuple(here), role.why_nl, role.why_en,
                                     role.source, threshold))
    order = {r: i for i, r in enumerate(model.role_ids)}
    items.sort(key=lambda i: (rank[i.status], i.wijk.casefold(), order[i.role]))
    return MissingParties(tuple(_with_pick_up(items, model)), model.name,
                          tuple(w for w in wijken), threshold,
                          n_actors=roles.n_actors, n_matched=roles.n_matched, choice=choice)


@dataclass(frozen=True)
class _Ties:
    """Every actor's partners, strongest tie first, then by name (as `sorted` would put
    them, equal ones in the graph's own order): ``partner[start[i]:start[i + 1]]`` are the
    positions of actor i's partners; ``label`` and ``domain`` (``"?"`` when empty) per
    position; ``index`` maps an id to its position."""

    index: dict[str, int]
    start: np.ndarray
    partner: np.ndarray
    label: np.ndarray
    domain: np.ndarray


def _ordered_ties(network: WijkNetwork) -> _Ties:
    g = network.graph
    index = {v: i for i, v in enumerate(g)}
    label = np.array([network.label(v) for v in g], dtype=object)
    domain = np.array([d or "?" for _, d in g.nodes(data="domain", default="")], dtype=object)
    # names compare as `sorted` compares them; equal names get equal codes
    _, name_code = np.unique(label, return_inverse=True) if len(label) else (None, label)
    eng = engine_for(g)
    if eng.scale != 12.0 or eng.m != len(eng.u):  # weights other than 1-4, or self-loops
        own, partner, weight = _adjacency(g, index)
    else:  # both ends of every tie, from the engine's arrays
        own, partner = np.r_[eng.u, eng.v], np.r_[eng.v, eng.u]
        weight = np.r_[eng.weights, eng.weights]
    code = name_code[partner].astype(np.int64)
    order = np.lexsort((code, -weight, own))
    own, partner, weight, code = own[order], partner[order], weight[order], code[order]
    # partners equal in strength and name keep the graph's order (as a stable sort would)
    equal = np.flatnonzero((own[1:] == own[:-1]) & (weight[1:] == weight[:-1])
                           & (code[1:] == code[:-1]))  # entry i ties with entry i + 1
    nodes = list(g)
    for chunk in np.split(equal, np.flatnonzero(np.diff(equal) > 1) + 1) if len(equal) else ():
        run = np.arange(chunk[0], chunk[-1] + 2)
        place = {v: k for k, v in enumerate(g.adj[nodes[int(own[run[0]])]])}
        partner[run] = sorted(partner[run].tolist(), key=lambda j: place[nodes[j]])
    start = np.r_[0, np.cumsum(np.bincount(own, minlength=len(nodes)))].astype(np.int64)
    return _Ties(index, start, partner, label, domain)


def _adjacency(g: Any, index: dict[str, int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every actor's partners and tie strengths, in the graph's own order (one pass)."""
    ends: list[int] = []
    weights: list[int] = []
    counts: list[int] = []
    for nbrs in g.adj.values():
        counts.append(len(nbrs))
        ends.extend(index[b] for b in nbrs)
        weights.extend(d.get("weight", 1) for d in nbrs.values())
    own = np.repeat(np.arange(len(counts)), counts)
    return own, np.asarray(ends, dtype=np.int64), np.asarray(weights, dtype=float)


def _with_pick_up(items: list[PartyStatus], model: ReferenceModel) -> list[PartyStatus]:
    """Absent roles with the present actors of their partner roles in the same area (the
    model's pairs): who should pick the role up."""
    partners: dict[str, list[str]] = {}
    for pair in model.pairs:
        a, b = pair.roles
        partners.setdefault(a, []).append(b)
        partners.setdefault(b, []).append(a)
    players = {(i.role, i.wijk): i.players for i in items}
    out = []
    for i in items:
        if i.status == "absent" and i.role in partners:
            names = [p.name for r in partners[i.role] for p in players.get((r, i.wijk), ())
                     if p.status != "isolated"]
            i = replace(i, pick_up=tuple(dict.fromkeys(names)))
        out.append(i)
    return out
