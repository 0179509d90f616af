"""Gephi's spreadsheet import: a folder with ``nodes.csv`` (Id, Label) and ``edges.csv``.

``edges.csv`` has Source, Target, Type (Directed/Undirected), Id and Weight (the
strength), then every other attribute. Files are UTF-8 with commas; several values in a
cell are joined with ``;``. People open these files in Excel with a double click: text
that Excel would run as a formula (``=HYPERLINK(...)``, ``@SUM``, ``+31 6 ...``) is
written with a leading ``'`` (`wijkgraph.io._records.csv_safe`), which reading takes off.

Examples
--------
>>> import tempfile, pathlib
>>> from wijkgraph.sources.bundled import load_dataset
>>> net = load_dataset("driehoek")
>>> folder = write_gephi(net, pathlib.Path(tempfile.mkdtemp()) / "gephi")
>>> FORMAT.sniff(folder), read_gephi(folder).n_relations == net.n_relations
(True, True)
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from wijkgraph._files import atomic_write, output_folder
from wijkgraph.io._cells import read_csv_cells, table_records
from wijkgraph.io._format import Format
from wijkgraph.io._raw import network_from_raw, records_to_raw
from wijkgraph.io._records import (
    attribute_columns,
    attribute_text,
    csv_safe,
    csv_unprotect,
    export_records,
)
from wijkgraph.io._weights import weights_to_strengths, with_weights
from wijkgraph.model.network import WijkNetwork
from wijkgraph.model.schema import fold


def _csv_text(rows: list[list[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        writer.writerow([csv_safe(attribute_text(v)) for v in row])
    return buffer.getvalue()


def gephi_tables(network: WijkNetwork, *, include_private: bool = False
                 ) -> tuple[list[list[Any]], list[list[Any]]]:
    """Rows (with header) of Gephi's spreadsheet import: nodes and edges."""
    rec = export_records(network, include_private=include_private)
    node_cols = attribute_columns(rec["actors"], ("id", "name"))
    nodes: list[list[Any]] = [["Id", "Label", *node_cols]]
    nodes += [[a["id"], a["name"], *[a.get(c, "") for c in node_cols]] for a in rec["actors"]]
    edge_cols = attribute_columns(rec["relations"], ("source", "target", "directed", "strength"))
    edges: list[list[Any]] = [["Source", "Target", "Type", "Id", "Weight", *edge_cols]]
    for n, r in enumerate(rec["relations"]):
        edges.append([r["source"], r["target"], "Directed" if r["directed"] else "Undirected",
                      n, r["strength"], *[r.get(c, "") for c in edge_cols]])
    return nodes, edges


def write_gephi(network: WijkNetwork, folder: str | Path, *, include_private: bool = False,
                force: bool = False) -> Path:
    """Write ``nodes.csv`` and ``edges.csv`` (UTF-8, comma) for Gephi's spreadsheet import.

    The folder is replaced atomically; one wijkgraph did not write is only replaced with
    `force`.
    """
    nodes, edges = gephi_tables(network, include_private=include_private)
    with output_folder(folder, force=force) as tmp:
        atomic_write(tmp / "nodes.csv", _csv_text(nodes))
        atomic_write(tmp / "edges.csv", _csv_text(edges))
    return Path(folder)


def is_gephi_folder(path: str | Path) -> bool:
    """True for a folder holding ``nodes.csv`` and ``edges.csv`` (and no actors table)."""
    path = Path(path)
    if not path.is_dir():
        return False
    names = {p.name.casefold() for p in path.iterdir() if p.is_file()}
    return {"nodes.csv", "edges.csv"} <= names and "actors.csv" not in names \
        and "actoren.csv" not in names


def read_gephi(path: str | Path, *, meeting_ties: bool = False) -> WijkNetwork:
    """Read a folder with Gephi's ``nodes.csv`` (Id, Label) and ``edges.csv``.

    ``Type`` (Directed/Undirected) sets ``directed``; ``Weight`` the strength when 1-4
    (else it is kept as the attribute ``oorspronkelijk gewicht``); the edge ``Id`` is dropped.
    """
    path = Path(path)
    files = {p.name.casefold(): p for p in path.iterdir() if p.is_file()}

    def read(name: str) -> tuple[list[dict[str, str]], list[int]]:
        _header, records, rows = table_records(read_csv_cells(files[name]))
        return [{csv_unprotect(k): csv_unprotect(v) for k, v in r.items()} for r in records], rows

    node_records, node_rows = read("nodes.csv")
    nodes = []
    for rec in node_records:
        out = {("name" if fold(k) == "label" else k): v for k, v in rec.items()}
        if not out.get("name"):
            out["name"] = out.get("Id", out.get("id", ""))
        nodes.append(out)
    edge_records, edge_rows = read("edges.csv")
    edges = []
    for rec in edge_records:
        edge: dict[str, Any] = {}
        for k, v in rec.items():
            key = fold(k)
            if key == "id":
                continue
            if key == "type":
                edge["directed"] = v or "undirected"
            elif key == "weight":
                edge["weight"] = v
            else:
                edge[k] = v
        edges.append(edge)
    weights = weights_to_strengths(edges)
    raw = {"actors": records_to_raw("actors", files["nodes.csv"].name, None, nodes, node_rows),
           "relations": records_to_raw("relations", files["edges.csv"].name, None, edges,
                                       edge_rows)}
    return with_weights(network_from_raw(raw, path, "gephi", meeting_ties=meeting_ties),
                        weights)


FORMAT = Format("gephi", (), sniff=is_gephi_folder, read=read_gephi, write=write_gephi,
                folder=True)
"""Gephi's spreadsheet layout: a folder with nodes.csv and edges.csv (no actors table)."""
