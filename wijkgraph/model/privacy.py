"""Share a wijk network without personal data: persons become their role and a number.

Under the AVG (GDPR) an analyst must be able to share a map and a report without the
names and contact details of people. `pseudonymise(network)` returns a new
`WijkNetwork` in which

* every actor of type ``persoon`` is renamed to its role and a stable number
  ("Buurtverbinder 2"; "Persoon 1" when it has no role), gets a new id derived from
  that name, and loses its description and extra columns. The role is cleaned first:
  contact details and names of persons in it are dropped, so a role typed as
  "wijkagent jan@politie.nl 06-12345678" gives "Wijkagent 1";
* the ``contact`` column is emptied for **every** actor;
* e-mail addresses (also written as ``naam [at] domein.nl``, ``naam(at)domein(dot)nl``
  or ``naam at domein.nl``) and phone numbers (also with the hyphens and non-breaking
  spaces Word and Outlook put in) are removed from every text: names, ids, roles,
  themes and areas of actors; ids, names, themes, areas and descriptions of meetings;
  every text column of relations; extra columns; input warnings;
* the full name or id of a person, where it appears literally in any of those texts
  (names of two letters too, with matching case), is replaced by the pseudonym, and so
  is a part of the name written with its capital ("Praktijk Kwakernaak"), unless that
  part is also the name of an area of the data ("Jan Oost" leaves the wijk Oost alone);
* the input's file name is not kept: ``meta["source"]`` is emptied, the network's name
  and title become "gepseudonimiseerd netwerk", and warnings name a workbook
  "invoer.xlsx" (a CSV file named after its table, "actoren.csv", keeps its name).

Numbers are stable: persons are numbered per role in the order of their original ids, so
the same input always gives the same pseudonyms.

Known limit: a person mentioned in someone else's text by another form of the name
(a first name only, initials, a misspelling, a name glued into a web address) is not
recognised. Check the free-text columns before you share a file, or leave descriptions
out of the input.

Examples
--------
>>> import pandas as pd
>>> from wijkgraph.model.tables import tables_from_frames
>>> from wijkgraph.model.network import build_network
>>> actors = pd.DataFrame({
...     "name": ["Jan de Vries", "DOCK", "Piet Bakker"],
...     "type": ["persoon", "organisatie", "persoon"],
...     "role": ["buurtverbinder", "sociaal makelaar", "buurtverbinder"],
...     "description": ["jan@example.nl", "Werkt met Jan de Vries, 06-12345678", ""],
...     "contact": ["jan@example.nl", "info@dock.nl", "030 123 4567"]})
>>> relations = pd.DataFrame({"source": ["Jan de Vries"], "target": ["DOCK"]})
>>> net = pseudonymise(build_network(tables_from_frames(actors, relations)))
>>> sorted(net.actors["name"])
['Buurtverbinder 1', 'Buurtverbinder 2', 'DOCK']
>>> net.actors.loc[net.actors["name"] == "DOCK", "description"].item()
'Werkt met Buurtverbinder 1, [contact verwijderd]'
>>> set(net.actors["contact"])
{''}
>>> net.meta["pseudonymised"], net.meta["source"]
(True, '')
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import PurePath
from typing import Any

import pandas as pd

from wijkgraph.i18n import DEFAULT_LANG, NP_, translator
from wijkgraph.model.network import WijkNetwork, build_network
from wijkgraph.model.schema import ActorType, canonical_table, fold
from wijkgraph.model.tables import PROVENANCE

REMOVED = NP_("privacy", "[contact removed]")
"""What replaces an e-mail address or phone number (translated: ``[contact verwijderd]``)."""
PERSON = NP_("privacy", "person")
"""The pseudonym of a person without a role, before its number (``Persoon 1``)."""
INPUT = NP_("privacy", "input")
"""What a file of the input is called in warnings of a pseudonymised network (``invoer``)."""
NETWORK = NP_("privacy", "pseudonymised network")
"""The name and title of a pseudonymised network (the file name is not kept)."""

# "@" and the ways people hide it: [at] (at) {at} <at>, " at ", apenstaartje
_AT = (r"(?:\s*[@\uff20]\s*|\s*[\[({<]\s*(?:at|apenstaart(?:je)?)\s*[\])}>]\s*"
       r"|\s+(?:at|apenstaart(?:je)?)\s+)")
_DOT = r"(?:\.|\s*[\[({<]\s*(?:dot|punt)\s*[\])}>]\s*|\s+(?:dot|punt)\s+)"
_EMAIL = re.compile(rf"(?<![\w.+-])[\w.+-]+{_AT}[\w-]+(?:{_DOT}[\w-]+)+", re.IGNORECASE)
# Separators inside a phone number: spaces (also non-breaking and thin ones), dots,
# brackets, slashes and every hyphen or dash (U+2010-U+2015, U+2212 minus, U+FE63, U+FF0D).
_PHONE_SEP = "\\s\u00a0\u2007\u2009\u202f().\\-/\u2010-\u2015\u2212\ufe63\uff0d"
# Dutch and international phone numbers: 06-12345678, 030 123 4567, +31 (0)30 1234567, ...
_PHONE = re.compile(rf"(?<![\w])(?:\+|00)?\d[\d{_PHONE_SEP}]{{7,}}\d(?![\w])")
_LABELLED = re.compile(r"(?:(?<!\w)(?:tel|telefoon|telnr|tel\.nr|mob|mobiel|gsm|e-?mail|mail|"
                       r"phone|mobile)\.?\s*:?\s*)?\x00", re.IGNORECASE)
_LEFTOVER = re.compile(r"[\s,;:|/\-\u2010-\u2015]*(?:\(\s*\)|\[\s*\]|<\s*>|\{\s*\})"
                       r"|^[\s,;:|/()\[\]<>\-\u2010-\u2015]+|[\s,;:|/(\[<\-\u2010-\u2015]+$")


def scrub_contact(text: str, lang: str = DEFAULT_LANG, *, replacement: str | None = None
                  ) -> str:
    """Remove e-mail addresses and phone numbers from free text (marked in `lang`).

    A phone number has at least 9 digits (years and counts stay); `replacement` replaces
    each one found (default: ``[contact verwijderd]`` in `lang`).

    Examples
    --------
    >>> scrub_contact("Bel 06-12345678 of mail a.b@dock.nl; sinds 2019.")
    'Bel [contact verwijderd] of mail [contact verwijderd]; sinds 2019.'
    >>> scrub_contact("Call 06-12345678.", "en")
    'Call [contact removed].'
    >>> scrub_contact("06\\u201112345678, jan [at] dock.nl, ans(at)dock(dot)nl", replacement="X")
    'X, X, X'
    """
    removed = translator(lang).pgettext("privacy", REMOVED) if replacement is None \
        else replacement
    text = _EMAIL.sub(lambda m: removed, str(text))
    return _PHONE.sub(lambda m: removed if sum(ch.isdigit() for ch in m.group()) >= 9
                      else m.group(), text)


def _slug(text: str) -> str:
    import unicodedata

    plain = "".join(ch for ch in unicodedata.normalize("NFKD", str(text))
                    if not unicodedata.combining(ch))
    return re.sub(r"[^0-9a-z]+", "-", plain.casefold()).strip("-") or "persoon"


# Words inside Dutch (and a few other) names that are no name of their own.
_PARTICLES = frozenset({"van", "de", "der", "den", "het", "ter", "ten", "te", "op", "in",
                        "la", "le", "da", "di", "du", "von", "el", "al", "bin", "ben", "ibn",
                        "mc", "mac", "st", "sint"})


def _names_of_persons(actors: pd.DataFrame) -> dict[str, str]:
    """Names, ids and name parts of every person -> its own id.

    The full name and the id (when it is a word, not a number) of each person; and each
    part of the name of three letters or more ("Jan", "Smit", "Duijvenbode", but not "van"),
    which `_replacer` matches only with its own case (the surname of a person in the name
    of a practice, "Praktijk Kwakernaak"). A part shared by two persons goes to the first.

    >>> frame = pd.DataFrame({"id": ["p1", "2"], "name": ["Jan van Dijk", "Bo"],
    ...                       "type": ["persoon", "persoon"]})
    >>> _names_of_persons(frame)
    {'Bo': '2', 'Jan van Dijk': 'p1', 'p1': 'p1', 'Jan': 'p1', 'Dijk': 'p1'}
    """
    persons = actors[actors["type"].astype(str) == ActorType.PERSOON.value]
    records = sorted(persons.to_dict("records"), key=lambda r: str(r["id"]))
    out: dict[str, str] = {}
    for rec in records:
        for word in (str(rec.get("name") or ""), str(rec["id"])):
            if len(word.strip()) >= 2 and not word.strip().isdigit():
                out.setdefault(" ".join(word.split()), str(rec["id"]))
    for rec in records:
        for part in re.split(r"[\s\-\u2010-\u2015]+", str(rec.get("name") or "")):
            part = part.strip(".,;:()'\"")
            if len(part) >= 3 and part.casefold() not in _PARTICLES and not part.isdigit():
                out.setdefault(part, str(rec["id"]))
    return out


def _name_parts(names: Mapping[str, str]) -> set[str]:
    """The keys of `names` that are parts of a name (matched only with their own case)."""
    parts: set[str] = set()
    for full in names:
        if " " in full:
            parts.update(re.split(r"[\s\-\u2010-\u2015]+", full))
    return {w for w in names if " " not in w and w in parts}


def strip_contact(text: str) -> str:
    """`text` without e-mail addresses and phone numbers, nor the labels left empty.

    For answers and roles, where a marker would be read as a name.

    >>> strip_contact("DOCK (tel. 030\u00a0123\u00a04567), Buurtteam: jan [at] bt.nl")
    'DOCK, Buurtteam'
    """
    text = _LABELLED.sub("", scrub_contact(str(text), replacement="\x00"))
    previous = None
    while previous != text:
        previous = text
        text = _LEFTOVER.sub("", " ".join(text.split()))
        text = re.sub(r"\s*[,;:]\s*(?=[,;:])|(?<=\w)\s+(?=[,;:])", "", text)
    return text


def clean_role(role: str, names: Mapping[str, str] | None = None) -> str:
    """A role without contact details and without the `names` in it, tidied.

    >>> clean_role("Wijkagent <jan@politie.nl>, 06\\u201112345678")
    'wijkagent'
    >>> clean_role("assistent van Jan Smit (tel. 030 123 4567)", {"Jan Smit": "p1"})
    'assistent van'
    """
    return _role_cleaner(names or {})(role)


def _role_cleaner(names: Mapping[str, str]) -> Callable[[str], str]:
    """`clean_role` for many roles: the names are compiled once."""
    drop = _replacer(dict.fromkeys(names, ""), exact_case=_name_parts(names))

    def clean(role: str) -> str:
        text = strip_contact(str(role or ""))  # first: a name is part of an e-mail address
        return strip_contact(drop(text)).lower()

    return clean


def pseudonym_map(actors: pd.DataFrame, lang: str = DEFAULT_LANG, *,
                  rank: Mapping[str, int] | None = None) -> dict[str, tuple[str, str]]:
    """Old id -> (new id, new name) for every actor of type ``persoon``.

    The name is the role (as typed in the data, without contact details or names of
    persons: see `clean_role`) and a number, or "Persoon" ("Person" in English) and a
    number for a person without a role; the id does not depend on `lang`. Persons are
    numbered in the order of their ids (after their `rank`, when given: a wave's number).

    Examples
    --------
    >>> frame = pd.DataFrame({"id": ["b", "a", "c"], "type": ["persoon"] * 3,
    ...                       "role": ["wijkagent", "wijkagent 06-12345678", ""]})
    >>> for old, new in pseudonym_map(frame).items():
    ...     print(old, new)
    a ('wijkagent-1', 'Wijkagent 1')
    b ('wijkagent-2', 'Wijkagent 2')
    c ('persoon-1', 'Persoon 1')
    >>> pseudonym_map(frame, "en")["c"]
    ('persoon-1', 'Person 1')
    """
    persons = actors[actors["type"].astype(str) == ActorType.PERSOON.value]
    names = _names_of_persons(actors) if "name" in actors.columns else {
        str(i): str(i) for i in persons["id"] if not str(i).isdigit()}
    taken = {str(i) for i in actors["id"]} - {str(i) for i in persons["id"]}
    counters: dict[str, int] = {}
    out: dict[str, tuple[str, str]] = {}
    person = translator(lang).pgettext("privacy", PERSON)
    cleaned = _role_cleaner(names)
    rank = rank or {}
    for rec in sorted(persons.to_dict("records"),
                      key=lambda r: (rank.get(str(r["id"]), 0), str(r["id"]))):
        role = cleaned(str(rec.get("role") or ""))
        key = fold(role or "persoon")
        counters[key] = counters.get(key, 0) + 1
        shown = role or person
        name = f"{shown[:1].upper()}{shown[1:]} {counters[key]}"
        new_id = f"{_slug(role or 'persoon')}-{counters[key]}"
        while new_id in taken:
            new_id += "-p"
        taken.add(new_id)
        out[str(rec["id"])] = (new_id, name)
    return out


def _word_pattern(word: str) -> str:
    return r"\s+".join(re.escape(part) for part in word.split())


def _replacer(old_to_new: Mapping[str, str], *, exact_case: Iterable[str] = ()
              ) -> Callable[[Any], Any]:
    """A function replacing whole-word occurrences of old names by new ones (longest first).

    Names of three letters or more match ignoring case; two-letter names ("Bo", "Li") and
    the words in `exact_case` only with their own case, so that Dutch words like "bo",
    "al" or "bakker" stay. A text without capitals (roles and themes are stored in lower
    case) is matched ignoring case throughout: case tells nothing there.

    >>> r = _replacer({"Bo": "Persoon 1", "Jan  Smit": "Persoon 2", "Smit": "Persoon 2"},
    ...               exact_case=["Smit"])
    >>> r("Bo en jan smit; bo niet; Smit wel, smit niet")
    'Persoon 1 en Persoon 2; bo niet; Persoon 2 wel, smit niet'
    >>> r("tuin van bo en smit")
    'tuin van Persoon 1 en Persoon 2'
    """
    exact_words = {" ".join(w.split()) for w in exact_case}
    words = sorted({" ".join(w.split()) for w in old_to_new if len(w.strip()) >= 2},
                   key=len, reverse=True)
    if not words:
        return lambda text: text
    loose = [_word_pattern(w) for w in words if len(w) >= 3 and w not in exact_words]
    exact = [_word_pattern(w) for w in words if len(w) < 3 or w in exact_words]
    parts = ([f"(?i:{'|'.join(loose)})"] if loose else []) + exact
    pattern = re.compile(r"(?<!\w)(" + "|".join(parts) + r")(?!\w)")
    lower = re.compile(r"(?<!\w)(" + "|".join(loose + exact) + r")(?!\w)", re.IGNORECASE)
    folded = {" ".join(w.split()).casefold(): v for w, v in old_to_new.items()
              if " ".join(w.split()) not in exact_words}
    folded_all = {" ".join(w.split()).casefold(): v for w, v in old_to_new.items()}
    same = {" ".join(w.split()): v for w, v in old_to_new.items()}

    def new(match: re.Match[str]) -> str:
        found = " ".join(match.group(1).split())
        return same.get(found, folded.get(found.casefold(), match.group(1)))

    def new_lower(match: re.Match[str]) -> str:
        found = " ".join(match.group(1).split()).casefold()
        return folded_all.get(found, match.group(1))

    # a text is searched only when one of its words starts a name (most texts hold none)
    starts = {re.split(r"\W+", w.casefold(), maxsplit=1)[0] for w in words} - {""}
    odd = any(not re.match(r"\w", w) for w in words)  # a name that starts with a sign

    def replace(text: Any) -> Any:
        if not isinstance(text, str) or not text:
            return text
        if not odd and starts.isdisjoint(re.findall(r"\w+", text.casefold())):
            return text
        if text == text.lower():
            return lower.sub(new_lower, text)
        return pattern.sub(new, text)

    return replace


def safe_file_name(name: str, lang: str = DEFAULT_LANG) -> str:
    """A file name that cannot hold a person's name: a table's own name, else ``invoer``.

    >>> safe_file_name("actoren.csv"), safe_file_name("netwerk-jan-smit.xlsx")
    ('actoren.csv', 'invoer.xlsx')
    >>> safe_file_name("/home/jan/x.gexf", "en")
    'input.gexf'
    """
    if not name:
        return name
    path = PurePath(str(name))
    if canonical_table(path.stem) is not None and path.name == str(name):
        return path.name
    return translator(lang).pgettext("privacy", INPUT) + path.suffix.lower()


def _unique(values: list[Any], keep: set[str]) -> list[Any]:
    """Make the changed values of an id column unique again (``-2``, ``-3``, ...)."""
    seen: set[str] = set(keep)
    out = []
    for v in values:
        text, n = str(v), 2
        while text in seen and str(v) not in keep:
            text, n = f"{v}-{n}", n + 1
        seen.add(text)
        out.append(text)
    return out


def _clean_frame(frame: pd.DataFrame, clean: Callable[[Any], Any], skip: set[str],
                 lang: str) -> pd.DataFrame:
    """Every text and tuple column of `frame` (but `skip`) cleaned; provenance made safe."""
    frame = frame.copy()
    for col in frame.columns:
        if col in skip or not len(frame):
            continue
        if col == "_file":
            frame[col] = frame[col].map(lambda v: safe_file_name(str(v), lang))
        elif col in PROVENANCE:
            continue
        elif pd.api.types.is_object_dtype(frame[col]) or pd.api.types.is_string_dtype(
                frame[col]):
            frame[col] = frame[col].map(
                lambda v: tuple(clean(x) for x in v) if isinstance(v, tuple) else clean(v))
    # a header can hold a name too ("notities Jan Smit"); a cleaned one must stay unique
    renamed = {c: str(clean(c)) for c in frame.columns
               if isinstance(c, str) and c not in skip and not c.startswith("_")}
    renamed = {c: new for c, new in renamed.items()
               if new != c and new not in frame.columns}
    return frame.rename(columns=renamed) if renamed else frame


def _new_ids(old: list[Any], cleaned: list[Any], fixed: Mapping[str, str]) -> dict[str, str]:
    """Old id -> new id: `fixed` ones first, changed ones made unique, others kept."""
    cleaned = [fixed.get(str(o), c) for o, c in zip(old, cleaned, strict=True)]
    kept = {str(o) for o, c in zip(old, cleaned, strict=True) if str(o) == str(c)}
    kept |= set(fixed.values())
    changed = [(str(o), str(c)) for o, c in zip(old, cleaned, strict=True)
               if str(o) != str(c) and str(o) not in fixed]
    unique = _unique([c for _o, c in changed], kept)
    out = {str(o): str(o) for o in old}
    out.update({o: u for (o, _c), u in zip(changed, unique, strict=True)})
    out.update(fixed)
    return out


def _without_area_names(names: dict[str, str], tables: Any) -> dict[str, str]:
    """`names` without the name parts that are also an area of the data ("Jan Oost").

    A surname that is the name of a wijk would otherwise rename the wijk everywhere;
    the full name is still replaced.
    """
    areas: set[str] = set()
    for frame, col in ((tables.actors, "wijk"), (tables.meetings, "wijk")):
        if col in frame.columns:
            for cell in frame[col]:
                areas.update(fold(a) for a in (cell if isinstance(cell, tuple) else (cell,)))
    extra = getattr(tables, "areas", None)
    if isinstance(extra, pd.DataFrame) and "name" in extra.columns:
        areas.update(fold(a) for a in extra["name"])
    parts = _name_parts(names)
    return {w: pid for w, pid in names.items() if w not in parts or fold(w) not in areas}


def pseudonymise_together(networks: Iterable[WijkNetwork], *, lang: str = DEFAULT_LANG
                          ) -> list[WijkNetwork]:
    """`pseudonymise` several networks (the waves of a comparison) with one set of pseudonyms.

    A person is the same person in every network where a person of that name (ignoring
    case and accents) appears: one pseudonym everywhere, so a comparison still sees who
    stayed. A person named in any of the networks is replaced in the texts of all of them.
    Numbers are per role, in the order of the networks, then of the ids: the first network
    gets the pseudonyms `pseudonymise` gives it alone, a person new in a later one the next
    number of the role.

    Examples
    --------
    >>> from wijkgraph.model.tables import tables_from_frames
    >>> from wijkgraph.model.network import build_network
    >>> def net(names):
    ...     actors = pd.DataFrame({"name": names + ["DOCK"], "type": ["persoon"] * len(names)
    ...                            + ["organisatie"], "role": ["buurtverbinder"] * len(names)
    ...                            + [""], "description": [""] * len(names)
    ...                            + [f"met {names[-1]}"]})
    ...     return build_network(tables_from_frames(actors, pd.DataFrame()))
    >>> before, after = pseudonymise_together([net(["Piet Bakker", "Jan de Vries"]),
    ...                                        net(["Jan de Vries"])])
    >>> sorted(before.actors["name"]), sorted(after.actors["name"])
    (['Buurtverbinder 1', 'Buurtverbinder 2', 'DOCK'], ['Buurtverbinder 1', 'DOCK'])
    >>> after.actors.loc[after.actors["name"] == "DOCK", "description"].item()
    'met Buurtverbinder 1'
    """
    networks = list(networks)
    union, own_to_union = _union_of_persons([n.tables.actors for n in networks])
    rank = {uid: k for k, own in reversed(list(enumerate(own_to_union))) for uid in own.values()}
    joint = pseudonym_map(union, lang, rank=rank)
    names = _names_of_persons(union)
    for own in own_to_union:
        for old, uid in own.items():  # a later wave's own id of a person is a name too
            if len(old.strip()) >= 2 and not old.strip().isdigit():
                names.setdefault(" ".join(old.split()), uid)
    return [_pseudonymise(n, lang, {old: joint[uid] for old, uid in own.items()}, names,
                          joint) for n, own in zip(networks, own_to_union, strict=True)]


def _union_of_persons(frames: list[pd.DataFrame]) -> tuple[pd.DataFrame, list[dict[str, str]]]:
    """One actors frame of every person (and every other id, taken) over `frames`.

    The persons of the first frame keep their ids; a person of a later frame is the
    first not yet matched person of the same folded name, or new (its id made unique).
    Returns the frame and, per frame, own id -> id in the union.
    """
    rows: list[dict[str, Any]] = []
    by_name: dict[str, list[str]] = {}
    taken: set[str] = set()
    own_to_union: list[dict[str, str]] = []
    for frame in frames:
        persons = frame[frame["type"].astype(str) == ActorType.PERSOON.value]
        records = sorted(persons.to_dict("records"), key=lambda r: str(r["id"]))
        mine: dict[str, str] = {}
        used: set[str] = set()
        for rec in records:
            key = fold(str(rec.get("name") or rec["id"]))
            match = next((u for u in by_name.get(key, ()) if u not in used), None)
            if match is None:
                uid, k = str(rec["id"]), 1
                while uid in taken:
                    k += 1
                    uid = f"{rec['id']}~{k}"
                taken.add(uid)
                by_name.setdefault(key, []).append(uid)
                rows.append({"id": uid, "name": rec.get("name"), "type": rec["type"],
                             "role": rec.get("role")})
                match = uid
            used.add(match)
            mine[str(rec["id"])] = match
        own_to_union.append(mine)
    others = {str(i) for frame in frames for i, t in zip(frame["id"], frame["type"].astype(str),
                                                         strict=True)
              if t != ActorType.PERSOON.value} - taken
    rows += [{"id": i, "name": i, "type": "organisatie", "role": ""} for i in sorted(others)]
    return pd.DataFrame(rows, columns=["id", "name", "type", "role"]), own_to_union


def pseudonymise(network: WijkNetwork, *, lang: str = DEFAULT_LANG) -> WijkNetwork:
    """Return a copy of `network` without names of persons or anyone's contact details.

    Parameters
    ----------
    network : WijkNetwork
    lang : {"nl", "en"}
        Language of the words it writes into the data: "Persoon 1" for a person without
        a role, "[contact verwijderd]" where contact details were.

    Returns
    -------
    WijkNetwork
        Rebuilt from pseudonymised tables; ``meta["pseudonymised"]`` is True and
        ``meta["source"]`` empty. Graph attributes, analyses and every output then
        carry only the pseudonyms.

    Notes
    -----
    Names of persons inside free text written by others are replaced only where the
    full name (or id) appears literally; see the module documentation. Several networks
    that must share pseudonyms (two waves): `pseudonymise_together`.
    """
    return pseudonymise_together([network], lang=lang)[0]


def _pseudonymise(network: WijkNetwork, lang: str, mapping: Mapping[str, tuple[str, str]],
                  names: Mapping[str, str], joint: Mapping[str, tuple[str, str]]
                  ) -> WijkNetwork:
    """`pseudonymise` with the pseudonyms given: `mapping` (own person id -> new id and
    name), `names` (name, id or name part of a person -> its id in `joint`)."""
    t = network.tables
    actors = t.actors.copy()
    persons = _without_area_names(dict(names), t)
    rename = _replacer({word: joint[pid][1] for word, pid in persons.items()},
                       exact_case=_name_parts(persons))

    def clean(text: Any) -> Any:
        # contact details first: a name can be part of an e-mail address
        return rename(scrub_contact(text, lang)) if isinstance(text, str) and text else text

    is_person = actors["id"].astype(str).isin(mapping)
    private = [c for c in actors.columns
               if c not in ("id", "name", "type", "domain", "role", "wijk", "themes")
               and not c.startswith("_")]
    actors["contact"] = ""
    for col in private:  # description and extra columns of persons
        actors.loc[is_person, col] = ""
    role_of = _role_cleaner(persons)
    actors.loc[is_person, "role"] = [role_of(str(r)) for r in actors.loc[is_person, "role"]]
    actors.loc[is_person, "name"] = [mapping[str(i)][1] for i in actors.loc[is_person, "id"]]
    old_ids = actors["id"].tolist()
    actors = _clean_frame(actors, clean, {"id", "type", "domain"}, lang)
    actor_id = _new_ids(old_ids, [clean(str(i)) for i in old_ids],
                        {old: nid for old, (nid, _n) in mapping.items()})
    actors["id"] = [actor_id[str(i)] for i in old_ids]

    relations = _clean_frame(t.relations, clean, {"source", "target", "strength", "directed"},
                             lang)
    for col in ("source", "target"):
        relations[col] = relations[col].map(lambda v: actor_id.get(str(v), v))
    meetings = t.meetings.copy()
    meeting_id: dict[str, str] = {}
    if len(meetings):
        old_meetings = meetings["id"].tolist()
        meetings = _clean_frame(meetings, clean, {"id"}, lang)
        meeting_id = _new_ids(old_meetings, [clean(str(i)) for i in old_meetings], {})
        meetings["id"] = [meeting_id[str(i)] for i in old_meetings]
    participation = _clean_frame(t.participation, clean, {"actor", "meeting"}, lang)
    if len(participation):
        participation["actor"] = participation["actor"].map(lambda v: actor_id.get(str(v), v))
        participation["meeting"] = participation["meeting"].map(
            lambda v: meeting_id.get(str(v), v))

    def clean_param(value: Any) -> Any:
        if isinstance(value, str):
            return clean(value)
        if isinstance(value, list | tuple):
            return type(value)(clean_param(v) for v in value)
        return value

    warnings = tuple(dataclasses.replace(
        p, file=safe_file_name(p.file, lang) if p.file else p.file,
        sheet=clean(p.sheet) if p.sheet else p.sheet,
        column=clean(p.column) if p.column else p.column,
        params={k: clean_param(v) for k, v in p.params.items()}) for p in t.warnings)
    extra = {table: tuple(str(clean(c)) for c in columns)
             for table, columns in t.extra_columns.items()}
    tables = dataclasses.replace(t, actors=actors.reset_index(drop=True), relations=relations,
                                 meetings=meetings, participation=participation,
                                 warnings=warnings, source="", extra_columns=extra)
    areas = getattr(t, "areas", None)  # the optional gebieden sheet: named like actors' wijk
    if isinstance(areas, pd.DataFrame) and len(areas):
        tables = dataclasses.replace(tables, areas=_clean_frame(areas, clean, set(), lang))
    title = translator(lang).pgettext("privacy", NETWORK)
    meta = {**network.meta, "pseudonymised": True, "source": ""}
    meta.update({k: title for k in ("name", "title_nl", "title_en") if meta.get(k)})
    return build_network(tables, meta=meta, meeting_ties=bool(network.meta.get("meeting_ties")))
