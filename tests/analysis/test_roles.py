"""Role recognition: role column first, whole-word name matching, Dutch variants."""

from __future__ import annotations

import pytest

from tests.analysis._gapnets import net
from wijkgraph.analysis.roles import RoleMatcher, recognise_roles
from wijkgraph.reference import load_reference

MATCHER = RoleMatcher(load_reference())


@pytest.mark.parametrize(("name", "role"), [
    ("Huisarts Oost", "huisarts"),
    ("Huisartsen Lunetten", "huisarts"),
    ("Huisartsenpraktijk De Linie", "huisarts"),
    ("Gezondheidscentrum Oog in Al", "huisarts"),
    ("Wijkagent Overvecht", "wijkagent"),
    ("Politie Utrecht, basisteam Oost", "wijkagent"),
    ("Apotheek Lunetten", "apotheek"),
    ("Apothekers Oost", "apotheek"),
    ("GGZ-team Oost", "ggz"),
    ("SterkZorg", "wijkverpleging"),
    ("Fysiotherapeut Jansen", "fysiotherapeut"),
    ("Diëtist Oost", "dietist"),
    ("Psychologenpraktijk Zuid", "psycholoog"),
    ("Buurtteam Oost-Noord", "buurtteam"),
    ("Sociaal makelaars DOCK", "sociaal-makelaar"),
    ("DOCK Oost", "sociaal-makelaar"),
    ("Stichting JOU", "jongerenwerk"),
    ("Mitros", "woningcorporatie"),
    ("Bo-Ex", "woningcorporatie"),
    ("Wijkbureau Oost", "wijkbureau"),
    ("Hockeyclub Maarschalkerweerd", "sportclub"),
    ("Wijk-BOA Oost", "wijk-boa"),
    ("Basisschool De Regenboog", "school"),
    ("Buurtverbinder Oudwijk", "buurtverbinder"),
    ("Stadsbedrijven", "stadsbedrijven"),
    ("Beheergroep De Leeuw", "beheergroep"),
    ("Buurthuis Abstede", "buurtcentrum"),
])
def test_dutch_name_variants(name, role):
    assert role in [r for r, _ in MATCHER.find(name)]


@pytest.mark.parametrize("name", [
    "Huisartsenlaan 12", "Buurtfeest Huisartsenlaan", "Politiebureau Oost",
    "Hogeschool Utrecht", "Dockside Café", "Apotheekstraat", "Wijkagenda Oost",
])
def test_non_matches(name):
    assert MATCHER.find(name) == []


def test_address_and_description_are_not_read():
    n = net([{"name": "Buurtcafé De Hoek", "description": "Huisartsenlaan 4, naast de huisarts"},
             {"name": "Team Zuid", "role": "huisarts"}])
    r = recognise_roles(n)
    assert r.actors_of("huisarts") == ("Team Zuid",)
    assert "Buurtcafé De Hoek" in r.unassigned


def test_role_column_wins_and_geen_rol():
    n = net([{"name": "Beheergroep Buurtcentrum De Leeuw", "role": "beheergroep"},
             {"name": "Huisartsen-overleg Oost", "role": "geen rol"},
             {"name": "Praktijk Zuid", "role": "Huisarts"}])
    r = recognise_roles(n)
    assert r.roles_of("Beheergroep Buurtcentrum De Leeuw") == ("beheergroep",)
    assert r.roles_of("Huisartsen-overleg Oost") == ()
    assert r.roles_of("Praktijk Zuid") == ("huisarts",)
    frame = r.to_frame().set_index("actor")
    assert frame.loc["Praktijk Zuid", "via"] == "role"


def test_several_roles_and_unknown_role_text_falls_back_to_name():
    n = net([{"name": "Gezondheidscentrum en Apotheek Lunetten", "role": "praktijk"}])
    r = recognise_roles(n)
    assert set(r.roles_of("Gezondheidscentrum en Apotheek Lunetten")) == {"huisarts", "apotheek"}
    assert set(r.to_frame()["via"]) == {"name"}


