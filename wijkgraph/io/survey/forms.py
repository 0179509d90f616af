"""Reading a forms export and the mapping that says which column holds what.

Microsoft Forms, Google Forms (grid questions as columns "Question [Row]") and Qualtrics
(two extra header rows under the column ids) exports are read from .xlsx or .csv
(`read_export`). A small YAML mapping (``docs/survey.md``) names the columns
(`read_mapping`); without one, `propose_mapping` guesses it from the column titles.
`split_answer` splits a free-text answer into names.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wijkgraph.errors import InputError, Problem, Words
from wijkgraph.i18n import MESSAGES, N_, register
from wijkgraph.io._cells import (
    WORKBOOK_SUFFIXES,
    open_workbook,
    read_csv_cells,
    squash_cell,
    workbook_cells,
)
from wijkgraph.model.names import normalise_name
from wijkgraph.model.schema import fold, squash

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
GRID_COLUMN = re.compile(r"^(?P<q>.+?)\s*(?:\[(?P<row>[^\[\]]+)\]|\s-\s(?P<row2>[^-].*))\s*$")
ANSWER_SEPARATORS = re.compile(r"\s*(?:[;,\n\r]|\s\|\s)\s*")
AND_WORDS = re.compile(r"\s+(?:en|&|\+|and)\s+", re.IGNORECASE)
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
    is_xlsx = path.suffix.casefold() in WORKBOOK_SUFFIXES
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
        if folded & {"tijdstempel", "timestamp"} or any(GRID_COLUMN.match(h) and "[" in h
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
        m = GRID_COLUMN.match(h)
        if m and (m.group("row") or m.group("row2")):
            grids[m.group("q").strip()] += 1
    grid_questions = {q for q, n in grids.items() if n >= 2}
    for h in headers:
        key = fold(h)
        m = GRID_COLUMN.match(h)
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
        import yaml

        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
        except (yaml.YAMLError, UnicodeDecodeError) as exc:
            raise InputError(Problem("problem.survey_bad_mapping", file=name,
                                     params={"reason": type(exc).__name__})) from exc
    if not isinstance(data, Mapping):
        raise InputError(Problem("problem.survey_bad_mapping", file=name,
                                 params={"reason": Words(N_("expected 'key: column' lines"))}))
    out: dict[str, Any] = {}
    for key, value in data.items():
        if key not in MAPPING_KEYS:
            raise InputError(Problem("problem.survey_bad_mapping", file=name, params={
                "reason": Words(N_("unknown key '{key}' (known: {known})"), {
                    "key": key, "known": ", ".join(MAPPING_KEYS)})}))
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
    import yaml

    ordered = {k: mapping[k] for k in MAPPING_KEYS if k in mapping}
    return yaml.safe_dump(ordered, allow_unicode=True, sort_keys=False)


def resolve_columns(export: Export, mapping: Mapping[str, Any]) -> dict[str, Any]:
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
            m = GRID_COLUMN.match(h)
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
    out: list[str] = []
    for part in ANSWER_SEPARATORS.split(str(text)):
        part = squash(part.strip(" .-–•*\t"))
        if not part:
            continue
        if AND_WORDS.search(part) and normalise_name(part) not in known_keys:
            out.extend(p for p in (squash(x.strip(" .-")) for x in AND_WORDS.split(part)) if p)
        else:
            out.append(part)
    return out


