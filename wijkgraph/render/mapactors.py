"""The map's actor rows, built column by column.

`actor_rows` gives one row per actor, in the columns of the page's ``actor_columns``
(``id, name, type, domain, role, wijk, themes, meetings, description, x, y, size, score,
group, rank, why``). A city has a hundred thousand actors: the attributes are read from
the node dicts in one pass at C speed, every column is made in bulk (texts checked once,
codes looked up with ``map``) and the rows are zipped together at the end, instead of a
Python loop doing sixteen things per actor.

Examples
--------
>>> ids = ["a", "b"]
>>> nodes = {"a": {"name": "A", "type": "team", "wijk": ("Oost",)}, "b": {"domain": "zorg"}}
>>> domains, types, wijken, themes = Interner(), Interner(), Interner(), Interner()
>>> rows = actor_rows(ids, nodes, positions={"a": (0, 0), "b": (5, 1)},
...                   scores={"a": 4.0, "b": 1.0}, rank={"a": 1, "b": 2}, reasons={},
...                   groups=None, meeting_index={},
...                   interners=(types, domains, wijken, themes))
>>> rows[0]
['a', 'A', 0, 0, '', [0], [], [], '', 0, 0, 42.0, 4.0, -1, 1, '']
>>> rows[1][:4], rows[1][11], types.values, domains.values
(['b', 'b', 1, 1], 26.0, ['team', ''], ['', 'zorg'])
"""

from __future__ import annotations

import math
import operator
from collections.abc import Hashable, Iterable, Mapping, Sequence
from itertools import chain, repeat
from typing import Any

import numpy as np

#: Node sizes (vis-network canvas units, radius).
MIN_SIZE, MAX_SIZE = 10.0, 42.0
#: The node attributes a row is made of, in the order `_attributes` reads them.
FIELDS = ("name", "type", "domain", "role", "wijk", "themes", "meetings", "description")


class Interner:
    """Strings to small integers, in first-seen order (the page looks them up).

    >>> words = Interner()
    >>> words("b"), words("a"), words("b"), words.values
    (0, 1, 0, ['b', 'a'])
    """

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def __call__(self, value: str) -> int:
        if value not in self.index:
            self.index[value] = len(self.index)
        return self.index[value]

    @property
    def values(self) -> list[str]:
        return list(self.index)

    def codes(self, values: Sequence[str]) -> list[int]:
        """The number of every value of `values`, new ones added in first-seen order.

        >>> words = Interner()
        >>> words.codes(["x", "y", "x"]), words.values
        ([0, 1, 0], ['x', 'y'])
        """
        index = self.index
        for value in dict.fromkeys(values):
            index.setdefault(value, len(index))
        return list(map(index.__getitem__, values))


def text(value: Any) -> str:
    """A cell as the page shows it: "" for nothing (None, NaN), lists joined with "; ".

    >>> text(None), text(float("nan")), text(["a", "", 3]), text(2)
    ('', '', 'a; 3', '2')
    """
    if type(value) is str:  # the common case first
        return value
    if value is None:
        return ""
    if isinstance(value, float) and value != value:
        return ""
    if isinstance(value, list | tuple | set | frozenset):
        return "; ".join(text(v) for v in value if text(v))
    return str(value)


def size(score: float, top: float) -> float:
    """Radius of an actor (canvas units) from its score.

    >>> size(1.0, 4.0), size(0.0, 0.0)
    (26.0, 10.0)
    """
    return MIN_SIZE + (MAX_SIZE - MIN_SIZE) * math.sqrt(score / top) if top > 0 else MIN_SIZE


def _texts(values: Sequence[Any]) -> list[str]:
    """`text` of every value (checked once for the common case: all are text already)."""
    if set(map(type, values)) <= {str}:
        return list(values)
    return list(map(text, values))


def _attributes(ids: Sequence[Hashable], node_data: Mapping[Hashable, Mapping[str, Any]]
                ) -> list[Sequence[Any]]:
    """The `FIELDS` of every actor, a column each (missing: the id as name, else empty)."""
    dicts = list(map(node_data.__getitem__, ids))
    if not dicts:
        return [[] for _ in FIELDS]
    try:
        return list(zip(*map(operator.itemgetter(*FIELDS), dicts), strict=True))
    except KeyError:  # not every actor has every attribute
        defaults: dict[str, Any] = {"type": "", "domain": "", "role": "", "wijk": (),
                                    "themes": (), "meetings": (), "description": ""}
        return [[d.get("name", a) for a, d in zip(ids, dicts, strict=True)]] + [
            [d.get(name, defaults[name]) for d in dicts] for name in FIELDS[1:]]


