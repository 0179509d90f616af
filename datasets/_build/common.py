"""Shared helpers for the dataset builders: vocabularies, checks, CSV and README writing.

The builders are plain Python data (hand-written actors, relations and meetings); running
``python datasets/_build/build.py`` rewrites every ``datasets/<name>/`` directory
byte-for-byte the same way, so the committed CSV files are the output of this script.
"""

from __future__ import annotations

import csv
import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

DATASETS = Path(__file__).resolve().parent.parent

TYPES = {
    "organisatie", "team", "initiatief", "persoon", "overleg", "platform", "netwerk",
    "accommodatie",
}
DOMAINS = {
    "zorg", "welzijn", "inwoners", "veiligheid", "wonen", "gemeente", "onderwijs",
    "werk en inkomen", "sport en cultuur", "fondsen", "ondernemers", "kennis en onderzoek",
}
KINDS = {"samenwerking", "verwijzing", "financiering", "beheer", "informatie", "lidmaatschap"}
CHANNELS = {
    "bijeenkomst", "telefoon", "e-mail", "whatsapp", "online", "platform", "werkoverleg",
    "huisbezoek", "nieuwsbrief", "linkedin", "zorgmail", "siilo", "wijkschouw",
}
WIJKEN = {
    "Oost", "Noordwest", "Overvecht", "Leidsche Rijn", "Zuid", "Zuidwest", "West",
    "Noordoost", "Binnenstad", "Vleuten-De Meern", "Nieuwegein",
}
STRENGTH_WORDS = {1: "identificatie", 2: "coordinatie", 3: "reflectie", 4: "transformatie"}
DIRECTED_KINDS = {"verwijzing", "financiering", "beheer"}

# Survey 003, "Huidige manieren van samenwerken/contact": times mentioned.
SURVEY_CHANNELS = {
    "bijeenkomst": 21, "telefoon": 18, "e-mail": 16, "whatsapp": 16, "online": 13,
    "platform": 5, "wijkschouw": 1, "werkoverleg": 1, "huisbezoek": 1, "linkedin": 1,
    "zorgmail": 1, "siilo": 1, "nieuwsbrief": 1,
}


@dataclass
class Actor:
    id: str
    name: str
    type: str
    domain: str
    role: str
    wijk: str
    themes: str
    description: str = ""


@dataclass
class Relation:
    source: str
    target: str
    kind: str
    strength: int
    theme: str = ""
    channel: str = ""
    wave: str = ""


@dataclass
class Meeting:
    id: str
    name: str
    theme: str
    wijk: str
    description: str
    participants: list[str] = field(default_factory=list)


def actor(line: str) -> Actor:
    """Parse ``id | name | type | domain | role | wijk | themes | description``."""
    parts = [p.strip() for p in line.split("|")]
    if len(parts) == 7:
        parts.append("")
    return Actor(*parts)


def relations(block: str, *, default_kind: str = "samenwerking") -> list[Relation]:
    """Parse lines ``source target [kind] strength [theme] [@channel]``.

    ``kind`` is a single letter or a word: S samenwerking, V verwijzing, F financiering,
    B beheer, I informatie, L lidmaatschap.
    """
    letters = {
        "S": "samenwerking", "V": "verwijzing", "F": "financiering", "B": "beheer",
        "I": "informatie", "L": "lidmaatschap",
    }
    out = []
    for raw in block.strip().splitlines():
        raw = raw.split("#", 1)[0].strip()
        if not raw:
            continue
        channel = ""
        if "@" in raw:
            raw, channel = raw.rsplit("@", 1)
            channel = channel.strip()
        tokens = raw.split()
        source, target = tokens[0], tokens[1]
        rest = tokens[2:]
        kind = default_kind
        if rest and not rest[0].isdigit():
            kind = letters.get(rest[0], rest[0])
            rest = rest[1:]
        strength = int(rest[0])
        theme = " ".join(rest[1:]).replace("_", " ")
        out.append(Relation(source, target, kind, strength, theme, channel))
    return out


def fill_channels(rels: list[Relation], shares: dict[str, int], *, seed: int,
                  prefer: dict[str, set[str]] | None = None) -> None:
    """Give every relation without a channel one, so the totals follow ``shares``.

    Hand-set channels count towards their channel's quota. ``prefer`` maps a channel to
    the actor ids whose ties take that channel first.
    """
    n = len(rels)
    total = sum(shares.values())
    exact = {c: n * s / total for c, s in shares.items()}
    quota = {c: int(v) for c, v in exact.items()}
    for c in sorted(exact, key=lambda c: (-(exact[c] - quota[c]), c))[: n - sum(quota.values())]:
        quota[c] += 1
    for r in rels:
        if r.channel:
            quota[r.channel] = quota.get(r.channel, 0) - 1
    todo = [r for r in rels if not r.channel]
    for channel, ids in (prefer or {}).items():
        for r in todo:
            if quota.get(channel, 0) > 0 and not r.channel and (r.source in ids or r.target in ids):
                r.channel = channel
                quota[channel] -= 1
    todo = [r for r in todo if not r.channel]
    random.Random(seed).shuffle(todo)
    pool = [c for c in sorted(quota) for _ in range(max(quota[c], 0))]
    random.Random(seed + 1).shuffle(pool)
    fallback = max(shares, key=lambda c: shares[c])
    for i, r in enumerate(todo):
        r.channel = pool[i] if i < len(pool) else fallback


