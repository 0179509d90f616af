"""A static picture of the whole network as SVG: for the report's first page and for print.

The same seeded positions as the interactive map (`wijkgraph.render.layout`), parties
coloured by domain, ties as thin lines (thicker when deeper), the key figures drawn larger
with their name and rank, and a small legend of the domains. No script, no links, no
fonts to fetch: every text is escaped, and the same network and seed give the same bytes.

Examples
--------
>>> from wijkgraph.sources.bundled import load_dataset
>>> from wijkgraph.analysis.run import analyse
>>> net = load_dataset("utrecht-oost")
>>> svg = network_svg(net, analyse(net), lang="en")
>>> svg.startswith("<svg") and "<script" not in svg and "Wijkbureau Oost" in svg
True
>>> svg == network_svg(net, analyse(net), lang="en")
True
"""

from __future__ import annotations

import html
import math
from collections import Counter
from collections.abc import Hashable, Mapping
from typing import TYPE_CHECKING, Any

import numpy as np

from wijkgraph.i18n import N_, Translator, translator
from wijkgraph.model.network import WijkNetwork
from wijkgraph.render._text_width import text_width
from wijkgraph.render.layout import layout_positions
from wijkgraph.render.palette import domain_colour, domain_name

if TYPE_CHECKING:
    from wijkgraph.analysis.run import Analysis

#: The most ties drawn (the deepest first); the picture stays small for very large networks.
MAX_EDGES = 4000
#: The most parties drawn: a larger network is drawn as its most central parties (highest
#: key-figure score, else most partners) and the ties between them, and the picture says
#: so. A 760 px picture cannot show more, and laying out every party of a city would take
#: longer than the rest of the report.
MAX_NODES = 600
#: The most domains named in the legend (the most frequent; the rest as "other").
MAX_LEGEND = 12
#: Characters of a label before it is shortened.
LABEL_CHARS = 40
#: Font size of the key figures' names (px; bold).
LABEL_SIZE = 12.0
#: Height of the label font above and below the baseline, as a share of the font size
#: (DejaVu Sans, the widest fallback of ``system-ui``: 0.93 and 0.24), and the width of the
#: white halo drawn around the letters (half the stroke), px.
ASCENT, DESCENT, HALO = 0.95, 0.25, 1.5

TEXT = {
    "alt": N_("Picture of the network: {parties}, {ties}. Colour: domain; larger and named: "
              "the key figures, numbered by rank."),
    "key": N_("Key figure (rank)"),
    "other": N_("other domains"),
    "unknown": N_("no domain"),
    "part": N_("Shown: the {shown} most central parties of {total} and the ties between them; "
               "the map (map.html) and tables.xlsx have every party."),
}


def _esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def _short(text: str, n: int = LABEL_CHARS) -> str:
    """`text` cut to `n` characters, with "…" when it was longer.

    >>> _short("Buurtteam Jeugd en Gezin Oost en Binnenstad", 20)
    'Buurtteam Jeugd en…'
    """
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _fit(positions: Mapping[Hashable, tuple[float, float]], width: float, height: float,
         margin: float) -> dict[Hashable, tuple[float, float]]:
    """Positions scaled (one factor for both axes) and centred into the drawing area."""
    if not positions:
        return {}
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    span_x, span_y = max(xs) - min(xs), max(ys) - min(ys)
    scale = min((width - 2 * margin) / span_x if span_x else math.inf,
                (height - 2 * margin) / span_y if span_y else math.inf)
    if not math.isfinite(scale):
        scale = 1.0
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {n: (round(width / 2 + (x - cx) * scale, 1), round(height / 2 + (y - cy) * scale, 1))
            for n, (x, y) in positions.items()}


def _covered(box: tuple[float, float, float, float],
             boxes: list[tuple[float, float, float, float]]) -> float:
    """The area of `box` that `boxes` cover (summed; overlapping boxes count twice).

    >>> _covered((0, 0, 10, 10), [(5, 5, 20, 20), (20, 20, 30, 30)])
    25
    """
    x0, y0, x1, y1 = box
    return sum(max(0, min(x1, b[2]) - max(x0, b[0])) * max(0, min(y1, b[3]) - max(y0, b[1]))
               for b in boxes)


