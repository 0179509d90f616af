"""The fast best-partner search of missing links gives exactly what scoring every pair gives.

`best_partners` (structural rows + one attribute score per pair of actor classes) against
`best_partners_dense` (every open actor scored against every candidate, the method
missing_links used before) on random networks with many ties, shared meetings, few
themes/wijken/domains (so many actors share a class and scores tie), repeated names,
actors that are open and candidate at once, and several weightings.
"""

from __future__ import annotations

from dataclasses import replace

import networkx as nx
import numpy as np
import pytest

from wijkgraph.analysis._expected_pairs import actor_classes, best_partners, best_partners_dense
from wijkgraph.analysis.linkpred import ADAMIC_ADAR, Weights, prepare

THEMES = ["zorg", "armoede", "jeugd", "wonen"]
WIJKEN = ["Oost", "Zuid", "West"]


def random_features(seed: int, n: int = 60, p_tie: float = 0.12, plain: float = 0.0):
    rng = np.random.default_rng(seed)
    g = nx.Graph()
    for i in range(n):
        attrs = {"name": f"actor {rng.integers(0, n // 3)}",  # names repeat
                 "themes": tuple(rng.choice(THEMES, size=rng.integers(0, 3), replace=False)),
                 "wijk": tuple(rng.choice(WIJKEN, size=rng.integers(0, 2), replace=False)),
                 "domain": str(rng.choice(["", "zorg", "welzijn"])),
                 **({"themes": (), "wijk": ()} if rng.random() < plain else {}),
                 "meetings": tuple(f"m{k}" for k in rng.choice(6, size=rng.integers(0, 2)))}
        g.add_node(f"a{i}", **attrs)
    for i in range(n):
        for j in range(i + 1, n):
            if rng.random() < p_tie:
                g.add_edge(f"a{i}", f"a{j}")
    feat = prepare(g)
    # expected-pair flags of two role pairs, drawn at random (class-level information)
    flags = tuple(tuple(rng.random(n) < 0.4 for _ in range(4)) for _ in range(2))
    return g, replace(feat, expected=flags), rng


def _draw(rng: np.random.Generator, n: int, names: list[str]):
    cand = rng.choice(n, size=int(rng.integers(1, n)), replace=False)
    # open actors: partly candidates themselves (both roles), repeats allowed
    open_ = np.concatenate([rng.choice(n, size=int(rng.integers(1, n // 2))),
                            rng.choice(cand, size=min(3, len(cand)))])
    # the tie-break: name, then the candidate's position
    order = sorted(range(len(cand)), key=lambda k: (names[cand[k]], k))
    rank = np.empty(len(cand), dtype=np.int64)
    rank[order] = np.arange(len(cand))
    return open_.astype(np.int64), cand.astype(np.int64), rank


WEIGHTS = [Weights(), ADAMIC_ADAR, Weights(structure=0.0, meeting=0.0),
           Weights(theme=0.0, wijk=0.0, cross_domain=0.0, expected=0.0, meeting=0.0),
           Weights(structure=0.1, theme=2.0, wijk=0.0), Weights(theme=-1.0, wijk=-0.5),
           Weights(structure=-1.0)]  # negative structure: the dense method itself


@pytest.mark.parametrize("seed", range(12))
@pytest.mark.parametrize("weights", WEIGHTS)
def test_same_partner_score_and_parts_as_every_pair(seed: int, weights: Weights) -> None:
    g, feat, rng = random_features(seed, n=30 + 5 * seed, p_tie=0.04 + 0.02 * (seed % 5))
    if seed % 3 == 0:  # Features without the left factors: structural parts looked up
        feat = replace(feat, aa_left=None, meetings_left=None)
    names = [g.nodes[v]["name"] for v in feat.nodes]
    classes = actor_classes(feat)
    for _ in range(5):
        open_, cand, rank = _draw(rng, feat.n, names)
        fast = best_partners(feat, weights, open_, cand, rank, classes=classes, small_block=0)
        dense = best_partners_dense(feat, weights, open_, cand, rank)
        for a, b in zip(fast[:3], dense[:3], strict=True):
            np.testing.assert_array_equal(a, b)
        assert fast[3].keys() == dense[3].keys()
        for key in fast[3]:
            np.testing.assert_array_equal(fast[3][key], dense[3][key])


@pytest.mark.parametrize("seed", range(40))
def test_same_partner_when_everyone_plays_both_roles(seed: int) -> None:
    # few classes, sparse ties: the best class's first member is often the open actor
    # itself, and classes tie on score, so the second member and the next class compete
    g, feat, rng = random_features(seed, n=25, p_tie=0.03, plain=0.8)
    if seed % 2:
        feat = replace(feat, expected=())
    names = [g.nodes[v]["name"] for v in feat.nodes]
    weights = WEIGHTS[seed % 4]
    for _ in range(5):
        _, cand, rank = _draw(rng, feat.n, names)
        open_ = np.concatenate([cand, cand[:2]])
        fast = best_partners(feat, weights, open_, cand, rank, small_block=0)
        dense = best_partners_dense(feat, weights, open_, cand, rank)
        for a, b in zip(fast[:3], dense[:3], strict=True):
            np.testing.assert_array_equal(a, b)


def test_classes_are_what_the_attribute_score_reads() -> None:
    g, feat, _ = random_features(3)
    classes = actor_classes(feat)
    for c in np.unique(classes):
        members = np.flatnonzero(classes == c)
        for field in ("theme_bits", "wijk_bits"):
            rows = getattr(feat, field)[members]
            assert (rows == rows[0]).all()
        assert len(set(feat.domain[members])) == 1
    # a class is not split needlessly: actors with the same themes, wijk, domain and flags
    key = {(tuple(feat.theme_bits[i]), tuple(feat.wijk_bits[i]), int(feat.domain[i]),
            tuple(bool(a[i]) for arrays in feat.expected for a in arrays))
           for i in range(feat.n)}
    assert len(key) == len(np.unique(classes))


def test_hand_worked_tie_and_self() -> None:
    # a - b - c: a's best partner among {a, c, d} is c (a shared partner), never a itself;
    # for c, a and d tie on attributes and structure (a via b, d none): a has the shared
    # partner, so a. For d (isolated) a and c tie at 0: the first by rank.
    g = nx.Graph([("a", "b"), ("b", "c")])
    g.add_node("d")
    feat = prepare(g)
    cand = np.array([0, 2, 3])  # a, c, d
    rank = np.array([2, 1, 0])  # d first, then c, then a
    pos, q, score, _ = best_partners(feat, Weights(), np.array([0, 2, 3]), cand, rank,
                                     small_block=0)
    assert pos.tolist() == [0, 1, 2]
    assert [feat.nodes[i] for i in q] == ["c", "a", "c"]
    assert score.tolist() == [pytest.approx(1 / np.log(2))] * 2 + [0.0]
