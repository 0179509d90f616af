"""Themes (overlap, gaps, duplicate effort) and meetings (two-mode)."""

from __future__ import annotations

from tests.analysis._gapnets import net
from wijkgraph.analysis.meetings import meetings
from wijkgraph.analysis.themes import themes
from wijkgraph.sources.bundled import load_dataset


def test_same_theme_same_wijk_no_tie_is_duplicate_risk():
    n = net([{"name": "Eettafel A", "role": "bewonersinitiatief", "wijk": "Oost",
              "themes": "eenzaamheid"},
             {"name": "Eettafel B", "role": "bewonersinitiatief", "wijk": "Oost",
              "themes": "eenzaamheid"},
             {"name": "Eettafel C", "role": "bewonersinitiatief", "wijk": "Zuid",
              "themes": "eenzaamheid"},
             {"name": "Eettafel D", "role": "bewonersinitiatief", "wijk": "Oost",
              "themes": "eenzaamheid"},
             {"name": "Wijkagent", "wijk": "Oost", "themes": "eenzaamheid"}],
            [("Eettafel A", "Eettafel D")])
    t = themes(n)
    pairs = {(d.source, d.target) for d in t.duplicates}
    assert pairs == {("Eettafel A", "Eettafel B"), ("Eettafel B", "Eettafel D")}
    row = t.to_frame().iloc[0]
    assert (row["theme"], row["n_actors"], row["n_parts"]) == ("eenzaamheid", 5, 4)


def test_theme_absent_per_wijk():
    n = net([{"name": "A", "wijk": "Oost", "themes": "armoede; jeugd"},
             {"name": "B", "wijk": "Zuid", "themes": "jeugd"}])
    t = themes(n)
    assert t.absent_frame().values.tolist() == [["Zuid", "armoede"]]


def test_utrecht_oost_duplicate_pairs_from_readme():
    t = themes(load_dataset("utrecht-oost"))
    pairs = {frozenset((d.source, d.target)) for d in t.duplicates}
    assert frozenset(("eettafel-wittevrouwen", "samen-eten-rubenslaan")) in pairs
    assert frozenset(("tuindorp-beweegt", "wandelgroep-maarschalkerweerd")) in pairs


def test_meetings_mixing_and_no_meeting():
    n = net([{"name": "H", "domain": "zorg"}, {"name": "B", "domain": "welzijn"},
             {"name": "D", "domain": "welzijn"}, {"name": "W", "domain": "veiligheid"}],
            [("H", "B")], meetings=[{"id": "m1", "name": "Wijkoverleg"},
                                    {"id": "m2", "name": "Welzijnstafel"}],
            participation=[("H", "m1"), ("B", "m1"), ("B", "m2"), ("D", "m2")])
    m = meetings(n)
    frame = m.to_frame().set_index("id")
    assert bool(frame.loc["m1", "crosses_domains"]) and not bool(frame.loc["m2",
                                                                           "crosses_domains"])
    assert frame.loc["m1", "tie_density"] == 1.0 and frame.loc["m2", "tie_density"] == 0.0
    assert m.not_in_any == ("W",)
    assert m.actors_frame()["n_meetings"].tolist() == [0, 1, 1, 2]
    assert "1 niet (Welzijnstafel)" in m.explain("nl")


def test_no_meetings():
    m = meetings(net([{"name": "A"}]))
    assert m.items == () and m.not_in_any == ()
    assert m.explain("en") == "The data has no meetings."


def test_meetings_singular_and_summary():
    n = net([{"name": "H", "domain": "zorg"}, {"name": "B", "domain": "welzijn"},
             {"name": "D", "domain": "welzijn"}],
            [("H", "B")], meetings=[{"id": "m1", "name": "Wijkoverleg"}],
            participation=[("H", "m1"), ("B", "m1")])
    m = meetings(n)
    assert m.explain("nl") == ("1 overleg; 1 brengt domeinen samen. "
                               "1 actor zit in geen enkel overleg: D.")
    assert m.explain("en") == "1 meeting; 1 brings domains together. 1 actor is in no meeting: D."
    s = m.summary("en")
    assert s.id == "meetings" and s.title == "Meetings"
    assert (s.items[0].head, s.items[0].text) == ("In no meeting at all", "D")
    (table,) = s.tables
    assert table.columns[-2] == "domains"  # (n_domains is "domains" too)
    assert table.rows[0][-2] in ("care 1; welfare 1", "welfare 1; care 1")
    assert m.summary("nl").items[0].head == "In geen enkel overleg"


def test_themes_singular_and_summary():
    n = net([{"name": "Eettafel A", "role": "bewonersinitiatief", "wijk": "Oost",
              "themes": "eenzaamheid"},
             {"name": "Eettafel B", "role": "bewonersinitiatief", "wijk": "Oost",
              "themes": "eenzaamheid"}])
    t = themes(n)
    assert t.explain("nl") == ("1 thema; bij 1 werken actoren langs elkaar heen (niet "
                               "verbonden): eenzaamheid (2). 1 risico op dubbel werk, "
                               "bijvoorbeeld Eettafel A - Eettafel B (eenzaamheid).")
    assert t.explain("en").startswith("1 theme; 1 has actors who are not connected")
    assert "1 risk of duplicate effort, e.g." in t.explain("en")
    s = t.summary("nl")
    assert s.id == "themes" and s.title == "Agenda's: overlap en gaten"
    assert (s.items[0].head, s.items[0].tag) == ("eenzaamheid", "langs elkaar heen")
    assert s.items[0].text.startswith("2 partijen werken eraan, verdeeld over 2 groepen")
    assert [tb.caption.split(":")[0] for tb in s.tables] == ["Alle thema's",
                                                             "Risico op dubbel werk"]
