"""utrecht-oost: seed 003, Behoeftepeiling buurtgericht samenwerken Utrecht Oost."""

from __future__ import annotations

from collections import Counter

from common import (
    SURVEY_CHANNELS, Meeting, actor, counts_line, degree, fill_channels, markdown_table,
    relations, write,
)

NAME = "utrecht-oost"

ACTORS = [actor(line) for line in """
dock-oost | DOCK Oost | team | welzijn | sociaal makelaar | Oost | participatie;ontmoeting;eenzaamheid | Sociaal makelaars van DOCK in wijk Oost; ondersteunen bewonersinitiatieven en buurtverbinders.
jou-oost | Stichting JOU, jongerenwerk Oost | team | welzijn | jongerenwerk | Oost | jeugd;talentontwikkeling | Jongerenwerk in Oost; in de peiling genoemd als partij met wie meer contact gewenst is.
buurtteam-oost-noord | Buurtteam Oost-Noord | team | welzijn | buurtteam | Oost | armoede;jeugd;informele zorg | Buurtteam voor Wittevrouwen, Votulast en Tuindorp-Oost (indeling gereconstrueerd).
buurtteam-oost-zuid | Buurtteam Oost-Zuid | team | welzijn | buurtteam | Oost | armoede;eenzaamheid;informele zorg | Buurtteam voor Oudwijk, Abstede en Lodewijk Napoleonplantsoen (indeling gereconstrueerd).
podium-oost | Podium Oost | organisatie | welzijn | welzijnsorganisatie | Oost | ontmoeting;talentontwikkeling | In de peiling genoemd als gemiste partij (welzijn); weinig verbonden.
wij-3-0 | Wij 3.0 | organisatie | welzijn | welzijnsorganisatie | Oost | eenzaamheid;participatie | In de peiling genoemd als gemiste partij (welzijn); weinig verbonden.
u-centraal | U-centraal | organisatie | welzijn | welzijnsorganisatie | Oost;Binnenstad | informele zorg;armoede;eenzaamheid | Ouderenadvies, mantelzorgondersteuning en maatschappelijk werk.
oost-voor-elkaar | Oost voor Elkaar | platform | welzijn | platform | Oost | informele zorg;eenzaamheid;ontmoeting | Netwerk en digitaal platform van partners in Oost; in de peiling genoemd als digitaal platform.
nizu | NIZU, Netwerk Informele Zorg Utrecht | platform | welzijn | platform | Oost;Binnenstad;Zuid;Noordoost | informele zorg | Stedelijk netwerk en digitaal platform voor informele zorg; genoemd in de peiling.
humanitas | Humanitas Utrecht | organisatie | welzijn | vrijwilligersorganisatie | Oost;Binnenstad | eenzaamheid;informele zorg | Maatjesprojecten en thuisadministratie met vrijwilligers.
present | Stichting Present Utrecht | organisatie | welzijn | vrijwilligersorganisatie | Oost | participatie;informele zorg | Koppelt groepen vrijwilligers aan hulpvragen.
voedselbank-oost | Voedselbank Utrecht, uitgiftepunt Oost | organisatie | welzijn | voedselbank | Oost | armoede | Uitgiftepunt in Oost (gereconstrueerd).
leergeld | Stichting Leergeld Utrecht | organisatie | welzijn | vrijwilligersorganisatie | Oost | armoede;jeugd | Helpt kinderen uit gezinnen met een laag inkomen meedoen.
buurtverbinder-oudwijk | Buurtverbinder Oudwijk | persoon | inwoners | buurtverbinder | Oost | ontmoeting;eenzaamheid | Actieve bewoner in Oudwijk (rol, geen naam).
buurtverbinder-sterrenwijk | Buurtverbinder Sterrenwijk | persoon | inwoners | buurtverbinder | Oost | ontmoeting;jeugd | Actieve bewoner in Sterrenwijk (rol, geen naam).
buurtverbinder-abstede | Buurtverbinder Abstede | persoon | inwoners | buurtverbinder | Oost | ontmoeting;groen | Actieve bewoner in Abstede (rol, geen naam).
moestuin-abstede | Buurtmoestuin Abstede | initiatief | inwoners | bewonersinitiatief | Oost | groen;ontmoeting | Bewonersinitiatief (naam gereconstrueerd).
buurtkamer-lnp | Buurtkamer Lodewijk Napoleonplantsoen | initiatief | inwoners | bewonersinitiatief | Oost | ontmoeting;eenzaamheid | Bewonersinitiatief (naam gereconstrueerd).
eettafel-wittevrouwen | Eettafel Wittevrouwen | initiatief | inwoners | bewonersinitiatief | Oost | eenzaamheid;ontmoeting | Bewonersinitiatief (naam gereconstrueerd); zelfde thema als Samen Eten Rubenslaan, geen contact.
samen-eten-rubenslaan | Samen Eten Rubenslaan | initiatief | inwoners | bewonersinitiatief | Oost | eenzaamheid;ontmoeting | Bewonersinitiatief (naam gereconstrueerd); zelfde thema als Eettafel Wittevrouwen, geen contact.
seniorengroep-wittevrouwen | Seniorengroep Wittevrouwen | initiatief | inwoners | bewonersinitiatief | Oost | eenzaamheid;bewegen | Bewonersinitiatief (naam gereconstrueerd).
repair-cafe-oost | Repair Café Oost | initiatief | inwoners | bewonersinitiatief | Oost | duurzaamheid;ontmoeting | Bewonersinitiatief (naam gereconstrueerd).
duurzaam-oost | Duurzaam Oost | initiatief | inwoners | bewonersinitiatief | Oost | duurzaamheid;groen | Bewonersgroep voor verduurzaming (naam gereconstrueerd); zelfde thema als Energie-U, geen contact.
tuindorp-beweegt | Tuindorp-Oost Beweegt | initiatief | inwoners | bewonersinitiatief | Oost | bewegen;gezondheid | Beweeginitiatief (naam gereconstrueerd); zelfde thema als Wandelgroep Maarschalkerweerd, geen contact.
wandelgroep-maarschalkerweerd | Wandelgroep Maarschalkerweerd | initiatief | inwoners | bewonersinitiatief | Oost | bewegen;eenzaamheid | Beweeginitiatief (naam gereconstrueerd).
taalcafe-oost | Taalcafé Oost | initiatief | inwoners | bewonersinitiatief | Oost | participatie;ontmoeting | Bewonersinitiatief (naam gereconstrueerd).
burenhulp-oudwijk | Burenhulp Oudwijk | initiatief | inwoners | bewonersinitiatief | Oost | informele zorg;eenzaamheid | Bewonersinitiatief (naam gereconstrueerd).
speeltuin-oost | Speeltuinvereniging Oost | initiatief | inwoners | bewonersinitiatief | Oost | jeugd;bewegen | Vereniging van bewoners (naam gereconstrueerd).
bewonersgroep-schildersbuurt | Bewonersgroep Schildersbuurt | initiatief | inwoners | bewonersinitiatief | Oost | groen;wonen | Bewonersgroep (naam gereconstrueerd).
bewonersplatform-oost | Bewonersplatform Oost | netwerk | inwoners | bewonersplatform | Oost | participatie | Overleg van actieve bewoners over de wijkagenda (gereconstrueerd).
studenten-welzijn-usp | Studentenwelzijnsgroep USP | initiatief | inwoners | studentenorganisatie | Oost | studenten;eenzaamheid | Studentenorganisatie op Utrecht Science Park; in de peiling gemist, hier alleen verbonden met USP.
wijkkrant-oost | Wijkkrant en wijkgids Oost | platform | inwoners | wijkkrant | Oost | participatie | De wijkgids Oost met activiteiten wordt in de peiling genoemd.
wijkapp-oost | Wijkapp Oost | platform | inwoners | platform | Oost | participatie;ontmoeting | De wijkapp wordt in de peiling genoemd (identificatie).
wijkbureau-oost | Wijkbureau Oost | team | gemeente | wijkbureau | Oost | participatie;wonen;veiligheid | Wijkbureau van de gemeente Utrecht; de peiling vraagt een prominentere rol bij de wijkagenda.
gemeente-mo | Gemeente Utrecht, Maatschappelijke Ontwikkeling | organisatie | gemeente | gemeente | Oost;Binnenstad | welzijn op recept;armoede;participatie | Opdrachtgever sociaal domein.
stadsbedrijven-oost | Stadsbedrijven, facilitair beheer Oost | team | gemeente | stadsbedrijven | Oost | ontmoeting | Beheer van de wijkaccommodaties in Oost.
onderzoek-gemeente | Gemeente Utrecht, Onderzoek en wijkcijfers | team | kennis en onderzoek | onderzoek | Oost;Binnenstad | participatie | "Met data en duiding in de wijk" (peiling, reflectie).
initiatievenfonds | Initiatievenfonds Utrecht | organisatie | fondsen | fonds | Oost;Binnenstad;Zuid;Noordoost | participatie | Gemeentelijk fonds voor bewonersinitiatieven.
kf-hein-fonds | K.F. Hein Fonds | organisatie | fondsen | fonds | Oost;Binnenstad | participatie;informele zorg | Utrechts vermogensfonds; banden gereconstrueerd.
huisarts-oost-1 | Huisartsenpraktijk Oost 1 | organisatie | zorg | huisarts | Oost | gezondheid | Gemist in de peiling; hier alleen verbonden met een apotheek (gereconstrueerd).
apotheek-oost-1 | Apotheek Oost 1 | organisatie | zorg | apotheek | Oost | gezondheid | Gemist in de peiling; alleen verbonden met de huisartsenpraktijk.
sterkzorg-oost | SterkZorg wijkverpleging Oost | team | zorg | wijkverpleging | Oost | gezondheid;informele zorg | Gemist in de peiling; één band met een buurtteam.
fysio-oost-1 | Fysiotherapiepraktijk Oost 1 | organisatie | zorg | fysiotherapeut | Oost | bewegen;gezondheid | Gemist in de peiling; geen banden.
wijkagent-oost | Wijkagent Oost | persoon | veiligheid | wijkagent | Oost | veiligheid | Politie; gemist in de peiling; één zwakke band (wijkschouw).
buurtpreventie-oudwijk | Buurtpreventie Oudwijk | initiatief | veiligheid | buurtpreventie | Oost | veiligheid | WhatsApp-buurtpreventie van bewoners (gereconstrueerd).
universiteit-utrecht | Universiteit Utrecht | organisatie | onderwijs | universiteit | Oost | studenten | Op Utrecht Science Park.
hogeschool-utrecht | Hogeschool Utrecht | organisatie | onderwijs | hogeschool | Oost | studenten;gezondheid | Op Utrecht Science Park.
basisschool-wittevrouwen | Basisschool Wittevrouwen | organisatie | onderwijs | school | Oost | jeugd | Naam gereconstrueerd.
basisschool-sterrenwijk | Basisschool Sterrenwijk | organisatie | onderwijs | school | Oost | jeugd | Naam gereconstrueerd.
utrecht-science-park | Utrecht Science Park (USP) | organisatie | kennis en onderzoek | kennisinstelling | Oost | studenten;participatie | De peiling vraagt de samenwerking met professionals op USP te versterken.
ondernemers-usp | Ondernemers Utrecht Science Park | netwerk | ondernemers | ondernemersvereniging | Oost | werk | Netwerk van bedrijven op USP (gereconstrueerd).
ondernemers-biltstraat | Ondernemersvereniging Biltstraat | netwerk | ondernemers | ondernemersvereniging | Oost | ontmoeting | Winkeliers (naam gereconstrueerd).
energie-u | Energie-U | organisatie | wonen | energiecooperatie | Oost;Binnenstad | duurzaamheid;wonen | Energiecoöperatie; zelfde thema als Duurzaam Oost, geen contact.
sportutrecht | SportUtrecht | platform | sport en cultuur | platform | Oost;Binnenstad;Zuid | bewegen | In de peiling genoemd als digitaal platform.
buurtsportcoach-oost | Buurtsportcoaches Oost | team | sport en cultuur | buurtsportcoach | Oost | bewegen;jeugd;gezondheid | Buurtsportcoaches in Oost.
olympos | Sportcentrum Olympos | organisatie | sport en cultuur | sportcentrum | Oost | bewegen;studenten | Sportcentrum op Utrecht Science Park.
hockeyclub-maarschalkerweerd | Hockeyclub op Maarschalkerweerd | organisatie | sport en cultuur | sportclub | Oost | bewegen;jeugd | Sportclub op Maarschalkerweerd; gemist in de peiling; één band (SportUtrecht). Naam generiek.
voetbalclub-maarschalkerweerd | Voetbalclub op Maarschalkerweerd | organisatie | sport en cultuur | sportclub | Oost | bewegen;jeugd | Sportclub op Maarschalkerweerd; gemist in de peiling; geen banden. Naam generiek.
bibliotheek-oost | Bibliotheek Utrecht, vestiging Oost | organisatie | sport en cultuur | bibliotheek | Oost | participatie;ontmoeting | Taal en digitale vaardigheden.
buurthuis-abstede | Buurthuis Abstede | accommodatie | welzijn | buurtcentrum | Oost | ontmoeting | Wijkaccommodatie (naam gereconstrueerd).
buurtcentrum-sterrenwijk | Buurtcentrum Sterrenwijk | accommodatie | welzijn | buurtcentrum | Oost | ontmoeting | Wijkaccommodatie (naam gereconstrueerd).
buurtcentrum-oudwijk | Buurtcentrum Oudwijk | accommodatie | welzijn | buurtcentrum | Oost | ontmoeting | Wijkaccommodatie (naam gereconstrueerd).
""".strip().splitlines()]

