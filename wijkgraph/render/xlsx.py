"""``tables.xlsx``: every table of the analysis in one workbook, to work on in Excel.

One sheet per table (actors with all their scores, key figures, missing parties, suggested
links, domain mixing, themes, communities, ... and every other section), headers in the
report's language, the header row frozen, filters on and column widths set.

Safe in Excel: text that starts with ``=``, ``+``, ``-`` or ``@`` is stored as a text
cell with Excel's quote prefix, so Excel never evaluates it as a formula (also not after
someone edits the cell). Characters XML cannot hold (control characters) are dropped.

Deterministic: the workbook's created/modified times and the zip entries' timestamps are
fixed, so the same analysis gives a byte-identical file.

Examples
--------
>>> import io
>>> from openpyxl import load_workbook
>>> from wijkgraph.datasets import load_dataset
>>> from wijkgraph.analyse import analyse
>>> net = load_dataset("utrecht-oost")
>>> data = tables_xlsx_bytes(net, analyse(net), "nl")
>>> wb = load_workbook(io.BytesIO(data))
>>> wb.sheetnames[:2]
['Netwerk', 'Actoren']
>>> data == tables_xlsx_bytes(net, analyse(net), "nl")
True
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import math
import re
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from wijkgraph.network import WijkNetwork
from wijkgraph.render.report import column_label, fmt_cell

FIXED_TIME = dt.datetime(2000, 1, 1, 0, 0, 0)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_FORMULA_START = ("=", "+", "-", "@")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")

#: Sheet titles (nl, en) by table key; other sections get their own name.
SHEETS: dict[str, tuple[str, str]] = {
    "network": ("Netwerk", "Network"),
    "actors": ("Actoren", "Actors"),
    "relations": ("Relaties", "Relations"),
    "key_figures": ("Sleutelfiguren", "Key figures"),
    "brokerage": ("Makelaars", "Brokers"),
    "missing_parties": ("Ontbrekende partijen", "Missing parties"),
    "missing_links": ("Aanbevolen verbindingen", "Suggested links"),
    "domains": ("Domeinen", "Domains"),
    "mixing": ("Domeinmenging", "Domain mixing"),
    "themes": ("Thema's", "Themes"),
    "communities": ("Gemeenschappen", "Communities"),
    "resilience": ("Kwetsbaarheid", "Vulnerability"),
    "triads": ("Driehoek", "Driehoek"),
    "meetings": ("Overleggen", "Meetings"),
    "roles": ("Rollen", "Roles"),
    "warnings": ("Waarschuwingen", "Warnings"),
}
#: Order of sheets (others follow alphabetically).
ORDER = ("network", "actors", "relations", "key_figures", "brokerage", "missing_parties",
         "missing_links", "mixing", "domains", "themes", "communities", "resilience", "triads",
         "meetings", "roles")


def cell_value(value: Any, lang: str = "nl") -> Any:
    """A value as a workbook cell holds it: numbers stay numbers, the rest becomes text.

    Examples
    --------
    >>> cell_value(("a", "b")), cell_value(float("nan")), cell_value("x\\x07y")
    ('a, b', None, 'xy')
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        with contextlib.suppress(ValueError, TypeError):
            value = value.item()
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else round(value, 6)
    if isinstance(value, list | tuple | set | frozenset | dict):
        value = fmt_cell(value, lang)
    return _ILLEGAL.sub("", str(value))


def _sheet_title(key: str, lang: str, taken: set[str]) -> str:
    nl, en = SHEETS.get(key, (key.replace("_", " "), key.replace("_", " ")))
    base = _SHEET_BAD.sub(" ", en if lang == "en" else nl)[:31].strip() or "Blad"
    title, k = base, 2
    while title.casefold() in taken:
        suffix = f" {k}"
        title, k = base[: 31 - len(suffix)] + suffix, k + 1
    taken.add(title.casefold())
    return title


def _frame(result: Any) -> pd.DataFrame:
    try:
        frame = result.to_frame()
    except Exception:  # noqa: BLE001 - one broken section must not lose the workbook
        return pd.DataFrame()
    return frame if isinstance(frame, pd.DataFrame) else pd.DataFrame()


