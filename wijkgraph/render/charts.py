"""Small, deterministic inline-SVG charts for the report, written directly as SVG text.

Every chart is returned as a `Chart`: the SVG text ready to put inline in HTML (no XML
prolog, no fixed size, so CSS sizes it; ``role="img"`` with an ``aria-label``, a
``<title>`` and a ``<desc>``) and a plain-text alternative for screen readers, Markdown and
paper. Charts only draw values they are given; they never compute a metric.

The SVG is built from strings (no plotting library: matplotlib took about 1.5 s of every
``wijkgraph analyse``). Coordinates are rounded to two decimals and every text is escaped,
so the same input gives byte-identical SVG and a name such as ``<script>`` stays text.
Text is kept as text (selectable, translatable, sharp at any size). Widths of labels are
estimated from the advance widths of DejaVu Sans, the widest common sans-serif, so a label
never runs off the chart when the browser picks a narrower font.

Sizes: the charts are 640 units wide with 13-unit labels, which on screen (52rem wide)
shows labels at about 18-20 px, on a beamer at 1920 x 1080 likewise, and printed at half
an A4 width at about 5.5 pt.

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

import hashlib
import math
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from html import escape

INK = "#222222"
MUTED = "#8a8a8a"
ACCENT = "#0072b2"  # Okabe-Ito blue
SECOND = "#d55e00"  # Okabe-Ito vermilion
AXIS = "#555555"
TICK_INK = "#333333"
GRID = "#e6e6e6"
FONT = ("'DejaVu Sans', 'Bitstream Vera Sans', system-ui, -apple-system, 'Segoe UI', "
        "Roboto, Arial, 'Liberation Sans', sans-serif")
WIDTH = 640.0  #: width of every chart in SVG units (the viewBox; CSS scales it)
TEXT = 13.0  #: size of tick labels, axis labels and the legend
SMALL = 12.0  #: size of the numbers written at bars and in cells

#: ColorBrewer "Blues" (9 classes), the sequential map of the heatmap (white to blue).
BLUES: tuple[str, ...] = ("#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6",
                          "#2171b5", "#08519c", "#08306b")

# Advance widths of DejaVu Sans for " " .. "~" in hundredths of an em.
_ASCII_WIDTHS = (
    32, 40, 46, 84, 64, 95, 78, 27, 39, 39, 50, 84, 32, 36, 32, 34, 64, 64, 64, 64, 64, 64,
    64, 64, 64, 64, 34, 34, 84, 84, 84, 53, 100, 68, 69, 70, 77, 63, 58, 77, 75, 29, 29, 66,
    56, 86, 75, 79, 60, 79, 69, 63, 61, 73, 68, 99, 69, 61, 69, 39, 34, 39, 84, 50, 50, 61,
    63, 55, 63, 62, 35, 63, 63, 28, 28, 58, 28, 97, 63, 61, 63, 63, 41, 52, 39, 63, 59, 82,
    59, 59, 52, 64, 34, 64, 84)
_OTHER_WIDTHS = {"…": 100, "−": 84, "–": 50, "—": 100, "€": 64, "ß": 63, "æ": 98, "Æ": 97,
                 "ø": 61, "Ø": 79, "ł": 28, "Ł": 56, "đ": 63, "Đ": 77, "œ": 102, "Œ": 107,
                 "\u00a0": 32}
_SERIES_DASHES = ("", "8.1 3.5", "2.2 3.6", "14 3.5 2.2 3.5")  # -, --, :, -. at 2.2 wide
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_HEX = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?")


@dataclass(frozen=True)
class Chart:
    """An inline SVG chart with its text alternative.

    Attributes
    ----------
    svg : str
        ``<svg ...>...</svg>``, safe to place inline (every text is escaped).
    title : str
        A short title (also the SVG's ``<title>``).
    alt : str
        The whole content in words (screen readers, Markdown, paper; the SVG's ``<desc>``).
    """

    svg: str
    title: str
    alt: str


# --------------------------------------------------------------------------------------
# Text, numbers and colours
# --------------------------------------------------------------------------------------


def text_width(text: str, size: float = TEXT) -> float:
    """Estimated width of `text` at font `size` (DejaVu Sans advance widths).

    Accented letters count as their base letter, wide East Asian characters and emoji as
    one em, combining marks as nothing, anything else unknown as 0.62 em.

    Examples
    --------
    >>> text_width("wonen", 10), text_width("wonén", 10), text_width("", 10)
    (33.1, 33.1, 0.0)
    """
    total = 0
    for ch in text:
        code = ord(ch)
        if 32 <= code < 127:
            total += _ASCII_WIDTHS[code - 32]
        elif ch in _OTHER_WIDTHS:
            total += _OTHER_WIDTHS[ch]
        elif unicodedata.combining(ch):
            continue
        elif unicodedata.east_asian_width(ch) in "WF":
            total += 100
        else:
            base = unicodedata.normalize("NFD", ch)[0]
            total += _ASCII_WIDTHS[ord(base) - 32] if 32 <= ord(base) < 127 else 62
    return round(total * size / 100, 2)


def _clean(text: object) -> str:
    """One line of text: whitespace collapsed, control characters dropped."""
    return " ".join(_CONTROL.sub("", str(text)).split())


def fit(label: object, max_width: float, size: float = TEXT) -> str:
    """`label` on one line, cut with "…" where it would be wider than `max_width`.

    Examples
    --------
    >>> fit("Gemeente Utrecht, Maatschappelijke Ontwikkeling", 150)
    'Gemeente Utrecht,…'
    >>> fit("zorg\\n en  welzijn", 150)
    'zorg en welzijn'
    """
    text = _clean(label)
    if text_width(text, size) <= max_width:
        return text
    while text and text_width(text + "…", size) > max_width:
        text = text[:-1]
    return text.rstrip() + "…"


def _n(x: float) -> str:
    """A coordinate: at most two decimals, no trailing zeros, never "-0"."""
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _esc(text: str) -> str:
    return escape(_CONTROL.sub("", text), quote=True)


def _colour(value: object) -> str:
    """A ``#rgb``/``#rrggbb`` colour as given; anything else becomes grey (never markup)."""
    text = str(value)
    return text if _HEX.fullmatch(text) else MUTED


def _ticks(lo: float, hi: float, target: int = 8) -> tuple[list[float], int]:
    """Round tick values from `lo` to `hi` (steps 1, 2, 2.5, 5 x 10^k) and their decimals.

    Examples
    --------
    >>> _ticks(0, 0.97)
    ([0.0, 0.2, 0.4, 0.6, 0.8], 1)
    >>> _ticks(0, 61)
    ([0.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0], 0)
    >>> _ticks(0, 23.6)
    ([0.0, 5.0, 10.0, 15.0, 20.0], 0)
    """
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi <= lo:
        hi = lo + 1 if math.isfinite(lo) else 1.0
        lo = lo if math.isfinite(lo) else 0.0
    raw = (hi - lo) / target
    power = math.floor(math.log10(raw))
    mantissa = next(m for m in (1, 2, 2.5, 5, 10) if raw <= m * 10 ** power * (1 + 1e-9))
    step = mantissa * 10.0 ** power
    decimals = max(0, -power + (1 if mantissa == 2.5 else 0) - (1 if mantissa == 10 else 0))
    first, last = math.ceil(lo / step - 1e-9), math.floor(hi / step + 1e-9)
    return [round(k * step, decimals) for k in range(first, last + 1)], decimals


def _number(value: float, decimals: int, decimal: str) -> str:
    """A tick label: whole numbers bare, others with `decimals`; `decimal`; a true minus.

    Examples
    --------
    >>> _number(0.0, 1, ","), _number(0.2, 1, ","), _number(-2.5, 1, ".")
    ('0', '0,2', '−2.5')
    """
    text = f"{value:.0f}" if float(value).is_integer() else f"{value:.{decimals}f}"
    return text.replace(".", decimal).replace("-", "−")


def _value_text(value: float, value_format: str, decimal: str) -> str:
    if not math.isfinite(value):
        return "–"
    return value_format.format(value).replace(".", decimal).replace("-", "−")


def blues(share: float) -> str:
    """The "Blues" colour at `share` (0 = near white, 1 = dark blue), interpolated in RGB.

    Examples
    --------
    >>> blues(0.0), blues(1.0), blues(0.5)
    ('#f7fbff', '#08306b', '#6baed6')
    """
    share = min(max(share if math.isfinite(share) else 0.0, 0.0), 1.0) * (len(BLUES) - 1)
    k = min(int(share), len(BLUES) - 2)
    frac = share - k
    a, b = BLUES[k], BLUES[k + 1]
    rgb = [round(int(a[i:i + 2], 16) * (1 - frac) + int(b[i:i + 2], 16) * frac)
           for i in (1, 3, 5)]
    return "#" + "".join(f"{c:02x}" for c in rgb)


def _is_light(colour: str) -> bool:
    r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.299 * r + 0.587 * g + 0.114 * b > 0.55


# --------------------------------------------------------------------------------------
# SVG pieces
# --------------------------------------------------------------------------------------


def _text(x: float, y: float, text: str, *, size: float = TEXT, anchor: str = "start",
          fill: str = TICK_INK, extra: str = "") -> str:
    """A text element, vertically centred on `y`."""
    return (f'<text x="{_n(x)}" y="{_n(y + size * 0.35)}" font-size="{_n(size)}" '
            f'text-anchor="{anchor}" fill="{fill}"{extra}>{_esc(text)}</text>')


def _line(x1: float, y1: float, x2: float, y2: float, colour: str, width: float = 1.0) -> str:
    return (f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" '
            f'stroke="{colour}" stroke-width="{_n(width)}"/>')


def _rect(x: float, y: float, w: float, h: float, fill: str, extra: str = "") -> str:
    return (f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(max(w, 0.0))}" '
            f'height="{_n(max(h, 0.0))}" fill="{fill}"{extra}/>')


def _svg(width: float, height: float, body: list[str], title: str, alt: str) -> Chart:
    """Wrap `body` in an accessible ``<svg>`` (viewBox only: CSS sizes it)."""
    title, alt = _clean(title), _clean(alt)
    head = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_n(width)} {_n(height)}" '
            f'role="img" aria-label="{_esc(alt)}" class="chart-svg" font-family="{FONT}">'
            f"<title>{_esc(title)}</title><desc>{_esc(alt)}</desc>")
    return Chart(svg=head + "".join(body) + "</svg>", title=title, alt=alt)


