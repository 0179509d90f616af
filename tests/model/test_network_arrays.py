"""`WijkNetwork.arcs`, the engines made from arrays and the shared area tree.

The arrays replace networkx graphs on the hot path; these tests check them against the
networkx graphs built the plain way, row by row, on inputs with the awkward cases
(parallel relations, both directions, an actor without ties; the tables refuse
self-loops, the engines' own test has one).
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from wijkgraph.analysis.centrality import degrees_in_out, directed_engine_of
from wijkgraph.analysis.engine import Engine
from wijkgraph.analysis.engine_directed import DirectedEngine
from wijkgraph.model.areas import area_tree
from wijkgraph.model.network import WijkNetwork, build_network
from wijkgraph.model.tables import tables_from_frames
from wijkgraph.sources.bundled import load_dataset


def _awkward() -> WijkNetwork:
    actors = pd.DataFrame({"name": list("ABCDE"), "wijk": ["Oost", "Oost", "", "Zuid", ""]})
    rel = pd.DataFrame({
        "source": ["B", "A", "B", "C", "A", "D", "C", "A"],
        "target": ["A", "B", "A", "A", "C", "B", "B", "B"],
        "strength": [1, 3, 2, 4, 2, 1, 1, 4],
        "directed": ["ja", "nee", "ja", "ja", "ja", "nee", "ja", "ja"]})
    return build_network(tables_from_frames(actors, rel))


def _plain_digraph(net: WijkNetwork) -> nx.DiGraph:
    """The directed view the plain way: one dict entry per arc, strongest weight."""
    dg = nx.DiGraph()
    dg.add_nodes_from(net.graph.nodes)
    rel = net.tables.relations
    arcs: dict[tuple[str, str], int] = {}
    for s, t, w, d in zip(rel["source"], rel["target"], rel["strength"], rel["directed"],
                          strict=True):
        for arc in ((s, t),) if d else ((s, t), (t, s)):
            arcs[arc] = max(arcs.get(arc, 0), int(w))
    dg.add_edges_from((a, b, {"weight": w}) for (a, b), w in arcs.items())
    return dg


@pytest.mark.parametrize("make", [_awkward, lambda: load_dataset("utrecht-oost"),
                                  lambda: load_dataset("groz")])
def test_arcs_are_the_directed_graph_in_its_order(make) -> None:  # noqa: ANN001
    net = make()
    plain = _plain_digraph(net)
    nodes = list(net.graph.nodes)
    arcs = net.arcs
    got = [(nodes[a], nodes[b], {"weight": int(w)})
           for a, b, w in zip(arcs.source, arcs.target, arcs.weight, strict=True)]
    assert got == list(plain.edges(data=True))
    assert list(net.directed_graph().edges(data=True)) == list(plain.edges(data=True))
    # the engine from the arrays is the engine of the networkx graph, edge for edge
    fast, ref = directed_engine_of(net), DirectedEngine(plain)
    assert fast.edges == ref.edges and fast.m == ref.m and fast.nodes == ref.nodes
    assert fast.weights.tobytes() == ref.weights.tobytes()
    assert fast.betweenness().to_numpy().tobytes() == ref.betweenness().to_numpy().tobytes()
    # in- and out-degree as networkx counts them
    ins, outs = degrees_in_out(net)
    assert ins.tolist() == [float(plain.in_degree(v)) for v in nodes]
    assert outs.tolist() == [float(plain.out_degree(v)) for v in nodes]


def test_awkward_arcs_by_hand() -> None:
    """B->A (1, 2 twice: 2), A-B undirected 3 and directed 4: A->B 4, B->A 3; C->A 4,
    A->C 2, C->B 1; D-B undirected 1; E has no arcs."""
    net = _awkward()
    nodes = list(net.graph.nodes)
    pairs = {(nodes[a], nodes[b]): int(w)
             for a, b, w in zip(net.arcs.source, net.arcs.target, net.arcs.weight, strict=True)}
    assert pairs == {("A", "B"): 4, ("B", "A"): 3, ("C", "A"): 4, ("A", "C"): 2,
                     ("C", "B"): 1, ("D", "B"): 1, ("B", "D"): 1}


def test_engine_from_arrays_ignores_self_loops_like_the_graph_engine() -> None:
    g = nx.Graph([("a", "b", {"weight": 2}), ("b", "b", {"weight": 1}), ("b", "c")])
    eng = Engine(g)
    same = Engine.from_arrays(list(g), np.array([0, 1, 1]), np.array([1, 1, 2]),
                              np.array([2.0, 1.0, 1.0]))
    assert same.edges == eng.edges == [(0, 1), (1, 2)] and same.m == eng.m == 3
    assert same.strength().tolist() == eng.strength().tolist() == [2.0, 3.0, 1.0]


def test_area_tree_is_made_once_per_network() -> None:
    net = load_dataset("utrecht-oost")
    tree = area_tree(net)
    assert area_tree(net) is tree
    again = build_network(net.tables, meta=net.meta)  # another object: its own, equal tree
    assert area_tree(again) == tree and "_area_tree" in vars(again)
