"""Reciprocity (in the cohesion section): hand-worked, and networkx as a second opinion."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from tests.graphs import make_network
from wijkgraph.analysis.cohesion import cohesion, reciprocity
from wijkgraph.sources.bundled import load_dataset


def test_hand_worked_three_arcs_two_answered():
    # A->B and B->A answer each other, A->C does not: 2 of 3 arcs
    net = make_network([("A", "B"), ("B", "A"), ("A", "C")], directed=True)
    assert reciprocity(net) == (pytest.approx(2 / 3), 3)
    c = cohesion(net)
    assert c.reciprocity == pytest.approx(2 / 3) and c.n_arcs == 3
    assert "reciprocity" in c.to_frame()["measure"].tolist()
    assert "67%" in c.explain("en") and "wederkerigheid" in [
        n.label for n in c.summary("nl").numbers]


def test_undirected_relations_do_not_count_and_give_nan():
    net = make_network([("A", "B"), ("B", "C")])
    value, arcs = reciprocity(net)
    assert math.isnan(value) and arcs == 0
    c = cohesion(net)
    assert len(c.summary("en").numbers) == 5 and "one-way" not in c.explain("en")
    assert c.to_dict()["reciprocity"] is None


def test_parallel_arcs_count_once_and_an_undirected_tie_does_not_answer():
    # A->B twice (one arc), B-A undirected (not an answer), C->A and A->C: 2 of 3 arcs
    net = make_network([("A", "B"), ("A", "B"), ("B", "A"), ("C", "A"), ("A", "C")],
                       directed=[("A", "B"), ("C", "A"), ("A", "C")])
    assert reciprocity(net) == (pytest.approx(2 / 3), 3)


@pytest.mark.parametrize("name", ["driehoek", "utrecht-oost"])
def test_matches_networkx_on_the_directed_relations(name):
    net = load_dataset(name)
    rel = net.tables.relations
    rel = rel[rel["directed"].astype(bool) & (rel["source"] != rel["target"])]
    g = nx.DiGraph(list(zip(rel["source"], rel["target"], strict=True)))
    value, arcs = reciprocity(net)
    assert arcs == g.number_of_edges() > 0
    assert value == pytest.approx(nx.overall_reciprocity(g))
