"""The layout's arithmetic: numpy distances equal scipy's, ties are read once, layouts are
shared only inside `shared_layouts`, and a grouped layout of one group is the plain layout."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
from scipy.spatial import cKDTree

from wijkgraph.render import _geometry
from wijkgraph.render._geometry import close_pairs, nearest_distances
from wijkgraph.render.layout import (
    graph_ties,
    grouped_layout,
    layout_positions,
    make_label_room,
    shared_layouts,
)


def _points(n: int, seed: int) -> np.ndarray:
    xy = np.random.default_rng(seed).normal(size=(n, 2)) * 120.0
    xy[n // 2] = xy[0]  # a point given twice
    return xy


@pytest.mark.parametrize("n", [3, 40, 300])
def test_numpy_distances_are_the_k_d_trees_to_the_last_bit(n):
    xy = _points(n, seed=n)
    distance, _ = cKDTree(xy).query(xy, k=2)
    assert nearest_distances(xy).tolist() == distance[:, 1].tolist()
    expected = {tuple(p) for p in cKDTree(xy).query_pairs(45.0, output_type="ndarray").tolist()}
    pairs = close_pairs(xy, 45.0).tolist()
    assert {tuple(p) for p in pairs} == expected
    assert pairs == sorted(pairs) and all(i < j for i, j in pairs)


def test_large_point_sets_go_to_the_k_d_tree(monkeypatch):
    xy = _points(60, seed=1)
    small = (nearest_distances(xy).tolist(), sorted(close_pairs(xy, 45.0).tolist()))
    monkeypatch.setattr(_geometry, "BRUTE_FORCE_LIMIT", 10)
    assert (nearest_distances(xy).tolist(), sorted(close_pairs(xy, 45.0).tolist())) == small


def test_every_tie_is_read_once_self_loops_too():
    g = nx.Graph([("a", "b", {"weight": 3}), ("b", "c"), ("c", "c")])
    g.add_node("d")
    index = {n: i for i, n in enumerate(sorted(g))}
    a, b, data = graph_ties(g, index)
    got = sorted(zip(a.tolist(), b.tolist(), [d.get("weight", 1) for d in data], strict=True))
    assert got == [(0, 1, 3), (1, 2, 1), (2, 2, 1)]


def test_layouts_are_shared_only_inside_the_block():
    g = nx.les_miserables_graph()
    with shared_layouts():
        first = layout_positions(g, seed=2)
        assert layout_positions(g, seed=2) is first
        assert layout_positions(g, seed=3) is not first  # another seed: its own
    again = layout_positions(g, seed=2)
    assert again == first and again is not first


def test_grouped_layout_of_one_group_is_the_plain_layout():
    g = nx.connected_watts_strogatz_graph(1100, 6, 0.1, seed=4)  # over 1,000: `rounds` counts
    lay = grouped_layout(g, {n: "all" for n in g}, seed=5, rounds=200)
    assert lay.positions == layout_positions(g, seed=5)
    assert max(map(abs, lay.centres["all"])) <= 1  # one group: at the middle
    quick = grouped_layout(g, {n: "all" for n in g}, seed=5)  # fewer rounds: another picture
    assert set(quick.positions) == set(g) and quick.positions != lay.positions


def test_positions_are_integers_and_distinct():
    g = nx.karate_club_graph()
    g.add_nodes_from(["x", "y"])  # isolates go below the components
    pos = layout_positions(g, seed=0)
    assert all(type(v) is int for xy in pos.values() for v in xy)
    assert len(set(pos.values())) == len(pos)
    assert pos["x"][1] > max(y for n, (_x, y) in pos.items() if n not in ("x", "y"))
    room = make_label_room(pos, {n: (10.0, 60.0, 16.0) for n in pos})
    assert set(room) == set(pos)
