"""The interactive map in headless Chromium: offline, safe with hostile data, explorable.

Covers the pyvis pitfalls in a real browser: nothing loaded from a CDN, names shown as
text, edge width kept, and the first click on empty canvas not breaking the highlight.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.render._hostile import NAMES, hostile_network
from wijkgraph.analysis.run import analyse
from wijkgraph.render import palette
from wijkgraph.render.map import render_map
from wijkgraph.render.mapdata import EDGE_WIDTHS
from wijkgraph.sources.bundled import dataset_names, load_dataset

pytestmark = pytest.mark.browser

DOCS_IMG = Path(__file__).resolve().parents[2] / "docs" / "img"


@pytest.fixture(scope="module")
def oost_map(tmp_path_factory):
    net = load_dataset("utrecht-oost")
    result = analyse(net)
    path = tmp_path_factory.mktemp("map") / "kaart.html"
    render_map(net, result, ghosts=True).write(path)
    return net, result, path


@pytest.fixture(scope="module")
def hostile_map(tmp_path_factory):
    net = hostile_network()
    path = tmp_path_factory.mktemp("hostile") / "kaart.html"
    render_map(net).write(path)
    return net, path


def index_of(page, actor_id: str) -> int:
    return page.evaluate("id => wijkgraph.actors.findIndex(a => a.id === id)", actor_id)


def node_point(page, node_id) -> tuple[float, float]:
    pos = page.evaluate("id => wijkgraph.domPosition(id)", node_id)
    box = page.locator("#network").bounding_box()
    return box["x"] + pos["x"], box["y"] + pos["y"]


def click_node(page, node_id, *, scale: float = 2.0) -> None:
    page.evaluate("([id, s]) => wijkgraph.network.moveTo("
                  "{position: wijkgraph.network.getPosition(id), scale: s, animation: false})",
                  [node_id, scale])
    x, y = node_point(page, node_id)
    page.mouse.click(x, y)


# --- every bundled dataset --------------------------------------------------------------


@pytest.mark.parametrize("name", dataset_names())
def test_map_of_each_dataset_opens_offline_without_errors(open_page, tmp_path, name):
    net = load_dataset(name)
    path = tmp_path / "map.html"
    render_map(net, analyse(net), ghosts=True).write(path)
    opened = open_page(path)
    assert opened.errors == []
    assert opened.requests == [path.resolve().as_uri()]
    assert opened.dialogs == []
    shown = opened.page.evaluate("wijkgraph.shownActorIds()")
    assert sorted(shown) == sorted(net.graph.nodes)
    assert opened.page.locator("#list tbody tr").count() == min(net.n_actors, 300)


# --- hostile data --------------------------------------------------------------------------


def test_hostile_names_show_literally_and_run_nothing(open_page, hostile_map):
    net, path = hostile_map
    opened = open_page(path)
    page = opened.page
    # the list shows every name as text
    cells = page.locator("#list tbody tr td:first-child").all_inner_texts()
    assert sorted(c.strip() for c in cells) == sorted(NAMES)
    for i, name in enumerate(NAMES):
        idx = index_of(page, f"a{i}")
        # tooltip: hover the node
        page.evaluate("wijkgraph.network.fit({animation: false})")
        page.mouse.move(5, 5)
        x, y = node_point(page, idx)
        page.mouse.move(x, y)
        tooltip = page.locator("div.vis-tooltip")
        tooltip.wait_for(state="visible", timeout=5000)
        assert tooltip.inner_text().splitlines()[0] == name
        # text only: innerText turns line breaks into <br>, nothing else becomes an element
        assert tooltip.evaluate("t => [...t.querySelectorAll('*')].every(e => e.tagName === 'BR')")
        # panel: click the node
        click_node(page, idx, scale=1.0)
        assert page.evaluate("wijkgraph.state.selected") == idx
        assert page.locator("#panel h2").inner_text().strip() == name
    # the filter lists and the title show the hostile strings as text
    assert page.title() == net.meta["title_nl"]
    labels = page.locator("#filters label .name").all_text_contents()
    assert any("</script>" in t for t in labels) and any("<img" in t for t in labels)
    # search with a payload: suggestions are text
    page.fill("#search", "onerror")
    assert "<img src=x onerror" in page.locator("#suggestions li").first.inner_text()
    page.keyboard.press("Enter")
    assert page.evaluate("window.__pwned") is None
    assert opened.dialogs == []
    assert opened.errors == []
    assert opened.requests == [path.resolve().as_uri()]


# --- exploring --------------------------------------------------------------------------------


def test_click_highlights_partners_even_after_a_first_click_on_empty_canvas(open_page, oost_map):
    net, result, path = oost_map
    page = open_page(path).page
    box = page.locator("#network").bounding_box()
    page.mouse.click(box["x"] + 8, box["y"] + box["height"] - 30)  # empty canvas first (pyvis #257)
    assert page.evaluate("wijkgraph.state.selected") is None
    idx = index_of(page, "dock-oost")
    click_node(page, idx)
    assert page.evaluate("wijkgraph.state.selected") == idx
    colours = page.evaluate("Object.fromEntries(wijkgraph.nodes.get().filter(n => typeof n.id === 'number')"
                            ".map(n => [wijkgraph.actors[n.id].id, n.color.background]))")
    partners = set(net.graph.neighbors("dock-oost")) | {"dock-oost"}
    for actor, colour in colours.items():
        expected = (palette.domain_colour(net.graph.nodes[actor]["domain"]) if actor in partners
                    else palette.FADED_COLOUR)
        assert colour.lower() == expected.lower(), actor
    panel = page.locator("#panel").inner_text()
    assert "DOCK Oost" in panel and f"Partners ({len(partners) - 1})" in panel
    assert "Waarom een sleutelfiguur" in panel
    # scores with a decimal comma in the Dutch map, as in the report (not "0.58")
    score = f"{result.key_figures.per_actor.loc['dock-oost', 'score']:.2f}".replace(".", ",")
    assert f"Sleutelfiguurscore\n{score}" in panel or f"Sleutelfiguurscore\t{score}" in panel \
        or f"Sleutelfiguurscore {score}" in panel, panel
    cells = page.locator("#list tbody tr td.num").all_inner_texts()
    assert cells and all("," in c and "." not in c for c in cells)
    # click on empty canvas clears the highlight again
    page.evaluate("wijkgraph.network.fit({animation: false})")
    page.mouse.click(box["x"] + 8, box["y"] + box["height"] - 30)
    assert page.evaluate("wijkgraph.state.selected") is None
    assert page.evaluate("c => wijkgraph.nodes.get().filter(n => n.color.background === c).length",
                         palette.FADED_COLOUR) == 0


def test_filter_a_domain_keeps_only_its_actors(open_page, oost_map):
    net, _result, path = oost_map
    page = open_page(path).page
    page.locator('#filters details[data-facet="domain"] label', has_text="welzijn").click()
    shown = page.evaluate("wijkgraph.shownActorIds()")
    expected = sorted(n for n, d in net.graph.nodes(data=True) if d["domain"] == "welzijn")
    assert sorted(shown) == expected
    assert page.locator("#list tbody tr").count() == len(expected)
    page.click("#clear-filters")
    assert len(page.evaluate("wijkgraph.shownActorIds()")) == net.n_actors


def test_search_finds_an_actor_by_part_of_its_name(open_page, oost_map):
    _net, _result, path = oost_map
    page = open_page(path).page
    page.fill("#search", "oost-noo")
    first = page.locator("#suggestions li").first
    assert "Buurtteam Oost-Noord" in first.inner_text()
    page.keyboard.press("Enter")
    idx = index_of(page, "buurtteam-oost-noord")
    assert page.evaluate("wijkgraph.state.selected") == idx
    assert page.locator("#panel h2").inner_text().strip() == "Buurtteam Oost-Noord"


def test_edge_width_follows_strength(open_page, oost_map):
    net, _result, path = oost_map
    page = open_page(path).page
    widths = page.evaluate("wijkgraph.edges.get().filter(e => e.id[0] === 'e').map(e => e.width)")
    assert len(widths) == net.graph.number_of_edges()
    assert set(widths) <= set(EDGE_WIDTHS.values())
    assert max(widths) == EDGE_WIDTHS[max(d["weight"] for *_, d in net.graph.edges(data=True))]


def test_layers_suggestions_off_ghosts_on_request(open_page, oost_map):
    _net, result, path = oost_map
    page = open_page(path).page
    def count(ds: str, prefix: str) -> int:
        return page.evaluate(f"p => wijkgraph.{ds}.getIds().filter(id => String(id)[0] === p).length",
                             prefix)

    assert count("edges", "s") == 0  # suggested links start hidden
    absent = (result.missing_parties.to_frame()["status"] == "absent").sum()
    assert count("nodes", "g") == absent  # asked for with ghosts=True
    page.check("#layer-suggestions")
    assert count("edges", "s") == len(result.missing_links.to_frame())
    page.uncheck("#layer-ghosts")
    assert count("nodes", "g") == 0


def test_large_map_opens_on_an_overview_with_detail_one_click_away(open_page, tmp_path):
    net = load_dataset("utrecht-oost")
    path = tmp_path / "groot.html"
    render_map(net, overview_limit=20).write(path)
    opened = open_page(path)
    page = opened.page
    groups = page.evaluate("wijkgraph.nodes.getIds()")
    assert groups and all(str(g).startswith("w") for g in groups)
    labels = page.evaluate("wijkgraph.nodes.get().map(n => n.label)")
    assert all(re.search(r"\n(1 actor|\d[\d.]* actoren)$", label) for label in labels), labels
    click_node(page, groups[0], scale=0.3)
    shown = page.evaluate("wijkgraph.shownActorIds()")
    assert 0 < len(shown) <= 20 or len(shown) < net.n_actors
    assert page.locator("#crumbs").is_visible()
    page.click("#back")
    assert all(str(g).startswith("w") for g in page.evaluate("wijkgraph.nodes.getIds()"))
    assert opened.errors == []


def test_png_export_downloads_an_image(open_page, oost_map, tmp_path):
    _net, _result, path = oost_map
    page = open_page(path, accept_downloads=True).page
    with page.expect_download() as info:
        page.click("#png")
    target = tmp_path / "kaart.png"
    info.value.save_as(target)
    assert re.fullmatch(r"kaart-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.png", info.value.suggested_filename)
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_screenshot_of_utrecht_oost_for_the_docs(open_page, oost_map, tmp_path):
    """The map's screenshot in the docs; written into docs/img only with WIJKGRAPH_DOCS_SHOTS=1
    (a test run never changes a tracked file)."""
    import os

    _net, result, path = oost_map
    page = open_page(path).page
    top = result.key_figures.per_actor["rank"].idxmin()
    page.evaluate("i => { wijkgraph.focusActor(i); wijkgraph.network.fit({animation: false}); }",
                  index_of(page, top))
    page.wait_for_timeout(400)
    target = DOCS_IMG if os.environ.get("WIJKGRAPH_DOCS_SHOTS") == "1" else tmp_path
    target.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target / "map-utrecht-oost.png"))
    assert (target / "map-utrecht-oost.png").stat().st_size > 50_000
