"""overvecht-noord: seed 004, Nieuw samenspel Utrecht (bijeenkomst 29 januari 2019)."""

from __future__ import annotations

from common import (
    SURVEY_CHANNELS, Meeting, actor, counts_line, fill_channels, markdown_table, relations,
    write,
)

NAME = "overvecht-noord"
CITY = "Overvecht;Noordwest;Oost;Zuidwest;Zuid;West;Noordoost;Binnenstad;Leidsche Rijn;Vleuten-De Meern"

ACTORS = [actor(line.replace("CITY", CITY)) for line in """
oke-nu | Huiskamer Oké Nu | initiatief | inwoners | bewonersinitiatief | Overvecht | ontmoeting;eenzaamheid | Huiskamer in Overvecht-Noord (Indusdreef); de huiskamer verdwijnt en zoekt nieuwe ruimte.
oso | Opvang Surinaamse Ouderen (OSO) | initiatief | inwoners | bewonersinitiatief | Overvecht | ontmoeting;eenzaamheid;informele zorg | Deelt de huiskamer met Oké Nu in Overvecht-Noord.
burezina | Burezina | initiatief | inwoners | bewonersinitiatief | Overvecht | ontmoeting | Initiatief uit Overvecht-Noord, genoemd bij de groene ontmoetingsplek.
lunetten-wil-wel | Lunetten Wil Wel | initiatief | inwoners | bewonersinitiatief | Oost | participatie;ontmoeting | Lunetten: "1 buurt, 1 plan, 1 buurtpact"; vraagt experimenteerruimte.
werkstation-kanaleneiland | Werkstation Kanaleneiland | initiatief | werk en inkomen | bewonersinitiatief | Zuidwest | werk;talentontwikkeling | Uitzendorganisatie voor en door mensen en ondernemers in de wijk.
wijkcooperatie-kanaleneiland | Wijkcoöperatie Kanaleneiland | netwerk | werk en inkomen | wijkcooperatie | Zuidwest | werk;participatie | Het Werkstation is onderdeel van de wijkcoöperatie.
kracht-van-zuilen | De Kracht van Zuilen | initiatief | inwoners | bewonersinitiatief | Noordwest | eenzaamheid;armoede;talentontwikkeling | Burennetwerk van bewoners en professionals; werkt met een buurtpact.
bewonersbod-dagbegeleiding | Bewonersbod dagbegeleiding | initiatief | inwoners | bewonersinitiatief | Overvecht | informele zorg;participatie | Pilot met investeringsbudget van het Ouderenfonds (wijk niet genoemd, gereconstrueerd).
groene-golfteam | Groene golfteam | team | inwoners | adviesteam | CITY | groen;participatie | Beoordeelt aanvragen van bewonersinitiatieven bij het initiatievenfonds.
utrecht-natuurlijk | Utrecht Natuurlijk | organisatie | welzijn | natuurorganisatie | Overvecht;Binnenstad | groen;duurzaamheid;ontmoeting | Wil ruimte voor de huiskamer mogelijk maken in de nieuwbouw van de Gagelsteede.
gagelsteede | Gagelsteede | accommodatie | welzijn | natuurcentrum | Overvecht | groen;ontmoeting | Locatie in Overvecht; vernieuwing als groene ontmoetingsplek.
dwarsverband | Dwarsverband | netwerk | inwoners | netwerk | CITY | participatie | Bundelt krachten van bewonersinitiatieven in de stad.
samen030 | Samen030 | netwerk | inwoners | netwerk | CITY | participatie | Netwerk van initiatieven; organiseerde een toer voor nieuwe raadsleden.
starters4communities | Starters4Communities | netwerk | inwoners | netwerk | CITY | participatie;talentontwikkeling | Netwerk van initiatieven; organiseerde een toer voor nieuwe raadsleden.
omzien-naar-elkaar | Stichting Omzien naar elkaar | netwerk | inwoners | netwerk | CITY | participatie;eenzaamheid | Gespreksleider van de bijeenkomst; inventarisatie van ervaringen van initiatieven.
nzve | Nederland Zorgt voor Elkaar | netwerk | zorg | netwerk |  | informele zorg;participatie | Landelijk netwerk van burgerinitiatieven in zorg en welzijn.
dock-utrecht | DOCK Utrecht | organisatie | welzijn | sociaal makelaar | CITY | participatie | Nieuwe sociaal makelorganisatie (2019); wil 20% van haar budget aan bewonersinitiatieven besteden.
dock-overvecht | DOCK Overvecht | team | welzijn | sociaal makelaar | Overvecht | participatie;ontmoeting | Sociaal makelaars in Overvecht.
dock-oost | DOCK Oost | team | welzijn | sociaal makelaar | Oost | participatie;ontmoeting | Sociaal makelaars in Oost (Lunetten); geen band met Lunetten Wil Wel (dubbele acties).
dock-noordwest | DOCK Noordwest | team | welzijn | sociaal makelaar | Noordwest | participatie;eenzaamheid | Sociaal makelaars in Noordwest (Zuilen).
dock-zuidwest | DOCK Zuidwest | team | welzijn | sociaal makelaar | Zuidwest | participatie;werk | Sociaal makelaars in Zuidwest (Kanaleneiland).
buurtteam-overvecht | Buurtteam Overvecht | team | welzijn | buurtteam | Overvecht | armoede;informele zorg | Buurtteam in Overvecht (gereconstrueerd).
gemeente-mo | Gemeente Utrecht, MO/Sociaal Domein | organisatie | gemeente | gemeente | CITY | participatie;armoede | Gemeenteambtenaren Maatschappelijke Ontwikkeling; budget van 5 miljoen euro wordt overvraagd.
wethouder | Wethouder (college van B en W) | persoon | gemeente | wethouder | CITY | participatie | Licht de visie en het buurtpact toe (in 2019 wethouder Maarten van Ooijen).
gemeenteraad | Gemeenteraad Utrecht | organisatie | gemeente | gemeenteraad | CITY | participatie | Raadsleden kunnen als breekijzer werken; trots op het groene golfteam.
wijkbureau-overvecht | Wijkbureau Overvecht | team | gemeente | wijkbureau | Overvecht | participatie;wonen | "Betrek ook het wijkbureau en de raad" (Gagelstede).
wijkbureau-oost | Wijkbureau Oost | team | gemeente | wijkbureau | Oost | participatie | Lunetten vraagt "een ambtenaar voor de ondersteuning".
wijkbureau-noordwest | Wijkbureau Noordwest | team | gemeente | wijkbureau | Noordwest | participatie | Wijkbureau voor Zuilen.
wijkraad-overvecht | Wijkraad Overvecht | overleg | inwoners | wijkraad | Overvecht | participatie | "Geef de wijkraden en wijkbureaus weer een rol"; hier aan de rand.
initiatievenfonds | Initiatievenfonds Utrecht | organisatie | fondsen | fonds | CITY | participatie;groen | Gemeentelijk fonds; aanvragen beoordeeld door het groene golfteam.
ouderenfonds | Nationaal Ouderenfonds | organisatie | fondsen | fonds |  | eenzaamheid;informele zorg | Investeringsbudget voor het Bewonersbod dagbegeleiding.
ondernemersfonds | Ondernemersfonds Utrecht | organisatie | fondsen | fonds | Zuidwest;Binnenstad | werk | Doorbraak voor werk in Kanaleneiland.
triodos | Triodos Bank | organisatie | fondsen | investeerder |  | duurzaamheid;wonen | Genoemd als mogelijke investeerder in maatschappelijk vastgoed; nog nauwelijks contact.
mitros | Mitros | organisatie | wonen | woningcorporatie | Overvecht;Zuidwest;Noordwest | wonen | Woningcorporatie (naam uit de stad, banden gereconstrueerd).
portaal | Portaal | organisatie | wonen | woningcorporatie | Overvecht;Oost | wonen | Woningcorporatie (naam uit de stad, banden gereconstrueerd).
careyn | Careyn | organisatie | zorg | wijkverpleging | Overvecht;Noordwest | gezondheid;informele zorg | Door de wethouder genoemd als professionele partij.
movisie | Movisie | organisatie | kennis en onderzoek | onderzoek |  | participatie | "Zeer recent onderzoek door Movisie" over kolonisering van initiatieven.
uu-rechten | Universiteit Utrecht, juridische faculteit | organisatie | onderwijs | universiteit | Binnenstad | werk | Mogelijke partner voor een aparte juridische entiteit.
roc-midden-nederland | ROC Midden Nederland | organisatie | onderwijs | roc | Overvecht;Zuidwest | werk;jeugd | "Samenwerken met VMBO, MBO, HBO en WO" (naam gereconstrueerd).
provincie-utrecht | Provincie Utrecht | organisatie | gemeente | provincie |  | participatie | Groeiend gevoel van urgentie voor gemeenschapskracht.
""".strip().splitlines()]

