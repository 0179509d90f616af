"""Issue 13 in Chromium: presentation mode, labels that do not collide, exports and print.

Label boxes are vis-network's own (``labelModule.size``, measured text), counted with the
same script as ``benchmarks/bench_labels.py``.
"""

from __future__ import annotations

import io
import re
import struct
import xml.etree.ElementTree as ET

import pytest

from benchmarks.bench_labels import measure
from wijkgraph.analysis.run import analyse
from wijkgraph.render.map import render_map
from wijkgraph.sources.bundled import load_dataset

pytestmark = pytest.mark.browser
HD = (1920, 1080)


@pytest.fixture(scope="module")
def oost(tmp_path_factory):
    net = load_dataset("utrecht-oost")
    result = analyse(net)
    path = tmp_path_factory.mktemp("present") / "map.html"
    doc = render_map(net, result, lang="nl")
    doc.write(path)
    return net, result, path


def settle(page, ms: int = 400) -> None:
    page.wait_for_timeout(ms)


@pytest.mark.parametrize("name", ["utrecht-oost", "driehoek"])
def test_no_two_drawn_labels_overlap_at_the_fitted_view(open_page, tmp_path, name):
    net = load_dataset(name)
    path = tmp_path / "map.html"
    render_map(net, analyse(net)).write(path)
    opened = open_page(path, viewport=HD)
    settle(opened.page)
    m = measure(opened.page)
    assert m["pairs"] == 0
    assert m["drawn"] >= min(10, net.n_actors)  # labels are not simply all switched off
    # the five key figures always keep their label
    top = opened.page.evaluate(
        "wijkgraph.actors.filter(a => a.rank >= 1 && a.rank <= 5).map(a => wijkgraph.nodes.get(a.i).label)")
    assert top and all(top)
    # zooming in shows more labels, still without overlap
    opened.page.evaluate("wijkgraph.network.moveTo({scale: wijkgraph.network.getScale() * 2.5})")
    opened.page.evaluate("wijkgraph.placeLabels()")
    settle(opened.page, 200)
    zoomed = measure(opened.page)
    assert zoomed["pairs"] == 0
    assert opened.errors == [] and opened.requests == [path.resolve().as_uri()]