def _x_axis(ticks: list[float], decimals: int, decimal: str, pos: Callable[[float], float],
            left: float, right: float, top: float, bottom: float, label: str) -> list[str]:
    """Grid lines, the bottom axis with its ticks and labels, and the axis label."""
    out = [_line(pos(t), top, pos(t), bottom, GRID, 0.8) for t in ticks]
    out.append(_line(left, bottom, right, bottom, AXIS, 1.0))
    for t in ticks:
        x = pos(t)
        out.append(_line(x, bottom, x, bottom + 4, AXIS, 1.0))
        out.append(_text(x, bottom + 15, _number(t, decimals, decimal), anchor="middle"))
    if label:
        out.append(_text((left + right) / 2, bottom + 36, fit(label, right - left),
                         anchor="middle", fill=INK))
    return out


# --------------------------------------------------------------------------------------
# Charts
# --------------------------------------------------------------------------------------


def bar_chart(labels: Sequence[str], values: Sequence[float], *, colours: Sequence[str],
              title: str, xlabel: str, alt: str, value_format: str = "{:.2f}",
              decimal: str = ",") -> Chart:
    """A horizontal bar chart, first label on top (key figures by score).

    Parameters
    ----------
    labels, values : sequences of equal length
        What to draw, in the order to show it (top first).
    colours : sequence of str
        One colour per bar (the actor's domain colour, ``#rrggbb``).
    title, xlabel, alt : str
        Title, axis label, and the text alternative.
    value_format : str
        Format of the number written at the end of each bar.
    decimal : str
        Decimal separator of those numbers and of the axis ("," in Dutch).

    Examples
    --------
    >>> c = bar_chart(["a"], [1.0], colours=["#000000"], title="t", xlabel="x", alt="a 1")
    >>> "1,00" in c.svg, c.svg.count("<rect")
    (True, 1)
    """
    vals = [float(v) for v in values]
    names = [fit(x, WIDTH * 0.42) for x in labels]
    texts = [_value_text(v, value_format, decimal) for v in vals]
    finite = [v for v in vals if math.isfinite(v)]
    lo, hi = min(finite + [0.0]), max(finite + [0.0])
    if hi == lo:
        hi = lo + 1.0
    row, bar, top = 28.0, 19.0, 8.0
    left = max([text_width(x) for x in names] + [20.0]) + 12
    right = WIDTH - 10
    # room left of the axis for the numbers of negative bars, then a scale with 18 % more
    # than the largest value and room for every number after its bar
    room_neg = max([6 + text_width(t, SMALL) for v, t in zip(vals, texts, strict=True)
                    if math.isfinite(v) and v < 0] + [0.0])
    scale = (right - left - room_neg) / ((hi - lo) * 1.18)
    for v, text in zip(vals, texts, strict=True):
        room = right - left - room_neg - 6 - text_width(text, SMALL)
        if math.isfinite(v) and v > lo and room > 0:
            scale = min(scale, room / (v - lo))
    zero = left + room_neg - lo * scale
    bottom = top + row * max(len(vals), 1) + 4
    ticks, decimals = _ticks((left - zero) / scale, (right - zero) / scale)
    body = _x_axis(ticks, decimals, decimal, lambda t: zero + t * scale, left, right, top,
                   bottom, xlabel)
    for k, (name, v, text) in enumerate(zip(names, vals, texts, strict=True)):
        colour = colours[k % len(colours)] if len(colours) else ACCENT
        y = top + row * k + row / 2
        body.append(_text(left - 8, y, name, fill=TICK_INK, anchor="end"))
        if math.isfinite(v):
            x0, x1 = sorted((zero, zero + v * scale))
            body.append(_rect(x0, y - bar / 2, x1 - x0, bar, _colour(colour)))
        end = zero + (v * scale if math.isfinite(v) else 0.0)
        negative = math.isfinite(v) and v < 0
        body.append(_text(end + (-5 if negative else 5), y, text, size=SMALL, fill=INK,
                          anchor="end" if negative else "start"))
    body.append(_line(left, top, left, bottom, AXIS, 1.0))
    return _svg(WIDTH, bottom + 46, body, title, alt)


