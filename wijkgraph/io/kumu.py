"""Kumu (kumu.io): the import workbook (Elements, Connections) and the JSON blueprint.

As Kumu's import guide describes it: Elements start with ``ID`` then ``Label``;
Connections with ``From`` and ``To`` (element ids), then ``Type`` (the relation kind),
``Direction`` (``directed``/``undirected``) and ``Strength`` (1-4). Several values in a
cell (``Tags`` = themes, ``Wijk``, ``Meetings``) are separated by ``|``, Kumu's own
separator. Meetings go to a sheet ``Overleggen (ignore)``, which Kumu skips and wijkgraph
reads.

Examples
--------
>>> import tempfile, pathlib
>>> from wijkgraph.sources.bundled import load_dataset
>>> net = load_dataset("driehoek")
>>> path = write_kumu(net, pathlib.Path(tempfile.mkdtemp()) / "net.kumu.xlsx")
>>> FORMAT.sniff(path), read_kumu(path).n_relations == net.n_relations
(True, True)
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from wijkgraph._files import atomic_write
from wijkgraph.errors import InputError
from wijkgraph.i18n import N_
from wijkgraph.io._cells import has_sheets, read_json, read_sheets, table_records
from wijkgraph.io._format import Format
from wijkgraph.io._raw import (
    missing_part,
    network_from_raw,
    record_cell,
    records_to_raw,
    unreadable,
)
from wijkgraph.io._records import export_records, joined, workbook_bytes
from wijkgraph.model.network import WijkNetwork
from wijkgraph.model.schema import fold, squash
from wijkgraph.model.tables import Tables

KUMU_IGNORE_SHEET = "Overleggen (ignore)"
KUMU_ELEMENT_FIELDS = {"id": "ID", "name": "Label", "type": "Type", "description": "Description",
                       "themes": "Tags", "domain": "Domain", "role": "Role", "wijk": "Wijk",
                       "meetings": "Meetings", "contact": "Contact"}
KUMU_CONNECTION_FIELDS = {"source": "From", "target": "To", "kind": "Type",
                          "directed": "Direction", "strength": "Strength",
                          "channel": "Channel", "theme": "Theme", "wave": "Wave",
                          "description": "Description"}


# --- the workbook -------------------------------------------------------------------------


def _kumu_tables(network: WijkNetwork | Tables, include_private: bool
                 ) -> tuple[list[list[Any]], list[list[Any]], list[list[Any]]]:
    rec = export_records(network, include_private=include_private)
    extra_a = [c for c in (rec["actors"][0] if rec["actors"] else {})
               if c not in KUMU_ELEMENT_FIELDS]
    a_fields = [c for c in KUMU_ELEMENT_FIELDS if c != "contact" or include_private]
    elements = [[KUMU_ELEMENT_FIELDS[c] for c in a_fields] + extra_a]
    for a in rec["actors"]:
        elements.append([joined(a.get(c, ""), "|") for c in a_fields]
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
        meetings.append([m["id"], m["name"], joined(m["theme"], "|"), joined(m["wijk"], "|"),
                         m.get("description", "")])
    return elements, connections, meetings


def write_kumu(network: WijkNetwork | Tables, path: str | Path, *,
               include_private: bool = False, force: bool = False) -> Path:
    """Write a Kumu import workbook: sheets ``Elements`` and ``Connections``.

    When two actors have more than one relation, Connections get an ``ID`` column so
    Kumu keeps them apart. Meetings go to the sheet ``Overleggen (ignore)``.
    """
    path = Path(path)
    elements, connections, meetings = _kumu_tables(network, include_private)
    sheets = {"Elements": elements, "Connections": connections}
    if len(meetings) > 1:
        sheets[KUMU_IGNORE_SHEET] = meetings
    atomic_write(path, workbook_bytes(sheets))
    return path


def is_kumu_workbook(path: str | Path) -> bool:
    """True when the workbook has Kumu's ``Elements`` and ``Connections`` sheets."""
    return has_sheets(Path(path), "elements", "connections")


