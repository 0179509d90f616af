"""The network in numbers (overview): counts, the report section, plurals in both languages."""

from __future__ import annotations

from tests.graphs import GRAPHS
from wijkgraph.analysis.overview import summarise


def test_explain_in_both_languages():
    s = summarise(GRAPHS["disconnected"]())
    assert s.explain("nl") == (
        "Het netwerk heeft 7 actoren en 4 relaties (4 verbonden paren); dichtheid 0,190. "
        "Het bestaat uit 3 delen; het grootste telt 4 actoren, en 1 actor heeft geen enkele "
        "relatie. Actoren per domein: welzijn 2, zorg 3, inwoners 1, wonen 1."
        .replace("welzijn 2, zorg 3", "zorg 3, welzijn 2"))
    assert s.explain("en").startswith(
        "The network has 7 actors and 4 relations (4 linked pairs); density 0.190. "
        "It falls apart into 3 parts; the largest holds 4 actors, and 1 actor has no tie.")


def test_summary_numbers_and_plurals():
    one = summarise(GRAPHS["triangle"]()).summary("nl")
    assert one.id == "network" and one.title == "Het netwerk in cijfers"
    labels = {n.label: n for n in one.numbers}
    assert labels["los deel"].value == "1"  # not "1 losse delen"
    assert labels["los deel"].sentence == "Iedereen is via via met iedereen verbonden."
    assert summarise(GRAPHS["triangle"]()).summary("en").numbers[4].label == "separate part"
    three = summarise(GRAPHS["disconnected"]()).summary("en")
    part = three.numbers[4]
    assert (part.value, part.label) == ("3", "separate parts")
    assert part.sentence.endswith("the largest holds 4 parties.")
    assert all(n.sentence.endswith(".") for n in three.numbers)


def test_chart_and_tables():
    s = summarise(GRAPHS["disconnected"]()).summary("nl")
    chart = s.charts[0]
    assert chart.kind == "bar_chart" and chart.title == "Partijen per domein"
    labels, values = chart.args
    assert labels[0] == "zorg" and values[0] == 3
    assert chart.kwargs["colours"][0] == "zorg" and chart.kwargs["decimal"] == ","
    assert s.chart_data[0].columns == ("domein", "aantal")
    assert s.tables[-1].caption == "Hoe diep de samenwerking gaat (leermechanisme)"
    assert s.tables[-1].rows[0] == ("1 identificatie", "2")


def test_findings_for_the_glance():
    nl = summarise(GRAPHS["disconnected"]()).summary("nl").findings
    assert [(f.head, f.priority) for f in nl] == [("Losse delen", 40), ("Het netwerk", 30)]
    assert nl[0].text == ("Het netwerk bestaat uit 3 losse delen; 1 partij heeft geen enkele "
                          "relatie.")
    en = summarise(GRAPHS["disconnected"]()).summary("en").findings
    assert en[0].text == ("The network consists of 3 separate parts; 1 party has no relation "
                          "at all.")
    assert en[1].text == ("The network has 7 actors and 4 relations (4 linked pairs); density "
                          "0.190. It falls apart into 3 parts; the largest holds 4 actors, and "
                          "1 actor has no tie.")
    # a connected network without isolates has only "the network"
    assert [f.priority for f in summarise(GRAPHS["triangle"]()).summary("en").findings] == [30]


def test_to_frame_is_codes_and_numbers():
    f = summarise(GRAPHS["path"]()).to_frame()
    assert f.columns.tolist() == ["measure", "value"]
    assert "n_actors" in set(f["measure"])


def test_channels_are_named_in_the_report_language():
    from wijkgraph.sources.bundled import load_dataset

    s = summarise(load_dataset("utrecht-oost"))
    en = s.summary("en").tables[0]
    nl = s.summary("nl").tables[0]
    assert en.caption == "How parties are in contact (channel per relation)"
    assert [r[0] for r in en.rows][:3] == ["in-person meeting", "phone", "whatsapp"]
    assert [r[0] for r in nl.rows][:3] == ["bijeenkomst", "telefoon", "whatsapp"]
