"""The limits of what wijkgraph reads, and the checks that refuse an input beyond them.

Every reader of `wijkgraph.io` calls these before it reads (through `wijkgraph.io._cells`):
an input must be a regular file (`check_regular`: a named pipe or a device is refused
before it is opened, since opening a pipe waits for a writer for ever) of at most
`MAX_FILE_MB` (`check_size`); a workbook must unpack to at most `MAX_UNPACKED_MB`, no part
packed more than `MAX_PACK_RATIO` times (`check_unpacked`, from the zip's directory,
before anything is unpacked); XML may hold `MAX_XML_ELEMENTS` elements
(`check_xml_shape`); JSON may nest `MAX_JSON_DEPTH` levels and hold
`MAX_JSON_CONTAINERS` objects and lists (`check_json_shape`). Sheets and tables hold at
most `MAX_ROWS` rows, `MAX_COLUMNS` columns and `MAX_CELLS` cells
(`wijkgraph.io._cells.sheet_rows`, `bounded_records` for CSV,
`wijkgraph.io._raw.header_problems`). Each refusal is one `InputError` naming the limit.

With these limits an input is read in bounded memory (under 1 GB) and time:
``benchmarks/bench_bombs.py`` measures a dimension bomb and a deflate bomb.

Examples
--------
>>> try:
...     check_regular(Path("/dev/null"))
... except InputError as exc:
...     print(exc.problem.message("en"))
This is not an ordinary file but a device. Save the data as a file and give that file.
"""

from __future__ import annotations

import itertools
import os
import re
import stat
import zipfile
from collections.abc import Iterator
from itertools import accumulate
from pathlib import Path

from wijkgraph.errors import InputError, Problem, Words
from wijkgraph.i18n import MESSAGES, N_, register

MAX_FILE_MB = 64
MAX_UNPACKED_MB = 256  # a workbook's parts together, unpacked (xlsx packs text 5-20 times)
MAX_PACK_RATIO = 200  # a part packed more than this is a bomb, not a spreadsheet
MAX_ROWS = 1_048_576  # rows per sheet or file, as many as Excel holds (a region: 500,000 ties)
MAX_CELLS = 5_000_000  # cells per sheet or file (500,000 rows of 10 columns; the bound that bites)
MAX_COLUMNS = 1_000  # columns per sheet or file (Excel holds 16,384)
MAX_JSON_DEPTH = 200
MAX_JSON_CONTAINERS = 4_000_000  # objects and lists in one JSON file
MAX_NUMBER_DIGITS = 100
MAX_XML_ELEMENTS = 2_000_000  # a city of 30,000 actors and 150,000 relations has ~1.3 million
_MB = 1024 * 1024

if "problem.not_a_regular_file" not in MESSAGES:
    register({
        "problem.not_a_regular_file": N_(
            "This is not an ordinary file but a {kind}. Save the data as a file and give "
            "that file."),
        "problem.unpacks_too_large": N_(
            "The workbook unpacks to {size_mb} MB; wijkgraph reads workbooks that unpack to "
            "at most {limit_mb} MB. Remove sheets or columns you do not need, or save the "
            "tables as CSV files."),
        "problem.packed_too_tightly": N_(
            "Part '{part}' of the workbook unpacks to {ratio} times its packed size (at most "
            "{limit} is normal). wijkgraph does not open it. Save the tables again from Excel."),
        "problem.too_many_rows": N_(
            "There is data in row {row}; wijkgraph reads at most {limit} rows per table. "
            "Split the table, or delete the rows below the data when they look empty."),
        "problem.too_many_columns": N_(
            "There is data in column {column} ({n}); wijkgraph reads at most {limit} columns "
            "per table. Delete the columns you do not need."),
        "problem.too_many_cells": N_(
            "The table holds more than {limit} cells; wijkgraph reads at most that many. "
            "Delete the rows or columns you do not need, or split the table."),
        "problem.xml_too_many": N_(
            "The file holds more than {limit} XML elements. Export a smaller network."),
        "problem.json_too_deep": N_(
            "The JSON nests more than {limit} levels deep. A network file needs only a few; "
            "export it again from the program it came from."),
        "problem.json_too_many": N_(
            "The JSON holds more than {limit} objects and lists. Export a smaller network."),
        "problem.json_long_number": N_(
            "The JSON holds a number of {n} digits; wijkgraph reads numbers of up to {limit} "
            "digits. Put long codes between quotes, as text."),
    })


def check_regular(file: Path) -> None:
    """Raise InputError when `file` is no regular file (a named pipe, a device, a socket).

    Checked before a file is opened: opening a named pipe waits for a writer forever.

    """
    mode = os.stat(file).st_mode
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return
    kind = (N_("named pipe") if stat.S_ISFIFO(mode) else N_("socket") if stat.S_ISSOCK(mode)
            else N_("device"))
    raise InputError(Problem("problem.not_a_regular_file", file=file.name,
                             params={"kind": Words(kind)}))


def check_size(file: Path) -> None:
    """Raise InputError when `file` is no regular file or larger than `MAX_FILE_MB`."""
    check_regular(file)
    size = file.stat().st_size
    if size > MAX_FILE_MB * 1024 * 1024:
        raise InputError(Problem("problem.file_too_large", file=file.name, params={
            "size_mb": round(size / 1024 / 1024), "limit_mb": MAX_FILE_MB}))


class LongNumber(Exception):
    """A JSON number with too many digits (args: the number of digits)."""


