"""The duplicate check at city and region scale: time, peak memory and recall on real-like names.

Usage (from the repository root)::

    .venv/bin/python benchmarks/bench_names.py                      # 3k, 30k, 100k, 200k
    .venv/bin/python benchmarks/bench_names.py --sizes 3000,30000
    # the code of another checkout (before/after), same names, pairs compared:
    .venv/bin/python benchmarks/bench_names.py --sizes 30000 --other /tmp/old-checkout

The names imitate what people type in a city's actor list (`realistic_names`): an
organisation kind ("Huisartsenpraktijk", "Buurthuis", "Stichting ... ", "Fysiotherapie"),
often a proper name ("De Linde", "Jansen & De Vries", "Al Amal"), often a buurt or wijk of
the bundled areas, no numbers; every name distinct. Then 1 % of them are planted again as
people change names: spacing, case, accents, an abbreviation ("Gem.", "SSH"), word order,
the buurt name added or left out, a typo, "Stichting" added or dropped.

Each size is run in a fresh child process (peak memory is its ``ru_maxrss``), with a time
limit. It reports the seconds, peak memory, the planted doubles found (recall), the other
pairs flagged, and with ``--other`` the same for the other checkout's code and how many of
its pairs the current code finds too (agreement on all pairs, not only planted ones).

Measured (2-core machine shared with other jobs; CPU seconds of the check, peak memory of
the whole child process; "before" is the blocking of wave 2, every pair of a block of
names sharing a rare word scored, "after" groups of names equal but for one word):

=============  ==================  ====================  =================  ===========
names          before: cpu s, MB   after: cpu s, MB      planted found      agreement
=============  ==================  ====================  =================  ===========
3,030          0.17, 76            0.08, 80              29 / 29 of 30      57/57
30,300         2.17, 93            1.17, 129             288 / 288 of 300   1531/1531
101,000        14.4, 150           5.5, 263              969 / 969 of 1000  6681/6707
202,000        48.2, 244           10.1, 467             1941 / 1937 of 2k  15343/15484
shared, 30k    60.4, 2714          1.0, 117              285 / 285 of 300   288/290
variants, 30k  stopped at 200 s    4.8, 417
200k hostile   (not run)           variants 8.8, 589; one-word 4.5, 234; shared 7.3, 355;
                                   near 32.7, 652
=============  ==================  ====================  =================  ===========

"Agreement" is how many of the old pairs the new check finds too; it finds no pair the
old one did not. What it leaves out, on purpose: abbreviations that fit the initials of
more than `MAX_PARTNERS` (25) names ("SKT": 45 "Stichting K... T..."), and "typos" in two
words at once ("Huurdersvereniging ... Parel" / "Huurdesvereniging ... Present": two
parties). The planted doubles it misses and the old check found (4 of 2,000 at 200k) are
abbreviations of that kind. "near" (every name one or two letters from every other) is
the worst case: each key is checked against at most `MAX_CHECKS` near keys.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

KINDS = (
    "Huisartsenpraktijk", "Apotheek", "Fysiotherapie", "Tandartspraktijk", "Buurthuis",
    "Buurtcentrum", "Wijkcentrum", "Basisschool", "Kinderopvang", "Peuterspeelzaal",
    "Sportvereniging", "Voetbalvereniging", "Moskee", "Kerk", "Bibliotheek", "Voedselbank",
    "Buurtteam", "Jongerenwerk", "Wijkverpleging", "Thuiszorg", "Zorgcentrum",
    "Verpleeghuis", "Gezondheidscentrum", "Huurdersvereniging", "Bewonersvereniging",
    "Bewonersgroep", "Speeltuinvereniging", "Muziekschool", "Dansschool", "Kapsalon",
    "Bakkerij", "Supermarkt", "Café", "Restaurant", "Ondernemersvereniging",
    "Vrijwilligerscentrale", "Taalhuis", "Repair Café", "Moestuin", "Kringloopwinkel",
    "Stichting", "Vereniging", "Platform", "Netwerk", "Coöperatie", "Diëtistenpraktijk",
    "Psychologenpraktijk", "Kinderdagverblijf", "Buitenschoolse opvang", "Woningcorporatie",
)
PROPER = (
    "De Linde", "De Regenboog", "De Boog", "Het Anker", "De Wending", "De Kern", "Het Baken",
    "De Horizon", "De Brug", "De Toekomst", "Het Kompas", "De Wilg", "De Eik", "De Beuk",
    "De Esdoorn", "De Kastanje", "De Zonnebloem", "De Klaproos", "De Vlinder", "De Merel",
    "De Zwaluw", "Het Lichtpunt", "De Ontmoeting", "Samen Sterk", "Al Amal", "Ulu",
    "Vrolijk", "Present", "Noorderlicht", "Zonnehof", "Oase", "Mozaïek", "Parel", "Lotus",
    "Jansen", "De Vries", "Van den Berg", "Bakker", "Visser", "Smit", "Meijer", "De Boer",
    "Mulder", "De Groot", "Bos", "Vos", "Peters", "Hendriks", "Van Leeuwen", "Dekker",
    "Brouwer", "De Wit", "Dijkstra", "Smits", "De Graaf", "Van der Meer", "Van der Linden",
    "Kok", "Jacobs", "De Haan", "Vermeulen", "Van den Heuvel", "Van der Veen", "Van Dijk",
    "Schouten", "Willems", "Van Wijk", "Hoekstra", "Koster", "Verhoeven", "Prins", "Yilmaz",
    "El Amrani", "Kaya", "Bouzid", "Nguyen", "Öztürk", "Çelik", "Müller", "Janssens",
    "Sint Maarten", "Sint Jozef", "Oranje", "Kameleon", "Wereldwijs", "Duizendpoot",
    "Elckerlyc", "Kleurrijk", "Buitenkans", "Op Koers", "Thuis", "Dichtbij", "Goed Leven",
)
TYPOS_OF = "abcdefghijklmnopqrstuvwxyz"


#: Buurten and wijken of Utrecht as people write them in a name (fixed here, so two
#: checkouts get the same names); also the areas the check is given.
AREAS = ("Noordwest", "Pijlsweerd", "Ondiep", "Tweede Daalsebuurt", "De Driehoek",
    "Zuilen", "Elinkwijk", "Geuzenwijk", "Schaakbuurt", "Julianapark",
    "Prins Bernhardplein", "Queeckhovenplein", "Loevenhoutsedijk", "Overvecht",
    "Zamenhofdreef", "Neckardreef", "Zambesidreef", "Noordoost", "Vogelenbuurt",
    "Lauwerecht", "Staatsliedenbuurt", "Tuinwijk", "Tuindorp", "Zeeheldenbuurt",
    "Wittevrouwen", "Voordorp", "Oost", "Sterrenwijk", "Watervogelbuurt", "Rubenslaan",
    "Schildersbuurt", "Abstede", "Oudwijk", "Wilhelminapark", "Rijnsweerd", "Binnenstad",
    "Nobelstraat", "Springweg", "Lange Nieuwstraat", "Bleekstraat", "Zuid", "Lunetten",
    "Hoograven", "Oud Hoograven", "Nieuw Hoograven", "Bokkenbuurt", "Zuidwest",
    "Dichterswijk", "Rivierenwijk", "Kanaleneiland", "Transwijk", "West", "Welgelegen",
    "Den Hommel", "Oog in Al", "Halve Maan", "Lombok", "Nieuw Engeland", "Schepenbuurt",
    "Lage Weide", "Leidsche Rijn", "Papendorp", "De Wetering", "Terwijde", "Hogeweide",
    "Langerak", "Strijkviertel", "Vleuten", "De Meern", "Vleuterweide", "Haarzuilens",
    "Veldhuizen", "Haarzicht", "Bunnik", "De Bilt", "Houten", "IJsselstein", "Lopik",
    "Montfoort", "Nieuwegein", "Oudewater", "Woerden", "Zeist", "Daalsebuurt", "Taagdreef",
    "Rubicondreef", "Wolgadreef", "Donaudreef", "Amazonedreef", "Tigrisdreef",
    "Bostondreef", "Huizingalaan", "Karel Doormanlaan", "De Uithof", "Galgenwaard",
    "Kromhoutkazerne", "Maarschalkerweerd", "Mereveld", "Neude", "Janskerkhof", "Domplein",
    "Geertebuurt", "Museumkwartier", "Hoog Catharijne", "Stationsgebied", "Leidseveer",
    "Tolsteeg", "Rotsoord", "Parkwijk", "Het Zand",
)


def realistic_names(n: int, seed: int = 0) -> list[str]:
    """`n` distinct organisation names as people in a Dutch city write them.

    >>> realistic_names(3, seed=1)  # doctest: +SKIP
    """
    areas = list(AREAS)
    rng = np.random.default_rng(seed)
    seen: set[str] = set()
    cores: dict[str, bool] = {}  # kind + proper -> written with an area
    out: list[str] = []
    while len(out) < n:
        kind = KINDS[int(rng.integers(len(KINDS)))]
        proper = PROPER[int(rng.integers(len(PROPER)))]
        area = areas[int(rng.integers(len(areas)))]
        shape = int(rng.integers(8))
        if shape == 0:
            name = f"{kind} {area}"
        elif shape in (1, 2):
            name = f"{kind} {proper}"
        elif shape in (3, 4):
            name = f"{kind} {proper} {area}"
        elif shape == 5:
            other = PROPER[int(rng.integers(len(PROPER)))]
            name = f"{kind} {proper} & {other}"
        elif shape == 6:
            name = f"Stichting {proper} {area}"
        else:
            other = PROPER[int(rng.integers(len(PROPER)))]
            name = f"{kind} {proper} {other} {area}"
        core = f"Stichting {proper}" if shape == 6 else f"{kind} {proper}"
        with_area = shape in (3, 4, 6, 7)
        if name not in seen and cores.setdefault(core, with_area) == with_area:
            # one party per core: never "Buurthuis De Linde" and "Buurthuis De Linde Oost"
            seen.add(name)
            out.append(name)
    return out


def planted(base: list[str], share: float = 0.01, seed: int = 0) -> list[tuple[int, str]]:
    """Doubles of a `share` of `base`, each changed in one way people change names."""
    from wijkgraph.model.names import initials

    areas = list(AREAS)
    rng = np.random.default_rng(seed)

    def typo(s: str) -> str:
        i = int(rng.integers(1, max(2, len(s) - 1)))
        if not s[i].isalpha():
            return s + "e"
        return s[:i] + TYPOS_OF[int(rng.integers(26))] + s[i + 1:] if i % 2 else \
            s[:i] + s[i + 1:]

    def accents(s: str) -> str:
        for a, b in (("ë", "e"), ("ï", "i"), ("é", "e"), ("ö", "o"), ("ü", "u"), ("ç", "c"),
                     ("e", "é"), ("a", "á")):
            if a in s:
                return s.replace(a, b, 1)
        return s.lower()

    def area_changed(s: str) -> str:
        for area in areas:
            if s.endswith(" " + area):
                return s[: -len(area) - 1]  # buurt left out
        return s + " " + areas[int(rng.integers(len(areas)))]  # buurt added

    def abbreviation(s: str) -> str:
        words = s.split()
        for long_, short in (("Gemeente", "Gem."), ("Huisartsenpraktijk", "HA-praktijk"),
                             ("Woningcorporatie", "Woco"), ("Stichting", "St.")):
            if long_ in words:
                return s.replace(long_, short, 1)
        return initials(s).upper() if len(words) >= 3 else s.upper()

    def order(s: str) -> str:
        words = s.split()
        return " ".join(words[1:] + words[:1])

    def stichting(s: str) -> str:
        return s[len("Stichting "):] if s.startswith("Stichting ") else "Stichting " + s

    changes = [
        lambda s: s.replace(" ", "  ").replace("e", "e ", 1),  # spacing
        lambda s: s.upper() if len(s) % 2 else s.lower(),      # case
        accents, abbreviation, order, area_changed, typo, stichting,
    ]
    k = max(1, int(len(base) * share))
    out = []
    for n, i in enumerate(rng.choice(len(base), size=k, replace=False)):
        out.append((int(i), changes[n % len(changes)](base[int(i)])))
    return out


def hostile_names(kind: str, n: int, seed: int = 0) -> list[str]:
    """`n` distinct names made to defeat blocking (each kind one way).

    * ``variants``: one name written `n` ways ("Bibliotheek", "bibliotheek.", ...): one
      group of `n` equal keys;
    * ``one-word``: `n` random single words of 8 letters: one group of `n` keys;
    * ``shared``: "Stichting Buurtwerk" plus one random word: every name shares a word;
    * ``near``: "Buurtteam Oost" with one or two letters changed: every pair is alike.
    """
    rng = np.random.default_rng(seed)
    letters = np.array(list(TYPOS_OF))
    out: dict[str, None] = {}
    while len(out) < n:
        word = "".join(rng.choice(letters, 8))
        if kind == "variants":
            k = len(out)
            name = "Bibliotheek" + "." * (k % 50) + " " * (k // 50 % 50) + "!" * (k // 2500)
        elif kind == "one-word":
            name = word.capitalize()
        elif kind == "shared":
            name = "Stichting Buurtwerk " + word
        else:
            base = list("Buurtteam Oost de Linde")
            for _ in range(int(rng.integers(1, 3))):
                base[int(rng.integers(len(base)))] = str(rng.choice(letters))
            name = "".join(base) + " " + word[:2]
        out[name] = None
    return list(out)


def one(n: int, pairs_out: str | None, kind: str = "realistic") -> dict[str, object]:
    """Run the check once on `n` generated names plus planted doubles (in this process)."""
    import resource

    from wijkgraph.model import duplicates

    base = realistic_names(n) if kind == "realistic" else hostile_names(kind, n)
    plants = planted(base)
    all_names = base + [p for _, p in plants]
    truth = {(i, len(base) + k) for k, (i, _) in enumerate(plants)}
    areas = AREAS  # validation passes the bundled areas: these are most of them
    t0, c0 = time.perf_counter(), time.process_time()
    pairs = duplicates.likely_duplicates(all_names, areas=areas)
    took, cpu = time.perf_counter() - t0, time.process_time() - c0
    got = {(d.first, d.second) for d in pairs}
    if pairs_out:
        Path(pairs_out).write_text(json.dumps(sorted(got)))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"names": len(all_names), "seconds": round(took, 2), "cpu_seconds": round(cpu, 2),
            "peak_mb": round(peak),
            "recall": f"{len(got & truth)}/{len(truth)}", "other_pairs": len(got - truth)}


def child(n: int, code: str | None, limit: float, pairs_out: str, kind: str = "realistic"
          ) -> dict[str, object]:
    """`one` in a fresh process, on the checkout `code` (None: this one), with a time limit."""
    env = dict(os.environ)
    if code:
        env["PYTHONPATH"] = code
    cmd = [sys.executable, __file__, "--one", str(n), "--pairs-out", pairs_out, "--names", kind]
    try:
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=limit,
                              check=True)
    except subprocess.TimeoutExpired:
        return {"names": n, "seconds": f"> {limit:.0f} (stopped)"}
    except subprocess.CalledProcessError as e:
        return {"names": n, "error": e.stderr.strip().splitlines()[-1:]}
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default="3000,30000,100000,200000")
    parser.add_argument("--other", help="another checkout (its root) to compare with")
    parser.add_argument("--limit", type=float, default=600.0, help="seconds per run")
    parser.add_argument("--names", default="realistic",
                        choices=["realistic", "variants", "one-word", "shared", "near"],
                        help="realistic names, or a kind of `hostile_names`")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--pairs-out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(one(args.one, args.pairs_out, args.names)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            runs = [("other", args.other)] if args.other else []
            runs.append(("this", None))  # the other first: the same load for both, in pairs
            files = {}
            for label, code in runs:
                files[label] = str(Path(tmp) / f"{label}-{n}.json")
                result = child(n, code, args.limit, files[label], args.names)
                print(n, args.names, label, json.dumps(result), flush=True)
            if args.other and all(Path(f).exists() for f in files.values()):
                old = {tuple(p) for p in json.loads(Path(files["other"]).read_text())}
                new = {tuple(p) for p in json.loads(Path(files["this"]).read_text())}
                print(n, "agreement", f"{len(old & new)}/{len(old)} of the other's pairs "
                      f"found, {len(new - old)} new", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
