"""The report of every bundled dataset in headless Chromium: no errors, no requests, all there.

Uses Debian's Chromium through Playwright (never ``playwright install``). Skipped when
Chromium or Playwright is missing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from wijkgraph.analysis.run import analyse
from wijkgraph.render.outputs import write_outputs
from wijkgraph.render.report import build_report, key_findings
from wijkgraph.sources.bundled import dataset_names, load_dataset

pytestmark = pytest.mark.browser

# The session-wide `browser` fixture (one Chromium for all browser tests) is in conftest.py.


def open_page(browser, path: Path, **context):
    ctx = browser.new_context(**context)
    page = ctx.new_page()
    problems: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: problems.append(f"{m.type}: {m.text}")
            if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.resolve().as_uri())
    page.wait_for_load_state("load")
    return ctx, page, problems, requests


@pytest.mark.parametrize("name", dataset_names())
def test_report_opens_clean_with_all_sections(browser, tmp_path, name):
    net = load_dataset(name)
    result = analyse(net)
    out = tmp_path / name
    write_outputs(net, result, out, formats=("html", "map"))
    report_path = out / "report.html"
    ctx, page, problems, requests = open_page(browser, report_path)
    try:
        assert problems == []
        assert requests == [report_path.resolve().as_uri()]  # nothing else, not even the map
        report = build_report(net, result, map_href="map.html")
        for section in report.sections:
            heading = page.locator(f"#h-{section.id}")
            assert heading.count() == 1, section.id
            assert heading.inner_text().strip() == section.title
        glance = page.locator("#glance").inner_text()
        for finding in key_findings(net, result, "nl", n=3):
            assert finding.head in glance
        # every chart is drawn with a real size and has an accessible name
        for svg in page.locator("svg.chart-svg").all():
            box = svg.bounding_box()
            assert box and box["width"] > 200 and box["height"] > 50
            assert svg.get_attribute("aria-label")
        # the map link works offline
        if (out / "map.html").exists():
            assert page.locator('a.maplink[href="map.html"]').count() == 1
        # the who-is-who lists every actor
        rows = page.locator("#whoiswho tbody tr").count()
        assert rows == min(net.n_actors, 400)
    finally:
        ctx.close()


def test_hostile_names_run_nothing(browser, tmp_path):
    import pandas as pd

    from wijkgraph.model.network import build_network
    from wijkgraph.model.tables import tables_from_frames

    names = ["<script>window.__pwned=1</script>", "<img src=x onerror=window.__pwned=2>",
             "</style><b>vet</b>", "\"><svg onload=window.__pwned=3>"]
    actors = pd.DataFrame({"name": names, "domain": ["zorg", "welzijn", "zorg", "wonen"]})
    relations = pd.DataFrame({"source": names[:-1], "target": names[1:]})
    net = build_network(tables_from_frames(actors, relations))
    write_outputs(net, analyse(net), tmp_path / "out", formats=("html",))
    path = tmp_path / "out" / "report.html"
    ctx, page, problems, requests = open_page(browser, path)
    try:
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        assert page.evaluate("window.__pwned === undefined")
        assert dialogs == [] and problems == []
        assert requests == [path.resolve().as_uri()]
        text = page.locator("#whoiswho").inner_text()
        for name in names:
            assert name in text  # shown literally
        assert page.locator("#whoiswho b").count() == 0
    finally:
        ctx.close()


def test_print_and_beamer(browser, tmp_path):
    net = load_dataset("utrecht-oost")
    write_outputs(net, analyse(net), tmp_path / "out", formats=("html",))
    path = tmp_path / "out" / "report.html"
    # beamer: 1920x1080, no horizontal scrolling of the page itself
    ctx, page, problems, _ = open_page(browser, path, viewport={"width": 1920, "height": 1080})
    try:
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 18
    finally:
        ctx.close()
    # laptop
    ctx, page, problems, _ = open_page(browser, path, viewport={"width": 1280, "height": 720})
    try:
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        # paper: the print stylesheet hides the table of contents and makes a real PDF
        page.emulate_media(media="print")
        assert page.locator("nav.toc").is_hidden()
        pdf = page.pdf(format="A4")
        assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") > 3
        assert problems == []
    finally:
        ctx.close()


DOCS_IMG = Path(__file__).resolve().parents[2] / "docs" / "img"
SHOTS = {  # file name -> (section id or None for the top of the page, max height)
    "report-top.png": (None, 900),
    "report-key-figures.png": ("key_figures", 1500),
    "report-domains.png": ("domains", 1400),
    "report-missing.png": ("missing", 1300),
    "report-links.png": ("links", 1100),
    "report-resilience.png": ("resilience", 1300),
}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_screenshots_for_the_guide(browser, tmp_path, lang):
    """Screenshots of the utrecht-oost report; kept in docs/img with WIJKGRAPH_DOCS_SHOTS=1."""
    import os

    net = load_dataset("utrecht-oost")
    write_outputs(net, analyse(net), tmp_path / "out", formats=("html", "map"), lang=lang)
    keep = os.environ.get("WIJKGRAPH_DOCS_SHOTS") == "1"
    target = DOCS_IMG if keep else tmp_path
    target.mkdir(parents=True, exist_ok=True)
    ctx, page, problems, _ = open_page(browser, tmp_path / "out" / "report.html",
                                       viewport={"width": 1280, "height": 900})
    try:
        for name, (section, height) in SHOTS.items():
            if section is None:
                clip = {"x": 0, "y": 0, "width": 1280, "height": height}
            else:
                box = page.locator(f"#{section}").bounding_box()
                if box is None:
                    continue
                clip = {"x": box["x"] - 8, "y": box["y"] - 8, "width": box["width"] + 16,
                        "height": min(box["height"] + 16, height)}
            stem = name if lang == "nl" else name.replace(".png", "-en.png")
            page.screenshot(path=str(target / stem), clip=clip, full_page=True)
            assert (target / stem).stat().st_size > 10_000
        assert problems == []
    finally:
        ctx.close()
