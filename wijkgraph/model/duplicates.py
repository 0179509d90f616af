"""Actors typed twice: "Gezondheidscentrum X" and "Gezondheids centrum X" are one party.

`likely_duplicates` finds pairs of actor names that probably mean the same party, with the
one name matcher of `wijkgraph.model.names` (its keys and `key_score`), in time and memory
that grow with the number of names whatever they are (200,000 names: seconds, a few
hundred MB; ``benchmarks/bench_names.py``):

* **exact blocks** (one dictionary pass each): the same key after normalising (case,
  accents, punctuation, plural, "Stichting"; score 1.0), the same letters without spaces
  (0.98), the same words in another order (0.95), an abbreviation of the other's initials
  (0.92), and one name being the other plus an area name ("Bibliotheek" and "Bibliotheek
  Oost"; 0.85): only when the shorter name has no area of its own, so "Buurtteam Oost"
  and "Buurtteam Zuid" are not a pair;
* **typos**: names with the same numbers and the same words but one form a group; a
  group's keys are scored at once (`rapidfuzz.process.cdist`; a large group in sorted
  windows) and a pair is kept when `key_score` reaches `wijkgraph.model.names.MERGE_AT`
  (where the survey import merges). Names whose numbers differ ("Wij 2.0", "Wij 3.0"), or
  that name different areas ("... Noordoost", "... Noordwest"), never pass.

Bounds (the few pairs they can drop are listed in ``benchmarks/bench_names.py``): a name
is paired with at most `GROUP_PARTNERS` names of one exact group and `MAX_PARTNERS` names
it may abbreviate or extend, and compared in detail with at most `MAX_CHECKS` near keys.

`duplicate_warnings` turns the pairs into warnings naming both rows (validation calls it);
an aliases table (`wijkgraph.io.aliases`, merged by `merge_aliases`) settles them.

Examples
--------
>>> pairs = likely_duplicates(["Gezondheidscentrum Lunetten", "Huisarts Jansen",
...                            "Gezondheids centrum Lunetten", "Oost Buurtteam", "Buurtteam Oost"])
>>> [(p.first, p.second, p.score, p.reason) for p in pairs]
[(0, 2, 0.98, 'spacing'), (3, 4, 0.95, 'order')]
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from wijkgraph.errors import Problem, ValidationError, Words
from wijkgraph.i18n import MESSAGES, N_, register, translator
from wijkgraph.model.names import (
    MERGE_AT,
    fold_words,
    key_of_words,
    key_score,
    normalise_name,
)

if "problem.likely_duplicate" not in MESSAGES:
    register({
        "problem.likely_duplicate": N_(
            "'{name}' is probably the same party as '{other}' in row {other_row} (score "
            "{score}). Merge them in one row, or list the one as the other in an aliases "
            "sheet ('naam', 'zelfde als'); list a name as itself to keep both."),
        "problem.likely_duplicate_more": N_(
            "... and {more} of names that are probably the same party, not listed one by "
            "one. Look in the actors list for names written in several ways; an aliases "
            "sheet ('naam', 'zelfde als') settles them."),
        "problem.alias_unknown_actor": N_(
            "'{name}' is not an actor in the input; an alias must name two actors of the "
            "actors table (or one, twice, to keep it apart)."),
    })

#: Score of a pair that differs only by an area name ("Bibliotheek" / "Bibliotheek Oost").
AREA_SCORE = 0.85
#: A name is paired with at most this many names of one exact group (the group's first):
#: 3,000 ways of writing "Bibliotheek" give 3,000 * 5 pairs, not 3,000 * 2,999 / 2.
GROUP_PARTNERS = 5
#: An abbreviation, a name without its area, or a key with a typo is paired with at most
#: this many names it may stand for (the first ones).
MAX_PARTNERS = 25
#: A typo group of at most this many keys is scored whole (one `cdist`, at most 256 kB);
#: a larger one in sorted windows (`WINDOW`), so time and memory grow with the names.
BLOCK_CAP = 512
#: In a large group, each key is scored against the `WINDOW` keys after it in each order.
WINDOW = 16
#: A group with at most this many pairs is scored pair by pair (a call costs more).
SMALL_GROUP = 10
#: A name with more words is entered in the groups of its first `ROTATIONS` words only.
ROTATIONS = 6
#: A key is compared in detail (`key_score`) with at most this many near keys.
MAX_CHECKS = 16
#: At most this many likely duplicate pairs are warned about one by one (the best scores
#: first); the rest are counted in one warning (200,000 ways of writing one name would
#: otherwise give a million lines).
MAX_LISTED = 100

_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class Score(Words):
    """A score in a message, written the way the reader's language writes numbers.

    >>> Score("0.98").text("nl"), Score("0.98").text("en")
    ('0,98', '0.98')
    """

    def text(self, lang: str = "nl") -> str:
        return translator(lang).number(float(self.msgid), 2)


@dataclass(frozen=True)
class MorePairs(Words):
    """How many more pairs there are (`msgid` holds the number), in the reader's language.

    >>> MorePairs("12345").text("en"), MorePairs("1").text("en")
    ('12,345 more pairs', '1 more pair')
    """

    def text(self, lang: str = "nl") -> str:
        return translator(lang).count(int(self.msgid), "{n} more pair", "{n} more pairs")


def warning_order(problem: Problem) -> tuple[str, bool, int]:
    """How warnings are sorted: by file and row; the count of pairs not listed one by one
    comes after the file's other warnings."""
    return (problem.file or "", problem.code == "problem.likely_duplicate_more",
            problem.row or 0)


