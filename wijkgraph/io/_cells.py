"""Bytes to cells, the same way for every reader: size, encoding, delimiter, workbooks.

Every reader of `wijkgraph.io` gets its text and cells here: `decode_text` (BOMs, UTF-8,
UTF-16, Windows-1252, line by line when a file mixes UTF-8 and Windows-1252; binary files
refused), `sniff_delimiter`, `read_csv`, `open_workbook` (every way an .xlsx can be
unreadable becomes one `InputError`), `workbook_cells` and `read_json`. Cells are cleaned
with `squash_cell` (control, invisible and bidirectional-control characters go: one policy,
`clean_text` from `wijkgraph.model.text`) and shown with `cell_text` (both from
`wijkgraph.model.tables`, which cleans DataFrame cells the same way). Nothing here lets a
parser's own exception escape.

Bounded: the limits and checks are in `wijkgraph.io._limits`; sheets are streamed row by
row whatever size they declare (`sheet_rows`), CSV records are counted
(`wijkgraph.io._limits.bounded_records`).
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import re
import warnings
import zipfile
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from wijkgraph.errors import InputError, Problem, ValidationError
from wijkgraph.io._limits import (
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_FILE_MB,
    MAX_JSON_DEPTH,
    MAX_NUMBER_DIGITS,
    MAX_ROWS,
    MAX_UNPACKED_MB,
    LongNumber,
    bounded_records,
    check_csv_shape,
    check_json_shape,
    check_regular,
    check_size,
    check_unpacked,
    excel_column,
)
from wijkgraph.model.schema import fold, squash
from wijkgraph.model.tables import cell_text, squash_cell
from wijkgraph.model.text import clean_text

__all__ = ["CSV_SUFFIXES", "DELIMITERS", "EXCEL_ERRORS", "HEADER_SEARCH_ROWS", "MAX_COLUMNS",
           "MAX_FILE_MB", "MAX_ROWS", "MAX_UNPACKED_MB", "WORKBOOK_SUFFIXES", "binary_kind",
           "cell_text", "check_regular", "check_size", "clean_text", "decode_text", "excel_column",
           "has_formulas", "open_workbook", "read_csv", "read_csv_cells", "read_json", "read_sheets",
           "sheet_names", "sheet_rows", "sniff_delimiter", "squash_cell", "table_records",
           "workbook_cells"]

HEADER_SEARCH_ROWS = 10
CSV_SUFFIXES = frozenset({".csv", ".tsv", ".txt", ".tab"})
WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm"})
DELIMITERS = (",", ";", "\t")
EXCEL_ERRORS = frozenset({"#N/A", "#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!",
                          "#SPILL!", "#CALC!", "#GETTING_DATA"})

# csv's default field limit (128 KiB) is below what a 64 MB file may hold in one cell.
csv.field_size_limit(MAX_FILE_MB * 1024 * 1024)


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
    text = decode_text(data, file.name).rstrip()  # a tail of empty lines costs nothing
    del data
    if not text:
        raise InputError(Problem("problem.empty_file", file=file.name))
    delimiter = sniff_delimiter(text)
    check_csv_shape(text, delimiter, file.name)
    split = split_records(text, delimiter)
    if split is not None:
        return bounded_records(iter(split), file.name), delimiter
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        return bounded_records(reader, file.name), delimiter
    except csv.Error as exc:
        if "end of data" in str(exc):
            start = _open_quote_line(text, delimiter)
            raise InputError(Problem("problem.open_quote", file=file.name, row=start,
                                     params={"row": start})) from exc
    # A quote in the middle of a cell ("De Linde" Oost): read it the lenient way.
    lenient = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return bounded_records(lenient, file.name), delimiter


def split_records(text: str, delimiter: str) -> list[list[str]] | None:
    """The records of `text` as `csv.reader` (strict) reads them, or None when unsure.

    Lines without a quote are split in C with `str.split`; the lines with one are read by
    `csv.reader`, and when such a line is no whole record (a quoted line break, a quote
    `csv.reader` refuses) None sends the caller to the record-by-record reader. A blank
    line is ``['']`` here and ``[]`` there: `bounded_records` makes both the same blank.
    Four times faster than `csv.reader` on a file of plain cells.

    >>> split_records('naam;rol\\nDOCK;"a; b"\\n\\nX;y', ";")
    [['naam', 'rol'], ['DOCK', 'a; b'], [''], ['X', 'y']]
    >>> split_records('naam\\n"two\\nlines"', ";") is None
    True
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n")
        if "\r" in text:  # a lone carriage return ends a record too
            return None
    if "\x00" in text:
        return None
    lines = text.split("\n")
    records = [line.split(delimiter) for line in lines]
    if '"' not in text:
        return records
    quoted = [k for k, line in enumerate(lines) if '"' in line]
    try:
        parsed = list(csv.reader([lines[k] for k in quoted], delimiter=delimiter, strict=True))
    except csv.Error:
        return None
    if len(parsed) != len(quoted):  # a quoted field ran on into a later line
        return None
    for k, record in zip(quoted, parsed, strict=True):
        records[k] = record
    return records


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
    if _has_utf8_beyond_ascii(data):  # lines pasted from two programs: each its own way
        return "".join(_decode_line(line) for line in data.splitlines(keepends=True))
    # Windows-1252; the five bytes it leaves undefined are read as Latin-1 would.
    return data.decode("cp1252", errors=_LATIN1_FALLBACK)


