"""Reference models: the roles a wijk network is expected to have, and who should be linked.

A reference model is a YAML file (format: ``docs/reference-models.md``) listing **roles**
(huisarts, wijkagent, buurtteam, ...) with the words that recognise them in an actor's
``role`` or ``name``, the **pairs** of roles expected to work together, and **triads**
such as the Driehoek of every buurtcentrum. wijkgraph ships ``wijk-algemeen`` (what any
Dutch wijk needs), ``utrecht-basis`` (``wijk-algemeen`` plus Utrecht's organisations and
the Driehoek; the default) and ``utrecht-oost`` (plus the specifics of the Utrecht Oost
survey). A model can ``extends:`` another, and ``"a,b"`` composes models left to right;
users pass their own file with ``--reference FILE``, and ``none`` switches the model off.

Examples
--------
>>> model = load_reference("utrecht-basis")
>>> model.role("huisarts").domain
'zorg'
>>> "wijkagent" in model.role_ids and "moskee" not in model.role_ids
True
>>> model.parts
('wijk-algemeen', 'utrecht-basis')
>>> model.triads[0].roles
('stadsbedrijven', 'sociaal-makelaar', 'beheergroep')
>>> "studentenhuisvesting" in load_reference("wijk-algemeen,utrecht-oost").role_ids
True
>>> parse_reference("roles: []", file="leeg.yaml")
Traceback (most recent call last):
...
wijkgraph.reference.ReferenceModelError: leeg.yaml: line 1, key 'roles': the list is empty. \
Add at least one role with id, label, domain and match.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from wijkgraph.errors import Problem, WijkgraphError, Words
from wijkgraph.i18n import MESSAGES, N_, check_lang, register
from wijkgraph.model.schema import normalise_domain, normalise_kind
from wijkgraph.reference._checker import Checker, found
from wijkgraph.reference._yaml import read_yaml

FORMAT = "wijkgraph-reference/1"
DEFAULT_REFERENCE = "utrecht-basis"
#: The model of what any Dutch wijk needs (the base of the bundled Utrecht models).
GENERAL_REFERENCE = "wijk-algemeen"
#: ``--reference none``: no reference model, the missing-parties section is switched off.
NO_REFERENCE = "none"
DEFAULT_MIN_TIES = 3

__all__ = [
    "DEFAULT_REFERENCE",
    "GENERAL_REFERENCE",
    "NO_REFERENCE",
    "ReferenceModel",
    "ReferenceModelError",
    "Role",
    "RolePair",
    "Triad",
    "compose",
    "in_lang",
    "is_no_reference",
    "load_reference",
    "parse_reference",
    "reference_names",
    "words",
]

_MESSAGES: dict[str, str] = {
    "problem.reference_unknown": N_(
        "Unknown reference model '{name}'. Bundled: {names}. Or give the path to your own YAML file (see "
        'docs/reference-models.md).'),
    "problem.reference_unreadable": N_(
        'The reference model cannot be read ({reason}). Save it as UTF-8 text.'),
    "problem.reference_yaml": N_(
        'line {line}: this is not valid YAML ({reason}). Check the indentation and colons.'),
    "problem.reference_not_mapping": N_(
        'line {line}: the model must consist of keys (name, roles, pairs, triads), not of {found}.'),
    "problem.reference_missing_key": N_("line {line}, key '{key}': '{missing}' is missing. {hint}"),
    "problem.reference_type": N_("line {line}, key '{key}': expected {expected}, found {found}."),
    "problem.reference_empty": N_("line {line}, key '{key}': the list is empty. {hint}"),
    "problem.reference_unknown_key": N_(
        "line {line}: unknown key '{key}'.{suggestion_text} Allowed: {allowed}."),
    "problem.reference_duplicate_role": N_(
        "line {line}, key '{key}': role id '{id}' is already used. Give every role its own id."),
    "problem.reference_unknown_role": N_(
        "line {line}, key '{key}': role '{id}' is not listed under 'roles'.{suggestion_text} Add the role or"
        ' use one of: {known}.'),
    "problem.reference_bad_value": N_("line {line}, key '{key}': {detail}"),
}
if not set(_MESSAGES) & set(MESSAGES):  # module may be reloaded in tests
    register(_MESSAGES)


class ReferenceModelError(WijkgraphError):
    """A reference model that cannot be used; lists every problem found in the file."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(_short(p) for p in self.problems))


