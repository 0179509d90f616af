"""Survey import: an online-forms export (one row per respondent) becomes a wijk network.

Microsoft Forms, Google Forms (grid questions as columns "Question [Row]") and Qualtrics
(two extra header rows under the column ids) exports are read from .xlsx or .csv. A small
YAML mapping (documented in ``docs/survey.md``) says which column holds what; without one,
`propose_mapping` guesses it from the column titles and the result says so.

Each respondent's organisation becomes an actor (a respondent who left it empty becomes
"Respondent n"); every partner they name becomes a relation from that organisation to the
partner (directed: a nomination). Partner names are grouped with
`wijkgraph.model.names.NameMatcher`: confident matches merge, doubtful ones stay separate
and are listed in the review sheet ``controle``, where the user writes the right actor in
``koppel aan`` and feeds the sheet back as ``aliases``. Nothing is dropped: every written
name is in the sheet ``namen`` with what happened to it. The respondents' answers to "who
is missing?" are kept in the sheet ``gemist`` and counted per party and per role
(`missed_by_respondents`; a network loaded from the workbook has them in
``meta["missed_by_respondents"]``). With ``anonymous=True`` names and e-mail addresses of
respondents are never read.

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> export = folder / "peiling.csv"
>>> _ = export.write_text(
...     "Tijdstempel,Bij welke organisatie werkt u?,Met welke partijen werkt u samen?,"
...     "Wie worden er gemist?\\n"
...     '2024-03-01,DOCK,"Buurtteam Oost; Stichting JOU;",Huisartsen\\n'
...     '2024-03-02,Buurtteams Oost,"dock, Wijkbureau Oost",huisarts en wijkagent\\n',
...     encoding="utf-8")
>>> result = import_survey(export)
>>> result.mapping_proposed, sorted(result.tables.actors["name"])
(True, ['Buurtteams Oost', 'DOCK', 'Stichting JOU', 'Wijkbureau Oost'])
>>> [(m["name"], m["count"]) for m in result.missed_by_respondents()]
[('Huisartsen', 2), ('wijkagent', 1)]
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from wijkgraph.errors import InputError, OutputError, Problem
from wijkgraph.i18n import MESSAGES, N_, register
from wijkgraph.io.tables import open_workbook, read_csv_cells, squash_cell, workbook_cells
from wijkgraph.model.names import NameMatcher, is_non_name, normalise_name
from wijkgraph.model.network import WijkNetwork, build_network
from wijkgraph.model.schema import fold, normalise_channel, parse_strength, squash
from wijkgraph.model.tables import Tables, load_tables, tables_from_frames

if "problem.survey_column_missing" not in MESSAGES:
    register({
        "problem.survey_column_missing": N_(
            "The mapping names column '{column}' for '{key}', but the export has no such "
            'column.{suggestion_text} Columns in the export: {found}.'),
        "problem.survey_no_mapping": N_(
            "I cannot guess which column holds the respondent's organisation or the partners named. Write a "
            'mapping (YAML, see docs/survey.md) and pass it with --mapping. Columns in the export: {found}.'),
        "problem.survey_bad_mapping": N_(
            'The mapping cannot be read: {reason}. See docs/survey.md for an example.'),
        "problem.survey_no_respondents": N_('The export holds no responses (header rows only).'),
        "problem.survey_bad_aliases": N_(
            "The alias table lacks a column '{column}' (found: {found}). Use the sheet 'controle' from "
            "wijkgraph survey's output, or columns 'genoemd' and 'koppel aan'."),
    })

MAPPING_KEYS = ("organisation", "respondent", "email", "role", "domain", "wijk", "partners",
                "partner_grid", "channels", "strength", "missing", "wave", "wave_column",
                "directed")
LIST_KEYS = ("partners", "missing")
IDENTITY_KEYS = ("respondent", "email")
_GRID = re.compile(r"^(?P<q>.+?)\s*(?:\[(?P<row>[^\[\]]+)\]|\s-\s(?P<row2>[^-].*))\s*$")
_SPLIT = re.compile(r"\s*(?:[;,\n\r]|\s\|\s)\s*")
_AND = re.compile(r"\s+(?:en|&|\+|and)\s+", re.IGNORECASE)
NO_TIE = frozenset({"", "nee", "no", "0", "nooit", "never", "geen", "geencontact", "niet",
                    "nvt", "false", "onwaar"})

# Words in column titles that say what a column holds (folded, see `propose_mapping`).
_HINTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # key: (any of these words, none of these words)
    "missing": (("gemist", "missen", "mist", "ontbreekt", "ontbreken", "missing", "lacking"),
                ()),
    "partners": (("samenwerk", "werktusamen", "werkjesamen", "partners", "partijen",
                  "collaborat", "workwith", "contactmet", "samen"),
                 ("gemist", "missen", "mist", "manier", "hoe", "kanaal", "how", "channel",
                  "niveau", "intensi")),
    "organisation": (("organisatie", "werkgever", "namens", "organisation", "organization",
                      "werkzaambij", "werktubij", "instelling"),
                     ("samen", "gemist", "partners", "partijen", "andere")),
    "channels": (("manier", "kanaal", "kanalen", "overlegvorm", "contactvorm", "channel",
                  "hoeheeftu", "hoehebtu"), ("gemist",)),
    "strength": (("leermechanisme", "intensiteit", "intensief", "sterkte", "niveau",
                  "strength"), ("gemist",)),
    "role": (("functie", "rol", "role", "beroep"), ("organisatie",)),
    "domain": (("domein", "sector", "domain"), ()),
    "wijk": (("wijk", "buurt", "neighbourhood", "district"), ("samen", "gemist", "buurtteam")),
    "email": (("email", "emailadres", "mailadres"), ()),
    "respondent": (("uwnaam", "naamrespondent", "yourname", "respondent"), ("organisatie",)),
}
_EXACT = {"naam": "respondent", "name": "respondent", "volledigenaam": "respondent",
          "fullname": "respondent", "email": "email", "emailadres": "email",
          "emailaddress": "email", "recipientemail": "email"}
_META = frozenset({"id", "tijdstempel", "timestamp", "begintijd", "starttime",
                   "tijdvanvoltooien", "completiontime", "tijdlaatstgewijzigd",
                   "lastmodifiedtime", "startdate", "enddate", "status", "ipaddress",
                   "progress", "durationinseconds", "finished", "recordeddate", "responseid",
                   "distributionchannel", "userlanguage", "locationlatitude",
                   "locationlongitude", "recipientlastname", "recipientfirstname",
                   "externalreference"})


# --- reading the export -----------------------------------------------------------------


@dataclass(frozen=True)
class Export:
    """The cells of a forms export: headers, answer rows and their row numbers in the file."""

    file: str
    headers: list[str]
    rows: list[list[str]]
    row_numbers: list[int]
    layout: str  # "qualtrics", "google", "microsoft", "tabel"


def read_export(path: str | Path) -> Export:
    """Read an .xlsx or .csv forms export; detect Qualtrics' extra header rows.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "q.csv"
    >>> _ = p.write_text('StartDate,Q1,Q2\\nStart Date,Organisatie,Partners\\n'
    ...                  '"{""ImportId"":""startDate""}","{""ImportId"":""QID1""}",x\\n'
    ...                  '2024-01-01,DOCK,JOU\\n')
    >>> e = read_export(p)
    >>> e.layout, e.headers, e.rows, e.row_numbers
    ('qualtrics', ['Start Date', 'Organisatie', 'Partners'], [['2024-01-01', 'DOCK', 'JOU']], [4])
    """
    path = Path(path)
    if not path.exists():
        raise InputError(Problem("problem.file_missing", params={"path": str(path)}))
    is_xlsx = path.suffix.casefold() in (".xlsx", ".xlsm")
    cells = _first_sheet(path) if is_xlsx else read_csv_cells(path)
    cells = [[squash_cell(c) for c in row] for row in cells]
    start = next((i for i, row in enumerate(cells) if any(row)), None)
    if start is None:
        raise InputError(Problem("problem.empty_file", file=path.name))
    header_at, data_at = start, start + 1
    layout = "tabel"
    third = cells[start + 2] if len(cells) > start + 2 else []
    if any(c.startswith('{"ImportId"') for c in third):
        header_at, data_at, layout = start + 1, start + 3, "qualtrics"
    headers = [squash(h) for h in cells[header_at]]
    folded = {fold(h) for h in headers}
    if layout == "tabel":
        if folded & {"tijdstempel", "timestamp"} or any(_GRID.match(h) and "[" in h
                                                        for h in headers):
            layout = "google"
        elif folded & {"begintijd", "starttime", "tijdvanvoltooien", "completiontime"}:
            layout = "microsoft"
    rows, numbers = [], []
    for i, row in enumerate(cells[data_at:], start=data_at + 1):
        if any(row):
            rows.append(row + [""] * (len(headers) - len(row)))
            numbers.append(i)
    if not rows:
        raise InputError(Problem("problem.survey_no_respondents", file=path.name))
    return Export(path.name, headers, rows, numbers, layout)


def _first_sheet(path: Path) -> list[list[str]]:
    with open_workbook(path) as wb:
        for ws in wb.worksheets:
            cells = workbook_cells(ws)
            if any(any(c for c in row) for row in cells):
                return cells
        return []


# --- the mapping --------------------------------------------------------------------------


def propose_mapping(headers: Iterable[str]) -> dict[str, Any]:
    """Guess a mapping from column titles (Dutch or English).

    >>> propose_mapping(["Tijdstempel", "Wat is uw functie?", "Bij welke organisatie werkt u?",
    ...                  "Met wie werkt u samen? [DOCK]", "Met wie werkt u samen? [JOU]",
    ...                  "Wie worden er gemist?"])
    {'role': 'Wat is uw functie?', 'organisation': 'Bij welke organisatie werkt u?', \
'partner_grid': 'Met wie werkt u samen?', 'missing': ['Wie worden er gemist?']}
    """
    headers = list(headers)
    mapping: dict[str, Any] = {}
    grids: dict[str, int] = Counter()
    for h in headers:
        m = _GRID.match(h)
        if m and (m.group("row") or m.group("row2")):
            grids[m.group("q").strip()] += 1
    grid_questions = {q for q, n in grids.items() if n >= 2}
    for h in headers:
        key = fold(h)
        m = _GRID.match(h)
        if m and m.group("q").strip() in grid_questions:
            q = m.group("q").strip()
            if "partner_grid" not in mapping and _has(fold(q), "partners"):
                mapping["partner_grid"] = q
            continue
        if key in _META:
            continue
        if key in _EXACT:
            mapping.setdefault(_EXACT[key], h)
            continue
        for name in ("missing", "strength", "channels", "partners", "organisation", "role",
                     "domain", "wijk", "email", "respondent"):
            if _has(key, name):
                if name in LIST_KEYS:
                    mapping.setdefault(name, []).append(h)
                else:
                    mapping.setdefault(name, h)
                break
    if "partner_grid" not in mapping and "partners" not in mapping and grid_questions:
        mapping["partner_grid"] = sorted(grid_questions)[0]
    return mapping


def _has(folded: str, name: str) -> bool:
    anyof, noneof = _HINTS[name]
    return any(w in folded for w in anyof) and not any(w in folded for w in noneof)


def read_mapping(source: str | Path | Mapping[str, Any]) -> dict[str, Any]:
    """A mapping from a YAML file (or a dict), checked: known keys, text or list values."""
    if isinstance(source, Mapping):
        data: Any = dict(source)
        name = "<mapping>"
    else:
        path = Path(source)
        name = path.name
        if not path.is_file():
            raise InputError(Problem("problem.file_missing", params={"path": str(path)}))
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise InputError(Problem("problem.survey_bad_mapping", file=name,
                                     params={"reason": type(exc).__name__})) from exc
    if not isinstance(data, Mapping):
        raise InputError(Problem("problem.survey_bad_mapping", file=name,
                                 params={"reason": "expected 'key: column' lines"}))
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key not in MAPPING_KEYS:
            raise InputError(Problem("problem.survey_bad_mapping", file=name, params={
                "reason": f"unknown key '{key}' (known: {', '.join(MAPPING_KEYS)})"}))
        if value is None:
            continue
        if key == "directed":
            out[key] = bool(value)
        elif key in LIST_KEYS:
            out[key] = [str(v) for v in value] if isinstance(value, list) else [str(value)]
        else:
            out[key] = str(value)
    return out


def mapping_yaml(mapping: Mapping[str, Any]) -> str:
    """The mapping as YAML text, keys in the documented order."""
    ordered = {k: mapping[k] for k in MAPPING_KEYS if k in mapping}
    return yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False)


def _resolve(export: Export, mapping: Mapping[str, Any]) -> dict[str, Any]:
    """Column indexes of the mapped columns; raise when a named column is not there."""
    headers = export.headers
    folded = [fold(h) for h in headers]

    def find(key: str, column: str) -> int:
        if column in headers:
            return headers.index(column)
        if fold(column) in folded:
            return folded.index(fold(column))
        close = difflib.get_close_matches(column, headers, n=1, cutoff=0.6)
        raise InputError(Problem("problem.survey_column_missing", file=export.file, params={
            "key": key, "column": column, "suggestion": close[0] if close else None,
            "found": ", ".join(h for h in headers if h) or "-"}))

    cols: dict[str, Any] = {}
    for key in ("organisation", "respondent", "email", "role", "domain", "wijk", "channels",
                "strength", "wave_column"):
        if mapping.get(key):
            cols[key] = find(key, mapping[key])
    for key in LIST_KEYS:
        cols[key] = [find(key, c) for c in mapping.get(key, [])]
    grid: list[tuple[int, str]] = []
    if mapping.get("partner_grid"):
        prefix = fold(mapping["partner_grid"])
        for i, h in enumerate(headers):
            m = _GRID.match(h)
            if m and fold(m.group("q")) == prefix:
                grid.append((i, (m.group("row") or m.group("row2") or "").strip()))
        if not grid:
            find("partner_grid", mapping["partner_grid"] + " [...]")
    cols["grid"] = grid
    return cols


# --- splitting answers ----------------------------------------------------------------------


def split_answer(text: str, known_keys: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """Split a free-text or multi-select answer into names.

    Separators: ``;``, ``,``, line breaks, `` | ``, and `` en ``/``&``/``+`` unless the
    whole part is a known name ("Werk en Inkomen"). Empty parts and trailing separators
    are dropped.

    >>> split_answer("DOCK; Buurtteam Oost;;\\nJOU en SSH,")
    ['DOCK', 'Buurtteam Oost', 'JOU', 'SSH']
    >>> split_answer("Werk en Inkomen", {"werk en inkoman"})
    ['Werk', 'Inkomen']
    >>> split_answer("Werk en Inkomen", {normalise_name("Werk en Inkomen")})
    ['Werk en Inkomen']
    """
    out = []
    for part in _SPLIT.split(str(text)):
        part = squash(part.strip(" .-–•*\t"))
        if not part:
            continue
        if _AND.search(part) and normalise_name(part) not in known_keys:
            out.extend(p for p in (squash(x.strip(" .-")) for x in _AND.split(part)) if p)
        else:
            out.append(part)
    return out


# --- the import -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SurveyImport:
    """The network made from a survey export, with everything needed to check it.

    Attributes
    ----------
    tables : Tables
        Validated actors and relations (a normal wijkgraph network).
    names : DataFrame
        Every name written in the partner answers and the organisation column:
        ``genoemd``, ``aantal``, ``actor``, ``status``, ``score``, ``voorstel``.
    review : DataFrame
        The names to check (status ``controleren`` first, then merged names), with an
        empty column ``koppel aan`` for the user.
    missed : DataFrame
        One row per party a respondent said is missing: ``respondent``, ``rol``,
        ``domein``, ``genoemd``, ``partij``, ``actor``, ``in_netwerk``.
    respondents : DataFrame
        ``respondent`` (number), ``rij``, ``actor``, ``rol``, and unless anonymous
        ``naam`` and ``e-mail``.
    mapping : dict
        The mapping used; `mapping_proposed` is True when wijkgraph guessed it.
    """

    tables: Tables
    names: pd.DataFrame
    review: pd.DataFrame
    missed: pd.DataFrame
    respondents: pd.DataFrame
    mapping: Mapping[str, Any]
    mapping_proposed: bool
    layout: str
    anonymous: bool
    notes: tuple[tuple[str, str], ...] = field(default_factory=tuple)

    @property
    def n_respondents(self) -> int:
        return len(self.respondents)

    def missed_by_respondents(self) -> list[dict[str, Any]]:
        """The missed parties counted (see `missed_by_respondents`)."""
        return missed_by_respondents(self.missed)

    def network(self) -> WijkNetwork:
        """The `WijkNetwork`, with ``meta["missed_by_respondents"]``."""
        return build_network(self.tables, meta={
            "name": Path(self.tables.source).stem, "source": self.tables.source,
            "missed_by_respondents": self.missed_by_respondents()})

    def to_frame(self) -> pd.DataFrame:
        """The name matches (what `names` holds)."""
        return self.names

    def to_dict(self) -> dict[str, Any]:
        from wijkgraph.analysis._result import jsonable

        return jsonable({"respondents": self.n_respondents,
                         "actors": len(self.tables.actors),
                         "relations": len(self.tables.relations),
                         "to_review": int((self.names["status"] == "controleren").sum()),
                         "mapping": dict(self.mapping),
                         "mapping_proposed": self.mapping_proposed,
                         "missed_by_respondents": self.missed_by_respondents()})

    def explain(self, lang: str = "nl") -> str:
        """Two or three sentences: what was read, what was merged, what to check."""
        status = Counter(self.names["status"])
        merged = status.get("samengevoegd", 0) + status.get("gelijk", 0)
        review = status.get("controleren", 0)
        n_missed = len(self.missed_by_respondents())
        if lang == "en":
            text = (f"{self.n_respondents} respondents gave {len(self.tables.actors)} actors "
                    f"and {len(self.tables.relations)} relations. {merged} spellings were "
                    f"merged with another; {review} name(s) are uncertain and listed in the "
                    f"sheet 'controle'. Respondents named {n_missed} missing part(y/ies).")
        else:
            text = (f"{self.n_respondents} respondenten leverden {len(self.tables.actors)} "
                    f"actoren en {len(self.tables.relations)} relaties op. {merged} "
                    f"schrijfwijze(n) zijn samengevoegd met een andere; {review} naam/namen "
                    f"zijn onzeker en staan in het blad 'controle'. Respondenten noemden "
                    f"{n_missed} gemiste partij(en).")
        return text + "".join(" " + (en if lang == "en" else nl) for nl, en in self.notes)

    def sheets(self) -> dict[str, list[list[Any]]]:
        """The extra sheets of the output workbook (besides actoren and relaties)."""
        out = {"controle": _rows(self.review), "namen": _rows(self.names),
               "gemist": _rows(self.missed)}
        if not self.respondents.empty:
            out["respondenten"] = _rows(self.respondents)
        out["koppeling"] = [["sleutel", "kolom"]] + [
            [k, "; ".join(v) if isinstance(v, list) else str(v)]
            for k, v in self.mapping.items()]
        return out

    def write(self, path: str | Path, *, force: bool = False) -> Path:
        """Write the workbook: actoren, relaties, controle, namen, gemist, (respondenten),
        koppeling. Refuses to overwrite an existing file unless `force`."""
        from wijkgraph.io.exchange import write_workbook

        path = Path(path)
        if path.exists() and not force:
            raise OutputError(Problem("problem.output_exists", params={"path": str(path)}))
        return write_workbook(self.tables, path, extra_sheets=self.sheets())


def _rows(frame: pd.DataFrame) -> list[list[Any]]:
    return [list(frame.columns)] + [
        [v if isinstance(v, int | float) and not isinstance(v, bool) else str(v)
         for v in row] for row in frame.itertuples(index=False)]


def read_aliases(source: str | Path | Mapping[str, str]) -> dict[str, str]:
    """Written name -> actor, from a corrected review sheet, a CSV or a dict.

    Reads the sheet ``controle`` (or ``aliassen``/``aliases``, else the first sheet) of a
    workbook, or a CSV; columns ``genoemd`` (or ``alias``, ``naam``, ``name``) and
    ``koppel aan`` (or ``actor``). Rows with an empty ``koppel aan`` are skipped.
    """
    if isinstance(source, Mapping):
        return {str(k): str(v) for k, v in source.items() if str(v).strip()}
    path = Path(source)
    if not path.exists():
        raise InputError(Problem("problem.file_missing", params={"path": str(path)}))
    if path.suffix.casefold() in (".xlsx", ".xlsm"):
        from wijkgraph.io.exchange import _read_sheets

        sheets = _read_sheets(path)
        by_fold = {fold(n): n for n in sheets}
        name = next((by_fold[k] for k in ("controle", "aliassen", "aliases", "alias")
                     if k in by_fold), next(iter(sheets), None))
        cells = sheets[name] if name else []
        sheet = name
    else:
        cells = read_csv_cells(path)
        sheet = None
    from wijkgraph.io.exchange import _table_records

    header, records, _rows_ = _table_records(cells)
    folded = {fold(h): h for h in header}
    src = next((folded[k] for k in ("genoemd", "alias", "naam", "name", "written")
                if k in folded), None)
    dst = next((folded[k] for k in ("koppelaan", "actor", "koppelen", "mapto", "target")
                if k in folded), None)
    for column, found in (("genoemd", src), ("koppel aan", dst)):
        if found is None:
            raise InputError(Problem("problem.survey_bad_aliases", file=path.name, sheet=sheet,
                                     params={"column": column, "found": ", ".join(header)}))
    return {r[src]: r[dst] for r in records if r.get(src) and r.get(dst)}


def import_survey(
    path: str | Path,
    *,
    mapping: str | Path | Mapping[str, Any] | None = None,
    aliases: str | Path | Mapping[str, str] | None = None,
    anonymous: bool = False,
) -> SurveyImport:
    """Turn a forms export into a validated wijk network plus review and missed sheets.

    Parameters
    ----------
    path : str or Path
        The export (.xlsx or .csv; Microsoft Forms, Google Forms or Qualtrics).
    mapping : path, dict or None
        Which column holds what (see ``docs/survey.md``); None: proposed from the titles.
    aliases : path, dict or None
        Corrections: written name -> actor (e.g. the corrected sheet ``controle``).
    anonymous : bool
        Do not read respondents' names or e-mail addresses at all.

    Returns
    -------
    SurveyImport

    Raises
    ------
    InputError
        Unreadable export or mapping, a mapped column that is not in the export, or no
        column for the organisation nor for partners.
    """
    path = Path(path)
    export = read_export(path)
    proposed = mapping is None
    used = propose_mapping(export.headers) if mapping is None else read_mapping(mapping)
    if anonymous:
        used = {k: v for k, v in used.items() if k not in IDENTITY_KEYS}
    if not (used.get("organisation") or used.get("partners") or used.get("partner_grid")):
        raise InputError(Problem("problem.survey_no_mapping", file=export.file, params={
            "found": ", ".join(h for h in export.headers if h) or "-"}))
    cols = _resolve(export, used)
    alias_map = read_aliases(aliases) if aliases is not None else {}
    directed = bool(used.get("directed", True))

    def cell(row: list[str], key: str) -> str:
        i = cols.get(key)
        return squash(row[i]) if isinstance(i, int) and i < len(row) else ""

    # 1. every respondent, their organisation and answers
    people = []
    for n, (row, excel_row) in enumerate(zip(export.rows, export.row_numbers, strict=True), 1):
        org = cell(row, "organisation")
        person: dict[str, Any] = {
            "nr": n, "row": excel_row, "org": "" if is_non_name(org) else org,
            "role": cell(row, "role"), "domain": cell(row, "domain"),
            "wijk": cell(row, "wijk"), "wave": cell(row, "wave_column") or str(
                used.get("wave", "")),
            "strength": cell(row, "strength"),
            "channels": [c for c in split_answer(cell(row, "channels")) if c],
            "free": [row[i] for i in cols["partners"]],
            "grid": [(label, squash(row[i])) for i, label in cols["grid"]],
            "missed": [row[i] for i in cols["missing"]],
        }
        if not anonymous:
            person["name"] = cell(row, "respondent")
            person["email"] = cell(row, "email")
        people.append(person)

    # 2. split answers; " en " is kept inside names that are known whole
    known = {normalise_name(p["org"]) for p in people if p["org"]}
    known |= {normalise_name(k) for k in alias_map} | {normalise_name(v) for v in
                                                        alias_map.values()}
    first_pass = [x for p in people for text in p["free"] for x in _SPLIT.split(text)]
    known |= {normalise_name(x) for x in first_pass if x.strip() and not _AND.search(x)}
    ignored: Counter[str] = Counter()
    for p in people:
        names = []
        for text in p["free"]:
            for name in split_answer(text, known):
                if is_non_name(name):
                    ignored[name] += 1
                else:
                    names.append(name)
        p["partners"] = [(name, None) for name in names]
        for label, value in p["grid"]:
            if fold(value) in NO_TIE or is_non_name(label):
                continue
            p["partners"].append((label, parse_strength(value)))

    # 3. match names: organisations first, then partners by how often they are named
    matcher = NameMatcher(aliases=alias_map)
    for p in people:
        p["actor"] = matcher.add(p["org"]).actor if p["org"] else None
    mention_count: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for p in people:
        for name, _s in p["partners"]:
            name = squash(name)
            mention_count[name] += 1
            first_seen.setdefault(name, len(first_seen))
    for name in sorted(mention_count, key=lambda x: (-mention_count[x], first_seen[x])):
        matcher.add(name)
    for p in people:
        if p["actor"] is None:
            p["actor"] = matcher._new(f"Respondent {p['nr']}", f"respondent {p['nr']}")

    # 4. actors
    actor_info: dict[str, dict[str, Any]] = {}
    for name in matcher.actors:
        actor_info[name] = {"name": name, "type": "", "domain": "", "role": "", "wijk": [],
                            "respondenten": 0, "genoemd": 0}
    for p in people:
        info = actor_info[p["actor"]]
        info["respondenten"] += 1
        info["type"] = info["type"] or ("persoon" if not p["org"] else "organisatie")
        for key in ("domain", "role"):
            info[key] = info[key] or p[key]
        info["wijk"] += [w for w in split_answer(p["wijk"]) if w not in info["wijk"]]

    # 5. relations, one per (organisation, partner), strongest answer wins
    rel: dict[tuple[str, str], dict[str, Any]] = {}
    self_mentions = 0
    bad_strength = 0
    for p in people:
        base_strength = parse_strength(p["strength"]) if p["strength"] else None
        if p["strength"] and base_strength is None:
            bad_strength += 1
        channels = []
        for c in p["channels"]:
            canon, _ok = normalise_channel(c)
            if canon not in channels:
                channels.append(canon)
        for name, grid_strength in p["partners"]:
            target = matcher.add(squash(name)).actor
            if target == p["actor"]:
                self_mentions += 1
                continue
            actor_info[target]["genoemd"] += 1
            a, b = p["actor"], target
            key = (a, b) if directed else tuple(sorted((a, b)))
            entry = rel.setdefault(key, {"strength": 1, "channels": [], "by": [],
                                         "wave": p["wave"]})
            entry["strength"] = max(entry["strength"], grid_strength or base_strength or 1)
            entry["channels"] += [c for c in channels if c not in entry["channels"]]
            if p["nr"] not in entry["by"]:
                entry["by"].append(p["nr"])

    ids = _ids(matcher.actors)
    actors = pd.DataFrame([{
        "id": ids[name], "name": name, "type": info["type"], "domain": info["domain"],
        "role": info["role"], "wijk": "; ".join(info["wijk"]),
        "respondenten": str(info["respondenten"]), "keer genoemd": str(info["genoemd"]),
    } for name, info in actor_info.items()],
        columns=["id", "name", "type", "domain", "role", "wijk", "respondenten", "keer genoemd"])
    relations = pd.DataFrame([{
        "source": ids[a], "target": ids[b], "kind": "samenwerking",
        "channel": e["channels"][0] if e["channels"] else "", "strength": e["strength"],
        "wave": e["wave"], "directed": "ja" if directed else "nee",
        "description": ("genoemd door respondent " + ", ".join(str(x) for x in e["by"])),
        "kanalen": "; ".join(e["channels"]),
    } for (a, b), e in rel.items()],
        columns=["source", "target", "kind", "channel", "strength", "wave", "directed",
                 "description", "kanalen"])
    tables = tables_from_frames(actors, relations, source=str(path))

    # 6. names, review, missed, respondents
    written_count = Counter(squash(p["org"]) for p in people if p["org"]) + mention_count
    names = matcher.matches()
    names = names[names["genoemd"] != ""].copy()
    names["aantal"] = names["genoemd"].map(lambda w: written_count.get(w, 0))
    if ignored:
        names = pd.concat([names, pd.DataFrame(
            [(w, n, "", "genegeerd", 0.0, "") for w, n in ignored.items()],
            columns=names.columns)], ignore_index=True)
    order = {"controleren": 0, "samengevoegd": 1, "alias": 2}
    review = names[names["status"].isin(order)].copy()
    review["_o"] = review["status"].map(order)
    review = review.sort_values(["_o", "score", "genoemd"], ascending=[True, False, True],
                                kind="mergesort").drop(columns="_o")
    review = review[["genoemd", "aantal", "status", "score", "actor", "voorstel"]]
    review.insert(len(review.columns), "koppel aan", "")
    review = review.reset_index(drop=True)

    missed = _missed(people, matcher, ids, known, alias_map)
    resp_cols = ["respondent", "rij", "actor", "rol"] + ([] if anonymous else ["naam", "e-mail"])
    respondents = pd.DataFrame([
        [p["nr"], p["row"], ids[p["actor"]], p["role"]]
        + ([] if anonymous else [p.get("name", ""), p.get("email", "")]) for p in people],
        columns=resp_cols)
    notes = []
    if self_mentions:
        notes.append((f"{self_mentions} keer noemde een respondent de eigen organisatie; dat "
                       "is geen relatie.",
                       f"{self_mentions} time(s) a respondent named their own organisation; "
                       "that is not a relation."))
    if bad_strength:
        notes.append((f"{bad_strength} antwoord(en) over de sterkte waren niet te begrijpen en "
                      "tellen als 1 (identificatie).",
                      f"{bad_strength} strength answer(s) could not be understood and count "
                      "as 1 (identificatie)."))
    return SurveyImport(tables, names.reset_index(drop=True), review, missed, respondents,
                        used, proposed, export.layout, anonymous, tuple(notes))


def _ids(names: Iterable[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    taken: set[str] = set()
    for name in names:
        plain = "".join(c for c in unicodedata.normalize("NFKD", name)
                        if not unicodedata.combining(c)).casefold()
        base = re.sub(r"[^0-9a-z]+", "-", plain).strip("-")
        base = base or "actor"
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        out[name] = slug
    return out


def _missed(people: list[dict[str, Any]], matcher: NameMatcher, ids: Mapping[str, str],
            known: set[str], aliases: Mapping[str, str]) -> pd.DataFrame:
    in_network = set(matcher.actors)
    missed_matcher = NameMatcher(known=matcher.actors, aliases=aliases)
    rows = []
    for p in people:
        for text in p["missed"]:
            for name in split_answer(text, known):
                if is_non_name(name):
                    continue
                m = missed_matcher.add(name)
                found = m.actor in in_network and m.status != "controleren"
                rows.append([p["nr"], p["role"], p["domain"], name, m.actor,
                             ids.get(m.actor, "") if found else "", "ja" if found else "nee"])
    return pd.DataFrame(rows, columns=["respondent", "rol", "domein", "genoemd", "partij",
                                       "actor", "in_netwerk"])


def missed_by_respondents(missed: pd.DataFrame) -> list[dict[str, Any]]:
    """Count the parties respondents said are missing: per party, how many respondents
    named it, from which roles, whether it is in the network after all.

    Sorted by count (high first), then name. `missed` has the columns of the sheet
    ``gemist``.

    >>> frame = pd.DataFrame({"respondent": [1, 2, 2], "rol": ["wijkverpleegkundige",
    ...     "sociaal makelaar", "sociaal makelaar"], "genoemd": ["huisartsen", "Huisarts",
    ...     "ROC"], "partij": ["huisartsen", "huisartsen", "ROC"], "actor": ["", "", ""],
    ...     "in_netwerk": ["nee", "nee", "nee"]})
    >>> [(m["name"], m["count"], m["roles"]) for m in missed_by_respondents(frame)]
    [('huisartsen', 2, {'sociaal makelaar': 1, 'wijkverpleegkundige': 1}), ('ROC', 1, \
{'sociaal makelaar': 1})]
    """
    if missed is None or missed.empty:
        return []
    groups: dict[str, dict[str, Any]] = {}
    for rec in missed.astype(str).to_dict("records"):
        name = rec.get("partij") or rec.get("genoemd", "")
        g = groups.setdefault(name, {"name": name, "respondents": set(), "roles": Counter(),
                                     "written": [], "actor": rec.get("actor", ""),
                                     "in_network": rec.get("in_netwerk", "") == "ja"})
        resp = rec.get("respondent", "")
        if resp not in g["respondents"]:
            g["respondents"].add(resp)
            if rec.get("rol"):
                g["roles"][rec["rol"]] += 1
        if rec.get("genoemd") and rec["genoemd"] not in g["written"]:
            g["written"].append(rec["genoemd"])
    out = []
    for g in groups.values():
        out.append({"name": g["name"], "count": len(g["respondents"]),
                    "roles": dict(sorted(g["roles"].items())), "written": g["written"],
                    "in_network": g["in_network"], "actor": g["actor"]})
    return sorted(out, key=lambda m: (-m["count"], m["name"].casefold()))


def read_survey_workbook(path: str | Path) -> WijkNetwork:
    """Load a workbook written by `SurveyImport.write` (or any workbook with a sheet
    ``gemist``): the network, with ``meta["missed_by_respondents"]``."""
    from wijkgraph.io.exchange import _read_sheets, _table_records

    path = Path(path)
    tables = load_tables(path)
    sheets = _read_sheets(path)
    name = next((n for n in sheets if fold(n) == "gemist"), None)
    _h, records, _r = _table_records(sheets[name]) if name else ([], [], [])
    missed = pd.DataFrame(records)
    return build_network(tables, meta={
        "name": path.stem, "title_nl": path.stem, "title_en": path.stem, "source": str(path),
        "missed_by_respondents": missed_by_respondents(missed)})


__all__ = ["Export", "SurveyImport", "import_survey", "mapping_yaml", "missed_by_respondents",
           "propose_mapping", "read_aliases", "read_export", "read_mapping",
           "read_survey_workbook", "split_answer"]
