"""The one character policy for text from outside: what may stay in a name or a cell.

Every reader of `wijkgraph.io` (CSV, workbooks, JSON, GEXF, GraphML, Kumu, Gephi) and
`wijkgraph.model.tables.tables_from_frames` clean their cells with
`wijkgraph.model.tables.squash_cell`, which calls `clean_text` first. It removes what a
person cannot see but a program trips over:

* control characters (NUL, BEL, ESC, DEL, the C1 range U+0080-U+009F; tab and line
  breaks are kept, `squash_cell` handles those),
* lone surrogates (U+D800-U+DFFF: not text at all; no file format can hold them),
* invisible format characters: byte order marks inside the text, zero-width spaces,
  soft hyphens, word joiners, and the bidirectional controls (U+202A-U+202E,
  U+2066-U+2069, LRM, RLM, ALM) that reverse the rest of a terminal line or a Markdown
  line when left unclosed,
* non-characters (U+FDD0-U+FDEF, U+FFFE, U+FFFF).

Zero-width joiner and non-joiner (U+200D, U+200C) stay between two visible characters
(emoji sequences, Persian and Indic scripts need them) and go elsewhere. Text is put in
Unicode normal form NFC, so that 'Zoë' typed two ways is one name. Right-to-left names
(Arabic, Hebrew) stay as they are: the letters carry their own direction.

Examples
--------
>>> clean_text("\\ufeffGamma\\u200b")
'Gamma'
>>> clean_text("evil\\u202eexe.txt"), clean_text("a\\x1b[31mb\\x07")
('evilexe.txt', 'a[31mb')
>>> clean_text("lone \\ud800 surrogate"), clean_text("Zoe\\u0308") == "Zoë"
('lone  surrogate', True)
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["INVISIBLE", "clean_text", "needs_cleaning"]

#: Characters `clean_text` removes wherever they are (see the module docstring). The
#: format characters (category Cf) are listed by range; tests/io/test_hostile.py checks
#: the list against `unicodedata` of the running Python.
INVISIBLE = (
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # C0 (but tab, LF, CR), DEL, C1
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb\ufdd0-\ufdef\ufffe\uffff"
    "\ud800-\udfff"  # lone surrogates
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
_REMOVE = re.compile(f"[{INVISIBLE}]+")
_JOINER_AT_EDGE = re.compile(r"(?:^|(?<=\s))[\u200c\u200d]+|[\u200c\u200d]+(?=\s|$)")
_SUSPECT = re.compile(f"[{INVISIBLE}\u200c\u200d]")


def needs_cleaning(text: str) -> bool:
    """Whether `clean_text` would change `text` (a fast test for the common clean case).

    >>> needs_cleaning("Buurtteam Oost"), needs_cleaning("Oost\\u200b")
    (False, True)
    """
    return bool(_SUSPECT.search(text)) or (
        not text.isascii() and not unicodedata.is_normalized("NFC", text))


def clean_text(text: str) -> str:
    """`text` without control, invisible and bidirectional-control characters, in NFC.

    Parameters
    ----------
    text : str
        Any text read from a file or given by a caller.

    Returns
    -------
    str
        The text a person sees; tab and line breaks are kept.

    Examples
    --------
    >>> clean_text("\\u200dDOCK\\u200d Oost"), clean_text("👩\\u200d🔬")
    ('DOCK Oost', '👩\\u200d🔬')
    """
    if not needs_cleaning(text):
        return text
    text = _REMOVE.sub("", text)
    text = _JOINER_AT_EDGE.sub("", text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return text
