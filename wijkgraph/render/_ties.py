"""A graph's ties as arrays, read once for the layout and the map's tie rows.

`graph_ties` gives every tie of a networkx graph once, as node numbers and its attribute
dict; `tie_numbers` and `as_numbers` read a numeric attribute of many ties at numpy speed.
Inside `shared_layouts` (the outputs of one process) a graph is walked once and a
layout computed once: `wijkgraph.render.layout` and `wijkgraph.render.mapties` share
them (`recall`, `keep`). A city has a few hundred thousand ties: walking them is a third
of a second each time at 100,000 actors.

Examples
--------
>>> import networkx as nx
>>> g = nx.Graph([("x", "y", {"weight": 2}), ("y", "z", {})])
>>> a, b, data = graph_ties(g, {"x": 0, "y": 1, "z": 2})
>>> a.tolist(), b.tolist(), tie_numbers(data, "weight").tolist()
([0, 1], [1, 2], [2.0, 1.0])
"""

from __future__ import annotations

import contextlib
import itertools
import operator
from collections.abc import Hashable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    import networkx as nx

#: (graph id, what) -> (graph, value) while `shared_layouts` is active.
_SHARED: dict[tuple[Any, ...], tuple[Any, Any]] | None = None


@contextlib.contextmanager
def shared_layouts() -> Iterator[None]:
    """Inside this block `layout_positions` lays out a graph once per seed and weight.

    The map and the report's picture of a wijk use the same positions; writing both
    (`wijkgraph.render.outputs`) computes them once. Only for the block: a graph changed
    between two calls would otherwise keep its old positions.

    >>> import networkx as nx
    >>> from wijkgraph.render.layout import layout_positions
    >>> g = nx.path_graph(4)
    >>> with shared_layouts():
    ...     layout_positions(g) is layout_positions(g)
    True
    >>> layout_positions(g) is layout_positions(g)
    False
    """
    global _SHARED
    outer = _SHARED
    _SHARED = {} if outer is None else outer
    try:
        yield
    finally:
        _SHARED = outer


def recall(graph: nx.Graph, key: tuple[Any, ...]) -> Any:
    """What `keep` kept for `graph` under `key` inside `shared_layouts`, else None.

    >>> import networkx as nx
    >>> g = nx.Graph()
    >>> with shared_layouts():
    ...     keep(g, ("answer",), 42)
    ...     recall(g, ("answer",)), recall(nx.Graph(), ("answer",))
    (42, None)
    >>> recall(g, ("answer",)) is None  # the block is over
    True
    """
    got = _SHARED.get((id(graph), *key)) if _SHARED is not None else None
    return got[1] if got is not None and got[0] is graph else None


def keep(graph: nx.Graph, key: tuple[Any, ...], value: Any) -> None:
    """Keep `value` for `graph` under `key` until the `shared_layouts` block ends."""
    if _SHARED is not None:
        _SHARED[(id(graph), *key)] = (graph, value)


def _walk(graph: nx.Graph) -> tuple[list[Hashable], np.ndarray, np.ndarray, list[Any]]:
    """``graph.adjacency()`` as arrays: the nodes in the graph's order, both ends of every
    entry (positions in that order; a tie is there from both ends, a self-loop once) and
    the entries' attribute dicts. Walked once per graph inside `shared_layouts`."""
    shared: tuple[list[Hashable], np.ndarray, np.ndarray, list[Any]] | None = recall(
        graph, ("walk",))
    if shared is not None:
        return shared
    # plain dicts (much faster than graph.edges), read at C speed: no loop per node here
    nodes, neighbours = zip(*graph.adjacency(), strict=True) if len(graph) else ((), ())
    where = {node: i for i, node in enumerate(nodes)}
    counts = list(map(len, neighbours))
    second = np.fromiter(map(where.__getitem__, itertools.chain.from_iterable(neighbours)),
                         dtype=np.intp, count=sum(counts))
    data = list(itertools.chain.from_iterable(map(operator.methodcaller("values"), neighbours)))
    first = np.repeat(np.arange(len(nodes), dtype=np.intp), counts)
    walk = (list(nodes), first, second, data)
    keep(graph, ("walk",), walk)
    return walk


def graph_ties(graph: nx.Graph, index: Mapping[Hashable, int]
               ) -> tuple[np.ndarray, np.ndarray, list[dict[str, Any]]]:
    """Every tie of `graph` once: node numbers ``a <= b`` (`index`) and its attributes.

    In the order of ``graph.adjacency()``; a self-loop is there once. Inside
    `shared_layouts` the graph is walked once for the layout and the map's tie rows.

    >>> import networkx as nx
    >>> a, b, data = graph_ties(nx.Graph([("x", "y", {"weight": 2})]), {"x": 1, "y": 0})
    >>> a.tolist(), b.tolist(), data
    ([0], [1], [{'weight': 2}])
    """
    nodes, first, second, data = _walk(graph)
    number = np.fromiter(map(index.__getitem__, nodes), dtype=np.intp, count=len(nodes))
    a, b = number[first], number[second]
    once = a <= b  # an undirected tie is in the neighbours of both its ends
    return a[once], b[once], list(itertools.compress(data, once.tolist()))


def tie_numbers(data: Sequence[Mapping[str, Any]], key: str, default: float = 1.0
                ) -> np.ndarray:
    """``float(d.get(key, default) or default)`` for every attribute dict of `data`, as
    an array (`as_numbers`; read at C speed when every dict has `key`).

    >>> tie_numbers([{"weight": 3}, {"weight": 0}, {}], "weight").tolist()
    [3.0, 1.0, 1.0]
    """
    try:
        values = list(map(operator.itemgetter(key), data))
    except KeyError:
        values = [d.get(key, default) for d in data]
    return as_numbers(values, default)


def as_numbers(values: Sequence[Any], default: float = 1.0) -> np.ndarray:
    """``float(v or default)`` for every value, as an array; at numpy speed when they are
    all numbers (0 and False become `default`, as "or" has it).

    >>> as_numbers([2, 0, 1.5]).tolist(), as_numbers([None, "3"]).tolist()
    ([2.0, 1.0, 1.5], [1.0, 3.0])
    """
    array = np.array(values) if len(values) else np.zeros(0)
    if array.ndim == 1 and array.dtype.kind in "biuf":
        out = array.astype(float)
        out[out == 0] = default
        return out
    return np.array([float(v or default) for v in values], dtype=float)
