"""Matching the names people type to one actor each: "Buurtteams Oost", "buurtteam oost".

Survey respondents write the same organisation in many ways: case, accents, punctuation,
"Stichting" or not, plural or singular, an abbreviation, a small typo. `NameMatcher`
groups the names it is given, in order, into actors. Each name gets a status and a score:

* ``gelijk`` (1.0): the same after normalising (case, accents, punctuation, legal forms,
  plurals), or the same by a user alias;
* ``samengevoegd``: close enough to merge (score >= `merge_at`);
* ``controleren``: similar to an actor (score >= `review_at`) but not enough to be
  sure: it stays its own actor and is listed for review, with the suggestion;
* ``nieuw``: a new actor;
* ``deelnaam``: a short mention whose words all occur in exactly one other actor's name
  ("Bibliotheek" when "Bibliotheek Oost" is the only library): merged into it by
  `NameMatcher.resolve_short_mentions`, which lists the ambiguous ones (words in several
  names) for review without a suggestion, never with a wrong party.

Nothing is dropped: every name the matcher saw is in `NameMatcher.matches()`.

One matcher for the whole tool: the survey import (`NameMatcher`), comparing two waves
(`wijkgraph.analysis.compare`) and the duplicate check of `validate`
(`wijkgraph.model.duplicates`) all score with `key_score` on `normalise_name` keys. Edit
similarity is rapidfuzz's indel ratio (``2 * LCS / total length``, the ratio difflib
approximates) through `ratio` and `ratios_within`; a whole block of names is scored at
once by `rapidfuzz.process.cdist`. ``benchmarks/bench_names.py`` measures the duplicate
check on 3,000 to 200,000 realistic names.

Examples
--------
>>> m = NameMatcher()
>>> [m.add(n).actor for n in ("Buurtteam Oost", "buurtteams oost", "Buurtteam Oots")]
['Buurtteam Oost', 'Buurtteam Oost', 'Buurtteam Oost']
>>> m.add("Stichting Studenten Huisvesting").status, m.add("SSH").status
('nieuw', 'samengevoegd')
>>> r = m.add("Buurtteam Oost Utrecht")
>>> r.status, r.suggestion
('controleren', 'Buurtteam Oost')
>>> m.add("Wijkagent Oost").suggestion  # shares "oost" with "Buurtteam Oost", no more
''
>>> m.add("buurtteam").status, m.resolve_short_mentions()
('controleren', {'buurtteam': 'ambiguous'})
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

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


def fold_words(text: str) -> list[str]:
    """The words of `text`, without accents, case folded, "&" as "en".

    >>> fold_words("Café & Co-op")
    ['cafe', 'en', 'co', 'op']
    """
    text = str(text)
    if text.isascii():  # nothing to decompose (most names): the same words, 5 times faster
        return text.lower().replace("&", " en ").translate(_ASCII_SPACES).split()
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return [w for w in _NOT_WORD.split(plain.replace("&", " en ")) if w]


_NOT_WORD = re.compile(r"[^0-9a-z]+")
#: Every ASCII character but 0-9 and a-z becomes a space (what `_NOT_WORD` splits on).
_ASCII_SPACES = {c: " " for c in range(128) if not re.fullmatch("[0-9a-z]", chr(c))}


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
    return key_of_words(fold_words(text))


def key_of_words(words: list[str]) -> str:
    """`normalise_name` of a name whose `fold_words` are `words` (folded once, used twice).

    >>> key_of_words(fold_words("Stichting Buurtteams Utrecht-Oost"))
    'buurtteam utrecht oost'
    """
    kept = [_WORD_KEYS.get(w) or _word_key(w) for w in words]
    return " ".join([k for k in kept if k is not _FILLER_KEY] or
                    [_singular(ABBREVIATIONS.get(w, w)) for w in words])


_FILLER_KEY = "\x00"  # the key of a filler word ("stichting", "de"): left out
_WORD_KEYS: dict[str, str] = {}


def _word_key(word: str) -> str:
    """The key of one folded word (cached: a city has few distinct words)."""
    word_ = ABBREVIATIONS.get(word, word)
    key = _FILLER_KEY if word_ in FILLER else _singular(word_)
    if len(_WORD_KEYS) < 1_000_000:  # bounded, whatever the input
        _WORD_KEYS[word] = key
    return key


def initials(text: str) -> str:
    """First letters of the words of a name (for abbreviations such as SSH, GGZ).

    >>> initials("Stichting Studenten Huisvesting")
    'ssh'
    """
    return "".join(w[0] for w in fold_words(text) if not w.isdigit())


def is_non_name(text: str) -> bool:
    """True for answers that name nobody: 'n.v.t.', 'geen', '-', 'weet ik niet'.

    >>> [is_non_name(x) for x in ("n.v.t.", "-", "Geen", "DOCK")]
    [True, True, True, False]
    """
    folded = " ".join(fold_words(text))
    return folded in NON_NAMES or folded.replace(" ", "") in NON_NAMES


def ratio(a: str, b: str) -> float:
    """Edit similarity of two keys, 0-1: ``2 * LCS / (len(a) + len(b))`` (indel ratio).

    >>> ratio("buurtteam oost", "buurtteam oots")
    0.9286
    """
    return round(Indel.normalized_similarity(a, b), 4)


def ratios_within(keys: list[str], cutoff: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every pair ``i < j`` of `keys` whose `ratio` is at least `cutoff`, scored at once.

    Returns the arrays ``(i, j, ratio)``; one `rapidfuzz.process.cdist` call scores the
    whole block (uint8 percentages, so a block of 5,000 keys takes 25 MB).

    >>> i, j, r = ratios_within(["dock oost", "dock ost", "buurtteam"], 0.9)
    >>> i.tolist(), j.tolist(), r.tolist()
    ([0], [1], [0.94])
    """
    if len(keys) < 2:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0)
    matrix = process.cdist(keys, keys, scorer=fuzz.ratio, dtype=np.uint8,
                           score_cutoff=int(np.floor(cutoff * 100)))
    i, j = np.nonzero(np.triu(matrix, k=1))
    return i.astype(np.int64), j.astype(np.int64), matrix[i, j] / 100.0


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
    >>> similarity("BO", "Buurtteam Oost"), similarity("Bo", "Buurtteam Oost") < 0.92
    (0.92, True)
    """
    return key_score(normalise_name(a), normalise_name(b), a, b)


def key_score(ka: str, kb: str, a: str, b: str, ratio: float | None = None) -> float:
    """`similarity` of two names `a`, `b` whose keys (`normalise_name`) are `ka`, `kb`.

    `ratio` is their `ratio` (indel similarity of the keys) when the caller already has
    it (a block scored at once); otherwise it is computed.

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
    # two letters are an abbreviation only in capitals: "BO" may be Buurtteam Oost, "Bo" is
    # somebody's first name
    if 2 <= len(s_compact) <= 6 and " " not in short.strip() and s_compact == initials(long_) \
            and len(long_.split()) >= 2 and (len(s_compact) >= 3 or short.strip().isupper()):
        return 0.92
    if ratio is None:
        ratio = Indel.normalized_similarity(ka, kb)
    if re.findall(r"\d+", ka) != re.findall(r"\d+", kb):
        ratio = min(ratio, MERGE_AT - 0.01)
    if min(len(compact_a), len(compact_b)) < 6:
        ratio = min(ratio, MERGE_AT - 0.01)
    wa, wb = set(ka.split()), set(kb.split())
    if wa and wa == wb:  # the same words in another order ("Oost Buurtteam")
        return 0.95
    # one name's words all in the other ("DOCK" in "DOCK Oost"): similar, never certain
    if wa and wb and (wa <= wb or wb <= wa):
        ratio = max(min(ratio, MERGE_AT - 0.01), REVIEW_AT)
    elif wa & wb:
        # shared words do not make two names alike: the words that differ must be alike
        # themselves ("wijkagent oost" is no "wijkcentrum oost", "oots" may be "oost")
        rest_a = " ".join(_stem(w) for w in ka.split() if w not in wb)
        rest_b = " ".join(_stem(w) for w in kb.split() if w not in wa)
        numbers = rest_a.replace(" ", "").isdigit() or rest_b.replace(" ", "").isdigit()
        typo = Indel.distance(rest_a, rest_b) <= max(2, round(0.15 * (len(rest_a)
                                                                      + len(rest_b))))
        if not numbers and Indel.normalized_similarity(rest_a, rest_b) < REVIEW_AT:
            ratio = min(ratio, REVIEW_AT - 0.01)
        elif not numbers and not typo:  # "wijkverpleging" / "wijkoverleg": ask, never merge
            ratio = min(ratio, MERGE_AT - 0.01)
    return round(ratio, 4)


