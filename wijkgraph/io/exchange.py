"""Exchange formats: Kumu, GEXF, GraphML, node-link JSON and the Gephi spreadsheet layout.

Every format is read into the same validated `WijkNetwork` as a wijkgraph workbook (the
readers build raw tables and run `wijkgraph.model.tables.validate`, so problems name file,
sheet or element list, row and column), and every network can be written to every format.
A round trip keeps actors, relations, their attributes and meeting participation.

=============  ==========================  =================================================
format         file                        notes
=============  ==========================  =================================================
``xlsx``       ``*.xlsx``                  wijkgraph workbook (actoren, relaties, ...)
``kumu``       ``*.xlsx`` (Elements,       Kumu import workbook; meetings in a sheet Kumu
               Connections)                ignores ("Overleggen (ignore)")
``kumu-json``  ``*.json``                  Kumu blueprint (elements / connections)
``gexf``       ``*.gexf``                  GEXF 1.3 (Gephi, Gephi Lite); mixed edge types
``graphml``    ``*.graphml``               GraphML (yEd, Cytoscape, Gephi); per-edge
                                           ``directed``
``json``       ``*.json``                  networkx node-link JSON (``nodes``/``links``)
``gephi``      folder                      ``nodes.csv`` (Id, Label) + ``edges.csv``
                                           (Source, Target, Type, Weight)
=============  ==========================  =================================================

Several values in one attribute (wijk, themes, meetings) are joined with ``;`` in the XML
and CSV formats and with ``|`` in Kumu workbooks (Kumu's own separator). The private
``contact`` column is only written with ``include_private=True``.

Examples
--------
>>> import tempfile, pathlib
>>> from wijkgraph.sources.bundled import load_dataset
>>> net = load_dataset("utrecht-oost")
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> for name in ("net.gexf", "net.graphml", "net.json"):
...     back = read_any(write_network(net, folder / name))
...     assert back.n_actors == net.n_actors and back.n_relations == net.n_relations
>>> back.graph.nodes["dock-oost"]["domain"]
'welzijn'
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from wijkgraph._files import atomic_write, output_folder
from wijkgraph.errors import InputError, OutputError, Problem
from wijkgraph.i18n import MESSAGES, N_, register
from wijkgraph.io.tables import RawTable, open_workbook, read_csv_cells, workbook_cells
from wijkgraph.model.network import WijkNetwork, build_network
from wijkgraph.model.schema import canonical_column, fold, split_multi, squash
from wijkgraph.model.tables import (
    ACTOR_COLUMNS,
    MEETING_COLUMNS,
    PROVENANCE,
    RELATION_COLUMNS,
    Tables,
    validate,
)

if "problem.exchange_unreadable" not in MESSAGES:
    register({
        "problem.exchange_unreadable": N_(
            'The file cannot be read as {format} ({reason}). Export it again from the program it came from.'),
        "problem.exchange_missing_part": N_("The {format} file lacks '{part}'. {hint}"),
        "problem.exchange_unknown_format": N_("Unknown output format '{format}'. Choose from: {known}."),
        "problem.exchange_no_format": N_(
            "The name '{path}' does not say which format you want. Use one of the suffixes {suffixes} or "
            'give --to ({known}).'),
    })

FORMATS = ("xlsx", "kumu", "kumu-json", "gexf", "graphml", "json", "gephi")
SUFFIXES = {".xlsx": "xlsx", ".gexf": "gexf", ".graphml": "graphml", ".json": "json"}
GEXF_NS = "http://gexf.net/1.3"
GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
MULTI_ACTOR = ("wijk", "themes", "meetings")
MULTI_MEETING = ("theme", "wijk")
KUMU_IGNORE_SHEET = "Overleggen (ignore)"

# Dutch headers of the wijkgraph workbook (what `wijkgraph template` uses too).
NL_HEADERS = {
    "actors": {"id": "id", "name": "naam", "type": "soort", "domain": "domein", "role": "rol",
               "wijk": "wijk", "themes": "thema's", "description": "omschrijving",
               "contact": "contact"},
    "relations": {"source": "van", "target": "naar", "kind": "soort", "channel": "kanaal",
                  "strength": "sterkte", "theme": "thema", "wave": "meting",
                  "directed": "gericht", "description": "omschrijving"},
    "meetings": {"id": "id", "name": "naam", "theme": "thema", "wijk": "wijk",
                 "description": "omschrijving"},
    "participation": {"actor": "actor", "meeting": "overleg"},
}
SHEET_NAMES = {"actors": "actoren", "relations": "relaties", "meetings": "overleggen",
               "participation": "deelnames"}


# --- network -> plain records ------------------------------------------------------------


def export_records(network: WijkNetwork | Tables, *, include_private: bool = False
                   ) -> dict[str, list[dict[str, Any]]]:
    """The tables of a network as plain records, ready to be written in any format.

    Multi-valued cells stay tuples (each writer joins them its own way); strength is an
    int, directed a bool, everything else a string. Actors get a ``meetings`` tuple (the
    ids of the meetings they take part in). The private ``contact`` column is left out
    unless `include_private`.

    Examples
    --------
    >>> from wijkgraph.sources.bundled import load_dataset
    >>> rec = export_records(load_dataset("utrecht-oost"))
    >>> sorted(rec)
    ['actors', 'meetings', 'participation', 'relations']
    >>> "contact" in rec["actors"][0], rec["relations"][0]["strength"] in (1, 2, 3, 4)
    (False, True)
    """
    tables = network.tables if isinstance(network, WijkNetwork) else network
    meetings_of: dict[str, list[str]] = {}
    for row in tables.participation.itertuples(index=False):
        meetings_of.setdefault(str(row.actor), []).append(str(row.meeting))
    actor_cols = [c for c in tables.actors.columns if c not in PROVENANCE]
    if not include_private:
        actor_cols = [c for c in actor_cols if c != "contact"]
    actors = []
    for rec in tables.actors[actor_cols].to_dict("records"):
        out = {c: _plain(rec[c], multi=c in MULTI_ACTOR) for c in actor_cols}
        out["meetings"] = tuple(meetings_of.get(out["id"], ()))
        actors.append(out)
    rel_cols = [c for c in tables.relations.columns if c not in PROVENANCE]
    relations = []
    for rec in tables.relations[rel_cols].to_dict("records"):
        out = {c: _plain(rec[c]) for c in rel_cols}
        out["strength"] = int(rec["strength"])
        out["directed"] = bool(rec["directed"])
        relations.append(out)
    meet_cols = [c for c in tables.meetings.columns if c not in PROVENANCE]
    meetings = [{c: _plain(r[c], multi=c in MULTI_MEETING) for c in meet_cols}
                for r in tables.meetings[meet_cols].to_dict("records")]
    participation = [{"actor": str(r.actor), "meeting": str(r.meeting)}
                     for r in tables.participation.itertuples(index=False)]
    return {"actors": actors, "relations": relations, "meetings": meetings,
            "participation": participation}


def _plain(value: Any, *, multi: bool = False) -> Any:
    if multi:
        if isinstance(value, tuple | list):
            return tuple(str(v) for v in value)
        return split_multi(value)
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value)


def _joined(value: Any, sep: str = ";") -> str:
    if isinstance(value, tuple | list):
        return sep.join(str(v) for v in value)
    return "" if value is None else str(value)


def _bool_text(value: bool) -> str:
    return "true" if value else "false"


# --- plain records -> validated network ---------------------------------------------------


def _raw(table: str, file: str, sheet: str | None, records: list[Mapping[str, Any]],
         rows: list[int], *, skip: Iterable[str] = ()) -> RawTable:
    """A RawTable from dict records: keys mapped to canonical columns, values as text."""
    skip = set(skip)
    headers: dict[str, str] = {}
    mapped: list[dict[str, str]] = []
    exact = _canonical_names(table)
    for rec in records:
        out: dict[str, str] = {}
        # exact canonical names first, so "strength" wins over its alias "weight"
        for key in sorted(rec, key=lambda k: 0 if str(k) in exact else 1):
            if key in skip:
                continue
            canon = canonical_column(table, key) or str(key)
            if canon in out:
                canon = str(key)  # an alias of a column already given: keep it as extra
                if canon in out:
                    continue
            headers.setdefault(canon, str(key))
            out[canon] = _cell(rec[key])
        mapped.append(out)
    columns = list(headers)
    frame = pd.DataFrame([[m.get(c, "") for c in columns] for m in mapped], columns=columns,
                         dtype=object) if columns else pd.DataFrame()
    return RawTable(table, file, sheet, frame, list(rows), headers)


def _canonical_names(table: str) -> set[str]:
    from wijkgraph.model.schema import TABLES

    return {c.name for c in TABLES[table]}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, list | tuple):
        return ";".join(_cell(v) for v in value if _cell(v))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return squash(str(value)) if "\n" not in str(value) else str(value).strip()


def _network_from(raw: dict[str, RawTable], path: Path, fmt: str) -> WijkNetwork:
    """Add participation from actors' ``meetings`` cells, validate, build the network."""
    actors = raw["actors"]
    if "meetings" in actors.frame.columns:
        part_records, part_rows = [], []
        for i, cell in enumerate(actors.frame["meetings"].tolist()):
            actor = actors.frame["id"].iloc[i] if "id" in actors.frame.columns else ""
            actor = actor or actors.frame["name"].iloc[i]
            for m in split_multi(cell):
                part_records.append({"actor": actor, "meeting": m})
                part_rows.append(actors.rows[i])
        actors.frame = actors.frame.drop(columns=["meetings"])
        actors.headers.pop("meetings", None)
        if part_records:
            raw.setdefault("participation", _raw("participation", actors.file, actors.sheet,
                                                 part_records, part_rows))
            if "meetings" not in raw:
                ids = list(dict.fromkeys(r["meeting"] for r in part_records))
                raw["meetings"] = _raw("meetings", actors.file, actors.sheet,
                                       [{"id": m, "name": m} for m in ids],
                                       list(range(1, len(ids) + 1)))
    for table in list(raw):
        if raw[table].frame.empty and table in ("meetings", "participation"):
            del raw[table]
    tables = validate(raw, source=str(path))
    return build_network(tables, meta={"name": path.stem, "title_nl": path.stem,
                                       "title_en": path.stem, "source": str(path),
                                       "format": fmt})


