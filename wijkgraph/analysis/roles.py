"""Role recognition: which actor plays which role of the reference model, and why.

For a wijk this answers "is there a huisarts, a wijkagent, a buurtteam in our network, and
who is it?". The ``role`` column decides first; only actors whose role column is empty or
names no reference role are recognised by the words of their ``name``. Descriptions,
addresses and other columns are never read, so a "Huisartsenlaan" in an address does not
make a huisarts. Words are whole words: "huisarts" matches "Huisarts Oost" and
"huisartsen" matches "Huisartsen Lunetten", but neither matches "Huisartsenlaan".
Write ``geen rol`` (or ``no role``) in the role column to stop name recognition for an
actor. In a name, a type word ("bewonerscommissie") wins over an organisation's proper
name ("Mitros"), and a role found in the name alone is marked uncertain (``certain`` is
False in `RoleAssignment.to_frame`; the report says "naam, onzeker"). `RoleAssignment.fit`
is the share of actors that play a role: under `FIT_THRESHOLD` the model does not fit.

Examples
--------
>>> import pandas as pd
>>> from wijkgraph.model.tables import tables_from_frames
>>> from wijkgraph.model.network import build_network
>>> actors = pd.DataFrame({
...     "name": ["Huisartsenpraktijk Oost", "Buurtfeest Huisartsenlaan", "Team Noord",
...              "Politie Utrecht"],
...     "role": ["", "", "buurtteam", ""]})
>>> net = build_network(tables_from_frames(actors, pd.DataFrame(columns=["source", "target"])))
>>> roles = recognise_roles(net)
>>> roles.to_frame()[["name", "role", "via", "evidence"]].values.tolist()
[['Huisartsenpraktijk Oost', 'huisarts', 'name', 'huisartsenpraktijk'], ['Team Noord', \
'buurtteam', 'role', 'buurtteam'], ['Politie Utrecht', 'wijkagent', 'name', 'politie']]
>>> roles.unassigned
('Buurtfeest Huisartsenlaan',)
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import pandas as pd

from wijkgraph.analysis._result import displayed, jsonable
from wijkgraph.analysis._summary import Finding, Summary, paragraphs, table_from_frame
from wijkgraph.i18n import NP_, translator
from wijkgraph.model.areas import AreaTree, bundled_tree, serves
from wijkgraph.model.network import WijkNetwork
from wijkgraph.model.schema import fold
from wijkgraph.reference import DEFAULT_REFERENCE, ReferenceModel, load_reference, words

#: Below this share of actors playing a role, the reference model does not fit the network.
FIT_THRESHOLD = 1 / 3
NO_ROLE = frozenset({"geen", "geenrol", "none", "norole", "nvt"})

FRAME_COLUMNS = ["actor", "name", "role", "domain", "actor_domain", "wijk", "via", "certain",
                 "evidence"]
TABLE_COLUMNS = ["actor", "name", "role", "label", "domain", "actor_domain", "wijk", "via",
                 "certain", "evidence"]
#: How a role was recognised (the ``via`` code) as people read it; a match in the name
#: alone is uncertain (a name can mislead), a match in the role column is certain.
VIA_WORDS = {"role": NP_("via", "role"), "name": NP_("via", "name, uncertain")}


class RoleMatcher:
    """Finds reference roles in a text by whole words (and word sequences).

    A type word (the role's ``match``: "bewonerscommissie", "huisartsenpraktijk") wins
    over an organisation's proper name (the role's ``names``: "Mitros") in the same text;
    proper names count only when no type word is found. The longest phrase wins where
    phrases overlap: "POH-GGZ" is the practice nurse, not also the GGZ.

    >>> m = RoleMatcher(load_reference())
    >>> m.find("Gezondheidscentrum & Apotheek Lunetten")
    [('huisarts', 'gezondheidscentrum'), ('apotheek', 'apotheek')]
    >>> m.find("Huisartsenlaan 12")
    []
    >>> m.find("Sociaal makelaars DOCK")
    [('sociaal-makelaar', 'sociaal makelaars')]
    >>> m.find("Bewonerscommissie Mitros Lunetten"), m.find("Mitros")
    ([('huurdersorganisatie', 'bewonerscommissie')], [('woningcorporatie', 'mitros')])
    >>> m.find("POH-GGZ Huisartsen Oost")
    [('poh-ggz', 'poh ggz'), ('huisarts', 'huisartsen')]
    """

    def __init__(self, reference: ReferenceModel, *, with_ids: bool = False) -> None:
        # first word -> (phrase words, role id, is a proper name)
        self._index: dict[str, list[tuple[tuple[str, ...], str, bool]]] = defaultdict(list)
        for role in reference.roles:
            phrases = [(p, False) for p in role.match] + [(p, True) for p in role.names]
            if with_ids:
                phrases += [(role.id, False), (role.label_nl, False), (role.label_en, False)]
            for phrase, proper in phrases:
                toks = words(phrase)
                if toks:
                    self._index[toks[0]].append((toks, role.id, proper))
        for entries in self._index.values():  # longest phrase first, type words before names
            entries.sort(key=lambda e: (-len(e[0]), e[2]))

    def find(self, text: object) -> list[tuple[str, str]]:
        """(role id, matched words) for every role found in `text`, in order of appearance."""
        toks = words(text)
        typed: dict[str, str] = {}
        proper: dict[str, str] = {}
        i = 0
        while i < len(toks):
            for phrase, role_id, is_name in self._index.get(toks[i], ()):
                if toks[i:i + len(phrase)] == phrase:
                    (proper if is_name else typed).setdefault(role_id, " ".join(phrase))
                    i += len(phrase)
                    break
            else:
                i += 1
        return list((typed or proper).items())


@dataclass(frozen=True)
class RoleMatch:
    """One actor playing one role, how it was recognised (`role` column or `name`)."""

    actor: str
    role: str
    via: str
    evidence: str

    @property
    def certain(self) -> bool:
        """True when the role column says so; a match in the name alone is uncertain."""
        return self.via == "role"


@displayed
@dataclass(frozen=True)
class RoleAssignment:
    """Who plays which reference role, and the actors no role was found for."""

    reference: ReferenceModel
    matches: tuple[RoleMatch, ...]
    unassigned: tuple[str, ...]
    actor_info: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False)

    @property
    def n_actors(self) -> int:
        """How many actors were looked at."""
        return len(self.actor_info) or len({m.actor for m in self.matches}) + len(self.unassigned)

    @property
    def n_matched(self) -> int:
        """How many actors play at least one role of the model."""
        return len(self._by_actor)

    @property
    def fit(self) -> float:
        """The share of actors that play a role of the model (0 to 1; 0 for no actors).

        Under `FIT_THRESHOLD` the model does not describe this network.
        """
        return self.n_matched / self.n_actors if self.n_actors else 0.0

    def actors_of(self, role: str) -> tuple[str, ...]:
        """Ids of the actors playing `role`."""
        return tuple(m.actor for m in self.matches if m.role == role)

    def roles_of(self, actor: str) -> tuple[str, ...]:
        """Ids of the roles `actor` plays."""
        return self._by_actor.get(actor, ())

    @cached_property
    def _by_actor(self) -> dict[str, tuple[str, ...]]:
        out: dict[str, list[str]] = defaultdict(list)
        for m in self.matches:
            out[m.actor].append(m.role)
        return {a: tuple(rs) for a, rs in out.items()}

    def by_role(self) -> dict[str, tuple[str, ...]]:
        """Role id -> actor ids (every reference role, possibly empty)."""
        out: dict[str, list[str]] = {r: [] for r in self.reference.role_ids}
        for m in self.matches:
            out[m.role].append(m.actor)
        return {k: tuple(v) for k, v in out.items()}

    def to_frame(self) -> pd.DataFrame:
        """One row per (actor, role): actor, name, role, domain (of the role), actor_domain,
        wijk, via (``role`` or ``name``), certain (False for a match in the name alone),
        evidence (the matched words).

        Sorted by role id, then name. The role's label is in `table`.
        """
        return self.table("nl").drop(columns="label")

    def table(self, lang: str = "nl") -> pd.DataFrame:
        """`to_frame` with the role's label in `lang` (what tables.xlsx shows)."""
        rows = []
        for m in self.matches:
            info = self.actor_info.get(m.actor, {})
            role = self.reference.role(m.role)
            rows.append({"actor": m.actor, "name": info.get("name", m.actor), "role": m.role,
                         "label": role.label(lang), "domain": role.domain,
                         "actor_domain": info.get("domain", ""),
                         "wijk": "; ".join(info.get("wijk", ())), "via": m.via,
                         "certain": m.certain, "evidence": m.evidence})
        frame = pd.DataFrame(rows, columns=TABLE_COLUMNS)
        if frame.empty:
            return frame
        order = {r: i for i, r in enumerate(self.reference.role_ids)}
        frame["_o"] = frame["role"].map(order)
        return frame.sort_values(["_o", "name"], kind="mergesort").drop(columns="_o").reset_index(
            drop=True)

    def unassigned_frame(self) -> pd.DataFrame:
        """The actors no reference role was found for: actor, name, domain, role (as given)."""
        rows = [{"actor": a, "name": self.actor_info.get(a, {}).get("name", a),
                 "domain": self.actor_info.get(a, {}).get("domain", ""),
                 "role": self.actor_info.get(a, {}).get("role", "")} for a in self.unassigned]
        return pd.DataFrame(rows, columns=["actor", "name", "domain", "role"])

    def to_dict(self, lang: str = "nl") -> dict[str, Any]:
        """The ``roles`` section of analysis.json (labels in `lang`)."""
        return jsonable({
            "reference": self.reference.to_dict(lang),
            "n_actors": self.n_actors, "n_matched": self.n_matched, "fit": round(self.fit, 4),
            "assignments": self.table(lang),
            "unassigned": self.unassigned_frame(),
        })

    def explain(self, lang: str = "nl") -> str:
        """How many actors play how many roles, and how they were recognised."""
        t = translator(lang)
        if not self.reference.roles:
            return t.gettext("No reference model was chosen (--reference none): roles are not "
                             "recognised.")
        n_roles = len({m.role for m in self.matches})
        n_actors = len({m.actor for m in self.matches})
        by_name = sum(1 for m in self.matches if m.via == "name")
        players = t.ngettext(
            "{n} actor plays {roles} of the {total} roles of reference model '{model}'",
            "{n} actors play {roles} of the {total} roles of reference model '{model}'",
            n_actors).format(n=t.number(n_actors), roles=t.number(n_roles),
                             total=t.number(len(self.reference.roles)), model=self.reference.name)
        recognised = t.gettext("({n} recognised by name, the rest by the role column)").format(
            n=t.number(by_name))
        others = t.count(len(self.unassigned), "{n} actor has no reference role.",
                         "{n} actors have no reference role.")
        uncertain = t.gettext(
            "A role found in the name alone is uncertain: check it.") + " " if by_name else ""
        return (f"{players} {recognised}; {others} {uncertain}"
                + t.gettext("Correct a role through the role column."))

    def summary(self, lang: str = "nl", *, top: int = 10) -> Summary:
        """The report's "Recognised roles" section: who plays which role, and who none."""
        del top  # every recognised role is listed (up to 80 rows)
        t = translator(lang)
        frame = self.table(lang)
        if not frame.empty:
            frame["via"] = [t.pgettext("via", VIA_WORDS.get(v, v)) for v in frame["via"]]
        tables = (table_from_frame(frame, lang, columns=["name", "label", "domain", "wijk", "via",
                                                         "evidence"], limit=80),) \
            if not frame.empty else ()
        items = []
        if self.unassigned:
            names = sorted(str(self.actor_info.get(a, {}).get("name", a)) for a in self.unassigned)
            items.append(Finding(t.gettext("No role from the model"),
                                 ", ".join(names[:60]) + (" …" if len(names) > 60 else "")))
        return Summary("roles", t.gettext("Recognised roles"), paragraphs(self.explain(lang)),
                       items=tuple(items), tables=tables)