@dataclass(frozen=True)
class Duplicate:
    """Two positions in the list of names that probably mean one party."""

    first: int
    second: int
    score: float
    reason: str  # same, spacing, order, abbreviation, area, typo


def _area_words(areas: Iterable[str]) -> frozenset[str]:
    words: set[str] = set()
    for area in areas:
        words.update(normalise_name(area).split())
    return frozenset(words)


def likely_duplicates(names: Sequence[str], *, areas: Iterable[str] = (),
                      threshold: float = MERGE_AT,
                      keep_apart: Iterable[str] = ()) -> list[Duplicate]:
    """Pairs of `names` that probably mean the same party, best first then by position.

    Parameters
    ----------
    names : sequence of str
        Actor names (positions are reported).
    areas : iterable of str
        Area names (buurten, wijken); a name that is another plus one of these is a pair.
    threshold : float
        Typos are reported from this `key_score` on.
    keep_apart : iterable of str
        Names the user said are their own party (an alias to itself): never reported.

    Returns
    -------
    list of Duplicate
        Each pair once (``first < second``).

    >>> [(d.first, d.second, d.reason) for d in likely_duplicates(
    ...     ["Bibliotheek", "Bibliotheek Oost", "Buurtteam Oost", "Buurtteam Zuid", "SSH",
    ...      "Stichting Studenten Huisvesting", "Wij 2.0", "Wij 3.0"], areas=["Oost", "Zuid"])]
    [(4, 5, 'abbreviation'), (0, 1, 'area')]
    """
    apart = {normalise_name(n) for n in keep_apart}
    folded = [fold_words(n) for n in names]
    keys = [key_of_words(ws) for ws in folded]
    area_words = _area_words(areas)
    found: dict[tuple[int, int], tuple[float, str]] = {}

    def note(i: int, j: int, score: float, reason: str) -> None:
        pair = (min(i, j), max(i, j))
        if i == j or keys[i] in apart or keys[j] in apart:
            return
        if pair not in found or found[pair][0] < score:
            found[pair] = (score, reason)

    _exact(keys, 1.0, "same", note)
    _exact([k.replace(" ", "") for k in keys], 0.98, "spacing", note)
    _exact(["".join(ws) for ws in folded], 0.98, "spacing", note)
    _exact([" ".join(sorted(k.split())) if " " in k else "" for k in keys], 0.95, "order",
           note)
    _abbreviations(names, keys, folded, note)
    if area_words:
        _area_pairs(keys, area_words, note)
    _typos(names, keys, threshold, note, area_words)
    pairs = [Duplicate(i, j, round(s, 4), r) for (i, j), (s, r) in found.items()]
    return sorted(pairs, key=lambda d: (-d.score, d.first, d.second))


