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
>>> len(k.to_frame()), len(k.per_actor) == load_dataset("utrecht-oost").n_actors
(5, True)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from wijkgraph.analysis._renamed import renamed
from wijkgraph.analysis._result import displayed, jsonable
from wijkgraph.analysis._summary import (
    ChartSpec,
    Finding,
    Summary,
    Table,
    paragraphs,
    table_from_frame,
)
from wijkgraph.analysis.brokerage import Brokerage
from wijkgraph.analysis.centrality import Centralities, centralities
from wijkgraph.analysis.domains import UNKNOWN, DomainMixing, domain_mixing
from wijkgraph.analysis.resilience import Resilience, resilience
from wijkgraph.analysis.structural_holes import StructuralHoles, structural_holes
from wijkgraph.i18n import translator
from wijkgraph.model.network import WijkNetwork
from wijkgraph.model.schema import domain_label

MEASURES: dict[str, str] = {
    "betweenness": "betweenness",
    "strength": "strength",
    "cross_domain": "cross_domain_ties",
    "cut_off": "cut_off",
    "meetings": "meetings",
}
"""Score component -> column of `KeyFigures.per_actor` it is computed from."""

FRAME_COLUMNS = ["id", "name", "domain", "score", "rank", "betweenness", "strength",
                 "degree", "cross_domain_ties", "cut_off", "meetings"]
"""Columns of `KeyFigures.to_frame` (codes and numbers; the reasons come from `reasons`)."""


def share_of_max(values: pd.Series) -> pd.Series:
    """Each value as a share of the largest (0..1); all 0 when the largest is not positive.

    >>> share_of_max(pd.Series([0, 0, 5, 2])).tolist()
    [0.0, 0.0, 1.0, 0.4]
    """
    v = values.astype(float).fillna(0.0).clip(lower=0)
    top = float(v.max()) if len(v) else 0.0
    return v / top if top > 0 else v * 0.0


