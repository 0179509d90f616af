"""Sleutelfiguren: one documented score per actor, and the reasons in plain words.

The score (0..1) is the mean of five per-measure scores. For each measure an actor's
score is its value as a share of the highest value in the network (``value / max``; 0 when
nobody scores): the top actor on a measure gets 1, equal values get equal scores, so
renaming or reordering actors never changes a score. (A rank average was tried first: it
lifts an actor that cuts off a single partner almost to the top, because most actors tie at
zero cut-offs; the share of the maximum keeps the size of the effect.) The measures:

==================  ========================================================  ==========
measure             meaning in a wijk                                         column
==================  ========================================================  ==========
betweenness         on the routes between others (weighted, 1/strength)       betweenness
strength            many and strong ties (sum of strengths 1-4)               strength
cross-domain reach  partners in other domains                                 cross_domain_ties
cut-off count       others cut off from the rest if it leaves                 cut_off
meetings            number of overleggen it takes part in                     meetings
==================  ========================================================  ==========

Each key figure gets reasons with numbers: "enige verbinding van 4 partijen met de rest",
"verbindt welzijn met zorg en inwoners (12 partijen buiten het eigen domein)", "zit in 3
overleggen".

Examples
--------
>>> from wijkgraph.sources.bundled import load_dataset
>>> k = key_figures(load_dataset("utrecht-oost"), top=5)
>>> list(k.to_frame().columns[:5])
['id', 'name', 'domain', 'score', 'rank']
>>> len(k.to_frame()), len(k.scores) == load_dataset("utrecht-oost").n_actors
(5, True)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from wijkgraph.analysis._result import jsonable
from wijkgraph.analysis.centrality import Centralities, centralities
from wijkgraph.analysis.domains import (
    UNKNOWN,
    DomainMixing,
    domain_label,
    domain_mixing,
    join_words,
    num,
)
from wijkgraph.analysis.resilience import Resilience, resilience
from wijkgraph.analysis.structural_holes import StructuralHoles, structural_holes
from wijkgraph.model.network import WijkNetwork

MEASURES: dict[str, str] = {
    "betweenness": "betweenness",
    "strength": "strength",
    "cross_domain": "cross_domain_ties",
    "cut_off": "cut_off",
    "meetings": "meetings",
}
"""Score component -> column of `KeyFigures.scores` it is computed from."""

FRAME_COLUMNS = ["id", "name", "domain", "score", "rank", "betweenness", "strength",
                 "degree", "cross_domain_ties", "cut_off", "meetings", "reasons_nl",
                 "reasons_en"]


def share_of_max(values: pd.Series) -> pd.Series:
    """Each value as a share of the largest (0..1); all 0 when the largest is not positive.

    >>> share_of_max(pd.Series([0, 0, 5, 2])).tolist()
    [0.0, 0.0, 1.0, 0.4]
    """
    v = values.astype(float).fillna(0.0).clip(lower=0)
    top = float(v.max()) if len(v) else 0.0
    return v / top if top > 0 else v * 0.0


@dataclass(frozen=True, eq=False)
class KeyFigures:
    """The sleutelfiguren ranking.

    `scores` holds every actor (index = actor id) with all per-measure columns, the
    component scores ``s_<measure>``, ``score`` and ``rank``; `to_frame` gives the top.
    """

    scores: pd.DataFrame
    top: int = 10
    sampled: int | None = None

    def to_frame(self) -> pd.DataFrame:
        """The top key figures: id, name, domain, score, rank, main measures, reasons."""
        head = self.scores[self.scores["rank"] <= self.top].sort_values("rank")
        head = head.assign(reasons_nl=[self.reasons(a, "nl") for a in head.index],
                           reasons_en=[self.reasons(a, "en") for a in head.index])
        return head[FRAME_COLUMNS].reset_index(drop=True)

    def to_dict(self) -> dict[str, Any]:
        cols = [c for c in self.scores.columns if c != "other_domains"]
        actors = self.scores[cols].sort_values("rank").assign(
            other_domains=[list(x) for x in self.scores.sort_values("rank")["other_domains"]])
        return jsonable({
            "top": self.top,
            "sampled": self.sampled,
            "measures": MEASURES,
            "key_figures": self.to_frame(),
            "actors": actors,
        })

    def reasons(self, actor_id: str, lang: str = "nl") -> list[str]:
        """Why `actor_id` matters, in plain sentences with numbers (Dutch or English)."""
        if actor_id not in self.scores.index:
            return []
        r = self.scores.loc[actor_id]
        en = lang == "en"
        n = len(self.scores)
        out: list[str] = []
        cut = int(r["cut_off"])
        if cut > 0:
            out.append(f"the only link of {cut} {'party' if cut == 1 else 'parties'} to the rest"
                       if en else
                       f"enige verbinding van {cut} {'partij' if cut == 1 else 'partijen'} "
                       "met de rest")
        cross = int(r["cross_domain_ties"])
        others = [domain_label(d, lang) for d in r["other_domains"] if d != UNKNOWN]
        if cross > 0 and others:
            rest = len(others) - 3
            shown = others[:3] + ([f"{rest} other domain{'s' if rest > 1 else ''}" if en else
                                   f"nog {rest} {'ander domein' if rest == 1 else 'andere domeinen'}"]
                                  if rest > 0 else [])
            own = r["domain"] or UNKNOWN
            if own == UNKNOWN:
                text = (f"works with {join_words(shown, lang)}" if en else
                        f"werkt samen met {join_words(shown, lang)}")
            else:
                text = (f"connects {domain_label(own, lang)} with {join_words(shown, lang)}"
                        if en else f"verbindt {own} met {join_words(shown, lang)}")
            text += (f" ({cross} {'party' if cross == 1 else 'parties'} outside its own domain)"
                     if en else f" ({cross} {'partij' if cross == 1 else 'partijen'} buiten "
                     "het eigen domein)")
            out.append(text)
        b = float(r["betweenness"])
        b_rank = int(r["betweenness_rank"])
        if b > 0 and b_rank <= max(3, int(np.ceil(0.1 * n))):
            pct = max(1, round(100 * b))
            out.append(f"{pct}% of the shortest routes between other parties run through it "
                       f"(no. {b_rank} of {n})" if en else
                       f"{pct}% van de kortste routes tussen andere partijen loopt via deze "
                       f"partij (nr. {b_rank} van {n})")
        deg = int(r["degree"])
        d_rank = int(r["degree_rank"])
        if deg > 0 and d_rank <= max(3, int(np.ceil(0.1 * n))):
            out.append(f"has {deg} partners (no. {d_rank} of {n})" if en else
                       f"heeft {deg} samenwerkingspartners (nr. {d_rank} van {n})")
        meet = int(r["meetings"])
        if meet > 0:
            out.append(f"takes part in {meet} meeting{'s' if meet != 1 else ''}" if en else
                       f"zit in {meet} {'overleg' if meet == 1 else 'overleggen'}")
        return out

    def explain(self, lang: str = "nl") -> str:
        frame = self.to_frame()
        frame = frame[frame["score"] > 0].head(5)
        if frame.empty:
            return ("There are no key figures: the network has no ties." if lang == "en" else
                    "Er zijn geen sleutelfiguren: het netwerk heeft geen relaties.")
        col = "reasons_en" if lang == "en" else "reasons_nl"
        lines = [f"{int(r['rank'])}. {r['name']} ({num(r['score'], lang)})"
                 + (": " + "; ".join(r[col][:2]) if r[col] else "")
                 for _, r in frame.iterrows()]
        head = "Key figures (score 0-1):" if lang == "en" else "Sleutelfiguren (score 0-1):"
        note = ""
        if self.sampled:
            note = (f"\n(Betweenness estimated from {self.sampled} sampled actors.)" if lang == "en"
                    else f"\n(Betweenness geschat op basis van {self.sampled} willekeurige actoren.)")
        return head + "\n" + "\n".join(lines) + note


def key_figures(
    network: WijkNetwork,
    *,
    seed: int = 0,
    top: int = 10,
    centrality: Centralities | None = None,
    holes: StructuralHoles | None = None,
    domains: DomainMixing | None = None,
    resilience_result: Resilience | None = None,
) -> KeyFigures:
    """Rank every actor by the combined key-figure score and explain the top `top`.

    In a wijk: who holds the network together, connects the domains, and would leave
    others stranded if they stopped.

    Parameters
    ----------
    network : WijkNetwork
    seed : int, default 0
        Seed for sampled betweenness on large networks.
    top : int, default 10
        Number of key figures in `to_frame` and `explain`.
    centrality, holes, domains, resilience_result : optional
        Results already computed for `network` (`analyse` passes them to avoid
        recomputing); computed here when omitted.

    Returns
    -------
    KeyFigures

    Notes
    -----
    See the module docstring for the score. Every measure weighs the same; an actor that
    is the only link of many parties ranks high even with few ties.

    Examples
    --------
    In the path A - B - C, B lies on the only route and is the only link of A and C:
    B ranks first with the top score on betweenness, strength and cut-off count.

    >>> from wijkgraph.model.network import build_network
    >>> from wijkgraph.model.tables import tables_from_frames
    >>> actors = pd.DataFrame({"name": list("ABCD"), "domain": ["zorg", "welzijn", "zorg", ""]})
    >>> rel = pd.DataFrame({"source": list("ABC"), "target": list("BCD")})
    >>> k = key_figures(build_network(tables_from_frames(actors, rel)), top=2)
    >>> k.to_frame()[["id", "rank"]].values.tolist()
    [['B', 1], ['C', 2]]
    >>> for reason in k.reasons("B"):
    ...     print(reason)
    enige verbinding van 1 partij met de rest
    verbindt welzijn met zorg (2 partijen buiten het eigen domein)
    67% van de kortste routes tussen andere partijen loopt via deze partij (nr. 1 van 4)
    heeft 2 samenwerkingspartners (nr. 1 van 4)
    """
    centrality = centrality or centralities(network, seed=seed)
    holes = holes or structural_holes(network)
    domains = domains or domain_mixing(network)
    res = resilience_result or resilience(network, seed=seed)
    g = network.graph
    scores = centrality.table.set_index("id", drop=False)
    scores.index.name = None
    h = holes.table.set_index("id")
    for col in ("effective_size", "efficiency", "constraint"):
        scores[col] = h[col]
    d = domains.per_actor.set_index("id")
    for col in ("cross_domain_ties", "n_other_domains", "other_domains", "participation", "ei"):
        scores[col] = d[col].reindex(scores.index)
    scores["cross_domain_ties"] = scores["cross_domain_ties"].fillna(0).astype(int)
    scores["other_domains"] = [x if isinstance(x, tuple) else () for x in scores["other_domains"]]
    r = res.table.set_index("id")
    scores["cut_off"] = r["cut_off"].reindex(scores.index).fillna(0).astype(int)
    scores["articulation_point"] = r["articulation_point"].reindex(scores.index).fillna(False)
    scores["meetings"] = [len(g.nodes[v].get("meetings", ())) for v in scores.index]
    for part, col in MEASURES.items():
        scores[f"s_{part}"] = share_of_max(scores[col])
    parts = [f"s_{p}" for p in MEASURES]
    scores["score"] = scores[parts].mean(axis=1) if len(scores) else pd.Series(dtype=float)
    for col in ("betweenness", "degree"):
        scores[f"{col}_rank"] = (scores[col].rank(method="min", ascending=False)
                                 .fillna(0).astype(int) if len(scores) else [])
    order = scores.sort_values(["score", "name", "id"], ascending=[False, True, True],
                               kind="mergesort").index
    scores["rank"] = pd.Series(np.arange(1, len(order) + 1), index=order).reindex(scores.index)
    return KeyFigures(scores, top=top, sampled=centrality.sampled)
