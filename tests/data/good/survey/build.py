"""Build the Microsoft Forms test export `microsoft-forms-nl.xlsx` (run from the repo root).

A made-up but realistic Dutch Forms export after the Utrecht Oost needs survey (seed 003):
Dutch column titles, multi-select answers ending in ';', spelling variants of the same
organisation, empty answers, a respondent without an organisation, and 'n.v.t.'.
"""

from pathlib import Path

import openpyxl

HEADERS = ["Id", "Begintijd", "Tijd van voltooien", "E-mail", "Naam", "Tijd laatst gewijzigd",
           "Bij welke organisatie werkt u?", "Wat is uw functie?", "In welk domein werkt u?",
           "In welke wijk bent u actief?",
           "Met welke organisaties en partijen werkt u samen in de wijk?",
           "Hoe heeft u contact met deze partijen?",
           "Welk leermechanisme past het best bij uw samenwerking?",
           "Wie worden er gemist in de huidige samenwerking?"]
ROWS = [
    ("DOCK", "sociaal makelaar", "Welzijn", "Oost",
     "Buurtteam Oost; Stichting JOU; Wijkbureau Oost; Oost voor Elkaar;",
     "Bijeenkomsten (live);Telefonisch;E-mail;", "Reflectie", "Huisartsen; Wijkagent"),
    ("Buurtteams Oost", "buurtteammedewerker", "zorg", "Oost",
     "dock, wijkbureau oost, SterkZorg\nU-centraal", "Telefonisch;Whatsapp;", "Coördinatie",
     "huisarts, fysiotherapeuten en GGZ"),
    ("Stichting JOU", "jongerenwerker", "welzijn", "Oost",
     "DOCK;Podium Oost;SSH;", "Whatsapp;", "identificatie", "ROC; politie"),
    ("Wijkbureau Oost", "wijkcoördinator", "gemeente", "Oost",
     "DOCK; Buurtteam Oost; Oost voor elkaar!; Gemeente Utrecht; Portaal",
     "E-mail;Online bijeenkomst (Teams, Zoom, Google Meet);",
     "Transformatie", "Woningbouwcorporaties; sportclubs"),
    ("SterkZorg", "wijkverpleegkundige", "zorg", "Oost",
     "Buurtteam Oost;Huisartsenpraktijk Oost;", "Telefonisch;", "2",
     "Huisartsen;Apothekers;Diëtisten"),
    ("Oost voor Elkaar", "coördinator", "welzijn", "Oost",
     "DOCK Utrecht; Buurtteam Oost; U Centraal; Wijkbureau Ooost", "Digitaal platform;E-mail;",
     "Reflectie", "n.v.t."),
    ("", "actieve bewoner", "inwoners", "Oost",
     "Podium Oost, Buurtteam Oost-Zuid", "Bijeenkomsten (live);", "", "Buurtverbinders"),
    ("Stichting Studenten Huisvesting", "huismeester", "wonen", "Oost",
     "Stichting JOU; International Welcome Centre Utrecht", "E-mail;", "Identificatie", ""),
    ("Podium Oost", "programmamaker", "sport en cultuur", "Oost",
     "", "", "", "-"),
    ("Sterk Zorg", "wijkverpleegkundige", "Zorg", "Oost",
     "buurtteam oost; huisartsenpraktijk oost; Apotheek Oost;", "Telefonisch;Siilo;",
     "coordinatie", "Huisartsen, GGZ"),
    ("U-centraal", "maatschappelijk werker", "welzijn", "Oost",
     "Buurtteams Oost; DOCK; n.v.t.", "Telefonisch;E-mail;", "sterk", "Wijk BOA"),
    ("Gemeente Utrecht", "beleidsadviseur", "gemeente", "Oost; Binnenstad",
     "Wijkbureau Oost, Dock, Werk en Inkomen", "E-mail;", "Coördinatie", "ROC"),
]


def build(folder: Path) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(HEADERS)
    for i, row in enumerate(ROWS, start=1):
        start = f"3/{i:02d}/24 09:{i:02d}:00"
        ws.append([i, start, start, f"respondent{i}@voorbeeld.nl", f"Respondent Naam {i}", "",
                   *row])
    path = folder / "microsoft-forms-nl.xlsx"
    wb.save(path)
    return path


if __name__ == "__main__":
    print(build(Path(__file__).parent))