def _short(p: Problem) -> str:
    return f"{p.file}: {p.message('en')}" if p.file else p.message("en")


# --- words --------------------------------------------------------------------------------

_WORD = re.compile(r"[0-9a-z]+")


def words(text: object) -> tuple[str, ...]:
    """The words of `text`: lowercase, accents removed, split on anything but letters/digits.

    >>> words("Huisartsenpraktijk 'De Linie', Diëtist & BOA's")
    ('huisartsenpraktijk', 'de', 'linie', 'dietist', 'boa', 's')
    """
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return tuple(_WORD.findall(plain))


# --- the model ----------------------------------------------------------------------------


def in_lang(obj: object, name: str, lang: str = "nl") -> str:
    """The `lang` version of a two-language field of the model (``label_nl``/``label_en``).

    The model's own texts (labels, why) come in Dutch and English from its YAML file; the
    catalogue does not hold them.

    >>> role = load_reference().role("huisarts")
    >>> in_lang(role, "label", "nl"), in_lang(role, "label", "en")
    ('huisarts', 'general practitioner')
    """
    return str(getattr(obj, f"{name}_{check_lang(lang)}"))


@dataclass(frozen=True)
class Role:
    """One role a wijk network is expected to have (huisarts, wijkagent, ...)."""

    id: str
    label_nl: str
    label_en: str
    domain: str
    match: tuple[str, ...]
    why_nl: str = ""
    why_en: str = ""
    source: str = ""
    #: Proper names of organisations that play the role (DOCK, Mitros); in an actor's name
    #: they count only when no `match` word (a type word) is found there.
    names: tuple[str, ...] = ()

    def label(self, lang: str = "nl") -> str:
        return in_lang(self, "label", lang)

    def why(self, lang: str = "nl") -> str:
        return in_lang(self, "why", lang)


@dataclass(frozen=True)
class RolePair:
    """Two roles expected to be linked in every wijk where both are present."""

    roles: tuple[str, str]
    why_nl: str = ""
    why_en: str = ""
    source: str = ""

    def why(self, lang: str = "nl") -> str:
        return in_lang(self, "why", lang)


@dataclass(frozen=True)
class Triad:
    """Corner roles expected around every actor of the `hub` role (the Driehoek).

    Each corner has a `hub_kind` relation to the hub, and the corners are tied to each
    other.
    """

    id: str
    label_nl: str
    label_en: str
    hub: str
    hub_kind: str
    roles: tuple[str, ...]
    why_nl: str = ""
    why_en: str = ""
    source: str = ""

    def label(self, lang: str = "nl") -> str:
        return in_lang(self, "label", lang)

    def why(self, lang: str = "nl") -> str:
        return in_lang(self, "why", lang)


@dataclass(frozen=True)
class ReferenceModel:
    """A validated reference model (see `load_reference`)."""

    name: str
    roles: tuple[Role, ...]
    pairs: tuple[RolePair, ...] = ()
    triads: tuple[Triad, ...] = ()
    min_ties: int = DEFAULT_MIN_TIES
    title_nl: str = ""
    title_en: str = ""
    source: str = ""
    path: str = ""
    #: The models this one is built from, base first (itself last).
    parts: tuple[str, ...] = ()

    @property
    def role_ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.roles)

    def role(self, role_id: str) -> Role:
        """The `Role` with id `role_id` (KeyError when there is none)."""
        for r in self.roles:
            if r.id == role_id:
                return r
        raise KeyError(role_id)

    def title(self, lang: str = "nl") -> str:
        return in_lang(self, "title", lang) or self.name

    def to_dict(self, lang: str = "nl") -> dict[str, Any]:
        """JSON-ready summary: name, title (in `lang`, and as the model gives it in Dutch
        and English), source, thresholds and counts; ``path`` is the model file's name only
        (a full path would tell where, and by whom, wijkgraph was run)."""
        return {"name": self.name, "title": self.title(lang), "title_nl": self.title_nl,
                "title_en": self.title_en,
                "source": self.source, "path": Path(self.path).name if self.path else "",
                "min_ties": self.min_ties,
                "parts": list(self.parts or (self.name,)),
                "n_roles": len(self.roles), "n_pairs": len(self.pairs),
                "n_triads": len(self.triads)}


