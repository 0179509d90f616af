"""Hostile inputs and safe outputs (issue 14): limits, cleaning, formula protection, escaping.

The bad-input corpus (tests/data/bad/cases.yaml) runs whole inputs through the command
line; these tests check the pieces against independent computations: the character policy
against `unicodedata`, the limits with small values patched in, memory with `tracemalloc`,
written files by reading their bytes back.
"""

from __future__ import annotations

import io
import json
import re
import sys
import tracemalloc
import unicodedata
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner

from wijkgraph.cli import cli
from wijkgraph.errors import InputError, ValidationError
from wijkgraph.io import _cells, _limits, read, write
from wijkgraph.io._records import FIXED_TIME
from wijkgraph.io.template import write_template
from wijkgraph.model.network import build_network
from wijkgraph.model.tables import squash_cell, tables_from_frames
from wijkgraph.model.text import clean_text

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"
HOSTILE = ["=HYPERLINK(\"http://evil.example\",\"klik\")", "=cmd|' /C calc'!A0", "@SUM(A1)",
           "+31 6 1234 5678", "-2+3", "DOCK Oost"]


def _network(names: list[str], extra: dict[str, list[str]] | None = None):
    actors = pd.DataFrame({"naam": names, **(extra or {})})
    relations = pd.DataFrame({"van": names[:-1], "naar": names[1:]})
    return build_network(tables_from_frames(actors, relations))


# --- one character policy ----------------------------------------------------------------


def test_every_format_control_and_surrogate_character_is_removed() -> None:
    """Independent of the ranges in the code: ask unicodedata about every code point."""
    keep = {"\t", "\n", "\r", "\u200c", "\u200d"}
    bad = [chr(c) for c in range(sys.maxunicode + 1)
           if unicodedata.category(chr(c)) in ("Cc", "Cf", "Cs") and chr(c) not in keep]
    assert len(bad) > 200
    text = "A" + "".join(bad) + "B"
    assert clean_text(text) == "AB"
    for ch in bad:  # one at a time too: no range hides behind another
        assert clean_text(f"x{ch}y") == "xy", hex(ord(ch))


def test_letters_of_every_script_stay() -> None:
    names = ["Zoë", "Ελένη", "Мария", "مسجد النور", "שלום", "山田", "मीरा", "👩‍🔬 lab",
             "می‌خواهم"]  # the last holds a zero-width non-joiner between letters
    assert [clean_text(n) for n in names] == names


def test_squash_cell_cleans_and_normalises() -> None:
    assert squash_cell("\ufeff Gamma\u200b ") == "Gamma"
    assert squash_cell("Zoe\u0308") == "Zoë"  # decomposed ë -> one character
    assert squash_cell("\u202eDOCK\u202c\t Oost") == "DOCK Oost"


def test_csv_and_json_input_cleaned_alike(tmp_path: Path) -> None:
    names = ["\x1b[31mAlpha\x07", "\ufeffGamma", "Beta\u202e", "Del\u200bta"]
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "actoren.csv").write_text("naam\n" + "\n".join(names) + "\n", encoding="utf-8")
    (folder / "relaties.csv").write_text("van;naar\nGamma\u200b;Beta\n", encoding="utf-8")
    as_json = tmp_path / "net.json"
    as_json.write_text(json.dumps({"nodes": [{"id": n} for n in names],
                                   "links": [{"source": "Gamma\u200b", "target": "Beta"}]}))
    expected = ["[31mAlpha", "Gamma", "Beta", "Delta"]
    assert read(folder).actors["name"].tolist() == expected
    assert read(as_json).actors["name"].tolist() == expected


def test_json_keys_are_cleaned_too(tmp_path: Path) -> None:
    path = tmp_path / "net.json"
    path.write_text(json.dumps({"nodes": [{"id": "A", "\u202erol\x1b": "wijkagent"},
                                          {"id": "B"}],
                                "links": [{"source": "A", "target": "B"}]}))
    assert read(path).actors["role"].tolist() == ["wijkagent", ""]


# --- limits -----------------------------------------------------------------------------


