"""groz: seed 001, GROZ Utrecht bouwsteen samenwerken (learning regions, 2022)."""

from __future__ import annotations

from common import (
    SURVEY_CHANNELS, Meeting, actor, counts_line, fill_channels, relations, write,
)

NAME = "groz"
REGIONS = "Oost;Leidsche Rijn;Noordwest;Nieuwegein"

ACTORS = [actor(line.replace("REGIONS", REGIONS)) for line in """
groz-utrecht | GROZ Utrecht | netwerk | kennis en onderzoek | programma | REGIONS | gezondheid;participatie | Programma met bouwstenen; regionaal samenwerken via leerregio's.
bouwsteen-samenwerken | Bouwsteen samenwerken (GROZ Utrecht) | team | kennis en onderzoek | onderzoek | REGIONS | gezondheid;participatie | Brengt samenwerkingsverbanden in kaart en bouwt een samenwerkingsmodel voor de wijk.
health-hub-utrecht | Health Hub Utrecht | netwerk | kennis en onderzoek | netwerk | REGIONS | gezondheid | Deelname van U10-gemeenten helpt gebieden te koppelen.
u10 | U10 gemeenten | overleg | gemeente | overleg | Oost;Leidsche Rijn;Noordwest;Nieuwegein;Binnenstad | gezondheid | Samenwerkingsverband van gemeenten in de regio Utrecht.
gemeente-utrecht | Gemeente Utrecht | organisatie | gemeente | gemeente | Oost;Leidsche Rijn;Noordwest | gezondheid;participatie | Health Hub-partner.
gemeente-nieuwegein | Gemeente Nieuwegein | organisatie | gemeente | gemeente | Nieuwegein | gezondheid;leefstijl | Health Hub-partner.
ggd-regio-utrecht | GGD regio Utrecht | organisatie | zorg | ggd | REGIONS | gezondheid | Publieke gezondheid (gereconstrueerd).
leerregio-oost | Leerregio Utrecht Oost | netwerk | inwoners | leerregio | Oost | gezondheid;participatie;eenzaamheid | Eerste leerregio, vanuit een sterk bewonersperspectief.
leerregio-leidsche-rijn | Leerregio Leidsche Rijn | netwerk | zorg | leerregio | Leidsche Rijn | gezondheid | De eerstelijnszorg is hier meer aan zet.
leerregio-noordwest | Leerregio Noordwest | netwerk | zorg | leerregio | Noordwest | gezondheid | De eerstelijnszorg is hier meer aan zet.
leerregio-nieuwegein | Leerregio Nieuwegein | netwerk | welzijn | leerregio | Nieuwegein | leefstijl;gezondheid | Netwerk Lijfstyle is de aanjager.
wijksamenwerking-oost | Bestuurlijk wijksamenwerkingsverband Oost | overleg | inwoners | overleg | Oost | gezondheid;participatie | Opgezet vanuit bewoners; voorbeeld voor andere wijken.
wijksamenwerking-leidsche-rijn | Bestuurlijk wijksamenwerkingsverband Leidsche Rijn | overleg | zorg | overleg | Leidsche Rijn | gezondheid | Opgezet vanuit professionals; voorbeeld voor andere wijken.
lijfstyle | Lijfstyle | netwerk | zorg | netwerk | Nieuwegein | leefstijl;bewegen;gezondheid | Professioneel netwerk in Nieuwegein, nu gericht op een integrale leefstijlbenadering.
bewegen-op-recept | Bewegen op Recept Nieuwegein | initiatief | sport en cultuur | bewegen op recept | Nieuwegein | bewegen;leefstijl;gezondheid | Nieuwegeinse innovatie, kern van Lijfstyle.
welzijn-op-recept | Welzijn op Recept Nieuwegein | initiatief | welzijn | welzijn op recept | Nieuwegein | welzijn op recept;eenzaamheid | Nieuwegeinse innovatie, kern van Lijfstyle.
radelijn | Radelijn | organisatie | kennis en onderzoek | adviesbureau | REGIONS | participatie | Adviseur over de stappen naar een inclusieve samenwerking (juli 2022).
dock-oost | DOCK Oost | team | welzijn | sociaal makelaar | Oost | participatie;ontmoeting | Gesprekspartner van de bouwsteen (maart 2022).
dock-leidsche-rijn | DOCK Leidsche Rijn | team | welzijn | sociaal makelaar | Leidsche Rijn | participatie;ontmoeting | Sociaal makelaars in Leidsche Rijn.
dock-noordwest | DOCK Noordwest | team | welzijn | sociaal makelaar | Noordwest | participatie;ontmoeting | Sociaal makelaars in Noordwest.
buurtteam-oost | Buurtteam Oost | team | welzijn | buurtteam | Oost | armoede;gezondheid | Ontmoetingsplek van professionals en bewoners (maart 2022).
buurtteam-leidsche-rijn | Buurtteam Leidsche Rijn | team | welzijn | buurtteam | Leidsche Rijn | armoede;jeugd | Buurtteam.
buurtteam-noordwest | Buurtteam Noordwest | team | welzijn | buurtteam | Noordwest | armoede;gezondheid | Buurtteam.
welzijn-nieuwegein | Welzijnsorganisatie Nieuwegein | organisatie | welzijn | welzijnsorganisatie | Nieuwegein | welzijn op recept;eenzaamheid | Naam gereconstrueerd.
huisarts-lr-1 | Huisartsenpraktijk Leidsche Rijn 1 | organisatie | zorg | huisarts | Leidsche Rijn | gezondheid | Naam gereconstrueerd.
huisarts-lr-2 | Huisartsenpraktijk Leidsche Rijn 2 | organisatie | zorg | huisarts | Leidsche Rijn | gezondheid;leefstijl | Naam gereconstrueerd.
huisarts-nw-1 | Huisartsenpraktijk Noordwest 1 | organisatie | zorg | huisarts | Noordwest | gezondheid | Naam gereconstrueerd.
huisarts-nw-2 | Huisartsenpraktijk Noordwest 2 | organisatie | zorg | huisarts | Noordwest | gezondheid | Naam gereconstrueerd.
huisarts-oost-1 | Huisartsenpraktijk Oost 1 | organisatie | zorg | huisarts | Oost | gezondheid | Naam gereconstrueerd; in Oost minder aan zet.
huisarts-nieuwegein-1 | Huisartsenpraktijk Nieuwegein 1 | organisatie | zorg | huisarts | Nieuwegein | gezondheid;leefstijl | Naam gereconstrueerd; verwijst naar Bewegen en Welzijn op Recept.
fysio-lr-1 | Fysiotherapiepraktijk Leidsche Rijn 1 | organisatie | zorg | fysiotherapeut | Leidsche Rijn | bewegen | Naam gereconstrueerd.
fysio-nieuwegein-1 | Fysiotherapiepraktijk Nieuwegein 1 | organisatie | zorg | fysiotherapeut | Nieuwegein | bewegen;leefstijl | Naam gereconstrueerd.
apotheek-nw-1 | Apotheek Noordwest 1 | organisatie | zorg | apotheek | Noordwest | gezondheid | Naam gereconstrueerd.
wijkverpleging-nw | Wijkverpleging Noordwest | team | zorg | wijkverpleging | Noordwest | gezondheid;informele zorg | Naam gereconstrueerd.
wijkverpleging-lr | Wijkverpleging Leidsche Rijn | team | zorg | wijkverpleging | Leidsche Rijn | gezondheid;informele zorg | Naam gereconstrueerd.
ggz-lr | GGZ-team Leidsche Rijn | team | zorg | ggz | Leidsche Rijn | gezondheid | Naam gereconstrueerd.
buurtconcierge-nw | Buurtconciërge Noordwest | persoon | inwoners | buurtconcierge | Noordwest | ontmoeting;veiligheid | Gesprekspartner van de bouwsteen (rol, geen naam).
buurthuis-oost | Buurthuis Oost | accommodatie | welzijn | buurtcentrum | Oost | ontmoeting | Ontmoetingsplek waar de bouwsteen ging zitten (naam gereconstrueerd).
buurthuis-leidsche-rijn | Buurthuis Leidsche Rijn | accommodatie | welzijn | buurtcentrum | Leidsche Rijn | ontmoeting | Naam gereconstrueerd.
buurthuis-noordwest | Buurthuis Noordwest | accommodatie | welzijn | buurtcentrum | Noordwest | ontmoeting | Naam gereconstrueerd.
vrijwilligers-buurthuis-oost | Vrijwilligers buurthuis Oost | team | inwoners | vrijwilligersgroep | Oost | ontmoeting | Vrijwilligers uit het buurthuis (gesprekspartner maart 2022).
vrijwilligers-buurthuis-leidsche-rijn | Vrijwilligers buurthuis Leidsche Rijn | team | inwoners | vrijwilligersgroep | Leidsche Rijn | ontmoeting | Naam gereconstrueerd.
vrijwilligers-buurthuis-noordwest | Vrijwilligers buurthuis Noordwest | team | inwoners | vrijwilligersgroep | Noordwest | ontmoeting | Gesprekspartner van de bouwsteen.
bi-oost-gezond-eten | Gezond Eten Oost | initiatief | inwoners | bewonersinitiatief | Oost | gezondheid;leefstijl | Bewonersinitiatief (naam gereconstrueerd).
bi-oost-bewegen | Samen Bewegen Oost | initiatief | inwoners | bewonersinitiatief | Oost | bewegen;eenzaamheid | Bewonersinitiatief (naam gereconstrueerd).
bi-oost-ontmoeting | Buurtkamer Oost | initiatief | inwoners | bewonersinitiatief | Oost | ontmoeting;eenzaamheid | Bewonersinitiatief (naam gereconstrueerd).
sportaanbieders-nieuwegein | Sportaanbieders Nieuwegein | netwerk | sport en cultuur | sportclub | Nieuwegein | bewegen | Sportclubs die met Bewegen op Recept werken (gereconstrueerd).
""".strip().splitlines()]

