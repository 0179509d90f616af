"""Cell values as text, cleaned the one way every reader cleans them, cell by cell or by column.

`squash_cell` cleans one cell (`wijkgraph.model.text.clean_text`, then line breaks and
spaces); `squash_cells` does the same for a whole column and is fast when the column is
clean (the usual case): it looks at all cells in one pass and cleans only those that need
it. `squash_texts` is `wijkgraph.model.schema.squash` for a column. `cell_text` shows a
workbook or DataFrame value as the text a person sees.

Examples
--------
>>> squash_cells(["DOCK", "  Buurtteam\\x00 Oost "])
['DOCK', 'Buurtteam Oost']
>>> squash_texts(["a\\nb", "c"])
['a b', 'c']
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
import unicodedata

from wijkgraph.model.schema import squash
from wijkgraph.model.text import INVISIBLE, clean_text, needs_cleaning

__all__ = ["cell_text", "squash_cell", "squash_cells", "squash_texts"]


def cell_text(value: object) -> str:
    """A cell value (workbook, DataFrame) as the text a person sees.

    >>> [cell_text(v) for v in (None, True, 3.0, 2.5, dt.date(2024, 1, 2), "x")]
    ['', 'ja', '3', '2.5', '2024-01-02', 'x']
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


_NEEDS_CLEANING = re.compile(r"[\x00-\x1f\x7f]|\s\s|^\s|\s$|[^\S ]")


def squash_cell(value: object) -> str:
    """Strip a cell; keep inner line breaks (they separate values); drop control chars.

    Invisible and bidirectional-control characters go too (`wijkgraph.model.text`).

    Every reader cleans its cells with this (and `tables_from_frames` too).

    >>> squash_cell("  Buurt\\x00team\\r\\n Oost  ")
    'Buurtteam\\nOost'
    """
    text = str(value)
    if not _NEEDS_CLEANING.search(text) and not needs_cleaning(text):
        return text
    text = clean_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    return "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()


_SEPARATOR = "\x00"  # never in a clean cell: squash_cell removes it
_OTHER_SPACE = "".join(c for c in map(chr, range(0x80, 0x3001)) if c.isspace())
assert INVISIBLE.startswith("\x00-")  # noqa: S101 - the class below leaves NUL out
#: A character `squash_cell` removes or changes wherever it is (NUL aside: the separator).
_BAD_CHAR = re.compile(f"[\x01-\x1f\x7f{_OTHER_SPACE}\x01{INVISIBLE[1:]}\u200c\u200d]")
_ASCII_FINE = bytes(range(0x20, 0x7f)) + b"\x00"  # printable ASCII and the separator
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# spaces squash_cell changes: two in a row, or at the start or end of a cell
_BAD_SPACES = ("  ", _SEPARATOR + " ", " " + _SEPARATOR)


def _has_bad_char(joined: str) -> bool:
    """Whether `_BAD_CHAR` occurs in `joined` (ASCII text is checked without a regex)."""
    if joined.isascii():
        return bool(joined.encode().translate(None, _ASCII_FINE))
    return _BAD_CHAR.search(joined) is not None


def squash_cells(values: list[str]) -> list[str]:
    """`squash_cell` of every text in `values`; a clean column is checked in one pass.

    The texts are joined with NUL (which no clean cell holds) and searched once, so that
    only the cells that need it are cleaned one by one. Same result as
    ``[squash_cell(v) for v in values]``.

    >>> squash_cells(["DOCK", " Oost ", "a  b", "Zoe\u0308"])
    ['DOCK', 'Oost', 'a b', 'Zoë']
    """
    if not values:
        return []
    try:
        joined = _SEPARATOR.join(values)
    except TypeError:  # not all text
        return [squash_cell(v) for v in values]
    if joined.count(_SEPARATOR) != len(values) - 1:  # a NUL inside a cell
        return [squash_cell(v) for v in values]
    positions = ([m.start() for m in _BAD_CHAR.finditer(joined)] if _has_bad_char(joined)
                 else [])
    for spaces in _BAD_SPACES:
        at = joined.find(spaces)
        while at >= 0:
            positions.append(at)
            at = joined.find(spaces, at + 1)
    if joined.startswith(" ") or joined.endswith(" "):
        positions += [0, len(joined) - 1]
    if not joined.isascii() and not unicodedata.is_normalized("NFC", joined):
        positions += [m.start() for m in _NON_ASCII.finditer(joined)]
    if not positions:
        return list(values)
    ends = list(itertools.accumulate(len(v) + 1 for v in values))  # one past each separator
    dirty = {bisect.bisect_right(ends, pos) for pos in positions}
    dirty |= {i + 1 for i in dirty}  # a match may start on the separator before a cell
    out = list(values)
    for i in dirty:
        if i < len(out):
            out[i] = squash_cell(out[i])
    return out


def squash_texts(values: list[str]) -> list[str]:
    """`wijkgraph.model.schema.squash` of every text: single spaces, no line breaks.

    Texts that are already so (checked in one pass) are returned as they are.

    >>> squash_texts([" a  b ", "c\\nd", "e"])
    ['a b', 'c d', 'e']
    """
    try:
        joined = _SEPARATOR.join(values)
    except TypeError:
        return [squash(v) for v in values]
    if (not _has_bad_char(joined) and not any(spaces in joined for spaces in _BAD_SPACES)
            and not joined.startswith(" ") and not joined.endswith(" ")
            and joined.count(_SEPARATOR) == max(len(values) - 1, 0)):
        return list(values)
    return [squash(v) for v in values]