RELATIONS = relations("""
# Overvecht-Noord: the huiskamer and the green meeting place
oke-nu oso 4 ontmoeting
oke-nu burezina 2 ontmoeting
oso burezina 2
utrecht-natuurlijk oke-nu 3 ontmoeting
utrecht-natuurlijk oso 2
utrecht-natuurlijk burezina 2 groen
utrecht-natuurlijk gagelsteede B 3 groen
gagelsteede oke-nu 2
wijkbureau-overvecht gagelsteede 1 groen
wijkbureau-overvecht utrecht-natuurlijk 2
dock-overvecht oke-nu 2
dock-overvecht oso 1
dock-overvecht buurtteam-overvecht 3
buurtteam-overvecht oso V 2 informele_zorg
buurtteam-overvecht mitros 2 wonen
careyn oso 1 informele_zorg
careyn buurtteam-overvecht 2
careyn gagelsteede 1
mitros wijkbureau-overvecht 2 wonen
portaal wijkbureau-overvecht 1 wonen
mitros portaal 2 wonen
wijkraad-overvecht wijkbureau-overvecht I 1
triodos utrecht-natuurlijk I 1 duurzaamheid
roc-midden-nederland dock-overvecht 1 werk
omzien-naar-elkaar oke-nu 3
omzien-naar-elkaar oso 2
# Lunetten
lunetten-wil-wel wijkbureau-oost 2
wijkbureau-oost dock-oost 2
portaal lunetten-wil-wel 1 wonen
initiatievenfonds lunetten-wil-wel F 2
# Zuilen
kracht-van-zuilen dock-noordwest 3 eenzaamheid
kracht-van-zuilen wijkbureau-noordwest 2
dock-noordwest wijkbureau-noordwest 3
kracht-van-zuilen careyn 1
kracht-van-zuilen mitros 1 wonen
initiatievenfonds kracht-van-zuilen F 2
# Kanaleneiland
werkstation-kanaleneiland wijkcooperatie-kanaleneiland L 4 werk
ondernemersfonds werkstation-kanaleneiland F 3 werk
mitros werkstation-kanaleneiland 2 groen
dock-zuidwest werkstation-kanaleneiland 1 werk
dock-zuidwest wijkcooperatie-kanaleneiland 2
uu-rechten werkstation-kanaleneiland I 1
# networks of initiatives
dwarsverband samen030 3
dwarsverband starters4communities 3
samen030 starters4communities 3
omzien-naar-elkaar dwarsverband 3
omzien-naar-elkaar samen030 2
omzien-naar-elkaar starters4communities 2
dwarsverband gemeenteraad 2 participatie
samen030 gemeenteraad 2 participatie
starters4communities gemeenteraad 1
dwarsverband kracht-van-zuilen L 2
dwarsverband lunetten-wil-wel L 2
samen030 werkstation-kanaleneiland L 1
starters4communities oke-nu L 1
nzve omzien-naar-elkaar 2 informele_zorg
nzve lunetten-wil-wel I 1
nzve kracht-van-zuilen I 1
movisie omzien-naar-elkaar I 2
movisie dock-utrecht I 1
# DOCK and the municipality
dock-utrecht dock-overvecht L 3
dock-utrecht dock-oost L 3
dock-utrecht dock-noordwest L 3
dock-utrecht dock-zuidwest L 3
gemeente-mo dock-utrecht F 3
gemeente-mo initiatievenfonds F 2
gemeente-mo wethouder 3
wethouder gemeenteraad 2
gemeente-mo wijkbureau-overvecht 2
gemeente-mo wijkbureau-oost 2
gemeente-mo wijkbureau-noordwest 2
dock-utrecht omzien-naar-elkaar 2
dock-utrecht gemeente-mo 3
groene-golfteam initiatievenfonds 3 groen
groene-golfteam gemeenteraad I 1
initiatievenfonds oke-nu F 1
initiatievenfonds burezina F 1
ouderenfonds bewonersbod-dagbegeleiding F 2 informele_zorg
bewonersbod-dagbegeleiding oso 1
provincie-utrecht nzve I 1
provincie-utrecht gemeente-mo I 1
""")

