"""``tables.xlsx``: every table of the analysis in one workbook, to work on in Excel.

One sheet per table (actors with all their scores, key figures, missing parties, suggested
links, domain mixing, themes, communities, ... and every other section), headers in the
report's language, the header row frozen, filters on and column widths set.

Safe in Excel: text that starts with ``=``, ``+``, ``-`` or ``@`` is stored as a text
cell with Excel's quote prefix, so Excel never evaluates it as a formula (also not after
someone edits the cell). Characters XML cannot hold (control characters) are dropped.

Deterministic: the workbook's created/modified times and the zip entries' timestamps are
fixed, so the same analysis gives a byte-identical file. The workbook is written directly
as SpreadsheetML (openpyxl was too slow for city networks); openpyxl reads it back in the
tests. A cell right after a full column leaves out its optional ``r`` reference (28% less
to compress for a city); full columns are written with one ``%`` template for all rows.

Examples
--------
>>> import io
>>> from openpyxl import load_workbook
>>> from wijkgraph.sources.bundled import load_dataset
>>> from wijkgraph.analysis.run import analyse
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
from collections.abc import Callable, Iterable
from functools import partial
from itertools import chain
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from wijkgraph._files import atomic_write
from wijkgraph.analysis._summary import column_label, fmt_cell, localise_columns
from wijkgraph.i18n import NP_, translator
from wijkgraph.model.network import WijkNetwork

if TYPE_CHECKING:
    from wijkgraph.analysis.run import Analysis

FIXED_TIME = dt.datetime(2000, 1, 1, 0, 0, 0)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
MAX_COLUMNS = 16_384  # Excel's limit per sheet
_FORMULA_START = ("=", "+", "-", "@")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")

#: Sheet titles (English msgids, context "sheet") by table key; other sections get their
#: own name.
SHEETS: dict[str, str] = {
    "network": NP_("sheet", "Network"),
    "actors": NP_("sheet", "Actors"),
    "relations": NP_("sheet", "Relations"),
    "key_figures": NP_("sheet", "Key figures"),
    "brokerage": NP_("sheet", "Brokers"),
    "missing_parties": NP_("sheet", "Missing parties"),
    "missing_links": NP_("sheet", "Suggested links"),
    "domains": NP_("sheet", "Domains"),
    "mixing": NP_("sheet", "Domain mixing"),
    "themes": NP_("sheet", "Themes"),
    "communities": NP_("sheet", "Communities"),
    "resilience": NP_("sheet", "Vulnerability"),
    "triads": NP_("sheet", "Driehoek"),
    "meetings": NP_("sheet", "Meetings"),
    "roles": NP_("sheet", "Roles"),
    "warnings": NP_("sheet", "Warnings"),
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


def _sheet_title(key: str, lang: str, taken: set[str], titles: dict[str, str]) -> str:
    """The sheet's name: from `SHEETS`, else the section's title in the report (`titles`)."""
    name = translator(lang).pgettext("sheet", SHEETS[key]) if key in SHEETS \
        else titles.get(key) or key.replace("_", " ")
    base = _SHEET_BAD.sub(" ", name)[:31].strip() or "Blad"
    title, k = base, 2
    while title.casefold() in taken:
        suffix = f" {k}"
        title, k = base[: 31 - len(suffix)] + suffix, k + 1
    taken.add(title.casefold())
    return title


def _frame(result: Any, lang: str = "nl") -> pd.DataFrame:
    """The table of a result for people, with only the `lang` version of two-language columns.

    A result whose rows carry words (reasons, labels) defines ``table(lang)``: its
    ``to_frame()`` (codes and numbers) with those words in `lang`; the others give
    ``to_frame()``.
    """
    frame = result.table(lang) if callable(getattr(type(result), "table", None)) \
        else result.to_frame()
    return localise_columns(frame, lang)


def _section_titles(analysis: Analysis, lang: str) -> dict[str, str]:
    """The report title of every section without a sheet name in `SHEETS`."""
    return {name: result.summary(lang).title for name, result in analysis.sections()
            if name not in SHEETS and name != "overview"}


def workbook_tables(network: WijkNetwork, analysis: Analysis, lang: str = "nl"
                    ) -> list[tuple[str, pd.DataFrame]]:
    """The tables of the workbook, in sheet order: (key, frame) pairs.

    The actors table carries every per-actor score the analyses returned (the key
    figures' ``scores``); contact details are never included.
    """
    tables: dict[str, pd.DataFrame] = {}
    tables["network"] = analysis.overview.to_frame()
    actors = network.actors[[c for c in network.actors.columns
                             if c != "contact" and not c.startswith("_")]].copy()
    scores = analysis.key_figures.scores  # one row per actor, with its "id" as a column
    if not scores.empty:
        extra = [c for c in scores.columns if c == "id" or c not in actors.columns]
        actors = actors.merge(scores[extra], on="id", how="left")
    tables["actors"] = actors
    rel = network.tables.relations
    if len(rel):
        names = dict(zip(network.actors["id"], network.actors["name"], strict=True))
        rel = rel[[c for c in rel.columns if not c.startswith("_")]].copy()
        rel.insert(2, "source_name", rel["source"].map(names))
        rel.insert(3, "target_name", rel["target"].map(names))
        tables["relations"] = rel
    for name, result in analysis.sections():
        if name == "overview":
            continue
        frame = _frame(result, lang)
        if name == "key_figures" and not frame.empty and "reasons" not in frame.columns:
            # a list per actor: a cell of the reasons joined by commas (`cell_value`)
            frame = frame.assign(reasons=[analysis.key_figures.reasons(a, lang)
                                          for a in frame["id"]])
        tables[name] = frame
        if name == "domains" and not analysis.domains.mixing.empty:
            m = analysis.domains.mixing.copy()
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


#: Headers of the workbook's own columns (warnings, relations), context "column".
_HEADER_EXTRA: dict[str, str] = {
    "file": NP_("column", "file"), "sheet": NP_("column", "sheet"), "row": NP_("column", "row"),
    "column": NP_("column", "column"), "message": NP_("column", "message"),
    "directed": NP_("column", "directed"),
}


def _header(column: Any, lang: str) -> str:
    if column in _HEADER_EXTRA:
        return translator(lang).pgettext("column", _HEADER_EXTRA[column])
    return column_label(str(column), lang)


_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAX_CELL = 32767  # Excel's limit on the length of a text cell
_INF = float("inf")
#: Deflate level of the parts: 1 compresses three times faster than zlib's default 6
#: (1.1 s against 3.2 s for the 170 MB of XML of 30,000 actors) for a file 28% larger.
COMPRESS_LEVEL = 1

_STYLES = (
    _XML_HEAD + f'<styleSheet xmlns="{_MAIN_NS}">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="3"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="FFDCE6F1"/><bgColor indexed="64"/>'
    '</patternFill></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" '
    'applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/>'
    '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
    '</cellStyles></styleSheet>'
)
_HEADER_STYLE, _TEXT_STYLE = 1, 2  # bold header; text with Excel's quote prefix


def _esc(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def _absolute(ref: str) -> str:
    """``A1:K62`` -> ``$A$1:$K$62``.

    >>> _absolute("A1:K62")
    '$A$1:$K$62'
    """
    return re.sub(r"([A-Z]+)(\d+)", r"$\1$\2", ref)


def _column_letter(index: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _cell_xml(ref: str, value: Any, style: int = 0) -> tuple[str, int]:
    """One <c> element and the width its content asks for."""
    if value is None:
        return "", 0
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>', 5
    if isinstance(value, int | float):
        text = repr(value) if isinstance(value, float) else str(value)
        return f'<c r="{ref}"><v>{text}</v></c>', len(text)
    text = str(value)[:_MAX_CELL]
    if text.startswith(_FORMULA_START) and not style:
        style = _TEXT_STYLE
    s_attr = f' s="{style}"' if style else ""
    space = ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""
    return (f'<c r="{ref}" t="inlineStr"{s_attr}><is><t{space}>{_esc(text)}</t></is></c>',
            min(len(text), 80))


#: Rows of a sheet turned into XML at a time (the cells of one block live at once).
_BLOCK = 20_000
#: A text starting or ending with one of these takes the careful path of `_cell_xml`.
_PLAIN_HEAD, _PLAIN_TAIL = "=+-@ \t\n", " \t\n"
_HEADS, _TAILS = frozenset(_PLAIN_HEAD), frozenset(_PLAIN_TAIL)
#: `_ILLEGAL` without \x01, which separates the texts of a column while they are cleaned.
_ILLEGAL_BUT_SEP = re.compile(r"[\x00\x02-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _plain_texts(texts: list[str]) -> tuple[list[str], int]:
    """Plain texts cleaned and escaped for ``<t>``, all at once, and the longest (≤ 80).

    The texts are joined with \x01 (a character a cell cannot hold), cleaned and escaped
    as one string and split again: a few C-level passes instead of six calls per cell.
    """
    if texts and all(map(str.isprintable, texts)):
        # no control character (the usual case): nothing to clean, perhaps nothing to escape
        width = min(max(map(len, texts)), 80)
        joined = "\x01".join(texts)
        if not any(c in joined for c in '&<>"'):
            return texts, width
        return _esc(joined).split("\x01"), width
    joined = "\x01".join(texts)
    if joined.count("\x01") != len(texts) - 1:  # a text holds \x01 itself: one by one
        cleaned = [_ILLEGAL.sub("", t) for t in texts]
        return [_esc(t) for t in cleaned], min(max(map(len, cleaned)), 80)
    joined = _ILLEGAL_BUT_SEP.sub("", joined)
    width = min(max(map(len, joined.split("\x01"))), 80)
    return _esc(joined).split("\x01"), width


def _all_plain(values: list[str]) -> bool:
    """Are all these texts plain (not empty, no formula start or edge space, shorter than
    2000)? Their first and last characters are collected as sets, at C speed.

    >>> _all_plain(["a", "b c"]), _all_plain(["a", "=1"]), _all_plain(["a ", "b"])
    (True, False, False)
    """
    if not all(values) or max(map(len, values)) >= 2000:
        return False
    return not (set(map(itemgetter(0), values)) & _HEADS
                or set(map(itemgetter(-1), values)) & _TAILS)


def _column_parts(column: pd.Series, letter: str, rows: list[str], lang: str, *,
                  ref: bool = True) -> tuple[str, list[list[Any]], int]:
    """One column as a piece of the rows' ``%`` template, the piece's arguments (a list
    per ``%s``, one item per row) and the width the column asks for.

    A column of finite numbers, booleans or plain texts is one cell template with the row
    number and the value; any other column gives its finished cells (`_column_cells`).
    The cells are the same either way.

    >>> piece, args, width = _column_parts(pd.Series(["x", "y&z"]), "B", ["2", "3"], "nl")
    >>> cells = _column_cells(pd.Series(["x", "y&z"]), "B", ["2", "3"], "nl")[0]
    >>> piece % (args[0][1], args[1][1]) == cells[1], width
    (True, 3)
    """
    values = column.tolist()  # plain Python scalars
    kind = column.dtype.kind if isinstance(column.dtype, np.dtype) else "O"
    cell, at = (f'<c r="{letter}%s"', [rows]) if ref else ("<c", [])
    if values and kind == "b":
        return cell + ' t="b"><v>%d</v></c>', [*at, values], 5
    if values and kind in "iu":
        return cell + "><v>%d</v></c>", [*at, values], \
            max(len(str(max(values))), len(str(min(values))))
    if values and kind == "f" and np.isfinite(column.to_numpy()).all():
        texts = list(map(float.__repr__, values))
        return cell + "><v>%s</v></c>", [*at, texts], max(map(len, texts))
    types = set(map(type, values)) if kind == "O" else set()
    if values and types == {str} and _all_plain(values):
        texts, width = _plain_texts(values)
        return cell + ' t="inlineStr"><is><t>%s</t></is></c>', [*at, texts], width
    if str in types and types <= {str, float, type(None)}:  # texts with gaps (None, NaN)
        present = [i for i, v in enumerate(values) if type(v) is str]
        if all(v is None or v != v for v in values if type(v) is not str) \
                and _all_plain(plain := [values[i] for i in present]):
            texts, width = _plain_texts(plain)
            template = f'<c r="{letter}%s" t="inlineStr"><is><t>%s</t></is></c>'
            cells = [""] * len(values)
            for i, text in zip(present, texts, strict=True):
                cells[i] = template % (rows[i], text)
            return "%s", [cells], width
    cells, width = _column_cells(column, letter, rows, lang)
    return "%s", [cells], width


def _column_cells(column: pd.Series, letter: str, rows: list[str], lang: str
                  ) -> tuple[list[str], int]:
    """The <c> elements of one column (``""`` for an empty cell) and the width it asks for.

    Numbers, booleans and plain texts are formatted column by column; everything else
    (lists, texts that look like formulas or carry edge spaces) goes through `cell_value`
    and `_cell_xml`.
    """
    prefix = f'<c r="{letter}'
    values = column.tolist()  # plain Python scalars
    kind = column.dtype.kind if isinstance(column.dtype, np.dtype) else "O"
    if kind == "b":
        return [f'{prefix}{r}" t="b"><v>{int(v)}</v></c>' for r, v in zip(rows, values, strict=True)], \
            5 if values else 0
    if kind in "iu":
        texts = list(map(str, values))
        return [f'{prefix}{r}"><v>{t}</v></c>' for r, t in zip(rows, texts, strict=True)], \
            max(map(len, texts), default=0)
    if kind == "f":
        texts = [repr(v) if v == v and v != _INF and v != -_INF else "" for v in values]
        return [f'{prefix}{r}"><v>{t}</v></c>' if t else "" for r, t in zip(rows, texts, strict=True)], \
            max(map(len, texts), default=0)
    out = [""] * len(values)
    width = 0
    plain: list[int] = []
    plain_texts: list[str] = []
    empty = '" t="inlineStr"><is><t></t></is></c>'
    for i, raw in enumerate(values):
        kind_of = type(raw)
        if (kind_of is tuple or kind_of is list) and all(type(v) is str for v in raw):
            raw = ", ".join([" ".join(v.split()) for v in raw])  # as `fmt_cell` joins them
            kind_of = str
        if kind_of is str:
            if not raw:
                out[i] = f"{prefix}{rows[i]}{empty}"
                continue
            if raw[0] not in _PLAIN_HEAD and raw[-1] not in _PLAIN_TAIL and len(raw) < 2000:
                plain.append(i)
                plain_texts.append(raw)
                continue
        elif kind_of is bool:
            out[i] = f'{prefix}{rows[i]}" t="b"><v>{int(raw)}</v></c>'
            width = max(width, 5)
            continue
        elif raw is None:
            continue
        elif kind_of is int or kind_of is float:
            if raw != raw or raw == _INF or raw == -_INF:
                continue
            text = repr(raw)
            out[i] = f'{prefix}{rows[i]}"><v>{text}</v></c>'
            width = max(width, len(text))
            continue
        elif isinstance(raw, float) and raw != raw:
            continue
        xml, w = _cell_xml(f"{letter}{rows[i]}", cell_value(raw, lang))
        out[i] = xml
        width = max(width, w)
    if plain:
        texts, w = _plain_texts(plain_texts)
        width = max(width, w)
        for i, text in zip(plain, texts, strict=True):
            out[i] = f'{prefix}{rows[i]}" t="inlineStr"><is><t>{text}</t></is></c>'
    return out, width


def _sheet_xml(frame: pd.DataFrame, headers: list[str], lang: str) -> list[str]:
    """A worksheet's XML as a list of parts (head, blocks of rows, tail) to stream."""
    n_cols = max(len(headers), 1)
    last_col = _column_letter(n_cols)
    letters = [_column_letter(j) for j in range(1, n_cols + 1)]
    widths = [0] * n_cols
    cells = []
    for j, header in enumerate(headers):
        xml, width = _cell_xml(f"{letters[j]}1", header, _HEADER_STYLE)
        cells.append(xml)
        widths[j] = max(widths[j], width)
    blocks = [f'<row r="1">{"".join(cells)}</row>']
    n_rows = len(frame)
    for start in range(0, n_rows, _BLOCK):
        part = frame.iloc[start:start + _BLOCK]
        rows = [str(r) for r in range(start + 2, start + 2 + len(part))]
        pieces: list[str] = []
        args: list[list[Any]] = []
        for j in range(part.shape[1]):
            # a cell right after a full column (every row has a cell there) needs no "r"
            needs_ref = j > 0 and pieces[-1] == "%s"
            piece, column_args, width = _column_parts(part.iloc[:, j], letters[j], rows, lang,
                                                      ref=needs_ref)
            widths[j] = max(widths[j], width)
            pieces.append(piece)
            args += column_args
        # one `%` over the block's rows: much faster than a string per cell and row
        template = '<row r="%s">' + "".join(pieces) + "</row>"
        blocks.append("".join([template] * len(rows))
                      % tuple(chain.from_iterable(zip(rows, *args, strict=True))))
    r = n_rows + 1
    cols = "".join(f'<col min="{j}" max="{j}" width="{max(8, min(w + 2, 60))}" customWidth="1"/>'
                   for j, w in enumerate(widths, start=1))
    ref = f"A1:{last_col}{r}"
    head = (
        _XML_HEAD + f'<worksheet xmlns="{_MAIN_NS}" xmlns:r="{_REL_NS}">'
        f'<dimension ref="{ref}"/>'
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
        'activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" '
        'sqref="A2"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>'
        f'<cols>{cols}</cols><sheetData>'
    )
    return [head, *blocks, f'</sheetData><autoFilter ref="{ref}"/></worksheet>']


def _package(sheets: list[tuple[str, Callable[[], list[str]], str]], title: str) -> bytes:
    """Zip the parts of a workbook: sheets are (name, make its xml parts, filter range).

    A sheet's XML is made when its turn comes and dropped once zipped, so only one
    sheet's text is in memory at a time.
    """
    n = len(sheets)
    content_types = (
        _XML_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.sheet.main+xml"/>'
        + "".join(f'<Override PartName="/xl/worksheets/sheet{k}.xml" ContentType="application/'
                  'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                  for k in range(1, n + 1))
        + '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-'
        'package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType='
        '"application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>'
    )
    root_rels = (
        _XML_HEAD + f'<Relationships xmlns="{_PKG_REL}">'
        f'<Relationship Id="rId1" Type="{_REL_NS}/officeDocument" Target="xl/workbook.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/'
        'relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        f'<Relationship Id="rId3" Type="{_REL_NS}/extended-properties" '
        'Target="docProps/app.xml"/></Relationships>'
    )
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    core = (
        _XML_HEAD + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/'
        '2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/'
        f'XMLSchema-instance"><dc:title>{_esc(title)}</dc:title><dc:creator>wijkgraph'
        '</dc:creator><cp:lastModifiedBy>wijkgraph</cp:lastModifiedBy>'
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        '</cp:coreProperties>'
    )
    app = (_XML_HEAD + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/'
           '2006/extended-properties"><Application>wijkgraph</Application></Properties>')
    sheet_list = "".join(f'<sheet name="{_esc(name)}" sheetId="{k}" r:id="rId{k}"/>'
                         for k, (name, _x, _r) in enumerate(sheets, start=1))
    defined = "".join(
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="{k}" hidden="1">'
        + _esc("'" + name.replace("'", "''") + "'!" + _absolute(ref))
        + "</definedName>"
        for k, (name, _x, ref) in enumerate(sheets))
    workbook = (
        _XML_HEAD + f'<workbook xmlns="{_MAIN_NS}" xmlns:r="{_REL_NS}"><bookViews>'
        f'<workbookView activeTab="0"/></bookViews><sheets>{sheet_list}</sheets>'
        f'<definedNames>{defined}</definedNames></workbook>'
    )
    workbook_rels = (
        _XML_HEAD + f'<Relationships xmlns="{_PKG_REL}">'
        + "".join(f'<Relationship Id="rId{k}" Type="{_REL_NS}/worksheet" '
                  f'Target="worksheets/sheet{k}.xml"/>' for k in range(1, n + 1))
        + f'<Relationship Id="rId{n + 1}" Type="{_REL_NS}/styles" Target="styles.xml"/>'
        '</Relationships>'
    )
    parts = [("[Content_Types].xml", content_types), ("_rels/.rels", root_rels),
             ("docProps/app.xml", app), ("docProps/core.xml", core),
             ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", workbook_rels),
             ("xl/styles.xml", _STYLES)]
    fixed = [(name, lambda text=text: [text]) for name, text in parts]
    streamed = [(f"xl/worksheets/sheet{k}.xml", xml) for k, (_n, xml, _r) in enumerate(sheets, 1)]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, make in fixed + streamed:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            # zipfile's only handle on the level of one entry (``compress_level`` from 3.13)
            info._compresslevel = COMPRESS_LEVEL  # type: ignore[attr-defined]
            with archive.open(info, "w") as entry:
                for chunk in make():
                    entry.write(chunk.encode("utf-8"))
    return out.getvalue()


def tables_xlsx_bytes(network: WijkNetwork, analysis: Analysis, lang: str = "nl") -> bytes:
    """``tables.xlsx`` as bytes (deterministic; written directly as SpreadsheetML).

    openpyxl took about 40 µs per cell (a city network has millions of cells), so the
    workbook is written with plain string building; tests read it back with openpyxl.
    """
    taken: set[str] = set()
    titles = _section_titles(analysis, lang)
    sheets: list[tuple[str, Callable[[], list[str]], str]] = []
    for key, frame in workbook_tables(network, analysis, lang):
        frame = frame.iloc[:, :MAX_COLUMNS]  # Excel drops what lies beyond (readers refuse it)
        headers = [cell_value(_header(c, lang)) or "-" for c in frame.columns] or ["-"]
        xml = partial(_sheet_xml, frame, headers, lang)  # made when it is zipped
        ref = f"A1:{_column_letter(len(headers))}{len(frame) + 1}"
        sheets.append((_sheet_title(key, lang, taken, titles), xml, ref))
    return _package(sheets, str(analysis.meta.get("title") or analysis.meta.get("name", "")))


def write_tables_xlsx(network: WijkNetwork, analysis: Analysis, folder: Path, lang: str) -> Path:
    """Writer for `wijkgraph.render.outputs`: ``tables.xlsx``."""
    path = Path(folder) / "tables.xlsx"
    atomic_write(path, tables_xlsx_bytes(network, analysis, lang))
    return path


def sheet_names(network: WijkNetwork, analysis: Analysis, lang: str = "nl") -> list[str]:
    """The sheet titles `tables.xlsx` will have, in order (for tests and docs)."""
    taken: set[str] = set()
    titles = _section_titles(analysis, lang)
    return [_sheet_title(k, lang, taken, titles)
            for k, _ in workbook_tables(network, analysis, lang)]


def iter_text_cells(path: str | Path) -> Iterable[tuple[str, str, Any, str]]:
    """Every cell of a written workbook: (sheet, coordinate, value, data_type)."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    yield ws.title, cell.coordinate, cell.value, cell.data_type
