"""GEXF and GraphML that networkx, Gephi and wijkgraph read back; weights kept in order.

Round trips on every bundled dataset with networkx's readers and ours; the map's picture in
GEXF ``viz``; GEXF 1.3 ``kind``; characters XML cannot hold; foreign weights onto 1-4.
"""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET

import networkx as nx
import pandas as pd
import pytest

import wijkgraph
from tests.graphs import make_network
from wijkgraph.io._weights import RAW_WEIGHT, weights_to_strengths
from wijkgraph.io._xml import xml_safe
from wijkgraph.io.gexf import read_gexf, write_gexf
from wijkgraph.io.graphml import read_graphml, write_graphml
from wijkgraph.model.network import build_network
from wijkgraph.model.tables import tables_from_frames
from wijkgraph.render.look import export_gexf
from wijkgraph.render.mapdata import build_map_data
from wijkgraph.sources.bundled import list_datasets, load_dataset

DATASETS = [d.name for d in list_datasets()]
FORMATS = [("gexf", write_gexf, read_gexf, nx.read_gexf),
           ("graphml", write_graphml, read_graphml, nx.read_graphml)]


def relations(net):
    rel = net.tables.relations
    return sorted(zip(rel["source"], rel["target"], rel["strength"].astype(int),
                      rel["directed"].astype(bool), rel["kind"], strict=True))


@pytest.mark.parametrize("dataset", DATASETS)
@pytest.mark.parametrize("fmt, write, read, nx_read", FORMATS, ids=[f[0] for f in FORMATS])
def test_networkx_and_wijkgraph_read_the_export(tmp_path, dataset, fmt, write, read, nx_read):
    net = load_dataset(dataset)
    path = write(net, tmp_path / f"net.{fmt}")
    g = nx_read(path)
    # a mixed network is a directed graph: a directed relation one arc, an undirected one
    # both arcs (networkx collapses parallel arcs only in a simple DiGraph)
    assert g.is_directed() == net.is_directed
    assert set(g.nodes) == set(net.graph.nodes)
    arcs = {(s, t) for s, t, _k, d, _kind in relations(net) if d and s != t}
    arcs |= {arc for s, t, _k, d, _kind in relations(net) if not d and s != t
             for arc in ((s, t), (t, s))}
    assert {(u, v) for u, v in g.edges()} == arcs
    back = read(path)
    assert relations(back) == relations(net)
    for node, data in net.graph.nodes(data=True):
        for attr in ("name", "domain", "type", "wijk", "themes"):
            assert back.graph.nodes[node][attr] == data[attr], (node, attr)


def test_undirected_network_stays_undirected_for_networkx(tmp_path):
    net = make_network([("A", "B", 2), ("B", "C", 3)])
    for _fmt, write, _read, nx_read in FORMATS:
        g = nx_read(write(net, tmp_path / f"u.{_fmt}"))
        assert not g.is_directed() and g.number_of_edges() == 2


def test_mixed_graph_in_gexf_is_mutual_and_graphml_has_a_mirror(tmp_path):
    net = make_network([("A", "B"), ("B", "C")], directed=[("A", "B")])
    root = ET.parse(write_gexf(net, tmp_path / "m.gexf")).getroot()
    ns = {"g": "http://gexf.net/1.3"}
    assert root.find("g:graph", ns).get("defaultedgetype") == "directed"
    types = {(e.get("source"), e.get("target")): e.get("type")
             for e in root.iterfind(".//g:edge", ns)}
    assert types == {("A", "B"): "directed", ("B", "C"): "mutual"}
    g = nx.read_graphml(write_graphml(net, tmp_path / "m.graphml"))
    assert sorted(g.edges) == [("A", "B"), ("B", "C"), ("C", "B")]
    assert g.edges["C", "B"]["mirror_of"] == g.edges["B", "C"]["id"]
    assert read_graphml(tmp_path / "m.graphml").n_relations == 2


def test_parallel_relations_get_gexf_kind(tmp_path):
    actors = pd.DataFrame({"name": ["A", "B"]})
    rel = pd.DataFrame({"source": ["A", "A"], "target": ["B", "B"], "strength": [2, 4],
                        "kind": ["samenwerking", "verwijzing"], "directed": ["nee", "ja"]})
    net = build_network(tables_from_frames(actors, rel))
    path = write_gexf(net, tmp_path / "k.gexf")
    edges = list(ET.parse(path).getroot().iter("{http://gexf.net/1.3}edge"))
    assert [(e.get("kind"), e.get("type"), e.get("weight")) for e in edges] == [
        ("samenwerking", "mutual", "2"), ("verwijzing", "directed", "4")]
    g = nx.read_gexf(path)  # a multigraph: the two relations stay two edges (A->B twice)
    assert g.number_of_edges("A", "B") == 2 and g.number_of_edges("B", "A") == 1
    assert relations(read_gexf(path)) == relations(net)


