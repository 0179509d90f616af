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


# --- round 2 (issue 14): what the first pseudonymiser missed -------------------------------

import pytest  # noqa: E402

from wijkgraph.model.privacy import clean_role, safe_file_name, strip_contact  # noqa: E402
from wijkgraph.sources.loading import load  # noqa: E402


@pytest.mark.parametrize("text", [
    "06\u201112345678", "06\u201012345678", "06\u201312345678", "06\u221212345678",
    "030\u00a0123\u00a04567", "030\u202f123\u202f4567", "+31\u00a0(0)6\u2011123\u00a045678",
    "jan [at] dock.nl", "jan(at)dock(dot)nl", "jan at dock.nl", "jan [at] dock [dot] nl",
    "jan{at}dock.nl", "jan @ dock.nl", "jan\uff20dock.nl", "jan (apenstaartje) dock.nl",
])
def test_scrub_catches_unicode_phones_and_obfuscated_mail(text: str) -> None:
    assert scrub_contact(f"Bel of mail: {text}.", replacement="X") == "Bel of mail: X."


@pytest.mark.parametrize("text", [
    "In 2019-2024 waren er 27 respondenten.", "Sinds 12-03-2024 om 14.30 uur",
    "kijk at home", "werk at school. Daarna", "Postcode 3581 AB",
])
def test_scrub_keeps_ordinary_text(text: str) -> None:
    assert scrub_contact(text) == text


def test_role_is_cleaned_before_it_becomes_the_pseudonym() -> None:
    actors = pd.DataFrame({
        "name": ["Jan Smit", "Bo", "DOCK"], "type": ["persoon", "persoon", "organisatie"],
        "role": ["wijkagent <jan.smit@politie.nl> 06\u201112345678",
                 "vrijwilliger, tel. 030 123 4567 (Bo)", ""]})
    relations = pd.DataFrame({"source": ["Jan Smit"], "target": ["DOCK"]})
    net = pseudonymise(build_network(tables_from_frames(actors, relations)))
    assert sorted(net.actors["name"]) == ["DOCK", "Vrijwilliger 1", "Wijkagent 1"]
    assert sorted(net.actors["id"]) == ["DOCK", "vrijwilliger-1", "wijkagent-1"]
    assert clean_role("Wijkagent (e-mail: a@b.nl)") == "wijkagent"
    assert strip_contact("JOU (mail: ans(at)jou(dot)nl), DOCK") == "JOU, DOCK"


def test_themes_meetings_areas_names_of_others_and_short_names_are_cleaned() -> None:
    actors = pd.DataFrame({
        "id": ["p1", "p2", "org"], "name": ["Jan Smit", "Bo", "Praktijk Smit"],
        "type": ["persoon", "persoon", "organisatie"], "role": ["", "", ""],
        "themes": ["Jan Smit's moestuin; armoede", "", "zorg voor Bo"],
        "wijk": ["Oost", "", "Straat van Bo"],
        "description": ["", "", "Bo komt; bo is ook een woord"]})
    relations = pd.DataFrame({"source": ["p1", "p2"], "target": ["org", "org"],
                              "theme": ["tuin van jan smit", "bo"]})
    meetings = pd.DataFrame({"id": ["Overleg bij Jan Smit", "wt"],
                             "name": ["Tafel van Jan Smit", "Wijktafel"],
                             "theme": ["tuin van Bo", "armoede"],
                             "wijk": ["Straat van Jan Smit", "Oost"]})
    participation = pd.DataFrame({"actor": ["p1", "org"],
                                  "meeting": ["Overleg bij Jan Smit", "wt"]})
    net = pseudonymise(build_network(tables_from_frames(actors, relations, meetings,
                                                        participation)))
    a = net.actors.set_index("id")  # Jan Smit (p1) is Persoon 1, Bo (p2) Persoon 2
    assert a.loc["persoon-1", "themes"] == ("Persoon 1's moestuin", "armoede")
    assert a.loc["org", "name"] == "Praktijk Persoon 1"  # a surname in another name
    assert a.loc["org", "themes"] == ("zorg voor Persoon 2",)
    assert a.loc["org", "wijk"] == ("Straat van Persoon 2",)
    m = net.tables.meetings.set_index("id")
    assert list(m.index) == ["Overleg bij Persoon 1", "wt"]
    assert m.loc["Overleg bij Persoon 1", "name"] == "Tafel van Persoon 1"
    assert m.loc["Overleg bij Persoon 1", "theme"] == ("tuin van Persoon 2",)
    assert m.loc["Overleg bij Persoon 1", "wijk"] == ("Straat van Persoon 1",)
    assert set(net.tables.participation["meeting"]) == {"Overleg bij Persoon 1", "wt"}
    # themes are stored in lower case: names match there ignoring case
    assert net.tables.relations["theme"].tolist() == ["tuin van Persoon 1", "Persoon 2"]
    # in text with capitals a two-letter name matches only with its own case
    assert a.loc["org", "description"] == "Persoon 2 komt; bo is ook een woord"