def heatmap(row_labels: Sequence[str], col_labels: Sequence[str],
            values: Sequence[Sequence[float]], *, title: str, alt: str,
            value_format: str = "{:g}", decimal: str = ",",
            row_colours: Sequence[str] | None = None) -> Chart:
    """A square heatmap with every cell's number written in it (the domain mixing matrix).

    Uses a single-hue sequential map (white to blue, readable with any colour vision and
    in grey print); zero cells stay white and empty, so the gaps stand out. Numbers switch
    between dark and light ink by cell brightness. A scale bar on the right reads the blues.

    Examples
    --------
    >>> c = heatmap(["zorg", "welzijn"], ["zorg", "welzijn"], [[2, 5], [5, 1]],
    ...             title="Menging", alt="zorg-welzijn 5")
    >>> c.svg.count("<title>"), c.svg.count('fill="#222222">2</text>')
    (1, 1)
    """
    data = [[float(v) for v in row] for row in values]
    n_rows, n_cols = len(data), max((len(r) for r in data), default=0)
    rows = [fit(x, 170) for x in [*row_labels, *[""] * n_rows][:n_rows]]
    cols = [fit(x, 140) for x in [*col_labels, *[""] * n_cols][:n_cols]]
    size = SMALL if max(n_rows, n_cols) <= 9 else 11.0
    finite = [v for r in data for v in r if math.isfinite(v)]
    vmax = max(finite + [0.0]) or 1.0
    cell_text = [[_value_text(v, value_format, decimal) if v else "" for v in r] for r in data]
    widest = max([text_width(t, size) for r in cell_text for t in r] + [0.0])
    cell = max(36.0 if max(n_rows, n_cols) <= 9 else 32.0, widest + 8)
    cos, sin = math.cos(math.radians(40)), math.sin(math.radians(40))
    mark = 14.0 if row_colours is not None else 0.0
    label_w = max([text_width(x) for x in rows] + [0.0])
    left = label_w + 10 + mark
    # a rotated column label reaches left of its column by its width x cos 40
    left = max([left] + [text_width(x) * cos - (j + 0.5) * cell + 14
                         for j, x in enumerate(cols)])
    top = 8.0
    bottom = top + cell * n_rows
    body: list[str] = []
    for i, r in enumerate(data):
        y = top + i * cell
        body.append(_text(left - 8 - mark, y + cell / 2, rows[i], anchor="end"))
        if row_colours is not None and i < len(row_colours):
            body.append(_rect(left - 4 - 8, y + cell * 0.15, 8, cell * 0.7,
                              _colour(row_colours[i])))
        for j, v in enumerate(r):
            x = left + j * cell
            fill = blues(v / vmax) if v and math.isfinite(v) else "#ffffff"
            body.append(_rect(x, y, cell, cell, fill, ' stroke="#ffffff" stroke-width="1"'))
            if cell_text[i][j]:
                body.append(_text(x + cell / 2, y + cell / 2, cell_text[i][j], size=size,
                                  anchor="middle", fill=INK if _is_light(fill) else "#ffffff"))
    for j, name in enumerate(cols):
        x, y = left + (j + 0.5) * cell, bottom + 10
        body.append(f'<text x="{_n(x)}" y="{_n(y + TEXT * 0.7)}" font-size="{_n(TEXT)}" '
                    f'text-anchor="end" fill="{TICK_INK}" '
                    f'transform="rotate(-40 {_n(x)} {_n(y)})">{_esc(name)}</text>')
    height = bottom + 14 + max([text_width(x) * sin + TEXT for x in cols] + [0.0])
    right = left + cell * n_cols
    if finite and n_rows and n_cols:
        bar_x = right + 16
        # the id is unique per chart content (several charts share one HTML page)
        gradient = "wg-blues-" + hashlib.sha1((title + alt).encode(), usedforsecurity=False
                                              ).hexdigest()[:10]
        stops = "".join(f'<stop offset="{_n(k / (len(BLUES) - 1))}" stop-color="{c}"/>'
                        for k, c in enumerate(BLUES))
        body.append(f'<defs><linearGradient id="{gradient}" x1="0" y1="1" x2="0" y2="0">'
                    f"{stops}</linearGradient></defs>")
        body.append(f'<rect x="{_n(bar_x)}" y="{_n(top)}" width="14" height="{_n(bottom - top)}"'
                    f' fill="url(#{gradient})" stroke="{MUTED}" stroke-width="0.8"/>')
        ticks, decimals = _ticks(0.0, vmax, 6)
        for t in ticks:
            y = bottom - (bottom - top) * t / vmax
            body.append(_line(bar_x + 14, y, bar_x + 18, y, AXIS))
            body.append(_text(bar_x + 21, y, _number(t, decimals, decimal)))
        right = bar_x + 22 + max(text_width(_number(t, decimals, decimal)) for t in ticks)
    return _svg(right + 6, height, body, title, alt)


