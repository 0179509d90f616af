"""The optional ``info`` sheet (workbook) or ``info.csv`` (folder): title, area, date,
organisation as key/value rows (see `wijkgraph.model.info`).

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "info.csv").write_text("titel;Samen in Oost\\ndatum;2026-03-01\\n")
>>> read_info_folder(folder)
{'title': 'Samen in Oost', 'date': '2026-03-01'}
"""

from __future__ import annotations

from pathlib import Path

from wijkgraph.io._cells import CSV_SUFFIXES, open_workbook, read_csv, sheet_rows
from wijkgraph.model.info import is_info_sheet, parse_info

#: Most rows read from an info sheet (it has four keys; the rest is ignored).
MAX_ROWS = 50


def read_info_workbook(path: Path) -> dict[str, str]:
    """The info sheet of the workbook at `path` as `parse_info` gives it ({} when absent)."""
    with open_workbook(path, data_only=True) as wb:
        for name in wb.sheetnames:
            ws = wb[name]
            if not is_info_sheet(name) or not hasattr(ws, "iter_rows"):
                continue
            rows = []
            for _r, row in sheet_rows(ws, file=path.name, sheet=name):
                rows.append(row)
                if len(rows) >= MAX_ROWS:
                    break
            return parse_info(rows)
    return {}


def read_info_folder(folder: Path) -> dict[str, str]:
    """The ``info.csv`` of a folder of CSV files as `parse_info` gives it ({} when absent)."""
    for file in sorted(Path(folder).iterdir(), key=lambda f: f.name.casefold()):
        if file.is_file() and file.suffix.lower() in CSV_SUFFIXES and is_info_sheet(file.stem):
            return parse_info(read_csv(file)[0][:MAX_ROWS])
    return {}
