"""Honest when the reference model does not fit: networks from elsewhere, and --reference none.

The networks are the classic ones networkx ships (Padgett's Florentine families, Zachary's
karate club, Les Misérables, Davis' southern women); none of their actors is a Dutch wijk
party, so the report must lead with "the model does not fit" instead of absent roles.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd
import pytest

from tests.analysis._gapnets import net
from wijkgraph.analysis.missing_parties import missing_parties
from wijkgraph.analysis.roles import FIT_THRESHOLD, recognise_roles
from wijkgraph.analysis.run import analyse
from wijkgraph.model.network import WijkNetwork, build_network
from wijkgraph.model.tables import tables_from_frames
from wijkgraph.render.report import glance


def from_networkx(graph: nx.Graph) -> WijkNetwork:
    """A WijkNetwork with one actor per node (its name the node label) and its edges."""
    actors = pd.DataFrame({"name": [str(n) for n in graph.nodes]})
    relations = pd.DataFrame([{"source": str(a), "target": str(b)} for a, b in graph.edges],
                             columns=["source", "target"])
    return build_network(tables_from_frames(actors, relations))


GRAPHS = {
    "florentine": nx.florentine_families_graph,
    "karate": nx.karate_club_graph,
    "les-miserables": nx.les_miserables_graph,
    "davis": nx.davis_southern_women_graph,
}


@pytest.mark.parametrize("name", sorted(GRAPHS))
def test_network_from_elsewhere_leads_with_no_fit(name):
    graph = GRAPHS[name]()
    network = from_networkx(graph)
    result = analyse(network)
    mp = result.missing_parties
    assert mp.n_actors == graph.number_of_nodes()
    assert mp.fit < FIT_THRESHOLD and not mp.fits
    summaries_nl = [r.summary("nl") for _, r in result.sections()]
    first = glance(summaries_nl)[0]
    assert first.head == "Het referentiemodel past niet"
    assert first.text == (f"Geen van de {graph.number_of_nodes()} actoren vervult een rol uit "
                          "'wijk-algemeen', dus ontbrekende rollen zeggen hier niets. Kies een "
                          "model dat past (--reference) of zet dit uit (--reference none).")
    assert "Geen huisarts" not in " ".join(f.text for f in glance(summaries_nl))
    en = mp.summary("en")
    # no areas, no Utrecht names: the default chooses the general model, and says so
    assert result.meta["reference_choice"]["reason"] == "no_areas"
    assert en.intro[0].startswith("The reference model 'wijk-algemeen' does not fit this network")
    assert en.intro[-1].startswith("Reference model: wijk-algemeen, chosen because the data "
                                   "names no areas")
    assert en.items == ()  # no list of absent Dutch roles
    assert [n.label for n in en.numbers] == ["actors with a role of the model"]  # no counts
    assert en.numbers[0].value == "0%"
    data = result.to_dict()["missing_parties"]["fit"]
    assert data["n_actors"] == graph.number_of_nodes() and data["fits"] is False
    assert data["share"] == pytest.approx(mp.n_matched / graph.number_of_nodes(), abs=1e-4)


def test_florentine_families_match_no_role_at_all():
    mp = missing_parties(from_networkx(nx.florentine_families_graph()))
    assert (mp.n_matched, mp.n_actors, mp.fit) == (0, 15, 0.0)
    assert "geen van de 15 actoren vervult een rol uit het model" in mp.explain("nl")


def test_threshold_is_a_third_inclusive():
    # 1 of 3 actors plays a role: exactly a third fits; 1 of 4 does not
    three = net([{"name": "Huisarts Oost"}, {"name": "Jan"}, {"name": "Piet"}])
    four = net([{"name": "Huisarts Oost"}, {"name": "Jan"}, {"name": "Piet"}, {"name": "Kees"}])
    assert missing_parties(three).fits and recognise_roles(three).fit == pytest.approx(1 / 3)
    assert not missing_parties(four).fits
    (finding,) = missing_parties(four).summary("nl").findings
    assert finding.head == "Het referentiemodel past niet"
    assert finding.text.startswith("Maar 1 van de 4 actoren (25%) vervullen een rol uit")
    assert missing_parties(three).summary("nl").findings[0].head == "Wie ontbreekt"


def test_a_wijk_network_fits_and_keeps_its_list():
    from wijkgraph.sources.bundled import load_dataset

    mp = missing_parties(load_dataset("utrecht-oost"))
    assert mp.fits and mp.n_matched == 41 and mp.n_actors == 62
    assert mp.summary("nl").findings[0].text.startswith("Geen POH-GGZ")


def test_reference_none_turns_the_section_off():
    network = from_networkx(nx.florentine_families_graph())
    result = analyse(network, reference="none")
    mp = result.missing_parties
    assert not mp.analysed and mp.items == ()
    summary = mp.summary("nl")
    assert summary.findings == () and summary.items == ()
    assert summary.intro[0].startswith("Niet onderzocht: er is geen referentiemodel gekozen")
    data = result.to_dict()["missing_parties"]
    assert data["analysed"] is False and data["fit"] is None
    assert result.roles.explain("en").startswith("No reference model was chosen")
    # the rest of the report still runs: suggested links need no model
    assert result.missing_links.of_kind("predicted")
