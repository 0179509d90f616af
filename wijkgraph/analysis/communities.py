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
from dataclasses import dataclass
from typing import Any

import pandas as pd

from wijkgraph.analysis._result import jsonable
from wijkgraph.analysis.domains import UNKNOWN, domain_label, join_words, num
from wijkgraph.analysis.engine import engine_for
from wijkgraph.i18n import plural
from wijkgraph.model.network import WijkNetwork

COLUMNS = ["community", "size", "domains", "themes", "wijken", "label_nl", "label_en",
           "members"]


@dataclass(frozen=True, eq=False)
class Communities:
    """Louvain communities with their profile; `membership` maps actor id -> community (1..)."""

    table: pd.DataFrame
    membership: dict[str, int]
    modularity: float
    seed: int

    def to_frame(self) -> pd.DataFrame:
        """One row per community, largest first."""
        return self.table[COLUMNS].copy()

    def to_dict(self) -> dict[str, Any]:
        return jsonable({"modularity": self.modularity, "seed": self.seed,
                         "membership": self.membership, "communities": self.to_frame()})

    def label(self, community: int, lang: str = "nl") -> str:
        """The short label of community number `community`."""
        row = self.table.set_index("community").loc[community]
        return str(row["label_en" if lang == "en" else "label_nl"])

    def explain(self, lang: str = "nl") -> str:
        groups = self.table[self.table["size"] >= 2]
        if groups.empty:
            return ("There are no groups of tied actors." if lang == "en"
                    else "Er zijn geen groepen van verbonden actoren.")
        singles = int((self.table["size"] == 1).sum())
        around = " around " if lang == "en" else " rond "
        top = "; ".join(
            f"{r['label_en' if lang == 'en' else 'label_nl']}"
            + (around + join_words(list(r["themes"][:2]), lang) if len(r["themes"]) else "")
            + f" ({r['size']})" for _, r in groups.head(4).iterrows())
        if lang == "en":
            text = (f"The network falls into {len(groups)} groups that work mostly among "
                    f"themselves (modularity {num(self.modularity, 'en')}): {top}.")
            return text + (f" {singles} actor(s) have no tie." if singles else "")
        text = (f"Het netwerk valt uiteen in {len(groups)} groepen die vooral onderling "
                f"samenwerken (modulariteit {num(self.modularity)}): {top}.")
        alone = plural(singles, "actor heeft", "actoren hebben")
        return text + (f" {alone} geen relatie." if singles else "")


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
    words = [domain_label(d, lang) for d in domains]
    text = ("mostly " if lang == "en" else "vooral ") + join_words(words, lang)
    if wijken:
        text += " in " + join_words(wijken, lang)
    return text


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
    table = pd.DataFrame(rows, columns=COLUMNS)
    return Communities(table, membership, eng.modularity(parts), seed)
