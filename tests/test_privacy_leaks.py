"""Leak scanner: with --pseudonymise no name, e-mail, phone number or input path gets out.

Generated people data (persons with names, e-mail addresses and phone numbers in several
private columns, in roles, themes, descriptions, relation notes, meeting ids, themes and
areas, written the ways people write them) is run through ``wijkgraph analyse
--pseudonymise`` with every output format, ``wijkgraph map --pseudonymise`` and
``wijkgraph convert --pseudonymise`` to every format. Every byte of every file written is
scanned for every secret: workbooks are unzipped, JSON escapes (``\\u0027``) and HTML
entities are decoded, and file names are checked too.
"""

from __future__ import annotations

import html
import json
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner, Result

from wijkgraph.cli import cli

# name, role as typed (with contact details), private columns, a text about them
PEOPLE = [
    ("Jan Smit", "wijkagent jan.smit@politie.nl 06\u201112983457", "0612983457",
     "jan.smit@politie.nl", "06 1298 3457"),
    ("Annelies van Duijvenbode", "buurtverbinder (annelies [at] buurt.nl)", "030\u00a0298\u00a03461",
     "annelies@buurt.nl", ""),
    ("Wouter Kwakernaak", "huisarts", "+31 (0)30 2983465", "w.kwakernaak(at)praktijk(dot)nl",
     "06\u221229834666"),
    ("Bo", "vrijwilliger", "", "bo at vrijwilligers.nl", "0629834677"),
    ("Fatima Zahraoui-Bakkali", "", "", "", ""),
    ("Kees", "buurtverbinder", "", "", ""),
]
SECRET_NAMES = ["Jan Smit", "Annelies van Duijvenbode", "Duijvenbode", "Wouter Kwakernaak",
                "Kwakernaak", "Fatima Zahraoui-Bakkali", "Zahraoui"]
SHORT_NAMES = ["Bo", "Kees"]  # checked as whole words, with their own case
SECRET_TEXT = ["jan.smit@politie.nl", "annelies [at] buurt.nl", "annelies@buurt.nl",
               "w.kwakernaak", "bo at vrijwilligers.nl", "vrijwilligers.nl", "politie.nl",
               "praktijk(dot)nl", "home-ajvduijvenbode", "netwerk-van-jan"]
SECRET_PHONES = ["0612983457", "0302983461", "31302983465", "0629834666", "0629834677"]
FORMATS = ["xlsx", "kumu", "kumu-json", "gexf", "graphml", "json", "gephi"]
SUFFIX = {"xlsx": ".xlsx", "kumu": ".kumu.xlsx", "kumu-json": ".kumu.json", "gexf": ".gexf",
          "graphml": ".graphml", "json": ".json", "gephi": ""}


