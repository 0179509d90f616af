"""The wijkgraph workbook (.xlsx): sheets actoren, relaties, overleggen, deelnames.

Reading finds the sheets by their Dutch or English name, the header in the first rows,
and remembers for every row where it came from (file, sheet, row as Excel shows it); a
formula without a stored result or an Excel error value is a problem of its cell.
Checking the values is `wijkgraph.model.tables.validate`. Writing uses the Dutch sheet
and column names that `wijkgraph template` uses too.

Examples
--------
>>> import tempfile, pathlib
>>> from wijkgraph.sources.bundled import load_dataset
>>> net = load_dataset("driehoek")
>>> path = write_workbook(net, pathlib.Path(tempfile.mkdtemp()) / "net.xlsx")
>>> sorted(read_raw_workbook(path))
['actors', 'meetings', 'participation', 'relations']
>>> read_workbook(path).n_relations == net.n_relations
True
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from wijkgraph._files import atomic_write
from wijkgraph.errors import Problem
from wijkgraph.i18n import MESSAGES, N_, register
from wijkgraph.io._cells import (
    EXCEL_ERRORS,
    HEADER_SEARCH_ROWS,
    WORKBOOK_SUFFIXES,
    cell_text,
    clean_text,
    excel_column,
    has_formulas,
    open_workbook,
    sheet_rows,
)
from wijkgraph.io._format import Format
from wijkgraph.io._info import read_info_workbook
from wijkgraph.io._raw import cells_to_raw, file_meta, finish_raw
from wijkgraph.io._records import attribute_columns, export_records, joined, workbook_bytes
from wijkgraph.model.network import WijkNetwork, build_network
from wijkgraph.model.schema import canonical_table, squash
from wijkgraph.model.tables import (
    ACTOR_COLUMNS,
    MEETING_COLUMNS,
    PARTICIPATION_COLUMNS,
    RELATION_COLUMNS,
    RawTable,
    Tables,
    validate,
)

if "problem.hidden_sheet" not in MESSAGES:
    register({
        "problem.hidden_sheet": N_(
            "This sheet is hidden in Excel; it is read as table '{table}'. Show it in Excel "
            "(right-click a sheet tab, Unhide) to check what it holds."),
        "problem.hidden_duplicate": N_(
            "This hidden sheet is table '{table}' too; the visible sheet '{used}' is read."),
        "problem.boolean_name": N_(
            "'{value}' was a yes/no value (TRUE/FALSE) in Excel, not a name. Set the column "
            "to 'Text' in Excel and type the value again."),
    })

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
_COLUMNS = {"actors": ACTOR_COLUMNS, "relations": RELATION_COLUMNS,
            "meetings": MEETING_COLUMNS, "participation": PARTICIPATION_COLUMNS}


# --- reading ------------------------------------------------------------------------------


def read_raw_workbook(path: str | Path) -> dict[str, RawTable]:
    """The raw tables of a workbook; raise ValidationError listing every problem."""
    path = Path(path)
    with open_workbook(path, data_only=True) as wb_values, \
            open_workbook(path, data_only=False) as wb_formulas:
        tables, problems, found = _read_sheets(path, wb_values, wb_formulas)
    return finish_raw(path, tables, problems, set(tables), found)


def read_workbook(path: str | Path, *, meeting_ties: bool = False) -> WijkNetwork:
    """Read and validate a wijkgraph workbook into a `WijkNetwork`."""
    path = Path(path)
    tables = validate(read_raw_workbook(path), source=str(path))
    return build_network(tables, meeting_ties=meeting_ties,
                         meta=file_meta(path, info=read_info_workbook(path)))


def _read_sheets(path: Path, wb_values: Any, wb_formulas: Any,
                 ) -> tuple[dict[str, RawTable], list[Problem], list[str]]:
    """Read the sheet of every table; a visible sheet wins over a hidden one of that table."""
    tables: dict[str, RawTable] = {}
    problems: list[Problem] = []
    used: dict[str, str] = {}
    sheetnames = list(wb_values.sheetnames)
    hidden = {name for name in sheetnames
              if getattr(wb_values[name], "sheet_state", "visible") != "visible"}
    for sheet in sorted(sheetnames, key=lambda name: name in hidden):  # visible first
        table = canonical_table(sheet)
        if table is None:
            continue
        shown = clean_text(sheet)  # the name in messages: no bidi override or control char
        if table in tables:
            code = "problem.hidden_duplicate" if sheet in hidden else "problem.duplicate_table"
            problems.append(Problem(code, file=path.name, sheet=shown, severity="warning",
                                    params={"table": table, "used": used[table]}))
            continue
        ws_values, ws_formulas = wb_values[sheet], wb_formulas[sheet]
        if not hasattr(ws_values, "iter_rows"):  # a chart sheet
            continue
        cells, cell_problems, booleans = _sheet_cells(ws_values, ws_formulas, path.name, shown)
        raw = cells_to_raw(table, path.name, shown, cells)
        if cell_problems:  # rows emptied by formulas are not 'no relations'
            raw.problems = [p for p in raw.problems if p.code != "problem.no_relations"]
        raw.problems.extend(cell_problems)
        raw.problems.extend(_boolean_names(raw, cells, booleans))
        if sheet in hidden:
            raw.problems.append(Problem("problem.hidden_sheet", file=path.name, sheet=shown,
                                        severity="warning", params={"table": table}))
        tables[table] = raw
        used[table] = shown
    return tables, problems, sheetnames


def _sheet_cells(ws_values: Any, ws_formulas: Any, file: str, sheet: str
                 ) -> tuple[list[list[str]], list[Problem], set[tuple[int, int]]]:
    """Cells (as text), the problems of single cells, and where Excel booleans are.

    Values and formulas come from two readings of the sheet (`sheet_rows`), joined by
    row number; booleans are (row number, 0-based column) pairs.
    """
    cells: list[list[str]] = []
    problems: list[Problem] = []
    booleans: set[tuple[int, int]] = set()
    header: list[str] = []  # the first row with text: names the columns in messages

    def where(c: int) -> str:
        name = header[c].strip() if c < len(header) else ""
        return f"{name} ({excel_column(c)})" if name else excel_column(c)

    formulas = (sheet_rows(ws_formulas, file=file, sheet=sheet) if has_formulas(ws_formulas)
                else iter(()))
    pending: tuple[int, list[Any]] | None = next(formulas, None)
    for r, (vrow, frow) in _joined_rows(sheet_rows(ws_values, file=file, sheet=sheet),
                                        formulas, pending):
        row = []
        for c in range(max(len(vrow), len(frow))):
            v = vrow[c] if c < len(vrow) else None
            f = frow[c] if c < len(frow) else None
            if v is None and isinstance(f, str) and f.startswith("="):
                problems.append(Problem("problem.formula", file=file, sheet=sheet, row=r,
                                        column=where(c), params={"value": f[:40]}))
            elif isinstance(v, str) and v.strip() in EXCEL_ERRORS:
                problems.append(Problem("problem.excel_error", file=file, sheet=sheet, row=r,
                                        column=where(c), params={"value": v.strip()}))
                v = None
            elif isinstance(v, bool):
                booleans.add((r, c))
            row.append(cell_text(v))
        cells.extend([] for _ in range(r - 1 - len(cells)))
        cells.append(row)
        if not header and any(x.strip() for x in row):
            header = row
    return cells, problems, booleans


def _joined_rows(values: Iterator[tuple[int, list[Any]]],
                 formulas: Iterator[tuple[int, list[Any]]],
                 pending: tuple[int, list[Any]] | None,
                 ) -> Iterator[tuple[int, tuple[list[Any], list[Any]]]]:
    """Rows of two readings of one sheet joined by row number (either may lack a row).

    >>> list(_joined_rows(iter([(1, ["a"]), (3, ["c"])]), iter([(3, ["=C"])]), (2, ["=B"])))
    [(1, (['a'], [])), (2, ([], ['=B'])), (3, (['c'], ['=C']))]
    """
    for r, vrow in values:
        while pending is not None and pending[0] < r:
            yield pending[0], ([], pending[1])
            pending = next(formulas, None)
        if pending is not None and pending[0] == r:
            yield r, (vrow, pending[1])
            pending = next(formulas, None)
        else:
            yield r, (vrow, [])
    while pending is not None:
        yield pending[0], ([], pending[1])
        pending = next(formulas, None)


def _boolean_names(raw: RawTable, cells: list[list[str]],
                   booleans: set[tuple[int, int]]) -> list[Problem]:
    """A warning for every Excel boolean (TRUE/FALSE) read as an actor's name or id."""
    if not booleans or raw.table != "actors":
        return []
    problems = []
    for column in ("name", "id"):
        written = raw.headers.get(column)
        if written is None:
            continue
        header_row = next((i for i, row in enumerate(cells[:HEADER_SEARCH_ROWS])
                           if written in (squash(c) for c in row)), None)
        if header_row is None:
            continue
        c = [squash(x) for x in cells[header_row]].index(written)
        for r in raw.rows:
            if (r, c) in booleans:
                problems.append(Problem("problem.boolean_name", file=raw.file, sheet=raw.sheet,
                                        row=r, column=written, severity="warning",
                                        params={"value": cells[r - 1][c]}))
    return problems


