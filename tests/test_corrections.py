"""Corrections from the room (`wijkgraph.sources.corrections`), on hand-made workbooks.

A tiny network (A-B, B-C) is corrected by hand-written aanvullingen; every expected
value is worked out by hand from the rows below.
"""

from __future__ import annotations

import hashlib
import json

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner

import wijkgraph
from wijkgraph.cli import cli
from wijkgraph.errors import InputError, ValidationError
from wijkgraph.model.network import build_network
from wijkgraph.model.tables import tables_from_frames
from wijkgraph.sources.corrections import apply_corrections, describe_corrections


@pytest.fixture
def net():
    actors = pd.DataFrame({"id": ["a", "b", "c"], "naam": ["Alfa", "Bravo", "Charlie"],
                           "domein": ["zorg", "welzijn", "wonen"],
                           "omschrijving": ["", "Buurtteam", ""]})
    relations = pd.DataFrame({"van": ["a", "b"], "naar": ["b", "c"], "sterkte": [2, 3]})
    return build_network(tables_from_frames(actors, relations))


def workbook(path, sheets):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


GOOD = {
    "actoren": [["naam", "domein", "rol", "wijk", "wie", "wanneer", "waarom"],
                ["Moskee", "welzijn", "moskee", "Oost", "Ayse", "2026-11-26", "vergeten"]],
    "relaties": [["van", "naar", "soort", "sterkte", "wie"],
                 ["Moskee", "Charlie", "samenwerking", 2, "Ayse"],
                 ["alfa", "c", "", 4, ""]],
    "beeindigd": [["van", "naar", "wie"], ["Charlie", "Bravo", "Jan"]],
    "notities": [["actor", "notitie", "wie", "wanneer"],
                 ["Bravo", "werkt met de huisarts", "Jan", "2026-11-26"]],
}


def test_apply_adds_ends_and_notes_as_written(net, tmp_path):
    path = workbook(tmp_path / "aanv.xlsx", GOOD)
    after = apply_corrections(net, path)
    # 3 + 1 actors; 2 - 1 (b-c ended) + 2 (moskee-c, a-c) relations
    assert after.n_actors == 4 and after.n_relations == 3
    moskee = after.tables.actors.iloc[-1]
    assert (moskee["name"], moskee["domain"], moskee["role"], moskee["wijk"]) == (
        "Moskee", "welzijn", "moskee", ("Oost",))
    assert after.graph.has_edge(moskee["id"], "c") and after.graph.has_edge("a", "c")
    assert not after.graph.has_edge("b", "c") and after.graph.has_edge("a", "b")
    assert after.graph["a"]["c"]["weight"] == 4
    bravo = after.tables.actors.set_index("id").loc["b", "description"]
    assert bravo == "Buurtteam\nwerkt met de huisarts (Jan, 2026-11-26)"
    report = after.meta["corrections"]
    assert report["added_actors"] == ["Moskee"]
    assert report["added_relations"] == [["Moskee", "Charlie"], ["Alfa", "Charlie"]]
    assert report["ended_relations"] == [["Charlie", "Bravo"]]
    assert report["notes"] == [["Bravo", "werkt met de huisarts (Jan, 2026-11-26)"]]
    assert {"sheet": "actoren", "row": 2, "kind": "actors", "wie": "Ayse",
            "wanneer": "2026-11-26", "waarom": "vergeten"} in report["who"]
    # the original network is untouched
    assert net.n_actors == 3 and net.n_relations == 2 and "corrections" not in net.meta
    # the face offers it, and Tables work too
    assert wijkgraph.apply_corrections(net.tables, path).n_relations == 3


def test_every_problem_is_named_with_its_place(net, tmp_path):
    sheets = {
        "actoren": [["naam", "domein"], ["Bravo", "zorg"]],  # exists already
        "relaties": [["van", "naar"], ["Alfa", "Niemand"]],  # unknown actor
        "beeindigd": [["van", "naar"], ["Alfa", "Charlie"]],  # no such tie
        "notities": [["actor", "notitie"], ["Zulu", "x"]],  # unknown actor
    }
    path = workbook(tmp_path / "fout.xlsx", sheets)
    with pytest.raises(ValidationError) as err:
        apply_corrections(net, path)
    found = {(p.code, p.file, p.sheet, p.row) for p in err.value.problems
             if p.severity == "error"}
    assert ("problem.correction_actor_exists", "fout.xlsx", "actoren", 2) in found
    assert ("problem.unknown_actor", "fout.xlsx", "relaties", 2) in found
    assert ("problem.correction_no_tie", "fout.xlsx", "beeindigd", 2) in found
    assert ("problem.correction_unknown_actor", "fout.xlsx", "notities", 2) in found
    unknown = next(p for p in err.value.problems if p.code == "problem.unknown_actor")
    assert unknown.column == "naar" and unknown.params["name"] == "Niemand"


def test_ending_a_tie_of_a_new_party_says_there_is_no_such_tie(net, tmp_path):
    sheets = {"actoren": [["naam"], ["Moskee"]],
              "beeindigd": [["van", "naar"], ["Moskee", "Alfa"]]}
    with pytest.raises(ValidationError) as err:
        apply_corrections(net, workbook(tmp_path / "a.xlsx", sheets))
    assert [(p.code, p.sheet, p.row) for p in err.value.problems if p.severity == "error"] == [
        ("problem.correction_no_tie", "beeindigd", 2)]


