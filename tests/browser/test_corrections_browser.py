"""The map's edit mode in headless Chromium: a round trip from the room to analysis.json.

Add a tie and a missing party on the map of driehoek, download the corrections, apply
them with ``wijkgraph analyse --aanvullingen`` and find both in analysis.json. Hostile
text typed into the fields shows as text, is stored as text (formula quote-prefixed in
the workbook), runs nothing, and no request leaves the page.
"""

from __future__ import annotations

import json

import openpyxl
import pytest
from click.testing import CliRunner

from wijkgraph.cli import cli
from wijkgraph.render.map import render_map
from wijkgraph.sources.bundled import load_dataset

pytestmark = pytest.mark.browser

HTML = "<img src=x onerror=alert(1)>"
FORMULA = "=cmd|'/C calc'!A0"


@pytest.fixture(scope="module")
def driehoek_map(tmp_path_factory):
    net = load_dataset("driehoek")
    path = tmp_path_factory.mktemp("map") / "map.html"
    render_map(net).write(path)
    return net, path


def _no_tie_pair(net) -> tuple[str, str]:
    """Two actors of `net` without a tie (the first such pair in table order)."""
    names = net.tables.actors.set_index("id")["name"]
    ids = list(names.index)
    for a in ids:
        for b in ids:
            if a < b and not net.graph.has_edge(a, b):
                return names[a], names[b]
    raise AssertionError("complete graph")


def _add(page, kind: str, values: dict[str, str]) -> None:
    page.click(f"#corrections-tab-{kind}")
    for key, value in values.items():
        selector = f"#corrections-{kind}-{key}"
        if page.eval_on_selector(selector, "e => e.tagName") == "SELECT":
            page.select_option(selector, value)
        else:
            page.fill(selector, value)
    page.click(f"#corrections-add-{kind}")


def test_edit_round_trip_from_map_to_analysis(open_page, driehoek_map, tmp_path):
    net, path = driehoek_map
    opened = open_page(path, accept_downloads=True)
    page = opened.page
    assert page.is_hidden("#corrections-banner")
    page.click("#corrections")
    assert page.is_visible("#corrections-banner")
    assert page.is_disabled("#corrections-download")  # nothing to download yet
    a, b = _no_tie_pair(net)
    # a click on an actor fills the first empty actor field
    page.click("#corrections-tab-tie")
    page.evaluate("i => wijkgraph.network.emit('selectNode', {nodes: [i]})",
                  page.evaluate("n => wijkgraph.actors.findIndex(a => a.name === n)", a))
    assert page.input_value("#corrections-tie-a") == a
    page.fill("#corrections-who", FORMULA)
    _add(page, "tie", {"a": a, "b": b, "relkind": "samenwerking", "strength": "3",
                       "why": HTML})
    _add(page, "party", {"name": HTML, "domain": "zorg", "role": FORMULA, "wijk": "Oost"})
    _add(page, "tie", {"a": HTML, "b": a, "strength": "2"})
    # an unknown actor is refused in the page, with the name shown as text
    _add(page, "tie", {"a": "Niemand hier", "b": a})
    assert "Niemand hier" in page.text_content("#corrections-status")

    items = page.locator("#corrections-list li").all_text_contents()
    assert len(items) == 3
    assert any(HTML in item for item in items) and any(FORMULA in item for item in items)
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    # drawn on the map: the new party as a node, the new ties dashed
    assert page.evaluate("wijkgraph.nodes.get('aanv-p1').label") == HTML
    assert page.evaluate("wijkgraph.edges.get('aanv-t0').dashes.length") == 2
    assert page.evaluate("wijkgraph.edges.get('aanv-t2') !== null")

    with page.expect_download() as info:
        page.click("#corrections-download")
    xlsx = tmp_path / "aanvullingen.xlsx"
    info.value.save_as(xlsx)
    assert info.value.suggested_filename.endswith(".xlsx")

    wb = openpyxl.load_workbook(xlsx)
    assert wb.sheetnames == ["actoren", "relaties", "beeindigd", "notities"]
    actoren = wb["actoren"]
    assert [c.value for c in actoren[1]][:6] == ["id", "naam", "soort", "domein", "rol", "wijk"]
    assert actoren["B2"].value == HTML
    assert actoren["E2"].value == FORMULA and actoren["E2"].data_type == "s"
    assert actoren["E2"].quotePrefix and actoren["H2"].quotePrefix  # rol, wie
    relaties = wb["relaties"]
    assert [c.value for c in relaties[2]][:4] == [a, b, "samenwerking", 3]

    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["analyse", "driehoek", "--aanvullingen", str(xlsx),
                                      "-o", str(out), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert HTML in result.output
    meta = json.loads((out / "analysis.json").read_text(encoding="utf-8"))["meta"]
    assert meta["corrections"]["added_actors"] == [HTML]
    assert sorted(map(sorted, meta["corrections"]["added_relations"])) == sorted(
        [sorted([a, b]), sorted([HTML, a])])

    # kept in this browser: a reload shows the same corrections
    page.reload()
    page.wait_for_function("window.wijkgraphReadyAt !== undefined")
    page.click("#corrections")
    assert len(page.locator("#corrections-list li").all_text_contents()) == 3
    page.locator("#corrections-list li button").first.click()  # undo
    assert len(page.locator("#corrections-list li").all_text_contents()) == 2
    assert page.evaluate("wijkgraph.edges.get('aanv-t0')") is None

    assert opened.dialogs == []
    assert [e for e in opened.errors if "pageerror" in e] == []
    assert all(u.startswith(("file:", "blob:", "data:")) for u in opened.requests), \
        opened.requests


def test_ended_tie_and_note_are_drawn_and_saved(open_page, driehoek_map, tmp_path):
    net, path = driehoek_map
    page = open_page(path, accept_downloads=True).page
    page.click("#corrections")
    u, v = next(iter(net.graph.edges()))
    a, b = net.label(u), net.label(v)
    _add(page, "ended", {"a": a, "b": b, "why": "gestopt in 2025"})
    _add(page, "note", {"a": a, "text": "werkt ook met de huisarts"})
    crossed = page.evaluate("wijkgraph.edges.get().filter(e => e.label === '✕').length")
    assert crossed == 1
    with page.expect_download() as info:
        page.click("#corrections-download")
    xlsx = tmp_path / "c.xlsx"
    info.value.save_as(xlsx)
    wb = openpyxl.load_workbook(xlsx)
    assert [c.value for c in wb["beeindigd"][2]][:2] == [a, b]
    assert [c.value for c in wb["notities"][2]][:2] == [a, "werkt ook met de huisarts"]
    from wijkgraph.sources.corrections import apply_corrections

    after = apply_corrections(net, xlsx)
    assert after.n_relations == net.n_relations - 1
    assert not after.graph.has_edge(u, v)
