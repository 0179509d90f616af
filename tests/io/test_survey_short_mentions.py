"""Survey import: short mentions ("Bibliotheek") go to the one party they can mean, and an
ambiguous one to review, never to a wrong party ("Wijkagent" is no "Wijkcentrum")."""

from __future__ import annotations

from pathlib import Path

from wijkgraph.io.survey import import_survey
from wijkgraph.model.names import NameMatcher

HEADER = "Tijdstempel,Bij welke organisatie werkt u?,Met welke partijen werkt u samen?\n"


def _survey(tmp_path: Path, rows: list[tuple[str, str]]) -> Path:
    path = tmp_path / "peiling.csv"
    path.write_text(HEADER + "".join(f'2024-03-0{i},{org},"{partners}"\n'
                                     for i, (org, partners) in enumerate(rows, 1)),
                    encoding="utf-8")
    return path


def test_short_mentions_merge_into_the_one_name_that_holds_them(tmp_path):
    result = import_survey(_survey(tmp_path, [
        ("Bibliotheek Oost", "Buurtteam Oost; Wijkcentrum Oost"),
        ("Buurtteam Oost", "Bibliotheek; Wijkagent Oost"),
        ("Wijkcentrum Oost", "buurtteam; Wijkagent"),
        ("JoU Zuid", "Bibliotheek"),
    ]))
    assert sorted(result.tables.actors["name"]) == [
        "Bibliotheek Oost", "Buurtteam Oost", "JoU Zuid", "Wijkagent Oost", "Wijkcentrum Oost"]
    review = result.review.set_index("genoemd")
    for written, actor in (("Bibliotheek", "Bibliotheek Oost"), ("buurtteam", "Buurtteam Oost"),
                           ("Wijkagent", "Wijkagent Oost")):
        assert (review.loc[written, "status"], review.loc[written, "actor"]) == ("deelnaam", actor)
    # the ties of the short mention go to that party
    ids = dict(zip(result.tables.actors["name"], result.tables.actors["id"], strict=True))
    pairs = set(zip(result.tables.relations["source"], result.tables.relations["target"],
                    strict=True))
    assert (ids["Buurtteam Oost"], ids["Bibliotheek Oost"]) in pairs
    assert (ids["JoU Zuid"], ids["Bibliotheek Oost"]) in pairs
    assert (ids["Wijkcentrum Oost"], ids["Wijkagent Oost"]) in pairs
    # "Wijkagent Oost" is its own party, never proposed as the Wijkcentrum
    assert "Wijkagent Oost" not in review.index or review.loc["Wijkagent Oost", "voorstel"] == ""
    assert "Wijkcentrum" not in " ".join(result.review["voorstel"])


def test_an_ambiguous_short_mention_goes_to_review_without_a_proposal(tmp_path):
    result = import_survey(_survey(tmp_path, [
        ("Buurtteam Oost", "buurtteam"),
        ("Buurtteam Zuid", "Wijkcentrum Oost"),
    ]))
    review = result.review.set_index("genoemd")
    assert review.loc["buurtteam", "status"] == "controleren"
    assert review.loc["buurtteam", "voorstel"] == ""
    assert review.loc["buurtteam", "actor"] == "buurtteam"  # its own actor until the user says


def test_wijkagent_is_never_proposed_as_wijkcentrum():
    # before: "Wijkagent Oost" was put up for review as "Wijkcentrum Oost" (score 0.8)
    for known, written in (("Wijkcentrum", "Wijkagent"), ("Wijkcentrum Oost", "Wijkagent Oost"),
                           ("Wijkcentrum Oost", "wijkagenten oost")):
        m = NameMatcher([known]).add(written)
        assert (m.status, m.suggestion) == ("nieuw", ""), (known, written, m)
