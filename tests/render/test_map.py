"""The interactive map page: offline, safe, deterministic, and the pyvis pitfalls avoided.

Behaviour in a real browser is tested in ``tests/browser/test_map_browser.py``.
"""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.render._hostile import NAMES, PAYLOADS, hostile_network
from wijkgraph.analysis.run import analyse
from wijkgraph.cli import cli
from wijkgraph.render import palette
from wijkgraph.render.layout import communities, grouped_layout, layout_positions
from wijkgraph.render.map import CSP, render_map
from wijkgraph.render.mapdata import EDGE_WIDTHS, build_map_data
from wijkgraph.render.outputs import WRITERS, write_outputs
from wijkgraph.sources.bundled import load_dataset


@pytest.fixture(scope="module")
def oost():
    return load_dataset("utrecht-oost")


@pytest.fixture(scope="module")
def oost_analysis(oost):
    return analyse(oost)


def page_data(html: str) -> dict:
    match = re.search(r'<script type="application/json" id="wijkgraph-data">(.*?)</script>',
                      html, re.S)
    assert match is not None
    return json.loads(match.group(1))


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict]]:
    parser = _Tags()
    parser.feed(html)
    return parser.tags


# --- offline and self-contained -----------------------------------------------------------


def test_page_loads_nothing_from_elsewhere(oost, oost_analysis):
    html = render_map(oost, oost_analysis).html
    for tag, attrs in tags(html):
        assert tag not in ("link", "iframe", "object", "embed", "base", "img"), tag
        for attr in ("src", "href", "action", "data", "srcset"):
            assert attr not in attrs, (tag, attrs)
    assert "@import" not in html and "@font-face" not in html
    assert re.search(r"url\((?!\"?data:)", html) is None  # only data: URLs in CSS
    assert "cdn" not in html.lower().replace("cdnjs", "") or "cdn.jsdelivr" not in html
    assert "bootstrap" not in html.lower()