RELATIONS = relations("""
# Oost voor Elkaar: the platform most respondents use
oost-voor-elkaar dock-oost L 3
oost-voor-elkaar buurtteam-oost-noord L 2
oost-voor-elkaar buurtteam-oost-zuid L 2
oost-voor-elkaar u-centraal L 2 informele_zorg
oost-voor-elkaar humanitas L 2 eenzaamheid
oost-voor-elkaar present L 2
oost-voor-elkaar wij-3-0 L 1
oost-voor-elkaar nizu 2 informele_zorg
oost-voor-elkaar buurtverbinder-oudwijk L 2
oost-voor-elkaar buurtverbinder-sterrenwijk L 2
oost-voor-elkaar buurtverbinder-abstede L 1
oost-voor-elkaar burenhulp-oudwijk L 3 informele_zorg
oost-voor-elkaar eettafel-wittevrouwen L 2 eenzaamheid
oost-voor-elkaar buurtkamer-lnp L 2
oost-voor-elkaar samen-eten-rubenslaan L 1
oost-voor-elkaar seniorengroep-wittevrouwen L 1
oost-voor-elkaar taalcafe-oost L 1
oost-voor-elkaar voedselbank-oost I 1 armoede
oost-voor-elkaar wijkbureau-oost 3
oost-voor-elkaar wijkkrant-oost I 2 @nieuwsbrief
oost-voor-elkaar wijkapp-oost 2
oost-voor-elkaar bibliotheek-oost L 1
oost-voor-elkaar leergeld L 1
# wijkbureau
wijkbureau-oost dock-oost 3 participatie @werkoverleg
wijkbureau-oost gemeente-mo 3
wijkbureau-oost stadsbedrijven-oost 2 @wijkschouw
wijkbureau-oost initiatievenfonds 2 participatie
wijkbureau-oost onderzoek-gemeente I 2
wijkbureau-oost wijkagent-oost 1 veiligheid @wijkschouw
wijkbureau-oost utrecht-science-park 1 studenten
wijkbureau-oost bewonersplatform-oost 3 participatie
wijkbureau-oost buurtpreventie-oudwijk I 1 veiligheid
wijkbureau-oost bewonersgroep-schildersbuurt 2 groen
wijkbureau-oost ondernemers-biltstraat 1
wijkbureau-oost wijkkrant-oost I 2
wijkbureau-oost buurtteam-oost-noord 1
wijkbureau-oost buurtteam-oost-zuid 1
wijkbureau-oost jou-oost 1 jeugd
wijkbureau-oost moestuin-abstede 1 groen
wijkbureau-oost duurzaam-oost 2 duurzaamheid
wijkbureau-oost energie-u 1 duurzaamheid
wijkbureau-oost wijkapp-oost 2
# DOCK Oost
dock-oost buurtverbinder-oudwijk 3
dock-oost buurtverbinder-sterrenwijk 3
dock-oost buurtverbinder-abstede 2
dock-oost moestuin-abstede 2 groen
dock-oost buurtkamer-lnp 3 ontmoeting
dock-oost repair-cafe-oost 2
dock-oost taalcafe-oost 2 participatie
dock-oost eettafel-wittevrouwen 2 eenzaamheid
dock-oost buurthuis-abstede B 3
dock-oost buurtcentrum-sterrenwijk B 2
dock-oost buurtcentrum-oudwijk B 2
dock-oost jou-oost 3 jeugd
dock-oost buurtteam-oost-noord 2
dock-oost buurtteam-oost-zuid 3
dock-oost podium-oost 1
dock-oost bewonersplatform-oost 2
dock-oost speeltuin-oost 1
dock-oost bibliotheek-oost 2
dock-oost wijkkrant-oost I 1
dock-oost seniorengroep-wittevrouwen 1
dock-oost wandelgroep-maarschalkerweerd 1 bewegen
dock-oost ondernemers-biltstraat 1
# buurtteams
buurtteam-oost-noord buurtteam-oost-zuid 3 @werkoverleg
buurtteam-oost-noord u-centraal V 2 @huisbezoek
buurtteam-oost-zuid u-centraal V 3 informele_zorg @huisbezoek
buurtteam-oost-noord voedselbank-oost V 1 armoede
buurtteam-oost-zuid voedselbank-oost V 1 armoede
buurtteam-oost-noord leergeld V 1 armoede
buurtteam-oost-zuid present V 2
buurtteam-oost-noord humanitas V 2 eenzaamheid
buurtteam-oost-zuid burenhulp-oudwijk V 2 informele_zorg
buurtteam-oost-noord jou-oost 2 jeugd
buurtteam-oost-zuid wij-3-0 V 1
buurtteam-oost-noord basisschool-wittevrouwen 2 jeugd
buurtteam-oost-noord basisschool-sterrenwijk 1 jeugd
buurtteam-oost-noord buurtverbinder-sterrenwijk I 1
buurtteam-oost-zuid buurtverbinder-oudwijk 2
sterkzorg-oost buurtteam-oost-zuid 1 @siilo
# welzijn among themselves
u-centraal humanitas 2
u-centraal nizu L 2 informele_zorg
u-centraal wij-3-0 1
nizu humanitas L 1
nizu present L 1
nizu burenhulp-oudwijk L 1
jou-oost buurtsportcoach-oost 3 jeugd
jou-oost speeltuin-oost 2 jeugd
jou-oost basisschool-sterrenwijk 2 jeugd
jou-oost podium-oost 2 talentontwikkeling
jou-oost buurtcentrum-sterrenwijk 2
jou-oost bibliotheek-oost 1
podium-oost buurthuis-abstede 2
humanitas seniorengroep-wittevrouwen 2 eenzaamheid
present burenhulp-oudwijk 1
leergeld voedselbank-oost 2 armoede
# sport
sportutrecht buurtsportcoach-oost 3 bewegen
sportutrecht hockeyclub-maarschalkerweerd I 1 @nieuwsbrief
sportutrecht tuindorp-beweegt 2 bewegen
sportutrecht wandelgroep-maarschalkerweerd I 1
buurtsportcoach-oost basisschool-wittevrouwen 2 bewegen
buurtsportcoach-oost speeltuin-oost 1
# funding
gemeente-mo initiatievenfonds F 2
gemeente-mo sportutrecht F 2
gemeente-mo dock-oost F 3
gemeente-mo u-centraal F 2
gemeente-mo jou-oost F 2
gemeente-mo buurtteam-oost-noord F 2
gemeente-mo buurtteam-oost-zuid F 2
gemeente-mo onderzoek-gemeente 2
gemeente-mo stadsbedrijven-oost 1
initiatievenfonds moestuin-abstede F 2
initiatievenfonds buurtkamer-lnp F 2
initiatievenfonds eettafel-wittevrouwen F 1
initiatievenfonds repair-cafe-oost F 1
initiatievenfonds duurzaam-oost F 1
initiatievenfonds taalcafe-oost F 1
initiatievenfonds speeltuin-oost F 1
initiatievenfonds tuindorp-beweegt F 1
initiatievenfonds samen-eten-rubenslaan F 1
initiatievenfonds dock-oost I 2
kf-hein-fonds burenhulp-oudwijk F 1
kf-hein-fonds wandelgroep-maarschalkerweerd F 1
kf-hein-fonds repair-cafe-oost F 1
kf-hein-fonds dock-oost I 1
# buildings
stadsbedrijven-oost buurthuis-abstede B 2
stadsbedrijven-oost buurtcentrum-sterrenwijk B 2
stadsbedrijven-oost buurtcentrum-oudwijk B 1
buurthuis-abstede moestuin-abstede 2
buurthuis-abstede taalcafe-oost 1
buurtcentrum-oudwijk burenhulp-oudwijk 2
buurtcentrum-oudwijk eettafel-wittevrouwen 1
buurtcentrum-sterrenwijk buurtverbinder-sterrenwijk 3
buurtcentrum-sterrenwijk repair-cafe-oost 2
# residents
buurtverbinder-oudwijk burenhulp-oudwijk 3 informele_zorg
buurtverbinder-oudwijk buurtpreventie-oudwijk I 1 veiligheid
buurtverbinder-sterrenwijk speeltuin-oost 1
buurtverbinder-abstede moestuin-abstede 2 groen
buurtverbinder-oudwijk buurtverbinder-sterrenwijk 2
buurtverbinder-sterrenwijk buurtverbinder-abstede 1
buurtverbinder-abstede buurtkamer-lnp 2
eettafel-wittevrouwen seniorengroep-wittevrouwen 2 eenzaamheid
moestuin-abstede repair-cafe-oost 1 duurzaamheid
bewonersplatform-oost wijkkrant-oost 2 @nieuwsbrief
bewonersplatform-oost duurzaam-oost 1
bewonersplatform-oost bewonersgroep-schildersbuurt 2
bewonersplatform-oost ondernemers-biltstraat I 1
bewonersplatform-oost buurtpreventie-oudwijk I 1
energie-u repair-cafe-oost 1 duurzaamheid
wijkapp-oost wijkkrant-oost 2
wijkapp-oost buurtverbinder-sterrenwijk I 1
bibliotheek-oost taalcafe-oost 4 participatie
bibliotheek-oost basisschool-sterrenwijk 1
onderzoek-gemeente dock-oost I 2
# Utrecht Science Park: joined to the wijk only through the wijkbureau
utrecht-science-park universiteit-utrecht 3
utrecht-science-park hogeschool-utrecht 2 @linkedin
utrecht-science-park olympos 2 bewegen
utrecht-science-park ondernemers-usp 2 @linkedin
utrecht-science-park studenten-welzijn-usp I 1 studenten
universiteit-utrecht hogeschool-utrecht 2
universiteit-utrecht olympos 2 studenten
hogeschool-utrecht ondernemers-usp I 1
# first-line care, at the margin
huisarts-oost-1 apotheek-oost-1 2 gezondheid @zorgmail
""")