def recognise_roles(network: WijkNetwork, *,
                    reference: str | ReferenceModel = DEFAULT_REFERENCE) -> RoleAssignment:
    """Recognise the reference roles each actor plays: role column first, then name words.

    Parameters
    ----------
    network : WijkNetwork
    reference : str or ReferenceModel
        Bundled model name, path to a YAML file, or a loaded model.

    Returns
    -------
    RoleAssignment

    Notes
    -----
    An actor can play several roles ("Gezondheidscentrum en apotheek"). When the role
    column names a reference role (by its id, label or one of its match words), only the
    role column counts; otherwise the name's words are searched. ``geen rol`` / ``no role``
    in the role column switches recognition off for that actor.
    """
    model = load_reference(reference)
    by_role_cell = RoleMatcher(model, with_ids=True)
    by_name = RoleMatcher(model)
    matches: list[RoleMatch] = []
    unassigned: list[str] = []
    info: dict[str, dict[str, Any]] = {}
    by_cell: dict[str, list[tuple[str, str]] | None] = {}  # role cells repeat: find each once
    for actor, data in network.graph.nodes(data=True):
        role_text = str(data.get("role") or "")
        name = str(data.get("name") or actor)
        info[actor] = {"name": name, "domain": data.get("domain", ""),
                       "wijk": tuple(data.get("wijk", ())), "role": role_text}
        found: list[tuple[str, str]] = []
        via = ""
        if role_text not in by_cell:  # None: "no role" (recognition off)
            by_cell[role_text] = (None if fold(role_text) in NO_ROLE
                                  else by_role_cell.find(role_text))
        cell = by_cell[role_text]
        if cell is not None:
            found = cell
            via = "role"
            if not found:
                found = by_name.find(name)
                via = "name"
        if not found:
            unassigned.append(actor)
        matches.extend(RoleMatch(actor, role_id, via, word) for role_id, word in found)
    return RoleAssignment(model, tuple(matches), tuple(unassigned), info)


