"""Share a wijk network without personal data: persons become their role and a number.

Under the AVG (GDPR) an analyst must be able to share a map and a report without the
names and contact details of people. `pseudonymise(network)` returns a new
`WijkNetwork` in which

* every actor of type ``persoon`` is renamed to its role and a stable number
  ("Buurtverbinder 2"; "Persoon 1" when it has no role), gets a new id derived from
  that name, and loses its description and extra columns;
* the ``contact`` column is emptied for **every** actor;
* e-mail addresses and phone numbers are removed from all free text (descriptions of
  actors, relations and meetings, extra columns);
* the full name or id of a person, where it appears literally in the text of another
  actor, relation, meeting or input warning, is replaced by the pseudonym.

Numbers are stable: persons are numbered per role in the order of their original ids, so
the same input always gives the same pseudonyms.

Known limit: a person mentioned in someone else's text by another form of the name
(a first name only, initials, a misspelling) is not recognised. Check the free-text
columns before you share a file, or leave descriptions out of the input.

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
>>> net.meta["pseudonymised"]
True
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from typing import Any

import pandas as pd

from wijkgraph.i18n import DEFAULT_LANG, NP_, translator
from wijkgraph.model.network import WijkNetwork, build_network
from wijkgraph.model.schema import ActorType, fold
from wijkgraph.model.tables import ACTOR_COLUMNS, PROVENANCE

REMOVED = NP_("privacy", "[contact removed]")
"""What replaces an e-mail address or phone number (translated: ``[contact verwijderd]``)."""
PERSON = NP_("privacy", "person")
"""The pseudonym of a person without a role, before its number (``Persoon 1``)."""
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Dutch and international phone numbers: 06-12345678, 030 123 4567, +31 (0)30 1234567, ...
_PHONE = re.compile(r"(?<![\w])(?:\+|00)?\d[\d\s().-]{7,}\d(?![\w])")


def scrub_contact(text: str, lang: str = DEFAULT_LANG) -> str:
    """Remove e-mail addresses and phone numbers from free text (marked in `lang`).

    Examples
    --------
    >>> scrub_contact("Bel 06-12345678 of mail a.b@dock.nl; sinds 2019.")
    'Bel [contact verwijderd] of mail [contact verwijderd]; sinds 2019.'
    >>> scrub_contact("Call 06-12345678.", "en")
    'Call [contact removed].'
    """
    removed = translator(lang).pgettext("privacy", REMOVED)
    text = _EMAIL.sub(lambda m: removed, str(text))
    return _PHONE.sub(lambda m: removed if sum(ch.isdigit() for ch in m.group()) >= 9
                      else m.group(), text)


def _slug(text: str) -> str:
    import unicodedata

    plain = "".join(ch for ch in unicodedata.normalize("NFKD", str(text))
                    if not unicodedata.combining(ch))
    return re.sub(r"[^0-9a-z]+", "-", plain.casefold()).strip("-") or "persoon"


def pseudonym_map(actors: pd.DataFrame, lang: str = DEFAULT_LANG) -> dict[str, tuple[str, str]]:
    """Old id -> (new id, new name) for every actor of type ``persoon``.

    The name is the role (as typed in the data) and a number, or "Persoon" ("Person" in
    English) and a number for a person without a role; the id does not depend on `lang`.

    Examples
    --------
    >>> frame = pd.DataFrame({"id": ["b", "a", "c"], "type": ["persoon"] * 3,
    ...                       "role": ["wijkagent", "wijkagent", ""]})
    >>> for old, new in pseudonym_map(frame).items():
    ...     print(old, new)
    a ('wijkagent-1', 'Wijkagent 1')
    b ('wijkagent-2', 'Wijkagent 2')
    c ('persoon-1', 'Persoon 1')
    >>> pseudonym_map(frame, "en")["c"]
    ('persoon-1', 'Person 1')
    """
    persons = actors[actors["type"].astype(str) == ActorType.PERSOON.value]
    taken = {str(i) for i in actors["id"]} - {str(i) for i in persons["id"]}
    counters: dict[str, int] = {}
    out: dict[str, tuple[str, str]] = {}
    person = translator(lang).pgettext("privacy", PERSON)
    for rec in sorted(persons.to_dict("records"), key=lambda r: str(r["id"])):
        role = " ".join(str(rec.get("role") or "").split())
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


def _replacer(old_to_new: Mapping[str, str]) -> Any:
    """A function replacing whole-word occurrences of old names by new ones (longest first)."""
    words = sorted((w for w in old_to_new if len(w) >= 3), key=len, reverse=True)
    if not words:
        return lambda text: text
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")(?!\w)",
                         re.IGNORECASE)
    folded = {w.casefold(): v for w, v in old_to_new.items()}

    def replace(text: Any) -> Any:
        if not isinstance(text, str) or not text:
            return text
        return pattern.sub(lambda m: folded.get(m.group(1).casefold(), m.group(1)), text)

    return replace


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
        Rebuilt from pseudonymised tables; ``meta["pseudonymised"]`` is True. Graph
        attributes, analyses and every output then carry only the pseudonyms.

    Notes
    -----
    Names of persons inside free text written by others are replaced only where the
    full name (or id) appears literally; see the module documentation.
    """
    t = network.tables
    actors = t.actors.copy()
    mapping = pseudonym_map(actors, lang)
    new_id = {old: nid for old, (nid, _) in mapping.items()}
    old_names = {}
    for rec in actors.to_dict("records"):
        if str(rec["id"]) in mapping:
            nid, name = mapping[str(rec["id"])]
            old_names[str(rec["name"])] = name
            old_names[str(rec["id"])] = name
    rename = _replacer(old_names)

    def clean(text: Any) -> Any:
        return scrub_contact(rename(text), lang) if isinstance(text, str) and text else text

    is_person = actors["id"].astype(str).isin(mapping)
    extra = [c for c in actors.columns if c not in ACTOR_COLUMNS + PROVENANCE]
    actors["name"] = [mapping[str(i)][1] if str(i) in mapping else n
                      for i, n in zip(actors["id"], actors["name"], strict=True)]
    actors["id"] = [new_id.get(str(i), i) for i in actors["id"]]
    actors["contact"] = ""
    actors.loc[is_person, "description"] = ""
    for col in extra:
        actors.loc[is_person, col] = ""
    for col in ["description", "role", *extra]:
        actors[col] = actors[col].map(clean)

    relations = t.relations.copy()
    for col in ("source", "target"):
        relations[col] = relations[col].map(lambda v: new_id.get(str(v), v))
    for col in relations.columns:
        if col not in ("source", "target", "strength", "directed") and not col.startswith("_") \
                and (pd.api.types.is_object_dtype(relations[col])
                     or pd.api.types.is_string_dtype(relations[col])):
            relations[col] = relations[col].map(clean)
    participation = t.participation.copy()
    if len(participation):
        participation["actor"] = participation["actor"].map(lambda v: new_id.get(str(v), v))
    meetings = t.meetings.copy()
    for col in ("name", "description"):
        if col in meetings.columns and len(meetings):
            meetings[col] = meetings[col].map(clean)

    def clean_param(value: Any) -> Any:
        if isinstance(value, str):
            return clean(value)
        if isinstance(value, list | tuple):
            return type(value)(clean_param(v) for v in value)
        return value

    warnings = tuple(dataclasses.replace(p, params={k: clean_param(v) for k, v in p.params.items()})
                     for p in t.warnings)
    tables = dataclasses.replace(t, actors=actors.reset_index(drop=True), relations=relations,
                                 meetings=meetings, participation=participation,
                                 warnings=warnings)
    meta = {**network.meta, "pseudonymised": True}
    return build_network(tables, meta=meta, meeting_ties=bool(network.meta.get("meeting_ties")))
