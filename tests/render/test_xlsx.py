"""tables.xlsx: sheets, headers, frozen rows, filters, widths, formula safety, determinism."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from openpyxl import load_workbook

from wijkgraph.analysis.run import analyse
from wijkgraph.model.network import build_network
from wijkgraph.model.tables import tables_from_frames
from wijkgraph.render.xlsx import sheet_names, tables_xlsx_bytes, write_tables_xlsx
from wijkgraph.sources.bundled import load_dataset

FORMULAS = ["=1+1", "+31 6 1234", "-min of meer", "@iedereen", "=HYPERLINK(\"http://x\",\"y\")",
            "=cmd|' /C calc'!A0"]


@pytest.fixture(scope="module")
def oost():
    net = load_dataset("utrecht-oost")
    return net, analyse(net)


def formula_network():
    names = [*FORMULAS, "Gewone naam"]
    actors = pd.DataFrame({"name": names, "domain": ["zorg"] * len(names),
                           "description": ["=SUM(A1:A9)"] * len(names),
                           "themes": ["-thema"] * len(names)})
    relations = pd.DataFrame({"source": names[:-1], "target": names[1:],
                              "theme": ["=2*3"] * (len(names) - 1)})
    return build_network(tables_from_frames(actors, relations))


def test_every_sheet_present(oost, tmp_path):
    net, result = oost
    path = write_tables_xlsx(net, result, tmp_path, "nl")
    wb = load_workbook(path)
    assert wb.sheetnames == sheet_names(net, result, "nl")
    assert {"Netwerk", "Actoren", "Relaties"} <= set(wb.sheetnames)
    expected = {"key_figures": "Sleutelfiguren", "missing_parties": "Ontbrekende partijen",
                "missing_links": "Aanbevolen verbindingen", "themes": "Thema's",
                "communities": "Gemeenschappen", "domains": "Domeinen"}
    for section, title in expected.items():
        if getattr(result, section, None) is not None:
            assert title in wb.sheetnames


def test_headers_frozen_filtered_and_sized(oost):
    net, result = oost
    wb = load_workbook(io.BytesIO(tables_xlsx_bytes(net, result, "nl")))
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2", ws.title
        assert ws.auto_filter.ref and ws.auto_filter.ref.startswith("A1:"), ws.title
        assert all(cell.font.bold for cell in ws[1])
        assert ws.column_dimensions["A"].width >= 8
    actors = wb["Actoren"]
    headers = [c.value for c in actors[1]]
    assert headers[:4] == ["id", "naam", "soort", "domein"]
    assert actors.max_row == net.n_actors + 1


def test_headers_in_english(oost):
    net, result = oost
    wb = load_workbook(io.BytesIO(tables_xlsx_bytes(net, result, "en")))
    assert "Actors" in wb.sheetnames and "Network" in wb.sheetnames
    assert [c.value for c in wb["Actors"][1]][:4] == ["id", "name", "type", "domain"]


def test_no_contact_column(oost):
    net, result = oost
    wb = load_workbook(io.BytesIO(tables_xlsx_bytes(net, result, "nl")))
    for ws in wb.worksheets:
        assert "contact" not in [c.value for c in ws[1]]


def test_formula_looking_text_is_stored_as_text(tmp_path):
    net = formula_network()
    path = write_tables_xlsx(net, analyse(net), tmp_path, "nl")
    wb = load_workbook(path)
    seen = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith(("=", "+", "-", "@")):
                    assert cell.data_type == "s", (ws.title, cell.coordinate, cell.value)
                    assert cell.quotePrefix, (ws.title, cell.coordinate)
                    seen.add(cell.value)
    assert set(FORMULAS) <= seen
    assert "=SUM(A1:A9)" in seen and "=2*3" in seen
    # and nothing in the file is a formula element
    import zipfile

    with zipfile.ZipFile(path) as z:
        for member in z.namelist():
            if member.startswith("xl/worksheets/"):
                assert b"<f>" not in z.read(member)


def test_byte_identical(oost):
    net, result = oost
    assert tables_xlsx_bytes(net, result, "nl") == tables_xlsx_bytes(
        net, analyse(load_dataset("utrecht-oost")), "nl")


def test_control_characters_do_not_break_the_workbook():
    actors = pd.DataFrame({"name": ["A\x07B", "C"], "description": ["x\x1by", ""]})
    relations = pd.DataFrame({"source": ["C"], "target": ["C"]})
    try:
        net = build_network(tables_from_frames(actors, relations))
    except Exception:  # noqa: BLE001 - self-loop may be refused by validation
        relations = pd.DataFrame({"source": [], "target": []})
        net = build_network(tables_from_frames(actors, relations))
    data = tables_xlsx_bytes(net, analyse(net), "nl")
    assert load_workbook(io.BytesIO(data)).sheetnames
