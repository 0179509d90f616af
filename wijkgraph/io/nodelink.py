"""networkx node-link JSON (``nodes``, ``links``): every relation with all its attributes.

``nx.node_link_graph(data, edges="links")`` turns what `node_link` gives into a
MultiDiGraph; meetings are kept in ``graph.meetings``. Reading accepts ``edges`` for
``links`` too, and a ``weight`` of 1-4 as the strength.

Examples
--------
>>> import tempfile, pathlib
>>> from wijkgraph.sources.bundled import load_dataset
>>> net = load_dataset("driehoek")
>>> path = write_node_link(net, pathlib.Path(tempfile.mkdtemp()) / "net.json")
>>> FORMAT.sniff(path), read_node_link(path).n_relations == net.n_relations
(True, True)
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from wijkgraph._files import atomic_write
from wijkgraph.i18n import N_
from wijkgraph.io._cells import read_json
from wijkgraph.io._format import Format
from wijkgraph.io._raw import (
    missing_part,
    network_from_raw,
    nodes_edges_raw,
    records_to_raw,
    unreadable,
)
from wijkgraph.io._records import export_records
from wijkgraph.io._weights import weights_to_strengths, with_weights
from wijkgraph.model.network import WijkNetwork
from wijkgraph.model.tables import Tables


def node_link(network: WijkNetwork | Tables, *, include_private: bool = False) -> dict[str, Any]:
    """networkx node-link data (``nodes``, ``links``) of every relation, all attributes.

    Examples
    --------
    >>> import networkx as nx
    >>> from wijkgraph.sources.bundled import load_dataset
    >>> net = load_dataset("driehoek")
    >>> g = nx.node_link_graph(node_link(net), edges="links")
    >>> g.number_of_nodes() == net.n_actors, g.number_of_edges() == net.n_relations
    (True, True)
    """
    rec = export_records(network, include_private=include_private)
    nodes = [{k: (list(v) if isinstance(v, tuple) else v) for k, v in a.items()}
             for a in rec["actors"]]
    keys: dict[tuple[str, str], int] = {}
    links = []
    for r in rec["relations"]:
        pair = (r["source"], r["target"])
        keys[pair] = keys.get(pair, -1) + 1
        links.append({**r, "weight": r["strength"], "key": keys[pair]})
    meetings = [{k: (list(v) if isinstance(v, tuple) else v) for k, v in m.items()}
                for m in rec["meetings"]]
    meta = network.meta if isinstance(network, WijkNetwork) else {}
    return {"directed": True, "multigraph": True,
            "graph": {"name": str(meta.get("name", "")), "generator": "wijkgraph",
                      "meetings": meetings},
            "nodes": nodes, "links": links}


def write_node_link(network: WijkNetwork | Tables, path: str | Path, *,
                    include_private: bool = False, force: bool = False) -> Path:
    """Write networkx node-link JSON (see `node_link`)."""
    import json

    path = Path(path)
    text = json.dumps(node_link(network, include_private=include_private),
                      ensure_ascii=False, indent=2)
    atomic_write(path, text + "\n")
    return path


def read_node_link(path: str | Path, *, meeting_ties: bool = False) -> WijkNetwork:
    """Read node-link JSON (networkx, d3) as a `WijkNetwork`."""
    path = Path(path)
    data = read_json(path)
    if not isinstance(data, Mapping):
        raise unreadable(path, "JSON", N_("the top level is not an object"))
    nodes = data.get("nodes")
    links = data.get("links", data.get("edges"))
    if not isinstance(nodes, list) or not isinstance(links, list):
        raise missing_part(path, "JSON", "nodes/links",
                           N_("Use networkx node-link JSON or a Kumu blueprint."))
    node_records = []
    for n in nodes:
        if not isinstance(n, Mapping) or "id" not in n:
            raise unreadable(path, "node-link JSON", N_("a node without 'id'"))
        rec = {str(k): v for k, v in n.items()}
        if "name" not in rec and "label" not in rec:
            rec["name"] = rec["id"]
        node_records.append(rec)
    link_records = []
    for e in links:
        if not isinstance(e, Mapping):
            raise unreadable(path, "node-link JSON", N_("a link is not an object"))
        rec = {str(k): v for k, v in e.items() if k != "key"}
        if "directed" not in rec:
            rec["directed"] = bool(data.get("directed", False))
        link_records.append(rec)
    weights = weights_to_strengths(link_records)
    raw = nodes_edges_raw(path, node_records, link_records, edge_sheet="links")
    graph = data.get("graph") if isinstance(data.get("graph"), Mapping) else {}
    meetings = graph.get("meetings") if graph else None
    if isinstance(meetings, list) and meetings:
        raw["meetings"] = records_to_raw("meetings", path.name, "graph.meetings",
                                         [m for m in meetings if isinstance(m, Mapping)],
                                         list(range(1, len(meetings) + 1)))
    return with_weights(network_from_raw(raw, path, "json", meeting_ties=meeting_ties), weights)


def _is_json(path: Path) -> bool:
    return path.is_file() and path.suffix.casefold() == ".json"


FORMAT = Format("json", (".json",), sniff=_is_json, read=read_node_link,
                write=write_node_link)
"""Node-link JSON: any .json that is not a Kumu blueprint (`FORMATS` asks Kumu first)."""
