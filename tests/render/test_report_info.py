"""Title, area, date and organisation (issue 13, item 4) and the report's first page.

Hand-made workbooks in tmp_path: an ``info`` sheet, ``--titel``, the main area derived
from the actors' wijk, the file name as the last resort; hostile text shows as text.
"""

from __future__ import annotations

import html as html_lib
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner

from wijkgraph.analysis.run import analyse
from wijkgraph.cli import cli
from wijkgraph.io import read
from wijkgraph.io.workbook import write_workbook
from wijkgraph.model.info import document_info, main_area, parse_info, run_date
from wijkgraph.model.network import build_network
from wijkgraph.model.tables import tables_from_frames
from wijkgraph.render.network_svg import network_svg
from wijkgraph.render.report import build_report, render_html, render_report

from ._hostile import NAMES, PAYLOADS

EPOCH = "1780000000"  # 2026-05-28 (UTC)


@pytest.fixture(autouse=True)
def fixed_date(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


def small_network(wijken=("Noord", "Noord", "Zuid", "Noord", "")):
    names = ["Buurthuis", "Huisarts", "Wijkagent", "Bibliotheek", "Sportclub"]
    actors = pd.DataFrame({"id": [f"a{i}" for i in range(5)], "name": names,
                           "domain": ["welzijn", "zorg", "veiligheid", "onderwijs", "sport"],
                           "wijk": list(wijken)})
    relations = pd.DataFrame({"source": ["a0", "a0", "a1", "a2", "a3"],
                              "target": ["a1", "a2", "a2", "a3", "a4"],
                              "strength": [2, 1, 3, 1, 2]})
    return build_network(tables_from_frames(actors, relations))


def workbook(path: Path, network, info_rows=None) -> Path:
    write_workbook(network, path)
    if info_rows is not None:
        wb = openpyxl.load_workbook(path)
        ws = wb.create_sheet("info")
        for row in info_rows:
            ws.append(list(row))
        wb.save(path)
    return path


def h1(page: str) -> str:
    return html_lib.unescape(re.search(r"<h1>(.*?)</h1>", page, re.S).group(1))


# --- where the words come from -------------------------------------------------------------


def test_info_sheet_gives_title_area_date_organisation(tmp_path):
    path = workbook(tmp_path / "mijn-wijk.xlsx", small_network(), [
        ("sleutel", "waarde"), ("Titel", "Samen in Noord"), ("gebied", "Wijk Noord"),
        ("datum", "2026-03-01"), ("Organisatie", "Gemeente Voorbeeld"), ("kleur", "rood")])
    net = read(path)
    assert net.meta["info"] == {"title": "Samen in Noord", "area": "Wijk Noord",
                                "date": "2026-03-01", "organisation": "Gemeente Voorbeeld"}
    result = analyse(net)
    for key, value in [("title", "Samen in Noord"), ("area", "Wijk Noord"),
                       ("date", "2026-03-01"), ("organisation", "Gemeente Voorbeeld")]:
        assert result.meta[key] == value
    page = render_report(net, result)
    assert h1(page) == "Samen in Noord"
    assert "Gemeente Voorbeeld · Wijk Noord · 2026-03-01" in html_lib.unescape(
        re.sub(r"<[^>]+>", "", re.search(r'<p class="docinfo">(.*?)</p>', page).group(1)))
    md = render_report(net, result, fmt="md")
    assert md.startswith("# Samen in Noord\n") and "2026-03-01" in md


def test_english_keys_and_an_excel_date(tmp_path):
    import datetime as dt

    path = workbook(tmp_path / "x.xlsx", small_network(), [
        ("title", "Together"), ("area", "North"), ("date", dt.datetime(2025, 12, 31)),
        ("organisation", "City")])
    info = document_info(read(path))
    assert (info["title"], info["area"], info["date"], info["organisation"]) == \
        ("Together", "North", "2025-12-31", "City")


def test_titel_option_wins_over_the_info_sheet(tmp_path):
    path = workbook(tmp_path / "mijn-wijk.xlsx", small_network(), [("titel", "Uit het blad")])
    out = tmp_path / "out"
    res = CliRunner().invoke(cli, ["analyse", str(path), "-o", str(out), "--format", "json,html",
                                   "--titel", "Wijkoverleg 12 maart"])
    assert res.exit_code == 0, res.output
    meta = json.loads((out / "analysis.json").read_text())["meta"]
    assert meta["title"] == "Wijkoverleg 12 maart" and meta["date"] == "2026-05-28"
    assert h1((out / "report.html").read_text()) == "Wijkoverleg 12 maart"


def test_without_info_the_main_area_is_the_title(tmp_path):
    net = read(workbook(tmp_path / "mijn-wijk.xlsx", small_network()))
    assert main_area(net) == "Noord"  # 3 × Noord, 1 × Zuid, 1 without
    result = analyse(net)
    assert (result.meta["title"], result.meta["area"], result.meta["title_from"]) == \
        ("Noord", "Noord", "area")
    assert result.meta["date"] == "2026-05-28"  # SOURCE_DATE_EPOCH
    page = render_report(net, result)
    assert h1(page) == "Noord" and "mijn-wijk" not in h1(page)


def test_the_file_name_only_as_the_last_resort(tmp_path):
    net = read(workbook(tmp_path / "mijn-wijk.xlsx", small_network(wijken=[""] * 5)))
    info = document_info(net)
    assert (info["title"], info["area"], info["title_from"]) == ("mijn-wijk", "", "file")


def test_main_area_ties_are_alphabetical_and_parse_info_keeps_the_first():
    assert main_area(small_network(wijken=("Zuid", "Noord", "Zuid", "Noord", ""))) == "Noord"
    assert parse_info([["titel", "A"], ["title", "B"], ["datum"], ["", "x"]]) == {"title": "A"}


def test_run_date_follows_source_date_epoch(monkeypatch):
    assert run_date() == "2026-05-28"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "86400")
    assert run_date() == "1970-01-02"


