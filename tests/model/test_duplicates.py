"""Actors typed twice: found with both rows and a score, settled by an aliases table."""

from __future__ import annotations

import itertools
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner

from wijkgraph.cli import cli
from wijkgraph.errors import ValidationError
from wijkgraph.model.duplicates import AliasEntry, likely_duplicates, merge_aliases
from wijkgraph.model.names import MERGE_AT, key_score, normalise_name
from wijkgraph.model.tables import tables_from_frames


@pytest.mark.parametrize("a, b, score, reason", [
    ("Buurthuis De Kern", "buurthuis de kern", 1.0, "same"),            # case
    ("Diëtistenpraktijk Zuid", "Dietistenpraktijk Zuid", 1.0, "same"),  # accents
    ("Gezondheidscentrum X", "Gezondheids centrum X", 0.98, "spacing"),
    ("Oost Buurtteam", "Buurtteam Oost", 0.95, "order"),
    ("Stichting Studenten Huisvesting", "SSH", 0.92, "abbreviation"),
    ("Bibliotheek", "Bibliotheek Lunetten", 0.85, "area"),               # buurt added
    ("Huisartsenpraktijk Lunetten", "Huisartsenpraktyk Lunetten", 0.9388, "typo"),  # 2*23/49
])
def test_each_way_of_typing_twice_is_found(a, b, score, reason):
    pairs = likely_duplicates(["Wijkbureau Zuid", a, b], areas=["Lunetten", "Zuid"])
    assert [(p.first, p.second, p.score, p.reason) for p in pairs] == [(1, 2, score, reason)]


@pytest.mark.parametrize("a, b", [
    ("Buurtteam Oost", "Buurtteam Zuid"),                      # two areas, two teams
    ("Wij 2.0", "Wij 3.0"),                                    # numbers differ
    ("Wijkverpleging Lunetten", "Wijkoverleg Lunetten"),       # other word, alike letters
    ("Wijkagent Oost", "Wijkcentrum Oost"),
    ("Stadsbedrijven Noordoost", "Stadsbedrijven Noordwest"),
    ("Bibliotheek Oost", "Bibliotheek Zuid"),
])
def test_different_parties_are_not_flagged(a, b):
    assert likely_duplicates([a, b], areas=["Oost", "Zuid", "Lunetten", "Noordoost",
                                            "Noordwest"]) == []


def test_blocking_loses_no_typo_pair_against_scoring_every_pair():
    # independent check: brute force over all pairs with the same score and threshold
    names = [f"{kind} {area} {n}" for kind in ("Buurtteam", "Huisartsenpraktijk", "Sportclub")
             for area in ("Oost", "Zuid") for n in range(1, 8)]
    names += ["Buurtteam Oots 3", "Huisartsenpraktjk Zuid 5", "Sportclb Oost 7",
              "Buurteam Zuid 2"]
    keys = [normalise_name(n) for n in names]
    brute = {(i, j) for i, j in itertools.combinations(range(len(names)), 2)
             if key_score(keys[i], keys[j], names[i], names[j]) >= MERGE_AT}
    found = {(d.first, d.second) for d in likely_duplicates(names)}
    assert brute and found == brute
    assert {(names[i], names[j]) for i, j in found} >= {
        ("Buurtteam Oost 3", "Buurtteam Oots 3"), ("Huisartsenpraktijk Zuid 5",
                                                   "Huisartsenpraktjk Zuid 5")}


def test_keep_apart_silences_a_pair():
    assert likely_duplicates(["GC X", "Gezondheidscentrum X"], keep_apart=["GC X"]) == []


def _tables():
    actors = pd.DataFrame({"naam": ["Gezondheidscentrum X", "DOCK", "Gezondheids centrum X",
                                    "Wijkbureau"]})
    relations = pd.DataFrame({"bron": ["Gezondheidscentrum X", "Gezondheids centrum X",
                                       "Gezondheids centrum X"],
                              "doel": ["DOCK", "Wijkbureau", "Gezondheidscentrum X"]})
    return tables_from_frames(actors, relations, source="actors")


def test_validation_warns_naming_both_rows_and_the_score():
    warnings = [w for w in _tables().warnings if w.code == "problem.likely_duplicate"]
    assert len(warnings) == 1
    w = warnings[0]
    assert (w.row, w.column, w.params["other_row"], w.params["score"].text("en")) == (
        4, "naam", 2, "0.98")
    assert w.describe("en") == (
        "Warning: actors, row 4, column 'naam': 'Gezondheids centrum X' is probably the same "
        "party as 'Gezondheidscentrum X' in row 2 (score 0.98). Merge them in one row, or "
        "list the one as the other in an aliases sheet ('naam', 'zelfde als'); list a name "
        "as itself to keep both.")
    assert "waarschijnlijk dezelfde partij als 'Gezondheidscentrum X' in rij 2 (score 0,98)" \
        in w.describe("nl")


