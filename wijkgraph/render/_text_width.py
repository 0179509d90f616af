"""How wide a text is drawn, without a browser: per-character widths of the system font.

The static pictures (`wijkgraph.render.network_svg`) name parties in SVG text and must know
how wide a name is to keep it inside the picture and off other names. A flat width per
character (0.56 em) was right for regular DejaVu Sans on average, but bold text is wider
(0.60-0.65 em) and "Bewonerscommissie" is wider than "Wijkbureau": labels ran off the edge.

The table holds each character's advance width, as a share of the font size, in the wider
of the two fonts that ``system-ui, sans-serif`` falls back to where the report is read
without the platform's own UI font (DejaVu Sans on Linux; Liberation Sans, metric twin of
Arial on Windows) -- read from the fonts' ``hmtx`` tables, rounded up to 0.01 em. Segoe UI
and San Francisco are narrower, so an estimate from this table is an upper bound there.
Measured in Chromium (``getBBox`` of SVG text at 12 px in ``system-ui``, which is DejaVu
Sans there) on every name of the bundled datasets, the table's sum is 0.2-2.4 % above the
drawn width in bold (weight 600) and 0.7-3.9 % above in regular type: never below.
Characters outside the table count as a capital (0.78 em regular, 0.86 em bold), East
Asian and other wide scripts as 1 em.

Examples
--------
>>> round(text_width("Wijkbureau Oost", 12), 1)
100.4
>>> round(text_width("Wijkbureau Oost", 12, bold=True), 1)
113.8
>>> text_width("", 12)
0.0
"""

from __future__ import annotations

from functools import cache

#: Advance width (hundredths of an em, rounded up) -> the characters with that width.
_REGULAR = {
    28: "'ijlìíîï", 30: "IÌÍÎÏ", 32: " ,.‘’·", 34: "/:;\\|", 36: "f", 37: "-",
    40: "()[]t", 41: "!", 42: "r", 46: '"', 50: "*J`", 52: "“”", 53: "sz", 55: "cç",
    56: "?L_–", 58: "k", 60: "vxyýÿ", 62: "FTaeoàáâãäåèéêëðòóôõöø", 63: "ß",
    64: "$0123456789bdghnpqu{}ñùúûüþ€", 67: "EKPSYÈÉÊËÝÞ", 69: "ABVXZÀÁÂÃÄÅ", 73: "CRÇ",
    74: "UÙÚÛÜ", 75: "NÑ", 76: "H", 78: "&DGÐ", 79: "OQÒÓÔÕÖØ", 82: "w",
    84: "#+<=>^~", 87: "M", 96: "%", 98: "m", 99: "Wæ", 100: "Æ…—", 102: "@",
}
_BOLD = {
    31: "'", 35: " ijlìíîï", 37: "/\\|", 38: ",.IÌÍÎÏ‘’·", 40: ":;", 42: "-", 44: "f",
    46: "!()[]", 48: "t", 50: "`r", 53: '"*', 56: "J_–", 59: "z", 60: "csç", 62: "?",
    64: "L", 65: "x", 66: "vyýÿ“”", 67: "k", 68: "aeàáâãäåèéêë", 69: "EFToÈÉÊËðòóôõöø",
    70: "$0123456789€", 72: "bdghnpqu{}ßñùúûüþ", 73: "SYZÝ", 74: "CPÇÞ", 77: "B",
    78: "AKRVXÀÁÂÃÄÅ", 82: "UÙÚÛÜ", 83: "G", 84: "#+<=>DHN^~ÐÑ", 86: "OQÒÓÔÕÖØ",
    88: "&", 93: "w", 100: "@M…—", 101: "%", 105: "mæ", 109: "Æ", 111: "W",
}
#: Width of a character the table does not know, below and from U+1100 (wide scripts).
_OTHER = {False: (0.78, 1.0), True: (0.86, 1.0)}


@cache
def _table(bold: bool) -> dict[str, float]:
    return {c: w / 100 for w, chars in (_BOLD if bold else _REGULAR).items() for c in chars}


def char_width(char: str, *, bold: bool = False) -> float:
    """The advance width of one character, as a share of the font size.

    >>> char_width("W", bold=True), char_width("i"), char_width("中")
    (1.11, 0.28, 1.0)
    """
    width = _table(bold).get(char)
    if width is not None:
        return width
    narrow, wide = _OTHER[bold]
    return wide if ord(char) >= 0x1100 else narrow


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The width of `text` drawn at `size` px on one line (an upper bound, see the module).

    >>> text_width("MM", 10) == 2 * text_width("M", 10) == 17.4
    True
    """
    return sum((char_width(c, bold=bold) for c in text), 0.0) * size
