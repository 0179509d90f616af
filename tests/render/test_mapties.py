"""The map's tie rows against an independent computation with networkx."""

from __future__ import annotations

from collections import defaultdict

import pytest

from wijkgraph.render.mapties import declared_ties, edge_label, meeting_ties
from wijkgraph.sources.bundled import load_dataset


@pytest.fixture(scope="module", params=["utrecht-oost", "overvecht-noord"])
def net(request):
    return load_dataset(request.param)


def _index(net):
    return {a: i for i, a in enumerate(sorted(net.graph.nodes, key=str))}


def test_declared_ties_are_every_edge_with_its_own_label(net):
    index = _index(net)
    rows, labels = declared_ties(net, index)
    expected = []
    for u, v, d in net.graph.edges(data=True):
        a, b = sorted((index[u], index[v]))
        strength = min(max(int(d.get("weight", 1) or 1), 1), 4)
        expected.append((a, b, strength, edge_label(net, d), int(bool(d.get("explicit", True)))))
    assert [(a, b, s, labels[lab], e) for a, b, s, lab, e in rows] == sorted(expected)
    # labels are numbered in order of first use and each text is there once
    firsts = list(dict.fromkeys(r[3] for r in rows))
    assert firsts == list(range(len(labels))) and len(set(labels)) == len(labels)


def test_meeting_ties_are_the_shared_meetings_without_a_declared_tie(net):
    index = _index(net)
    meeting_index = {m: i for i, m in enumerate(sorted(str(m) for m in net.meetings["id"]))}
    declared, _ = declared_ties(net, index)
    rows, total = meeting_ties(net, index, meeting_index, declared)
    shared = defaultdict(set)
    for u, v, m in net.co_participation:
        shared[tuple(sorted((index[u], index[v])))].add(m)
    ties = {(r[0], r[1]) for r in declared}
    expected = sorted([a, b, len(ms), sorted(meeting_index[m] for m in ms)[:5]]
                      for (a, b), ms in shared.items() if (a, b) not in ties)
    assert rows == expected and total == len(expected)
    assert {(a, b) for a, b, *_ in rows} == {
        tuple(sorted((index[u], index[v]))) for u, v in net.meeting_graph().edges} - ties


def test_beyond_the_limit_the_pairs_sharing_most_meetings_stay(net):
    index = _index(net)
    meeting_index = {m: i for i, m in enumerate(sorted(str(m) for m in net.meetings["id"]))}
    declared, _ = declared_ties(net, index)
    every, total = meeting_ties(net, index, meeting_index, declared)
    kept, total_kept = meeting_ties(net, index, meeting_index, declared, limit=3)
    assert total_kept == total
    assert kept == sorted(sorted(every, key=lambda r: (-r[2], r[0], r[1]))[:3])


def test_declared_ties_by_hand():
    import pandas as pd

    from wijkgraph.model.network import build_network
    from wijkgraph.model.tables import tables_from_frames

    actors = pd.DataFrame({"name": ["A", "B", "C", "D"], "domain": ["zorg"] * 4})
    relations = pd.DataFrame({
        "source": ["A", "C", "B", "D"], "target": ["B", "D", "C", "A"],
        "kind": ["samenwerking", "samenwerking", "samenwerking", "verwijzing"],
        "strength": [2, 4, 1, 3], "directed": ["nee", "nee", "ja", "nee"]})
    net = build_network(tables_from_frames(actors, relations))
    index = {a: i for i, a in enumerate(sorted(net.graph.nodes, key=str))}
    rows, labels = declared_ties(net, index)
    name = {index[a]: net.label(a) for a in index}
    assert [(name[a], name[b], s, labels[lab], e) for a, b, s, lab, e in rows] == [
        ("A", "B", 2, "samenwerking", 1),
        ("A", "D", 3, "verwijzing", 1),
        ("B", "C", 1, "samenwerking · B → C", 1),  # a direction: a label of its own
        ("C", "D", 4, "samenwerking", 1),  # says what A-B says: the same label
    ]
    assert labels == ["samenwerking", "verwijzing", "samenwerking · B → C"]


def test_a_missing_attribute_is_read_with_its_default():
    from wijkgraph.render.mapties import _columns

    fields = [("kinds", ()), ("weight", 1)]
    data = [{"kinds": ("a",), "weight": 2}, {}, {"kinds": None, "weight": 0}]
    assert _columns(data, fields) == [[("a",), (), None], [2, 1, 0]]
    assert [list(c) for c in _columns([data[0], data[2]], fields)] == [[("a",), None], [2, 0]]
    assert _columns([], fields) == [[], []]
