"""What every analysis result shares: a table, an explanation in words, a JSON form.

Each analysis returns a frozen dataclass that implements `Result`: ``to_frame()`` gives a
DataFrame with a stable column order (sorted by value, then name), ``explain(lang)`` two
or three plain sentences in Dutch or English, ``to_dict()`` the JSON-ready section of
``analysis.json``.

Examples
--------
>>> import numpy as np
>>> jsonable({"a": np.int64(3), "b": (1.5, float("nan")), "c": {"x"}})
{'a': 3, 'b': [1.5, None], 'c': ['x']}
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, Protocol, runtime_checkable

import numpy as np
import pandas as pd


@runtime_checkable
class Result(Protocol):
    """The interface of every analysis result."""

    def to_frame(self) -> pd.DataFrame: ...

    def explain(self, lang: str = "nl") -> str: ...

    def to_dict(self) -> dict[str, Any]: ...


def jsonable(value: Any) -> Any:
    """Turn numpy scalars, tuples, sets, NaN and DataFrames into plain JSON values."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:  # the common cases first
        return value
    if kind is float:
        return None if math.isnan(value) or math.isinf(value) else round(value, 6)
    if kind is dict:
        return {str(k): jsonable(v) for k, v in value.items()}
    if kind is list or kind is tuple:
        return [jsonable(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, pd.DataFrame):
        return [jsonable(r) for r in value.to_dict("records")]
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


def sort_frame(frame: pd.DataFrame, value: str, name: str = "name",
               ascending: bool = False) -> pd.DataFrame:
    """Sort by `value` (descending by default), ties by `name`; fresh 0..n index."""
    if frame.empty:
        return frame.reset_index(drop=True)
    return frame.sort_values([value, name], ascending=[ascending, True],
                             kind="mergesort").reset_index(drop=True)
