"""Validated tables of a wijk network: actors, relations, meetings and participation.

`validate(raw)` checks everything the user gave and collects **all** problems before
failing, each with file, sheet, row (as Excel shows it) and column. What passes becomes a
frozen `Tables`: canonical columns, normalised vocabularies, relations resolved to actor
ids, and for every row where it came from (`_file`, `_sheet`, `_row`).

Examples
--------
>>> import pandas as pd
>>> actors = pd.DataFrame({"name": ["DOCK", "Buurtteam Oost"], "domain": ["Welzijn", "zorg"]})
>>> relations = pd.DataFrame({"source": ["DOCK"], "target": ["Buurtteam Oost"],
...                           "strength": ["Reflectie"]})
>>> tables = tables_from_frames(actors, relations)
>>> tables.actors["domain"].tolist(), int(tables.relations["strength"].iloc[0])
(['welzijn', 'zorg'], 3)
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from wijkgraph.errors import Problem, ValidationError
from wijkgraph.model.areas import validate_areas
from wijkgraph.model.cells import cell_text, squash_cell, squash_cells, squash_texts
from wijkgraph.model.duplicates import duplicate_warnings, warning_order
from wijkgraph.model.schema import (
    TABLE_ALIASES,
    TABLES,
    VOCABULARIES,
    canonical_column,
    column_private,
    fold,
    parse_boolean,
    parse_strength,
    split_multi,
    squash,
)
from wijkgraph.model.vectors import (
    distinct,
    first_of_each,
    map_distinct,
    matches,
    objects,
    parsed,
    pick,
    take,
)

__all__ = ["RawTable", "Tables", "cell_text", "column_names", "squash_cell", "squash_cells",
           "squash_texts", "tables_from_frames", "validate"]

MAX_NAME_LENGTH = 300
_DATE_LIKE = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$")
_NUMBER = re.compile(r"^[+-]?\d+([.,]\d+)?$")

ACTOR_COLUMNS = ("id", "name", "type", "domain", "role", "wijk", "themes", "description",
                 "contact")
RELATION_COLUMNS = ("source", "target", "kind", "channel", "strength", "theme", "wave",
                    "directed", "description")
MEETING_COLUMNS = ("id", "name", "theme", "wijk", "description")
PARTICIPATION_COLUMNS = ("actor", "meeting")
PROVENANCE = ("_file", "_sheet", "_row")


@dataclass
class RawTable:
    """One table as read, before validation: string cells under canonical column names.

    `frame` has one column per header (canonical name when known, else the header as the
    user wrote it); `rows` holds the Excel-style row number of each frame row; `headers`
    maps a canonical column name to the header as written; `problems` are what the reader
    found (every reader in `wijkgraph.io` makes these; `validate` checks them).
    """

    table: str
    file: str
    sheet: str | None
    frame: pd.DataFrame
    rows: list[int]
    headers: dict[str, str] = field(default_factory=dict)  # canonical -> as written
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class Tables:
    """The validated input: four DataFrames plus the warnings found while validating.

    actors: id, name, type, domain, role, wijk (tuple), themes (tuple), description,
    contact, any extra columns, and provenance `_file`, `_sheet`, `_row`.
    relations: source, target (actor ids), kind, channel, strength (int 1-4), theme, wave,
    directed (bool), description, extra columns, provenance.
    meetings: id, name, theme (tuple), wijk (tuple), description, provenance.
    participation: actor, meeting (ids), provenance.
    """

    actors: pd.DataFrame
    relations: pd.DataFrame
    meetings: pd.DataFrame
    participation: pd.DataFrame
    warnings: tuple[Problem, ...] = ()
    source: str = ""
    extra_columns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: the optional ``gebieden`` sheet: name, parent (see `wijkgraph.model.areas`)
    areas: pd.DataFrame | None = None


def tables_from_frames(
    actors: pd.DataFrame,
    relations: pd.DataFrame,
    meetings: pd.DataFrame | None = None,
    participation: pd.DataFrame | None = None,
    *,
    source: str = "<frames>",
) -> Tables:
    """Validate tables given as DataFrames (column names as in a file: Dutch or English).

    Cells are read as a file's cells are: missing values are empty, whole floats lose
    their ``.0``, control characters are dropped. The table name stands in for the file
    name in problems, and row 2 is the frame's first row (as if row 1 were a header).

    >>> tables_from_frames(pd.DataFrame({"naam": ["A"]}), pd.DataFrame()).warnings[0].code
    'problem.no_relations'
    """
    raw: dict[str, RawTable] = {}
    for table, frame in (("actors", actors), ("relations", relations),
                         ("meetings", meetings), ("participation", participation)):
        if frame is None:
            continue
        raw[table] = _raw_from_frame(table, frame)
    return validate(raw, source=source)


def _raw_from_frame(table: str, frame: pd.DataFrame) -> RawTable:
    headers: dict[str, str] = {}
    keep: list[int] = []
    merged: list[tuple[int, int]] = []  # several contact columns are joined
    for i, column in enumerate(frame.columns):
        written = squash(column)
        canon = canonical_column(table, written) or written
        if canon and canon not in headers:
            headers[canon] = written
            keep.append(i)
        elif canon and column_private(table, canon):
            merged.append((i, list(headers).index(canon)))
    columns = [_frame_column(frame.iloc[:, i].tolist()) for i in keep]
    for i, pos in merged:
        more = _frame_column(frame.iloc[:, i].tolist())
        columns[pos] = ["; ".join(v for v in pair if v)
                        for pair in zip(columns[pos], more, strict=True)]
    cells = [list(row) for row in zip(*columns, strict=True)] if columns else [
        [] for _ in range(len(frame))]
    data = [row for row in cells if any(row)]
    rows = [i + 2 for i, row in enumerate(cells) if any(row)]
    out = pd.DataFrame(data, columns=list(headers), dtype=object)
    problems: list[Problem] = []
    if not data and table == "relations":
        problems.append(Problem("problem.no_relations", file=table, severity="warning"))
    elif not data and table == "actors":
        problems.append(Problem("problem.empty_table", file=table, params={"table": table}))
    elif data:
        for col in TABLES[table]:
            if col.required and col.name not in headers:
                problems.append(Problem("problem.missing_column", file=table, row=1, params={
                    "column": col.name, "aliases": ", ".join(col.aliases[1:4]),
                    "found": ", ".join(headers.values()) or "-"}))
    return RawTable(table, table, None, out, rows, headers, problems)


def _frame_column(values: list[object]) -> list[str]:
    """A DataFrame column as cell texts; plain clean strings (the common case) pass as they are."""
    if all(type(v) is str for v in values):
        return [squash_cell(v) for v in values]  # type: ignore[arg-type]
    return [_frame_cell(v) for v in values]


def _frame_cell(value: object) -> str:
    """A DataFrame cell as the text a file would hold.

    >>> [_frame_cell(v) for v in (None, float("nan"), 2.0, " a\x07b ", True)]
    ['', '', '2', 'ab', 'ja']
    """
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float) and value != value:
        return ""
    return squash_cell(cell_text(value))


class _Collector:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, raw: RawTable, index: int | None, where: str | None, code: str,
            severity: str = "error", **params: object) -> None:
        row = raw.rows[index] if index is not None else None
        shown = raw.headers.get(where, where) if where else None
        self.problems.append(Problem(code, file=raw.file, sheet=raw.sheet, row=row,
                                     column=shown, params=params, severity=severity))  # type: ignore[arg-type]


_STRUCTURAL = frozenset({"problem.missing_column", "problem.empty_table"})


def validate(raw: Mapping[str, RawTable], *, source: str = "") -> Tables:
    """Check and normalise raw tables; raise ValidationError listing every error.

    Warnings (unknown vocabulary values, names matched ignoring case, duplicate rows)
    do not stop validation; they are kept in `Tables.warnings`. The rows of a table that
    lacks a required column are not checked one by one (that would only repeat the
    missing column on every row); relations are not resolved when the actors table
    itself cannot be read.
    """
    col = _Collector()
    for r in raw.values():
        col.problems.extend(r.problems)
    for name in ("actors", "relations"):
        if name not in raw:
            col.problems.append(Problem("problem.missing_table", file=source or None, params={
                "table": name, "aliases": ", ".join(TABLE_ALIASES[name][1:3]), "found": "-"}))
    broken = {name for name, r in raw.items()
              if any(p.code in _STRUCTURAL and p.severity == "error" for p in r.problems)}
    if "actors" not in raw or "actors" in broken:
        raise ValidationError(col.problems)
    actors = _validate_actors(raw["actors"], col)
    resolver = _Resolver(actors["id"].tolist(), actors["name"].tolist())
    relations = (_validate_relations(raw["relations"], resolver, col)
                 if "relations" in raw and "relations" not in broken
                 else _empty(RELATION_COLUMNS))
    meetings = (_validate_meetings(raw["meetings"], col)
                if "meetings" in raw and "meetings" not in broken else _empty(MEETING_COLUMNS))
    participation = (
        _validate_participation(raw["participation"], resolver, meetings, col)
        if "participation" in raw and not {"meetings", "participation"} & broken
        else _empty(PARTICIPATION_COLUMNS)
    )
    areas, area_problems = validate_areas(
        raw.get("areas"), actors, wijk_header=raw["actors"].headers.get("wijk", "wijk"),
        meetings=meetings, meeting_header=raw["meetings"].headers.get("wijk", "wijk")
        if "meetings" in raw else "wijk")
    col.problems.extend(area_problems)
    col.problems.extend(duplicate_warnings(actors, areas=() if areas is None else areas["name"],
                                           column=raw["actors"].headers.get("name", "name")))
    if any(p.severity == "error" for p in col.problems):
        raise ValidationError(col.problems)
    extra = {
        "actors": tuple(c for c in actors.columns if c not in ACTOR_COLUMNS + PROVENANCE),
        "relations": tuple(c for c in relations.columns
                           if c not in RELATION_COLUMNS + PROVENANCE),
    }
    warnings = tuple(sorted(col.problems, key=warning_order))
    return Tables(actors, relations, meetings, participation, warnings, source, extra, areas)


def _empty(columns: tuple[str, ...]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in columns + PROVENANCE})


def _provenance(raw: RawTable, frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    frame["_file"] = raw.file
    frame["_sheet"] = raw.sheet or ""
    frame["_row"] = raw.rows[: len(frame)] if len(frame) else []
    return frame


def _column(raw: RawTable, name: str) -> list[str]:
    if name in raw.frame.columns:
        series = raw.frame[name]
        if pd.api.types.infer_dtype(series, skipna=False) == "string":  # text already
            return series.tolist()
        return [str(v) for v in series.tolist()]
    return [""] * len(raw.frame)


def _check_text(raw: RawTable, col: _Collector, i: int, column: str, value: str) -> None:
    if len(value) > MAX_NAME_LENGTH:
        col.add(raw, i, column, "problem.too_long", length=len(value), limit=MAX_NAME_LENGTH)


def _vocab(raw: RawTable, col: _Collector, table: str, column: str, values: list[str]) -> list[str]:
    canons, codes = _vocab_codes(raw, col, table, column, values)
    return take(canons, codes)


def _vocab_codes(raw: RawTable, col: _Collector, table: str, column: str, values: list[str]
                 ) -> tuple[list[str], np.ndarray]:
    """The normalised value of each distinct value, and each row's code (see `_vocab`)."""
    enum, normalise = VOCABULARIES[(table, column)]
    known = ", ".join(e.value for e in enum)  # type: ignore[attr-defined]
    codes, values_once, first = distinct(values)
    reported: set[str] = set()
    canons: list[str] = []
    for k, v in enumerate(values_once):  # in the order each value first occurs
        if not v:
            canons.append("")
            continue
        canon, ok = normalise(v)  # type: ignore[operator]
        if not ok and canon not in reported:
            reported.add(canon)
            col.add(raw, int(first[k]), column, "problem.unknown_vocab", "warning", value=v,
                    column=raw.headers.get(column, column), known=known)
        canons.append(canon)
    return canons, codes


