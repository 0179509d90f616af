"""Missing links: Driehoek sides, expected role pairs, predicted links with reasons."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.analysis._gapnets import net
from wijkgraph.analysis.missing_links import missing_links
from wijkgraph.analysis.triads import triads
from wijkgraph.sources.bundled import dataset_path, load_dataset

DRIEHOEK = [
    {"name": "Buurtcentrum De Leeuw", "role": "buurtcentrum", "wijk": "Noordwest"},
    {"name": "Stadsbedrijven Noordwest", "role": "stadsbedrijven", "wijk": "Noordwest"},
    {"name": "DOCK Noordwest", "role": "sociaal makelaar", "wijk": "Noordwest"},
    {"name": "Beheergroep De Leeuw", "role": "beheergroep", "wijk": "Noordwest"},
]


def test_driehoek_missing_its_beheergroep_side():
    n = net(DRIEHOEK, [("Stadsbedrijven Noordwest", "Buurtcentrum De Leeuw", "beheer"),
                       ("DOCK Noordwest", "Buurtcentrum De Leeuw", "beheer"),
                       ("Beheergroep De Leeuw", "Buurtcentrum De Leeuw", "beheer"),
                       ("Stadsbedrijven Noordwest", "DOCK Noordwest")])
    t = triads(n)
    assert [x.hub for x in t.incomplete()] == ["Buurtcentrum De Leeuw"]
    assert t.table("nl").loc[0, "missing"] == (
        "geen relatie Stadsbedrijven - beheergroep; geen relatie sociaal makelaar - beheergroep")
    ml = missing_links(n)
    triad_pairs = {frozenset((s.source, s.target)) for s in ml.of_kind("triad")}
    assert triad_pairs == {frozenset(("Beheergroep De Leeuw", "Stadsbedrijven Noordwest")),
                           frozenset(("Beheergroep De Leeuw", "DOCK Noordwest"))}
    assert all("Buurtcentrum De Leeuw" in s.reason_text("nl") for s in ml.of_kind("triad"))


def test_driehoek_without_beheergroep_and_without_beheer_kind():
    n = net(DRIEHOEK[:3], [("Stadsbedrijven Noordwest", "Buurtcentrum De Leeuw", "beheer"),
                           ("DOCK Noordwest", "Buurtcentrum De Leeuw", "samenwerking"),
                           ("Stadsbedrijven Noordwest", "DOCK Noordwest")])
    gaps = triads(n).items[0].gaps("nl")
    assert gaps == ["DOCK Noordwest zonder beheer-relatie", "geen beheergroep"]


def test_complete_driehoek_gives_no_triad_links():
    rel = [(a["name"], "Buurtcentrum De Leeuw", "beheer") for a in DRIEHOEK[1:]]
    rel += [("Stadsbedrijven Noordwest", "DOCK Noordwest"),
            ("DOCK Noordwest", "Beheergroep De Leeuw"),
            ("Stadsbedrijven Noordwest", "Beheergroep De Leeuw")]
    n = net(DRIEHOEK, rel)
    assert triads(n).items[0].complete
    assert missing_links(n).of_kind("triad") == ()


def _readme_incomplete() -> set[str]:
    text = (dataset_path("driehoek") / "README.md").read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith("Incomplete triangles:"))
    return {x.strip() for x in line.split(":", 1)[1].split(",")}


def test_driehoek_dataset_names_every_incomplete_buurtcentrum():
    network = load_dataset("driehoek")
    t = triads(network)
    assert {x.hub for x in t.incomplete()} == _readme_incomplete()
    text = t.explain("nl")
    for hub in _readme_incomplete():
        assert network.label(hub) in text


def test_expected_pair_huisarts_buurtteam():
    n = net([{"name": "Huisarts Oost", "domain": "zorg", "wijk": "Oost"},
             {"name": "Buurtteam Oost", "domain": "welzijn", "wijk": "Oost"},
             {"name": "Buurtteam Zuid", "domain": "welzijn", "wijk": "Zuid"}])
    ml = missing_links(n)
    expected = [(s.source, s.target, s.wijk) for s in ml.of_kind("expected")]
    assert expected == [("Buurtteam Oost", "Huisarts Oost", "Oost")]
    # the first reason is the model's own why-text for the pair (wijk-algemeen.yaml)
    assert ml.table("en").loc[0, "reasons"].startswith(
        "GP and neighbourhood team refer residents to each other; ")
    assert ml.table("nl").loc[0, "reasons"].startswith(
        "Huisarts en buurtteam verwijzen bewoners naar elkaar door; ")


def test_pair_without_why_text_still_names_the_pair(tmp_path):
    model = tmp_path / "kaal.yaml"
    model.write_text("roles:\n"
                     "  - {id: huisarts, label: {nl: huisarts, en: GP}, domain: zorg,"
                     " match: [huisarts]}\n"
                     "  - {id: buurtteam, label: buurtteam, domain: welzijn, match: [buurtteam]}\n"
                     "pairs:\n  - roles: [huisarts, buurtteam]\n", encoding="utf-8")
    n = net([{"name": "Huisarts Oost", "wijk": "Oost"}, {"name": "Buurtteam Oost", "wijk": "Oost"}])
    ml = missing_links(n, reference=str(model))
    assert ml.table("en").loc[0, "reasons"].startswith("expected pair GP - buurtteam")


def test_frame_interface_and_kinds():
    ml = missing_links(load_dataset("utrecht-oost"), top=5)
    frame = ml.to_frame()
    assert list(frame.columns) == ["source", "target", "source_name", "target_name", "kind",
                                   "score", "wijk", "context"]  # codes and numbers, no words
    assert list(ml.table("en").columns[:7]) == ["source", "target", "source_name",
                                                "target_name", "kind", "score", "reasons"]
    assert set(frame["kind"]) <= {"expected", "triad", "predicted"}
    assert (frame["kind"] == "predicted").sum() == 5
    assert len(ml.reasons("en")) == len(frame)
    pairs = [frozenset(p) for p in zip(frame["source"], frame["target"], strict=True)]
    assert len(set(pairs)) == len(pairs)
    g = load_dataset("utrecht-oost").graph
    assert not any(g.has_edge(s, t) for s, t in zip(frame["source"], frame["target"],
                                                     strict=True))
    d = ml.to_dict()
    assert {"source", "target", "kind", "score", "reasons"} <= set(d["items"][0])


def test_utrecht_oost_suggests_huisarts_and_wijkagent_links():
    ml = missing_links(load_dataset("utrecht-oost"))
    names = " ".join(f"{s.source} {s.target}" for s in ml.of_kind("expected"))
    assert "huisarts-oost-1" in names and "wijkagent-oost" in names
    reasons = ml.reasons("nl")
    assert any(re.search(r"\d+ gedeelde partners?", r) for r in reasons)
    assert any("verbindt" in r for r in reasons)


def test_one_actor_network():
    n = net([{"name": "A"}])
    assert missing_links(n).items == ()
    assert "Geen" in missing_links(n).explain("nl")


def test_docs_mention_every_section():
    doc = Path(__file__).resolve().parents[2] / "docs" / "analysis-json.md"
    text = doc.read_text(encoding="utf-8")
    for section in ("roles", "missing_parties", "missing_links", "themes", "triads", "meetings"):
        assert f"`{section}`" in text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_summary_lists_links_and_gives_the_best_one_to_the_glance(lang):
    ml = missing_links(load_dataset("utrecht-oost"), top=5)
    summary = ml.summary(lang, top=5)
    assert summary.id == "links"
    assert summary.title == {"nl": "Aanbevolen verbindingen", "en": "Suggested connections"}[lang]
    assert len(summary.items) == 10  # max(top, 10)
    assert summary.tables[0].total == len(ml.items) - 10
    (finding,) = summary.findings
    # the glance's "who should we talk to?": the first link of each kind, right after who is
    # missing (utrecht-oost has a triad gap, expected pairs and predicted links)
    first3 = [ml.of_kind(k)[0] for k in ("triad", "expected", "predicted")]
    assert first3[0] is ml.items[0]
    assert finding.priority == 95
    assert finding.actors == tuple(dict.fromkeys(a for s in first3 for a in (s.source, s.target)))
    assert finding.head == {"nl": "Met wie zouden we moeten praten?",
                            "en": "Who should we talk to?"}[lang]
    assert finding.text.count(" – ") == 3
    for s in first3:
        assert f"{s.source_name} – {s.target_name}" in finding.text
    tags = {i.tag for i in summary.items}
    assert tags <= {{"nl": "ontbrekende kant van de Driehoek", "en": "missing side of the Driehoek"
                     }[lang], {"nl": "verwachte verbinding", "en": "expected link"}[lang],
                    {"nl": "kansrijke nieuwe verbinding", "en": "promising new link"}[lang]}


def test_explain_counts_with_plurals():
    text = missing_links(load_dataset("utrecht-oost")).explain("en")
    assert "expected pairs" in text and "(s)" not in text


@pytest.mark.parametrize(("lang", "title", "head"), [
    ("nl", "De Driehoek per buurtcentrum", "De Driehoek"),
    ("en", "The Driehoek per community centre", "The Driehoek"),
])
def test_triads_summary_and_glance_finding(lang, title, head):
    t = triads(load_dataset("driehoek"))
    summary = t.summary(lang)
    assert (summary.id, summary.title) == ("triads", title)
    assert len(summary.items) == len(t.items)
    assert "missing" not in t.to_frame().columns  # words only in table() and summary()
    (finding,) = summary.findings
    assert finding.head == head and finding.priority == 90
    assert not finding.text.startswith(t.items[0].label(lang))
    assert finding.text[0].isupper() or finding.text[0].isdigit()


def test_no_hub_gives_an_empty_triads_section():
    assert triads(net([{"name": "A"}])).summary("nl").empty
