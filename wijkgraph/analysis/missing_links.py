"""Missing links: who should talk to whom, with the reasons a meeting can discuss.

Three kinds of missing link, in this order:

* ``triad``: a side of the Driehoek of a buurtcentrum that has no tie (two corners that
  both run the buurtcentrum but have no relation), or a free actor of a missing corner
  role in the same wijk (see `wijkgraph.analysis.triads`);
* ``expected``: a role pair the reference model expects (huisarts - buurtteam) that is not
  linked in a wijk where both roles are present: for every actor of either role without a
  partner of the other role, the best-scoring partner;
* ``predicted``: the top unlinked pairs by the combined link-prediction score
  (`wijkgraph.analysis.linkpred`).

Every item has ``source``, ``target``, ``kind``, ``score`` (the combined score of the pair)
and ``reasons`` (codes with parameters; `Suggestion.reason_text` writes them in Dutch or
English).

Examples
--------
>>> import pandas as pd
>>> from wijkgraph.model.tables import tables_from_frames
>>> from wijkgraph.model.network import build_network
>>> actors = pd.DataFrame({"name": ["Huisarts Oost", "Buurtteam Oost", "DOCK Oost"],
...                        "domain": ["zorg", "welzijn", "welzijn"], "wijk": "Oost",
...                        "themes": ["gezondheid", "gezondheid; armoede", "armoede"]})
>>> relations = pd.DataFrame({"source": ["Huisarts Oost", "Buurtteam Oost"],
...                           "target": ["DOCK Oost", "DOCK Oost"]})
>>> ml = missing_links(build_network(tables_from_frames(actors, relations)))
>>> ml.to_frame()[["source_name", "target_name", "kind"]].values.tolist()
[['Buurtteam Oost', 'Huisarts Oost', 'expected']]
>>> ml.items[0].reason_text("nl")
'Huisarts en buurtteam verwijzen bewoners naar elkaar door; 1 gedeelde partner (DOCK Oost); \
beiden werken aan gezondheid in Oost; verbindt welzijn met zorg'
>>> ml.summary("en").findings[0].text
'Buurtteam Oost – Huisarts Oost: GP and neighbourhood team refer residents to each other.'
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from wijkgraph.analysis._expected_pairs import actor_classes, best_partners
from wijkgraph.analysis._result import displayed, jsonable
from wijkgraph.analysis._summary import (
    Finding,
    Summary,
    Table,
    fmt_cell,
    paragraphs,
    table_from_frame,
)
from wijkgraph.analysis.linkpred import (
    ALL_PAIRS_LIMIT,
    FRAME_COLUMNS,
    TABLE_COLUMNS,
    Features,
    Suggestion,
    Weights,
    combine,
    explain_pair,
    informative_weights,
    meeting_names_of,
    prepare,
    reason_text,
    score_parts,
    suggest_links,
)
from wijkgraph.analysis.roles import RoleAssignment, recognise_roles, wijken_in_scope, works_in
from wijkgraph.analysis.triads import Triads, triads
from wijkgraph.i18n import LANGS, NP_, translator
from wijkgraph.model.areas import AreaTree, area_tree, shared_areas
from wijkgraph.model.network import WijkNetwork
from wijkgraph.reference import DEFAULT_REFERENCE, ReferenceModel, load_reference

KINDS = ("triad", "expected", "predicted")
#: The kinds of missing link as people read them (``pgettext("link", ...)``).
KIND_WORDS = {
    "expected": NP_("link", "expected link"),
    "triad": NP_("link", "missing side of the Driehoek"),
    "predicted": NP_("link", "promising new link"),
}


def kind_word(kind: str, lang: str = "nl") -> str:
    """A kind code as people read it.

    >>> kind_word("predicted"), kind_word("predicted", "en")
    ('kansrijke nieuwe verbinding', 'promising new link')
    """
    return translator(lang).pgettext("link", KIND_WORDS.get(kind, kind))


@displayed
@dataclass(frozen=True)
class MissingLinks:
    """Triad gaps, expected pairs not linked, and predicted links (see module docs)."""

    items: tuple[Suggestion, ...]
    weights: Weights
    reference: str
    open_pairs: int = 0  # actors without their expected partner (before `max_expected`)

    def to_frame(self) -> pd.DataFrame:
        """One row per missing link: triad first, then expected, then predicted; each by
        score (highest first), then names.

        Columns: source, target, source_name, target_name, kind, score, wijk, context (the
        triad or role pair it belongs to). The reasons, in words, are in `table`.
        """
        return pd.DataFrame([s.to_row() for s in self.items], columns=FRAME_COLUMNS)

    def table(self, lang: str = "nl") -> pd.DataFrame:
        """`to_frame` with the reasons in words in `lang` (a "; "-joined ``reasons`` column)."""
        return pd.DataFrame([s.table_row(lang) for s in self.items], columns=TABLE_COLUMNS)

    def reasons(self, lang: str = "nl") -> list[str]:
        """The reasons of every item in `lang` (same order as `items`)."""
        return [s.reason_text(lang) for s in self.items]

    def of_kind(self, kind: str) -> tuple[Suggestion, ...]:
        return tuple(s for s in self.items if s.kind == kind)

    def to_dict(self, lang: str = "nl") -> dict[str, Any]:
        """The ``missing_links`` section of analysis.json (``reasons`` in `lang`)."""
        items = []
        for s in self.items:
            row = s.table_row(lang)
            row["parts"] = dict(s.parts)
            items.append(row)
        counts = Counter(s.kind for s in self.items)
        return jsonable({"reference": self.reference, "weights": self.weights.as_dict(),
                         "counts": {k: counts.get(k, 0) for k in KINDS},
                         "open_pairs": self.open_pairs, "items": items})

    def explain(self, lang: str = "nl") -> str:
        """How many missing links of each kind, and the first suggestion."""
        t = translator(lang)
        c = Counter(s.kind for s in self.items)
        if not self.items:
            return t.gettext("No missing links found.")
        head = t.gettext("Missing links: {triad} in a Driehoek, {expected}, {predicted}.").format(
            triad=t.number(c["triad"]),
            expected=t.count(c["expected"], "{n} expected pair", "{n} expected pairs"),
            predicted=t.count(c["predicted"], "{n} suggestion", "{n} suggestions"))
        first = [s for s in self.items if s.kind == "predicted"][:1] or list(self.items[:1])
        s = first[0]
        return f"{head} " + t.gettext("First suggestion: {a} - {b} ({reasons}).").format(
            a=s.source_name, b=s.target_name, reasons=s.reason_text(lang))

    def summary(self, lang: str = "nl", *, top: int = 10) -> Summary:
        """The report's "Suggested connections" section: the first ``max(top, 10)`` links as
        items, the rest in a table; the best link is a finding for the glance."""
        t = translator(lang)
        n_items = max(top, 10) if self.items else 0
        items = tuple(
            Finding(f"{s.source_name} – {s.target_name}", fmt_cell(s.reason_text(lang), lang),
                    "", kind_word(s.kind, lang), actors=(s.source, s.target))
            for s in self.items[:n_items])
        tables: tuple[Table, ...] = ()
        rest = self.items[n_items:]
        if rest:
            shown = pd.DataFrame([s.table_row(lang) for s in rest], columns=TABLE_COLUMNS)
            shown["kind"] = [kind_word(k, lang) for k in shown["kind"]]
            tables = (table_from_frame(
                shown, lang, caption=t.gettext("More connections to discuss"),
                columns=["source_name", "target_name", "kind", "wijk", "score", "reasons"],
                limit=40),)
        return Summary("links", t.gettext("Suggested connections"), paragraphs(self.explain(lang)),
                       items=items, tables=tables, findings=self._findings(lang))

    def _findings(self, lang: str, n: int = 3) -> tuple[Finding, ...]:
        """The glance's "Who should we talk to?": `n` links, the first of each kind before
        the rest, each with its first reason (the model's why-text for an expected pair)."""
        if not self.items:
            return ()
        t = translator(lang)
        firsts = [next(i for i, s in enumerate(self.items) if s.kind == k) for k in KINDS
                  if self.of_kind(k)]
        chosen = sorted(list(dict.fromkeys([*firsts, *range(len(self.items))]))[:n])
        picked = [self.items[i] for i in chosen]
        shown = []
        for s in picked:
            why = fmt_cell(reason_text(s.reasons[:1], lang), lang)
            shown.append(f"{s.source_name} – {s.target_name}" + (f": {why}" if why else ""))
        actors = tuple(dict.fromkeys(a for s in picked for a in (s.source, s.target)))
        return (Finding(t.gettext("Who should we talk to?"), "; ".join(shown) + ".",
                        tag="links", priority=95, actors=actors),)


def _pair_score(feat: Features, weights: Weights, pairs: list[tuple[int, int]]
                ) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    if not pairs:
        return np.zeros(0), {}
    rows = np.array([p[0] for p in pairs], dtype=np.int64)
    cols = np.array([p[1] for p in pairs], dtype=np.int64)
    parts = score_parts(feat, rows, cols)
    return combine(parts, weights), parts


def _ordered(network: WijkNetwork, a: str, b: str) -> tuple[str, str]:
    return (a, b) if network.label(a) <= network.label(b) else (b, a)


def missing_links(network: WijkNetwork, *, reference: str | ReferenceModel = DEFAULT_REFERENCE,
                  roles: RoleAssignment | None = None, triad_result: Triads | None = None,
                  top: int = 10, weights: Weights | None = None, seed: int = 0,
                  max_expected: int = 25,
                  all_pairs_limit: int = ALL_PAIRS_LIMIT) -> MissingLinks:
    """Find the missing links of `network`: triad gaps, expected pairs, predicted links.

    Parameters
    ----------
    network : WijkNetwork
    reference : str or ReferenceModel
    roles : RoleAssignment, optional
        Reuse a role recognition made with the same model.
    triad_result : Triads, optional
        Reuse `triads(network)`.
    top : int
        How many predicted links (triad items are all listed).
    max_expected : int
        At most this many expected-pair items per (wijk, role pair), the best-scoring
        ones; `MissingLinks.open_pairs` counts them all.
    weights : Weights, optional
        Weights of the combined score.
    seed : int
        Unused (the method is deterministic); kept for the common analysis signature.
    all_pairs_limit : int
        See `wijkgraph.analysis.linkpred.candidate_pairs`.

    Returns
    -------
    MissingLinks
    """
    del seed
    model = load_reference(reference)
    given, weights = weights, weights or Weights()
    if roles is None or roles.reference is not model:
        roles = recognise_roles(network, reference=model)
    if triad_result is None:
        triad_result = triads(network, reference=model, roles=roles)
    g = network.graph
    if g.number_of_nodes() < 2:
        return MissingLinks((), weights, model.name)
    feat = prepare(g, roles=roles, reference=model)
    weights = given or informative_weights(feat, weights)  # parts that say nothing here: 0
    idx = feat.index
    seen: set[frozenset[str]] = set()
    items: list[Suggestion] = []
    mnames = meeting_names_of(network)
    areas = area_tree(network)  # areas nest; the workbook's gebieden sheet counts too

    def add(a: str, b: str, kind: str, first: tuple[str, dict], wijk: str,
            context: tuple[str, dict[str, str]], score: float, parts: dict[str, float]) -> None:
        key = frozenset((a, b))
        if key in seen or a == b or g.has_edge(a, b):
            return
        seen.add(key)
        s, t = _ordered(network, a, b)
        why = explain_pair(network, feat, idx[s], idx[t], parts, meeting_names=mnames,
                           areas=areas)
        items.append(Suggestion(s, t, network.label(s), network.label(t), kind, score,
                                (first, *why), parts, wijk, *context))

    # --- triads -----------------------------------------------------------------------------
    triad_pairs: list[tuple[str, str, tuple[str, dict], str, tuple[str, dict[str, str]]]] = []
    for t in triad_result.items:
        label = {"triad_nl": t.triad_label_nl, "triad_en": t.triad_label_en}  # model data
        where = (f"{t.triad}: {t.hub_name}",
                 {lang: f"{t.label(lang)}: {t.hub_name}" for lang in LANGS})
        for i, j in t.unlinked:
            ca, cb = t.corners[i], t.corners[j]
            triad_pairs.append((ca.member, cb.member, ("triad_side", {
                "a": ca.member_name, "b": cb.member_name, "hub": t.hub_name, **label}),
                t.wijk, where))
        for c in t.corners:
            if c.status == "missing" and c.candidate:
                triad_pairs.append((c.candidate, t.hub, ("triad_hub", {
                    "corner": c.candidate_name, "kind": t.hub_kind, "hub": t.hub_name,
                    **label}), t.wijk, where))
    scores, parts = _pair_score(feat, weights, [(idx[a], idx[b]) for a, b, *_ in triad_pairs])
    for k, (a, b, first, wijk, place) in enumerate(triad_pairs):
        add(a, b, "triad", first, wijk, place, float(scores[k]),
            {key: float(v[k]) for key, v in parts.items()})

    # --- expected role pairs, per wijk ------------------------------------------------------
    n_open: dict[tuple[str, str], int] = {}
    _, name_rank = np.unique(np.array([network.label(v) for v in feat.nodes], dtype=object),
                             return_inverse=True)
    name_rank = name_rank.ravel()
    role_idx = {r: np.array([idx[a] for a in acts], dtype=np.int64)
                for r, acts in roles.by_role().items()}
    values: dict[tuple[str, ...], int] = {}  # each distinct wijk cell once
    value_of = np.array([values.setdefault(tuple(g.nodes[v].get("wijk", ()) or ()), len(values))
                         for v in feat.nodes], dtype=np.int64)
    looped = np.zeros(feat.n, dtype=bool)  # a self-loop: an actor is its own neighbour
    looped[[idx[u] for u, _ in nx.selfloop_edges(g)]] = True
    classes = actor_classes(feat)
    none = np.zeros(0, dtype=np.int64)
    for wijk in wijken_in_scope(network):
        counts = np.array([works_in(v, wijk, areas) for v in values], dtype=bool)[value_of]
        here = {r: ix[counts[ix]] for r, ix in role_idx.items()}
        for pair in model.pairs:
            ra, rb = pair.roles
            side_a, side_b = here.get(ra, none), here.get(rb, none)
            if not len(side_a) or not len(side_b):
                continue
            context = f"{model.role(ra).label_nl} - {model.role(rb).label_nl}"
            pair_words = (context, {lang: f"{model.role(ra).label(lang)} - {model.role(rb).label(lang)}"
                                    for lang in LANGS})
            # the model's own why-text is the first reason; without one, name the pair
            first = (
                ("why", {"why_nl": pair.why_nl, "why_en": pair.why_en}) if pair.why_nl else
                ("expected", {"a_nl": model.role(ra).label_nl, "a_en": model.role(ra).label_en,
                              "b_nl": model.role(rb).label_nl, "b_en": model.role(rb).label_en}))
            found = [_best_partners(feat, weights, mine, other, name_rank, looped, classes)
                     for mine, other in ((side_a, side_b), (side_b, side_a))]
            ps, qs, scores = (np.concatenate([f[k] for f in found]) for k in range(3))
            parts = {key: np.concatenate([f[3][key] for f in found]) for key in found[0][3]}
            n_open[(wijk, context)] = len(ps)
            # by score, then the two names; equal names keep the order found (stable)
            order = np.lexsort((name_rank[qs], name_rank[ps], -scores))[:max_expected]
            for k in order.tolist():
                add(feat.nodes[ps[k]], feat.nodes[qs[k]], "expected", first, wijk, pair_words,
                    float(scores[k]), {key: float(v[k]) for key, v in parts.items()})

    # --- predicted -------------------------------------------------------------------------
    predicted = suggest_links(network, top=top, weights=weights, roles=roles,
                              reference=model, features=feat, all_pairs_limit=all_pairs_limit,
                              exclude=frozenset(seen))
    n_pred = 0
    for s in predicted.items:
        if n_pred >= top:
            break
        key = frozenset((s.source, s.target))
        if key in seen:
            continue
        seen.add(key)
        items.append(replace(s, wijk=_shared_wijk(network, s.source, s.target, areas)))
        n_pred += 1

    rank = {k: i for i, k in enumerate(KINDS)}
    items.sort(key=lambda s: (rank[s.kind], -s.score, s.source_name, s.target_name))
    return MissingLinks(tuple(items), weights, model.name,
                        open_pairs=sum(n_open.values()))


def _best_partners(feat: Features, weights: Weights, mine: np.ndarray, other: np.ndarray,
                   name_rank: np.ndarray, looped: np.ndarray, classes: np.ndarray
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray, dict[str, np.ndarray]]:
    """The best partner in `other` of every actor of `mine` tied to nobody in `other`
    (actor positions; the tie-break is the name, then the position in `other`)."""
    cand = other[np.sort(np.unique(other, return_index=True)[1])]  # each once, in order
    in_other = np.zeros(feat.n, dtype=bool)
    in_other[cand] = True
    tied = (feat.adjacency[mine] @ in_other.astype(np.float64)) > 0
    open_ = mine[~(tied | (looped[mine] & in_other[mine]))]
    rank = np.empty(len(cand), dtype=np.int64)
    rank[np.lexsort((np.arange(len(cand)), name_rank[cand]))] = np.arange(len(cand))
    pos, partner, score, parts = best_partners(feat, weights, open_, cand, rank,
                                               classes=classes)
    return open_[pos], partner, score, parts


def _shared_wijk(network: WijkNetwork, a: str, b: str, areas: AreaTree) -> str:
    nodes = network.graph.nodes  # areas nest and are compared placed ("zuid" is "Zuid")
    return "; ".join(shared_areas(areas, nodes[a].get("wijk", ()), nodes[b].get("wijk", ())))