@dataclass(frozen=True)
class Match:
    """How one written name was matched."""

    written: str
    actor: str
    status: str  # gelijk, samengevoegd, controleren, nieuw, alias, deelnaam
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
            best, best_score = self._best(written, key)
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

    def resolve_short_mentions(self, protect: Iterable[str] = ()) -> dict[str, str]:
        """Merge each short mention into the one actor whose name holds all its words.

        A name that became its own actor (``nieuw`` or ``controleren``) and whose words
        all occur in exactly one other actor's name (with more words) is merged into it,
        status ``deelnaam``. When its words occur in several names it stays, status
        ``controleren`` without a suggestion (the user chooses), and so does a mention
        whose only holder is itself in review. A name that another name is reviewed against
        stays as it is, and so do actors in `protect`
        (e.g. respondents' own organisations) are left alone.

        Returns
        -------
        dict
            Written name -> the actor it was merged into, or ``"ambiguous"``.

        >>> m = NameMatcher(["Bibliotheek Oost", "Buurtteam Oost", "Buurtteam Zuid"])
        >>> _ = [m.add(x) for x in ("Bibliotheek", "buurtteams")]
        >>> m.resolve_short_mentions()
        {'Bibliotheek': 'Bibliotheek Oost', 'buurtteams': 'ambiguous'}
        >>> m.add("Bibliotheek").status, m.actors
        ('deelnaam', ['Bibliotheek Oost', 'Buurtteam Oost', 'Buurtteam Zuid', 'buurtteams'])
        """
        protected = set(protect)
        words = {actor: set(key.split()) for actor, key in self._actor_keys.items()}
        # an actor still in review (maybe the same as another) is no target
        doubtful = {m.actor for m in self._seen.values() if m.status == "controleren"}
        anchors = {m.suggestion for m in self._seen.values() if m.suggestion}
        out: dict[str, str] = {}
        for written, match in list(self._seen.items()):
            if match.status not in ("nieuw", "controleren") or match.actor in protected \
                    or match.actor != written:
                continue
            mine = words.get(match.actor)
            if not mine:
                continue
            holders = [a for a, ws in words.items() if a != match.actor and mine < ws
                       and a in self._actor_keys]
            if match.actor in anchors:
                continue
            if any(a in doubtful for a in holders):
                holders += [""] if len(holders) == 1 else []  # doubtful: never merge
            if len(holders) == 1:
                target = holders[0]
                del self._actor_keys[match.actor]
                key = normalise_name(written)
                self._groups[key] = target
                self._seen[written] = Match(written, target, "deelnaam", REVIEW_AT)
                out[written] = target
            elif len(holders) > 1:
                self._seen[written] = Match(written, match.actor, "controleren",
                                            max(match.score, REVIEW_AT), "")
                out[written] = "ambiguous"
        return out

    def _best(self, written: str, key: str) -> tuple[str, float]:
        """The known actor most like `key` and its score ("", 0.0 when none is near)."""
        actors = list(self._actor_keys)
        if not actors:
            return "", 0.0
        keys = list(self._actor_keys.values())
        # one vectorised pass: the indel ratio of `key` against every actor's key
        ratios = process.cdist([key], keys, scorer=fuzz.ratio, dtype=np.uint8)[0] / 100.0
        best, best_score = "", 0.0
        for k in range(len(actors)):
            if ratios[k] < self.review_at and not maybe_abbreviation(key, keys[k]) \
                    and not _words_within(key, keys[k]):
                continue
            score = key_score(key, keys[k], written, actors[k],
                              Indel.normalized_similarity(key, keys[k]))
            if score > best_score:
                best, best_score = actors[k], score
        return best, best_score

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