# --- loading ------------------------------------------------------------------------------


def _bundled() -> dict[str, Path]:
    folder = Path(str(resources.files("wijkgraph.reference")))
    return {p.stem: p for p in sorted(folder.glob("*.yaml"))}


def reference_names() -> list[str]:
    """Names of the bundled reference models.

    >>> "utrecht-basis" in reference_names()
    True
    """
    return sorted(_bundled())


def is_no_reference(reference: object) -> bool:
    """True for ``None`` and ``"none"`` (``--reference none``): no reference model.

    >>> is_no_reference("None"), is_no_reference("utrecht-basis")
    (True, False)
    """
    return reference is None or (isinstance(reference, str)
                                 and reference.strip().casefold() == NO_REFERENCE)


def load_reference(reference: str | Path | ReferenceModel = DEFAULT_REFERENCE) -> ReferenceModel:
    """Load a bundled reference model by name, or a user's YAML file by path.

    Parameters
    ----------
    reference : str, Path or ReferenceModel
        ``"utrecht-basis"`` (bundled), a path to a ``.yaml`` file, an already loaded
        model (returned as is), or several of these joined by commas
        (``"wijk-algemeen,mijn-extra.yaml"``), composed left to right with `compose`.

    Returns
    -------
    ReferenceModel

    Raises
    ------
    ReferenceModelError
        Unknown name, unreadable file, or a file with problems (all of them listed, each
        with its line and key and what to do).

    Notes
    -----
    ``"none"`` gives a model without roles: missing parties are then not analysed.
    """
    if isinstance(reference, ReferenceModel):
        return reference
    if not isinstance(reference, Path) and is_no_reference(reference):
        return ReferenceModel(name=NO_REFERENCE, roles=())  # sections that need roles say so
    bundled = _bundled()
    text_ref = str(reference)
    if (not isinstance(reference, Path) and "," in text_ref and text_ref not in bundled
            and not Path(text_ref).is_file()):
        names = [n.strip() for n in text_ref.split(",") if n.strip()]
        return compose(*(load_reference(n) for n in names))
    if not isinstance(reference, Path) and text_ref in bundled:
        path = bundled[text_ref]
        return parse_reference(path.read_text(encoding="utf-8"), file=path.name, path=str(path))
    path = Path(text_ref)
    if not path.is_file():
        raise ReferenceModelError([Problem("problem.reference_unknown", params={
            "name": text_ref, "names": ", ".join(bundled)})])
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReferenceModelError([Problem("problem.reference_unreadable", file=path.name,
                                           params={"reason": type(exc).__name__})]) from None
    return parse_reference(text, file=path.name, path=str(path))


_TOP_KEYS = ("format", "name", "title", "source", "description", "extends", "thresholds",
             "roles", "pairs", "triads")
_ROLE_KEYS = ("id", "label", "domain", "match", "names", "why", "source")
_PAIR_KEYS = ("roles", "why", "source")
_TRIAD_KEYS = ("id", "label", "hub", "hub_kind", "roles", "why", "source")
_THRESHOLD_KEYS = ("min_ties",)