def _exact(block_keys: list[str], score: float, reason: str, note: Any) -> None:
    """Pair the names with the same (non-empty) block key: each with the group's first
    `GROUP_PARTNERS` (all pairs in a group of up to ``GROUP_PARTNERS + 1``)."""
    codes, _once = pd.factorize(np.fromiter(block_keys, dtype=object, count=len(block_keys)),
                                sort=False)
    shared = np.flatnonzero(np.bincount(codes)[codes] > 1) if len(codes) else codes
    groups: dict[str, list[int]] = defaultdict(list)
    for i in shared.tolist():  # only keys that occur more than once (found in C)
        k = block_keys[i]
        if k:
            groups[k].append(i)
    for members in groups.values():
        for p in range(1, len(members)):
            for q in range(min(p, GROUP_PARTNERS)):
                note(members[q], members[p], score, reason)


def _abbreviations(names: Sequence[str], keys: list[str], folded: list[list[str]],
                   note: Any) -> None:
    by_initials: dict[str, list[int]] = defaultdict(list)
    for i, ws in enumerate(folded):
        if len(str(names[i]).split()) >= 2:
            by_initials["".join(w[0] for w in ws if not w.isdigit())].append(i)
    for i, key in enumerate(keys):
        compact = key.replace(" ", "")
        if " " in key or not 2 <= len(compact) <= 6:
            continue
        for j in by_initials.get(compact, ())[:MAX_PARTNERS]:
            if key_score(key, keys[j], names[i], names[j]) >= MERGE_AT:
                note(i, j, 0.92, "abbreviation")


def _area_pairs(keys: list[str], area_words: frozenset[str], note: Any) -> None:
    plain: dict[str, list[int]] = defaultdict(list)
    with_area: list[tuple[int, str]] = []
    for i, key in enumerate(keys):
        words = key.split()
        rest = [w for w in words if w not in area_words]
        if not rest:
            continue
        if len(rest) == len(words):
            plain[key].append(i)
        else:
            with_area.append((i, " ".join(rest)))
    for i, remainder in with_area:
        for j in plain.get(remainder, [])[:MAX_PARTNERS]:
            note(i, j, AREA_SCORE, "area")


def _typos(names: Sequence[str], keys: list[str], threshold: float, note: Any,
           area_words: frozenset[str] = frozenset()) -> None:
    """Pairs of distinct keys with the same numbers and the same words but one, alike.

    A typo pair shares every word but the one with the typo ("buurtteam oost" and
    "buurtteam oots"), so each distinct key is entered once per word (up to `ROTATIONS`)
    in the group of its *other* words. A group is scored whole (`_group_pairs`), or in
    sorted windows when large; a key is checked in detail (`key_score`) against at most
    `MAX_CHECKS` near keys. Time and memory grow with the number of names, whatever
    they are.
    """
    members: dict[str, list[int]] = defaultdict(list)  # distinct key -> its names
    for i, k in enumerate(keys):
        members[k].append(i)
    ukeys = list(members)
    groups: dict[tuple[str, str], list[tuple[str, int]]] = defaultdict(list)
    for u, k in enumerate(ukeys):
        split = k.split()
        # names whose numbers differ never pass (`key_score`): the numbers are in the group
        num = " ".join(_DIGITS.findall(k))
        ws = sorted({w for w in split if not w.isdigit()}) or sorted(set(split))
        for x in ws[:ROTATIONS]:
            groups[num, " ".join([w for w in ws if w != x])].append((x, u))
    cutoff = int(np.floor(threshold * 100))
    seen: set[tuple[int, int]] = set()
    checks = np.zeros(len(ukeys), dtype=np.int32)
    for group in groups.values():
        if len(group) < 2:
            continue
        for firsts, seconds in _group_pairs(group, ukeys, cutoff, area_words):
            # keys checked MAX_CHECKS times already are dropped at once (a group of
            # 100,000 near keys would otherwise give millions of candidate pairs)
            free = (checks[firsts] < MAX_CHECKS) & (checks[seconds] < MAX_CHECKS)
            for a, b in zip(firsts[free].tolist(), seconds[free].tolist(), strict=True):
                pair = (min(a, b), max(a, b))
                if pair in seen or checks[a] >= MAX_CHECKS or checks[b] >= MAX_CHECKS:
                    continue
                seen.add(pair)
                checks[a] += 1
                checks[b] += 1
                _check_names(a, b, ukeys, members, names, keys, threshold, note)


