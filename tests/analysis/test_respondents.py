"""Respondents' missed parties beside the network's missing-parties result (hand-made cases)."""

from __future__ import annotations

import pandas as pd

from wijkgraph.analysis.missing_parties import missing_parties
from wijkgraph.analysis.respondents import respondents_agreement
from wijkgraph.analysis.run import analyse
from wijkgraph.model.network import build_network
from wijkgraph.model.tables import tables_from_frames


def _net(missed):
    actors = pd.DataFrame({
        "name": ["Buurtteam", "DOCK", "Huisarts Jansen", "Wijkagent", "Apotheek", "JOU",
                 "Wijkbureau"],
        "role": ["buurtteam", "sociaal makelaar", "huisarts", "wijkagent", "apotheek",
                 "jongerenwerk", "wijkbureau"],
        "domain": ["welzijn", "welzijn", "zorg", "veiligheid", "zorg", "welzijn", "gemeente"],
    })
    # the wijkagent is well connected across domains; the huisarts only to the apotheek
    relations = pd.DataFrame({
        "source": ["Buurtteam", "Wijkagent", "Wijkagent", "Wijkagent", "Huisarts Jansen", "DOCK"],
        "target": ["DOCK", "Buurtteam", "JOU", "Wijkbureau", "Apotheek", "Wijkbureau"],
    })
    return build_network(tables_from_frames(actors, relations),
                         meta={"missed_by_respondents": missed})


MISSED = [
    {"name": "huisartsen", "count": 4, "roles": {"wijkverpleegkundige": 3, "buurtteam": 1}},
    {"name": "GGZ", "count": 2, "roles": {}},
    {"name": "de wijkagent", "count": 1, "roles": {"jongerenwerker": 1}},
    {"name": "Bakker Bart", "count": 1, "roles": {}},
]


def test_each_verdict_on_a_hand_made_network():
    net = _net(MISSED)
    result = respondents_agreement(net, missing_parties(net))
    frame = result.to_frame()
    got = {r.name: (r.role, r.network_status, r.verdict) for r in frame.itertuples()}
    assert got == {
        "huisartsen": ("huisarts", "peripheral", "confirmed"),  # tied only within zorg
        "GGZ": ("ggz", "absent", "confirmed"),
        "de wijkagent": ("wijkagent", "present", "not_confirmed"),  # 3 ties, 3 domains
        "Bakker Bart": ("", "", "unknown"),
    }
    assert frame["name"].tolist()[0] == "huisartsen"  # most often named first
    assert "wijkverpleegkundige (3)" in frame.loc[0, "respondent_roles"]
    assert "niet bevestigd" in result.explain("nl").lower() and "de wijkagent" in result.explain("nl")
    assert "confirms 2" in result.explain("en")


def test_analyse_adds_the_section_only_for_survey_networks():
    assert analyse(_net(MISSED)).respondents is not None
    assert analyse(_net([])).respondents is None
    data = analyse(_net(MISSED)).to_dict()
    assert data["respondents"]["counts"] == {"confirmed": 2, "not_confirmed": 1, "unknown": 1}


def test_frame_has_codes_and_the_table_words():
    result = respondents_agreement(_net(MISSED), missing_parties(_net(MISSED)))
    assert "reason" not in result.to_frame().columns
    assert set(result.to_frame()["verdict"]) == {"confirmed", "not_confirmed", "unknown"}
    table = result.table("en").set_index("name")
    assert table.loc["GGZ", "reason"] == ("named by 2 respondents; the network agrees: there is "
                                          "no mental health care in the network")
    assert result.table("nl").set_index("name").loc["de wijkagent", "reason"].startswith(
        "door 1 respondent genoemd; het netwerk bevestigt dit niet: wijkagent is goed verbonden")


def test_summary_is_a_proper_section_in_both_languages():
    """Once a generic "Overige analyse: respondents" with English headers (a fixed slip)."""
    result = respondents_agreement(_net(MISSED), missing_parties(_net(MISSED)))
    nl, en = result.summary("nl"), result.summary("en")
    assert nl.id == en.id == "respondents"
    assert nl.title == "Wie missen de respondenten?"
    assert en.title == "Who do the respondents miss?"
    assert nl.intro == (result.explain("nl"),)
    assert nl.tables[0].columns == ("genoemd als ontbrekend", "keer genoemd",
                                    "rollen van wie het noemde", "rol in het model",
                                    "in het netwerk", "oordeel", "waarom")
    rows = {r[0]: r for r in nl.tables[0].rows}
    assert rows["de wijkagent"][4:6] == ("aanwezig", "niet bevestigd")
    assert rows["Bakker Bart"][4:6] == ("", "onbekend")
    assert {r[0]: r for r in en.tables[0].rows}["GGZ"][4:6] == ("absent", "confirmed")


def test_report_shows_the_respondents_section():
    from wijkgraph.render.report import build_report

    net = _net(MISSED)
    report = build_report(net, analyse(net), lang="nl", draw=False)
    section = report.section("respondents")
    assert section is not None and section.title == "Wie missen de respondenten?"
    assert not any(s.title.startswith("Overige analyse") for s in report.sections)
