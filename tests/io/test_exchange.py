"""Exchange formats: round trips through every format, Kumu as documented, errors, privacy."""

from __future__ import annotations

import dataclasses
import json
import string
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import wijkgraph
from wijkgraph.cli import cli
from wijkgraph.errors import InputError, OutputError, ValidationError
from wijkgraph.io import FORMATS as ALL_FORMATS
from wijkgraph.io import guess_format, write_network
from wijkgraph.io import read as read_any
from wijkgraph.io._records import export_records
from wijkgraph.io.nodelink import node_link
from wijkgraph.model.network import build_network
from wijkgraph.model.tables import tables_from_frames
from wijkgraph.sources.bundled import load_dataset

DATA = Path(__file__).resolve().parents[1] / "data" / "good"
FORMATS = [f.name for f in ALL_FORMATS if f.write is not None]
NAMES = {"xlsx": "net.xlsx", "kumu": "net.kumu.xlsx", "kumu-json": "net.kumu.json",
         "gexf": "net.gexf", "graphml": "net.graphml", "json": "net.json", "gephi": "gephi"}


def canon(network, *, meetings_by_id: bool = False) -> dict:
    """Everything a round trip must keep, in a comparable form."""
    rec = export_records(network, include_private=True)
    out = {
        "actors": sorted(tuple(sorted(a.items())) for a in rec["actors"]),
        "relations": sorted(tuple(sorted(r.items())) for r in rec["relations"]),
        "participation": sorted(tuple(sorted(p.items())) for p in rec["participation"]),
    }
    if not meetings_by_id:
        out["meetings"] = sorted(tuple(sorted(m.items())) for m in rec["meetings"])
    return out


def small_network(contact: bool = True):
    actors = pd.DataFrame({
        "id": ["dock", "bt", "huisarts", "wijkagent"],
        "naam": ["DOCK Oost", "Buurtteam Oost", "Huisarts Ömer", "Wijkagent; Oost"],
        "domein": ["welzijn", "welzijn", "zorg", "veiligheid"],
        "rol": ["sociaal makelaar", "buurtteam", "huisarts", "wijkagent"],
        "wijk": ["Oost; Binnenstad", "Oost", "Oost", ""],
        "thema's": ["eenzaamheid|armoede", "", "gezondheid", ""],
        "omschrijving": ["Sociaal makelaars <b>Oost</b>", "", "=SUM(A1)", "\"quoted\""],
        "contact": ["info@dock.nl" if contact else "", "", "06-123", ""],
        "budget": ["1000", "", "", "x"],
    })
    relations = pd.DataFrame({
        "van": ["dock", "dock", "bt", "huisarts", "dock"],
        "naar": ["bt", "bt", "huisarts", "wijkagent", "wijkagent"],
        "soort": ["samenwerking", "verwijzing", "verwijzing", "informatie", "samenwerking"],
        "kanaal": ["bijeenkomst", "telefoon", "e-mail", "", "whatsapp"],
        "sterkte": ["reflectie", "2", "1", "4", ""],
        "thema": ["eenzaamheid", "", "", "", ""],
        "meting": ["2024", "2024", "", "2022", ""],
        "gericht": ["nee", "ja", "ja", "nee", "nee"],
        "notitie": ["a", "", "", "", "b"],
    })
    meetings = pd.DataFrame({"id": ["samen-oost"], "naam": ["Samen Oost"],
                             "thema": ["participatie; wonen"], "wijk": ["Oost"]})
    participation = pd.DataFrame({"actor": ["dock", "bt"], "overleg": ["samen-oost"] * 2})
    return build_network(tables_from_frames(actors, relations, meetings, participation))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("make", [lambda: load_dataset("utrecht-oost"), small_network],
                         ids=["utrecht-oost", "small"])