def test_presentation_mode_at_1920x1080(open_page, oost, tmp_path):
    net, result, path = oost
    opened = open_page(path, viewport=HD)
    page = opened.page
    page.keyboard.press("p")
    settle(page, 600)
    assert page.locator("#right").is_hidden()
    assert page.locator("#filters").is_hidden()
    assert page.locator("#legend").is_visible()
    box = page.locator("#network").bounding_box()
    assert box["width"] == HD[0] and box["height"] >= HD[1] - 2
    # top key figure's label on screen
    px = page.evaluate("""() => { const w = wijkgraph, a = w.actors.find(a => a.rank === 1);
        return w.network.body.nodes[a.i].labelModule.fontOptions.size * w.network.getScale(); }""")
    assert px >= 18
    assert measure(page)["pairs"] == 0
    # the first finding is shown; the arrow key moves to the next and highlights its actors
    findings = page.evaluate("wijkgraph.data.findings")
    assert len(findings) >= 2
    page.keyboard.press("ArrowRight")
    settle(page, 200)
    assert page.evaluate("wijkgraph.finding()") == 1
    assert page.locator("#finding .head").text_content() == findings[1][0]
    want = sorted(findings[1][2])
    got = page.evaluate("Array.from(wijkgraph.state.highlight || []).sort((a, b) => a - b)")
    assert got == want
    if want:
        faded = page.evaluate("""ids => wijkgraph.nodes.get().filter(n => typeof n.id === 'number'
            && !ids.includes(n.id) && n.color.background === wijkgraph.data.colours.faded).length""", want)
        assert faded == net.n_actors - len(want)
    page.screenshot(path=str(tmp_path / "present.png"))
    page.keyboard.press("Escape")
    settle(page, 300)
    assert page.locator("#right").is_visible()
    assert page.evaluate("wijkgraph.state.highlight") is None
    assert opened.errors == [] and opened.requests == [path.resolve().as_uri()]


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_png_export_is_twice_the_screen_with_its_legend(open_page, oost, tmp_path):
    net, result, path = oost
    opened = open_page(path, viewport=HD, accept_downloads=True)
    page = opened.page
    settle(page)
    with page.expect_download() as info:
        page.click("#png")
    download = info.value
    assert re.fullmatch(r"kaart-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.png", download.suggested_filename)
    with open(download.path(), "rb") as fh:
        data = fh.read()
    w, h = png_size(data)
    box = page.locator("#network").bounding_box()
    lay = page.evaluate("wijkgraph.exportLayout")
    assert lay["scale"] == 2 and lay["legend"] >= 200
    assert w == 2 * (round(box["width"]) + lay["legend"])
    assert h == 2 * (round(box["height"]) + lay["head"] + lay["foot"])
    # the legend strings were drawn, and the legend area is not blank
    strings = page.evaluate("wijkgraph.lastLegendStrings")
    assert page.locator("#legend h2").text_content() in strings
    pil = pytest.importorskip("PIL.Image")
    img = pil.open(io.BytesIO(data)).convert("L")
    legend = img.crop((2 * round(box["width"]) + 10, 2 * lay["head"], w - 10, h // 2))
    dark = sum(legend.histogram()[:200])  # pixels darker than the background
    assert dark > 500
    assert opened.errors == []


def test_svg_export_parses_and_holds_the_legend(open_page, oost):
    net, result, path = oost
    opened = open_page(path, viewport=HD)
    settle(opened.page)
    text = opened.page.evaluate("wijkgraph.exportSvg()")
    root = ET.fromstring(text.split("\n", 1)[1])
    ns = "{http://www.w3.org/2000/svg}"
    texts = [t.text for t in root.iter(ns + "text")]
    assert "Legenda" in texts
    assert opened.page.evaluate("wijkgraph.data.title") in texts
    drawn = opened.page.evaluate("wijkgraph.nodes.get().filter(n => n.label).map(n => n.label)")
    label_texts = [t.text for t in root.find(f".//{ns}g[@class='labels']")]
    assert sorted(label_texts) == sorted(drawn)
    assert len(list(root.iter(ns + "line"))) >= net.graph.number_of_edges()


def test_print_of_the_map_is_one_a4_landscape_page(open_page, oost, tmp_path):
    net, result, path = oost
    opened = open_page(path, viewport=HD)
    page = opened.page
    settle(page)
    page.emulate_media(media="print")
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert pages == 1
    size = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\]", pdf)
    assert size and float(size.group(1)) > float(size.group(2))  # landscape


def test_svg_export_of_hostile_names_is_text(open_page, tmp_path):
    from tests.render._hostile import NAMES, hostile_network

    path = tmp_path / "map.html"
    render_map(hostile_network()).write(path)
    opened = open_page(path, viewport=HD)
    settle(opened.page)
    opened.page.evaluate("wijkgraph.network.moveTo({scale: 3})")  # more labels drawn
    opened.page.evaluate("wijkgraph.placeLabels()")
    text = opened.page.evaluate("wijkgraph.exportSvg()")
    root = ET.fromstring(text.split("\n", 1)[1])  # parses: every name was escaped
    ns = "{http://www.w3.org/2000/svg}"
    assert not [e for e in root.iter() if e.tag.split("}")[-1] in ("script", "foreignObject", "a")]
    drawn = opened.page.evaluate("wijkgraph.nodes.get().filter(n => n.label).map(n => n.label)")
    labels = [t.text for t in root.find(f".//{ns}svg[@class='map']").iter(ns + "text")]
    assert drawn and sorted(labels) == sorted(drawn)
    assert set(labels) <= set(NAMES)  # the payloads came through as the very same text
    assert any("<" in name for name in labels)
    assert opened.dialogs == [] and opened.errors == []
