"""Actors typed twice: "Gezondheidscentrum X" and "Gezondheids centrum X" are one party.

`likely_duplicates` finds pairs of actor names that probably mean the same party, with the
one name matcher of `wijkgraph.model.names` (its keys and `key_score`), fast enough for a
city of 30,000 actors:

* **exact blocks** (one dictionary pass each): the same key after normalising (case,
  accents, punctuation, plural, "Stichting"; score 1.0), the same letters without spaces
  (0.98), the same words in another order (0.95), an abbreviation of the other's initials
  (0.92), and one name being the other plus an area name ("Bibliotheek" and "Bibliotheek
  Oost"; 0.85): only when the shorter name has no area of its own, so "Buurtteam Oost"
  and "Buurtteam Zuid" are not a pair;
* **typos**: names with the same numbers sharing one of their two rarest shared words
  form a block; a block's keys are
  scored at once (`wijkgraph.model.names.ratios_within`) and a pair is kept when
  `key_score` reaches `wijkgraph.model.names.MERGE_AT` (where the survey import merges).
  Names whose numbers differ ("Wij 2.0", "Wij 3.0"), or that name different areas
  ("... Noordoost", "... Noordwest"), never pass.

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
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd

from wijkgraph.errors import Problem, ValidationError, Words
from wijkgraph.i18n import MESSAGES, N_, register, translator
from wijkgraph.model.names import (
    MERGE_AT,
    fold_words,
    initials,
    key_score,
    normalise_name,
    ratios_within,
)

if "problem.likely_duplicate" not in MESSAGES:
    register({
        "problem.likely_duplicate": N_(
            "'{name}' is probably the same party as '{other}' in row {other_row} (score "
            "{score}). Merge them in one row, or list the one as the other in an aliases "
            "sheet ('naam', 'zelfde als'); list a name as itself to keep both."),
        "problem.alias_unknown_actor": N_(
            "'{name}' is not an actor in the input; an alias must name two actors of the "
            "actors table (or one, twice, to keep it apart)."),
    })

#: Score of a pair that differs only by an area name ("Bibliotheek" / "Bibliotheek Oost").
AREA_SCORE = 0.85
#: Blocks for typos are formed by each name's `BLOCK_WORDS` rarest words.
BLOCK_WORDS = 2


@dataclass(frozen=True)
class Score(Words):
    """A score in a message, written the way the reader's language writes numbers.

    >>> Score("0.98").text("nl"), Score("0.98").text("en")
    ('0,98', '0.98')
    """

    def text(self, lang: str = "nl") -> str:
        return translator(lang).number(float(self.msgid), 2)


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
    keys = [normalise_name(n) for n in names]
    area_words = _area_words(areas)
    found: dict[tuple[int, int], tuple[float, str]] = {}

    def note(i: int, j: int, score: float, reason: str) -> None:
        pair = (min(i, j), max(i, j))
        if i == j or keys[i] in apart or keys[j] in apart:
            return
        if pair not in found or found[pair][0] < score:
            found[pair] = (score, reason)

    def exact(block_key: Any, score: float, reason: str) -> None:
        groups: dict[Any, list[int]] = defaultdict(list)
        for i, key in enumerate(keys):
            k = block_key(i, key)
            if k:
                groups[k].append(i)
        for members in groups.values():
            for a in range(len(members)):
                for b in range(a + 1, len(members)):
                    note(members[a], members[b], score, reason)

    exact(lambda i, k: k, 1.0, "same")
    exact(lambda i, k: k.replace(" ", ""), 0.98, "spacing")
    exact(lambda i, k: "".join(fold_words(names[i])), 0.98, "spacing")
    exact(lambda i, k: " ".join(sorted(k.split())) if " " in k else "", 0.95, "order")
    _abbreviations(names, keys, note)
    if area_words:
        _area_pairs(keys, area_words, note)
    _typos(names, keys, threshold, note, area_words)
    pairs = [Duplicate(i, j, round(s, 4), r) for (i, j), (s, r) in found.items()]
    return sorted(pairs, key=lambda d: (-d.score, d.first, d.second))


def _abbreviations(names: Sequence[str], keys: list[str], note: Any) -> None:
    by_initials: dict[str, list[int]] = defaultdict(list)
    for i, name in enumerate(names):
        if len(str(name).split()) >= 2:
            by_initials[initials(name)].append(i)
    for i, key in enumerate(keys):
        compact = key.replace(" ", "")
        if " " in key or not 2 <= len(compact) <= 6:
            continue
        for j in by_initials.get(compact, ()):
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
        for j in plain.get(remainder, []):
            note(i, j, AREA_SCORE, "area")


def _typos(names: Sequence[str], keys: list[str], threshold: float, note: Any,
           area_words: frozenset[str] = frozenset()) -> None:
    # names whose numbers differ never pass (`key_score`): the numbers are part of a block
    numbers = [" ".join(re.findall(r"\d+", k)) for k in keys]
    words = [sorted(w for w in set(k.split()) if not w.isdigit()) or sorted(set(k.split()))
             for k in keys]
    freq = Counter((numbers[i], w) for i, ws in enumerate(words) for w in ws)
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, ws in enumerate(words):
        num = numbers[i]
        # a word no other name has makes no pair: the rarest *shared* words block
        for w in sorted(ws, key=lambda w: (freq[num, w] < 2, freq[num, w], w))[:BLOCK_WORDS]:
            blocks[num, w].append(i)
        if len(ws) == 1 and len(ws[0]) >= 6:  # one word: a typo may be in it, block on ends
            blocks[num, "<" + ws[0][:4]].append(i)
            blocks[num, ">" + ws[0][-4:]].append(i)
    seen: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) < 2:
            continue
        block_keys = [keys[m] for m in members]
        rows, cols, _ratios = ratios_within(block_keys, threshold)
        for a, b in zip(rows.tolist(), cols.tolist(), strict=True):
            i, j = members[a], members[b]
            pair = (min(i, j), max(i, j))
            if pair in seen or keys[i] == keys[j]:
                continue
            seen.add(pair)
            wi, wj = set(keys[i].split()), set(keys[j].split())
            ai, aj = wi & area_words, wj & area_words
            if (ai - aj) and (aj - ai):
                continue  # in other areas: "... Noordoost" and "... Noordwest"
            score = key_score(keys[i], keys[j], names[i], names[j])
            if score >= threshold:
                note(i, j, score, "typo")


def duplicate_warnings(actors: pd.DataFrame, *, areas: Iterable[str] = (),
                       keep_apart: Iterable[str] = (), column: str = "name") -> list[Problem]:
    """One warning per likely duplicate pair of `actors` (a validated actors table).

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
    for d in likely_duplicates(names, areas=known_areas, keep_apart=keep_apart):
        if " ".join(names[d.first].casefold().split()) == " ".join(
                names[d.second].casefold().split()):
            continue
        out.append(Problem("problem.likely_duplicate", file=files[d.second] or None,
                           sheet=sheets[d.second] or None, row=_int(rows[d.second]),
                           column=column, severity="warning",
                           params={"name": names[d.second], "other": names[d.first],
                                   "other_row": _int(rows[d.first]),
                                   "score": Score(str(d.score)),
                                   "reason": d.reason}))
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
    warnings = [w for w in tables.warnings if w.code != "problem.likely_duplicate"]
    column = next((w.column for w in tables.warnings
                   if w.code == "problem.likely_duplicate" and w.column), "name")
    warnings += duplicate_warnings(merged, keep_apart=apart, column=column)
    return replace(tables, actors=merged.reset_index(drop=True),
                   relations=relations.reset_index(drop=True),
                   participation=participation.reset_index(drop=True),
                   warnings=tuple(sorted(warnings, key=lambda p: (p.file or "", p.row or 0))))


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