def check(actors: list[Actor], rels: list[Relation], meetings: list[Meeting]) -> None:
    """Raise ValueError on anything the canonical format forbids."""
    ids = [a.id for a in actors]
    problems = [f"duplicate actor id {i}" for i, k in Counter(ids).items() if k > 1]
    known = set(ids)
    for a in actors:
        if a.type not in TYPES:
            problems.append(f"{a.id}: type {a.type}")
        if a.domain not in DOMAINS:
            problems.append(f"{a.id}: domain {a.domain}")
        for w in a.wijk.split(";") if a.wijk else ():
            if w not in WIJKEN:
                problems.append(f"{a.id}: wijk {w}")
    seen: set[tuple[str, str, str]] = set()
    for r in rels:
        key = (r.source, r.target, r.kind)
        if r.source not in known or r.target not in known:
            problems.append(f"unknown id in {key}")
        if r.source == r.target:
            problems.append(f"self-loop {key}")
        undirected = (min(r.source, r.target), max(r.source, r.target), r.kind)
        if key in seen or undirected in seen:
            problems.append(f"duplicate {key}")
        seen.add(key)
        seen.add(undirected)
        if r.kind not in KINDS:
            problems.append(f"kind {r.kind}")
        if r.channel not in CHANNELS:
            problems.append(f"channel {r.channel!r} in {key}")
        if r.strength not in STRENGTH_WORDS:
            problems.append(f"strength {r.strength} in {key}")
    mids = [m.id for m in meetings]
    problems += [f"duplicate meeting id {i}" for i, k in Counter(mids).items() if k > 1]
    for m in meetings:
        for p in m.participants:
            if p not in known:
                problems.append(f"meeting {m.id}: unknown actor {p}")
        problems += [f"meeting {m.id}: {p} twice" for p, k in Counter(m.participants).items()
                     if k > 1]
    if problems:
        raise ValueError("\n".join(problems))


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def write(name: str, actors: list[Actor], rels: list[Relation], meetings: list[Meeting],
          meta: dict[str, str], readme: str, *, digit_every: int = 9) -> dict[str, int]:
    """Check and write one dataset; return its counts.

    Every ``digit_every``-th relation writes its strength as a digit (1-4) instead of the
    word, so loaders see both spellings.
    """
    check(actors, rels, meetings)
    out = DATASETS / name
    out.mkdir(exist_ok=True)
    _write_csv(out / "actors.csv",
               ["id", "name", "type", "domain", "role", "wijk", "themes", "description"],
               [[a.id, a.name, a.type, a.domain, a.role, a.wijk, a.themes, a.description]
                for a in actors])
    rows = []
    for i, r in enumerate(rels):
        strength = str(r.strength) if i % digit_every == digit_every - 1 else \
            STRENGTH_WORDS[r.strength]
        rows.append([r.source, r.target, r.kind, r.channel, strength, r.theme, r.wave,
                     "ja" if r.kind in DIRECTED_KINDS else "nee"])
    _write_csv(out / "relations.csv",
               ["source", "target", "kind", "channel", "strength", "theme", "wave", "directed"],
               rows)
    participation = [[p, m.id] for m in meetings for p in m.participants]
    if meetings:
        _write_csv(out / "meetings.csv", ["id", "name", "theme", "wijk", "description"],
                   [[m.id, m.name, m.theme, m.wijk, m.description] for m in meetings])
        _write_csv(out / "participation.csv", ["actor", "meeting"], participation)
    with (out / "dataset.yaml").open("w", encoding="utf-8") as fh:
        yaml.safe_dump(meta, fh, allow_unicode=True, sort_keys=False, width=90)
    counts = {"actors": len(actors), "relations": len(rels), "meetings": len(meetings),
              "participations": len(participation)}
    (out / "README.md").write_text(readme.strip() + "\n", encoding="utf-8")
    return counts


def counts_line(actors: list[Actor], rels: list[Relation], meetings: list[Meeting]) -> str:
    """The machine-readable line every README carries (tests/test_dataset_readmes.py)."""
    n_part = sum(len(m.participants) for m in meetings)
    return (f"Counts: {len(actors)} actors, {len(rels)} relations, {len(meetings)} meetings, "
            f"{n_part} participations")


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def degree(rels: list[Relation]) -> Counter[str]:
    deg: Counter[str] = Counter()
    for r in rels:
        deg[r.source] += 1
        deg[r.target] += 1
    return deg
