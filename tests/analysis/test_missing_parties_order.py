"""The partners listed as evidence of a role player: strongest tie first, then by name,
equal ones in the graph's own order, exactly as sorting each actor's partners would."""

from __future__ import annotations

import pandas as pd
import pytest

from wijkgraph.analysis.missing_parties import _ordered_ties
from wijkgraph.model.network import WijkNetwork, build_network
from wijkgraph.model.tables import tables_from_frames
from wijkgraph.sources.bundled import load_dataset


def _namesakes() -> WijkNetwork:
    """H has partners with equal names ("Buurthuis" twice, "Apotheek" twice), equal and
    different strengths, given in an order that differs from the node order."""
    actors = pd.DataFrame({"id": ["h", "b1", "b2", "a1", "a2", "z"],
                           "name": ["Huisarts", "Buurthuis", "Buurthuis", "Apotheek", "Apotheek",
                                    "Zorg"],
                           "domain": ["zorg", "welzijn", "", "zorg", "zorg", ""]})
    rel = pd.DataFrame({"source": ["b2", "h", "h", "a2", "h", "z"],
                        "target": ["h", "a1", "b1", "h", "z", "b1"],
                        "strength": [2, 2, 2, 2, 4, 1]})
    return build_network(tables_from_frames(actors, rel))


def _plain(net: WijkNetwork, actor: str) -> list[str]:
    g = net.graph
    return sorted(g[actor], key=lambda n: (-g[actor][n].get("weight", 1), net.label(n)))


@pytest.mark.parametrize("make", [_namesakes, lambda: load_dataset("utrecht-oost"),
                                  lambda: load_dataset("overvecht-noord")])
def test_ordered_ties_are_each_actors_sorted_partners(make) -> None:  # noqa: ANN001
    net = make()
    ties = _ordered_ties(net)
    nodes = list(net.graph)
    for actor in nodes:
        i = ties.index[actor]
        got = [nodes[j] for j in ties.partner[ties.start[i]:ties.start[i + 1]]]
        assert got == _plain(net, actor), actor


def test_namesakes_by_hand() -> None:
    net = _namesakes()
    ties = _ordered_ties(net)
    i = ties.index["h"]
    got = [str(x) for x in ties.partner[ties.start[i]:ties.start[i + 1]]]
    nodes = list(net.graph)
    # z (4) first; then strength 2 by name: Apotheek a1, a2 (graph order), Buurthuis b2, b1
    assert [nodes[int(j)] for j in got] == ["z", "a1", "a2", "b2", "b1"]
    assert ties.domain[ties.index["b2"]] == "?" and ties.label[i] == "Huisarts"


def test_the_plain_adjacency_path_gives_the_same_order(monkeypatch: pytest.MonkeyPatch) -> None:
    """Weights outside 1-4 (or self-loops) take one pass over the adjacency instead."""
    from wijkgraph.analysis import missing_parties as mp
    from wijkgraph.analysis.engine import engine_for

    net = load_dataset("utrecht-oost")
    fast = _ordered_ties(net)
    monkeypatch.setattr(engine_for(net.graph), "scale", 1.0)
    plain = mp._ordered_ties(net)
    assert fast.partner.tolist() == plain.partner.tolist()
    assert fast.start.tolist() == plain.start.tolist()