def line_chart(x: Sequence[float], series: Mapping[str, Sequence[float]], *, title: str,
               xlabel: str, ylabel: str, alt: str,
               colours: Sequence[str] = (SECOND, ACCENT, "#009e73", "#cc79a7"),
               decimal: str = ",") -> Chart:
    """Lines of several series over the same x (the resilience curve: targeted vs random).

    Each series has its own colour, dash pattern and marker (circle, square, triangle,
    diamond), so the lines stay apart in grey print; the legend sits at the top right.
    Markers are left out above 120 points.

    Examples
    --------
    >>> c = line_chart([0, 1, 2], {"gericht": [10, 6, 2], "willekeurig": [10, 9, 8]},
    ...                title="Kwetsbaarheid", xlabel="weg", ylabel="grootste deel",
    ...                alt="gericht daalt sneller")
    >>> "gericht" in c.svg and "willekeurig" in c.svg, c.svg.count("<polyline")
    (True, 2)
    """
    xs = [float(v) for v in x]
    lines = {_clean(name): [float(v) for v in ys][: len(xs)] for name, ys in series.items()}
    ys_all = [v for ys in lines.values() for v in ys if math.isfinite(v)]
    xs_used = [v for v in xs[: max((len(ys) for ys in lines.values()), default=0)]
               if math.isfinite(v)] or [0.0, 1.0]
    x_lo, x_hi = min(xs_used), max(xs_used)
    pad = (x_hi - x_lo) * 0.05 or 0.5
    x_lo, x_hi = x_lo - pad, x_hi + pad
    y_lo = min(ys_all + [0.0])
    y_hi = max(ys_all + [0.0]) * 1.05 or 1.0
    y_ticks, y_dec = _ticks(y_lo, y_hi)
    y_texts = [_number(t, y_dec, decimal) for t in y_ticks]
    left = 30 + max(text_width(t) for t in y_texts) + 10
    top, bottom, right = 10.0, 290.0, WIDTH - 10
    x_ticks, x_dec = _ticks(x_lo, x_hi)
    x_ticks = [t for t in x_ticks if x_lo <= t <= x_hi]

    def px(v: float) -> float:
        return left + (v - x_lo) / (x_hi - x_lo) * (right - left)

    def py(v: float) -> float:
        return bottom - (v - y_lo) / (y_hi - y_lo) * (bottom - top)

    body = _x_axis(x_ticks, x_dec, decimal, px, left, right, top, bottom, xlabel)
    for t, text in zip(y_ticks, y_texts, strict=True):
        body.append(_line(left, py(t), right, py(t), GRID, 0.8))
        body.append(_line(left - 4, py(t), left, py(t), AXIS))
        body.append(_text(left - 7, py(t), text, anchor="end"))
    body.append(_line(left, top, left, bottom, AXIS))
    if ylabel:
        mid = (top + bottom) / 2
        body.append(f'<text x="12" y="{_n(mid)}" font-size="{_n(TEXT)}" text-anchor="middle" '
                    f'fill="{INK}" transform="rotate(-90 12 {_n(mid)})">'
                    f"{_esc(fit(ylabel, bottom - top))}</text>")
    legend_w = max([text_width(n) for n in lines] + [0.0]) + 40
    for k, (name, ys) in enumerate(lines.items()):
        colour = _colour(colours[k % len(colours)]) if colours else ACCENT
        points = [(px(a), py(b)) for a, b in zip(xs, ys, strict=False)
                  if math.isfinite(a) and math.isfinite(b)]
        dash = _SERIES_DASHES[k % 4]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        path = " ".join(f"{_n(a)},{_n(b)}" for a, b in points)
        body.append(f'<polyline points="{path}" fill="none" stroke="{colour}" '
                    f'stroke-width="2.2" stroke-linejoin="round"{dash_attr}/>')
        if len(points) <= 120:
            body.extend(_marker(k, a, b, colour) for a, b in points)
        ly = top + 12 + 20 * k
        lx = right - legend_w
        body.append(f'<line x1="{_n(lx)}" y1="{_n(ly)}" x2="{_n(lx + 28)}" y2="{_n(ly)}" '
                    f'stroke="{colour}" stroke-width="2.2"{dash_attr}/>')
        body.append(_marker(k, lx + 14, ly, colour))
        body.append(_text(lx + 36, ly, name, fill=INK))
    return _svg(WIDTH, bottom + 46, body, title, alt)


def _marker(kind: int, x: float, y: float, colour: str) -> str:
    """Marker `kind` (0 circle, 1 square, 2 triangle, 3 diamond, repeating) at (x, y)."""
    kind %= 4
    if kind == 0:
        return f'<circle cx="{_n(x)}" cy="{_n(y)}" r="2.6" fill="{colour}"/>'
    if kind == 1:
        return _rect(x - 2.4, y - 2.4, 4.8, 4.8, colour)
    r = 3.2
    corners = ([(x, y - r), (x + r, y + r * 0.75), (x - r, y + r * 0.75)] if kind == 2
               else [(x, y - r), (x + r, y), (x, y + r), (x - r, y)])
    return (f'<polygon points="{" ".join(f"{_n(a)},{_n(b)}" for a, b in corners)}" '
            f'fill="{colour}"/>')
