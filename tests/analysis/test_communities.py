"""Louvain communities: the obvious split, labels, determinism."""

from __future__ import annotations

from tests.graphs import GRAPHS
from wijkgraph.analysis.communities import communities, community_label


def test_barbell_splits_into_the_two_cliques():
    c = communities(GRAPHS["barbell"]())
    f = c.to_frame()
    assert f["size"].tolist() == [5, 4]  # the broker X joins one of the two (equal) sides
    groups = [set(m) - {"X"} for m in f["members"]]
    assert sorted(map(sorted, groups)) == [["W1", "W2", "W3", "W4"], ["Z1", "Z2", "Z3", "Z4"]]
    assert set(f["label_nl"]) == {"vooral zorg in Oost", "vooral welzijn in Zuid"}
    assert set(f["label_en"]) == {"mostly care in Oost", "mostly welfare in Zuid"}
    assert sorted(map(tuple, f["themes"])) == [("eenzaamheid",), ("gezondheid",)]
    assert c.membership["Z3"] != c.membership["W3"]
    assert 0.4 < c.modularity < 0.5
    assert "2 groepen" in c.explain() and "2 groups" in c.explain("en")


def test_same_seed_same_communities():
    net = GRAPHS["kite"]()
    assert communities(net, seed=3).membership == communities(net, seed=3).membership


def test_isolates_are_singletons():
    c = communities(GRAPHS["disconnected"]())
    assert (c.to_frame()["size"] == 1).sum() == 1
    assert "geen relatie" in c.explain()


def test_label_two_domains_and_wijk():
    assert community_label(["welzijn", "inwoners"], ["Oost"]) == "vooral welzijn en inwoners in Oost"
    assert community_label(["welzijn", "inwoners"], [], "en") == "mostly welfare and residents"


def test_one_isolate_is_singular_in_both_languages():
    c = communities(GRAPHS["disconnected"]())
    assert c.explain("nl").endswith(" 1 actor heeft geen relatie.")
    assert c.explain("en").endswith(" 1 actor has no tie.")


def test_summary_contract():
    c = communities(GRAPHS["barbell"]())
    s = c.summary("en")
    assert s.id == "communities" and s.title == "Communities"
    assert s.numbers[0].label == "modularity" and s.numbers[0].value == f"{c.modularity:.2f}"
    assert c.summary("nl").numbers[0].value == f"{c.modularity:.2f}".replace(".", ",")
    first = s.items[0]
    assert first.head == "Group 1 (5)" and first.text.startswith(c.label(1, "en") + ". ")
    assert first.colour in ("zorg", "welzijn")  # a domain code; the renderer colours it
    assert c.summary("nl").items[0].head == "Groep 1 (5)"
    table = s.tables[0]
    assert "members" not in table.columns and len(table.rows) == 2
    # domain names in the table in the report's language
    assert "care" in " ".join(r[2] for r in table.rows)
    assert "zorg" in " ".join(r[2] for r in c.summary("nl").tables[0].rows)