def _fail(path: Path, fmt: str, reason: str) -> InputError:
    return InputError(Problem("problem.exchange_unreadable", file=path.name,
                              params={"format": fmt, "reason": reason}))


def _missing(path: Path, fmt: str, part: str, hint: str = "") -> InputError:
    return InputError(Problem("problem.exchange_missing_part", file=path.name,
                              params={"format": fmt, "part": part, "hint": hint}))


# --- Kumu workbook ----------------------------------------------------------------------

KUMU_ELEMENT_FIELDS = {"id": "ID", "name": "Label", "type": "Type", "description": "Description",
                       "themes": "Tags", "domain": "Domain", "role": "Role", "wijk": "Wijk",
                       "meetings": "Meetings", "contact": "Contact"}
KUMU_CONNECTION_FIELDS = {"source": "From", "target": "To", "kind": "Type",
                          "directed": "Direction", "strength": "Strength",
                          "channel": "Channel", "theme": "Theme", "wave": "Wave",
                          "description": "Description"}


def _kumu_tables(network: WijkNetwork, include_private: bool
                 ) -> tuple[list[list[Any]], list[list[Any]], list[list[Any]]]:
    rec = export_records(network, include_private=include_private)
    extra_a = [c for c in (rec["actors"][0] if rec["actors"] else {})
               if c not in KUMU_ELEMENT_FIELDS]
    a_fields = [c for c in KUMU_ELEMENT_FIELDS if c != "contact" or include_private]
    elements = [[KUMU_ELEMENT_FIELDS[c] for c in a_fields] + extra_a]
    for a in rec["actors"]:
        elements.append([_joined(a.get(c, ""), "|") for c in a_fields]
                        + [a[c] for c in extra_a])
    pairs = [tuple(sorted((r["source"], r["target"]))) for r in rec["relations"]]
    need_ids = len(set(pairs)) < len(pairs)
    extra_r = [c for c in (rec["relations"][0] if rec["relations"] else {})
               if c not in KUMU_CONNECTION_FIELDS]
    head = (["ID"] if need_ids else []) + list(KUMU_CONNECTION_FIELDS.values()) + extra_r
    connections = [head]
    taken = {a["id"] for a in rec["actors"]}
    for n, r in enumerate(rec["relations"], start=1):
        row: list[Any] = []
        if need_ids:
            cid = f"rel-{n}"
            while cid in taken:
                cid = "_" + cid
            row.append(cid)
        for c in KUMU_CONNECTION_FIELDS:
            v = r[c]
            if c == "directed":
                v = "directed" if v else "undirected"
            row.append(v)
        connections.append(row + [r[c] for c in extra_r])
    meetings = [["ID", "Label", "Theme", "Wijk", "Description"]]
    for m in rec["meetings"]:
        meetings.append([m["id"], m["name"], _joined(m["theme"], "|"), _joined(m["wijk"], "|"),
                         m.get("description", "")])
    return elements, connections, meetings