def test_exported_gexf_has_the_map_picture_and_analysis_columns(tmp_path):
    net = load_dataset("utrecht-oost")
    result = wijkgraph.analyse(net)
    path = export_gexf(net, tmp_path / "pic.gexf", result, seed=3)
    g = nx.read_gexf(path)
    data = build_map_data(net, result, seed=3)
    cols = {c: i for i, c in enumerate(data["actor_columns"])}
    colours = {d[0]: d[1] for d in data["domains"]}
    domain_names = [d[0] for d in data["domains"]]
    for row in data["actors"]:
        viz = g.nodes[row[cols["id"]]]["viz"]
        colour = colours[domain_names[row[cols["domain"]]]]
        assert (viz["color"]["r"], viz["color"]["g"], viz["color"]["b"]) == tuple(
            int(colour[i:i + 2], 16) for i in (1, 3, 5))
        assert viz["position"]["x"] == pytest.approx(row[cols["x"]])
        assert viz["position"]["y"] == pytest.approx(-row[cols["y"]])  # Gephi's y is up
        assert viz["size"] == pytest.approx(row[cols["size"]])
    scores = result.key_figures.to_frame().set_index("id")
    top = scores.index[0]
    assert g.nodes[top]["score"] == pytest.approx(scores.loc[top, "score"], abs=1e-6)
    assert g.nodes[top]["degree"] == net.graph.degree(top)
    assert g.nodes[top]["community"] == result.communities.membership[top]
    back = read_gexf(path)  # the columns come back as extra columns
    assert relations(back) == relations(net)


def test_characters_xml_cannot_hold_are_dropped_or_replaced(tmp_path):
    net = make_network([("A", "B"), ("B", "C")], directed=[("A", "B")])
    # as if read by a reader that keeps them (JSON can hold a lone surrogate)
    net.tables.actors.loc[0, "description"] = "bel\x00 ons\x0b \ud800!"
    net.tables.relations.loc[0, "description"] = "x\x1fy"
    assert xml_safe("bel\x00 ons\x0b \ud800!") == "bel ons \ufffd!"
    for fmt, write, read, nx_read in FORMATS:
        path = write(net, tmp_path / f"c.{fmt}")
        g = nx_read(path)
        assert g.nodes["A"]["description"] == "bel ons \ufffd!"
        back = read(path)
        assert back.tables.actors.set_index("id").loc["A", "description"] == "bel ons \ufffd!"


# --- weights --------------------------------------------------------------------------------


def test_hand_worked_quartiles():
    # weights 1, 2, 2, 5, 9, 31: shares of smaller weights 0, 1/6, 1/6, 1/2, 2/3, 5/6
    # -> 1 + floor(4p): 1, 1, 1, 3, 3, 4
    edges = [{"weight": w} for w in (31, 2, 9, 1, 5, 2)]
    info = weights_to_strengths(edges)
    assert [e["strength"] for e in edges] == [4, 1, 3, 1, 3, 1]
    assert [e[RAW_WEIGHT] for e in edges] == [31, 2, 9, 1, 5, 2]
    assert info == {"method": "quartiles", "n": 6, "lowest": {1: 1.0, 3: 5.0, 4: 31.0}}


def test_whole_weights_1_to_4_are_the_strength_and_text_weight_is_kept():
    edges = [{"weight": "4"}, {"weight": "1"}]
    assert weights_to_strengths(edges)["method"] == "identity"
    assert edges == [{"strength": 4}, {"strength": 1}]
    edges = [{"weight": "veel"}, {"weight": "3"}, {"weight": "7"}]
    weights_to_strengths(edges)
    assert "strength" not in edges[0] and edges[0][RAW_WEIGHT] == "veel"
    assert edges[1]["strength"] < edges[2]["strength"]


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_les_miserables_keeps_the_order_of_its_weights(tmp_path, fmt):
    g = nx.les_miserables_graph()
    path = tmp_path / f"lesmis.{fmt}"
    if fmt == "graphml":
        nx.write_graphml(g, path)
    elif fmt == "gexf":
        nx.write_gexf(g, path)
    else:
        import json
        path.write_text(json.dumps(nx.node_link_data(g, edges="links")), encoding="utf-8")
    net = wijkgraph.load(path)
    rel = net.tables.relations
    strength = {frozenset((s, t)): int(k) for s, t, k in
                zip(rel["source"], rel["target"], rel["strength"], strict=True)}
    weight = {frozenset((u, v)): w for u, v, w in g.edges(data="weight")}
    assert strength[frozenset(("Valjean", "Cosette"))] == 4
    assert weight[frozenset(("Valjean", "Cosette"))] == 31
    assert all(float(r) == weight[frozenset((s, t))] for s, t, r in
               zip(rel["source"], rel["target"], rel[RAW_WEIGHT], strict=True))
    for a, b in itertools.combinations(weight, 2):
        if weight[a] < weight[b]:
            assert strength[a] <= strength[b], (a, b)
    assert set(strength.values()) == {1, 2, 3, 4}
    assert net.meta["weights"]["method"] == "quartiles"
    result = wijkgraph.analyse(net)
    assert result.meta["weights"]["method"] == "quartiles"
    note = result.overview.summary("en").notes[0]
    assert "depth 4 from weight 5" in note  # Les Misérables: weights 5-31 -> 4
    if fmt == "graphml":  # the report says which mapping was used
        report = wijkgraph.render_report(net, result, lang="en", fmt="md")
        assert "mapped onto 1-4 by quarters" in report