MEETINGS = [
    Meeting("samen-oost", "Samen Oost", "participatie", "Oost",
            "Wijknetwerk van professionals en actieve bewoners; de peiling noemt acties vanuit "
            "Samen Oost als doelgerichte vorm van samenwerken.",
            ["wijkbureau-oost", "dock-oost", "oost-voor-elkaar", "buurtteam-oost-noord",
             "buurtteam-oost-zuid", "u-centraal", "jou-oost", "bewonersplatform-oost",
             "buurtverbinder-oudwijk", "humanitas", "present", "gemeente-mo"]),
    Meeting("lerend-netwerk", "Lerend Netwerk Buurtgericht Samenwerken", "participatie", "Oost",
            "Thematische bijeenkomsten van het lerend netwerk (peiling: kansen en ideeën).",
            ["dock-oost", "oost-voor-elkaar", "wijkbureau-oost", "onderzoek-gemeente",
             "buurtteam-oost-zuid", "wij-3-0", "podium-oost", "bibliotheek-oost",
             "u-centraal"]),
    Meeting("partneroverleg-ove", "Partneroverleg Oost voor Elkaar", "informele zorg", "Oost",
            "Overleg van de partners achter het platform Oost voor Elkaar (gereconstrueerd).",
            ["oost-voor-elkaar", "nizu", "u-centraal", "humanitas", "present",
             "burenhulp-oudwijk", "buurtteam-oost-noord", "buurtverbinder-sterrenwijk",
             "wij-3-0"]),
    Meeting("wijkschouw-oost", "Wijkschouw Oost", "veiligheid", "Oost",
            "Gezamenlijke ronde door de wijk; de wijkagent staat niet op de presentielijst.",
            ["wijkbureau-oost", "stadsbedrijven-oost", "buurtpreventie-oudwijk",
             "bewonersgroep-schildersbuurt", "bewonersplatform-oost"]),
    Meeting("thema-eenzaamheid", "Themabijeenkomst eenzaamheid", "eenzaamheid", "Oost",
            "Themabijeenkomst (peiling: meer themagericht samenwerken).",
            ["oost-voor-elkaar", "humanitas", "eettafel-wittevrouwen",
             "seniorengroep-wittevrouwen", "buurtkamer-lnp", "u-centraal", "wij-3-0",
             "dock-oost"]),
    Meeting("thema-gezondheid", "Themabijeenkomst gezondheid en bewegen", "gezondheid", "Oost",
            "Themabijeenkomst zonder partijen uit de eerstelijnszorg.",
            ["sportutrecht", "buurtsportcoach-oost", "tuindorp-beweegt", "dock-oost",
             "oost-voor-elkaar", "onderzoek-gemeente"]),
    Meeting("thema-jeugd", "Themabijeenkomst jeugd", "jeugd", "Oost",
            "Themabijeenkomst over jeugd in Oost.",
            ["jou-oost", "buurtteam-oost-noord", "basisschool-wittevrouwen",
             "basisschool-sterrenwijk", "speeltuin-oost", "buurtsportcoach-oost", "leergeld"]),
    Meeting("nieuwjaar-oost", "Nieuwjaarsbijeenkomst wijk Oost", "ontmoeting", "Oost",
            "Kennismakingsbijeenkomst (peiling: kerst, nieuwjaar, lunch).",
            ["wijkbureau-oost", "dock-oost", "oost-voor-elkaar", "jou-oost",
             "buurtteam-oost-noord", "buurtteam-oost-zuid", "bewonersplatform-oost",
             "buurtverbinder-abstede", "moestuin-abstede", "repair-cafe-oost",
             "ondernemers-biltstraat", "wijkkrant-oost", "podium-oost"]),
    Meeting("usp-bijeenkomst", "Bijeenkomst professionals Utrecht Science Park", "studenten",
            "Oost",
            "Bijeenkomst op USP, zoals de peiling voorstelt (gereconstrueerd).",
            ["utrecht-science-park", "universiteit-utrecht", "hogeschool-utrecht", "olympos",
             "ondernemers-usp", "studenten-welzijn-usp", "wijkbureau-oost"]),
]