def write_kumu(network: WijkNetwork, path: str | Path, *, include_private: bool = False) -> Path:
    """Write a Kumu import workbook: sheets ``Elements`` and ``Connections``.

    As Kumu's import guide describes it: Elements start with ``ID`` then ``Label``;
    Connections with ``From`` and ``To`` (element ids), then ``Type`` (the relation kind),
    ``Direction`` (``directed``/``undirected``) and ``Strength`` (1-4). Several values in a
    cell (``Tags`` = themes, ``Wijk``, ``Meetings``) are separated by ``|``. When two actors
    have more than one relation, Connections get an ``ID`` column so Kumu keeps them apart.
    Meetings go to a sheet ``Overleggen (ignore)``, which Kumu skips and wijkgraph reads.
    """
    path = Path(path)
    elements, connections, meetings = _kumu_tables(network, include_private)
    sheets = {"Elements": elements, "Connections": connections}
    if len(meetings) > 1:
        sheets[KUMU_IGNORE_SHEET] = meetings
    atomic_write(path, _workbook_bytes(sheets))
    return path


def _workbook_bytes(sheets: Mapping[str, list[list[Any]]]) -> bytes:
    """An .xlsx with one sheet per entry; strings are never turned into formulas."""
    import openpyxl
    from openpyxl.utils import get_column_letter

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name[:31])
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                cell = ws.cell(row=r, column=c)
                cell.value = value
                if isinstance(value, str) and value.startswith("="):
                    cell.data_type = "s"  # keep text that looks like a formula as text
                if r == 1:
                    cell.font = openpyxl.styles.Font(bold=True)
        if rows:
            ws.freeze_panes = "A2"
            for c, head in enumerate(rows[0], start=1):
                width = max([len(str(head))] + [len(str(row[c - 1])) for row in rows[1:50]
                                                if c - 1 < len(row)])
                ws.column_dimensions[get_column_letter(c)].width = min(max(width + 2, 8), 60)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def is_kumu_workbook(path: str | Path) -> bool:
    """True when the workbook has Kumu's ``Elements`` and ``Connections`` sheets."""
    names = {fold(n) for n in _sheet_names(Path(path))}
    return {"elements", "connections"} <= names


def _sheet_names(path: Path) -> list[str]:
    """Sheet names of a workbook, or [] when it cannot be opened (then it is no Kumu map)."""
    try:
        with open_workbook(path) as wb:
            return list(wb.sheetnames)
    except InputError:
        return []


def _read_sheets(path: Path) -> dict[str, list[list[str]]]:
    with open_workbook(path) as wb:
        return {name: workbook_cells(wb[name]) for name in wb.sheetnames}


def _table_records(cells: list[list[str]]) -> tuple[list[str], list[dict[str, str]], list[int]]:
    """Header and records of a sheet: the header is the first non-empty row."""
    start = next((i for i, row in enumerate(cells) if any(str(c).strip() for c in row)), None)
    if start is None:
        return [], [], []
    header = [squash(h) for h in cells[start]]
    records, rows = [], []
    for r, row in enumerate(cells[start + 1:], start=start + 2):
        rec = {h: str(row[i]).strip() if i < len(row) else "" for i, h in enumerate(header) if h}
        if any(rec.values()):
            records.append(rec)
            rows.append(r)
    return header, records, rows