def test_content_security_policy_forbids_other_sources(oost):
    html = render_map(oost).html
    metas = [a for t, a in tags(html) if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert len(metas) == 1 and metas[0]["content"] == CSP
    assert "default-src 'none'" in CSP and "connect-src 'none'" in CSP and "http" not in CSP
    # the CSP tag comes before any script or style
    assert html.index("Content-Security-Policy") < html.index("<style") < html.index("<script")


def test_vis_network_is_inlined_with_its_licence(oost):
    html = render_map(oost).html
    assert "vis-network" in html and "@license" in html and "MIT License" in html
    assert "@version 9.1.2" in html
    assert "sourceMappingURL" not in html  # devtools would fetch it


# --- safe with any data -----------------------------------------------------------------------


def test_hostile_strings_never_appear_as_markup():
    net = hostile_network()
    html = render_map(net).html
    for payload in PAYLOADS:
        if "<" in payload:
            assert payload not in html
    # no script element other than ours: the JSON block, vis-network, our code, and the
    # edit mode's words and code (corrections.html.j2)
    assert [a for t, a in tags(html) if t == "script"] == [
        {"type": "application/json", "id": "wijkgraph-data"}, {}, {},
        {"type": "application/json", "id": "wijkgraph-corrections-words"}, {}]
    assert len(re.findall(r"</script", html, re.I)) == 5
    # the data survives exactly
    data = page_data(html)
    assert sorted(r[1] for r in data["actors"]) == sorted(NAMES)
    assert PAYLOADS[1] in [m[1] for m in data["meetings"]]
    assert set(data["themes"]) == {t for _, d in net.graph.nodes(data=True) for t in d["themes"]}


def test_hostile_strings_in_the_template_are_escaped():
    html = render_map(hostile_network()).html
    # the page title and the filter lists are rendered by jinja with autoescape
    assert "<title>&lt;img src=x onerror=" in html
    assert "&lt;/script&gt;&lt;script&gt;" in html  # a meeting name in the filters
    # template syntax in data is shown as it is, never evaluated
    assert "Tom &amp; Jerry&#39;s &#34;buurt&#34; {{ 7*7 }} {% raw %}" in html


def test_private_contact_is_never_in_the_page():
    html = render_map(hostile_network()).html
    assert "geheim" not in html and "example.org" not in html


def test_caller_graph_is_not_mutated(oost, oost_analysis):
    before = (copy.deepcopy(dict(oost.graph.nodes(data=True))),
              copy.deepcopy(list(oost.graph.edges(data=True))),
              copy.deepcopy(list(oost.multigraph.edges(data=True, keys=True))))
    render_map(oost, oost_analysis, ghosts=True)
    after = (dict(oost.graph.nodes(data=True)), list(oost.graph.edges(data=True)),
             list(oost.multigraph.edges(data=True, keys=True)))
    assert before == after


def test_edge_width_is_kept_from_strength():
    data = build_map_data(hostile_network())
    assert sorted(e[2] for e in data["edges"]) == [1, 2, 2, 3, 4]
    assert data["edge_widths"] == {str(k): v for k, v in EDGE_WIDTHS.items()}
    assert EDGE_WIDTHS[1] < EDGE_WIDTHS[2] < EDGE_WIDTHS[3] < EDGE_WIDTHS[4]


# --- files -------------------------------------------------------------------------------------


def test_rendering_writes_nothing_into_the_working_directory(tmp_path, monkeypatch, oost):
    monkeypatch.chdir(tmp_path)
    doc = render_map(oost)
    doc._repr_html_()
    assert list(tmp_path.iterdir()) == []
    doc.write(tmp_path / "sub.html")
    assert [p.name for p in tmp_path.iterdir()] == ["sub.html"]


def test_written_as_utf8_whatever_the_locale(tmp_path):
    out = tmp_path / "kaart.html"
    code = ("import sys, locale; sys.path.insert(0, '.');"
            "from tests.render._hostile import hostile_network;"
            "from wijkgraph.render.map import render_map;"
            "assert locale.getpreferredencoding(False).lower() in ('ansi_x3.4-1968', 'ascii'),"
            " locale.getpreferredencoding(False);"
            "render_map(hostile_network(), title='Caf\\u00e9 \\u2713 \\U0001f3e0 Zuidoost')"
            f".write({str(out)!r})")
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0",
           "PYTHONCOERCECLOCALE": "0", "PYTHONIOENCODING": "ascii"}
    subprocess.run([sys.executable, "-c", code], check=True, env=env,
                   cwd=Path(__file__).resolve().parents[2])
    text = out.read_bytes().decode("utf-8")
    assert "Café ✓ 🏠 Zuidoost" in text
    assert '<meta charset="utf-8">' in text


def test_repr_html_is_an_escaped_iframe(oost):
    doc = render_map(hostile_network())
    frame = doc._repr_html_()
    assert frame.startswith("<iframe") and frame.endswith("</iframe>")
    assert frame.count("<") == 2  # the iframe's own tags; the page is escaped in srcdoc
    assert 'sandbox="allow-scripts' in frame


def test_same_input_gives_a_byte_identical_page(oost, oost_analysis):
    a = render_map(oost, oost_analysis, ghosts=True).html
    b = render_map(load_dataset("utrecht-oost"), analyse(load_dataset("utrecht-oost")),
                   ghosts=True).html
    assert a == b
    assert render_map(oost, seed=1).html != render_map(oost, seed=0).html


# --- content -----------------------------------------------------------------------------------


def test_without_analysis_size_is_degree(oost):
    data = build_map_data(oost)
    assert data["is_score"] is False
    assert data["suggestions"] == [] and data["ghosts"] == []
    by_id = {r[0]: r for r in data["actors"]}
    hub = max(oost.graph.degree, key=lambda kv: kv[1])[0]
    assert by_id[hub][12] == oost.graph.degree[hub]
    assert by_id[hub][11] == max(r[11] for r in data["actors"])
    assert len(data["actors"]) == oost.n_actors
    assert len(data["edges"]) == oost.graph.number_of_edges()


def test_with_analysis_uses_scores_suggestions_and_ghosts(oost, oost_analysis):
    data = build_map_data(oost, oost_analysis, ghosts=True)
    assert data["is_score"] is True and data["ghosts_on"] is True
    scores = oost_analysis.key_figures.per_actor
    by_id = {r[0]: r for r in data["actors"]}
    top = scores["rank"].idxmin()
    assert by_id[top][14] == 1
    assert by_id[top][15] == "\n".join(oost_analysis.key_figures.reasons(top, "nl"))
    links = oost_analysis.missing_links.to_frame()
    assert len(data["suggestions"]) == len(links)
    absent = oost_analysis.missing_parties.table("nl").query("status == 'absent'")
    assert len(data["ghosts"]) == len(absent)
    assert {g[0] for g in data["ghosts"]} == set(absent["label"])


