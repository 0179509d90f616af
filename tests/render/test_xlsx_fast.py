"""tables.xlsx's column templates (`_column_parts`) write the same cells as the cell by
cell path (`_column_cells`), and a workbook without the redundant ``r`` attributes reads
back exactly like one with them."""

from __future__ import annotations

import io
from functools import partial

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

from wijkgraph.render import xlsx
from wijkgraph.render.xlsx import _column_cells, _column_parts, _package, _sheet_xml

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
        "plain_last": plain,
    })


@pytest.mark.parametrize("seed", range(4))
def test_column_templates_write_the_cells_of_the_slow_path(seed: int) -> None:
    rng = np.random.default_rng(seed)
    frame = _frame(rng, 300)
    rows = [str(r) for r in range(2, 2 + len(frame))]
    for j, name in enumerate(frame.columns):
        letter = xlsx._column_letter(j + 1)
        piece, args, width = _column_parts(frame[name], letter, rows, "nl")
        cells, want_width = _column_cells(frame[name], letter, rows, "nl")
        got = [piece % tuple(a[i] for a in args) for i in range(len(rows))]
        assert got == cells, name
        assert width == want_width, name


def _workbook(frame: pd.DataFrame) -> bytes:
    headers = [str(c) for c in frame.columns]
    ref = f"A1:{xlsx._column_letter(len(headers))}{len(frame) + 1}"
    return _package([("Blad", partial(_sheet_xml, frame, headers, "nl"), ref)], "t")


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

    monkeypatch.setattr(xlsx, "_column_parts", slow)
    reference = _workbook(frame)
    assert fast != reference and len(fast) < len(reference)  # fewer "r" attributes
    assert _read(fast) == _read(reference)


def test_cells_after_a_gap_keep_their_place() -> None:
    frame = pd.DataFrame({"a": [1.0, np.nan, 3.0], "b": [1, 2, 3], "c": ["x", "y", "z"]})
    ws = load_workbook(io.BytesIO(_workbook(frame))).worksheets[0]
    assert [[c.value for c in row] for row in ws.iter_rows()] == [
        ["a", "b", "c"], [1, 1, "x"], [None, 2, "y"], [3, 3, "z"]]
