"""Every analysis on every tiny graph: no exceptions, JSON-ready, and renaming changes nothing."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from tests.graphs import GRAPHS, relabel
from wijkgraph.analysis.brokerage import brokerage
from wijkgraph.analysis.centrality import centralities
from wijkgraph.analysis.communities import communities
from wijkgraph.analysis.domains import domain_mixing
from wijkgraph.analysis.keyfigures import key_figures
from wijkgraph.analysis.resilience import resilience
from wijkgraph.analysis.structural_holes import structural_holes

ANALYSES = {
    "centralities": centralities,
    "structural_holes": structural_holes,
    "domains": domain_mixing,
    "brokerage": brokerage,
    "communities": communities,
    "resilience": resilience,
    "key_figures": key_figures,
}


@pytest.mark.parametrize("graph", sorted(GRAPHS))
@pytest.mark.parametrize("analysis", sorted(ANALYSES))
def test_every_analysis_gives_a_result(analysis, graph):
    result = ANALYSES[analysis](GRAPHS[graph]())
    frame = result.to_frame()
    assert isinstance(frame, pd.DataFrame)
    for lang in ("nl", "en"):
        text = result.explain(lang)
        assert isinstance(text, str) and text.strip()
    json.dumps(result.to_dict(), allow_nan=False)


def numeric_by_name(frame: pd.DataFrame, net) -> pd.DataFrame:
    """Numeric per-actor columns keyed by actor name (ids differ after relabelling)."""
    names = dict(zip(net.actors["id"], net.actors["name"], strict=True))
    keyed = frame.assign(_key=frame["id"].map(names)).set_index("_key").sort_index()
    return keyed.select_dtypes(include=[np.number, bool])


@pytest.mark.parametrize("graph", sorted(GRAPHS))
@pytest.mark.parametrize("analysis", ["centralities", "structural_holes", "domains",
                                      "brokerage", "resilience", "key_figures"])
def test_relabelling_actors_changes_no_score(analysis, graph):
    net = GRAPHS[graph]()
    other = relabel(net)
    a, b = ANALYSES[analysis](net), ANALYSES[analysis](other)
    if analysis == "domains":
        pd.testing.assert_frame_equal(a.to_frame(), b.to_frame())
        assert a.ei == b.ei or (np.isnan(a.ei) and np.isnan(b.ei))
    pd.testing.assert_frame_equal(numeric_by_name(a.per_actor, net),
                                  numeric_by_name(b.per_actor, other))


@pytest.mark.parametrize("graph", sorted(GRAPHS))
def test_relabelling_keeps_the_communities(graph):
    net = GRAPHS[graph]()
    other = relabel(net)
    a, b = communities(net), communities(other)
    names_a = {frozenset(net.label(x) for x in m) for m in a.to_frame()["members"]}
    names_b = {frozenset(other.label(x) for x in m) for m in b.to_frame()["members"]}
    assert names_a == names_b
    assert a.modularity == pytest.approx(b.modularity)


@pytest.mark.parametrize("analysis", sorted(ANALYSES))
def test_empty_and_single_actor_networks(analysis):
    for graph in ("empty", "single"):
        net = GRAPHS[graph]()
        result = ANALYSES[analysis](net)
        assert len(result.to_frame()) <= net.n_actors or analysis == "domains"
