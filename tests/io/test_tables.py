"""Reading files: encodings, delimiters, column aliases, row numbers, workbooks."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from wijkgraph.errors import InputError, ValidationError
from wijkgraph.io import read_raw_tables
from wijkgraph.io._cells import decode_text, read_csv_cells, sniff_delimiter
from wijkgraph.model.schema import TABLES

NAMES = ["Huisartsenpraktijk Zoë", "Stichting Eïland", "Café René"]
ENCODINGS = {"utf-8": "utf-8", "utf-8-bom": "utf-8-sig", "windows-1252": "cp1252",
             "utf-16-bom": "utf-16"}
DELIMITERS = {"comma": ",", "semicolon": ";", "tab": "\t"}


def write_table(path: Path, rows: list[list[str]], *, encoding: str = "utf-8",
                delimiter: str = ";") -> Path:
    text = "\r\n".join(delimiter.join(row) for row in rows) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("delimiter", DELIMITERS.values(), ids=DELIMITERS.keys())
@pytest.mark.parametrize("encoding", ENCODINGS.values(), ids=ENCODINGS.keys())
def test_encodings_and_delimiters(tmp_path: Path, encoding: str, delimiter: str) -> None:
    write_table(tmp_path / "actoren.csv", [["naam", "domein"], *[[n, "zorg"] for n in NAMES]],
                encoding=encoding, delimiter=delimiter)
    write_table(tmp_path / "relaties.csv", [["van", "naar"], NAMES[:2]], encoding=encoding,
                delimiter=delimiter)
    raw = read_raw_tables(tmp_path)
    assert raw["actors"].frame["name"].tolist() == NAMES
    assert raw["actors"].frame["domain"].tolist() == ["zorg"] * 3
    assert raw["relations"].frame[["source", "target"]].values.tolist() == [NAMES[:2]]


def _alias_cases() -> list[tuple[str, str, str]]:
    return [(table, col.name, alias) for table, cols in TABLES.items() for col in cols
            for alias in col.aliases]


@pytest.mark.parametrize(("table", "column", "alias"), _alias_cases(),
                         ids=[f"{t}-{c}-{a}" for t, c, a in _alias_cases()])
def test_every_alias_read_from_a_file(tmp_path: Path, table: str, column: str,
                                      alias: str) -> None:
    """A file whose header uses `alias` gives the canonical column."""
    required = [c.name for c in TABLES[table] if c.required and c.name != column]
    header = [alias, *required]
    stem = {"actors": "actoren", "relations": "relaties", "meetings": "overleggen",
            "participation": "deelnames", "areas": "gebieden"}[table]
    write_table(tmp_path / f"{stem}.csv", [header, ["waarde"] * len(header)])
    if table != "actors":
        write_table(tmp_path / "actoren.csv", [["naam"], ["A"]])
    if table != "relations":
        write_table(tmp_path / "relaties.csv", [["van", "naar"], ["A", "A"]])
    raw = read_raw_tables(tmp_path)[table]
    assert raw.frame[column].tolist() == ["waarde"]
    assert raw.headers[column] == alias


def test_rows_are_numbered_as_excel_shows_them(tmp_path: Path) -> None:
    write_table(tmp_path / "actoren.csv", [["Titel", ""], ["", ""], ["naam", "domein"],
                                           ["A", "zorg"], ["", ""], ["B", "zorg"]])
    write_table(tmp_path / "relaties.csv", [["van", "naar"], ["A", "B"]])
    raw = read_raw_tables(tmp_path)
    assert raw["actors"].rows == [4, 6]
    assert raw["relations"].rows == [2]
    warning = raw["actors"].problems[0]
    assert (warning.code, warning.row, warning.severity) == ("problem.header_moved", 3, "warning")


def test_a_line_break_in_a_quoted_cell_counts_as_one_row(tmp_path: Path) -> None:
    (tmp_path / "actoren.csv").write_text('naam;wijk\nA;"Oost\nZuid"\nB;Oost\n', "utf-8")
    write_table(tmp_path / "relaties.csv", [["van", "naar"], ["A", "B"]])
    raw = read_raw_tables(tmp_path)["actors"]
    assert raw.frame["wijk"].tolist() == ["Oost\nZuid", "Oost"]
    assert raw.rows == [2, 3]


def test_unknown_columns_are_kept_as_written(tmp_path: Path) -> None:
    write_table(tmp_path / "actoren.csv", [["naam", "Aantal medewerkers"], ["A", "12"]])
    write_table(tmp_path / "relaties.csv", [["van", "naar"], ["A", "A"]])
    raw = read_raw_tables(tmp_path)["actors"]
    assert raw.frame.columns.tolist() == ["name", "Aantal medewerkers"]


@pytest.mark.parametrize(("text", "expected"), [
    ("naam,domein\nA,zorg\n", ","),
    ("naam;domein\nA, B;zorg\n", ";"),
    ("naam\tdomein\nA;B\tzorg\n", "\t"),
    ("Titel\n\nnaam;domein;rol\nA;zorg;x\nB;welzijn;y\n", ";"),
    ('naam;omschrijving\n"A";"x, y, z"\n', ";"),
    ("naam\nA\n", ","),
])
def test_sniff_delimiter(text: str, expected: str) -> None:
    assert sniff_delimiter(text) == expected


@pytest.mark.parametrize(("data", "expected"), [
    ("Zoë".encode(), "Zoë"),
    ("\ufeffZoë".encode(), "Zoë"),
    ("Zoë".encode("cp1252"), "Zoë"),
    ("Zoë".encode("utf-16"), "Zoë"),
    ("Zoë;Eïland".encode("utf-16-le"), "Zoë;Eïland"),
    ("Zoë;Eïland".encode("utf-16-be"), "Zoë;Eïland"),
    ("€ – “x”".encode("cp1252"), "€ – “x”"),
])
def test_decode_text(data: bytes, expected: str) -> None:
    assert decode_text(data, "a.csv") == expected


@pytest.mark.parametrize(("data", "code"), [
    (b"%PDF-1.4\n", "problem.binary_file"),
    (b"PK\x03\x04rest", "problem.binary_file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1", "problem.binary_file"),
    (b"naam\nA\x00B\n", "problem.nul_bytes"),
])
def test_binary_data_is_refused(data: bytes, code: str) -> None:
    with pytest.raises(InputError) as info:
        decode_text(data, "a.csv")
    assert info.value.problem.code == code


def test_read_csv_cells_on_an_empty_file(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_bytes(b"\r\n  \r\n")
    with pytest.raises(InputError) as info:
        read_csv_cells(tmp_path / "a.csv")
    assert info.value.describe("en") == "Error: a.csv: The file is empty. Save it again from Excel."


def test_very_long_cells_are_read(tmp_path: Path) -> None:
    write_table(tmp_path / "a.csv", [["naam", "omschrijving"], ["A", "x" * 500_000]])
    assert len(read_csv_cells(tmp_path / "a.csv")[1][1]) == 500_000


def test_all_unreadable_files_are_reported_together(tmp_path: Path) -> None:
    (tmp_path / "actoren.csv").write_bytes(b"%PDF-1.4")
    (tmp_path / "relaties.csv").write_bytes(b"")
    with pytest.raises(ValidationError) as info:
        read_raw_tables(tmp_path)
    assert [p.code for p in info.value.errors] == ["problem.binary_file", "problem.empty_file"]


def _workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


@pytest.mark.parametrize(("actors", "relations"), [
    ("actors", "relations"), ("Actoren", "Relaties"), ("partijen", "samenwerkingen"),
    (" Nodes ", "edges"),
])
def test_workbook_sheet_names(tmp_path: Path, actors: str, relations: str) -> None:
    path = _workbook(tmp_path / "w.xlsx", {"uitleg": [["lees mij"]],
                                           actors: [["Naam"], ["Zoë"], ["Eïland"]],
                                           relations: [["Van", "Naar"], ["Zoë", "Eïland"]]})
    raw = read_raw_tables(path)
    assert raw["actors"].frame["name"].tolist() == ["Zoë", "Eïland"]
    assert (raw["actors"].file, raw["actors"].sheet) == ("w.xlsx", actors)


def test_workbook_cells_become_text(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "w.xlsx", {
        "actoren": [["id", "naam", "actief"], [1, "A", True], [2.0, "B", False]],
        "relaties": [["van", "naar", "sterkte"], [1, 2, 3.0]]})
    raw = read_raw_tables(path)
    assert raw["actors"].frame.values.tolist() == [["1", "A", "ja"], ["2", "B", "nee"]]
    assert raw["relations"].frame.values.tolist() == [["1", "2", "3"]]


def test_missing_path() -> None:
    with pytest.raises(InputError) as info:
        read_raw_tables("/nonexistent/wijk")
    assert info.value.problem.code == "problem.file_missing"


@pytest.mark.parametrize("reader", ["tables", "survey", "kumu"])
def test_every_workbook_reader_names_a_pdf_in_disguise(tmp_path, reader):
    """Tables, survey exports and Kumu maps all open workbooks through `open_workbook`."""
    from wijkgraph.errors import InputError
    from wijkgraph.io import load_tables
    from wijkgraph.io.kumu import read_kumu
    from wijkgraph.io.survey import import_survey

    fake = tmp_path / "export.xlsx"
    fake.write_bytes(b"%PDF-1.4 not a workbook")
    read = {"tables": load_tables, "survey": import_survey, "kumu": read_kumu}[reader]
    with pytest.raises(InputError) as info:
        read(fake)
    assert info.value.problem.code == "problem.binary_file"
    assert info.value.problem.file == "export.xlsx"
