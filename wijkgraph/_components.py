"""Connected components labelled as scipy labels them, without ``scipy.sparse.csgraph``.

Importing ``scipy.sparse.csgraph`` loads ``scipy.sparse.linalg`` and ``scipy.linalg`` too:
about 0.1 s of every ``wijkgraph analyse``, more than the components of a wijk take. The
analyses need only the component of each actor, which igraph (loaded anyway for the
centralities) gives as fast for a wijk; from `SCIPY_FROM` vertices and ties on, where
building an igraph graph from the tie list costs more than the import, scipy's is used.
The labels are the same either way, those of
``scipy.sparse.csgraph.connected_components(..., directed=False)``: components are
numbered 0, 1, ... in the order of their lowest vertex, so results do not change.

Examples
--------
>>> import numpy as np
>>> component_labels(5, np.array([3, 0]), np.array([4, 2])).tolist()
[0, 1, 0, 2, 2]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import igraph as ig

__all__ = ["SCIPY_FROM", "component_labels", "labels_of"]

SCIPY_FROM = 20_000
"""Vertices + ties from which `component_labels` uses scipy (import 0.1 s, then fast)."""


def labels_of(graph: ig.Graph) -> np.ndarray:
    """Component label of each vertex of an igraph `graph` (weak components when directed),
    numbered in the order of their lowest vertex.

    igraph numbers the components as it meets them going through the vertices in order,
    as scipy does.

    >>> import igraph as ig
    >>> labels_of(ig.Graph(n=4, edges=[(1, 3)])).tolist()
    [0, 1, 2, 1]
    """
    return np.asarray(graph.connected_components(mode="weak").membership, dtype=np.int32)


def component_labels(n: int, u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Component label of each of `n` vertices joined by the ties ``(u[i], v[i])``.

    Parameters
    ----------
    n : int
        Number of vertices (0 .. n-1).
    u, v : numpy.ndarray
        The two ends of every tie (self-loops and repeated ties are allowed).

    Returns
    -------
    numpy.ndarray
        One label per vertex: the components numbered in the order of their lowest
        vertex, as ``scipy.sparse.csgraph.connected_components(directed=False)``.

    Examples
    --------
    >>> component_labels(3, np.array([], dtype=int), np.array([], dtype=int)).tolist()
    [0, 1, 2]
    """
    if n + len(u) >= SCIPY_FROM:
        import scipy.sparse as sp
        from scipy.sparse.csgraph import connected_components

        ties = sp.coo_matrix((np.ones(len(u)), (u, v)), shape=(n, n))
        return connected_components(ties, directed=False)[1]
    import igraph as ig

    ends = np.column_stack([np.asarray(u, dtype=np.int64), np.asarray(v, dtype=np.int64)])
    return labels_of(ig.Graph(n=int(n), edges=ends.tolist()))
