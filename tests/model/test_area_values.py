"""Meeting areas are checked like actor areas; shared areas of a suggested pair nest."""

from __future__ import annotations

from pathlib import Path

from tests.analysis._gapnets import net
from wijkgraph.analysis.missing_links import missing_links
from wijkgraph.io import read
from wijkgraph.model.areas import bundled_tree, shared_areas


def _folder(tmp_path: Path, meeting_areas: list[str]) -> Path:
    (tmp_path / "actoren.csv").write_text(
        "naam;wijk\nBuurthuis Lunetten;Lunetten\nJoU Zuid;Zuid\nGGZ Stad;stadsbreed\n",
        encoding="utf-8")
    (tmp_path / "relaties.csv").write_text("van;naar\nBuurthuis Lunetten;JoU Zuid\n",
                                           encoding="utf-8")
    lines = [f"Overleg {i};{area}" for i, area in enumerate(meeting_areas, 1)]
    (tmp_path / "overleggen.csv").write_text("naam;buurt\n" + "\n".join(lines) + "\n",
                                             encoding="utf-8")
    return tmp_path


def test_an_unplaceable_meeting_area_warns_with_its_rows(tmp_path: Path) -> None:
    network = read(_folder(tmp_path, ["Lunetten", "Bloemen-Kwartier", "bloemen kwartier",
                                      "heel de stad", "Hoograven"]))
    unplaced = [w for w in network.warnings if w.code == "problem.area_unplaced"]
    assert len(unplaced) == 1
    (w,) = unplaced
    assert (w.file, w.row, w.column) == ("overleggen.csv", 3, "buurt")
    assert w.params == {"value": "Bloemen-Kwartier", "rows": "3, 4"}
    assert "Bloemen-Kwartier" in w.describe("en") and "3, 4" in w.describe("nl")


def test_placeable_meeting_areas_do_not_warn(tmp_path: Path) -> None:
    network = read(_folder(tmp_path, ["Lunetten", "Wijk Zuid", "Utrecht-Zuid", "stadsbreed"]))
    assert not [w for w in network.warnings if w.code == "problem.area_unplaced"]


def test_shared_areas_nest_and_ignore_spelling() -> None:
    tree = bundled_tree()
    assert shared_areas(tree, ("lunetten ",), ("Zuid",)) == ("lunetten ",)
    assert shared_areas(tree, ("Zuid",), ("LUNETTEN",)) == ("LUNETTEN",)
    assert shared_areas(tree, ("Oost", "Zuid"), ("heel de stad",)) == ("Oost", "Zuid")
    assert shared_areas(tree, ("Oost",), ("Zuid",)) == ()


def test_a_suggested_pair_names_the_area_both_serve() -> None:
    # A and C share two partners and are not tied: the top suggestion; A works in
    # Lunetten, C in the whole wijk Zuid: they meet in Lunetten (no exact string match)
    n = net([{"name": "A", "wijk": "lunetten"}, {"name": "B", "wijk": "Zuid"},
             {"name": "C", "wijk": "Zuid"}, {"name": "D", "wijk": "Zuid"},
             {"name": "E", "wijk": "Oost"}],
            [("A", "B"), ("B", "C"), ("A", "D"), ("C", "D"), ("D", "E")])
    found = {frozenset((s.source_name, s.target_name)): s for s in missing_links(n).items}
    assert found[frozenset(("A", "C"))].wijk == "lunetten"
    assert found[frozenset(("B", "D"))].wijk == "Zuid"
    if frozenset(("C", "E")) in found:
        assert found[frozenset(("C", "E"))].wijk == ""


def test_every_wijk_has_its_buurten_and_vleuten_de_meern_is_complete() -> None:
    tree = bundled_tree()
    wijken = [n for n in tree.names if tree.level(n) == "wijk"]
    assert len(wijken) == 10
    for wijk in wijken:  # buurten directly or through a subwijk
        buurten = [n for n in tree.names if tree.level(n) == "buurt" and wijk in tree.ancestors(n)]
        assert len(buurten) >= 5, wijk
    # the municipality's list for Vleuten-De Meern (utrecht.nl, see the YAML header)
    assert set(tree.children("Vleuten-De Meern")) == {
        "Vleuten", "De Meern", "Haarzuilens", "Rijnenburg", "Oudenrijn", "Vleuterweide",
        "Veldhuizen", "Haarzicht", "De Woerd", "De Balije", "Reijerscop"}
    assert tree.path(tree.place("de balije") or "") == "De Balije > Vleuten-De Meern > Utrecht"
    assert tree.covers("Vleuten-De Meern", "Reijerscop") and not tree.covers("West", "Oudenrijn")
