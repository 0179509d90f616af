"""Reference models: the bundled one loads; user YAML is validated with clear messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from wijkgraph.analysis.run import analyse
from wijkgraph.errors import WijkgraphError
from wijkgraph.reference import (
    ReferenceModelError,
    load_reference,
    parse_reference,
    reference_names,
)
from wijkgraph.sources.bundled import load_dataset

GOOD = """\
name: mini
roles:
  - id: huisarts
    label: {nl: huisarts, en: GP}
    domain: zorg
    match: [huisarts]
  - id: buurtteam
    label: buurtteam
    domain: welzijn
    match: buurtteam
pairs:
  - roles: [huisarts, buurtteam]
"""


def test_bundled_model_is_complete():
    model = load_reference("utrecht-basis")
    assert "utrecht-basis" in reference_names()
    for role in model.roles:
        assert role.label_nl and role.label_en and role.domain and role.match
        assert role.why_nl and role.why_en and role.source
    for wanted in ("huisarts", "wijkagent", "apotheek", "ggz", "wijkverpleging", "buurtteam",
                   "sociaal-makelaar", "jongerenwerk", "woningcorporatie", "wijkbureau",
                   "sportclub", "wijk-boa", "school", "bewonersinitiatief",
                   "buurtverbinder", "stadsbedrijven", "beheergroep", "buurtcentrum"):
        assert wanted in model.role_ids
    pairs = {frozenset(p.roles) for p in model.pairs}
    for a, b in (("huisarts", "buurtteam"), ("wijkagent", "buurtteam"),
                 ("woningcorporatie", "buurtteam"), ("huisarts", "sociaal-makelaar"),
                 ("jongerenwerk", "wijkagent")):
        assert frozenset((a, b)) in pairs


def test_user_file(tmp_path: Path):
    path = tmp_path / "mini.yaml"
    path.write_text(GOOD, encoding="utf-8")
    model = load_reference(str(path))
    assert model.role_ids == ("huisarts", "buurtteam")
    assert model.role("huisarts").label_en == "GP"
    assert model.role("buurtteam").match == ("buurtteam",)
    result = analyse(load_dataset("utrecht-oost"), reference=str(path))
    assert set(result.missing_parties.to_frame()["role"]) == {"huisarts", "buurtteam"}


@pytest.mark.parametrize(("text", "message"), [
    ("roles: [", "line 1: this is not valid YAML"),
    ("- a\n- b\n", "line 1: the model must consist of keys (name, roles, pairs, triads), not of "
                   "a list."),
    ("name: x\n", "line 1, key '/': 'roles' is missing."),
    ("roles:\n  - id: huisarts\n    domain: zorg\n    mach: [huisarts]\n",
     "line 4: unknown key 'roles[0].mach'. Did you mean 'match'?"),
    ("roles:\n  - id: huisarts\n    domain: zorg\n    match: []\n",
     "line 4, key 'roles[0].match': the list is empty."),
    ("roles:\n  - id: Huis Arts\n    domain: zorg\n    match: [x]\n",
     "line 2, key 'roles[0].id': id 'Huis Arts' may only hold lowercase letters"),
    ("roles:\n  - {id: a, domain: zorg, match: [a]}\n  - {id: a, domain: zorg, match: [b]}\n",
     "line 3, key 'roles[1].id': role id 'a' is already used."),
    ("roles:\n  - {id: huisarts, domain: zorg, match: [h]}\npairs:\n  - roles: [huisarts, "
     "buurtteem]\n", "line 4, key 'pairs[0].roles[1]': role 'buurtteem' is not listed under "
                     "'roles'."),
    ("roles:\n  - {id: a, domain: zorg, match: [a]}\nthresholds: {min_ties: -1}\n",
     "key 'thresholds.min_ties': '-1' is not a whole number of 0 or more."),
    ("roles:\n  - {id: a, domain: zorg, match: [a]}\ntriads:\n  - {id: t, hub: a, roles: [a]}\n",
     "a triad names at least two corner roles."),
])
def test_bad_files_name_line_key_and_fix(text, message):
    with pytest.raises(ReferenceModelError) as info:
        parse_reference(text, file="mijn-model.yaml")
    assert isinstance(info.value, WijkgraphError)
    english = info.value.describe("en")
    assert english.startswith("Error: mijn-model.yaml: ")
    assert message in english
    assert info.value.describe("nl").startswith("Fout: mijn-model.yaml: ")


def test_all_problems_at_once():
    text = "roles:\n  - {id: a, domain: zorg}\n  - {id: b, match: [b]}\n"
    with pytest.raises(ReferenceModelError) as info:
        parse_reference(text, file="m.yaml")
    assert len(info.value.problems) == 2


def test_unknown_name():
    with pytest.raises(ReferenceModelError, match="Unknown reference model 'utrecht-basic'"):
        load_reference("utrecht-basic")


@pytest.mark.parametrize(("text", "nl", "en"), [
    ("- a\n", "niet uit een lijst.", "not of a list."),
    ("roles:\n  - 5\n", "verwacht sleutels (id, label, domain, match), gevonden '5'.",
     "expected keys (id, label, domain, match), found '5'."),
    ("name: x\n", "'roles' ontbreekt. Zet onder 'roles:' de rollen die een wijk hoort te hebben.",
     "'roles' is missing. List the roles a wijk should have under 'roles:'."),
    ("roles:\n  - {id: a, domain: zorg, match: [a]}\nthresholds: {min_ties: x}\n",
     "'x' is geen geheel getal van 0 of meer.", "'x' is not a whole number of 0 or more."),
])
def test_messages_are_whole_in_both_languages(text, nl, en):
    with pytest.raises(ReferenceModelError) as info:
        parse_reference(text, file="m.yaml")
    assert info.value.describe("nl").endswith(nl)
    assert info.value.describe("en").endswith(en)


def test_labels_in_both_languages():
    role = load_reference().role("huisarts")
    assert (role.label("nl"), role.label("en")) == ("huisarts", "general practitioner")
    assert load_reference().title("en")


# --- the general model, extensions and composition ---------------------------------------

#: What any Dutch wijk needs (issue 12): role ids of wijk-algemeen.
GENERAL_ROLES = {
    "huisarts", "poh-ggz", "apotheek", "fysiotherapeut", "wijkverpleging", "ggz", "buurtteam",
    "sociaal-makelaar", "jongerenwerk", "ouderenadvies", "schuldhulp", "werk-inkomen",
    "wijkagent", "wijk-boa", "woningcorporatie", "huurdersorganisatie", "school",
    "kinderopvang", "bibliotheek", "buurtcentrum", "sportclub", "religieuze-organisatie",
    "migrantenorganisatie", "voedselbank", "bewonersinitiatief"}
#: Words that only make sense with the Utrecht Oost survey or Utrecht's own organisations.
LOCAL_WORDS = ("peiling", "survey", "dock", "jou", "u-centraal", "ssh", "student", "utrecht",
               "driehoek", "stadsbedrijven")


def test_general_model_stands_on_its_own():
    model = load_reference("wijk-algemeen")
    assert set(model.role_ids) >= GENERAL_ROLES
    assert model.parts == ("wijk-algemeen",) and not model.triads
    for role in model.roles:
        assert role.label_nl and role.label_en and role.domain and role.match and role.source
        assert role.why_nl.endswith(".") and role.why_en.endswith("."), role.id
        for text in (role.why_nl, role.why_en):
            assert not any(w in text.casefold() for w in LOCAL_WORDS), (role.id, text)
    known = set(model.role_ids)
    for pair in model.pairs:
        assert set(pair.roles) <= known and pair.why_nl and pair.why_en and pair.source
        for text in (pair.why_nl, pair.why_en):
            assert not any(w in text.casefold() for w in LOCAL_WORDS), (pair.roles, text)
    assert not {"studentenhuisvesting", "studentenorganisatie", "stadsbedrijven"} & known


def test_utrecht_basis_extends_the_general_model():
    general, basis = load_reference("wijk-algemeen"), load_reference("utrecht-basis")
    assert basis.parts == ("wijk-algemeen", "utrecht-basis")
    assert basis.role_ids[:len(general.roles)] == general.role_ids  # same order, then Utrecht's
    assert set(basis.role_ids) - set(general.role_ids) == {"buurtverbinder", "beheergroep",
                                                           "stadsbedrijven"}
    # refining a role adds words and names, and keeps the rest
    maker = basis.role("sociaal-makelaar")
    assert maker.names == ("DOCK",) and "smo" in maker.match
    assert set(general.role("sociaal-makelaar").match) < set(maker.match)
    assert maker.domain == "welzijn" and maker.source == general.role("sociaal-makelaar").source
    assert basis.role("woningcorporatie").names[-2:] == ("Mitros", "Bo-Ex")
    assert basis.role("wijkbureau").label_en == "district office"
    assert [t.id for t in basis.triads] == ["driehoek"]
    assert len(basis.pairs) == len(general.pairs) + 1


def test_utrecht_oost_adds_the_survey_specifics_and_composes():
    oost = load_reference("utrecht-oost")
    assert oost.parts == ("wijk-algemeen", "utrecht-basis", "utrecht-oost")
    extra = set(oost.role_ids) - set(load_reference("utrecht-basis").role_ids)
    assert extra == {"studentenhuisvesting", "studentenorganisatie", "welcome-centre",
                     "science-park", "roc"}
    both = load_reference("wijk-algemeen,utrecht-oost")
    assert both.role_ids == oost.role_ids and both.pairs == oost.pairs
    assert both.name == "wijk-algemeen,utrecht-oost"


def test_user_extension_file_beside_its_base(tmp_path):
    (tmp_path / "stad.yaml").write_text(
        "extends: wijk-algemeen\nname: stad\nthresholds: {min_ties: 2}\nroles:\n"
        "  - id: huisarts\n    names: [Medisch Centrum Noord]\n"
        "  - {id: taalcafe, label: taalcafé, domain: welzijn, match: [taalcafe]}\n"
        "pairs:\n  - roles: [taalcafe, bibliotheek]\n", encoding="utf-8")
    (tmp_path / "wijk.yaml").write_text("extends: stad.yaml\n", encoding="utf-8")
    model = load_reference(str(tmp_path / "wijk.yaml"))
    assert model.parts == ("wijk-algemeen", "stad", "wijk")
    assert model.min_ties == 2 and model.role_ids[-1] == "taalcafe"
    assert model.role("huisarts").names == ("Medisch Centrum Noord",)
    assert frozenset(("taalcafe", "bibliotheek")) in {frozenset(p.roles) for p in model.pairs}


def test_extension_errors_still_name_line_and_key():
    with pytest.raises(ReferenceModelError) as info:
        parse_reference("extends: wijk-algemene\n", file="m.yaml")
    assert "Unknown reference model 'wijk-algemene'" in info.value.describe("en")
    with pytest.raises(ReferenceModelError) as info:
        parse_reference("extends: wijk-algemeen\npairs:\n  - roles: [huisarts, taalcafe]\n",
                        file="m.yaml")
    assert "line 3, key 'pairs[0].roles[1]': role 'taalcafe' is not listed" in \
        info.value.describe("en")
    # a new role (id not in the base) still needs domain and match
    with pytest.raises(ReferenceModelError, match="'domain' is missing"):
        parse_reference("extends: wijk-algemeen\nroles:\n  - {id: nieuw, match: [x]}\n")


def test_none_is_a_model_without_roles():
    assert load_reference("none").roles == () and load_reference("None").name == "none"
