"""A party typed twice in the actors sheet: ``--aliases`` (or the workbook's own aliases
sheet) merges the rows before validation, through the command line; a name typed twice
that no alias names stays the same error with the same message."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
from click.testing import CliRunner, Result

from wijkgraph.cli import cli
from wijkgraph.io._typed_twice import merge_typed_twice
from wijkgraph.model.duplicates import AliasEntry
from wijkgraph.model.tables import RawTable

ACTORS = [("naam", "domein", "wijk", "thema's"),
          ("DOCK Zuid", "welzijn", "Zuid", "eenzaamheid"),
          ("Wijkbureau Zuid", "gemeente", "Zuid", ""),
          ("Buurtteam Zuid", "welzijn", "Zuid", ""),
          ("Dock  zuid", "", "Hoograven", "armoede")]  # row 5: DOCK Zuid typed again
RELATIONS = [("bron", "doel", "sterkte"),
             ("DOCK Zuid", "Wijkbureau Zuid", 2),
             ("Dock zuid", "Buurtteam Zuid", 3),
             ("Buurtteam Zuid", "Wijkbureau Zuid", 1)]


def workbook(path: Path, actors=ACTORS, aliases=None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "actoren"
    for row in actors:
        ws.append(row)
    ws = wb.create_sheet("relaties")
    for row in RELATIONS:
        ws.append(row)
    if aliases:
        ws = wb.create_sheet("aliassen")
        for row in [("naam", "zelfde als"), *aliases]:
            ws.append(row)
    wb.save(path)
    return path


def alias_file(path: Path, rows) -> Path:
    path.write_text("naam;zelfde als\n" + "".join(f"{a};{b}\n" for a, b in rows),
                    encoding="utf-8")
    return path


def run(*args: str) -> Result:
    result = CliRunner().invoke(cli, ["--lang", "en", *args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def test_without_an_alias_a_name_typed_twice_stops_the_run(tmp_path):
    result = run("validate", str(workbook(tmp_path / "wijk.xlsx")))
    assert result.exit_code == 2
    assert "Name 'Dock zuid' already appears in row 2 ('DOCK Zuid')" in result.output


def test_the_aliases_option_merges_the_rows_typed_twice(tmp_path):
    wb = workbook(tmp_path / "wijk.xlsx")
    aliases = alias_file(tmp_path / "aliassen.csv", [("Dock zuid", "DOCK Zuid")])
    result = run("validate", str(wb), "--aliases", str(aliases))
    assert result.exit_code == 0, result.output
    assert "already appears" not in result.output
    # the analysis sees one DOCK Zuid with the ties of both rows
    out = tmp_path / "uit"
    result = run("analyse", str(wb), "--aliases", str(aliases), "--output", str(out),
                 "--format", "json")
    assert result.exit_code == 0, result.output
    import json

    data = json.loads((out / "analysis.json").read_text(encoding="utf-8"))
    assert data["network"]["n_actors"] == 3
    assert data["network"]["n_relations"] == 3


def test_the_workbooks_own_aliases_sheet_merges_them_too(tmp_path):
    wb = workbook(tmp_path / "wijk.xlsx", aliases=[("Dock  Zuid", "DOCK Zuid")])
    assert run("validate", str(wb)).exit_code == 0


def test_a_duplicate_no_alias_names_keeps_its_message(tmp_path):
    actors = [*ACTORS, ("Wijkbureau Zuid", "gemeente", "", "")]  # row 6: not aliased
    plain = run("validate", str(workbook(tmp_path / "a.xlsx", actors)))
    wb = workbook(tmp_path / "b.xlsx", actors)
    aliases = alias_file(tmp_path / "aliassen.csv", [("Dock zuid", "DOCK Zuid")])
    result = run("validate", str(wb), "--aliases", str(aliases))
    assert result.exit_code == 2
    line = "Name 'Wijkbureau Zuid' already appears in row 3"
    assert line in result.output and line in plain.output
    mine = [x for x in result.output.splitlines() if line in x]
    assert mine == [x.replace("a.xlsx", "b.xlsx") for x in plain.output.splitlines() if line in x]
    assert "Name 'Dock zuid' already appears" not in result.output  # aliased: no problem


def test_merged_rows_keep_every_value():
    raw = RawTable("actors", "x.xlsx", "actoren", pd.DataFrame({
        "name": ["DOCK Zuid", "Wijkbureau", "Dock  zuid"], "domain": ["", "gemeente", "welzijn"],
        "wijk": ["Zuid", "", "Hoograven; Zuid"], "themes": ["eenzaamheid", "", "armoede"]}),
        [2, 3, 7])
    merged, n = merge_typed_twice(raw, [AliasEntry("Dock zuid", "DOCK Zuid")])
    assert n == 1 and merged.rows == [2, 3]
    assert merged.frame.to_dict("records")[0] == {
        "name": "DOCK Zuid", "domain": "welzijn", "wijk": "Zuid; Hoograven",
        "themes": "eenzaamheid; armoede"}
    # the row written as the alias's "same as" is the one kept
    merged, _ = merge_typed_twice(raw, [AliasEntry("DOCK Zuid", "Dock zuid")])
    assert merged.frame["name"].tolist() == ["Wijkbureau", "Dock  zuid"] and merged.rows == [3, 7]
    # an alias between two other parties leaves the table as it is
    same, n = merge_typed_twice(raw, [AliasEntry("Wijkbureau", "DOCK Zuid")])
    assert n == 0 and same is raw
