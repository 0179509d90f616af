"""The map on a beamer (1920x1080): a small network fills the canvas with readable names, and
the "who is who" table wraps only between words.

Label boxes are vis-network's own (``labelModule.size``, what it drew), circles are the
nodes' drawn positions and sizes: independent of the placement code's estimates.
"""

from __future__ import annotations

import pandas as pd
import pytest

from wijkgraph.analysis.run import analyse
from wijkgraph.model.network import build_network
from wijkgraph.model.tables import tables_from_frames
from wijkgraph.render.map import render_map
from wijkgraph.sources.bundled import load_dataset

pytestmark = pytest.mark.browser

BEAMER = (1920, 1080)
NAMES = ["DOCK Zuid", "Buurtteam Zuid", "Gemeente Utrecht", "Wijkbureau Zuid",
         "Bewonerscommissie Hoograven", "Huisartsenpraktijk Lunetten", "Politie Wijkagent Zuid",
         "Mitros Woningcorporatie", "Voedselbank Utrecht", "Bibliotheek Hoograven"]
DOMAINS = ["welzijn", "welzijn", "gemeente", "gemeente", "inwoners", "zorg", "veiligheid",
           "wonen", "welzijn", "sport en cultuur"]
PAIRS = [(0, 1), (0, 2), (0, 3), (0, 4), (1, 2), (2, 3), (4, 5), (1, 5), (6, 3), (7, 4),
         (7, 0), (8, 0), (9, 4), (9, 8), (6, 7)]


def small_network(n: int):
    pairs = [(a, b) for a, b in PAIRS if a < n and b < n]
    actors = pd.DataFrame({"name": NAMES[:n], "domain": DOMAINS[:n]})
    relations = pd.DataFrame({"source": [NAMES[a] for a, _ in pairs],
                              "target": [NAMES[b] for _, b in pairs], "strength": 2})
    return build_network(tables_from_frames(actors, relations))


def open_map(open_page, tmp_path, net, viewport=BEAMER):
    path = tmp_path / "kaart.html"
    render_map(net, analyse(net)).write(path)
    opened = open_page(path, viewport=viewport)
    page = opened.page
    page.wait_for_function("wijkgraph.labelsPlaced !== undefined")
    page.wait_for_timeout(200)  # the labels are placed after the first drawing
    page.evaluate("wijkgraph.network.redraw()")
    assert opened.errors == []
    return page


DRAWN = """() => {
  const W = wijkgraph, net = W.network, scale = net.getScale();
  const box = document.getElementById('network');
  const out = {width: box.clientWidth, height: box.clientHeight, nodes: []};
  for (const id of W.nodes.getIds()) {
    const node = net.body.nodes[id], p = net.canvasToDOM({x: node.x, y: node.y});
    const s = node.labelModule.size, label = node.options.label || '';
    const q = net.canvasToDOM({x: s.left, y: s.top});
    out.nodes.push({id, name: label, x: p.x, y: p.y, r: node.options.size * scale,
      label: label ? [q.x, q.y, q.x + s.width * scale, q.y + s.height * scale] : null});
  }
  return out;
}"""


def _rect_meets_circle(b, x, y, r) -> bool:
    nx, ny = min(max(x, b[0]), b[2]), min(max(y, b[1]), b[3])
    return (nx - x) ** 2 + (ny - y) ** 2 < r * r


def _rects_meet(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.mark.parametrize("n", [6, 10])
def test_a_small_network_fills_the_canvas_and_its_names_touch_nothing(open_page, tmp_path, n):
    page = open_map(open_page, tmp_path, small_network(n))
    got = page.evaluate(DRAWN)
    nodes = got["nodes"]
    assert len(nodes) == n
    left = min(d["x"] - d["r"] for d in nodes)
    right = max(d["x"] + d["r"] for d in nodes)
    top = min(d["y"] - d["r"] for d in nodes)
    bottom = max(d["y"] + d["r"] for d in nodes)
    assert (right - left) >= 0.5 * got["width"] or (bottom - top) >= 0.5 * got["height"], got
    assert left >= 0 and right <= got["width"] and top >= 0 and bottom <= got["height"]
    named = [d for d in nodes if d["label"]]
    assert sorted(d["name"] for d in named) == sorted(NAMES[:n])  # every name is shown
    for d in named:
        box = d["label"]
        assert box[0] >= 0 and box[2] <= got["width"] and box[1] >= 0 and box[3] <= got["height"]
        for other in nodes:
            if other is not d:
                assert not _rect_meets_circle(box, other["x"], other["y"], other["r"]), \
                    (d["name"], "touches", other["name"])
                if other["label"]:
                    assert not _rects_meet(box, other["label"]), (d["name"], other["name"])


BROKEN_WORDS = """() => {
  const broken = [];
  for (const td of document.querySelectorAll('#list tbody td')) {
    for (const node of td.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE) continue;
      const re = /[^\\s-]+-?/g;  // a word; a break after a hyphen is a break between words
      let m;
      while ((m = re.exec(node.textContent))) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top)));
        if (lines.size > 1) broken.push(m[0]);
      }
    }
  }
  const wrap = document.querySelector('.table-wrap');
  const score = document.querySelector('#list tbody tr td.num').getBoundingClientRect();
  return {broken, rows: document.querySelectorAll('#list tbody tr').length,
          overflow: wrap.scrollWidth - wrap.clientWidth, stacked: wrap.classList.contains('stacked'),
          scoreInside: score.right <= wrap.getBoundingClientRect().right + 0.5};
}"""


@pytest.mark.parametrize(("which", "viewport"), [("6 actors", BEAMER), ("utrecht-oost", BEAMER),
                                                 ("utrecht-oost", (1280, 800)),
                                                 ("groz", (1280, 800))])
def test_who_is_who_wraps_only_between_words(open_page, tmp_path, which, viewport):
    net = small_network(6) if which == "6 actors" else load_dataset(which)
    page = open_map(open_page, tmp_path, net, viewport)
    assert page.evaluate("document.documentElement.lang") in ("nl", "en")
    got = page.evaluate(BROKEN_WORDS)
    assert got["rows"] == min(net.n_actors, 300)
    assert got["broken"] == []  # never "gemeent|e"
    assert got["overflow"] <= 0 and got["scoreInside"]  # the whole table, scores too, in sight
    # on a beamer the three columns fit side by side; on a laptop the domain may go under
    # the name instead of the table scrolling sideways
    if viewport == BEAMER:
        assert not got["stacked"]
