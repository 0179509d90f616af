"""Nearest neighbours and close pairs of points in the plane, for the layout.

Small sets (the maps of a wijk) are measured with numpy, all pairs at once in blocks:
importing ``scipy.spatial`` costs about 0.1 s, more than the whole layout of a wijk.
Larger sets use scipy's k-d tree. Both give the same distances to the last bit (the square
root of the sum of the squared differences, as the k-d tree computes them).

Examples
--------
>>> import numpy as np
>>> xy = np.array([[0.0, 0.0], [3.0, 4.0], [10.0, 0.0]])
>>> nearest_distances(xy).tolist()
[5.0, 5.0, 8.06225774829855]
>>> close_pairs(xy, 5.0).tolist()
[[0, 1]]
"""

from __future__ import annotations

import numpy as np

#: Up to this many points the distances are computed with numpy (all pairs, in blocks).
BRUTE_FORCE_LIMIT = 500
#: Rows of the distance matrix computed at a time.
_BLOCK = 256


def _squared(xy: np.ndarray, start: int, stop: int) -> np.ndarray:
    """Squared distances from points start..stop to every point (a block of rows)."""
    dx = xy[start:stop, 0][:, None] - xy[None, :, 0]
    dy = xy[start:stop, 1][:, None] - xy[None, :, 1]
    return dx * dx + dy * dy


def nearest_distances(xy: np.ndarray) -> np.ndarray:
    """Distance from every point to its nearest other point (0 for a point given twice).

    Parameters
    ----------
    xy : ndarray of shape (n, 2), n >= 2

    Returns
    -------
    ndarray of shape (n,)

    Examples
    --------
    >>> import numpy as np
    >>> nearest_distances(np.array([[0.0, 0.0], [0.0, 0.0], [1.0, 0.0]])).tolist()
    [0.0, 0.0, 1.0]
    """
    n = len(xy)
    if n > BRUTE_FORCE_LIMIT:
        from scipy.spatial import cKDTree

        distance, _ = cKDTree(xy).query(xy, k=2)
        return np.asarray(distance[:, 1], dtype=float)
    out = np.empty(n)
    for start in range(0, n, _BLOCK):
        block = _squared(xy, start, min(start + _BLOCK, n))
        rows = np.arange(len(block))
        block[rows, rows + start] = np.inf  # not the point itself
        out[start:start + len(block)] = np.sqrt(block.min(axis=1))
    return out


def close_pairs(xy: np.ndarray, radius: float) -> np.ndarray:
    """The pairs ``[i, j]`` (i < j) of points at most `radius` apart.

    Ordered by i, then j (up to `BRUTE_FORCE_LIMIT` points; above, in the k-d tree's order).

    Parameters
    ----------
    xy : ndarray of shape (n, 2)
    radius : float

    Returns
    -------
    ndarray of shape (pairs, 2), integers

    Examples
    --------
    >>> import numpy as np
    >>> close_pairs(np.array([[0.0, 0.0], [1.0, 0.0], [2.0, 0.0]]), 1.0).tolist()
    [[0, 1], [1, 2]]
    """
    n = len(xy)
    if n > BRUTE_FORCE_LIMIT:
        from scipy.spatial import cKDTree

        return np.asarray(cKDTree(xy).query_pairs(radius, output_type="ndarray"),
                          dtype=np.intp).reshape(-1, 2)
    limit = radius * radius
    found = []
    for start in range(0, n, _BLOCK):
        block = _squared(xy, start, min(start + _BLOCK, n))
        i, j = np.nonzero(block <= limit)
        i += start
        keep = i < j
        found.append(np.column_stack([i[keep], j[keep]]))
    pairs = np.concatenate(found) if found else np.zeros((0, 2), dtype=np.intp)
    return pairs.astype(np.intp, copy=False)
