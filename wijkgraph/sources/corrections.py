"""Corrections from the room (aanvullingen): new ties, ended ties, new parties, notes.

The map's edit mode ("Aanvullingen-modus") saves what a meeting adds as a small workbook
in wijkgraph's own input format: sheet ``actoren`` (new parties: naam, soort, domein,
rol, wijk, ...), sheet ``relaties`` (new ties: van, naar, soort, sterkte, ...), sheet
``beeindigd`` (ties that ended: van, naar) and sheet ``notities`` (actor, notitie), each
with the columns ``wie``, ``wanneer`` and ``waarom``. `apply_corrections` checks every
row against the network (an unknown actor is an error naming file, sheet, row and
column), and returns a new network; the original input is never touched. What changed
is in ``network.meta["corrections"]`` (and so in ``analysis.json``).

Examples
--------
>>> import tempfile, pathlib, openpyxl
>>> from wijkgraph.sources.bundled import load_dataset
>>> net = load_dataset("driehoek")
>>> wb = openpyxl.Workbook()
>>> wb.active.title = "actoren"
>>> wb.active.append(["naam", "domein", "rol", "wie"])
>>> wb.active.append(["Moskee Al Fath", "levensbeschouwing", "moskee", "Ayse"])
>>> ws = wb.create_sheet("relaties")
>>> ws.append(["van", "naar", "soort", "sterkte"])
>>> ws.append(["Moskee Al Fath", "Gemeente Utrecht", "samenwerking", 2])
>>> path = pathlib.Path(tempfile.mkdtemp()) / "aanvullingen.xlsx"
>>> wb.save(path)
>>> after = apply_corrections(net, path)
>>> after.n_actors - net.n_actors, after.n_relations - net.n_relations
(1, 1)
>>> after.meta["corrections"]["added_actors"]
['Moskee Al Fath']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from wijkgraph.errors import InputError, Problem, ValidationError
from wijkgraph.i18n import MESSAGES, N_, register, translator
from wijkgraph.io._cells import (
    WORKBOOK_SUFFIXES,
    excel_column,
    open_workbook,
    table_records,
    workbook_cells,
)
from wijkgraph.model.network import WijkNetwork, build_network
from wijkgraph.model.schema import fold
from wijkgraph.model.tables import RawTable, Tables, validate

if "problem.correction_unknown_actor" not in MESSAGES:
    register({
        "problem.correction_unknown_actor": N_(
            "'{value}' is not an actor of the network nor a new party in this file."),
        "problem.correction_no_tie": N_(
            "There is no tie between '{source}' and '{target}' in the network to mark as "
            "ended."),
        "problem.correction_actor_exists": N_(
            "'{value}' is already in the network; a new party needs a new name."),
        "problem.correction_missing_value": N_("This row has no '{column}'."),
        "problem.correction_empty": N_(
            "This file holds no corrections: no sheet actoren, relaties, beeindigd or "
            "notities with rows."),
    })

#: sheet kinds and the (folded) sheet names that hold them
SHEETS = {
    "actors": ("actoren", "actors", "nieuwepartijen"),
    "relations": ("relaties", "relations", "nieuwebanden"),
    "ended": ("beeindigd", "beëindigd", "ended", "beeindigderelaties"),
    "notes": ("notities", "notes", "opmerkingen"),
}
#: who / when / why of every correction (kept in the report, not in the network)
WHO_COLUMNS = ("wie", "wanneer", "waarom")


@dataclass
class _Sheet:
    name: str
    header: list[str]
    records: list[dict[str, str]]
    rows: list[int]

    def column(self, *names: str) -> str | None:
        folded = {fold(h): h for h in self.header}
        return next((folded[n] for n in names if n in folded), None)

    def where(self, header: str) -> str:
        return f"{header} ({excel_column(self.header.index(header))})"


@dataclass
class _Work:
    file: str
    problems: list[Problem] = field(default_factory=list)

    def problem(self, code: str, sheet: _Sheet, row: int, where: str | None,
                **params: Any) -> None:
        self.problems.append(Problem(code, file=self.file, sheet=sheet.name, row=row,
                                     column=sheet.where(where) if where else None,
                                     params=params))


def _chosen_sheets(wb: Any) -> dict[str, str]:
    """Kind -> the one sheet of `wb` read for it: the first visible one of that name, else
    the first hidden one. Only these sheets are read: every other sheet of the workbook,
    however large, is never parsed."""
    chosen: dict[str, str] = {}
    names = [n for n in wb.sheetnames if hasattr(wb[n], "iter_rows")]
    hidden = {n for n in names if getattr(wb[n], "sheet_state", "visible") != "visible"}
    for name in sorted(names, key=lambda n: n in hidden):  # visible first, in book order
        kind = next((k for k, folded in SHEETS.items() if fold(name) in folded), None)
        if kind is not None and kind not in chosen:
            chosen[kind] = name
    return chosen


def _read(path: Path) -> dict[str, _Sheet]:
    if not path.exists():
        raise InputError(Problem("problem.file_missing", params={"path": str(path)}))
    if path.suffix.casefold() not in WORKBOOK_SUFFIXES:
        raise InputError(Problem("problem.correction_empty", file=path.name))
    found: dict[str, _Sheet] = {}
    with open_workbook(path) as wb:
        for kind, name in _chosen_sheets(wb).items():
            header, records, rows = table_records(
                workbook_cells(wb[name], file=path.name, sheet=name))
            found[kind] = _Sheet(name, header, records, rows)
    if not any(s.records for s in found.values()):
        raise InputError(Problem("problem.correction_empty", file=path.name))
    return found


def _raw(table: str, sheet: _Sheet | None, file: str) -> RawTable:
    """The rows of `sheet` as a raw table (without wie/wanneer/waarom), for `validate`."""
    if sheet is None:
        return RawTable(table, file, None, pd.DataFrame(dtype=object), [])
    keep = [h for h in sheet.header if h and fold(h) not in WHO_COLUMNS]
    frame = pd.DataFrame([[r.get(h, "") for h in keep] for r in sheet.records],
                         columns=keep, dtype=object)
    return _as_raw(table, file, sheet, frame)


def _as_raw(table: str, file: str, sheet: _Sheet, frame: pd.DataFrame) -> RawTable:
    from wijkgraph.model.schema import canonical_column

    headers: dict[str, str] = {}
    columns = []
    for h in frame.columns:
        canon = canonical_column(table, h) or h
        if canon not in headers:
            headers[canon] = h
            columns.append(h)
    out = frame[columns].copy()
    out.columns = list(headers)
    return RawTable(table, file, sheet.name, out, list(sheet.rows), headers)


def _who(sheet: _Sheet, record: dict[str, str]) -> dict[str, str]:
    return {w: record.get(h, "") for w in WHO_COLUMNS
            if (h := sheet.column(w)) is not None and record.get(h, "")}


class _Names:
    """Find an actor by id, exact name or name ignoring case and spaces."""

    def __init__(self, actors: pd.DataFrame) -> None:
        self.by: dict[str, str] = {}
        for aid, name in zip(actors["id"], actors["name"], strict=True):
            for key in (str(aid), str(name), fold(str(name)), fold(str(aid))):
                self.by.setdefault(key, str(aid))

    def find(self, value: str) -> str | None:
        return self.by.get(value) or self.by.get(fold(value))


def apply_corrections(network_or_tables: WijkNetwork | Tables, path: str | Path,
                      ) -> WijkNetwork:
    """`network_or_tables` with the corrections of the workbook `path` applied.

    Parameters
    ----------
    network_or_tables : WijkNetwork or Tables
        The network as read from its input; it is not changed.
    path : str or Path
        A corrections workbook (``Download aanvullingen`` of the map, or typed by hand).

    Returns
    -------
    WijkNetwork
        A new network; ``meta["corrections"]`` says what changed (file, added actors,
        added and ended ties, notes, with who/when/why).

    Raises
    ------
    ValidationError
        Every problem at once: an unknown actor in a new tie, an ended tie that does not
        exist, a new party that already exists, a value outside a vocabulary.
    InputError
        The file is missing, no workbook, or holds no corrections.

    Examples
    --------
    See the module docstring.
    """
    if isinstance(network_or_tables, WijkNetwork):
        network = network_or_tables
    else:
        network = build_network(network_or_tables)
    path = Path(path)
    sheets = _read(path)
    work = _Work(path.name)
    tables = network.tables
    names = _Names(tables.actors)
    new_sheet = sheets.get("actors")
    if new_sheet is not None:
        col = new_sheet.column("naam", "name", "label")
        for rec, row in zip(new_sheet.records, new_sheet.rows, strict=True):
            if col is not None and rec.get(col) and names.find(rec[col]):
                work.problem("problem.correction_actor_exists", new_sheet, row, col,
                             value=rec[col])
    new_actors, new_relations, warnings = _validate_new(tables, sheets, work)
    all_names = _Names(pd.concat([tables.actors[["id", "name"]],
                                  new_actors[["id", "name"]]]) if len(new_actors)
                       else tables.actors)
    ended = _ended(tables, sheets.get("ended"), all_names, work)
    notes = _notes(sheets.get("notes"), all_names, work)
    if work.problems:
        raise ValidationError(work.problems)
    actors = pd.concat([tables.actors, new_actors.reindex(columns=tables.actors.columns,
                                                          fill_value="")], ignore_index=True)
    for aid, text in notes:
        i = actors.index[actors["id"] == aid][0]
        old = str(actors.at[i, "description"] or "")
        actors.at[i, "description"] = f"{old}\n{text}".strip()
    relations = tables.relations.drop(index=[i for i, _ in ended])
    relations = pd.concat([relations, new_relations.reindex(
        columns=tables.relations.columns, fill_value="")], ignore_index=True)
    label = dict(zip(actors["id"], actors["name"], strict=True))
    report = {
        "file": path.name,
        "added_actors": new_actors["name"].tolist(),
        "added_relations": [[label[s], label[t]] for s, t in
                            zip(new_relations["source"], new_relations["target"], strict=True)],
        "ended_relations": [pair for _, pair in ended],
        "notes": [[label[a], text] for a, text in notes],
        "who": _who_rows(sheets),
    }
    new_tables = Tables(actors=actors, relations=relations.reset_index(drop=True),
                        meetings=tables.meetings, participation=tables.participation,
                        warnings=tuple(tables.warnings) + warnings, source=tables.source,
                        extra_columns=tables.extra_columns, areas=tables.areas)
    meta = {**dict(network.meta), "corrections": report}
    return build_network(new_tables, meta=meta,
                         meeting_ties=bool(network.meta.get("meeting_ties", False)))


def _validate_new(tables: Tables, sheets: dict[str, _Sheet], work: _Work
                  ) -> tuple[pd.DataFrame, pd.DataFrame, tuple[Problem, ...]]:
    """New actors and ties checked by the input's own rules (`validate`), with locations.

    The known actors join the table of new actors as plain id/name rows, so that a new
    tie may name both; only the problems of the correction rows are kept.
    """
    known = tables.actors[["id", "name"]].astype(str)
    n_known = len(known)
    raw_actors = _raw("actors", sheets.get("actors"), work.file)
    frame = pd.concat([known, raw_actors.frame], ignore_index=True).fillna("")
    headers = {"id": "id", "name": "naam", **raw_actors.headers}
    actors = RawTable("actors", work.file, raw_actors.sheet, frame.astype(object),
                      [0] * n_known + raw_actors.rows, headers)
    relations = _raw("relations", sheets.get("relations"), work.file)
    try:
        checked = validate({"actors": actors, "relations": relations}, source=work.file)
    except ValidationError as exc:
        work.problems.extend(p for p in exc.problems if p.row != 0)
        return known.iloc[0:0], tables.relations.iloc[0:0], ()
    keep = tuple(w for w in checked.warnings if w.row not in (0, None)
                 and w.code != "problem.no_relations")
    return checked.actors.iloc[n_known:], checked.relations, keep


def _ended(tables: Tables, sheet: _Sheet | None, names: _Names, work: _Work
           ) -> list[tuple[Any, list[str]]]:
    """(row index in relations, [source name, target name]) of every ended tie."""
    out: list[tuple[Any, list[str]]] = []
    if sheet is None:
        return out
    rel = tables.relations
    labels = dict(zip(tables.actors["id"], tables.actors["name"], strict=True))
    src_col = sheet.column("van", "source", "from")
    dst_col = sheet.column("naar", "target", "to")
    for rec, row in zip(sheet.records, sheet.rows, strict=True):
        ids = []
        for col, name in ((src_col, "van"), (dst_col, "naar")):
            value = rec.get(col, "") if col else ""
            if not value:
                work.problem("problem.correction_missing_value", sheet, row, col,
                             column=name)
            elif (found := names.find(value)) is None:
                work.problem("problem.correction_unknown_actor", sheet, row, col, value=value)
            else:
                ids.append(found)
        if len(ids) != 2:
            continue
        a, b = ids  # a new party of this file has no tie yet: no_tie below
        hit = rel.index[((rel["source"] == a) & (rel["target"] == b))
                        | ((rel["source"] == b) & (rel["target"] == a))]
        if not len(hit):
            work.problem("problem.correction_no_tie", sheet, row, src_col,
                         source=rec[src_col or ""], target=rec[dst_col or ""])
            continue
        out.extend((i, [labels[a], labels[b]]) for i in hit)
    return out


def _notes(sheet: _Sheet | None, names: _Names, work: _Work) -> list[tuple[str, str]]:
    """(actor id, note with who and when) of every note."""
    out: list[tuple[str, str]] = []
    if sheet is None:
        return out
    actor_col = sheet.column("actor", "naam", "name")
    note_col = sheet.column("notitie", "note", "opmerking", "omschrijving")
    for rec, row in zip(sheet.records, sheet.rows, strict=True):
        value = rec.get(actor_col, "") if actor_col else ""
        note = rec.get(note_col, "") if note_col else ""
        if not value:
            work.problem("problem.correction_missing_value", sheet, row, actor_col,
                         column="actor")
        elif (found := names.find(value)) is None:
            work.problem("problem.correction_unknown_actor", sheet, row, actor_col,
                         value=value)
        elif not note:
            work.problem("problem.correction_missing_value", sheet, row, note_col,
                         column="notitie")
        else:
            who = ", ".join(v for v in _who(sheet, rec).values() if v)
            out.append((found, f"{note} ({who})" if who else note))
    return out


def _who_rows(sheets: dict[str, _Sheet]) -> list[dict[str, Any]]:
    """Who, when and why of every row that has them (for the record in analysis.json)."""
    rows = []
    for kind, sheet in sheets.items():
        for rec, row in zip(sheet.records, sheet.rows, strict=True):
            who = _who(sheet, rec)
            if who:
                rows.append({"sheet": sheet.name, "row": row, "kind": kind, **who})
    return rows


def describe_corrections(report: dict[str, Any], *, lang: str = "nl") -> list[str]:
    """What the corrections changed, one line each, for the terminal and the report.

    >>> describe_corrections({"file": "a.xlsx", "added_actors": ["Moskee"],
    ...     "added_relations": [["Moskee", "DOCK"]], "ended_relations": [], "notes": []},
    ...     lang="en")
    ['Corrections from a.xlsx:', '  1 party added: Moskee', '  1 tie added: Moskee — DOCK']
    """
    t = translator(lang)
    lines = [t.gettext("Corrections from {file}:").format(file=report["file"])]
    parts = (
        (report["added_actors"], t.count(len(report["added_actors"]),
                                         "{n} party added", "{n} parties added"),
         lambda x: x),
        (report["added_relations"], t.count(len(report["added_relations"]),
                                            "{n} tie added", "{n} ties added"),
         lambda x: f"{x[0]} — {x[1]}"),
        (report["ended_relations"], t.count(len(report["ended_relations"]),
                                            "{n} tie ended", "{n} ties ended"),
         lambda x: f"{x[0]} — {x[1]}"),
        (report["notes"], t.count(len(report["notes"]), "{n} note added",
                                  "{n} notes added"), lambda x: x[0]),
    )
    for items, head, show in parts:
        if items:
            lines.append(f"  {head}: " + t.join([show(x) for x in items]))
    return lines