def workbook_tables(network: WijkNetwork, analysis: Any, lang: str = "nl"
                    ) -> list[tuple[str, pd.DataFrame]]:
    """The tables of the workbook, in sheet order: (key, frame) pairs.

    The actors table carries every per-actor score the analyses returned (the key
    figures' ``scores``); contact details are never included.
    """
    tables: dict[str, pd.DataFrame] = {}
    tables["network"] = analysis.network.to_frame()
    actors = network.actors[[c for c in network.actors.columns
                             if c != "contact" and not c.startswith("_")]].copy()
    kf = analysis.sections.get("key_figures")
    scores = getattr(kf, "scores", None) if kf is not None else None
    if isinstance(scores, pd.DataFrame) and not scores.empty:
        key = "id" if "id" in scores.columns else None
        score_frame = scores if key else scores.reset_index().rename(columns={"index": "id"})
        extra = [c for c in score_frame.columns if c == "id" or c not in actors.columns]
        actors = actors.merge(score_frame[extra], on="id", how="left")
    tables["actors"] = actors
    rel = network.tables.relations
    if len(rel):
        names = dict(zip(network.actors["id"], network.actors["name"], strict=True))
        rel = rel[[c for c in rel.columns if not c.startswith("_")]].copy()
        rel.insert(2, "source_name", rel["source"].map(names))
        rel.insert(3, "target_name", rel["target"].map(names))
        tables["relations"] = rel
    for name, result in analysis.sections.items():
        frame = _frame(result)
        if name == "key_figures" and not frame.empty and "id" in frame.columns:
            reasons_fn = getattr(result, "reasons", None)
            if callable(reasons_fn) and "reasons" not in frame.columns:
                frame = frame.copy()

                def why(actor: str, fn: Any = reasons_fn) -> str:
                    try:
                        got = fn(actor, lang)
                    except Exception:  # noqa: BLE001
                        return ""
                    return got if isinstance(got, str) else "; ".join(str(r) for r in got)

                frame["reasons"] = [why(a) for a in frame["id"]]
        tables[name] = frame
        if name == "domains":
            from wijkgraph.render.report import _mixing_matrix

            matrix = _mixing_matrix(result)
            if matrix is not None:
                m = matrix.copy()
                m.index = [str(i) for i in m.index]
                tables["mixing"] = m.reset_index(names="domain")
    warnings = list(network.warnings)
    if warnings:
        tables["warnings"] = pd.DataFrame(
            [{"file": Path(str(p.file)).name if p.file else "", "sheet": p.sheet or "",
              "row": p.row, "column": p.column or "", "message": p.message(lang)}
             for p in warnings])
    order = [k for k in ORDER if k in tables] + sorted(k for k in tables if k not in ORDER)
    return [(k, tables[k]) for k in order]


_HEADER_EXTRA: dict[str, tuple[str, str]] = {
    "file": ("bestand", "file"), "sheet": ("blad", "sheet"), "row": ("rij", "row"),
    "column": ("kolom", "column"), "message": ("melding", "message"),
    "directed": ("gericht", "directed"),
}


def _header(column: Any, lang: str) -> str:
    if column in _HEADER_EXTRA:
        nl, en = _HEADER_EXTRA[column]
        return en if lang == "en" else nl
    return column_label(str(column), lang)


def build_workbook(network: WijkNetwork, analysis: Any, lang: str = "nl") -> Any:
    """The openpyxl Workbook of `workbook_tables` (not yet saved)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    taken: set[str] = set()
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DCE6F1")
    for key, frame in workbook_tables(network, analysis, lang):
        ws = wb.create_sheet(_sheet_title(key, lang, taken))
        columns = list(frame.columns)
        headers = [cell_value(_header(c, lang)) for c in columns] or ["-"]
        ws.append(headers)
        for cell in ws[1]:
            cell.font = bold
            cell.fill = fill
            cell.alignment = Alignment(vertical="top", wrap_text=True)
        widths = [len(str(h)) for h in headers]
        for rec in frame.itertuples(index=False):
            row = [cell_value(v, lang) for v in rec]
            ws.append(row)
            r = ws.max_row
            for j, value in enumerate(row):
                if isinstance(value, str):
                    widths[j] = max(widths[j], min(len(value), 80))
                    if value.startswith(_FORMULA_START):
                        cell = ws.cell(row=r, column=j + 1)
                        cell.data_type = "s"
                        cell.quotePrefix = True
                elif value is not None:
                    widths[j] = max(widths[j], len(str(value)))
        for j, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(j)].width = max(8, min(width + 2, 60))
        ws.freeze_panes = "A2"
        if columns:
            ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(ws.max_row, 1)}"
    props = wb.properties
    props.creator = "wijkgraph"
    props.lastModifiedBy = "wijkgraph"
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.title = str(analysis.meta.get("name", ""))
    return wb


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps and a fixed entry order (byte-identical output)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def tables_xlsx_bytes(network: WijkNetwork, analysis: Any, lang: str = "nl") -> bytes:
    """``tables.xlsx`` as bytes (deterministic)."""
    from openpyxl.writer.excel import ExcelWriter

    wb = build_workbook(network, analysis, lang)
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).write_data()  # save_workbook() would stamp "now"
    return _normalise_zip(raw.getvalue())


def write_tables_xlsx(network: WijkNetwork, analysis: Any, folder: Path, lang: str) -> Path:
    """Writer for `wijkgraph.render.outputs`: ``tables.xlsx``."""
    from wijkgraph._files import atomic_write

    path = Path(folder) / "tables.xlsx"
    atomic_write(path, tables_xlsx_bytes(network, analysis, lang))
    return path


def sheet_names(network: WijkNetwork, analysis: Any, lang: str = "nl") -> list[str]:
    """The sheet titles `tables.xlsx` will have, in order (for tests and docs)."""
    taken: set[str] = set()
    return [_sheet_title(k, lang, taken) for k, _ in workbook_tables(network, analysis, lang)]


def iter_text_cells(path: str | Path) -> Iterable[tuple[str, str, Any, str]]:
    """Every cell of a written workbook: (sheet, coordinate, value, data_type)."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    yield ws.title, cell.coordinate, cell.value, cell.data_type