MEETINGS = [
    Meeting("nieuw-samenspel-2019", "Bijeenkomst Nieuw samenspel (29 januari 2019)",
            "participatie", "Overvecht",
            "Plenaire bijeenkomst in de huiskamer van Oké Nu en OSO, Indusdreef 5.",
            ["oke-nu", "oso", "omzien-naar-elkaar", "wethouder", "gemeente-mo", "dock-utrecht",
             "kracht-van-zuilen", "lunetten-wil-wel", "werkstation-kanaleneiland",
             "utrecht-natuurlijk", "gagelsteede", "groene-golfteam", "gemeenteraad", "nzve",
             "dwarsverband", "movisie"]),
    Meeting("dialoog-continuiteit", "Dialoogtafel Duurzame continuïteit en kwaliteit van "
            "initiatieven", "participatie", "",
            "Schakels voor continuïteit; borgen in een wijkcoöperatie.",
            ["kracht-van-zuilen", "wijkcooperatie-kanaleneiland", "omzien-naar-elkaar",
             "bewonersbod-dagbegeleiding"]),
    Meeting("dialoog-hybride", "Dialoogtafel Hybride systemen van bewoners en professionals",
            "participatie", "",
            "Wijkeconomie, maatschappelijk ondernemerschap, risico van kolonisering.",
            ["lunetten-wil-wel", "dock-utrecht", "gemeente-mo", "samen030"]),
    Meeting("dialoog-professionals", "Dialoogtafel Hoe kunnen professionals leren samenwerken "
            "met bewoners?", "participatie", "",
            "\"Hoe vind je de juiste ambtenaar?\"",
            ["dock-overvecht", "buurtteam-overvecht", "careyn", "starters4communities",
             "gemeente-mo"]),
    Meeting("dialoog-werk-jeugd", "Dialoogtafel Wijkopgaven vertalen in werk voor de jeugd; "
            "right to challenge", "werk", "Zuidwest",
            "Sociaal verantwoord inkopen, werk door de wijk.",
            ["werkstation-kanaleneiland", "ondernemersfonds", "uu-rechten", "dock-zuidwest",
             "roc-midden-nederland"]),
    Meeting("dialoog-ontmoetingsplekken", "Dialoogtafel Duurzame ontmoetingsplekken in "
            "Overvecht Noord", "ontmoeting", "Overvecht",
            "Groene ontmoetingsplek met Utrecht Natuurlijk, Oké Nu, OSO en Burezina.",
            ["utrecht-natuurlijk", "oke-nu", "oso", "burezina", "gagelsteede",
             "wijkbureau-overvecht"]),
    Meeting("dialoog-legitimeren", "Dialoogtafel Hoe legitimeer je je als actieve buurtgroep?",
            "participatie", "",
            "Burgertop, maatschappelijk aandeelhouderschap, rol van wijkraden.",
            ["dwarsverband", "wijkraad-overvecht", "gemeenteraad", "kracht-van-zuilen"]),
    Meeting("buurtpact-overvecht-noord", "Buurtpact Overvecht-Noord", "ontmoeting", "Overvecht",
            "Afspraken tussen wijkpartners op subwijkniveau (gereconstrueerd).",
            ["wijkbureau-overvecht", "dock-overvecht", "oke-nu", "oso", "burezina",
             "utrecht-natuurlijk", "mitros", "portaal", "careyn", "buurtteam-overvecht"]),
    Meeting("buurtpact-lunetten", "Buurtpact Lunetten", "participatie", "Oost",
            "\"1 buurt, 1 plan, 1 buurtpact\" (gewenst; gereconstrueerd).",
            ["lunetten-wil-wel", "wijkbureau-oost", "portaal"]),
    Meeting("buurtpact-zuilen", "Buurtpact Zuilen", "eenzaamheid", "Noordwest",
            "Gemeenschappelijke visie van De Kracht van Zuilen (gereconstrueerd).",
            ["kracht-van-zuilen", "dock-noordwest", "wijkbureau-noordwest", "mitros", "careyn"]),
]