def test_csv_folder_reads_info_csv(tmp_path):
    folder = tmp_path / "wijk"
    folder.mkdir()
    (folder / "actors.csv").write_text("id,name,wijk\na,A,Oost\nb,B,Oost\n")
    (folder / "relations.csv").write_text("source,target\na,b\n")
    (folder / "info.csv").write_text("titel;Samen Oost\norganisatie;Buurtteam\n")
    info = document_info(read(folder))
    assert (info["title"], info["organisation"], info["area"]) == ("Samen Oost", "Buurtteam",
                                                                   "Oost")


# --- hostile text ----------------------------------------------------------------------------


def test_hostile_info_and_names_are_text_in_html_and_svg(tmp_path):
    from ._hostile import hostile_network

    path = workbook(tmp_path / "h.xlsx", hostile_network(), [
        ("titel", PAYLOADS[1]), ("organisatie", PAYLOADS[0]), ("gebied", PAYLOADS[4])])
    net = read(path)
    result = analyse(net)
    page = render_report(net, result, lang="en")
    for payload in (PAYLOADS[0], PAYLOADS[1], PAYLOADS[4]):
        assert payload not in page
    assert re.search(r"<(script|img|svg onload|b>|i>)", page, re.I) is None  # only as text
    assert html_lib.escape(PAYLOADS[1], quote=True) in page  # shown, escaped
    assert h1(page) == PAYLOADS[1]
    svg = network_svg(net, result)
    ET.fromstring(svg)  # well-formed: every text escaped
    assert "<script" not in svg and "<img" not in svg
    labels = [t.text for t in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")]
    assert any(name.split(" #")[0][:10] in (label or "") for name in NAMES for label in labels)


# --- the first page ----------------------------------------------------------------------------


def test_summary_page_has_picture_date_and_glance_findings():
    from wijkgraph.sources.bundled import load_dataset

    net = load_dataset("utrecht-oost")
    result = analyse(net)
    report = build_report(net, result, lang="en")
    page = render_html(report)
    glance = page[page.index('<section class="part" id="glance"'):]
    glance = glance[:glance.index("</section>")]
    assert glance.count('<svg xmlns="http://www.w3.org/2000/svg" class="network-svg"') == 1
    for finding in report.sections[0].items:
        assert html_lib.escape(finding.head, quote=True) in glance
    assert page.index('id="glance"') < page.index('<nav class="toc"')  # summary first
    assert "2026-05-28" in page[:page.index("</header>")]
    # the top key figures are named in the picture, with their rank
    top = result.key_figures.to_frame().head(3)
    for name, rank in zip(top["name"], top["rank"], strict=True):
        assert f"{rank}. {html_lib.escape(name)}" in glance


def test_network_svg_hand_worked():
    net = small_network()
    svg = network_svg(net, None, width=400, height=300)
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    lines = list(root.iter(f"{ns}line"))
    assert len(lines) == 5  # one per tie
    parties = [c for c in root.find(f"{ns}g[@class='parties']")]
    assert len(parties) == 5
    for c in parties:  # inside the drawing
        assert 0 <= float(c.get("cx")) <= 400 and 0 <= float(c.get("cy")) <= 300
    # the deepest tie (strength 3) is the widest line
    widths = sorted(float(x.get("stroke-width")) for x in lines)
    assert widths[-1] > widths[0]
    assert svg == network_svg(net, None, width=400, height=300)  # deterministic