def test_merge_moves_ties_drops_the_self_tie_and_the_warning():
    merged = merge_aliases(_tables(), [AliasEntry("Gezondheids centrum X",
                                                  "Gezondheidscentrum X")])
    assert merged.actors["name"].tolist() == ["Gezondheidscentrum X", "DOCK", "Wijkbureau"]
    pairs = sorted(map(tuple, merged.relations[["source", "target"]].values.tolist()))
    assert pairs == [("Gezondheidscentrum X", "DOCK"), ("Gezondheidscentrum X", "Wijkbureau")]
    assert not [w for w in merged.warnings if w.code == "problem.likely_duplicate"]


def test_alias_to_itself_keeps_both_without_warning():
    merged = merge_aliases(_tables(), [AliasEntry("Gezondheids centrum X",
                                                  "Gezondheids centrum X")])
    assert len(merged.actors) == 4
    assert not [w for w in merged.warnings if w.code == "problem.likely_duplicate"]


def test_unknown_actor_in_alias_is_an_error_with_its_place():
    entry = AliasEntry("GC Y", "Gezondheidscentrum X", "aliassen.xlsx", "aliassen", 3, "naam",
                       "zelfde als")
    with pytest.raises(ValidationError) as info:
        merge_aliases(_tables(), [entry])
    (p,) = info.value.problems
    assert (p.file, p.sheet, p.row, p.column, p.params["name"]) == (
        "aliassen.xlsx", "aliassen", 3, "naam", "GC Y")


def _workbook(path: Path, aliases: list[list[str]] | None = None) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "actoren"
    for row in (["naam", "domein"], ["Gezondheidscentrum X", "zorg"], ["DOCK", "welzijn"],
                ["Gezondheids centrum X", "zorg"], ["Wijkbureau", "gemeente"]):
        ws.append(row)
    rel = wb.create_sheet("relaties")
    for row in (["bron", "doel"], ["Gezondheidscentrum X", "DOCK"],
                ["Gezondheids centrum X", "Wijkbureau"], ["DOCK", "Wijkbureau"]):
        rel.append(row)
    if aliases is not None:
        sheet = wb.create_sheet("aliassen")
        for row in aliases:
            sheet.append(row)
    wb.save(path)
    return path


