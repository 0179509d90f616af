"""Gemeenschappen: groups of actors that work more with each other than with the rest.

Louvain community detection (weighted by tie strength, fixed seed) through the engine
(igraph's multilevel algorithm seeded with `seed`; deterministic). Actors are visited in
order of name, so reordering the rows of the input does not change the communities. For each community:
its size, dominant domains, themes and wijken, and a short label such as "vooral welzijn
en inwoners in Oost". Modularity (-0.5..1) says how clearly the groups stand apart;
above about 0.3 the split is clear.

Actors without any tie form a community of their own; they are counted but not listed
one by one in `explain`.

Examples
--------
>>> from wijkgraph.sources.bundled import load_dataset
>>> c = communities(load_dataset("utrecht-oost"))
>>> bool(c.modularity > 0.2), int(c.to_frame()["size"].sum()) == load_dataset("utrecht-oost").n_actors
(True, True)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from wijkgraph.analysis._renamed import renamed
from wijkgraph.analysis._result import displayed, jsonable
from wijkgraph.analysis._summary import Finding, Number, Summary, generic_table, paragraphs
from wijkgraph.analysis.domains import UNKNOWN
from wijkgraph.analysis.engine import engine_for
from wijkgraph.i18n import check_lang, translator
from wijkgraph.model.network import WijkNetwork
from wijkgraph.model.schema import domain_label

COLUMNS = ["community", "size", "domains", "themes", "wijken", "label_nl", "label_en",
           "members"]


@displayed
@dataclass(frozen=True, eq=False)
class Communities:
    """Louvain communities with their profile; `membership` maps actor id -> community (1..).

    `per_community` has one row per community with its label in Dutch and English (``label_nl``,
    ``label_en``, kept in `to_frame` and analysis.json); `names` maps actor id -> name.
    """

    per_community: pd.DataFrame
    membership: dict[str, int]
    modularity: float
    seed: int
    names: Mapping[str, str] = field(default_factory=dict)

    table = renamed("table", "per_community")  # the 0.1 name, warns

    def to_frame(self) -> pd.DataFrame:
        """One row per community, largest first."""
        return self.per_community[COLUMNS].copy()

    def to_dict(self, lang: str = "nl") -> dict[str, Any]:
        frame = self.to_frame()
        frame = frame.drop(columns=["label_nl", "label_en"]).assign(
            label=frame[f"label_{check_lang(lang)}"])
        return jsonable({"modularity": self.modularity, "seed": self.seed,
                         "membership": self.membership, "communities": frame})

    def label(self, community: int, lang: str = "nl") -> str:
        """The short label of community number `community`."""
        row = self.per_community.set_index("community").loc[community]
        return str(row[f"label_{check_lang(lang)}"])

    def explain(self, lang: str = "nl") -> str:
        """The groups in the network, the largest four with their label and themes.

        >>> from wijkgraph.sources.bundled import load_dataset
        >>> communities(load_dataset("driehoek")).explain("en")[:40]
        'The network falls into 10 groups that wo'
        """
        t = translator(lang)
        groups = self.per_community[self.per_community["size"] >= 2]
        if groups.empty:
            return t.gettext("There are no groups of tied actors.")
        singles = int((self.per_community["size"] == 1).sum())
        shown = []
        for _, r in groups.head(4).iterrows():
            label, size = r[f"label_{check_lang(lang)}"], t.number(int(r["size"]))
            if len(r["themes"]):
                shown.append(t.gettext("{label} around {themes} ({n})").format(
                    label=label, themes=t.join(list(r["themes"][:2])), n=size))
            else:
                shown.append(f"{label} ({size})")
        text = t.ngettext(
            "The network falls into {n} group that works mostly among itself (modularity "
            "{modularity}): {groups}.",
            "The network falls into {n} groups that work mostly among themselves (modularity "
            "{modularity}): {groups}.", len(groups)).format(
            n=t.number(len(groups)), modularity=t.number(self.modularity),
            groups="; ".join(shown))
        if singles:
            text += " " + t.npgettext("communities", "{n} actor has no tie.",
                                      "{n} actors have no tie.", singles).format(
                n=t.number(singles))
        return text

    def summary(self, lang: str = "nl", *, top: int = 10) -> Summary:
        """What the report shows of the communities (section ``communities``).

        The modularity, one item per community (label and members; its colour is the code
        of its largest domain) and the table of communities.

        >>> from wijkgraph.sources.bundled import load_dataset
        >>> s = communities(load_dataset("driehoek")).summary("en")
        >>> s.id, s.numbers[0].label, s.items[0].head
        ('communities', 'modularity', 'Group 1 (7)')
        """
        t = translator(lang)
        frame = self.to_frame()
        numbers = (Number(t.number(self.modularity), t.gettext("modularity"), t.gettext(
            "How strongly the network splits into groups: 0 means no grouping, above 0.3 the "
            "groups are clear.")),)
        items = []
        for rec in frame.to_dict("records"):
            members = [self.names.get(m, m) for m in rec["members"]]
            shown = ", ".join(members[:12]) + (" …" if len(members) > 12 else "")
            label = rec[f"label_{check_lang(lang)}"]
            head = t.gettext("Group {n} ({size})").format(n=rec["community"],
                                                          size=t.number(rec["size"]))
            items.append(Finding(head, f"{label}. {shown}" if label else shown,
                                 next(iter(rec["domains"]), "")))
        shown_frame = frame.drop(columns=["members", "label_nl", "label_en"])
        shown_frame["domains"] = [{domain_label(d, lang): n for d, n in doms.items()}
                                  for doms in shown_frame["domains"]]
        table = generic_table(shown_frame, lang, 40)
        return Summary("communities", t.gettext("Communities"), paragraphs(self.explain(lang)),
                       numbers, tuple(items), tables=(table,) if table is not None else ())


def _dominant(counter: Counter[str], size: int, *, share: float = 0.25,
              most: int = 2) -> list[str]:
    ranked = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked:
        return []
    out = [k for k, c in ranked[:most] if c >= share * size]
    if ranked[0][1] >= 0.6 * size:
        out = out[:1]
    return out or [ranked[0][0]]


def community_label(domains: list[str], wijken: list[str], lang: str = "nl") -> str:
    """A short label: 'vooral welzijn en inwoners in Oost'.

    >>> community_label(["welzijn", "inwoners"], ["Oost"])
    'vooral welzijn en inwoners in Oost'
    >>> community_label(["zorg"], [], "en")
    'mostly care'
    """
    t = translator(lang)
    words = t.join([domain_label(d, lang) for d in domains])
    if wijken:
        return t.gettext("mostly {domains} in {wijken}").format(domains=words,
                                                                  wijken=t.join(wijken))
    return t.gettext("mostly {domains}").format(domains=words)


def communities(network: WijkNetwork, *, seed: int = 0, resolution: float = 1.0) -> Communities:
    """Louvain communities of the wijk network, profiled by domain, theme and wijk.

    In a wijk: which circles exist (a care circle around the GP practice, a residents'
    circle around the community centre), and who belongs to more than one?

    Parameters
    ----------
    network : WijkNetwork
    seed : int, default 0
        Seed of the Louvain algorithm; same seed, same communities.
    resolution : float, default 1.0
        Higher values give more, smaller communities.

    Returns
    -------
    Communities

    References
    ----------
    Blondel, V. D. et al. (2008). Fast unfolding of communities in large networks.
    *J. Stat. Mech.* P10008.

    Examples
    --------
    Two triangles joined by one tie fall into two communities.

    >>> from wijkgraph.model.network import build_network
    >>> from wijkgraph.model.tables import tables_from_frames
    >>> actors = pd.DataFrame({"name": list("ABCDEF"),
    ...                        "domain": ["zorg"] * 3 + ["welzijn"] * 3, "wijk": "Oost"})
    >>> rel = pd.DataFrame({"source": list("AABDDEC"), "target": list("BCCEFFD")})
    >>> c = communities(build_network(tables_from_frames(actors, rel)))
    >>> c.to_frame()["label_nl"].tolist()
    ['vooral zorg in Oost', 'vooral welzijn in Oost']
    """
    g = network.graph
    eng = engine_for(g)
    # visit actors in name order, so that the order of the input rows does not matter
    order = sorted(g.nodes, key=lambda v: (str(g.nodes[v].get("name", v)), str(v)))
    parts = eng.louvain(seed=seed, resolution=resolution, order=order)
    rows = []
    membership: dict[str, int] = {}
    for number, members in enumerate(parts, start=1):
        ids = sorted(members, key=lambda v: (str(g.nodes[v].get("name", v)), str(v)))
        size = len(ids)
        for v in ids:
            membership[str(v)] = number
        doms: Counter[str] = Counter(str(g.nodes[v].get("domain") or UNKNOWN) for v in ids)
        themes: Counter[str] = Counter(t for v in ids for t in g.nodes[v].get("themes", ()))
        wijken: Counter[str] = Counter(w for v in ids for w in g.nodes[v].get("wijk", ()))
        known = Counter({d: c for d, c in doms.items() if d != UNKNOWN}) or doms
        dominant = _dominant(known, size)
        main_wijk = [w for w, c in sorted(wijken.items(), key=lambda kv: (-kv[1], kv[0]))[:1]
                     if c >= 0.5 * size]
        rows.append({
            "community": number, "size": size,
            "domains": dict(sorted(doms.items(), key=lambda kv: (-kv[1], kv[0]))),
            "themes": [t for t, _ in sorted(themes.items(), key=lambda kv: (-kv[1], kv[0]))[:3]],
            "wijken": dict(sorted(wijken.items(), key=lambda kv: (-kv[1], kv[0]))),
            "label_nl": community_label(dominant, main_wijk, "nl"),
            "label_en": community_label(dominant, main_wijk, "en"),
            "members": [str(v) for v in ids],
        })
    per_community = pd.DataFrame(rows, columns=COLUMNS)
    names = {str(v): str(g.nodes[v].get("name", v)) for v in g.nodes}
    return Communities(per_community, membership, eng.modularity(parts), seed, names)
