"""driehoek: seed 000, De Driehoek in Utrechtse buurtcentra (The Social Firm, 2015-2019)."""

from __future__ import annotations

from common import (
    Actor, Meeting, Relation, counts_line, fill_channels, markdown_table,
    write,
)

NAME = "driehoek"

WIJK_SLUG = {
    "Noordwest": "noordwest", "West": "west", "Oost": "oost", "Zuid": "zuid",
    "Zuidwest": "zuidwest", "Overvecht": "overvecht", "Noordoost": "noordoost",
    "Leidsche Rijn": "leidsche-rijn", "Vleuten-De Meern": "vleuten-de-meern",
    "Binnenstad": "binnenstad",
}

# slug, name, wijk, buurt, what is missing from the triangle ("" = complete)
CENTRES = [
    ("de-leeuw", "Buurtcentrum De Leeuw", "Noordwest", "Zuilen", ""),
    ("ondiep", "Buurtcentrum Ondiep", "Noordwest", "Ondiep", ""),
    ("oog-in-al", "Buurtcentrum Oog in Al", "West", "Oog in Al", ""),
    ("lombok", "Buurtcentrum Lombok", "West", "Lombok", ""),
    ("wittevrouwen", "Buurtcentrum Wittevrouwen", "Oost", "Wittevrouwen", ""),
    ("lunetten", "Buurtcentrum Lunetten", "Oost", "Lunetten", "no beheergroep"),
    ("hoograven", "Buurtcentrum Hoograven", "Zuid", "Hoograven",
     "no tie beheergroep - sociaal makelaar"),
    ("kanaleneiland", "Buurtcentrum Kanaleneiland", "Zuidwest", "Kanaleneiland",
     "no tie beheergroep - Stadsbedrijven"),
    ("transwijk", "Buurtcentrum Transwijk", "Zuidwest", "Transwijk", ""),
    ("overvecht-noord", "Buurtcentrum Overvecht-Noord", "Overvecht", "Overvecht-Noord",
     "no beheergroep"),
    ("tuindorp", "Buurtcentrum Tuindorp", "Noordoost", "Tuindorp", ""),
    ("terwijde", "Buurtcentrum Terwijde", "Leidsche Rijn", "Terwijde",
     "no tie sociaal makelaar - Stadsbedrijven"),
    ("vleuten", "Buurtcentrum Vleuten", "Vleuten-De Meern", "Vleuten", ""),
    ("wijk-c", "Buurtcentrum Wijk C", "Binnenstad", "Wijk C", ""),
]
ADVISED = ["de-leeuw", "hoograven", "kanaleneiland", "terwijde", "vleuten", "oog-in-al"]
INTERVIEWS = ["ondiep", "kanaleneiland", "hoograven", "lunetten", "overvecht-noord",
              "tuindorp"]


