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

from pathlib import Path

from wijkgraph._files import atomic_write
from wijkgraph.errors import OutputError, Problem
from wijkgraph.i18n import N_, translator
from wijkgraph.io._records import protect_formulas, save_workbook
from wijkgraph.model.schema import STRENGTH_NAMES, ActorType, Channel, Domain, RelationKind

SHEETS = {
    "actoren": ["id", "naam", "soort", "domein", "rol", "wijk", "thema's", "omschrijving",
                "contact"],
    "relaties": ["van", "naar", "soort", "kanaal", "sterkte", "thema", "meting", "gericht"],
    "overleggen": ["id", "naam", "thema", "wijk", "omschrijving"],
    "deelnames": ["actor", "overleg"],
}

# The instructions on the sheet 'uitleg', one entry per paragraph ("\n" starts a new row).
# Sheet and column names stay Dutch in every language: they are what the template holds.
INSTRUCTIONS = (
    N_("wijkgraph: input workbook for a collaboration network in the neighbourhood"),
    "",
    N_("1. Sheet 'actoren': one row per party (organisation, team, initiative, person in a\n"
       "   role, meeting, platform, network, community centre). Only 'naam' is required; a\n"
       "   short 'id' makes the relations easier. 'rol' says what the party is: huisarts,\n"
       "   wijkagent, buurtteam, sociaal makelaar, bewonersinitiatief, ..."),
    N_("2. 'wijk' and 'thema's': separate several values with ; or | (e.g. Oost; Binnenstad)."),
    N_("3. Sheet 'relaties': one row per collaboration. 'van' and 'naar' hold an id or the\n"
       "   exact name from 'actoren'. 'sterkte' is 1-4 or a learning mechanism: identificatie\n"
       "   (1, knowing of each other), coördinatie (2, dividing tasks), reflectie (3, learning\n"
       "   from each other), transformatie (4, making something new together). Empty = 1.\n"
       "   'gericht': ja when the relation goes one way (referral, funding), else empty or nee."),
    N_("4. Sheets 'overleggen' and 'deelnames' (optional): which meetings and networks there\n"
       "   are and who takes part in them."),
    N_("5. 'contact' is private: it never goes into a shared map or report."),
    N_("6. Check the file with: wijkgraph validate this-file.xlsx\n"
       "   Analyse it with:      wijkgraph analyse this-file.xlsx"),
)


def instructions(lang: str = "nl") -> list[str]:
    """The rows of the sheet 'uitleg' in `lang`.

    >>> instructions("nl")[0]
    'wijkgraph: invulbestand voor een samenwerkingsnetwerk in de wijk'
    >>> len(instructions("nl")), instructions("en")[2][:18]
    (17, "1. Sheet 'actoren'")
    """
    t = translator(lang)
    return [line for text in INSTRUCTIONS for line in (t.gettext(text) if text else "").split("\n")]


def write_template(path: str | Path, *, force: bool = False, lang: str = "nl") -> None:
    """Write the empty input workbook to `path` (refuses to overwrite unless `force`).

    The instructions are in `lang`; sheet and column names are Dutch in every language
    (wijkgraph reads English ones too). The same `lang` gives byte-identical files.
    """
    import openpyxl
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    path = Path(path)
    if path.exists() and not force:
        raise OutputError(Problem("problem.output_exists", params={"path": str(path)}))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "uitleg"
    for i, line in enumerate(instructions(lang), start=1):
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
        lists[name] = [f"lijsten!${letter}$2:${letter}${len(values) + 1}"]

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
    for sheet in wb.worksheets:
        protect_formulas(sheet)
    atomic_write(path, save_workbook(wb))
