"""The XML of one worksheet of ``tables.xlsx``: cells, rows and the sheet around them.

A sheet is made in blocks of rows (`sheet_rows`), each block with one ``%`` template for
all its rows: a column of finite numbers, booleans or plain texts is one cell template
(`_column_parts`), any other column gives its finished cells (`_column_cells`). A cell
right after a full column leaves out its optional ``r`` reference (28% less to compress
for a city). The column widths, which the sheet's head holds, are known only once every
row is made: `sheet_rows` fills them in as it goes, and the writer
(`wijkgraph.render.xlsx`) puts the head in front of the rows when they are done.

Safe in Excel: text that starts with ``=``, ``+``, ``-`` or ``@`` is stored as a text
cell with Excel's quote prefix, so Excel never evaluates it as a formula. Characters XML
cannot hold (control characters) are dropped.

Examples
--------
>>> import pandas as pd
>>> widths = [0, 0]
>>> rows = "".join(sheet_rows(pd.DataFrame({"a": [1.5], "b": ["x&y"]}), ["a", "b"], "en", widths))
>>> rows.split("</row>")[1]
'<row r="2"><c><v>1.5</v></c><c t="inlineStr"><is><t>x&amp;y</t></is></c>'
>>> widths, sheet_head(widths, "A1:B2").count('width="8"')
([3, 3], 2)
"""

from __future__ import annotations

import contextlib
import math
import re
from collections.abc import Iterator
from itertools import chain
from operator import itemgetter
from typing import Any

import numpy as np
import pandas as pd

from wijkgraph.analysis._summary import fmt_cell

_MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAX_CELL = 32767  # Excel's limit on the length of a text cell
_INF = float("inf")
_FORMULA_START = ("=", "+", "-", "@")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_HEADER_STYLE, _TEXT_STYLE = 1, 2  # bold header; text with Excel's quote prefix
#: Rows of a sheet whose cells are made at a time (a column's cells of one block live at
#: once). Which cells carry their ``r`` depends on the blocks: changing it changes the bytes.
BLOCK = 20_000
#: Rows of a block put together as text at a time.
SUB = 2_000
#: A text starting or ending with one of these takes the careful path of `_cell_xml`.
_PLAIN_HEAD, _PLAIN_TAIL = "=+-@ \t\n", " \t\n"
_HEADS, _TAILS = frozenset(_PLAIN_HEAD), frozenset(_PLAIN_TAIL)
#: `_ILLEGAL` without \x01, which separates the texts of a column while they are cleaned.
_ILLEGAL_BUT_SEP = re.compile(r"[\x00\x02-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def cell_value(value: Any, lang: str = "nl") -> Any:
    """A value as a workbook cell holds it: numbers stay numbers, the rest becomes text.

    Examples
    --------
    >>> cell_value(("a", "b")), cell_value(float("nan")), cell_value("x\\x07y")
    ('a, b', None, 'xy')
    """
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        with contextlib.suppress(ValueError, TypeError):
            value = value.item()
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return None if math.isnan(value) or math.isinf(value) else round(value, 6)
    if isinstance(value, list | tuple | set | frozenset | dict):
        value = fmt_cell(value, lang)
    return _ILLEGAL.sub("", str(value))


def esc(text: str) -> str:
    """Text escaped for XML content and attributes.

    >>> esc('a<b & "c"')
    'a&lt;b &amp; &quot;c&quot;'
    """
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def column_letter(index: int) -> str:
    """1 -> A, 27 -> AA.

    >>> column_letter(1), column_letter(27), column_letter(16384)
    ('A', 'AA', 'XFD')
    """
    letters = ""
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def _cell_xml(ref: str, value: Any, style: int = 0) -> tuple[str, int]:
    """One <c> element and the width its content asks for."""
    if value is None:
        return "", 0
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>', 5
    if isinstance(value, int | float):
        text = repr(value) if isinstance(value, float) else str(value)
        return f'<c r="{ref}"><v>{text}</v></c>', len(text)
    text = str(value)[:_MAX_CELL]
    if text.startswith(_FORMULA_START) and not style:
        style = _TEXT_STYLE
    s_attr = f' s="{style}"' if style else ""
    space = ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""
    return (f'<c r="{ref}" t="inlineStr"{s_attr}><is><t{space}>{esc(text)}</t></is></c>',
            min(len(text), 80))


def _plain_texts(texts: list[str]) -> tuple[list[str], int]:
    """Plain texts cleaned and escaped for ``<t>``, all at once, and the longest (≤ 80).

    The texts are joined with \x01 (a character a cell cannot hold), cleaned and escaped
    as one string and split again: a few C-level passes instead of six calls per cell.
    """
    if texts and "".join(texts).isprintable():
        # no control character (the usual case): nothing to clean, perhaps nothing to escape
        width = min(max(map(len, texts)), 80)
        joined = "\x01".join(texts)
        if not any(c in joined for c in '&<>"'):
            return texts, width
        return esc(joined).split("\x01"), width
    joined = "\x01".join(texts)
    if joined.count("\x01") != len(texts) - 1:  # a text holds \x01 itself: one by one
        cleaned = [_ILLEGAL.sub("", t) for t in texts]
        return [esc(t) for t in cleaned], min(max(map(len, cleaned)), 80)
    joined = _ILLEGAL_BUT_SEP.sub("", joined)
    width = min(max(map(len, joined.split("\x01"))), 80)
    return esc(joined).split("\x01"), width


def _all_plain(values: list[str]) -> bool:
    """Are all these texts plain (not empty, no formula start or edge space, shorter than
    2000)? Their first and last characters are collected as sets, at C speed.

    >>> _all_plain(["a", "b c"]), _all_plain(["a", "=1"]), _all_plain(["a ", "b"])
    (True, False, False)
    """
    if not all(values) or max(map(len, values)) >= 2000:
        return False
    return not (set(map(itemgetter(0), values)) & _HEADS
                or set(map(itemgetter(-1), values)) & _TAILS)


def _joined_tuples(values: list[Any]) -> list[str] | None:
    """Tuples of texts as the texts of their cells (as `fmt_cell` joins them), each
    distinct tuple joined once; None if a value is not a tuple of texts.

    >>> _joined_tuples([("a", "b"), (), ("a", "b")])
    ['a, b', '', 'a, b']
    """
    try:
        distinct: dict[Any, str] = dict.fromkeys(values, "")
    except TypeError:  # a tuple holding a list, or other unhashable values
        return None
    for value in distinct:
        if type(value) is not tuple or not all(type(v) is str for v in value):
            return None
        distinct[value] = ", ".join([" ".join(v.split()) for v in value])
    return list(map(distinct.__getitem__, values))


def _text_cells(texts: list[str], present: np.ndarray | None, n: int, letter: str,
                rows: list[str]) -> tuple[str, list[list[Any]], int] | None:
    """Finished cells of a column of plain texts (empty ones allowed): `texts` are the
    cells at `present` (None: at every row) of `n`; None if a text is not plain.

    >>> _text_cells(["a", ""], None, 2, "C", ["2", "3"])[1]
    [['<c r="C2" t="inlineStr"><is><t>a</t></is></c>', '<c r="C3" t="inlineStr"><is><t></t></is></c>']]
    """
    full = [t for t in texts if t]
    if not full or not _all_plain(full):
        return None
    texts, width = _plain_texts(texts)
    template = f'<c r="{letter}%s" t="inlineStr"><is><t>%s</t></is></c>'
    return "%s", [_place(template, texts, present, n, rows)], width


def _number_gaps(values: list[float], finite: np.ndarray, letter: str, rows: list[str]
                 ) -> tuple[str, list[list[Any]], int]:
    """A column of floats with gaps (NaN, infinities) as finished cells, as `_column_cells`
    writes them.

    >>> _number_gaps([1.5, float("nan")], np.array([True, False]), "B", ["2", "3"])
    ('%s', [['<c r="B2"><v>1.5</v></c>', '']], 3)
    """
    present = np.flatnonzero(finite)
    texts = list(map(float.__repr__, np.asarray(values)[present].tolist()))
    return "%s", [_place(f'<c r="{letter}%s"><v>%s</v></c>', texts, present, len(values),
                         rows)], max(map(len, texts), default=0)


def _place(template: str, texts: list[str], present: np.ndarray | None, n: int,
           rows: list[str]) -> list[str]:
    """``template % (row, text)`` of each text at its row (`present`; None: every row),
    ``""`` in the other `n` rows: one ``%`` for all (the texts hold no \x01)."""
    at = rows if present is None else np.asarray(rows, dtype=object)[present].tolist()
    made = ("\x01".join([template] * len(texts))
            % tuple(chain.from_iterable(zip(at, texts, strict=True)))).split("\x01")
    if present is None:
        return made
    cells = np.full(n, "", dtype=object)
    cells[present] = made
    return cells.tolist()


def _text_gaps(values: list[Any], letter: str, rows: list[str]
               ) -> tuple[str, list[list[Any]], int] | None:
    """A column of plain texts with gaps (None, NaN, empty texts) as finished cells; None
    if it is not."""
    array = np.empty(len(values), dtype=object)
    array[:] = values
    present = np.flatnonzero(~pd.isna(array))
    plain = array[present].tolist()
    if not plain or set(map(type, plain)) != {str}:
        return None
    return _text_cells(plain, present, len(values), letter, rows)


def _column_parts(column: pd.Series, letter: str, rows: list[str], lang: str, *,
                  ref: bool = True) -> tuple[str, list[list[Any]], int]:
    """One column as a piece of the rows' ``%`` template, the piece's arguments (a list
    per ``%s``, one item per row) and the width the column asks for.

    A column of finite numbers, booleans or plain texts is one cell template with the row
    number and the value; any other column gives its finished cells (`_column_cells`).
    The cells are the same either way.

    >>> piece, args, width = _column_parts(pd.Series(["x", "y&z"]), "B", ["2", "3"], "nl")
    >>> cells = _column_cells(pd.Series(["x", "y&z"]), "B", ["2", "3"], "nl")[0]
    >>> piece % (args[0][1], args[1][1]) == cells[1], width
    (True, 3)
    """
    values = column.tolist()  # plain Python scalars
    kind = column.dtype.kind if isinstance(column.dtype, np.dtype) else "O"
    cell, at = (f'<c r="{letter}%s"', [rows]) if ref else ("<c", [])
    if values and kind == "b":
        return cell + ' t="b"><v>%d</v></c>', [*at, values], 5
    if values and kind in "iu":
        return cell + "><v>%d</v></c>", [*at, values], \
            max(len(str(max(values))), len(str(min(values))))
    if values and kind == "f":
        finite = np.isfinite(column.to_numpy())
        if finite.all():
            texts = list(map(float.__repr__, values))
            return cell + "><v>%s</v></c>", [*at, texts], max(map(len, texts))
        return _number_gaps(values, finite, letter, rows)
    types = set(map(type, values)) if kind == "O" else set()
    if types == {tuple} and (joined := _joined_tuples(values)) is not None:
        # as `_column_cells` writes them: finished cells (the next cell keeps its "r")
        made = _text_cells(joined, None, len(joined), letter, rows)
        if made is not None:
            return made
        column = pd.Series(joined, dtype=object)
    if values and types == {str} and _all_plain(values):
        texts, width = _plain_texts(values)
        return cell + ' t="inlineStr"><is><t>%s</t></is></c>', [*at, texts], width
    if str in types and types <= {str, float, type(None)}:  # texts with gaps (None, NaN)
        gaps = _text_gaps(values, letter, rows)
        if gaps is not None:
            return gaps
    cells, width = _column_cells(column, letter, rows, lang)
    return "%s", [cells], width


def _column_cells(column: pd.Series, letter: str, rows: list[str], lang: str
                  ) -> tuple[list[str], int]:
    """The <c> elements of one column (``""`` for an empty cell) and the width it asks for.

    Numbers, booleans and plain texts are formatted column by column; everything else
    (lists, texts that look like formulas or carry edge spaces) goes through `cell_value`
    and `_cell_xml`.
    """
    prefix = f'<c r="{letter}'
    values = column.tolist()  # plain Python scalars
    kind = column.dtype.kind if isinstance(column.dtype, np.dtype) else "O"
    if kind == "b":
        return [f'{prefix}{r}" t="b"><v>{int(v)}</v></c>' for r, v in zip(rows, values, strict=True)], \
            5 if values else 0
    if kind in "iu":
        texts = list(map(str, values))
        return [f'{prefix}{r}"><v>{t}</v></c>' for r, t in zip(rows, texts, strict=True)], \
            max(map(len, texts), default=0)
    if kind == "f":
        texts = [repr(v) if v == v and v != _INF and v != -_INF else "" for v in values]
        return [f'{prefix}{r}"><v>{t}</v></c>' if t else "" for r, t in zip(rows, texts, strict=True)], \
            max(map(len, texts), default=0)
    out = [""] * len(values)
    width = 0
    plain: list[int] = []
    plain_texts: list[str] = []
    empty = '" t="inlineStr"><is><t></t></is></c>'
    for i, raw in enumerate(values):
        kind_of = type(raw)
        if (kind_of is tuple or kind_of is list) and all(type(v) is str for v in raw):
            raw = ", ".join([" ".join(v.split()) for v in raw])  # as `fmt_cell` joins them
            kind_of = str
        if kind_of is str:
            if not raw:
                out[i] = f"{prefix}{rows[i]}{empty}"
                continue
            if raw[0] not in _PLAIN_HEAD and raw[-1] not in _PLAIN_TAIL and len(raw) < 2000:
                plain.append(i)
                plain_texts.append(raw)
                continue
        elif kind_of is bool:
            out[i] = f'{prefix}{rows[i]}" t="b"><v>{int(raw)}</v></c>'
            width = max(width, 5)
            continue
        elif raw is None:
            continue
        elif kind_of is int or kind_of is float:
            if raw != raw or raw == _INF or raw == -_INF:
                continue
            text = repr(raw)
            out[i] = f'{prefix}{rows[i]}"><v>{text}</v></c>'
            width = max(width, len(text))
            continue
        elif isinstance(raw, float) and raw != raw:
            continue
        xml, w = _cell_xml(f"{letter}{rows[i]}", cell_value(raw, lang))
        out[i] = xml
        width = max(width, w)
    if plain:
        texts, w = _plain_texts(plain_texts)
        width = max(width, w)
        for i, text in zip(plain, texts, strict=True):
            out[i] = f'{prefix}{rows[i]}" t="inlineStr"><is><t>{text}</t></is></c>'
    return out, width


def known_widths(frame: pd.DataFrame) -> list[int] | None:
    """The width each column asks for, as `sheet_rows` finds them, if that is cheap to know
    beforehand: columns of integers, booleans and texts (with gaps). None when a column
    holds anything else (floats: their width is that of their shortest text, known only
    once they are written).

    A text asks for its length without the characters XML cannot hold, at most 80.

    >>> known_widths(pd.DataFrame({"i": [5, -120], "b": [True, False], "t": ["ab", None]}))
    [4, 5, 2]
    >>> known_widths(pd.DataFrame({"f": [0.5]})) is None
    True
    """
    widths = []
    for j in range(frame.shape[1]):
        column = frame.iloc[:, j]
        kind = column.dtype.kind if isinstance(column.dtype, np.dtype) else "O"
        if not len(column):
            widths.append(0)
        elif kind == "b":
            widths.append(5)
        elif kind in "iu":
            array = column.to_numpy()
            widths.append(max(len(str(array.max())), len(str(array.min()))))
        elif kind == "O":
            values = column.tolist()
            types = set(map(type, values))
            if not types <= {str, float, type(None)}:
                return None
            texts = [v for v in values if type(v) is str] if types != {str} else values
            if types - {str} and any(v == v for v in values if type(v) is float):
                return None  # a number among the texts
            if not "".join(texts).isprintable():
                texts = [_ILLEGAL.sub("", t) for t in texts]
            widths.append(min(max(map(len, texts), default=0), 80))
        else:
            return None
    return widths


def sheet_rows(frame: pd.DataFrame, headers: list[str], lang: str, widths: list[int]
               ) -> Iterator[str]:
    """The ``<row>`` elements of a sheet (the header row first), a block of `BLOCK` rows at
    a time; `widths` (one per header, zeros to start) gets the width each column asks for,
    complete once the last block is made."""
    letters = [column_letter(j) for j in range(1, max(len(headers), 1) + 1)]
    cells = []
    for j, header in enumerate(headers):
        xml, width = _cell_xml(f"{letters[j]}1", header, _HEADER_STYLE)
        cells.append(xml)
        widths[j] = max(widths[j], width)
    yield f'<row r="1">{"".join(cells)}</row>'
    for start in range(0, len(frame), BLOCK):
        part = frame.iloc[start:start + BLOCK]
        rows = [str(r) for r in range(start + 2, start + 2 + len(part))]
        pieces: list[str] = []
        args: list[list[Any]] = []
        for j in range(part.shape[1]):
            # a cell right after a full column (every row has a cell there) needs no "r"
            needs_ref = j > 0 and pieces[-1] == "%s"
            piece, column_args, width = _column_parts(part.iloc[:, j], letters[j], rows, lang,
                                                      ref=needs_ref)
            widths[j] = max(widths[j], width)
            pieces.append(piece)
            args += column_args
        # one `%` over many rows: much faster than a string per cell and row; `SUB` rows
        # at a time, so that the text of a whole block is never made at once
        template = '<row r="%s">' + "".join(pieces) + "</row>"
        columns = [rows, *args]
        for lo in range(0, len(rows), SUB):
            chunk = [c[lo:lo + SUB] for c in columns]
            yield ("".join([template] * len(chunk[0]))
                   % tuple(chain.from_iterable(zip(*chunk, strict=True))))
        del columns, args


def sheet_head(widths: list[int], ref: str) -> str:
    """The XML in front of a sheet's rows: dimension, frozen header row, column widths."""
    cols = "".join(f'<col min="{j}" max="{j}" width="{max(8, min(w + 2, 60))}" customWidth="1"/>'
                   for j, w in enumerate(widths, start=1))
    return (
        _XML_HEAD + f'<worksheet xmlns="{_MAIN_NS}" xmlns:r="{_REL_NS}">'
        f'<dimension ref="{ref}"/>'
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" '
        'activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" '
        'sqref="A2"/></sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>'
        f'<cols>{cols}</cols><sheetData>'
    )


def sheet_tail(ref: str) -> str:
    """The XML after a sheet's rows: the filter on the header row.

    >>> sheet_tail("A1:B2")
    '</sheetData><autoFilter ref="A1:B2"/></worksheet>'
    """
    return f'</sheetData><autoFilter ref="{ref}"/></worksheet>'
