"""Column work without a Python step per row: each distinct value once, then numpy.

Validation checks columns of up to millions of cells that repeat a lot (strengths,
kinds, channels, waves). `distinct` numbers the values (`pandas.factorize`, in the order
they first occur), so a check or a normalisation runs once per distinct value and the
results are spread back with `take`; `first_of_each` finds repeated relations by
combining the numbers of their parts.

Examples
--------
>>> map_distinct(["Zorg ", "zorg", "Zorg "], lambda v: v.strip().lower())
['zorg', 'zorg', 'zorg']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["distinct", "first_of_each", "map_distinct", "matches", "objects", "parsed", "pick", "take"]


def objects(values: Sequence[Any]) -> np.ndarray:
    """`values` as a one-dimensional object array (tuples stay whole).

    >>> objects([("a",), None]).shape
    (2,)
    """
    return np.fromiter(values, dtype=object, count=len(values))


def distinct(values: Sequence[Any]) -> tuple[np.ndarray, list[Any], np.ndarray]:
    """Codes of `values`, the distinct values in the order they first occur, and where.

    >>> codes, once, first = distinct(["b", "a", "b"])
    >>> codes.tolist(), once, first.tolist()
    ([0, 1, 0], ['b', 'a'], [0, 1])
    """
    codes, uniques = pd.factorize(objects(values), sort=False, use_na_sentinel=False)
    first = np.full(len(uniques), len(codes), dtype=np.int64)
    np.minimum.at(first, codes, np.arange(len(codes), dtype=np.int64))
    return codes, list(uniques), first


def take(per_distinct: Sequence[Any], codes: np.ndarray) -> list[Any]:
    """The value of each code (`per_distinct` holds one value per distinct value).

    >>> take(["x", "y"], np.array([1, 0, 1]))
    ['y', 'x', 'y']
    """
    if not len(codes):
        return []
    return objects(per_distinct)[codes].tolist()


def map_distinct(values: Sequence[Any], func: Callable[[Any], Any]) -> list[Any]:
    """``[func(v) for v in values]``, calling `func` once per distinct value."""
    codes, once, _first = distinct(values)
    return take([func(v) for v in once], codes)


def parsed(values: Sequence[Any], parse: Callable[[Any], Any]) -> tuple[np.ndarray, np.ndarray]:
    """``parse`` of every value (once per distinct value) and where it gave None.

    >>> values, failed = parsed(["1", "x", "1"], lambda v: int(v) if v.isdigit() else None)
    >>> values.tolist(), failed.tolist()
    ([1, None, 1], [False, True, False])
    """
    codes, once, _first = distinct(values)
    results = [parse(v) for v in once]
    failed = np.array([r is None for r in results], dtype=bool)
    return objects(take(results, codes)), failed[codes] if len(codes) else failed[:0]


def pick(values: list[Any], keep: np.ndarray) -> list[Any]:
    """The `values` at the positions `keep` (`values` itself when all are kept).

    >>> pick(["a", "b", "c"], np.array([0, 2]))
    ['a', 'c']
    """
    if len(keep) == len(values):
        return values
    return objects(values)[keep].tolist()


def first_of_each(usable: np.ndarray, src: np.ndarray, tgt: np.ndarray, directed: np.ndarray,
                  parts: Sequence[np.ndarray]) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """The `usable` rows that repeat no earlier relation, and each repeat with its first.

    A relation is the same when its pair (ordered when `directed`), its `parts` (kind,
    channel, wave) and its direction are. Actors (`src`, `tgt`) and parts come as numbers
    (one per actor, one per distinct value), which are combined, so no text is made per
    row. Which of two actors is "lower" in an undirected pair only has to be the same
    each time: the numbers' order serves.

    >>> src, tgt = np.array([0, 1, 0]), np.array([1, 0, 1])
    >>> keep, repeats = first_of_each(np.arange(3), src, tgt, np.zeros(3, dtype=bool), ())
    >>> keep.tolist(), repeats
    ([0], [(1, 0), (2, 0)])
    """
    if not len(usable):
        return usable, []
    s, t, flag = src[usable], tgt[usable], directed[usable]
    swap = ~flag & (s > t)
    low, high = np.where(swap, t, s), np.where(swap, s, t)
    codes, bound = np.zeros(len(usable), dtype=np.int64), 1
    for part in (low, high, *(p[usable] for p in parts), flag):
        numbers, once = pd.factorize(part, sort=False)
        if bound * max(len(once), 1) >= 2**62:  # renumber before the product overflows
            codes, seen = pd.factorize(codes, sort=False)
            bound = len(seen)
        codes, bound = codes * len(once) + numbers, bound * max(len(once), 1)
    codes, _ = pd.factorize(codes, sort=False)  # numbered in the order first seen
    first = np.full(int(codes.max()) + 1, len(codes), dtype=np.int64)
    np.minimum.at(first, codes, np.arange(len(codes)))
    repeat = first[codes] != np.arange(len(codes))
    repeats = [(int(usable[k]), int(usable[first[codes[k]]]))
               for k in np.flatnonzero(repeat).tolist()]
    return usable[~repeat], repeats


def matches(pattern: re.Pattern[str], values: list[str]) -> np.ndarray:
    """Which `values` (texts without line breaks) `pattern` matches: one search of all.

    >>> matches(re.compile(r"^\\d+([.,]\\d+)?$"), ["12", "a1", "3,5"]).tolist()
    [True, False, True]
    """
    found = np.zeros(len(values), dtype=bool)
    joined = "\n".join(values)
    if joined.count("\n") != max(len(values) - 1, 0):  # a line break inside a value
        found[:] = [pattern.match(v) is not None for v in values]
        return found
    starts = np.cumsum([0] + [len(v) + 1 for v in values[:-1]])
    lines = re.compile(pattern.pattern, re.MULTILINE)
    hits = [m.start() for m in lines.finditer(joined)]
    found[np.searchsorted(starts, hits, side="right") - 1] = True
    return found