def _validate_actors(raw: RawTable, col: _Collector) -> pd.DataFrame:
    n = len(raw.frame)
    names = squash_texts(_column(raw, "name"))
    given_ids = squash_texts(_column(raw, "id"))
    ids = [given or name for name, given in zip(names, given_ids, strict=True)]
    codes, _keys, firsts = distinct(list(map(_loose, ids)))
    for i in _rows_to_check(names, given_ids, ids, firsts[codes] != np.arange(n)):
        name, given = names[i], given_ids[i]
        if not name and not given:
            col.add(raw, i, "name", "problem.empty_value", column=raw.headers.get("name", "name"))
        for column, value in (("name", name), ("id", given)):
            _check_text(raw, col, i, column, value)
            if value and _DATE_LIKE.match(value):
                col.add(raw, i, column, "problem.date_value", "warning", value=value)
        if name and not given and _NUMBER.match(name):
            col.add(raw, i, "name", "problem.numeric_name", "warning", value=name)
        actor_id = ids[i]
        first = int(firsts[codes[i]])
        if actor_id and first != i:
            same = "" if ids[first] == actor_id else f" ('{ids[first]}')"
            col.add(raw, i, "id" if given else "name",
                    "problem.duplicate_id" if given else "problem.duplicate_name",
                    value=actor_id, first_row=raw.rows[first], same=same)
    frame = pd.DataFrame({
        "id": ids,
        "name": [nm or i_ for nm, i_ in zip(names, ids, strict=True)],
        "type": _vocab(raw, col, "actors", "type", _column(raw, "type")),
        "domain": _vocab(raw, col, "actors", "domain", _column(raw, "domain")),
        "role": [v.lower() for v in squash_texts(_column(raw, "role"))],
        "wijk": map_distinct(_column(raw, "wijk"), split_multi),
        "themes": map_distinct(_column(raw, "themes"),
                               lambda v: tuple(x.lower() for x in split_multi(v))),
        "description": _column(raw, "description"),
        "contact": _column(raw, "contact"),
    }, dtype=object)
    for extra in raw.frame.columns:
        if extra not in frame.columns and extra in raw.headers:
            frame[extra] = raw.frame[extra].astype(str).tolist()
    return _provenance(raw, frame)


