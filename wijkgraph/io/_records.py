"""A network as plain records, and the small helpers every writer shares.

`export_records` turns the validated tables into dicts (multi-valued cells as tuples,
strength an int, directed a bool); each writer of `wijkgraph.io` formats those records
its own way. The private ``contact`` column is only included with ``include_private=True``.

Examples
--------
>>> from wijkgraph.sources.bundled import load_dataset
>>> rec = export_records(load_dataset("utrecht-oost"))
>>> sorted(rec)
['actors', 'meetings', 'participation', 'relations']
>>> "contact" in rec["actors"][0], rec["relations"][0]["strength"] in (1, 2, 3, 4)
(False, True)
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from typing import Any

from wijkgraph.model.network import WijkNetwork
from wijkgraph.model.schema import split_multi
from wijkgraph.model.tables import PROVENANCE, Tables

MULTI_ACTOR = ("wijk", "themes", "meetings")
MULTI_MEETING = ("theme", "wijk")


def export_records(network: WijkNetwork | Tables, *, include_private: bool = False
                   ) -> dict[str, list[dict[str, Any]]]:
    """The tables of a network as plain records, ready to be written in any format.

    Multi-valued cells stay tuples (each writer joins them its own way); strength is an
    int, directed a bool, everything else a string. Actors get a ``meetings`` tuple (the
    ids of the meetings they take part in). The private ``contact`` column is left out
    unless `include_private`.
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


def joined(value: Any, sep: str = ";") -> str:
    """A tuple of values joined with `sep`; anything else as text.

    >>> joined(("Oost", "Zuid"), "|"), joined(None), joined(3)
    ('Oost|Zuid', '', '3')
    """
    if isinstance(value, tuple | list):
        return sep.join(str(v) for v in value)
    return "" if value is None else str(value)


def bool_text(value: bool) -> str:
    """``true`` or ``false``, as XML and CSV formats write a boolean."""
    return "true" if value else "false"


def attribute_text(value: Any) -> str:
    """A record value as an XML attribute or CSV cell: booleans as true/false, tuples ;-joined."""
    if isinstance(value, bool):
        return bool_text(value)
    return joined(value)


def attribute_type(values: list[Any]) -> str:
    """``boolean``, ``integer`` or ``string``: the one type all `values` have.

    >>> attribute_type([True, False]), attribute_type([1, 4]), attribute_type([1, "a"])
    ('boolean', 'integer', 'string')
    """
    if values and all(isinstance(v, bool) for v in values):
        return "boolean"
    if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "integer"
    return "string"


def attribute_columns(records: list[dict[str, Any]], skip: Iterable[str]) -> list[str]:
    """The keys of `records` in order of first appearance, without `skip`."""
    skipped = set(skip)
    cols: dict[str, None] = {}
    for r in records:
        for k in r:
            if k not in skipped:
                cols.setdefault(k)
    return list(cols)


def workbook_bytes(sheets: Mapping[str, list[list[Any]]]) -> bytes:
    """An .xlsx with one sheet per entry; strings are never turned into formulas."""
    import openpyxl
    from openpyxl.styles import Font
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
                    cell.font = Font(bold=True)
        if rows:
            ws.freeze_panes = "A2"
            for c, head in enumerate(rows[0], start=1):
                width = max([len(str(head))] + [len(str(row[c - 1])) for row in rows[1:50]
                                                if c - 1 < len(row)])
                ws.column_dimensions[get_column_letter(c)].width = min(max(width + 2, 8), 60)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
