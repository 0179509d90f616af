"""Missing parties: absent, isolated, peripheral, present, per wijk."""

from __future__ import annotations

import pytest

from tests.analysis._gapnets import net
from wijkgraph.analysis.missing_parties import missing_parties
from wijkgraph.sources.bundled import load_dataset


def status(result, role, wijk=None):
    frame = result.table("nl")
    rows = frame[frame["role"] == role]
    if wijk is not None:
        rows = rows[rows["wijk"] == wijk]
    assert len(rows) == 1, rows
    return rows.iloc[0]


def test_wijk_without_huisarts_is_absent():
    n = net([{"name": "Buurtteam Oost", "domain": "welzijn", "wijk": "Oost"},
             {"name": "DOCK Oost", "domain": "welzijn", "wijk": "Oost"}],
            [("Buurtteam Oost", "DOCK Oost")])
    row = status(missing_parties(n), "huisarts")
    assert row["status"] == "absent"
    assert row["wijk"] == "Oost"
    # the model pairs huisarts with buurtteam and sociaal makelaar: they could pick it up
    assert row["reason"] == ("Geen actor met de rol huisarts in Oost. "
                             "Wie dit kan oppakken: Buurtteam Oost en DOCK Oost.")
    assert row["pick_up"] == "Buurtteam Oost; DOCK Oost"


def test_huisarts_tied_only_to_apotheek_is_peripheral():
    n = net([{"name": "Huisartsenpraktijk De Linie", "domain": "zorg", "wijk": "Oost"},
             {"name": "Apotheek Oost", "domain": "zorg", "wijk": "Oost"},
             {"name": "Buurtteam Oost", "domain": "welzijn", "wijk": "Oost"},
             {"name": "DOCK", "domain": "welzijn", "wijk": "Oost"},
             {"name": "Wijkbureau", "domain": "gemeente", "wijk": "Oost"}],
            [("Huisartsenpraktijk De Linie", "Apotheek Oost"),
             ("Buurtteam Oost", "DOCK"), ("Buurtteam Oost", "Wijkbureau"),
             ("DOCK", "Wijkbureau"), ("Buurtteam Oost", "Apotheek Oost")])
    result = missing_parties(n, min_ties=1)  # the count threshold alone would not flag it
    row = status(result, "huisarts")
    assert row["status"] == "peripheral"
    assert "alleen binnen zorg" in row["reason"]
    assert "only within zorg" in result.table("en").set_index("role").loc[
        "huisarts", "reason"]
    assert status(result, "buurtteam")["status"] == "present"


def test_isolated_and_threshold():
    n = net([{"name": "Fysio Oost", "domain": "zorg", "role": "fysiotherapeut"},
             {"name": "Wijkagent", "domain": "veiligheid"},
             {"name": "Buurtteam", "domain": "welzijn"}],
            [("Wijkagent", "Buurtteam")])
    result = missing_parties(n)
    assert status(result, "fysiotherapeut")["status"] == "isolated"
    assert status(result, "wijkagent")["status"] == "peripheral"  # 1 tie < 3
    assert status(missing_parties(n, min_ties=1), "wijkagent")["status"] == "present"


def test_per_wijk_and_ordering():
    n = net([{"name": "Huisarts Noord", "wijk": "Noord", "domain": "zorg"},
             {"name": "Buurtteam Zuid", "wijk": "Zuid", "domain": "welzijn"},
             {"name": "DOCK Stad", "wijk": "Noord; Zuid", "domain": "welzijn"}])
    result = missing_parties(n)
    assert result.wijken == ("Noord", "Zuid")
    assert status(result, "huisarts", "Zuid")["status"] == "absent"
    assert status(result, "huisarts", "Noord")["status"] == "isolated"
    assert status(result, "sociaal-makelaar", "Zuid")["status"] == "isolated"
    order = list(result.to_frame()["status"])
    ranks = [("absent", "isolated", "peripheral", "present").index(s) for s in order]
    assert ranks == sorted(ranks)


def test_columns_and_empty_network():
    n = net([{"name": "A"}])
    frame = missing_parties(n).to_frame()
    for col in ("role", "domain", "wijk", "status", "actors"):
        assert col in frame.columns
    for col in ("label", "reason", "why"):
        assert col in missing_parties(n).table("en").columns
    assert set(frame["status"]) == {"absent"}
    assert missing_parties(n).to_dict()["counts"]["absent"] == len(frame)


