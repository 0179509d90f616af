"""Cells and records to `RawTable`, and raw tables to a validated `WijkNetwork`.

The readers of `wijkgraph.io` share this: `cells_to_raw` finds the header of a sheet or
CSV file and maps its columns (the wijkgraph workbook and CSV folder), `records_to_raw`
maps the attribute names of exchange formats (Kumu, GEXF, GraphML, JSON, Gephi), and
`network_from_raw` validates them (`wijkgraph.model.tables.validate`, which collects
every problem) and builds the network. The problems readers raise themselves are made
by `unreadable` and `missing_part`.

Examples
--------
>>> raw = cells_to_raw("actors", "a.csv", None, [["Oost"], ["naam", "domein"], ["DOCK", "welzijn"]])
>>> raw.frame.to_dict("records"), raw.rows, [p.code for p in raw.problems]
([{'name': 'DOCK', 'domain': 'welzijn'}], [3], ['problem.header_moved'])
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from wijkgraph.errors import InputError, Problem, ValidationError, Words
from wijkgraph.i18n import MESSAGES, N_, register
from wijkgraph.io._cells import (
    DELIMITERS,
    HEADER_SEARCH_ROWS,
    MAX_COLUMNS,
    check_size,
    excel_column,
    squash_cell,
)
from wijkgraph.io._limits import check_xml_shape
from wijkgraph.model.network import WijkNetwork, build_network
from wijkgraph.model.schema import (
    REQUIRED_TABLES,
    TABLE_ALIASES,
    TABLES,
    canonical_column,
    column_private,
    split_multi,
    squash,
)
from wijkgraph.model.tables import RawTable, squash_cells, validate

if TYPE_CHECKING:  # pragma: no cover
    import xml.etree.ElementTree as ET

if "problem.exchange_unreadable" not in MESSAGES:
    register({
        "problem.exchange_unreadable": N_(
            'The file cannot be read as {format} ({reason}). Export it again from the program it came from.'),
        "problem.exchange_missing_part": N_("The {format} file lacks '{part}'. {hint}"),
        "problem.exchange_unknown_format": N_("Unknown output format '{format}'. Choose from: {known}."),
        "problem.too_wide": N_(
            "The table has {n} columns; wijkgraph reads at most {limit} columns per table. "
            "Delete the columns you do not need."),
        "problem.reserved_column": N_(
            "The column '{column}' has a name wijkgraph uses for its own results. Give the "
            "column another name."),
        "problem.exchange_no_format": N_(
            "The name '{path}' does not say which format you want. Use one of the suffixes {suffixes} or "
            'give --to ({known}).'),
    })

_DELIMITER_NAMES = {",": ",", ";": ";", "\t": "tab"}


# --- problems -----------------------------------------------------------------------------


def unreadable(path: Path, fmt: str, reason: str) -> InputError:
    """``problem.exchange_unreadable``: `path` cannot be read as `fmt`.

    `reason` is an English msgid (mark it with `N_`), translated when shown.
    """
    return InputError(Problem("problem.exchange_unreadable", file=path.name,
                              params={"format": fmt, "reason": Words(reason)}))


def missing_part(path: Path, fmt: str, part: str, hint: str = "") -> InputError:
    """``problem.exchange_missing_part``: the `fmt` file lacks `part`.

    `hint` (what to do) is an English msgid (mark it with `N_`), translated when shown.
    """
    return InputError(Problem("problem.exchange_missing_part", file=path.name, params={
        "format": fmt, "part": part, "hint": Words(hint) if hint else ""}))


def missing_table(file: str, table: str, found: list[str]) -> Problem:
    """``problem.missing_table`` for `table`, listing what was `found` instead."""
    shown = ", ".join(found[:8]) + (", ..." if len(found) > 8 else "") if found else "-"
    return Problem("problem.missing_table", file=file, params={
        "table": table, "aliases": ", ".join(TABLE_ALIASES[table][1:3]), "found": shown})


def finish_raw(path: Path, tables: dict[str, RawTable], problems: list[Problem],
               present: set[str], found: list[str]) -> dict[str, RawTable]:
    """Collect the problems of every table; raise ValidationError when one is an error.

    `present` are the tables that have a sheet or file at all, `found` the names shown
    when a required one is missing. Problems that belong to no single table (a second
    file for the same table) and the warnings left are put on the actors table's
    `problems`, so that they reach `Tables.warnings`.
    """
    for raw in tables.values():
        problems.extend(raw.problems)
        raw.problems = []
    problems.extend(missing_table(path.name, name, found)
                    for name in REQUIRED_TABLES if name not in present)
    if any(p.severity == "error" for p in problems):
        raise ValidationError(problems)
    tables["actors"].problems = problems  # only warnings are left
    return tables


# --- cells (a sheet or a CSV file) -> RawTable -------------------------------------------


def cells_to_raw(table: str, file: str, sheet: str | None, cells: list[list[str]],
                 *, delimiter: str | None = None) -> RawTable:
    """A `RawTable` of the cells of one sheet or CSV file (header found in the first rows).

    Problems of the header and of single rows (moved header, duplicate or unnamed
    columns, extra cells, a row with another delimiter, no rows, missing required
    columns) go to the table's `problems`.
    """
    problems: list[Problem] = []
    first_filled = next((i for i, row in enumerate(cells) if any(str(c).strip() for c in row)),
                        None)
    if first_filled is None:
        # No cells at all: an empty sheet is an error for the tables that must be there.
        severity = "error" if table in REQUIRED_TABLES else "warning"
        problems.append(Problem("problem.empty_table", file=file, sheet=sheet,
                                severity=severity, params={"table": table}))  # type: ignore[arg-type]
        return RawTable(table, file, sheet, pd.DataFrame(), [], {}, problems)
    header_index = _find_header(table, cells)
    if header_index is None:
        header_index = first_filled
    elif header_index > first_filled:
        problems.append(Problem("problem.header_moved", file=file, sheet=sheet,
                                row=header_index + 1, params={"row": header_index + 1},
                                severity="warning"))
    header = [squash(squash_cell(h)) for h in cells[header_index]]
    columns: list[str] = []
    headers: dict[str, str] = {}
    keep: list[int] = []
    unnamed: list[int] = []
    merged: list[tuple[int, int]] = []  # (cell index, position in keep) of private columns
    for i, h in enumerate(header):
        if not h:
            unnamed.append(i)
            continue
        canon = canonical_column(table, h) or h
        if canon in headers and column_private(table, canon):  # telefoon and e-mail: joined
            merged.append((i, columns.index(canon)))
            continue
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
    n_header = max((i + 1 for i, h in enumerate(header) if h), default=0)
    body = cells[header_index + 1:]
    first_row = header_index + 2  # the Excel row of body[0]
    grid = _columns(body, len(header))
    values = [squash_cells(grid[i]) for i in keep]
    for i, pos in merged:
        more = squash_cells(grid[i])
        values[pos] = [f"{a}; {b}" if a and b else a or b
                       for a, b in zip(values[pos], more, strict=True)]
    filled = _filled(values, len(body))
    # what is said about single rows, in row order: (row, order within the row, problem)
    said: list[tuple[int, int, Problem]] = []
    lengths = np.fromiter(map(len, body), dtype=np.int64, count=len(body))
    if delimiter and n_header >= 2:  # a row of one cell, written with another delimiter
        for k in np.flatnonzero(lengths == 1).tolist():
            if _other_delimiter(body[k], delimiter, n_header):
                said.append((k, 0, _mixed(file, first_row + k, body[k], delimiter)))
    for j, i in enumerate(unnamed):  # cells under no header: said once per column
        text = np.fromiter((bool(c.strip()) for c in map(str, grid[i])), dtype=bool,
                           count=len(body))
        hits = np.flatnonzero(text & filled)
        if len(hits):
            said.append((int(hits[0]), 1 + j, Problem(
                "problem.no_header", file=file, sheet=sheet, row=header_index + 1,
                column=excel_column(i), params={"column": excel_column(i)},
                severity="warning")))
    for k in np.flatnonzero((lengths > len(header)) & filled).tolist():
        extra = [c for c in body[k][len(header):] if str(c).strip()]
        if extra:
            said.append((k, len(unnamed) + 1, Problem(
                "problem.extra_cells", file=file, sheet=sheet, row=first_row + k,
                params={"n": len(header) + len(extra), "m": n_header}, severity="warning")))
    problems.extend(p for _k, _o, p in sorted(said, key=lambda x: x[:2]))
    kept = np.flatnonzero(filled)
    if len(kept) < len(body):
        values = [np.asarray(column, dtype=object)[kept].tolist() for column in values]
    rows = (kept + first_row).tolist()
    frame = (pd.DataFrame(dict(zip(columns, values, strict=True)), dtype=object)
             if columns else pd.DataFrame())
    if not rows and table in REQUIRED_TABLES:  # optional tables may stay empty
        problems.append(_no_rows(table, file, sheet, header_index))
    missing = [c for c in TABLES[table] if c.required and c.name not in headers]
    for col in missing:
        problems.append(Problem("problem.missing_column", file=file, sheet=sheet,
                                row=header_index + 1, params={
                                    "column": col.name,
                                    "aliases": ", ".join(col.aliases[1:4]),
                                    "found": ", ".join(headers.values()) or "-"}))
    problems.extend(header_problems(table, file, sheet, headers, header_index + 1))
    return RawTable(table, file, sheet, frame, rows, headers, problems)


def _columns(body: list[list[str]], width: int) -> list[list[str]]:
    """The first `width` columns of the rows `body`, short rows filled with ``""``.

    >>> _columns([["a", "b", "x"], ["c"]], 2)
    [['a', 'c'], ['b', '']]
    """
    if not body:
        return [[] for _ in range(width)]
    if max(map(len, body)) > width:
        body = [row[:width] for row in body]
    grid = [list(column) for column in itertools.zip_longest(*body, fillvalue="")]
    return grid + [[""] * len(body) for _ in range(width - len(grid))]


def _filled(values: list[list[str]], n: int) -> np.ndarray:
    """Which of the `n` rows have a cell in one of the columns `values`.

    Only the rows still empty are looked at in the next column (usually none after the
    first, which holds the names).

    >>> _filled([["a", "", ""], ["", "", "b"]], 3).tolist()
    [True, False, True]
    """
    filled = np.zeros(n, dtype=bool)
    empty = np.arange(n)
    for column in values:
        if not len(empty):
            break
        if len(empty) == n:
            here = np.fromiter(map(bool, column), dtype=bool, count=n)
        else:
            here = np.fromiter(map(bool, map(column.__getitem__, empty.tolist())), dtype=bool,
                               count=len(empty))
        filled[empty[here]] = True
        empty = empty[~here]
    return filled


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


def _find_header(table: str, cells: list[list[str]]) -> int | None:
    """Index of the first row (within the first rows) that names every required column."""
    required = [c.name for c in TABLES[table] if c.required]
    for i, row in enumerate(cells[:HEADER_SEARCH_ROWS]):
        names = {canonical_column(table, c) for c in row if str(c).strip()}
        if all(r in names for r in required):
            return i
    return None


# --- records (exchange formats) -> RawTable -----------------------------------------------


def records_to_raw(table: str, file: str, sheet: str | None,
                   records: Sequence[Mapping[str, Any]], rows: Sequence[int], *,
                   skip: Iterable[str] = ()) -> RawTable:
    """A RawTable from dict records: keys mapped to canonical columns, values as text.

    >>> raw = records_to_raw("relations", "n.json", "links",
    ...                      [{"source": "a", "target": "b", "weight": 2, "strength": 3}], [1])
    >>> raw.frame.to_dict("records")
    [{'source': 'a', 'target': 'b', 'strength': '3', 'weight': '2'}]
    """
    skip = set(skip)
    headers: dict[str, str] = {}
    mapped: list[dict[str, str]] = []
    exact = {c.name for c in TABLES[table]}
    for rec in records:
        out: dict[str, str] = {}
        # exact canonical names first, so "strength" wins over its alias "weight"
        for key in sorted(rec, key=lambda k: 0 if str(k) in exact else 1):
            name = squash(squash_cell(key))  # keys are cleaned as headers are
            if key in skip or not name:
                continue
            canon = canonical_column(table, name) or name
            if canon in out and column_private(table, canon):  # several contact columns
                out[canon] = "; ".join(v for v in (out[canon], record_cell(rec[key])) if v)
                continue
            if canon in out:
                canon = name  # an alias of a column already given: keep it as extra
                if canon in out:
                    continue
            headers.setdefault(canon, name)
            out[canon] = record_cell(rec[key])
        mapped.append(out)
    problems = header_problems(table, file, sheet, headers, None)
    columns = list(headers)
    frame = pd.DataFrame([[m.get(c, "") for c in columns] for m in mapped], columns=columns,
                         dtype=object) if columns else pd.DataFrame()
    return RawTable(table, file, sheet, frame, list(rows), headers, problems)


#: Column names wijkgraph uses for its own results and bookkeeping (compared casefolded):
#: a column of the input with one of these names would clash with them.
RESERVED_COLUMNS = {
    "actors": frozenset({"_file", "_sheet", "_row"}),
    "relations": frozenset({"_file", "_sheet", "_row", "source_name", "target_name"}),
    "meetings": frozenset({"_file", "_sheet", "_row"}),
    "participation": frozenset({"_file", "_sheet", "_row"}),
}


def header_problems(table: str, file: str, sheet: str | None, headers: Mapping[str, str],
                    row: int | None) -> list[Problem]:
    """Errors of a table's columns: a name wijkgraph reserves; more than `MAX_COLUMNS` stops
    reading at once (InputError).

    >>> [p.code for p in header_problems("relations", "r.csv", None,
    ...                                  {"source": "van", "source_name": "source_name"}, 1)]
    ['problem.reserved_column']
    """
    if len(headers) > MAX_COLUMNS:
        raise InputError(Problem("problem.too_wide", file=file, sheet=sheet, row=row,
                                 params={"n": len(headers), "limit": MAX_COLUMNS}))
    return [Problem("problem.reserved_column", file=file, sheet=sheet, row=row,
                        column=written, params={"column": written})
                for canon, written in headers.items()
                if canon.casefold() in RESERVED_COLUMNS.get(table, frozenset())]


def record_cell(value: Any) -> str:
    """An attribute value of an exchange format as cell text (lists joined with ``;``).

    >>> record_cell(["Oost", "", "Zuid"]), record_cell(2.0), record_cell(False)
    ('Oost;Zuid', '2', 'nee')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, list | tuple):
        return ";".join(record_cell(v) for v in value if record_cell(v))
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return squash_cell(value)


