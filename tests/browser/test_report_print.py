"""The report on paper (issue 13): Chromium's own PDF print of utrecht-oost fits on ten A4
pages, and the first page is the summary: title, date, the picture of the network and the
glance findings. Debian's Chromium through Playwright (never ``playwright install``).
"""

from __future__ import annotations

import re

import pytest

from wijkgraph.analysis.run import analyse
from wijkgraph.render.outputs import write_outputs
from wijkgraph.render.report import build_report
from wijkgraph.sources.bundled import load_dataset

pytestmark = pytest.mark.browser

MM = 96 / 25.4  # CSS px per mm
PAGE_HEIGHT = (297 - 9 - 10) * MM  # A4 minus the report's @page margins (9 mm, 10 mm)


@pytest.fixture(scope="module")
def printed(browser, tmp_path_factory):
    import os

    os.environ["SOURCE_DATE_EPOCH"] = "1780000000"
    try:
        net = load_dataset("utrecht-oost")
        result = analyse(net)
        out = tmp_path_factory.mktemp("print")
        write_outputs(net, result, out, formats=("html",))
    finally:
        del os.environ["SOURCE_DATE_EPOCH"]
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto((out / "report.html").resolve().as_uri())
    page.wait_for_load_state("load")
    pdf = page.pdf(format="A4", print_background=True)
    (out / "report.pdf").write_bytes(pdf)  # to look at: tmp_path of the test session
    yield net, result, page, pdf
    ctx.close()


def test_utrecht_oost_prints_on_at_most_ten_a4_pages(printed):
    _net, _result, _page, pdf = printed
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 < pages <= 10, pages  # 17 before issue 13


def test_first_printed_page_is_the_summary(printed):
    net, result, page, _pdf = printed
    page.emulate_media(media="print")
    page.set_viewport_size({"width": round((210 - 20) * MM), "height": 1000})
    box = page.evaluate("""() => {
        const g = document.querySelector('#glance'), pic = document.querySelector('#picture svg');
        const r = pic.getBoundingClientRect();
        return {bottom: g.getBoundingClientRect().bottom + window.scrollY,
                picture: [r.width, r.height], text: g.innerText,
                after: getComputedStyle(g).breakAfter,
                header: document.querySelector('header.top').innerText}; }""")
    assert box["after"] == "page"  # the summary stands on its own page
    assert box["bottom"] <= PAGE_HEIGHT  # ... and fits on it
    assert box["picture"][0] > 400 and box["picture"][1] > 250  # the picture is drawn large
    report = build_report(net, result)
    for finding in report.sections[0].items:
        assert finding.head in box["text"]
    assert report.title in box["header"] and "2026-05-28" in box["header"]
    # the picture names the top key figure
    top = result.key_figures.to_frame().iloc[0]
    assert f"1. {top['name']}" in page.locator("#picture svg").inner_html()