def read_kumu(path: str | Path) -> WijkNetwork:
    """Read a Kumu workbook (sheets ``Elements`` and ``Connections``) as a `WijkNetwork`.

    Elements: ``Label`` is the name, ``ID`` the id (else the label), ``Type``,
    ``Description``, ``Tags`` (the themes, ``|``-separated), and any other column (Domain,
    Role, Wijk, custom fields) by its Dutch or English name. Connections: ``From``/``To``
    by element id or label (several elements in ``To`` separated by ``|`` give one
    connection each, as in Kumu), ``Type`` (relation kind), ``Direction`` (``directed``,
    the Kumu default when empty, ``undirected`` or ``mutual``, both undirected here),
    ``Strength``. Sheets with "(ignore)" in their name are skipped, except the meetings
    sheet wijkgraph writes.

    Raises
    ------
    ValidationError
        E.g. a connection to an element that is not in Elements, with sheet, row, column.
    """
    path = Path(path)
    sheets = _read_sheets(path)
    by_fold = {}
    for name in sheets:
        if "(ignore)" in name.casefold() and fold(name) != fold(KUMU_IGNORE_SHEET):
            continue
        by_fold.setdefault(fold(name), name)
    el_name, co_name = by_fold.get("elements"), by_fold.get("connections")
    if el_name is None or co_name is None:
        raise _missing(path, "Kumu", "Elements" if el_name is None else "Connections",
                       "Kumu workbooks have the sheets Elements and Connections.")
    header, records, rows = _table_records(sheets[el_name])
    if records and not any(fold(h) in ("label", "id") for h in header):
        raise _missing(path, "Kumu", "Label", "Elements need a column Label (column A).")
    elements = _raw("actors", path.name, el_name, [_kumu_element(r) for r in records], rows)
    header, records, rows = _table_records(sheets[co_name])
    conns, conn_rows = [], []
    for rec, row in zip(records, rows, strict=True):
        base = _kumu_connection(rec)
        targets = [t for t in (squash(x) for x in str(base.get("To", "")).split("|")) if t]
        for target in targets or [""]:
            conns.append({**base, "To": target})
            conn_rows.append(row)
    connections = _raw("relations", path.name, co_name, conns, conn_rows)
    raw = {"actors": elements, "relations": connections}
    meet_name = by_fold.get(fold(KUMU_IGNORE_SHEET))
    if meet_name is not None:
        _h, m_records, m_rows = _table_records(sheets[meet_name])
        if m_records:
            raw["meetings"] = _raw("meetings", path.name, meet_name,
                                   [{("name" if fold(k) == "label" else k): v
                                     for k, v in r.items()} for r in m_records], m_rows)
    return _network_from(raw, path, "kumu")


