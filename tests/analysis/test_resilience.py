"""Resilience: cut points, bridges, cut-off counts and removal curves."""

from __future__ import annotations

import networkx as nx

from tests.graphs import GRAPHS
from wijkgraph.analysis.resilience import removal_steps, resilience


def test_barbell_broker_and_its_bridges():
    r = resilience(GRAPHS["barbell"]())
    assert r.articulation_points == ("W1", "X", "Z1")
    assert r.bridges == (("W1", "X"), ("X", "Z1"))
    t = r.per_actor.set_index("id")
    # X leaves: pieces of 4 and 4; one of them is cut off. Z1 leaves: Z2-Z4 are cut off.
    assert t.loc["X", "cut_off"] == 4 and t.loc["Z1", "cut_off"] == 3
    assert t.loc["Z2", "cut_off"] == 0
    assert t.loc["X", "bridges"] == 2 and bool(t.loc["X", "articulation_point"])
    assert r.largest_component == 9


def test_cut_off_matches_removing_each_actor():
    for name in ("kite", "star", "disconnected", "path", "directed_chain"):
        net = GRAPHS[name]()
        g = net.graph
        t = resilience(net).per_actor.set_index("id")
        lcc = max(nx.connected_components(g), key=len) if len(g) else set()
        for v in g:
            if v not in lcc:
                assert t.loc[v, "cut_off"] == 0
                continue
            rest = g.subgraph(lcc - {v})
            biggest = max((len(c) for c in nx.connected_components(rest)), default=0)
            assert t.loc[v, "cut_off"] == len(lcc) - 1 - biggest, (name, v)


def test_curves_targeted_falls_faster_than_random():
    r = resilience(GRAPHS["barbell"]())
    c = r.curve
    assert c["removed"].tolist() == list(range(10))
    assert c["targeted"].iloc[0] == 9 and c["targeted"].iloc[1] == 4  # X leaves first
    assert (c["targeted"] <= c["random"] + 1e-9).iloc[:3].all()
    assert c["targeted"].iloc[-1] == 0
    assert r.half_point() == (1, 2) or r.half_point()[0] <= r.half_point()[1]


def test_random_curve_is_seeded():
    net = GRAPHS["kite"]()
    assert resilience(net, seed=1).curve.equals(resilience(net, seed=1).curve)


def test_steps_are_sampled_on_large_networks():
    assert removal_steps(10) == list(range(11))
    steps = removal_steps(30_000)
    assert steps[0] == 0 and steps[-1] == 30_000 and len(steps) == 51


def test_no_cut_points():
    r = resilience(GRAPHS["triangle"]())
    assert r.articulation_points == () and r.bridges == ()
    assert "Geen enkele partij" in r.explain()


def test_no_ties_says_so_instead_of_claiming_the_others_stay_connected():
    for name in ("empty", "single"):
        r = resilience(GRAPHS[name]())
        for lang in ("nl", "en"):
            text = r.explain(lang)
            assert "verbonden" not in text and "stay connected" not in text
        assert "geen relaties" in r.explain("nl") and "no ties" in r.explain("en")


def test_one_cut_point_is_singular():
    r = resilience(GRAPHS["path"]())  # A - B - C: only B
    assert r.explain("nl").startswith("1 partij is de enige verbinding")
    assert r.explain("en").startswith("1 party is the only link")
    assert "(1 raakt los)" in r.explain("nl") and "(1 cut off)" in r.explain("en")
    s = r.summary("nl")
    assert [(n.value, n.label) for n in s.numbers] == [("1", "scharnierpunt"),
                                                        ("2", "bruggen")]


def test_summary_contract():
    r = resilience(GRAPHS["barbell"]())
    s = r.summary("en", top=3)
    assert s.id == "resilience" and s.title == "Vulnerability: what if someone leaves?"
    assert s.intro == (r.explain("en"),)
    chart = s.charts[0]
    assert chart.kind == "line_chart" and chart.args[0] == [float(k) for k in range(10)]
    assert list(chart.args[1]) == ["key figures leave", "random parties leave"]
    assert chart.kwargs["decimal"] == "." and r.summary("nl").charts[0].kwargs["decimal"] == ","
    table = s.tables[0]
    assert table.caption == "Who is cut off if this party leaves" and table.total == 3
    assert s.chart_data[0].total == 10
    (finding,) = s.findings
    assert (finding.head, finding.priority, finding.tag) == ("Vulnerable", 70, "resilience")
    assert finding.actors == r.articulation_points
    assert r.summary("nl").findings[0].head == "Kwetsbaar"
    assert "lang" not in r.to_frame.__code__.co_varnames
