"""Survey import: a realistic Dutch forms export, name matching, review feedback, CLI."""

from __future__ import annotations

import time
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

import wijkgraph
from wijkgraph.cli import cli
from wijkgraph.errors import InputError
from wijkgraph.io.survey import (
    import_survey,
    mapping_yaml,
    propose_mapping,
    read_export,
    split_answer,
)
from wijkgraph.model.names import NameMatcher, normalise_name, similarity

SURVEY = Path(__file__).resolve().parents[1] / "data" / "good" / "survey"
FORMS = SURVEY / "microsoft-forms-nl.xlsx"


@pytest.fixture(scope="module")
def forms():
    return import_survey(FORMS)


# --- name matching ---------------------------------------------------------------------


@pytest.mark.parametrize("a, b", [
    ("Buurtteam Oost", "buurtteams oost"),   # case, plural
    ("Diëtisten", "dietist"),                # accent, plural in -en
    ("Stichting JOU", "JOU"),                # legal form
    ("Oost voor Elkaar", "Oost voor elkaar!"),  # punctuation
    ("U-centraal", "U Centraal"),
    ("Gemeente Utrecht", "gem. Utrecht"),    # abbreviation
    ("Huisartsen", "huisarts"),
])
def test_same_after_normalising(a, b):
    assert normalise_name(a) == normalise_name(b)
    assert similarity(a, b) == 1.0


@pytest.mark.parametrize("a, b, status", [
    ("Wijkbureau Oost", "Wijkbureau Ooost", "samengevoegd"),       # small typo
    ("Stichting Studenten Huisvesting", "SSH", "samengevoegd"),     # abbreviation
    ("SterkZorg", "Sterk Zorg", "samengevoegd"),
    ("DOCK", "DOCK Utrecht", "controleren"),                        # subset: never sure
    ("Buurtteam Oost", "Buurtteam Oost-Zuid", "controleren"),
    ("Wij 3.0", "Wij 2.0", "controleren"),                          # numbers differ
    ("DOCK", "Dok", "controleren"),                                 # short names
    ("Portaal", "Mitros", "nieuw"),
])
def test_match_status(a, b, status):
    m = NameMatcher([a])
    assert m.add(b).status == status


def test_alias_overrides_and_keeps_apart():
    m = NameMatcher(["DOCK"], aliases={"dock utrecht": "DOCK", "SSH": "SSH"})
    assert m.add("DOCK Utrecht").actor == "DOCK"
    m.add("Stichting Studenten Huisvesting")
    assert m.add("ssh").actor == "SSH"  # kept separate by an alias to itself


def test_matching_speed_500_names():
    """difflib is fast enough: 500 near-identical names (the worst case) in about a second."""
    names = [f"Organisatie {w} {i}" for i, w in enumerate(
        ["Oost", "West", "Noord", "Zuid", "Centrum"] * 100)]
    start = time.perf_counter()
    m = NameMatcher()
    for n in names:
        m.add(n)
    assert time.perf_counter() - start < 4.0
    assert len(m.matches()) == 500


def test_split_answer():
    assert split_answer("DOCK;Buurtteam Oost;;") == ["DOCK", "Buurtteam Oost"]
    assert split_answer("huisarts, fysiotherapeuten en GGZ") == [
        "huisarts", "fysiotherapeuten", "GGZ"]
    assert split_answer("Politie/wijkagent") == ["Politie/wijkagent"]
    assert split_answer("") == []


# --- the realistic export ------------------------------------------------------------------


def test_layouts_are_recognised():
    assert read_export(FORMS).layout == "microsoft"
    assert read_export(SURVEY / "google-forms-grid.csv").layout == "google"
    q = read_export(SURVEY / "qualtrics.csv")
    assert q.layout == "qualtrics" and q.row_numbers == [4, 5]


def test_mapping_proposed_from_titles(forms):
    assert forms.mapping_proposed
    assert forms.mapping["organisation"] == "Bij welke organisatie werkt u?"
    assert forms.mapping["partners"] == [
        "Met welke organisaties en partijen werkt u samen in de wijk?"]
    assert forms.mapping["strength"].startswith("Welk leermechanisme")
    assert forms.mapping["missing"] == ["Wie worden er gemist in de huidige samenwerking?"]


def test_every_respondent_becomes_an_actor(forms):
    ids = set(forms.tables.actors["id"])
    assert forms.n_respondents == 12
    assert set(forms.respondents["actor"]) <= ids
    # respondent 7 left the organisation empty: an actor of their own
    assert "Respondent 7" in set(forms.tables.actors["name"])
    # Podium Oost named no partners but is an actor
    assert "podium-oost" in ids