# Parties respondents miss (seed 003, "Wie worden er gemist"): how they appear here.
MISSED = [
    ("SterkZorg (wijkverpleging)", "marginal", "`sterkzorg-oost`: 1 tie (buurtteam, via Siilo)"),
    ("Huisartsen", "marginal", "`huisarts-oost-1`: 1 tie (apotheek only)"),
    ("Fysiotherapeuten", "marginal", "`fysio-oost-1`: present, 0 ties"),
    ("Diëtisten", "absent", "no actor with role `dietist`"),
    ("Psychologen", "absent", "no actor with role `psycholoog`"),
    ("Apothekers", "marginal", "`apotheek-oost-1`: 1 tie (huisarts only)"),
    ("GGZ", "absent", "no actor with role `ggz`"),
    ("Specialistische jeugdhulp (Spoor030)", "absent", "no actor"),
    ("Studentenorganisaties Oost / USP", "marginal",
     "`studenten-welzijn-usp`: 1 weak tie (USP only)"),
    ("SSH (studentenhuisvesting)", "absent", "no actor with role `studentenhuisvesting`"),
    ("International Welcome Centre Utrecht", "absent", "no actor"),
    ("Sportclubs op Maarschalkerweerd", "marginal",
     "`hockeyclub-maarschalkerweerd`: 1 weak tie (SportUtrecht); "
     "`voetbalclub-maarschalkerweerd`: 0 ties"),
    ("Politie / wijkagent", "marginal", "`wijkagent-oost`: 1 weak tie (wijkbureau, wijkschouw)"),
    ("Wijk-BOA", "absent", "no actor with role `wijk-boa`"),
    ("ROC", "absent", "no actor with role `roc`"),
    ("Woningbouwcorporaties", "absent", "no actor with role `woningcorporatie`"),
    ("ZININ", "absent", "no actor"),
]


