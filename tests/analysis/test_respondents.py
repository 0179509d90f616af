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
