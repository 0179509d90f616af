"""What every analysis result shares: a table, an explanation in words, a JSON form.

Each analysis returns a frozen dataclass that implements `Result`: ``to_frame()`` gives a
DataFrame with a stable column order (sorted by value, then name), ``explain(lang)`` two
or three plain sentences in Dutch or English, ``to_dict(lang)`` the JSON-ready section of
``analysis.json`` (every text in `lang`).

Examples
--------
>>> import numpy as np
>>> jsonable({"a": np.int64(3), "b": (1.5, float("nan")), "c": {"x"}})
{'a': 3, 'b': [1.5, None], 'c': ['x']}
"""

from __future__ import annotations

import html
from typing import Any, Protocol, TypeVar, runtime_checkable

import pandas as pd

from wijkgraph.analysis._json_text import frame_records, jsonable

__all__ = ["DISPLAY_LANG", "DISPLAY_ROWS", "Result", "displayed", "frame_records", "jsonable",
           "sort_frame"]



@runtime_checkable
class Result(Protocol):
    """The interface of every analysis result."""

    def to_frame(self) -> pd.DataFrame: ...

    def explain(self, lang: str = "nl") -> str: ...

    def to_dict(self, lang: str = "nl") -> dict[str, Any]: ...


#: Rows a notebook shows of a result's table (`displayed`).
DISPLAY_ROWS = 8
#: The language of a result's notebook display (its explanation and headline numbers).
DISPLAY_LANG = "nl"

R = TypeVar("R", bound=type)


def _result_repr(self: Any) -> str:
    frame = self.to_frame()
    numbers = []
    try:
        numbers = [f"{n.label} {n.value}" for n in self.summary(DISPLAY_LANG).numbers[:3]]
    except Exception:  # noqa: BLE001 - a repr never fails
        numbers = []
    head = "; ".join(numbers)
    return (f"<{type(self).__name__}{': ' + head if head else ''}; "
            f"to_frame() {frame.shape[0]} x {frame.shape[1]}>")


def _result_html(self: Any) -> str:
    frame = self.to_frame()
    summary = self.summary(DISPLAY_LANG)
    parts = [f"<div><strong>{html.escape(summary.title)}</strong>",
             f"<p>{html.escape(self.explain(DISPLAY_LANG))}</p>"]
    if len(frame):
        parts.append(frame.head(DISPLAY_ROWS).to_html(index=False, escape=True,
                                                       max_cols=8, border=0))
        if len(frame) > DISPLAY_ROWS:
            parts.append(f"<p><code>to_frame()</code>: {len(frame)} x {frame.shape[1]}</p>")
    parts.append("</div>")
    return "".join(parts)


def displayed(cls: R) -> R:
    """Class decorator: a compact ``repr`` and a notebook ``_repr_html_`` for a result.

    The repr is one line (class, the first headline numbers, the table's shape) instead of
    the dataclass's every field; the HTML is the summary's title, `explain` and the first
    `DISPLAY_ROWS` rows of `to_frame` (escaped). Put it above ``@dataclass``.

    >>> from dataclasses import dataclass
    >>> @displayed
    ... @dataclass(frozen=True)
    ... class Demo:
    ...     x: int = 1
    ...     def to_frame(self): return pd.DataFrame({"x": [self.x]})
    ...     def summary(self, lang="nl"): raise RuntimeError
    >>> repr(Demo())
    '<Demo; to_frame() 1 x 1>'
    """
    cls.__repr__ = _result_repr  # type: ignore[assignment]
    cls._repr_html_ = _result_html  # type: ignore[attr-defined]
    return cls


def sort_frame(frame: pd.DataFrame, value: str, name: str = "name",
               ascending: bool = False) -> pd.DataFrame:
    """Sort by `value` (descending by default), ties by `name`; fresh 0..n index."""
    if frame.empty:
        return frame.reset_index(drop=True)
    return frame.sort_values([value, name], ascending=[ascending, True],
                             kind="mergesort").reset_index(drop=True)
