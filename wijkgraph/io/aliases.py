"""Aliases tables: "this name is the same party as that one" (``naam`` -> ``zelfde als``).

One format for the survey import and for any workbook: a sheet ``aliassen`` (or
``aliases``, ``alias``; the survey's corrected review sheet ``controle`` too) or a CSV with
a column for the written name (``naam``, ``genoemd``, ``alias``, ``name``) and one for the
party it means (``zelfde als``, ``koppel aan``, ``same as``, ``actor``). Rows whose second
cell is empty are skipped; a name listed as itself is kept apart (no duplicate warning).

`read_alias_entries` reads a file given with ``--aliases``; `aliases_in_input` finds the
aliases sheet inside an input workbook (or ``aliassen.csv`` in an input folder);
`apply_aliases` merges both into a network (``validate`` and ``analyse`` call it). Every
entry keeps its file, sheet, row and column, so an alias naming an unknown actor is an
error that says where (`wijkgraph.model.duplicates.merge_aliases`).

Examples
--------
>>> import tempfile, pathlib
>>> f = pathlib.Path(tempfile.mkdtemp()) / "aliassen.csv"
>>> _ = f.write_text("naam;zelfde als\\nGC X;Gezondheidscentrum X\\nDock;\\n", encoding="utf-8")
>>> [(e.name, e.same_as, e.row, e.same_as_column) for e in read_alias_entries(f)]
[('GC X', 'Gezondheidscentrum X', 2, 'zelfde als')]
"""

from __future__ import annotations

from pathlib import Path

from wijkgraph.errors import InputError, Problem, ValidationError
from wijkgraph.io._cells import WORKBOOK_SUFFIXES, read_csv_cells, read_sheets, table_records
from wijkgraph.model.duplicates import AliasEntry, merge_aliases
from wijkgraph.model.network import WijkNetwork, build_network
from wijkgraph.model.schema import fold

#: Sheet names of an aliases table, in order of preference (``controle``: the survey's).
SHEETS = ("controle", "aliassen", "aliases", "alias")
#: Sheets that make an input workbook carry aliases.
INPUT_SHEETS = ("aliassen", "aliases", "alias")
NAME_COLUMNS = ("naam", "genoemd", "alias", "name", "written")
SAME_AS_COLUMNS = ("zelfdeals", "koppelaan", "sameas", "actor", "koppelen", "mapto", "target")


def _entries(cells: list[list[str]], file: str, sheet: str | None) -> list[AliasEntry]:
    header, records, rows = table_records(cells)
    folded = {fold(h): h for h in header}
    src = next((folded[k] for k in NAME_COLUMNS if k in folded), None)
    dst = next((folded[k] for k in SAME_AS_COLUMNS if k in folded), None)
    if src is None or dst is None:
        raise InputError(Problem("problem.survey_bad_aliases", file=file, sheet=sheet,
                                 params={"column": "naam" if src is None else "zelfde als",
                                         "found": ", ".join(header) or "-"}))
    return [AliasEntry(r[src], r[dst], file, sheet, row, src, dst)
            for r, row in zip(records, rows, strict=True) if r.get(src) and r.get(dst)]


def read_alias_entries(source: str | Path) -> list[AliasEntry]:
    """The entries of an aliases file: a workbook (sheet of `SHEETS`, else the first) or CSV.

    Raises
    ------
    InputError
        The file is missing or unreadable, or it has no name or no "same as" column.
    """
    path = Path(source)
    if not path.exists():
        raise InputError(Problem("problem.file_missing", params={"path": str(path)}))
    if path.suffix.casefold() in WORKBOOK_SUFFIXES:
        sheets = read_sheets(path)
        by_fold = {fold(n): n for n in sheets}
        name = next((by_fold[k] for k in SHEETS if k in by_fold), next(iter(sheets), None))
        return _entries(sheets[name] if name else [], path.name, name)
    return _entries(read_csv_cells(path), path.name, None)


def aliases_in_input(source: str | Path) -> list[AliasEntry]:
    """The aliases sheet of an input workbook, or ``aliassen.csv`` of an input folder.

    Anything else (a bundled dataset name, another format, no such sheet) has none: [].
    """
    path = Path(source)
    if path.is_dir():
        for name in INPUT_SHEETS:
            for candidate in sorted(path.glob("*.csv")):
                if fold(candidate.stem) == name:
                    return _entries(read_csv_cells(candidate), candidate.name, None)
        return []
    if not path.is_file() or path.suffix.casefold() not in WORKBOOK_SUFFIXES:
        return []
    sheets = read_sheets(path, only=INPUT_SHEETS)
    by_fold = {fold(n): n for n in sheets}
    found = next((by_fold[k] for k in INPUT_SHEETS if k in by_fold), None)
    return [] if found is None else _entries(sheets[found], path.name, found)


def apply_aliases(network: WijkNetwork, source: str | Path | None = None,
                  aliases: str | Path | None = None) -> WijkNetwork:
    """`network` with the aliases of its input (`source`) and of the file `aliases` merged.

    Without any entry the network is returned as it is.

    Raises
    ------
    ValidationError
        An entry names an actor that is not in the network (every such entry listed).
    """
    entries = (aliases_in_input(source) if source is not None else []) + (
        read_alias_entries(aliases) if aliases is not None else [])
    if not entries:
        return network
    tables = merge_aliases(network.tables, entries)
    return build_network(tables, meta=dict(network.meta),
                         meeting_ties=bool(network.meta.get("meeting_ties", False)))


#: The errors an alias can take away: a party typed twice in the actors table.
TYPED_TWICE = ("problem.duplicate_name", "problem.duplicate_id")


def rescue_typed_twice(error: ValidationError, source: str | Path,
                       aliases: str | Path | None = None) -> WijkNetwork:
    """The network of `source` read again with the rows typed twice that its aliases (its
    own aliases sheet and the file `aliases`) name merged before validation
    (`wijkgraph.io._typed_twice`); `error`, the error reading it stopped with, when it has
    no name typed twice or no alias names one.

    Raises
    ------
    ValidationError
        `error` itself, or the problems still left after merging (a name typed twice
        that no alias names keeps its message).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "actoren.csv").write_text("naam;domein\\nDOCK;welzijn\\nDock;\\nWijkbureau;gemeente\\n",
    ...                                         encoding="utf-8")
    >>> _ = (folder / "relaties.csv").write_text("bron;doel\\nDOCK;Wijkbureau\\n", encoding="utf-8")
    >>> _ = (folder / "aliassen.csv").write_text("naam;zelfde als\\nDock;DOCK\\n", encoding="utf-8")
    >>> from wijkgraph.io import read
    >>> try:
    ...     read(folder)
    ... except ValidationError as exc:
    ...     net = rescue_typed_twice(exc, folder)
    >>> sorted(net.actors["name"]), net.n_relations
    (['DOCK', 'Wijkbureau'], 1)
    """
    if not any(p.code in TYPED_TWICE for p in error.errors):
        raise error
    entries = aliases_in_input(source) + (
        read_alias_entries(aliases) if aliases is not None else [])
    from wijkgraph.io._typed_twice import read_merging_aliases

    network = read_merging_aliases(source, entries) if entries else None
    if network is None:
        raise error
    return network