@pytest.mark.parametrize("suffix, content", [
    (".json", '{"nodes": [], "links": [], "pad": "' + "x" * 2_200_000 + '"}'),
    (".gexf", "<gexf><!--" + "x" * 2_200_000 + "--></gexf>"),
    (".graphml", "<graphml><!--" + "x" * 2_200_000 + "--></graphml>"),
])
def test_size_is_checked_before_reading_every_format(tmp_path: Path, suffix: str, content: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_limits, "MAX_FILE_MB", 1)
    path = tmp_path / f"big{suffix}"
    path.write_text(content)
    with pytest.raises(InputError) as info:
        read(path)
    assert info.value.problem.code == "problem.file_too_large"
    assert info.value.problem.params == {"size_mb": 2, "limit_mb": 1}


def test_json_with_too_many_containers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_limits, "MAX_JSON_CONTAINERS", 100)
    path = tmp_path / "net.json"
    path.write_text(json.dumps({"nodes": [{"id": str(i)} for i in range(101)], "links": []}))
    with pytest.raises(InputError) as info:
        read(path)
    assert info.value.problem.code == "problem.json_too_many"


def test_brackets_inside_strings_are_not_nesting(tmp_path: Path) -> None:
    path = tmp_path / "net.json"
    path.write_text(json.dumps({"nodes": [{"id": "A", "note": "[" * 1000}, {"id": "B"}],
                                "links": [{"source": "A", "target": "B"}]}))
    assert read(path).n_actors == 2


def _workbook(path: Path, rows: dict[str, list[tuple[object, ...]]]) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, values in rows.items():
        ws = wb.create_sheet(name)
        for row in values:
            ws.append(list(row))
    wb.save(path)
    return path


def test_unpacked_size_is_checked_before_opening(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    path = _workbook(tmp_path / "w.xlsx", {"actoren": [("naam",)] + [(f"A{i} " * 20,)
                                                                      for i in range(20_000)],
                                           "relaties": [("van", "naar")]})
    unpacked = sum(i.file_size for i in zipfile.ZipFile(path).infolist())
    assert unpacked > 1024 * 1024
    monkeypatch.setattr(_limits, "MAX_UNPACKED_MB", 1)
    with pytest.raises(InputError) as info:
        read(path)
    assert info.value.problem.code == "problem.unpacks_too_large"
    assert info.value.problem.params["size_mb"] == round(unpacked / 1024 / 1024)


def test_rows_beyond_the_limit_are_refused_but_empty_ones_are_not(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_cells, "MAX_ROWS", 10)
    ok = _workbook(tmp_path / "ok.xlsx", {"actoren": [("naam",), ("A",), ("B",)],
                                          "relaties": [("van", "naar"), ("A", "B")]})
    wb = openpyxl.load_workbook(ok)
    for r in range(4, 5000):  # formatted, empty rows far beyond the limit
        wb["actoren"].cell(row=r, column=1).number_format = "@"
    wb.save(ok)
    assert read(ok).n_actors == 2
    wb["actoren"].cell(row=12, column=1, value="C")
    wb.save(tmp_path / "far.xlsx")
    with pytest.raises(InputError) as info:
        read(tmp_path / "far.xlsx")
    assert [(p.code, p.row, p.params["limit"]) for p in info.value.problems] == [
        ("problem.too_many_rows", 12, 10)]


def _csv_folder(tmp_path: Path, actors: str) -> Path:
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "actoren.csv").write_text(actors, encoding="utf-8")
    (folder / "relaties.csv").write_text("van;naar\nA;B\n", encoding="utf-8")
    return folder


def test_csv_of_empty_lines_reads_at_once(tmp_path: Path) -> None:
    folder = _csv_folder(tmp_path, "naam\nA\nB\n" + "\n" * 3_000_000)
    tracemalloc.start()
    try:
        assert read(folder).n_actors == 2
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 60 * 1024 * 1024, peak  # a list per empty line would be 200 MB


@pytest.mark.parametrize("tail, code, params", [
    (";\n" * 25, "problem.too_many_rows", {"row": 28, "limit": 10}),
    ("x;" * 60, "problem.too_many_cells", {"limit": 50}),
])
def test_csv_shape_is_checked_before_parsing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             tail: str, code: str, params: dict) -> None:
    for module in (_cells, _limits):
        monkeypatch.setattr(module, "MAX_ROWS", 10)
        monkeypatch.setattr(module, "MAX_CELLS", 50)
    folder = _csv_folder(tmp_path, "naam;x\nA;1\nB;2\n" + tail)
    with pytest.raises(ValidationError) as info:
        read(folder)
    assert [(p.code, p.params) for p in info.value.problems] == [(code, params)]


