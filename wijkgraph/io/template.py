"""An empty input workbook with instructions and drop-down lists (`wijkgraph template`).

Examples
--------
>>> import tempfile, pathlib, openpyxl
>>> path = pathlib.Path(tempfile.mkdtemp()) / "sjabloon.xlsx"
>>> write_template(path)
>>> openpyxl.load_workbook(path).sheetnames
['uitleg', 'actoren', 'relaties', 'overleggen', 'deelnames', 'lijsten']
"""

from __future__ import annotations

import io
from pathlib import Path

from wijkgraph._files import atomic_write
from wijkgraph.errors import OutputError, Problem
from wijkgraph.model.schema import STRENGTH_NAMES, ActorType, Channel, Domain, RelationKind

SHEETS = {
    "actoren": ["id", "naam", "soort", "domein", "rol", "wijk", "thema's", "omschrijving",
                "contact"],
    "relaties": ["van", "naar", "soort", "kanaal", "sterkte", "thema", "meting", "gericht"],
    "overleggen": ["id", "naam", "thema", "wijk", "omschrijving"],
    "deelnames": ["actor", "overleg"],
}

INSTRUCTIONS = [
    "wijkgraph: invulbestand voor een samenwerkingsnetwerk in de wijk",
    "",
    "1. Blad 'actoren': één rij per partij (organisatie, team, initiatief, persoon in een rol,",
    "   overleg, platform, netwerk, buurtcentrum). Alleen 'naam' is verplicht; een kort 'id'",
    "   maakt de relaties makkelijker. 'rol' zegt wat de partij is: huisarts, wijkagent,",
    "   buurtteam, sociaal makelaar, bewonersinitiatief, ...",
    "2. 'wijk' en 'thema's': meerdere waarden scheiden met ; of | (bijv. Oost; Binnenstad).",
    "3. Blad 'relaties': één rij per samenwerking. 'van' en 'naar' bevatten een id of de",
    "   exacte naam uit 'actoren'. 'sterkte' is 1-4 of een leermechanisme: identificatie (1,",
    "   van elkaar weten), coördinatie (2, taken verdelen), reflectie (3, van elkaar leren),",
    "   transformatie (4, samen iets nieuws). Leeg = 1. 'gericht': ja als de relatie één",
    "   kant op gaat (verwijzing, financiering), anders leeg of nee.",
    "4. Bladen 'overleggen' en 'deelnames' (niet verplicht): welke overleggen en netwerken er",
    "   zijn en wie eraan deelneemt.",
    "5. 'contact' is privé: het komt nooit in een gedeelde kaart of rapport.",
    "6. Controleer het bestand met: wijkgraph validate dit-bestand.xlsx",
    "   Analyseer het met:       wijkgraph analyse dit-bestand.xlsx",
]


def write_template(path: str | Path, *, force: bool = False) -> None:
    """Write the empty input workbook to `path` (refuses to overwrite unless `force`)."""
    import openpyxl
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    path = Path(path)
    if path.exists() and not force:
        raise OutputError(Problem("problem.output_exists", params={"path": str(path)}))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "uitleg"
    for i, line in enumerate(INSTRUCTIONS, start=1):
        ws.cell(row=i, column=1, value=line)
    ws["A1"].font = Font(bold=True, size=14)
    ws.column_dimensions["A"].width = 100
    lists = {
        "domein": [d.value for d in Domain],
        "soort": [t.value for t in ActorType],
        "kanaal": [c.value for c in Channel],
        "sterkte": [STRENGTH_NAMES[i] for i in range(1, 5)] + ["1", "2", "3", "4"],
        "relatiesoort": [k.value for k in RelationKind if k != RelationKind.GEDEELD_OVERLEG],
        "gericht": ["ja", "nee"],
    }
    for sheet, headers in SHEETS.items():
        s = wb.create_sheet(sheet)
        s.append(headers)
        for cell in s[1]:
            cell.font = Font(bold=True)
        s.freeze_panes = "A2"
        for i, h in enumerate(headers):
            s.column_dimensions[chr(65 + i)].width = max(14, len(h) + 4)
    ls = wb.create_sheet("lijsten")
    for col, (name, values) in enumerate(lists.items(), start=1):
        letter = chr(64 + col)
        ls.cell(row=1, column=col, value=name).font = Font(bold=True)
        for r, v in enumerate(values, start=2):
            ls.cell(row=r, column=col, value=v)
        lists[name] = [f"lijsten!${letter}$2:${letter}${len(values) + 1}"]  # type: ignore[list-item]

    def dropdown(sheet: str, column: str, list_name: str) -> None:
        dv = DataValidation(type="list", formula1=lists[list_name][0], allow_blank=True,
                            showErrorMessage=False)
        dv.promptTitle = list_name
        wb[sheet].add_data_validation(dv)
        dv.add(f"{column}2:{column}5000")

    dropdown("actoren", "C", "soort")
    dropdown("actoren", "D", "domein")
    dropdown("relaties", "C", "relatiesoort")
    dropdown("relaties", "D", "kanaal")
    dropdown("relaties", "E", "sterkte")
    dropdown("relaties", "H", "gericht")
    buffer = io.BytesIO()
    wb.save(buffer)
    atomic_write(path, buffer.getvalue())
