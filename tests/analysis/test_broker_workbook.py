"""Issue 12's "done when", as a new user: a broker's own workbook and a network from elsewhere.

The broker in Lunetten fills in a workbook by hand: local parties with "Lunetten", wijk-wide
ones with "Zuid", city-wide ones with "Utrecht", "stadsbreed" or "heel de stad"; mostly
without a role column, one party typed twice, a tenants' committee named after its
corporation. The other network is Padgett's Florentine families as networkx ships it.
"""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import openpyxl
import pytest
from click.testing import CliRunner

from wijkgraph.analysis.missing_parties import missing_parties
from wijkgraph.analysis.reference_choice import choose_reference
from wijkgraph.analysis.themes import themes
from wijkgraph.cli import cli
from wijkgraph.io import read

ACTORS = [  # naam, rol, domein, wijk, thema's
    ("Huisartsenpraktijk Lunetten", "", "zorg", "Lunetten", "gezondheid"),
    ("Gezondheidscentrum Lunetten", "", "zorg", "Lunetten", "gezondheid"),
    ("Gezondheids centrum Lunetten", "", "zorg", "Lunetten", "gezondheid"),
    ("Apotheek Lunetten", "", "zorg", "Lunetten", "gezondheid"),
    ("Buurtteam Lunetten", "", "welzijn", "Lunetten", "armoede"),
    ("Buurthuis De Nieuwe Lunet", "buurtcentrum", "welzijn", "Lunetten", "ontmoeten"),
    ("Bibliotheek Lunetten", "", "onderwijs", "Lunetten", "taal"),
    ("Moskee Lunetten", "", "inwoners", "Lunetten", "ontmoeten"),
    ("Bewonerscommissie Mitros Lunetten", "", "wonen", "Lunetten", "wonen"),
    ("Wijkagent Lunetten", "", "veiligheid", "Lunetten", "veiligheid"),
    ("JoU Zuid", "", "welzijn", "Zuid", "jongeren"),
    ("U-centraal Zuid", "", "welzijn", "Zuid", "eenzaamheid"),
    ("Mitros", "", "wonen", "Zuid", "wonen"),
    ("Handhaving Zuid", "boa", "veiligheid", "Zuid", "veiligheid"),
    ("Wijkbureau Zuid", "", "gemeente", "Zuid", "ontmoeten"),
    ("DOCK Zuid", "", "welzijn", "Zuid", "ontmoeten"),
    ("Altrecht", "ggz", "zorg", "Utrecht", "psychische gezondheid"),
    ("Buurtbemiddeling Utrecht", "", "veiligheid", "stadsbreed", "burenruzie"),
    ("Voedselbank Utrecht", "", "welzijn", "Utrecht", "armoede"),
    ("Werk en Inkomen Utrecht", "werk en inkomen", "gemeente", "heel de stad", "werk"),
]
TIES = [
    ("Huisartsenpraktijk Lunetten", "Apotheek Lunetten"),
    ("Huisartsenpraktijk Lunetten", "Buurtteam Lunetten"),
    ("Huisartsenpraktijk Lunetten", "Altrecht"),
    ("Gezondheidscentrum Lunetten", "Apotheek Lunetten"),
    ("Gezondheids centrum Lunetten", "Buurtteam Lunetten"),
    ("Buurtteam Lunetten", "DOCK Zuid"), ("Buurtteam Lunetten", "Voedselbank Utrecht"),
    ("Buurtteam Lunetten", "Wijkagent Lunetten"), ("Buurtteam Lunetten", "U-centraal Zuid"),
    ("Buurtteam Lunetten", "JoU Zuid"), ("Buurtteam Lunetten", "Werk en Inkomen Utrecht"),
    ("Buurtteam Lunetten", "Altrecht"),
    ("DOCK Zuid", "Buurthuis De Nieuwe Lunet"), ("DOCK Zuid", "Wijkbureau Zuid"),
    ("DOCK Zuid", "Moskee Lunetten"), ("DOCK Zuid", "U-centraal Zuid"),
    ("Buurthuis De Nieuwe Lunet", "Bibliotheek Lunetten"), ("Buurthuis De Nieuwe Lunet", "JoU Zuid"),
    ("Bewonerscommissie Mitros Lunetten", "Mitros"), ("Mitros", "Wijkbureau Zuid"),
    ("Mitros", "Buurtbemiddeling Utrecht"), ("Mitros", "Wijkagent Lunetten"),
    ("Wijkagent Lunetten", "Handhaving Zuid"), ("Handhaving Zuid", "Wijkbureau Zuid"),
]


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("makelaar") / "lunetten.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "actoren"
    ws.append(["naam", "rol", "domein", "wijk", "thema's"])
    for row in ACTORS:
        ws.append(list(row))
    rel = wb.create_sheet("relaties")
    rel.append(["van", "naar"])
    for a, b in TIES:
        rel.append([a, b])
    wb.save(path)
    return path


