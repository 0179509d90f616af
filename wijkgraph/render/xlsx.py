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
tests. The sheets' XML is made a block of rows at a time (`wijkgraph.render.xlsx_sheet`)
and zipped straight into the file as it comes (`write_tables_xlsx`): neither the
workbook nor a sheet's text is ever in memory as a whole (100,000 actors: 66 MB at most
beside the analysis, against 451 MB when the workbook was made in memory).

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

import datetime as dt
import io
import queue
import re
import tempfile
import threading
import zipfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple

import pandas as pd

from wijkgraph._files import atomic_file
from wijkgraph.analysis._summary import column_label, localise_columns
from wijkgraph.i18n import NP_, translator
from wijkgraph.model.network import WijkNetwork
from wijkgraph.render.xlsx_sheet import (
    BLOCK,
    cell_value,
    column_letter,
    esc,
    known_widths,
    sheet_head,
    sheet_rows,
    sheet_tail,
)

if TYPE_CHECKING:
    from wijkgraph.analysis.run import Analysis

FIXED_TIME = dt.datetime(2000, 1, 1, 0, 0, 0)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
MAX_COLUMNS = 16_384  # Excel's limit per sheet
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
    # no copies: a copy touches every text of the table (and so, in a forked writer,
    # copies the memory pages that hold them)
    actors = network.actors[[c for c in network.actors.columns
                             if c != "contact" and not c.startswith("_")]]
    scores = analysis.key_figures.per_actor  # one row per actor, with its "id" as a column
    if not scores.empty:
        extra = [c for c in scores.columns if c == "id" or c not in actors.columns]
        actors = actors.merge(scores[extra], on="id", how="left")
    tables["actors"] = actors
    rel = network.tables.relations
    if len(rel):
        names = dict(zip(network.actors["id"], network.actors["name"], strict=True))
        rel = rel[[c for c in rel.columns if not c.startswith("_")]]
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
#: Deflate level of the parts: 1 compresses three times faster than zlib's default 6
#: (1.1 s against 3.2 s for the 170 MB of XML of 30,000 actors) for a file 28% larger.
COMPRESS_LEVEL = 1
#: Bytes copied at a time from a spooled sheet into the workbook.
_COPY = 1 << 20

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


def _absolute(ref: str) -> str:
    """``A1:K62`` -> ``$A$1:$K$62``.

    >>> _absolute("A1:K62")
    '$A$1:$K$62'
    """
    return re.sub(r"([A-Z]+)(\d+)", r"$\1$\2", ref)


class Sheet(NamedTuple):
    """A sheet to write: its title, its table and the headers of the table's columns."""

    name: str
    frame: pd.DataFrame
    headers: list[str]

    @property
    def ref(self) -> str:
        """The sheet's range, header row included (``A1:K62``)."""
        return f"A1:{column_letter(len(self.headers))}{len(self.frame) + 1}"


def _sheet_parts(sheet: Sheet, lang: str, spool_dir: str | Path | None) -> Iterator[bytes]:
    """The XML of a sheet as UTF-8 pieces, in file order.

    The head holds the column widths. A sheet of one block is made before its head; a
    larger one whose widths are cheap to know beforehand (`known_widths`: integers,
    booleans and texts, as the relations) is streamed block by block after its head; the
    rows of any other large sheet (the actors, with their scores) are first written to an
    unnamed temporary file in `spool_dir` (gone when closed, also after a crash) and
    copied after the head. A sheet's text is never in memory as a whole.
    """
    widths = [0] * max(len(sheet.headers), 1)
    known = known_widths(sheet.frame) if len(sheet.frame) > BLOCK else None
    if known is not None:
        widths[:len(known)] = known
    rows = sheet_rows(sheet.frame, sheet.headers, lang, widths)
    if known is not None:
        first = next(rows)  # the header row: its widths count too
        told = list(widths)
        yield sheet_head(told, sheet.ref).encode("utf-8")
        yield first.encode("utf-8")
        for part in rows:
            yield part.encode("utf-8")
        if widths != told:  # `known_widths` and `sheet_rows` disagree: a bug
            raise AssertionError(f"column widths {told} written, {widths} found")
    elif len(sheet.frame) <= BLOCK:
        made = [part.encode("utf-8") for part in rows]
        yield sheet_head(widths, sheet.ref).encode("utf-8")
        yield from made
    else:
        with tempfile.TemporaryFile(dir=spool_dir) as spool:
            for part in rows:
                spool.write(part.encode("utf-8"))
            yield sheet_head(widths, sheet.ref).encode("utf-8")
            spool.seek(0)
            while chunk := spool.read(_COPY):
                yield chunk
    yield sheet_tail(sheet.ref).encode("utf-8")


#: Made pieces waiting for the compressing thread (`_write_behind`), at most.
_QUEUED = 4