def _model() -> tuple[list[Actor], list[Relation], list[Meeting]]:
    actors = [
        Actor("the-social-firm", "The Social Firm", "organisatie", "kennis en onderzoek",
              "adviesbureau", ";".join(WIJK_SLUG), "participatie;ontmoeting",
              "Adviseurs die de Driehoek aanjoegen, onderzochten en ondersteunden "
              "(december 2016 - februari 2019; pilot De Leeuw 2015)."),
        Actor("gemeente-utrecht", "Gemeente Utrecht", "organisatie", "gemeente", "gemeente",
              ";".join(WIJK_SLUG), "ontmoeting;participatie",
              "Opdrachtgever van de onderzoeken 'Samenkracht in buurtcentrum de Leeuw' (2015) "
              "en 'De Driehoek' (2016); nieuw tarievenbeleid wijkaccommodaties (2014)."),
        Actor("stadsbedrijven-utrecht", "Stadsbedrijven Utrecht", "organisatie", "gemeente",
              "stadsbedrijven", ";".join(WIJK_SLUG), "ontmoeting",
              "Gemeentelijke dienst die de wijkaccommodaties beheert."),
        Actor("dock-utrecht", "DOCK Utrecht", "organisatie", "welzijn", "sociaal makelaar",
              ";".join(WIJK_SLUG), "participatie;ontmoeting",
              "Sociaal makelorganisatie (SMO). In 2015-2016 waren dit per wijk andere SMO's; "
              "DOCK staat hier voor de SMO-rol."),
    ]
    rels: list[Relation] = []
    for wijk, slug in WIJK_SLUG.items():
        actors.append(Actor(f"stadsbedrijven-{slug}", f"Stadsbedrijven, facilitair beheer {wijk}",
                            "team", "gemeente", "stadsbedrijven", wijk, "ontmoeting",
                            f"Facilitair beheerders van de buurtcentra in {wijk}."))
        actors.append(Actor(f"dock-{slug}", f"DOCK {wijk}", "team", "welzijn",
                            "sociaal makelaar", wijk, "participatie;ontmoeting",
                            f"Sociaal makelaars (SMO) in {wijk}."))
        rels.append(Relation("stadsbedrijven-utrecht", f"stadsbedrijven-{slug}",
                             "lidmaatschap", 2))
        rels.append(Relation("dock-utrecht", f"dock-{slug}", "lidmaatschap", 2))
        if wijk != "Leidsche Rijn":
            rels.append(Relation(f"dock-{slug}", f"stadsbedrijven-{slug}", "samenwerking",
                                 2, "ontmoeting"))
    for slug, name, wijk, buurt, missing in CENTRES:
        w = WIJK_SLUG[wijk]
        real = slug == "de-leeuw"
        note = "Pilot van de Driehoek (2015)." if real else \
            "Naam gereconstrueerd (echte buurt, gebouwnaam niet uit de bron)."
        actors.append(Actor(f"bc-{slug}", name, "accommodatie", "welzijn", "buurtcentrum",
                            wijk, "ontmoeting", f"Buurtcentrum in {buurt}. {note}"))
        sb, smo, bg = f"stadsbedrijven-{w}", f"dock-{w}", f"beheergroep-{slug}"
        rels.append(Relation(sb, f"bc-{slug}", "beheer", 2, "ontmoeting"))
        rels.append(Relation(smo, f"bc-{slug}", "beheer", 2, "ontmoeting"))
        if missing == "no beheergroep":
            continue
        actors.append(Actor(bg, f"Beheergroep {name}", "initiatief", "inwoners", "beheergroep",
                            wijk, "ontmoeting;participatie",
                            f"Bewoners die {name} mee beheren."))
        rels.append(Relation(bg, f"bc-{slug}", "beheer", 4 if real else 3, "ontmoeting"))
        if missing != "no tie beheergroep - Stadsbedrijven":
            rels.append(Relation(bg, sb, "samenwerking", 3 if real else 2))
        if missing != "no tie beheergroep - sociaal makelaar":
            rels.append(Relation(bg, smo, "samenwerking", 4 if real else 2, "participatie"))
    for slug in ADVISED:
        target = f"beheergroep-{slug}" if slug != "terwijde" else "dock-leidsche-rijn"
        rels.append(Relation("the-social-firm", target, "informatie",
                             4 if slug == "de-leeuw" else 2, "participatie"))
    rels += [
        Relation("gemeente-utrecht", "the-social-firm", "financiering", 2),
        Relation("gemeente-utrecht", "dock-utrecht", "financiering", 2),
        Relation("gemeente-utrecht", "stadsbedrijven-utrecht", "samenwerking", 3),
        Relation("the-social-firm", "dock-utrecht", "samenwerking", 2),
        Relation("the-social-firm", "stadsbedrijven-utrecht", "samenwerking", 2),
        Relation("the-social-firm", "dock-noordwest", "samenwerking", 3, "participatie"),
        Relation("the-social-firm", "stadsbedrijven-noordwest", "samenwerking", 3),
        Relation("the-social-firm", "dock-overvecht", "informatie", 1),
        Relation("the-social-firm", "dock-oost", "informatie", 1),
    ]
    beheergroepen = [a.id for a in actors if a.role == "beheergroep"]
    meetings = [
        Meeting("pilot-de-leeuw", "Pilot De Driehoek in Buurtcentrum De Leeuw (2015)",
                "ontmoeting", "Noordwest", "Pilot met de drie partijen van De Leeuw.",
                ["the-social-firm", "beheergroep-de-leeuw", "dock-noordwest",
                 "stadsbedrijven-noordwest", "gemeente-utrecht"]),
        Meeting("stedelijke-bijeenkomst-2015", "Stedelijke bijeenkomst De Driehoek (2015)",
                "ontmoeting", "", "Kennis delen over de Driehoek onder alle buurtcentra.",
                ["the-social-firm", "gemeente-utrecht", "dock-utrecht", "stadsbedrijven-utrecht",
                 "beheergroep-de-leeuw", "beheergroep-ondiep", "beheergroep-oog-in-al",
                 "beheergroep-wittevrouwen", "dock-noordwest", "dock-west", "dock-oost"]),
        Meeting("stedelijke-bijeenkomst-2016", "Stedelijke bijeenkomst De Driehoek (2016)",
                "ontmoeting", "", "Resultaten van het onderzoek; de samenwerkingsvorm in "
                "co-creatie krachtiger maken.",
                ["the-social-firm", "gemeente-utrecht", "dock-utrecht", "stadsbedrijven-utrecht",
                 *beheergroepen[:8], "dock-zuid", "dock-zuidwest", "dock-overvecht",
                 "stadsbedrijven-zuid", "stadsbedrijven-zuidwest"]),
        Meeting("facilitair-overleg", "Facilitair overleg Stadsbedrijven", "ontmoeting", "",
                "Overleg van de facilitair beheerders, bezocht door The Social Firm.",
                ["stadsbedrijven-utrecht", "the-social-firm",
                 *[f"stadsbedrijven-{s}" for s in WIJK_SLUG.values()]]),
    ]
    for slug in INTERVIEWS:
        name, wijk = next((c[1], c[2]) for c in CENTRES if c[0] == slug)
        w = WIJK_SLUG[wijk]
        people = ["the-social-firm", f"dock-{w}", f"stadsbedrijven-{w}"]
        if any(a.id == f"beheergroep-{slug}" for a in actors):
            people.append(f"beheergroep-{slug}")
        meetings.append(Meeting(f"interview-{slug}", f"Diepte-interview Driehoek, {name}",
                                "ontmoeting", wijk,
                                "Een van de zes diepte-interviews (locaties gereconstrueerd).",
                                people))
    meetings.append(Meeting("workshop-vleuten", "Workshop visie en missie Driehoek Vleuten",
                            "participatie", "Vleuten-De Meern",
                            "Workshop waarin de visie/missie van de Driehoek wordt gevormd.",
                            ["the-social-firm", "beheergroep-vleuten", "dock-vleuten-de-meern",
                             "stadsbedrijven-vleuten-de-meern"]))
    return actors, rels, meetings


