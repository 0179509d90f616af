"""The name matcher at city scale: duplicate actors among 30,000 names, rapidfuzz vs difflib.

Usage (from the repository root)::

    .venv/bin/python benchmarks/bench_names.py               # 30,000 names
    .venv/bin/python benchmarks/bench_names.py --n 3000      # smaller

The names are those of ``wijkgraph.synthetic(n)`` (generated Utrecht actors such as
"Bewonersinitiatief Noordwest 362": very alike, numbers apart) plus 300 planted doubles of
random actors (spacing, case, accents, word order, a typo, a dropped "Stichting"). It times

* ``likely_duplicates`` (blocking + rapidfuzz `process.cdist` per block) as shipped;
* the same blocking with difflib's ``SequenceMatcher`` (with its quick-ratio pre-filter)
  as the scorer, i.e. the scorer wijkgraph used before;
* no blocking, every pair scored with difflib as `NameMatcher` did (on a sample of
  names, extrapolated to n as pairs grow with n squared);
* the scorer alone on one block of 2,000 alike names (rapidfuzz vs difflib);
* `NameMatcher` adding 500 near-identical names (the survey case) with the shipped
  vectorised scorer.

and reports how many planted doubles were found (recall) and how many other pairs were
flagged (the generated names are all distinct parties).

Measured (30,300 names, 2-core machine shared with other jobs, so +-50 %):

=====================================================  =========  ==========================
step                                                   seconds    found
=====================================================  =========  ==========================
blocked + rapidfuzz (shipped)                          2.4-5.8    299/300, 1 other pair
blocked + difflib                                      4.6-9.7    299/300, 1 other pair
no blocking, difflib (3,000 names: 15.6-55 s)          ~1,600-5,600 (extrapolated)
scorer on one block of 2,000 alike names: rapidfuzz    0.13
scorer on one block of 2,000 alike names: difflib      36.5
NameMatcher, 500 alike names: old difflib / shipped    6.6 / 3.1-3.9
=====================================================  =========  ==========================

The generated names carry numbers, and numbers are part of a block, so their blocks are
small and the scorer hardly matters (normalising the names is most of the time). Where a
block is large (names without numbers, one common word) rapidfuzz's `cdist` is about 280
times faster than difflib; that, and the survey matcher at twice the speed, is why
wijkgraph depends on rapidfuzz (import about 25 ms). The one name missed has "De" left
out as "D" (a one-letter word: a subset, scored 0.89, listed for review by the survey
matcher); the other pair is a typo of one area that reads as another ("Noordwst").
"""

from __future__ import annotations

import argparse
import difflib
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from wijkgraph.model import duplicates, names  # noqa: E402
from wijkgraph.model.names import NameMatcher, key_score, normalise_name  # noqa: E402
from wijkgraph.sources.generator import synthetic_frames  # noqa: E402


def planted(base: list[str], k: int, seed: int = 0) -> list[tuple[int, str]]:
    """`k` doubles of random names of `base`, each changed in one way people change names."""
    rng = np.random.default_rng(seed)
    out = []

    def typo(s: str) -> str:
        i = int(rng.integers(1, max(2, len(s) - 1)))
        return s[:i] + s[i + 1:] if s[i].isalpha() else s + "e"

    changes = [
        lambda s: s.upper(),
        lambda s: s.replace("a", "á", 1),
        lambda s: " ".join(reversed(s.split())),
        lambda s: s.replace(" ", "  ").replace("e", "e ", 1),
        typo,
        lambda s: "Stichting " + s,
    ]
    for n, i in enumerate(rng.choice(len(base), size=k, replace=False)):
        out.append((int(i), changes[n % len(changes)](base[int(i)])))
    return out


def difflib_ratios_within(keys: list[str], cutoff: float):
    """`names.ratios_within` with difflib, as the matcher scored before."""
    rows, cols, vals = [], [], []
    sm = difflib.SequenceMatcher(None, autojunk=False)
    for j, kb in enumerate(keys):
        sm.set_seq2(kb)
        for i in range(j):
            sm.set_seq1(keys[i])
            if sm.real_quick_ratio() < cutoff or sm.quick_ratio() < cutoff:
                continue
            r = sm.ratio()
            if r >= cutoff:
                rows.append(i)
                cols.append(j)
                vals.append(r)
    return np.array(rows, dtype=np.int64), np.array(cols, dtype=np.int64), np.array(vals)


def unblocked_difflib(all_names: list[str]) -> int:
    """Every pair scored with difflib (the old `NameMatcher` loop); returns pairs >= merge."""
    keys = [normalise_name(n) for n in all_names]
    found = 0
    sm = difflib.SequenceMatcher(None, autojunk=False)
    for j, kb in enumerate(keys):
        sm.set_seq2(kb)
        for i in range(j):
            sm.set_seq1(keys[i])
            if sm.real_quick_ratio() < names.MERGE_AT or sm.quick_ratio() < names.MERGE_AT:
                continue
            if key_score(keys[i], kb, all_names[i], all_names[j], sm.ratio()) >= names.MERGE_AT:
                found += 1
    return found


def run(n: int, sample: int) -> dict[str, object]:
    base = synthetic_frames(n, seed=0)["actors"]["name"].tolist()
    plants = planted(base, 300)
    all_names = base + [p for _, p in plants]
    truth = {(i, len(base) + k) for k, (i, _) in enumerate(plants)}
    out: dict[str, object] = {"names": len(all_names)}
    areas = duplicates._bundled_areas()  # as validation passes them

    def measure(label: str) -> None:
        t0 = time.perf_counter()
        pairs = duplicates.likely_duplicates(all_names, areas=areas)
        took = time.perf_counter() - t0
        got = {(d.first, d.second) for d in pairs}
        out[f"{label}_s"] = round(took, 2)
        out[f"{label}_recall"] = f"{len(got & truth)}/{len(truth)}"
        out[f"{label}_other_pairs"] = len(got - truth)

    measure("blocked_rapidfuzz")
    shipped = duplicates.ratios_within
    duplicates.ratios_within = difflib_ratios_within  # type: ignore[assignment]
    try:
        measure("blocked_difflib")
    finally:
        duplicates.ratios_within = shipped  # type: ignore[assignment]
    t0 = time.perf_counter()
    unblocked_difflib(all_names[:sample])
    took = time.perf_counter() - t0
    out[f"unblocked_difflib_{sample}_s"] = round(took, 2)
    out["unblocked_difflib_extrapolated_s"] = round(took * (len(all_names) / sample) ** 2)
    # the scorer alone, on one big block (what a city without numbers in names gives)
    block = [normalise_name(x) for x in all_names if x.startswith("Bewonersinitiatief")][:2000]
    for label, scorer in (("rapidfuzz", names.ratios_within), ("difflib", difflib_ratios_within)):
        t0 = time.perf_counter()
        scorer(block, names.MERGE_AT)
        out[f"one_block_{len(block)}_{label}_s"] = round(time.perf_counter() - t0, 2)
    alike = [f"Buurtteam Oost {i}" if i % 2 else f"Buurtteam Oost-{i}" for i in range(500)]
    t0 = time.perf_counter()
    m = NameMatcher()
    for a in alike:
        m.add(a)
    out["namematcher_500_alike_s"] = round(time.perf_counter() - t0, 2)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=30000)
    parser.add_argument("--sample", type=int, default=3000,
                        help="names scored without blocking (extrapolated to n)")
    args = parser.parse_args(argv)
    for key, value in run(args.n, min(args.sample, args.n)).items():
        print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