def network_svg(network: WijkNetwork, analysis: Analysis | None = None, *, lang: str = "nl",
                seed: int = 0, width: int = 760, height: int = 470, top: int = 8,
                max_nodes: int = MAX_NODES) -> str:
    """The network as one self-contained ``<svg>`` element (no script, every text escaped).

    Parameters
    ----------
    network : WijkNetwork
    analysis : Analysis, optional
        Names its key figures; without it no party is named.
    lang : {"nl", "en"}
        Language of the legend and the text alternative.
    seed : int, default 0
        Seed of the layout (the map's default, so both show the same shape).
    width, height : int
        Size of the drawing in CSS pixels (it scales with the page).
    top : int, default 8
        How many key figures are drawn larger and named.
    max_nodes : int, default `MAX_NODES`
        A larger network is drawn as its `max_nodes` most central parties (highest
        key-figure score; without `analysis` most partners) and the ties between them; the
        picture's legend and text alternative say how many of how many are shown.

    Returns
    -------
    str

    Examples
    --------
    >>> import pandas as pd
    >>> from wijkgraph.model.tables import tables_from_frames
    >>> from wijkgraph.model.network import build_network
    >>> actors = pd.DataFrame({"name": ["<A>", "B"], "domain": ["zorg", "welzijn"]})
    >>> relations = pd.DataFrame({"source": ["<A>"], "target": ["B"], "strength": [2]})
    >>> svg = network_svg(build_network(tables_from_frames(actors, relations)))
    >>> svg.count("<line"), "&lt;A&gt;" in svg, "<A>" in svg
    (1, True, False)

    Capped at one party, the picture says what it left out:

    >>> svg = network_svg(build_network(tables_from_frames(actors, relations)), lang="en",
    ...                   max_nodes=1)
    >>> svg.count("<line"), "the 1 most central parties of 2" in svg
    (0, True)
    """
    t = translator(lang)
    whole = network.graph
    graph = _central(whole, analysis, max_nodes)
    part = ""
    if graph.number_of_nodes() < whole.number_of_nodes():
        part = t.gettext(TEXT["part"]).format(shown=t.number(graph.number_of_nodes()),
                                              total=t.number(whole.number_of_nodes()))
    legend, legend_h = _legend(graph, t, width, part)
    pos = _fit(layout_positions(graph, seed=seed), width, height - legend_h, 18.0)
    ranks: dict[Hashable, int] = {}
    if analysis is not None:
        frame = analysis.key_figures.to_frame().head(top)
        ranks = {i: int(r) for i, r in zip(frame["id"], frame["rank"], strict=True)
                 if i in graph}
    degree = dict(graph.degree())
    max_degree = max(degree.values(), default=1) or 1
    alt = t.gettext(TEXT["alt"]).format(
        parties=t.count(whole.number_of_nodes(), "{n} party", "{n} parties"),
        ties=t.count(whole.number_of_edges(), "{n} tie", "{n} ties"))
    if part:
        alt = f"{alt} {part}"
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" class="network-svg" role="img" '
           f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
           f'aria-label="{_esc(alt)}" font-family="system-ui, sans-serif">',
           f"<title>{_esc(alt)}</title>",
           '<g class="ties" stroke="#8a8f98" stroke-linecap="round">']
    edges = sorted(((str(u), str(v), float(d.get("weight") or 1)) for u, v, d in
                    graph.edges(data=True)), key=lambda e: (-e[2], e[0], e[1]))[:MAX_EDGES]
    opacity = 0.55 if len(edges) < 300 else 0.3
    for u, v, w in sorted(edges, key=lambda e: (e[2], e[0], e[1])):  # deep ties on top
        (x1, y1), (x2, y2) = pos[u], pos[v]
        out.append(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" '
                   f'stroke-width="{round(0.5 + 0.35 * min(w, 4), 2)}" '
                   f'stroke-opacity="{opacity}"/>')
    out.append("</g>")
    small = graph.number_of_nodes() > 200
    out.append('<g class="parties" stroke="#ffffff" stroke-width="0.8">')
    nodes = sorted(graph.nodes, key=lambda n: (n in ranks, str(n)))  # key figures on top
    radius: dict[Hashable, float] = {}
    for n in nodes:
        d = graph.nodes[n]
        r = (2.0 if small else 3.5) + (2.5 if small else 4.0) * math.sqrt(degree[n] / max_degree)
        if n in ranks:
            r += 2.5
        radius[n] = r
        x, y = pos[n]
        extra = ' stroke="#1d1d1f" stroke-width="1.6"' if n in ranks else ""
        out.append(f'<circle cx="{x}" cy="{y}" r="{round(r, 1)}" '
                   f'fill="{_esc(domain_colour(str(d.get("domain") or "")))}"{extra}>'
                   f"<title>{_esc(d.get('name', n))}</title></circle>")
    out.append("</g>")
    out += _labels(graph, pos, radius, ranks, width, height - legend_h)
    out.append(f'<g transform="translate(0 {round(height - legend_h, 1)})">')
    out += legend
    out.append("</g>")
    out.append("</svg>")
    return "\n".join(out)


