"""`import_survey`: a forms export becomes a validated network plus review and missed sheets.

Each respondent's organisation becomes an actor, every partner they name a relation from
that organisation to the partner; names are grouped with `wijkgraph.model.names.NameMatcher`
(doubtful ones go to the review sheet ``controle``; `read_aliases` reads it back).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from wijkgraph.errors import InputError, Problem
from wijkgraph.io.aliases import read_alias_entries
from wijkgraph.io.survey.forms import (
    AND_WORDS,
    ANSWER_SEPARATORS,
    IDENTITY_KEYS,
    NO_TIE,
    propose_mapping,
    read_export,
    read_mapping,
    resolve_columns,
    split_answer,
)
from wijkgraph.io.survey.result import SurveyImport
from wijkgraph.model.names import NameMatcher, is_non_name, normalise_name
from wijkgraph.model.schema import fold, normalise_channel, parse_strength, squash
from wijkgraph.model.tables import tables_from_frames


def read_aliases(source: str | Path | Mapping[str, str]) -> dict[str, str]:
    """Written name -> actor, from a corrected review sheet, an aliases table or a dict.

    The format of `wijkgraph.io.aliases`: the sheet ``controle`` (or ``aliassen``/
    ``aliases``, else the first sheet) of a workbook, or a CSV; columns ``genoemd`` (or
    ``naam``, ``alias``, ``name``) and ``koppel aan`` (or ``zelfde als``, ``actor``). Rows
    with an empty second cell are skipped.
    """
    if isinstance(source, Mapping):
        return {str(k): str(v) for k, v in source.items() if str(v).strip()}
    return {e.name: e.same_as for e in read_alias_entries(source)}


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
    if anonymous:  # contact details typed into answers (see .anonymous)
        from wijkgraph.io.survey.anonymous import scrub_answers

        export = scrub_answers(export)
    proposed = mapping is None
    used = propose_mapping(export.headers) if mapping is None else read_mapping(mapping)
    if anonymous:
        used = {k: v for k, v in used.items() if k not in IDENTITY_KEYS}
    if not (used.get("organisation") or used.get("partners") or used.get("partner_grid")):
        raise InputError(Problem("problem.survey_no_mapping", file=export.file, params={
            "found": ", ".join(h for h in export.headers if h) or "-"}))
    cols = resolve_columns(export, used)
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
    first_pass = [x for p in people for text in p["free"] for x in ANSWER_SEPARATORS.split(text)]
    known |= {normalise_name(x) for x in first_pass if x.strip() and not AND_WORDS.search(x)}
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
    # "Bibliotheek" when "Bibliotheek Oost" is the only library: merged, listed for review
    matcher.resolve_short_mentions(protect={p["actor"] for p in people if p["actor"]})
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
            pair = (a, b) if directed or a <= b else (b, a)
            entry = rel.setdefault(pair, {"strength": 1, "channels": [], "by": [],
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
    order = {"controleren": 0, "deelnaam": 1, "samengevoegd": 2, "alias": 3}
    review = names[names["status"].isin(order)].copy()
    review["_o"] = review["status"].map(order)
    review = review.sort_values(["_o", "score", "genoemd"], ascending=[True, False, True],
                                kind="mergesort").drop(columns="_o")
    review = review[["genoemd", "aantal", "status", "score", "actor", "voorstel"]]
    review.insert(len(review.columns), "koppel aan", "")
    missed, missed_review = _missed(people, matcher, ids, known, alias_map)
    # short or doubtful names of missed parties are checked like partners' names
    missed_review = missed_review[~missed_review["genoemd"].isin(review["genoemd"])]
    review = pd.concat([review, missed_review], ignore_index=True) if len(missed_review) \
        else review.reset_index(drop=True)
    resp_cols = ["respondent", "rij", "actor", "rol"] + ([] if anonymous else ["naam", "e-mail"])
    respondents = pd.DataFrame([
        [p["nr"], p["row"], ids[p["actor"]], p["role"]]
        + ([] if anonymous else [p.get("name", ""), p.get("email", "")]) for p in people],
        columns=resp_cols)
    notes = [(kind, n) for kind, n in (("own_organisation", self_mentions),
                                        ("bad_strength", bad_strength)) if n]
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
            known: set[str], aliases: Mapping[str, str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One row per party a respondent said is missing, matched to the network's actors,
    and the rows these names add to the review sheet ``controle``.

    The same rules as the partners: a short mention whose words all occur in exactly one
    known name ("Bibliotheek" when "Bibliotheek Oost" is the only library) is that party
    (``status`` ``deelnaam``); one whose words occur in several names stays apart with
    status ``controleren`` and no proposal, never a wrong party.
    """
    in_network = list(matcher.actors)
    missed_matcher = NameMatcher(known=in_network, aliases=aliases)
    mentions: list[tuple[dict[str, Any], str]] = []
    for p in people:
        for text in p["missed"]:
            for name in split_answer(text, known):
                if not is_non_name(name):
                    mentions.append((p, name))
                    missed_matcher.add(name)
    missed_matcher.resolve_short_mentions(protect=in_network)
    network = set(in_network)
    rows = []
    for p, name in mentions:
        m = missed_matcher.add(name)
        found = m.actor in network and m.status != "controleren"
        rows.append([p["nr"], p["role"], p["domain"], name, m.actor,
                     ids.get(m.actor, "") if found else "", "ja" if found else "nee",
                     m.status, m.suggestion if m.suggestion in network else ""])
    names = missed_matcher.matches()
    doubtful = names[names["status"].isin(("deelnaam", "controleren"))
                     & ~names["genoemd"].isin(in_network)].copy()
    doubtful["aantal"] = doubtful["genoemd"].map(Counter(name for _p, name in mentions))
    doubtful["voorstel"] = [v if v in network else "" for v in doubtful["voorstel"]]
    doubtful = doubtful.sort_values(["status", "genoemd"], ascending=[True, True],
                                    kind="mergesort")
    review = doubtful[["genoemd", "aantal", "status", "score", "actor", "voorstel"]].assign(
        **{"koppel aan": ""})
    return pd.DataFrame(rows, columns=MISSED_COLUMNS), review.reset_index(drop=True)


#: The sheet ``gemist``: who said which party is missing, and how the name was matched
#: (``status`` as in the sheet ``namen``; ``voorstel`` the party a doubtful name may be).
MISSED_COLUMNS = ["respondent", "rol", "domein", "genoemd", "partij", "actor", "in_netwerk",
                  "status", "voorstel"]