def _rows_to_check(names: list[str], given: list[str], ids: list[str],
                   repeated: np.ndarray) -> list[int]:
    """The actor rows that may have a problem (found column by column, in C): no id,
    a long or date-like name or id, a name that is a number, an id seen before."""
    n = len(ids)
    check = repeated | ~np.fromiter(map(bool, ids), dtype=bool, count=n)
    for values in (names, given):
        check |= np.fromiter(map(len, values), dtype=np.int64, count=n) > MAX_NAME_LENGTH
        check |= matches(_DATE_LIKE, values)
    return np.flatnonzero(check | matches(_NUMBER, names)).tolist()


class _Resolver:
    """Find actors by id or exact name; case/space-only differences match with a warning."""

    def __init__(self, ids: list[str], names: list[str]) -> None:
        self.ids = {i: i for i in ids if i}
        self.by_name: dict[str, list[str]] = {}
        for i, name in zip(ids, names, strict=True):
            if name:
                self.by_name.setdefault(name, []).append(i)
        self._ids_in_order = ids
        self._loose_index: dict[str, set[str]] | None = None  # made when first needed
        self._choice_list: list[str] | None = None
        self._suggested: dict[str, str | None] = {}

    @property
    def loose(self) -> dict[str, set[str]]:
        """Ids and names ignoring case and spacing -> the ids they may stand for."""
        if self._loose_index is None:
            loose: dict[str, set[str]] = {}
            for i in self._ids_in_order:
                if i:
                    loose.setdefault(_loose(i), set()).add(i)
            for name, owners in self.by_name.items():
                loose.setdefault(_loose(name), set()).update(owners)
            self._loose_index = loose
        return self._loose_index

    @property
    def _choices(self) -> list[str]:
        if self._choice_list is None:
            self._choice_list = sorted(c for c in set(self.by_name) | set(self.ids)
                                       if len(c) <= MAX_NAME_LENGTH)
        return self._choice_list

    def resolve(self, value: str) -> tuple[str | None, str | None, str | None]:
        """(actor id, problem code, detail): detail is a suggestion or the matched id."""
        if value in self.ids:
            return value, None, None
        owners = self.by_name.get(value)
        if owners and len(set(owners)) == 1:
            return owners[0], None, None
        if owners:
            return None, "problem.ambiguous_name", ", ".join(sorted(set(owners)))
        loose = self.loose.get(_loose(value))
        if loose and len(loose) == 1:
            match = next(iter(loose))
            return match, "problem.case_match", match
        return None, "problem.unknown_actor", self.suggest(value)

    def suggest(self, value: str) -> str | None:
        """The closest known id or name (None for very long values, or after 200 tries)."""
        if value in self._suggested:
            return self._suggested[value]
        if len(value) > MAX_NAME_LENGTH or len(self._suggested) >= 200:
            return None
        self._suggested[value] = found = self._closest(value)
        return found

    def _closest(self, value: str) -> str | None:
        close = difflib.get_close_matches(value, self._choices, n=1, cutoff=0.6)
        if not close:
            folded = {fold(c): c for c in self._choices}
            close = [folded[c] for c in difflib.get_close_matches(fold(value), list(folded),
                                                                 n=1, cutoff=0.6)]
        return close[0] if close else None


