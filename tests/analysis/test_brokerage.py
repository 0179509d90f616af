"""Gould-Fernandez brokerage: one hand-worked triad per role, and a brute-force check."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.graphs import GRAPHS, make_network
from wijkgraph.analysis.brokerage import ROLES, brokerage

# a -> b -> c, no a -> c; domains of (a, b, c) for each role
TRIADS = {
    "coordinator": ("zorg", "zorg", "zorg"),
    "itinerant": ("zorg", "welzijn", "zorg"),
    "representative": ("welzijn", "welzijn", "zorg"),
    "gatekeeper": ("zorg", "welzijn", "welzijn"),
    "liaison": ("zorg", "welzijn", "wonen"),
}


@pytest.mark.parametrize("role", ROLES)
def test_each_role_on_a_minimal_directed_triad(role):
    da, db, dc = TRIADS[role]
    net = make_network([("a", "b"), ("b", "c")], {"a": da, "b": db, "c": dc}, directed=True)
    t = brokerage(net).table.set_index("id")
    expected = {r: int(r == role) for r in ROLES}
    assert t.loc["b", list(ROLES)].to_dict() == expected
    assert t.loc["a", "total"] == 0 and t.loc["c", "total"] == 0


def test_a_closed_triad_brokers_nothing():
    net = make_network([("a", "b"), ("b", "c"), ("a", "c")],
                       {"a": "zorg", "b": "welzijn", "c": "wonen"}, directed=True)
    assert brokerage(net).totals["total"] == 0


def test_undirected_ties_count_both_ways():
    # undirected a - b - c: a->b->c and c->b->a are both open; roles swap with direction
    net = make_network([("a", "b"), ("b", "c")], {"a": "welzijn", "b": "welzijn", "c": "zorg"})
    t = brokerage(net).table.set_index("id")
    assert t.loc["b", "representative"] == 1 and t.loc["b", "gatekeeper"] == 1
    assert t.loc["b", "total"] == 2
    assert not brokerage(net).directed


def test_barbell_broker_is_a_liaison():
    t = brokerage(GRAPHS["barbell"]()).table.set_index("id")
    # X (inwoners) links Z1 (zorg) and W1 (welzijn), both ways
    assert t.loc["X", "liaison"] == 2 and t.loc["X", "total"] == 2
    # Z1 sends Z2..Z4 on to X (representative) and lets X in to Z2..Z4 (gatekeeper)
    assert t.loc["Z1", "representative"] == 3 and t.loc["Z1", "gatekeeper"] == 3


def brute_force(net):
    dg = net.directed_graph()
    dom = {v: d or "onbekend" for v, d in net.graph.nodes(data="domain")}
    out = {v: dict.fromkeys(ROLES, 0) for v in dg}
    for b in dg:
        for a, c in itertools.product(dg.predecessors(b), dg.successors(b)):
            if a == c or dg.has_edge(a, c):
                continue
            ga, gb, gc = dom[a], dom[b], dom[c]
            role = ("coordinator" if ga == gb == gc else "itinerant" if ga == gc else
                    "representative" if ga == gb else "gatekeeper" if gb == gc else "liaison")
            out[b][role] += 1
    return out


@st.composite
def directed_wijk(draw):
    n = draw(st.integers(3, 8))
    nodes = [f"v{i}" for i in range(n)]
    pairs = [(a, b) for a, b in itertools.permutations(nodes, 2)]
    arcs = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=len(pairs)))
    # an arc and its reverse together are written as one undirected relation sometimes
    undirected = draw(st.sets(st.sampled_from(arcs))) if arcs else set()
    domains = {v: draw(st.sampled_from(["zorg", "welzijn", "wonen", ""])) for v in nodes}
    return make_network(arcs, domains, actors=nodes,
                        directed={a for a in arcs if a not in undirected})


@settings(max_examples=150, deadline=None)
@given(directed_wijk())
def test_counts_match_a_brute_force_count(net):
    expected = brute_force(net)
    t = brokerage(net).table.set_index("id")
    for v, roles in expected.items():
        assert t.loc[v, list(ROLES)].to_dict() == roles
    assert brokerage(net).totals["total"] == sum(sum(r.values()) for r in expected.values())


def test_explain_mentions_the_top_broker():
    text = brokerage(GRAPHS["barbell"]()).explain()
    assert "Makelaars" in text and "Z1" in text
    assert "Brokers" in brokerage(GRAPHS["barbell"]()).explain("en")