def parse_reference(text: str, *, file: str = "<reference>", path: str = "") -> ReferenceModel:
    """Validate the YAML text of a reference model; raise with every problem found.

    Parameters
    ----------
    text : str
        The YAML document (read safely with `read_yaml`).
    file : str
        Name shown in messages.
    path : str
        Where it was read from (kept on the model).

    Returns
    -------
    ReferenceModel

    Raises
    ------
    ReferenceModelError
    """
    try:
        root, data = read_yaml(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        reason = str(getattr(exc, "problem", "") or type(exc).__name__)
        raise ReferenceModelError([Problem("problem.reference_yaml", file=file,
                                           params={"line": line, "reason": reason})]) from None
    ck = Checker(file, root)
    if not isinstance(data, Mapping):
        ck.add("problem.reference_not_mapping", (), **found(data))
        raise ReferenceModelError(ck.problems)
    ck.keys(data, _TOP_KEYS, ())
    fmt = data.get("format", FORMAT)
    if fmt != FORMAT:
        ck.add("problem.reference_bad_value", ("format",),
               detail=Words(N_("unknown format '{value}'; use '{format}'."),
                            {"value": fmt, "format": FORMAT}))
    name = ck.text(data.get("name"), ("name",)) or Path(file).stem
    title_nl, title_en = ck.bilingual(data.get("title"), ("title",))
    source = ck.text(data.get("source"), ("source",))

    base = _parse_extends(ck, data, path)
    min_ties = base.min_ties if base is not None else DEFAULT_MIN_TIES
    thresholds = data.get("thresholds")
    if thresholds is not None:
        if not isinstance(thresholds, Mapping):
            ck.add("problem.reference_type", ("thresholds",), expected=Words(N_("keys")),
                   **found(thresholds))
        else:
            ck.keys(thresholds, _THRESHOLD_KEYS, ("thresholds",))
            value = thresholds.get("min_ties", DEFAULT_MIN_TIES)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                ck.add("problem.reference_bad_value", ("thresholds", "min_ties"),
                       detail=Words(N_("'{value}' is not a whole number of 0 or more."),
                                    {"value": value}))
            else:
                min_ties = value

    roles = _parse_roles(ck, data, base)
    known = list(dict.fromkeys([*(base.role_ids if base else ()), *(r.id for r in roles)]))
    pairs = _parse_pairs(ck, data, known)
    triads = _parse_triads(ck, data, known)
    if ck.problems:
        raise ReferenceModelError(ck.problems)
    own = ReferenceModel(name=name, roles=tuple(roles), pairs=tuple(pairs),
                         triads=tuple(triads), min_ties=min_ties, title_nl=title_nl,
                         title_en=title_en, source=source, path=path, parts=(name,))
    if base is None:
        return own
    merged = compose(base, own)
    return replace(merged, name=name, min_ties=min_ties, title_nl=title_nl or base.title_nl,
                   title_en=title_en or base.title_en, source=source or base.source, path=path)


def _parse_extends(ck: Checker, data: Mapping[str, Any], path: str) -> ReferenceModel | None:
    """The base model named by ``extends:`` (bundled name, or a file next to this one)."""
    if data.get("extends") is None:
        return None
    names = [ck.text(v, ("extends", j)) for j, v in
             enumerate(ck.listing(data.get("extends"), ("extends",)))]
    bases = []
    for name in (n for n in names if n):
        beside = Path(path).parent / name if path else None
        try:
            bases.append(load_reference(beside if beside is not None and beside.is_file()
                                        else name))
        except ReferenceModelError as exc:
            ck.problems.extend(exc.problems)
    return compose(*bases) if bases else None


def compose(*models: ReferenceModel) -> ReferenceModel:
    """One model made of several, left to right: a later role, pair (same two roles) or
    triad (same id) replaces an earlier one in its place; new ones are added at the end.

    The threshold, title and path are the last model's; `ReferenceModel.parts` lists
    every model it was built from.

    >>> both = compose(load_reference("wijk-algemeen"), load_reference("utrecht-oost"))
    >>> both.parts
    ('wijk-algemeen', 'utrecht-basis', 'utrecht-oost')
    >>> both.role("sociaal-makelaar").names[:1]
    ('DOCK',)
    """
    if not models:
        raise ValueError("compose() needs at least one model")
    if len(models) == 1:
        return models[0]
    roles: dict[str, Role] = {}
    pairs: dict[frozenset[str], RolePair] = {}
    triads: dict[str, Triad] = {}
    parts: dict[str, None] = {}
    for m in models:
        roles.update((r.id, r) for r in m.roles)
        pairs.update((frozenset(p.roles), p) for p in m.pairs)
        triads.update((t.id, t) for t in m.triads)
        parts.update(dict.fromkeys(m.parts or (m.name,)))
    last = models[-1]
    return replace(last, name=",".join(m.name for m in models), roles=tuple(roles.values()),
                   pairs=tuple(pairs.values()), triads=tuple(triads.values()),
                   source="; ".join(dict.fromkeys(m.source for m in models if m.source)),
                   parts=tuple(parts))


def _parse_roles(ck: Checker, data: Mapping[str, Any], base: ReferenceModel | None
                 ) -> list[Role]:
    """The roles of the file; a role whose id the base model has refines it: missing keys
    come from the base, and its `match` and `names` are added to the base's."""
    inherited = {r.id: r for r in base.roles} if base is not None else {}
    if "roles" not in data and base is not None:
        return []
    if "roles" not in data:
        ck.add("problem.reference_missing_key", (), missing="roles",
               hint=Words(N_("List the roles a wijk should have under 'roles:'.")))
        return []
    items = ck.listing(data["roles"], ("roles",))
    if not items and isinstance(data["roles"], list | type(None)) and base is None:
        ck.add("problem.reference_empty", ("roles",),
               hint=Words(N_("Add at least one role with id, label, domain and match.")))
    roles: list[Role] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        path: tuple[Any, ...] = ("roles", i)
        if not isinstance(item, Mapping):
            ck.add("problem.reference_type", path,
                   expected=Words(N_("keys (id, label, domain, match)")), **found(item))
            continue
        ck.keys(item, _ROLE_KEYS, path)
        old = inherited.get(str(item.get("id", "")))
        missing = [k for k in ("id", "domain", "match") if k not in item
                   and (old is None or k == "id")]
        for k in missing:
            ck.add("problem.reference_missing_key", path, missing=k,
                   hint=Words(N_("Every role has id, domain and match.")))
        role_id = ck.text(item.get("id"), (*path, "id"))
        if "id" in item and not re.fullmatch(r"[0-9a-z][0-9a-z_-]*", role_id):
            ck.add("problem.reference_bad_value", (*path, "id"),
                   detail=Words(N_("id '{id}' may only hold lowercase letters, digits, - and _ "
                                   "(for example 'sociaal-makelaar')."), {"id": role_id}))
        if role_id in seen:
            ck.add("problem.reference_duplicate_role", (*path, "id"), id=role_id)
        seen.add(role_id)
        label_nl, label_en = ck.bilingual(item.get("label"), (*path, "label"))
        domain_raw = ck.text(item.get("domain"), (*path, "domain"))
        domain = normalise_domain(domain_raw)[0] if domain_raw else ""
        match: list[str] = []
        for j, word in enumerate(ck.listing(item.get("match"), (*path, "match"))):
            w = ck.text(word, (*path, "match", j))
            if w and not words(w):
                ck.add("problem.reference_bad_value", (*path, "match", j),
                       detail=Words(N_("'{value}' holds no letters or digits."), {"value": w}))
            elif w:
                match.append(w)
        if "match" in item and not match:
            ck.add("problem.reference_empty", (*path, "match"),
                   hint=Words(N_("Give the words that recognise the role in a name or role column.")))
        names = [w for j, n in enumerate(ck.listing(item.get("names"), (*path, "names")))
                 if (w := ck.text(n, (*path, "names", j))) and words(w)]
        why_nl, why_en = ck.bilingual(item.get("why"), (*path, "why"))
        role_source = ck.text(item.get("source"), (*path, "source"))
        if old is not None:
            label_nl, label_en = label_nl or old.label_nl, label_en or old.label_en
            domain, why_nl, why_en = domain or old.domain, why_nl or old.why_nl, why_en or old.why_en
            role_source = role_source or old.source
            match = list(dict.fromkeys([*old.match, *match]))
            names = list(dict.fromkeys([*old.names, *names]))
        roles.append(Role(id=role_id, label_nl=label_nl or role_id, label_en=label_en or role_id,
                          domain=domain, match=tuple(match), why_nl=why_nl, why_en=why_en,
                          source=role_source, names=tuple(names)))
    return roles


def _role_ref(ck: Checker, value: Any, path: tuple[Any, ...], known: list[str]) -> str:
    role_id = ck.text(value, path)
    if role_id and known and role_id not in known:
        close = difflib.get_close_matches(role_id, known, n=1)
        ck.add("problem.reference_unknown_role", path, id=role_id,
               known=", ".join(known), suggestion=close[0] if close else None)
    return role_id


def _parse_pairs(ck: Checker, data: Mapping[str, Any], known: list[str]) -> list[RolePair]:
    out: list[RolePair] = []
    for i, item in enumerate(ck.listing(data.get("pairs"), ("pairs",))):
        path: tuple[Any, ...] = ("pairs", i)
        if not isinstance(item, Mapping):
            ck.add("problem.reference_type", path, expected=Words(N_("keys (roles, why)")),
                   **found(item))
            continue
        ck.keys(item, _PAIR_KEYS, path)
        ids = ck.listing(item.get("roles"), (*path, "roles"))
        if len(ids) != 2:
            ck.add("problem.reference_bad_value", (*path, "roles"),
                   detail=Words(N_("a pair names exactly two roles, not {n}."), {"n": len(ids)}))
            continue
        a = _role_ref(ck, ids[0], (*path, "roles", 0), known)
        b = _role_ref(ck, ids[1], (*path, "roles", 1), known)
        if a == b:
            ck.add("problem.reference_bad_value", (*path, "roles"),
                   detail=Words(N_("a pair names two different roles.")))
        why_nl, why_en = ck.bilingual(item.get("why"), (*path, "why"))
        out.append(RolePair((a, b), why_nl, why_en, ck.text(item.get("source"), (*path, "source"))))
    return out


def _parse_triads(ck: Checker, data: Mapping[str, Any], known: list[str]) -> list[Triad]:
    out: list[Triad] = []
    for i, item in enumerate(ck.listing(data.get("triads"), ("triads",))):
        path: tuple[Any, ...] = ("triads", i)
        if not isinstance(item, Mapping):
            ck.add("problem.reference_type", path, expected=Words(N_("keys (id, hub, roles)")),
                   **found(item))
            continue
        ck.keys(item, _TRIAD_KEYS, path)
        for k in ("id", "hub", "roles"):
            if k not in item:
                ck.add("problem.reference_missing_key", path, missing=k,
                       hint=Words(N_("A triad has id, hub and roles.")))
        triad_id = ck.text(item.get("id"), (*path, "id"))
        hub = _role_ref(ck, item.get("hub"), (*path, "hub"), known)
        kind_raw = ck.text(item.get("hub_kind", "beheer"), (*path, "hub_kind"))
        hub_kind = normalise_kind(kind_raw)[0] if kind_raw else ""
        ids = ck.listing(item.get("roles"), (*path, "roles"))
        if "roles" in item and len(ids) < 2:
            ck.add("problem.reference_bad_value", (*path, "roles"),
                   detail=Words(N_("a triad names at least two corner roles.")))
        corners = tuple(_role_ref(ck, r, (*path, "roles", j), known) for j, r in enumerate(ids))
        if hub and hub in corners:
            ck.add("problem.reference_bad_value", (*path, "roles"),
                   detail=Words(N_("the hub role '{hub}' cannot be a corner."), {"hub": hub}))
        label_nl, label_en = ck.bilingual(item.get("label"), (*path, "label"))
        why_nl, why_en = ck.bilingual(item.get("why"), (*path, "why"))
        out.append(Triad(id=triad_id, label_nl=label_nl or triad_id, label_en=label_en or triad_id,
                         hub=hub, hub_kind=hub_kind, roles=corners, why_nl=why_nl,
                         why_en=why_en, source=ck.text(item.get("source"), (*path, "source"))))
    return out
