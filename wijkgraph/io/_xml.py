"""Text that XML 1.0 can hold, for every XML file wijkgraph writes (GEXF, GraphML).

XML 1.0 cannot hold most control characters (U+0000-U+0008, U+000B, U+000C,
U+000E-U+001F), U+FFFE/U+FFFF, or a lone surrogate half (Python strings read from JSON
can hold ``"\\ud800"``). Written raw they make a file no XML parser reads back (and a lone
surrogate cannot even be encoded as UTF-8). `xml_safe` drops the control characters and
non-characters and replaces a lone surrogate by U+FFFD, the replacement character;
`clean_tree` does so for every text and attribute of an element tree before it is
serialised.

Examples
--------
>>> xml_safe("DOCK\\x00 Oost\\x0b"), xml_safe("caf\\ud800"), xml_safe("tab\\tok")
('DOCK Oost', 'caf\\ufffd', 'tab\\tok')
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import xml.etree.ElementTree as ET

_DROP = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def xml_safe(text: str) -> str:
    """`text` without what XML 1.0 cannot hold (see the module text)."""
    return _SURROGATE.sub("\ufffd", _DROP.sub("", text))


def clean_tree(root: ET.Element) -> None:
    """Make every tag text, tail and attribute value of the tree under `root` `xml_safe`.

    >>> import xml.etree.ElementTree as ET
    >>> root = ET.Element("node", {"label": "a\\x01b"}); root.text = "\\ud83d"
    >>> clean_tree(root); ET.tostring(root, encoding="unicode")
    '<node label="ab">\\ufffd</node>'
    """
    for el in root.iter():
        if el.text:
            el.text = xml_safe(el.text)
        if el.tail:
            el.tail = xml_safe(el.tail)
        for key, value in el.attrib.items():
            el.attrib[key] = xml_safe(value)
