"""GEXF 1.3 (Gephi, Gephi Lite): one edge per relation, mixed directed and undirected.

Node ``label`` is the actor name; edge ``weight`` the strength (1-4), ``label`` the
relation kind; every other column is an attribute (several values joined with ``;``).
Reading accepts GEXF 1.1, 1.2 and 1.3.

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
    weight_to_strength,
)
from wijkgraph.io._records import (
    attribute_columns,
    attribute_text,
    attribute_type,
    export_records,
)
from wijkgraph.model.network import WijkNetwork

if TYPE_CHECKING:  # pragma: no cover
    import xml.etree.ElementTree as ET

GEXF_NS = "http://gexf.net/1.3"


def gexf_document(network: WijkNetwork, *, include_private: bool = False) -> bytes:
    """GEXF 1.3 text of the network: one edge per relation, mixed directed/undirected."""
    import xml.etree.ElementTree as ET

    from wijkgraph._version import __version__

    rec = export_records(network, include_private=include_private)
    root = ET.Element("gexf", {"xmlns": GEXF_NS, "version": "1.3",
                               "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
                               "xsi:schemaLocation": f"{GEXF_NS} {GEXF_NS}/gexf.xsd"})
    meta = ET.SubElement(root, "meta")
    ET.SubElement(meta, "creator").text = f"wijkgraph {__version__}"
    ET.SubElement(meta, "description").text = str(network.meta.get("name", ""))
    directed = {r["directed"] for r in rec["relations"]}
    # GEXF knows no "mixed" default: per-edge types say it (Gephi reads mixed graphs)
    default = "directed" if directed == {True} else "undirected"
    graph = ET.SubElement(root, "graph", {"defaultedgetype": default, "mode": "static"})
    node_cols = attribute_columns(rec["actors"], ("id", "name"))
    edge_cols = attribute_columns(rec["relations"], ("source", "target"))
    for cls, cols, records in (("node", node_cols, rec["actors"]),
                               ("edge", edge_cols, rec["relations"])):
        attrs = ET.SubElement(graph, "attributes", {"class": cls, "mode": "static"})
        for i, col in enumerate(cols):
            ET.SubElement(attrs, "attribute", {
                "id": str(i), "title": col,
                "type": attribute_type([r[col] for r in records if col in r])})
    nodes = ET.SubElement(graph, "nodes")
    for a in rec["actors"]:
        node = ET.SubElement(nodes, "node", {"id": a["id"], "label": a["name"]})
        values = ET.SubElement(node, "attvalues")
        for i, col in enumerate(node_cols):
            if col in a:
                ET.SubElement(values, "attvalue", {"for": str(i),
                                                   "value": attribute_text(a[col])})
    edges = ET.SubElement(graph, "edges")
    for n, r in enumerate(rec["relations"]):
        edge = ET.SubElement(edges, "edge", {
            "id": str(n), "source": r["source"], "target": r["target"],
            "type": "directed" if r["directed"] else "undirected",
            "weight": str(r["strength"]), "label": r["kind"]})
        values = ET.SubElement(edge, "attvalues")
        for i, col in enumerate(edge_cols):
            if col in r:
                ET.SubElement(values, "attvalue", {"for": str(i),
                                                   "value": attribute_text(r[col])})
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8")


def write_gexf(network: WijkNetwork, path: str | Path, *, include_private: bool = False,
               force: bool = False) -> Path:
    """Write GEXF 1.3 (see `gexf_document`)."""
    path = Path(path)
    atomic_write(path, gexf_document(network, include_private=include_private))
    return path


def read_gexf(path: str | Path, *, meeting_ties: bool = False) -> WijkNetwork:
    """Read GEXF (1.1, 1.2 or 1.3, from Gephi or wijkgraph) as a `WijkNetwork`.

    Node labels become names, attributes are matched to wijkgraph columns by title (Dutch
    or English) or kept as extra columns; an edge's ``type`` sets ``directed`` (mixed
    graphs are fine), its ``weight`` the strength when it is 1-4.
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
            rec["directed"] = etype == "directed"
            if edge.get("weight") is not None and "strength" not in rec:
                rec["weight"] = edge.get("weight")
            label = edge.get("label")
            if label and "kind" not in rec:
                rec["label"] = label
            rec.pop("networkx_key", None)
            weight_to_strength(rec)
            edge_records.append(rec)
    return network_from_raw(nodes_edges_raw(path, node_records, edge_records), path, "gexf",
                            meeting_ties=meeting_ties)


def _is_gexf(path: Path) -> bool:
    return path.is_file() and path.suffix.casefold() == ".gexf"


FORMAT = Format("gexf", (".gexf",), sniff=_is_gexf, read=read_gexf, write=write_gexf)
"""GEXF: any .gexf file."""
