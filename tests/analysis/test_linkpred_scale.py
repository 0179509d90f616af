"""The faster building blocks of link prediction give what the plain computations give.

Adjacency straight from the edge list, the upper triangle of a product made in row
blocks, the expected-pair part from bit rows, and candidates with their structural parts
carried along: each compared with the direct computation (networkx, the full product, the
loop over the model's pairs, sparse look-ups) on random graphs.
"""

from __future__ import annotations

from dataclasses import replace

import networkx as nx
import numpy as np
import pytest
import scipy.sparse as sp

from wijkgraph.analysis import _sparse
from wijkgraph.analysis._sparse import (
    adjacency_matrix,
    candidate_blocks,
    lookup,
    upper,
    upper_product,
)
from wijkgraph.analysis.linkpred import (
    attribute_parts,
    candidate_pairs,
    prepare,
    score_parts,
)


def _graph(seed: int, n: int = 80) -> nx.Graph:
    rng = np.random.default_rng(seed)
    g = nx.gnp_random_graph(n, 0.08, seed=seed)
    g.add_edge(3, 3)  # a self-loop: not a tie in the adjacency
    for v in g:
        g.nodes[v]["meetings"] = tuple(f"m{k}" for k in rng.choice(8, size=rng.integers(0, 3)))
        g.nodes[v]["themes"] = tuple(rng.choice(["a", "b", "c"], size=rng.integers(0, 3)))
        g.nodes[v]["wijk"] = tuple(rng.choice(["Oost", "Zuid"], size=rng.integers(0, 2)))
    return nx.relabel_nodes(g, {v: f"n{(v * 7) % n}" for v in g})  # node order != names


@pytest.mark.parametrize("seed", range(4))
def test_adjacency_is_what_networkx_gives(seed: int) -> None:
    g = _graph(seed)
    index = {v: i for i, v in enumerate(g)}
    want = nx.to_scipy_sparse_array(g, nodelist=list(g), weight=None, format="csr",
                                    dtype=np.float64)
    want.setdiag(0)
    want.eliminate_zeros()
    got = adjacency_matrix(g, index)
    assert got.has_sorted_indices
    for field in ("indptr", "indices", "data"):
        np.testing.assert_array_equal(getattr(got, field), getattr(want, field))


@pytest.mark.parametrize("block", [1, 7, 10**9])
def test_upper_product_in_blocks_is_the_upper_triangle_of_the_product(
        block: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_sparse, "_BLOCK_ENTRIES", block)
    a = sp.csr_array(sp.random(60, 60, density=0.1, random_state=1))
    b = sp.csr_array(sp.random(60, 60, density=0.1, random_state=2))
    want, got = upper(a @ b), upper_product(a, b)
    for field in ("indptr", "indices", "data"):
        np.testing.assert_array_equal(getattr(got, field), getattr(want, field))


def test_expected_part_from_bits_is_the_loop_over_pairs() -> None:
    rng = np.random.default_rng(5)
    feat = prepare(_graph(5))
    flags = tuple(tuple(rng.random(feat.n) < 0.3 for _ in range(4)) for _ in range(70))
    feat = replace(feat, expected=flags)  # 70 pairs: two words of bits
    r, c = rng.integers(0, feat.n, 3000), rng.integers(0, feat.n, 3000)
    same_wijk = (feat.wijk_bits[r] & feat.wijk_bits[c]).any(axis=1)
    want = np.zeros(len(r), dtype=bool)
    for has_a, has_b, open_a, open_b in flags:
        want |= has_a[r] & has_b[c] & (open_a[r] | open_b[c])
        want |= has_b[r] & has_a[c] & (open_b[r] | open_a[c])
    want &= same_wijk | ~feat.has_wijk[r] | ~feat.has_wijk[c]
    assert 0 < want.sum() < len(r)
    np.testing.assert_array_equal(attribute_parts(feat, r, c)["expected"], want)


@pytest.mark.parametrize("block", [50, 10**9])
def test_candidates_carry_their_structural_parts(block: int,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_sparse, "_CANDIDATE_BLOCK", block)
    feat = prepare(_graph(2, n=120))
    blocks = list(candidate_blocks(feat, all_pairs_limit=10))
    assert len(blocks) > 1 if block == 50 else len(blocks) == 1
    rows, cols = (np.concatenate([b[i] for b in blocks]) for i in range(2))
    known = {key: np.concatenate([b[2][key] for b in blocks]) for key in blocks[0][2]}
    assert len(rows) > 100
    np.testing.assert_array_equal(candidate_pairs(feat, all_pairs_limit=10)[0], rows)
    assert (rows < cols).all() and not (lookup(feat.adjacency, rows, cols) > 0).any()
    # every pair with a shared partner or meeting and no tie, each once
    pattern = sp.csr_array(feat.aa + feat.shared_meetings)
    pattern = sp.csr_array(pattern - pattern.multiply(feat.adjacency))
    pattern.eliminate_zeros()
    assert len(rows) == pattern.nnz
    looked_up = score_parts(feat, rows, cols)
    carried = score_parts(feat, rows, cols, known=known)
    for key in looked_up:
        np.testing.assert_array_equal(carried[key], looked_up[key])


@pytest.mark.parametrize("limit", [10, 3000])  # pairs at distance two / every pair
def test_excluded_pairs_leave_the_next_best(limit: int) -> None:
    from wijkgraph.analysis.linkpred import suggest_links
    from wijkgraph.sources.bundled import load_dataset

    net = load_dataset("utrecht-oost")
    ranked = suggest_links(net, top=40, all_pairs_limit=limit).items
    excluded = frozenset(frozenset((s.source, s.target)) for s in ranked[1:30:2])
    got = suggest_links(net, top=10, all_pairs_limit=limit, exclude=excluded).items
    want = [s for s in ranked if frozenset((s.source, s.target)) not in excluded][:10]
    assert [(s.source, s.target, s.score, s.reasons) for s in got] == [
        (s.source, s.target, s.score, s.reasons) for s in want]
