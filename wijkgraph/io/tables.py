"""Read the tables of a wijk network from an .xlsx workbook or a folder of CSV files.

This module only reads: it finds the sheets or files, sniffs CSV encoding and delimiter,
maps Dutch/English column names to canonical ones and remembers for every row where it
came from (file, sheet, row as Excel shows it). Checking the values is `wijkgraph.model.tables`.

Problems that make a file unreadable (binary data, broken quotes, a file too large, a
missing table) are collected for every file and raised together as a `ValidationError`;
nothing here ever lets a parser's own exception escape.

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "actors.csv").write_bytes("naam;domein\\nDOCK;welzijn\\n".encode("cp1252"))
>>> _ = (folder / "relations.csv").write_text("van,naar\\nDOCK,DOCK\\n")
>>> raw = read_raw_tables(folder)
>>> raw["actors"].frame.columns.tolist(), raw["actors"].rows
(['name', 'domain'], [2])
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl.utils.exceptions import InvalidFileException

from wijkgraph.errors import InputError, Problem, ValidationError
from wijkgraph.model.schema import (
    REQUIRED_TABLES,
    TABLE_ALIASES,
    TABLES,
    canonical_column,
    canonical_table,
    squash,
)

MAX_FILE_MB = 64
HEADER_SEARCH_ROWS = 10
CSV_SUFFIXES = frozenset({".csv", ".tsv", ".txt", ".tab"})
WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm"})
DELIMITERS = (",", ";", "\t")
EXCEL_ERRORS = frozenset({"#N/A", "#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!",
                          "#SPILL!", "#CALC!", "#GETTING_DATA"})
_DELIMITER_NAMES = {",": ",", ";": ";", "\t": "tab"}

# csv's default field limit (128 KiB) is below what a 64 MB file may hold in one cell.
csv.field_size_limit(MAX_FILE_MB * 1024 * 1024)


@dataclass
class RawTable:
    """One table as read: string cells under canonical column names, with provenance.

    `frame` has one column per header (canonical name when known, else the header as the
    user wrote it); `rows` holds the Excel-style row number of each frame row.
    """

    table: str
    file: str
    sheet: str | None
    frame: pd.DataFrame
    rows: list[int]
    headers: dict[str, str] = field(default_factory=dict)  # canonical -> as written
    problems: list[Problem] = field(default_factory=list)


def read_raw_tables(path: str | Path) -> dict[str, RawTable]:
    """Read all tables of a workbook or folder; raise ValidationError listing all problems.

    Problems that belong to no single table (a second file for the same table) are added
    to the actors table's `problems`, so that they reach `Tables.warnings`.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(Problem("problem.file_missing", params={"path": str(path)}))
    if path.is_dir():
        tables, problems, present = _read_folder(path)
        found = sorted(f.name for f in path.iterdir() if not f.name.startswith("."))
    elif path.suffix.lower() in WORKBOOK_SUFFIXES:
        tables, problems, found = _read_workbook(path)
        present = set(tables)
    elif path.suffix.lower() in CSV_SUFFIXES:
        raise InputError(Problem("problem.single_csv", file=path.name,
                                 params={"path": str(path)}))
    else:
        raise InputError(
            Problem("problem.unsupported_input", file=path.name,
                    params={"path": str(path), "datasets": _dataset_names()})
        )
    for raw in tables.values():
        problems.extend(raw.problems)
        raw.problems = []
    problems.extend(_missing_table(path.name, name, found)
                    for name in REQUIRED_TABLES if name not in present)
    if any(p.severity == "error" for p in problems):
        raise ValidationError(problems)
    tables["actors"].problems = problems  # only warnings are left
    return tables


def _dataset_names() -> str:
    from wijkgraph.sources.bundled import dataset_names

    return ", ".join(dataset_names()) or "-"


def _missing_table(file: str, table: str, found: list[str]) -> Problem:
    shown = ", ".join(found[:8]) + (", ..." if len(found) > 8 else "") if found else "-"
    return Problem("problem.missing_table", file=file, params={
        "table": table, "aliases": ", ".join(TABLE_ALIASES[table][1:3]), "found": shown})


def _check_size(file: Path) -> None:
    size = file.stat().st_size
    if size > MAX_FILE_MB * 1024 * 1024:
        raise InputError(Problem("problem.file_too_large", file=file.name, params={
            "size_mb": round(size / 1024 / 1024), "limit_mb": MAX_FILE_MB}))


