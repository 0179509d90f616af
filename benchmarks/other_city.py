"""A second city generator, independent of `wijkgraph.sources.generator`, for benchmarks.

The project's own generator draws ties by weight within wijken and domains. This one
builds a fictional Dutch city ("Lekstad") another way, so that a benchmark on it does
not only measure what the project was tuned on:

* areas ("stadsdelen") of uneven size (a Dirichlet draw);
* inside every area a Holme-Kim powerlaw-cluster graph (networkx
  ``powerlaw_cluster_graph``: preferential attachment with triadic closure, so hubs and
  many triangles), about 4 ties per actor;
* about half a tie per actor between areas, between actors drawn by degree (hubs reach
  across the city);
* its own names (organisation kinds, Dutch-sounding place words, the area), roles,
  domains and types from the wijkgraph vocabularies, meetings per area with members
  drawn by degree;
* written as a folder the way a municipality's Excel would export it: semicolon-separated
  UTF-8 with a byte order mark, Dutch headers (``code``, ``naam``, ``van``, ``naar``,
  ``sterkte`` as words, ``gericht`` ja/nee), files ``actoren.csv``, ``relaties.csv``,
  ``overleggen.csv``, ``deelnames.csv``.

Usage::

    .venv/bin/python benchmarks/other_city.py 30000 /tmp/lekstad-30k [--seed 1]

Deterministic for a given size and seed.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import networkx as nx
import numpy as np

AREA_WORDS = ("Noord", "Zuid", "Oost", "West", "Centrum", "Haven", "Veld", "Dijk", "Brug",
              "Hoven", "Weide", "Akker", "Polder", "Molen", "Kade", "Singel")
AREA_PARTS = ("Lek", "Berg", "Bos", "Zand", "Water", "Hof", "Beek", "Heide", "Linde", "Rijn")
#: (organisation kind, domain, type, role), drawn with the weights in KIND_WEIGHTS.
KINDS = (
    ("Stichting", "welzijn", "organisatie", "welzijnsstichting"),
    ("Vereniging", "inwoners", "initiatief", "bewonersvereniging"),
    ("Huisartsenpraktijk", "zorg", "organisatie", "huisarts"),
    ("Thuiszorg", "zorg", "team", "wijkverpleging"),
    ("Buurthuis", "welzijn", "accommodatie", "buurthuis"),
    ("Sportvereniging", "sport en cultuur", "organisatie", "sportclub"),
    ("Basisschool", "onderwijs", "organisatie", "school"),
    ("Woonstichting", "wonen", "organisatie", "woningcorporatie"),
    ("Wijkteam", "welzijn", "team", "wijkteam"),
    ("Politie, wijkagent", "veiligheid", "persoon", "wijkagent"),
    ("Gemeente, gebiedsteam", "gemeente", "team", "gebiedsmanager"),
    ("Ondernemerskring", "ondernemers", "netwerk", "ondernemersvereniging"),
    ("Fonds", "fondsen", "organisatie", "fonds"),
    ("Bewonersgroep", "inwoners", "initiatief", "bewonersinitiatief"),
    ("Voedselbank", "werk en inkomen", "organisatie", "voedselbank"),
    ("Bibliotheek", "sport en cultuur", "organisatie", "bibliotheek"),
    ("Kenniscentrum", "kennis en onderzoek", "organisatie", "onderzoek"),
)
KIND_WEIGHTS = np.array([6, 12, 4, 3, 3, 5, 5, 2, 2, 1, 1, 2, 1, 14, 1, 1, 1], dtype=float)
PLACE_WORDS = ("De Linde", "Het Anker", "De Brug", "Zonnehoek", "De Wilg", "Het Kompas",
               "De Regenboog", "Meander", "De Horizon", "Het Baken", "De Eik", "Klaproos",
               "De Schakel", "Het Plein", "De Boog", "Vlinderhof", "De Sluis", "Het Veer")
THEMES = ("eenzaamheid", "armoede", "jeugd", "gezondheid", "veiligheid", "wonen",
          "ontmoeting", "werk", "groen", "bewegen", "taal", "schulden")
CHANNELS = ("bijeenkomst", "telefoon", "e-mail", "whatsapp", "online", "huisbezoek")
STRENGTHS = ("identificatie", "coordinatie", "reflectie", "transformatie")
KINDS_OF_TIE = ("samenwerking", "verwijzing", "informatie", "financiering")


def areas(n_areas: int) -> list[str]:
    """Names of `n_areas` areas: 'Lekstad-Noord', 'Bergweide', ... (unique).

    >>> areas(3)
    ['Lekstad-Noord', 'Lekstad-Zuid', 'Lekstad-Oost']
    """
    names = [f"Lekstad-{w}" for w in AREA_WORDS]
    names += [p + w.lower() for p in AREA_PARTS for w in AREA_WORDS]
    return names[:n_areas]


def generate(n_actors: int, *, seed: int = 1) -> dict[str, list[list[str]]]:
    """The four tables of a city of `n_actors` actors, as rows with a header row first."""
    rng = np.random.default_rng(seed)
    n_areas = max(2, min(len(AREA_WORDS) * (1 + len(AREA_PARTS)), round(n_actors ** 0.5 / 6)))
    area_names = areas(n_areas)
    share = rng.dirichlet(np.full(n_areas, 4.0))
    sizes = np.maximum(np.floor(share * n_actors).astype(int), 8)
    sizes[-1] = max(8, n_actors - sizes[:-1].sum())
    area_of = np.repeat(np.arange(n_areas), sizes)[:n_actors]
    n = len(area_of)
    # ties inside each area: Holme-Kim graphs, each on its own block of actor numbers
    edges: list[np.ndarray] = []
    start = 0
    for a in range(n_areas):
        size = int((area_of == a).sum())
        g = nx.powerlaw_cluster_graph(size, 4 if size > 8 else 2, 0.3,
                                      seed=int(rng.integers(2**31)))
        e = np.array(list(g.edges()), dtype=np.int64).reshape(-1, 2) + start
        edges.append(e)
        start += size
    inside = np.concatenate(edges)
    degree = np.bincount(inside.ravel(), minlength=n).astype(float) + 1.0
    n_across = n // 2
    p = degree / degree.sum()
    across = np.stack([rng.choice(n, n_across, p=p), rng.choice(n, n_across, p=p)], axis=1)
    across = across[area_of[across[:, 0]] != area_of[across[:, 1]]]
    ties = np.concatenate([inside, across])
    ties = ties[ties[:, 0] != ties[:, 1]]
    ties = np.unique(np.sort(ties, axis=1), axis=0)
    ties = ties[rng.permutation(len(ties))]
    flip = rng.random(len(ties)) < 0.5  # who names whom
    ties[flip] = ties[flip][:, ::-1]

    kind = rng.choice(len(KINDS), n, p=KIND_WEIGHTS / KIND_WEIGHTS.sum())
    place = rng.integers(len(PLACE_WORDS), size=n)
    codes = [f"lk{i:06d}" for i in range(n)]
    seen: dict[str, int] = {}
    names = []
    for i in range(n):
        base = f"{KINDS[kind[i]][0]} {PLACE_WORDS[place[i]]} {area_names[area_of[i]]}"
        seen[base] = seen.get(base, 0) + 1
        names.append(base if seen[base] == 1 else f"{base} {seen[base]}")
    theme_pick = rng.integers(len(THEMES), size=(n, 2))
    actors = [["code", "naam", "soort", "domein", "rol", "wijk", "thema's"]]
    actors += [[codes[i], names[i], KINDS[kind[i]][2], KINDS[kind[i]][1], KINDS[kind[i]][3],
                area_names[area_of[i]],
                "; ".join(dict.fromkeys(THEMES[t] for t in theme_pick[i]))] for i in range(n)]

    strength = rng.choice(4, len(ties), p=[0.4, 0.3, 0.2, 0.1])
    channel = rng.integers(len(CHANNELS), size=len(ties))
    tie_kind = rng.choice(len(KINDS_OF_TIE), len(ties), p=[0.7, 0.15, 0.1, 0.05])
    directed = rng.random(len(ties)) < 0.15
    relations = [["van", "naar", "soort relatie", "kanaal", "sterkte", "gericht"]]
    relations += [[codes[s], codes[t], KINDS_OF_TIE[k], CHANNELS[c], STRENGTHS[w],
                   "ja" if d else "nee"]
                  for (s, t), k, c, w, d in zip(ties.tolist(), tie_kind.tolist(),
                                                channel.tolist(), strength.tolist(),
                                                directed.tolist(), strict=True)]

    meetings = [["naam", "thema", "wijk"]]
    participation = [["actor", "overleg"]]
    for a, area in enumerate(area_names):
        members = np.flatnonzero(area_of == a)
        weight = degree[members] / degree[members].sum()
        for m in range(max(1, len(members) // 150)):
            name = f"Overleg {THEMES[(a + m) % len(THEMES)]} {area} {m + 1}"
            meetings.append([name, THEMES[(a + m) % len(THEMES)], area])
            size = min(len(members), int(rng.integers(5, 26)))
            for i in rng.choice(members, size, replace=False, p=weight):
                participation.append([codes[i], name])
    return {"actoren": actors, "relaties": relations, "overleggen": meetings,
            "deelnames": participation}


def write_city(n_actors: int, folder: str | Path, *, seed: int = 1) -> Path:
    """Write the city of `n_actors` actors into `folder` (made if needed); returns it."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in generate(n_actors, seed=seed).items():
        with (folder / f"{name}.csv").open("w", encoding="utf-8-sig", newline="") as f:
            csv.writer(f, delimiter=";").writerows(rows)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n_actors", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    write_city(args.n_actors, args.folder, seed=args.seed)
    print(args.folder)


if __name__ == "__main__":
    main()
