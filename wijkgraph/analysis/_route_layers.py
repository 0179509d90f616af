"""Shortest-route lengths from many sources at once, for ties of small whole-number length.

A shortest-path pass from one source visits every actor and tie in an order the source
decides: on a city of 100,000 actors that is a walk through memory far larger than the
processor's cache, and the time per tie grows with the network (measured: 4.3x the time
for 3.3x the ties from 30,000 to 100,000 actors). `ArcLayers` walks all ties once per
route length for up to 64 sources together instead: each actor holds one bit per source
("reached"), and the actors at length t from a source are those with a tie of length l
to an actor at length t - l that are not reached before (Dial's buckets, for all sources
at once, with whole arrays). Lengths are whole numbers (the engine's ``12 / strength``
with strengths 1-4, or 1 for steps), so the layers are exact, the same as a
breadth-first search or Dijkstra would find. The sampled harmonic closeness, route
steps and betweenness (Brandes' passes over the arcs on shortest routes, found with the
same bits) of networks above `wijkgraph.analysis.engine.EXACT_LIMIT` use it; smaller
networks are computed exactly by igraph. Only the last bits of the sums differ from one
source at a time (another order of adding); the same on one core or two.

Measured alone on one core, CPU seconds at 30,000 / 100,000 actors of the project's own
generator (old and new code run back to back): route steps (256 sources) 1.57 / 7.26
with igraph, now 0.15 / 0.42; closeness (128 sources) 2.26 / 10.05 with scipy, now
0.44 / 1.95; betweenness (256 sources) 5.76 / 34.5 with igraph, now 2.67 / 9.00; along
the arcs 6.25 / 27.3, now 3.01 / 10.6. A betweenness chunk of 64 sources holds about
180 MB at 100,000 actors (routes and dependencies per source and actor, and the arcs on
shortest routes); 32 sources a chunk would halve that but cost 1.5-1.7x the time.

Examples
--------
The path 0-1-2 with lengths 3 and 4, from sources 0 and 2:

>>> import numpy as np
>>> lay = ArcLayers.undirected(3, np.array([0, 1]), np.array([1, 2]), np.array([3, 4]))
>>> [(t, bits.tolist()) for t, bits in lay.layers([0, 2])]
[(3, [[0, 1, 0]]), (4, [[0, 2, 0]]), (7, [[2, 0, 1]])]

At length 3 actor 1 is reached from source 0 (bit 1), at 4 from source 2 (bit 2), at 7
actor 0 from source 2 and actor 2 from source 0.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np

MAX_LENGTH = 64
"""Longest tie length (a whole number) `ArcLayers` takes; `small_lengths` checks it."""

LAYER_CHUNKS = 2
"""Chunks the sources of a layered job are split into (fixed, whatever the cores): each
chunk walks all ties once per route length, so fewer, wider chunks cost less; two keep
both cores busy. 128 harmonic sources make 64 a chunk: one 64-bit word per actor."""

_WORD = 64

LAYER_LIMIT = 256
"""Most route lengths (steps of the walk) `ArcLayers` takes before it gives up (`TooDeep`).

Every step walks all ties of the lengths in play, so the walk costs (route lengths x
ties), where a pass per source costs (sources x ties x log): the cities measured need 43
to 63 steps (own and other generator, 30,000 and 100,000 actors); a long chain or a grid
(a road network, say) needs thousands, and the passes per source are then cheaper. The
callers (`wijkgraph.analysis._chunks`) then compute that chunk per source."""


class TooDeep(Exception):
    """The routes are longer than `LAYER_LIMIT` steps: walk the sources one by one."""

_Class = tuple[int, np.ndarray, np.ndarray, np.ndarray, np.ndarray]


def _set_bits(words: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(i, j)`` for every set bit j of ``words[i]`` (a uint64 array), in a fixed order.

    >>> [a.tolist() for a in _set_bits(np.array([5, 0, 2], dtype=np.uint64))]
    [[0, 2, 0], [0, 1, 2]]
    """
    index = np.flatnonzero(words)
    rest = words[index]
    found_i, found_j = [], []
    while len(index):
        low = rest & (~rest + np.uint64(1))  # the lowest set bit
        found_i.append(index)
        found_j.append(np.bitwise_count(low - np.uint64(1)).astype(np.int64))  # 2**j - 1: j ones
        rest = rest ^ low
        keep = rest != 0
        index, rest = index[keep], rest[keep]
    if not found_i:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    return np.concatenate(found_i), np.concatenate(found_j)