def nodes_edges_raw(path: Path, nodes: list[dict[str, Any]], edges: list[dict[str, Any]],
                    *, node_sheet: str = "nodes", edge_sheet: str = "edges",
                    ) -> dict[str, RawTable]:
    """Node and edge records of a graph file as raw tables (rows count from 1)."""
    return {"actors": records_to_raw("actors", path.name, node_sheet, nodes,
                                     list(range(1, len(nodes) + 1))),
            "relations": records_to_raw("relations", path.name, edge_sheet, edges,
                                        list(range(1, len(edges) + 1)))}


def network_from_raw(raw: dict[str, RawTable], path: Path, fmt: str, *,
                     meeting_ties: bool = False) -> WijkNetwork:
    """Add participation from actors' ``meetings`` cells, validate, build the network."""
    actors = raw["actors"]
    if "meetings" in actors.frame.columns:
        part_records, part_rows = [], []
        for i, cell in enumerate(actors.frame["meetings"].tolist()):
            actor = actors.frame["id"].iloc[i] if "id" in actors.frame.columns else ""
            actor = actor or actors.frame["name"].iloc[i]
            for m in split_multi(cell):
                part_records.append({"actor": actor, "meeting": m})
                part_rows.append(actors.rows[i])
        actors.frame = actors.frame.drop(columns=["meetings"])
        actors.headers.pop("meetings", None)
        if part_records:
            raw.setdefault("participation", records_to_raw(
                "participation", actors.file, actors.sheet, part_records, part_rows))
            if "meetings" not in raw:
                ids = list(dict.fromkeys(r["meeting"] for r in part_records))
                raw["meetings"] = records_to_raw("meetings", actors.file, actors.sheet,
                                                 [{"id": m, "name": m} for m in ids],
                                                 list(range(1, len(ids) + 1)))
    for table in list(raw):
        if raw[table].frame.empty and table in ("meetings", "participation"):
            del raw[table]
    tables = validate(raw, source=str(path))
    return build_network(tables, meeting_ties=meeting_ties, meta=file_meta(path, format=fmt))


def file_meta(path: Path, **more: Any) -> dict[str, Any]:
    """The ``meta`` of a network read from `path`: its name and title are the file's stem."""
    return {"name": path.stem, "title_nl": path.stem, "title_en": path.stem,
            "source": str(path), **more}


# --- XML (GEXF, GraphML) ---------------------------------------------------------------------


def parse_xml(path: Path, fmt: str) -> ET.Element:
    """The root element of an XML file; a parse error becomes one `InputError`."""
    import xml.etree.ElementTree as ET

    # xml.etree does not resolve external entities; expat >= 2.4.1 limits entity expansion.
    check_size(path)
    data = path.read_bytes()
    check_xml_shape(data, path.name)
    try:
        return ET.fromstring(data)
    except ET.ParseError as exc:
        raise InputError(Problem("problem.exchange_unreadable", file=path.name,
                                 row=exc.position[0] if exc.position else None,
                                 params={"format": fmt, "reason": str(exc)})) from exc


def local(tag: str) -> str:
    """An XML tag without its namespace."""
    return tag.rsplit("}", 1)[-1]


def children(element: ET.Element, name: str) -> list[ET.Element]:
    """The child elements of `element` called `name` (any namespace)."""
    return [c for c in element if local(c.tag) == name]