def test_cli_validate_warns_then_the_aliases_sheet_merges(tmp_path):
    runner = CliRunner()
    plain = _workbook(tmp_path / "plain.xlsx")
    result = runner.invoke(cli, ["validate", str(plain), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert ("plain.xlsx, sheet 'actoren', row 4, column 'naam': 'Gezondheids centrum X' is "
            "probably the same party as 'Gezondheidscentrum X' in row 2 (score 0.98)"
            in result.output)
    assert "Valid: 4 actors" in result.output
    merged = _workbook(tmp_path / "merged.xlsx", [["naam", "zelfde als"],
                                                  ["Gezondheids centrum X",
                                                   "Gezondheidscentrum X"]])
    result = runner.invoke(cli, ["validate", str(merged), "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert "probably the same party" not in result.output
    assert "Valid: 3 actors, 3 relations" in result.output


def test_cli_aliases_file_with_an_unknown_actor_fails_and_writes_nothing(tmp_path):
    book = _workbook(tmp_path / "in.xlsx")
    aliases = tmp_path / "aliassen.csv"
    aliases.write_text("naam;zelfde als\nGezondheids centrum X;Gezondheidscentrum X\n"
                       "GC Y;Gezondheidscentrum X\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["analyse", str(book), "--aliases", str(aliases), "-o",
                                      str(out), "--lang", "en"])
    assert result.exit_code == 2
    assert "aliassen.csv, row 3, column 'naam': 'GC Y' is not an actor" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()
    ok = CliRunner().invoke(cli, ["validate", str(book), "--aliases", str(aliases), "--lang",
                                  "en"])
    assert ok.exit_code == 2 and "'GC Y'" in ok.output


def _brute_typos(names, threshold=MERGE_AT):
    keys = [normalise_name(n) for n in names]
    return {(i, j) for i, j in itertools.combinations(range(len(names)), 2)
            if keys[i] != keys[j] and key_score(keys[i], keys[j], names[i], names[j]) >= threshold
            and len(set(keys[i].split()) ^ set(keys[j].split())) == 2}


def test_large_groups_are_scored_in_windows_and_lose_no_one_word_typo(monkeypatch):
    # a group larger than BLOCK_CAP is scored in sorted windows (forward and reversed
    # word): every pair that differs in one word by a typo is still found, as brute force
    # over all pairs finds it (typos at the start, middle and end of the word)
    from wijkgraph.model import duplicates

    monkeypatch.setattr(duplicates, "BLOCK_CAP", 8)
    monkeypatch.setattr(duplicates, "WINDOW", 4)
    words = ["linde", "regenboog", "kastanje", "zonnebloem", "horizon", "wending",
             "klaproos", "noorderlicht", "duizendpoot", "wereldwijs", "kameleon", "baken"]
    names = [f"Buurthuis {w.capitalize()}" for w in words]
    names += ["Buurthuis Vegenboog", "Buurthuis Kastanja", "Buurthuis Zonneblom",
              "Buurthuis Noorderlicth", "Buurthuis Xameleon"]
    brute = _brute_typos(names)
    found = {(d.first, d.second) for d in likely_duplicates(names) if d.reason == "typo"}
    assert len(brute) == 5 and found == brute


def test_bounded_on_a_name_written_a_thousand_ways():
    # one group of equal keys: each name is paired with the group's first GROUP_PARTNERS
    # names, not with every other (1,000 * 5 pairs, not 499,500); a small group keeps all
    from wijkgraph.model.duplicates import GROUP_PARTNERS

    names = ["Bibliotheek" + "." * (k % 40) + "!" * (k // 40) for k in range(1000)]
    pairs = likely_duplicates(names)
    assert len(pairs) == sum(min(p, GROUP_PARTNERS) for p in range(1000))
    assert all(p.first < GROUP_PARTNERS for p in pairs)
    assert len(likely_duplicates(names[:GROUP_PARTNERS + 1])) == 15  # 6 * 5 / 2


def test_same_pairs_whatever_the_order_of_work():
    # deterministic: the same names give the same pairs, scores and reasons, run twice
    names = [f"{kind} {area}" for kind in ("Buurtteam", "Sportclub", "Buurtteams", "Sportclb")
             for area in ("Oost", "Zuid", "Lunetten")] + ["SO", "Buurtteam", "Sport club Oost"]
    first = likely_duplicates(names, areas=["Oost", "Zuid", "Lunetten"])
    assert first == likely_duplicates(names, areas=["Oost", "Zuid", "Lunetten"])
    assert ("Sportclub Oost", "Sport club Oost") in {(names[d.first], names[d.second])
                                                     for d in first}


def test_many_spellings_of_one_name_are_listed_up_to_a_limit_then_counted():
    from wijkgraph.model.duplicates import MAX_LISTED, MorePairs, duplicate_warnings

    # 60 spellings with one key: each is paired with the group's first 5 (GROUP_PARTNERS),
    # so 1 + 2 + 3 + 4 + 5 * 55 = 285 pairs, all with score 1.0
    names = ["Buurtteam Oost" + "." * k for k in range(60)]
    t = tables_from_frames(pd.DataFrame({"naam": names}), pd.DataFrame())
    listed = [w for w in t.warnings if w.code == "problem.likely_duplicate"]
    more = [w for w in t.warnings if w.code == "problem.likely_duplicate_more"]
    assert MAX_LISTED == 100 and len(listed) == 100 and len(more) == 1
    assert more[0].message("en").startswith("... and 185 more pairs of names that are")
    assert more[0].message("nl").startswith("... en nog 185 paren met namen die")
    assert (more[0].file, more[0].row, more[0].severity) == ("actors", None, "warning")
    # the count comes after the pairs of its file, which stay in row order
    of_actors = [w for w in t.warnings if w.file == "actors"]
    assert of_actors[-1] == more[0]
    assert [w.row for w in of_actors[:-1]] == sorted(w.row for w in of_actors[:-1])
    # the best pairs first: with equal scores, by position (rows 2-7 pair with row 2 first)
    assert (listed[0].row, listed[0].params["other_row"]) == (3, 2)
    fewer = duplicate_warnings(t.actors, limit=10)
    assert len(fewer) == 11 and fewer[-1].message("en").startswith("... and 275 more pairs")
    assert len(duplicate_warnings(t.actors, limit=285)) == 285  # all listed, no count
    assert MorePairs("12345").text("nl") == "nog 12.345 paren"
    assert MorePairs("1").text("nl") == "nog 1 paar"
    # merging an alias makes the warnings again, with the count
    merged = merge_aliases(t, [AliasEntry(names[1], names[0])])
    assert [w.code for w in merged.warnings].count("problem.likely_duplicate_more") == 1


def test_two_letters_are_an_abbreviation_only_in_capitals() -> None:
    """"Bo" is a first name, "BO" may stand for Buurtteam Oost; three letters in any case."""
    names = ["Buurtteam Oost", "Bo", "BO", "Stichting Studenten Huisvesting", "ssh"]
    found = {(names[d.first], names[d.second], d.reason) for d in likely_duplicates(names)}
    assert ("Buurtteam Oost", "BO", "abbreviation") in found
    assert not any({a, b} == {"Buurtteam Oost", "Bo"} for a, b, _ in found)
    assert ("Stichting Studenten Huisvesting", "ssh", "abbreviation") in found