def test_source_and_file_names_are_not_kept(tmp_path) -> None:
    folder = tmp_path / "home-jsmit"
    folder.mkdir()
    (folder / "actoren.csv").write_text("naam;type;domein\nJan Smit;persoon;onbekend\n"
                                        "DOCK;organisatie;welzijn\n", encoding="utf-8")
    (folder / "relaties.csv").write_text("van;naar\nJan Smit;DOCK\n", encoding="utf-8")
    net = pseudonymise(load(folder))
    assert net.meta["source"] == "" and net.meta["name"] == "gepseudonimiseerd netwerk"
    assert analyse(net).meta["source"] == ""
    assert [w.file for w in net.warnings] == ["actoren.csv"]  # a table's own name stays
    assert safe_file_name("netwerk-jan-smit.xlsx") == "invoer.xlsx"
    assert analyse(load(folder)).meta["source"] == "home-jsmit"  # the name, not the path


def test_several_contact_columns_are_one_private_column() -> None:
    from pathlib import Path

    net = load(Path(__file__).parent / "data" / "bad" / "contact-columns")
    contact = dict(zip(net.actors["name"], net.actors["contact"], strict=True))
    assert contact == {"Jan Smit": "030 123 4567; jan@politie.nl; 06-12345678",
                       "DOCK": "info@dock.nl; 030 765 4321; dock@dock.nl",
                       "Buurtteam Oost": "06 8765 4321"}
    assert "website" in net.actors.columns
    assert not {"Telefoonnummer", "tel", "gsm", "mail", "Mobiel"} & set(net.actors.columns)


def test_a_surname_that_is_an_area_keeps_the_area() -> None:
    actors = pd.DataFrame({"name": ["Jan Oost", "Buurtteam Oost"],
                           "type": ["persoon", "team"], "wijk": ["Oost", "Oost"],
                           "description": ["", "Met Jan Oost in Oost"]})
    relations = pd.DataFrame({"source": ["Jan Oost"], "target": ["Buurtteam Oost"]})
    net = pseudonymise(build_network(tables_from_frames(actors, relations)))
    assert sorted(net.actors["name"]) == ["Buurtteam Oost", "Persoon 1"]
    assert set(net.actors["wijk"]) == {("Oost",)}
    described = dict(zip(net.actors["name"], net.actors["description"], strict=True))
    assert described["Buurtteam Oost"] == "Met Persoon 1 in Oost"


def _wave(persons: list[tuple[str, str]], note: str = "") -> object:
    actors = pd.DataFrame({"name": [n for n, _ in persons] + ["DOCK"],
                           "type": ["persoon"] * len(persons) + ["organisatie"],
                           "role": [r for _, r in persons] + ["sociaal makelaar"],
                           "description": [""] * len(persons) + [note]})
    relations = pd.DataFrame({"source": [n for n, _ in persons],
                              "target": ["DOCK"] * len(persons)})
    return build_network(tables_from_frames(actors, relations))


def test_waves_share_pseudonyms_first_wave_as_alone():
    # hand-worked: wave 1 alone numbers the buurtverbinders by id: Ans 1, Kees 2; wave 2
    # keeps Kees (still 2, also written "KEES"), adds Henk (the next number, 3), and DOCK's
    # note naming Ans (who is not in wave 2) still loses her name
    from wijkgraph.model.privacy import pseudonymise_together

    w1 = _wave([("Ans Bakker", "buurtverbinder"), ("Kees Smit", "buurtverbinder")])
    w2 = _wave([("KEES SMIT", "buurtverbinder"), ("Henk de Wit", "buurtverbinder")],
               note="opvolger van Ans Bakker")
    p1, p2 = pseudonymise_together([w1, w2])
    alone = pseudonymise(w1)
    assert dict(zip(p1.actors["id"], p1.actors["name"], strict=True)) == dict(
        zip(alone.actors["id"], alone.actors["name"], strict=True))
    names2 = dict(zip(w2.actors["name"], p2.actors["name"], strict=True))
    assert names2 == {"KEES SMIT": "Buurtverbinder 2", "Henk de Wit": "Buurtverbinder 3",
                      "DOCK": "DOCK"}
    assert sorted(p1.actors["name"]) == ["Buurtverbinder 1", "Buurtverbinder 2", "DOCK"]
    assert p2.actors.loc[p2.actors["name"] == "DOCK", "description"].item() == \
        "opvolger van Buurtverbinder 1"
