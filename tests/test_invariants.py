"""Every section of `analyse` keeps the analysis -> render contract, on every network.

Parametrised over `Analysis.section_names()` (so a new section is tested without adding it
here), the bundled datasets and the tiny graphs of tests/graphs.py. Each network is
analysed once per session.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from typing import Any

import pandas as pd
import pytest

from tests.graphs import GRAPHS
from wijkgraph.analysis._summary import Summary
from wijkgraph.analysis.run import Analysis, analyse
from wijkgraph.model.network import WijkNetwork, build_network

DATASETS = ("utrecht-oost", "driehoek")
# a survey import: the parties its respondents missed (gives the respondents section)
MISSED = [{"name": "huisartsen", "count": 2, "roles": {"buurtteam": 1}},
          {"name": "H", "count": 1, "roles": {}}, {"name": "Bakker Bart", "count": 1, "roles": {}}]
NETWORKS = ([f"dataset:{d}" for d in DATASETS] + [f"graph:{g}" for g in sorted(GRAPHS)]
            + ["survey:star"])
LANGS = ("nl", "en")


def network(name: str) -> WijkNetwork:
    kind, _, which = name.partition(":")
    if kind == "dataset":
        from wijkgraph.sources.bundled import load_dataset

        return load_dataset(which)
    if kind == "survey":
        return build_network(GRAPHS[which]().tables, meta={"missed_by_respondents": MISSED})
    return GRAPHS[which]()


@pytest.fixture(scope="session")
def analysed() -> Callable[[str], Analysis]:
    """``analysed(name)``: the `Analysis` of a network of `NETWORKS`, made once."""
    return cache(lambda name: analyse(network(name)))


@pytest.fixture(params=NETWORKS)
def network_name(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(params=Analysis.section_names())
def result(request: pytest.FixtureRequest, analysed: Callable[[str], Analysis],
           network_name: str) -> Any:
    found = getattr(analysed(network_name), request.param)
    if found is None:
        pytest.skip(f"{network_name} has no {request.param} result (an optional section)")
    return found


def test_to_frame_has_identifier_columns(result: Any) -> None:
    frame = result.to_frame()
    assert isinstance(frame, pd.DataFrame), type(frame)
    bad = [c for c in frame.columns if not (isinstance(c, str) and c.isidentifier())]
    assert not bad, f"{type(result).__name__}.to_frame() has columns that are no identifiers: {bad}"


def test_to_dict_is_json(result: Any) -> None:
    data = result.to_dict()
    assert isinstance(data, dict)
    json.dumps(data, allow_nan=False)


def test_summary_in_both_languages(result: Any) -> None:
    summaries = {lang: result.summary(lang, top=3) for lang in LANGS}
    for lang, summary in summaries.items():
        assert isinstance(summary, Summary), (lang, type(summary))
        assert summary.title.strip(), f"{type(result).__name__}.summary({lang!r}) has no title"
    nl, en = summaries["nl"].title, summaries["en"].title
    if any(ch.isalpha() for ch in nl + en):
        assert nl != en, f"the title {nl!r} is the same in Dutch and English"
    assert summaries["nl"].id == summaries["en"].id


def test_explain_in_both_languages(result: Any) -> None:
    for lang in LANGS:
        text = result.explain(lang)
        assert isinstance(text, str), (lang, type(text))


def test_the_sections_come_from_the_dataclass() -> None:
    names = Analysis.section_names()
    assert names[0] == "overview" and "meta" not in names and "warnings" not in names
    assert len(names) == len(set(names)) >= 10