def _central(graph: Any, analysis: Analysis | None, limit: int) -> Any:
    """`graph` itself when it has at most `limit` parties, else the subgraph of its `limit`
    most central ones: highest key-figure score (then most partners, then id) with an
    analysis, most partners (then id) without one."""
    if graph.number_of_nodes() <= limit:
        return graph
    nodes = list(graph.nodes)
    degree = np.array([d for _n, d in graph.degree()], dtype=np.int64)  # in node order
    score = np.full(len(nodes), -1.0)
    if analysis is not None:
        scores = analysis.key_figures.per_actor["score"]  # index: actor id
        lookup = {i: float(v) for i, v in scores.items() if v == v}
        score = np.array([lookup.get(n, -1.0) for n in nodes], dtype=float)
    # highest score, then most partners, then id (as text): the `limit` first
    by_id = np.empty(len(nodes), dtype=np.int64)
    by_id[sorted(range(len(nodes)), key=lambda k: str(nodes[k]))] = np.arange(len(nodes))
    keep = [nodes[k] for k in np.lexsort((by_id, -degree, -score))[:limit].tolist()]
    # A plain copy of the part (a networkx subgraph view is slow to walk).
    kept = set(keep)
    part = type(graph)()
    part.add_nodes_from((n, graph.nodes[n]) for n in keep)
    part.add_edges_from((u, v, d) for u in keep for v, d in graph.adj[u].items()
                        if v in kept)
    return part


def label_box(x: float, y: float, anchor: str, width: float, size: float = LABEL_SIZE
              ) -> tuple[float, float, float, float]:
    """The box (x0, y0, x1, y1) a label `width` px wide takes when drawn at (x, y).

    (x, y) is the text's anchor point on its baseline; the box holds the font's ascent and
    descent and the white halo around the letters.

    >>> label_box(100, 50, "start", 60)
    (98.5, 37.1, 161.5, 54.5)
    >>> label_box(100, 50, "end", 60)[::2], label_box(100, 50, "middle", 60)[::2]
    ((38.5, 101.5), (68.5, 131.5))
    """
    x0 = x if anchor == "start" else x - width if anchor == "end" else x - width / 2
    return (round(x0 - HALO, 2), round(y - ASCENT * size - HALO, 2),
            round(x0 + width + HALO, 2), round(y + DESCENT * size + HALO, 2))


def _label_text(text: str, room: float, size: float) -> tuple[str, float]:
    """`text` shortened (with "…") until it is at most `room` px wide in bold, and its width."""
    width = text_width(text, size, bold=True)
    n = len(text)
    while width > room and n > 2:
        n -= 1
        text = _short(text, n)
        width = text_width(text, size, bold=True)
    return text, width


