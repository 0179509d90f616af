"""A real pyvis `Network` of a wijk network, and a safe, offline page of it.

`to_pyvis(network, analysis)` gives a ``pyvis.network.Network`` with the map's picture
(`wijkgraph.render.look`: colour by domain, shape by kind of actor, size by key-figure
score, the map's positions with physics off, plain-text titles) for a notebook user to tune
(``net.options``, ``net.toggle_physics(True)``, ``net.show_buttons()``...). It is filled by
assigning ``net.nodes`` and ``net.edges`` (pyvis' ``add_node`` loop is quadratic, and
``add_nodes`` turns an id ``"007"`` into ``7``): ids stay the actors' string ids, and
``net.options`` is a plain dict.

Render it with `pyvis_page` (or `pyvis_html`), not with pyvis' ``show``/``write_html``:
pyvis' template environment does not autoescape, and its page loads Bootstrap and
tom-select from a CDN. `pyvis_page` renders ``net.nodes``, ``net.edges`` and
``net.options`` into wijkgraph's own template (autoescape on, data only through a JSON
block, vis-network inlined, a Content-Security-Policy that forbids every request): a
`MapDocument` that shows itself in a notebook and ``.write(path)``-s a file.

pyvis is an optional dependency (``pip install "wijkgraph[pyvis]"``); `pyvis_page` works
on any object with ``nodes``, ``edges`` and ``options`` and needs no pyvis.

Examples
--------
>>> from wijkgraph.sources.bundled import load_dataset
>>> net = to_pyvis(load_dataset("driehoek"))
>>> len(net.nodes), net.nodes[0]["id"], net.options["physics"]["enabled"]
(50, 'bc-de-leeuw', False)
>>> page = pyvis_page(net)
>>> "<link" in page.html, ' src="' in page.html  # nothing loaded from anywhere
(False, False)
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import jinja2

from wijkgraph.i18n import check_lang
from wijkgraph.model.network import WijkNetwork
from wijkgraph.render import palette
from wijkgraph.render.look import actor_looks, tie_looks
from wijkgraph.render.map import CSP, MapDocument, template_environment, vis_assets
from wijkgraph.render.mapdata import build_map_data

if TYPE_CHECKING:  # pragma: no cover
    from pyvis.network import Network

    from wijkgraph.analysis.run import Analysis

#: The vis-network options `to_pyvis` sets (a copy is made per network).
DEFAULT_OPTIONS: dict[str, Any] = {
    "physics": {"enabled": False},
    "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False},
    "nodes": {"font": {"size": 14, "face": "system-ui, sans-serif"}, "borderWidth": 1},
    "edges": {"color": {"color": palette.EDGE_COLOUR, "inherit": False},
              "smooth": False},
}


def _require_pyvis() -> Any:
    try:
        from pyvis.network import Network
    except ModuleNotFoundError as exc:  # pragma: no cover - pyvis is installed in tests
        raise ModuleNotFoundError(
            'to_pyvis needs pyvis: pip install "wijkgraph[pyvis]" (the map, the report and '
            "pyvis_page do not).", name="pyvis") from exc
    return Network


def to_pyvis(network: WijkNetwork, analysis: Analysis | None = None, *, lang: str = "nl",
             seed: int = 0, height: str = "680px", width: str = "100%",
             options: Mapping[str, Any] | None = None) -> Network:
    """A pyvis `Network` with the picture of ``map.html``.

    Parameters
    ----------
    network : WijkNetwork
    analysis : Analysis, optional
        Sizes by key-figure score and "why" lines in the titles; without it sizes follow
        the number of partners.
    lang : {"nl", "en"}
        Language of the titles (domain and kind names).
    seed : int, default 0
        Seed of the layout (the map's with the same seed).
    height, width : str
        The canvas size pyvis passes on.
    options : mapping, optional
        vis-network options merged over `DEFAULT_OPTIONS` (one level deep per key).

    Returns
    -------
    pyvis.network.Network
        ``nodes``: dicts with ``id`` (the actor id, a string), ``label``, ``title`` (plain
        text), ``color``, ``shape``, ``size``, ``x``, ``y``, ``group`` (the domain),
        ``physics`` False; ``edges``: ``from``, ``to``, ``width`` (by strength), ``value``
        (the strength), ``title``; ``arrows`` "to" for a tie declared in one direction
        only, "to, from" for one declared both ways. ``options`` is a plain dict.

    Examples
    --------
    >>> from wijkgraph.sources.bundled import load_dataset
    >>> net = to_pyvis(load_dataset("utrecht-oost"), lang="en")
    >>> e = net.edges[0]
    >>> sorted(e)[:4], 1 <= e["value"] <= 4
    (['color', 'from', 'title', 'to'], True)
    """
    network_cls = _require_pyvis()
    data = build_map_data(network, analysis, lang=check_lang(lang), seed=seed)
    net = network_cls(height=height, width=width, directed=network.is_directed,
                      cdn_resources="in_line")
    net.nodes = [{"id": a["id"], "label": a["label"], "title": a["title"],
                  "color": a["colour"], "shape": a["shape"], "size": a["size"],
                  "x": a["x"], "y": a["y"], "group": a["domain"], "physics": False}
                 for a in actor_looks(data)]
    graph = network.graph
    edges = []
    for tie in tie_looks(data):
        edge = {"from": tie["source"], "to": tie["target"], "width": tie["width"],
                "value": tie["strength"], "title": tie["label"],
                "color": palette.EDGE_COLOUR if tie["explicit"] else palette.MEETING_EDGE_COLOUR}
        directions = sorted(graph.edges[tie["source"], tie["target"]].get("directions", ()))
        if len(directions) == 1:  # declared one way: an arrow that way
            (s, t), = directions
            edge["from"], edge["to"], edge["arrows"] = s, t, "to"
        elif len(directions) == 2:  # declared both ways
            edge["arrows"] = "to, from"
        edges.append(edge)
    net.edges = edges
    net.node_ids = [n["id"] for n in net.nodes]
    net.node_map = {n["id"]: n for n in net.nodes}
    merged = json.loads(json.dumps(DEFAULT_OPTIONS))
    for key, value in (options or {}).items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), dict):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
    net.options = merged
    net.heading = data["title"]
    return net


_CSS_SIZE = re.compile(r"^\d{1,5}(\.\d{1,3})?(px|%|vh|vw|em|rem)$")


def _css_size(value: Any, default: str) -> str:
    """`value` when it is a plain CSS length (``"680px"``, ``"100%"``), else `default`."""
    text = str(value).strip()
    return text if _CSS_SIZE.match(text) else default


def _options(net: Any) -> dict[str, Any]:
    options = getattr(net, "options", {}) or {}
    if isinstance(options, Mapping):
        return json.loads(json.dumps(options))
    return json.loads(options.to_json())  # pyvis' Options object


def pyvis_page(net: Any, *, title: str | None = None, lang: str = "nl") -> MapDocument:
    """A safe, offline HTML page of a pyvis `Network` (or anything with ``nodes``,
    ``edges`` and ``options``): wijkgraph's template, not pyvis'.

    Autoescape is on, nodes, edges and options reach the page only as JSON (``<`` and
    ``&`` escaped), vis-network is inlined, and a Content-Security-Policy forbids every
    request; vis-network shows ``title`` strings as plain text. The page's size is
    ``net.height`` x ``net.width``.

    Parameters
    ----------
    net : pyvis.network.Network
    title : str, optional
        Page title; default ``net.heading``.
    lang : {"nl", "en"}
        The page's ``lang``.

    Returns
    -------
    MapDocument
        ``.html``, ``.write(path)``, and an inline view in Jupyter.

    Examples
    --------
    >>> class Net:
    ...     nodes = [{"id": "1", "label": "</script><b>x</b>"}]; edges = []; options = {}
    >>> html = pyvis_page(Net(), title="<demo>").html
    >>> "<b>x</b>" in html, "&lt;demo&gt;" in html
    (False, True)
    """
    vis_js, vis_css = vis_assets()
    heading = str(title if title is not None else getattr(net, "heading", "") or "")
    nodes = list(getattr(net, "nodes", []))
    page = template_environment(check_lang(lang)).get_template("pyvis.html.j2").render(
        lang=lang, title=heading, csp=CSP,
        height=_css_size(getattr(net, "height", ""), "680px"),
        width=_css_size(getattr(net, "width", ""), "100%"),
        data={"nodes": nodes, "edges": list(getattr(net, "edges", [])),
              "options": _options(net)},
        vis_js=jinja2.utils.markupsafe.Markup(vis_js),
        vis_css=jinja2.utils.markupsafe.Markup(vis_css))
    return MapDocument(html=page, title=heading, n_actors=len(nodes), lang=lang)


def pyvis_html(net: Any, *, title: str | None = None, lang: str = "nl") -> str:
    """The HTML text of `pyvis_page` (write it to a file; nothing is loaded from anywhere)."""
    return pyvis_page(net, title=title, lang=lang).html