def wijken_in_scope(network: WijkNetwork) -> tuple[str, ...]:
    """The wijken the data is about: those where at least one actor works *only* there.

    A wijk named only by city-wide organisations ("Oost; Binnenstad; Zuid") is not
    covered by the data, so roles are not reported missing there. A network cut out with
    ``subnetwork(wijk=...)`` is about that one wijk. No wijken at all gives ``("",)``:
    the whole network is one place.

    >>> import pandas as pd
    >>> from wijkgraph.model.tables import tables_from_frames
    >>> from wijkgraph.model.network import build_network
    >>> actors = pd.DataFrame({"name": ["A", "B", "C"], "wijk": ["Oost", "Oost; Zuid", ""]})
    >>> net = build_network(tables_from_frames(actors, pd.DataFrame(columns=["source", "target"])))
    >>> wijken_in_scope(net)
    ('Oost',)
    """
    from wijkgraph.model.areas import area_tree, focus_areas

    tree = area_tree(network)  # areas nest: the focus is the most specific busy level
    if network.meta.get("wijk"):
        return (tree.place(str(network.meta["wijk"])) or str(network.meta["wijk"]),)
    return focus_areas(tree, (ws for _, ws in network.graph.nodes(data="wijk")))


def works_in(actor_wijken: tuple[str, ...], wijk: str, tree: AreaTree | None = None) -> bool:
    """True when an actor with wijken `actor_wijken` counts for `wijk`.

    Actors without a wijk count everywhere; ``wijk == ""`` means the whole network.
    Areas nest (`wijkgraph.model.areas.serves`): a city-wide party counts in every wijk,
    a party in a buurt counts in its wijk. `tree` defaults to the bundled areas.
    """
    if not wijk or not actor_wijken:
        return True
    return serves(tree or bundled_tree(), actor_wijken, wijk)