# --- folders of CSV files ---------------------------------------------------------------


def _read_folder(folder: Path) -> tuple[dict[str, RawTable], list[Problem], set[str]]:
    """The tables of a folder, the problems met, and which tables have a file at all."""
    found: dict[str, Path] = {}
    problems: list[Problem] = []
    for file in sorted(folder.iterdir(), key=lambda f: f.name.casefold()):
        if file.suffix.lower() not in CSV_SUFFIXES or not file.is_file():
            continue
        table = canonical_table(file.stem)
        if table is None:
            continue
        if table in found:
            problems.append(Problem("problem.duplicate_table", file=file.name, severity="warning",
                                    params={"table": table, "used": found[table].name}))
            continue
        found[table] = file
    tables: dict[str, RawTable] = {}
    for table, file in found.items():
        try:
            cells, delimiter = _read_csv(file)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        tables[table] = _to_raw(table, file.name, None, cells, delimiter=delimiter)
    return tables, problems, set(found)


def read_csv_cells(file: Path) -> list[list[str]]:
    """The cells of a CSV file as strings, encoding and delimiter sniffed.

    Encodings: UTF-8 (with or without BOM), UTF-16 (with BOM, or without when the NUL
    bytes show it), Windows-1252. Delimiters: `,`, `;`, tab.
    Raises InputError for a file that is empty, binary, too large or has a quote that is
    never closed.
    """
    return _read_csv(Path(file))[0]


def _read_csv(file: Path) -> tuple[list[list[str]], str]:
    _check_size(file)
    data = file.read_bytes()
    text = decode_text(data, file.name)
    if not text.strip():
        raise InputError(Problem("problem.empty_file", file=file.name))
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        return list(reader), delimiter
    except csv.Error as exc:
        if "end of data" in str(exc):
            start = _open_quote_line(text, delimiter)
            raise InputError(Problem("problem.open_quote", file=file.name, row=start,
                                     params={"row": start})) from exc
    # A quote in the middle of a cell ("De Linde" Oost): read it the lenient way.
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)), delimiter


