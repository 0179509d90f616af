"""Build `kumu-docs.xlsx`: a Kumu import workbook laid out as Kumu's import guide shows it.

Elements: Label in A1, then Type, Description, Tags (several values separated by '|').
Connections: From in A1, To in B1 (several elements in To separated by '|' give one
connection each), Type, Direction, Strength. A sheet with "(ignore)" in its name is skipped.
"""

from pathlib import Path

import openpyxl


def build(folder: Path) -> Path:
    wb = openpyxl.Workbook()
    el = wb.active
    el.title = "Elements"
    el.append(["Label", "Type", "Description", "Tags", "Domain"])
    el.append(["DOCK Oost", "Organisation", "Sociaal makelaars in Oost", "participatie|ontmoeting",
               "welzijn"])
    el.append(["Buurtteam Oost", "Team", "Buurtteam sociaal", "armoede|jeugd", "welzijn"])
    el.append(["Wijkbureau Oost", "Organisation", "", "", "gemeente"])
    el.append(["Huisartsenpraktijk Oost", "Organisation", "", "gezondheid", "zorg"])
    co = wb.create_sheet("Connections")
    co.append(["From", "To", "Type", "Direction", "Strength"])
    co.append(["DOCK Oost", "Buurtteam Oost|Wijkbureau Oost", "samenwerking", "mutual", 3])
    co.append(["Wijkbureau Oost", "DOCK Oost", "financiering", "directed", 2])
    co.append(["Buurtteam Oost", "Huisartsenpraktijk Oost", "verwijzing", "", ""])
    notes = wb.create_sheet("Notes (ignore)")
    notes.append(["This sheet is skipped by Kumu and by wijkgraph."])
    path = folder / "kumu-docs.xlsx"
    wb.save(path)
    return path


if __name__ == "__main__":
    print(build(Path(__file__).parent))