RELATIONS = relations("""
# programme
groz-utrecht bouwsteen-samenwerken L 3
groz-utrecht health-hub-utrecht 2 gezondheid
groz-utrecht leerregio-oost L 3
groz-utrecht leerregio-leidsche-rijn L 3
groz-utrecht leerregio-noordwest L 3
groz-utrecht leerregio-nieuwegein L 3
bouwsteen-samenwerken radelijn 3 participatie
bouwsteen-samenwerken leerregio-oost I 2
bouwsteen-samenwerken leerregio-leidsche-rijn I 2
bouwsteen-samenwerken leerregio-noordwest I 2
bouwsteen-samenwerken leerregio-nieuwegein I 1
bouwsteen-samenwerken dock-oost I 2
bouwsteen-samenwerken buurtteam-oost I 2
bouwsteen-samenwerken buurtconcierge-nw I 1
bouwsteen-samenwerken vrijwilligers-buurthuis-noordwest I 1
bouwsteen-samenwerken vrijwilligers-buurthuis-oost I 1
radelijn leerregio-oost I 2 participatie
radelijn leerregio-leidsche-rijn I 2 participatie
radelijn groz-utrecht 2
# Health Hub and municipalities
health-hub-utrecht u10 L 2
u10 gemeente-utrecht L 3
u10 gemeente-nieuwegein L 3
health-hub-utrecht gemeente-utrecht 2
health-hub-utrecht gemeente-nieuwegein 2
health-hub-utrecht ggd-regio-utrecht 2 gezondheid
gemeente-utrecht ggd-regio-utrecht 2
gemeente-utrecht dock-oost F 2
gemeente-utrecht dock-leidsche-rijn F 2
gemeente-utrecht dock-noordwest F 2
gemeente-utrecht buurtteam-oost F 2
gemeente-utrecht buurtteam-leidsche-rijn F 2
gemeente-utrecht buurtteam-noordwest F 2
# Utrecht Oost: from the residents
leerregio-oost wijksamenwerking-oost L 3
leerregio-oost dock-oost L 3
leerregio-oost buurtteam-oost L 2
leerregio-oost bi-oost-gezond-eten L 2
leerregio-oost bi-oost-bewegen L 2
leerregio-oost bi-oost-ontmoeting L 2
leerregio-oost vrijwilligers-buurthuis-oost L 2
leerregio-oost huisarts-oost-1 L 1
wijksamenwerking-oost bi-oost-gezond-eten 3 gezondheid
wijksamenwerking-oost bi-oost-bewegen 3 bewegen
wijksamenwerking-oost bi-oost-ontmoeting 2
wijksamenwerking-oost dock-oost 3
wijksamenwerking-oost gemeente-utrecht 2
dock-oost buurthuis-oost B 2
vrijwilligers-buurthuis-oost buurthuis-oost B 3
dock-oost bi-oost-ontmoeting 3 ontmoeting
dock-oost bi-oost-bewegen 2
buurtteam-oost dock-oost 2
bi-oost-ontmoeting buurthuis-oost 2
huisarts-oost-1 buurtteam-oost V 1
# Leidsche Rijn: from the professionals, first-line care at the table
leerregio-leidsche-rijn wijksamenwerking-leidsche-rijn L 3
leerregio-leidsche-rijn huisarts-lr-1 L 3
leerregio-leidsche-rijn huisarts-lr-2 L 3
leerregio-leidsche-rijn fysio-lr-1 L 2
leerregio-leidsche-rijn wijkverpleging-lr L 3
leerregio-leidsche-rijn ggz-lr L 2
leerregio-leidsche-rijn dock-leidsche-rijn L 2
leerregio-leidsche-rijn buurtteam-leidsche-rijn L 2
wijksamenwerking-leidsche-rijn huisarts-lr-1 4 gezondheid
wijksamenwerking-leidsche-rijn huisarts-lr-2 3
wijksamenwerking-leidsche-rijn wijkverpleging-lr 3
wijksamenwerking-leidsche-rijn buurtteam-leidsche-rijn 2
wijksamenwerking-leidsche-rijn gemeente-utrecht 2
huisarts-lr-1 huisarts-lr-2 3 @siilo
huisarts-lr-1 fysio-lr-1 V 2 bewegen @zorgmail
huisarts-lr-2 ggz-lr V 2 @zorgmail
huisarts-lr-1 buurtteam-leidsche-rijn V 2
wijkverpleging-lr buurtteam-leidsche-rijn 2
huisarts-lr-2 wijkverpleging-lr 3 @siilo
dock-leidsche-rijn buurthuis-leidsche-rijn B 2
vrijwilligers-buurthuis-leidsche-rijn buurthuis-leidsche-rijn B 3
dock-leidsche-rijn vrijwilligers-buurthuis-leidsche-rijn 2
dock-leidsche-rijn buurtteam-leidsche-rijn 2
# Noordwest: first-line care at the table, with the buurtconcierge
leerregio-noordwest huisarts-nw-1 L 3
leerregio-noordwest huisarts-nw-2 L 2
leerregio-noordwest apotheek-nw-1 L 1
leerregio-noordwest wijkverpleging-nw L 2
leerregio-noordwest dock-noordwest L 2
leerregio-noordwest buurtteam-noordwest L 2
leerregio-noordwest buurtconcierge-nw L 1
huisarts-nw-1 huisarts-nw-2 2
huisarts-nw-1 apotheek-nw-1 2 @zorgmail
huisarts-nw-2 apotheek-nw-1 2
huisarts-nw-1 wijkverpleging-nw 3 @siilo
huisarts-nw-1 buurtteam-noordwest V 2
huisarts-nw-2 dock-noordwest V 1
buurtteam-noordwest dock-noordwest 2
dock-noordwest buurtconcierge-nw 3 ontmoeting
buurtconcierge-nw vrijwilligers-buurthuis-noordwest 3
vrijwilligers-buurthuis-noordwest buurthuis-noordwest B 3
dock-noordwest buurthuis-noordwest B 2
buurtconcierge-nw buurthuis-noordwest 2
# Nieuwegein: Lijfstyle as the driver
leerregio-nieuwegein lijfstyle L 4 leefstijl
leerregio-nieuwegein gemeente-nieuwegein 2
lijfstyle bewegen-op-recept L 4 bewegen
lijfstyle welzijn-op-recept L 4 welzijn_op_recept
lijfstyle huisarts-nieuwegein-1 L 3
lijfstyle fysio-nieuwegein-1 L 3
lijfstyle welzijn-nieuwegein L 3
lijfstyle sportaanbieders-nieuwegein L 2
lijfstyle gemeente-nieuwegein 3 leefstijl
huisarts-nieuwegein-1 bewegen-op-recept V 3 bewegen
huisarts-nieuwegein-1 welzijn-op-recept V 3 welzijn_op_recept
bewegen-op-recept fysio-nieuwegein-1 3 bewegen
bewegen-op-recept sportaanbieders-nieuwegein 3 bewegen
welzijn-op-recept welzijn-nieuwegein 4 welzijn_op_recept
gemeente-nieuwegein welzijn-op-recept F 2
gemeente-nieuwegein bewegen-op-recept F 2
welzijn-nieuwegein sportaanbieders-nieuwegein 1
""")
for _r in RELATIONS:
    _r.wave = "2022"

