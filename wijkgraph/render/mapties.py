"""The map's ties as compact rows: declared ties and shared meetings, column by column.

`declared_ties` gives one row ``[a, b, strength, label, explicit]`` per tie of the
analysis view (``a < b`` are actor numbers of the page, labels interned in the order of
the rows); `meeting_ties` gives one row ``[a, b, shared, meetings]`` per pair of actors
that sit in a meeting together without a declared tie. A city has a few hundred thousand
of both: the pairs are sorted and counted with numpy, and Python touches each tie once.

Examples
--------
>>> from wijkgraph.sources.bundled import load_dataset
>>> net = load_dataset("driehoek")
>>> index = {a: i for i, a in enumerate(sorted(net.graph.nodes, key=str))}
>>> rows, labels = declared_ties(net, index)
>>> len(rows) == net.graph.number_of_edges(), all(r[0] < r[1] for r in rows)
(True, True)
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Hashable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from wijkgraph.model.network import WijkNetwork
from wijkgraph.render._ties import as_numbers, graph_ties

#: At most this many co-participation ties are drawn (they grow with meeting size squared).
MAX_MEETING_EDGES = 60_000
#: The most meetings a co-participation tie names.
MEETINGS_PER_TIE = 5
#: The attributes of a tie its row is made of, with their defaults.
TIE_FIELDS = (("weight", 1), ("explicit", True), ("directions", ()), ("kinds", ()),
              ("channels", ()), ("themes", ()))


def edge_label(network: WijkNetwork, d: Mapping[str, Any]) -> str:
    """The text of a declared tie: its kinds, (channels), · themes, · directions.

    >>> from wijkgraph.sources.bundled import load_dataset
    >>> edge_label(load_dataset("driehoek"), {"kinds": ("samenwerking",), "themes": ("zorg",)})
    'samenwerking · zorg'
    """
    parts = [", ".join(d.get("kinds", ()))]
    if d.get("channels"):
        parts.append("(" + ", ".join(d["channels"]) + ")")
    if d.get("themes"):
        parts.append("· " + ", ".join(d["themes"]))
    if d.get("directions"):
        arrows = [f"{network.label(s)} → {network.label(t)}" for s, t in d["directions"]]
        parts.append("· " + "; ".join(arrows))
    return " ".join(p for p in parts if p)


def declared_ties(network: WijkNetwork, index: Mapping[Hashable, int],
                  label: Callable[[WijkNetwork, Mapping[str, Any]], str] = edge_label
                  ) -> tuple[list[list[int]], list[str]]:
    """Rows ``[a, b, strength 1-4, label, explicit 0/1]`` of every tie of ``network.graph``,
    sorted by (a, b), and the texts their labels point to (first use first).

    Ties with the same kinds, channels and themes (and no direction) share one label,
    made once by `label`.
    """
    low, high, data = graph_ties(network.graph, index)
    if not data:
        return [], []
    order = np.lexsort((high, low))
    n = len(order)
    low, high = low[order], high[order]
    # every attribute the rows need, read in one pass over the ties' dicts
    weight, explicit_, directions, *said = _columns(data, TIE_FIELDS)
    weights = as_numbers(weight)
    if np.isfinite(weights).all():
        strength = np.clip(weights.astype(np.int64), 1, 4)[order]  # int(): toward zero
    else:  # as int() has it (a NaN weight is an error)
        strength = np.clip([int(w or 1) for w in weight], 1, 4)[order]
    explicit = np.fromiter(map(bool, explicit_), dtype=bool, count=n)
    # Ties that say the same share one label, made once. By identity: the network shares
    # one tuple among the ties that say the same (an equal tuple that is another object
    # only makes the same label once more); a tie with directions has a label of its own.
    key = np.zeros(n, dtype=np.int64)
    for column in said:  # kinds, channels, themes
        codes, uniques = pd.factorize(np.fromiter(map(id, column), dtype=np.uint64, count=n))
        key = pd.factorize(key * len(uniques) + codes)[0].astype(np.int64)
    directed = np.fromiter(map(bool, directions), dtype=bool, count=n)
    key[directed] = -1 - np.flatnonzero(directed)
    codes = pd.factorize(key[order], sort=False)[0]  # numbered in order of first use
    first = np.full(int(codes.max()) + 1, n, dtype=np.int64)  # where each is first used
    np.minimum.at(first, codes, np.arange(n))
    texts: dict[str, int] = {}
    if label is edge_label:
        label = _edge_labeller(network)
    label_of = np.array([texts.setdefault(label(network, data[k]), len(texts))
                         for k in order[first].tolist()], dtype=np.int64)
    rows = [list(row) for row in zip(low.tolist(), high.tolist(), strength.tolist(),
                                     label_of[codes].tolist(),
                                     explicit[order].astype(np.int64).tolist(), strict=True)]
    return rows, list(texts)


def _edge_labeller(network: WijkNetwork) -> Callable[[WijkNetwork, Mapping[str, Any]], str]:
    """`edge_label`, the same texts, made faster for the ties with directions (a label of
    their own each, a tenth of a city's ties): the part before the arrows is made once per
    kinds, channels and themes (shared tuples, by identity) and every name looked up once.

    >>> from wijkgraph.sources.bundled import load_dataset
    >>> net = load_dataset("driehoek")
    >>> a, b = sorted(net.graph.nodes)[:2]
    >>> tie = {"kinds": ("samenwerking",), "themes": ("zorg",), "directions": ((a, b),)}
    >>> _edge_labeller(net)(net, tie) == edge_label(net, tie)
    True
    """
    names: dict[Hashable, str] = {}
    heads: dict[tuple[int, int, int], str] = {}

    def name(actor: Hashable) -> str:
        got = names.get(actor)
        if got is None:
            got = names[actor] = network.label(actor)  # type: ignore[arg-type]
        return got

    def label(net: WijkNetwork, d: Mapping[str, Any]) -> str:
        directions = d.get("directions")
        if not directions or net is not network:
            return edge_label(net, d)
        said = (d.get("kinds", ()), d.get("channels"), d.get("themes"))
        key = (id(said[0]), id(said[1]), id(said[2]))  # alive while the ties are
        head = heads.get(key)
        if head is None:
            head = heads[key] = edge_label(net, {k: v for k, v in zip(
                ("kinds", "channels", "themes"), said, strict=True) if v is not None})
        arrows = "· " + "; ".join([f"{name(s)} → {name(t)}" for s, t in directions])
        return f"{head} {arrows}" if head else arrows

    return label


def _columns(data: Sequence[Mapping[str, Any]], fields: Sequence[tuple[str, Any]]
             ) -> list[Sequence[Any]]:
    """``d.get(name, default)`` of every dict of `data`, a column per field of `fields`
    (in one pass at C speed when every dict has them all).

    >>> _columns([{"a": 1, "b": 2}, {"a": 3}], [("a", 0), ("b", 0)])
    [[1, 3], [2, 0]]
    """
    names = [name for name, _default in fields]
    try:
        if len(data) and len(names) > 1:
            return list(zip(*map(operator.itemgetter(*names), data), strict=True))
    except KeyError:
        pass
    return [[d.get(name, default) for d in data] for name, default in fields]


def meeting_ties(network: WijkNetwork, index: Mapping[Hashable, int],
                 meeting_index: Mapping[str, int], declared: list[list[int]],
                 limit: int = MAX_MEETING_EDGES) -> tuple[list[list[Any]], int]:
    """Co-participation ties where no declared tie exists, and how many there are in all.

    One row ``[a, b, shared, meetings]`` per pair (a < b) that sits in a meeting together:
    the number of distinct meetings they share and the first `MEETINGS_PER_TIE` of them
    (numbers of `meeting_index`, ascending), sorted by (a, b). Above `limit` pairs only the
    `limit` that share most meetings are kept (ties broken by a, then b). The same pairs as
    ``network.meeting_graph()``, without building a networkx graph.

    >>> from wijkgraph.sources.bundled import load_dataset
    >>> net = load_dataset("utrecht-oost")
    >>> index = {a: i for i, a in enumerate(sorted(net.graph.nodes, key=str))}
    >>> meetings = {m: i for i, m in enumerate(sorted(net.meetings["id"]))}
    >>> rows, total = meeting_ties(net, index, meetings, declared_ties(net, index)[0])
    >>> total == len(rows) and all(r[2] >= len(r[3]) >= 1 for r in rows)
    True
    """
    triples = network.co_participation
    if not triples:
        return [], 0
    n = max(len(index), 1)
    first = np.array([index[t[0]] for t in triples], dtype=np.int64)
    second = np.array([index[t[1]] for t in triples], dtype=np.int64)
    codes, names = pd.factorize(np.array([t[2] for t in triples], dtype=object))
    pair = np.minimum(first, second) * n + np.maximum(first, second)
    # each (pair, meeting) once, sorted by pair, then meeting
    combos = _distinct(pair * len(names) + codes)
    pair, code = combos // len(names), combos % len(names)
    if declared:
        ties = np.sort(np.array([r[0] * n + r[1] for r in declared], dtype=np.int64))
        at = np.minimum(np.searchsorted(ties, pair), len(ties) - 1)  # isin, by bisection
        keep = ties[at] != pair
        pair, code = pair[keep], code[keep]
    starts = np.flatnonzero(np.r_[True, pair[1:] != pair[:-1]]) if len(pair) else pair
    pairs = pair[starts]
    shared = np.diff(np.r_[starts, len(pair)])
    total = len(pairs)
    chosen = np.arange(total)
    if total > limit:
        chosen = np.sort(np.lexsort((pairs, -shared))[:limit])  # pairs sort as (a, b)
    # the known meetings of each pair, ascending (combos are sorted by pair, then code)
    number = np.array([meeting_index.get(m, -1) for m in names], dtype=np.int64)[code]
    order = np.lexsort((number, pair))
    number = number[order]
    known_start = np.searchsorted(pair[order], pairs[chosen], side="left")
    known_stop = np.searchsorted(pair[order], pairs[chosen], side="right")
    numbers = number.tolist()
    rows = []
    for p, count, lo, hi in zip(pairs[chosen].tolist(), shared[chosen].tolist(),
                                known_start.tolist(), known_stop.tolist(), strict=True):
        known = [m for m in numbers[lo:hi] if m >= 0][:MEETINGS_PER_TIE]
        rows.append([p // n, p % n, count, known])
    return rows, total


def _distinct(values: np.ndarray) -> np.ndarray:
    """The distinct `values`, ascending (`numpy.unique` by sorting).

    >>> _distinct(np.array([3, 1, 3, 2])).tolist()
    [1, 2, 3]
    """
    values = np.sort(values)
    return values[np.r_[True, values[1:] != values[:-1]]] if len(values) else values
