"""GEXF 1.3 (Gephi, Gephi Lite): one edge per relation, mixed directed and undirected.

Node ``label`` is the actor name; edge ``weight`` the strength (1-4), ``label`` and
``kind`` the relation kind; every other column is an attribute (several values joined
with ``;``). A mixed graph is a directed graph whose undirected relations are ``mutual``
edges (networkx's `read_gexf` refuses per-edge ``undirected`` in a directed graph).
Optional ``viz`` colours, sizes, positions and analysis columns give Gephi the map's
picture. Reading accepts GEXF 1.1, 1.2 and 1.3.

Examples
--------
>>> import tempfile, pathlib
>>> from wijkgraph.sources.bundled import load_dataset
>>> net = load_dataset("utrecht-oost")
>>> path = write_gexf(net, pathlib.Path(tempfile.mkdtemp()) / "net.gexf")
>>> back = read_gexf(path)
>>> back.n_actors == net.n_actors, back.graph.nodes["dock-oost"]["domain"]
(True, 'welzijn')
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wijkgraph._files import atomic_write
from wijkgraph.i18n import N_
from wijkgraph.io._format import Format
from wijkgraph.io._raw import (
    children,
    local,
    missing_part,
    network_from_raw,
    nodes_edges_raw,
    parse_xml,
)
from wijkgraph.io._records import (
    attribute_columns,
    attribute_text,
    attribute_type,
    export_records,
)
from wijkgraph.io._weights import weights_to_strengths, with_weights
from wijkgraph.io._xml import clean_tree
from wijkgraph.model.network import WijkNetwork

if TYPE_CHECKING:  # pragma: no cover
    import xml.etree.ElementTree as ET

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"
#: vis-network shapes (the map's) as GEXF viz shapes; anything else is a disc.
GEXF_SHAPES = {"dot": "disc", "ellipse": "disc", "circle": "disc", "square": "square",
               "box": "square", "triangle": "triangle", "triangleDown": "triangle",
               "diamond": "diamond"}


def _column_type(values: list[Any]) -> str:
    """GEXF type of an analysis column: ``integer``, ``double``, ``boolean`` or ``string``."""
    if values and all(isinstance(v, bool) for v in values):
        return "boolean"
    if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "integer"
    if values and all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        return "double"
    return "string"


def gexf_document(network: WijkNetwork, *, include_private: bool = False,
                  look: Mapping[str, Mapping[str, Any]] | None = None,
                  columns: Mapping[str, Mapping[str, Any]] | None = None) -> bytes:
    """GEXF 1.3 text of the network: one edge per relation.

    Parameters
    ----------
    network : WijkNetwork
    include_private : bool, default False
        Also write the private ``contact`` column.
    look : mapping, optional
        Per actor id a mapping with ``colour`` (``"#rrggbb"``), ``size``, ``x``, ``y`` and
        ``shape`` (a vis-network shape): written as GEXF ``viz`` elements, so Gephi opens
        the picture of the map (`wijkgraph.render.look.gexf_look` makes it).
    columns : mapping, optional
        Per actor id more node attributes (centralities, community): written as typed
        node attributes (``double``, ``integer``, ...) after the actor columns.

    Notes
    -----
    Undirected relations are written as ``type="undirected"`` when every relation is
    undirected; when some are directed, the graph is directed and an undirected relation
    is one ``type="mutual"`` edge (both ways), which networkx, Gephi and wijkgraph read.
    A relation's kind is its ``label`` and its GEXF 1.3 ``kind``, so parallel relations of
    different kinds between one pair stay apart in Gephi.

    Examples
    --------
    >>> import networkx as nx, io
    >>> from wijkgraph.sources.bundled import load_dataset
    >>> net = load_dataset("utrecht-oost")
    >>> g = nx.read_gexf(io.BytesIO(gexf_document(net)))
    >>> g.is_directed() == net.is_directed, g.number_of_nodes() == net.n_actors
    (True, True)
    """
    import xml.etree.ElementTree as ET

    from wijkgraph._version import __version__

    rec = export_records(network, include_private=include_private)
    root = ET.Element("gexf", {"xmlns": GEXF_NS, "version": "1.3", "xmlns:viz": VIZ_NS,
                               "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
                               "xsi:schemaLocation": f"{GEXF_NS} {GEXF_NS}/gexf.xsd"})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = f"wijkgraph {__version__}"
    ET.SubElement(meta, "description").text = str(network.meta.get("name", ""))
    mixed = any(r["directed"] for r in rec["relations"])
    graph = ET.SubElement(root, "graph", {
        "defaultedgetype": "directed" if mixed else "undirected", "mode": "static"})
    node_cols = attribute_columns(rec["actors"], ("id", "name"))
    edge_cols = attribute_columns(rec["relations"], ("source", "target"))
    extra = columns or {}
    extra_cols = [c for c in attribute_columns([dict(v) for v in extra.values()], ())
                  if c not in node_cols]
    for cls, cols, records in (("node", node_cols, rec["actors"]),
                               ("edge", edge_cols, rec["relations"])):
        attrs = ET.SubElement(graph, "attributes", {"class": cls, "mode": "static"})
        for i, col in enumerate(cols):
            ET.SubElement(attrs, "attribute", {
                "id": str(i), "title": col,
                "type": attribute_type([r[col] for r in records if col in r])})
        if cls == "node":
            for j, col in enumerate(extra_cols, start=len(cols)):
                ET.SubElement(attrs, "attribute", {
                    "id": str(j), "title": col,
                    "type": _column_type([v[col] for v in extra.values() if col in v])})
    nodes = ET.SubElement(graph, "nodes")
    for a in rec["actors"]:
        node = ET.SubElement(nodes, "node", {"id": a["id"], "label": a["name"]})
        values = ET.SubElement(node, "attvalues")
        for i, col in enumerate(node_cols):
            if col in a:
                ET.SubElement(values, "attvalue", {"for": str(i),
                                                   "value": attribute_text(a[col])})
        more = extra.get(a["id"], {})
        for j, col in enumerate(extra_cols, start=len(node_cols)):
            if col in more and more[col] is not None:
                ET.SubElement(values, "attvalue", {"for": str(j), "value": str(more[col])})
        _viz(node, (look or {}).get(a["id"]))
    edges = ET.SubElement(graph, "edges")
    for n, r in enumerate(rec["relations"]):
        attrs_ = {"id": str(n), "source": r["source"], "target": r["target"],
                  "type": "directed" if r["directed"] else ("mutual" if mixed else "undirected"),
                  "weight": str(r["strength"]), "label": r["kind"]}
        if r["kind"]:
            attrs_["kind"] = r["kind"]
        edge = ET.SubElement(edges, "edge", attrs_)
        values = ET.SubElement(edge, "attvalues")
        for i, col in enumerate(edge_cols):
            if col in r:
                ET.SubElement(values, "attvalue", {"for": str(i),
                                                   "value": attribute_text(r[col])})
    clean_tree(root)
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8")


def _viz(node: ET.Element, look: Mapping[str, Any] | None) -> None:
    """The ``viz:color``, ``viz:size``, ``viz:position`` and ``viz:shape`` of one node."""
    import xml.etree.ElementTree as ET

    if not look:
        return
    colour = str(look.get("colour", ""))
    if len(colour) == 7 and colour.startswith("#"):
        r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
        ET.SubElement(node, "viz:color", {"r": str(r), "g": str(g), "b": str(b)})
    if look.get("size") is not None:
        ET.SubElement(node, "viz:size", {"value": f"{float(look['size']):g}"})
    if look.get("x") is not None and look.get("y") is not None:
        # vis-network's y grows downwards, Gephi's upwards
        ET.SubElement(node, "viz:position", {"x": f"{float(look['x']):g}",
                                             "y": f"{-float(look['y']):g}", "z": "0"})
    if look.get("shape"):
        ET.SubElement(node, "viz:shape",
                      {"value": GEXF_SHAPES.get(str(look["shape"]), "disc")})


def write_gexf(network: WijkNetwork, path: str | Path, *, include_private: bool = False,
               force: bool = False, look: Mapping[str, Mapping[str, Any]] | None = None,
               columns: Mapping[str, Mapping[str, Any]] | None = None) -> Path:
    """Write GEXF 1.3 (see `gexf_document`); `look` and `columns` as there."""
    path = Path(path)
    atomic_write(path, gexf_document(network, include_private=include_private, look=look,
                                     columns=columns))
    return path


def read_gexf(path: str | Path, *, meeting_ties: bool = False) -> WijkNetwork:
    """Read GEXF (1.1, 1.2 or 1.3, from Gephi or wijkgraph) as a `WijkNetwork`.

    Node labels become names, attributes are matched to wijkgraph columns by title (Dutch
    or English) or kept as extra columns; an edge's ``type`` sets ``directed`` (mixed
    graphs are fine; ``mutual`` is an undirected relation), its ``weight`` the strength
    (mapped onto 1-4 keeping their order, `wijkgraph.io._weights`).
    """
    path = Path(path)
    root = parse_xml(path, "GEXF")
    graph = next(iter(children(root, "graph")), None)
    if local(root.tag) != "gexf" or graph is None:
        raise missing_part(path, "GEXF", "<graph>", N_("This does not look like a GEXF file."))
    default_type = graph.get("defaultedgetype", "undirected")
    titles: dict[str, dict[str, tuple[str, str | None]]] = {"node": {}, "edge": {}}
    for attrs in children(graph, "attributes"):
        cls = attrs.get("class", "node")
        for attr in children(attrs, "attribute"):
            default = next((d.text for d in children(attr, "default")), None)
            titles.setdefault(cls, {})[attr.get("id", "")] = (
                attr.get("title") or attr.get("id") or "", default)

    def values(el: ET.Element, cls: str) -> dict[str, str]:
        out = {title: default for title, default in titles[cls].values() if default is not None}
        for block in children(el, "attvalues"):
            for v in children(block, "attvalue"):
                key = v.get("for") or v.get("id") or ""
                title = titles[cls].get(key, (key, None))[0]
                out[title] = v.get("value", "")
        return out

    node_records = []
    for block in children(graph, "nodes"):
        for node in children(block, "node"):
            rec: dict[str, Any] = {"id": node.get("id", "")}
            rec.update(values(node, "node"))
            rec["name"] = node.get("label") or rec.get("name") or rec["id"]
            node_records.append(rec)
    edge_records = []
    for block in children(graph, "edges"):
        for edge in children(block, "edge"):
            rec = {"source": edge.get("source", ""), "target": edge.get("target", "")}
            rec.update(values(edge, "edge"))
            etype = edge.get("type") or default_type
            rec["directed"] = etype == "directed"  # "mutual" is an undirected relation
            if edge.get("weight") is not None and "strength" not in rec:
                rec["weight"] = edge.get("weight")
            label = edge.get("label")
            if label and "kind" not in rec:
                rec["label"] = label
            rec.pop("networkx_key", None)
            edge_records.append(rec)
    weights = weights_to_strengths(edge_records)
    net = network_from_raw(nodes_edges_raw(path, node_records, edge_records), path, "gexf",
                           meeting_ties=meeting_ties)
    return with_weights(net, weights)


def _is_gexf(path: Path) -> bool:
    return path.is_file() and path.suffix.casefold() == ".gexf"


FORMAT = Format("gexf", (".gexf",), sniff=_is_gexf, read=read_gexf, write=write_gexf)
"""GEXF: any .gexf file."""