def _has_utf8_beyond_ascii(data: bytes) -> bool:
    """Whether some line of `data` is valid UTF-8 with letters beyond ASCII.

    >>> _has_utf8_beyond_ascii("Zoë\\n".encode() + "Zoë\\n".encode("cp1252"))
    True
    >>> _has_utf8_beyond_ascii("Zoë\\n".encode("cp1252"))
    False
    """
    for line in data.splitlines():
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            continue
        return True
    return False


def _decode_line(line: bytes) -> str:
    """One line as UTF-8 when it is, else as Windows-1252.

    >>> _decode_line("Zoë".encode()), _decode_line("Zoë".encode("cp1252"))
    ('Zoë', 'Zoë')
    """
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return line.decode("cp1252", errors=_LATIN1_FALLBACK)


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
    # the first 100,000 characters of a line are enough to count its cells (and a line of
    # 20 million cells would cost gigabytes)
    lines = [ln[:100_000] for ln in _head_lines(text, HEADER_SEARCH_ROWS * 2) if ln.strip()]
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


def _head_lines(text: str, n: int) -> list[str]:
    """The first `n` lines of `text`, without splitting all of it.

    >>> _head_lines("a\\r\\nb\\n\\nc", 3)
    ['a', 'b', '']
    """
    lines: list[str] = []
    start = 0
    while len(lines) < n and start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        lines.append(text[start:end].rstrip("\r"))
        start = end + 1
    return lines


def read_json(path: Path, fmt: str = "JSON") -> Any:
    """The parsed content of a JSON file (any encoding `decode_text` knows).

    Checked before parsing: size (`MAX_FILE_MB`), nesting (`MAX_JSON_DEPTH`) and the number
    of objects and lists (`MAX_JSON_CONTAINERS`); while parsing: numbers of more than
    `MAX_NUMBER_DIGITS` digits. Raises InputError ``problem.exchange_unreadable`` (with the
    line) for invalid JSON, and one of ``problem.json_*`` for JSON beyond those limits.

    >>> import tempfile
    >>> deep = Path(tempfile.mkdtemp()) / "deep.json"
    >>> _ = deep.write_text("[" * 5000 + "]" * 5000)
    >>> try:
    ...     read_json(deep)
    ... except InputError as exc:
    ...     print(exc.problem.code)
    problem.json_too_deep
    """
    import json

    check_size(path)
    text = decode_text(path.read_bytes(), path.name)
    check_json_shape(text, path.name)

    def parse_int(digits: str) -> int:
        if len(digits.lstrip("-")) > MAX_NUMBER_DIGITS:
            raise LongNumber(len(digits.lstrip("-")))
        return int(digits)

    def parse_float(number: str) -> float:
        if len(number) > MAX_NUMBER_DIGITS + 10:
            raise LongNumber(sum(c.isdigit() for c in number))
        return float(number)

    try:
        return json.loads(text, parse_int=parse_int, parse_float=parse_float)
    except json.JSONDecodeError as exc:
        raise InputError(Problem("problem.exchange_unreadable", file=path.name, row=exc.lineno,
                                 params={"format": fmt, "reason": exc.msg})) from exc
    except LongNumber as exc:
        raise InputError(Problem("problem.json_long_number", file=path.name, params={
            "n": exc.args[0], "limit": MAX_NUMBER_DIGITS})) from exc
    except RecursionError as exc:  # nesting that the shape check did not see (in strings)
        raise InputError(Problem("problem.json_too_deep", file=path.name,
                                 params={"limit": MAX_JSON_DEPTH})) from exc


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
    check_unpacked(path)
    import openpyxl  # only here: importing it costs a tenth of a second
    from openpyxl.utils.exceptions import InvalidFileException

    wb = None
    try:
        with warnings.catch_warnings():  # openpyxl's notes on styles or extensions it drops
            warnings.simplefilter("ignore", UserWarning)
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


