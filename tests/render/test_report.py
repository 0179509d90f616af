"""The report: structure, content, languages, safety of the HTML and the Markdown."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import wijkgraph
from wijkgraph.analysis.run import analyse
from wijkgraph.model.network import build_network
from wijkgraph.model.tables import tables_from_frames
from wijkgraph.render.report import (
    build_report,
    fmt_number,
    key_findings,
    md_escape,
    render_html,
    render_report,
)
from wijkgraph.sources.bundled import dataset_names, load_dataset

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "</style><script>alert(3)</script>",
    "Tom & Jerry \"quotes\" 'single'",
    "{{ 7*7 }} {% raw %}",
    "=HYPERLINK(\"http://evil.example\",\"klik\")",
    "$x$ wiskunde | pipe * ster _laag_ [link](http://evil.example)",
]


def hostile_network():
    actors = pd.DataFrame({
        "name": HOSTILE,
        "type": ["organisatie"] * len(HOSTILE),
        "domain": ["zorg", "welzijn", "inwoners", "zorg", "wonen", "welzijn", "inwoners"],
        "themes": ["<b>thema</b>", "eenzaamheid", "eenzaamheid", "", "", "x", "y"],
        "description": ["<iframe src=http://evil.example>"] * len(HOSTILE),
    })
    relations = pd.DataFrame({"source": HOSTILE[:-1], "target": HOSTILE[1:]})
    return build_network(tables_from_frames(actors, relations))


@pytest.fixture(scope="module")
def oost():
    net = load_dataset("utrecht-oost")
    return net, analyse(net)


def test_sections_in_order_with_intro(oost):
    net, result = oost
    report = build_report(net, result)
    ids = [s.id for s in report.sections]
    assert ids[:2] == ["glance", "network"]
    assert ids[-3:] == ["whoiswho", "reading", "problems"]
    for section in report.sections:
        assert section.title
        if section.id not in ("reading",):
            assert section.intro, section.id  # every section opens with plain sentences
    # every result that has something to say gets its place in the report, in field order
    said = [r.summary("nl", top=10) for _name, r in result.sections()]
    assert ids[1:-3] == [s.id for s in said if not s.empty]
    assert {"network", "key_figures", "domains", "missing", "links", "resilience"} <= set(ids)


def test_every_number_has_its_sentence(oost):
    net, result = oost
    report = build_report(net, result)
    numbers = [n for s in report.sections for n in s.numbers]
    assert numbers
    for n in numbers:
        assert n.value and n.label and n.sentence.endswith("."), n


def test_network_numbers_match_the_analysis(oost):
    net, result = oost
    html = render_report(net, result)
    s = result.overview
    assert f">{s.n_actors}<" in html
    assert f">{s.n_relations}<" in html
    assert fmt_number(100 * s.density, "nl", 1) + "%" in html


def test_whoiswho_lists_every_actor(oost):
    net, result = oost
    section = build_report(net, result).section("whoiswho")
    names = {row[0].split(" (★")[0] for row in section.tables[0].rows}
    assert names == set(net.actors["name"])


def test_findings_come_from_the_analyses(oost):
    net, result = oost
    found = key_findings(net, result, "nl", n=3)
    assert 1 <= len(found) <= 3
    html = render_report(net, result)
    glance = html.split('id="glance"')[1].split("</section>")[0]
    for item in found:
        assert item.head in glance


def test_english_report(oost):
    net, result = oost
    html = render_report(net, result, lang="en")
    assert '<html lang="en">' in html
    for words in ("At a glance", "The network in numbers", "Who is who", "How to read the figures"):
        assert words in html
    assert "In één oogopslag" not in html
    md = render_report(net, result, lang="en", fmt="md")
    assert "## At a glance" in md


def test_dutch_is_the_default(oost):
    net, result = oost
    html = render_report(net, result)
    assert '<html lang="nl">' in html and "In één oogopslag" in html


def test_html_is_self_contained_and_offline(oost):
    net, result = oost
    html = render_report(net, result)
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "<script" not in html.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html, re.I)
    assert "@import" not in html and "@font-face" not in html
    assert not re.search(r"url\((?!#)", html)  # only local references (SVG clip paths)


def test_charts_are_inline_svg_with_text_alternative(oost):
    net, result = oost
    report = build_report(net, result)
    all_charts = [c for s in report.sections for c in s.charts]
    assert all_charts
    html = render_html(report)
    for chart in all_charts:
        assert chart.alt and chart.title
        assert chart.svg in html
        assert 'role="img"' in chart.svg and "aria-label=" in chart.svg
        assert "<metadata>" not in chart.svg and "<dc:date>" not in chart.svg


def test_map_link_only_when_asked(oost):
    net, result = oost
    assert 'href="map.html"' in render_report(net, result)
    assert 'href="map.html"' not in render_report(net, result, map_href=None)


def test_same_input_same_report(oost):
    net, result = oost
    again = analyse(load_dataset("utrecht-oost"))
    assert render_report(net, result) == render_report(net, again)
    assert render_report(net, result, fmt="md") == render_report(net, again, fmt="md")


def test_hostile_names_are_text_in_html():
    net = hostile_network()
    html = render_report(net, analyse(net))
    assert "<script>alert" not in html and "<img src=x" not in html and "<iframe" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "{{ 7*7 }}" in html  # not evaluated by the template
    assert "<script" not in html.lower()


def test_hostile_names_are_text_in_markdown():
    net = hostile_network()
    md = render_report(net, analyse(net), fmt="md")
    assert "<script>" not in md and "<img" not in md and "<iframe" not in md
    assert "[link](http" not in md  # no live Markdown link from data
    # a '|' in a name does not add a column: every row of a table has the header's width
    blocks, current = [], []
    for line in md.splitlines():
        if line.startswith("|"):
            current.append(len(re.findall(r"(?<!\\)\|", line)))
        elif current:
            blocks.append(current)
            current = []
    assert blocks
    for widths in blocks:
        assert len(set(widths)) == 1, widths


def test_md_escape():
    assert md_escape("a|b") == "a\\|b"
    assert md_escape("<b>") == "&lt;b&gt;"
    assert md_escape("line\nbreak") == "line break"


@pytest.mark.parametrize("n", [0, 1])
def test_tiny_networks_give_a_report(n):
    actors = pd.DataFrame({"name": ["A"][:n] or ["A"], "domain": ["zorg"]})
    relations = pd.DataFrame({"source": [], "target": []})
    net = build_network(tables_from_frames(actors, relations))
    html = render_report(net, analyse(net))
    assert "In één oogopslag" in html
    assert render_report(net, analyse(net), fmt="md").startswith("# ")


@pytest.mark.parametrize("name", dataset_names())
def test_every_bundled_dataset_renders(name):
    net = load_dataset(name)
    result = analyse(net)
    html = render_report(net, result)
    md = render_report(net, result, fmt="md")
    assert html.count("<section") == md.count('<a id="')
    assert "</html>" in html


def test_public_api():
    net = wijkgraph.load_dataset("driehoek")
    assert wijkgraph.render_report(net, wijkgraph.analyse(net)).startswith("<!DOCTYPE html>")
    with pytest.raises(ValueError):
        wijkgraph.render_report(net, wijkgraph.analyse(net), fmt="pdf")
