"""Cohesion: hand-worked values on tiny graphs, undefined cases, networkx as a second opinion."""

from __future__ import annotations

import math

import networkx as nx
import pytest

from tests.graphs import GRAPHS, make_network
from wijkgraph.analysis.cohesion import MEASURES, Cohesion, cohesion, degree_centralization
from wijkgraph.sources.bundled import load_dataset


def test_star_of_five_is_fully_centralized():
    # hub 4 partners, four leaves 1: sum (4 - 1) x 4 = 12 = (n-1)(n-2) for n = 5
    c = cohesion(GRAPHS["star"]())
    assert c.degree_centralization == pytest.approx(1.0)
    assert c.transitivity == 0.0 and c.average_clustering == 0.0
    # 4 hub-leaf pairs at 1 step, 6 leaf-leaf pairs at 2: (4 + 12) / 10
    assert c.average_path_length == pytest.approx(1.6)
    assert c.diameter == 2 and c.largest_component == 5


def test_triangle_is_closed_and_even():
    c = cohesion(GRAPHS["triangle"]())
    assert c.degree_centralization == 0.0
    assert c.transitivity == 1.0 and c.average_clustering == 1.0
    assert c.average_path_length == 1.0 and c.diameter == 1


def test_path_of_four():
    c = cohesion(make_network([("A", "B"), ("B", "C"), ("C", "D")]))
    # degrees 1, 2, 2, 1: (1 + 0 + 0 + 1) / (3 x 2)
    assert c.degree_centralization == pytest.approx(1 / 3)
    # two connected triples (around B and C), no triangle
    assert c.transitivity == 0.0 and c.average_clustering == 0.0
    # pairs 1, 1, 1, 2, 2, 3 steps apart
    assert c.average_path_length == pytest.approx(10 / 6)
    assert c.diameter == 3


def test_two_disjoint_triangles_measure_the_largest_part():
    c = cohesion(make_network([("A", "B"), ("B", "C"), ("A", "C"),
                               ("D", "E"), ("E", "F"), ("D", "F")]))
    assert c.degree_centralization == 0.0  # everyone has two partners
    assert c.transitivity == 1.0 and c.average_clustering == 1.0
    assert c.largest_component == 3 and c.n_actors == 6
    assert c.average_path_length == 1.0 and c.diameter == 1


def test_no_actors_gives_nan_and_no_crash():
    c = cohesion(GRAPHS["empty"]())
    assert c.n_actors == 0 and c.diameter is None
    for m in ("degree_centralization", "transitivity", "average_clustering",
              "average_path_length"):
        assert math.isnan(getattr(c, m)), m
    assert c.to_frame()["value"].isna().all()
    assert c.to_dict()["transitivity"] is None and c.to_dict()["diameter"] is None
    assert "no ties" in c.explain("en") and c.summary("nl").numbers[0].value == "–"


def test_actors_without_ties():
    # three or more actors without a tie: nobody is more central (0), clustering 0 as in
    # networkx; transitivity, path length and diameter are undefined
    c = cohesion(make_network([], actors=["A", "B", "C"]))
    assert c.degree_centralization == 0.0 and c.average_clustering == 0.0
    assert math.isnan(c.transitivity) and math.isnan(c.average_path_length)
    assert c.diameter is None and c.largest_component == 1
    assert c.explain("nl") == "Er zijn geen relaties, dus er is geen samenhang te meten."


def test_fewer_than_three_actors_have_no_centralization():
    c = cohesion(GRAPHS["pair"]())
    assert math.isnan(c.degree_centralization) and math.isnan(c.transitivity)
    assert c.average_path_length == 1.0 and c.diameter == 1
    assert math.isnan(degree_centralization([3]))


def test_the_contract():
    c = cohesion(GRAPHS["kite"]())
    frame = c.to_frame()
    assert frame.columns.tolist() == ["measure", "value"]
    assert frame["measure"].tolist() == list(MEASURES)
    assert frame["value"].dtype == float  # codes and numbers only
    assert set(MEASURES) <= set(c.to_dict())
    nl, en = c.summary("nl"), c.summary("en")
    assert (nl.id, nl.title, en.title) == ("cohesion", "Samenhang", "Cohesion")
    assert [n.label for n in nl.numbers] == ["centralisatie", "transitiviteit",
                                             "gemiddelde clustering", "stappen gemiddeld",
                                             "stappen hoogstens"]
    assert all(n.sentence.endswith(".") for n in nl.numbers + en.numbers)
    assert nl.intro == (c.explain("nl"),)
    assert "," in nl.numbers[0].value and "." in en.numbers[0].value  # decimal comma in Dutch
    assert isinstance(c, Cohesion)


def test_same_as_networkx_on_utrecht_oost():
    net = load_dataset("utrecht-oost")
    c = cohesion(net)
    g = nx.Graph(net.graph)
    g.remove_edges_from(nx.selfloop_edges(g))
    n = g.number_of_nodes()
    degrees = [d for _, d in g.degree()]
    by_hand = sum(max(degrees) - d for d in degrees) / ((n - 1) * (n - 2))
    assert c.degree_centralization == pytest.approx(by_hand, abs=1e-12)
    assert c.transitivity == pytest.approx(nx.transitivity(g), abs=1e-12)
    assert c.average_clustering == pytest.approx(nx.average_clustering(g), abs=1e-12)
    largest = g.subgraph(max(nx.connected_components(g), key=len))
    assert c.largest_component == largest.number_of_nodes()
    assert c.average_path_length == pytest.approx(nx.average_shortest_path_length(largest),
                                                  abs=1e-12)
    assert c.diameter == nx.diameter(largest)


def test_is_part_of_the_analysis():
    from wijkgraph.analysis.run import Analysis, analyse

    names = Analysis.section_names()
    assert names[names.index("overview") + 1] == "cohesion"
    result = analyse(load_dataset("driehoek"))
    assert isinstance(result.cohesion, Cohesion)
    assert "cohesion" in result.to_dict()


def test_large_part_is_sampled_from_a_seed():
    from wijkgraph.analysis.engine import EXACT_LIMIT, SAMPLE_SOURCES

    n = EXACT_LIMIT + 100
    net = make_network([(f"a{i}", f"a{i + 1}") for i in range(n - 1)])
    c = cohesion(net, seed=1)
    assert c.sampled == SAMPLE_SOURCES and c == cohesion(net, seed=1)
    assert c.diameter <= n - 1
    # a path of n: the mean distance is (n + 1) / 3; the sample comes close
    assert c.average_path_length == pytest.approx((n + 1) / 3, rel=0.1)
    assert f"({SAMPLE_SOURCES})" in c.summary("en").notes[0]
