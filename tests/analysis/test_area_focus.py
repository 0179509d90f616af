"""Missing parties on a broker's own workbook: local, wijk-wide and city-wide parties.

A broker in Lunetten writes "Lunetten" for local parties, "Zuid" for those serving the
whole wijk and "Utrecht"/"stadsbreed" for city-wide ones. These nest (Lunetten lies in
Zuid, Zuid in Utrecht), so the result is about Lunetten, with the parties above counted.
The expected list is worked by hand below, against a small reference model written here
(so the test does not move when the bundled model grows).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from wijkgraph.analysis.missing_links import missing_links
from wijkgraph.analysis.missing_parties import missing_parties
from wijkgraph.errors import ValidationError
from wijkgraph.io import read

ACTORS = [  # naam, rol, wijk, domein
    ("Huisartsenpraktijk Lunetten", "huisarts", "Lunetten", "zorg"),
    ("Apotheek Lunetten", "apotheek", "Lunetten", "zorg"),
    ("Buurtteam Lunetten", "buurtteam", "Lunetten", "welzijn"),
    ("Basisschool De Zonnewijzer", "school", "lunetten", "onderwijs"),
    ("Buurthuis De Kosmos", "buurthuis", "Lunetten", "welzijn"),
    ("Lunetten Wil Wel", "bewonersinitiatief", "Lunetten", "inwoners"),
    ("Bibliotheek Lunetten", "bibliotheek", "Lunetten", "sport en cultuur"),
    ("JoU Zuid", "jongerenwerk", "Zuid", "welzijn"),
    ("U-centraal Zuid", "ouderenadvies", "Zuid", "welzijn"),
    ("Mitros", "woningcorporatie", "Zuid", "wonen"),
    ("Handhaving Zuid", "boa", "Wijk Zuid", "veiligheid"),
    ("Wijkbureau Zuid", "wijkbureau", "Zuid", "gemeente"),
    ("Altrecht", "ggz", "Utrecht", "zorg"),
    ("Buurtbemiddeling Utrecht", "buurtbemiddeling", "stadsbreed", "welzijn"),
    ("Buurtteam Oost", "buurtteam", "Oost", "welzijn"),
]
TIES = [
    ("Huisartsenpraktijk Lunetten", "Apotheek Lunetten"),
    ("Huisartsenpraktijk Lunetten", "Buurtteam Lunetten"),
    ("Huisartsenpraktijk Lunetten", "Altrecht"),
    ("Huisartsenpraktijk Lunetten", "U-centraal Zuid"),
    ("Buurtteam Lunetten", "JoU Zuid"),
    ("Buurtteam Lunetten", "U-centraal Zuid"),
    ("Buurtteam Lunetten", "Mitros"),
    ("Buurtteam Lunetten", "Wijkbureau Zuid"),
    ("Buurtteam Lunetten", "Altrecht"),
    ("Buurtteam Lunetten", "Buurtbemiddeling Utrecht"),
    ("Mitros", "Handhaving Zuid"),
    ("Mitros", "Wijkbureau Zuid"),
    ("Wijkbureau Zuid", "Handhaving Zuid"),
    ("Basisschool De Zonnewijzer", "JoU Zuid"),
    ("Basisschool De Zonnewijzer", "Buurtteam Lunetten"),
    ("Buurthuis De Kosmos", "Lunetten Wil Wel"),
    ("Buurthuis De Kosmos", "Buurtteam Lunetten"),
    ("Bibliotheek Lunetten", "Basisschool De Zonnewijzer"),
    ("Buurtteam Oost", "Altrecht"),
]
ROLES = ["huisarts", "apotheek", "buurtteam", "school", "jongerenwerk", "ouderenadvies",
         "woningcorporatie", "boa", "wijkbureau", "ggz", "wijkagent", "voedselbank"]
DOMAIN = {"huisarts": "zorg", "apotheek": "zorg", "ggz": "zorg", "buurtteam": "welzijn",
          "jongerenwerk": "welzijn", "ouderenadvies": "welzijn", "voedselbank": "welzijn",
          "school": "onderwijs", "woningcorporatie": "wonen", "boa": "veiligheid",
          "wijkagent": "veiligheid", "wijkbureau": "gemeente"}


def _reference(folder: Path) -> Path:
    lines = ["format: wijkgraph-reference/1", "name: test-lunetten",
             "title: {nl: test, en: test}", "source: test", "thresholds:", "  min_ties: 1",
             "roles:"]
    for role in ROLES:
        lines += [f"  - id: {role}", f"    label: {{nl: {role}, en: {role}}}",
                  f"    domain: {DOMAIN[role]}", f"    match: [{role}]",
                  f"    why: {{nl: {role} doet ertoe., en: {role} matters.}}",
                  "    source: test"]
    lines += ["pairs:", "  - roles: [huisarts, buurtteam]",
              "    why: {nl: verwijzen door., en: refer.}", "    source: test",
              "  - roles: [buurtteam, boa]",
              "    why: {nl: samen bij overlast., en: together on nuisance.}", "    source: test"]
    path = folder / "ref.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _workbook(folder: Path, areas: list[tuple[str, str]] | None = None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "actoren"
    ws.append(["naam", "rol", "wijk", "domein"])
    for row in ACTORS:
        ws.append(list(row))
    rel = wb.create_sheet("relaties")
    rel.append(["van", "naar"])
    for a, b in TIES:
        rel.append([a, b])
    if areas is not None:
        sheet = wb.create_sheet("gebieden")
        sheet.append(["naam", "ligt in"])
        for row in areas:
            sheet.append(list(row))
    path = folder / "makelaar.xlsx"
    wb.save(path)
    return path


@pytest.fixture
def broker(tmp_path: Path) -> tuple[object, Path]:
    return read(_workbook(tmp_path)), _reference(tmp_path)


def test_nothing_missing_that_a_wijk_or_city_party_provides(broker) -> None:
    network, ref = broker
    mp = missing_parties(network, reference=str(ref))
    frame = mp.to_frame()
    # one focus area, Lunetten (7 local actors beat 5 in Zuid and 1 in Oost): one row per role
    assert mp.wijken == ("Lunetten",)
    assert frame["wijk"].tolist() == ["Lunetten"] * len(ROLES)
    assert sorted(frame["role"]) == sorted(ROLES)
    status = dict(zip(frame["role"], frame["status"], strict=True))
    # worked by hand: nobody plays wijkagent or voedselbank; the apotheek's one tie is to
    # the huisarts (zorg, its own domain); every other role has a tie outside its domain,
    # wijk-wide (JoU Zuid, U-centraal, Mitros, Handhaving, Wijkbureau) and city-wide
    # (Altrecht) parties included
    assert {r for r, s in status.items() if s == "absent"} == {"wijkagent", "voedselbank"}
    assert {r for r, s in status.items() if s == "peripheral"} == {"apotheek"}
    assert status["jongerenwerk"] == status["ggz"] == status["woningcorporatie"] == "present"
    players = dict(zip(frame["role"], frame["actors"], strict=True))
    assert players["jongerenwerk"] == "JoU Zuid"
    assert players["ggz"] == "Altrecht"
    assert players["buurtteam"] == "Buurtteam Lunetten"  # not Buurtteam Oost


def test_no_area_reported_twice_and_no_role_both_absent_and_peripheral(broker) -> None:
    network, ref = broker
    mp = missing_parties(network, reference=str(ref))
    for lang in ("nl", "en"):
        text = mp.explain(lang) + " ".join(f.text for f in mp.summary(lang).findings)
        assert "Utrecht" not in text and "Zuid" not in text  # no "ontbreekt in Utrecht"
    absent = {i.role for i in mp.items if i.status == "absent"}
    margin = {i.role for i in mp.items if i.status in ("peripheral", "isolated")}
    assert not absent & margin


def test_expected_pairs_count_the_parties_above(broker) -> None:
    """Buurtteam Lunetten and Handhaving Zuid (wijk-wide) are an expected, untied pair."""
    network, ref = broker
    frame = missing_links(network, reference=str(ref)).to_frame()
    expected = frame[frame["kind"] != "predicted"]
    pairs = {(s, t, w) for s, t, w in zip(expected["source_name"], expected["target_name"],
                                         expected["wijk"], strict=True)}
    assert pairs == {("Buurtteam Lunetten", "Handhaving Zuid", "Lunetten")}


def test_choosing_an_area_keeps_the_parties_that_serve_it(broker) -> None:
    network, ref = broker
    sub = network.subnetwork(wijk="lunetten")
    names = {sub.label(a) for a in sub.graph}
    assert names == {a[0] for a in ACTORS} - {"Buurtteam Oost"}
    assert sub.n_relations == len(TIES) - 1  # Buurtteam Oost - Altrecht is gone
    mp = missing_parties(sub, reference=str(ref))
    assert mp.wijken == ("Lunetten",)
    assert {i.role for i in mp.items if i.status == "absent"} == {"wijkagent", "voedselbank"}
    # the wijk itself: Lunetten's parties lie in it, Altrecht serves it from above
    zuid = network.subnetwork(wijk="Zuid")
    assert zuid.n_actors == len(ACTORS) - 1


def test_a_gebieden_sheet_places_other_areas(tmp_path: Path) -> None:
    ref = _reference(tmp_path)
    path = _workbook(tmp_path, [("Lunetten", "Oost")])  # the broker's own view
    network = read(path)
    assert network.tables.areas["name"].tolist() == ["Lunetten"]
    sub = network.subnetwork(wijk="Lunetten")  # now in Oost: Zuid's parties do not serve it
    names = {sub.label(a) for a in sub.graph}
    assert "JoU Zuid" not in names and "Buurtteam Oost" in names and "Altrecht" in names
    mp = missing_parties(network, reference=str(ref))
    # Zuid (5 wijk-wide parties) is now a wijk of its own, no longer above Lunetten
    assert mp.wijken == ("Lunetten", "Zuid")
    absent = {i.role for i in mp.items if i.status == "absent" and i.wijk == "Lunetten"}
    assert absent == {"wijkagent", "voedselbank", "jongerenwerk", "ouderenadvies",
                      "woningcorporatie", "boa", "wijkbureau"}


@pytest.mark.parametrize(("areas", "code", "row"), [
    ([("Bloemenbuurt", "Nergenshuizen")], "problem.area_unknown_parent", 2),
    ([("Noord", "Midden"), ("Midden", "Noord")], "problem.area_cycle", 2),
    ([("Bloemenbuurt", "Oost"), ("Oost", "Bloemenbuurt")], "problem.area_cycle", 2),
])
def test_a_bad_gebieden_sheet_is_an_error_with_its_place(tmp_path: Path, areas, code,
                                                        row) -> None:
    path = _workbook(tmp_path, areas)
    with pytest.raises(ValidationError) as info:
        read(path)
    found = [p for p in info.value.problems if p.code == code]
    assert len(found) == 1
    p = found[0]
    assert (p.file, p.sheet, p.row, p.column) == ("makelaar.xlsx", "gebieden", row, "ligt in")
    assert p.severity == "error"
    assert "ligt in" in p.describe("nl") or "gebieden" in p.describe("nl")


def test_the_command_line_exits_2_and_writes_nothing_on_a_cycle(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from wijkgraph.cli import cli

    path = _workbook(tmp_path, [("Zuid", "Lunetten")])
    out = tmp_path / "rapport"
    result = CliRunner().invoke(cli, ["--lang", "en", "analyse", str(path), "-o", str(out)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output and "gebieden" in result.output
    assert "row 2" in result.output and "ligt in" in result.output
    assert not out.exists()
    result = CliRunner().invoke(cli, ["--lang", "en", "validate", str(_workbook(tmp_path))])
    assert result.exit_code == 0
    assert "  Lunetten: subwijk in Zuid > Utrecht (7 actors)" in result.output
    assert "  Zuid: wijk in Utrecht (5 actors)" in result.output


def test_a_role_absent_in_one_wijk_and_at_the_margin_in_another_is_said_once(
        tmp_path: Path) -> None:
    import pandas as pd

    from wijkgraph.model.network import build_network
    from wijkgraph.model.tables import tables_from_frames

    actors = pd.DataFrame({
        "naam": ["Altrecht Oost", "Huisarts Oost", "Buurtteam Zuid", "Huisarts Zuid"],
        "rol": ["ggz", "huisarts", "buurtteam", "huisarts"],
        "wijk": ["Oost", "Oost", "Zuid", "Zuid"],
        "domein": ["zorg", "zorg", "welzijn", "zorg"]})
    relations = pd.DataFrame({"van": ["Altrecht Oost", "Buurtteam Zuid"],
                              "naar": ["Huisarts Oost", "Huisarts Zuid"]})
    net = build_network(tables_from_frames(actors, relations))
    mp = missing_parties(net, reference=str(_reference(tmp_path)))
    assert mp.wijken == ("Oost", "Zuid")
    status = {(i.role, i.wijk): i.status for i in mp.items}
    # by hand: in Oost ggz and huisarts are tied only to each other (zorg - zorg)
    assert status[("ggz", "Oost")] == status[("huisarts", "Oost")] == "peripheral"
    assert status[("ggz", "Zuid")] == status[("buurtteam", "Oost")] == "absent"
    assert status[("huisarts", "Zuid")] == status[("buurtteam", "Zuid")] == "present"
    text = mp.summary("en").findings[0].text
    none_part, margin_part = text.rstrip(".").split("; at the margin: ")
    nowhere = [r for r in ROLES if r not in ("ggz", "huisarts", "buurtteam")]
    assert none_part == "No " + ", ".join(nowhere[:8]) + " in the network"
    assert sorted(margin_part.split(", ")) == ["ggz", "huisarts"]


def test_a_gebieden_file_in_a_csv_folder(tmp_path: Path) -> None:
    (tmp_path / "actoren.csv").write_text(
        "naam;wijk\nBuurthuis Bloem;Bloemenbuurt\nWijkbureau Oost;Oost\nGGZ Stad;stadsbreed\n",
        encoding="utf-8")
    (tmp_path / "relaties.csv").write_text("van;naar\nBuurthuis Bloem;Wijkbureau Oost\n",
                                           encoding="utf-8")
    (tmp_path / "gebieden.csv").write_text("Name;Part of\nBloemenbuurt;Oost\n", encoding="utf-8")
    network = read(tmp_path)
    assert not [w for w in network.warnings if w.code == "problem.area_unplaced"]
    assert {network.label(a) for a in network.subnetwork(wijk="Bloemenbuurt").graph} == {
        "Buurthuis Bloem", "Wijkbureau Oost", "GGZ Stad"}
    (tmp_path / "gebieden.csv").write_text("Name;Part of\nBloemenbuurt;Oost-Noord\n",
                                           encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        read(tmp_path)
    p = next(p for p in info.value.problems if p.code == "problem.area_unknown_parent")
    assert (p.file, p.sheet, p.row, p.column) == ("gebieden.csv", None, 2, "Part of")