def _open_quote_line(text: str, delimiter: str) -> int:
    """The row (record, 1-based) where a never-closed quoted field starts."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records = 0
    try:
        for _row in reader:
            records += 1
    except csv.Error:
        pass
    return records + 1


_MAGIC = {
    b"%PDF": "PDF",
    b"PK\x03\x04": "ZIP/XLSX",
    b"PK\x05\x06": "ZIP",
    b"\xd0\xcf\x11\xe0": "XLS (Excel 97-2003)",
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF8": "GIF",
    b"\x1f\x8b": "GZIP",
    b"7z\xbc\xaf": "7-Zip",
    b"Rar!": "RAR",
    b"{\\rtf": "RTF",
}


def _binary_kind(data: bytes) -> str | None:
    return next((kind for magic, kind in _MAGIC.items() if data.startswith(magic)), None)


def decode_text(data: bytes, name: str) -> str:
    """Decode file bytes: BOMs first, then UTF-8, then Windows-1252; refuse binary files.

    >>> decode_text("Zoë;Eïland".encode("cp1252"), "a.csv")
    'Zoë;Eïland'
    >>> decode_text("\\ufeffnaam".encode("utf-16-le"), "a.csv")
    'naam'
    """
    kind = _binary_kind(data)
    if kind:
        raise InputError(Problem("problem.binary_file", file=name, params={"kind": kind}))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
        if b"\x00" in data:
            _raise_nul(data, name)
        return data.decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(Problem("problem.encoding", file=name)) from exc
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16:
            try:
                return data.decode(utf16)
            except UnicodeDecodeError as exc:
                raise InputError(Problem("problem.encoding", file=name)) from exc
        _raise_nul(data, name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Windows-1252; the five bytes it leaves undefined are read as Latin-1 would.
    return data.decode("cp1252", errors=_LATIN1_FALLBACK)


def _latin1_fallback(exc: UnicodeError) -> tuple[str, int]:
    assert isinstance(exc, UnicodeDecodeError)  # noqa: S101 - codec protocol, not validation
    return exc.object[exc.start:exc.end].decode("latin-1"), exc.end


_LATIN1_FALLBACK = "wijkgraph-latin1"
codecs.register_error(_LATIN1_FALLBACK, _latin1_fallback)


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when NUL bytes sit at every other position."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.6 * half and even < 0.1 * half:
        return "utf-16-le"
    if even > 0.6 * half and odd < 0.1 * half:
        return "utf-16-be"
    return None


def _raise_nul(data: bytes, name: str) -> None:
    line = data[: data.index(b"\x00")].count(b"\n") + 1
    raise InputError(Problem("problem.nul_bytes", file=name, row=line, params={"row": line}))


def sniff_delimiter(text: str) -> str:
    """The delimiter (`,` `;` or tab) that splits the first lines most consistently.

    For each candidate, the most common number of cells per line (more than one) wins,
    then how many lines have it; title lines above the header do not mislead it.

    >>> sniff_delimiter("naam;domein;rol\\nA, B;zorg;x\\n")
    ';'
    >>> sniff_delimiter("Actoren Oost\\n\\nnaam;domein\\nA;zorg\\nB;welzijn\\n")
    ';'
    >>> sniff_delimiter("naam\\nDOCK\\n")
    ','
    """
    lines = [ln for ln in text.splitlines()[: HEADER_SEARCH_ROWS * 2] if ln.strip()]
    lines = lines[:HEADER_SEARCH_ROWS]
    best, best_score = ",", (False, 0, 0)
    for delim in DELIMITERS:
        counts = [len(next(csv.reader([ln], delimiter=delim), [])) for ln in lines]
        multi = [c for c in counts if c > 1]
        if not multi:
            continue
        common = max(set(multi), key=lambda c: (multi.count(c), c))
        score = (True, multi.count(common), common)
        if score > best_score:
            best, best_score = delim, score
    return best


# --- workbooks --------------------------------------------------------------------------


def _sheet_names(path: Path) -> list[str]:
    """Names of the sheets of a readable workbook, else []."""
    import openpyxl

    try:
        wb = openpyxl.load_workbook(path, read_only=True)
    except Exception:  # noqa: BLE001 - only used to word a message
        return []
    try:
        return list(wb.sheetnames)
    finally:
        wb.close()


@contextlib.contextmanager
def open_workbook(path: Path, *, data_only: bool = True) -> Iterator[Any]:
    """Open an .xlsx read-only; every way it can be unreadable becomes one `InputError`.

    Checks size and the first bytes before openpyxl sees the file (a PDF or an old .xls
    named .xlsx gets its own message), and maps errors raised while the block reads the
    sheets too. Used by every reader of workbooks (tables, Kumu, surveys).

    >>> import tempfile, pathlib
    >>> fake = pathlib.Path(tempfile.mkdtemp()) / "x.xlsx"
    >>> _ = fake.write_bytes(b"%PDF-1.4")
    >>> try:
    ...     with open_workbook(fake):
    ...         pass
    ... except InputError as exc:
    ...     print(exc.problem.code)
    problem.binary_file
    """
    import openpyxl

    _check_size(path)
    with path.open("rb") as fh:
        head = fh.read(8)
    if not head:
        raise InputError(Problem("problem.empty_file", file=path.name))
    if not head.startswith(b"PK\x03\x04"):
        kind = _binary_kind(head)
        if kind is None:
            raise InputError(Problem("problem.not_a_workbook", file=path.name))
        raise InputError(Problem("problem.binary_file", file=path.name, params={"kind": kind}))
    wb = None
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=data_only)
        yield wb
    except (InputError, ValidationError):
        raise
    except zipfile.BadZipFile as exc:
        raise InputError(Problem("problem.damaged_workbook", file=path.name)) from exc
    except (KeyError, InvalidFileException) as exc:  # a zip, but no workbook inside
        raise InputError(Problem("problem.not_a_workbook", file=path.name)) from exc
    except Exception as exc:  # noqa: BLE001 - a broken file must give a message, not a traceback
        raise InputError(Problem("problem.unreadable_workbook", file=path.name,
                                 params={"reason": type(exc).__name__})) from exc
    finally:
        if wb is not None:
            wb.close()


def workbook_cells(ws: Any) -> list[list[str]]:
    """The cells of a worksheet as the text a person sees (see `_cell_text`)."""
    return [[_cell_text(v) for v in row] for row in ws.iter_rows(values_only=True)]


def _read_workbook(path: Path) -> tuple[dict[str, RawTable], list[Problem], list[str]]:
    with open_workbook(path, data_only=True) as wb_values, \
            open_workbook(path, data_only=False) as wb_formulas:
        return _read_workbook_sheets(path, wb_values, wb_formulas)


def _read_workbook_sheets(path: Path, wb_values: Any, wb_formulas: Any,
                          ) -> tuple[dict[str, RawTable], list[Problem], list[str]]:
    tables: dict[str, RawTable] = {}
    problems: list[Problem] = []
    used: dict[str, str] = {}
    sheetnames = list(wb_values.sheetnames)
    for sheet in sheetnames:
        table = canonical_table(sheet)
        if table is None:
            continue
        if table in tables:
            problems.append(Problem("problem.duplicate_table", file=path.name, sheet=sheet,
                                    severity="warning",
                                    params={"table": table, "used": used[table]}))
            continue
        ws_values, ws_formulas = wb_values[sheet], wb_formulas[sheet]
        if not hasattr(ws_values, "iter_rows"):  # a chart sheet
            continue
        cells, cell_problems = _sheet_cells(ws_values, ws_formulas, path.name, sheet)
        raw = _to_raw(table, path.name, sheet, cells)
        if cell_problems:  # rows emptied by formulas are not 'no relations'
            raw.problems = [p for p in raw.problems if p.code != "problem.no_relations"]
        raw.problems.extend(cell_problems)
        tables[table] = raw
        used[table] = sheet
    return tables, problems, sheetnames


def _cell_text(value: object) -> str:
    """A workbook cell as the text a person sees.

    >>> [_cell_text(v) for v in (None, True, 3.0, 2.5, dt.date(2024, 1, 2), "x")]
    ['', 'ja', '3', '2.5', '2024-01-02', 'x']
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _sheet_cells(ws_values: Any, ws_formulas: Any, file: str,
                 sheet: str) -> tuple[list[list[str]], list[Problem]]:
    cells: list[list[str]] = []
    problems: list[Problem] = []
    header: list[str] = []  # the first row with text: names the columns in messages

    def where(c: int) -> str:
        name = header[c].strip() if c < len(header) else ""
        return f"{name} ({_excel_column(c)})" if name else _excel_column(c)

    for r, (vrow, frow) in enumerate(zip(ws_values.iter_rows(values_only=True),
                                         ws_formulas.iter_rows(values_only=True), strict=False),
                                     start=1):
        row = []
        for c, (v, f) in enumerate(zip(vrow, frow, strict=False)):
            if v is None and isinstance(f, str) and f.startswith("="):
                problems.append(Problem("problem.formula", file=file, sheet=sheet, row=r,
                                        column=where(c), params={"value": f[:40]}))
            elif isinstance(v, str) and v.strip() in EXCEL_ERRORS:
                problems.append(Problem("problem.excel_error", file=file, sheet=sheet, row=r,
                                        column=where(c), params={"value": v.strip()}))
                v = None
            row.append(_cell_text(v))
        cells.append(row)
        if not header and any(x.strip() for x in row):
            header = row
    return cells, problems


