"""Themes use the same nested areas as missing parties, and the fast themes equal a naive count."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import networkx as nx

from tests.analysis._gapnets import net
from wijkgraph.analysis import themes as themes_module
from wijkgraph.analysis.roles import recognise_roles, wijken_in_scope, works_in
from wijkgraph.analysis.themes import themes
from wijkgraph.io import read
from wijkgraph.model.areas import area_tree


def _folder(tmp_path: Path, gebieden: bool) -> Path:
    (tmp_path / "actoren.csv").write_text(
        "naam;wijk;thema's\n"
        "Buurthuis Bloem;Bloemenbuurt;eenzaamheid\n"
        "Speeltuin Bloem;Bloemenbuurt;eenzaamheid\n"
        "Buurthuis Tulp;Tulpenbuurt;jeugd\n"
        "Bewonersgroep Tulp;Tulpenbuurt;jeugd\n"
        "Wijkbureau Oost;Oost;armoede\n"
        "GGZ Stad;stadsbreed;armoede\n", encoding="utf-8")
    (tmp_path / "relaties.csv").write_text("van;naar\nBuurthuis Bloem;Wijkbureau Oost\n",
                                           encoding="utf-8")
    if gebieden:
        (tmp_path / "gebieden.csv").write_text(
            "naam;ligt in\nBloemenbuurt;Oost\nTulpenbuurt;Oost\n", encoding="utf-8")
    return tmp_path


def test_themes_per_area_follow_the_gebieden_sheet(tmp_path: Path) -> None:
    network = read(_folder(tmp_path, gebieden=True))
    result = themes(network)
    # the two buurten are the focus; the wijk-wide and city-wide parties serve both
    assert result.wijken == ("Bloemenbuurt", "Tulpenbuurt")
    frame = result.to_frame().set_index("theme")
    assert frame.loc["armoede", "wijken"] == "Bloemenbuurt; Tulpenbuurt"
    assert frame.loc["armoede", "absent_in"] == ""
    assert result.absent_frame().values.tolist() == [["Bloemenbuurt", "jeugd"],
                                                     ["Tulpenbuurt", "eenzaamheid"]]
    # the same areas as missing parties use
    assert result.wijken == wijken_in_scope(network)


def test_without_the_sheet_the_buurten_are_separate_areas(tmp_path: Path) -> None:
    network = read(_folder(tmp_path, gebieden=False))
    absent = themes(network).absent_frame().values.tolist()
    assert ["Bloemenbuurt", "armoede"] in absent  # Bloemenbuurt is not known to lie in Oost


def _naive(network, roles):
    """The obvious quadratic computation, written independently."""
    g = network.graph
    tree = area_tree(network)
    wijken = wijken_in_scope(network)
    members: dict[str, list[str]] = {}
    for a, ts in g.nodes(data="themes"):
        for t in dict.fromkeys(x.casefold() for x in ts or ()):
            members.setdefault(t, []).append(a)
    items = {}
    for t, acts in members.items():
        parts = sorted((tuple(sorted(network.label(a) for a in c))
                        for c in nx.connected_components(g.subgraph(acts))),
                       key=lambda p: (-len(p), p))
        here = tuple(w for w in wijken if w and any(works_in(g.nodes[a]["wijk"], w, tree)
                                                    for a in acts))
        items[t] = (len(acts), tuple(parts), here)

    def kind(a):
        rs = roles.roles_of(a)
        return rs[0] if rs else (f"rol:{g.nodes[a]['role']}" if g.nodes[a].get("role") else "")

    found, uncounted = {}, 0
    for t, acts in members.items():
        for w in wijken:
            groups: dict[str, list[str]] = {}
            for a in acts:
                if kind(a) and works_in(g.nodes[a]["wijk"], w, tree):
                    groups.setdefault(kind(a), []).append(a)
            for grp in groups.values():
                if len(grp) > themes_module.MAX_GROUP:
                    uncounted += len(grp) * (len(grp) - 1) // 2 - g.subgraph(grp).number_of_edges()
                    continue
                for a, b in itertools.combinations(sorted(grp, key=network.label), 2):
                    if not g.has_edge(a, b) and frozenset((a, b)) not in found:
                        found[frozenset((a, b))] = (network.label(a), network.label(b), t, w,
                                                    len(set(g[a]) & set(g[b])))
    return items, found, uncounted


def test_fast_themes_equal_a_naive_count() -> None:
    rng = random.Random(7)
    areas = ["Lunetten", "Hoograven", "Zuid", "stadsbreed", "Oost", "Lunetten; Oost"]
    kinds = ["", "bewonersinitiatief", "jongerenwerk", "sportclub"]
    words = ["eenzaamheid", "armoede", "jeugd", "Jeugd", "sport"]
    actors = [{"name": f"Partij {i:02d}", "role": rng.choice(kinds), "wijk": rng.choice(areas),
               "themes": "; ".join(rng.sample(words, rng.randint(0, 3)))} for i in range(60)]
    ties = {tuple(sorted(rng.sample(range(60), 2))) for _ in range(90)}
    network = net(actors, [(f"Partij {a:02d}", f"Partij {b:02d}") for a, b in sorted(ties)])
    roles = recognise_roles(network)
    for limit in (themes_module.MAX_GROUP, 4):  # 4: some groups are counted, not listed
        themes_module.MAX_GROUP = limit
        try:
            result = themes(network, roles=roles)
            items, found, uncounted = _naive(network, roles)
        finally:
            themes_module.MAX_GROUP = 15
        assert {i.theme.casefold(): (len(i.actors), i.parts, i.wijken)
                for i in result.items} == items
        assert result.n_duplicates_uncounted == uncounted
        assert {frozenset((d.source, d.target)): (d.source_name, d.target_name,
                                                  d.theme.casefold(), d.wijk, d.common_partners)
                for d in result.duplicates} == found
        assert len(found) > 10
    shared = [d.shared_themes for d in result.duplicates]
    assert shared == sorted(shared, reverse=True)
