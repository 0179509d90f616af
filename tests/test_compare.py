"""Comparing two measurements: hand-made waves with known differences, report, CLI."""

from __future__ import annotations

import json
import math
import re

import pandas as pd
import pytest
from click.testing import CliRunner

import wijkgraph
from wijkgraph.analysis.compare import compare, simple_measures, split_waves
from wijkgraph.cli import cli
from wijkgraph.errors import ValidationError
from wijkgraph.io import write_network
from wijkgraph.model.network import build_network
from wijkgraph.model.tables import tables_from_frames
from wijkgraph.render.compare import render_html, render_markdown, write_compare

# Wave 2022: DOCK-Buurtteam, DOCK-Wijkbureau, Buurtteam-Huisarts, Wijkbureau-Politie.
# Wave 2024: DOCK-Buurtteam (kept, stronger), DOCK-Wijkbureau (kept), Buurtteam-Huisarts
# lost, Wijkbureau-Politie lost, Politie left; new: Huisarts-Wijkbureau, SSH joined with
# SSH-DOCK and SSH-Buurtteam.
ACTORS = pd.DataFrame({
    "id": ["dock", "bt", "wb", "ha", "pol", "ssh"],
    "naam": ["DOCK", "Buurtteam Oost", "Wijkbureau Oost", "Huisarts Oost", "Politie",
             "SSH"],
    "domein": ["welzijn", "welzijn", "gemeente", "zorg", "veiligheid", "wonen"],
})
REL = pd.DataFrame([
    ("dock", "bt", 2, "2022"), ("dock", "wb", 1, "2022"), ("bt", "ha", 1, "2022"),
    ("wb", "pol", 2, "2022"),
    ("dock", "bt", 4, "2024"), ("dock", "wb", 1, "2024"), ("ha", "wb", 2, "2024"),
    ("ssh", "dock", 1, "2024"), ("ssh", "bt", 3, "2024"),
], columns=["van", "naar", "sterkte", "meting"])


def wave(year: str):
    rel = REL[REL["meting"] == year]
    ids = set(rel["van"]) | set(rel["naar"])
    return build_network(tables_from_frames(ACTORS[ACTORS["id"].isin(ids)], rel))


@pytest.fixture(scope="module")
def result():
    return compare(wave("2022"), wave("2024"), labels=("2022", "2024"))


def test_actors_and_ties_added_lost_kept(result):
    assert result.counts() == {"actors_added": 1, "actors_lost": 1, "actors_kept": 4,
                               "ties_added": 3, "ties_lost": 2, "ties_kept": 2}
    a = result.actors.set_index("id")["status"]
    assert a["ssh"] == "added" and a["pol"] == "lost" and a["dock"] == "kept"
    t = result.ties.set_index(["source", "target"])
    assert t.loc[("bt", "dock"), "status"] == "kept"
    assert (t.loc[("bt", "dock"), "weight_before"], t.loc[("bt", "dock"), "weight_after"]) == (2, 4)
    assert t.loc[("bt", "ha"), "status"] == "lost"
    assert t.loc[("ha", "wb"), "status"] == "added"


def test_measures_worked_by_hand(result):
    # 2022: 5 actors, 4 ties, density 4/10; domains: dock-bt same, others cross -> E=3, I=1
    # 2024: 5 actors, 5 ties, density 5/10; dock-bt, ssh-bt(cross)... E=4, I=1
    assert result.measure("n_actors") == (5, 5)
    assert result.measure("density") == (0.4, 0.5)
    assert result.measure("cross_domain_share") == (0.75, 0.8)
    assert result.measure("ei_index") == (0.5, 0.6)
    assert result.measure("n_components") == (1, 1)
    frame = result.to_frame()
    assert frame.columns.tolist() == ["measure", "before", "after", "change"]
    assert frame.set_index("measure").loc["density", "change"] == pytest.approx(0.1)


def test_key_figures_and_missing_parties(result):
    if not result.key_figures.empty:
        kf = result.key_figures.set_index("id")
        assert kf.loc["pol", "movement"] == "left"
        assert set(kf["movement"]) <= {"rose", "fell", "new", "left", "same"}
    if not result.missing.empty:
        assert set(result.missing["change"]) <= {"found", "lost", "better", "worse",
                                                 "still_missing", "present"}


def test_explain_and_to_dict(result):
    nl, en = result.explain("nl"), result.explain("en")
    assert nl.startswith("Van 2022 naar 2024: 3 banden erbij, 2 verdwenen en 2 gebleven")
    assert en.startswith("From 2022 to 2024: 3 ties added, 2 lost and 2 kept")
    d = result.to_dict()
    assert d["counts"]["ties_added"] == 3 and d["labels"] == ["2022", "2024"]


def test_explain_counts_one_in_the_singular_and_writes_a_decimal_comma(result):
    """Slips of the old text: "1 actoren kwamen erbij en 1 vielen weg", "0.400" in Dutch."""
    nl, en = result.explain("nl"), result.explain("en")
    assert "; 1 actor kwam erbij en 1 viel weg. De dichtheid ging van 0,400 naar 0,500," in nl
    assert "; 1 actor joined and 1 left. Density went from 0.400 to 0.500," in en
    assert not re.search(r"\b1 (actoren|vielen|banden)\b", nl)