def _excel_column(index: int) -> str:
    """Excel's letter for a 0-based column index.

    >>> _excel_column(0), _excel_column(27)
    ('A', 'AB')
    """
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(65 + rem) + name
    return name


# --- cells -> RawTable -----------------------------------------------------------------


def _to_raw(table: str, file: str, sheet: str | None, cells: list[list[str]],
            *, delimiter: str | None = None) -> RawTable:
    problems: list[Problem] = []
    non_empty = [i for i, row in enumerate(cells) if any(str(c).strip() for c in row)]
    if not non_empty:
        # No cells at all: an empty sheet is an error for the tables that must be there.
        severity = "error" if table in REQUIRED_TABLES else "warning"
        problems.append(Problem("problem.empty_table", file=file, sheet=sheet,
                                severity=severity, params={"table": table}))  # type: ignore[arg-type]
        return RawTable(table, file, sheet, pd.DataFrame(), [], {}, problems)
    header_index = _find_header(table, cells)
    if header_index is None:
        header_index = non_empty[0]
    elif header_index > non_empty[0]:
        problems.append(Problem("problem.header_moved", file=file, sheet=sheet,
                                row=header_index + 1, params={"row": header_index + 1},
                                severity="warning"))
    header = [squash(h) for h in cells[header_index]]
    columns: list[str] = []
    headers: dict[str, str] = {}
    keep: list[int] = []
    unnamed: list[int] = []
    for i, h in enumerate(header):
        if not h:
            unnamed.append(i)
            continue
        canon = canonical_column(table, h) or h
        if canon in headers:
            if canonical_column(table, h):
                problems.append(Problem("problem.duplicate_column", file=file, sheet=sheet,
                                        row=header_index + 1, column=h, params={
                                            "column": canon,
                                            "headers": f"{headers[canon]}, {h}"}))
            continue
        headers[canon] = h
        columns.append(canon)
        keep.append(i)
    data: list[list[str]] = []
    rows: list[int] = []
    reported_unnamed: set[int] = set()
    n_header = max((i + 1 for i, h in enumerate(header) if h), default=0)
    for r, row in enumerate(cells[header_index + 1:], start=header_index + 2):
        values = [squash_cell(row[i]) if i < len(row) else "" for i in keep]
        if not any(values):
            if delimiter and _other_delimiter(row, delimiter, n_header):
                problems.append(_mixed(file, r, row, delimiter))
            continue
        if delimiter and _other_delimiter(row, delimiter, n_header):
            problems.append(_mixed(file, r, row, delimiter))
        for i in unnamed:
            if i < len(row) and str(row[i]).strip() and i not in reported_unnamed:
                reported_unnamed.add(i)
                problems.append(Problem("problem.no_header", file=file, sheet=sheet,
                                        row=header_index + 1, column=_excel_column(i),
                                        params={"column": _excel_column(i)},
                                        severity="warning"))
        extra = [c for c in row[len(header):] if str(c).strip()]
        if extra:
            problems.append(Problem("problem.extra_cells", file=file, sheet=sheet, row=r,
                                    params={"n": len(header) + len(extra), "m": n_header},
                                    severity="warning"))
        data.append(values)
        rows.append(r)
    frame = pd.DataFrame(data, columns=columns, dtype=object) if columns else pd.DataFrame()
    if not data and table in REQUIRED_TABLES:  # optional tables may stay empty
        problems.append(_no_rows(table, file, sheet, header_index))
    missing = [c for c in TABLES[table] if c.required and c.name not in headers]
    for col in missing:
        problems.append(Problem("problem.missing_column", file=file, sheet=sheet,
                                row=header_index + 1, params={
                                    "column": col.name,
                                    "aliases": ", ".join(col.aliases[1:4]),
                                    "found": ", ".join(headers.values()) or "-"}))
    return RawTable(table, file, sheet, frame, rows, headers, problems)


