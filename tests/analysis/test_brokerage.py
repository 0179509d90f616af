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
    t = brokerage(net).per_actor.set_index("id")
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
    t = brokerage(net).per_actor.set_index("id")
    assert t.loc["b", "representative"] == 1 and t.loc["b", "gatekeeper"] == 1
    assert t.loc["b", "total"] == 2
    assert not brokerage(net).directed


def test_barbell_broker_is_a_liaison():
    t = brokerage(GRAPHS["barbell"]()).per_actor.set_index("id")
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
    t = brokerage(net).per_actor.set_index("id")
    for v, roles in expected.items():
        assert t.loc[v, list(ROLES)].to_dict() == roles
    assert brokerage(net).totals["total"] == sum(sum(r.values()) for r in expected.values())


def test_explain_mentions_the_top_broker():
    text = brokerage(GRAPHS["barbell"]()).explain()
    assert "Makelaars" in text and "Z1" in text
    assert "Brokers" in brokerage(GRAPHS["barbell"]()).explain("en")


# --- expected counts ---------------------------------------------------------------------
FIVE = ["v1", "v2", "v3", "v4", "v5"]
FIVE_DOMAINS = ["zorg", "zorg", "welzijn", "welzijn", "wonen"]


@pytest.mark.parametrize("directed", [True, {("v1", "v2"), ("v3", "v4")}, False])
def test_expected_totals_equal_the_mean_over_all_domain_permutations(directed):
    """Brute force: all 5! assignments of the five domains to the five actors."""
    from fractions import Fraction

    edges = [("v1", "v2"), ("v2", "v3"), ("v3", "v4"), ("v4", "v1"), ("v2", "v5"),
             ("v5", "v3")]
    sums = dict.fromkeys((*ROLES, "total"), Fraction(0))
    perms = list(itertools.permutations(FIVE_DOMAINS))
    for perm in perms:
        b = brokerage(make_network(edges, dict(zip(FIVE, perm, strict=True)), directed=directed))
        for r in sums:
            sums[r] += b.totals[r]
    b = brokerage(make_network(edges, dict(zip(FIVE, FIVE_DOMAINS, strict=True)),
                               directed=directed))
    f = b.totals_frame().set_index("role")
    for r in sums:
        assert f.loc[r, "expected"] == pytest.approx(float(sums[r] / len(perms)), abs=1e-12), r
        assert f.loc[r, "observed"] == b.totals[r]
    assert b.group_sizes == {"welzijn": 2, "wonen": 1, "zorg": 2}


def test_role_probabilities_by_hand():
    from wijkgraph.analysis.brokerage import role_probabilities
    # sizes 2, 2, 1 (N = 5, 60 ordered triples): no coordinator (no group of 3);
    # a = c != b: 2*1*3 + 2*1*3 = 12 triples -> 0.2, the same for a = b and b = c;
    # liaison: 60 - 3 * 12 = 24 -> 0.4
    p = role_probabilities([2, 2, 1])
    assert p == pytest.approx({"coordinator": 0.0, "itinerant": 0.2, "representative": 0.2,
                               "gatekeeper": 0.2, "liaison": 0.4})
    assert sum(role_probabilities([3, 4, 1, 2]).values()) == pytest.approx(1.0)
    assert role_probabilities([1, 1]) == dict.fromkeys(ROLES, 0.0)


def test_sna_expectation_equals_a_random_graph_enumeration():
    """sna's exp.gli: mean over all digraphs on 4 actors, each arc present with p = d.

    sna's variances are reproduced as sna computes them; the enumeration shows they are
    exact for itinerant and liaison (the other roles' sna variances are approximations).
    """
    from wijkgraph.analysis.brokerage import _sna_moments

    labels = [0, 0, 1, 2]
    n = len(labels)
    arcs = [(a, b) for a in range(n) for b in range(n) if a != b]
    m = 5
    d = m / (n * (n - 1))
    mean = dict.fromkeys((*ROLES, "total"), 0.0)
    square = dict(mean)
    for mask in range(1 << len(arcs)):
        present = {arcs[i] for i in range(len(arcs)) if mask >> i & 1}
        p = d ** len(present) * (1 - d) ** (len(arcs) - len(present))
        count = dict.fromkeys(mean, 0)
        for a, b, c in itertools.permutations(range(n), 3):
            if (a, b) in present and (b, c) in present and (a, c) not in present:
                ga, gb, gc = labels[a], labels[b], labels[c]
                role = ("coordinator" if ga == gb == gc else "itinerant" if ga == gc else
                        "representative" if ga == gb else "gatekeeper" if gb == gc else
                        "liaison")
                count[role] += 1
                count["total"] += 1
        for r in mean:
            mean[r] += p * count[r]
            square[r] += p * count[r] ** 2
    e, v = _sna_moments([2, 1, 1], m)
    for r in mean:
        assert e[r] == pytest.approx(mean[r], rel=1e-12), r
    for r in ("itinerant", "liaison"):
        assert v[r] == pytest.approx(square[r] - mean[r] ** 2, rel=1e-12), r


def test_totals_frame_and_json():
    from wijkgraph.analysis.brokerage import TOTALS_COLUMNS
    b = brokerage(GRAPHS["barbell"]())
    f = b.totals_frame()
    assert list(f.columns) == TOTALS_COLUMNS
    assert f["role"].tolist() == [*ROLES, "total"]
    total = f.set_index("role").loc["total"]
    assert total["expected"] == total["observed"] and total["ratio"] == 1.0
    assert total["z_sna"] == pytest.approx(
        (total["observed"] - total["expected_sna"]) / total["sd_sna"])
    d = b.to_dict()
    assert d["expected"][0]["role"] == "coordinator" and "group_sizes" in d
    # tiny networks: a clear result, no exception
    for net in (make_network([], actors=["a"]), make_network([("a", "b")])):
        f = brokerage(net).totals_frame()
        assert (f["expected"] == 0).all() and f["ratio"].isna().all()


def test_summary_is_empty_the_brokers_are_in_the_key_figures():
    from wijkgraph.analysis.brokerage import role_label

    b = brokerage(GRAPHS["barbell"]())
    assert b.summary("nl").empty and b.summary("en").id == "brokerage"
    table = b.broker_table("nl", top=2)
    assert table.caption.startswith("Makelaars: wie verbindt")
    assert len(table.rows) == 2 and table.total == 9 and "naam" in table.columns
    assert b.broker_table("en").columns[:2] == ("name", "domain")
    assert role_label("gatekeeper") == "poortwachter naar het eigen domein"
    assert role_label("gatekeeper", "en") == "gatekeeper into its own domain"
    assert "vooral als" in b.explain("nl") and "mostly as" in b.explain("en")
