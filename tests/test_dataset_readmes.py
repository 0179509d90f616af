"""The bundled datasets say what they hold: README counts, sources and built-in findings.

These tests read the CSV files with the standard library only, so they check the data
independently of wijkgraph's own loaders.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from itertools import combinations
from pathlib import Path

import pytest
import yaml

DATASETS = Path(__file__).resolve().parents[1] / "datasets"
NAMES = sorted(p.name for p in DATASETS.iterdir() if p.is_dir() and not p.name.startswith("_"))
COUNTS = re.compile(
    r"^Counts: (\d+) actors, (\d+) relations, (\d+) meetings, (\d+) participations$", re.M
)
# minimum size each dataset promises: actors, relations, domains
MINIMUM = {
    "utrecht-oost": (60, 150, 7),
    "overvecht-noord": (35, 70, 5),
    "driehoek": (40, 80, 3),
    "groz": (40, 80, 5),
}


def _rows(name: str, table: str) -> list[dict[str, str]]:
    path = DATASETS / name / f"{table}.csv"
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _readme(name: str) -> str:
    return (DATASETS / name / "README.md").read_text(encoding="utf-8")


def _degree(name: str) -> Counter[str]:
    deg: Counter[str] = Counter()
    for r in _rows(name, "relations"):
        deg[r["source"]] += 1
        deg[r["target"]] += 1
    return deg


def test_all_four_datasets_are_bundled() -> None:
    assert set(MINIMUM) <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_readme_counts_match_the_csv_files(name: str) -> None:
    found = COUNTS.findall(_readme(name))
    assert len(found) == 1, "README needs exactly one 'Counts: ...' line"
    stated = tuple(int(x) for x in found[0])
    actual = tuple(len(_rows(name, t)) for t in
                   ("actors", "relations", "meetings", "participation"))
    assert stated == actual


@pytest.mark.parametrize("name", NAMES)
def test_readme_says_illustrative_and_names_seeds(name: str) -> None:
    text = _readme(name)
    assert "illustrative reconstruction" in text
    assert "## Sources" in text and "## Nederlands" in text
    meta = yaml.safe_load((DATASETS / name / "dataset.yaml").read_text(encoding="utf-8"))
    assert set(meta) >= {"title_nl", "title_en", "source", "description_nl", "description_en"}
    assert re.search(r"Seed 00\d", meta["source"])


@pytest.mark.parametrize("name", NAMES)
def test_relations_are_clean(name: str) -> None:
    ids = [a["id"] for a in _rows(name, "actors")]
    assert len(ids) == len(set(ids))
    rels = _rows(name, "relations")
    keys = [(r["source"], r["target"], r["kind"]) for r in rels]
    assert len(keys) == len(set(keys))
    assert all(s != t for s, t, _ in keys)
    assert {s for s, _, _ in keys} | {t for _, t, _ in keys} <= set(ids)
    meetings = {m["id"] for m in _rows(name, "meetings")}
    for p in _rows(name, "participation"):
        assert p["actor"] in ids and p["meeting"] in meetings


@pytest.mark.parametrize("name", sorted(MINIMUM))
def test_promised_size(name: str) -> None:
    n_actors, n_relations, n_domains = MINIMUM[name]
    actors = _rows(name, "actors")
    assert len(actors) >= n_actors
    assert len(_rows(name, "relations")) >= n_relations
    assert len({a["domain"] for a in actors}) >= n_domains
    assert _rows(name, "meetings") and _rows(name, "participation")


def _incomplete_triangles() -> set[str]:
    """Independent check of the driehoek README: centres whose triangle misses a side."""
    role = {a["id"]: a["role"] for a in _rows("driehoek", "actors")}
    rels = _rows("driehoek", "relations")
    ties = {frozenset((r["source"], r["target"])) for r in rels if r["kind"] == "samenwerking"}
    incomplete = set()
    for centre in (a for a, r in role.items() if r == "buurtcentrum"):
        managers = {role[r["source"]]: r["source"] for r in rels
                    if r["kind"] == "beheer" and r["target"] == centre}
        sides = [managers.get(k) for k in ("stadsbedrijven", "sociaal makelaar", "beheergroep")]
        if None in sides or any(frozenset(p) not in ties for p in combinations(sides, 2)):
            incomplete.add(centre)
    return incomplete


def test_driehoek_readme_lists_exactly_the_incomplete_triangles() -> None:
    line = re.search(r"^Incomplete triangles: (.+)$", _readme("driehoek"), re.M)
    assert line is not None
    stated = {s.strip() for s in line.group(1).split(",")}
    assert stated == _incomplete_triangles()
    assert len(stated) >= 4
    centres = [a for a in _rows("driehoek", "actors") if a["role"] == "buurtcentrum"]
    assert len(centres) >= 12


def test_utrecht_oost_missed_parties_absent_or_marginal() -> None:
    actors = {a["id"]: a for a in _rows("utrecht-oost", "actors")}
    roles = {a["role"] for a in actors.values()}
    assert not roles & {"ggz", "woningcorporatie", "roc", "wijk-boa", "dietist", "psycholoog",
                        "studentenhuisvesting"}
    deg = _degree("utrecht-oost")
    marginal = {"huisarts", "apotheek", "wijkverpleging", "fysiotherapeut", "wijkagent",
                "sportclub", "studentenorganisatie"}
    for actor_id, a in actors.items():
        if a["role"] in marginal:
            assert deg[actor_id] <= 2, actor_id
    for r in _rows("utrecht-oost", "relations"):
        if actors[r["source"]]["role"] == "apotheek" or actors[r["target"]]["role"] == "apotheek":
            assert {actors[r["source"]]["role"], actors[r["target"]]["role"]} == {
                "apotheek", "huisarts"}


def test_utrecht_oost_readme_channel_counts() -> None:
    realised = Counter(r["channel"] for r in _rows("utrecht-oost", "relations"))
    table = re.findall(r"^\| ([a-z-]+) \| (\d+) \| [\d.]+% \| (\d+) \| [\d.]+% \|$",
                       _readme("utrecht-oost"), re.M)
    assert {c: int(n) for c, _, n in table} == dict(realised)
    assert realised.most_common(1)[0][0] == "bijeenkomst"
