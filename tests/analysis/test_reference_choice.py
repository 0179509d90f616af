"""``--reference auto``: Utrecht's model for data from Utrecht, the general one elsewhere."""

from __future__ import annotations

import pandas as pd

from tests.analysis._gapnets import net
from wijkgraph.analysis.missing_parties import missing_parties
from wijkgraph.analysis.reference_choice import ReferenceChoice, choose_reference, is_auto
from wijkgraph.analysis.run import analyse


def _net(wijken, names=None):
    names = names or [f"Partij {i}" for i in range(len(wijken))]
    return net([{"name": n, "wijk": w} for n, w in zip(names, wijken, strict=True)])


def test_utrecht_areas_choose_utrecht_basis() -> None:
    choice = choose_reference(_net(["Lunetten", "Zuid", "Utrecht", "stadsbreed", "Kanaleneiland"]))
    # "stadsbreed" means the city of the data, whichever: it is no evidence
    assert (choice.name, choice.reason, choice.n_in_city, choice.n_with_area) == (
        "utrecht-basis", "city", 5, 5)
    assert choice.describe("nl") == (
        "Referentiemodel: utrecht-basis, gekozen omdat alle 5 actoren met een gebied in "
        "Utrecht werken (kies een ander met --reference).")


def test_areas_elsewhere_choose_the_general_model() -> None:
    choice = choose_reference(_net(["Assendorp", "Holtenbroek", "Zwolle-Zuid", "Lunetten",
                                    "stadsbreed"]))
    assert (choice.name, choice.reason, choice.n_in_city, choice.n_with_area) == (
        "wijk-algemeen", "elsewhere", 1, 5)
    assert choice.describe("en") == (
        "Reference model: wijk-algemeen, chosen because only 1 of the 5 actors with an area "
        "work in Utrecht (choose another with --reference).")
    half = choose_reference(_net(["Assendorp", "Lunetten"]))
    assert half.name == "utrecht-basis"  # at least half: Utrecht


def test_no_areas_decided_by_utrecht_names() -> None:
    utrecht = choose_reference(_net(["", "", ""], ["DOCK", "Mitros", "Huisarts Jansen"]))
    assert (utrecht.name, utrecht.reason) == ("utrecht-basis", "names")
    general = choose_reference(_net(["", ""], ["Huisarts Jansen", "Medici"]))
    assert (general.name, general.reason) == ("wijk-algemeen", "no_areas")


def test_analyse_says_what_it_chose_and_a_named_model_is_kept() -> None:
    network = _net(["Assendorp", "Holtenbroek"], ["Huisarts Assendorp", "Buurtteam Zwolle"])
    result = analyse(network)
    assert result.meta["reference"] == "wijk-algemeen"
    assert result.meta["reference_choice"] == {"name": "wijk-algemeen", "reason": "elsewhere",
                                               "n_in_city": 0, "n_with_area": 2,
                                               "n_actors": 2}
    intro = result.missing_parties.summary("en").intro
    assert intro[-1].startswith("Reference model: wijk-algemeen, chosen because none of the 2")
    named = analyse(network, reference="utrecht-basis")
    assert named.meta["reference"] == "utrecht-basis" and "reference_choice" not in named.meta
    assert not any("chosen because" in p for p in named.missing_parties.summary("en").intro)


def test_missing_parties_accepts_auto() -> None:
    mp = missing_parties(_net(["Oost", "Oost"], ["Huisarts Oost", "DOCK"]), reference="auto")
    assert mp.reference == "utrecht-basis"
    assert mp.choice == ReferenceChoice("utrecht-basis", "city", 2, 2, 2)
    assert is_auto("AUTO") and not is_auto(pd.NA)
