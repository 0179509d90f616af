"""Matching the names people type to one actor each: "Buurtteams Oost", "buurtteam oost".

Survey respondents write the same organisation in many ways: case, accents, punctuation,
"Stichting" or not, plural or singular, an abbreviation, a small typo. `NameMatcher`
groups the names it is given, in order, into actors. Each name gets a status and a score:

* ``gelijk`` (1.0): the same after normalising (case, accents, punctuation, legal forms,
  plurals), or the same by a user alias;
* ``samengevoegd``: close enough to merge (score >= `merge_at`);
* ``controleren``: similar to an actor (score >= `review_at`) but not enough to be
  sure: it stays its own actor and is listed for review, with the suggestion;
* ``nieuw``: a new actor.

Nothing is dropped: every name the matcher saw is in `NameMatcher.matches()`.

Why difflib and not rapidfuzz: names are short and a survey has tens to a few hundred
distinct names; `difflib.SequenceMatcher` with a `real_quick_ratio` pre-filter matches
500 distinct names in about a second even when they all look alike (measured in
``tests/io/test_survey.py``), and the normalisation below matters far more than the
edit-distance flavour.

Examples
--------
>>> m = NameMatcher()
>>> [m.add(n).actor for n in ("Buurtteam Oost", "buurtteams oost", "Buurtteam Oots")]
['Buurtteam Oost', 'Buurtteam Oost', 'Buurtteam Oost']
>>> m.add("Stichting Studenten Huisvesting").status, m.add("SSH").status
('nieuw', 'samengevoegd')
>>> r = m.add("Buurtteam Noord")
>>> r.status, r.suggestion
('controleren', 'Buurtteam Oost')
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

MERGE_AT = 0.9
REVIEW_AT = 0.75

# Words that do not tell organisations apart.
FILLER = frozenset({"stichting", "st", "de", "het", "een", "van", "vd", "bv", "nv", "vof",
                    "vzw", "the", "team", "organisatie"})
# Abbreviations people write for the same word (after folding).
ABBREVIATIONS = {
    "gem": "gemeente", "gemeentelijk": "gemeente", "bt": "buurtteam",
    "wijkbureaus": "wijkbureau", "ha": "huisarts", "poh": "praktijkondersteuner",
    "jgz": "jeugdgezondheidszorg", "corp": "corporatie", "woco": "woningcorporatie",
    "wooncorporatie": "woningcorporatie", "woningbouwcorporatie": "woningcorporatie",
    "ggd": "ggd", "boa": "boa", "wijkagenten": "wijkagent",
}
# Answers that are not a name of anyone.
NON_NAMES = frozenset({"", "nvt", "geen", "niemand", "nee", "weetniet", "weet ik niet",
                       "onbekend", "idem", "zie boven", "etc", "enz", "enzovoort", "alle",
                       "iedereen", "diversen", "overig", "overige", "anders", "none", "na",
                       "x", "nobody", "no", "unknown", "geenidee", "geen idee"})


def _fold_words(text: str) -> list[str]:
    decomposed = unicodedata.normalize("NFKD", str(text))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    plain = plain.replace("&", " en ")
    return [w for w in re.split(r"[^0-9a-z]+", plain) if w]


def _singular(word: str) -> str:
    if word.isdigit() or len(word) <= 3:
        return word
    if word.endswith("'s"):
        return word[:-2]
    if word.endswith("en") and len(word) > 6:
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is", "ts")) and len(word) > 4:
        return word[:-1]
    return word


def normalise_name(text: str) -> str:
    """The matching key of a name: folded, no filler words, abbreviations expanded, singular.

    >>> normalise_name("Stichting Buurtteams Utrecht-Oost")
    'buurtteam utrecht oost'
    >>> normalise_name("Diëtisten") == normalise_name("dietist")
    True
    >>> normalise_name("Wij 3.0")
    'wij 3 0'
    """
    words = [ABBREVIATIONS.get(w, w) for w in _fold_words(text)]
    kept = [_singular(w) for w in words if w not in FILLER]
    return " ".join(kept or [_singular(w) for w in words])


def initials(text: str) -> str:
    """First letters of the words of a name (for abbreviations such as SSH, GGZ).

    >>> initials("Stichting Studenten Huisvesting")
    'ssh'
    """
    return "".join(w[0] for w in _fold_words(text) if not w.isdigit())


def is_non_name(text: str) -> bool:
    """True for answers that name nobody: 'n.v.t.', 'geen', '-', 'weet ik niet'.

    >>> [is_non_name(x) for x in ("n.v.t.", "-", "Geen", "DOCK")]
    [True, True, True, False]
    """
    folded = " ".join(_fold_words(text))
    return folded in NON_NAMES or folded.replace(" ", "") in NON_NAMES


def similarity(a: str, b: str) -> float:
    """How alike two names are, 0-1, after normalising; abbreviations count as 0.92.

    Names whose numbers differ ("Wij 2.0", "Wij 3.0") never score above the review level,
    and short names (under 6 letters) must be equal to be merged.

    >>> similarity("Buurtteams Oost", "buurtteam oost")
    1.0
    >>> round(similarity("Buurtteam Oost", "Buurtteam Oots"), 2)
    0.93
    >>> similarity("SSH", "Stichting Studenten Huisvesting")
    0.92
    """
    return key_score(normalise_name(a), normalise_name(b), a, b)


def key_score(ka: str, kb: str, a: str, b: str, ratio: float | None = None) -> float:
    """`similarity` of two names `a`, `b` whose keys (`normalise_name`) are `ka`, `kb`.

    `ratio` is their `difflib.SequenceMatcher` ratio when the caller already has it (a
    matcher reused over many pairs); otherwise it is computed.

    >>> key_score("dock", "dock", "DOCK", "Dock")
    1.0
    >>> key_score("ssh", "stichting studenten huisvesting", "SSH", "Stichting Studenten Huisvesting")
    0.92
    """
    if ka == kb:
        return 1.0
    compact_a, compact_b = ka.replace(" ", ""), kb.replace(" ", "")
    if compact_a == compact_b:
        return 0.98
    short, long_ = (a, b) if len(compact_a) <= len(compact_b) else (b, a)
    s_compact = min(compact_a, compact_b, key=len)
    if 2 <= len(s_compact) <= 6 and " " not in short.strip() and s_compact == initials(long_) \
            and len(long_.split()) >= 2:
        return 0.92
    if ratio is None:
        ratio = difflib.SequenceMatcher(None, ka, kb, autojunk=False).ratio()
    if re.findall(r"\d+", ka) != re.findall(r"\d+", kb):
        ratio = min(ratio, MERGE_AT - 0.01)
    if min(len(compact_a), len(compact_b)) < 6:
        ratio = min(ratio, MERGE_AT - 0.01)
    # one name's words all in the other ("DOCK" in "DOCK Oost"): similar, never certain
    wa, wb = set(ka.split()), set(kb.split())
    if wa and wb and (wa <= wb or wb <= wa):
        ratio = max(min(ratio, MERGE_AT - 0.01), REVIEW_AT)
    return round(ratio, 4)


@dataclass(frozen=True)
class Match:
    """How one written name was matched."""

    written: str
    actor: str
    status: str  # gelijk, samengevoegd, controleren, nieuw, alias
    score: float
    suggestion: str = ""


class NameMatcher:
    """Groups names into actors, in the order they are added (see module docstring).

    Parameters
    ----------
    known : iterable of str, optional
        Names of actors that exist already (e.g. respondents' own organisations); they
        are the first groups, in this order.
    aliases : mapping, optional
        Written name -> actor name, from the user's corrected review sheet. Matched on the
        normalised key, so case and accents do not matter. An alias to the name itself
        keeps a name separate.
    merge_at, review_at : float
        Score thresholds for merging and for listing a name for review.
    """

    def __init__(self, known: Iterable[str] = (), *, aliases: Mapping[str, str] | None = None,
                 merge_at: float = MERGE_AT, review_at: float = REVIEW_AT) -> None:
        self.merge_at = merge_at
        self.review_at = review_at
        self.aliases = {normalise_name(k): str(v).strip() for k, v in (aliases or {}).items()
                        if str(v).strip()}
        self._groups: dict[str, str] = {}  # key -> actor name
        self._actor_keys: dict[str, str] = {}  # actor name -> its key
        self._seen: dict[str, Match] = {}
        self._counts: Counter[str] = Counter()
        for name in known:
            self.add(name)

    @property
    def actors(self) -> list[str]:
        """The actor names, in the order they were created."""
        return list(self._actor_keys)

    def _new(self, name: str, key: str) -> str:
        actor = name
        n = 2
        while actor in self._actor_keys:
            actor = f"{name} ({n})"
            n += 1
        self._actor_keys[actor] = key
        self._groups.setdefault(key, actor)
        return actor

    def add(self, written: str) -> Match:
        """Match one written name; the same written text always gets the same answer."""
        written = " ".join(str(written).split())
        self._counts[written] += 1
        if written in self._seen:
            return self._seen[written]
        key = normalise_name(written)
        if key in self.aliases:
            target = self.aliases[key]
            tkey = normalise_name(target)
            actor = self._groups.get(tkey) if target not in self._actor_keys else target
            if actor is None:
                actor = self._new(target, tkey)
            self._groups.setdefault(key, actor)
            match = Match(written, actor, "alias", 1.0)
        elif key in self._groups:
            match = Match(written, self._groups[key], "gelijk", 1.0)
        else:
            best, best_score = "", 0.0
            sm = difflib.SequenceMatcher(None, autojunk=False)
            sm.set_seq2(key)  # difflib caches the second sequence: set it once
            for actor, akey in self._actor_keys.items():
                sm.set_seq1(akey)
                if (sm.real_quick_ratio() < self.review_at or sm.quick_ratio() < self.review_at) \
                        and not maybe_abbreviation(key, akey):
                    continue
                score = key_score(key, akey, written, actor, sm.ratio())
                if score > best_score:
                    best, best_score = actor, score
            if best_score >= self.merge_at:
                self._groups[key] = best
                match = Match(written, best, "samengevoegd", best_score)
            elif best_score >= self.review_at:
                actor = self._new(written, key)
                match = Match(written, actor, "controleren", best_score, best)
            else:
                actor = self._new(written, key)
                match = Match(written, actor, "nieuw", round(best_score, 4), "")
        self._seen[written] = match
        return match

    def matches(self) -> pd.DataFrame:
        """Every written name: ``genoemd``, ``aantal``, ``actor``, ``status``, ``score``,
        ``voorstel`` (the suggested actor for names to review)."""
        rows = [(m.written, self._counts[m.written], m.actor, m.status, m.score, m.suggestion)
                for m in self._seen.values()]
        return pd.DataFrame(rows, columns=["genoemd", "aantal", "actor", "status", "score",
                                           "voorstel"])


def maybe_abbreviation(key: str, other: str) -> bool:
    """Whether either of two name keys is one short word (2-6 letters), as an abbreviation.

    Such pairs are scored even when a quick ratio says they differ ("ssh" and "stichting
    studenten huisvesting").

    >>> maybe_abbreviation("ssh", "stichting studenten huisvesting"), maybe_abbreviation(
    ...     "buurtteam oost", "wijkbureau oost")
    (True, False)
    """
    compact = key.replace(" ", "")
    return (2 <= len(compact) <= 6 and " " not in key) or (
        2 <= len(other.replace(" ", "")) <= 6 and " " not in other)