def _listed(column: Sequence[Iterable[Any]], interner: Interner) -> list[list[int]]:
    """Every actor's texts (wijken, themes) as numbers of `interner`; empty texts dropped."""
    flat = list(chain.from_iterable(column))
    if set(map(type, flat)) <= {str} and "" not in flat:
        interner.codes(flat)  # first-seen order, as one by one
        get = interner.index.__getitem__
        return [list(map(get, values)) for values in column]
    return [[interner(v) for v in map(text, values) if v] for values in column]


def _meetings(column: Sequence[Iterable[Any]], meeting_index: Mapping[str, int]
              ) -> list[list[int]]:
    """Every actor's meetings as ascending numbers of `meeting_index` (unknown ones left out)."""
    flat = set(chain.from_iterable(column))
    if set(map(type, flat)) <= {str} and flat <= meeting_index.keys():
        get = meeting_index.__getitem__
        return [sorted(map(get, set(values))) if values else [] for values in column]
    return [sorted(meeting_index[m] for m in map(str, set(values)) if m in meeting_index)
            if values else [] for values in column]


def _sizes(values: list[float], top: float) -> list[float]:
    """`size` of every score, rounded to 0.1 (square roots in bulk, the same to the bit)."""
    if top <= 0 or not values:
        return [round(MIN_SIZE, 1)] * len(values)
    array = np.array(values, dtype=float)
    if not (array >= 0).all():  # math.sqrt decides what a negative score means
        return [round(size(v, top), 1) for v in values]
    radius = (MIN_SIZE + (MAX_SIZE - MIN_SIZE) * np.sqrt(array / top)).tolist()
    return list(map(round, radius, repeat(1)))


def actor_rows(ids: Sequence[Any], node_data: Mapping[Any, Mapping[str, Any]], *,
               positions: Mapping[Any, tuple[int, int]],
               scores: Mapping[Any, float], rank: Mapping[Any, int],
               reasons: Mapping[Any, str], groups: Sequence[int] | None,
               meeting_index: Mapping[str, int],
               interners: tuple[Interner, Interner, Interner, Interner]
               ) -> list[list[Any]]:
    """One row per actor of `ids` (in that order), the columns of the page's ``actor_columns``.

    Parameters
    ----------
    ids : sequence
        The actors, in the page's order.
    node_data : mapping
        actor -> its attributes (``name``, ``type``, ``domain``, ``role``, ``wijk``,
        ``themes``, ``meetings``, ``description``); ``contact`` is never read.
    positions, scores, rank, reasons : mapping
        actor -> (x, y), key-figure score, rank (0 when missing), why (""; when missing).
    groups : sequence of int, optional
        The overview group of every actor (in the order of `ids`); None: -1 for all.
    meeting_index : mapping
        meeting id -> its number on the page.
    interners : (types, domains, wijken, themes)
        Numbering of the texts, extended in first-seen order.

    Returns
    -------
    list of list
    """
    types, domains, wijken, themes = interners
    name, kind, domain, role, wijk, theme, meetings, description = _attributes(ids, node_data)
    score = list(map(scores.__getitem__, ids))
    top = max(score, default=0.0)
    xy = list(map(positions.__getitem__, ids))
    x = [p[0] for p in xy]
    y = [p[1] for p in xy]
    n = len(ids)
    columns = (
        list(map(str, ids)), _texts(name), types.codes(_texts(kind)),
        domains.codes(_texts(domain)), _texts(role), _listed(wijk, wijken),
        _listed(theme, themes), _meetings(meetings, meeting_index), _texts(description),
        x, y, _sizes(score, top), list(map(round, score, repeat(4))),
        list(groups) if groups is not None else [-1] * n,
        list(map(rank.get, ids, repeat(0))), list(map(reasons.get, ids, repeat(""))))
    return list(map(list, zip(*columns, strict=True)))