def build() -> dict[str, int]:
    rels = list(RELATIONS)
    fill_channels(rels, SURVEY_CHANNELS, seed=4)
    source_rows = [
        ["Oké Nu, OSO, Indusdreef 5, meeting `nieuw-samenspel-2019`", "004",
         "\"in de huiskamer van Oke-Nu en OSO in Overvecht Noord, Indusdreef 5\""],
        ["Lunetten Wil Wel, `buurtpact-lunetten`", "004",
         "\"Lunetten wil naar 1 buurt, plan, 1 buurtpact\""],
        ["Werkstation Kanaleneiland, Wijkcoöperatie, Ondernemersfonds", "004",
         "\"doorbraak bereikt in Kanaleneiland in werk door en voor de wijk met het "
         "Ondernemerfonds\""],
        ["De Kracht van Zuilen, `buurtpact-zuilen`", "004",
         "\"een gemeenschappelijke visie, buurtpact\""],
        ["Utrecht Natuurlijk, Burezina, Gagelsteede", "004",
         "\"De groene ontmoetingsplek samen met Utrecht Natuurlijk, Oke Nu, OSO , Burezina\""],
        ["Dwarsverband, Samen030, Starters4Communities, Omzien naar elkaar", "004",
         "\"Dwarsverband, Samen030Starters4Communities en Omzien naar elkaar!\""],
        ["DOCK (stad and wijk teams)", "004",
         "\"de komst van de nieuwe sociaal makelorganisatie DOCK\""],
        ["gemeente MO, wethouder, gemeenteraad, wijkbureau, wijkraad", "004",
         "\"gemeente ambtenaren MO/Sociaal Domein\"; \"Betrek ook het wijkbureau en de raad\"; "
         "\"geef de wijkraden en wijkbureaus weer een rol\""],
        ["initiatievenfonds, groene golfteam", "004",
         "\"Het groene golfteam is nu bezig met het beoordelen van projecten ... "
         "initiatievenfonds\""],
        ["Ouderenfonds, Bewonersbod dagbegeleiding", "004",
         "\"Onderdeel van het Bewonersbod dagbegeleiding ... investeringsbudget (Ouderenfonds)\""],
        ["Triodos", "004", "\"Samenwerken met bijv. Triodos\""],
        ["Careyn, Gagelsteede", "004", "\"Met partijen als Careyn, Gagelsteede etcetera\""],
        ["woningcorporaties (Mitros, Portaal named as examples)", "004",
         "\"woningbouwcorporaties\" (the seed names no corporation)"],
        ["Nederland Zorgt voor Elkaar", "004", "\"Jurgen van der Heijden (Nederland Zorgt voor "
         "Elkaar)\""],
        ["Movisie", "004", "\"Zeer recent onderzoek door Movisie\""],
        ["UU juridische faculteit, ROC", "004",
         "\"juridisch faculteit UU\"; \"Samenwerken met VMBO, MBO, HBO en WO\""],
        ["Provincie Utrecht", "004", "\"de Provincie Utrecht groeit het gevoel van urgentie\""],
        ["meetings `dialoog-*`", "004", "\"Dialoogtafel ...\" (six tables)"],
        ["buurtteam Overvecht", "none", "reconstructed"],
    ]
    readme = f"""
# overvecht-noord: nieuw samenspel tussen bewonersinitiatieven en wijkpartners

{counts_line(ACTORS, rels, MEETINGS)}

An **illustrative reconstruction** of the network around the meeting *Nieuw samenspel
Utrecht* (29 January 2019, in the huiskamer of Oké Nu and OSO in Overvecht-Noord): resident
initiatives from Overvecht, Lunetten, Zuilen and Kanaleneiland, their city-wide networks,
DOCK, the municipality, funds, housing corporations and care providers. The seed report
names the parties and their concerns but not who works with whom: **the ties are invented
to be plausible, not real data.** People are represented by their organisation or role;
names of spokespersons appear only in descriptions where the seed names them publicly.

## Sources

{markdown_table(["actors / meetings", "seed", "exact phrase"], source_rows)}

## Built-in structure worth finding

- Duplicate effort ("dubbele acties"): `dock-oost` and `lunetten-wil-wel` both work on
  participatie in Lunetten (Oost) with no tie between them.
- Not seen as a full partner: the initiatives are tied mostly to each other and to their
  networks; `triodos`, `wijkraad-overvecht`, `uu-rechten`, `roc-midden-nederland` and
  `provincie-utrecht` have one tie each.
- "Hoe vind je de juiste ambtenaar?": each initiative reaches the municipality through
  one wijkbureau or fund only.
- Buurtpact meetings per (sub)wijk: Overvecht-Noord, Lunetten, Zuilen.
- Channels follow the shares of seed 003 (no channel data in seed 004).

## Nederlands

Een **illustratieve reconstructie** van het samenspel tussen bewonersinitiatieven, DOCK,
gemeente, fondsen, woningcorporaties en zorgaanbieders rond de bijeenkomst Nieuw samenspel
Utrecht (29 januari 2019, Overvecht-Noord). De partijen en dialoogtafels komen uit het
verslag; de relaties zijn verzonnen om aannemelijk te zijn: **geen echte gegevens**.
Regenerate with `python datasets/_build/build.py`.
"""
    meta = {
        "title_nl": "Nieuw samenspel: bewonersinitiatieven en wijkpartners (Overvecht-Noord)",
        "title_en": "New interplay: resident initiatives and wijk partners (Overvecht-Noord)",
        "source": "Seed 004: Nieuw samenspel Utrecht (bijeenkomst 29 januari 2019)",
        "description_nl": "Illustratieve reconstructie van het netwerk van bewonersinitiatieven, "
                          "DOCK, gemeente, fondsen, corporaties en zorgaanbieders, met "
                          "dialoogtafels en buurtpacten als overleggen. Relaties verzonnen.",
        "description_en": "Illustrative reconstruction of the network of resident initiatives, "
                          "DOCK, the municipality, funds, housing corporations and care "
                          "providers, with dialogue tables and buurtpacts as meetings. Ties "
                          "are invented.",
    }
    return write(NAME, ACTORS, rels, MEETINGS, meta, readme)
