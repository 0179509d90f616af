"""The report's SVG charts: what they draw (bars, cells, lines, labels, numbers), checked
against the numbers given, and that the SVG is well-formed, escaped and deterministic."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from wijkgraph.render.charts import (
    BLUES,
    Chart,
    bar_chart,
    blues,
    fit,
    heatmap,
    line_chart,
    text_width,
)

NS = {"s": "http://www.w3.org/2000/svg"}


def parse(chart: Chart) -> ET.Element:
    """The chart as XML (fails on anything a browser's XML parser would refuse)."""
    return ET.fromstring(chart.svg)


def texts(root: ET.Element) -> list[str]:
    return [t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text")]


def viewbox(root: ET.Element) -> tuple[float, float]:
    _, _, w, h = (float(v) for v in root.get("viewBox", "").split())
    return w, h


def test_bar_chart_draws_one_bar_per_value_with_length_in_proportion():
    chart = bar_chart(["DOCK Oost", "Buurtteam", "Wijkbureau"], [0.8, 0.4, 0.2],
                      colours=["#332288", "#CC6677", "#882255"], title="Sleutelfiguren",
                      xlabel="score", alt="DOCK Oost 0,8; Buurtteam 0,4; Wijkbureau 0,2")
    root = parse(chart)
    bars = root.findall("s:rect", NS)
    assert [b.get("fill") for b in bars] == ["#332288", "#CC6677", "#882255"]
    widths = [float(b.get("width")) for b in bars]
    assert widths[0] / widths[1] == pytest.approx(2, rel=0.01)
    assert widths[0] / widths[2] == pytest.approx(4, rel=0.01)
    ys = [float(b.get("y")) for b in bars]
    assert ys == sorted(ys)  # first label on top
    words = texts(root)
    # labels, the numbers at the bars with a decimal comma, the axis label
    for w in ("DOCK Oost", "Buurtteam", "Wijkbureau", "0,80", "0,40", "0,20", "score"):
        assert w in words
    # axis ticks from 0 in round steps with a decimal comma
    assert {"0", "0,2", "0,4", "0,6", "0,8"} <= set(words)
    assert chart.title == "Sleutelfiguren" and chart.alt.startswith("DOCK Oost 0,8")
    assert root.find("s:title", NS).text == "Sleutelfiguren"
    assert root.find("s:desc", NS).text == chart.alt
    assert root.get("role") == "img" and root.get("aria-label") == chart.alt


def test_bar_chart_numbers_fit_inside_the_chart_and_labels_left_of_the_axis():
    long = "Gemeente Utrecht, Maatschappelijke Ontwikkeling, afdeling Wijken en nog meer"
    chart = bar_chart([long, "kort"], [20, 1], colours=["#000000", "#ffffff"], title="t",
                      xlabel="aantal", alt="a", value_format="{:.0f}")
    root = parse(chart)
    width, _ = viewbox(root)
    bar = root.findall("s:rect", NS)[0]
    end = float(bar.get("x")) + float(bar.get("width"))
    number = next(t for t in root.iter("{http://www.w3.org/2000/svg}text")
                  if t.text == "20" and t.get("font-size") == "12")  # not the axis tick
    assert float(number.get("x")) > end
    assert float(number.get("x")) + text_width("20", 12) <= width
    label = next(t for t in texts(root) if t.startswith("Gemeente"))
    assert label.endswith("…") and len(label) < len(long)
    assert text_width(label) <= width * 0.42 + 0.01
    assert float(bar.get("x")) >= text_width(label)  # the label fits left of the bars


def test_english_chart_uses_a_decimal_point():
    words = texts(parse(bar_chart(["a"], [0.5], colours=["#000000"], title="t", xlabel="x",
                                  alt="a", decimal=".")))
    assert "0.50" in words and "0,50" not in words


def test_heatmap_writes_every_nonzero_count_in_a_blue_of_its_size():
    rows = ["zorg", "welzijn", "wonen"]
    values = [[2, 5, 0], [5, 1, 0], [0, 0, 0]]
    chart = heatmap(rows, rows, values, title="Menging", alt="zorg - welzijn: 5",
                    row_colours=["#CC6677", "#332288", "#117733"])
    root = parse(chart)
    cells = [r for r in root.findall("s:rect", NS) if r.get("stroke") == "#ffffff"]
    assert len(cells) == 9
    fills = [c.get("fill") for c in cells]
    assert fills[1] == fills[3] == BLUES[-1]  # the largest count is the darkest
    assert fills[2] == fills[8] == "#ffffff"  # zero cells stay white
    assert fills[0] == blues(2 / 5) and fills[4] == blues(1 / 5)
    words = texts(root)
    numbers = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")
               if t.get("font-size") == "12"]  # in the cells (the scale's ticks are 13)
    assert numbers == ["2", "5", "5", "1"]  # row by row, zeros left out
    assert words.count("zorg") == 2 and words.count("wonen") == 2  # rows and columns
    # the row marks in the domain colours
    assert {"#CC6677", "#332288", "#117733"} <= {r.get("fill") for r in root.findall("s:rect", NS)}
    # light ink on the darkest cells
    five = [t for t in root.iter("{http://www.w3.org/2000/svg}text")
            if t.text == "5" and t.get("font-size") == "12"]
    assert {t.get("fill") for t in five} == {"#ffffff"}
    # the scale bar refers to its own gradient
    gradient = root.find(".//s:linearGradient", NS).get("id")
    assert f"url(#{gradient})" in chart.svg


def test_line_chart_draws_each_series_as_a_line_through_its_points():
    chart = line_chart([0, 1, 2, 3], {"gericht": [10, 6, 2, 0], "willekeurig": [10, 9, 8, 7]},
                       title="Kwetsbaarheid", xlabel="partijen weg", ylabel="grootste deel",
                       alt="gericht daalt sneller")
    root = parse(chart)
    lines = root.findall("s:polyline", NS)
    assert len(lines) == 2
    first = [tuple(map(float, p.split(","))) for p in lines[0].get("points").split()]
    second = [tuple(map(float, p.split(","))) for p in lines[1].get("points").split()]
    assert len(first) == len(second) == 4
    # y grows downwards in SVG: the targeted line falls, and faster than the random one
    assert [p[1] for p in first] == sorted(p[1] for p in first)
    drop_first, drop_second = first[-1][1] - first[0][1], second[-1][1] - second[0][1]
    assert drop_first == pytest.approx(drop_second * 10 / 3, rel=0.01)
    assert lines[0].get("stroke") != lines[1].get("stroke")
    assert lines[1].get("stroke-dasharray")  # also apart in grey print
    words = texts(root)
    for w in ("gericht", "willekeurig", "partijen weg", "grootste deel", "0", "10"):
        assert w in words


def test_text_is_escaped_and_the_svg_stays_well_formed():
    evil = '<script>alert(1)</script> & "quotes" \x01'
    chart = bar_chart([evil], [1.0], colours=['"><script>'], title=evil, xlabel=evil, alt=evil)
    root = parse(chart)  # parses: nothing broke out of its element or attribute
    assert "<script>" not in chart.svg
    assert "&lt;script&gt;" in chart.svg
    assert "\x01" not in chart.svg
    assert root.findall("s:rect", NS)[0].get("fill") == "#8a8a8a"  # not a colour: grey
    assert not re.search(r"url\((?!#)", chart.svg)  # no outside references
    heat = heatmap([evil], [evil], [[1]], title=evil, alt=evil, row_colours=["red"])
    parse(heat)
    line = line_chart([0, 1], {evil: [1, 2]}, title=evil, xlabel=evil, ylabel=evil, alt=evil)
    parse(line)
    assert "<script>" not in heat.svg + line.svg


def test_same_input_same_bytes_and_empty_input_still_draws():
    def make() -> str:
        return (bar_chart(["a", "b"], [1, 2], colours=["#000", "#fff"], title="t", xlabel="x",
                          alt="a").svg
                + heatmap(["a"], ["a"], [[3]], title="h", alt="h").svg
                + line_chart([0, 1], {"s": [1, 0]}, title="l", xlabel="x", ylabel="y",
                             alt="l").svg)
    assert make() == make()
    for chart in (bar_chart([], [], colours=[], title="t", xlabel="x", alt="leeg"),
                  heatmap([], [], [], title="t", alt="leeg"),
                  line_chart([], {}, title="t", xlabel="x", ylabel="y", alt="leeg")):
        root = parse(chart)
        assert all(v > 0 for v in viewbox(root))


def test_negative_and_missing_values_are_drawn_sensibly():
    root = parse(bar_chart(["plus", "min", "leeg"], [2.0, -1.0, float("nan")],
                           colours=["#000000"] * 3, title="t", xlabel="x", alt="a"))
    bars = root.findall("s:rect", NS)
    assert len(bars) == 2  # no bar for a missing value
    plus, minus = bars
    assert float(minus.get("x")) + float(minus.get("width")) == pytest.approx(
        float(plus.get("x")), abs=0.02)  # both start at zero
    assert float(plus.get("width")) == pytest.approx(2 * float(minus.get("width")), rel=0.01)
    words = texts(root)
    assert "−1,00" in words and "–" in words


def test_width_estimate_and_cutting_labels():
    assert text_width("WWW") > text_width("iii") * 2
    assert text_width("中文") == pytest.approx(2 * 13)
    assert fit("kort", 100) == "kort"
    cut = fit("een heel lange naam van een organisatie in de wijk", 100)
    assert cut.endswith("…") and text_width(cut) <= 100