def _words_within(key: str, other: str) -> bool:
    """Whether the words of one key all occur in the other ("dock" in "dock oost")."""
    wa, wb = set(key.split()), set(other.split())
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def scored_pairs(left: list[str], right: list[str], threshold: float
                 ) -> list[tuple[int, int, float]]:
    """Pairs (i, j) of a name of `left` and one of `right` that `similarity` puts at
    `threshold` or more, with their score; one vectorised pass over the keys, then
    `key_score` on the pairs the edit ratio, a shared set of words or an abbreviation
    leaves in (as `NameMatcher` does).

    >>> scored_pairs(["DOCK Oost", "Buurtteam"], ["Dock oost", "Wijkbureau"], 0.9)
    [(0, 0, 1.0)]
    """
    if not left or not right:
        return []
    lkeys = [normalise_name(x) for x in left]
    rkeys = [normalise_name(x) for x in right]
    ratios = process.cdist(lkeys, rkeys, scorer=fuzz.ratio, dtype=np.uint8) / 100.0
    out = []
    for i, lk in enumerate(lkeys):
        for j, rk in enumerate(rkeys):
            if ratios[i, j] < threshold and not maybe_abbreviation(lk, rk) \
                    and not _words_within(lk, rk) and set(lk.split()) != set(rk.split()):
                continue
            score = key_score(lk, rk, left[i], right[j])
            if score >= threshold:
                out.append((i, j, score))
    return out


def _stem(word: str) -> str:
    """`word` without a plural-like ending, so "vleut" (from Vleuten) meets "vluten"."""
    return word[:-2] if word.endswith("en") and len(word) > 4 else word