def _loose(text: str) -> str:
    return " ".join(text.casefold().split())


def _resolve_cell(raw: RawTable, col: _Collector, resolver: _Resolver, i: int, column: str,
                  value: str, unknown_code: str = "problem.unknown_actor") -> str | None:
    if not value:
        col.add(raw, i, column, "problem.empty_value", column=raw.headers.get(column, column))
        return None
    actor, code, detail = resolver.resolve(value)
    if code == "problem.case_match":
        col.add(raw, i, column, code, "warning", name=value, match=detail)
    elif code == "problem.ambiguous_name":
        col.add(raw, i, column, code, name=value, ids=detail)
    elif code:
        col.add(raw, i, column, unknown_code, name=value, suggestion=detail)
    return actor


class _RowCollector(_Collector):
    """Problems with the row and the place in the row where they were found, to be put in
    reading order (row by row, left to right) after a table was checked column by column."""

    def __init__(self) -> None:
        super().__init__()
        self.places: list[tuple[int, int]] = []
        self.slot = 0

    def at(self, slot: int) -> _RowCollector:
        self.slot = slot
        return self

    def add(self, raw: RawTable, index: int | None, where: str | None, code: str,
            severity: str = "error", **params: object) -> None:
        super().add(raw, index, where, code, severity, **params)
        self.places.append((index or 0, self.slot))

    def in_order(self) -> list[Problem]:
        order = sorted(range(len(self.problems)), key=self.places.__getitem__)
        return [self.problems[k] for k in order]


