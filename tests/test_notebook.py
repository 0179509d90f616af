"""What a notebook user sees: compact reprs, HTML cards, tab completion, plain networkx
graphs for networkx's writers, an ego network, a pyvis Network and a safe page of it."""

from __future__ import annotations

import json
import time

import networkx as nx
import pytest

import wijkgraph
from tests.graphs import make_network
from wijkgraph.analysis.run import Analysis
from wijkgraph.errors import UnknownActorError
from wijkgraph.sources.bundled import load_dataset


@pytest.fixture(scope="module")
def oost():
    return load_dataset("utrecht-oost")


@pytest.fixture(scope="module")
def result(oost):
    return wijkgraph.analyse(oost)


def test_reprs_are_short(oost, result):
    assert len(repr(oost)) < 200 and repr(oost).startswith("<WijkNetwork utrecht-oost: 62 actors")
    assert len(repr(result)) < 400
    for name, section in result.sections():
        text = repr(section)
        assert len(text) < 400 and text.startswith(f"<{type(section).__name__}"), name
        assert f"{section.to_frame().shape[0]} x {section.to_frame().shape[1]}" in text


def test_html_cards_hold_the_explanation_and_a_short_table(oost, result):
    card = result.key_figures._repr_html_()
    assert result.key_figures.explain("nl").split(".")[0][:40] in card.replace("&#x27;", "'")
    assert card.count("<tr") <= 1 + 8  # header + DISPLAY_ROWS
    page = result._repr_html_()
    assert all(f"<code>.{name}</code>" in page for name, _ in result.sections())
    assert len(page) < 20_000
    assert "<table>" in oost._repr_html_()


def test_html_cards_escape_names():
    net = make_network([("<script>alert(1)</script>", "B")], domains={
        "<script>alert(1)</script>": "<b>zorg</b>"})
    assert "<script>" not in net._repr_html_() and "&lt;b&gt;" in net._repr_html_()


def test_sections_in_tab_completion(result):
    assert set(Analysis.section_names()) <= set(dir(result))


def test_a_displayed_map_is_stored_once(oost):
    doc = wijkgraph.render_map(oost, lang="en")
    assert len(repr(doc)) < 200 and "<html" not in repr(doc)
    assert doc._repr_html_().startswith("<iframe")


@pytest.mark.parametrize("relations", [False, True])
def test_to_networkx_is_accepted_by_networkx_writers(tmp_path, oost, relations):
    g = oost.to_networkx(relations=relations)
    nx.write_gexf(g, tmp_path / "g.gexf")
    nx.write_graphml(g, tmp_path / "g.graphml")
    back = nx.read_graphml(tmp_path / "g.graphml")
    assert back.number_of_nodes() == oost.n_actors
    assert g.number_of_edges() == (oost.n_relations if relations
                                   else oost.graph.number_of_edges())
    for _n, data in g.nodes(data=True):
        assert "contact" not in data and "row" not in data
        assert all(isinstance(v, str | int | float | bool) for v in data.values())
    node = next(iter(oost.graph.nodes))
    assert g.nodes[node]["wijk"] == ";".join(oost.graph.nodes[node]["wijk"])


def test_to_networkx_drops_private_extra_columns(tmp_path):
    import pandas as pd

    from wijkgraph.model.network import build_network
    from wijkgraph.model.tables import tables_from_frames

    actors = pd.DataFrame({"name": ["A", "B"], "e-mail": ["a@x.nl", ""], "telefoon": ["06", ""],
                           "website": ["a.nl", ""]})
    rel = pd.DataFrame({"source": ["A"], "target": ["B"]})
    g = build_network(tables_from_frames(actors, rel)).to_networkx()
    assert "a@x.nl" not in json.dumps(dict(g.nodes(data=True)))
    assert "06" not in json.dumps(dict(g.nodes(data=True)))


def test_ego_network_hand_worked():
    # A - B - C - D, and E - B: B's ego at radius 1 is A, B, C, E with ties A-B, B-C, B-E;
    # at radius 2 D comes in with C-D
    net = make_network([("A", "B"), ("B", "C"), ("C", "D"), ("E", "B")])
    ego = net.ego("B")
    assert sorted(ego.graph.nodes) == ["A", "B", "C", "E"]
    assert sorted(map(sorted, ego.graph.edges)) == [["A", "B"], ["B", "C"], ["B", "E"]]
    assert ego.meta["ego"] == "B" and ego.meta["radius"] == 1
    assert sorted(net.ego("B", radius=2).graph.nodes) == ["A", "B", "C", "D", "E"]
    assert list(net.ego("D", radius=0).graph.nodes) == ["D"]
    with pytest.raises(UnknownActorError):
        net.ego("nobody")


def test_ego_keeps_ties_among_the_partners_and_finds_names(oost):
    ego = oost.ego(oost.label("dock-oost"))
    partners = set(oost.graph["dock-oost"]) | {"dock-oost"}
    assert set(ego.graph.nodes) == partners
    expected = {frozenset(e) for e in oost.graph.subgraph(partners).edges}
    assert {frozenset(e) for e in ego.graph.edges} == expected


def test_to_pyvis_is_filled_fast_keeps_string_ids_and_matches_the_map(oost):
    from wijkgraph.render.mapdata import build_map_data

    pytest.importorskip("pyvis")
    net = wijkgraph.to_pyvis(make_network([("007", "B")]))
    assert [n["id"] for n in net.nodes] == ["007", "B"]
    assert isinstance(net.options, dict)
    net = wijkgraph.to_pyvis(make_network([("B", "A"), ("C", "B"), ("B", "C"), ("A", "C")],
                                          directed=[("B", "A"), ("C", "B"), ("B", "C")]))
    arrows = {(e["from"], e["to"]): e.get("arrows") for e in net.edges}
    assert arrows == {("B", "A"): "to", ("B", "C"): "to, from", ("A", "C"): None}
    net = wijkgraph.to_pyvis(oost, seed=1)
    data = build_map_data(oost, seed=1)
    cols = {c: i for i, c in enumerate(data["actor_columns"])}
    by_id = {n["id"]: n for n in net.nodes}
    for row in data["actors"]:
        node = by_id[row[cols["id"]]]
        assert (node["x"], node["y"], node["size"]) == (row[cols["x"]], row[cols["y"]],
                                                       row[cols["size"]])
        assert node["color"] == data["domains"][row[cols["domain"]]][1]
        assert node["label"] == row[cols["name"]]
    assert len(net.edges) == len(data["edges"])
    assert net.get_adj_list()  # pyvis' own helpers work on the assigned lists


def test_to_pyvis_scales():
    pytest.importorskip("pyvis")
    from wijkgraph.sources.bundled import synthetic

    big = synthetic(n_actors=3000, seed=1)
    start = time.perf_counter()
    net = wijkgraph.to_pyvis(big)
    assert len(net.nodes) == big.n_actors
    assert time.perf_counter() - start < 30  # the layout dominates; add_node would not end


def test_pyvis_page_is_safe_and_offline(tmp_path):
    pytest.importorskip("pyvis")
    net = wijkgraph.to_pyvis(make_network([("</script><img src=x onerror=alert(1)>", "B")]))
    net.height = "1px; background:url(http://x)"
    page = wijkgraph.pyvis_page(net)
    html = page.html
    assert "<img src=x" not in html and "http://x" not in html
    assert "default-src &#39;none&#39;" in html and "<link" not in html
    assert wijkgraph.pyvis_html(net) == html
    assert page.write(tmp_path / "p.html").read_text(encoding="utf-8") == html