def test_round_trip_keeps_actors_relations_attributes(tmp_path, fmt, make):
    net = make()
    path = write_network(net, tmp_path / NAMES[fmt], to=fmt, include_private=True)
    back = wijkgraph.load(path)
    by_id = fmt in ("gexf", "graphml", "gephi", "kumu-json")
    assert canon(back, meetings_by_id=by_id) == canon(net, meetings_by_id=by_id)
    if by_id:  # meeting ids and participation survive; names only in the richer formats
        assert sorted(back.meetings["id"]) == sorted(net.meetings["id"])
    assert not [w for w in back.warnings if w.code != "problem.unknown_vocab"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_contact_is_private_unless_asked(tmp_path, fmt):
    net = small_network()
    path = write_network(net, tmp_path / NAMES[fmt], to=fmt)
    files = [path] if path.is_file() else sorted(path.iterdir())
    for file in files:
        raw = file.read_bytes()
        if file.suffix == ".xlsx":
            wb = openpyxl.load_workbook(file)
            raw = "\n".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row
                            ).encode()
        assert b"info@dock.nl" not in raw and b"06-123" not in raw
    assert set(wijkgraph.load(path).actors["contact"]) == {""}


def test_formula_like_text_stays_text(tmp_path):
    path = write_network(small_network(), tmp_path / "n.xlsx")
    wb = openpyxl.load_workbook(path)
    cell = next(c for row in wb["actoren"].iter_rows() for c in row if c.value == "=SUM(A1)")
    assert cell.data_type == "s"


# --- hypothesis: random tables survive every format ------------------------------------

TEXT = st.text(alphabet=string.ascii_letters + "ëïéö &'-.()0123456789", min_size=1,
               max_size=12).map(lambda s: " ".join(s.split())).filter(
    lambda s: s and s[0] not in "=+-@'" and not s.replace(".", "").isdigit())


@st.composite
def random_network(draw):
    names = draw(st.lists(TEXT, min_size=2, max_size=7, unique_by=lambda s: s.casefold()))
    n = len(names)
    domains = draw(st.lists(st.sampled_from(["zorg", "welzijn", "wonen", "", "inwoners"]),
                            min_size=n, max_size=n))
    themes = draw(st.lists(st.lists(st.sampled_from(["jeugd", "armoede", "wonen"]),
                                    max_size=2, unique=True), min_size=n, max_size=n))
    extra = draw(st.lists(TEXT | st.just(""), min_size=n, max_size=n))
    pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)).filter(
        lambda p: p[0] != p[1]), max_size=10, unique=True))
    rel = []
    for a, b in pairs:
        rel.append({"source": names[a], "target": names[b],
                    "strength": draw(st.integers(1, 4)),
                    "directed": draw(st.sampled_from(["ja", "nee"])),
                    "kind": draw(st.sampled_from(["samenwerking", "verwijzing"])),
                    "wave": draw(st.sampled_from(["", "2022", "2024"]))})
    actors = pd.DataFrame({"name": names, "domain": domains,
                           "themes": ["; ".join(t) for t in themes], "opmerking": extra})
    relations = pd.DataFrame(rel, columns=["source", "target", "strength", "directed", "kind",
                                           "wave"])
    return build_network(tables_from_frames(actors, relations))


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(net=random_network())
def test_hypothesis_round_trip_every_format(tmp_path_factory, net):
    folder = tmp_path_factory.mktemp("rt")
    for fmt in FORMATS:
        path = write_network(net, folder / NAMES[fmt], to=fmt)
        assert canon(wijkgraph.load(path), meetings_by_id=True) == canon(
            net, meetings_by_id=True), fmt


# --- Kumu as its documentation describes it ---------------------------------------------


def test_kumu_workbook_from_the_docs():
    net = wijkgraph.load(DATA / "kumu" / "kumu-docs.xlsx")
    rel = net.tables.relations
    # "To" with two elements separated by | gives two connections from the same row
    assert rel[rel["_row"] == 2][["source", "target"]].values.tolist() == [
        ["DOCK Oost", "Buurtteam Oost"], ["DOCK Oost", "Wijkbureau Oost"]]
    # mutual -> undirected; directed stays directed; empty Direction is Kumu's default
    assert rel["directed"].tolist() == [False, False, True, True]
    assert rel["strength"].tolist() == [3, 3, 2, 1]
    assert net.graph.nodes["DOCK Oost"]["themes"] == ("participatie", "ontmoeting")
    assert net.graph.nodes["DOCK Oost"]["type"] == "organisatie"
    assert net.graph.nodes["Wijkbureau Oost"]["domain"] == "gemeente"


