"""The one table of formats: every file is recognised as what it is, by one `identify`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from wijkgraph.errors import InputError
from wijkgraph.io import FORMATS, identify, load_tables, read, write
from wijkgraph.io.survey import import_survey
from wijkgraph.io.template import write_template
from wijkgraph.sources.bundled import DatasetInfo, dataset_path, load_dataset, synthetic

SURVEY = Path(__file__).resolve().parents[1] / "data" / "good" / "survey"
NAMES = {"xlsx": "net.xlsx", "kumu": "net.kumu.xlsx", "kumu-json": "net.kumu.json",
         "gexf": "net.gexf", "graphml": "net.graphml", "json": "net.json", "gephi": "gephi"}


def test_one_format_per_name_and_a_module_each() -> None:
    names = [f.name for f in FORMATS]
    assert len(names) == len(set(names))
    assert names == ["xlsx", "kumu", "kumu-json", "gexf", "graphml", "json", "gephi", "survey",
                     "csv"]
    assert {f.name for f in FORMATS if f.write is not None} == set(NAMES)


@pytest.mark.parametrize("name", sorted(NAMES))
def test_what_we_write_is_identified_as_itself(tmp_path: Path, name: str) -> None:
    net = load_dataset("driehoek")
    path = write(net, tmp_path / NAMES[name])
    assert identify(path).name == name
    back = read(path)
    assert (back.n_actors, back.n_relations) == (net.n_actors, net.n_relations)


def test_a_dataset_folder_and_a_survey_workbook(tmp_path: Path) -> None:
    assert identify(dataset_path("driehoek")).name == "csv"
    path = import_survey(SURVEY / "microsoft-forms-nl.xlsx").write(tmp_path / "peiling.xlsx")
    assert identify(path).name == "survey"
    assert read(path).meta["missed_by_respondents"]


@pytest.mark.parametrize(("name", "code"), [
    ("missing.xlsx", "problem.file_missing"),
    ("single.csv", "problem.single_csv"),
    ("sheet.ods", "problem.unsupported_input"),
])
def test_what_is_no_input(tmp_path: Path, name: str, code: str) -> None:
    if name != "missing.xlsx":
        (tmp_path / name).write_text("a,b\n")
    for reader in (identify, read, load_tables):
        with pytest.raises(InputError) as info:
            reader(tmp_path / name)
        assert info.value.problem.code == code


def test_survey_explain_says_plurals_properly() -> None:
    result = import_survey(SURVEY / "microsoft-forms-nl.xlsx")
    for lang in ("nl", "en"):
        text = result.explain(lang)
        assert "(n)" not in text and "(en)" not in text and "(s)" not in text, text
        assert "/namen" not in text and "(y/ies)" not in text, text
    assert "1 antwoord over de sterkte was niet te begrijpen en telt als 1" in result.explain("nl")


def test_english_template_instructions_same_sheets(tmp_path: Path) -> None:
    import openpyxl

    write_template(tmp_path / "en.xlsx", lang="en")
    wb = openpyxl.load_workbook(tmp_path / "en.xlsx")
    assert wb.sheetnames[1:5] == ["actoren", "relaties", "overleggen", "deelnames"]
    assert "one row per party" in str(wb["uitleg"]["A3"].value)


def test_titles_in_both_languages() -> None:
    info = DatasetInfo("x", "Titel", "Title", "", 0, 0, 0, Path("."))
    assert (info.title("nl"), info.title("en")) == ("Titel", "Title")
    meta = synthetic(12).meta
    assert (meta["title_nl"], meta["title_en"]) == ("Gegenereerd netwerk (12 actoren)",
                                                    "Generated network (12 actors)")


def test_reading_a_dataset_imports_no_workbook_or_xml_library() -> None:
    code = ("import sys\nfrom wijkgraph.sources import load\nload('driehoek')\n"
            "print(sorted(m for m in ('openpyxl', 'lxml') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