def test_utrecht_oost_huisarts_and_wijkagent_at_margin():
    result = missing_parties(load_dataset("utrecht-oost"))
    for role in ("huisarts", "wijkagent"):
        assert status(result, role)["status"] in ("absent", "isolated", "peripheral")
    text = result.explain("nl")
    assert "huisarts" in text and "wijkagent" in text
    assert text.startswith("Wie ontbreekt er in Oost?")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_explain_is_short(lang):
    text = missing_parties(load_dataset("utrecht-oost")).explain(lang)
    assert 0 < len(text) < 700


def test_analyse_lists_missing_parties_first_and_all_gap_sections():
    from wijkgraph.analysis.run import analyse

    result = analyse(load_dataset("utrecht-oost"))
    assert result.missing_parties is not None
    for name in ("roles", "missing_parties", "missing_links", "themes", "triads", "meetings"):
        assert name in result.to_dict()


def test_frame_holds_codes_and_no_words():
    frame = missing_parties(load_dataset("utrecht-oost")).to_frame()
    assert list(frame.columns) == ["role", "domain", "wijk", "status", "n_actors", "actors",
                                   "ties", "partner_domains", "source", "pick_up"]
    assert set(frame["status"]) <= {"absent", "isolated", "peripheral", "present"}


@pytest.mark.parametrize(("lang", "head", "title", "word"), [
    ("nl", "Wie ontbreekt", "Wie ontbreekt", "ontbreekt"),
    ("en", "Who is missing", "Who is missing", "absent"),
])
def test_summary_numbers_items_table_and_finding(lang, head, title, word):
    result = missing_parties(load_dataset("utrecht-oost"))
    summary = result.summary(lang)
    assert summary.id == "missing" and summary.title == title
    assert summary.intro == (result.explain(lang),)
    assert [n.label for n in summary.numbers][0] == word
    # absent under utrecht-basis (wijk-algemeen + Utrecht): the Oost data have none of the
    # survey's missed care and safety parties (datasets/utrecht-oost/README) and none of the
    # general model's poverty, faith, migrant, tenant and childcare roles
    absent = {i.role for i in result.items if i.status == "absent"}
    assert absent == {"poh-ggz", "dietist", "psycholoog", "ggz", "jeugdhulp",
                      "schuldhulp", "werk-inkomen", "wijk-boa", "woningcorporatie",
                      "huurdersorganisatie", "kinderopvang", "religieuze-organisatie",
                      "migrantenorganisatie", "beheergroep"}
    assert summary.numbers[0].value == f"14 / {len(result.items)}"
    assert len(summary.items) == len(result.missing())
    assert summary.items[0].tag == word and summary.items[0].colour == "zorg"  # a domain code
    (finding,) = summary.findings
    assert finding.head == head and finding.priority == 100 and finding.tag == "missing"
    assert summary.tables[0].total == len(result.items)


def test_plurals_in_reasons():
    n = net([{"name": "Sportclub A", "domain": "sport en cultuur", "wijk": "Oost", "role": "sportclub"},
             {"name": "Sportclub B", "domain": "sport en cultuur", "wijk": "Oost", "role": "sportclub"},
             {"name": "SportUtrecht", "domain": "sport en cultuur", "wijk": "Oost"}],
            [("Sportclub A", "SportUtrecht")])
    row = missing_parties(n).table("en").set_index("role").loc["sportclub"]
    assert row["reason"].startswith("Sportclub A (and 1 other) has 1 tie, only within")


def test_pick_up_names_only_present_partners_in_the_same_wijk():
    n = net([{"name": "Buurtteam Oost", "domain": "welzijn", "wijk": "Oost"},
             {"name": "Buurtteam Zuid", "domain": "welzijn", "wijk": "Zuid"},
             {"name": "Huisarts Zuid", "domain": "zorg", "wijk": "Zuid"},
             {"name": "Wijkagent Oost", "domain": "veiligheid", "wijk": "Oost"}],
            [("Buurtteam Oost", "Wijkagent Oost"), ("Buurtteam Zuid", "Huisarts Zuid")])
    result = missing_parties(n)
    assert status(result, "huisarts", "Oost")["pick_up"] == "Buurtteam Oost"
    # schuldhulp pairs with buurtteam, voedselbank, werk en inkomen: only the buurtteam is there
    assert status(result, "schuldhulp", "Zuid")["pick_up"] == "Buurtteam Zuid"
    # a present role has no pick-up
    assert status(result, "huisarts", "Zuid")["pick_up"] == ""