def test_kumu_workbook_written_as_documented(tmp_path):
    path = write_network(small_network(), tmp_path / "k.kumu.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[:2] == ["Elements", "Connections"]
    el = [c.value for c in wb["Elements"][1]]
    co = [c.value for c in wb["Connections"][1]]
    assert el[:5] == ["ID", "Label", "Type", "Description", "Tags"]
    # two relations DOCK-Buurtteam: connection ids needed, then From/To
    assert co[:6] == ["ID", "From", "To", "Type", "Direction", "Strength"]
    values = {c.value for row in wb["Connections"].iter_rows(min_row=2) for c in row}
    assert {"directed", "undirected"} <= values
    tags = [r[4].value for r in wb["Elements"].iter_rows(min_row=2)]
    assert "eenzaamheid|armoede" in tags
    assert any("(ignore)" in s for s in wb.sheetnames)


def test_kumu_unknown_element_names_sheet_row_column(tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "Elements"
    wb["Elements"].append(["Label"])
    wb["Elements"].append(["DOCK"])
    wb["Elements"].append(["Buurtteam"])
    co = wb.create_sheet("Connections")
    co.append(["From", "To"])
    co.append(["DOCK", "Buurtteem"])
    wb.save(tmp_path / "k.xlsx")
    with pytest.raises(ValidationError) as info:
        wijkgraph.load(tmp_path / "k.xlsx")
    p = info.value.errors[0]
    assert (p.code, p.file, p.sheet, p.row, p.column) == (
        "problem.unknown_actor", "k.xlsx", "Connections", 2, "To")
    assert "Buurtteam" in p.message("en")


def test_kumu_blueprint_from_the_docs(tmp_path):
    path = tmp_path / "bp.json"
    path.write_text(json.dumps({
        "elements": [{"label": "A", "type": "Letter", "description": "This is A",
                      "tags": ["one", "two"]},
                     {"label": "B", "type": "Letter", "Favorite Dessert": "shave ice"}],
        "connections": [{"from": "A", "to": "B", "type": "likes", "direction": "mutual"}]}))
    net = wijkgraph.load(path)
    assert net.graph.nodes["A"]["themes"] == ("one", "two")
    assert net.graph.nodes["B"]["extra"] == {"Favorite Dessert": "shave ice"}
    assert net.tables.relations["directed"].tolist() == [False]


# --- GEXF / GraphML / JSON checked against networkx --------------------------------------


def undirected(net):
    rel = net.tables.relations.assign(directed=False)
    return build_network(dataclasses.replace(net.tables, relations=rel))


def test_gexf_is_version_1_3_and_networkx_reads_it(tmp_path):
    net = undirected(load_dataset("utrecht-oost"))  # networkx cannot read mixed graphs
    path = write_network(net, tmp_path / "n.gexf")
    root = ET.parse(path).getroot()
    assert root.tag == "{http://gexf.net/1.3}gexf" and root.get("version") == "1.3"
    g = nx.read_gexf(path)
    assert g.number_of_nodes() == net.n_actors
    assert g.nodes["dock-oost"]["label"] == "DOCK Oost"
    assert g.nodes["dock-oost"]["domain"] == "welzijn"


def test_mixed_directions_in_gexf_and_graphml(tmp_path):
    net = small_network()
    for name in ("m.gexf", "m.graphml"):
        back = wijkgraph.load(write_network(net, tmp_path / name))
        assert sorted(back.tables.relations["directed"]) == [False, False, False, True, True]


def test_networkx_reads_our_graphml(tmp_path):
    net = undirected(load_dataset("utrecht-oost"))
    g = nx.read_graphml(write_network(net, tmp_path / "n.graphml"))
    assert g.number_of_nodes() == net.n_actors
    assert g.number_of_edges() == net.n_relations
    assert g.nodes["dock-oost"]["name"] == "DOCK Oost"


def test_we_read_networkx_files(tmp_path):
    g = nx.Graph()
    g.add_node("a", label="Alpha", domain="zorg", themes="jeugd;armoede")
    g.add_node("b", label="Beta")
    g.add_edge("a", "b", weight=3.0)
    nx.write_gexf(g, tmp_path / "x.gexf")
    nx.write_graphml(g, tmp_path / "x.graphml")
    for name in ("x.gexf", "x.graphml"):
        net = wijkgraph.load(tmp_path / name)
        assert net.graph.nodes["a"]["themes"] == ("jeugd", "armoede")
        assert net.tables.relations["strength"].tolist() == [3]
    data = nx.node_link_data(g, edges="links")
    (tmp_path / "x.json").write_text(json.dumps(data))
    net = wijkgraph.load(tmp_path / "x.json")
    assert net.n_actors == 2 and net.n_relations == 1


def test_foreign_weight_is_kept_not_refused(tmp_path):
    g = nx.DiGraph()
    g.add_edge("a", "b", weight=0.25)
    nx.write_graphml(g, tmp_path / "w.graphml")
    net = wijkgraph.load(tmp_path / "w.graphml")
    assert net.tables.relations["strength"].tolist() == [1]
    assert net.tables.relations["oorspronkelijk gewicht"].tolist() == ["0.25"]


def test_node_link_matches_networkx():
    net = load_dataset("driehoek")
    g = nx.node_link_graph(node_link(net), edges="links")
    assert isinstance(g, nx.MultiDiGraph)
    assert g.number_of_edges() == net.n_relations


def test_gephi_headers(tmp_path):
    folder = write_network(small_network(), tmp_path / "gephi", to="gephi")
    nodes = (folder / "nodes.csv").read_text().splitlines()[0].split(",")
    edges = (folder / "edges.csv").read_text().splitlines()[0].split(",")
    assert nodes[:2] == ["Id", "Label"]
    assert edges[:5] == ["Source", "Target", "Type", "Id", "Weight"]


# --- bad input -------------------------------------------------------------------------


@pytest.mark.parametrize("name, content, code", [
    ("bad.gexf", b"<gexf><graph><nodes>", "problem.exchange_unreadable"),
    ("bad.graphml", b"<html></html>", "problem.exchange_missing_part"),
    ("bad.json", b"{not json", "problem.exchange_unreadable"),
    ("bad2.json", b'{"foo": 1}', "problem.exchange_missing_part"),
])
def test_bad_exchange_files(tmp_path, name, content, code):
    (tmp_path / name).write_bytes(content)
    with pytest.raises(InputError) as info:
        wijkgraph.load(tmp_path / name)
    assert info.value.problem.code == code
    assert info.value.problem.file == name


def test_edge_to_unknown_node_in_gexf(tmp_path):
    (tmp_path / "u.gexf").write_text(
        '<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph><nodes><node id="a" label="A"/>'
        '</nodes><edges><edge id="0" source="a" target="zz"/></edges></graph></gexf>')
    with pytest.raises(ValidationError) as info:
        wijkgraph.load(tmp_path / "u.gexf")
    p = info.value.errors[0]
    assert (p.code, p.sheet, p.row, p.column) == ("problem.unknown_actor", "edges", 1, "target")


def test_guess_format_and_refusals(tmp_path):
    assert guess_format("x.graphml") == "graphml"
    with pytest.raises(OutputError):
        guess_format("x.txt")
    (tmp_path / "n.gexf").write_text("x")
    with pytest.raises(OutputError):
        write_network(small_network(), tmp_path / "n.gexf")


# --- CLI -------------------------------------------------------------------------------


def test_cli_convert_round_trip(tmp_path):
    runner = CliRunner()
    out = tmp_path / "uo.kumu.xlsx"
    r = runner.invoke(cli, ["convert", "utrecht-oost", "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert "Geschreven" in r.output and "kumu" in r.output
    r = runner.invoke(cli, ["convert", str(out), "-o", str(tmp_path / "uo.gexf"), "--lang", "en"])
    assert r.exit_code == 0 and "Written" in r.output
    r = runner.invoke(cli, ["validate", str(tmp_path / "uo.gexf")])
    assert r.exit_code == 0 and "62 actoren" in r.output
    assert read_any(tmp_path / "uo.gexf").n_relations == load_dataset("utrecht-oost").n_relations


def test_cli_convert_errors(tmp_path):
    runner = CliRunner()
    r = runner.invoke(cli, ["convert", "driehoek", "-o", str(tmp_path / "x.txt")])
    assert r.exit_code == 2 and "Fout:" in r.output and "--to" in r.output
    (tmp_path / "x.gexf").write_text("")
    r = runner.invoke(cli, ["convert", "driehoek", "-o", str(tmp_path / "x.gexf")])
    assert r.exit_code == 2 and "bestaat al" in r.output
    r = runner.invoke(cli, ["convert", str(tmp_path / "nope.gexf"), "-o", str(tmp_path / "y.gexf")])
    assert r.exit_code == 2 and "bestaat niet" in r.output