def small_lengths(lengths: np.ndarray) -> np.ndarray | None:
    """`lengths` as int64 when every one is a whole number from 1 to `MAX_LENGTH`, else None.

    >>> small_lengths(np.array([12.0, 6.0, 3.0])).tolist(), small_lengths(np.array([0.5]))
    ([12, 6, 3], None)
    """
    lengths = np.asarray(lengths)
    if len(lengths) and not (np.all(lengths >= 1) and np.all(lengths <= MAX_LENGTH)
                             and np.all(lengths == np.rint(lengths))):
        return None
    return np.rint(lengths).astype(np.int64)


class ArcLayers:
    """The arcs of a graph grouped by length and sorted by head, ready for `layers`.

    Travels to worker processes as the plain arrays (`ShippedGraph` does the same) and
    sorts them where first used.

    Parameters
    ----------
    n : int
        Number of vertices.
    tail, head : numpy.ndarray
        The arcs ``tail[i] -> head[i]`` (routes follow them).
    lengths : numpy.ndarray
        Whole-number lengths from 1 to `MAX_LENGTH` (see `small_lengths`).

    Examples
    --------
    >>> lay = ArcLayers(2, np.array([0]), np.array([1]), np.array([1]))   # 0 -> 1 only
    >>> [(t, b.tolist()) for t, b in lay.layers([1])], lay.reach_sums([0])
    ([], (1, 1, 1))
    """

    def __init__(self, n: int, tail: np.ndarray, head: np.ndarray, lengths: np.ndarray,
                 *, both_ways: bool = False) -> None:
        self.n = int(n)
        # compact while shipped (4 + 4 + 1 bytes a tie); int64 arcs are made where used
        self.tail = np.asarray(tail, dtype=np.int32 if n < 2**31 else np.int64)
        self.head = np.asarray(head, dtype=self.tail.dtype)
        self.lengths = np.asarray(lengths, dtype=np.int8)
        self.both_ways = both_ways
        self._classes: list[_Class] | None = None

    def matrix(self) -> Any:
        """The arcs as a scipy CSR matrix of lengths (one entry per tie: read it as
        undirected when `both_ways`)."""
        import scipy.sparse as sp

        return sp.csr_array((self.lengths.astype(float), (self.tail.astype(np.int64),
                                                          self.head.astype(np.int64))),
                            shape=(self.n, self.n))

    @classmethod
    def undirected(cls, n: int, u: np.ndarray, v: np.ndarray, lengths: np.ndarray) -> ArcLayers:
        """Both arcs of every tie ``u[i] - v[i]``."""
        return cls(n, u, v, lengths, both_ways=True)

    def __getstate__(self) -> dict[str, Any]:
        return {k: val for k, val in vars(self).items() if k != "_classes"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        vars(self).update(state, _classes=None)

    def _prepared(self) -> list[_Class]:
        """Per length: (length, tails sorted by head, their heads, the distinct heads,
        where each starts)."""
        if self._classes is None:
            tail = self.tail.astype(np.int64)
            head = self.head.astype(np.int64)
            lengths = self.lengths.astype(np.int64)
            if self.both_ways:
                tail, head, lengths = np.r_[tail, head], np.r_[head, tail], np.r_[lengths, lengths]
            self._classes = []
            for length in np.unique(lengths).tolist():
                pick = np.flatnonzero(lengths == length)
                pick = pick[np.argsort(head[pick], kind="stable")]
                heads = head[pick]
                starts = np.flatnonzero(np.r_[True, heads[1:] != heads[:-1]])
                self._classes.append((int(length), tail[pick].astype(self.tail.dtype),
                                      heads.astype(self.tail.dtype), heads[starts], starts))
        return self._classes

    def layers(self, sources: Sequence[int]) -> Iterator[tuple[int, np.ndarray]]:
        """Per route length t > 0 at which something new is reached, in increasing order:
        ``(t, bits)``, where bit j of ``bits[w, v]`` (word w = j // 64, bit j % 64) says
        that the shortest route from ``sources[64 w + j]`` to v has length t."""
        for t, found, _ in self._walk(sources, arcs=False):
            yield t, found

    def _walk(self, sources: Sequence[int], *, arcs: bool
              ) -> Iterator[tuple[int, np.ndarray, list[tuple[_Class, np.ndarray]]]]:
        """`layers`, and with `arcs` per length class the bits of each arc's tail at
        ``t - length`` (arcs sorted by head): ``bits & found[heads]`` marks the arcs on a
        shortest route, per source."""
        classes = self._prepared()
        k = len(sources)
        words = -(-k // _WORD)
        if not classes or not k:
            return
        span = max(c[0] for c in classes) + 1  # the ring holds the last `span` layers
        start = np.zeros((words, self.n), dtype=np.uint64)
        j = np.arange(k)
        # distinct sources: each (word, vertex) gets its bits once
        start[j // _WORD, np.asarray(sources, dtype=np.int64)] = (
            np.uint64(1) << (j % _WORD).astype(np.uint64))
        reached = start.copy()
        ring: list[np.ndarray | None] = [None] * span
        ring[0] = start
        t = idle = 0
        while idle < span:
            t += 1
            if t > LAYER_LIMIT:
                raise TooDeep(t)
            found = np.zeros((words, self.n), dtype=np.uint64)
            kept: list[tuple[_Class, np.ndarray]] = []
            for cls in classes:
                length, tails, _, heads, starts = cls
                before = ring[(t - length) % span] if t >= length else None
                if before is not None:
                    bits = np.take(before, tails, axis=1)
                    found[:, heads] |= np.bitwise_or.reduceat(bits, starts, axis=1)
                    if arcs:
                        kept.append((cls, bits))
            found &= ~reached
            if found.any():
                reached |= found
                ring[t % span], idle = found, 0
                yield t, found, kept
            else:
                ring[t % span] = None
                idle += 1

    def betweenness(self, sources: Sequence[int]) -> np.ndarray:
        """Per vertex v, the sum over `sources` s != v of Brandes' dependency of s on v:
        the share of the shortest routes from s to every other actor that pass through v.

        Brandes' two passes, for up to 64 sources at once: the number of shortest routes
        to each (source, actor) pair is summed layer by layer over the arcs on a shortest
        route (found with the bits of `layers`), then the dependencies flow back over the
        same arcs, last layer first. Unscaled, as igraph's ``betweenness(sources=...)``
        gives it on a directed graph (an undirected graph counts each route both ways:
        halve it).

        >>> lay = ArcLayers.undirected(4, np.array([0, 0, 1, 2]), np.array([1, 2, 3, 3]),
        ...                            np.ones(4))          # the square 0-1-3-2-0
        >>> lay.betweenness([0]).tolist()     # 0 to 3 by 1 or by 2: half a route each
        [0.0, 0.5, 0.5, 0.0]
        """
        k = len(sources)
        if k > _WORD:
            raise ValueError(f"at most {_WORD} sources at once, not {k}")
        src = np.asarray(sources, dtype=np.int64) * k + np.arange(k)
        routes = np.zeros(self.n * k)  # (actor, source) pairs, flat: actor * k + source
        routes[src] = 1.0
        index = np.int32 if self.n * k < 2**31 else np.int64
        steps: list[tuple[np.ndarray, np.ndarray]] = []
        for _, found, kept in self._walk(sources, arcs=True):
            tails_at, heads_at = [], []
            for (_, tails, heads, _, _), bits in kept:
                on = bits[0] & found[0, heads]
                arc, which = _set_bits(on)
                tails_at.append(tails[arc].astype(np.int64) * k + which)
                heads_at.append(heads[arc].astype(np.int64) * k + which)
            before, after = np.concatenate(tails_at), np.concatenate(heads_at)
            np.add.at(routes, after, routes[before])
            steps.append((before.astype(index), after.astype(index)))
        dependency = np.zeros(self.n * k)
        for before, after in reversed(steps):
            np.add.at(dependency, before,
                      routes[before] / routes[after] * (1.0 + dependency[after]))
        dependency[src] = 0.0
        return dependency.reshape(self.n, k).sum(axis=1)

    def harmonic_sums(self, sources: Sequence[int]) -> np.ndarray:
        """Per vertex v, the sum over `sources` s != v that reach v of 1 / length(s, v).

        >>> lay = ArcLayers.undirected(3, np.array([0, 1]), np.array([1, 2]), np.array([1, 1]))
        >>> lay.harmonic_sums([0, 1]).tolist()     # 0: 1/1, 1: 1/1, 2: 1/2 + 1/1
        [1.0, 1.0, 1.5]
        """
        total = np.zeros(self.n)
        for t, bits in self.layers(sources):
            total += np.bitwise_count(bits).sum(axis=0, dtype=np.int64) / t
        return total

    def reach_sums(self, sources: Sequence[int]) -> tuple[int, int, int]:
        """Over the pairs (s in `sources`, v != s) with a route: the sum of the route
        lengths, the number of pairs and the longest length (0 without pairs).

        >>> lay = ArcLayers.undirected(3, np.array([0, 1]), np.array([1, 2]), np.array([1, 1]))
        >>> lay.reach_sums([0, 1])                 # 1 + 2 from 0, 1 + 1 from 1
        (5, 4, 2)
        """
        total = count = longest = 0
        for t, bits in self.layers(sources):
            c = int(np.bitwise_count(bits).sum(dtype=np.int64))
            total, count, longest = total + t * c, count + c, t
        return total, count, longest
