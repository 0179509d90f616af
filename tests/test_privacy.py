"""pseudonymise(): persons become role + number; no contact details anywhere."""

from __future__ import annotations

import pandas as pd

from wijkgraph.analysis.run import analyse
from wijkgraph.model.network import build_network
from wijkgraph.model.privacy import pseudonym_map, pseudonymise, scrub_contact
from wijkgraph.model.tables import tables_from_frames
from wijkgraph.render.report import render_report
from wijkgraph.sources.bundled import load_dataset


def people():
    actors = pd.DataFrame({
        "id": ["p-jan", "p-ans", "dock", "p-kees"],
        "name": ["Jan Smit", "Ans Jansen", "DOCK", "Kees"],
        "type": ["persoon", "persoon", "organisatie", "persoon"],
        "role": ["buurtverbinder", "buurtverbinder", "sociaal makelaar", ""],
        "description": ["", "", "Met Jan Smit en Ans Jansen; ans@example.nl", ""],
        "contact": ["06-12345678", "ans@example.nl", "info@dock.nl", ""],
    })
    relations = pd.DataFrame({"source": ["p-jan", "p-ans", "p-kees"],
                              "target": ["dock", "dock", "dock"],
                              "description": ["Jan Smit belt 030-1234567", "", ""]})
    return build_network(tables_from_frames(actors, relations))


def test_persons_become_role_and_number():
    net = pseudonymise(people())
    names = dict(zip(net.actors["id"], net.actors["name"], strict=True))
    assert names == {"buurtverbinder-2": "Buurtverbinder 2", "buurtverbinder-1": "Buurtverbinder 1",
                     "dock": "DOCK", "persoon-1": "Persoon 1"}
    # numbered in the order of the original ids: p-ans < p-jan
    assert pseudonym_map(people().actors)["p-ans"] == ("buurtverbinder-1", "Buurtverbinder 1")


def test_relations_and_graph_follow_the_new_ids():
    net = pseudonymise(people())
    assert set(net.graph.nodes) == {"buurtverbinder-1", "buurtverbinder-2", "dock", "persoon-1"}
    assert net.graph.has_edge("buurtverbinder-2", "dock")
    assert net.n_relations == 3


def test_no_contact_and_no_names_in_text():
    net = pseudonymise(people())
    assert set(net.actors["contact"]) == {""}
    text = " ".join(map(str, net.actors["description"])) + " ".join(
        map(str, net.tables.relations["description"]))
    for word in ("Jan Smit", "Ans Jansen", "ans@example.nl", "030-1234567"):
        assert word not in text
    assert "Buurtverbinder 2" in text


def test_stable():
    a, b = pseudonymise(people()), pseudonymise(people())
    assert a.actors["name"].tolist() == b.actors["name"].tolist()
    assert render_report(a, analyse(a)) == render_report(b, analyse(b))


def test_non_persons_untouched_and_flag_set():
    net = load_dataset("driehoek")
    pseudo = pseudonymise(net)
    orgs = net.actors[net.actors["type"] != "persoon"]
    assert set(orgs["name"]) <= set(pseudo.actors["name"])
    assert pseudo.meta["pseudonymised"] is True
    assert "Gepseudonimiseerd" in render_report(pseudo, analyse(pseudo))


def test_scrub_contact_keeps_years_and_counts():
    assert scrub_contact("In 2019 waren er 27 respondenten.") == "In 2019 waren er 27 respondenten."
    assert "verwijderd" in scrub_contact("+31 (0)30 123 4567")


def test_the_words_it_writes_follow_the_language_ids_do_not():
    nl, en = pseudonymise(people()), pseudonymise(people(), lang="en")
    assert nl.actors["id"].tolist() == en.actors["id"].tolist()
    names = dict(zip(en.actors["id"], en.actors["name"], strict=True))
    assert names["persoon-1"] == "Person 1"
    assert names["buurtverbinder-1"] == "Buurtverbinder 1"  # a role is data: as typed
    described = dict(zip(en.actors["id"], en.actors["description"], strict=True))
    assert described["dock"] == "Met Buurtverbinder 2 en Buurtverbinder 1; [contact removed]"
    assert "verwijderd" not in " ".join(map(str, en.tables.relations["description"]))
