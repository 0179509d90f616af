"""Column specs (Dutch and English names) and the vocabularies wijkgraph understands.

Column names are matched case-, space- and accent-insensitively: "Thema's", "thema s",
"THEMAS" all mean `themes`. Vocabulary values are normalised the same way and by alias:
"Gezondheidszorg" becomes `zorg`. Values nobody knows are kept and reported as warnings.

Examples
--------
>>> canonical_column("actors", " Naam ")
'name'
>>> canonical_column("relations", "Van")
'source'
>>> normalise_domain("Gezondheidszorg")
('zorg', True)
>>> parse_strength("Coördinatie")
2
>>> split_multi("Oost; Binnenstad | Zuid")
('Oost', 'Binnenstad', 'Zuid')
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from wijkgraph.i18n import NP_, translator


def fold(text: str) -> str:
    """Lowercase, strip accents, and drop everything but letters and digits.

    >>> fold(" Thema's ")
    'themas'
    >>> fold("Coördinatie")
    'coordinatie'
    """
    decomposed = unicodedata.normalize("NFKD", str(text))
    no_accents = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^0-9a-z]+", "", no_accents.casefold())


def squash(text: str) -> str:
    """Collapse internal whitespace and strip; keeps case and accents (for names and ids).

    >>> squash("  Buurtteam   Oost ")
    'Buurtteam Oost'
    """
    return " ".join(str(text).split())


@dataclass(frozen=True)
class Column:
    """A column: its canonical name, the names users may write, and how to read it."""

    name: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    multi: bool = False  # several values in one cell
    private: bool = False  # never shown in shared outputs (contact details)


#: Headers of contact details: the private column ``contact`` of the actors table. Several
#: of them in one sheet (``telefoon`` and ``e-mail``) are joined into it. In the relations
#: table the same words may name a channel (a ja/nee column ``telefoon``), so they stay
#: ordinary columns there. A website is not private (organisations publish theirs).
PRIVATE_HEADERS = (
    "contact", "contactpersoon", "contactgegevens", "contact details", "contactinformatie",
    "email", "e-mail", "e-mailadres", "emailadres", "e-mail address", "email address", "mail",
    "mailadres", "telefoon", "telefoonnummer", "telefoonnr", "tel", "tel.", "telnr", "tel.nr",
    "telephone", "phone", "phone number", "mobiel", "mobiel nummer", "mobielnummer", "mobile",
    "gsm", "06-nummer", "whatsappnummer",
)
_PRIVATE_KEYS = frozenset(fold(h) for h in PRIVATE_HEADERS)


def is_private_header(header: object) -> bool:
    """True when a header names contact details (in any table; see `PRIVATE_HEADERS`).

    >>> [is_private_header(h) for h in ("Telefoonnummer", "E-mailadres", "GSM", "website")]
    [True, True, True, False]
    """
    return fold(str(header)) in _PRIVATE_KEYS


TABLES: dict[str, tuple[Column, ...]] = {
    "actors": (
        Column("id", ("id", "code", "sleutel", "key")),
        Column("name", ("name", "naam", "label", "organisatie", "organisation", "actor",
                        "partij"), required=True),
        Column("type", ("type", "soort", "soort actor", "actortype", "kind")),
        Column("domain", ("domain", "domein", "sector")),
        Column("role", ("role", "rol", "functie")),
        Column("wijk", ("wijk", "wijken", "neighbourhood", "neighborhood", "district", "area",
                        "gebied", "buurt", "buurten"), multi=True),
        Column("themes", ("themes", "theme", "thema's", "themas", "thema", "topics",
                          "onderwerpen", "tags"), multi=True),
        Column("description", ("description", "omschrijving", "beschrijving", "toelichting",
                               "notes", "opmerkingen")),
        Column("contact", PRIVATE_HEADERS, private=True),
    ),
    "relations": (
        Column("source", ("source", "bron", "van", "from", "actor 1", "actor1"),
               required=True),
        Column("target", ("target", "doel", "naar", "to", "actor 2", "actor2", "partner"),
               required=True),
        Column("kind", ("kind", "soort", "type", "soort relatie", "relatietype")),
        Column("channel", ("channel", "kanaal", "contactvorm", "overlegvorm", "medium")),
        Column("strength", ("strength", "sterkte", "intensiteit", "niveau", "weight",
                            "gewicht", "leermechanisme")),
        Column("theme", ("theme", "thema", "onderwerp", "topic")),
        Column("wave", ("wave", "meting", "golf", "jaar", "year")),
        Column("directed", ("directed", "gericht", "richting")),
        Column("description", ("description", "omschrijving", "toelichting", "notes")),
    ),
    "meetings": (
        Column("id", ("id", "code")),
        Column("name", ("name", "naam", "overleg", "meeting", "netwerk"), required=True),
        Column("theme", ("theme", "thema", "themes", "thema's", "doel", "goal"), multi=True),
        Column("wijk", ("wijk", "wijken", "neighbourhood", "buurt"), multi=True),
        Column("description", ("description", "omschrijving", "toelichting")),
    ),
    "participation": (
        Column("actor", ("actor", "partij", "deelnemer", "participant", "organisatie",
                         "name", "naam"), required=True),
        Column("meeting", ("meeting", "overleg", "netwerk", "bijeenkomst"), required=True),
    ),
    # optional: which area lies in which (wijkgraph.model.areas)
    "areas": (
        Column("name", ("name", "naam", "gebied", "area"), required=True),
        Column("parent", ("parent", "ligt in", "part of", "valt onder", "within")),
    ),
}

TABLE_ALIASES: dict[str, tuple[str, ...]] = {
    "actors": ("actors", "actoren", "actor", "partijen", "elements", "nodes", "knopen"),
    "relations": ("relations", "relaties", "relatie", "samenwerking", "samenwerkingen",
                  "connections", "edges", "links", "verbindingen"),
    "meetings": ("meetings", "overleggen", "overleg", "netwerken", "bijeenkomsten"),
    "participation": ("participation", "deelnames", "deelname", "deelnemers",
                      "participants"),
    "areas": ("areas", "gebieden", "wijkindeling", "area hierarchy"),
}
REQUIRED_TABLES = ("actors", "relations")


def canonical_column(table: str, header: object) -> str | None:
    """The canonical name of a header in `table`, or None when it is not a known column."""
    key = fold(str(header))
    for col in TABLES[table]:
        if key in {fold(a) for a in (col.name, *col.aliases)}:
            return col.name
    return None


def canonical_table(name: str) -> str | None:
    """The canonical table name of a sheet or file stem, or None."""
    key = fold(name)
    for table, aliases in TABLE_ALIASES.items():
        if key in {fold(a) for a in aliases}:
            return table
    return None


def column_private(table: str, name: str) -> bool:
    """True when canonical column `name` of `table` is private (several headers join).

    >>> column_private("actors", "contact"), column_private("actors", "name")
    (True, False)
    """
    return any(col.private for col in TABLES[table] if col.name == name)


def column_spec(table: str, name: str) -> Column:
    """The `Column` spec of canonical column `name` in `table`."""
    for col in TABLES[table]:
        if col.name == name:
            return col
    raise KeyError(f"{table}.{name}")


_MULTI_SPLIT = re.compile(r"[;|\n\r]+")


def split_multi(cell: object) -> tuple[str, ...]:
    """Split a cell holding several values (`;`, `|` or line breaks); drop empty parts."""
    if cell is None:
        return ()
    text = str(cell)
    return tuple(dict.fromkeys(p for p in (squash(x) for x in _MULTI_SPLIT.split(text)) if p))


# --- vocabularies -----------------------------------------------------------------------


class Domain(StrEnum):
    """Sectors an actor belongs to (Dutch values, as users write them)."""

    ZORG = "zorg"
    WELZIJN = "welzijn"
    INWONERS = "inwoners"
    VEILIGHEID = "veiligheid"
    WONEN = "wonen"
    GEMEENTE = "gemeente"
    ONDERWIJS = "onderwijs"
    WERK_EN_INKOMEN = "werk en inkomen"
    SPORT_EN_CULTUUR = "sport en cultuur"
    FONDSEN = "fondsen"
    ONDERNEMERS = "ondernemers"
    KENNIS_EN_ONDERZOEK = "kennis en onderzoek"


class ActorType(StrEnum):
    """What kind of thing an actor is."""

    ORGANISATIE = "organisatie"
    TEAM = "team"
    INITIATIEF = "initiatief"
    PERSOON = "persoon"
    OVERLEG = "overleg"
    PLATFORM = "platform"
    NETWERK = "netwerk"
    ACCOMMODATIE = "accommodatie"


class Channel(StrEnum):
    """How two actors are in contact (the channels of the Utrecht Oost survey)."""

    BIJEENKOMST = "bijeenkomst"
    TELEFOON = "telefoon"
    EMAIL = "e-mail"
    WHATSAPP = "whatsapp"
    ONLINE = "online"
    PLATFORM = "platform"
    WERKOVERLEG = "werkoverleg"
    HUISBEZOEK = "huisbezoek"
    NIEUWSBRIEF = "nieuwsbrief"
    LINKEDIN = "linkedin"
    ZORGMAIL = "zorgmail"
    SIILO = "siilo"
    WIJKSCHOUW = "wijkschouw"


class RelationKind(StrEnum):
    """What a tie is; `GEDEELD_OVERLEG` is made by wijkgraph from shared meetings."""

    SAMENWERKING = "samenwerking"
    VERWIJZING = "verwijzing"
    FINANCIERING = "financiering"
    BEHEER = "beheer"
    INFORMATIE = "informatie"
    LIDMAATSCHAP = "lidmaatschap"
    GEDEELD_OVERLEG = "gedeeld overleg"


DOMAIN_ALIASES: dict[str, str] = {
    "zorg": "zorg", "care": "zorg", "health": "zorg", "healthcare": "zorg",
    "gezondheidszorg": "zorg", "gezondheid": "zorg", "eerstelijnszorg": "zorg",
    "eerstelijn": "zorg", "ggz": "zorg", "medisch": "zorg",
    "welzijn": "welzijn", "welfare": "welzijn", "wellbeing": "welzijn",
    "sociaaldomein": "welzijn", "socialwork": "welzijn", "sociaalwerk": "welzijn",
    "inwoners": "inwoners", "bewoners": "inwoners", "residents": "inwoners",
    "inwoner": "inwoners", "bewoner": "inwoners", "burgers": "inwoners",
    "bewonersinitiatieven": "inwoners", "citizens": "inwoners",
    "veiligheid": "veiligheid", "safety": "veiligheid", "politie": "veiligheid",
    "police": "veiligheid", "security": "veiligheid",
    "wonen": "wonen", "housing": "wonen", "woningcorporaties": "wonen",
    "gemeente": "gemeente", "municipality": "gemeente", "overheid": "gemeente",
    "government": "gemeente", "localgovernment": "gemeente",
    "onderwijs": "onderwijs", "education": "onderwijs", "school": "onderwijs",
    "scholen": "onderwijs",
    "werkeninkomen": "werk en inkomen", "werk": "werk en inkomen",
    "workandincome": "werk en inkomen", "work": "werk en inkomen",
    "inkomen": "werk en inkomen", "employment": "werk en inkomen",
    "sportencultuur": "sport en cultuur", "sport": "sport en cultuur",
    "cultuur": "sport en cultuur", "sportandculture": "sport en cultuur",
    "culture": "sport en cultuur", "sports": "sport en cultuur",
    "fondsen": "fondsen", "fonds": "fondsen", "funds": "fondsen", "funding": "fondsen",
    "financiers": "fondsen", "financiering": "fondsen",
    "ondernemers": "ondernemers", "bedrijven": "ondernemers", "business": "ondernemers",
    "ondernemen": "ondernemers", "bedrijfsleven": "ondernemers",
    "kennisenonderzoek": "kennis en onderzoek", "onderzoek": "kennis en onderzoek",
    "research": "kennis en onderzoek", "kennis": "kennis en onderzoek",
    "knowledge": "kennis en onderzoek", "wetenschap": "kennis en onderzoek",
}

DOMAIN_NAMES_EN: dict[str, str] = {
    'zorg': NP_("domain", 'care'),
    'welzijn': NP_("domain", 'welfare'),
    'inwoners': NP_("domain", 'residents'),
    'veiligheid': NP_("domain", 'safety'),
    'wonen': NP_("domain", 'housing'),
    'gemeente': NP_("domain", 'municipality'),
    'onderwijs': NP_("domain", 'education'),
    'werk en inkomen': NP_("domain", 'work and income'),
    'sport en cultuur': NP_("domain", 'sport and culture'),
    'fondsen': NP_("domain", 'funds'),
    'ondernemers': NP_("domain", 'businesses'),
    'kennis en onderzoek': NP_("domain", 'knowledge and research'),
    'onbekend': NP_("domain", 'unknown'),
}
"""Domain code (Dutch, as in the data) -> English name; Dutch names in the catalogue."""

TYPE_NAMES_EN: dict[str, str] = {
    'organisatie': NP_("actor type", 'organisation'),
    'team': NP_("actor type", 'team'),
    'initiatief': NP_("actor type", 'initiative'),
    'persoon': NP_("actor type", 'person'),
    'overleg': NP_("actor type", 'meeting'),
    'netwerk': NP_("actor type", 'network'),
    'platform': NP_("actor type", 'platform'),
    'accommodatie': NP_("actor type", 'community centre'),
}
"""Actor type code -> English name; Dutch names in the catalogue."""


def domain_label(domain: str, lang: str = "nl") -> str:
    """A domain as every output shows it: the Dutch value, or its English name.

    An empty domain is "onbekend" / "unknown"; a value outside the vocabulary stays as is.

    >>> domain_label("welzijn", "en"), domain_label("", "nl"), domain_label("kunst", "en")
    ('welfare', 'onbekend', 'kunst')
    """
    domain = domain or "onbekend"
    english = DOMAIN_NAMES_EN.get(domain)
    return translator(lang).pgettext("domain", english) if english else domain


def type_label(actor_type: str, lang: str = "nl") -> str:
    """How an actor type is written for people: the Dutch value, or its English name.

    >>> type_label("accommodatie", "en"), type_label("accommodatie"), type_label("iets", "en")
    ('community centre', 'accommodatie', 'iets')
    """
    english = TYPE_NAMES_EN.get(actor_type)
    return translator(lang).pgettext("actor type", english) if english else actor_type


CHANNEL_NAMES_EN: dict[str, str] = {
    'bijeenkomst': NP_("channel", 'in-person meeting'),
    'telefoon': NP_("channel", 'phone'),
    'e-mail': NP_("channel", 'e-mail'),
    'whatsapp': NP_("channel", 'whatsapp'),
    'online': NP_("channel", 'online'),
    'platform': NP_("channel", 'platform'),
    'werkoverleg': NP_("channel", 'work meeting'),
    'huisbezoek': NP_("channel", 'home visit'),
    'nieuwsbrief': NP_("channel", 'newsletter'),
    'linkedin': NP_("channel", 'linkedin'),
    'zorgmail': NP_("channel", 'zorgmail'),
    'siilo': NP_("channel", 'siilo'),
    'wijkschouw': NP_("channel", 'neighbourhood walk'),
}
"""Channel code (Dutch, as in the data) -> English name; Dutch names in the catalogue."""


def channel_label(channel: str, lang: str = "nl") -> str:
    """How a channel is written for people: the Dutch value, or its English name.

    >>> channel_label("huisbezoek", "en"), channel_label("huisbezoek"), channel_label("fax", "en")
    ('home visit', 'huisbezoek', 'fax')
    """
    english = CHANNEL_NAMES_EN.get(channel)
    return translator(lang).pgettext("channel", english) if english else channel


TYPE_ALIASES: dict[str, str] = {
    "organisatie": "organisatie", "organisation": "organisatie", "organization": "organisatie",
    "org": "organisatie", "instelling": "organisatie", "bedrijf": "organisatie",
    "team": "team", "afdeling": "team",
    "initiatief": "initiatief", "bewonersinitiatief": "initiatief", "initiative": "initiatief",
    "initiatieven": "initiatief", "vereniging": "initiatief", "stichting": "organisatie",
    "persoon": "persoon", "person": "persoon", "individu": "persoon", "people": "persoon",
    "overleg": "overleg", "meeting": "overleg", "werkgroep": "overleg",
    "platform": "platform",
    "netwerk": "netwerk", "network": "netwerk", "samenwerkingsverband": "netwerk",
    "accommodatie": "accommodatie", "buurtcentrum": "accommodatie",
    "wijkaccommodatie": "accommodatie", "buurthuis": "accommodatie", "locatie": "accommodatie",
    "venue": "accommodatie", "communitycentre": "accommodatie",
}

CHANNEL_ALIASES: dict[str, str] = {
    "bijeenkomst": "bijeenkomst", "bijeenkomsten": "bijeenkomst", "live": "bijeenkomst",
    "bijeenkomstenlive": "bijeenkomst", "fysiek": "bijeenkomst", "meeting": "bijeenkomst",
    "inperson": "bijeenkomst", "overleg": "bijeenkomst", "face2face": "bijeenkomst",
    "telefoon": "telefoon", "telefonisch": "telefoon", "phone": "telefoon", "bellen": "telefoon",
    "email": "e-mail", "mail": "e-mail",
    "whatsapp": "whatsapp", "app": "whatsapp", "whatsappgroep": "whatsapp",
    "online": "online", "onlinebijeenkomst": "online", "teams": "online", "zoom": "online",
    "googlemeet": "online", "video": "online", "videobellen": "online",
    "platform": "platform", "digitaalplatform": "platform", "website": "platform",
    "werkoverleg": "werkoverleg",
    "huisbezoek": "huisbezoek", "gezamenlijkehuisbezoeken": "huisbezoek",
    "huisbezoeken": "huisbezoek",
    "nieuwsbrief": "nieuwsbrief", "wijkkrant": "nieuwsbrief", "newsletter": "nieuwsbrief",
    "linkedin": "linkedin", "zorgmail": "zorgmail", "siilo": "siilo",
    "wijkschouw": "wijkschouw",
}

KIND_ALIASES: dict[str, str] = {
    "samenwerking": "samenwerking", "collaboration": "samenwerking", "samenwerken": "samenwerking",
    "contact": "samenwerking", "partner": "samenwerking",
    "verwijzing": "verwijzing", "referral": "verwijzing", "verwijst": "verwijzing",
    "doorverwijzing": "verwijzing",
    "financiering": "financiering", "funding": "financiering", "subsidie": "financiering",
    "beheer": "beheer", "management": "beheer",
    "informatie": "informatie", "information": "informatie", "kennisdeling": "informatie",
    "lidmaatschap": "lidmaatschap", "membership": "lidmaatschap", "lid": "lidmaatschap",
    "gedeeldoverleg": "gedeeld overleg", "coparticipation": "gedeeld overleg",
}

STRENGTH_WORDS: dict[str, int] = {
    "identificatie": 1, "identification": 1,
    "coordinatie": 2, "coordination": 2,
    "reflectie": 3, "reflection": 3,
    "transformatie": 4, "transformation": 4,
}
STRENGTH_NAMES = {1: "identificatie", 2: "coördinatie", 3: "reflectie", 4: "transformatie"}

STRENGTH_NAMES_EN: dict[int, str] = {
    1: NP_("strength", "identification"), 2: NP_("strength", "coordination"),
    3: NP_("strength", "reflection"), 4: NP_("strength", "transformation"),
}
"""Strength 1-4 -> English name of its learning mechanism; Dutch in the catalogue."""


def strength_label(strength: int, lang: str = "nl") -> str:
    """The learning mechanism of a strength 1-4 in `lang`; "" for any other value.

    >>> strength_label(2), strength_label(2, "en"), strength_label(7)
    ('coördinatie', 'coordination', '')
    """
    english = STRENGTH_NAMES_EN.get(strength)
    return translator(lang).pgettext("strength", english) if english else ""

BOOLEAN_WORDS: dict[str, bool] = {
    "ja": True, "j": True, "yes": True, "y": True, "true": True, "waar": True, "1": True,
    "x": True, "gericht": True, "directed": True,
    "nee": False, "n": False, "no": False, "false": False, "onwaar": False, "0": False,
    "ongericht": False, "undirected": False, "wederzijds": False, "mutual": False,
}


def _normalise(value: str, aliases: dict[str, str]) -> tuple[str, bool]:
    key = fold(value)
    if key in aliases:
        return aliases[key], True
    return squash(value).lower(), False


def normalise_domain(value: str) -> tuple[str, bool]:
    """Canonical domain of `value` and whether it is a known one."""
    return _normalise(value, DOMAIN_ALIASES)


def normalise_type(value: str) -> tuple[str, bool]:
    """Canonical actor type of `value` and whether it is a known one."""
    return _normalise(value, TYPE_ALIASES)


def normalise_channel(value: str) -> tuple[str, bool]:
    """Canonical channel of `value` and whether it is a known one."""
    return _normalise(value, CHANNEL_ALIASES)


def normalise_kind(value: str) -> tuple[str, bool]:
    """Canonical relation kind of `value` and whether it is a known one."""
    return _normalise(value, KIND_ALIASES)


def parse_strength(value: object) -> int | None:
    """Tie strength 1-4 from a digit or a learning-mechanism word; empty means 1.

    Returns None when the value cannot be understood.

    >>> [parse_strength(v) for v in ("", None, 3, "4", "2.0", "Reflectie", "sterk",
    ...                              "Coördinatie (2)")]
    [1, 1, 3, 4, 2, 3, None, 2]
    """
    if value is None:
        return 1
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if value != value:  # NaN
            return 1
        return int(value) if float(value).is_integer() and 1 <= value <= 4 else None
    text = str(value).strip()
    if not text:
        return 1
    key = fold(text)
    if key in STRENGTH_WORDS:
        return STRENGTH_WORDS[key]
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return _strength_word_and_digit(text)
    return int(number) if number.is_integer() and 1 <= number <= 4 else None


def _strength_word_and_digit(text: str) -> int | None:
    """'Coördinatie (2)', '3 - reflectie': a level word and its digit that agree.

    >>> [_strength_word_and_digit(t) for t in ("Coördinatie (2)", "3 - reflectie",
    ...                                        "reflectie (2)", "2 keer")]
    [2, 3, None, None]
    """
    words = [fold(w) for w in re.split(r"[^\w]+", text) if w]
    levels = {STRENGTH_WORDS[w] for w in words if w in STRENGTH_WORDS}
    digits = {int(w) for w in words if w.isdigit()}
    if len(levels) == 1 and len(digits) == 1 and levels == digits and len(words) == 2:
        return levels.pop()
    return None


def parse_boolean(value: object) -> bool | None:
    """`ja`/`nee` (and English, digits) as a bool; empty is False; None when unclear.

    >>> [parse_boolean(v) for v in ("Ja", "nee", "", "misschien")]
    [True, False, False, None]
    """
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    text = str(value).strip()
    if not text or text.lower() == "nan":
        return False
    return BOOLEAN_WORDS.get(fold(text))


VOCABULARIES: dict[tuple[str, str], tuple[type[StrEnum], object]] = {
    ("actors", "domain"): (Domain, normalise_domain),
    ("actors", "type"): (ActorType, normalise_type),
    ("relations", "channel"): (Channel, normalise_channel),
    ("relations", "kind"): (RelationKind, normalise_kind),
}
