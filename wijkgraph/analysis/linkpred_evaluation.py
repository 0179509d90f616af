"""How well do suggested links find real ties? Hide some, score the rest, count the finds.

`evaluate_link_prediction` hides a share of the ties of a network (seeded, repeated),
scores every unlinked pair of what is left with each method, and measures how well the
hidden ties come back:

* **AUC**: the chance that a hidden tie outscores an unlinked pair (ties count half). Up
  to `wijkgraph.analysis.linkpred.ALL_PAIRS_LIMIT` actors the negatives are *all* pairs
  that are not tied in the full network; larger networks draw a uniform sample.
* **precision@k**: the share of hidden ties among the k best-scored unlinked pairs.

No leak through meetings: a tie that comes from a shared meeting (co-participation,
``meeting_ties=True``) would be found back through that same meeting, so when such a tie
is hidden, one of its two actors also loses its participation in the meetings behind it.

Examples
--------
Hide a tenth of the ties of Zachary's karate club, three times:

>>> import networkx as nx
>>> ev = evaluate_link_prediction(nx.karate_club_graph(), repeats=3, seed=0)
>>> sorted(ev.summary()["method"])
['adamic_adar', 'combined']
>>> ev.mean("combined", "auc") == ev.mean("adamic_adar", "auc")  # no wijk data: the same
True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
from scipy.stats import rankdata

from wijkgraph.analysis._result import jsonable
from wijkgraph.analysis.linkpred import (
    ADAMIC_ADAR,
    ALL_PAIRS_LIMIT,
    Weights,
    candidate_pairs,
    combine,
    informative_weights,
    lookup,
    prepare,
    score_parts,
)
from wijkgraph.analysis.roles import RoleAssignment
from wijkgraph.i18n import translator
from wijkgraph.model.network import WijkNetwork
from wijkgraph.reference import ReferenceModel


def auc(positive: np.ndarray, negative: np.ndarray) -> float:
    """Probability that a random positive outscores a random negative (ties count half).

    >>> auc(np.array([3.0, 2.0]), np.array([1.0, 2.0]))
    0.875
    """
    if len(positive) == 0 or len(negative) == 0:
        return float("nan")
    ranks = rankdata(np.concatenate([positive, negative]))
    n_pos, n_neg = len(positive), len(negative)
    return float((ranks[:n_pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def precision_at_k(scores: np.ndarray, is_positive: np.ndarray, k: int, *,
                   rng: np.random.Generator) -> float:
    """Share of hidden ties among the `k` best-scored pairs (ties broken at random).

    >>> precision_at_k(np.array([0.9, 0.5, 0.5, 0.1]), np.array([True, False, True, False]), 2,
    ...                rng=np.random.default_rng(0)) in (0.5, 1.0)
    True
    """
    if k <= 0 or len(scores) == 0:
        return float("nan")
    jitter = rng.random(len(scores))
    order = np.lexsort((jitter, -scores))[:k]
    return float(is_positive[order].mean())


@dataclass(frozen=True)
class LinkPredictionEvaluation:
    """Hidden-tie evaluation of the combined score against plain Adamic-Adar."""

    runs: pd.DataFrame  # one row per (repeat, method): auc, precision_at_k, k, n_hidden
    fraction: float
    repeats: int
    seed: int
    name: str = ""

    def summary(self) -> pd.DataFrame:
        """Mean and standard deviation of AUC and precision@k per method."""
        g = self.runs.groupby("method", sort=False)
        return pd.DataFrame({
            "auc": g["auc"].mean(), "auc_sd": g["auc"].std(ddof=0),
            "precision_at_k": g["precision_at_k"].mean(),
            "precision_at_k_sd": g["precision_at_k"].std(ddof=0),
            "k": g["k"].mean(),
        }).reset_index()

    def mean(self, method: str, metric: str) -> float:
        """The mean of `metric` (``auc``, ``precision_at_k``) of `method` over the repeats."""
        runs = self.runs[self.runs["method"] == method]
        return float(runs[metric].mean())

    def to_frame(self) -> pd.DataFrame:
        """`summary` (codes and numbers)."""
        return self.summary()

    def to_dict(self, lang: str = "nl") -> dict[str, Any]:
        """Settings, summary and every run."""
        return jsonable({"name": self.name, "fraction": self.fraction, "repeats": self.repeats,
                         "seed": self.seed, "summary": self.summary(), "runs": self.runs})

    def explain(self, lang: str = "nl") -> str:
        """One sentence: AUC and precision@k of the combined score and of Adamic-Adar."""
        t = translator(lang)
        a_c, a_a = self.mean("combined", "auc"), self.mean("adamic_adar", "auc")
        p_c, p_a = self.mean("combined", "precision_at_k"), self.mean("adamic_adar",
                                                                       "precision_at_k")
        return t.ngettext(
            "With {share} of the ties hidden ({n} time), the combined score finds them back "
            "with AUC {auc} (Adamic-Adar {auc_aa}) and precision@k {precision} (Adamic-Adar "
            "{precision_aa}).",
            "With {share} of the ties hidden ({n} times), the combined score finds them back "
            "with AUC {auc} (Adamic-Adar {auc_aa}) and precision@k {precision} (Adamic-Adar "
            "{precision_aa}).", self.repeats).format(
            share=t.percent(self.fraction), n=t.number(self.repeats), auc=t.number(a_c, 3),
            auc_aa=t.number(a_a, 3), precision=t.number(p_c, 3), precision_aa=t.number(p_a, 3))


def training_graph(graph: nx.Graph, hidden: list[tuple[Any, Any]], *,
                   rng: np.random.Generator, hide_meetings: bool = True) -> nx.Graph:
    """`graph` without the `hidden` ties, and without the meetings they come from.

    A hidden tie with meetings (a co-participation tie) takes one of its two actors (drawn
    with `rng`) out of those meetings, so the shared meeting cannot give the tie away
    (``hide_meetings=False`` keeps them: only to measure that leak).

    >>> g = nx.Graph([("a", "b", {"meetings": ("m",)}), ("b", "c", {})])
    >>> nx.set_node_attributes(g, {"a": ("m",), "b": ("m",), "c": ()}, "meetings")
    >>> t = training_graph(g, [("a", "b")], rng=np.random.default_rng(0))
    >>> sorted(t.edges), sorted(v for v in t if "m" in t.nodes[v]["meetings"])
    ([('b', 'c')], ['a'])
    """
    train = nx.Graph()
    train.add_nodes_from(graph.nodes(data=True))
    hidden_set = {frozenset(e) for e in hidden}
    train.add_edges_from(e for e in graph.edges if e[0] != e[1] and frozenset(e) not in hidden_set)
    for a, b in hidden if hide_meetings else ():
        derived = set(graph.edges[a, b].get("meetings", ()) or ())
        if not derived:
            continue
        who = (a, b)[int(rng.integers(2))]
        left = tuple(m for m in train.nodes[who].get("meetings", ()) or () if m not in derived)
        train.nodes[who]["meetings"] = left
    return train


def _negatives(full_adj: Any, n: int, want: int | None, rng: np.random.Generator
               ) -> tuple[np.ndarray, np.ndarray]:
    """All unlinked pairs (`want` None) or `want` uniform ones, as (rows, cols)."""
    if want is None:
        rows, cols = np.triu_indices(n, k=1)
        keep = lookup(full_adj, rows, cols) == 0
        return rows[keep].astype(np.int64), cols[keep].astype(np.int64)
    neg_r: list[int] = []
    neg_c: list[int] = []
    tries = 0
    while len(neg_r) < want and tries < 50:
        tries += 1
        cand_r = rng.integers(0, n, size=want * 2)
        cand_c = rng.integers(0, n, size=want * 2)
        ok = cand_r != cand_c
        cand_r, cand_c = cand_r[ok], cand_c[ok]
        ok = lookup(full_adj, cand_r, cand_c) == 0
        neg_r.extend(cand_r[ok].tolist())
        neg_c.extend(cand_c[ok].tolist())
    return np.array(neg_r[:want], dtype=np.int64), np.array(neg_c[:want], dtype=np.int64)


def evaluate_link_prediction(network: WijkNetwork | nx.Graph, *, fraction: float = 0.1,
                             repeats: int = 5, seed: int = 0, k: int | None = None,
                             weights: Weights | None = None, negatives: int = 20,
                             roles: RoleAssignment | None = None,
                             reference: ReferenceModel | None = None,
                             extra: Mapping[str, Weights] | None = None,
                             all_pairs_limit: int = ALL_PAIRS_LIMIT,
                             hide_meetings: bool = True) -> LinkPredictionEvaluation:
    """Hide `fraction` of the ties, score what is left, and see who finds them back.

    Parameters
    ----------
    network : WijkNetwork or networkx.Graph
        A graph from elsewhere is scored on its structure and whatever node attributes
        ``themes``, ``wijk``, ``domain`` and ``meetings`` it has.
    fraction : float
        Share of the ties hidden in each repeat.
    repeats : int
        Independent repeats (each with its own seeded sample).
    seed : int
        Seed of the samples.
    k : int, optional
        Precision is measured over the `k` best pairs; default the number of hidden ties.
    weights : Weights, optional
        The combined score's weights, used as given. By default, like `suggest_links`,
        `Weights()` without the parts that carry no information on the training graph
        (`informative_weights`, decided anew in each repeat from the ties left).
    negatives : int
        Networks over `all_pairs_limit` actors compare the hidden ties with `negatives`
        times as many unlinked pairs drawn uniformly; smaller ones with every unlinked pair.
    roles, reference : optional
        For the expected-pair part.
    extra : mapping, optional
        More named weightings to evaluate alongside (ablations), used as given.
    all_pairs_limit : int
        Up to this many actors every unlinked pair is scored (AUC and precision@k); above,
        precision@k ranks the candidates of `candidate_pairs` (the same set for every method).
    hide_meetings : bool, default True
        A hidden tie that comes from meetings takes one of its actors out of them
        (`training_graph`); False keeps them, which leaks the tie (to measure the leak).

    Returns
    -------
    LinkPredictionEvaluation
        Methods ``adamic_adar`` and ``combined`` (and those in `extra`).
    """
    g = network.graph if isinstance(network, WijkNetwork) else network
    name = network.name if isinstance(network, WijkNetwork) else str(g.graph.get("name", ""))
    position = {v: i for i, v in enumerate(g.nodes)}
    # in node order, not edge-insertion order (a graph built from sets would vary by run)
    edges = sorted(((a, b) if position[a] < position[b] else (b, a) for a, b in g.edges
                    if a != b), key=lambda e: (position[e[0]], position[e[1]]))
    n = g.number_of_nodes()
    rng = np.random.default_rng(seed)
    full_adj = prepare(g).adjacency
    rows_out = []
    for rep in range(repeats):
        if len(edges) < 10 or n < 4:
            break
        n_hide = max(1, int(round(fraction * len(edges))))
        hidden = [edges[i] for i in rng.choice(len(edges), size=n_hide, replace=False)]
        train = training_graph(g, hidden, rng=rng, hide_meetings=hide_meetings)
        # roles do not depend on ties; the "open pair" flags are recomputed on `train`
        feat = prepare(train, roles=roles, reference=reference)
        combined = weights or informative_weights(feat, Weights())
        methods = {"adamic_adar": ADAMIC_ADAR, "combined": combined}
        methods.update(extra or {})
        pos_r = np.array([feat.index[a] for a, _ in hidden])
        pos_c = np.array([feat.index[b] for _, b in hidden])
        neg_r, neg_c = _negatives(full_adj, n, None if n <= all_pairs_limit else
                                  negatives * n_hide, rng)
        pos_parts = score_parts(feat, pos_r, pos_c)
        neg_parts = score_parts(feat, neg_r, neg_c)
        cand_r, cand_c = candidate_pairs(feat, all_pairs_limit=all_pairs_limit)
        cand_parts = score_parts(feat, cand_r, cand_c)
        lo, hi = np.minimum(cand_r, cand_c), np.maximum(cand_r, cand_c)
        hidden_keys = {(min(feat.index[a], feat.index[b]), max(feat.index[a], feat.index[b]))
                       for a, b in hidden}
        is_pos = np.fromiter(((int(x), int(y)) in hidden_keys
                              for x, y in zip(lo, hi, strict=True)), dtype=bool, count=len(lo))
        kk = k or n_hide
        for method, w in methods.items():
            rows_out.append({
                "repeat": rep, "method": method,
                "auc": auc(combine(pos_parts, w), combine(neg_parts, w)),
                "precision_at_k": precision_at_k(combine(cand_parts, w), is_pos, kk,
                                                 rng=np.random.default_rng(seed * 1000 + rep)),
                "k": kk, "n_hidden": n_hide,
            })
    runs = pd.DataFrame(rows_out, columns=["repeat", "method", "auc", "precision_at_k", "k",
                                           "n_hidden"])
    return LinkPredictionEvaluation(runs, fraction, repeats, seed, name)


def with_weights(weights: Weights, **changes: float) -> Weights:
    """A copy of `weights` with some parts changed (for ablations).

    >>> with_weights(Weights(), theme=0.0).theme
    0.0
    """
    return replace(weights, **changes)
