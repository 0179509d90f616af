"""tables.xlsx's column templates (`_column_parts`) write the same cells as the cell by
cell path (`_column_cells`), and a workbook without the redundant ``r`` attributes reads
back exactly like one with them."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

from wijkgraph.render import xlsx_sheet
from wijkgraph.render.xlsx import Sheet, _package
from wijkgraph.render.xlsx_sheet import _column_cells, _column_parts

WORDS = ["a", "é & <b>", '"q"', "=1+1", "-3", "@x", " lead", "trail ", "tab\tin", "", "ctl\x07",
         "line\nbreak", "中文", "\U0001f600", "%s %d", "x" * 2500]


def _frame(rng: np.random.Generator, n: int) -> pd.DataFrame:
    floats = rng.normal(0, 1e3, n)
    gaps = floats.copy()
    gaps[rng.random(n) < 0.2] = np.nan
    gaps[rng.random(n) < 0.05] = np.inf
    plain = [f"name {k} é&<" for k in rng.integers(0, 10**6, n)]
    return pd.DataFrame({
        "full": floats, "i": rng.integers(-10**9, 10**9, n), "b": rng.random(n) < 0.5,
        "plain": plain, "gaps": gaps, "after_gap": rng.integers(0, 9, n),
        "words": [WORDS[k] for k in rng.integers(0, len(WORDS), n)],
        "tuples": [tuple(WORDS[:k % 3]) for k in range(n)],
        "mixed": [[None, 1, 2.5, float("nan"), True, "t", ("u", "v")][k % 7] for k in range(n)],
        "strs": pd.array([None if k % 4 == 0 else f"s{k}" for k in range(n)], dtype="string"),
        "gappy": [None if k % 5 == 0 else float("nan") if k % 7 == 0 else f"t{k} &"
                  for k in range(n)],
        "gappy_str": pd.array([None if k % 3 == 0 else f"g{k}" for k in range(n)], dtype="str"),
        "gappy_odd": [None if k % 5 == 0 else WORDS[k % len(WORDS)] for k in range(n)],
        "empties": pd.array([("", "x y", "a&b")[k % 3] for k in range(n)], dtype="str"),
        "plain_tuples": [("a", f"b{k % 4}") for k in range(n)],
        "plain_last": plain,
    })


@pytest.mark.parametrize("seed", range(4))
def test_column_templates_write_the_cells_of_the_slow_path(seed: int) -> None:
    rng = np.random.default_rng(seed)
    frame = _frame(rng, 300)
    rows = [str(r) for r in range(2, 2 + len(frame))]
    for j, name in enumerate(frame.columns):
        letter = xlsx_sheet.column_letter(j + 1)
        piece, args, width = _column_parts(frame[name], letter, rows, "nl")
        cells, want_width = _column_cells(frame[name], letter, rows, "nl")
        got = [piece % tuple(a[i] for a in args) for i in range(len(rows))]
        assert got == cells, name
        assert width == want_width, name


def _workbook(frame: pd.DataFrame) -> bytes:
    out = io.BytesIO()
    _package([Sheet("Blad", frame, [str(c) for c in frame.columns])], "t", out)
    return out.getvalue()


def _read(data: bytes) -> list[tuple]:
    ws = load_workbook(io.BytesIO(data)).worksheets[0]
    cells = [(c.coordinate, c.value, c.data_type, c.quotePrefix, c.font.b)
             for row in ws.iter_rows() for c in row]
    widths = {k: d.width for k, d in ws.column_dimensions.items()}
    return [ws.dimensions, ws.freeze_panes, ws.auto_filter.ref, widths, *cells]


def test_workbook_reads_back_like_the_cell_by_cell_one(monkeypatch: pytest.MonkeyPatch) -> None:
    frame = _frame(np.random.default_rng(11), 200)
    fast = _workbook(frame)

    def slow(column, letter, rows, lang, *, ref=True):  # every cell with its "r", one by one
        cells, width = _column_cells(column, letter, rows, lang)
        return "%s", [cells], width

    monkeypatch.setattr(xlsx_sheet, "_column_parts", slow)
    reference = _workbook(frame)
    assert fast != reference and len(fast) < len(reference)  # fewer "r" attributes
    assert _read(fast) == _read(reference)


def test_cells_after_a_gap_keep_their_place() -> None:
    frame = pd.DataFrame({"a": [1.0, np.nan, 3.0], "b": [1, 2, 3], "c": ["x", "y", "z"]})
    ws = load_workbook(io.BytesIO(_workbook(frame))).worksheets[0]
    assert [[c.value for c in row] for row in ws.iter_rows()] == [
        ["a", "b", "c"], [1, 1, "x"], [None, 2, "y"], [3, 3, "z"]]


def test_large_sheets_spooled_in_blocks_give_the_same_bytes(monkeypatch: pytest.MonkeyPatch,
                                                            tmp_path) -> None:
    """Blocks of rows (`BLOCK`), pieces of a block (`SUB`) and the spool of a large sheet
    change nothing: the same workbook as one made in memory, read back cell for cell, and
    nothing left beside it."""
    from wijkgraph.render import xlsx

    frame = _frame(np.random.default_rng(5), 230)
    monkeypatch.setattr(xlsx_sheet, "BLOCK", 100)  # three blocks; the cells change by block
    monkeypatch.setattr(xlsx_sheet, "SUB", 7)
    monkeypatch.setattr(xlsx, "BLOCK", 10_000)  # kept in memory
    in_memory = _workbook(frame)
    monkeypatch.setattr(xlsx, "BLOCK", 100)  # spooled
    out = io.BytesIO()
    _package([Sheet("Blad", frame, [str(c) for c in frame.columns])], "t", out,
             spool_dir=tmp_path)
    assert out.getvalue() == in_memory
    assert list(tmp_path.iterdir()) == []  # the spool has no name and is gone
    monkeypatch.setattr(xlsx_sheet, "SUB", 100)
    assert _workbook(frame) == in_memory  # pieces of a block: the same text
    rows = list(load_workbook(io.BytesIO(in_memory)).worksheets[0].iter_rows(values_only=True))
    assert len(rows) == 231 and rows[1][1] == frame["i"].iloc[0]
    assert rows[230][3] == frame["plain"].iloc[229]


def test_written_file_is_the_bytes(tmp_path) -> None:
    from wijkgraph.analysis.run import analyse
    from wijkgraph.render.xlsx import tables_xlsx_bytes, write_tables_xlsx
    from wijkgraph.sources.bundled import load_dataset

    net = load_dataset("driehoek")
    result = analyse(net)
    path = write_tables_xlsx(net, result, tmp_path, "en")
    assert path.read_bytes() == tables_xlsx_bytes(net, result, "en")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tables.xlsx"]
    sheets = pd.read_excel(path, sheet_name=None)
    assert len(sheets["Actors"]) == net.n_actors


@pytest.mark.parametrize("seed", range(3))
def test_widths_known_beforehand_are_the_widths_found(seed: int) -> None:
    """`known_widths` (what lets a large sheet stream after its head) gives, column by
    column, the widths the cells ask for (`_column_cells`), or says it cannot."""
    frame = _frame(np.random.default_rng(seed), 300)
    frame["ints"] = np.random.default_rng(seed).integers(-(10**6), 10**3, 300)
    frame["ctl_only"] = pd.array(["\x07\x08", None, "ab\x0bc"] * 100, dtype="str")
    frame["nan_floats"] = pd.Series([None, float("nan"), "x"] * 100, dtype=object)
    rows = [str(r) for r in range(2, 302)]
    known = {}
    for j, name in enumerate(frame.columns):
        got = xlsx_sheet.known_widths(frame[[name]])
        if got is not None:
            known[name] = got[0]
            want = _column_cells(frame[name], xlsx_sheet.column_letter(j + 1), rows, "nl")[1]
            assert got == [want], name
    assert {"i", "b", "plain", "words", "gappy", "gappy_str", "gappy_odd", "empties",
            "ints", "ctl_only", "nan_floats"} <= set(known)
    assert xlsx_sheet.known_widths(frame[["full"]]) is None  # floats: only once written
    assert xlsx_sheet.known_widths(frame[["mixed"]]) is None


def test_streamed_large_sheet_after_its_head_gives_the_same_bytes(
        monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    from wijkgraph.render import xlsx

    frame = _frame(np.random.default_rng(8), 230)
    frame = frame[["i", "b", "plain", "words", "gappy_str", "empties", "gappy_odd"]]
    monkeypatch.setattr(xlsx_sheet, "BLOCK", 100)
    monkeypatch.setattr(xlsx, "BLOCK", 10_000)
    in_memory = _workbook(frame)
    monkeypatch.setattr(xlsx, "BLOCK", 100)  # large: streamed after its head, no spool
    monkeypatch.setattr(xlsx.tempfile, "TemporaryFile", None)
    assert _workbook(frame) == in_memory


def test_an_error_while_compressing_stops_the_making_and_is_raised() -> None:
    from wijkgraph.render.xlsx import _write_behind

    made: list[int] = []

    def chunks():
        for k in range(1000):
            made.append(k)
            yield bytes([k % 256])

    def write(chunk: bytes) -> None:
        if chunk == b"\x03":
            raise OSError(28, "No space left on device")

    with pytest.raises(OSError, match="No space"):
        _write_behind(write, chunks())
    assert len(made) < 20  # the maker stopped soon after (at most the queue ahead)