def test_actors_matched_by_name_when_ids_differ(tmp_path):
    before = wave("2022")
    renamed = ACTORS.assign(id=["d", "b", "w", "h", "p", "s"],
                            naam=["Dock", "buurtteams oost", "Wijkbureau Oost", "Huisarts Oost",
                                  "Politie", "SSH"])
    rel = REL[REL["meting"] == "2022"].replace({"dock": "d", "bt": "b", "wb": "w", "ha": "h",
                                                "pol": "p"})
    after = build_network(tables_from_frames(renamed[renamed["id"] != "s"], rel))
    c = compare(before, after, key_figures=False, missing=False)
    assert c.counts()["ties_kept"] == 4 and c.counts()["ties_added"] == 0


def test_split_waves_one_input():
    one = build_network(tables_from_frames(ACTORS, REL))
    b, a, labels = split_waves(one)
    assert labels == ("2022", "2024")
    assert sorted(b.graph.nodes) == ["bt", "dock", "ha", "pol", "wb"]
    c = compare(b, a, key_figures=False, missing=False)
    assert c.counts()["ties_added"] == 3
    with pytest.raises(ValidationError) as info:
        split_waves(one, ["2022", "2023"])
    assert "2023" in info.value.describe("nl")
    with pytest.raises(ValidationError):
        split_waves(wave("2022"))


def test_empty_and_one_actor_networks():
    empty = build_network(tables_from_frames(ACTORS.iloc[:1], REL.iloc[:0]))
    m = simple_measures(empty)
    assert m["n_actors"] == 1 and m["density"] == 0.0 and math.isnan(m["ei_index"])
    c = compare(empty, wave("2022"), key_figures=False, missing=False)
    assert c.counts()["ties_added"] == 4


def test_report_is_offline_and_escaped(tmp_path):
    actors = ACTORS.assign(naam=ACTORS["naam"].replace({"SSH": "<script>alert(1)</script>"}))
    rel = REL[REL["meting"] == "2024"]
    after = build_network(tables_from_frames(actors, rel))
    c = compare(wave("2022"), after, key_figures=False, missing=False)
    html = render_html(c)
    assert "<script" not in html and "&lt;script&gt;" in html
    assert not re.search(r"(src|href)=\"(https?:)?//", html)
    assert "Content-Security-Policy" in html
    assert 'stroke-dasharray="8 6"' in html  # lost ties dashed
    assert "#228833" in html and "#CC3311" in html
    md = render_markdown(c, lang="en")
    assert md.startswith("# What changed?")


def test_difference_map_layout_is_stable(result):
    assert render_html(result, seed=0) == render_html(result, seed=0)


def test_write_compare_folder(tmp_path, result):
    paths = write_compare(result, tmp_path / "verschil")
    assert [p.name for p in paths] == ["verschil.html", "verschil.md", "verschil.json"]
    assert (tmp_path / "verschil" / ".wijkgraph").exists()


# --- CLI -------------------------------------------------------------------------------


def test_cli_compare_two_files(tmp_path):
    before = write_network(wave("2022"), tmp_path / "voor.gexf")
    after = write_network(wave("2024"), tmp_path / "na.kumu.xlsx")
    runner = CliRunner()
    r = runner.invoke(cli, ["compare", str(before), str(after), "-o", str(tmp_path / "out"),
                            "--labels", "2022,2024"])
    assert r.exit_code == 0, r.output
    assert "Van 2022 naar 2024: 3 banden erbij" in r.output
    assert (tmp_path / "out" / "verschil.html").is_file()


def test_cli_compare_waves(tmp_path):
    path = tmp_path / "beide.xlsx"
    write_network(build_network(tables_from_frames(ACTORS, REL)), path)
    runner = CliRunner()
    r = runner.invoke(cli, ["compare", str(path), "--waves", "2022,2024", "-o",
                            str(tmp_path / "o"), "--lang", "en"])
    assert r.exit_code == 0, r.output
    assert "From 2022 to 2024" in r.output
    r = runner.invoke(cli, ["compare", str(path), "--waves", "2021,2024", "-o",
                            str(tmp_path / "o2")])
    assert r.exit_code == 2 and "2021" in r.output and "Traceback" not in r.output
    r = runner.invoke(cli, ["compare", "driehoek", "-o", str(tmp_path / "o3")])
    assert r.exit_code == 2 and "twee metingen" in r.output
    assert wijkgraph.load(path).n_relations == len(REL)


# --- aliases and "possibly the same" ----------------------------------------------------

# Wave 1 names "DOCK", wave 2 "DOCK Oost" (different ids): only an alias says they are one.
# "Buurtteam Oost" / "Buurtteam Oots" (a typo, score 0.93) stay apart but are suggested.
ALIAS_BEFORE = pd.DataFrame({"id": ["d1", "b1", "w1"],
                             "naam": ["DOCK", "Buurtteam Oost", "Wijkbureau Oost"]})
