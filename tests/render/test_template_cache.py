"""Compiled templates kept between runs change nothing in the pages, and a broken cache
never fails a render."""

from __future__ import annotations

import pytest

from wijkgraph.analysis.run import analyse
from wijkgraph.render import _templates
from wijkgraph.render.map import render_map, template_environment
from wijkgraph.render.report import _environment, render_report
from wijkgraph.sources.bundled import load_dataset


@pytest.fixture(scope="module")
def small():
    net = load_dataset("driehoek")
    return net, analyse(net)


def _pages(net, result) -> tuple[str, str]:
    for env in (template_environment("en"), _environment("en")):
        env.cache.clear()  # jinja2's templates in memory: load (and compile) them again
    return render_map(net, result, lang="en").html, render_report(net, result, lang="en")


@pytest.fixture
def fresh():
    template_environment.cache_clear()
    _environment.cache_clear()
    yield
    template_environment.cache_clear()
    _environment.cache_clear()


def test_pages_are_the_same_with_and_without_the_cache(small, fresh, monkeypatch, tmp_path):
    net, result = small
    monkeypatch.setenv(_templates.CACHE_ENV, "0")
    assert template_environment("en").bytecode_cache is None
    plain = _pages(net, result)

    monkeypatch.delenv(_templates.CACHE_ENV)
    template_environment.cache_clear()
    _environment.cache_clear()
    caches = [template_environment("en").bytecode_cache, _environment("en").bytecode_cache]
    if None in caches:
        pytest.skip("no usable temporary folder for jinja2's cache on this system")
    for cache in caches:
        cache.directory = str(tmp_path)  # this test's own folder
    assert _pages(net, result) == plain  # compiled and written
    written = sorted(p.name for p in tmp_path.iterdir())
    assert any(n.startswith("wijkgraph-map-") for n in written)
    assert any(n.startswith("wijkgraph-report-") for n in written)
    assert _pages(net, result) == plain  # read back
    for path in tmp_path.iterdir():
        path.write_bytes(b"not a cache file")
    assert _pages(net, result) == plain  # broken files: compiled again
    for cache in caches:
        cache.directory = str(tmp_path / "gone")  # a folder removed meanwhile: not kept
    assert _pages(net, result) == plain