MEETINGS = [
    Meeting("wijkbijeenkomst-oost", "Wijkbijeenkomst Utrecht Oost (maart 2022)", "gezondheid",
            "Oost", "Geplande wijkbijeenkomst die de bouwsteen bijwoonde.",
            ["bouwsteen-samenwerken", "dock-oost", "buurtteam-oost", "bi-oost-gezond-eten",
             "bi-oost-bewegen", "bi-oost-ontmoeting", "vrijwilligers-buurthuis-oost",
             "wijksamenwerking-oost"]),
    Meeting("wijkbijeenkomst-leidsche-rijn", "Wijkbijeenkomst Leidsche Rijn (maart 2022)",
            "gezondheid", "Leidsche Rijn", "Geplande wijkbijeenkomst die de bouwsteen bijwoonde.",
            ["bouwsteen-samenwerken", "huisarts-lr-1", "huisarts-lr-2", "wijkverpleging-lr",
             "buurtteam-leidsche-rijn", "dock-leidsche-rijn", "ggz-lr"]),
    Meeting("wijkbijeenkomst-noordwest", "Wijkbijeenkomst Noordwest (maart 2022)", "gezondheid",
            "Noordwest", "Gesprekken in het buurthuis en bij het buurtteam.",
            ["bouwsteen-samenwerken", "dock-noordwest", "buurtteam-noordwest",
             "buurtconcierge-nw", "vrijwilligers-buurthuis-noordwest", "huisarts-nw-1"]),
    Meeting("focusgroep-samenwerking", "Focusgroep samenwerking (stap 2)", "gezondheid",
            "Oost;Leidsche Rijn;Noordwest",
            "Bewoners, professionals en vrijwilligers bespreken aspecten van samenwerking.",
            ["bouwsteen-samenwerken", "bi-oost-ontmoeting", "dock-oost", "huisarts-lr-1",
             "buurtteam-leidsche-rijn", "buurtconcierge-nw", "vrijwilligers-buurthuis-oost",
             "wijkverpleging-nw"]),
    Meeting("lijfstyle-netwerk", "Netwerkbijeenkomst Lijfstyle", "leefstijl", "Nieuwegein",
            "Professioneel netwerk rond een integrale leefstijlbenadering.",
            ["lijfstyle", "bewegen-op-recept", "welzijn-op-recept", "huisarts-nieuwegein-1",
             "fysio-nieuwegein-1", "welzijn-nieuwegein", "sportaanbieders-nieuwegein",
             "gemeente-nieuwegein"]),
    Meeting("health-hub-partners", "Partneroverleg Health Hub Utrecht", "gezondheid", "",
            "Gemeenten en Health Hub-partners; verschil in organisatiecultuur, -taal en "
            "mogelijkheden.",
            ["health-hub-utrecht", "u10", "gemeente-utrecht", "gemeente-nieuwegein",
             "ggd-regio-utrecht", "groz-utrecht"]),
    Meeting("radelijn-inclusief", "Presentatie stappen naar een inclusieve samenwerking "
            "(juli 2022)", "participatie", "",
            "Adviseur van Radelijn neemt de leerregio's mee in de stappen.",
            ["radelijn", "bouwsteen-samenwerken", "groz-utrecht", "leerregio-oost",
             "leerregio-leidsche-rijn", "leerregio-noordwest", "leerregio-nieuwegein"]),
]


