"""The names in the report's network picture stay inside the picture, whatever their length.

The widths are checked two ways: with the package's own width table and, independently,
with the advance widths read from the bold font files that ``system-ui`` falls back to
(DejaVu Sans, Liberation Sans), when those are installed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd
import pytest

from wijkgraph.analysis.run import analyse
from wijkgraph.model.network import build_network
from wijkgraph.model.tables import tables_from_frames
from wijkgraph.render._text_width import char_width, text_width
from wijkgraph.render.network_svg import ASCENT, DESCENT, network_svg

NS = "{http://www.w3.org/2000/svg}"
FONTS = Path("/usr/share/fonts/truetype")
BOLD_FONTS = [FONTS / "dejavu" / "DejaVuSans-Bold.ttf",
              FONTS / "liberation" / "LiberationSans-Bold.ttf"]
REGULAR_FONTS = [FONTS / "dejavu" / "DejaVuSans.ttf",
                 FONTS / "liberation" / "LiberationSans-Regular.ttf"]

LONG = ["Bewonerscommissie Hoograven", "Huisartsenpraktijk Lunetten-Oost",
        "Wijkwerkgroep Welzijn Ouderen Tolsteeg", "MMMM WWWW Mondriaan Woonwerk",
        "Gemeente Utrecht Wijkbureau Zuid", "DOCK Zuid", "Buurtteam Jeugd en Gezin Zuid",
        "Stichting Wijkwerk Hoograven-Tolsteeg", "Voedselbank Utrecht Zuid",
        "Bibliotheek Hoograven", "Politie Wijkagent Zuid", "Mitros Woningcorporatie"]


def _network(names: list[str]) -> object:
    """A ring with chords: every party has partners, several are key figures."""
    n = len(names)
    pairs = [(k, (k + 1) % n) for k in range(n)] + [(0, k) for k in range(2, n, 3)]
    actors = pd.DataFrame({"name": names, "domain": ["welzijn", "zorg", "inwoners"] * (n // 3)
                           + ["wonen"] * (n % 3)})
    relations = pd.DataFrame({"source": [names[a] for a, _ in pairs],
                              "target": [names[b] for _, b in pairs]})
    return build_network(tables_from_frames(actors, relations))


def _font_widths(path: Path) -> tuple[dict[int, float], int]:
    ttlib = pytest.importorskip("fontTools.ttLib")
    font = ttlib.TTFont(str(path))
    cmap, hmtx = font.getBestCmap(), font["hmtx"]
    return {c: hmtx[g][0] for c, g in cmap.items()}, font["head"].unitsPerEm


def _labels(svg: str) -> tuple[list[tuple[str, float, float, str, float]], float, float]:
    """(text, x, y, anchor, font size) of every label, the picture's width, and the height of
    its drawing (above the legend)."""
    root = ET.fromstring(svg)
    width = float(root.get("viewBox").split()[2])
    legend = next(g for g in root.iter(f"{NS}g") if (g.get("transform") or "").startswith("translate"))
    drawing = float(re.findall(r"[\d.]+", legend.get("transform"))[1])
    group = next(g for g in root.iter(f"{NS}g") if g.get("class") == "labels")
    size = float(group.get("font-size"))
    assert group.get("font-weight") == "600"
    return ([(t.text or "", float(t.get("x")), float(t.get("y")), t.get("text-anchor"), size)
             for t in group.iter(f"{NS}text")], width, drawing)


def _box(label: tuple[str, float, float, str, float], width_of) -> tuple[float, float, float, float]:
    text, x, y, anchor, size = label
    w = width_of(text, size)
    x0 = x if anchor == "start" else x - w if anchor == "end" else x - w / 2
    return x0, y - ASCENT * size, x0 + w, y + DESCENT * size


def _pictures():
    for names in (LONG, [f"{n} en omstreken" for n in LONG[:9]]):
        net = _network(names)
        result = analyse(net)
        for width, height in ((760, 470), (420, 300)):
            for seed in (0, 1, 2):
                yield network_svg(net, result, lang="nl", seed=seed, width=width, height=height)


def _assert_inside(width_of) -> None:
    count = 0
    for svg in _pictures():
        labels, width, drawing = _labels(svg)
        assert len(labels) == 8
        for label in labels:
            x0, y0, x1, y1 = _box(label, width_of)
            assert x0 >= 0 and x1 <= width, (label, x0, x1, width)
            assert y0 >= 0 and y1 <= drawing, (label, y0, y1, drawing)
            count += 1
    assert count == 2 * 2 * 3 * 8


def test_every_label_is_inside_the_picture_by_the_width_table():
    _assert_inside(lambda text, size: text_width(text, size, bold=True))


def test_every_label_is_inside_the_picture_by_the_font_files():
    fonts = [p for p in BOLD_FONTS if p.exists()]
    if not fonts:
        pytest.skip("DejaVu Sans / Liberation Sans are not installed")
    tables = [_font_widths(p) for p in fonts]

    def width_of(text: str, size: float) -> float:
        return max(sum(adv.get(ord(c), upm) for c in text) / upm * size for adv, upm in tables)

    _assert_inside(width_of)


@pytest.mark.parametrize("bold", [True, False])
def test_the_width_table_is_never_narrower_than_the_fonts(bold):
    fonts = [p for p in (BOLD_FONTS if bold else REGULAR_FONTS) if p.exists()]
    if not fonts:
        pytest.skip("DejaVu Sans / Liberation Sans are not installed")
    text = "".join(chr(c) for c in range(32, 127)) + "àéëïöüçñÀÉËÏÖÜß…–—‘’“”€"
    for adv, upm in (_font_widths(p) for p in fonts):
        for c in text:
            assert char_width(c, bold=bold) >= adv[ord(c)] / upm - 1e-9, (c, bold)
    # bold is wider: the old flat 0.56 em was too narrow for a bold name
    name = "4. Bewonerscommissie Hoograven"
    if bold:
        assert text_width(name, 12, bold=True) > len(name) * 12 * 0.62


def test_a_label_wider_than_the_picture_is_shortened():
    names = ["Samenwerkingsverband " * 4 + "Zuid", "B", "C"]
    actors = pd.DataFrame({"name": names, "domain": ["zorg"] * 3})
    relations = pd.DataFrame({"source": ["B", "C"], "target": [names[0], names[0]]})
    net = build_network(tables_from_frames(actors, relations))
    svg = network_svg(net, analyse(net), width=200, height=200, seed=0)
    labels, width, drawing = _labels(svg)
    long = next(label for label in labels if label[0].startswith("1."))
    assert long[0].endswith("…")
    x0, _, x1, _ = _box(long, lambda t, s: text_width(t, s, bold=True))
    assert x0 >= 0 and x1 <= width


def test_labels_of_a_sparse_picture_do_not_overlap():
    net = _network(LONG[:6])
    svg = network_svg(net, analyse(net), lang="nl", seed=0)
    labels, _, _ = _labels(svg)
    boxes = [_box(label, lambda t, s: text_width(t, s, bold=True)) for label in labels]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)
