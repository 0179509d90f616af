"""Bytes to cells, the same way for every reader: size, encoding, delimiter, workbooks.

Every reader of `wijkgraph.io` gets its text and cells here: `decode_text` (BOMs, UTF-8,
UTF-16, Windows-1252; binary files refused), `sniff_delimiter`, `read_csv`,
`open_workbook` (every way an .xlsx can be unreadable becomes one `InputError`),
`workbook_cells` and `read_json`. Cells are cleaned with `squash_cell` and shown with
`cell_text` (both from `wijkgraph.model.tables`, which cleans DataFrame cells the same way).
Nothing here lets a parser's own exception escape.

Examples
--------
>>> decode_text("naam;domein\\nZoë;zorg\\n".encode("cp1252"), "a.csv").splitlines()[1]
'Zoë;zorg'
>>> sniff_delimiter("naam;domein\\nZoë;zorg\\n")
';'
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import zipfile
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from wijkgraph.errors import InputError, Problem, ValidationError
from wijkgraph.model.schema import fold, squash
from wijkgraph.model.tables import cell_text, squash_cell

__all__ = ["CSV_SUFFIXES", "DELIMITERS", "EXCEL_ERRORS", "HEADER_SEARCH_ROWS", "MAX_FILE_MB",
           "WORKBOOK_SUFFIXES", "binary_kind", "cell_text", "check_size", "decode_text",
           "excel_column", "open_workbook", "read_csv", "read_csv_cells", "read_json",
           "read_sheets", "sheet_names", "sniff_delimiter", "squash_cell", "table_records",
           "workbook_cells"]

MAX_FILE_MB = 64
HEADER_SEARCH_ROWS = 10
CSV_SUFFIXES = frozenset({".csv", ".tsv", ".txt", ".tab"})
WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm"})
DELIMITERS = (",", ";", "\t")
EXCEL_ERRORS = frozenset({"#N/A", "#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!",
                          "#SPILL!", "#CALC!", "#GETTING_DATA"})

# csv's default field limit (128 KiB) is below what a 64 MB file may hold in one cell.
csv.field_size_limit(MAX_FILE_MB * 1024 * 1024)


def check_size(file: Path) -> None:
    """Raise InputError when `file` is larger than `MAX_FILE_MB`."""
    size = file.stat().st_size
    if size > MAX_FILE_MB * 1024 * 1024:
        raise InputError(Problem("problem.file_too_large", file=file.name, params={
            "size_mb": round(size / 1024 / 1024), "limit_mb": MAX_FILE_MB}))


# --- text files -------------------------------------------------------------------------


def read_csv_cells(file: Path) -> list[list[str]]:
    """The cells of a CSV file as strings, encoding and delimiter sniffed.

    Encodings: UTF-8 (with or without BOM), UTF-16 (with BOM, or without when the NUL
    bytes show it), Windows-1252. Delimiters: `,`, `;`, tab.
    Raises InputError for a file that is empty, binary, too large or has a quote that is
    never closed.
    """
    return read_csv(Path(file))[0]


def read_csv(file: Path) -> tuple[list[list[str]], str]:
    """The cells of a CSV file and the delimiter found (see `read_csv_cells`)."""
    check_size(file)
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


def binary_kind(data: bytes) -> str | None:
    """The kind of binary file `data` starts like ("PDF", "PNG", ...), or None.

    >>> binary_kind(b"%PDF-1.4"), binary_kind(b"naam;domein")
    ('PDF', None)
    """
    return next((kind for magic, kind in _MAGIC.items() if data.startswith(magic)), None)


def decode_text(data: bytes, name: str) -> str:
    """Decode file bytes: BOMs first, then UTF-8, then Windows-1252; refuse binary files.

    >>> decode_text("Zoë;Eïland".encode("cp1252"), "a.csv")
    'Zoë;Eïland'
    >>> decode_text("\\ufeffnaam".encode("utf-16-le"), "a.csv")
    'naam'
    """
    kind = binary_kind(data)
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


def read_json(path: Path, fmt: str = "JSON") -> Any:
    """The parsed content of a JSON file (any encoding `decode_text` knows).

    Raises InputError ``problem.exchange_unreadable`` (with the line) for invalid JSON.
    """
    import json

    text = decode_text(path.read_bytes(), path.name)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(Problem("problem.exchange_unreadable", file=path.name, row=exc.lineno,
                                 params={"format": fmt, "reason": exc.msg})) from exc


# --- workbooks --------------------------------------------------------------------------


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
    check_size(path)
    with path.open("rb") as fh:
        head = fh.read(8)
    if not head:
        raise InputError(Problem("problem.empty_file", file=path.name))
    if not head.startswith(b"PK\x03\x04"):
        kind = binary_kind(head)
        if kind is None:
            raise InputError(Problem("problem.not_a_workbook", file=path.name))
        raise InputError(Problem("problem.binary_file", file=path.name, params={"kind": kind}))
    import openpyxl  # only here: importing it costs a tenth of a second
    from openpyxl.utils.exceptions import InvalidFileException

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
    """The cells of a worksheet as the text a person sees (see `cell_text`)."""
    return [[cell_text(v) for v in row] for row in ws.iter_rows(values_only=True)]


def sheet_names(path: Path) -> list[str]:
    """Sheet names of a workbook, or [] when it cannot be opened (its reader will say why).

    Remembered per file version (inode, time, size), so that sniffing several formats
    opens a workbook once.
    """
    try:
        stat = path.stat()
    except OSError:
        return []
    return list(_sheet_names(path.resolve(), (stat.st_ino, stat.st_mtime_ns, stat.st_size)))


@lru_cache(maxsize=32)
def _sheet_names(path: Path, _version: tuple[int, int, int]) -> tuple[str, ...]:
    try:
        with open_workbook(path) as wb:
            return tuple(wb.sheetnames)
    except InputError:
        return ()


def has_sheets(path: Path, *names: str) -> bool:
    """Whether the workbook at `path` has sheets named `names` (compared folded).

    >>> has_sheets(Path("no-such.xlsx"), "elements")
    False
    """
    if not path.is_file() or path.suffix.casefold() not in WORKBOOK_SUFFIXES:
        return False
    found = {fold(n) for n in sheet_names(path)}
    return {fold(n) for n in names} <= found


def read_sheets(path: Path) -> dict[str, list[list[str]]]:
    """The cells of every sheet of a workbook, by sheet name."""
    with open_workbook(path) as wb:
        return {name: workbook_cells(wb[name]) for name in wb.sheetnames}


def excel_column(index: int) -> str:
    """Excel's letter for a 0-based column index.

    >>> excel_column(0), excel_column(27)
    ('A', 'AB')
    """
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(65 + rem) + name
    return name


def table_records(cells: list[list[str]]) -> tuple[list[str], list[dict[str, str]], list[int]]:
    """Header and records of a sheet: the header is the first non-empty row.

    >>> table_records([["", ""], ["Label", "Type"], ["DOCK", " team "], ["", ""]])
    (['Label', 'Type'], [{'Label': 'DOCK', 'Type': 'team'}], [3])
    """
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
