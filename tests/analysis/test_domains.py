"""Domain mixing, E-I index, densities and participation: hand-worked."""

from __future__ import annotations

import math

import pytest

from tests.graphs import GRAPHS, make_network
from wijkgraph.analysis.domains import UNKNOWN, domain_mixing, ei_index


def test_ei_hand_worked_unweighted_and_weighted():
    # barbell: 12 ties inside zorg/welzijn (strength 3), 2 ties to broker X (strength 2)
    d = domain_mixing(GRAPHS["barbell"]())
    assert d.ei == pytest.approx((2 - 12) / 14)
    assert d.ei_weighted == pytest.approx((2 * 2 - 12 * 3) / (2 * 2 + 12 * 3))
    assert d.cross_domain_share == pytest.approx(2 / 14)
    dom = d.per_domain.set_index("domain")
    assert dom.loc["zorg", "internal_ties"] == 6 and dom.loc["zorg", "external_ties"] == 1
    assert dom.loc["zorg", "ei"] == pytest.approx((1 - 6) / 7)
    assert dom.loc["zorg", "ei_weighted"] == pytest.approx((2 - 18) / 20)
    assert dom.loc["inwoners", "ei"] == 1
    assert dom.loc["zorg", "density"] == 1.0
    actor = d.per_actor.set_index("id")
    assert actor.loc["X", "ei"] == 1 and actor.loc["Z2", "ei"] == -1
    assert actor.loc["Z1", "ei"] == pytest.approx((1 - 3) / 4)
    assert actor.loc["X", "other_domains"] in (("welzijn", "zorg"), ("zorg", "welzijn"))


def test_mixing_matrix_is_symmetric_with_within_on_the_diagonal():
    d = domain_mixing(GRAPHS["barbell"]())
    m = d.mixing
    assert (m.to_numpy() == m.to_numpy().T).all()
    assert m.loc["zorg", "zorg"] == 6 and m.loc["zorg", "inwoners"] == 1
    assert m.loc["zorg", "welzijn"] == 0
    assert d.mixing_weighted.loc["zorg", "zorg"] == 18
    assert sorted(d.top_pairs()) == [("welzijn", "inwoners", 1), ("zorg", "inwoners", 1)]


def test_participation_coefficient():
    # star hub H: partners zorg, zorg, inwoners, wonen -> 1 - (1/2^2 + 1/4^2 + 1/4^2)
    d = domain_mixing(GRAPHS["star"]())
    a = d.per_actor.set_index("id")
    assert a.loc["H", "participation"] == pytest.approx(1 - (0.25 + 0.0625 + 0.0625))
    assert a.loc["L1", "participation"] == 0


def test_density_per_wijk():
    w = domain_mixing(GRAPHS["barbell"]()).per_wijk.set_index("wijk")
    # Oost: Z1-Z4 and X (5 actors), ties: 6 inside zorg + Z1-X = 7 of 10 pairs
    assert w.loc["Oost", "n_ties"] == 7 and w.loc["Oost", "density"] == pytest.approx(0.7)
    assert w.loc["Zuid", "density"] == 1.0


def test_unknown_domains_are_kept_out_of_ei():
    net = make_network([("A", "B"), ("B", "C"), ("C", "A")], {"A": "zorg", "B": "zorg"})
    d = domain_mixing(net)
    assert d.n_ties_known == 1 and d.ei == -1
    assert UNKNOWN in d.domains
    assert math.isnan(d.per_actor.set_index("id").loc["C", "ei"])


def test_ei_index_helper():
    assert ei_index(0, 0) != ei_index(0, 0)  # NaN
    assert ei_index(1, 3) == -0.5


def test_no_domains_at_all():
    d = domain_mixing(GRAPHS["no_domains"]())
    assert d.n_ties_known == 0 and math.isnan(d.ei)
    assert "geen relaties" in d.explain()


def test_summary_contract():
    d = domain_mixing(GRAPHS["barbell"]())
    s = d.summary("nl")
    assert s.id == "domains" and s.title == "Samenwerking tussen domeinen"
    assert [(n.value, n.label) for n in s.numbers] == [("-0,71", "E-I-index"),
                                                        ("14%", "tussen domeinen")]
    heat = s.charts[0]
    assert heat.kind == "heatmap" and heat.kwargs["row_colours"] == list(d.domains)
    assert heat.args[0] == list(d.domains)  # Dutch labels are the codes
    assert "zorg – zorg: 6;" in heat.alt  # counts, not "6,00"
    assert s.chart_data[0].rows[0][0] == d.domains[0] and s.chart_data[0].row_domains == d.domains
    assert s.tables[0].total == len(d.per_domain)
    (finding,) = s.findings
    assert (finding.head, finding.priority) == ("Tussen domeinen", 60)
    en = d.summary("en")
    assert en.findings[0].head == "Across domains" and en.charts[0].args[0][0] != "zorg"


def test_explain_in_both_languages_with_decimal_comma_in_dutch():
    d = domain_mixing(GRAPHS["barbell"]())
    assert "E-I-index -0,71" in d.explain("nl") and "E-I index -0.71" in d.explain("en")
    assert "Welzijn is het meest naar binnen gericht (E-I -0,71)." in d.explain("nl")
    assert "Welfare looks most inward (E-I -0.71)." in d.explain("en")


def test_one_tie_is_singular():
    d = domain_mixing(make_network([("A", "B")], domains={"A": "zorg", "B": "welzijn"}))
    assert d.explain("nl").startswith("100% van de 1 relatie gaat")
    assert d.explain("en").startswith("100% of the 1 tie crosses")