def build() -> dict[str, int]:
    big = {c: SURVEY_CHANNELS[c] for c in
           ("bijeenkomst", "telefoon", "e-mail", "whatsapp", "online", "platform")}
    platforms = {"oost-voor-elkaar", "nizu", "sportutrecht", "wijkapp-oost"}
    rels = [r for r in RELATIONS]
    # Hand-set channels (wijkschouw, werkoverleg, huisbezoek, siilo, zorgmail, linkedin,
    # nieuwsbrief) stand for the single mentions; the six big channels share the rest.
    fill_channels(rels, big, seed=3, prefer={"platform": platforms})
    realised = Counter(r.channel for r in rels)
    total_mentions = sum(SURVEY_CHANNELS.values())
    rows = [[c, SURVEY_CHANNELS[c], f"{SURVEY_CHANNELS[c] / total_mentions:.1%}",
             realised[c], f"{realised[c] / len(rels):.1%}"] for c in SURVEY_CHANNELS]
    channel_table = markdown_table(
        ["channel", "survey mentions", "target share", "relations", "realised share"], rows)
    deg = degree(rels)
    missed_table = markdown_table(
        ["missed party (seed 003)", "here", "detail"],
        [[p, s, d] for p, s, d in MISSED])
    top = ", ".join(f"`{a}` ({k})" for a, k in deg.most_common(6))
    readme = f"""
# utrecht-oost: buurtgericht samenwerken in Utrecht Oost

{counts_line(ACTORS, rels, MEETINGS)}

An **illustrative reconstruction** of the collaboration network in the wijk Utrecht Oost,
built to be consistent with the *Behoeftepeiling buurtgericht samenwerken Utrecht Oost*
(seed 003, 27 respondents). The survey reports channels, learning mechanisms and which
parties respondents miss; it does not list who works with whom. **Every tie in this
dataset is invented to be plausible, not real data**, and names marked *gereconstrueerd*
in `actors.csv` are placeholders (real organisations are named only where a seed names
them). Persons appear only as roles (buurtverbinder, wijkagent), never by name.

## Sources

| part | seed | exact phrase in the seed |
|---|---|---|
| channels of relations | 003 | "Huidige manieren van samenwerken/contact" (Bijeenkomsten (live) 21 ... Nieuwsbrief/wijkkrant 1) |
| strength (identificatie, coordinatie, reflectie, transformatie) | 003 | "Leermechanismen domeinoverstijgend samenwerken" |
| missed parties (zorg, welzijn, inwoners, diversen) | 003 | "Wie worden er gemist in de huidige samenwerking?" |
| Oost voor Elkaar, NIZU, SportUtrecht | 003 | "Digitaal platform (o.a. Oost voor Elkaar, NIZU en SportUtrecht)" |
| DOCK, Stichting JOU, buurtteams, Podium Oost, Wij 3.0, U-centraal | 003 | column "Welzijn" of the missed-parties table |
| buurtverbinders, bewonersinitiatieven, studentenorganisaties | 003 | column "Inwoners" of the missed-parties table |
| wijkbureau Oost | 003 | "Prominentere rol Wijkbureau bij opstellen wijkagenda" |
| Utrecht Science Park, meeting `usp-bijeenkomst` | 003 | "Versterken samenwerking professionals Utrecht Science Park. Daar bijeenkomst organiseren." |
| meetings `samen-oost` | 003 | "acties vanuit Samen Oost" |
| meeting `lerend-netwerk` | 003 | "Thematische bijeenkomsten, zoals bijvoorbeeld voor Lerend Netwerk Buurtgericht Samenweken" |
| meetings `thema-*` | 003 | "Meer themagericht samenwerken (welzijn, wonen, wijkbeheer, gezondheid) en themabijeenkomsten" |
| meeting `wijkschouw-oost`, channel wijkschouw | 003 | "Wijkschouw 1" |
| meeting `nieuwjaar-oost` | 003 | "Kennismakingsbijeenkomsten, bv kerst, nieuwjaar, lunch" |
| wijkkrant/wijkgids, wijkapp | 003 | "In de wijkgids Oost staan activiteiten" / "Wijkapp" |
| onderzoek-gemeente | 003 | "Met data en duiding in de wijk" |
| other actors (Humanitas, Present, Leergeld, Voedselbank, K.F. Hein Fonds, Energie-U, schools, buurtcentra, ...) | none | reconstructed to make a plausible wijk |

## Channels: survey shares and realised counts

Each relation has one channel. The six large channels are spread over the relations in
the survey's proportions (21 : 18 : 16 : 16 : 13 : 5); the channels mentioned once are
hand-placed on ties where they make sense (zorgmail between huisarts and apotheek, siilo
for the wijkverpleging, wijkschouw for the wijkagent, ...). "Op allerlei manieren" (3
mentions) is not a channel and is left out. Target share = share of the {total_mentions} mentions.

{channel_table}

## Missing parties: absent or at the margin

The survey's missed parties from zorg and "diversen" are absent or at the margin (0-2
ties, within their own domain or to one party), so a "who is missing" analysis finds
them. The welzijn parties the survey also names (DOCK, JOU, buurtteams, Podium Oost,
Wij 3.0, U-centraal) are present, because the survey asks for *more* contact with them;
Podium Oost and Wij 3.0 have only {deg['podium-oost']} and {deg['wij-3-0']} ties.

{missed_table}

## Built-in structure worth finding

- Hubs and brokers: {top}.
- Articulation points: `wijkbureau-oost` is the only link to the wijkagent and to the
  Utrecht Science Park cluster (`utrecht-science-park` - `wijkbureau-oost` is a bridge);
  `utrecht-science-park` is the only link of the student organisation; `sportutrecht` is
  the only link of the hockey club; `buurtteam-oost-zuid` is the only link of SterkZorg.
- Separate component: `huisarts-oost-1` - `apotheek-oost-1`. Isolates: `fysio-oost-1`,
  `voetbalclub-maarschalkerweerd`.
- Same theme, same wijk, no tie (risk of duplicate effort, "dubbelingen"):
  `eettafel-wittevrouwen` / `samen-eten-rubenslaan` (eenzaamheid),
  `duurzaam-oost` / `energie-u` (duurzaamheid),
  `tuindorp-beweegt` / `wandelgroep-maarschalkerweerd` (bewegen).
- Strength is written as a word, every ninth relation as a digit (1-4), to exercise both
  spellings. `directed` is `ja` for verwijzing, financiering and beheer.

## Nederlands

Een **illustratieve reconstructie** van het samenwerkingsnetwerk in Utrecht Oost op basis
van de behoeftepeiling buurtgericht samenwerken (27 respondenten). De kanalen volgen de
aantallen uit de peiling; de partijen die respondenten missen (eerstelijnszorg, wijkagent,
woningcorporaties, ROC, SSH, ...) ontbreken of staan aan de rand van het netwerk. De
relaties zelf zijn verzonnen om aannemelijk te zijn: dit zijn **geen echte gegevens**.
Regenerate with `python datasets/_build/build.py`.
"""
    meta = {
        "title_nl": "Buurtgericht samenwerken in Utrecht Oost",
        "title_en": "Neighbourhood collaboration in Utrecht Oost",
        "source": "Seed 003: Behoeftepeiling buurtgericht samenwerken Utrecht Oost "
                  "(27 respondenten)",
        "description_nl": "Illustratieve reconstructie van het samenwerkingsnetwerk in "
                          "Utrecht Oost, consistent met de behoeftepeiling: kanalen, "
                          "leermechanismen en gemiste partijen. De relaties zijn verzonnen, "
                          "geen echte gegevens.",
        "description_en": "Illustrative reconstruction of the collaboration network in "
                          "Utrecht Oost, consistent with the needs survey: channels, learning "
                          "mechanisms and missed parties. Ties are invented, not real data.",
    }
    return write(NAME, ACTORS, rels, MEETINGS, meta, readme)