def test_frame_has_no_words_and_summary_translates():
    n = net([{"name": "Team Zuid", "role": "huisarts"}, {"name": "Buurtcafé"},
             {"name": "Wijkagent Oost"}])
    r = recognise_roles(n)
    assert "label" not in r.to_frame().columns
    assert r.table("en").set_index("actor").loc["Team Zuid", "label"] == "general practitioner"
    nl, en = r.summary("nl"), r.summary("en")
    assert (nl.id, nl.title, en.title) == ("roles", "Herkende rollen", "Recognised roles")
    assert nl.intro[0].startswith("2 actoren vervullen 2 van de ")
    assert "1 actor heeft geen rol uit het model." in nl.intro[0]
    assert en.intro[0].startswith("2 actors play 2 of the ")
    assert "1 actor has no reference role." in en.intro[0]
    assert nl.items[0].head == "Geen rol uit het model" and nl.items[0].text == "Buurtcafé"
    via = {row[0]: row[4] for row in nl.tables[0].rows}
    assert via == {"Team Zuid": "rol", "Wijkagent Oost": "naam, onzeker"}
    assert "Een rol die alleen uit de naam blijkt, is onzeker" in nl.intro[0]
    frame = r.to_frame().set_index("actor")
    assert frame.loc["Team Zuid", "certain"] and not frame.loc["Wijkagent Oost", "certain"]
    assert "A role found in the name alone is uncertain" in en.intro[0]


GENERAL = RoleMatcher(load_reference("wijk-algemeen"))


@pytest.mark.parametrize(("name", "role"), [
    ("Moskee Al Fourkaan", "religieuze-organisatie"),
    ("Protestantse Gemeente Lunetten", "religieuze-organisatie"),
    ("Parochie St. Martinus", "religieuze-organisatie"),
    ("Voedselbank Zuid", "voedselbank"),
    ("Bibliotheek Oost", "bibliotheek"),
    ("Vluchtelingenwerk Midden-Nederland", "migrantenorganisatie"),
    ("Schuldhulpmaatje Utrecht", "schuldhulp"),
    ("Werkplein Zuid", "werk-inkomen"),
    ("UWV", "werk-inkomen"),
    ("Kinderdagverblijf Het Bolletje", "kinderopvang"),
    ("Buurtsportcoach Zuid", "sportclub"),
    ("POH-GGZ De Linie", "poh-ggz"),
    ("Buurtzorg Team Lunetten", "wijkverpleging"),
    ("Huurdersvereniging Lunetten", "huurdersorganisatie"),
])
def test_general_model_roles(name, role):
    assert [r for r, _ in GENERAL.find(name)] == [role]


@pytest.mark.parametrize(("name", "role"), [
    # the type word wins over the corporation's proper name inside it
    ("Bewonerscommissie Mitros Lunetten", "huurdersorganisatie"),
    ("Bewonerscommissie Portaal Hoograven", "huurdersorganisatie"),
    ("Huisartsenpraktijk DOCKlaan", "huisarts"),  # not a proper name: DOCKlaan is one word
    ("Jongerenwerk Stichting JOU", "jongerenwerk"),
    # the longest phrase wins where phrases overlap
    ("POH-GGZ Huisartsen Oost", "poh-ggz"),
    ("Jeugd GGZ Oost", "jeugdhulp"),
])
def test_type_word_wins_over_brand_and_longest_phrase(name, role):
    found = [r for r, _ in MATCHER.find(name)]
    assert found[0] == role
    assert "woningcorporatie" not in found and ("ggz" not in found)


def test_brand_alone_still_recognised_and_utrecht_oost_extension():
    assert MATCHER.find("Mitros") == [("woningcorporatie", "mitros")]
    assert MATCHER.find("SSH Oost") == []  # student housing is Oost's, not every wijk's
    oost = RoleMatcher(load_reference("utrecht-oost"))
    assert oost.find("SSH Oost") == [("studentenhuisvesting", "ssh")]
    assert oost.find("ROC Midden Nederland") == [("roc", "roc midden nederland")]


def test_role_column_first_even_when_the_name_holds_another_brand():
    n = net([{"name": "Mitros Bewonerscommissie", "role": "bewonerscommissie"},
             {"name": "Bewonerscommissie Mitros Oost"}])
    r = recognise_roles(n)
    assert r.roles_of("Mitros Bewonerscommissie") == ("huurdersorganisatie",)
    assert r.roles_of("Bewonerscommissie Mitros Oost") == ("huurdersorganisatie",)
    frame = r.to_frame().set_index("actor")
    assert frame.loc["Mitros Bewonerscommissie", "via"] == "role"
    assert frame.loc["Bewonerscommissie Mitros Oost", "via"] == "name"


def test_fit_is_the_share_of_actors_with_a_role():
    n = net([{"name": "Huisarts Oost"}, {"name": "Buurtteam Oost"}, {"name": "Jan"},
             {"name": "Piet"}, {"name": "Klaas"}])
    r = recognise_roles(n)
    assert (r.n_actors, r.n_matched) == (5, 2)
    assert r.fit == pytest.approx(2 / 5)
    assert r.to_dict()["fit"] == 0.4