def _resolve_column(raw: RawTable, col: _RowCollector, resolver: _Resolver, column: str,
                    values: list[str], slot: int,
                    unknown_code: str = "problem.unknown_actor") -> list[str | None]:
    """`_resolve_cell` of every value; ids (most values) are looked up in one pass."""
    found: list[str | None] = list(map(resolver.ids.get, values))
    for i in np.flatnonzero(objects(found) == None).tolist():  # noqa: E711 - per cell
        found[i] = _resolve_cell(raw, col.at(slot), resolver, i, column, values[i],
                                 unknown_code)
    return found


def _validate_relations(raw: RawTable, resolver: _Resolver, col: _Collector) -> pd.DataFrame:
    sources = squash_texts(_column(raw, "source"))
    targets = squash_texts(_column(raw, "target"))
    strengths_in, directed_in = _column(raw, "strength"), _column(raw, "directed")
    kinds, kind_codes = _vocab_codes(raw, col, "relations", "kind", _column(raw, "kind"))
    kind_of = objects([k or "samenwerking" for k in kinds])
    channel_of, channel_codes = _vocab_codes(raw, col, "relations", "channel",
                                             _column(raw, "channel"))
    wave_codes, waves, _first = distinct(_column(raw, "wave"))
    wave_of = objects([w.strip() for w in waves])
    themes = _column(raw, "theme")
    rows = _RowCollector()  # checked column by column, said row by row
    src = _resolve_column(raw, rows, resolver, "source", sources, 0)
    tgt = _resolve_column(raw, rows, resolver, "target", targets, 1)
    # actors as numbers (their position), -1 where none was found
    position: dict[str | None, int] = {actor: k for k, actor in enumerate(resolver.ids)}
    s_at = np.fromiter(map(position.get, src, itertools.repeat(-1)), np.int64, len(src))
    t_at = np.fromiter(map(position.get, tgt, itertools.repeat(-1)), np.int64, len(tgt))
    found = (s_at >= 0) & (t_at >= 0)
    loops = found & (s_at == t_at)
    for i in np.flatnonzero(loops).tolist():  # said next to the target cell, before the
        rows.at(2).add(raw, i, "target", "problem.self_loop", name=sources[i])  # cells right
    strengths, bad_strength = parsed(strengths_in, parse_strength)
    for i in np.flatnonzero(bad_strength).tolist():
        rows.at(3).add(raw, i, "strength", "problem.bad_strength", value=strengths_in[i])
    directed, bad_boolean = parsed(directed_in, parse_boolean)
    for i in np.flatnonzero(bad_boolean).tolist():
        rows.at(4).add(raw, i, "directed", "problem.bad_boolean", value=directed_in[i],
                       column=raw.headers.get("directed", "directed"))
    usable = np.flatnonzero(found & ~loops & ~bad_strength & ~bad_boolean)
    keep, repeats = first_of_each(usable, s_at, t_at, directed.astype(bool), (
        pd.factorize(kind_of)[0][kind_codes], pd.factorize(objects(channel_of))[0][channel_codes],
        pd.factorize(wave_of)[0][wave_codes]))
    for i, first in repeats:
        rows.at(5).add(raw, i, None, "problem.duplicate_relation", "warning",
                       first_row=raw.rows[first])
    col.problems.extend(rows.in_order())
    frame = pd.DataFrame({
        "source": pick(src, keep),
        "target": pick(tgt, keep),
        "kind": kind_of[kind_codes[keep]].tolist(),
        "channel": objects(channel_of)[channel_codes[keep]].tolist(),
        "strength": pd.Series(strengths[keep].astype(np.int64), dtype="int64"),
        "theme": pick(map_distinct(themes, lambda v: v.strip().lower()), keep),
        "wave": wave_of[wave_codes[keep]].tolist(),
        "directed": pd.Series(directed[keep].astype(bool), dtype=bool),
        "description": pick(_column(raw, "description"), keep),
    })
    for extra in raw.frame.columns:
        if extra not in frame.columns and extra in raw.headers:
            frame[extra] = pick(_column(raw, extra), keep)
    frame["_file"] = raw.file
    frame["_sheet"] = raw.sheet or ""
    frame["_row"] = pick(raw.rows, keep)
    return frame