def write_people_workbook(path: Path) -> None:
    """A workbook of persons and organisations with personal data everywhere."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "actoren"
    ws.append(["id", "naam", "type", "rol", "domein", "wijk", "thema's", "omschrijving",
               "Telefoonnummer", "E-mailadres", "Mobiel", "notities Jan Smit"])
    for k, (name, role, phone, mail, mobile) in enumerate(PEOPLE):
        ident = name if k % 2 else ""  # some persons have their name as id, some none
        ws.append([ident, name, "persoon", role, "inwoners", "Oost",
                   f"{name}'s moestuin; eenzaamheid", f"Bereikbaar via {mail or 'DOCK'}",
                   phone, mail, mobile, f"privé: {name}"])
    ws.append(["", "DOCK", "organisatie", "sociaal makelaar", "welzijn", "Oost",
               "eenzaamheid", "Contact: Jan Smit, tel. 06\u201112983457 of "
               "jan.smit[at]politie[dot]nl", "030 298 3400", "info@dock.nl", "",
               "Wouter Kwakernaak komt elke dinsdag"])
    ws.append(["", "Praktijk Kwakernaak", "organisatie", "huisartsenpraktijk", "zorg", "Oost",
               "gezondheid", "", "", "", "", ""])
    ws.append(["", "Buurtteam Oost", "team", "buurtteam", "welzijn",
               "Hofje van Wouter Kwakernaak", "armoede",
               "", "", "", "", ""])
    rel = wb.create_sheet("relaties")
    rel.append(["van", "naar", "sterkte", "thema", "omschrijving", "afspraak"])
    names = [p[0] for p in PEOPLE]
    for k, name in enumerate(names):
        rel.append([name, "DOCK", 1 + k % 4, f"moestuin van {name}",
                    f"{name} belt 030\u2010298\u20103461", f"met {name} ({PEOPLE[k][3]})"])
    rel.append(["Jan Smit", "Annelies van Duijvenbode", 2, "", "", ""])
    rel.append(["Bo", "Praktijk Kwakernaak", 1, "", "Bo: 06 2983 4677", ""])
    rel.append(["DOCK", "Buurtteam Oost", 3, "", "", ""])
    meet = wb.create_sheet("overleggen")
    meet.append(["id", "naam", "thema", "wijk", "omschrijving"])
    meet.append(["Overleg bij Jan Smit", "Tafel van Jan Smit", "tuin van Annelies van Duijvenbode",
                 "Straat van Wouter Kwakernaak", "Bel Bo: 06-2983-4677"])
    meet.append(["wijktafel", "Wijktafel Oost", "armoede", "Oost", ""])
    areas = wb.create_sheet("gebieden")
    areas.append(["naam", "ligt in"])
    areas.append(["Hofje van Wouter Kwakernaak", "Oost"])
    part = wb.create_sheet("deelnames")
    part.append(["actor", "overleg"])
    for actor, meeting in (("Jan Smit", "Overleg bij Jan Smit"), ("DOCK", "Overleg bij Jan Smit"),
                           ("Kees", "wijktafel"), ("DOCK", "wijktafel"),
                           ("Buurtteam Oost", "wijktafel")):
        part.append([actor, meeting])
    wb.save(path)


@pytest.fixture(scope="module")
def people_input(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("home-ajvduijvenbode")
    path = folder / "netwerk-van-jan.xlsx"
    write_people_workbook(path)
    return path


def invoke(*args: str) -> Result:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result


_CODE = re.compile(r"<script>.*?</script>", re.DOTALL)  # the page's own (minified) code


def texts_of(path: Path) -> list[tuple[str, bool]]:
    """Every text in the file at `path` (xlsx unzipped), raw and with escapes decoded.

    Each comes with whether short names are looked for in it: not in the page's own
    minified script (where ``Bo=Nt`` is code), but in its data and everything else.
    """
    data = path.read_bytes()
    parts = [data]
    if data[:2] == b"PK":
        with zipfile.ZipFile(path) as zf:
            parts = [zf.read(name) for name in zf.namelist()] + [
                name.encode() for name in zf.namelist()]
    out = []
    for part in parts:
        text = part.decode("utf-8", errors="replace")
        decoded = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
        decoded = html.unescape(decoded.replace("\\/", "/"))
        out += [(text, False), (decoded, False), (html.unescape(decoded), False)]
        out += [(_CODE.sub("", t), True) for t in (text, decoded)]
    return out


def leaks(text: str, input_path: Path, *, short: bool = True) -> list[str]:
    """The secrets found in `text` (names of two letters only when `short`)."""
    found = [s for s in SECRET_NAMES + SECRET_TEXT + [str(input_path), input_path.name]
             if s.casefold() in text.casefold()]
    if short:
        found += [s for s in SHORT_NAMES if re.search(rf"(?<!\w){s}(?!\w)", text)]
    for phone in SECRET_PHONES:  # digits with any separators between them
        if re.search(r"\D{0,3}".join(phone[-8:]), text):
            found.append(phone)
    return found


def scan(folder: Path, input_path: Path) -> dict[str, list[str]]:
    found = {}
    for path in sorted(p for p in folder.rglob("*")):
        hits = leaks(str(path.relative_to(folder)), input_path)
        if path.is_file():
            for text, short in texts_of(path):
                hits += leaks(text, input_path, short=short)
        if hits:
            found[str(path.relative_to(folder))] = sorted(set(hits))
    return found


def test_the_scanner_finds_what_it_looks_for(people_input: Path, tmp_path: Path) -> None:
    invoke("convert", str(people_input), "-o", str(tmp_path / "plain.xlsx"), "--include-private")
    found = scan(tmp_path, people_input)["plain.xlsx"]
    assert {"Jan Smit", "jan.smit@politie.nl", "0612983457", "Bo"} <= set(found)


def test_no_secret_in_any_byte_of_any_output(people_input: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    result = invoke("analyse", str(people_input), "--pseudonymise", "-o", str(out / "rapport"),
                    "--format", "html,md,map,xlsx,json")
    assert sorted(p.name for p in (out / "rapport").iterdir()) == [
        ".wijkgraph", "analysis.json", "map.html", "report.html", "report.md", "tables.xlsx"]
    invoke("map", str(people_input), "--pseudonymise", "-o", str(out / "kaart.html"))
    for fmt in FORMATS:
        invoke("convert", str(people_input), "--pseudonymise", "--to", fmt,
               "-o", str(out / f"omgezet-{fmt}{SUFFIX[fmt]}"))
    assert scan(out, people_input) == {}
    assert not leaks(result.output, people_input), result.output
    meta = json.loads((out / "rapport" / "analysis.json").read_text("utf-8"))["meta"]
    assert meta["source"] == ""


def test_pseudonyms_are_built_from_the_cleaned_role(people_input: Path, tmp_path: Path) -> None:
    out = tmp_path / "n.json"
    invoke("convert", str(people_input), "--pseudonymise", "--to", "json", "-o", str(out))
    data = json.loads(out.read_text("utf-8"))
    persons = {n["name"] for n in data["nodes"] if n.get("type") == "persoon"}
    assert persons == {"Wijkagent 1", "Buurtverbinder 1", "Buurtverbinder 2", "Huisarts 1",
                       "Vrijwilliger 1", "Persoon 1"}
    others = {n["name"] for n in data["nodes"] if n.get("type") != "persoon"}
    assert others == {"DOCK", "Praktijk Huisarts 1", "Buurtteam Oost"}
    assert "[contact verwijderd]" in out.read_text("utf-8")


def test_without_pseudonymise_the_private_columns_stay_out(people_input: Path,
                                                           tmp_path: Path) -> None:
    """Telefoonnummer, E-mailadres and Mobiel are the private column 'contact'."""
    out = tmp_path / "rapport"
    invoke("analyse", str(people_input), "-o", str(out), "--format", "xlsx,json")
    invoke("convert", str(people_input), "-o", str(tmp_path / "n.gexf"))
    for path in (out / "tables.xlsx", tmp_path / "n.gexf"):
        text = "".join(t for t, _short in texts_of(path))
        for column_value in ("0612983457", "030\u00a0298\u00a03461", "06 1298 3457"):
            assert column_value not in text
    meta = json.loads((out / "analysis.json").read_text("utf-8"))["meta"]
    assert meta["source"] == "netwerk-van-jan.xlsx"


def test_compare_leaks_nothing_and_keeps_one_pseudonym_per_person(people_input: Path,
                                                                   tmp_path: Path) -> None:
    """`compare --pseudonymise`: both waves, every output file, the terminal, no file names.

    Wave 2 lost Kees, gained Henk Verschuure-Tamminga (whose name and contact details are
    secrets too) and changed Jan Smit's role text; a person is one pseudonym in both waves,
    so the persons who stayed are kept, not lost and added.
    """
    after = people_input.parent / "meting-2-van-jan.xlsx"
    wb = openpyxl.load_workbook(people_input)
    for sheet, column in (("actoren", 1), ("relaties", 0), ("relaties", 1), ("deelnames", 0)):
        ws = wb[sheet]
        for row in reversed(list(ws.iter_rows(min_row=2))):
            if row[column].value == "Kees":
                ws.delete_rows(row[0].row)
    ws = wb["actoren"]
    ws.append(["", "Henk Verschuure-Tamminga", "persoon", "buurtverbinder", "inwoners", "Oost",
               "", "henk.vt@gmail.com", "06-29834688", "", "", ""])
    wb["relaties"].append(["Henk Verschuure-Tamminga", "DOCK", 2, "", "", ""])
    wb.save(after)
    out = tmp_path / "out"
    result = invoke("compare", str(people_input), str(after), "--pseudonymise", "-o",
                    str(out / "verschil"), "--lang", "en")
    secrets = ["Verschuure", "Tamminga", "henk.vt", after.name, str(after), "meting-2-van"]
    found = scan(out, people_input)
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        for text, _short in texts_of(path):
            hits = [s for s in secrets if s.casefold() in text.casefold()]
            hits += ["0629834688"] if re.search(r"\D{0,3}".join("29834688"), text) else []
            if hits:
                found.setdefault(path.name, []).extend(hits)
    assert found == {}
    assert not leaks(result.output, people_input) and "Verschuure" not in result.output
    data = json.loads((out / "verschil" / "verschil.json").read_text("utf-8"))
    assert data["labels"] == ["wave 1", "wave 2"]  # not the file names
    counts = data["counts"]
    # 6 persons before, 6 after (Kees out, Henk in); the 5 who stayed are kept
    assert (counts["actors_lost"], counts["actors_added"]) == (1, 1), counts
    # before and after corrections from the room that add a person with contact details
    extra = people_input.parent / "aanvullingen-van-henk.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "actoren"
    ws.append(["naam", "type", "rol", "domein", "omschrijving", "wie"])
    ws.append(["Henk Verschuure-Tamminga", "persoon", "buurtverbinder", "inwoners",
               "henk.vt@gmail.com, 06-29834688", "Jan Smit"])
    rel = wb.create_sheet("relaties")
    rel.append(["van", "naar", "wie"])
    rel.append(["Henk Verschuure-Tamminga", "Jan Smit", "Annelies van Duijvenbode"])
    wb.save(extra)
    fixed = invoke("compare", str(people_input), "--aanvullingen", str(extra), "--pseudonymise",
                   "-o", str(tmp_path / "aanvullingen" / "verschil"))
    secrets += [extra.name, "aanvullingen-van-henk"]
    hits = {p.name: [s for t, _ in texts_of(p) for s in secrets if s.casefold() in t.casefold()]
            for p in (tmp_path / "aanvullingen" / "verschil").iterdir() if p.is_file()}
    assert scan(tmp_path / "aanvullingen", people_input) == {}
    assert not any(hits.values()), hits
    assert not leaks(fixed.output, people_input) and "Verschuure" not in fixed.output
    assert "1 actor joined" in invoke(  # (the terminal in English for the count)
        "compare", str(people_input), "--aanvullingen", str(extra), "--pseudonymise", "-o",
        str(tmp_path / "en"), "--lang", "en").output
    again = invoke("compare", str(people_input), str(after), "--pseudonymise", "-o",
                   str(tmp_path / "again"), "--lang", "en")
    assert again.output.replace("again", "out/verschil") == result.output.replace(
        "out/verschil", "out/verschil")
    for name in ("verschil.html", "verschil.md", "verschil.json"):
        assert (out / "verschil" / name).read_bytes() == (tmp_path / "again" / name).read_bytes()


def test_analyse_with_corrections_does_not_print_names_when_pseudonymised(
        people_input: Path, tmp_path: Path) -> None:
    """The corrections' own lines name persons: with --pseudonymise they are not shown."""
    extra = people_input.parent / "aanvullingen-analyse.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "actoren"
    ws.append(["naam", "type", "rol", "domein"])
    ws.append(["Henk Verschuure-Tamminga", "persoon", "buurtverbinder", "inwoners"])
    wb.save(extra)
    shown = invoke("analyse", str(people_input), "--aanvullingen", str(extra),
                   "-o", str(tmp_path / "plain"))
    assert "Verschuure" in shown.output  # without the flag the room sees what changed
    hidden = invoke("analyse", str(people_input), "--aanvullingen", str(extra),
                    "--pseudonymise", "-o", str(tmp_path / "anon"))
    assert "Verschuure" not in hidden.output and not leaks(hidden.output, people_input)
    assert scan(tmp_path / "anon", people_input) == {}


def test_analysis_json_names_the_reference_model_file_not_its_folder(tmp_path) -> None:
    """The model's folder (a site-packages or home path) never reaches analysis.json."""
    import json

    from wijkgraph.analysis.run import analyse
    from wijkgraph.reference import load_reference
    from wijkgraph.sources.bundled import load_dataset

    own = tmp_path / "Users" / "jdevries" / "mijn-model.yaml"
    own.parent.mkdir(parents=True)
    own.write_text(Path(load_reference("utrecht-basis").path).read_text(encoding="utf-8"),
                   encoding="utf-8")
    text = analyse(load_dataset("driehoek"), reference=str(own)).to_json("en")
    assert "jdevries" not in text and str(tmp_path) not in text
    assert json.loads(text)["roles"]["reference"]["path"] == "mijn-model.yaml"