def test_without_analysis_size_is_degree_and_no_layers(oost):
    data = build_map_data(oost, None)
    assert data["is_score"] is False and data["suggestions"] == [] and data["ghosts"] == []
    degree = dict(oost.graph.degree())
    assert [r[12] for r in data["actors"]] == [round(float(degree[r[0]]), 4)
                                               for r in data["actors"]]
    assert all(r[14] == 0 and r[15] == "" for r in data["actors"])


def test_dutch_map_writes_decimal_commas_and_plurals(oost, oost_analysis):
    nl = build_map_data(oost, oost_analysis)
    en = build_map_data(oost, oost_analysis, lang="en")
    assert nl["number_format"] == {"decimal": ",", "group": "."}
    assert en["number_format"] == {"decimal": ".", "group": ","}
    assert nl["plurals"]["group_actors"] == ["{n} actor", "{n} actoren"]
    assert en["plurals"]["group_ties"] == ["{n} tie", "{n} ties"]
    assert nl["strength_names"]["2"] == "coördinatie" and en["strength_names"]["2"] == "coordination"
    html = render_map(oost, oost_analysis).html
    assert f"{oost.n_actors} actoren, " in html
    assert "toFixed(2)" not in html.split('id="wijkgraph-data"')[1].split("vis-network")[0]


