"""Read the tables of a wijk network from an .xlsx workbook or a folder of CSV files.

This module only reads: it finds the sheets or files, sniffs CSV encoding and delimiter,
maps Dutch/English column names to canonical ones and remembers for every row where it
came from (file, sheet, row as Excel shows it). Checking the values is `wijkgraph.tables`.

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

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from wijkgraph.errors import InputError, Problem, ValidationError
from wijkgraph.schema import (
    REQUIRED_TABLES,
    TABLE_ALIASES,
    TABLES,
    canonical_column,
    canonical_table,
    squash,
)

MAX_FILE_MB = 64
HEADER_SEARCH_ROWS = 10


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
    """Read all tables of a workbook or folder; raise ValidationError listing all problems."""
    path = Path(path)
    if not path.exists():
        raise InputError(Problem("problem.file_missing", params={"path": str(path)}))
    if path.is_dir():
        tables = _read_folder(path)
    elif path.suffix.lower() in {".xlsx", ".xlsm"}:
        tables = _read_workbook(path)
    else:
        raise InputError(
            Problem("problem.unsupported_input", file=path.name,
                    params={"path": str(path), "datasets": _dataset_names()})
        )
    problems = [p for raw in tables.values() for p in raw.problems]
    missing = [name for name in REQUIRED_TABLES if name not in tables]
    for name in missing:
        problems.append(Problem("problem.missing_table", file=path.name, params={
            "table": name, "aliases": ", ".join(TABLE_ALIASES[name][1:3])}))
    if any(p.severity == "error" for p in problems):
        raise ValidationError(problems)
    return tables


def _dataset_names() -> str:
    from wijkgraph.datasets import dataset_names

    return ", ".join(dataset_names())


# --- folders of CSV files ---------------------------------------------------------------


def _read_folder(folder: Path) -> dict[str, RawTable]:
    found: dict[str, Path] = {}
    for file in sorted(folder.iterdir()):
        if file.suffix.lower() not in {".csv", ".tsv", ".txt"} or not file.is_file():
            continue
        table = canonical_table(file.stem)
        if table and table not in found:
            found[table] = file
    tables: dict[str, RawTable] = {}
    problems: list[Problem] = []
    for table, file in found.items():
        try:
            cells = read_csv_cells(file)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        tables[table] = _to_raw(table, file.name, None, cells)
    if problems:
        # keep reading problems alongside the other tables' problems
        for raw in tables.values():
            problems.extend(raw.problems)
        raise ValidationError(problems + [
            Problem("problem.missing_table", file=folder.name,
                    params={"table": t, "aliases": ", ".join(TABLE_ALIASES[t][1:3])})
            for t in REQUIRED_TABLES if t not in tables and t not in found
        ])
    return tables


def read_csv_cells(file: Path) -> list[list[str]]:
    """The cells of a CSV file as strings, encoding and delimiter sniffed.

    Encodings: UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1252.
    Delimiters: `,`, `;`, tab.
    """
    size = file.stat().st_size
    if size > MAX_FILE_MB * 1024 * 1024:
        raise InputError(Problem("problem.file_too_large", file=file.name, params={
            "size_mb": round(size / 1024 / 1024), "limit_mb": MAX_FILE_MB}))
    data = file.read_bytes()
    text = decode_text(data, file.name)
    if not text.strip():
        raise InputError(Problem("problem.empty_file", file=file.name))
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return [row for row in reader]


_MAGIC = {
    b"%PDF": "PDF",
    b"PK\x03\x04": "zip/xlsx",
    b"\xd0\xcf\x11\xe0": "oud Excel-formaat (.xls)",
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
}


def decode_text(data: bytes, name: str) -> str:
    """Decode file bytes: BOMs first, then UTF-8, then Windows-1252; refuse binary files."""
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise InputError(Problem("problem.binary_file", file=name, params={"kind": kind}))
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(Problem("problem.encoding", file=name)) from exc
    if b"\x00" in data[:4096]:
        raise InputError(Problem("problem.binary_file", file=name, params={"kind": "NUL"}))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # bytes undefined in Windows-1252 (0x81, 0x8d, 0x8f, 0x90, 0x9d): Latin-1 keeps them
        return data.decode("latin-1")


def sniff_delimiter(text: str) -> str:
    """The delimiter (`,` `;` or tab) that splits the header line into the most columns.

    >>> sniff_delimiter("naam;domein;rol\\nA, B;zorg;x\\n")
    ';'
    """
    lines = [ln for ln in text.splitlines()[:HEADER_SEARCH_ROWS] if ln.strip()]
    best, best_score = ",", -1
    for delim in (",", ";", "\t"):
        counts = [next(csv.reader([ln], delimiter=delim)).__len__() for ln in lines[:5]]
        score = (min(counts) if counts else 0) * 10 + (counts[0] if counts else 0)
        if score > best_score:
            best, best_score = delim, score
    return best


# --- workbooks --------------------------------------------------------------------------


def _read_workbook(path: Path) -> dict[str, RawTable]:
    import openpyxl

    size = path.stat().st_size
    if size > MAX_FILE_MB * 1024 * 1024:
        raise InputError(Problem("problem.file_too_large", file=path.name, params={
            "size_mb": round(size / 1024 / 1024), "limit_mb": MAX_FILE_MB}))
    head = path.read_bytes()[:8]
    if not head.startswith(b"PK"):
        kind = next((k for m, k in _MAGIC.items() if head.startswith(m)), "geen xlsx")
        raise InputError(Problem("problem.binary_file", file=path.name, params={"kind": kind}))
    try:
        wb_values = openpyxl.load_workbook(path, read_only=True, data_only=True)
        wb_formulas = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise InputError(Problem("problem.unreadable_workbook", file=path.name,
                                 params={"reason": type(exc).__name__})) from exc
    tables: dict[str, RawTable] = {}
    try:
        for sheet in wb_values.sheetnames:
            table = canonical_table(sheet)
            if table is None or table in tables:
                continue
            cells, formula_problems = _sheet_cells(
                wb_values[sheet], wb_formulas[sheet], path.name, sheet)
            raw = _to_raw(table, path.name, sheet, cells)
            raw.problems.extend(formula_problems)
            tables[table] = raw
    finally:
        wb_values.close()
        wb_formulas.close()
    return tables


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _sheet_cells(ws_values, ws_formulas, file: str, sheet: str) -> tuple[list[list[str]], list[Problem]]:
    cells: list[list[str]] = []
    problems: list[Problem] = []
    for r, (vrow, frow) in enumerate(zip(ws_values.iter_rows(values_only=True),
                                         ws_formulas.iter_rows(values_only=True), strict=False),
                                     start=1):
        row = []
        for c, (v, f) in enumerate(zip(vrow, frow, strict=False)):
            if v is None and isinstance(f, str) and f.startswith("="):
                problems.append(Problem("problem.formula", file=file, sheet=sheet, row=r,
                                        column=_excel_column(c), params={"value": f[:40]}))
            row.append(_cell_text(v))
        cells.append(row)
    return cells, problems


def _excel_column(index: int) -> str:
    """0 -> 'A', 27 -> 'AB'."""
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(65 + rem) + name
    return name


# --- cells -> RawTable -----------------------------------------------------------------


def _to_raw(table: str, file: str, sheet: str | None, cells: list[list[str]]) -> RawTable:
    problems: list[Problem] = []
    header_index = _find_header(table, cells)
    if header_index is None:
        non_empty = [row for row in cells if any(str(c).strip() for c in row)]
        if not non_empty:
            problems.append(Problem("problem.empty_table", file=file, sheet=sheet,
                                    params={"table": table}))
            return RawTable(table, file, sheet, pd.DataFrame(), [], {}, problems)
        header_index = next(i for i, row in enumerate(cells) if any(str(c).strip() for c in row))
    elif header_index > 0:
        problems.append(Problem("problem.header_moved", file=file, sheet=sheet,
                                row=header_index + 1, params={"row": header_index + 1},
                                severity="warning"))
    header = [squash(h) for h in cells[header_index]]
    columns: list[str] = []
    headers: dict[str, str] = {}
    keep: list[int] = []
    for i, h in enumerate(header):
        if not h:
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
    for r, row in enumerate(cells[header_index + 1:], start=header_index + 2):
        values = [squash_cell(row[i]) if i < len(row) else "" for i in keep]
        if not any(values):
            continue
        if len(row) > len(header) and any(str(c).strip() for c in row[len(header):]):
            problems.append(Problem("problem.extra_cells", file=file, sheet=sheet, row=r,
                                    params={"n": len(row), "m": len(header)},
                                    severity="warning"))
        data.append(values)
        rows.append(r)
    frame = pd.DataFrame(data, columns=columns, dtype=object) if columns else pd.DataFrame()
    if not data and not problems:
        problems.append(Problem("problem.empty_table", file=file, sheet=sheet,
                                params={"table": table}))
    for col in TABLES[table]:
        if col.required and col.name not in headers and data:
            problems.append(Problem("problem.missing_column", file=file, sheet=sheet,
                                    row=header_index + 1, params={
                                        "column": col.name,
                                        "aliases": ", ".join(col.aliases[1:4]),
                                        "found": ", ".join(headers.values()) or "-"}))
    return RawTable(table, file, sheet, frame, rows, headers, problems)


def squash_cell(value: object) -> str:
    """Strip a cell; keep inner line breaks (they separate values); drop control chars."""
    text = str(value)
    text = "".join(ch for ch in text if ch in "\n\t" or ch >= " " or ch == "\r")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()


def _find_header(table: str, cells: list[list[str]]) -> int | None:
    """Index of the first row (within the first rows) that names a required column."""
    required = [c.name for c in TABLES[table] if c.required]
    for i, row in enumerate(cells[:HEADER_SEARCH_ROWS]):
        names = {canonical_column(table, c) for c in row if str(c).strip()}
        if all(r in names for r in required):
            return i
    return None
