"""Tests for wijkgraph.sources.generator: shape, determinism and the network's built-in structure."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from wijkgraph.sources.generator import CHANNELS, ROLES, STRENGTHS, THEMES, WIJKEN, synthetic_frames

COLUMNS = {
    "actors": ["id", "name", "type", "domain", "role", "wijk", "themes", "description"],
    "relations": ["source", "target", "kind", "channel", "strength", "theme", "wave",
                  "directed"],
    "meetings": ["id", "name", "theme", "wijk", "description"],
    "participation": ["actor", "meeting"],
}
DOMAINS = {r[0] for r in ROLES}


@pytest.fixture(scope="module")
def big() -> dict[str, pd.DataFrame]:
    return synthetic_frames(3000, seed=7)


def _degree(relations: pd.DataFrame) -> pd.Series:
    return pd.concat([relations["source"], relations["target"]]).value_counts()


@pytest.mark.parametrize("n", [1, 2, 10, 100, 1000])
def test_sizes_and_columns(n: int) -> None:
    frames = synthetic_frames(n, seed=0)
    assert {k: list(v.columns) for k, v in frames.items()} == COLUMNS
    assert len(frames["actors"]) == n
    assert frames["actors"]["id"].is_unique
    assert len(frames["relations"]) <= 5 * n
    assert len(frames["meetings"]) == max(1, round(n / 20))
    for frame in frames.values():
        assert all(frame[c].map(type).eq(str).all() for c in frame.columns)


def test_relation_and_meeting_counts_scale(big: dict[str, pd.DataFrame]) -> None:
    assert len(big["relations"]) == 5 * 3000  # mean degree 10
    sizes = big["participation"].groupby("meeting").size()
    assert len(big["meetings"]) == 150
    assert sizes.min() >= 5 and sizes.max() <= 30


def test_deterministic_for_a_seed() -> None:
    first, again = synthetic_frames(500, seed=3), synthetic_frames(500, seed=3)
    for key in COLUMNS:
        pd.testing.assert_frame_equal(first[key], again[key])
    other = synthetic_frames(500, seed=4)
    assert not first["relations"].equals(other["relations"])


@pytest.mark.parametrize("n", [10, 100, 3000])
def test_no_self_loops_duplicates_or_unknown_ids(n: int) -> None:
    frames = synthetic_frames(n, seed=1)
    rel, ids = frames["relations"], set(frames["actors"]["id"])
    assert not (rel["source"] == rel["target"]).any()
    pairs = pd.DataFrame(np.sort(rel[["source", "target"]].to_numpy(), axis=1))
    assert not pairs.duplicated().any()
    assert set(rel["source"]) | set(rel["target"]) <= ids
    part = frames["participation"]
    assert set(part["actor"]) <= ids
    assert set(part["meeting"]) <= set(frames["meetings"]["id"])
    assert not part.duplicated().any()


def test_vocabularies(big: dict[str, pd.DataFrame]) -> None:
    actors, rel = big["actors"], big["relations"]
    assert set(actors["domain"]) == DOMAINS
    wijken = set(actors["wijk"].str.split(";").explode())
    assert wijken == set(WIJKEN)
    assert set(actors["themes"].str.split(";").explode()) <= set(THEMES)
    assert set(actors["role"]) >= {r[1] for r in ROLES} - {"studentenhuisvesting"}
    assert set(rel["channel"]) <= {c for c, _ in CHANNELS}
    assert set(rel["strength"]) == set(STRENGTHS)
    assert set(rel["kind"]) <= {"samenwerking", "verwijzing", "financiering", "beheer",
                                "informatie", "lidmaatschap"}
    directed = rel["kind"].isin(["verwijzing", "financiering", "beheer"])
    assert (rel["directed"] == np.where(directed, "ja", "nee")).all()


def test_hubs_per_wijk(big: dict[str, pd.DataFrame]) -> None:
    ids = set(big["actors"]["id"])
    assert "gemeente-utrecht" in ids
    assert {"dock-oost", "buurtteam-overvecht", "wijkbureau-zuid"} <= ids
    degree = _degree(big["relations"])
    assert degree["dock-oost"] > 10 * degree.median()


def test_degree_is_heavy_tailed(big: dict[str, pd.DataFrame]) -> None:
    degree = _degree(big["relations"])
    assert degree.max() >= 10 * degree.median()
    assert degree.quantile(0.99) >= 3 * degree.median()


def test_mostly_local_ties_and_domain_homophily(big: dict[str, pd.DataFrame]) -> None:
    actors = big["actors"].set_index("id")
    rel = big["relations"]
    home = actors["wijk"].str.split(";").str[0]
    local = (home[rel["source"]].to_numpy() == home[rel["target"]].to_numpy()).mean()
    assert 0.65 <= local <= 0.95
    same = (actors["domain"][rel["source"]].to_numpy()
            == actors["domain"][rel["target"]].to_numpy()).mean()
    shares = actors["domain"].value_counts(normalize=True)
    assert same > (shares**2).sum() + 0.1  # more than chance
    assert same < 0.8  # but plenty of cross-domain ties


def test_channels_follow_survey_shares(big: dict[str, pd.DataFrame]) -> None:
    shares = big["relations"]["channel"].value_counts(normalize=True)
    total = sum(k for _, k in CHANNELS)
    assert shares["bijeenkomst"] == pytest.approx(21 / total, abs=0.02)
    assert shares["platform"] == pytest.approx(5 / total, abs=0.02)


def test_strength_skewed_low(big: dict[str, pd.DataFrame]) -> None:
    counts = big["relations"]["strength"].value_counts()
    assert counts["identificatie"] > counts["coordinatie"] > counts["reflectie"]
    assert counts["reflectie"] > counts["transformatie"]


def test_rejects_empty() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        synthetic_frames(0)


def test_package_function_survives_repeated_use() -> None:
    """`wijkgraph.synthetic` stays the function (a module of that name once shadowed it)."""
    import wijkgraph

    first = wijkgraph.synthetic(30, seed=1)
    second = wijkgraph.synthetic(30, seed=1)
    assert callable(wijkgraph.synthetic)
    assert first.n_actors == second.n_actors == 30
