"""One name for a result's per-actor DataFrame: `per_actor`; `table(lang)` is only a method.

Parametrised over the fields of `Analysis` (a new section is checked without adding it
here) plus the two results `analyse` uses only inside key figures (centralities,
structural holes). A per-actor frame is found by its content (an ``id`` per actor of the
network), not from a list of names, so a new one under another name fails here.
The 0.1 names (``.table``, ``.scores``) still read, warn, and are not written to.
"""

from __future__ import annotations

import dataclasses
import inspect
import typing
import warnings
from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from tests.graphs import GRAPHS
from wijkgraph.analysis.brokerage import brokerage
from wijkgraph.analysis.centrality import Centralities, centralities
from wijkgraph.analysis.communities import communities
from wijkgraph.analysis.keyfigures import key_figures
from wijkgraph.analysis.resilience import resilience
from wijkgraph.analysis.run import Analysis, analyse
from wijkgraph.analysis.structural_holes import StructuralHoles, structural_holes
from wijkgraph.model.network import WijkNetwork

OLD_NAMES = ("table", "scores")
DEPRECATED = "the deprecated 0.1 name"


@cache
def driehoek() -> tuple[WijkNetwork, Analysis]:
    from wijkgraph.sources.bundled import load_dataset

    network = load_dataset("driehoek")
    return network, analyse(network)


def _result_class(name: str) -> type:
    hint = typing.get_type_hints(Analysis)[name]
    classes = [c for c in typing.get_args(hint) if c is not type(None)] or [hint]
    return classes[0]


def _results(name: str) -> list[Any]:
    """The section's result and the results it holds (key figures hold brokerage)."""
    found = getattr(driehoek()[1], name)
    if found is None:
        return []
    inner = [getattr(found, f.name) for f in dataclasses.fields(found)]
    return [found, *(r for r in inner if dataclasses.is_dataclass(r))]


CLASSES = [_result_class(n) for n in Analysis.section_names()] + [Centralities,
                                                                     StructuralHoles]


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_no_field_has_an_old_name(cls: type) -> None:
    names = {f.name for f in dataclasses.fields(cls)}
    assert not names & set(OLD_NAMES), f"{cls.__name__} has a field {names & set(OLD_NAMES)}"


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_table_is_a_method_or_a_warning_alias(cls: type) -> None:
    for name in OLD_NAMES:
        found = inspect.getattr_static(cls, name, None)
        if found is None:
            continue
        if name == "table" and inspect.isfunction(found):
            assert list(inspect.signature(found).parameters)[:2] == ["self", "lang"]
        else:  # a 0.1 name kept for notebooks: a read-only property
            assert isinstance(found, property) and found.fset is None, (cls.__name__, name)


@pytest.mark.parametrize("section", Analysis.section_names())
def test_every_per_actor_frame_is_called_per_actor(section: str) -> None:
    network, _ = driehoek()
    ids = set(network.actors["id"])
    for result in _results(section):
        frames = {f.name: getattr(result, f.name) for f in dataclasses.fields(result)
                  if isinstance(getattr(result, f.name), pd.DataFrame)}
        per_actor = [name for name, frame in frames.items()
                     if "id" in frame.columns and set(frame["id"]) == ids]
        assert per_actor in ([], ["per_actor"]), (type(result).__name__, per_actor)
        assert not set(frames) & set(OLD_NAMES)
        if inspect.isfunction(inspect.getattr_static(type(result), "table", None)):
            assert isinstance(result.table("en"), pd.DataFrame)  # the worded table


def test_the_expected_results_have_a_per_actor_frame() -> None:
    _, a = driehoek()
    n = a.overview.n_actors
    for result in (a.key_figures, a.brokerage, a.domains, a.resilience):
        assert len(result.per_actor) == n, type(result).__name__
    assert a.key_figures.brokerage is not None
    assert a.key_figures.brokerage.per_actor is a.brokerage.per_actor or \
        a.key_figures.brokerage.per_actor.equals(a.brokerage.per_actor)
    assert len(a.communities.per_community) == a.communities.to_frame().shape[0] == 10


# (analysis, old name, new name)
ALIASES = [(centralities, "table", "per_actor"), (structural_holes, "table", "per_actor"),
           (brokerage, "table", "per_actor"), (resilience, "table", "per_actor"),
           (communities, "table", "per_community"), (key_figures, "scores", "per_actor")]


@pytest.mark.parametrize(("run", "old", "new"), ALIASES,
                         ids=[f"{r.__name__}.{o}" for r, o, _ in ALIASES])
def test_the_old_name_warns_and_gives_the_same_frame(run: Any, old: str, new: str) -> None:
    result = run(GRAPHS["barbell"]())
    cls = type(result).__name__
    with pytest.warns(DeprecationWarning,
                      match=rf"^{cls}\.{old} is the deprecated 0\.1 name: use {cls}\.{new}$") as seen:
        frame = getattr(result, old)
    assert frame is getattr(result, new)
    assert len(frame) > 0
    assert Path(seen[0].filename) == Path(__file__)  # points at the caller's line
    with pytest.raises(AttributeError):
        setattr(result, old, frame)


def test_nothing_inside_uses_an_old_name(tmp_path: Path) -> None:
    from wijkgraph.render.outputs import FORMATS, write_outputs

    network, _ = driehoek()
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        result = analyse(network)
        for lang in ("nl", "en"):
            result.to_dict(lang)
            for _name, section in result.sections():
                section.summary(lang)
        write_outputs(network, result, tmp_path / "out", formats=FORMATS, lang="en",
                      workers=1)
    old = [f"{w.filename}:{w.lineno}: {w.message}" for w in seen
           if DEPRECATED in str(w.message)]
    assert not old
