"""The area tree: placing written values, nesting, the bundled Utrecht data, bad sheets."""

from __future__ import annotations

import pandas as pd
import pytest

from wijkgraph.model.areas import (
    AreaTree,
    bundled_tree,
    describe_areas,
    focus_areas,
    serves,
    validate_areas,
)
from wijkgraph.model.tables import RawTable, tables_from_frames

WIJKEN = ["Noordwest", "Overvecht", "Noordoost", "Oost", "Binnenstad", "Zuid", "Zuidwest",
          "West", "Leidsche Rijn", "Vleuten-De Meern"]


def test_the_ten_wijken_of_utrecht_are_bundled() -> None:
    tree = bundled_tree()
    wijken = [n for n in tree.names if tree.level(n) == "wijk"]
    assert sorted(wijken) == sorted(WIJKEN)
    assert all(tree.parent(w) == "Utrecht" for w in wijken)
    assert all(tree.children(w) for w in wijken)  # each has buurten
    assert tree.parent("Utrecht") == "Regio Utrecht" and tree.level("Utrecht") == "stad"


@pytest.mark.parametrize(("buurt", "wijk"), [
    ("Lunetten", "Zuid"), ("Hoograven", "Zuid"), ("Tolsteeg", "Zuid"),
    ("Oudwijk", "Oost"), ("Abstede", "Oost"), ("Rijnsweerd", "Oost"), ("Galgenwaard", "Oost"),
    ("Watervogelbuurt", "Oost"), ("Wittevrouwen", "Noordoost"), ("Kanaleneiland", "Zuidwest"),
    ("Lombok", "West"), ("Terwijde", "Leidsche Rijn"), ("De Meern", "Vleuten-De Meern"),
    ("Ondiep", "Noordwest"), ("Zamenhofdreef", "Overvecht"), ("Wijk C", "Binnenstad"),
])
def test_buurten_lie_in_their_wijk(buurt: str, wijk: str) -> None:
    tree = bundled_tree()
    name = tree.place(buurt)
    assert name is not None
    assert wijk in tree.ancestors(name) and "Utrecht" in tree.ancestors(name)


@pytest.mark.parametrize(("written", "expected"), [
    ("Lunetten", "Lunetten"), ("LUNETTEN ", "Lunetten"), ("  lunetten", "Lunetten"),
    ("Mariëndaalstraat", None), ("Egelantierstraat-Mariendaalstraat",
                                  "Egelantierstraat-Mariëndaalstraat"),
    ("Leidsche  Rijn", "Leidsche Rijn"), ("leidscherijn", "Leidsche Rijn"),
    ("Vleuten De Meern", "Vleuten-De Meern"), ("wijk Zuid", "Zuid"), ("Utrecht-Oost", "Oost"),
    ("Oost Utrecht", "Oost"), ("De Uithof", "Utrecht Science Park"),
    ("Utrecht", "Utrecht"), ("stadsbreed", "Utrecht"), ("Heel de stad", "Utrecht"),
    ("gemeentebreed", "Utrecht"), ("regio", "Regio Utrecht"), ("landelijk", "Nederland"),
    ("Nieuwegein", "Nieuwegein"), ("Bloemenbuurt", None), ("", None),
])
def test_placing_written_values(written: str, expected: str | None) -> None:
    assert bundled_tree().place(written) == expected


def test_covers_means_serves_every_area_below() -> None:
    tree = bundled_tree()
    assert tree.covers("Utrecht", "Lunetten-Noord")
    assert tree.covers("stadsbreed", "Lunetten")
    assert tree.covers("Zuid", "Lunetten") and not tree.covers("Lunetten", "Zuid")
    assert not tree.covers("Oost", "Lunetten") and not tree.covers("Nieuwegein", "Oost")
    assert tree.covers("regio", "Nieuwegein") and tree.covers("lunetten", "Lunetten")
    assert tree.covers("Bloemenbuurt", "bloemenbuurt")  # unplaced: only itself
    assert not tree.covers("Utrecht", "Bloemenbuurt")
    # serves: a party above, in or below the area counts for it; none elsewhere
    assert [serves(tree, v, "Zuid") for v in (("Lunetten",), ("Utrecht",), ("Oost",))] == [
        True, True, False]


def test_levels_and_ancestors() -> None:
    tree = bundled_tree()
    assert tree.ancestors("Lunetten-Noord") == ("Lunetten", "Zuid", "Utrecht",
                                                "Regio Utrecht", "Nederland")
    assert [tree.level(n) for n in ("Nederland", "Regio Utrecht", "Utrecht", "Zuid",
                                    "Lunetten", "Lunetten-Noord", "Bokkenbuurt")] == [
        "land", "regio", "stad", "wijk", "subwijk", "buurt", "buurt"]
    assert tree.path("Lunetten-Noord") == "Lunetten-Noord > Lunetten > Zuid > Utrecht"


def test_a_small_tree_of_its_own() -> None:
    tree = AreaTree({"Stad": None, "Noord": "Stad", "Bos": "Noord"}, {"Stad": "stad"},
                    {"het bos": "Bos"}, city="Stad")
    assert tree.place("het Bos") == "Bos" and tree.place("heel de stad") == "Stad"
    assert tree.level("Bos") == "buurt" and tree.depth("Bos") == 2
    moved = tree.with_declarations([("Bos", "Stad"), ("Plein", "Noord"), ("Stad", "Bos")])
    assert moved.parent("Bos") == "Stad" and moved.parent("Plein") == "Noord"
    assert moved.parent("Stad") is None  # the row that would make a cycle is skipped


