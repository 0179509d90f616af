"""A city's engines are made from arrays before the networkx graph: the same engines."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from wijkgraph.analysis import centrality
from wijkgraph.analysis.engine import Engine, engine_for
from wijkgraph.analysis.engine_directed import DirectedEngine
from wijkgraph.model.network import GraphMaker, build_network
from wijkgraph.model.tables import tables_from_frames


def _network(seed: int, n: int = 60, rows: int = 240):
    rng = np.random.default_rng(seed)
    names = [f"Partij {i:03d}" for i in range(n)]
    src = rng.integers(0, n, rows)
    tgt = (src + rng.integers(1, n, rows)) % n  # never a self-loop
    rel = pd.DataFrame({
        "source": [names[i] for i in src], "target": [names[i] for i in tgt],
        "strength": rng.integers(1, 5, rows).astype(str),
        "directed": np.where(rng.random(rows) < 0.3, "ja", "nee"),
    })
    return build_network(tables_from_frames(pd.DataFrame({"name": names}), rel))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_edge_arrays_list_the_graph_edges_in_order(seed: int) -> None:
    net = _network(seed)
    arrays = net.graph_maker.edge_arrays()
    ids = net.node_ids()
    assert arrays is not None and "graph" not in vars(net)  # no graph made for them
    graph_edges = list(net.graph.edges(data="weight"))
    assert ids == list(net.graph.nodes)
    assert [(ids[a], ids[b], float(w)) for a, b, w in zip(
        arrays.first, arrays.second, arrays.weight, strict=True)] == [
        (a, b, float(w)) for a, b, w in graph_edges]


def test_edge_arrays_refuse_a_pair_listed_twice() -> None:
    maker = GraphMaker([("a", {}), ("b", {})], [("a", "b", {}), ("b", "a", {"weight": 3})])
    assert maker.edge_arrays() is None
    assert maker.graph().number_of_edges() == 1


@pytest.mark.parametrize("seed", [3, 4])
def test_a_city_gets_the_engines_of_its_graph(seed: int, monkeypatch: pytest.MonkeyPatch
                                               ) -> None:
    monkeypatch.setattr(centrality, "EXACT_LIMIT", 10)  # treat the network as a city
    net = _network(seed)
    assert net.is_directed
    centrality.start_centralities(net)
    made, reference = engine_for(net.graph), Engine(net.graph)
    for name in ("u", "v", "weights", "distances"):
        assert getattr(made, name).tobytes() == getattr(reference, name).tobytes(), name
    assert made.nodes == reference.nodes
    directed = centrality.directed_engine_of(net)
    other = DirectedEngine(net.directed_graph())
    assert directed.edges == other.edges
    assert directed.weights.tobytes() == other.weights.tobytes()