def test_variants_merge(forms):
    names = forms.names.set_index("genoemd")["actor"]
    assert names["Buurtteam Oost"] == names["buurtteam oost"] == names["Buurtteams Oost"]
    assert names["Wijkbureau Ooost"] == "Wijkbureau Oost"
    assert names["SSH"] == "Stichting Studenten Huisvesting"
    assert names["dock"] == names["Dock"] == "DOCK"
    assert names["Sterk Zorg"] == "SterkZorg"  # two respondents of the same organisation
    actors = forms.tables.actors.set_index("name")
    assert actors.loc["SterkZorg", "respondenten"] == "2"


def test_uncertain_names_in_review(forms):
    review = forms.review.set_index("genoemd")
    assert review.loc["DOCK Utrecht", "status"] == "controleren"
    assert review.loc["DOCK Utrecht", "voorstel"] == "DOCK"
    assert review.loc["Buurtteam Oost-Zuid", "voorstel"] == "Buurtteams Oost"
    assert list(review.columns)[-1] == "koppel aan"
    # uncertain names stay separate actors until the user decides
    assert {"DOCK Utrecht", "Buurtteam Oost-Zuid"} <= set(forms.tables.actors["name"])


def test_nothing_is_silently_dropped(forms):
    written = set(forms.names["genoemd"])
    export = read_export(FORMS)
    col = export.headers.index("Met welke organisaties en partijen werkt u samen in de wijk?")
    for row in export.rows:
        for name in split_answer(row[col]):
            assert name in written, name
    assert forms.names.set_index("genoemd").loc["n.v.t", "status"] == "genegeerd"


def test_relations_strength_channels_and_self_mentions(forms):
    rel = forms.tables.relations
    dock = rel[(rel["source"] == "dock") & (rel["target"] == "buurtteams-oost")].iloc[0]
    assert dock["strength"] == 3 and dock["channel"] == "bijeenkomst"
    assert dock["kanalen"] == "bijeenkomst; telefoon; e-mail"
    assert rel["directed"].all()
    # the two SterkZorg respondents both named the Buurtteam: one relation, both named
    sz = rel[(rel["source"] == "sterkzorg") & (rel["target"] == "buurtteams-oost")]
    assert len(sz) == 1 and sz.iloc[0]["description"] == "genoemd door respondent 5, 10"
    assert "sterkte" in forms.explain("nl")  # "sterk" could not be understood


def test_missed_parties_counted_per_role(forms):
    missed = {m["name"]: m for m in forms.missed_by_respondents()}
    assert missed["Huisartsen"]["count"] == 4
    assert missed["Huisartsen"]["roles"] == {"buurtteammedewerker": 1, "sociaal makelaar": 1,
                                             "wijkverpleegkundige": 2}
    assert set(missed["Huisartsen"]["written"]) == {"Huisartsen", "huisarts"}
    assert missed["ROC"]["count"] == 2
    assert not any(m["in_network"] for m in missed.values())
    assert "n.v.t." not in missed and "-" not in missed


def test_written_workbook_validates_and_keeps_missed(tmp_path, forms):
    out = forms.write(tmp_path / "netwerk.xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:2] == ["actoren", "relaties"]
    assert {"controle", "namen", "gemist", "respondenten", "koppeling"} <= set(wb.sheetnames)
    net = wijkgraph.load(out)
    assert net.n_actors == len(forms.tables.actors)
    assert net.meta["missed_by_respondents"] == forms.missed_by_respondents()
    r = CliRunner().invoke(cli, ["validate", str(out)])
    assert r.exit_code == 0, r.output


def test_anonymous_leaves_identities_out(tmp_path):
    result = import_survey(FORMS, anonymous=True)
    out = result.write(tmp_path / "anon.xlsx")
    wb = openpyxl.load_workbook(out)
    text = "\n".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row)
    assert "Respondent Naam" not in text and "@voorbeeld.nl" not in text
    assert "respondent" not in result.mapping and "email" not in result.mapping
    assert [c.value for c in wb["respondenten"][1]] == ["respondent", "rij", "actor", "rol"]
    named = import_survey(FORMS).write(tmp_path / "named.xlsx")
    assert "Respondent Naam 1" in "\n".join(
        str(c.value) for row in openpyxl.load_workbook(named)["respondenten"].iter_rows()
        for c in row)


