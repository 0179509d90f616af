"""Compact JSON text of an analysis.json section, with its tables encoded column by column.

A section's ``to_dict()`` turns every table (DataFrame) into a list of records with
`jsonable` (also in `wijkgraph.analysis._result`): a dict per row, each value converted one by one,
then encoded by `json` with sorted keys. For a city (30,000 actors, millions of cells) that
is most of the time of writing analysis.json. `section_json` gives exactly the same text,
``ENCODE(make())``, faster: while `make` runs, `jsonable` stands a placeholder text in for
each table (`FRAME_TEXTS`), the rest is encoded as usual, and each placeholder is then
replaced by the table's records encoded column by column (`records_json`: a column's
values formatted at once, the rows put together with one ``%`` template).

The text is the same by construction; should a placeholder be found other than exactly
once (a value happens to hold one), the section is simply made and encoded again the
plain way.

Streamed: `section_json_parts` gives the same text in pieces, each table a block of
`ROWS` rows at a time (`records_json_parts`), so a writer never holds a section's whole
text, nor a whole table's cells.

Examples
--------
>>> import pandas as pd
>>> frame = pd.DataFrame({"b": [0.1234567, float("nan")], "a": [1, 2], "c": [("x",), "é"]})
>>> records_json(frame)
'[{"a":1,"b":0.123457,"c":["x"]},{"a":2,"b":null,"c":"é"}]'
>>> records_json(frame) == ENCODE(jsonable(frame))
True
>>> section_json(lambda: jsonable({"n": 2, "rows": frame})) == ENCODE(jsonable({"n": 2, "rows": frame}))
True
>>> list(section_json_parts(lambda: jsonable({"n": 2, "rows": frame.iloc[:, 1:]})))
['{"n":2,"rows":', '[{"a":1,"c":["x"]},{"a":2,"c":"é"}', ']', '}']
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterator, Mapping
from contextvars import ContextVar
from itertools import chain
from json.encoder import encode_basestring
from typing import Any

import numpy as np
import pandas as pd

#: The encoder of a compact analysis.json (`wijkgraph.analysis.run.Analysis.json_sections`).
ENCODE = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode

#: While `section_json` runs: placeholder -> the table (`jsonable` fills it).
FRAME_TEXTS: ContextVar[dict[str, pd.DataFrame] | None] = ContextVar("wijkgraph_frame_texts",
                                                                     default=None)
#: Rows of a table encoded at a time (`records_json_parts`).
ROWS = 5_000


def frame_placeholder(frame: pd.DataFrame, texts: dict[str, pd.DataFrame]) -> str:
    """Keep `frame` in `texts` (encoded later) and return the placeholder that stands in
    for it."""
    key = f"\x00wijkgraph-table-{len(texts)}\x00"
    texts[key] = frame
    return key


def section_json(make: Callable[[], Any]) -> str:
    """``ENCODE(make())`` where `make` returns a `jsonable` value (see the module's doc)."""
    return "".join(section_json_parts(make))


def section_json_parts(make: Callable[[], Any]) -> Iterator[str]:
    """`section_json` in pieces, in order: the text around the tables, and each table a
    block of rows at a time."""
    texts: dict[str, pd.DataFrame] = {}
    token = FRAME_TEXTS.set(texts)
    try:
        value = make()
    finally:
        FRAME_TEXTS.reset(token)
    text = ENCODE(value)
    del value
    if not texts:
        yield text
        return
    quoted = {key: ENCODE(key) for key in texts}
    if any(text.count(q) != 1 for q in quoted.values()):  # a value holds a placeholder
        texts.clear()
        yield ENCODE(make())
        return
    start = 0
    for at, q, key in sorted((text.index(q), q, key) for key, q in quoted.items()):
        yield text[start:at]
        yield from records_json_parts(texts.pop(key))
        start = at + len(q)
    yield text[start:]


def _value_json(value: Any) -> str:
    """One cell as `jsonable` and `ENCODE` would write it (the slow, general path)."""
    token = FRAME_TEXTS.set(None)  # a table inside a cell: its records, not a placeholder
    try:
        return ENCODE(jsonable(value))
    finally:
        FRAME_TEXTS.reset(token)


#: Trailing zeros of a ``%.6f`` text (followed by the separator `_floats_json` uses).
_TRAILING_ZEROS = re.compile("0+,")
def _floats_json(values: list[float], array: np.ndarray) -> list[str]:
    """Floats rounded to 6 decimals as JSON (NaN and infinities as ``null``): the texts of
    ``repr(round(v, 6))``.

    ``round(v, 6)`` is the float of the correctly rounded ``"%.6f" % v`` (both use
    dtoa's mode 3); for |v| < 1e9 that decimal has at most 15 significant digits, so it is
    also the shortest text of the float, which ``repr`` writes in plain notation (trailing
    zeros cut, at least one decimal). These are formatted in one ``%`` call and their
    trailing zeros cut with one regex over the whole column; below 1e-4 ``repr`` writes
    ``1.2e-05`` (made from the short text), the rest (huge values, NaN, infinities) one by
    one.

    >>> vs = [0.5, 2.0, -0.0, 1.23456789, 3e-05, -1.2e-05, 1e-06, 1e-4, 1e20, float("nan")]
    >>> _floats_json(vs, np.array(vs))
    ['0.5', '2.0', '-0.0', '1.234568', '3e-05', '-1.2e-05', '1e-06', '0.0001', '1e+20', 'null']
    """
    n = len(values)
    if not n:
        return []
    with np.errstate(invalid="ignore"):
        a = np.abs(np.asarray(array, dtype=np.float64))
        fast = a < 1e9  # False for NaN
        kept = a[fast]
        tiny = np.flatnonzero((kept < 1e-4) & (kept > 0)).tolist()
    every = bool(fast.all())
    plain = values if every else np.asarray(array, dtype=np.float64)[fast].tolist()
    text = _TRAILING_ZEROS.sub(",", ("%.6f," * len(plain)) % tuple(plain))
    texts = text.replace(".,", ".0,")[:-1].split(",") if plain else []
    for i in tiny:  # "0.000012": repr writes 1.2e-05
        texts[i] = float.__repr__(float(texts[i]))
    if every:
        return texts
    out = ["null"] * n
    for i, t in zip(np.flatnonzero(fast).tolist(), texts, strict=True):
        out[i] = t
    for i in np.flatnonzero(~fast).tolist():
        v = values[i]
        if not (math.isnan(v) or math.isinf(v)):
            out[i] = float.__repr__(round(v, 6))
    return out


def _texts_json(items: list[Any] | tuple[Any, ...]) -> str:
    """A list of texts as JSON (a cell of several values)."""
    return "[" + ",".join(map(encode_basestring, items)) + "]"


def _objects_json(values: list[Any]) -> list[str]:
    """Cells of an object column as JSON: texts at once, the rest by their type."""
    kinds = set(map(type, values))
    if kinds == {str}:
        return list(map(encode_basestring, values))
    out = []
    for v in values:
        kind = type(v)
        if kind is str:
            out.append(encode_basestring(v))
        elif v is None:
            out.append("null")
        elif kind is bool:
            out.append("true" if v else "false")
        elif kind is int:
            out.append(int.__repr__(v))
        elif (kind is list or kind is tuple) and all(type(x) is str for x in v):
            out.append(_texts_json(v))
        elif kind is float:
            out.append("null" if math.isnan(v) or math.isinf(v) else float.__repr__(round(v, 6)))
        else:
            out.append(_value_json(v))
    return out


def column_json(column: pd.Series) -> list[str]:
    """The JSON text of each cell of `column`, as in ``ENCODE(jsonable(frame))``.

    >>> column_json(pd.Series([1.0, 2.5e-7, float("inf")]))
    ['1.0', '0.0', 'null']
    >>> column_json(pd.Series([True, False])), column_json(pd.Series(["a\\"b", None]))
    (['true', 'false'], ['"a\\\\"b"', 'null'])
    """
    kind = column.dtype.kind if isinstance(column.dtype, np.dtype) else "O"
    values = column.tolist()  # plain Python scalars, as `frame_records` takes them
    if kind == "f":
        return _floats_json(values, column.to_numpy())
    if kind == "b":
        return ["true" if v else "false" for v in values]
    if kind in "iu":
        return list(map(int.__repr__, values))
    return _objects_json(values)


def records_json(frame: pd.DataFrame) -> str:
    """``ENCODE(jsonable(frame))``: the rows as records with sorted keys, compact.

    >>> records_json(pd.DataFrame({"x": [1, 2]})), records_json(pd.DataFrame())
    ('[{"x":1},{"x":2}]', '[]')
    """
    return "".join(records_json_parts(frame))


def records_json_parts(frame: pd.DataFrame, rows: int = ROWS) -> Iterator[str]:
    """`records_json` in pieces of `rows` rows: each column of a block formatted at once,
    the block's rows put together with one ``%`` template.

    >>> list(records_json_parts(pd.DataFrame({"x": [1, 2, 3]}), rows=2))
    ['[{"x":1},{"x":2}', ',{"x":3}', ']']
    """
    n = len(frame)
    if not n:
        yield "[]"
        return
    last: dict[str, int] = {}  # a repeated column name: the last column wins, as in a dict
    for j, c in enumerate(frame.columns):
        last[str(c)] = j
    if not last:
        yield "[" + ",".join(["{}"] * n) + "]"
        return
    keys = sorted(last)
    template = "{" + ",".join(encode_basestring(k).replace("%", "%%") + ":%s"
                              for k in keys) + "}"
    for start in range(0, n, rows):
        part = frame.iloc[start:start + rows]
        columns = [column_json(part.iloc[:, last[k]]) for k in keys]
        cells = tuple(chain.from_iterable(zip(*columns, strict=True)))
        del columns
        # one `%` over the block's rows: faster than a `%` per row
        yield ("," if start else "[") + (",".join([template] * len(part)) % cells)
    yield "]"


#: Types `jsonable` returns unchanged.
_AS_IS = frozenset({str, int, bool, type(None)})


def jsonable(value: Any) -> Any:
    """Turn numpy scalars, tuples, sets, NaN and DataFrames into plain JSON values."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:  # the common cases first
        return value
    if kind is float:
        return None if math.isnan(value) or math.isinf(value) else round(value, 6)
    if kind is dict:  # values that stay as they are skip the call
        return {str(k): v if type(v) in _AS_IS else jsonable(v) for k, v in value.items()}
    if kind is list or kind is tuple:
        return [v if type(v) in _AS_IS else jsonable(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, pd.DataFrame):
        texts = FRAME_TEXTS.get()  # writing analysis.json: the table's text, column by column
        return frame_records(value) if texts is None else frame_placeholder(value, texts)
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted(jsonable(v) for v in value)
    if isinstance(value, np.generic):
        return jsonable(value.item())
    if isinstance(value, float):
        return jsonable(float(value))
    if isinstance(value, bool | int | str):
        return value
    if hasattr(value, "to_dict"):
        return jsonable(value.to_dict())
    return str(value)


def frame_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """``[jsonable(r) for r in frame.to_dict("records")]``, column by column (much faster:
    numbers and booleans of numpy columns need no conversion one by one).

    >>> frame_records(pd.DataFrame({"a": [1, 2], "b": [0.1234567, float("nan")], "c": [(1,), "x"]}))
    [{'a': 1, 'b': 0.123457, 'c': [1]}, {'a': 2, 'b': None, 'c': 'x'}]
    """
    if not len(frame.columns):
        return [{} for _ in range(len(frame))]
    keys = [str(c) for c in frame.columns]
    columns = []
    for j in range(frame.shape[1]):
        column = frame.iloc[:, j]
        kind = column.dtype.kind if isinstance(column.dtype, np.dtype) else "O"
        values = column.tolist()  # plain Python scalars
        if kind == "f":
            values = [None if v != v or v in (math.inf, -math.inf) else round(v, 6)
                      for v in values]
        elif kind not in "iub":
            values = [jsonable(v) for v in values]
        columns.append(values)
    return [dict(zip(keys, row, strict=True)) for row in zip(*columns, strict=True)]
