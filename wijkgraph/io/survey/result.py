"""`SurveyImport`: the network made from a survey, the sheets to check it, the missed parties.

A workbook `SurveyImport.write` makes (sheets actoren, relaties, controle, namen, gemist,
respondenten, koppeling) is read back by `read_survey_workbook`, with the respondents'
missed parties in ``meta["missed_by_respondents"]`` (`FORMAT` in `wijkgraph.io.FORMATS`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from wijkgraph.errors import OutputError, Problem
from wijkgraph.i18n import translator
from wijkgraph.io._cells import has_sheets, read_sheets, table_records
from wijkgraph.io._format import Format
from wijkgraph.io._raw import file_meta
from wijkgraph.io.workbook import read_raw_workbook, write_workbook
from wijkgraph.model.network import WijkNetwork, build_network
from wijkgraph.model.schema import fold
from wijkgraph.model.tables import Tables, validate


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
    notes: tuple[tuple[str, int], ...] = field(default_factory=tuple)

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
        """What was read, as plain JSON values."""
        return {"respondents": self.n_respondents,
                "actors": len(self.tables.actors),
                "relations": len(self.tables.relations),
                "to_review": int((self.names["status"] == "controleren").sum()),
                "mapping": {str(k): list(v) if isinstance(v, list | tuple) else v
                            for k, v in self.mapping.items()},
                "mapping_proposed": bool(self.mapping_proposed),
                "missed_by_respondents": self.missed_by_respondents()}

    def explain(self, lang: str = "nl") -> str:
        """Two or three sentences: what was read, what was merged, what to check."""
        t = translator(lang)
        status = Counter(self.names["status"])
        merged = (status.get("samengevoegd", 0) + status.get("gelijk", 0)
                  + status.get("deelnaam", 0))
        review = status.get("controleren", 0)
        n_missed = len(self.missed_by_respondents())
        sentences = [
            t.ngettext("{n} respondent gave {actors} and {relations}.",
                       "{n} respondents gave {actors} and {relations}.",
                       self.n_respondents).format(
                n=t.number(self.n_respondents),
                actors=t.count(len(self.tables.actors), "{n} actor", "{n} actors"),
                relations=t.count(len(self.tables.relations), "{n} relation",
                                  "{n} relations")),
            t.count(merged, "{n} spelling was merged with another;",
                    "{n} spellings were merged with another;"),
            t.count(review, "{n} name is uncertain and listed in the sheet 'controle'.",
                    "{n} names are uncertain and listed in the sheet 'controle'."),
            t.count(n_missed, "Respondents named {n} missing party.",
                    "Respondents named {n} missing parties."),
        ]
        for kind, n in self.notes:
            if kind == "own_organisation":
                sentences.append(t.count(
                    n, "{n} time a respondent named their own organisation; that is not a "
                    "relation.", "{n} times a respondent named their own organisation; that "
                    "is not a relation."))
            elif kind == "bad_strength":
                sentences.append(t.count(
                    n, "{n} strength answer could not be understood and counts as 1 "
                    "(identificatie).", "{n} strength answers could not be understood and "
                    "count as 1 (identificatie)."))
        return " ".join(sentences)

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
        path = Path(path)
        if path.exists() and not force:
            raise OutputError(Problem("problem.output_exists", params={"path": str(path)}))
        return write_workbook(self.tables, path, extra_sheets=self.sheets())


def _rows(frame: pd.DataFrame) -> list[list[Any]]:
    return [list(frame.columns)] + [
        [v if isinstance(v, int | float) and not isinstance(v, bool) else str(v)
         for v in row] for row in frame.itertuples(index=False)]


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



def read_survey_workbook(path: str | Path, *, meeting_ties: bool = False) -> WijkNetwork:
    """Load a workbook written by `SurveyImport.write` (or any workbook with a sheet
    ``gemist``): the network, with ``meta["missed_by_respondents"]``."""
    path = Path(path)
    tables = validate(read_raw_workbook(path), source=str(path))
    sheets = read_sheets(path)
    name = next((n for n in sheets if fold(n) == "gemist"), None)
    _h, records, _r = table_records(sheets[name]) if name else ([], [], [])
    missed = pd.DataFrame(records)
    return build_network(tables, meeting_ties=meeting_ties, meta=file_meta(
        path, missed_by_respondents=missed_by_respondents(missed)))


def is_survey_workbook(path: str | Path) -> bool:
    """True for a workbook with a sheet ``gemist`` (what `SurveyImport.write` makes)."""
    return has_sheets(Path(path), "gemist")


FORMAT = Format("survey", (), sniff=is_survey_workbook, read=read_survey_workbook)
"""A survey workbook (sheet ``gemist``); written by `SurveyImport.write`, not by `write`."""


