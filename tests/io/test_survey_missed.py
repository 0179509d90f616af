"""Who respondents miss: short mentions follow the same rule as partners' names."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from wijkgraph.io.survey import import_survey

HEADER = "Bij welke organisatie werkt u?;Met welke partijen werkt u samen?;Wie worden er gemist?\n"


def _export(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "peiling.csv"
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def _import(tmp_path: Path, rows: list[str]):
    return import_survey(_export(tmp_path, rows), mapping={
        "organisation": "Bij welke organisatie werkt u?",
        "partners": ["Met welke partijen werkt u samen?"],
        "missing": "Wie worden er gemist?"})


ROWS = ["Buurtteam Oost;Bibliotheek Oost, Wijkcentrum Oost;Bibliotheek, Wijkagent",
        "Wijkcentrum Oost;Buurtteam Oost, Huisartsenpraktijk Oost;buurtteam",
        "Huisartsenpraktijk Oost;Apotheek Oost, Apotheek Zuid;apotheek, GGZ"]


def test_a_short_mention_of_a_missed_party_is_the_one_it_names(tmp_path: Path) -> None:
    result = _import(tmp_path, ROWS)
    missed = result.missed.set_index("genoemd")
    # "Bibliotheek" occurs in exactly one known name: that party, in the network after all
    assert missed.loc["Bibliotheek", ["partij", "actor", "in_netwerk", "status"]].tolist() == [
        "Bibliotheek Oost", "bibliotheek-oost", "ja", "deelnaam"]
    assert missed.loc["buurtteam", ["partij", "in_netwerk", "status"]].tolist() == [
        "Buurtteam Oost", "ja", "deelnaam"]
    # two apotheken: ambiguous, to review without a proposal, never a wrong party
    assert missed.loc["apotheek", ["partij", "actor", "in_netwerk", "status", "voorstel"]
                      ].tolist() == ["apotheek", "", "nee", "controleren", ""]
    # "Wijkagent" is not the Wijkcentrum
    assert missed.loc["Wijkagent", ["partij", "in_netwerk", "voorstel"]].tolist() == [
        "Wijkagent", "nee", ""]
    assert missed.loc["GGZ", "in_netwerk"] == "nee"
    counted = {m["name"]: m for m in result.missed_by_respondents()}
    assert counted["Bibliotheek Oost"]["in_network"] and counted["Bibliotheek Oost"][
        "written"] == ["Bibliotheek"]


def test_the_review_sheet_notes_merged_and_ambiguous_missed_names(tmp_path: Path) -> None:
    result = _import(tmp_path, ROWS)
    review = result.review.set_index("genoemd")
    assert review.loc["apotheek", ["status", "actor", "voorstel"]].tolist() == [
        "controleren", "apotheek", ""]
    assert review.loc["Bibliotheek", ["status", "actor"]].tolist() == ["deelnaam",
                                                                       "Bibliotheek Oost"]
    assert "Wijkagent" not in review.index and "GGZ" not in review.index
    # the sheet round-trips: "koppel aan" for a missed name makes it that party
    out = result.write(tmp_path / "netwerk.xlsx")
    wb = openpyxl.load_workbook(out)
    ws = wb["controle"]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        if row[header.index("genoemd")].value == "apotheek":
            row[header.index("koppel aan")].value = "Apotheek Zuid"
    wb.save(out)
    again = import_survey(_export(tmp_path, ROWS), aliases=out, mapping={
        "organisation": "Bij welke organisatie werkt u?",
        "partners": ["Met welke partijen werkt u samen?"],
        "missing": "Wie worden er gemist?"})
    missed = again.missed.set_index("genoemd")
    assert missed.loc["apotheek", ["partij", "in_netwerk", "status"]].tolist() == [
        "Apotheek Zuid", "ja", "alias"]