def sheet_rows(ws: Any, *, file: str = "", sheet: str | None = None
               ) -> Iterator[tuple[int, list[Any]]]:
    """The rows of a worksheet that hold a value: (row number, values up to the last one).

    Streams the sheet's XML whatever dimension it declares (``A1:XFD1048576`` is common
    in files other programs wrote): empty rows and formatted empty cells are skipped
    without being made, so a million of them cost time but no memory. A value beyond
    `MAX_ROWS` rows or `MAX_COLUMNS` columns raises InputError.

    >>> import openpyxl
    >>> wb = openpyxl.Workbook()
    >>> wb.active.append(["naam"]); wb.active.append([]); wb.active.append([None, "x"])
    >>> list(sheet_rows(wb.active))
    [(1, ['naam']), (3, [None, 'x'])]
    """
    cells = 0
    for r, values in _row_values(ws):
        if not values:
            continue
        if r > MAX_ROWS:
            raise InputError(Problem("problem.too_many_rows", file=file, sheet=sheet, row=r,
                                     params={"row": r, "limit": MAX_ROWS}))
        last = max(c for c, _v in values)
        if last > MAX_COLUMNS:
            raise InputError(Problem("problem.too_many_columns", file=file, sheet=sheet, row=r,
                                     params={"column": excel_column(last - 1), "n": last,
                                             "limit": MAX_COLUMNS}))
        cells += last
        if cells > MAX_CELLS:
            raise InputError(Problem("problem.too_many_cells", file=file, sheet=sheet, row=r,
                                     params={"limit": MAX_CELLS}))
        row: list[Any] = [None] * last
        for c, v in values:
            row[c - 1] = v
        yield r, row


_FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[\s>/]")


def has_formulas(ws: Any) -> bool:
    """Whether a read-only worksheet's XML holds a formula (``<f>``); True when unsure.

    Scans the packed sheet without parsing it (a second, formula-reading pass over a big
    sheet costs as much as the first; most sheets have no formulas at all).
    """
    source = getattr(ws, "_get_source", None)
    if source is None:
        return True
    tail = b""
    with source() as src:
        while chunk := src.read(1 << 20):
            if _FORMULA_TAG.search(tail + chunk):
                return True
            tail = chunk[-16:]
    return False


def _row_values(ws: Any) -> Iterator[tuple[int, list[tuple[int, Any]]]]:
    """(row number, [(column number, value), ...]) of every row the sheet's XML holds.

    A read-only worksheet is parsed here with openpyxl's own sheet parser (what its
    `iter_rows` uses), without the padding to the declared dimension and without keeping
    the row formats it collects; any other worksheet is walked with `iter_rows`.
    """
    source = getattr(ws, "_get_source", None)
    parser_class: Any = None
    if source is not None:
        with contextlib.suppress(ImportError):  # openpyxl moved it: walk iter_rows instead
            from openpyxl.worksheet._reader import WorkSheetParser

            parser_class = WorkSheetParser
    if source is None or parser_class is None:
        for r, row in enumerate(ws.iter_rows(values_only=True), start=1):
            yield r, [(c, v) for c, v in enumerate(row, start=1) if v is not None]
        return
    wb = ws.parent
    with source() as src:
        parser = parser_class(src, ws._shared_strings, data_only=wb.data_only, epoch=wb.epoch,
                              date_formats=wb._date_formats,
                              timedelta_formats=wb._timedelta_formats)
        for r, cells in parser.parse():
            parser.row_dimensions.clear()  # a formatted row would be remembered here
            yield r, [(c["column"], c["value"]) for c in cells if c["value"] is not None]


def workbook_cells(ws: Any, *, file: str = "", sheet: str | None = None) -> list[list[str]]:
    """The cells of a worksheet as the text a person sees (see `cell_text`).

    Rows without values in between are empty lists (row numbers stay as Excel shows
    them); empty rows at the end are left out. Bounded as `sheet_rows` is.
    """
    cells: list[list[str]] = []
    for r, row in sheet_rows(ws, file=file, sheet=sheet):
        cells.extend([] for _ in range(r - 1 - len(cells)))
        cells.append([cell_text(v) for v in row])
    return cells


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


def read_sheets(path: Path, *, only: Iterable[str] | None = None) -> dict[str, list[list[str]]]:
    """The cells of every sheet of a workbook (or of those whose folded name is in `only`).

    Reading a sheet costs time in proportion to its size: a caller that looks for one
    sheet passes `only`.
    """
    wanted = None if only is None else {fold(n) for n in only}
    with open_workbook(path) as wb:
        return {name: workbook_cells(wb[name], file=path.name, sheet=name)
                for name in wb.sheetnames if hasattr(wb[name], "iter_rows")
                and (wanted is None or fold(name) in wanted)}


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
