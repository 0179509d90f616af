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

import datetime as dt
import io
import re
import zipfile
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


#: How text that a spreadsheet would take for a formula starts (OWASP's list).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: The created/modified time of every workbook wijkgraph writes, and its zip entries' time:
#: the same input gives byte-identical files.
FIXED_TIME = dt.datetime(2000, 1, 1, 0, 0, 0)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_PLAIN_NUMBER = re.compile(r"^[+-]?\d+([.,]\d+)?$")


def looks_like_formula(value: Any) -> bool:
    """Whether a spreadsheet would read the text `value` as a formula.

    >>> [looks_like_formula(v) for v in ("=HYPERLINK(x)", "@SUM(A1)", "-3", "DOCK", 3)]
    [True, True, True, False, False]
    """
    return isinstance(value, str) and value.startswith(FORMULA_START)


def csv_safe(value: str) -> str:
    """A CSV cell Excel will not run: formula-like text gets a leading ``'`` (numbers stay).

    `csv_unprotect` takes the quote off again when wijkgraph reads the file back.

    >>> csv_safe("=cmd|' /C calc'!A0"), csv_safe("-3"), csv_safe("+31 6 1234 5678")
    ("'=cmd|' /C calc'!A0", '-3', "'+31 6 1234 5678")
    """
    if looks_like_formula(value) and not _PLAIN_NUMBER.match(value):
        return "'" + value
    return value


def csv_unprotect(value: str) -> str:
    """The cell `csv_safe` protected, as it was.

    >>> csv_unprotect("'=1+1"), csv_unprotect("'t Hoekje")
    ('=1+1', "'t Hoekje")
    """
    if value.startswith("'") and looks_like_formula(value[1:]):
        return value[1:]
    return value


def save_workbook(wb: Any) -> bytes:
    """An openpyxl workbook as .xlsx bytes, byte-reproducible.

    openpyxl stamps the current time into the document properties and the zip entries;
    here both are `FIXED_TIME`, so the same workbook gives the same bytes.

    >>> import openpyxl
    >>> wb = openpyxl.Workbook(); wb.active["A1"] = "x"
    >>> first = save_workbook(wb)
    >>> import time; time.sleep(1.1)
    >>> save_workbook(wb) == first
    True
    """
    from openpyxl.writer.excel import ExcelWriter

    wb.properties.created = wb.properties.modified = FIXED_TIME
    wb.properties.creator = wb.properties.lastModifiedBy = "wijkgraph"
    first = io.BytesIO()
    ExcelWriter(wb, zipfile.ZipFile(first, "w", zipfile.ZIP_DEFLATED)).save()
    out = io.BytesIO()
    with zipfile.ZipFile(first) as source, zipfile.ZipFile(out, "w") as archive:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            archive.writestr(info, source.read(entry))
    return out.getvalue()


def protect_formulas(ws: Any) -> None:
    """Store every text cell of `ws` that looks like a formula as text, quote-prefixed.

    Excel shows such a cell as text and does not evaluate it, also not after someone
    edits it (the protection tables.xlsx has too).
    """
    for row in ws.iter_rows():
        for cell in row:
            if looks_like_formula(cell.value):
                cell.data_type = "s"
                cell.quotePrefix = True


def workbook_bytes(sheets: Mapping[str, list[list[Any]]]) -> bytes:
    """An .xlsx with one sheet per entry; strings are never turned into formulas.

    Byte-reproducible (`save_workbook`); formula-like text is quote-prefixed text.

    >>> import openpyxl
    >>> sheets = {"s": [["naam"], ["=HYPERLINK(1)"]]}
    >>> data = workbook_bytes(sheets)
    >>> cell = openpyxl.load_workbook(io.BytesIO(data))["s"]["A2"]
    >>> cell.data_type, cell.quotePrefix, data == workbook_bytes(sheets)
    ('s', True, True)
    """
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
                if looks_like_formula(value):
                    cell.data_type = "s"  # keep text that looks like a formula as text
                    cell.quotePrefix = True
                if r == 1:
                    cell.font = Font(bold=True)
        if rows:
            ws.freeze_panes = "A2"
            for c, head in enumerate(rows[0], start=1):
                width = max([len(str(head))] + [len(str(row[c - 1])) for row in rows[1:50]
                                                if c - 1 < len(row)])
                ws.column_dimensions[get_column_letter(c)].width = min(max(width + 2, 8), 60)
    return save_workbook(wb)
