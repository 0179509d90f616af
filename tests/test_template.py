"""`wijkgraph template`: sheets, Dutch instructions, drop-down lists; filled in, it validates."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from wijkgraph.errors import OutputError
from wijkgraph.io import load_tables
from wijkgraph.io.template import SHEETS, write_template
from wijkgraph.model.schema import STRENGTH_NAMES, ActorType, Channel, Domain, canonical_column

TABLE_OF = {"actoren": "actors", "relaties": "relations", "overleggen": "meetings",
            "deelnames": "participation"}


@pytest.fixture
def template(tmp_path: Path) -> Path:
    path = tmp_path / "sjabloon.xlsx"
    write_template(path)
    return path


def _list_values(wb: openpyxl.Workbook, formula: str) -> list[str]:
    sheet, ref = formula.split("!")
    cells = wb[sheet][ref.replace("$", "")]
    return [str(row[0].value) for row in cells]


def test_sheets_and_headers(template: Path) -> None:
    wb = openpyxl.load_workbook(template)
    assert wb.sheetnames == ["uitleg", "actoren", "relaties", "overleggen", "deelnames", "lijsten"]
    for sheet, headers in SHEETS.items():
        assert [c.value for c in wb[sheet][1]] == headers
        table = TABLE_OF[sheet]
        assert all(canonical_column(table, h) for h in headers), sheet


def test_dutch_instructions(template: Path) -> None:
    text = "\n".join(str(c.value) for c in openpyxl.load_workbook(template)["uitleg"]["A"]
                     if c.value)
    for phrase in ("één rij per partij", "identificatie", "coördinatie", "reflectie",
                   "transformatie", "wijkgraph validate", "privé"):
        assert phrase in text


@pytest.mark.parametrize(("sheet", "header", "expected"), [
    ("actoren", "domein", [d.value for d in Domain]),
    ("actoren", "soort", [t.value for t in ActorType]),
    ("relaties", "kanaal", [c.value for c in Channel]),
    ("relaties", "sterkte", [STRENGTH_NAMES[i] for i in range(1, 5)] + ["1", "2", "3", "4"]),
    ("relaties", "gericht", ["ja", "nee"]),
])
def test_drop_down_lists(template: Path, sheet: str, header: str, expected: list[str]) -> None:
    wb = openpyxl.load_workbook(template)
    ws = wb[sheet]
    letter = openpyxl.utils.get_column_letter(SHEETS[sheet].index(header) + 1)
    found = [dv for dv in ws.data_validations.dataValidation
             if any(str(r).startswith(f"{letter}2") for r in dv.sqref.ranges)]
    assert len(found) == 1, [str(dv.sqref) for dv in ws.data_validations.dataValidation]
    (dv,) = found
    assert dv.type == "list"
    assert _list_values(wb, dv.formula1) == expected


def test_filled_in_template_validates(template: Path) -> None:
    wb = openpyxl.load_workbook(template)
    wb["actoren"].append(["BTO", "Buurtteam Oost", "team", "welzijn", "buurtteam", "Oost",
                          "eenzaamheid; armoede", "", "info@example.org"])
    wb["actoren"].append(["ZOE", "Huisartsenpraktijk Zoë", "organisatie", "zorg", "huisarts",
                          "Oost", "", "", ""])
    wb["actoren"].append([None, "Stichting Eïland", "initiatief", "inwoners", "", "Oost", "",
                          "", ""])
    wb["relaties"].append(["BTO", "ZOE", "verwijzing", "telefoon", "coördinatie", "", "2024",
                           "ja"])
    wb["relaties"].append(["BTO", "Stichting Eïland", "samenwerking", "bijeenkomst", "3", "", "",
                           "nee"])
    wb["overleggen"].append(["SO", "Samen Oost", "eenzaamheid", "Oost", ""])
    wb["deelnames"].append(["BTO", "SO"])
    wb["deelnames"].append(["Stichting Eïland", "SO"])
    wb.save(template)
    tables = load_tables(template)
    assert tables.warnings == ()
    assert tables.actors["id"].tolist() == ["BTO", "ZOE", "Stichting Eïland"]
    assert tables.relations[["source", "target", "strength", "directed"]].values.tolist() == [
        ["BTO", "ZOE", 2, True], ["BTO", "Stichting Eïland", 3, False]]
    assert tables.participation["actor"].tolist() == ["BTO", "Stichting Eïland"]


def test_empty_template_says_what_is_missing(template: Path) -> None:
    from wijkgraph.errors import ValidationError

    with pytest.raises(ValidationError) as info:
        load_tables(template)
    assert [p.code for p in info.value.errors] == ["problem.empty_table"]


def test_refuses_to_overwrite(template: Path) -> None:
    with pytest.raises(OutputError):
        write_template(template)
    write_template(template, force=True)