ALIAS_AFTER = pd.DataFrame({"id": ["d2", "b2", "w2"],
                            "naam": ["DOCK Oost", "Buurtteam Oots", "wijkbureau  oost"]})


def alias_waves():
    before = build_network(tables_from_frames(ALIAS_BEFORE, pd.DataFrame(
        [("d1", "b1"), ("d1", "w1")], columns=["van", "naar"])))
    after = build_network(tables_from_frames(ALIAS_AFTER, pd.DataFrame(
        [("d2", "b2"), ("d2", "w2")], columns=["van", "naar"])))
    return before, after


def test_without_aliases_dock_and_dock_oost_differ():
    c = compare(*alias_waves(), key_figures=False, missing=False)
    # only Wijkbureau matches by name: DOCK and both Buurtteams are lost and added
    assert c.counts() == {"actors_added": 2, "actors_lost": 2, "actors_kept": 1,
                          "ties_added": 2, "ties_lost": 2, "ties_kept": 0}
    same = c.possibly_same
    assert same[["before_id", "before_name", "after_id", "after_name"]].values.tolist() == [
        ["b1", "Buurtteam Oost", "b2", "Buurtteam Oots"]]
    assert same.loc[0, "score"] == pytest.approx(0.93, abs=0.01)
    # DOCK / DOCK Oost is only a doubtful match (review level): listed when asked for
    low = compare(*alias_waves(), key_figures=False, missing=False, suggest_at=0.75)
    assert ["d1", "d2"] in low.possibly_same[["before_id", "after_id"]].values.tolist()


def test_aliases_merge_case_and_space_insensitive():
    c = compare(*alias_waves(), key_figures=False, missing=False,
                aliases={"  dock   OOST ": "Dock", "Buurtteam Oots": "buurtteam oost"})
    assert c.counts() == {"actors_added": 0, "actors_lost": 0, "actors_kept": 3,
                          "ties_added": 0, "ties_lost": 0, "ties_kept": 2}
    assert c.actors["id"].tolist() == ["b1", "d1", "w1"]  # before's ids and names win
    assert c.actors["name"].tolist() == ["Buurtteam Oost", "DOCK", "Wijkbureau Oost"]
    assert c.possibly_same.empty
    assert "Mogelijk dezelfde" not in c.explain("nl")


def test_alias_to_itself_keeps_apart_and_silences_the_suggestion():
    c = compare(*alias_waves(), key_figures=False, missing=False,
                aliases={"Buurtteam Oots": "Buurtteam Oots"})
    assert c.counts()["actors_kept"] == 1 and c.possibly_same.empty


def test_possibly_same_in_explain_and_to_dict():
    c = compare(*alias_waves(), labels=("2022", "2024"), key_figures=False, missing=False)
    assert ("Mogelijk dezelfde actor onder een andere naam (niet samengevoegd): "
            "Buurtteam Oost = Buurtteam Oots") in c.explain("nl")
    assert ("Possibly the same actor under another name (not merged): "
            "Buurtteam Oost = Buurtteam Oots") in c.explain("en")
    d = c.to_dict()
    assert d["possibly_same"][0]["before_id"] == "b1"
    assert d["possibly_same"][0]["after_id"] == "b2"
    # the first fixture has no look-alikes
    assert compare(wave("2022"), wave("2024"), key_figures=False,
                   missing=False).possibly_same.empty


def test_cli_compare_with_alias_csv(tmp_path):
    before, after = alias_waves()
    p0 = write_network(before, tmp_path / "voor.xlsx")
    p1 = write_network(after, tmp_path / "na.xlsx")
    table = tmp_path / "aliassen.csv"
    table.write_text("genoemd;koppel aan\nDOCK Oost;DOCK\nbuurtteam oots;\n", encoding="utf-8")
    runner = CliRunner()
    r = runner.invoke(cli, ["compare", str(p0), str(p1), "-o", str(tmp_path / "out"),
                            "--labels", "2022,2024", "--aliases", str(table)])
    assert r.exit_code == 0, r.output
    # DOCK merged by the alias; the empty 'koppel aan' leaves the Buurtteams a suggestion
    assert "Van 2022 naar 2024: 1 band erbij, 1 verdwenen en 1 gebleven" in r.output
    assert "Buurtteam Oost = Buurtteam Oots" in r.output
    data = json.loads((tmp_path / "out" / "verschil.json").read_text(encoding="utf-8"))
    assert data["counts"]["actors_kept"] == 2
    assert [(p["before_name"], p["after_name"]) for p in data["possibly_same"]] == [
        ("Buurtteam Oost", "Buurtteam Oots")]
    bad = tmp_path / "fout.csv"
    bad.write_text("naam;doel\nDOCK Oost;DOCK\n", encoding="utf-8")
    r = runner.invoke(cli, ["compare", str(p0), str(p1), "-o", str(tmp_path / "out2"),
                            "--aliases", str(bad)])
    assert r.exit_code == 2 and "koppel aan" in r.output and "Traceback" not in r.output
