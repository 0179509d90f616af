"""What a person reads is capped, never silently; the fast paths give what the careful ones do."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from wijkgraph.analysis import run as run_module
from wijkgraph.analysis._result import frame_records, jsonable
from wijkgraph.analysis.run import analyse
from wijkgraph.model.network import build_network
from wijkgraph.model.tables import tables_from_frames
from wijkgraph.render import report as report_module
from wijkgraph.render import report_static
from wijkgraph.render.network_svg import network_svg
from wijkgraph.render.report import render_report
from wijkgraph.render.xlsx_sheet import _cell_xml, _column_cells, cell_value
from wijkgraph.sources.bundled import load_dataset


def _star() -> object:
    # hub H with four partners; A and B also tied: degrees H 4, A 2, B 2, C 1, D 1
    actors = pd.DataFrame({"name": ["H", "A", "B", "C", "D"], "domain": ["zorg"] * 5})
    relations = pd.DataFrame({"source": ["H", "H", "H", "H", "A"],
                              "target": ["A", "B", "C", "D", "B"]})
    return build_network(tables_from_frames(actors, relations))


def test_the_picture_of_a_large_network_shows_its_core_and_says_so():
    svg = network_svg(_star(), lang="en", max_nodes=3)
    names = [t.split("</title>")[0] for t in svg.split("<title>")[2:]]  # [0]: the picture's
    assert sorted(names) == ["A", "B", "H"]  # the three with most partners
    assert svg.count("<line") == 3  # the ties among them: H-A, H-B, A-B
    assert "Shown: the 3 most central parties of 5" in svg
    assert "5 parties, 5 ties" in svg  # the text alternative counts the whole network
    assert "Shown:" not in network_svg(_star(), lang="en", max_nodes=5)


@pytest.fixture(scope="module")
def oost():
    net = load_dataset("utrecht-oost")
    return net, analyse(net)


def test_who_is_who_formats_only_the_rows_it_shows(oost, monkeypatch):
    net, result = oost
    monkeypatch.setattr(report_static, "WHOISWHO_LIMIT", 2)
    md = render_report(net, result, fmt="md", lang="en")
    first_two = sorted(net.actors["name"], key=lambda n: (n.casefold()))[:2]
    part = md.split('<a id="whoiswho"></a>')[1].split('<a id="reading"></a>')[0]
    rows = [line for line in part.splitlines() if line.startswith("| ") and "---" not in line]
    assert [r.split(" | ")[0].lstrip("| ").split(" (★")[0] for r in rows[1:]] == first_two
    assert f"… and {net.n_actors - 2} more rows: see tables.xlsx." in part


def test_a_long_list_of_findings_says_how_many_it_leaves_out(oost, monkeypatch):
    net, result = oost
    monkeypatch.setattr(report_module, "MAX_ITEMS", 1)
    summary = result.missing_parties.summary("en", top=10)
    assert len(summary.items) > 1
    md = render_report(net, result, fmt="md", lang="en")
    html = render_report(net, result, fmt="html", lang="en")
    line = f"… and {len(summary.items) - 1} more: see tables.xlsx."
    assert line in md and line in html


@pytest.mark.parametrize("values", [
    ["plain", "", "=SUM(A1)", " edge ", "a\x01b", "x\x07y", "tab\tin", "é & <b>", None],
    [("a", "b"), [], ["  spaced  out "], ("=x",), {"k": 1}, [1, 2]],
    [True, False, 1, 2.5, float("nan"), float("inf"), None, "t"],
])
def test_column_cells_are_the_careful_cells(values):
    rows = [str(r) for r in range(2, 2 + len(values))]
    cells, width = _column_cells(pd.Series(values, dtype=object), "C", rows, "en")
    careful = [_cell_xml(f"C{r}", cell_value(v, "en")) for r, v in zip(rows, values, strict=True)]
    assert cells == [xml for xml, _w in careful]
    assert width == max(w for _x, w in careful)


def test_numpy_columns_are_the_careful_cells():
    for series in (pd.Series([1, -20, 300]), pd.Series([0.1, math.nan, -2.25]),
                   pd.Series([True, False, True])):
        rows = ["2", "3", "4"]
        cells, _width = _column_cells(series, "A", rows, "nl")
        careful = [_cell_xml(f"A{r}", cell_value(v)) for r, v in zip(rows, series.tolist(),
                                                                      strict=True)][:3]
        assert cells == [xml for xml, _w in careful]


def test_records_are_jsonable_records():
    frame = pd.DataFrame({"i": [1, 2], "f": [0.12345678, math.nan], "b": [True, False],
                          "o": [("x", 1), {"k": (2,)}], "s": ["a", None]})
    assert frame_records(frame) == [jsonable(r) for r in frame.to_dict("records")]


def test_compact_json_parts_are_json_dumps(oost, monkeypatch):
    _net, result = oost
    monkeypatch.setattr(run_module, "PRETTY_JSON_MAX_ACTORS", 0)
    text = "".join(result.json_parts("en"))
    assert text == json.dumps(result.to_dict("en"), ensure_ascii=False, sort_keys=True,
                              separators=(",", ":")) + "\n"