def build() -> dict[str, int]:
    actors, rels, meetings = _model()
    fill_channels(rels, {"bijeenkomst": 6, "werkoverleg": 3, "e-mail": 3, "telefoon": 3,
                         "whatsapp": 1}, seed=0)
    incomplete = sorted(f"bc-{c[0]}" for c in CENTRES if c[4])
    rows = [[f"`bc-{slug}`", name, wijk, "pilot 2015, named in seed" if slug == "de-leeuw"
             else "reconstructed", missing or "complete"]
            for slug, name, wijk, _, missing in CENTRES]
    readme = f"""
# driehoek: De Driehoek in Utrechtse buurtcentra

{counts_line(actors, rels, meetings)}

Incomplete triangles: {", ".join(incomplete)}

An **illustrative reconstruction** of *De Driehoek*: every buurtcentrum (community centre)
in Utrecht is run by a triangle of **Stadsbedrijven** (the building manager, role
`stadsbedrijven`), the **sociaal makelorganisatie** (SMO, role `sociaal makelaar`) and
the **beheergroep** of residents (role `beheergroep`). Each of the three has a `beheer`
relation to the buurtcentrum (type `accommodatie`, role `buurtcentrum`), and the sides of
the triangle are `samenwerking` ties between them. Only Buurtcentrum De Leeuw (the 2015
pilot), The Social Firm, Stadsbedrijven, the SMO role and the Gemeente Utrecht come from
the seed; **the other centre names, all ties and which triangles are incomplete are
invented to be plausible, not real data.** The centres carry real Utrecht neighbourhood
names, but the building names are placeholders.

The SMO in 2015-2016 was a different organisation per wijk; DOCK (the SMO since 2019)
stands in for that role, one team per wijk. Stadsbedrijven is modelled as one facilitair
team per wijk, so the SMO - Stadsbedrijven side is shared by the centres of one wijk.

## The triangles

{markdown_table(["buurtcentrum", "name", "wijk", "origin", "triangle"], rows)}

A triangle is complete when the buurtcentrum has a `beheer` tie from a `stadsbedrijven`, a
`sociaal makelaar` and a `beheergroep` actor, and those three are pairwise tied by
`samenwerking`. Exactly these {len(incomplete)} are not: {", ".join(incomplete)}.

## Sources

| actors / meetings | seed | exact phrase |
|---|---|---|
| Stadsbedrijven, SMO, beheergroep | 000 | "De Driehoek wordt gevormd door de Stadsbedrijven, SMO (Sociaal Makel Organisatie) en beheergroep van de wijkaccommodaties" |
| `bc-de-leeuw`, meeting `pilot-de-leeuw` | 000 | "een pilot gedraaid in Buurtcentrum de Leeuw in 2015" |
| meetings `stedelijke-bijeenkomst-*` | 000 | "een stedelijke bijeenkomst georganiseerd om kennis met elkaar te delen" |
| meeting `facilitair-overleg` | 000 | "bezochten de facilitair overleggen van Stadsbedrijven" |
| meetings `interview-*` | 000 | "hielden bij zes locaties in Utrecht een diepte-interview" |
| meeting `workshop-vleuten` | 000 | "Workshops geven waarin de visie/missie van de Driehoek wordt gevormd" |
| The Social Firm | 000 | "uitgevoerd door Eva en Fleur (toenmalig The Social Firm)" |
| Gemeente Utrecht | 000 | "in opdracht van de Gemeente Utrecht" |
| other buurtcentra, beheergroepen, wijk teams | none | reconstructed |

## Nederlands

Een **illustratieve reconstructie** van De Driehoek (Stadsbedrijven, sociaal
makelorganisatie en beheergroep) rond {len(CENTRES)} Utrechtse buurtcentra. Alleen
Buurtcentrum De Leeuw, The Social Firm, Stadsbedrijven en de gemeente komen uit de bron;
de overige namen en alle relaties zijn verzonnen: **geen echte gegevens**. Bij
{len(incomplete)} buurtcentra ontbreekt een zijde van de driehoek (zie de tabel).
Regenerate with `python datasets/_build/build.py`.
"""
    meta = {
        "title_nl": "De Driehoek in Utrechtse buurtcentra",
        "title_en": "The Triangle in Utrecht community centres",
        "source": "Seed 000: Implementatie van 'De Driehoek': een nieuw samenwerkingverband in "
                  "Utrechtse Buurtcentra",
        "description_nl": "Illustratieve reconstructie: per buurtcentrum de driehoek van "
                          "Stadsbedrijven, sociaal makelaar en beheergroep; bij vijf buurtcentra "
                          "ontbreekt een zijde. Relaties verzonnen.",
        "description_en": "Illustrative reconstruction: for each community centre the triangle "
                          "of Stadsbedrijven, social broker and residents' management group; "
                          "five centres miss a side. Ties are invented.",
    }
    return write(NAME, actors, rels, meetings, meta, readme)
