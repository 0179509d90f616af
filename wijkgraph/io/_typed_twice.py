"""A party typed twice in the actors table, and an alias saying so: one actor, not an error.

Validation stops on two actor rows with the same name (or id), compared ignoring case and
spacing ("problem.duplicate_name"), before the aliases table could merge them. An alias
entry whose two sides both name rows of such a group (its written name, and the name it
is the same as; exactly, ignoring case and spacing, or on the name key of
`wijkgraph.model.names.normalise_name`) says the rows are one party: `merge_typed_twice`
keeps one row (the one whose name is written exactly as the entry's "same as", else the
first) and fills its empty cells from the others (several wijken or themes are joined),
before validation. A group that no entry names stays the same error, with the same message.

`read_merging_aliases` reads a workbook or a CSV folder that way; the command line calls it
when loading an input stopped with a duplicate name (`wijkgraph.cli.shell.load_input`).

Examples
--------
>>> import pandas as pd
>>> from wijkgraph.errors import WijkgraphError
>>> from wijkgraph.model.duplicates import AliasEntry
>>> from wijkgraph.model.tables import RawTable
>>> raw = RawTable("actors", "a.xlsx", "actoren", pd.DataFrame({
...     "name": ["DOCK Zuid", "Wijkbureau", "dock  zuid"], "domain": ["", "gemeente", "welzijn"],
...     "wijk": ["Zuid", "", "Hoograven"]}), [2, 3, 4])
>>> merged, used = merge_typed_twice(raw, [AliasEntry("dock zuid", "DOCK Zuid")])
>>> merged.frame.values.tolist(), merged.rows, used
([['DOCK Zuid', 'welzijn', 'Zuid; Hoograven'], ['Wijkbureau', 'gemeente', '']], [2, 3], 1)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from wijkgraph.errors import WijkgraphError
from wijkgraph.model.duplicates import AliasEntry
from wijkgraph.model.names import normalise_name
from wijkgraph.model.network import WijkNetwork, build_network
from wijkgraph.model.schema import split_multi
from wijkgraph.model.tables import RawTable, validate

#: Columns that hold several values: the merged row keeps the values of every row.
MULTI = ("wijk", "themes")


def _squash(value: object) -> str:
    return " ".join(str(value if value is not None else "").split())


def _keys(text: str) -> set[str]:
    """The ways `text` matches: as written, ignoring case and spacing, and its name key."""
    text = _squash(text)
    return {k for k in (text, text.casefold(), normalise_name(text)) if k}


def merge_typed_twice(raw: RawTable, entries: Sequence[AliasEntry]) -> tuple[RawTable, int]:
    """`raw` (an actors table as read) with every group of rows that share a name or id and
    that an alias entry names merged into one row; and how many rows were merged away.

    The kept row is the first row whose name is written exactly as an entry's "same as"
    (else the group's first row); its empty cells take the first non-empty value of the
    other rows, its wijken and themes those of every row.
    """
    frame = raw.frame
    if not entries or "name" not in frame.columns or frame.empty:
        return raw, 0
    names = [_squash(v) for v in frame["name"].tolist()]
    given = ([_squash(v) for v in frame["id"].tolist()] if "id" in frame.columns
             else [""] * len(names))
    groups: dict[str, list[int]] = {}
    for i, (name, own) in enumerate(zip(names, given, strict=True)):
        if own or name:
            groups.setdefault((own or name).casefold(), []).append(i)
    groups = {k: rows for k, rows in groups.items() if len(rows) > 1}
    if not groups:
        return raw, 0
    drop: set[int] = set()
    values = frame.astype(object).to_numpy().tolist()
    columns = list(frame.columns)
    for rows in groups.values():
        keys = [_keys(names[i]) | _keys(given[i]) for i in rows]
        naming = [e for e in entries
                  if any(_keys(e.name) & k for k in keys) and any(_keys(e.same_as) & k for k in keys)]
        if not naming:
            continue
        wanted = {_squash(e.same_as) for e in naming}
        keep = next((i for i in rows if names[i] in wanted), rows[0])
        for i in rows:
            if i == keep:
                continue
            for c, column in enumerate(columns):
                own, other = _squash(values[keep][c]), _squash(values[i][c])
                if not other or column in ("id", "name"):
                    continue
                if not own:
                    values[keep][c] = values[i][c]
                elif column in MULTI:
                    parts = dict.fromkeys((*split_multi(values[keep][c]), *split_multi(values[i][c])))
                    values[keep][c] = "; ".join(parts)
            drop.add(i)
    if not drop:
        return raw, 0
    kept = [i for i in range(len(names)) if i not in drop]
    merged = frame.iloc[kept].copy()
    for c, column in enumerate(columns):
        merged[column] = [values[i][c] for i in kept]
    return replace(raw, frame=merged.reset_index(drop=True),
                   rows=[raw.rows[i] for i in kept]), len(drop)


def read_merging_aliases(path: str | Path, entries: Sequence[AliasEntry], *,
                         meeting_ties: bool = False) -> WijkNetwork | None:
    """The network of the workbook or CSV folder `path`, its actor rows typed twice merged
    where an alias says so (`merge_typed_twice`) before validation.

    None when `path` is neither (or does not read as one), or when no alias entry names
    rows typed twice: the input reads as before, with its errors.

    Raises
    ------
    ValidationError
        Every problem still left (a name typed twice that no alias names among them).
    """
    from wijkgraph.io._cells import WORKBOOK_SUFFIXES
    from wijkgraph.io._info import read_info_folder, read_info_workbook
    from wijkgraph.io._raw import file_meta
    from wijkgraph.io.csvdir import read_raw_folder
    from wijkgraph.io.workbook import read_raw_workbook

    path = Path(path)
    try:  # another folder format (Gephi's) reads otherwise: its own error stands
        if path.is_dir():
            raw = dict(read_raw_folder(path))
        elif path.is_file() and path.suffix.casefold() in WORKBOOK_SUFFIXES:
            raw = dict(read_raw_workbook(path))
        else:
            return None
    except WijkgraphError:
        return None
    if "actors" not in raw:
        return None
    raw["actors"], merged = merge_typed_twice(raw["actors"], entries)
    if not merged:
        return None
    tables = validate(raw, source=str(path))
    info = read_info_folder(path) if path.is_dir() else read_info_workbook(path)
    return build_network(tables, meeting_ties=meeting_ties, meta=file_meta(path, info=info))
