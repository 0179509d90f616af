"""The map's actor rows, built column by column, against the rows made one actor at a time."""

from __future__ import annotations

import math
from typing import Any

import pytest

from wijkgraph.render.mapactors import MAX_SIZE, MIN_SIZE, Interner, actor_rows, text
from wijkgraph.sources.bundled import load_dataset


def _one_by_one(ids, node_data, positions, scores, rank, reasons, groups, meeting_index,
                interners) -> list[list[Any]]:
    """The rows as the map made them before: one Python loop step per actor."""
    types, domains, wijken, themes = interners
    top = max(scores.values(), default=0.0)
    rows = []
    for i, a in enumerate(ids):
        d = node_data[a]
        score = scores[a]
        radius = (MIN_SIZE + (MAX_SIZE - MIN_SIZE) * math.sqrt(score / top)
                  if top > 0 else MIN_SIZE)
        meetings = d.get("meetings", ())
        rows.append([
            str(a), text(d.get("name", a)), types(text(d.get("type", ""))),
            domains(text(d.get("domain", ""))), text(d.get("role", "")),
            [wijken(w) for w in map(text, d.get("wijk", ())) if w],
            [themes(t) for t in map(text, d.get("themes", ())) if t],
            sorted(meeting_index[m] for m in map(str, set(meetings)) if m in meeting_index)
            if meetings else [],
            text(d.get("description", "")), positions[a][0], positions[a][1],
            round(radius, 1), round(score, 4), groups[i] if groups is not None else -1,
            rank.get(a, 0), reasons.get(a, "")])
    return rows


def _both(ids, node_data, **kwargs):
    fast = (Interner(), Interner(), Interner(), Interner())
    slow = (Interner(), Interner(), Interner(), Interner())
    got = actor_rows(ids, node_data, interners=fast, **kwargs)
    expected = _one_by_one(ids, node_data, interners=slow, **kwargs)
    return got, expected, [i.values for i in fast], [i.values for i in slow]


@pytest.mark.parametrize("name", ["utrecht-oost", "driehoek"])
def test_rows_are_those_made_one_by_one(name):
    net = load_dataset(name)
    ids = sorted(net.graph.nodes, key=str)
    node_data = dict(net.graph.nodes(data=True))
    scores = {a: float(net.graph.degree(a)) / 3 for a in ids}
    meeting_index = {m: i for i, m in enumerate(sorted(str(m) for m in net.meetings["id"]))}
    got, expected, lookups, expected_lookups = _both(
        ids, node_data, positions={a: (i * 7, -i) for i, a in enumerate(ids)}, scores=scores,
        rank={a: i + 1 for i, a in enumerate(ids[::2])}, reasons={ids[0]: "omdat"},
        groups=[i % 3 for i in range(len(ids))], meeting_index=meeting_index)
    assert got == expected and lookups == expected_lookups
    assert any(row[7] for row in got) and any(row[5] for row in got)  # not all empty


def test_odd_attributes_take_the_slow_road_to_the_same_rows():
    # ids that are not text, missing attributes, NaN, an empty wijk, a list as role,
    # a meeting the page does not know, and a score of zero
    ids = [3, "a", "b"]
    node_data = {
        3: {"name": 3, "wijk": ("Oost", ""), "meetings": ("m1", "m9", "m1"), "role": None},
        "a": {"name": "A", "type": "team", "domain": float("nan"), "role": ["x", "", "y"],
              "wijk": ("West",), "themes": ("zorg", 5), "meetings": ("m1",)},
        "b": {"type": "team", "themes": (), "description": "d"},
    }
    got, expected, lookups, expected_lookups = _both(
        ids, node_data, positions={3: (1, 2), "a": (3, 4), "b": (5, 6)},
        scores={3: 0.0, "a": 2.5, "b": 10.0}, rank={"a": 1}, reasons={},
        groups=None, meeting_index={"m1": 0, "m2": 1})
    assert got == expected and lookups == expected_lookups
    # checked by hand: sizes 10 + 32 * sqrt(score / 10), the unknown meeting left out
    assert [row[11] for row in got] == [10.0, 26.0, 42.0]
    assert got[0][7] == [0] and got[0][5] == [0] and got[1][4] == "x; y"
    assert lookups[2] == ["Oost", "West"] and lookups[3] == ["zorg", "5"]


def test_no_actors_no_rows():
    assert actor_rows([], {}, positions={}, scores={}, rank={}, reasons={}, groups=None,
                      meeting_index={}, interners=(Interner(), Interner(), Interner(),
                                                   Interner())) == []
