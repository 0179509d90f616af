"""Centralities and structural holes on hand-worked tiny graphs."""

from __future__ import annotations

import pytest

from tests.graphs import GRAPHS, make_network
from wijkgraph.analysis.centrality import COLUMNS, centralities
from wijkgraph.analysis.structural_holes import structural_holes


def frame(name):
    return centralities(GRAPHS[name]()).per_actor.set_index("id")


def test_path_hand_values():
    t = frame("path")
    assert t["degree"].tolist() == [1, 2, 1]
    assert t["betweenness"].tolist() == [0, 1, 0]
    # harmonic: A reaches B at 1 and C at 2: (1 + 1/2) / 2
    assert t.loc["A", "harmonic"] == pytest.approx(0.75)
    assert t.loc["B", "harmonic"] == pytest.approx(1.0)
    assert t["core"].tolist() == [1, 1, 1]


def test_star_hub():
    t = frame("star")
    assert t.loc["H", "degree"] == 4 and t.loc["H", "betweenness"] == 1.0
    assert t.loc["L1", "betweenness"] == 0
    assert t["pagerank"].sum() == pytest.approx(1.0)
    assert t["pagerank"].idxmax() == "H"


def test_weighted_betweenness_prefers_strong_routes():
    # A-B-C strong (4, 4) and A-D-C weak (1, 1): the route via B is shorter (1/4 + 1/4)
    net = make_network([("A", "B", 4), ("B", "C", 4), ("A", "D", 1), ("D", "C", 1)])
    t = centralities(net).per_actor.set_index("id")
    assert t.loc["B", "betweenness"] > 0 and t.loc["D", "betweenness"] == 0
    assert t.loc["B", "strength"] == 8 and t.loc["D", "strength"] == 2


def test_directed_degrees():
    t = frame("directed_chain")
    # a -> b -> c -> d, b - e mutual
    assert t.loc["b", "in_degree"] == 2 and t.loc["b", "out_degree"] == 2
    assert t.loc["a", "in_degree"] == 0 and t.loc["a", "out_degree"] == 1
    assert t.loc["d", "in_degree"] == 1 and t.loc["d", "out_degree"] == 0
    assert centralities(GRAPHS["directed_chain"]()).directed


def test_kite_matches_the_textbook_broker():
    t = frame("kite")
    assert t["betweenness"].idxmax() == "k7"  # Heather, the broker of Krackhardt's kite
    assert t.loc["k7", "betweenness"] == pytest.approx(14 / 36)


def test_frame_columns_and_order():
    f = centralities(GRAPHS["barbell"]()).to_frame()
    assert list(f.columns) == COLUMNS
    assert f["betweenness"].is_monotonic_decreasing


def test_structural_holes_star_and_triangle():
    s = structural_holes(GRAPHS["star"]()).per_actor.set_index("id")
    assert s.loc["H", "effective_size"] == 4 and s.loc["H", "efficiency"] == 1
    assert s.loc["H", "constraint"] == pytest.approx(4 * (1 / 4) ** 2)
    assert s.loc["L1", "constraint"] == 1
    t = structural_holes(GRAPHS["triangle"]()).per_actor.set_index("id")
    # each has two partners tied to each other: effective size 2 - 1 = 1
    assert t["effective_size"].tolist() == [1, 1, 1]


def test_structural_holes_borgatti_unweighted_through_a_wijk_network():
    edges = [("A", "B"), ("A", "F"), ("A", "G"), ("A", "E"), ("E", "G"), ("F", "G"),
             ("B", "G"), ("B", "D"), ("D", "G"), ("G", "C")]
    s = structural_holes(make_network(edges)).per_actor.set_index("id")
    assert s.loc["G", "effective_size"] == pytest.approx(4.67, abs=1e-2)
    assert s.loc["A", "effective_size"] == pytest.approx(2.50, abs=1e-2)
    assert s.loc["G", "constraint"] == pytest.approx(0.400, abs=1e-3)
    assert s.loc["A", "constraint"] == pytest.approx(0.595, abs=1e-3)


def test_isolate_has_no_structural_hole_values():
    s = structural_holes(GRAPHS["disconnected"]()).per_actor.set_index("id")
    assert s["effective_size"].isna()["G"] and s["constraint"].isna()["G"]


def test_directed_columns_only_for_directed_networks():
    from wijkgraph.analysis.centrality import DIRECTED_COLUMNS
    und = centralities(GRAPHS["barbell"]())
    assert not set(DIRECTED_COLUMNS) & set(und.to_frame().columns)
    d = centralities(GRAPHS["directed_chain"]())
    f = d.to_frame()
    assert list(f.columns) == COLUMNS + DIRECTED_COLUMNS
    assert f[DIRECTED_COLUMNS].notna().all().all()
    assert f["pagerank_directed"].sum() == pytest.approx(1.0)
    assert "pagerank_directed" in d.to_dict()["actors"][0]


def test_directed_betweenness_hand_values():
    # a -> b -> c -> d, b - e mutual (directed_chain): routes along the arrows
    t = frame("directed_chain")
    # b: a->c, a->d, a->e, e->c, e->d (5 of (5-1)(5-2) = 12 ordered pairs of others);
    # c: a->d, b->d, e->d
    assert t.loc["b", "betweenness_directed"] == pytest.approx(5 / 12)
    assert t.loc["c", "betweenness_directed"] == pytest.approx(3 / 12)
    assert t.loc["a", "betweenness_directed"] == 0 and t.loc["d", "betweenness_directed"] == 0
    # the walk follows the arrows: a is referred to by nobody, d by c; b by a and e
    assert t.loc["d", "pagerank_directed"] > t.loc["a", "pagerank_directed"]
    assert t["pagerank_directed"].idxmax() == "b"


def test_directed_centralities_on_a_bundled_dataset_match_networkx():
    import networkx as nx

    from wijkgraph.sources.bundled import load_dataset
    net = load_dataset("groz")
    t = centralities(net).per_actor.set_index("id")
    dg = net.directed_graph()
    pr = nx.pagerank(dg, weight="weight", tol=1e-12, max_iter=1000)
    assert max(abs(t.loc[v, "pagerank_directed"] - pr[v]) for v in dg) < 1e-6
    # route length 1/strength, written 12/strength as the engine does (exact sums)
    lengths = {(a, b): 12 / w for a, b, w in dg.edges(data="weight")}
    g = nx.DiGraph(dg)
    nx.set_edge_attributes(g, lengths, "length")
    bc = nx.betweenness_centrality(g, weight="length")
    assert max(abs(t.loc[v, "betweenness_directed"] - bc[v]) for v in dg) < 1e-6


def test_summaries_of_centralities_and_structural_holes():
    net = GRAPHS["star"]()
    c = centralities(net).summary("nl", top=2)
    assert c.id == "centrality" and c.intro == (centralities(net).explain("nl"),)
    assert c.intro[0].startswith("H ligt op de meeste kortste routes")
    assert len(c.tables[0].rows) == 2 and c.tables[0].total == 5
    assert centralities(net).explain("en").startswith("H lies on the most")
    h = structural_holes(net)
    assert h.summary("en").id == "structural_holes"
    assert h.explain("nl") == ("H bereikt de meeste partijen die onderling niet verbonden "
                               "zijn (effectieve omvang 4,0).")
    assert h.explain("en").endswith("(effective size 4.0).")
    assert centralities(GRAPHS["empty"]()).summary("en").tables == ()
    assert structural_holes(GRAPHS["single"]()).explain("en") == "No ties to measure."