def _no_rows(table: str, file: str, sheet: str | None, header_index: int) -> Problem:
    """A header without rows: an error for actors, a warning for relations."""
    if table == "relations":
        return Problem("problem.no_relations", file=file, sheet=sheet, row=header_index + 1,
                       severity="warning")
    return Problem("problem.empty_table", file=file, sheet=sheet, row=header_index + 1,
                   params={"table": table})


def _other_delimiter(row: list[str], delimiter: str, n_header: int) -> str | None:
    """The other delimiter a one-cell row was written with, when the header has several."""
    filled = [c for c in row if str(c).strip()]
    if n_header < 2 or len(filled) != 1 or len(row) > 1:
        return None
    cell = str(filled[0])
    for other in DELIMITERS:
        if other == delimiter or other not in cell:
            continue
        parts = next(csv.reader([cell], delimiter=other), [])
        if len(parts) >= 3 or len(parts) == n_header:
            return other
    return None


def _mixed(file: str, row: int, cells: list[str], delimiter: str) -> Problem:
    other = _other_delimiter(cells, delimiter, 99) or "?"
    return Problem("problem.mixed_delimiter", file=file, row=row, params={
        "found": _DELIMITER_NAMES.get(other, other),
        "expected": _DELIMITER_NAMES.get(delimiter, delimiter)})


_NEEDS_CLEANING = re.compile(r"[\x00-\x1f\x7f]|\s\s|^\s|\s$|[^\S ]")


def squash_cell(value: object) -> str:
    """Strip a cell; keep inner line breaks (they separate values); drop control chars.

    >>> squash_cell("  Buurt\\x00team\\r\\n Oost  ")
    'Buurtteam\\nOost'
    """
    text = str(value)
    if not _NEEDS_CLEANING.search(text):
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch >= " " or ch in "\n\t")
    return "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()


def _find_header(table: str, cells: list[list[str]]) -> int | None:
    """Index of the first row (within the first rows) that names every required column."""
    required = [c.name for c in TABLES[table] if c.required]
    for i, row in enumerate(cells[:HEADER_SEARCH_ROWS]):
        names = {canonical_column(table, c) for c in row if str(c).strip()}
        if all(r in names for r in required):
            return i
    return None