def check_json_shape(text: str, name: str) -> None:
    """Refuse JSON that nests deeper than `MAX_JSON_DEPTH` or has too many containers.

    Counts brackets outside strings without parsing (a bracket inside a string can only
    make the count too high, and then `json` itself is the judge: see `read_json`).
    """
    opening = text.count("{") + text.count("[")
    if opening > MAX_JSON_CONTAINERS:
        raise InputError(Problem("problem.json_too_many", file=name,
                                 params={"limit": MAX_JSON_CONTAINERS}))
    if opening <= MAX_JSON_DEPTH:
        return
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text))
    depth = max(accumulate(1 if c in "[{" else -1 for c in brackets), default=0)
    if depth > MAX_JSON_DEPTH:
        raise InputError(Problem("problem.json_too_deep", file=name,
                                 params={"limit": MAX_JSON_DEPTH}))


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")


def check_unpacked(path: Path) -> None:
    """Refuse a workbook (a zip) that unpacks too large or is packed like a bomb.

    Reads only the zip's directory: the sizes it declares are what Python's `zipfile`
    will unpack at most (a part that holds more fails its check instead).
    """
    try:
        with zipfile.ZipFile(path) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:  # ValueError: a damaged directory
        raise InputError(Problem("problem.damaged_workbook", file=path.name)) from exc
    total = sum(p.file_size for p in parts)
    if total > MAX_UNPACKED_MB * _MB:
        raise InputError(Problem("problem.unpacks_too_large", file=path.name, params={
            "size_mb": round(total / _MB), "limit_mb": MAX_UNPACKED_MB}))
    for part in parts:
        if part.file_size > _MB and part.file_size > MAX_PACK_RATIO * max(part.compress_size, 1):
            raise InputError(Problem("problem.packed_too_tightly", file=path.name, params={
                "part": part.filename, "ratio": part.file_size // max(part.compress_size, 1),
                "limit": MAX_PACK_RATIO}))


def check_xml_shape(data: bytes, name: str) -> None:
    """Refuse XML with more than `MAX_XML_ELEMENTS` elements (counted in C, not parsed).

    A parsed element takes some 300 bytes: 64 MB of tiny elements would take gigabytes.

    >>> check_xml_shape(b"<graphml><graph/></graphml>", "a.graphml")
    """
    tags = data.count(b"<") - data.count(b"</") - data.count(b"<!") - data.count(b"<?")
    if tags > MAX_XML_ELEMENTS:
        raise InputError(Problem("problem.xml_too_many", file=name,
                                 params={"limit": MAX_XML_ELEMENTS}))


def check_csv_shape(text: str, delimiter: str, file: str) -> None:
    """Refuse, before parsing, text with far more lines or cells than a table may have.

    Counted in C: lines (a record may span lines, so twice `MAX_ROWS` are allowed) and
    delimiters (each one starts a cell).
    """
    lines = text.count("\n") + 1
    if lines > 2 * MAX_ROWS:
        raise InputError(Problem("problem.too_many_rows", file=file, row=lines,
                                 params={"row": lines, "limit": MAX_ROWS}))
    if text.count(delimiter) > MAX_CELLS:
        raise InputError(Problem("problem.too_many_cells", file=file,
                                 params={"limit": MAX_CELLS}))


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


_BLANK: list[str] = []  # every blank record of a CSV file is this one (never changed) list


def bounded_records(records: Iterator[list[str]], file: str) -> list[list[str]]:
    """The records of a CSV reader within `MAX_ROWS`, `MAX_COLUMNS` and `MAX_CELLS`.

    Blank records (a file of a million empty lines) are counted and share one empty list;
    those at the end are left out.

    >>> bounded_records(iter([["naam"], [], ["", ""], ["A"], [], [""]]), "a.csv")
    [['naam'], [], [], ['A']]
    """
    rows: list[list[str]] = []
    blank = cells = 0
    start = 1
    # whole chunks of filled records within every limit (the usual case) go in at once
    for chunk in iter(lambda: list(itertools.islice(records, 4096)), []):
        size = sum(map(len, chunk))
        if (all(map(any, chunk)) and max(map(len, chunk)) <= MAX_COLUMNS
                and start + len(chunk) - 1 <= MAX_ROWS and cells + size <= MAX_CELLS):
            rows.extend([_BLANK] * blank)
            blank = 0
            rows.extend(chunk)
            cells += size
            start += len(chunk)
            continue
        blank, cells = _bounded_records(chunk, start, file, rows, blank, cells)
        start += len(chunk)
    return rows


def _bounded_records(records: list[list[str]], start: int, file: str, rows: list[list[str]],
                     blank: int, cells: int) -> tuple[int, int]:
    """`_bounded` record by record: `records` from record number `start`, added to `rows`.

    Returns the blank records not yet added and the number of cells so far.
    """
    for r, record in enumerate(records, start=start):
        if not any(record):
            blank += 1
            continue
        if r > MAX_ROWS:
            raise InputError(Problem("problem.too_many_rows", file=file, row=r,
                                     params={"row": r, "limit": MAX_ROWS}))
        if len(record) > MAX_COLUMNS and any(record[MAX_COLUMNS:]):
            last = max(i for i, c in enumerate(record) if c) + 1
            raise InputError(Problem("problem.too_many_columns", file=file, row=r, params={
                "column": excel_column(last - 1), "n": last, "limit": MAX_COLUMNS}))
        cells += len(record)
        if cells > MAX_CELLS:
            raise InputError(Problem("problem.too_many_cells", file=file, row=r,
                                     params={"limit": MAX_CELLS}))
        rows.extend([_BLANK] * blank)
        blank = 0
        rows.append(record)
    return blank, cells