# --- writing ------------------------------------------------------------------------------


def workbook_sheets(network: WijkNetwork | Tables, *, include_private: bool = False
                    ) -> dict[str, list[list[Any]]]:
    """The sheets of a wijkgraph workbook (Dutch sheet and column names) as rows."""
    rec = export_records(network, include_private=include_private)
    sheets: dict[str, list[list[Any]]] = {}
    for table in ("actors", "relations", "meetings", "participation"):
        records = rec[table]
        if table in ("meetings", "participation") and not records:
            continue
        cols = [c for c in _COLUMNS[table] if not (c == "contact" and not include_private)]
        cols += [c for c in attribute_columns(records, cols) if c != "meetings"]
        header = [NL_HEADERS[table].get(c, c) for c in cols]
        rows = [header]
        for r in records:
            row = []
            for c in cols:
                v = r.get(c, "")
                if c == "directed":
                    v = "ja" if v else "nee"
                row.append(joined(v, "; ") if isinstance(v, tuple) else v)
            rows.append(row)
        sheets[SHEET_NAMES[table]] = rows
    return sheets


def write_workbook(network: WijkNetwork | Tables, path: str | Path, *,
                   include_private: bool = False, force: bool = False,
                   extra_sheets: Mapping[str, list[list[Any]]] | None = None) -> Path:
    """Write a wijkgraph workbook (actoren, relaties, overleggen, deelnames) atomically."""
    path = Path(path)
    sheets = workbook_sheets(network, include_private=include_private)
    sheets.update(extra_sheets or {})
    atomic_write(path, workbook_bytes(sheets))
    return path


def _is_workbook(path: Path) -> bool:
    return path.is_file() and path.suffix.casefold() in WORKBOOK_SUFFIXES


FORMAT = Format("xlsx", (".xlsx",), sniff=_is_workbook, read=read_workbook,
                write=write_workbook)
"""The wijkgraph workbook: any .xlsx or .xlsm that is not Kumu's or a survey's
(`wijkgraph.io.FORMATS` asks those first)."""