def test_xml_element_count_is_checked_before_parsing(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_limits, "MAX_XML_ELEMENTS", 100)
    path = tmp_path / "net.graphml"
    path.write_text("<?xml version='1.0'?><graphml><graph>" + "<node id='a'/>" * 99
                    + "</graph></graphml>")
    with pytest.raises(InputError) as info:
        read(path)
    assert info.value.problem.code == "problem.xml_too_many"


def test_formulas_are_looked_for_only_where_there_are_some(tmp_path: Path) -> None:
    plain = _workbook(tmp_path / "plain.xlsx", {"actoren": [("naam",), ("A",)]})
    with_formula = _workbook(tmp_path / "f.xlsx", {"actoren": [("naam",), ("=A1",)]})
    with _cells.open_workbook(plain) as a, _cells.open_workbook(with_formula) as b:
        assert (_cells.has_formulas(a["actoren"]), _cells.has_formulas(b["actoren"])) == (
            False, True)


def test_a_dimension_bomb_streams_in_little_memory(tmp_path: Path) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        import bench_bombs
    finally:
        sys.path.remove(str(BENCH))
    path = bench_bombs.dimension_bomb(tmp_path / "bomb.xlsx", empty_rows=20_000)
    tracemalloc.start()
    try:
        with _cells.open_workbook(path) as wb:
            cells = _cells.workbook_cells(wb["actoren"], file=path.name, sheet="actoren")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # 20,000 rows padded to 16,384 columns would be 2.6 GB of pointers
    assert peak < 30 * 1024 * 1024, peak
    assert cells == [["naam", "domein"], ["Buurtteam Oost", "welzijn"], ["DOCK Oost", "welzijn"],
                     ["Huisartsenpraktijk Zoe", "zorg"]]


def test_a_folder_with_a_named_pipe_and_a_device(tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "in.json")
    for path in (tmp_path / "in.json", Path("/dev/zero")):
        with pytest.raises(InputError) as info:
            read(path)
        assert info.value.problem.code == "problem.not_a_regular_file"


# --- safe outputs ----------------------------------------------------------------------


def test_gephi_csv_protects_formulas_and_reads_back(tmp_path: Path) -> None:
    net = _network(HOSTILE, {"thema": HOSTILE[::-1]})
    folder = write(net, tmp_path / "gephi", "gephi")
    text = (folder / "nodes.csv").read_text("utf-8") + (folder / "edges.csv").read_text("utf-8")
    import csv

    cells = [c for line in csv.reader(io.StringIO(text)) for c in line]
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")]
    assert not [c for c in cells if c[:1] == "-" and c != "-2+3" and not c.lstrip("-").isdigit()]
    assert "'=cmd|' /C calc'!A0" in cells and "'-2+3" in cells
    back = read(folder)
    assert sorted(back.actors["name"]) == sorted(HOSTILE)


@pytest.mark.parametrize("fmt, name", [("xlsx", "net.xlsx"), ("kumu", "net.kumu.xlsx")])
def test_converted_workbooks_quote_formulas_and_are_reproducible(tmp_path: Path, fmt: str,
                                                                 name: str) -> None:
    net = _network(HOSTILE)
    first = write(net, tmp_path / "a" / name, fmt).read_bytes()
    second = write(net, tmp_path / "b" / name, fmt).read_bytes()
    assert first == second
    _assert_fixed_times(first)
    wb = openpyxl.load_workbook(io.BytesIO(first))
    looks = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row
             if isinstance(c.value, str) and c.value.startswith(("=", "+", "-", "@"))]
    assert {c.value for c in looks} >= set(HOSTILE[:5])
    assert all(c.data_type == "s" and c.quotePrefix for c in looks)


