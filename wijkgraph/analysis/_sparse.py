"""Sparse-matrix and bit-set helpers of link prediction (`wijkgraph.analysis.linkpred`).

>>> import scipy.sparse as sp
>>> upper(sp.csr_array(np.ones((3, 3)))).toarray().tolist()
[[0.0, 1.0, 1.0], [0.0, 0.0, 1.0], [0.0, 0.0, 0.0]]
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

if TYPE_CHECKING:
    from wijkgraph.analysis.linkpred import Features


def bitsets(values: Sequence[Iterable[str]]) -> tuple[np.ndarray, list[str]]:
    """One row of bits per item (bit k: the item holds word k), and the words.

    >>> bits, words = bitsets([("a", "b"), (), ("b",)])
    >>> bits.ravel().tolist(), words
    ([3, 0, 2], ['a', 'b'])
    """
    vocab: dict[str, int] = {}
    rows: list[int] = []
    ks: list[int] = []
    for i, vs in enumerate(values):
        for v in vs:
            rows.append(i)
            ks.append(vocab.setdefault(v, len(vocab)))
    words = max(1, math.ceil(len(vocab) / 64))
    bits = np.zeros((len(values), words), dtype=np.uint64)
    k = np.array(ks, dtype=np.uint64)
    np.bitwise_or.at(bits, (np.array(rows, dtype=np.int64), (k // np.uint64(64)).astype(np.int64)),
                     np.uint64(1) << (k % np.uint64(64)))
    return bits, list(vocab)


def shared_count(bits: np.ndarray, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """How many words rows ``rows[k]`` and ``cols[k]`` of `bits` share."""
    if bits.shape[1] == 1:  # one word: no sum over words
        flat = bits[:, 0]
        return np.bitwise_count(flat[rows] & flat[cols]).astype(np.float64)
    return np.bitwise_count(bits[rows] & bits[cols]).sum(axis=1).astype(np.float64)


def adjacency_matrix(graph: nx.Graph, index: Mapping[str, int]) -> sp.csr_array:
    """The 0/1 adjacency matrix of `graph` in node order, without self-loops, canonical CSR
    (what ``nx.to_scipy_sparse_array`` gives, made straight from the edge list)."""
    n = len(index)
    if not graph.number_of_edges():
        return sp.csr_array((n, n), dtype=np.float64)
    if graph.is_directed() or graph.is_multigraph():
        adj = nx.to_scipy_sparse_array(graph, nodelist=list(index), weight=None, format="csr",
                                       dtype=np.float64)
    else:
        flat = np.empty(2 * graph.number_of_edges(), dtype=object)
        flat[:] = [v for e in graph.edges() for v in e]
        ends = pd.Index(list(index)).get_indexer(flat).astype(np.int64).reshape(-1, 2)
        rows = np.concatenate([ends[:, 0], ends[:, 1]])
        cols = np.concatenate([ends[:, 1], ends[:, 0]])
        adj = sp.csr_array((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    adj.setdiag(0)
    adj.eliminate_zeros()
    adj.sum_duplicates()
    adj.sort_indices()
    adj.data[:] = 1.0
    return adj


_BLOCK_ENTRIES = 4_000_000


def upper_product(left: sp.csr_array, right: sp.csr_array) -> sp.csr_array:
    """The strict upper triangle of ``left @ right``, made a block of rows at a time so the
    lower triangle is never held (each row is computed as in the whole product)."""
    left, right = sp.csr_array(left), sp.csr_array(right)
    n = left.shape[0]
    # about _BLOCK_ENTRIES products per block: row i costs sum of right's row lengths
    cost = np.zeros(n + 1)
    np.cumsum(np.bincount(np.repeat(np.arange(n), np.diff(left.indptr)), minlength=n,
                          weights=np.diff(right.indptr)[left.indices].astype(np.float64)),
              out=cost[1:])
    bounds = np.unique(np.concatenate([[0], np.searchsorted(
        cost, np.arange(_BLOCK_ENTRIES, cost[-1], _BLOCK_ENTRIES)), [n]]))
    data, indices, counts = [], [], []
    for start, stop in zip(bounds[:-1], bounds[1:], strict=False):
        block = upper(left[start:stop] @ right, offset=int(start))
        data.append(block.data)
        indices.append(block.indices)
        counts.append(np.diff(block.indptr))
    indptr = np.zeros(n + 1, dtype=np.int64)
    if counts:
        np.cumsum(np.concatenate(counts), out=indptr[1:])
    return sp.csr_array((np.concatenate(data) if data else np.zeros(0),
                         np.concatenate(indices) if indices else np.zeros(0, dtype=np.int32),
                         indptr), shape=(n, right.shape[1]))


def upper(matrix: sp.sparray, *, offset: int = 0) -> sp.csr_array:
    """The strict upper triangle (i < j) of a sparse matrix, as canonical CSR; its row k
    is row ``k + offset`` of a larger matrix (a block of rows).

    Filters the CSR arrays in place of `scipy.sparse.triu` (which goes through COO and is
    about three times slower on the 10-million-entry products of a city network).
    """
    m = sp.csr_array(matrix)
    n = m.shape[0]
    rows = np.repeat(np.arange(n), np.diff(m.indptr))
    keep = (m.indices > rows + offset) & (m.data != 0)
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows[keep], minlength=n), out=indptr[1:])
    out = sp.csr_array((m.data[keep], m.indices[keep], indptr), shape=m.shape)
    out.sort_indices()
    return out


def lookup(matrix: sp.csr_array, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """The entries ``matrix[rows[k], cols[k]]`` as a float array (0 where none is stored).

    >>> lookup(sp.csr_array(np.array([[0.0, 2.0], [0.0, 0.0]])), np.array([0, 1]),
    ...        np.array([1, 0])).tolist()
    [2.0, 0.0]
    """
    if matrix.nnz == 0 or len(rows) == 0:
        return np.zeros(len(rows))
    return np.asarray(matrix[rows, cols], dtype=np.float64).ravel()


_CANDIDATE_BLOCK = 2_000_000


def candidate_blocks(feat: Features, *, all_pairs_limit: int
                     ) -> Iterator[tuple[np.ndarray, np.ndarray, dict[str, np.ndarray] | None]]:
    """`candidate_pairs` a block of rows at a time (in order), each pair with its
    ``structure`` and ``meeting`` parts when it comes from those matrices (None: look up)."""
    n = feat.n
    if n < 2:
        return
    if n <= all_pairs_limit:
        rows, cols = np.triu_indices(n, k=1)
        linked = lookup(feat.adjacency, rows, cols) > 0
        yield rows[~linked].astype(np.int64), cols[~linked].astype(np.int64), None
        return
    aa, sm, tied = feat.aa, feat.shared_meetings, upper(feat.adjacency)
    cost = np.concatenate([[0], np.cumsum(np.diff(aa.indptr) + np.diff(sm.indptr))])
    bounds = np.unique(np.concatenate([[0], np.searchsorted(
        cost, np.arange(_CANDIDATE_BLOCK, cost[-1], _CANDIDATE_BLOCK)), [n]]))
    for start, stop in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
        # both upper triangular; one complex matrix carries Adamic-Adar (real part) and
        # shared meetings (imaginary part) on the union of their entries, as stored
        both = sp.csr_array(aa[start:stop].astype(np.complex128) + 1j * sm[start:stop])
        linked = sp.csr_array(both.multiply(tied[start:stop]))
        linked.data[:] = 1.0
        both = sp.csr_array(both - both.multiply(linked))
        both.eliminate_zeros()
        both.sort_indices()
        coo = both.tocoo()
        yield coo.row.astype(np.int64) + start, coo.col.astype(np.int64), {
            "structure": coo.data.real.copy(), "meeting": coo.data.imag.copy()}


def contenders(scores: np.ndarray, top: int) -> np.ndarray:
    """Positions of the scores > 0 that can be among the `top` best: all when there are at
    most ``20 * top``, else those at least the ``20 * top``-th highest. Taken per block of
    scores, the blocks' contenders hold every contender of all scores (a score below a
    block's cut has ``20 * top`` higher ones in that block alone)."""
    keep = np.flatnonzero(scores > 0)
    if len(keep) > top * 20:
        cut = np.partition(scores[keep], len(keep) - top * 20)[len(keep) - top * 20]
        keep = keep[scores[keep] >= cut]
    return keep