def _labels(graph: object, pos: Mapping[Hashable, tuple[float, float]],
            radius: Mapping[Hashable, float], ranks: Mapping[Hashable, int],
            width: float, height: float) -> list[str]:
    """The names of the key figures beside their circle, inside the picture and, where the
    picture has room, off the other names and circles.

    Each name tries above its circle, right of it, left of it (at five heights) and below
    it, and takes the place inside the picture that covers least of the names placed
    before it (weighted most), the named circles, and the other circles (the first such
    place when several cover nothing). A name wider than the picture is shortened with "…".
    """
    size = LABEL_SIZE
    named = [(pos[n][0] - radius[n], pos[n][1] - radius[n], pos[n][0] + radius[n],
              pos[n][1] + radius[n]) for n in ranks]  # labels keep off the named circles
    circles = [(pos[n][0] - radius[n], pos[n][1] - radius[n], pos[n][0] + radius[n],
                pos[n][1] + radius[n]) for n in pos if n not in ranks]
    placed: list[tuple[float, float, float, float]] = []
    out = [f'<g class="labels" font-size="{LABEL_SIZE:g}" font-weight="600" fill="#1d1d1f" '
           'stroke="#ffffff" stroke-width="3" paint-order="stroke" stroke-linejoin="round">']
    for n in sorted(ranks, key=lambda k: (ranks[k], str(k))):
        name = _short(str(graph.nodes[n].get("name", n)))  # type: ignore[attr-defined]
        text, w = _label_text(f"{ranks[n]}. {name}", width - 2 * HALO, size)
        x, y = pos[n]
        r = radius[n] + 3
        choices = [(x, y - r - DESCENT * size - 1, "middle")]
        for dy in (0.0, -size, size, -2 * size, 2 * size):
            choices += [(x + r, y + size * 0.35 + dy, "start"), (x - r, y + size * 0.35 + dy, "end")]
        choices.append((x, y + r + ASCENT * size, "middle"))
        inside = [(c, label_box(*c, w, size)) for c in choices]
        inside = [(c, b) for c, b in inside
                  if b[0] >= 0 and b[2] <= width and b[1] >= 0 and b[3] <= height]
        # the place covering least: names count most, then named circles, then the others
        cost = [10 * _covered(b, placed) + 4 * _covered(b, named) + _covered(b, circles)
                for _c, b in inside]
        best = inside[cost.index(min(cost))] if inside else None
        if best is None:  # no place beside the circle fits: the nearest place that does
            b = label_box(x, choices[0][1], "middle", w, size)
            x0 = max(HALO, min(b[0] + HALO, width - HALO - w))
            y0 = max(ASCENT * size + HALO, min(choices[0][1], height - DESCENT * size - HALO))
            best = ((x0, y0, "start"), label_box(x0, y0, "start", w, size))
        (cx, cy, anchor), box = best
        placed.append(box)
        out.append(f'<text x="{round(cx, 1)}" y="{round(cy, 1)}" '
                   f'text-anchor="{anchor}">{_esc(text)}</text>')
    out.append("</g>")
    return out


def _legend(graph: object, t: Translator, width: float, part: str = ""
            ) -> tuple[list[str], float]:
    """Rows under the picture: a dot per domain (most frequent first), the key-figure mark,
    and `part` (what a capped picture leaves out) on a line of its own.

    Returns the SVG lines (drawn from y = 0; translate them) and their height.
    """
    counts = Counter(str(d.get("domain") or "") for _n, d in graph.nodes(data=True))  # type: ignore[attr-defined]
    order = sorted(counts, key=lambda d: (-counts[d], d))
    shown, rest = order[:MAX_LEGEND], order[MAX_LEGEND:]
    entries = [(domain_colour(d), domain_name(d, t.lang) if d else t.gettext(TEXT["unknown"]), "")
               for d in shown]
    if rest:
        entries.append(("#bbbbbb", t.gettext(TEXT["other"]), ""))
    entries.append(("#ffffff", t.gettext(TEXT["key"]), ' stroke="#1d1d1f" stroke-width="1.6"'))
    out = ['<g class="legend" font-size="11" fill="#333333">']
    x, y = 4.0, 10.0
    for colour, name, extra in entries:
        label = _short(str(name), 26)
        w = 13 + text_width(label, 11) + 12
        if x > 4.0 and x + w > width:
            x, y = 4.0, y + 16.0
        out.append(f'<circle cx="{round(x + 5, 1)}" cy="{y}" r="5" fill="{_esc(colour)}"{extra}/>'
                   f'<text x="{round(x + 13, 1)}" y="{y + 4}">{_esc(label)}</text>')
        x += w
    if part:
        y += 16.0
        out.append(f'<text x="4" y="{y + 4}" font-style="italic">{_esc(part)}</text>')
    out.append("</g>")
    return out, y + 10.0
