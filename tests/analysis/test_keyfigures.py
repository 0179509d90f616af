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
    assert set(k.scores.index) == set(net.graph.nodes)
    assert {"score", "rank", *MEASURES.values(), "effective_size", "constraint",
            "pagerank", "harmonic"} <= set(k.scores.columns)
    assert isinstance(k.reasons("X"), list) and k.reasons("nobody") == []


def test_barbell_ranking_and_score_hand_worked():
    k = key_figures(GRAPHS["barbell"]())
    s = k.scores
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