def build() -> dict[str, int]:
    rels = list(RELATIONS)
    fill_channels(rels, SURVEY_CHANNELS, seed=1)
    readme = f"""
# groz: GROZ Utrecht, bouwsteen samenwerken

{counts_line(ACTORS, rels, MEETINGS)}

An **illustrative reconstruction** of the collaboration the GROZ Utrecht *bouwsteen
samenwerken* mapped in 2022 across four learning regions (leerregio's): Utrecht Oost,
Leidsche Rijn, Noordwest and Nieuwegein. The seed describes the regions, the networks
(Health Hub Utrecht, U10, Lijfstyle, Bewegen op Recept, Welzijn op Recept) and the
conversations (DOCK, buurtteam, buurtconciërge, buurthuis volunteers), but not who works
with whom: **the ties are invented to be plausible, not real data.** GP practices,
buurthuizen and resident initiatives carry placeholder names (*gereconstrueerd*). Every
relation has `wave` 2022, the first measurement; the seed plans to evaluate the model
later ("Het samenwerkingsmodel evalueren").

## Sources

| actors / meetings | seed | exact phrase |
|---|---|---|
| leerregio's, `groz-utrecht` | 001 | "Regionaal samenwerken gebeurt voortaan via diverse leerregio's" |
| Oost from residents, `wijksamenwerking-*` | 001 | "In Utrecht Oost (vanuit bewoners) en Leidsche Rijn (vanuit professionals) worden bestuurlijke wijksamenwerkingsverbanden opgezet" |
| huisartsen, fysio, apotheek, wijkverpleging, GGZ in Leidsche Rijn and Noordwest | 001 | "Zo is in Leidsche Rijn en Utrecht Noordwest de eerstelijnszorg meer aan zet." |
| Lijfstyle, Bewegen op Recept, Welzijn op Recept | 001 | "In Nieuwegein is het netwerk Lijfstyle een belangrijke aanjager ... Bewegen op Recept en Welzijn op recept als kern" |
| Health Hub Utrecht, U10, gemeenten, meeting `health-hub-partners` | 001 | "Deelname van U10 gemeenten aan de Health Hub Utrecht helpt om sneller deze gebieden aan elkaar te koppelen." |
| Radelijn, meeting `radelijn-inclusief` | 001 | "Youssra (adviseur bij Radelijn) neemt jullie ... mee in de stappen naar een inclusieve samenwerking" |
| DOCK, buurtteams, buurtconciërge, buurthuis volunteers, meetings `wijkbijeenkomst-*` | 001 | "gesprekken gevoerd met Dock, het buurtteam, de buurtconciërge en vrijwilligers uit het buurthuis" |
| meeting `focusgroep-samenwerking` | 001 | "uitnodigen voor een focusgroep waarin aspecten van samenwerking worden besproken" |
| GGD, resident initiatives, sportaanbieders, Welzijnsorganisatie Nieuwegein | none | reconstructed |

## Built-in structure worth finding

- Leidsche Rijn and Noordwest: huisartsen are tied to each other, to wijkverpleging,
  apotheek, GGZ and the buurtteam (zorgmail, Siilo). In Oost the one huisarts has only
  weak ties; there the residents' initiatives and DOCK carry the network.
- Nieuwegein hangs together through Lijfstyle; the four regions meet only through
  `groz-utrecht`, `bouwsteen-samenwerken`, `radelijn` and the municipality.
- Channels follow the shares of seed 003 (seed 001 reports none).

## Nederlands

Een **illustratieve reconstructie** van de samenwerking in de vier leerregio's van GROZ
Utrecht (Utrecht Oost, Leidsche Rijn, Noordwest en Nieuwegein), met Health Hub Utrecht,
U10, Lijfstyle, Bewegen en Welzijn op Recept, Radelijn, DOCK, buurtteams, huisartsen, de
buurtconciërge en buurthuisvrijwilligers. De relaties zijn verzonnen om aannemelijk te
zijn: **geen echte gegevens**. Regenerate with `python datasets/_build/build.py`.
"""
    meta = {
        "title_nl": "GROZ Utrecht: samenwerken in vier leerregio's",
        "title_en": "GROZ Utrecht: collaboration in four learning regions",
        "source": "Seed 001: GROZ Utrecht, bouwsteen samenwerking (updates februari-juli 2022)",
        "description_nl": "Illustratieve reconstructie van samenwerkingsverbanden in de "
                          "leerregio's Utrecht Oost, Leidsche Rijn, Noordwest en Nieuwegein "
                          "(meting 2022). Relaties verzonnen.",
        "description_en": "Illustrative reconstruction of collaborations in the learning "
                          "regions Utrecht Oost, Leidsche Rijn, Noordwest and Nieuwegein "
                          "(wave 2022). Ties are invented.",
    }
    return write(NAME, ACTORS, rels, MEETINGS, meta, readme)