@displayed
@dataclass(frozen=True, eq=False)
class KeyFigures:
    """The sleutelfiguren ranking.

    `per_actor` holds every actor (index = actor id) with all per-measure columns, the
    component scores ``s_<measure>``, ``score`` and ``rank``; `to_frame` gives the top.
    `brokerage`, when given, is shown beside the key figures in the report's section
    (`summary`): the makelaars between domains.
    """

    per_actor: pd.DataFrame
    top: int = 10
    sampled: int | None = None
    brokerage: Brokerage | None = None

    scores = renamed("scores", "per_actor")  # the 0.1 name, warns

    def to_frame(self) -> pd.DataFrame:
        """The top key figures: id, name, domain, score, rank and the main measures."""
        head = self.per_actor[self.per_actor["rank"] <= self.top].sort_values("rank")
        return head[FRAME_COLUMNS].reset_index(drop=True)

    def to_dict(self, lang: str = "nl") -> dict[str, Any]:
        """The ``key_figures`` section of analysis.json (the top with its reasons in `lang`)."""
        cols = [c for c in self.per_actor.columns if c != "other_domains"]
        actors = self.per_actor[cols].sort_values("rank").assign(
            other_domains=[list(x) for x in self.per_actor.sort_values("rank")["other_domains"]])
        head = self.to_frame()
        head = head.assign(reasons=[self.reasons(a, lang) for a in head["id"]])
        return jsonable({
            "top": self.top,
            "sampled": self.sampled,
            "measures": MEASURES,
            "key_figures": head,
            "actors": actors,
        })

    def reasons(self, actor_id: str, lang: str = "nl") -> list[str]:
        """Why `actor_id` matters, in plain sentences with numbers (in `lang`)."""
        if actor_id not in self.per_actor.index:
            return []
        t = translator(lang)
        r = self.per_actor.loc[actor_id]
        n = len(self.per_actor)
        out: list[str] = []
        cut = int(r["cut_off"])
        if cut > 0:
            out.append(t.count(cut, "the only link of {n} party to the rest",
                               "the only link of {n} parties to the rest"))
        cross = int(r["cross_domain_ties"])
        others = [domain_label(d, lang) for d in r["other_domains"] if d != UNKNOWN]
        if cross > 0 and others:
            rest = len(others) - 3
            shown = others[:3] + ([t.count(rest, "{n} other domain", "{n} other domains")]
                                  if rest > 0 else [])
            own = r["domain"] or UNKNOWN
            if own == UNKNOWN:
                text = t.gettext("works with {domains}").format(domains=t.join(shown))
            else:
                text = t.gettext("connects {own} with {domains}").format(
                    own=domain_label(own, lang), domains=t.join(shown))
            out.append(text + " " + t.count(cross, "({n} party outside its own domain)",
                                            "({n} parties outside its own domain)"))
        b = float(r["betweenness"])
        b_rank = int(r["betweenness_rank"])
        if b > 0 and b_rank <= max(3, int(np.ceil(0.1 * n))):
            pct = max(1, round(100 * b))
            out.append(t.gettext("{pct}% of the shortest routes between other parties run "
                                 "through it (no. {rank} of {n})").format(
                pct=pct, rank=t.number(b_rank), n=t.number(n)))
        deg = int(r["degree"])
        d_rank = int(r["degree_rank"])
        if deg > 0 and d_rank <= max(3, int(np.ceil(0.1 * n))):
            out.append(t.ngettext("has {n} partner (no. {rank} of {total})",
                                  "has {n} partners (no. {rank} of {total})", deg).format(
                n=t.number(deg), rank=t.number(d_rank), total=t.number(n)))
        meet = int(r["meetings"])
        if meet > 0:
            out.append(t.count(meet, "takes part in {n} meeting", "takes part in {n} meetings"))
        return out

    def explain(self, lang: str = "nl") -> str:
        """The top five key figures with their score and first two reasons."""
        t = translator(lang)
        frame = self.to_frame()
        frame = frame[frame["score"] > 0].head(5)
        if frame.empty:
            return t.gettext("There are no key figures: the network has no ties.")
        lines = []
        for _, r in frame.iterrows():
            why = self.reasons(r["id"], lang)[:2]
            lines.append(f"{int(r['rank'])}. {r['name']} ({t.number(r['score'])})"
                         + (": " + "; ".join(why) if why else ""))
        note = ""
        if self.sampled:
            note = "\n" + t.gettext("(Betweenness estimated from {n} sampled actors.)").format(
                n=t.number(self.sampled))
        return t.gettext("Key figures (score 0-1):") + "\n" + "\n".join(lines) + note

    def summary(self, lang: str = "nl", *, top: int = 10) -> Summary:
        """The report's "key figures and brokers" section (id ``key_figures``).

        The `top` key figures with their reasons, a chart of their score and the measures
        behind it; the brokers between domains when `brokerage` is set; one glance finding
        (priority 80): the first three names and why the first matters.

        Examples
        --------
        >>> from wijkgraph.sources.bundled import load_dataset
        >>> s = key_figures(load_dataset("utrecht-oost")).summary("en", top=3)
        >>> s.id, len(s.items), s.findings[0].head, s.findings[0].priority
        ('key_figures', 3, 'Key figures', 80)
        """
        t = translator(lang)
        frame = self.to_frame().head(top)
        intro: list[str] = []
        items: list[Finding] = []
        charts: list[ChartSpec] = []
        chart_data: list[Table] = []
        tables: list[Table] = []
        notes: list[str] = []
        if not frame.empty:
            intro.append(t.ngettext(
                "This {n} party holds the network together the most.",
                "These {n} parties hold the network together the most.", len(frame)).format(
                n=t.number(len(frame))) + " " + t.gettext(
                "The score (0 to 1) is the mean of five measures: being on the routes between "
                "others, number and strength of ties, partners in other domains, who is cut off "
                "if the party leaves, and the number of meetings. Each party comes with the "
                "reasons it ranks high."))
        else:
            intro.extend(paragraphs(self.explain(lang)))
        if self.sampled:
            notes.append(t.gettext(
                "Large network: betweenness was estimated from a sample ({n}).").format(
                n=t.number(self.sampled)))
        if not frame.empty:
            ids = [str(x) for x in frame["id"]]
            doms = [str(d) if d else UNKNOWN for d in frame["domain"]]
            labels = [str(x) for x in frame["name"]]
            alt = "; ".join(f"{name}: {t.number(v)}"
                            for name, v in zip(labels, frame["score"], strict=True))
            charts.append(ChartSpec("bar_chart", (labels, [float(v) for v in frame["score"]]), {
                "colours": doms, "title": t.gettext("Key figures: combined score"),
                "xlabel": t.gettext("score (higher = more of a key figure)"), "alt": alt,
                "decimal": t.decimal_point}))
            chart_data.append(table_from_frame(frame, lang, columns=["rank", "name", "domain",
                                                                     "score"], limit=None))
            tables.append(table_from_frame(
                frame, lang, caption=t.gettext("The measures behind the score"),
                columns=["rank", "name", "domain", "score", "betweenness", "strength", "degree",
                         "cross_domain_ties", "cut_off", "meetings"], limit=None))
            for k, (actor, name, dom) in enumerate(zip(ids, labels, doms, strict=True), start=1):
                why = "; ".join(r for r in self.reasons(actor, lang) if r)
                label = domain_label(dom, lang)
                items.append(Finding(f"{k}. {name}", why or label, dom, label,
                                     actors=(actor,)))
        if self.brokerage is not None:
            intro.extend(paragraphs(self.brokerage.explain(lang)))
            broker_table = self.brokerage.broker_table(lang, top=top)
            if broker_table is not None:
                tables.append(broker_table)
        return Summary("key_figures", t.gettext("Key figures and brokers"), tuple(intro),
                       items=tuple(items), charts=tuple(charts), tables=tuple(tables),
                       notes=tuple(notes), chart_data=tuple(chart_data),
                       findings=self._findings(lang))

    def _findings(self, lang: str) -> tuple[Finding, ...]:
        """The glance: the first three key figures and the first reasons of the first."""
        t = translator(lang)
        frame = self.to_frame().head(3)
        if frame.empty:
            return ()
        names = ", ".join(str(x) for x in frame["name"])
        reason = "; ".join(self.reasons(str(frame["id"].iloc[0]), lang)[:2])
        text = names + (f". {frame['name'].iloc[0]}: {reason}" if reason else "")
        return (Finding(t.gettext("Key figures"), text.rstrip(".") + ".", tag="key_figures",
                        priority=80, actors=tuple(str(x) for x in frame["id"])),)


def key_figures(
    network: WijkNetwork,
    *,
    seed: int = 0,
    top: int = 10,
    centrality: Centralities | None = None,
    holes: StructuralHoles | None = None,
    domains: DomainMixing | None = None,
    resilience_result: Resilience | None = None,
    brokerage: Brokerage | None = None,
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
    brokerage : Brokerage, optional
        The brokerage result of `network`: the report's key-figure section shows the
        brokers beside the key figures (`KeyFigures.summary`); left out when omitted.

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
    scores = centrality.per_actor.set_index("id", drop=False)
    scores.index.name = None
    h = holes.per_actor.set_index("id")
    for col in ("effective_size", "efficiency", "constraint"):
        scores[col] = h[col]
    d = domains.per_actor.set_index("id")
    for col in ("cross_domain_ties", "n_other_domains", "other_domains", "participation", "ei"):
        scores[col] = d[col].reindex(scores.index)
    scores["cross_domain_ties"] = scores["cross_domain_ties"].fillna(0).astype(int)
    scores["other_domains"] = [x if isinstance(x, tuple) else () for x in scores["other_domains"]]
    r = res.per_actor.set_index("id")
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
    return KeyFigures(scores, top=top, sampled=centrality.sampled, brokerage=brokerage)
