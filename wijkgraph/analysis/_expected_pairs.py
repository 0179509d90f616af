"""The best partner of the other role for every open actor, without scoring every pair.

`wijkgraph.analysis.missing_links` looks, for every actor of a role without a tie to the
other role of an expected pair (an *open* actor), for the best-scoring actor of that
other role in the same wijk: the highest combined score (`linkpred.combine`), ties broken
by name, then by the order of the candidates. Scoring every open actor against every
candidate grows with the square of the wijk.

The combined score of a pair is a *structural* part (Adamic-Adar and shared meetings,
non-zero only for pairs at distance two or in a meeting together) plus an *attribute* part
(themes, wijk, crossing domains, expected pair) that depends only on what each of the two
actors is: its themes, wijken, domain and role flags, its *class* (`actor_classes`). When
the structural weights are not negative, the structural part only adds, so the best
partner of an open actor ``p`` is among

* the candidates sharing a partner or a meeting with ``p`` (scored exactly), and
* ``q*``, the best candidate by the attribute part alone (other than ``p`` itself): for a
  candidate ``q`` outside the first group, ``score(p, q) = attr(p, q) <= attr(p, q*) <=
  score(p, q*)`` (in floating point too: rounding is monotone), and on equal scores
  ``q*`` comes first by name.

``q*`` comes from one attribute score per pair of classes (open class x candidate class)
and the first two candidates of each class by name. So the work is the structural rows
of the open actors plus classes x classes, not open x candidates. With a negative
structural weight the dense method is used (`best_partners_dense`, in slices).

Examples
--------
>>> import networkx as nx
>>> from wijkgraph.analysis.linkpred import Weights, prepare
>>> g = nx.path_graph(["a", "b", "c", "d"])
>>> feat = prepare(g)
>>> rank = np.arange(3)  # candidates b, c, d in this order
>>> pos, q, score, _ = best_partners(feat, Weights(), np.array([0]), np.array([1, 2, 3]), rank)
>>> [feat.nodes[i] for i in q], score.round(4).tolist()  # c: a shared partner (b)
(['c'], [1.4427])
>>> best_partners_dense(feat, Weights(), np.array([0]), np.array([1, 2, 3]), rank)[1].tolist()
[2]
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from wijkgraph.analysis.linkpred import Features, Weights, combine, score_parts

SMALL_BLOCK = 50_000  # open x candidates up to which the dense method is the quicker one
_DENSE_CELLS = 4_000_000  # open x candidates scored at once by the dense method


def actor_classes(feat: Features) -> np.ndarray:
    """A class id per actor: equal ids, equal attribute part of the score with anyone.

    The class is the actor's themes, wijken, domain and expected-pair flags (everything
    `linkpred.score_parts` reads apart from the two sparse structural matrices).

    >>> import networkx as nx
    >>> from wijkgraph.analysis.linkpred import prepare
    >>> g = nx.Graph()
    >>> g.add_nodes_from([("a", {"themes": ("x",)}), ("b", {"themes": ("X",)}), ("c", {})])
    >>> actor_classes(prepare(g)).tolist()
    [1, 1, 0]
    """
    cols = [feat.theme_bits, feat.wijk_bits,
            feat.n_themes.astype(np.uint64)[:, None],
            feat.has_wijk.astype(np.uint64)[:, None],
            (feat.domain + 1).astype(np.uint64)[:, None]]
    for arrays in feat.expected:
        flags = sum(a.astype(np.uint64) << np.uint64(k) for k, a in enumerate(arrays))
        cols.append(np.asarray(flags, dtype=np.uint64).reshape(-1, 1))
    key = np.ascontiguousarray(np.hstack(cols))
    if feat.n == 0:
        return np.zeros(0, dtype=np.int64)
    _, inverse = np.unique(key, axis=0, return_inverse=True)
    return inverse.ravel().astype(np.int64)


def _structural(feat: Features, rows: np.ndarray, cols: np.ndarray
                ) -> tuple[sp.csr_array, np.ndarray | None, np.ndarray | None]:
    """Rows `rows` x columns `cols`: an entry wherever the two actors share a partner or a
    meeting (or are the same actor), so wherever `feat.aa` or `feat.shared_meetings` is;
    the work is the paths of length two from `rows` into `cols`.

    With `Features.aa_left` and `meetings_left` the entries are those of `feat.aa` and
    `feat.shared_meetings` themselves (summed over the same partners in the same order), as
    the real and imaginary parts of one complex matrix: returned as the ``structure`` and
    ``meeting`` values of its entries; else only the pattern (values None: look them up).
    """
    adj, inc = feat.adjacency, feat.incidence
    if inc is not None and not inc.nnz:
        inc = None
    if feat.aa_left is None or (inc is not None and feat.meetings_left is None):
        two = sp.csr_array(adj[rows] @ sp.csr_array(adj[cols]).T)
        if inc is not None:
            two = sp.csr_array(two + inc[rows] @ sp.csr_array(inc[cols]).T)
        return two, None, None
    two = sp.csr_array(feat.aa_left[rows] @ sp.csr_array(adj[cols].T)).astype(np.complex128)
    if inc is not None and feat.meetings_left is not None:
        two = sp.csr_array(two + 1j * (feat.meetings_left[rows] @ sp.csr_array(inc[cols].T)))
    return two, two.data.real, two.data.imag


def _choose(owner: np.ndarray, q: np.ndarray, scores: np.ndarray, rank_of: np.ndarray
            ) -> tuple[np.ndarray, np.ndarray]:
    """Per owner the pair with the highest score, ties by lowest candidate rank: the
    positions of the chosen pairs, and the owners that have one (sorted)."""
    if len(owner) == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    order = np.lexsort((rank_of[q], -scores, owner))
    first = np.ones(len(order), dtype=bool)
    first[1:] = owner[order][1:] != owner[order][:-1]
    chosen = order[first]
    return chosen, owner[chosen]


def best_partners(feat: Features, weights: Weights, open_idx: np.ndarray,
                  cand_idx: np.ndarray, cand_rank: np.ndarray, *,
                  classes: np.ndarray | None = None, small_block: int = SMALL_BLOCK
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray, dict[str, np.ndarray]]:
    """The best candidate for every open actor (see module docs).

    Parameters
    ----------
    feat : Features
    weights : Weights
    open_idx : array of int
        Actor positions of the open actors (repeats allowed: each gets its own answer).
    cand_idx : array of int
        Actor positions of the candidates, each at most once.
    cand_rank : array of int
        The tie-break of each candidate (lower first: the rank of its name, then its
        position), all different.
    classes : array of int, optional
        `actor_classes(feat)`, to reuse it.
    small_block : int
        Up to this many open x candidate pairs `best_partners_dense` answers instead (the
        same answer, with less overhead); 0 always takes the class-based method.

    Returns
    -------
    positions, partners, scores, parts
        For every open actor that has a candidate other than itself: its position in
        `open_idx` (increasing), the chosen candidate's actor position, the combined score
        and each part of it (`linkpred.score_parts`).
    """
    open_idx = np.asarray(open_idx, dtype=np.int64)
    cand_idx = np.asarray(cand_idx, dtype=np.int64)
    cand_rank = np.asarray(cand_rank, dtype=np.int64)
    if min(weights.structure, weights.meeting) < 0 \
            or len(open_idx) * len(cand_idx) <= small_block:  # same answer; less overhead
        return best_partners_dense(feat, weights, open_idx, cand_idx, cand_rank)
    if len(open_idx) == 0 or len(cand_idx) == 0:
        return _empty()
    classes = actor_classes(feat) if classes is None else classes
    n = feat.n
    rank_of = np.full(n, np.iinfo(np.int64).max, dtype=np.int64)
    rank_of[cand_idx] = cand_rank

    # --- q*: the best candidate by the attribute part alone, per open actor ----------------
    # candidate classes, each with its first two members by rank
    by_rank = cand_idx[np.argsort(cand_rank, kind="stable")]
    u_q, q_of = np.unique(classes[by_rank], return_inverse=True)
    q_of = q_of.ravel()
    starts = np.searchsorted(np.sort(q_of, kind="stable"), np.arange(len(u_q)))
    grouped = by_rank[np.argsort(q_of, kind="stable")]
    sizes = np.bincount(q_of, minlength=len(u_q))
    first = grouped[starts]
    second = np.where(sizes > 1, grouped[np.minimum(starts + 1, len(grouped) - 1)], -1)
    u_p, p_of = np.unique(classes[open_idx], return_inverse=True)
    p_of = p_of.ravel()
    # one attribute score per (open class, candidate class): members stand for their class
    rep_p = np.zeros(len(u_p), dtype=np.int64)
    rep_p[p_of] = open_idx
    rows = np.repeat(rep_p, len(u_q))
    cols = np.tile(first, len(u_p))
    parts = score_parts(feat, rows, cols, known={})  # the attribute parts only
    attr = combine(parts, weights).reshape(len(u_p), len(u_q))
    first_rank = rank_of[first]
    b1 = _best_column(attr, first_rank)
    masked = attr.copy()
    masked[np.arange(len(u_p)), b1] = -np.inf
    b2 = _best_column(masked, first_rank) if len(u_q) > 1 else np.full(len(u_p), -1)

    k = p_of
    star = first[b1[k]]
    clash = star == open_idx  # p itself is the best: its class's next member, or next class
    if clash.any():
        kc = k[clash]
        alt_a = second[b1[kc]]  # same class, same attribute score
        has_b = b2[kc] >= 0
        alt_b = np.where(has_b, first[np.maximum(b2[kc], 0)], -1)
        score_b = np.where(has_b, attr[kc, np.maximum(b2[kc], 0)], -np.inf)
        score_a = attr[kc, b1[kc]]
        take_a = (alt_a >= 0) & ((alt_b < 0) | (score_a > score_b) |
                                 ((score_a == score_b) & (rank_of[np.maximum(alt_a, 0)] <
                                                          rank_of[np.maximum(alt_b, 0)])))
        star[clash] = np.where(take_a, alt_a, alt_b)
    has_star = star >= 0

    # --- the candidates sharing a partner or a meeting with each open actor ---------------
    sub, structure, meeting = _structural(feat, open_idx, cand_idx)
    owner = np.repeat(np.arange(len(open_idx)), np.diff(sub.indptr))
    q = cand_idx[sub.indices]
    keep = q != open_idx[owner]
    owner = np.concatenate([owner[keep], np.flatnonzero(has_star)])
    q = np.concatenate([q[keep], star[has_star]])

    # --- every remaining pair scored exactly, the best per open actor --------------------
    # (q* with structural parts 0 where it shares nothing; where it does, its entry from
    # the structural rows comes first and wins the tie of equal pairs)
    known = None
    if structure is not None and meeting is not None:
        zeros = np.zeros(int(has_star.sum()))
        known = {"structure": np.concatenate([structure[keep], zeros]),
                 "meeting": np.concatenate([meeting[keep], zeros])}
    parts = score_parts(feat, open_idx[owner], q, known=known)
    scores = combine(parts, weights)
    chosen, positions = _choose(owner, q, scores, rank_of)
    return positions, q[chosen], scores[chosen], {key: v[chosen] for key, v in parts.items()}


def _best_column(values: np.ndarray, rank: np.ndarray) -> np.ndarray:
    """Per row the column with the highest value, ties by the lowest `rank` (-1 when the
    row holds only -inf)."""
    top = values.max(axis=1)
    tied = np.where(values == top[:, None], rank[None, :], np.iinfo(np.int64).max)
    best = tied.argmin(axis=1)
    return np.where(np.isneginf(top), -1, best)


def _empty() -> tuple[np.ndarray, np.ndarray, np.ndarray, dict[str, np.ndarray]]:
    none = np.zeros(0, dtype=np.int64)
    return none, none.copy(), np.zeros(0), {key: np.zeros(0) for key in (
        "structure", "theme", "wijk", "meeting", "cross_domain", "expected")}


def best_partners_dense(feat: Features, weights: Weights, open_idx: np.ndarray,
                        cand_idx: np.ndarray, cand_rank: np.ndarray
                        ) -> tuple[np.ndarray, np.ndarray, np.ndarray, dict[str, np.ndarray]]:
    """`best_partners` by scoring every open actor against every candidate (the reference
    method: any weights, memory in slices of open actors, time open x candidates)."""
    open_idx = np.asarray(open_idx, dtype=np.int64)
    cand_idx = np.asarray(cand_idx, dtype=np.int64)
    cand_rank = np.asarray(cand_rank, dtype=np.int64)
    if len(open_idx) == 0 or len(cand_idx) == 0:
        return _empty()
    step = max(1, _DENSE_CELLS // len(cand_idx))
    out_pos, out_q, out_s = [], [], []
    out_parts: dict[str, list[np.ndarray]] = {}
    for start in range(0, len(open_idx), step):
        o_idx = open_idx[start:start + step]
        rows, cols = np.repeat(o_idx, len(cand_idx)), np.tile(cand_idx, len(o_idx))
        pp = score_parts(feat, rows, cols)
        sc = combine(pp, weights).reshape(len(o_idx), len(cand_idx))
        sc[o_idx[:, None] == cand_idx[None, :]] = -np.inf
        for k in range(len(o_idx)):
            row = sc[k]
            if not np.isfinite(row).any():
                continue
            best = int(np.lexsort((cand_rank, -row))[0])
            flat = k * len(cand_idx) + best
            out_pos.append(start + k)
            out_q.append(cand_idx[best])
            out_s.append(row[best])
            for key, v in pp.items():
                out_parts.setdefault(key, []).append(v[flat:flat + 1])
    if not out_pos:
        return _empty()
    return (np.array(out_pos, dtype=np.int64), np.array(out_q, dtype=np.int64),
            np.array(out_s, dtype=np.float64),
            {key: np.concatenate(v) for key, v in out_parts.items()})
