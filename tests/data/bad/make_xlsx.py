"""Build the workbook cases of the bad-input corpus (they are generated, not committed).

`build_all(folder)` writes every case below into `folder` and returns {name: path}.
Run it by hand to look at the files: ``python tests/data/bad/make_xlsx.py /tmp/bad``.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
from openpyxl.workbook import Workbook

ACTORS = [("naam", "domein"), ("Buurtteam Oost", "welzijn"), ("DOCK Oost", "welzijn"),
          ("Huisartsenpraktijk Zoë", "zorg")]
RELATIONS = [("van", "naar"), ("Buurtteam Oost", "DOCK Oost"),
             ("DOCK Oost", "Huisartsenpraktijk Zoë")]


def _book(sheets: dict[str, list[tuple[object, ...]]]) -> Workbook:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(list(row))
    return wb


def wrong_sheets(path: Path) -> None:
    _book({"Blad1": ACTORS, "Blad2": RELATIONS}).save(path)


def missing_relations_sheet(path: Path) -> None:
    _book({"Actoren": ACTORS}).save(path)


def header_row_3(path: Path) -> None:
    rows = [("Stakeholders Utrecht Oost",), (), *ACTORS]
    _book({"actoren": rows, "relaties": RELATIONS}).save(path)


def merged_header(path: Path) -> None:
    wb = _book({"actoren": [("Actoren Oost", None, None), ("naam", None, "domein"),
                            ("Buurtteam Oost", "team Oost", "welzijn"),
                            ("DOCK Oost", "sociaal makelaar", "welzijn")],
                "relaties": [("van", "naar"), ("Buurtteam Oost", "DOCK Oost")]})
    ws = wb["actoren"]
    ws.merge_cells("A1:C1")  # a title over the table
    ws.merge_cells("A2:B2")  # 'naam' spans two columns: the second has no header
    wb.save(path)


def formulas_without_values(path: Path) -> None:
    wb = _book({"actoren": ACTORS, "relaties": [("van", "naar"), ("=actoren!A2", "=actoren!A3")]})
    wb.save(path)  # openpyxl stores no cached results: Excel would, after opening


def dates_as_ids(path: Path) -> None:
    _book({"actoren": [("id", "naam"), (dt.datetime(2024, 3, 1), "Buurtteam Oost"),
                       ("DOCK", "DOCK Oost")],
           "relaties": [("van", "naar"), (dt.datetime(2024, 3, 1), "DOCK")]}).save(path)


def numbers_as_names(path: Path) -> None:
    _book({"actoren": [("naam", "domein"), (101, "welzijn"), (102.0, "zorg"), (3.5, "zorg")],
           "relaties": [("van", "naar", "sterkte"), (101, 102, 2.0), (102, 3.5, 1)]}).save(path)


def excel_error_value(path: Path) -> None:
    wb = _book({"actoren": [("naam", "domein"), ("Buurtteam Oost", "welzijn"), ("#N/A", "zorg")],
                "relaties": RELATIONS[:2]})
    wb.save(path)


def empty_actors_sheet(path: Path) -> None:
    _book({"actoren": [], "relaties": RELATIONS}).save(path)


def header_only_relations(path: Path) -> None:
    _book({"actoren": ACTORS, "relaties": [("van", "naar", "sterkte")]}).save(path)


def unknown_actor_and_self_loop(path: Path) -> None:
    _book({"actoren": ACTORS, "relaties": [("van", "naar"), ("DOCK Oost", "DOCK Oost"),
                                            ("Buurtteam Oost", "Huisartsenpraktijk Zoe")]}
          ).save(path)


def duplicate_sheets(path: Path) -> None:
    _book({"actors": ACTORS, "Actoren": ACTORS[:2], "relaties": RELATIONS}).save(path)


def booleans_and_floats(path: Path) -> None:
    _book({"actoren": ACTORS, "relaties": [("van", "naar", "gericht", "sterkte"),
                                            ("Buurtteam Oost", "DOCK Oost", True, 3.0),
                                            ("DOCK Oost", "Huisartsenpraktijk Zoë", False, 4)]}
          ).save(path)


def pdf_named_xlsx(path: Path) -> None:
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")


def zip_named_xlsx(path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("notities.txt", "geen werkmap")
    path.write_bytes(buf.getvalue())


def csv_named_xlsx(path: Path) -> None:
    path.write_text("naam;domein\nBuurtteam Oost;welzijn\n", encoding="utf-8")


def truncated_xlsx(path: Path) -> None:
    buf = io.BytesIO()
    _book({"actoren": ACTORS, "relaties": RELATIONS}).save(buf)
    path.write_bytes(buf.getvalue()[: len(buf.getvalue()) // 2])


def empty_xlsx(path: Path) -> None:
    path.write_bytes(b"")


def hostile_strings(path: Path) -> None:
    wb = _book({"actoren": [("naam", "omschrijving"), ("<script>alert(1)</script>", "x"),
                            ("\u202eDOCK\u202c 🏠", "<img src=x onerror=alert(1)>")],
                "relaties": [("van", "naar"), ("<script>alert(1)</script>", "\u202eDOCK\u202c 🏠")]})
    cell = wb["actoren"]["B2"]
    cell.value, cell.data_type = "=1+1", "s"  # text that looks like a formula
    wb.save(path)


def _bombs() -> object:
    """benchmarks/bench_bombs.py, whose builders write hostile workbooks quickly."""
    import importlib.util

    path = Path(__file__).resolve().parents[3] / "benchmarks" / "bench_bombs.py"
    spec = importlib.util.spec_from_file_location("bench_bombs", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def dimension_bomb(path: Path) -> None:
    """Declares A1:XFD1048576; 50,000 formatted empty rows with a styled cell in XFD."""
    _bombs().dimension_bomb(path, empty_rows=50_000)  # type: ignore[attr-defined]


def deflate_bomb(path: Path) -> None:
    """A sheet of 64 MB whitespace packed into some 70 KB (the benchmark has 1 GiB)."""
    _bombs().deflate_bomb(path, mib=64)  # type: ignore[attr-defined]


def named_pipe(path: Path) -> None:
    """A named pipe called .xlsx: opening it would wait for a writer for ever."""
    import os

    os.mkfifo(path)


def very_hidden_sheet(path: Path) -> None:
    """A veryHidden sheet 'actoren' before the visible sheet 'Actors'."""
    wb = _book({"relaties": RELATIONS, "actoren": [("naam",), ("Oude lijst",)],
                "Actors": ACTORS})
    wb["actoren"].sheet_state = "veryHidden"
    wb.save(path)


def only_hidden_sheet(path: Path) -> None:
    """The actors are on a hidden sheet only."""
    wb = _book({"actoren": ACTORS, "relaties": RELATIONS})
    wb["actoren"].sheet_state = "hidden"
    wb.save(path)


def booleans_as_names(path: Path) -> None:
    """TRUE and FALSE in the name column (Excel turned 'ja'/'nee' or WAAR into booleans)."""
    _book({"actoren": [*ACTORS, (True, "zorg"), (False, "zorg")],
           "relaties": RELATIONS}).save(path)


def data_far_right(path: Path) -> None:
    """A value in column ALM (1,001): beyond the 1,000 columns wijkgraph reads."""
    wb = _book({"actoren": ACTORS, "relaties": RELATIONS})
    wb["actoren"].cell(row=3, column=1001, value="opmerking")
    wb.save(path)


CASES: dict[str, Callable[[Path], None]] = {
    "xlsx-wrong-sheets": wrong_sheets,
    "xlsx-missing-relations-sheet": missing_relations_sheet,
    "xlsx-header-row-3": header_row_3,
    "xlsx-merged-header": merged_header,
    "xlsx-formulas-without-values": formulas_without_values,
    "xlsx-dates-as-ids": dates_as_ids,
    "xlsx-numbers-as-names": numbers_as_names,
    "xlsx-excel-error-value": excel_error_value,
    "xlsx-empty-actors-sheet": empty_actors_sheet,
    "xlsx-header-only-relations": header_only_relations,
    "xlsx-unknown-actor-and-self-loop": unknown_actor_and_self_loop,
    "xlsx-duplicate-sheets": duplicate_sheets,
    "xlsx-booleans-and-floats": booleans_and_floats,
    "xlsx-hostile-strings": hostile_strings,
    "xlsx-really-pdf": pdf_named_xlsx,
    "xlsx-really-zip": zip_named_xlsx,
    "xlsx-really-csv": csv_named_xlsx,
    "xlsx-truncated": truncated_xlsx,
    "xlsx-empty-file": empty_xlsx,
    "xlsx-dimension-bomb": dimension_bomb,
    "xlsx-deflate-bomb": deflate_bomb,
    "xlsx-named-pipe": named_pipe,
    "xlsx-very-hidden-sheet": very_hidden_sheet,
    "xlsx-only-hidden-sheet": only_hidden_sheet,
    "xlsx-booleans-as-names": booleans_as_names,
    "xlsx-data-far-right": data_far_right,
}


def build(name: str, folder: Path) -> Path:
    """Write case `name` as `folder/<name>.xlsx` and return its path."""
    path = Path(folder) / f"{name}.xlsx"
    CASES[name](path)
    return path


def build_all(folder: Path) -> dict[str, Path]:
    """Write every workbook case into `folder`."""
    Path(folder).mkdir(parents=True, exist_ok=True)
    return {name: build(name, Path(folder)) for name in CASES}


if __name__ == "__main__":
    for name, path in build_all(Path(sys.argv[1] if len(sys.argv) > 1 else ".")).items():
        print(name, path)
