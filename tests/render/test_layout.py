"""The layout's arithmetic: numpy distances equal scipy's, ties are read once, layouts are
shared only inside `shared_layouts`, and a grouped layout of one group is the plain layout."""

from __future__ import annotations

import math

import networkx as nx
import numpy as np
import pytest
from scipy.spatial import cKDTree

from wijkgraph.render import _geometry
from wijkgraph.render._geometry import close_pairs, nearest_distances
from wijkgraph.render.layout import (
    GRID_LIMIT,
    _reach,
    graph_ties,
    grouped_layout,
    layout_positions,
    make_label_room,
    shared_layouts,
    tie_numbers,
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


def _captured_starts(monkeypatch, n: int) -> list[tuple[int, bool, np.ndarray]]:
    """Lay out a ring of `n` actors; what igraph's Fruchterman-Reingold was given."""
    import igraph as ig

    seen = []
    original = ig.Graph.layout_fruchterman_reingold

    def spy(self, *args, **kwargs):
        seen.append((self.vcount(), kwargs["grid"], np.array(kwargs["seed"])))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(ig.Graph, "layout_fruchterman_reingold", spy)
    layout_positions(nx.cycle_graph(n), seed=3)
    return seen


def test_a_grid_layout_starts_inside_igraphs_grid(monkeypatch):
    # igraph's grid is the square of side sqrt(n) around 0; a start outside it piles the
    # actors into its border cells, which costs about n ** 1.5 a round (5.4 s instead of
    # 0.7 s at 36,000 actors)
    [(n, grid, start)] = _captured_starts(monkeypatch, GRID_LIMIT + 200)
    assert (n, grid) == (GRID_LIMIT + 200, True)
    assert np.abs(start).max() <= math.sqrt(n) / 2
    assert np.abs(start).max() > 0.9 * math.sqrt(n) / 2  # the whole grid is used
    # no grid below the limit (all pairs compared): the start there is as it always was
    [(n, grid, start)] = _captured_starts(monkeypatch, 300)
    assert grid is False and 0.9 * math.sqrt(n) < np.abs(start).max() <= math.sqrt(n)


class _CountingGraph(nx.Graph):
    walks = 0

    def adjacency(self):
        type(self).walks += 1
        return super().adjacency()


def test_inside_shared_layouts_a_graph_is_walked_once():
    g = _CountingGraph(nx.les_miserables_graph())
    index = {node: i for i, node in enumerate(sorted(g))}
    with shared_layouts():
        layout_positions(g, seed=1)
        a, b, data = graph_ties(g, index)
    assert _CountingGraph.walks == 1
    expected = sorted((*sorted((index[u], index[v])), d["weight"])
                      for u, v, d in g.edges(data=True))
    got = zip(a.tolist(), b.tolist(), [d["weight"] for d in data], strict=True)
    assert sorted(got) == expected
    graph_ties(g, index)
    graph_ties(g, index)
    assert _CountingGraph.walks == 3  # outside the block: walked every time
    view = g.subgraph(list(g)[:30])  # a view: its neighbours are no plain dicts
    a, b, data = graph_ties(view, index)
    assert sorted(zip(a.tolist(), b.tolist(), [d["weight"] for d in data], strict=True)) == \
        sorted((*sorted((index[u], index[v])), d["weight"]) for u, v, d in view.edges(data=True))


@pytest.mark.parametrize("data", [
    [{"weight": 3}, {"weight": 0}, {"weight": 2.5}, {"weight": True}, {"weight": False}],
    [{"weight": 3}, {}, {"weight": None}, {"weight": "2"}],  # not all numbers: read one by one
    [],
])
def test_tie_numbers_are_floats_of_the_weight_or_one(data):
    assert tie_numbers(data, "weight").tolist() == [float(d.get("weight", 1) or 1) for d in data]


def test_reach_is_the_largest_hypot_to_the_last_bit():
    rng = np.random.default_rng(7)
    for _ in range(200):
        xy = rng.integers(-60000, 60000, size=(int(rng.integers(1, 50)), 2))
        xy[-1] = xy[0][::-1]  # same distance, another point
        assert _reach(xy) == max(math.hypot(x, y) for x, y in xy.tolist())
    assert _reach(np.zeros((1, 2), dtype=np.int64)) == 0.0


def test_a_city_overview_lays_out_mid_sized_components_on_the_grid(monkeypatch):
    # in a city's overview a component of 300-1,000 actors no longer gets 500 rounds pair
    # by pair (500 x n ** 2: 9.8 s of a 16 s map for a city of 29 such groups)
    import igraph as ig

    from wijkgraph.render.layout import GROUPED_GRID_LIMIT, GROUPED_ROUNDS, ROUNDS_SMALL

    seen = []
    original = ig.Graph.layout_fruchterman_reingold

    def spy(self, *args, **kwargs):
        seen.append((self.vcount(), kwargs.get("grid"), kwargs.get("niter")))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(ig.Graph, "layout_fruchterman_reingold", spy)
    g = nx.disjoint_union(nx.cycle_graph(GROUPED_GRID_LIMIT + 100), nx.cycle_graph(50))
    groups = {n: "a" if n < GROUPED_GRID_LIMIT + 100 else "b" for n in g}
    grouped_layout(g, groups, seed=1)
    assert (GROUPED_GRID_LIMIT + 100, True, GROUPED_ROUNDS) in seen
    assert (50, False, ROUNDS_SMALL) in seen  # a small one as always
    seen.clear()
    layout_positions(g, seed=1)  # a wijk's map and picture: as before
    assert (GROUPED_GRID_LIMIT + 100, False, ROUNDS_SMALL) in seen