def _check_names(a: int, b: int, ukeys: list[str], members: dict[str, list[int]],
                 names: Sequence[str], keys: list[str], threshold: float, note: Any) -> None:
    """Score the names of keys `a` and `b` in detail; note the pairs that pass."""
    ma, mb = members[ukeys[a]], members[ukeys[b]]
    if len(ma) * len(mb) <= MAX_PARTNERS:  # the names of the two keys: all pairs,
        named = [(i, j) for i in ma for j in mb]
    else:  # or each with the other key's first name
        named = [(ma[0], j) for j in mb[:MAX_PARTNERS]] + [
            (i, mb[0]) for i in ma[1:MAX_PARTNERS]]
    for i, j in named:
        score = key_score(keys[i], keys[j], names[i], names[j])
        if score >= threshold:
            note(i, j, score, "typo")


def _group_pairs(group: list[tuple[str, int]], ukeys: list[str], cutoff: int,
                 area_words: frozenset[str] = frozenset()
                 ) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Pairs of keys in `group` (``(differing word, key index)``) whose indel ratio, in
    percent, reaches `cutoff`, unless both differing words are area names ("Buurtteam
    Noordoost", "Buurtteam Noordwest": other areas, other parties), as arrays of the first
    and second key of each pair, a chunk at a time (memory stays small).

    A small group is scored pair by pair, one of up to `BLOCK_CAP` keys by one
    `rapidfuzz.process.cdist` call; a larger one is sorted by the differing word, and again
    by that word reversed (so a typo at the word's start also sits close), and each entry
    is scored against the `WINDOW` entries after it, in chunks of ``WINDOW x 2 WINDOW``.

    >>> keys = ["wijkcentrum linde", "wijkcentrum lind", "wijkcentrum eik"]
    >>> [(a.tolist(), b.tolist()) for a, b in _group_pairs(
    ...     [("linde", 0), ("lind", 1), ("eik", 2)], keys, 90)]
    [([0], [1])]
    """
    n = len(group)
    area = np.array([x in area_words for x, _u in group], dtype=bool)
    if n * (n - 1) <= 2 * SMALL_GROUP:
        out = [(group[p][1], group[q][1]) for p in range(n) for q in range(p + 1, n)
               if not (area[p] and area[q]) and fuzz.ratio(
                   ukeys[group[p][1]], ukeys[group[q][1]], score_cutoff=cutoff)]
        if out:
            pairs = np.array(out, dtype=np.int64)
            yield pairs[:, 0], pairs[:, 1]
        return
    positions = [list(range(n))] if n <= BLOCK_CAP else [
        [p for _x, _u, p in sorted((x, u, p) for p, (x, u) in enumerate(group))],
        [p for _x, _u, p in sorted((x[::-1], u, p) for p, (x, u) in enumerate(group))]]
    step = n if n <= BLOCK_CAP else WINDOW
    for order in positions:
        ids = np.array([group[p][1] for p in order], dtype=np.int64)
        in_area = area[order]
        texts = [ukeys[u] for u in ids.tolist()]
        for start in range(0, n - 1, step):
            rows, cols = _scored(texts[start:start + step], texts[start:start + 2 * step],
                                 cutoff)
            rows, cols = rows + start, cols + start
            keep = (cols > rows) & (ids[rows] != ids[cols]) & ~(in_area[rows] & in_area[cols])
            if keep.any():
                yield ids[rows[keep]], ids[cols[keep]]


def _scored(rows: list[str], cols: list[str], cutoff: int) -> tuple[np.ndarray, np.ndarray]:
    """Positions ``(r, c)`` where the ratio of ``rows[r]`` and ``cols[c]`` reaches `cutoff`.

    One `rapidfuzz.process.cdist` call (uint8 percentages) on one thread: the matrices are
    small (at most `BLOCK_CAP` squared), and the result is the same on any number anyway.
    """
    matrix = process.cdist(rows, cols, scorer=fuzz.ratio, dtype=np.uint8,
                           score_cutoff=cutoff, workers=1)
    r, c = np.nonzero(matrix)
    return r, c


def duplicate_warnings(actors: pd.DataFrame, *, areas: Iterable[str] = (),
                       keep_apart: Iterable[str] = (), column: str = "name",
                       limit: int = MAX_LISTED) -> list[Problem]:
    """One warning per likely duplicate pair of `actors` (a validated actors table), for
    the `limit` best pairs; one more warning counts the pairs beyond them.

    The warning sits on the later row (in `column`, the name column as the file heads it)
    and names the earlier one, with the score. The actors' own ``wijk`` values and the
    bundled areas count as area names, besides `areas`. Names that differ only in case and
    spacing are left to validation itself (the same name twice is an error there).

    >>> from wijkgraph.model.tables import tables_from_frames
    >>> t = tables_from_frames(pd.DataFrame({"naam": ["Buurtteam Oost", "buurtteams oost."]}),
    ...                        pd.DataFrame())
    >>> w = duplicate_warnings(t.actors)[0]
    >>> w.row, w.params["other_row"], w.params["score"].text("nl")
    (3, 2, '1,00')
    """
    if actors.empty:
        return []
    names = [str(n) for n in actors["name"].tolist()]
    own_areas = {w for ws in actors.get("wijk", pd.Series(dtype=object)).tolist()
                 for w in (ws or ())}
    out = []
    rows = actors["_row"].tolist() if "_row" in actors.columns else list(range(2, len(names) + 2))
    files = actors["_file"].tolist() if "_file" in actors.columns else [None] * len(names)
    sheets = actors["_sheet"].tolist() if "_sheet" in actors.columns else [None] * len(names)
    known_areas = [*own_areas, *areas, *_bundled_areas()]
    pairs = [d for d in likely_duplicates(names, areas=known_areas, keep_apart=keep_apart)
             if " ".join(names[d.first].casefold().split())
             != " ".join(names[d.second].casefold().split())]
    for d in pairs[:limit]:
        out.append(Problem("problem.likely_duplicate", file=files[d.second] or None,
                           sheet=sheets[d.second] or None, row=_int(rows[d.second]),
                           column=column, severity="warning",
                           params={"name": names[d.second], "other": names[d.first],
                                   "other_row": _int(rows[d.first]),
                                   "score": Score(str(d.score)),
                                   "reason": d.reason}))
    if len(pairs) > limit:
        out.append(Problem("problem.likely_duplicate_more", file=files[0] or None,
                           sheet=sheets[0] or None, column=column, severity="warning",
                           params={"more": MorePairs(str(len(pairs) - limit))}))
    return out


@lru_cache(maxsize=1)
def _bundled_areas() -> tuple[str, ...]:
    """The names of the bundled areas (Utrecht's wijken, subwijken and buurten)."""
    from wijkgraph.model.areas import bundled_tree

    tree = bundled_tree()
    return (*tree.names, *tree.aliases)


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True)
class AliasEntry:
    """One row of an aliases table: `name` is the same party as `same_as`, and where."""

    name: str
    same_as: str
    file: str | None = None
    sheet: str | None = None
    row: int | None = None
    name_column: str = "naam"
    same_as_column: str = "zelfde als"


def merge_aliases(tables: Any, entries: Sequence[AliasEntry]) -> Any:
    """`tables` (validated `Tables`) with each alias merged into the actor it names.

    An entry ``name -> same_as`` moves the ties, meetings and the missing fields of actor
    `name` onto `same_as` and drops `name`; an entry naming an actor as itself keeps it
    apart (no duplicate warning). Names and ids are matched exactly or on their
    normalised key. The duplicate warnings are made again for the merged actors.

    Raises
    ------
    ValidationError
        Listing every entry that names an unknown actor (file, sheet, row, column).

    >>> from wijkgraph.model.tables import tables_from_frames
    >>> t = tables_from_frames(pd.DataFrame({"naam": ["GC X", "Gezondheidscentrum X", "Dock"]}),
    ...     pd.DataFrame({"bron": ["GC X"], "doel": ["Dock"]}))
    >>> m = merge_aliases(t, [AliasEntry("GC X", "Gezondheidscentrum X")])
    >>> m.actors["name"].tolist()
    ['Gezondheidscentrum X', 'Dock']
    >>> m.relations[["source", "target"]].values.tolist()
    [['Gezondheidscentrum X', 'Dock']]
    """
    actors = tables.actors
    ids = actors["id"].tolist()
    index: dict[str, str] = {}
    for key_of in (normalise_name, str):  # exact names and ids win over normalised ones
        for actor_id, name in zip(ids, actors["name"].tolist(), strict=True):
            index[key_of(str(name))] = actor_id
            index[key_of(str(actor_id))] = actor_id

    def find(value: str) -> str | None:
        return index.get(value) or index.get(normalise_name(value))

    problems = []
    mapping: dict[str, str] = {}
    apart: list[str] = []
    for e in entries:
        a, b = find(e.name), find(e.same_as)
        for value, found, column in ((e.name, a, e.name_column), (e.same_as, b,
                                                                   e.same_as_column)):
            if found is None:
                problems.append(Problem("problem.alias_unknown_actor", file=e.file,
                                        sheet=e.sheet, row=e.row, column=column,
                                        params={"name": value}))
        if a is None or b is None:
            continue
        if a == b:
            apart.append(str(actors.loc[actors["id"] == a, "name"].iloc[0]))
        else:
            mapping[a] = b
    if problems:
        raise ValidationError(problems)
    for a in list(mapping):  # follow chains (a -> b -> c), never round in a circle
        seen = {a}
        while mapping[a] in mapping and mapping[a] not in seen:
            seen.add(mapping[a])
            mapping[a] = mapping[mapping[a]]
        if mapping[a] == a:
            del mapping[a]
    merged = _merge_actors(actors, mapping)
    relations = tables.relations.copy()
    for col in ("source", "target"):
        relations[col] = relations[col].map(lambda v: mapping.get(v, v))
    relations = relations[relations["source"] != relations["target"]]
    participation = tables.participation.copy()
    if not participation.empty:
        participation["actor"] = participation["actor"].map(lambda v: mapping.get(v, v))
        participation = participation.drop_duplicates(["actor", "meeting"])
    warnings = [w for w in tables.warnings
                if w.code not in ("problem.likely_duplicate", "problem.likely_duplicate_more")]
    column = next((w.column for w in tables.warnings
                   if w.code == "problem.likely_duplicate" and w.column), "name")
    warnings += duplicate_warnings(merged, keep_apart=apart, column=column)
    return replace(tables, actors=merged.reset_index(drop=True),
                   relations=relations.reset_index(drop=True),
                   participation=participation.reset_index(drop=True),
                   warnings=tuple(sorted(warnings, key=warning_order)))


def _merge_actors(actors: pd.DataFrame, mapping: Mapping[str, str]) -> pd.DataFrame:
    """Drop the aliased actors; their non-empty fields fill the empty ones of the target."""
    if not mapping:
        return actors.copy()
    out = actors.copy()
    where = {actor_id: k for k, actor_id in enumerate(out["id"].tolist())}
    skip = {"id", "name", "_file", "_sheet", "_row"}
    for alias, target in mapping.items():
        src, dst = out.index[where[alias]], out.index[where[target]]
        for col in out.columns:
            if col in skip:
                continue
            value, own = out.at[src, col], out.at[dst, col]
            if isinstance(own, tuple) and isinstance(value, tuple):
                out.at[dst, col] = tuple(dict.fromkeys((*own, *value)))
            elif (own is None or (isinstance(own, str) and not own)) and value not in (None, ""):
                out.at[dst, col] = value
    keep = ~out["id"].isin(set(mapping))
    return out[np.asarray(keep, dtype=bool)]