def test_vis_network_found_without_importing_pyvis():
    code = ("import sys; from wijkgraph.render.map import vis_assets; js, css = vis_assets(); "
            "print(len(js) > 100_000, 'pyvis' in sys.modules, 'IPython' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["True", "False", "False"]


def test_co_participation_ties_skip_declared_pairs(oost):
    data = build_map_data(oost)
    declared = {(e[0], e[1]) for e in data["edges"]}
    assert data["meeting_edges"]
    assert not declared & {(e[0], e[1]) for e in data["meeting_edges"]}


def test_english_legend_and_words(oost):
    html = render_map(oost, lang="en").html
    assert 'lang="en"' in html and "Colour = domain" in html and "Who is who" in html
    assert "Kleur = domein" in render_map(oost).html
    with pytest.raises(ValueError):
        render_map(oost, lang="de")


def test_large_map_opens_on_an_overview(oost):
    data = build_map_data(oost, overview_limit=20)
    assert data["large"] is True and len(data["groups"]) >= 2
    assert data["group_kind"] == "community"  # utrecht-oost has one wijk
    assert sum(g[4] for g in data["groups"]) == oost.n_actors
    assert all(0 <= r[13] < len(data["groups"]) for r in data["actors"])


def _groups_of(data: dict) -> set[frozenset[str]]:
    members: dict[int, set[str]] = {}
    for row in data["actors"]:
        members.setdefault(row[13], set()).add(row[0])
    return {frozenset(m) for m in members.values()}


def test_overview_groups_are_the_analysis_communities(oost, oost_analysis):
    from dataclasses import replace

    section = oost_analysis.communities
    # a different partition than the map's own Louvain: the map must follow the analysis
    ids = sorted(oost.graph.nodes)
    other = replace(section, membership={a: 1 + i % 3 for i, a in enumerate(ids)})
    fake = replace(oost_analysis, communities=other)
    for analysis, membership in ((oost_analysis, section.membership),
                                 (fake, other.membership)):
        data = build_map_data(oost, analysis, overview_limit=20)
        assert data["group_kind"] == "community"
        by_community: dict[int, set[str]] = {}
        for actor, c in membership.items():
            by_community.setdefault(c, set()).add(actor)
        alone = frozenset(a for m in by_community.values() if len(m) == 1 for a in m)
        expected = {frozenset(m) for m in by_community.values() if len(m) > 1}
        assert _groups_of(data) == expected | ({alone} if alone else set())
        numbers = {c for c, m in by_community.items() if len(m) > 1}
        names = {g[0] for g in data["groups"]}
        assert names == {f"Gemeenschap {c}" for c in numbers} | (
            {"Zonder samenwerking"} if alone else set())
        again = render_map(oost, analysis, overview_limit=20).html
        assert again == render_map(oost, analysis, overview_limit=20).html
    # without an analysis: the map's own grouping, as before
    assert build_map_data(oost, overview_limit=20)["groups"] == build_map_data(
        oost, None, overview_limit=20)["groups"]


# --- layout and palette ------------------------------------------------------------------------


def test_layout_is_seeded_and_integer(oost):
    a = layout_positions(oost.graph, seed=3)
    assert a == layout_positions(oost.graph, seed=3)
    assert set(a) == set(oost.graph.nodes)
    assert len(set(a.values())) == len(a)


def test_grouped_layout_keeps_groups_apart(oost):
    groups = {n: f"c{c}" for n, c in communities(oost.graph, seed=0).items()}
    lay = grouped_layout(oost.graph, groups, seed=0)
    names = sorted(lay.centres)
    for i, g in enumerate(names):
        for h in names[i + 1:]:
            (ax, ay), (bx, by) = lay.centres[g], lay.centres[h]
            assert ((ax - bx) ** 2 + (ay - by) ** 2) ** 0.5 >= lay.radii[g] + lay.radii[h] - 2


def test_palette_covers_every_domain_and_type():
    from wijkgraph.model.schema import ActorType, Domain

    assert {d.value for d in Domain} == set(palette.DOMAIN_COLOURS)
    assert {t.value for t in ActorType} == set(palette.TYPE_SHAPES)
    assert len(set(palette.DOMAIN_COLOURS.values())) == len(Domain)
    from wijkgraph.model.schema import DOMAIN_NAMES_EN

    assert set(DOMAIN_NAMES_EN) - {"onbekend"} == set(palette.DOMAIN_COLOURS)


# --- CLI and outputs -----------------------------------------------------------------------------


def test_cli_map_writes_one_file(tmp_path):
    out = tmp_path / "kaart.html"
    result = CliRunner().invoke(cli, ["map", "utrecht-oost", "-o", str(out), "--no-analysis"])
    assert result.exit_code == 0, result.output
    assert "Kaart geschreven" in result.output
    assert [p.name for p in tmp_path.iterdir()] == ["kaart.html"]
    # a map may be replaced; any other file only with --force
    assert CliRunner().invoke(cli, ["map", "utrecht-oost", "-o", str(out), "--no-analysis",
                                    "--lang", "en"]).exit_code == 0
    other = tmp_path / "notes.html"
    other.write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(cli, ["map", "utrecht-oost", "-o", str(other)])
    assert result.exit_code == 2
    assert "bestaat al" in result.output
    assert other.read_text(encoding="utf-8") == "mine"


def test_cli_map_with_analysis_and_ghosts(tmp_path):
    out = tmp_path / "kaart.html"
    result = CliRunner().invoke(cli, ["map", "utrecht-oost", "-o", str(out), "--ghosts",
                                      "--lang", "en"])
    assert result.exit_code == 0, result.output
    data = page_data(out.read_text(encoding="utf-8"))
    assert data["ghosts"] and data["ghosts_on"] and data["lang"] == "en"


def test_analyse_writes_map_html(tmp_path, oost, oost_analysis):
    assert "map" in WRITERS
    written = write_outputs(oost, oost_analysis, tmp_path / "out", formats=("map",))
    assert [p.name for p in written] == ["map.html"]
    assert written[0].read_text(encoding="utf-8") == render_map(oost, oost_analysis).html


def test_the_map_is_built_without_the_collector_and_leaves_it_as_it_was(monkeypatch):
    # a city's map makes millions of small rows and no cycles: the collector walking them
    # over and over took a third of the tie rows' time at 100,000 actors
    import gc

    import wijkgraph.render.map as map_module

    seen = []
    original = map_module.build_map_data

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return original(*args, **kwargs)

    monkeypatch.setattr(map_module, "build_map_data", spy)
    was = gc.isenabled()
    try:
        gc.enable()
        render_map(load_dataset("driehoek"))
        assert seen == [False] and gc.isenabled()
        gc.disable()
        render_map(load_dataset("driehoek"))
        assert seen == [False, False] and not gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()