def read_kumu(path: str | Path, *, meeting_ties: bool = False) -> WijkNetwork:
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
    sheets = read_sheets(path)
    by_fold: dict[str, str] = {}
    for name in sheets:
        if "(ignore)" in name.casefold() and fold(name) != fold(KUMU_IGNORE_SHEET):
            continue
        by_fold.setdefault(fold(name), name)
    el_name, co_name = by_fold.get("elements"), by_fold.get("connections")
    if el_name is None or co_name is None:
        raise missing_part(path, "Kumu", "Elements" if el_name is None else "Connections",
                           N_("Kumu workbooks have the sheets Elements and Connections."))
    header, records, rows = table_records(sheets[el_name])
    if records and not any(fold(h) in ("label", "id") for h in header):
        raise missing_part(path, "Kumu", "Label", N_("Elements need a column Label (column A)."))
    elements = records_to_raw("actors", path.name, el_name,
                              [_kumu_element(r) for r in records], rows)
    header, records, rows = table_records(sheets[co_name])
    conns, conn_rows = [], []
    for rec, row in zip(records, rows, strict=True):
        base = _kumu_connection(rec)
        targets = [t for t in (squash(x) for x in str(base.get("To", "")).split("|")) if t]
        for target in targets or [""]:
            conns.append({**base, "To": target})
            conn_rows.append(row)
    connections = records_to_raw("relations", path.name, co_name, conns, conn_rows)
    raw = {"actors": elements, "relations": connections}
    meet_name = by_fold.get(fold(KUMU_IGNORE_SHEET))
    if meet_name is not None:
        _h, m_records, m_rows = table_records(sheets[meet_name])
        if m_records:
            raw["meetings"] = records_to_raw("meetings", path.name, meet_name,
                                             [{("name" if fold(k) == "label" else k): v
                                               for k, v in r.items()} for r in m_records],
                                             m_rows)
    return network_from_raw(raw, path, "kumu", meeting_ties=meeting_ties)


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


# --- the JSON blueprint ---------------------------------------------------------------------


def kumu_blueprint(network: WijkNetwork | Tables, *,
                   include_private: bool = False) -> dict[str, Any]:
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


def write_kumu_json(network: WijkNetwork | Tables, path: str | Path, *,
                    include_private: bool = False, force: bool = False) -> Path:
    """Write a Kumu JSON blueprint (see `kumu_blueprint`)."""
    import json

    path = Path(path)
    data = kumu_blueprint(network, include_private=include_private)
    atomic_write(path, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    return path


def is_kumu_json(path: str | Path) -> bool:
    """True for a ``.json`` file holding an object with ``elements`` (a Kumu blueprint)."""
    path = Path(path)
    if not path.is_file() or path.suffix.casefold() != ".json":
        return False
    try:
        data = read_json(path)
    except (InputError, OSError):
        return False
    return isinstance(data, Mapping) and "elements" in data


def read_kumu_json(path: str | Path, *, meeting_ties: bool = False) -> WijkNetwork:
    """Read a Kumu JSON blueprint (``elements``, ``connections``) as a `WijkNetwork`."""
    path = Path(path)
    data = read_json(path)
    if not isinstance(data, Mapping):
        raise unreadable(path, "JSON", N_("the top level is not an object"))
    elements = data.get("elements")
    connections = data.get("connections", [])
    if not isinstance(elements, list) or not isinstance(connections, list):
        raise unreadable(path, "Kumu JSON", N_("elements/connections are not lists"))
    el_records = []
    for el in elements:
        if not isinstance(el, Mapping):
            raise unreadable(path, "Kumu JSON", N_("an element is not an object"))
        el_records.append(_kumu_element({str(k): record_cell(v) for k, v in el.items()}))
    conns, rows = [], []
    for i, con in enumerate(connections, start=1):
        if not isinstance(con, Mapping):
            raise unreadable(path, "Kumu JSON", N_("a connection is not an object"))
        base = _kumu_connection({str(k): record_cell(v) for k, v in con.items()})
        to = con.get("to", con.get("To", ""))
        targets = [str(t) for t in to] if isinstance(to, list) else [t for t in (
            squash(x) for x in str(to).split("|")) if t]
        for target in targets or [""]:
            rec = {k: v for k, v in base.items() if fold(k) != "to"}
            rec["to"] = target
            conns.append(rec)
            rows.append(i)
    raw = {"actors": records_to_raw("actors", path.name, "elements", el_records,
                                    list(range(1, len(el_records) + 1))),
           "relations": records_to_raw("relations", path.name, "connections", conns, rows)}
    return network_from_raw(raw, path, "kumu-json", meeting_ties=meeting_ties)


FORMAT = Format("kumu", (".kumu.xlsx",), sniff=is_kumu_workbook, read=read_kumu,
                write=write_kumu)
"""A Kumu import workbook: any .xlsx with the sheets Elements and Connections."""

JSON_FORMAT = Format("kumu-json", (".kumu.json",), sniff=is_kumu_json, read=read_kumu_json,
                     write=write_kumu_json)
"""A Kumu JSON blueprint: any .json whose top level has ``elements``."""
