"""Isolated actors and pairs go into a grid below the rest (worked out by hand)."""

from __future__ import annotations

import networkx as nx

from wijkgraph.render.layout import _sorted_nodes, layout_positions


def test_isolates_and_pairs_fill_rows_of_four_cells():
    # no component of three or more: the grid starts at y = -90 + 1.5 * 90 = 45, a cell
    # is 2.2 ties (242 units) wide, four to a row; the pair (its smallest node "c" first
    # in line: bigger components first) is one tie (110) wide. Centred on the box
    # x 0..726, y 45..135: minus (363, 90).
    g = nx.Graph([("c", "f")])
    g.add_nodes_from("abdeg")
    assert layout_positions(g, seed=3) == {
        "c": (-363, -45), "f": (-253, -45), "a": (-121, -45), "b": (121, -45),
        "d": (363, -45), "e": (-363, 45), "g": (-121, 45)}


def test_pairs_and_isolates_sit_below_a_bigger_component():
    g = nx.Graph([(1, 2), (2, 3), (3, 1), (4, 5)])
    g.add_node(6)
    pos = layout_positions(g, seed=0)
    triangle = max(pos[v][1] for v in (1, 2, 3))
    assert pos[4][1] == pos[5][1] == pos[6][1] > triangle
    assert pos[5][0] - pos[4][0] == 110 and pos[6][0] - pos[4][0] in (242, 243)


def test_nodes_sort_by_kind_then_text():
    g = nx.Graph([(10, "b"), (9, "a")])
    assert _sorted_nodes(g) == [10, 9, "a", "b"]
    assert _sorted_nodes(nx.Graph([("b", "a"), ("c", "a")])) == ["a", "b", "c"]
