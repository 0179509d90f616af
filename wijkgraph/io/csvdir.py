"""A folder of CSV files: actors.csv and relations.csv (or actoren.csv, relaties.csv, ...).

Every file's encoding and delimiter are sniffed (`wijkgraph.io._cells.read_csv`); the
tables are found by file name (Dutch or English), the header in the first rows. Problems
that make a file unreadable (binary data, a quote never closed, a file too large) are
collected for every file and raised together.

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "actors.csv").write_bytes("naam;domein\\nDOCK;welzijn\\n".encode("cp1252"))
>>> _ = (folder / "relations.csv").write_text("van,naar\\nDOCK,DOCK\\n")
>>> raw = read_raw_folder(folder)
>>> raw["actors"].frame.columns.tolist(), raw["actors"].rows
(['name', 'domain'], [2])
"""

from __future__ import annotations

from pathlib import Path

from wijkgraph.errors import InputError, Problem
from wijkgraph.io._cells import CSV_SUFFIXES, read_csv
from wijkgraph.io._format import Format
from wijkgraph.io._info import read_info_folder
from wijkgraph.io._raw import cells_to_raw, file_meta, finish_raw
from wijkgraph.model.network import WijkNetwork, build_network
from wijkgraph.model.schema import canonical_table
from wijkgraph.model.tables import RawTable, validate


def read_raw_folder(folder: str | Path) -> dict[str, RawTable]:
    """The raw tables of a folder of CSV files; raise ValidationError listing every problem."""
    folder = Path(folder)
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
            cells, delimiter = read_csv(file)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        tables[table] = cells_to_raw(table, file.name, None, cells, delimiter=delimiter)
    shown = sorted(f.name for f in folder.iterdir() if not f.name.startswith("."))
    return finish_raw(folder, tables, problems, set(found), shown)


def read_folder(path: str | Path, *, meeting_ties: bool = False) -> WijkNetwork:
    """Read and validate a folder of CSV files into a `WijkNetwork`."""
    path = Path(path)
    tables = validate(read_raw_folder(path), source=str(path))
    return build_network(tables, meeting_ties=meeting_ties,
                         meta=file_meta(path, info=read_info_folder(path)))


def _is_folder(path: Path) -> bool:
    return path.is_dir()


FORMAT = Format("csv", (), sniff=_is_folder, read=read_folder, write=None, folder=True)
"""A folder of CSV files: any folder that is not Gephi's (`wijkgraph.io.FORMATS` asks that
first). wijkgraph reads it; it writes workbooks instead."""
