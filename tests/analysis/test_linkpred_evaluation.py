"""Evaluating suggested links on networks from elsewhere: all unlinked pairs, no leak through
meetings, and a combined score that is no worse than Adamic-Adar where wijk data says nothing."""

from __future__ import annotations

import itertools

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from wijkgraph.analysis.linkpred import (
    ADAMIC_ADAR,
    Weights,
    informative_weights,
    prepare,
    suggest_links,
)
from wijkgraph.analysis.linkpred_evaluation import evaluate_link_prediction, training_graph
from wijkgraph.model.network import build_network
from wijkgraph.model.tables import tables_from_frames


def karate_with_club_as_domain():
    g = nx.karate_club_graph()
    actors = pd.DataFrame({"name": [str(v) for v in g], "domain": [g.nodes[v]["club"]
                                                                   for v in g]})
    relations = pd.DataFrame([{"source": str(a), "target": str(b)} for a, b in g.edges])
    return build_network(tables_from_frames(actors, relations))


def davis_two_mode():
    g = nx.davis_southern_women_graph()
    women = [v for v, d in g.nodes(data=True) if d["bipartite"] == 0]
    events = [v for v, d in g.nodes(data=True) if d["bipartite"] == 1]
    eid = {e: f"e{i}" for i, e in enumerate(events)}
    tables = tables_from_frames(
        pd.DataFrame({"name": women}), pd.DataFrame(columns=["source", "target"]),
        pd.DataFrame({"id": list(eid.values()), "name": list(eid)}),
        pd.DataFrame([{"actor": w, "meeting": eid[e]} for w in women for e in g[w]]))
    return build_network(tables, meeting_ties=True)


def _auc_by_counting(pos: list[float], neg: list[float]) -> float:
    wins = sum((p > q) + 0.5 * (p == q) for p in pos for q in neg)
    return wins / (len(pos) * len(neg))


def test_auc_scores_every_unlinked_pair_like_networkx():
    # independent: networkx's Adamic-Adar on the training graph, AUC by counting pairs
    g = nx.karate_club_graph()
    ev = evaluate_link_prediction(g, repeats=1, seed=3)
    edges = [tuple(e) for e in g.edges]
    hidden = [edges[i] for i in np.random.default_rng(3).choice(len(edges), size=8,
                                                                  replace=False)]
    train = nx.Graph(g)
    train.remove_edges_from(hidden)
    pos = [p for _, _, p in nx.adamic_adar_index(train, hidden)]
    neg = [p for _, _, p in nx.adamic_adar_index(train, list(nx.non_edges(g)))]
    assert len(neg) == 34 * 33 // 2 - 78  # every pair not tied in the full network
    expected = _auc_by_counting(pos, neg)
    assert ev.mean("adamic_adar", "auc") == pytest.approx(expected)
    assert ev.mean("combined", "auc") == pytest.approx(expected)


def test_without_wijk_information_combined_is_adamic_adar():
    feat = prepare(nx.les_miserables_graph())
    assert informative_weights(feat, Weights()) == ADAMIC_ADAR
    ev = evaluate_link_prediction(nx.les_miserables_graph(), repeats=3, seed=0)
    a = ev.runs[ev.runs["method"] == "adamic_adar"][["auc", "precision_at_k"]].to_numpy()
    c = ev.runs[ev.runs["method"] == "combined"][["auc", "precision_at_k"]].to_numpy()
    assert np.array_equal(a, c)


def test_domains_crossed_less_than_by_chance_are_dropped():
    network = karate_with_club_as_domain()
    g = nx.karate_club_graph()
    # by hand: 11 of the 78 ties (14 %) cross the two clubs of 17; of all pairs 289 of 561 (52 %)
    crossing = sum(g.nodes[a]["club"] != g.nodes[b]["club"] for a, b in g.edges)
    all_pairs = sum(g.nodes[a]["club"] != g.nodes[b]["club"]
                    for a, b in itertools.combinations(g, 2))
    assert (crossing, all_pairs) == (11, 17 * 17)
    used = informative_weights(prepare(network.graph), Weights())
    assert used.cross_domain == 0.0 and used == ADAMIC_ADAR
    assert suggest_links(network, top=3).weights == used
    ev = evaluate_link_prediction(network, repeats=10, seed=0, extra={"ungated": Weights()})
    assert ev.mean("combined", "auc") == ev.mean("adamic_adar", "auc")
    assert ev.mean("ungated", "auc") < ev.mean("adamic_adar", "auc")  # the old score lost


def test_wijk_parts_that_carry_information_are_kept():
    from wijkgraph.sources.bundled import load_dataset

    network = load_dataset("utrecht-oost")
    used = informative_weights(prepare(network.graph), Weights())
    # themes and meetings are shared more along ties than by chance: kept at their weight;
    # crossing domains is rarer along ties than by chance here: dropped
    assert (used.structure, used.theme, used.meeting, used.cross_domain) == (1.0, 0.5, 0.2, 0.0)


def test_hidden_co_participation_ties_take_their_meeting_along():
    network = davis_two_mode()
    g = network.graph
    a, b = next(iter(g.edges))
    shared = set(g.edges[a, b]["meetings"])
    train = training_graph(g, [(a, b)], rng=np.random.default_rng(0))
    left_a, left_b = set(train.nodes[a]["meetings"]), set(train.nodes[b]["meetings"])
    assert not (left_a & left_b & shared)  # the pair shares none of those meetings now
    assert (left_a | left_b) >= shared - (left_a & left_b)
    # the leak, measured: keeping the meetings lets the meeting part find the ties back
    leaky = evaluate_link_prediction(network, repeats=5, seed=0, weights=Weights(),
                                     hide_meetings=False)
    fair = evaluate_link_prediction(network, repeats=5, seed=0, weights=Weights())
    assert leaky.mean("combined", "auc") > leaky.mean("adamic_adar", "auc") + 0.01
    assert fair.mean("combined", "auc") == pytest.approx(fair.mean("adamic_adar", "auc"),
                                                         abs=0.01)