def _validate_meetings(raw: RawTable, col: _Collector) -> pd.DataFrame:
    names = squash_texts(_column(raw, "name"))
    given = squash_texts(_column(raw, "id"))
    ids = []
    seen: dict[str, int] = {}
    for i, (name, g) in enumerate(zip(names, given, strict=True)):
        mid = g or name
        if not mid:
            col.add(raw, i, "name", "problem.empty_value", column=raw.headers.get("name", "name"))
        elif mid.casefold() in seen:
            first = seen[mid.casefold()]
            col.add(raw, i, "id" if g else "name", "problem.duplicate_id", value=mid,
                    first_row=raw.rows[first], same="")
        else:
            seen[mid.casefold()] = i
        _check_text(raw, col, i, "name", name)
        ids.append(mid)
    frame = pd.DataFrame({
        "id": ids,
        "name": [n or i for n, i in zip(names, ids, strict=True)],
        "theme": [tuple(x.lower() for x in split_multi(v)) for v in _column(raw, "theme")],
        "wijk": [split_multi(v) for v in _column(raw, "wijk")],
        "description": _column(raw, "description"),
    }, dtype=object)
    return _provenance(raw, frame)


def _validate_participation(raw: RawTable, resolver: _Resolver, meetings: pd.DataFrame,
                            col: _Collector) -> pd.DataFrame:
    meeting_resolver = _Resolver(meetings["id"].tolist(), meetings["name"].tolist())
    said = _RowCollector()  # checked column by column, said row by row
    actors = _resolve_column(raw, said, resolver, "actor",
                             squash_texts(_column(raw, "actor")), 0)
    found = _resolve_column(raw, said, meeting_resolver, "meeting",
                            squash_texts(_column(raw, "meeting")), 1,
                            unknown_code="problem.unknown_meeting")
    col.problems.extend(said.in_order())
    rows: list[tuple[str, str, int]] = []
    seen: set[tuple[str, str]] = set()
    for a, m, row in zip(actors, found, raw.rows, strict=False):
        if a is None or m is None or (a, m) in seen:
            continue
        seen.add((a, m))
        rows.append((a, m, row))
    frame = pd.DataFrame(rows, columns=["actor", "meeting", "_row"])
    frame.insert(2, "_file", raw.file)
    frame.insert(3, "_sheet", raw.sheet or "")
    return frame


def column_names(table: str) -> tuple[str, ...]:
    """Canonical column names of `table`, in order."""
    return tuple(c.name for c in TABLES[table])