def _kumu_element(rec: Mapping[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in rec.items():
        k = fold(key)
        if k == "label":
            out["name"] = value
        elif k == "tags":
            out["themes"] = value
        elif k in ("meetings", "overleggen"):
            out["meetings"] = value
        else:
            out[key] = value
    return out


def _kumu_connection(rec: Mapping[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    seen_direction = False
    for key, value in rec.items():
        k = fold(key)
        if k == "id":
            continue  # Kumu's own connection id
        if k == "direction":
            seen_direction = True
            out["directed"] = value or "directed"
        else:
            out[key] = value
    if not seen_direction:
        out["directed"] = "directed"
    return out


# --- Kumu blueprint (JSON) -----------------------------------------------------------------


def kumu_blueprint(network: WijkNetwork, *, include_private: bool = False) -> dict[str, Any]:
    """A Kumu JSON blueprint: ``{"elements": [...], "connections": [...]}``.

    Examples
    --------
    >>> from wijkgraph.sources.bundled import load_dataset
    >>> bp = kumu_blueprint(load_dataset("driehoek"))
    >>> sorted(bp), sorted(bp["connections"][0])[:3]
    (['connections', 'elements'], ['Channel', 'Description', 'Strength'])
    """
    rec = export_records(network, include_private=include_private)
    elements = []
    for a in rec["actors"]:
        el: dict[str, Any] = {}
        for c, v in a.items():
            field = KUMU_ELEMENT_FIELDS.get(c, c)
            key = field.lower() if field in ("ID", "Label", "Type", "Description", "Tags") else field
            el[key] = list(v) if isinstance(v, tuple) else v
        elements.append(el)
    pairs = [tuple(sorted((r["source"], r["target"]))) for r in rec["relations"]]
    need_ids = len(set(pairs)) < len(pairs)
    connections = []
    for n, r in enumerate(rec["relations"], start=1):
        con: dict[str, Any] = {"id": f"rel-{n}"} if need_ids else {}
        for c, v in r.items():
            field = KUMU_CONNECTION_FIELDS.get(c, c)
            key = field.lower() if field in ("From", "To", "Type", "Direction") else field
            if c == "directed":
                v = "directed" if v else "undirected"
            con[key] = v
        connections.append(con)
    return {"elements": elements, "connections": connections}


def write_kumu_json(network: WijkNetwork, path: str | Path, *,
                    include_private: bool = False) -> Path:
    """Write a Kumu JSON blueprint (see `kumu_blueprint`)."""
    path = Path(path)
    data = kumu_blueprint(network, include_private=include_private)
    atomic_write(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return path


def _read_kumu_json(data: Mapping[str, Any], path: Path) -> WijkNetwork:
    elements = data.get("elements")
    connections = data.get("connections", [])
    if not isinstance(elements, list) or not isinstance(connections, list):
        raise _fail(path, "Kumu JSON", "elements/connections are not lists")
    el_records = []
    for el in elements:
        if not isinstance(el, Mapping):
            raise _fail(path, "Kumu JSON", "an element is not an object")
        el_records.append(_kumu_element({str(k): _cell(v) for k, v in el.items()}))
    conns, rows = [], []
    for i, con in enumerate(connections, start=1):
        if not isinstance(con, Mapping):
            raise _fail(path, "Kumu JSON", "a connection is not an object")
        base = _kumu_connection({str(k): _cell(v) for k, v in con.items()})
        to = con.get("to", con.get("To", ""))
        targets = [str(t) for t in to] if isinstance(to, list) else [t for t in (
            squash(x) for x in str(to).split("|")) if t]
        for target in targets or [""]:
            rec = {k: v for k, v in base.items() if fold(k) != "to"}
            rec["to"] = target
            conns.append(rec)
            rows.append(i)
    raw = {"actors": _raw("actors", path.name, "elements", el_records,
                          list(range(1, len(el_records) + 1))),
           "relations": _raw("relations", path.name, "connections", conns, rows)}
    return _network_from(raw, path, "kumu-json")


# --- node-link JSON ---------------------------------------------------------------------


def node_link(network: WijkNetwork, *, include_private: bool = False) -> dict[str, Any]:
    """networkx node-link data (``nodes``, ``links``) of every relation, all attributes.

    ``nx.node_link_graph(data, edges="links")`` turns it into a MultiDiGraph; meetings
    are kept in ``graph.meetings``.

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


def write_node_link(network: WijkNetwork, path: str | Path, *,
                    include_private: bool = False) -> Path:
    """Write networkx node-link JSON (see `node_link`)."""
    path = Path(path)
    text = json.dumps(node_link(network, include_private=include_private),
                      ensure_ascii=False, indent=2)
    atomic_write(path, text + "\n")
    return path


def _read_node_link(data: Mapping[str, Any], path: Path) -> WijkNetwork:
    nodes = data.get("nodes")
    links = data.get("links", data.get("edges"))
    if not isinstance(nodes, list) or not isinstance(links, list):
        raise _missing(path, "JSON", "nodes/links",
                       "Use networkx node-link JSON or a Kumu blueprint.")
    node_records = []
    for n in nodes:
        if not isinstance(n, Mapping) or "id" not in n:
            raise _fail(path, "node-link JSON", "a node without 'id'")
        rec = {str(k): v for k, v in n.items()}
        if "name" not in rec and "label" not in rec:
            rec["name"] = rec["id"]
        node_records.append(rec)
    link_records = []
    for e in links:
        if not isinstance(e, Mapping):
            raise _fail(path, "node-link JSON", "a link is not an object")
        rec = {str(k): v for k, v in e.items() if k != "key"}
        _weight_to_strength(rec)
        if "directed" not in rec:
            rec["directed"] = bool(data.get("directed", False))
        link_records.append(rec)
    raw = {"actors": _raw("actors", path.name, "nodes", node_records,
                          list(range(1, len(node_records) + 1))),
           "relations": _raw("relations", path.name, "links", link_records,
                             list(range(1, len(link_records) + 1)))}
    graph = data.get("graph") if isinstance(data.get("graph"), Mapping) else {}
    meetings = graph.get("meetings") if graph else None
    if isinstance(meetings, list) and meetings:
        raw["meetings"] = _raw("meetings", path.name, "graph.meetings",
                               [m for m in meetings if isinstance(m, Mapping)],
                               list(range(1, len(meetings) + 1)))
    return _network_from(raw, path, "json")


def _weight_to_strength(rec: dict[str, Any]) -> None:
    """Use ``weight`` as strength only when there is no strength and it is 1-4."""
    if "weight" not in rec:
        return
    weight = rec.pop("weight")
    if "strength" in rec:
        return
    try:
        number = float(str(weight).replace(",", "."))
    except ValueError:
        number = float("nan")
    if number.is_integer() and 1 <= number <= 4:
        rec["strength"] = int(number)
    else:
        rec["oorspronkelijk gewicht"] = weight  # keep a foreign weight as an attribute


def read_json(path: str | Path) -> WijkNetwork:
    """Read a JSON file: a Kumu blueprint (``elements``) or node-link JSON (``nodes``)."""
    path = Path(path)
    from wijkgraph.io.tables import decode_text

    text = decode_text(path.read_bytes(), path.name)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(Problem("problem.exchange_unreadable", file=path.name, row=exc.lineno,
                                 params={"format": "JSON", "reason": exc.msg})) from exc
    if not isinstance(data, Mapping):
        raise _fail(path, "JSON", "the top level is not an object")
    if "elements" in data:
        return _read_kumu_json(data, path)
    return _read_node_link(data, path)


# --- GEXF 1.3 -----------------------------------------------------------------------------


def _xml_type(values: list[Any]) -> str:
    if values and all(isinstance(v, bool) for v in values):
        return "boolean"
    if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "integer"
    return "string"


def _xml_text(value: Any) -> str:
    if isinstance(value, bool):
        return _bool_text(value)
    return _joined(value)


def _attr_columns(records: list[dict[str, Any]], skip: Iterable[str]) -> list[str]:
    skip = set(skip)
    cols: dict[str, None] = {}
    for r in records:
        for k in r:
            if k not in skip:
                cols.setdefault(k)
    return list(cols)


def gexf_document(network: WijkNetwork, *, include_private: bool = False) -> bytes:
    """GEXF 1.3 text of the network: one edge per relation, mixed directed/undirected.

    Node ``label`` is the actor name; edge ``weight`` the strength (1-4), ``label`` the
    relation kind; every other column is an attribute (several values joined with ``;``).
    """
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
    node_cols = _attr_columns(rec["actors"], ("id", "name"))
    edge_cols = _attr_columns(rec["relations"], ("source", "target"))
    for cls, cols, records in (("node", node_cols, rec["actors"]),
                               ("edge", edge_cols, rec["relations"])):
        attrs = ET.SubElement(graph, "attributes", {"class": cls, "mode": "static"})
        for i, col in enumerate(cols):
            ET.SubElement(attrs, "attribute", {
                "id": str(i), "title": col,
                "type": _xml_type([r[col] for r in records if col in r])})
    nodes = ET.SubElement(graph, "nodes")
    for a in rec["actors"]:
        node = ET.SubElement(nodes, "node", {"id": a["id"], "label": a["name"]})
        values = ET.SubElement(node, "attvalues")
        for i, col in enumerate(node_cols):
            if col in a:
                ET.SubElement(values, "attvalue", {"for": str(i), "value": _xml_text(a[col])})
    edges = ET.SubElement(graph, "edges")
    for n, r in enumerate(rec["relations"]):
        edge = ET.SubElement(edges, "edge", {
            "id": str(n), "source": r["source"], "target": r["target"],
            "type": "directed" if r["directed"] else "undirected",
            "weight": str(r["strength"]), "label": r["kind"]})
        values = ET.SubElement(edge, "attvalues")
        for i, col in enumerate(edge_cols):
            if col in r:
                ET.SubElement(values, "attvalue", {"for": str(i), "value": _xml_text(r[col])})
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8")


def write_gexf(network: WijkNetwork, path: str | Path, *, include_private: bool = False) -> Path:
    """Write GEXF 1.3 (see `gexf_document`)."""
    path = Path(path)
    atomic_write(path, gexf_document(network, include_private=include_private))
    return path


def _parse_xml(path: Path, fmt: str) -> ET.Element:
    # xml.etree does not resolve external entities; expat >= 2.4.1 limits entity expansion.
    try:
        return ET.fromstring(path.read_bytes())
    except ET.ParseError as exc:
        raise InputError(Problem("problem.exchange_unreadable", file=path.name,
                                 row=exc.position[0] if exc.position else None,
                                 params={"format": fmt, "reason": str(exc)})) from exc


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(element: ET.Element, name: str) -> list[ET.Element]:
    return [c for c in element if _local(c.tag) == name]


def read_gexf(path: str | Path) -> WijkNetwork:
    """Read GEXF (1.1, 1.2 or 1.3, from Gephi or wijkgraph) as a `WijkNetwork`.

    Node labels become names, attributes are matched to wijkgraph columns by title (Dutch
    or English) or kept as extra columns; an edge's ``type`` sets ``directed`` (mixed
    graphs are fine), its ``weight`` the strength when it is 1-4.
    """
    path = Path(path)
    root = _parse_xml(path, "GEXF")
    graph = next(iter(_children(root, "graph")), None)
    if _local(root.tag) != "gexf" or graph is None:
        raise _missing(path, "GEXF", "<graph>", "This does not look like a GEXF file.")
    default_type = graph.get("defaultedgetype", "undirected")
    titles: dict[str, dict[str, tuple[str, str | None]]] = {"node": {}, "edge": {}}
    for attrs in _children(graph, "attributes"):
        cls = attrs.get("class", "node")
        for attr in _children(attrs, "attribute"):
            default = next((d.text for d in _children(attr, "default")), None)
            titles.setdefault(cls, {})[attr.get("id", "")] = (
                attr.get("title") or attr.get("id", ""), default)

    def values(el: ET.Element, cls: str) -> dict[str, str]:
        out = {title: default for title, default in titles[cls].values() if default is not None}
        for block in _children(el, "attvalues"):
            for v in _children(block, "attvalue"):
                key = v.get("for") or v.get("id") or ""
                title = titles[cls].get(key, (key, None))[0]
                out[title] = v.get("value", "")
        return out

    node_records = []
    for block in _children(graph, "nodes"):
        for node in _children(block, "node"):
            rec: dict[str, Any] = {"id": node.get("id", "")}
            rec.update(values(node, "node"))
            rec["name"] = node.get("label") or rec.get("name") or rec["id"]
            node_records.append(rec)
    edge_records = []
    for block in _children(graph, "edges"):
        for edge in _children(block, "edge"):
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
            _weight_to_strength(rec)
            edge_records.append(rec)
    return _network_from(_xml_raw(path, node_records, edge_records), path, "gexf")


def _xml_raw(path: Path, nodes: list[dict[str, Any]], edges: list[dict[str, Any]],
             ) -> dict[str, RawTable]:
    """Node and edge records of a GEXF or GraphML file as raw tables (rows count from 1)."""
    return {"actors": _raw("actors", path.name, "nodes", nodes, list(range(1, len(nodes) + 1))),
            "relations": _raw("relations", path.name, "edges", edges,
                              list(range(1, len(edges) + 1)))}


# --- GraphML --------------------------------------------------------------------------------


def graphml_document(network: WijkNetwork, *, include_private: bool = False) -> bytes:
    """GraphML text of the network: one edge per relation with its own ``directed``.

    Node data ``name`` (and every other actor column), edge data ``strength``, ``weight``
    (= strength, for tools that look for it), ``kind`` etc.; several values joined with ``;``.
    """
    rec = export_records(network, include_private=include_private)
    root = ET.Element("graphml", {
        "xmlns": GRAPHML_NS,
        "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
        "xsi:schemaLocation": f"{GRAPHML_NS} {GRAPHML_NS}/1.0/graphml.xsd"})
    node_cols = _attr_columns(rec["actors"], ("id",))
    edges = [{**r, "weight": r["strength"]} for r in rec["relations"]]
    edge_cols = _attr_columns(edges, ("source", "target", "directed"))
    type_names = {"string": "string", "integer": "int", "boolean": "boolean"}
    keys: dict[tuple[str, str], str] = {}
    for cls, cols, records in (("node", node_cols, rec["actors"]), ("edge", edge_cols, edges)):
        for col in cols:
            kid = f"{cls[0]}{len(keys)}"
            keys[(cls, col)] = kid
            ET.SubElement(root, "key", {
                "id": kid, "for": cls, "attr.name": col,
                "attr.type": type_names[_xml_type([r[col] for r in records if col in r])]})
    directed = {r["directed"] for r in rec["relations"]}
    graph = ET.SubElement(root, "graph", {
        "id": "G", "edgedefault": "directed" if directed == {True} else "undirected"})
    for a in rec["actors"]:
        node = ET.SubElement(graph, "node", {"id": a["id"]})
        for col in node_cols:
            if col in a:
                ET.SubElement(node, "data", {"key": keys[("node", col)]}).text = _xml_text(a[col])
    for n, r in enumerate(edges):
        edge = ET.SubElement(graph, "edge", {"id": f"e{n}", "source": r["source"],
                                             "target": r["target"],
                                             "directed": _bool_text(r["directed"])})
        for col in edge_cols:
            if col in r:
                ET.SubElement(edge, "data", {"key": keys[("edge", col)]}).text = _xml_text(r[col])
    ET.indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8")


def write_graphml(network: WijkNetwork, path: str | Path, *,
                  include_private: bool = False) -> Path:
    """Write GraphML (see `graphml_document`)."""
    path = Path(path)
    atomic_write(path, graphml_document(network, include_private=include_private))
    return path


def read_graphml(path: str | Path) -> WijkNetwork:
    """Read GraphML (wijkgraph, yEd, Cytoscape, Gephi) as a `WijkNetwork`.

    Data keys are matched by ``attr.name`` to wijkgraph columns (``name``/``label``,
    ``domain``, ...); others are kept. An edge's ``directed`` attribute wins over the
    graph's ``edgedefault``.
    """
    path = Path(path)
    root = _parse_xml(path, "GraphML")
    graph = next(iter(_children(root, "graph")), None)
    if _local(root.tag) != "graphml" or graph is None:
        raise _missing(path, "GraphML", "<graph>", "This does not look like a GraphML file.")
    keys: dict[str, tuple[str, str | None]] = {}
    for key in _children(root, "key"):
        default = next((d.text for d in _children(key, "default")), None)
        keys[key.get("id", "")] = (key.get("attr.name") or key.get("id", ""), default)
    defaults_for = {cls: {keys[k.get("id", "")][0]: keys[k.get("id", "")][1]
                          for k in _children(root, "key")
                          if k.get("for") in (cls, "all") and keys[k.get("id", "")][1] is not None}
                    for cls in ("node", "edge")}
    edge_default = graph.get("edgedefault", "directed")

    def data(el: ET.Element, cls: str) -> dict[str, str]:
        out: dict[str, str] = dict(defaults_for[cls])  # type: ignore[arg-type]
        for d in _children(el, "data"):
            name = keys.get(d.get("key", ""), (d.get("key", ""), None))[0]
            out[name] = "".join(d.itertext()).strip()
        return out

    node_records = []
    for node in _children(graph, "node"):
        rec: dict[str, Any] = {"id": node.get("id", "")}
        rec.update(data(node, "node"))
        if not any(canonical_column("actors", k) == "name" for k in rec if k != "id"):
            rec["name"] = rec["id"]
        node_records.append(rec)
    edge_records = []
    for edge in _children(graph, "edge"):
        rec = {"source": edge.get("source", ""), "target": edge.get("target", "")}
        rec.update(data(edge, "edge"))
        flag = edge.get("directed")
        rec["directed"] = (flag == "true") if flag in ("true", "false") else (
            edge_default == "directed")
        _weight_to_strength(rec)
        edge_records.append(rec)
    return _network_from(_xml_raw(path, node_records, edge_records), path, "graphml")


# --- Gephi spreadsheet (nodes.csv + edges.csv) ------------------------------------------


def _csv_text(rows: list[list[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        writer.writerow([_xml_text(v) for v in row])
    return buffer.getvalue()


def gephi_tables(network: WijkNetwork, *, include_private: bool = False
                 ) -> tuple[list[list[Any]], list[list[Any]]]:
    """Rows (with header) of Gephi's spreadsheet import: nodes and edges."""
    rec = export_records(network, include_private=include_private)
    node_cols = _attr_columns(rec["actors"], ("id", "name"))
    nodes = [["Id", "Label", *node_cols]]
    nodes += [[a["id"], a["name"], *[a.get(c, "") for c in node_cols]] for a in rec["actors"]]
    edge_cols = _attr_columns(rec["relations"], ("source", "target", "directed", "strength"))
    edges = [["Source", "Target", "Type", "Id", "Weight", *edge_cols]]
    for n, r in enumerate(rec["relations"]):
        edges.append([r["source"], r["target"], "Directed" if r["directed"] else "Undirected",
                      n, r["strength"], *[r.get(c, "") for c in edge_cols]])
    return nodes, edges


def write_gephi(network: WijkNetwork, folder: str | Path, *, include_private: bool = False,
                force: bool = False) -> Path:
    """Write ``nodes.csv`` and ``edges.csv`` (UTF-8, comma) for Gephi's spreadsheet import."""
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


def read_gephi(path: str | Path) -> WijkNetwork:
    """Read a folder with Gephi's ``nodes.csv`` (Id, Label) and ``edges.csv``.

    ``Type`` (Directed/Undirected) sets ``directed``; ``Weight`` the strength when 1-4
    (else it is kept as the attribute ``oorspronkelijk gewicht``); the edge ``Id`` is dropped.
    """
    path = Path(path)
    files = {p.name.casefold(): p for p in path.iterdir() if p.is_file()}

    def read(name: str) -> tuple[list[dict[str, str]], list[int]]:
        _header, records, rows = _table_records(read_csv_cells(files[name]))
        return records, rows

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
        out: dict[str, Any] = {}
        for k, v in rec.items():
            key = fold(k)
            if key == "id":
                continue
            if key == "type":
                out["directed"] = v or "undirected"
            elif key == "weight":
                out["weight"] = v
            else:
                out[k] = v
        _weight_to_strength(out)
        edges.append(out)
    raw = {"actors": _raw("actors", files["nodes.csv"].name, None, nodes, node_rows),
           "relations": _raw("relations", files["edges.csv"].name, None, edges, edge_rows)}
    return _network_from(raw, path, "gephi")


# --- wijkgraph workbook -------------------------------------------------------------------


def workbook_sheets(network: WijkNetwork | Tables, *, include_private: bool = False
                    ) -> dict[str, list[list[Any]]]:
    """The sheets of a wijkgraph workbook (Dutch sheet and column names) as rows."""
    rec = export_records(network, include_private=include_private)
    sheets: dict[str, list[list[Any]]] = {}
    for table in ("actors", "relations", "meetings", "participation"):
        records = rec[table]
        if table in ("meetings", "participation") and not records:
            continue
        base = {"actors": ACTOR_COLUMNS, "relations": RELATION_COLUMNS,
                "meetings": MEETING_COLUMNS, "participation": N_('meeting')}[table]
        cols = [c for c in base if not (c == "contact" and not include_private)]
        cols += [c for c in _attr_columns(records, cols) if c != "meetings"]
        header = [NL_HEADERS[table].get(c, c) for c in cols]
        rows = [header]
        for r in records:
            row = []
            for c in cols:
                v = r.get(c, "")
                if c == "directed":
                    v = "ja" if v else "nee"
                row.append(_joined(v, "; ") if isinstance(v, tuple) else v)
            rows.append(row)
        sheets[SHEET_NAMES[table]] = rows
    return sheets


def write_workbook(network: WijkNetwork | Tables, path: str | Path, *,
                   include_private: bool = False,
                   extra_sheets: Mapping[str, list[list[Any]]] | None = None) -> Path:
    """Write a wijkgraph workbook (actoren, relaties, overleggen, deelnames) atomically."""
    path = Path(path)
    sheets = workbook_sheets(network, include_private=include_private)
    sheets.update(extra_sheets or {})
    atomic_write(path, _workbook_bytes(sheets))
    return path


# --- dispatch ------------------------------------------------------------------------------

Writer = Callable[..., Path]
WRITERS: dict[str, Writer] = {
    "xlsx": write_workbook, "kumu": write_kumu, "kumu-json": write_kumu_json,
    "gexf": write_gexf, "graphml": write_graphml, "json": write_node_link,
    "gephi": write_gephi,
}
READERS: dict[str, Callable[[Path], WijkNetwork]] = {
    ".gexf": read_gexf, ".graphml": read_graphml, ".json": read_json,
}


def guess_format(path: str | Path) -> str:
    """The output format a file name asks for: by suffix, ``*.kumu.xlsx``/``*.kumu.json``
    for Kumu, a name without suffix for the Gephi folder.

    >>> [guess_format(p) for p in ("a.gexf", "b.kumu.xlsx", "c.json", "d.kumu.json", "e")]
    ['gexf', 'kumu', 'json', 'kumu-json', 'gephi']
    """
    path = Path(path)
    name = path.name.casefold()
    if name.endswith(".kumu.xlsx"):
        return "kumu"
    if name.endswith(".kumu.json"):
        return "kumu-json"
    if path.suffix.casefold() in SUFFIXES:
        return SUFFIXES[path.suffix.casefold()]
    if not path.suffix:
        return "gephi"
    raise OutputError(Problem("problem.exchange_no_format", params={
        "path": str(path), "suffixes": ", ".join(SUFFIXES), "known": ", ".join(FORMATS)}))


def write_network(network: WijkNetwork, path: str | Path, *, to: str | None = None,
                  include_private: bool = False, force: bool = False) -> Path:
    """Write `network` to `path` in format `to` (default: from the file name).

    Raises `OutputError` for an unknown format, or when `path` exists and not `force`
    (a Gephi folder wijkgraph wrote itself may be replaced).
    """
    path = Path(path)
    fmt = to or guess_format(path)
    if fmt not in WRITERS:
        raise OutputError(Problem("problem.exchange_unknown_format", params={
            "format": fmt, "known": ", ".join(FORMATS)}))
    if fmt == "gephi":
        return write_gephi(network, path, include_private=include_private, force=force)
    if path.exists() and not force:
        raise OutputError(Problem("problem.output_exists", params={"path": str(path)}))
    if path.is_dir():
        raise OutputError(Problem("problem.output_is_file", params={"path": str(path)}))
    path.parent.mkdir(parents=True, exist_ok=True)
    return WRITERS[fmt](network, path, include_private=include_private)


def special_reader(path: str | Path) -> Callable[[Path], WijkNetwork] | None:
    """The reader for inputs `load()` cannot tell by suffix alone, or None.

    A workbook with Elements/Connections sheets is Kumu; a survey workbook (sheet
    ``gemist``) is read as usual plus the respondents' missed parties in ``meta``; a folder
    with ``nodes.csv``/``edges.csv`` is Gephi's spreadsheet layout.
    """
    path = Path(path)
    if path.is_dir():
        return read_gephi if is_gephi_folder(path) else None
    if path.suffix.casefold() in (".xlsx", ".xlsm") and path.is_file():
        names = {fold(n) for n in _sheet_names(path)}
        if {"elements", "connections"} <= names:
            return read_kumu
        if "gemist" in names:
            from wijkgraph.io.survey import read_survey_workbook

            return read_survey_workbook
    return READERS.get(path.suffix.casefold()) if path.is_file() else None


def read_any(path: str | Path) -> WijkNetwork:
    """Read any exchange format by its suffix or content (see `special_reader`)."""
    path = Path(path)
    reader = special_reader(path)
    if reader is None:
        from wijkgraph.sources.loading import load

        return load(path)
    return reader(path)