def _assert_fixed_times(data: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert core.count(stamp) == 2, core


def test_template_is_reproducible(tmp_path: Path) -> None:
    write_template(tmp_path / "a.xlsx")
    write_template(tmp_path / "b.xlsx")
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()
    _assert_fixed_times((tmp_path / "a.xlsx").read_bytes())


def test_survey_workbook_is_reproducible(tmp_path: Path) -> None:
    from wijkgraph.io.survey import import_survey

    forms = Path(__file__).resolve().parents[1] / "data" / "good" / "survey" / \
        "microsoft-forms-nl.xlsx"
    a = import_survey(forms).write(tmp_path / "a.xlsx").read_bytes()
    b = import_survey(forms).write(tmp_path / "b.xlsx").read_bytes()
    assert a == b
    _assert_fixed_times(a)


def test_compare_markdown_escapes_names_waves_and_labels(tmp_path: Path) -> None:
    from wijkgraph.analysis.compare import compare
    from wijkgraph.render.compare import render_markdown

    names = ["<script>alert(1)</script>", "[klik](http://evil.example)", "A | B", "\u202eDOCK"]
    before = _network(names[:3])
    after = _network(names)
    md = render_markdown(compare(before, after, labels=("<img src=x onerror=alert(1)>",
                                                        "**2024**\x1b[2J")))
    assert "<script" not in md and "<img" not in md and "\x1b" not in md and "\u202e" not in md
    assert not re.search(r"(?<!\\)\]\(", md) and "\\[klik\\](http://evil.example)" in md
    assert "&lt;img src=x onerror=alert(1)&gt;" in md and "\\*\\*2024\\*\\*" in md
    assert "A \\| B" in md


def test_tables_xlsx_never_wider_than_excel(monkeypatch: pytest.MonkeyPatch) -> None:
    """The cap is Excel's 16,384 columns; patched to 12 here to keep the test fast."""
    from wijkgraph.analysis.run import analyse
    from wijkgraph.render import xlsx

    monkeypatch.setattr(xlsx, "MAX_COLUMNS", 12)
    net = _network(["A", "B", "C"], {f"v{i}": ["x", "y", "z"] for i in range(20)})
    data = xlsx.tables_xlsx_bytes(net, analyse(net))
    wb = openpyxl.load_workbook(io.BytesIO(data))
    assert max(ws.max_column for ws in wb.worksheets) == 12
    assert [c.value for c in wb.worksheets[1][1]][:2] == ["id", "naam"]


# --- clear messages ------------------------------------------------------------------------


@pytest.mark.parametrize("args", [["analyse", "driehoek", "-o", "{out}"],
                                  ["map", "driehoek", "-o", "{out}/kaart.html"]])
def test_negative_seed_is_a_clear_usage_error(tmp_path: Path, args: list[str]) -> None:
    args = [a.format(out=tmp_path / "out") for a in args]
    result = CliRunner().invoke(cli, [*args, "--seed", "-1", "--lang", "en"])
    assert result.exit_code == 2
    assert "Invalid value for '--seed': -1 is not in the range 0<=x<=4294967295." in result.output
    assert not (tmp_path / "out").exists()


def test_json_with_too_many_or_reserved_attributes(tmp_path: Path) -> None:
    path = tmp_path / "net.json"
    links = [{"source": "A", "target": "B", "Target_Name": "x"}]
    wide = {"id": "A", **{f"v{i}": i for i in range(1_001)}}
    path.write_text(json.dumps({"nodes": [wide, {"id": "B"}], "links": links}))
    with pytest.raises(InputError) as info:
        read(path)
    problem = info.value.problem
    assert (problem.code, problem.sheet, problem.params) == (
        "problem.too_wide", "nodes", {"n": 1_003, "limit": 1_000})  # id, name and 1,001
    path.write_text(json.dumps({"nodes": [{"id": "A"}, {"id": "B"}], "links": links}))
    with pytest.raises(ValidationError) as err:
        read(path)
    assert [(p.code, p.sheet, p.column) for p in err.value.problems] == [
        ("problem.reserved_column", "links", "Target_Name")]


def test_sheet_names_in_messages_are_cleaned(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "w.xlsx", {"actoren": [("naam",), ("A",), ("B",)],
                                           "relaties": [("van", "naar"), ("A", "B")],
                                           "\u202eactors\u200b": [("naam",), ("C",)]})
    warnings = read(path).warnings
    assert [(w.code, w.sheet) for w in warnings] == [("problem.duplicate_table", "actors")]
