"""`build_network`: the graphs and their documented attributes (docs/data-model.md)."""

from __future__ import annotations

import pandas as pd
import pytest

from wijkgraph.errors import UnknownWijkError
from wijkgraph.model.network import CO_PARTICIPATION, build_network
from wijkgraph.model.tables import tables_from_frames

NODE_ATTRS = {"name", "type", "domain", "role", "wijk", "themes", "description", "contact",
              "meetings", "extra", "row"}
EDGE_ATTRS = {"weight", "distance", "n_relations", "kinds", "channels", "themes", "waves",
              "directions", "explicit", "meetings"}
MULTI_ATTRS = {"kind", "channel", "strength", "theme", "wave", "directed", "description",
               "explicit"}


@pytest.fixture
def net():  # noqa: ANN201
    actors = pd.DataFrame({
        "id": ["A", "B", "C", "D"], "naam": ["Alfa", "Beta", "Gamma", "Delta"],
        "domein": ["zorg", "welzijn", "zorg", "wonen"], "wijk": ["Oost", "Oost; Zuid", "Zuid", ""],
        "contact": ["a@x.nl", "", "", ""], "Medewerkers": ["3", "", "", ""]})
    relations = pd.DataFrame({
        "van": ["A", "B", "A", "C"], "naar": ["B", "A", "B", "B"],
        "soort": ["samenwerking", "verwijzing", "samenwerking", "informatie"],
        "kanaal": ["telefoon", "", "e-mail", ""], "sterkte": [1, 3, 2, ""],
        "gericht": ["nee", "ja", "nee", "nee"], "meting": ["2023", "2024", "2024", ""]})
    meetings = pd.DataFrame({"id": ["M"], "naam": ["Samen Oost"]})
    participation = pd.DataFrame({"actor": ["A", "C", "D"], "overleg": ["M", "M", "M"]})
    return build_network(tables_from_frames(actors, relations, meetings, participation))


def test_nodes_and_their_attributes(net) -> None:  # noqa: ANN001
    assert list(net.graph.nodes) == ["A", "B", "C", "D"]
    for _, data in net.graph.nodes(data=True):
        assert set(data) == NODE_ATTRS
    a = net.graph.nodes["A"]
    assert (a["name"], a["domain"], a["wijk"], a["meetings"], a["row"]) == (
        "Alfa", "zorg", ("Oost",), ("M",), 2)
    assert a["extra"] == {"Medewerkers": "3"}
    assert net.graph.nodes["B"]["wijk"] == ("Oost", "Zuid")


def test_undirected_view_aggregates_relations(net) -> None:  # noqa: ANN001
    assert sorted(map(tuple, map(sorted, net.graph.edges))) == [("A", "B"), ("B", "C")]
    ab = net.graph.edges["A", "B"]
    assert set(ab) == EDGE_ATTRS
    assert (ab["weight"], ab["distance"], ab["n_relations"]) == (3, pytest.approx(1 / 3), 3)
    assert ab["kinds"] == ("samenwerking", "verwijzing")
    assert ab["channels"] == ("e-mail", "telefoon")
    assert ab["waves"] == ("2023", "2024")
    assert ab["directions"] == (("B", "A"),)
    assert ab["explicit"] is True and ab["meetings"] == ()
    assert net.graph.edges["B", "C"]["weight"] == 1  # empty strength means 1


def test_multigraph_keeps_every_relation_and_meetings_are_projected(net) -> None:  # noqa: ANN001
    explicit = [(s, t, d) for s, t, d in net.multigraph.edges(data=True) if d["explicit"]]
    assert len(explicit) == 4
    for *_, data in explicit:
        assert set(data) >= MULTI_ATTRS
    assert net.multigraph.number_of_edges() == 4  # declared relations only
    assert sorted((a, b) for a, b, _m in net.co_participation) == [("A", "C"), ("A", "D"),
                                                                   ("C", "D")]
    assert {m for *_, m in net.co_participation} == {"M"}
    shared = net.meeting_graph()
    assert sorted(shared.edges()) == [("A", "C"), ("A", "D"), ("C", "D")]
    assert all(d["kind"] == CO_PARTICIPATION and d["meetings"] == ("M",) and d["weight"] == 1
               for *_, d in shared.edges(data=True))
    assert not net.graph.has_edge("A", "D")  # meetings stay out of the analysis view


def test_meeting_ties_on_request(net) -> None:  # noqa: ANN001
    with_meetings = build_network(net.tables, meeting_ties=True)
    ad = with_meetings.graph.edges["A", "D"]
    assert (ad["explicit"], ad["weight"], ad["meetings"], ad["kinds"]) == (
        False, 1, ("M",), (CO_PARTICIPATION,))
    ac = with_meetings.graph.edges["A", "C"]
    assert ac["meetings"] == ("M",)


def test_other_views(net) -> None:  # noqa: ANN001
    dg = net.directed_graph()
    assert dg.has_edge("B", "A") and dg.has_edge("A", "B")
    assert dg["B"]["A"]["weight"] == 3 and dg["A"]["B"]["weight"] == 2
    mg = net.meeting_graph()
    assert mg["A"]["C"] == {"meetings": ("M",), "weight": 1, "kind": CO_PARTICIPATION}
    bg = net.bipartite()
    assert sorted(bg.neighbors(("meeting", "M"))) == ["A", "C", "D"]
    assert net.is_directed and net.n_actors == 4 and net.n_relations == 4


def test_subnetwork(net) -> None:  # noqa: ANN001
    zuid = net.subnetwork(wijk="zuid")
    assert sorted(zuid.graph.nodes) == ["B", "C"]
    assert zuid.meta["wijk"] == "zuid"
    with pytest.raises(UnknownWijkError) as info:
        net.subnetwork(wijk="West")
    assert info.value.describe("en") == ("Error: No actor works in wijk 'West'. Wijken in the "
                                         "data: Oost, Zuid.")


def test_network_of_isolates_and_of_one_actor() -> None:
    one = build_network(tables_from_frames(pd.DataFrame({"naam": ["A"]}), pd.DataFrame()))
    assert (one.n_actors, one.graph.number_of_edges(), one.is_directed) == (1, 0, False)
