"""Key figures: the combined score, the interface the map and report use, the reasons."""

from __future__ import annotations

import pytest

from tests.graphs import GRAPHS
from wijkgraph.analysis.keyfigures import MEASURES, key_figures, share_of_max


def test_interface_for_map_and_report():
    net = GRAPHS["barbell"]()
    k = key_figures(net, top=3)
    f = k.to_frame()
    assert {"id", "name", "domain", "score", "rank"} <= set(f.columns)
    assert f["rank"].tolist() == [1, 2, 3]
    assert f["score"].between(0, 1).all()
    assert set(k.per_actor.index) == set(net.graph.nodes)
    assert {"score", "rank", *MEASURES.values(), "effective_size", "constraint",
            "pagerank", "harmonic"} <= set(k.per_actor.columns)
    assert isinstance(k.reasons("X"), list) and k.reasons("nobody") == []


def test_barbell_ranking_and_score_hand_worked():
    k = key_figures(GRAPHS["barbell"]())
    s = k.per_actor
    # X: betweenness 16/28 (the max), strength 4 of max 11, cross-domain 2 (max),
    # cut-off 4 (max), meetings 1 of max 2
    assert s.loc["X", "betweenness"] == pytest.approx(16 / 28)
    assert s.loc["X", "score"] == pytest.approx((1 + 4 / 11 + 1 + 1 + 0.5) / 5)
    assert s.loc["Z1", "score"] == pytest.approx((15 / 16 + 1 + 0.5 + 0.75 + 1) / 5)
    assert list(k.to_frame()["id"][:3]) == ["Z1", "X", "W1"]


def test_reasons_in_dutch_and_english():
    k = key_figures(GRAPHS["barbell"]())
    nl = k.reasons("X")
    assert nl[0] == "enige verbinding van 4 partijen met de rest"
    assert nl[1] == "verbindt inwoners met welzijn en zorg (2 partijen buiten het eigen domein)"
    assert "zit in 1 overleg" in nl
    en = k.reasons("X", lang="en")
    assert en[0] == "the only link of 4 parties to the rest"
    assert "takes part in 1 meeting" in en
    assert "zit in 2 overleggen" in k.reasons("Z1")


def test_explain_is_meeting_ready():
    text = key_figures(GRAPHS["barbell"]()).explain()
    assert text.startswith("Sleutelfiguren") and "1. Z1" in text
    assert key_figures(GRAPHS["barbell"]()).explain("en").startswith("Key figures")
    assert "geen sleutelfiguren" in key_figures(GRAPHS["single"]()).explain()


def test_share_of_max():
    assert share_of_max(__import__("pandas").Series([0, 0])).tolist() == [0, 0]


def test_frame_has_no_words_and_json_has_the_reasons_in_its_language():
    k = key_figures(GRAPHS["barbell"](), top=3)
    assert not any(c.startswith("reasons") for c in k.to_frame().columns)
    for lang in ("nl", "en"):
        top = k.to_dict(lang)["key_figures"][0]
        assert top["reasons"] == k.reasons(top["id"], lang)
        assert "reasons_nl" not in top and "reasons_en" not in top


def test_reasons_plurals():
    # A - B - C - D: B and C each the only link of one party, two partners
    from tests.graphs import make_network

    k = key_figures(make_network([("A", "B"), ("B", "C"), ("C", "D")],
                                 {"A": "zorg", "B": "welzijn", "C": "zorg", "D": ""}))
    assert "enige verbinding van 1 partij met de rest" in k.reasons("B")
    assert "the only link of 1 party to the rest" in k.reasons("B", "en")
    assert any(r.startswith("heeft 1 samenwerkingspartner (") for r in k.reasons("A")) \
        or not k.reasons("A")


def test_summary_is_the_report_section():
    from wijkgraph.analysis.brokerage import brokerage

    net = GRAPHS["barbell"]()
    k = key_figures(net, top=3, brokerage=brokerage(net))
    nl, en = k.summary("nl", top=3), k.summary("en", top=3)
    assert (nl.id, nl.title, en.title) == ("key_figures", "Sleutelfiguren en makelaars",
                                           "Key figures and brokers")
    assert nl.intro[0].startswith("Deze 3 partijen houden het netwerk het meest bij elkaar.")
    assert en.intro[0].startswith("These 3 parties hold the network together the most.")
    assert nl.intro[1].startswith("Makelaars tussen domeinen")  # the brokers' explanation
    assert [i.head for i in nl.items] == ["1. Z1", "2. X", "3. W1"]
    assert nl.items[1].text == "; ".join(k.reasons("X"))
    assert nl.items[1].colour == "inwoners" and nl.items[1].tag == "inwoners"
    assert en.items[1].tag == "residents"
    chart = nl.charts[0]
    assert chart.kind == "bar_chart" and chart.kwargs["decimal"] == ","
    assert chart.kwargs["colours"] == ["zorg", "inwoners", "welzijn"]  # domain codes
    assert [t.caption for t in nl.tables] == [
        "De maten achter de score",
        "Makelaars: wie verbindt partijen die elkaar anders niet bereiken"]
    finding, = nl.findings
    assert finding.priority == 80 and finding.head == "Sleutelfiguren"
    assert finding.text.startswith("Z1, X, W1. Z1: ") and finding.actors == ("Z1", "X", "W1")
    # without a brokerage result the section has no brokers
    assert len(key_figures(net, top=3).summary("nl").tables) == 1


def test_summary_without_actors_or_ties():
    k = key_figures(GRAPHS["empty"]())
    s = k.summary("en")
    assert s.intro == (k.explain("en"),) == ("There are no key figures: the network has no ties.",)
    assert s.items == () and s.findings == ()
    # one actor: "Deze 1 partij houdt", not "Deze 1 partijen houden"
    one = key_figures(GRAPHS["single"]()).summary("nl")
    assert one.intro[0].startswith("Deze 1 partij houdt het netwerk het meest bij elkaar.")
