"""Switching the missing-parties layer on re-fits the view: every ghost is in sight."""

from __future__ import annotations

import pytest

from wijkgraph.analysis.run import analyse
from wijkgraph.render.map import render_map
from wijkgraph.sources.bundled import load_dataset

pytestmark = pytest.mark.browser


def test_the_view_refits_when_the_ghost_layer_is_switched_on(open_page, tmp_path) -> None:
    net = load_dataset("driehoek")  # ten wijken in focus: one ghost per missing role
    result = analyse(net)
    path = tmp_path / "kaart.html"
    render_map(net, result).write(path)
    page = open_page(path).page
    absent_roles = set(result.missing_parties.to_frame().query("status == 'absent'")["role"])
    first = page.evaluate("wijkgraph.nodes.getIds()")[0]
    page.evaluate("id => wijkgraph.network.moveTo({position: wijkgraph.network.getPosition(id),"
                  " scale: 4, animation: false})", first)  # zoomed in on one actor
    page.check("#layer-ghosts")
    ghosts = page.evaluate("wijkgraph.nodes.getIds().filter(id => String(id)[0] === 'g')")
    assert len(ghosts) == len(absent_roles)
    box = page.locator("#network").bounding_box()
    for g in ghosts:
        pos = page.evaluate("id => wijkgraph.domPosition(id)", g)
        assert 0 <= pos["x"] <= box["width"] and 0 <= pos["y"] <= box["height"], g
