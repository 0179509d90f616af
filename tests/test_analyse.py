"""analyse(): every section present, JSON stable and complete, the same input the same bytes."""

from __future__ import annotations

import json

import pytest

import wijkgraph
from wijkgraph.analysis._result import jsonable
from wijkgraph.analysis.run import PRETTY_JSON_MAX_ACTORS, analyse
from wijkgraph.sources.bundled import load_dataset

SECTIONS = ("missing_parties", "key_figures", "domains", "brokerage", "communities",
            "resilience", "roles", "triads", "missing_links", "themes", "meetings")


@pytest.fixture(scope="module")
def oost():
    net = load_dataset("utrecht-oost")
    return net, analyse(net)


def test_every_section_is_there_and_missing_parties_comes_first(oost):
    _net, result = oost
    assert dict(result.sections())["missing_parties"] is result.missing_parties
    assert set(SECTIONS) <= set(dict(result.sections()))
    for name in SECTIONS:
        section = getattr(result, name)
        assert section.to_frame() is not None
        assert section.explain("nl").strip() and section.explain("en").strip()
        json.dumps(section.to_dict())  # JSON-ready


def test_json_has_every_section_and_parses(oost):
    _net, result = oost
    data = json.loads(result.to_json())
    assert data["schema_version"] == 2  # 2: texts in the run's language (docs/analysis-json.md)
    assert data["network"]["n_actors"] == 62
    assert set(SECTIONS) <= set(data)
    assert data["meta"]["name"] == "utrecht-oost"


def test_same_input_same_seed_same_json():
    a = analyse(load_dataset("driehoek"), seed=3).to_json()
    b = analyse(load_dataset("driehoek"), seed=3).to_json()
    assert a == b


def test_json_is_pretty_for_a_wijk_and_compact_for_a_city():
    small = analyse(load_dataset("driehoek")).to_json()
    assert "\n  " in small
    big = analyse(wijkgraph.synthetic(PRETTY_JSON_MAX_ACTORS + 1)).to_json()
    assert big.count("\n") == 1
    assert json.loads(big)["network"]["n_actors"] == PRETTY_JSON_MAX_ACTORS + 1


def test_jsonable_handles_numpy_nan_sets_and_frames():
    import numpy as np
    import pandas as pd

    frame = pd.DataFrame({"a": [1, 2], "b": [0.5, float("nan")]})
    value = {"n": np.int64(2), "f": np.float64(1 / 3), "s": {"b", "a"}, "t": (1, None),
             "inf": float("inf"), "df": frame, "flag": np.bool_(True)}
    assert jsonable(value) == {"n": 2, "f": 0.333333, "s": ["a", "b"], "t": [1, None],
                               "inf": None, "df": [{"a": 1, "b": 0.5}, {"a": 2, "b": None}],
                               "flag": True}