def test_review_sheet_fed_back_as_aliases(tmp_path, forms):
    out = forms.write(tmp_path / "netwerk.xlsx")
    wb = openpyxl.load_workbook(out)
    ws = wb["controle"]
    header = [c.value for c in ws[1]]
    g, k = header.index("genoemd"), header.index("koppel aan")
    for row in ws.iter_rows(min_row=2):
        if row[g].value == "DOCK Utrecht":
            row[k].value = "DOCK"
        if row[g].value == "SSH":  # undo a merge: keep SSH apart
            row[k].value = "SSH"
    wb.save(out)
    again = import_survey(FORMS, aliases=out)
    names = again.names.set_index("genoemd")
    assert names.loc["DOCK Utrecht", "actor"] == "DOCK"
    assert names.loc["DOCK Utrecht", "status"] == "alias"
    assert names.loc["SSH", "actor"] == "SSH"
    assert "DOCK Utrecht" not in set(again.tables.actors["name"])


def test_alias_keeps_name_with_en_whole(tmp_path):
    without = import_survey(FORMS)
    assert {"Werk", "Inkomen"} <= set(without.tables.actors["name"])
    with_alias = import_survey(FORMS, aliases={"Werk en Inkomen": "Werk en Inkomen"})
    assert "Werk en Inkomen" in set(with_alias.tables.actors["name"])


def test_google_grid_gives_strength_per_partner():
    result = import_survey(SURVEY / "google-forms-grid.csv")
    rel = result.tables.relations.set_index(["source", "target"])["strength"]
    assert rel[("dock", "buurtteam-oost")] == 3       # Reflectie
    assert rel[("buurtteam-oost", "dock")] == 4       # Transformatie
    assert ("buurtteam-oost", "wijkbureau-oost") not in rel.index  # "Nee" is no tie
    assert rel[("wijkbureau-oost", "dock")] == 1      # "Ja"


def test_qualtrics_and_explicit_mapping(tmp_path):
    mapping = tmp_path / "koppeling.yaml"
    mapping.write_text(mapping_yaml({
        "organisation": "Bij welke organisatie werkt u?",
        "partners": ["Met welke partijen werkt u samen?"],
        "strength": "hoe intensief werkt u samen?",  # case-insensitive
        "missing": "Wie worden er gemist?", "wave": "2024", "directed": False}),
        encoding="utf-8")
    result = import_survey(SURVEY / "qualtrics.csv", mapping=mapping)
    assert not result.mapping_proposed and result.layout == "qualtrics"
    rel = result.tables.relations
    assert set(rel["wave"]) == {"2024"} and not rel["directed"].any()
    assert len(rel) == 3  # DOCK-Buurtteam named by both: one undirected relation


def test_mapping_column_missing_is_explained(tmp_path):
    with pytest.raises(InputError) as info:
        import_survey(FORMS, mapping={"organisation": "Organisatie van u"})
    p = info.value.problem
    assert p.code == "problem.survey_column_missing" and p.file == FORMS.name
    assert "Bij welke organisatie werkt u?" in p.message("nl")


def test_no_guessable_columns(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("Vraag 1,Vraag 2\na,b\n")
    with pytest.raises(InputError) as info:
        import_survey(path)
    assert info.value.problem.code == "problem.survey_no_mapping"


def test_propose_mapping_english():
    m = propose_mapping(["Timestamp", "Your name", "Which organisation do you work for?",
                         "Who do you collaborate with?", "Who is missing?"])
    assert m == {"respondent": "Your name", "organisation": "Which organisation do you work for?",
                 "partners": ["Who do you collaborate with?"], "missing": ["Who is missing?"]}


# --- CLI -------------------------------------------------------------------------------


def test_cli_survey(tmp_path):
    runner = CliRunner()
    out = tmp_path / "netwerk.xlsx"
    r = runner.invoke(cli, ["survey", str(FORMS), "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert "Geen koppeling gegeven" in r.output and "organisation:" in r.output
    assert "12 respondenten" in r.output and "controle" in r.output
    # again without --force: refused
    r = runner.invoke(cli, ["survey", str(FORMS), "-o", str(out)])
    assert r.exit_code == 2 and "bestaat al" in r.output
    # again with the output as alias table: allowed (the correction loop)
    r = runner.invoke(cli, ["survey", str(FORMS), "-o", str(out), "--aliases", str(out),
                            "--lang", "en"])
    assert r.exit_code == 0 and "12 respondents" in r.output
    r = runner.invoke(cli, ["survey", str(tmp_path / "nope.csv"), "-o", str(tmp_path / "a.xlsx")])
    assert r.exit_code == 2 and "bestaat niet" in r.output
