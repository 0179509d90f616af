"""In Chromium, every name in the report's network picture is drawn inside the picture.

Measures each label's ``getBBox()`` (the drawn text, in the picture's own units) against
the picture's viewBox and the top of its legend.
"""

from __future__ import annotations

import pandas as pd
import pytest

from wijkgraph.analysis.run import analyse
from wijkgraph.model.network import build_network
from wijkgraph.model.tables import tables_from_frames
from wijkgraph.render.outputs import write_outputs
from wijkgraph.sources.bundled import load_dataset

pytestmark = pytest.mark.browser

LONG = ["DOCK Zuid", "Buurtteam Zuid", "Gemeente Utrecht", "Wijkbureau Zuid",
        "Bewonerscommissie Hoograven", "Huisartsenpraktijk Lunetten", "Politie Wijkagent Zuid",
        "Mitros Woningcorporatie", "Voedselbank Utrecht", "Bibliotheek Hoograven"]
PAIRS = [(0, 1), (0, 2), (0, 3), (0, 4), (1, 2), (2, 3), (4, 5), (1, 5), (6, 3), (7, 4),
         (7, 0), (8, 0), (9, 4), (9, 8), (6, 7)]

MEASURE = """() => {
  const svg = document.querySelector('svg.network-svg');
  const [, , w, h] = svg.getAttribute('viewBox').split(' ').map(Number);
  const legend = svg.querySelector('g.legend').parentNode.transform.baseVal.consolidate().matrix.f;
  return {w, h, legend, labels: Array.from(svg.querySelectorAll('g.labels text')).map(t => {
    const b = t.getBBox();
    return {text: t.textContent, x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height};
  })};
}"""


def _long_network():
    actors = pd.DataFrame({"name": LONG, "domain": ["welzijn", "welzijn", "gemeente", "gemeente",
                                                    "inwoners", "zorg", "veiligheid", "wonen",
                                                    "welzijn", "sport en cultuur"]})
    relations = pd.DataFrame({"source": [LONG[a] for a, _ in PAIRS],
                              "target": [LONG[b] for _, b in PAIRS], "strength": 2})
    return build_network(tables_from_frames(actors, relations))


@pytest.mark.parametrize("which", ["long-names", "utrecht-oost"])
def test_every_label_is_drawn_inside_the_picture(browser, tmp_path, which):
    net = _long_network() if which == "long-names" else load_dataset(which)
    write_outputs(net, analyse(net), tmp_path / "out", formats=("html",))
    ctx = browser.new_context(viewport={"width": 1920, "height": 1080})
    try:
        page = ctx.new_page()
        page.goto((tmp_path / "out" / "report.html").resolve().as_uri())
        page.wait_for_load_state("load")
        got = page.evaluate(MEASURE)
        assert len(got["labels"]) == 8
        for b in got["labels"]:
            assert b["x0"] >= 0 and b["x1"] <= got["w"], b
            assert b["y0"] >= 0 and b["y1"] <= got["legend"], b
        if which == "long-names":
            assert any("Bewonerscommissie Hoograven" in b["text"] for b in got["labels"])
    finally:
        ctx.close()
