"""Reference models: the roles a wijk network is expected to have, and who should be linked.

A reference model is a YAML file (format: ``docs/reference-models.md``) listing **roles**
(huisarts, wijkagent, buurtteam, ...) with the words that recognise them in an actor's
``role`` or ``name``, the **pairs** of roles expected to work together, and **triads**
such as the Driehoek of every buurtcentrum. wijkgraph ships ``utrecht-basis``, built from
the seed documents; users pass their own file with ``--reference FILE``.

Examples
--------
>>> model = load_reference("utrecht-basis")
>>> model.role("huisarts").domain
'zorg'
>>> "wijkagent" in model.role_ids
True
>>> model.triads[0].roles
('stadsbedrijven', 'sociaal-makelaar', 'beheergroep')
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
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from wijkgraph.errors import Problem, WijkgraphError, Words
from wijkgraph.i18n import MESSAGES, N_, check_lang, register
from wijkgraph.model.schema import normalise_domain, normalise_kind

FORMAT = "wijkgraph-reference/1"
DEFAULT_REFERENCE = "utrecht-basis"
DEFAULT_MIN_TIES = 3

__all__ = [
    "DEFAULT_REFERENCE",
    "ReferenceModel",
    "ReferenceModelError",
    "Role",
    "RolePair",
    "Triad",
    "in_lang",
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

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready summary: name, title, source, thresholds and counts."""
        return {"name": self.name, "title_nl": self.title_nl, "title_en": self.title_en,
                "source": self.source, "path": self.path, "min_ties": self.min_ties,
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


def load_reference(reference: str | Path | ReferenceModel = DEFAULT_REFERENCE) -> ReferenceModel:
    """Load a bundled reference model by name, or a user's YAML file by path.

    Parameters
    ----------
    reference : str, Path or ReferenceModel
        ``"utrecht-basis"`` (bundled), a path to a ``.yaml`` file, or an already loaded
        model (returned as is).

    Returns
    -------
    ReferenceModel

    Raises
    ------
    ReferenceModelError
        Unknown name, unreadable file, or a file with problems (all of them listed, each
        with its line and key and what to do).
    """
    if isinstance(reference, ReferenceModel):
        return reference
    bundled = _bundled()
    text_ref = str(reference)
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


_TOP_KEYS = ("format", "name", "title", "source", "description", "thresholds", "roles",
             "pairs", "triads")
_ROLE_KEYS = ("id", "label", "domain", "match", "why", "source")
_PAIR_KEYS = ("roles", "why", "source")
_TRIAD_KEYS = ("id", "label", "hub", "hub_kind", "roles", "why", "source")
_THRESHOLD_KEYS = ("min_ties",)


class _Checker:
    """Walks the parsed YAML next to its node tree, so every problem has a line number."""

    def __init__(self, file: str, root: yaml.Node | None) -> None:
        self.file = file
        self.root = root
        self.problems: list[Problem] = []

    def line(self, path: tuple[Any, ...]) -> int:
        node = self.root
        best = node.start_mark.line + 1 if node is not None else 1
        for step in path:
            child = None
            if isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    if k.value == step:
                        child = v
                        break
            elif (isinstance(node, yaml.SequenceNode) and isinstance(step, int)
                  and 0 <= step < len(node.value)):
                child = node.value[step]
            if child is None:
                break
            node = child
            best = node.start_mark.line + 1
        return best

    def add(self, code: str, path: tuple[Any, ...], **params: Any) -> None:
        params.setdefault("key", _keypath(path))
        params.setdefault("line", self.line(path))
        self.problems.append(Problem(code, file=self.file, params=params))

    def keys(self, data: Mapping[str, Any], allowed: tuple[str, ...], path: tuple[Any, ...]) -> None:
        for key in data:
            if key not in allowed:
                close = difflib.get_close_matches(str(key), allowed, n=1)
                self.add("problem.reference_unknown_key", (*path, key), key=_keypath((*path, key)),
                         allowed=", ".join(allowed), suggestion=close[0] if close else None)

    def text(self, value: Any, path: tuple[Any, ...], *, required: bool = True) -> str:
        if value is None:
            return ""
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.add("problem.reference_type", path, expected=Words(N_("text")),
                     **_found(value))
            return ""
        return str(value).strip()

    def bilingual(self, value: Any, path: tuple[Any, ...]) -> tuple[str, str]:
        """A text, or a mapping with `nl` and `en`; missing English falls back to Dutch."""
        if isinstance(value, Mapping):
            self.keys(value, ("nl", "en"), path)
            nl = self.text(value.get("nl"), (*path, "nl"))
            en = self.text(value.get("en"), (*path, "en"))
            return nl or en, en or nl
        text = self.text(value, path)
        return text, text

    def listing(self, value: Any, path: tuple[Any, ...]) -> list[Any]:
        if value is None:
            return []
        if isinstance(value, str):
            return [value]
        if not isinstance(value, list):
            self.add("problem.reference_type", path, expected=Words(N_("a list")),
                     **_found(value))
            return []
        return value


def _keypath(path: tuple[Any, ...]) -> str:
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out or "/"


def _found(value: Any) -> dict[str, Words | str]:
    """What was found instead (for `problem.reference_type`): words, or the value quoted."""
    if isinstance(value, Mapping):
        return {"found": Words(N_("keys"))}
    if isinstance(value, list):
        return {"found": Words(N_("a list"))}
    if value is None:
        return {"found": Words(N_("nothing"))}
    return {"found": f"'{value}'"}


def parse_reference(text: str, *, file: str = "<reference>", path: str = "") -> ReferenceModel:
    """Validate the YAML text of a reference model; raise with every problem found.

    Parameters
    ----------
    text : str
        The YAML document (read with ``yaml.safe_load``).
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
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        reason = str(getattr(exc, "problem", "") or type(exc).__name__)
        raise ReferenceModelError([Problem("problem.reference_yaml", file=file,
                                           params={"line": line, "reason": reason})]) from None
    ck = _Checker(file, root)
    if not isinstance(data, Mapping):
        ck.add("problem.reference_not_mapping", (), **_found(data))
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

    min_ties = DEFAULT_MIN_TIES
    thresholds = data.get("thresholds")
    if thresholds is not None:
        if not isinstance(thresholds, Mapping):
            ck.add("problem.reference_type", ("thresholds",), expected=Words(N_("keys")),
                   **_found(thresholds))
        else:
            ck.keys(thresholds, _THRESHOLD_KEYS, ("thresholds",))
            value = thresholds.get("min_ties", DEFAULT_MIN_TIES)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                ck.add("problem.reference_bad_value", ("thresholds", "min_ties"),
                       detail=Words(N_("'{value}' is not a whole number of 0 or more."),
                                    {"value": value}))
            else:
                min_ties = value

    roles = _parse_roles(ck, data)
    known = [r.id for r in roles]
    pairs = _parse_pairs(ck, data, known)
    triads = _parse_triads(ck, data, known)
    if ck.problems:
        raise ReferenceModelError(ck.problems)
    return ReferenceModel(name=name, roles=tuple(roles), pairs=tuple(pairs),
                          triads=tuple(triads), min_ties=min_ties, title_nl=title_nl,
                          title_en=title_en, source=source, path=path)


def _parse_roles(ck: _Checker, data: Mapping[str, Any]) -> list[Role]:
    if "roles" not in data:
        ck.add("problem.reference_missing_key", (), missing="roles",
               hint=Words(N_("List the roles a wijk should have under 'roles:'.")))
        return []
    items = ck.listing(data["roles"], ("roles",))
    if not items and isinstance(data["roles"], list | type(None)):
        ck.add("problem.reference_empty", ("roles",),
               hint=Words(N_("Add at least one role with id, label, domain and match.")))
    roles: list[Role] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        path: tuple[Any, ...] = ("roles", i)
        if not isinstance(item, Mapping):
            ck.add("problem.reference_type", path,
                   expected=Words(N_("keys (id, label, domain, match)")), **_found(item))
            continue
        ck.keys(item, _ROLE_KEYS, path)
        missing = [k for k in ("id", "domain", "match") if k not in item]
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
        why_nl, why_en = ck.bilingual(item.get("why"), (*path, "why"))
        roles.append(Role(id=role_id, label_nl=label_nl or role_id, label_en=label_en or role_id,
                          domain=domain, match=tuple(match), why_nl=why_nl, why_en=why_en,
                          source=ck.text(item.get("source"), (*path, "source"))))
    return roles


def _role_ref(ck: _Checker, value: Any, path: tuple[Any, ...], known: list[str]) -> str:
    role_id = ck.text(value, path)
    if role_id and known and role_id not in known:
        close = difflib.get_close_matches(role_id, known, n=1)
        ck.add("problem.reference_unknown_role", path, id=role_id,
               known=", ".join(known), suggestion=close[0] if close else None)
    return role_id


def _parse_pairs(ck: _Checker, data: Mapping[str, Any], known: list[str]) -> list[RolePair]:
    out: list[RolePair] = []
    for i, item in enumerate(ck.listing(data.get("pairs"), ("pairs",))):
        path: tuple[Any, ...] = ("pairs", i)
        if not isinstance(item, Mapping):
            ck.add("problem.reference_type", path, expected=Words(N_("keys (roles, why)")),
                   **_found(item))
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


def _parse_triads(ck: _Checker, data: Mapping[str, Any], known: list[str]) -> list[Triad]:
    out: list[Triad] = []
    for i, item in enumerate(ck.listing(data.get("triads"), ("triads",))):
        path: tuple[Any, ...] = ("triads", i)
        if not isinstance(item, Mapping):
            ck.add("problem.reference_type", path, expected=Words(N_("keys (id, hub, roles)")),
                   **_found(item))
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
