"""The colours and shapes of wijkgraph: one domain palette and one shape per actor type.

Every output of the project (the interactive map, the report's charts, exports that carry
colours) takes its colours from here, so that *zorg* has the same colour on the beamer as
in the printed report.

The nine most common domains get Paul Tol's colour-blind-safe **muted** scheme; the three
rarer ones get colours from his **light** scheme. Nine is the most a qualitative scheme
can keep apart for people with a colour-vision deficiency, so the domain is also written
in every tooltip, side panel and list, and the domain filter isolates one domain.
Unknown domains (values outside `wijkgraph.model.schema.Domain`) are pale grey.

Shapes are vis-network shape names whose label sits *below* the shape (so the size of
the shape can carry a meaning). vis-network has seven of those; *overleg* and *netwerk*
(both a recurring table of people) share the hexagon.

References
----------
Paul Tol, *Colour schemes*, SRON technical note SRON/EPS/TN/09-002, issue 3.2 (2021),
https://personal.sron.nl/~pault/data/colourschemes.pdf

Examples
--------
>>> domain_colour("zorg")
'#CC6677'
>>> domain_colour("Zorg") == domain_colour("zorg")
True
>>> domain_colour("iets onbekends")
'#DDDDDD'
>>> type_shape("accommodatie"), type_shape("onbekend")
('square', 'dot')
>>> len(set(DOMAIN_COLOURS.values())) == len(DOMAIN_COLOURS)
True
"""

from __future__ import annotations

from wijkgraph.model.schema import ActorType, Domain, domain_label, type_label

#: Paul Tol's muted qualitative scheme (colour-blind safe for up to nine categories).
TOL_MUTED: tuple[str, ...] = (
    "#CC6677",  # rose
    "#332288",  # indigo
    "#DDCC77",  # sand
    "#117733",  # green
    "#88CCEE",  # cyan
    "#882255",  # wine
    "#44AA99",  # teal
    "#999933",  # olive
    "#AA4499",  # purple
)
#: Paul Tol's light qualitative scheme (used for the three rarer domains).
TOL_LIGHT: tuple[str, ...] = (
    "#77AADD",  # light blue
    "#EE8866",  # orange
    "#EEDD88",  # light yellow
    "#FFAABB",  # pink
    "#99DDFF",  # light cyan
    "#44BB99",  # mint
    "#BBCC33",  # pear
    "#AAAA00",  # olive
)
#: Tol's colour for "no data / unknown".
UNKNOWN_COLOUR = "#DDDDDD"

DOMAIN_COLOURS: dict[str, str] = {
    Domain.ZORG.value: TOL_MUTED[0],
    Domain.WELZIJN.value: TOL_MUTED[1],
    Domain.INWONERS.value: TOL_MUTED[2],
    Domain.WONEN.value: TOL_MUTED[3],
    Domain.ONDERWIJS.value: TOL_MUTED[4],
    Domain.GEMEENTE.value: TOL_MUTED[5],
    Domain.SPORT_EN_CULTUUR.value: TOL_MUTED[6],
    Domain.WERK_EN_INKOMEN.value: TOL_MUTED[7],
    Domain.VEILIGHEID.value: TOL_MUTED[8],
    Domain.FONDSEN.value: TOL_LIGHT[1],
    Domain.ONDERNEMERS.value: TOL_LIGHT[3],  # pink: pear was too close to olive
    Domain.KENNIS_EN_ONDERZOEK.value: TOL_LIGHT[0],
}

#: English names of the domains (the data keeps the Dutch values).
TYPE_SHAPES: dict[str, str] = {
    ActorType.ORGANISATIE.value: "dot",
    ActorType.TEAM.value: "diamond",
    ActorType.INITIATIEF.value: "triangle",
    ActorType.PERSOON.value: "star",
    ActorType.OVERLEG.value: "hexagon",
    ActorType.NETWERK.value: "hexagon",
    ActorType.PLATFORM.value: "triangleDown",
    ActorType.ACCOMMODATIE.value: "square",
}
DEFAULT_SHAPE = "dot"


#: Colours of things that are not actors.
EDGE_COLOUR = "#7A7A7A"
MEETING_EDGE_COLOUR = "#A5A5A5"
SUGGESTION_COLOUR = "#EE7733"  # Tol vibrant orange: stands out from the muted domains
GHOST_COLOUR = "#FFFFFF"
FADED_COLOUR = "#E6E6E6"
HIGHLIGHT_COLOUR = "#222222"


def domain_colour(domain: str) -> str:
    """The colour of a domain (hex), pale grey for an unknown or empty domain.

    Parameters
    ----------
    domain : str
        A domain value; matched case-insensitively against `wijkgraph.model.schema.Domain`.

    Returns
    -------
    str
        ``#RRGGBB``.

    Examples
    --------
    >>> domain_colour(" Welzijn ")
    '#332288'
    """
    return DOMAIN_COLOURS.get(str(domain).strip().lower(), UNKNOWN_COLOUR)


def type_shape(actor_type: str) -> str:
    """The vis-network shape of an actor type (``dot`` for unknown types).

    Examples
    --------
    >>> type_shape("Persoon")
    'star'
    """
    return TYPE_SHAPES.get(str(actor_type).strip().lower(), DEFAULT_SHAPE)


def domain_name(domain: str, lang: str = "nl") -> str:
    """How a domain is written for people (`wijkgraph.model.schema.domain_label`); empty stays empty.

    Examples
    --------
    >>> domain_name("werk en inkomen", "en"), domain_name("werk en inkomen"), domain_name("")
    ('work and income', 'werk en inkomen', '')
    """
    return domain_label(domain, lang) if domain else domain


def type_name(actor_type: str, lang: str = "nl") -> str:
    """How an actor type is written for people (Dutch value or English name).

    Examples
    --------
    >>> type_name("accommodatie", "en")
    'community centre'
    """
    return type_label(actor_type, lang)


def text_colour(background: str) -> str:
    """Black or white, whichever reads better on `background` (``#RRGGBB``).

    Uses the WCAG relative luminance; used for labels drawn on a coloured fill.

    Examples
    --------
    >>> text_colour("#332288"), text_colour("#DDCC77")
    ('#FFFFFF', '#000000')
    """
    hexa = background.lstrip("#")
    channels = [int(hexa[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    return "#000000" if luminance > 0.179 else "#FFFFFF"
