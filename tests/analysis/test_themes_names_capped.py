"""A theme of a city names its first parties and counts the rest (the report stays small)."""

from __future__ import annotations

import pandas as pd

from wijkgraph.analysis.themes import SHOWN_NAMES, themes
from wijkgraph.model.network import build_network
from wijkgraph.model.tables import tables_from_frames


def split_theme(n: int):
    """`n` parties on "armoede" in pairs that are tied to each other only (n/2 groups)."""
    names = [f"Partij {k:02d}" for k in range(n)]
    actors = pd.DataFrame({"name": names, "domain": "welzijn", "wijk": "Oost",
                           "themes": "armoede"})
    relations = pd.DataFrame({"source": names[0::2], "target": names[1::2]})
    return themes(build_network(tables_from_frames(actors, relations)))


def test_a_large_theme_names_the_first_and_counts_the_rest() -> None:
    result = split_theme(30)
    for lang, more in (("nl", "en nog 10"), ("en", "and 10 more")):
        s = result.summary(lang)
        item = s.items[0]
        assert item.head == "armoede"
        assert "Partij 00; Partij 01" in item.text and "Partij 19" in item.text
        assert "Partij 20" not in item.text and "Partij 29" not in item.text
        assert more in item.text
        cell = s.tables[0].rows[0][-1]
        assert more in str(cell) and "Partij 29" not in str(cell)
    # the data keeps every name
    assert result.to_frame().loc[0, "actors"].count(";") == 29
    assert SHOWN_NAMES == 20


def test_a_small_theme_names_everyone() -> None:
    s = split_theme(SHOWN_NAMES).summary("en")
    assert "Partij 19" in s.items[0].text and "more" not in s.items[0].text
