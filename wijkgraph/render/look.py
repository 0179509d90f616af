"""The map's picture per actor and tie, for other tools: pyvis and Gephi (GEXF ``viz``).

`actor_looks` and `tie_looks` read the payload of `wijkgraph.render.mapdata.build_map_data`
(the one data builder of ``map.html``) and give per actor its colour (domain), vis-network
shape (kind of actor), size (key-figure score, or degree without an analysis), position
and a plain-text title, and per tie its strength, width and label. `export_gexf` writes a
GEXF file with that picture and the analysis columns (key-figure score and rank,
betweenness, degree, community), so Gephi opens what the map shows.

Examples
--------
>>> import tempfile, pathlib, networkx as nx
>>> from wijkgraph.sources.bundled import load_dataset
>>> net = load_dataset("driehoek")
>>> looks = actor_looks(build_map_data(net, lang="en"))
>>> looks[0]["colour"].startswith("#"), sorted(looks[0])[:3]
(True, ['colour', 'domain', 'id'])
>>> path = export_gexf(net, pathlib.Path(tempfile.mkdtemp()) / "net.gexf")
>>> g = nx.read_gexf(path)
>>> "viz" in g.nodes["dock-utrecht"], "degree" in g.nodes["dock-utrecht"]
(True, True)
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wijkgraph.i18n import check_lang
from wijkgraph.io.gexf import write_gexf
from wijkgraph.model.network import WijkNetwork
from wijkgraph.render.mapdata import build_map_data

if TYPE_CHECKING:  # pragma: no cover
    from wijkgraph.analysis.run import Analysis

#: Key-figure columns written as GEXF node attributes (from ``key_figures.to_frame()``).
ANALYSIS_COLUMNS = ("score", "rank", "betweenness", "degree", "strength",
                    "cross_domain_ties")


def actor_looks(data: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Per actor of the map payload: ``id``, ``label``, ``domain``, ``colour``, ``type``,
    ``shape``, ``size``, ``x``, ``y``, ``score``, ``rank`` and a plain-text ``title``
    (name, domain, kind, role, wijk, why a key figure), in the map's order."""
    col = {c: i for i, c in enumerate(data["actor_columns"])}
    domains, types = data["domains"], data["types"]
    wijken = data["wijken"]
    out = []
    for row in data["actors"]:
        domain = domains[row[col["domain"]]]
        kind = types[row[col["type"]]]
        lines = [row[col["name"]], f"{domain[2]} · {kind[2]}"]
        if row[col["role"]]:
            lines.append(str(row[col["role"]]))
        if row[col["wijk"]]:
            lines.append(", ".join(wijken[w] for w in row[col["wijk"]]))
        if row[col["why"]]:
            lines.append(str(row[col["why"]]))
        out.append({"id": row[col["id"]], "label": row[col["name"]], "domain": domain[0],
                    "colour": domain[1], "type": kind[0], "shape": kind[1],
                    "size": row[col["size"]], "x": row[col["x"]], "y": row[col["y"]],
                    "score": row[col["score"]], "rank": row[col["rank"]],
                    "title": "\n".join(lines)})
    return out


def tie_looks(data: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Per declared tie of the map payload: ``source``, ``target`` (actor ids),
    ``strength`` 1-4, ``width`` (the map's line width), ``label`` and ``explicit``."""
    ids = [row[0] for row in data["actors"]]
    labels, widths = data["edge_labels"], data["edge_widths"]
    return [{"source": ids[a], "target": ids[b], "strength": w, "width": widths[str(w)],
             "label": labels[label], "explicit": bool(explicit)}
            for a, b, w, label, explicit in data["edges"]]


def gexf_look(network: WijkNetwork, analysis: Analysis | None = None, *, lang: str = "nl",
              seed: int = 0) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """The ``look`` and ``columns`` arguments of `wijkgraph.io.gexf.write_gexf`.

    ``look``: the map's colour, size, position and shape per actor. ``columns``: the
    analysis per actor (`ANALYSIS_COLUMNS` of the key figures and ``community``), or
    ``degree`` alone without an analysis.
    """
    data = build_map_data(network, analysis, lang=check_lang(lang), seed=seed)
    look = {a["id"]: {k: a[k] for k in ("colour", "size", "x", "y", "shape")}
            for a in actor_looks(data)}
    columns: dict[str, dict[str, Any]] = {
        str(n): {"degree": int(d)} for n, d in network.graph.degree()}
    if analysis is not None:
        frame = analysis.key_figures.to_frame()
        keep = [c for c in ANALYSIS_COLUMNS if c in frame.columns]
        for rec in frame[["id", *keep]].to_dict("records"):
            row = columns.setdefault(str(rec["id"]), {})
            for c in keep:
                value = rec[c]
                if value == value and value is not None:  # NaN: no value
                    row[c] = value.item() if hasattr(value, "item") else value
        for actor, community in (analysis.communities.membership or {}).items():
            columns.setdefault(str(actor), {})["community"] = int(community)
    return look, columns


def export_gexf(network: WijkNetwork, path: str | Path, analysis: Analysis | None = None, *,
                lang: str = "nl", seed: int = 0, include_private: bool = False) -> Path:
    """Write GEXF 1.3 with the map's picture and the analysis columns, for Gephi.

    Parameters
    ----------
    network : WijkNetwork
    path : str or Path
        The ``.gexf`` file (replaced atomically).
    analysis : Analysis, optional
        Sizes by key-figure score and the columns score, rank, betweenness, degree,
        strength, cross-domain ties and community; without it sizes follow the degree.
    lang : {"nl", "en"}
    seed : int, default 0
        Seed of the layout (the map's with the same seed).
    include_private : bool, default False
        Also write the private ``contact`` column.

    Returns
    -------
    Path
    """
    look, columns = gexf_look(network, analysis, lang=lang, seed=seed)
    return write_gexf(network, Path(path), include_private=include_private, look=look,
                      columns=columns)
