"""Synthetic wijk networks of any size, for benchmarks, demos and tests.

The generator imitates what the bundled datasets show about Utrecht: ten wijken, the
domains in realistic proportions, a few hub organisations per wijk (DOCK, the buurtteam,
the wijkbureau) and the municipality, mostly local ties with some across wijken, more ties
within a domain than between domains, and contact channels in the shares of the Utrecht
Oost survey (seed 003). Everything is vectorised with numpy, so 30,000 actors and 150,000
relations take well under a second.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

__all__ = ["synthetic_frames"]

#: Utrecht's ten wijken and rough relative population sizes.
WIJKEN: tuple[str, ...] = (
    "Binnenstad", "Oost", "Noordoost", "Noordwest", "Overvecht", "West", "Zuidwest", "Zuid",
    "Leidsche Rijn", "Vleuten-De Meern",
)
_WIJK_WEIGHTS = np.array([18, 36, 30, 45, 36, 37, 42, 32, 90, 45], dtype=float)

#: (domain, role, type, label, relative frequency) of ordinary (non-hub) actors.
ROLES: tuple[tuple[str, str, str, str, float], ...] = (
    ("zorg", "huisarts", "organisatie", "Huisartsenpraktijk", 4.0),
    ("zorg", "apotheek", "organisatie", "Apotheek", 2.0),
    ("zorg", "wijkverpleging", "team", "Wijkverpleging", 3.0),
    ("zorg", "ggz", "team", "GGZ-team", 2.0),
    ("zorg", "fysiotherapeut", "organisatie", "Fysiotherapiepraktijk", 2.5),
    ("zorg", "dietist", "organisatie", "Diëtistenpraktijk", 1.0),
    ("zorg", "psycholoog", "organisatie", "Psychologenpraktijk", 1.5),
    ("welzijn", "sociaal makelaar", "team", "Sociaal makelaar", 2.0),
    ("welzijn", "jongerenwerk", "team", "Jongerenwerk", 2.0),
    ("welzijn", "vrijwilligersorganisatie", "organisatie", "Vrijwilligersorganisatie", 4.0),
    ("welzijn", "welzijnsorganisatie", "organisatie", "Welzijnsorganisatie", 3.0),
    ("welzijn", "buurtcentrum", "accommodatie", "Buurtcentrum", 2.5),
    ("welzijn", "platform", "platform", "Wijkplatform", 1.0),
    ("welzijn", "overleg", "overleg", "Wijkoverleg", 1.5),
    ("inwoners", "bewonersinitiatief", "initiatief", "Bewonersinitiatief", 20.0),
    ("inwoners", "buurtverbinder", "persoon", "Buurtverbinder", 5.0),
    ("inwoners", "beheergroep", "initiatief", "Beheergroep", 2.0),
    ("inwoners", "studentenorganisatie", "initiatief", "Studentenorganisatie", 1.0),
    ("inwoners", "bewonersplatform", "netwerk", "Bewonersplatform", 1.5),
    ("veiligheid", "wijkagent", "persoon", "Wijkagent", 1.5),
    ("veiligheid", "wijk-boa", "persoon", "Wijk-boa", 0.8),
    ("veiligheid", "buurtpreventie", "initiatief", "Buurtpreventie", 1.0),
    ("wonen", "woningcorporatie", "organisatie", "Woningcorporatie", 2.5),
    ("wonen", "studentenhuisvesting", "organisatie", "Studentenhuisvesting", 0.5),
    ("wonen", "huurdersvereniging", "netwerk", "Huurdersvereniging", 2.0),
    ("gemeente", "gemeente", "team", "Gemeente, afdeling", 1.5),
    ("gemeente", "stadsbedrijven", "team", "Stadsbedrijven", 1.0),
    ("onderwijs", "school", "organisatie", "Basisschool", 5.0),
    ("onderwijs", "roc", "organisatie", "ROC-locatie", 0.8),
    ("onderwijs", "kinderopvang", "organisatie", "Kinderopvang", 1.5),
    ("werk en inkomen", "re-integratie", "organisatie", "Re-integratiebedrijf", 1.5),
    ("werk en inkomen", "schuldhulpverlening", "team", "Schuldhulpverlening", 1.5),
    ("sport en cultuur", "sportclub", "organisatie", "Sportclub", 4.5),
    ("sport en cultuur", "buurtsportcoach", "team", "Buurtsportcoach", 1.5),
    ("sport en cultuur", "bibliotheek", "organisatie", "Bibliotheek", 0.7),
    ("sport en cultuur", "cultuurorganisatie", "organisatie", "Cultuurorganisatie", 1.5),
    ("fondsen", "fonds", "organisatie", "Fonds", 1.5),
    ("ondernemers", "ondernemersvereniging", "netwerk", "Ondernemersvereniging", 1.0),
    ("ondernemers", "ondernemer", "organisatie", "Sociaal ondernemer", 2.5),
    ("kennis en onderzoek", "onderzoek", "organisatie", "Onderzoeksgroep", 1.2),
    ("kennis en onderzoek", "hogeschool", "organisatie", "Hogeschool, lectoraat", 0.8),
)

THEMES: tuple[str, ...] = (
    "eenzaamheid", "gezondheid", "armoede", "jeugd", "wonen", "veiligheid", "ontmoeting",
    "participatie", "werk", "bewegen", "groen", "duurzaamheid", "studenten", "informele zorg",
    "talentontwikkeling", "welzijn op recept", "leefstijl",
)
_DOMAIN_THEMES: dict[str, tuple[str, ...]] = {
    "zorg": ("gezondheid", "informele zorg", "leefstijl", "welzijn op recept"),
    "welzijn": ("eenzaamheid", "ontmoeting", "participatie", "jeugd", "armoede"),
    "inwoners": ("ontmoeting", "groen", "eenzaamheid", "duurzaamheid", "participatie"),
    "veiligheid": ("veiligheid",),
    "wonen": ("wonen", "duurzaamheid"),
    "gemeente": ("participatie", "wonen", "veiligheid", "armoede"),
    "onderwijs": ("jeugd", "talentontwikkeling", "studenten"),
    "werk en inkomen": ("werk", "armoede"),
    "sport en cultuur": ("bewegen", "talentontwikkeling", "ontmoeting"),
    "fondsen": ("participatie", "armoede"),
    "ondernemers": ("werk", "duurzaamheid"),
    "kennis en onderzoek": ("gezondheid", "participatie", "studenten"),
}

#: Contact channels and their mentions in the Utrecht Oost survey (seed 003).
CHANNELS: tuple[tuple[str, int], ...] = (
    ("bijeenkomst", 21), ("telefoon", 18), ("e-mail", 16), ("whatsapp", 16), ("online", 13),
    ("platform", 5), ("wijkschouw", 1), ("werkoverleg", 1), ("huisbezoek", 1),
    ("linkedin", 1), ("zorgmail", 1), ("siilo", 1), ("nieuwsbrief", 1),
)
STRENGTHS: tuple[str, ...] = ("identificatie", "coordinatie", "reflectie", "transformatie")
_STRENGTH_P = np.array([0.45, 0.30, 0.17, 0.08])
_MEETING_KINDS = ("Wijkoverleg", "Themabijeenkomst", "Buurtpact", "Netwerkbijeenkomst",
                  "Werkgroep")

_P_LOCAL = 0.8  # share of ties drawn within the source's own wijk
_P_SAME_DOMAIN = 0.35  # share of ties drawn within the source's own domain
_MEAN_DEGREE = 10


def _slug(text: str) -> str:
    table = str.maketrans({" ": "-", ",": "", "ë": "e", "é": "e"})
    return text.lower().translate(table)


def _group_sampler(
    key: np.ndarray, weight: np.ndarray
) -> Callable[[np.ndarray, np.ndarray], np.ndarray]:
    """Return ``sample(groups, u)``: for each group, an actor of that group drawn by weight.

    ``u`` holds uniform numbers in [0, 1), one per draw. Every requested group must be
    non-empty (it always contains the actor the draw is made for).
    """
    order = np.argsort(key, kind="stable")
    sorted_key = key[order]
    cum = np.cumsum(weight[order])
    groups = np.arange(int(key.max()) + 1)
    start = np.searchsorted(sorted_key, groups, side="left")
    end = np.searchsorted(sorted_key, groups, side="right")
    low = np.where(start > 0, cum[np.maximum(start - 1, 0)], 0.0)
    high = cum[np.maximum(end - 1, 0)]

    def sample(group: np.ndarray, u: np.ndarray) -> np.ndarray:
        r = low[group] + u * (high[group] - low[group])
        pos = np.searchsorted(cum, r, side="right")
        pos = np.clip(pos, start[group], end[group] - 1)
        return order[pos]

    return sample


def synthetic_frames(n_actors: int, *, seed: int = 0) -> dict[str, pd.DataFrame]:
    """Generate a realistic synthetic wijk network as the four canonical tables.

    A stand-in for a city-wide stakeholder map: it lets you try an analysis, a benchmark
    or a report on a network of any size without real (personal) data.

    Parameters
    ----------
    n_actors : int
        Number of actors, at least 1. Works from 10 to 30,000 and more.
    seed : int, default 0
        Seed for ``numpy.random.default_rng``; the same seed gives the same tables.

    Returns
    -------
    dict of str to pandas.DataFrame
        ``actors`` (id, name, type, domain, role, wijk, themes, description),
        ``relations`` (source, target, kind, channel, strength, theme, wave, directed),
        ``meetings`` (id, name, theme, wijk, description) and ``participation`` (actor,
        meeting). Multi-valued cells (wijk, themes) are ``;``-joined strings; every cell
        is a string.

    Raises
    ------
    ValueError
        If `n_actors` is smaller than 1.

    Notes
    -----
    Actors get a heavy-tailed activity weight (Pareto, exponent 2.5, capped) and the
    hubs (Gemeente Utrecht, then DOCK, the buurtteam and the wijkbureau of each wijk,
    about one per 20 actors up to 31) a large one. Each tie starts at an actor drawn by
    weight; its partner is drawn by weight within the same wijk (80%) or anywhere, and
    within the same domain (35%) or any domain: a Chung-Lu-like model with locality and
    domain homophily. Self-loops and repeated pairs are dropped, so there are at most
    ``5 * n_actors`` relations (mean degree about 10), fewer for tiny networks. Channels
    follow the survey mentions of seed 003, strengths are skewed to identificatie and
    coordinatie. There are about ``n_actors / 20`` meetings with 5 to 30 participants,
    mostly from the meeting's wijk.

    Examples
    --------
    >>> frames = synthetic_frames(200, seed=1)
    >>> sorted(frames)
    ['actors', 'meetings', 'participation', 'relations']
    >>> len(frames["actors"]), len(frames["meetings"])
    (200, 10)
    >>> relations = frames["relations"]
    >>> bool((relations["source"] == relations["target"]).any())
    False
    >>> pairs = relations[["source", "target"]].apply(sorted, axis=1, result_type="expand")
    >>> bool(pairs.duplicated().any())
    False
    >>> synthetic_frames(200, seed=1)["relations"].equals(relations)
    True
    """
    if n_actors < 1:
        raise ValueError(f"n_actors must be at least 1, not {n_actors}")
    n = int(n_actors)
    rng = np.random.default_rng(seed)
    n_wijk = len(WIJKEN)
    domains = sorted({r[0] for r in ROLES})
    dom_index = {d: i for i, d in enumerate(domains)}

    # --- hubs, then ordinary actors -------------------------------------------------------
    hubs: list[tuple[str, str, str, str, str, int, float]] = [
        ("gemeente-utrecht", "Gemeente Utrecht", "organisatie", "gemeente", "gemeente", -1,
         60.0)
    ]
    for label, role, domain, weight in (("DOCK", "sociaal makelaar", "welzijn", 40.0),
                                        ("Buurtteam", "buurtteam", "welzijn", 30.0),
                                        ("Wijkbureau", "wijkbureau", "gemeente", 25.0)):
        for w, wijk in enumerate(WIJKEN):
            hubs.append((f"{_slug(label)}-{_slug(wijk)}", f"{label} {wijk}", "team", domain,
                         role, w, weight))
    n_hubs = min(n, len(hubs), max(1, n // 20))
    hubs = hubs[:n_hubs]
    n_rest = n - n_hubs

    role_p = np.array([r[4] for r in ROLES])
    role_idx = rng.choice(len(ROLES), size=n_rest, p=role_p / role_p.sum())
    wijk_p = _WIJK_WEIGHTS / _WIJK_WEIGHTS.sum()
    wijk_rest = rng.choice(n_wijk, size=n_rest, p=wijk_p)
    raw = (1.0 - rng.random(n_rest)) ** (-1.0 / 1.5)
    weight_rest = np.minimum(raw, 20.0 * raw.mean()) if n_rest else raw
    mean_w = float(weight_rest.mean()) if n_rest else 1.0

    hub_wijk = np.array([h[5] for h in hubs], dtype=np.int64)
    hub_wijk = np.where(hub_wijk < 0, 0, hub_wijk)  # the municipality sits in Binnenstad
    wijk = np.concatenate([hub_wijk, wijk_rest])
    # hubs stand out more in larger networks (and do not swallow a tiny one)
    hub_scale = mean_w * max(min(1.0, n / 1000), 2.0 / max(h[6] for h in hubs))
    weight = np.concatenate([np.array([h[6] for h in hubs]) * hub_scale, weight_rest])
    role_arr = np.array([r[1] for r in ROLES], dtype=object)
    type_arr = np.array([r[2] for r in ROLES], dtype=object)
    label_arr = np.array([r[3] for r in ROLES], dtype=object)
    domain_arr = np.array([r[0] for r in ROLES], dtype=object)
    domain = np.concatenate([np.array([h[3] for h in hubs], dtype=object), domain_arr[role_idx]])
    dom = np.array([dom_index[d] for d in domain], dtype=np.int64)

    wijk_names = np.array(WIJKEN, dtype=object)
    rest = pd.DataFrame({"label": label_arr[role_idx], "wijk": wijk_names[wijk_rest]})
    number = (rest.groupby(["label", "wijk"]).cumcount() + 1).astype(str)
    rest_names = rest["label"] + " " + rest["wijk"] + " " + number
    rest_ids = rest["label"].map(_slug) + "-" + rest["wijk"].map(_slug) + "-" + number
    ids = np.concatenate([np.array([h[0] for h in hubs], dtype=object),
                          rest_ids.to_numpy(dtype=object)])

    wijk_cells = wijk_names[wijk].copy()
    second = rng.random(n) < 0.08
    other = (wijk + rng.integers(1, n_wijk, size=n)) % n_wijk
    wijk_cells[second] = wijk_cells[second] + ";" + wijk_names[other[second]]
    if n_hubs and hubs[0][5] == -1:
        wijk_cells[0] = ";".join(WIJKEN)

    # themes: the first from the domain's own list, then up to two from all themes
    first_u = rng.random(n)
    first = [_DOMAIN_THEMES[d][int(u * len(_DOMAIN_THEMES[d]))] for d, u in zip(domain, first_u,
                                                                             strict=True)]
    extra_n = rng.choice(3, size=n, p=[0.4, 0.4, 0.2])
    extra = rng.integers(0, len(THEMES), size=(n, 2))
    theme_cells = []
    for i in range(n):
        chosen = [first[i]]
        for j in range(extra_n[i]):
            t = THEMES[extra[i, j]]
            if t not in chosen:
                chosen.append(t)
        theme_cells.append(";".join(chosen))

    actors = pd.DataFrame({
        "id": ids,
        "name": np.concatenate([np.array([h[1] for h in hubs], dtype=object),
                                rest_names.to_numpy(dtype=object)]),
        "type": np.concatenate([np.array([h[2] for h in hubs], dtype=object),
                                type_arr[role_idx]]),
        "domain": domain,
        "role": np.concatenate([np.array([h[4] for h in hubs], dtype=object),
                                role_arr[role_idx]]),
        "wijk": wijk_cells,
        "themes": theme_cells,
        "description": "",
    }).astype(str)

    # --- relations ------------------------------------------------------------------------
    n_dom = len(domains)
    m_target = int(min(n * _MEAN_DEGREE // 2, n * (n - 1) // 4))
    sample_global = _group_sampler(np.zeros(n, dtype=np.int64), weight)
    sample_wijk = _group_sampler(wijk, weight)
    sample_dom = _group_sampler(dom, weight)
    sample_wijk_dom = _group_sampler(wijk * n_dom + dom, weight)
    codes = np.empty(0, dtype=np.int64)
    for _ in range(10):
        missing = m_target - codes.size
        if missing <= 0:
            break
        k = int(missing * 1.3) + 16
        src = sample_global(np.zeros(k, dtype=np.int64), rng.random(k))
        local = rng.random(k) < _P_LOCAL
        same = rng.random(k) < _P_SAME_DOMAIN
        u = rng.random(k)
        tgt = sample_global(np.zeros(k, dtype=np.int64), u)
        for mask, sampler, group in (
            (local & same, sample_wijk_dom, wijk * n_dom + dom),
            (local & ~same, sample_wijk, wijk),
            (~local & same, sample_dom, dom),
        ):
            tgt[mask] = sampler(group[src[mask]], u[mask])
        a, b = np.minimum(src, tgt), np.maximum(src, tgt)
        keep = a != b
        codes = np.unique(np.concatenate([codes, a[keep] * n + b[keep]]))
    if codes.size > m_target:
        codes = np.sort(rng.choice(codes, size=m_target, replace=False))
    a, b = codes // n, codes % n
    flip = rng.random(codes.size) < 0.5
    src, tgt = np.where(flip, b, a), np.where(flip, a, b)

    relations = _relations_table(rng, src, tgt, ids, domain, actors["type"].to_numpy(),
                                 actors["themes"].to_numpy())

    # --- meetings -------------------------------------------------------------------------
    n_meet = max(1, round(n / 20))
    m_wijk = rng.choice(n_wijk, size=n_meet, p=wijk_p)
    m_theme = rng.integers(0, len(THEMES), size=n_meet)
    m_kind = rng.integers(0, len(_MEETING_KINDS), size=n_meet)
    meeting_ids = np.array([f"overleg-{i + 1:04d}" for i in range(n_meet)], dtype=object)
    meetings = pd.DataFrame({
        "id": meeting_ids,
        "name": [f"{_MEETING_KINDS[k]} {THEMES[t]} {WIJKEN[w]}"
                 for k, t, w in zip(m_kind, m_theme, m_wijk, strict=True)],
        "theme": [THEMES[t] for t in m_theme],
        "wijk": [WIJKEN[w] for w in m_wijk],
        "description": "",
    })
    sizes = np.minimum(rng.integers(5, 31, size=n_meet), n)
    # draw twice as many as needed, then keep the first `size` distinct actors per meeting
    meeting_of = np.repeat(np.arange(n_meet), 2 * sizes)
    draws = meeting_of.size
    who = sample_global(np.zeros(draws, dtype=np.int64), rng.random(draws))
    local = rng.random(draws) < _P_LOCAL
    # a wijk may have no actor in a tiny network: then draw from everyone
    present = np.bincount(wijk, minlength=n_wijk) > 0
    local &= present[m_wijk[meeting_of]]
    who[local] = sample_wijk(m_wijk[meeting_of[local]], rng.random(int(local.sum())))
    drawn = pd.DataFrame({"meeting": meeting_of, "actor": who}).drop_duplicates()
    drawn = drawn[drawn.groupby("meeting").cumcount() < sizes[drawn["meeting"].to_numpy()]]
    pairs = np.sort(drawn["meeting"].to_numpy() * n + drawn["actor"].to_numpy())
    participation = pd.DataFrame({"actor": ids[pairs % n], "meeting": meeting_ids[pairs // n]})

    return {"actors": actors, "relations": relations, "meetings": meetings,
            "participation": participation.astype(str)}


def _relations_table(rng: np.random.Generator, src: np.ndarray, tgt: np.ndarray,
                     ids: np.ndarray, domain: np.ndarray, types: np.ndarray,
                     themes: np.ndarray) -> pd.DataFrame:
    """Kind, channel, strength, theme and direction for the drawn pairs."""
    m = src.size
    d_s, d_t = domain[src], domain[tgt]
    t_s, t_t = types[src], types[tgt]
    kind = np.where(rng.random(m) < 0.8, "samenwerking", "informatie").astype(object)
    care = np.isin(d_s, ["zorg", "welzijn"]) & np.isin(d_t, ["zorg", "welzijn"])
    kind[care & (rng.random(m) < 0.35)] = "verwijzing"
    groups = ("platform", "overleg", "netwerk")
    member = np.isin(t_s, groups) | np.isin(t_t, groups)
    kind[member & (rng.random(m) < 0.7)] = "lidmaatschap"
    building = (t_s == "accommodatie") | (t_t == "accommodatie")
    kind[building & (rng.random(m) < 0.5)] = "beheer"
    fund = (d_s == "fondsen") | (d_t == "fondsen")
    kind[fund] = "financiering"
    # funds give money and managers manage buildings: point those ties away from them
    swap = ((kind == "financiering") & (d_s != "fondsen")) | (
        (kind == "beheer") & (t_s == "accommodatie"))
    src, tgt = np.where(swap, tgt, src), np.where(swap, src, tgt)

    names = np.array([c for c, _ in CHANNELS], dtype=object)
    p = np.array([k for _, k in CHANNELS], dtype=float)
    channel = names[rng.choice(names.size, size=m, p=p / p.sum())]
    strength = np.array(STRENGTHS, dtype=object)[rng.choice(4, size=m, p=_STRENGTH_P)]
    with_theme = rng.random(m) < 0.6
    theme = np.array([themes[s].split(";", 1)[0] if w else "" for s, w in
                      zip(src, with_theme, strict=True)], dtype=object)
    directed = np.where(np.isin(kind, ["verwijzing", "financiering", "beheer"]), "ja", "nee")
    return pd.DataFrame({
        "source": ids[src], "target": ids[tgt], "kind": kind, "channel": channel,
        "strength": strength, "theme": theme, "wave": "", "directed": directed,
    }).astype(str)