@pytest.fixture(scope="module")
def florentine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("florentine")
    g = nx.florentine_families_graph()
    with open(folder / "actors.csv", "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([["name"], *([n] for n in sorted(g))])
    with open(folder / "relations.csv", "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows([["source", "target"], *sorted(g.edges())])
    return folder


def test_validate_names_the_double_the_areas_and_the_model(workbook: Path) -> None:
    result = CliRunner().invoke(cli, ["--lang", "nl", "validate", str(workbook)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert ("rij 4, kolom 'naam': 'Gezondheids centrum Lunetten' is waarschijnlijk dezelfde "
            "partij als 'Gezondheidscentrum Lunetten' in rij 3") in out
    assert "  Lunetten: subwijk in Zuid > Utrecht (10 actoren)" in out
    assert "  Zuid: wijk in Utrecht (6 actoren)" in out
    assert ("Referentiemodel: utrecht-basis, gekozen omdat alle 20 actoren met een gebied in "
            "Utrecht werken") in out
    assert "wordt behandeld als een apart gebied" not in out  # every area placed


def test_nothing_missing_that_a_wijk_or_city_party_provides(workbook: Path) -> None:
    network = read(workbook)
    mp = missing_parties(network, reference=choose_reference(network).name)
    assert mp.wijken == ("Lunetten",)
    status = {i.role: i for i in mp.items}
    # provided from the wijk or the city: never absent
    for role, party in [("jongerenwerk", "JoU Zuid"), ("ggz", "Altrecht"),
                        ("ouderenadvies", "U-centraal Zuid"), ("wijkbureau", "Wijkbureau Zuid"),
                        ("sociaal-makelaar", "DOCK Zuid"), ("wijk-boa", "Handhaving Zuid"),
                        ("voedselbank", "Voedselbank Utrecht"),
                        ("werk-inkomen", "Werk en Inkomen Utrecht")]:
        assert status[role].status != "absent", role
        assert party in [p.name for p in status[role].players], role
    # the tenants' committee is not its corporation, and the corporation is one party
    assert [p.name for p in status["huurdersorganisatie"].players] == [
        "Bewonerscommissie Mitros Lunetten"]
    assert [p.name for p in status["woningcorporatie"].players] == ["Mitros"]
    # Altrecht serves Lunetten from the city: at the margin with its 2 ties (under 3)
    assert (status["ggz"].status, status["ggz"].best.ties) == ("peripheral", 2)
    # a role is never both absent and at the margin
    text = mp.summary("en").findings[0].text
    absent_part = text.split("; at the margin: ")[0]
    margin = {i.label("en") for i in mp.items if i.status in ("isolated", "peripheral")}
    assert not [m for m in margin if m in absent_part]
    assert "mental health care" not in absent_part and "youth work" not in absent_part


def test_themes_and_the_double_in_the_report(workbook: Path, tmp_path: Path) -> None:
    network = read(workbook)
    t = themes(network)
    assert t.wijken == ("Lunetten",)
    assert t.absent_frame().empty  # one area in focus: no theme is absent anywhere
    for lang, double, choice in [
            ("nl", "'Gezondheids centrum Lunetten' is waarschijnlijk dezelfde partij als "
                   "'Gezondheidscentrum Lunetten' in rij 3",
             "Referentiemodel: utrecht-basis, gekozen omdat"),
            ("en", "'Gezondheids centrum Lunetten' is probably the same party as "
                   "'Gezondheidscentrum Lunetten' in row 3",
             "Reference model: utrecht-basis, chosen because")]:
        out = tmp_path / lang
        result = CliRunner().invoke(cli, ["--lang", lang, "analyse", str(workbook), "-o",
                                          str(out), "--format", "md"])
        assert result.exit_code == 0, result.output
        report = (out / "report.md").read_text(encoding="utf-8")
        assert double in report and choice in report
        missing = report.split('<a id="missing"></a>')[1].split('<a id="links"></a>')[0]
        for absent_row in [line for line in missing.splitlines()
                           if line.startswith("|") and ("ontbreekt" in line
                                                        or "absent" in line)]:
            assert "Lunetten |" in absent_row and not absent_row.rstrip().endswith(
                ("Zuid |", "Utrecht |"))


def test_a_network_from_elsewhere_says_the_model_does_not_fit(florentine: Path,
                                                              tmp_path: Path) -> None:
    validated = CliRunner().invoke(cli, ["--lang", "en", "validate", str(florentine)])
    assert validated.exit_code == 0, validated.output
    assert ("Reference model: wijk-algemeen, chosen because the data names no areas and no "
            "organisations of Utrecht") in validated.output
    for lang, head, absent in [("en", "The reference model does not fit", "No general"),
                               ("nl", "Het referentiemodel past niet", "Geen huisarts")]:
        out = tmp_path / lang
        result = CliRunner().invoke(cli, ["--lang", lang, "analyse", str(florentine), "-o",
                                          str(out), "--format", "md"])
        assert result.exit_code == 0, result.output
        report = (out / "report.md").read_text(encoding="utf-8")
        glance = report.split('<a id="glance"></a>')[1].split('<a id="network"></a>')[0]
        first = next(line for line in glance.splitlines() if line.startswith("- **"))
        assert first.startswith(f"- **{head}**")
        assert absent not in report
        missing = report.split('<a id="missing"></a>')[1].split('<a id="links"></a>')[0]
        assert "| absent |" not in missing and "| ontbreekt |" not in missing
        assert "wijk-algemeen" in missing
