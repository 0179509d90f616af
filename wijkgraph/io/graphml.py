"""GraphML (yEd, Cytoscape, Gephi, networkx): one edge per relation with its own ``directed``.

Node data ``name`` (and every other actor column), edge data ``strength``, ``weight``
(= strength, for tools that look for it), ``kind``, ``directed`` etc.; several values
joined with ``;``. A mixed graph is written directed, an undirected relation as two arcs
(networkx's `read_graphml` refuses ``directed="false"`` edges in a directed graph).

Examples
--------
>>> import tempfile, pathlib
>>> from wijkgraph.sources.bundled import load_dataset
>>> net = load_dataset("driehoek")
>>> path = write_graphml(net, pathlib.Path(tempfile.mkdtemp()) / "net.graphml")
>>> read_graphml(path).n_relations == net.n_relations
True
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
from wijkgraph.model.schema import canonical_column

if TYPE_CHECKING:  # pragma: no cover
    import xml.etree.ElementTree as ET

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
#: Edge data naming the arc an arc mirrors (the second arc of an undirected relation).
MIRROR = "mirror_of"
_TYPE_NAMES = {"string": "string", "integer": "int", "boolean": "boolean"}


def graphml_document(network: WijkNetwork, *, include_private: bool = False) -> bytes:
    """GraphML text of the network: one edge per relation (two for an undirected one in a
    mixed graph).

    Every relation's own direction is the edge data ``directed``. A graph with only
    undirected relations is ``edgedefault="undirected"``. When some relation is directed
    the graph is directed, and an undirected relation is written as two arcs, the second
    with the data ``mirror_of`` = the id of the first: networkx reads a DiGraph with mutual
    arcs, wijkgraph reads one undirected relation again.

    Examples
    --------
    >>> import networkx as nx, io
    >>> from wijkgraph.sources.bundled import load_dataset
    >>> net = load_dataset("utrecht-oost")
    >>> g = nx.read_graphml(io.BytesIO(graphml_document(net)))
    >>> g.is_directed() == net.is_directed, g.number_of_nodes() == net.n_actors
    (True, True)
    """
    import xml.etree.ElementTree as ET

    rec = export_records(network, include_private=include_private)
    root = ET.Element("graphml", {
        "xmlns": GRAPHML_NS,
        "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
        "xsi:schemaLocation": f"{GRAPHML_NS} {GRAPHML_NS}/1.0/graphml.xsd"})
    node_cols = attribute_columns(rec["actors"], ("id",))
    mixed = any(r["directed"] for r in rec["relations"])
    edges: list[dict[str, Any]] = []
    for n, r in enumerate(rec["relations"]):
        edges.append({"id": f"e{n}", **r, "weight": r["strength"]})
        if mixed and not r["directed"]:
            edges.append({"id": f"e{n}m", **r, "source": r["target"], "target": r["source"],
                          "weight": r["strength"], MIRROR: f"e{n}"})
    edge_cols = attribute_columns(edges, ("id", "source", "target"))
    keys: dict[tuple[str, str], str] = {}
    for cls, cols, records in (("node", node_cols, rec["actors"]), ("edge", edge_cols, edges)):
        for col in cols:
            kid = f"{cls[0]}{len(keys)}"
            keys[(cls, col)] = kid
            ET.SubElement(root, "key", {
                "id": kid, "for": cls, "attr.name": col,
                "attr.type": _TYPE_NAMES[attribute_type([r[col] for r in records
                                                         if col in r])]})
    graph = ET.SubElement(root, "graph", {
        "id": "G", "edgedefault": "directed" if mixed else "undirected"})
    for a in rec["actors"]:
        node = ET.SubElement(graph, "node", {"id": a["id"]})
        for col in node_cols:
            if col in a:
                ET.SubElement(node, "data", {"key": keys[("node", col)]}).text = \
                    attribute_text(a[col])
    for r in edges:
        edge = ET.SubElement(graph, "edge", {"id": r["id"], "source": r["source"],
                                             "target": r["target"]})
        for col in edge_cols:
            if col in r:
                ET.SubElement(edge, "data", {"key": keys[("edge", col)]}).text = \
                    attribute_text(r[col])
    clean_tree(root)
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8")


def write_graphml(network: WijkNetwork, path: str | Path, *, include_private: bool = False,
                  force: bool = False) -> Path:
    """Write GraphML (see `graphml_document`)."""
    path = Path(path)
    atomic_write(path, graphml_document(network, include_private=include_private))
    return path


def read_graphml(path: str | Path, *, meeting_ties: bool = False) -> WijkNetwork:
    """Read GraphML (wijkgraph, yEd, Cytoscape, Gephi) as a `WijkNetwork`.

    Data keys are matched by ``attr.name`` to wijkgraph columns (``name``/``label``,
    ``domain``, ...); others are kept. An edge's ``directed`` data (wijkgraph's), else its
    ``directed`` attribute, else the graph's ``edgedefault`` says whether it is directed;
    an arc with ``mirror_of`` naming its reverse arc is dropped (see `graphml_document`).
    Weights become strengths 1-4 in their order (`wijkgraph.io._weights`).
    """
    path = Path(path)
    root = parse_xml(path, "GraphML")
    graph = next(iter(children(root, "graph")), None)
    if local(root.tag) != "graphml" or graph is None:
        raise missing_part(path, "GraphML", "<graph>", N_("This does not look like a GraphML file."))
    keys: dict[str, tuple[str, str | None]] = {}
    for key in children(root, "key"):
        default = next((d.text for d in children(key, "default")), None)
        keys[key.get("id", "")] = (key.get("attr.name") or key.get("id") or "", default)
    defaults_for = {cls: {keys[k.get("id", "")][0]: keys[k.get("id", "")][1]
                          for k in children(root, "key")
                          if k.get("for") in (cls, "all") and keys[k.get("id", "")][1] is not None}
                    for cls in ("node", "edge")}
    edge_default = graph.get("edgedefault", "directed")

    def data(el: ET.Element, cls: str) -> dict[str, str]:
        out: dict[str, str] = dict(defaults_for[cls])  # type: ignore[arg-type]
        for d in children(el, "data"):
            name = keys.get(d.get("key", ""), (d.get("key", ""), None))[0]
            out[name] = "".join(d.itertext()).strip()
        return out

    node_records = []
    for node in children(graph, "node"):
        rec: dict[str, Any] = {"id": node.get("id", "")}
        rec.update(data(node, "node"))
        if not any(canonical_column("actors", k) == "name" for k in rec if k != "id"):
            rec["name"] = rec["id"]
        node_records.append(rec)
    edge_records = []
    ends = {edge.get("id"): (edge.get("source"), edge.get("target"))
            for edge in children(graph, "edge") if edge.get("id")}
    for edge in children(graph, "edge"):
        rec = {"source": edge.get("source", ""), "target": edge.get("target", "")}
        rec.update(data(edge, "edge"))
        twin = rec.pop(MIRROR, None)
        if twin and ends.get(twin) == (rec["target"], rec["source"]):
            continue  # the second arc of an undirected relation in a mixed graph
        flag = edge.get("directed")
        if "directed" not in rec:
            rec["directed"] = (flag == "true") if flag in ("true", "false") else (
                edge_default == "directed")
        edge_records.append(rec)
    weights = weights_to_strengths(edge_records)
    net = network_from_raw(nodes_edges_raw(path, node_records, edge_records), path,
                           "graphml", meeting_ties=meeting_ties)
    return with_weights(net, weights)


def _is_graphml(path: Path) -> bool:
    return path.is_file() and path.suffix.casefold() == ".graphml"


FORMAT = Format("graphml", (".graphml",), sniff=_is_graphml, read=read_graphml,
                write=write_graphml)
"""GraphML: any .graphml file."""