def _write_behind(write: Callable[[bytes], Any], chunks: Iterable[bytes]) -> None:
    """``write(chunk)`` for each of `chunks`, in order, in a second thread while this one
    makes the next chunks: zlib lets go of Python's lock while it compresses, so the
    compressing (a third of the work) runs on another core when one is free. The bytes
    written are the same; at most `_QUEUED` chunks wait. An error in either thread stops
    both and is raised here.

    >>> got = []
    >>> _write_behind(got.append, (bytes([k]) for k in range(5)))
    >>> got == [bytes([k]) for k in range(5)]
    True
    """
    waiting: queue.Queue[bytes | None] = queue.Queue(maxsize=_QUEUED)
    failed: list[BaseException] = []

    def drain() -> None:
        try:
            while (chunk := waiting.get()) is not None:
                write(chunk)
        except BaseException as exc:  # handed to the making thread
            failed.append(exc)
            while waiting.get() is not None:  # let the maker go on to its end
                pass

    thread = threading.Thread(target=drain, name="wijkgraph-xlsx-zip", daemon=True)
    thread.start()
    try:
        for chunk in chunks:
            if failed:
                break
            waiting.put(chunk)
    finally:
        waiting.put(None)
        thread.join()
    if failed:
        raise failed[0]


def _package(sheets: list[Sheet], title: str, out: IO[bytes], lang: str = "nl", *,
             spool_dir: str | Path | None = None) -> None:
    """Zip the parts of a workbook into `out` (a seekable binary file), sheet by sheet.

    A sheet's XML is made when its turn comes, written to the zip a piece at a time and
    its table let go once zipped (`sheets` is emptied), so at most a block of rows is in
    memory at a time (`_sheet_parts`).
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
        f'XMLSchema-instance"><dc:title>{esc(title)}</dc:title><dc:creator>wijkgraph'
        '</dc:creator><cp:lastModifiedBy>wijkgraph</cp:lastModifiedBy>'
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        '</cp:coreProperties>'
    )
    app = (_XML_HEAD + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/'
           '2006/extended-properties"><Application>wijkgraph</Application></Properties>')
    sheet_list = "".join(f'<sheet name="{esc(name)}" sheetId="{k}" r:id="rId{k}"/>'
                         for k, (name, _f, _h) in enumerate(sheets, start=1))
    defined = "".join(
        f'<definedName name="_xlnm._FilterDatabase" localSheetId="{k}" hidden="1">'
        + esc("'" + name.replace("'", "''") + "'!" + _absolute(ref))
        + "</definedName>"
        for k, (name, ref) in enumerate((s.name, s.ref) for s in sheets))
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
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        def entry(name: str, chunks: Iterable[bytes]) -> None:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            # zipfile's only handle on the level of one entry (``compress_level`` from 3.13)
            info._compresslevel = COMPRESS_LEVEL  # type: ignore[attr-defined]
            with archive.open(info, "w") as member:
                _write_behind(member.write, chunks)

        for name, text in parts:
            entry(name, [text.encode("utf-8")])
        for k in range(1, n + 1):
            sheet = sheets.pop(0)  # its table is let go once it is written
            entry(f"xl/worksheets/sheet{k}.xml", _sheet_parts(sheet, lang, spool_dir))
            del sheet


def _sheets(network: WijkNetwork, analysis: Analysis, lang: str) -> list[Sheet]:
    """The sheets of the workbook, in order, with their titles, tables and headers."""
    taken: set[str] = set()
    titles = _section_titles(analysis, lang)
    sheets = []
    for key, frame in workbook_tables(network, analysis, lang):
        frame = frame.iloc[:, :MAX_COLUMNS]  # Excel drops what lies beyond (readers refuse it)
        headers = [cell_value(_header(c, lang)) or "-" for c in frame.columns] or ["-"]
        sheets.append(Sheet(_sheet_title(key, lang, taken, titles), frame, headers))
    return sheets


def _title(analysis: Analysis) -> str:
    return str(analysis.meta.get("title") or analysis.meta.get("name", ""))


def tables_xlsx_bytes(network: WijkNetwork, analysis: Analysis, lang: str = "nl") -> bytes:
    """``tables.xlsx`` as bytes (deterministic; written directly as SpreadsheetML).

    openpyxl took about 40 µs per cell (a city network has millions of cells), so the
    workbook is written with plain string building; tests read it back with openpyxl.
    """
    out = io.BytesIO()
    _package(_sheets(network, analysis, lang), _title(analysis), out, lang)
    return out.getvalue()


def write_tables_xlsx(network: WijkNetwork, analysis: Analysis, folder: Path, lang: str) -> Path:
    """Writer for `wijkgraph.render.outputs`: ``tables.xlsx``, streamed into the file (the
    same bytes as `tables_xlsx_bytes`; large sheets spooled beside it, see `_sheet_parts`)."""
    path = Path(folder) / "tables.xlsx"
    sheets = _sheets(network, analysis, lang)
    with atomic_file(path) as fh:
        _package(sheets, _title(analysis), fh, lang, spool_dir=path.parent)
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