def test_focus_is_the_most_specific_level_with_most_actors() -> None:
    tree = bundled_tree()
    # 3 in Lunetten (subwijk), 2 in Zuid, 1 city-wide: Lunetten
    assert focus_areas(tree, [("Lunetten",)] * 3 + [("Zuid",)] * 2 + [("Utrecht",)]) == (
        "Lunetten",)
    # 3 in wijken (Zuid, Oost), 1 in a buurt: the wijken
    assert focus_areas(tree, [("Zuid",), ("Oost",), ("oost",), ("Lunetten",)]) == (
        "Oost", "Zuid")
    # a tie: the more specific level
    assert focus_areas(tree, [("Zuid",), ("Lunetten",)]) == ("Lunetten",)
    # values that cannot be placed count as wijken; several areas per actor do not count
    assert focus_areas(tree, [("Noord",), ("Oost",), ("Oost", "Zuid")]) == ("Noord", "Oost")
    assert focus_areas(tree, [("Oost", "Zuid"), ()]) == ("",)
    # a busy area elsewhere stays: Nieuwegein (2 of 3) is no part of Utrecht; Lombok-West
    # (1 actor, in West where nobody else is) is a stray party; Utrecht itself is above
    # the wijken and counted in them
    values = [("Oost",)] * 3 + [("Zuid",)] * 2 + [("Nieuwegein",)] * 2 + [
        ("Lombok-West",), ("Utrecht",), ("Lunetten",)]
    assert focus_areas(tree, values) == ("Nieuwegein", "Oost", "Zuid")


def _raw(rows: list[list[str]], header=("naam", "ligt in")) -> RawTable:
    frame = pd.DataFrame(rows, columns=["name", "parent"], dtype=object)
    return RawTable("areas", "w.xlsx", "gebieden", frame, list(range(2, 2 + len(rows))),
                    {"name": header[0], "parent": header[1]})


def _actors(values: list[str]) -> pd.DataFrame:
    return pd.DataFrame({"wijk": [tuple(v.split(";")) if v else () for v in values],
                         "_file": "w.xlsx", "_sheet": "actoren",
                         "_row": list(range(2, 2 + len(values)))})


def test_unknown_parent_and_cycles_name_file_sheet_row_and_column() -> None:
    rows = [["Bloemenbuurt", "Oost"], ["Noord", "Midden"], ["Midden", "Stadje"],
            ["Stadje", "Noord"], ["Akker", "Nergens"], ["Zelf", "zelf"]]
    frame, problems = validate_areas(_raw(rows, ("gebied", "valt onder")), _actors(["Oost"]))
    assert frame["name"].tolist() == [r[0] for r in rows]
    found = sorted((p.code, p.row, p.column, p.sheet, p.file) for p in problems)
    assert found == [
        ("problem.area_cycle", 3, "valt onder", "gebieden", "w.xlsx"),
        ("problem.area_cycle", 7, "valt onder", "gebieden", "w.xlsx"),
        ("problem.area_unknown_parent", 6, "valt onder", "gebieden", "w.xlsx"),
    ]
    cycle = next(p for p in problems if p.row == 3)
    assert cycle.params["path"] == "Noord > Midden > Stadje > Noord"
    assert "Nergens" in next(p for p in problems if p.row == 6).message("en")
    assert all(p.severity == "error" for p in problems)


def test_a_cycle_through_a_bundled_area() -> None:
    _, problems = validate_areas(_raw([["Zuid", "Lunetten"]]), _actors(["Zuid"]))
    assert [(p.code, p.row) for p in problems] == [("problem.area_cycle", 2)]


def test_values_that_cannot_be_placed_are_a_warning_with_their_rows() -> None:
    actors = _actors(["Lunetten", "Bloemenbuurt", "Zuid", "bloemenbuurt", "Utrecht;Plein"])
    _, problems = validate_areas(None, actors, wijk_header="Gebied")
    found = sorted((p.params["value"], p.params["rows"], p.row, p.column, p.severity)
                   for p in problems)
    assert found == [("Bloemenbuurt", "3, 5", 3, "Gebied", "warning"),
                     ("Plein", "6", 6, "Gebied", "warning")]
    # declared in the sheet: placed, no warning
    _, problems = validate_areas(_raw([["Bloemenbuurt", "Oost"], ["Plein", ""]]), actors)
    assert problems == []
    # one area only: nothing needs placing
    assert validate_areas(None, _actors(["Bloemenbuurt", "Bloemenbuurt"]))[1] == []


def test_validation_reads_the_sheet_and_validate_lists_the_areas() -> None:
    actors = pd.DataFrame({"naam": ["A", "B", "C", "D"],
                           "wijk": ["Lunetten", "Zuid", "Bloemenbuurt", "Nergens"]})
    tables = tables_from_frames(actors, pd.DataFrame({"van": ["A"], "naar": ["B"]}))
    assert [w.params["value"] for w in tables.warnings if w.code == "problem.area_unplaced"
            ] == ["Bloemenbuurt", "Nergens"]
    lines = describe_areas(tables, "en")
    assert lines[0] == "Areas in the data (4):"
    assert "  Lunetten: subwijk in Zuid > Utrecht (1 actor)" in lines
    assert "  Nergens: not placed (1 actor)" in lines
    assert describe_areas(tables, "nl")[1] == "  Lunetten: subwijk in Zuid > Utrecht (1 actor)"
