"""Small, deterministic inline-SVG charts for the report (matplotlib, Agg/SVG canvas).

Every chart is returned as a `Chart`: the SVG text ready to put inline in HTML (no XML
prolog, no fixed size, a ``<title>`` and ``role="img"`` with an ``aria-label``) and a
plain-text alternative for screen readers, Markdown and paper. Charts only draw values
they are given; they never compute a metric.

Determinism: the SVG ids depend on ``svg.hashsalt`` (fixed per chart), the date metadata
is left out, and text is kept as text (``svg.fonttype = "none"``), so the same input
gives byte-identical SVG. pyplot is never imported: the global matplotlib backend of a
notebook is left alone.

Examples
--------
>>> chart = bar_chart(["DOCK Oost", "Buurtteam"], [0.9, 0.5], colours=["#0072b2", "#e69f00"],
...                   title="Sleutelfiguren", xlabel="score", alt="DOCK Oost 0,9; Buurtteam 0,5")
>>> chart.svg.startswith("<svg") and "<title>Sleutelfiguren</title>" in chart.svg
True
>>> chart.svg == bar_chart(["DOCK Oost", "Buurtteam"], [0.9, 0.5],
...     colours=["#0072b2", "#e69f00"], title="Sleutelfiguren", xlabel="score",
...     alt="DOCK Oost 0,9; Buurtteam 0,5").svg
True
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

import matplotlib
import matplotlib.patches
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure

_RC: dict[Any, Any] = {  # matplotlib types its keys as Literals
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans", "Arial", "Helvetica"],
    "font.size": 13,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": "#555555",
    "axes.labelcolor": "#222222",
    "xtick.color": "#333333",
    "ytick.color": "#333333",
    "text.parse_math": False,  # a '$' in an actor's name is a dollar, not mathtext
    "text.usetex": False,
}
INK = "#222222"
MUTED = "#8a8a8a"
ACCENT = "#0072b2"  # Okabe-Ito blue
SECOND = "#d55e00"  # Okabe-Ito vermilion


@dataclass(frozen=True)
class Chart:
    """An inline SVG chart with its text alternative.

    Attributes
    ----------
    svg : str
        ``<svg ...>...</svg>``, safe to place inline (matplotlib escapes all text).
    title : str
        A short title (also the SVG's ``<title>``).
    alt : str
        The whole content in words (screen readers, Markdown, paper).
    """

    svg: str
    title: str
    alt: str


def _short(label: str, limit: int = 34) -> str:
    label = " ".join(str(label).split())
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _to_svg(fig: Figure, salt: str, title: str, alt: str) -> Chart:
    buf = io.StringIO()
    FigureCanvasSVG(fig)
    with matplotlib.rc_context({**_RC, "svg.hashsalt": f"wijkgraph-{salt}"}), \
            warnings.catch_warnings():
        # Names with emoji or control characters lack a glyph in DejaVu Sans; the chart
        # then shows a box, and the text alternative keeps the name whole.
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": "wijkgraph"},
                    bbox_inches="tight", pad_inches=0.08)
    text = buf.getvalue()
    start = text.index("<svg")
    svg = text[start:].strip()
    # Drop the fixed size (CSS sizes the chart), keep the viewBox; add an accessible name.
    head_end = svg.index(">")
    head = svg[:head_end]
    head = re.sub(r'\s(width|height)="[^"]*"', "", head)
    head += f' role="img" aria-label="{escape(alt, quote=True)}" class="chart-svg"'
    svg = head + ">" + f"<title>{escape(title, quote=False)}</title>" + svg[head_end + 1:]
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, flags=re.S)
    return Chart(svg=svg, title=title, alt=alt)


def _decimal_axis(axis: object, decimal: str) -> None:
    """Write tick labels with `decimal` as the decimal separator (Dutch: comma)."""
    if decimal == ".":
        return
    from matplotlib.ticker import FuncFormatter

    def fmt(value: float, _pos: int) -> str:
        text = f"{value:g}" if float(value).is_integer() else f"{value:.2f}".rstrip("0")
        return text.replace(".", decimal).replace("-", "−")

    axis.set_major_formatter(FuncFormatter(fmt))  # type: ignore[attr-defined]


def _figure(width: float, height: float) -> Figure:
    with matplotlib.rc_context(_RC):
        return Figure(figsize=(width, height), dpi=72)


def bar_chart(labels: Sequence[str], values: Sequence[float], *, colours: Sequence[str],
              title: str, xlabel: str, alt: str, value_format: str = "{:.2f}",
              decimal: str = ",") -> Chart:
    """A horizontal bar chart, first label on top (key figures by score).

    Parameters
    ----------
    labels, values : sequences of equal length
        What to draw, in the order to show it (top first).
    colours : sequence of str
        One colour per bar (the actor's domain colour).
    title, xlabel, alt : str
        Title, axis label, and the text alternative.
    value_format : str
        Format of the number written at the end of each bar.
    decimal : str
        Decimal separator of those numbers ("," in Dutch).

    Examples
    --------
    >>> c = bar_chart(["a"], [1.0], colours=["#000000"], title="t", xlabel="x", alt="a 1")
    >>> "1,00" in c.svg
    True
    """
    n = len(labels)
    with matplotlib.rc_context(_RC):
        fig = _figure(10, 1.1 + 0.42 * max(n, 1))
        ax = fig.add_subplot(1, 1, 1)
        ys = list(range(n))[::-1]
        ax.barh(ys, list(values), color=list(colours), height=0.68, edgecolor="none")
        ax.set_yticks(ys, [_short(x) for x in labels])
        ax.set_xlabel(xlabel)
        top = max([float(v) for v in values] + [0.0]) or 1.0
        ax.set_xlim(0, top * 1.18)
        for y, v in zip(ys, values, strict=True):
            ax.text(float(v) + top * 0.015, y, value_format.format(float(v)).replace(".", decimal),
                    va="center", ha="left", fontsize=12, color=INK)
        _decimal_axis(ax.xaxis, decimal)
        ax.tick_params(axis="y", length=0)
        ax.grid(axis="x", color="#e6e6e6", linewidth=0.8)
        ax.set_axisbelow(True)
    return _to_svg(fig, "bar-" + title, title, alt)


def heatmap(row_labels: Sequence[str], col_labels: Sequence[str],
            values: Sequence[Sequence[float]], *, title: str, alt: str,
            value_format: str = "{:g}", decimal: str = ",",
            row_colours: Sequence[str] | None = None) -> Chart:
    """A square heatmap with every cell's number written in it (the domain mixing matrix).

    Uses a single-hue sequential map (white to blue, readable with any colour vision and
    in grey print); zero cells stay white and empty, so the gaps stand out. Numbers switch
    between dark and light ink by cell brightness.

    Examples
    --------
    >>> c = heatmap(["zorg", "welzijn"], ["zorg", "welzijn"], [[2, 5], [5, 1]],
    ...             title="Menging", alt="zorg-welzijn 5")
    >>> c.svg.count("<title>")
    1
    """
    import numpy as np

    data = np.asarray([[float(v) for v in row] for row in values], dtype=float)
    n_rows, n_cols = data.shape if data.size else (0, 0)
    size = 2.2 + 0.62 * max(n_rows, n_cols, 1)
    with matplotlib.rc_context(_RC):
        fig = _figure(min(size + 2.2, 13), min(size, 11))
        ax = fig.add_subplot(1, 1, 1)
        if data.size:
            vmax = float(np.nanmax(data)) or 1.0
            cmap = matplotlib.colormaps["Blues"]
            im = ax.imshow(data, cmap=cmap, vmin=0, vmax=vmax, aspect="equal")
            for i in range(n_rows):
                for j in range(n_cols):
                    v = data[i, j]
                    if not v:
                        continue
                    r, g, b, _a = cmap(v / vmax if vmax else 0.0)
                    light = (0.299 * r + 0.587 * g + 0.114 * b) > 0.55
                    ax.text(j, i, value_format.format(v).replace(".", decimal), ha="center",
                            va="center", fontsize=11 if max(n_rows, n_cols) > 9 else 12.5,
                            color=INK if light else "#ffffff")
            fig.colorbar(im, ax=ax, fraction=0.04, pad=0.02)
        ax.set_xticks(range(n_cols), [_short(x, 18) for x in col_labels], rotation=40,
                      ha="right", rotation_mode="anchor")
        ax.set_yticks(range(n_rows), [_short(x, 22) for x in row_labels])
        if row_colours is not None:  # a coloured mark beside each row label
            for i, colour in enumerate(row_colours[:n_rows]):
                ax.add_patch(matplotlib.patches.Rectangle(
                    (-0.5 - 0.32, i - 0.35), 0.22, 0.7, color=colour, clip_on=False))
        ax.tick_params(length=0)
        ax.tick_params(axis="y", pad=16 if row_colours is not None else 4)
        for spine in ax.spines.values():
            spine.set_visible(False)
    return _to_svg(fig, "heat-" + title, title, alt)


def line_chart(x: Sequence[float], series: Mapping[str, Sequence[float]], *, title: str,
               xlabel: str, ylabel: str, alt: str,
               colours: Sequence[str] = (SECOND, ACCENT, "#009e73", "#cc79a7"),
               decimal: str = ",") -> Chart:
    """Lines of several series over the same x (the resilience curve: targeted vs random).

    Examples
    --------
    >>> c = line_chart([0, 1, 2], {"gericht": [10, 6, 2], "willekeurig": [10, 9, 8]},
    ...                title="Kwetsbaarheid", xlabel="weg", ylabel="grootste deel",
    ...                alt="gericht daalt sneller")
    >>> "gericht" in c.svg and "willekeurig" in c.svg
    True
    """
    styles = ("-", "--", ":", "-.")
    markers = ("o", "s", "^", "D")
    with matplotlib.rc_context(_RC):
        fig = _figure(10, 4.8)
        ax = fig.add_subplot(1, 1, 1)
        for k, (name, ys) in enumerate(series.items()):
            ax.plot(list(x)[: len(ys)], list(ys), styles[k % 4], marker=markers[k % 4],
                    markersize=4, linewidth=2.2, color=colours[k % len(colours)], label=name)
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        ax.set_ylim(bottom=0)
        _decimal_axis(ax.xaxis, decimal)
        ax.grid(color="#e6e6e6", linewidth=0.8)
        ax.set_axisbelow(True)
        if series:
            ax.legend(frameon=False, loc="upper right")
    return _to_svg(fig, "line-" + title, title, alt)
