"""Validation: every problem with its exact message, warnings, and the round trip
tables -> files (CSV folder, xlsx) -> tables."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wijkgraph.errors import ValidationError
from wijkgraph.io import load_tables
from wijkgraph.model.schema import Channel, Domain, RelationKind
from wijkgraph.model.tables import (
    ACTOR_COLUMNS,
    MEETING_COLUMNS,
    PARTICIPATION_COLUMNS,
    RELATION_COLUMNS,
    Tables,
    tables_from_frames,
)


def problems_of(actors: dict, relations: dict, lang: str = "en", **more: dict) -> list[str]:
    frames = {k: pd.DataFrame(v) for k, v in more.items()}
    with pytest.raises(ValidationError) as info:
        tables_from_frames(pd.DataFrame(actors), pd.DataFrame(relations), **frames)
    return info.value.describe(lang).splitlines()


ACTORS = {"name": ["DOCK Oost", "Buurtteam Oost", "Huisartsenpraktijk Zoë"]}


def test_missing_required_column() -> None:
    assert problems_of({"organisatienaam": ["A"]}, {"van": ["A"], "naar": ["A"]}) == [
        "Error: actors, row 1: Required column 'name' is missing (also accepted: naam, label, "
        "organisatie). Columns found: organisatienaam."]


def test_a_missing_column_is_reported_once_not_on_every_row() -> None:
    lines = problems_of(ACTORS, {"van": ["DOCK Oost"] * 50})
    assert lines == ["Error: relations, row 1: Required column 'target' is missing (also "
                     "accepted: doel, naar, to). Columns found: van."]


@pytest.mark.parametrize(("ids", "expected"), [
    (["DOCK", "DOCK"], "Error: actors, row 3, column 'id': Id 'DOCK' already appears in row 2. "
                       "Give every actor its own id."),
    (["DOCK", "dock"], "Error: actors, row 3, column 'id': Id 'dock' already appears in row 2 "
                       "('DOCK'). Give every actor its own id."),
    (["DOCK Oost", " DOCK   oost "], "Error: actors, row 3, column 'id': Id 'DOCK oost' already "
                                     "appears in row 2 ('DOCK Oost'). Give every actor its own id."),
])
def test_duplicate_ids(ids: list[str], expected: str) -> None:
    assert problems_of({"id": ids, "naam": ["A", "B"]}, {"van": ["A"], "naar": ["B"]})[0] == expected


def test_duplicate_names_without_ids() -> None:
    assert problems_of({"naam": ["Buurtteam Oost", "buurtteam  oost", "B"]},
                       {"van": ["B"], "naar": ["Buurtteam Oost"]}, lang="nl") == [
        "Fout: actors, rij 3, kolom 'naam': Naam 'buurtteam oost' komt al voor in rij 2 "
        "('Buurtteam Oost'). Geef elke actor een eigen naam, of geef beide een id in een kolom "
        "'id'."]


def test_unknown_actor_suggests_the_closest_name() -> None:
    lines = problems_of(ACTORS, {"van": ["Buurteam Oost"], "naar": ["DOCK Oost"]}, lang="nl")
    assert lines == [
        "Fout: relations, rij 2, kolom 'van': Relatie verwijst naar een onbekende actor "
        "'Buurteam Oost'. Bedoelt u 'Buurtteam Oost'? Gebruik een id of de exacte naam uit de "
        "actorentabel."]


def test_unknown_actor_without_a_close_name() -> None:
    assert problems_of(ACTORS, {"van": ["Politie"], "naar": ["DOCK Oost"]}) == [
        "Error: relations, row 2, column 'van': Relation points to an unknown actor "
        "'Politie'. Use an id or the exact name from the actors table."]


def test_self_loop() -> None:
    assert problems_of(ACTORS, {"van": ["DOCK Oost"], "naar": ["dock oost"]}, lang="nl") == [
        "Fout: relations, rij 2, kolom 'naar': Relatie van 'DOCK Oost' naar zichzelf. "
        "Verwijder de rij of kies een andere partij.",
        "Waarschuwing: relations, rij 2, kolom 'naar': 'dock oost' is gekoppeld aan actor "
        "'DOCK Oost' (alleen hoofdletters of spaties verschillen)."]


@pytest.mark.parametrize("value", ["sterk", "5", "0", "2,5", "veel"])
def test_strength_that_cannot_be_understood(value: str) -> None:
    assert problems_of(ACTORS, {"van": ["DOCK Oost"], "naar": ["Buurtteam Oost"],
                                "sterkte": [value]}) == [
        f"Error: relations, row 2, column 'sterkte': Strength '{value}' cannot be understood. "
        "Use 1-4 or identificatie, coordinatie, reflectie, transformatie."]


def test_empty_actor_table() -> None:
    assert problems_of({"naam": []}, {"van": [], "naar": []}) == [
        "Error: actors: Table 'actors' is empty: there are no rows below the header. Fill it "
        "in or remove the sheet.",
        "Warning: relations: The table holds no relations; the network consists of "
        "unconnected actors."]


def test_all_problems_are_collected_before_failing() -> None:
    with pytest.raises(ValidationError) as info:
        tables_from_frames(
            pd.DataFrame({"id": ["A", "A", "B"], "naam": ["a", "b", "c"], "domein": ["x"] * 3}),
            pd.DataFrame({"van": ["A", "B", "Q"], "naar": ["A", "Z", "B"], "sterkte": [9, 1, 1]}))
    codes = [p.code for p in info.value.errors]
    assert codes == ["problem.duplicate_id", "problem.self_loop", "problem.bad_strength",
                     "problem.unknown_actor", "problem.unknown_actor"]
    assert [p.code for p in info.value.warnings] == ["problem.unknown_vocab"]


def test_unknown_domain_is_kept_with_a_warning() -> None:
    tables = tables_from_frames(pd.DataFrame({"naam": ["A", "B"], "domein": ["Circus", "zorg"]}),
                                pd.DataFrame({"van": ["A"], "naar": ["B"]}))
    assert tables.actors["domain"].tolist() == ["circus", "zorg"]
    (warning,) = tables.warnings
    assert warning.describe("en").startswith(
        "Warning: actors, row 2, column 'domein': Unknown value 'Circus' in column 'domein'; "
        "it is kept as it is. Known values: zorg, welzijn,")


def test_normalised_values() -> None:
    tables = tables_from_frames(
        pd.DataFrame({"Naam": ["A", "B"], "Soort": ["Stichting", "team"],
                      "Domein": ["Gezondheidszorg", " welzijn "], "Wijk": ["Oost; Zuid", "Oost"],
                      "Thema's": ["Eenzaamheid|Armoede", ""], "Extra": ["x", "y"]}),
        pd.DataFrame({"Van": ["A"], "Naar": ["B"], "Kanaal": ["Teams"],
                      "Sterkte": ["Coördinatie"], "Gericht": ["ja"], "Soort": ["Referral"]}))
    a, r = tables.actors, tables.relations
    assert a["type"].tolist() == ["organisatie", "team"]
    assert a["domain"].tolist() == ["zorg", "welzijn"]
    assert a["wijk"].tolist() == [("Oost", "Zuid"), ("Oost",)]
    assert a["themes"].tolist() == [("eenzaamheid", "armoede"), ()]
    assert a["Extra"].tolist() == ["x", "y"]
    assert r.iloc[0][["channel", "strength", "directed", "kind"]].tolist() == [
        "online", 2, True, "verwijzing"]
    assert tables.extra_columns["actors"] == ("Extra",)


def test_dutch_excel_csv_keeps_the_names(tmp_path: Path) -> None:
    (tmp_path / "actoren.csv").write_bytes(
        "Naam;Domein\r\nHuisartsenpraktijk Zoë;zorg\r\nStichting Eïland;inwoners\r\n"
        .encode("cp1252"))
    (tmp_path / "relaties.csv").write_bytes(
        "Van;Naar\r\nHuisartsenpraktijk Zoë;Stichting Eïland\r\n".encode("cp1252"))
    tables = load_tables(tmp_path)
    assert tables.actors["name"].tolist() == ["Huisartsenpraktijk Zoë", "Stichting Eïland"]
    assert tables.relations[["source", "target"]].values.tolist() == [
        ["Huisartsenpraktijk Zoë", "Stichting Eïland"]]


def test_provenance_points_at_the_file_row(tmp_path: Path) -> None:
    (tmp_path / "actoren.csv").write_text("naam\nA\n\nB\n", "utf-8")
    (tmp_path / "relaties.csv").write_text("van,naar\n\nA,B\n", "utf-8")
    tables = load_tables(tmp_path)
    assert tables.actors[["_file", "_row"]].values.tolist() == [["actoren.csv", 2],
                                                                 ["actoren.csv", 4]]
    assert tables.relations["_row"].tolist() == [3]


def test_participation_in_unknown_meeting() -> None:
    lines = problems_of(ACTORS, {"van": [], "naar": []},
                        meetings={"naam": ["Samen Oost"]},
                        participation={"actor": ["DOCK Oost"], "overleg": ["Samen Oosst"]})
    assert lines == ["Error: participation, row 2, column 'overleg': Participation points to "
                     "an unknown meeting 'Samen Oosst'. Did you mean 'Samen Oost'?",
                     "Warning: relations: The table holds no relations; the network consists "
                     "of unconnected actors."]


def test_frames_lose_control_characters_and_float_noise() -> None:
    tables = tables_from_frames(pd.DataFrame({"id": [1.0, 2.0], "naam": ["A\x00\x07", None]}),
                                pd.DataFrame({"van": [1], "naar": [2.0], "sterkte": [float("nan")]}))
    assert tables.actors[["id", "name"]].values.tolist() == [["1", "A"], ["2", "2"]]
    assert tables.relations[["source", "target", "strength"]].values.tolist() == [["1", "2", 1]]


# --- round trip: tables -> files -> tables -----------------------------------------------

_TEXT = st.text(alphabet=st.sampled_from(list("abcdeëïéxyzABCZ 0129-,;'\"&()/.")),
                min_size=1, max_size=24)
_WORD = st.text(alphabet=st.sampled_from(list("abcëéxyz -")), min_size=1, max_size=12)


def _usable(name: str) -> bool:
    return bool(name.strip()) and not re.fullmatch(r"\s*id\s*\d+\s*", name, re.I)


@st.composite
def table_frames(draw: st.DrawFn) -> dict[str, pd.DataFrame]:
    names = draw(st.lists(_TEXT.filter(_usable), min_size=1, max_size=8,
                          unique_by=lambda s: " ".join(s.casefold().split())))
    n = len(names)
    use_ids = draw(st.booleans())
    ids = [f"id{i}" for i in range(n)]
    refs = ids if use_ids else names
    vocab = lambda enum: st.one_of(st.sampled_from([e.value for e in enum]), _WORD, st.just(""))  # noqa: E731
    actors = pd.DataFrame({
        **({"id": ids} if use_ids else {}),
        "naam": names,
        "domein": [draw(vocab(Domain)) for _ in names],
        "wijk": ["; ".join(draw(st.lists(_WORD, max_size=3))) for _ in names],
        "thema's": [" | ".join(draw(st.lists(_WORD, max_size=2))) for _ in names],
        "omschrijving": [draw(_TEXT) for _ in names],
    })
    pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1))
                          .filter(lambda p: p[0] != p[1]), max_size=12)) if n > 1 else []
    relations = pd.DataFrame({
        "van": [refs[a] for a, _ in pairs],
        "naar": [refs[b] for _, b in pairs],
        "soort": [draw(vocab(RelationKind)) for _ in pairs],
        "kanaal": [draw(vocab(Channel)) for _ in pairs],
        "sterkte": [draw(st.integers(1, 4)) for _ in pairs],
        "gericht": [draw(st.sampled_from(["ja", "nee", ""])) for _ in pairs],
        "meting": [draw(st.sampled_from(["", "2023", "2024"])) for _ in pairs],
    }, columns=["van", "naar", "soort", "kanaal", "sterkte", "gericht", "meting"])
    return {"actors": actors, "relations": relations}


def _rows(tables: Tables, table: str) -> list[list[str]]:
    """A validated table written back the way a person would type it."""
    frame = getattr(tables, table)
    columns = {"actors": ACTOR_COLUMNS, "relations": RELATION_COLUMNS}[table]
    out = [list(columns)]
    for rec in frame[list(columns)].to_dict("records"):
        row = []
        for c in columns:
            v = rec[c]
            if isinstance(v, tuple):
                v = "; ".join(v)
            elif isinstance(v, bool):
                v = "ja" if v else "nee"
            row.append(str(v))
        out.append(row)
    return out


def _same(a: Tables, b: Tables) -> None:
    for table, columns in (("actors", ACTOR_COLUMNS), ("relations", RELATION_COLUMNS),
                           ("meetings", MEETING_COLUMNS),
                           ("participation", PARTICIPATION_COLUMNS)):
        left = getattr(a, table)[list(columns)].reset_index(drop=True)
        right = getattr(b, table)[list(columns)].reset_index(drop=True)
        assert left.astype(object).values.tolist() == right.astype(object).values.tolist(), table


ROUND_TRIP = settings(max_examples=40, deadline=None,
                      suppress_health_check=[HealthCheck.function_scoped_fixture,
                                             HealthCheck.too_slow])


@ROUND_TRIP
@given(frames=table_frames(), delimiter=st.sampled_from([",", ";", "\t"]),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
def test_round_trip_through_a_csv_folder(tmp_path_factory: pytest.TempPathFactory,
                                         frames: dict[str, pd.DataFrame], delimiter: str,
                                         encoding: str) -> None:
    first = tables_from_frames(frames["actors"], frames["relations"])
    folder = tmp_path_factory.mktemp("csv")
    for table, stem in (("actors", "actoren"), ("relations", "relaties")):
        with (folder / f"{stem}.csv").open("w", encoding=encoding, newline="") as fh:
            csv.writer(fh, delimiter=delimiter).writerows(_rows(first, table))
    _same(first, load_tables(folder))


@ROUND_TRIP
@given(frames=table_frames())
def test_round_trip_through_a_workbook(tmp_path_factory: pytest.TempPathFactory,
                                       frames: dict[str, pd.DataFrame]) -> None:
    first = tables_from_frames(frames["actors"], frames["relations"])
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for table, sheet in (("actors", "actoren"), ("relations", "relaties")):
        ws = wb.create_sheet(sheet)
        for r, row in enumerate(_rows(first, table), start=1):
            for c, value in enumerate(row, start=1):
                ws.cell(row=r, column=c).value = value
                ws.cell(row=r, column=c).data_type = "s"  # text, also when it starts with '='
    path = tmp_path_factory.mktemp("xlsx") / "netwerk.xlsx"
    wb.save(path)
    _same(first, load_tables(path))