def test_the_included_browser_files_hold_no_template_tags():
    from importlib import resources

    folder = resources.files("wijkgraph.render") / "templates"
    for name, end in (("corrections.js", "</script"), ("corrections.css", "</style")):
        text = (folder / name).read_text(encoding="utf-8")
        assert not any(tag in text.lower() for tag in ("{{", "{%", "{#", end)), name
        assert "innerHTML" not in text and "fetch(" not in text and "XMLHttpRequest" not in text


def test_a_file_without_corrections_is_refused(net, tmp_path):
    path = workbook(tmp_path / "leeg.xlsx", {"actoren": [["naam"]], "overig": [["x"], ["y"]]})
    with pytest.raises(InputError) as err:
        apply_corrections(net, path)
    assert err.value.problem.code == "problem.correction_empty"


def test_describe_counts_in_dutch():
    report = {"file": "a.xlsx", "added_actors": ["M", "N"], "added_relations": [],
              "ended_relations": [["A", "B"]], "notes": []}
    assert describe_corrections(report, lang="nl") == [
        "Aanvullingen uit a.xlsx:", "  2 partijen toegevoegd: M en N",
        "  1 band beëindigd: A — B"]


def test_cli_applies_reports_and_keeps_the_input(net, tmp_path):
    from wijkgraph.io.workbook import write_workbook

    source = write_workbook(net, tmp_path / "wijk.xlsx")
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    fixes = workbook(tmp_path / "aanv.xlsx", GOOD)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["--lang", "en", "analyse", str(source), "--aanvullingen",
                                      str(fixes), "-o", str(out), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "Corrections from aanv.xlsx:" in result.output
    assert "1 party added: Moskee" in result.output
    data = json.loads((out / "analysis.json").read_text(encoding="utf-8"))
    assert data["meta"]["corrections"]["added_actors"] == ["Moskee"]
    assert data["network"]["n_actors"] == 4 and data["network"]["n_relations"] == 3
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before


def test_cli_stops_with_exit_2_and_writes_nothing(net, tmp_path):
    from wijkgraph.io.workbook import write_workbook

    source = write_workbook(net, tmp_path / "wijk.xlsx")
    fixes = workbook(tmp_path / "fout.xlsx", {"relaties": [["van", "naar"], ["Alfa", "Niemand"]]})
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["--lang", "en", "analyse", str(source), "--aanvullingen",
                                      str(fixes), "-o", str(out)])
    assert result.exit_code == 2
    assert "fout.xlsx" in result.output and "relaties" in result.output
    assert "Niemand" in result.output and "Traceback" not in result.output
    assert not out.exists()


def test_compare_before_and_after_corrections(net, tmp_path):
    from wijkgraph.io.workbook import write_workbook

    source = write_workbook(net, tmp_path / "wijk.xlsx")
    fixes = workbook(tmp_path / "aanv.xlsx", GOOD)
    out = tmp_path / "cmp"
    result = CliRunner().invoke(cli, ["--lang", "en", "compare", str(source),
                                      "--aanvullingen", str(fixes), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert any(out.iterdir())


# a sheet that starts well (its size is read when the workbook opens) and then breaks
_BROKEN = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           b'<dimension ref="A1:A2"/><sheetData>' + b"<row><c><v>" * 1000)


def _break_sheet(path, sheet_file):
    """`path` with the XML of one worksheet replaced by garbage (any parse of it fails)."""
    import zipfile

    broken = path.with_name("broken-" + path.name)
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            dst.writestr(item, _BROKEN if item.filename == sheet_file else data)
    return broken


def test_only_the_correction_sheets_are_read(net, tmp_path, monkeypatch):
    # a workbook with a large sheet of its own (the meeting's notes, 20,000 rows) and a
    # broken one: neither is parsed, so neither costs time nor fails the corrections
    sheets = {"uitleg": [["tekst"]] + [[f"regel {i}"] for i in range(20000)],
              "kapot": [["x"], ["y"]], **GOOD}
    path = _break_sheet(workbook(tmp_path / "aanv.xlsx", sheets), "xl/worksheets/sheet2.xml")
    from wijkgraph.sources import corrections

    read = []
    real = corrections.workbook_cells
    monkeypatch.setattr(corrections, "workbook_cells",
                        lambda ws, **kw: read.append(kw["sheet"]) or real(ws, **kw))
    after = apply_corrections(net, path)
    assert read == ["actoren", "relaties", "beeindigd", "notities"]
    assert after.n_actors == 4 and after.n_relations == 3  # as from GOOD alone


def test_a_visible_correction_sheet_wins_over_a_hidden_one(net, tmp_path):
    path = workbook(tmp_path / "aanv.xlsx", {"Actoren": [["naam", "domein"], ["Verborgen", "zorg"]],
                                             "actoren ": [["naam", "domein"], ["Zichtbaar", "zorg"]]})
    wb = openpyxl.load_workbook(path)
    wb["Actoren"].sheet_state = "hidden"
    wb.save(path)
    after = apply_corrections(net, path)
    assert after.meta["corrections"]["added_actors"] == ["Zichtbaar"]
