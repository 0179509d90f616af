"""Areas that nest: buurt < (subwijk <) wijk < stad < regio < land.

A broker writes the buurt for local parties ("Lunetten"), the wijk for parties that serve
the whole wijk ("Zuid") and the city for city-wide ones ("Utrecht", "stadsbreed"). These
are not three separate places: a party at a higher level serves every area below it.
`AreaTree` knows which area lies in which: Utrecht's ten wijken with their subwijken and
buurten are bundled (``model/data/gebieden-utrecht.yaml``, with its source and how
complete it is), and an optional ``gebieden`` sheet (naam, ligt in) adds any other place.

Names are matched ignoring case, accents, spaces and hyphens, by alias ("De Uithof"),
with a prefix such as "wijk" or the city's name ("Utrecht-Oost"); words for the whole
city ("stadsbreed", "heel de stad", "gemeentebreed"), the region ("regio") and the
country ("landelijk") mean the city, region and country of the data.

Examples
--------
>>> tree = bundled_tree()
>>> tree.place("lunetten"), tree.parent("Lunetten"), tree.level("Lunetten")
('Lunetten', 'Zuid', 'subwijk')
>>> tree.ancestors("Lunetten-Noord")[:3]
('Lunetten', 'Zuid', 'Utrecht')
>>> tree.place("Heel de stad"), tree.place("Wijk Oost"), tree.place("Utrecht-Zuid")
('Utrecht', 'Oost', 'Zuid')
>>> tree.covers("Zuid", "Lunetten-Noord"), tree.covers("Lunetten", "Zuid")
(True, False)
>>> tree.place("Bloemenbuurt") is None
True
>>> mine = tree.with_declarations([("Bloemenbuurt", "Oost")])
>>> mine.covers("stadsbreed", "Bloemenbuurt"), mine.level("Bloemenbuurt")
(True, 'buurt')
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from wijkgraph.errors import Problem
from wijkgraph.i18n import N_, NP_, register, translator
from wijkgraph.model.schema import fold, squash

if TYPE_CHECKING:  # pragma: no cover
    from wijkgraph.model.tables import RawTable

__all__ = ["LEVELS", "AreaTree", "area_tree", "bundled_tree", "describe_areas",
           "focus_areas", "is_generic", "serves", "shared_areas",
           "validate_areas"]

#: The named levels, widest first. A child is one level below its parent unless the data
#: says otherwise (a wijk's children are buurten; some are grouped into subwijken).
LEVELS = ("land", "regio", "stad", "wijk", "subwijk", "buurt")
_BELOW = {"land": "regio", "regio": "stad", "stad": "wijk", "wijk": "buurt",
          "subwijk": "buurt", "buurt": "buurt", "": ""}
LEVEL_WORDS = {
    "land": NP_("area level", "country"),
    "regio": NP_("area level", "region"),
    "stad": NP_("area level", "city"),
    "wijk": NP_("area level", "wijk"),
    "subwijk": NP_("area level", "subwijk"),
    "buurt": NP_("area level", "buurt"),
    "": NP_("area level", "area"),
}
#: Words that mean the whole city, region or country of the data, whatever it is called.
GENERIC_WORDS = {
    "stad": ("stadsbreed", "stedelijk", "heel de stad", "hele stad", "de hele stad",
             "gemeentebreed", "gemeente", "stad", "alle wijken", "city", "citywide",
             "city-wide", "whole city", "all wijken", "all districts"),
    "regio": ("regio", "regionaal", "regiobreed", "region", "regional", "regionwide"),
    "land": ("landelijk", "nationaal", "national", "nationwide", "heel nederland",
             "nederland", "netherlands"),
}
_GENERIC = {fold(w): level for level, words in GENERIC_WORDS.items() for w in words}
_PREFIX = re.compile(r"^(?:wijk|buurt|subwijk|stadsdeel|gebied|gemeente|regio)\s+(.+)$",
                     re.IGNORECASE)
DATA_FILE = Path(__file__).parent / "data" / "gebieden-utrecht.yaml"

register({
    "problem.area_unknown_parent": N_(
        "Area '{name}' lies in '{parent}', but wijkgraph knows no area '{parent}'. "
        "Add a row for '{parent}' to this sheet, or correct the name."),
    "problem.area_cycle": N_(
        "The areas lie in each other in a circle ({path}). An area cannot lie in itself: "
        "correct 'ligt in' in one of these rows."),
    "problem.area_unplaced": N_(
        "Area '{value}' in rows {rows} is not one wijkgraph knows; it is treated as a "
        "separate area. Add it to a sheet 'gebieden' (naam, ligt in) to say where it lies."),
})


def is_generic(value: str) -> bool:
    """True for a word that means the whole city, region or country of the data, whatever
    it is called ("stadsbreed", "regio"): it says where a party works, not which city.

    >>> is_generic("Heel de stad"), is_generic("Utrecht")
    (True, False)
    """
    return fold(squash(value)) in _GENERIC


@dataclass(frozen=True)
class AreaTree:
    """Which area lies in which: names, their parents, levels and aliases.

    Parameters
    ----------
    parents : mapping
        Area name -> the name of the area it lies in (None for a root).
    levels : mapping, optional
        Area name -> a level of `LEVELS`; areas without one are a level below their parent.
    aliases : mapping, optional
        Another way of writing a name -> the name.
    city : str, default "Utrecht"
        The area that words such as "stadsbreed" mean.
    """

    parents: Mapping[str, str | None]
    levels: Mapping[str, str] = field(default_factory=dict)
    aliases: Mapping[str, str] = field(default_factory=dict)
    city: str = "Utrecht"

    def __post_init__(self) -> None:
        index: dict[str, str] = {}
        for alias, name in self.aliases.items():
            index[fold(alias)] = name
        for name in self.parents:
            index[fold(name)] = name
        children: dict[str, list[str]] = defaultdict(list)
        for name, parent in self.parents.items():
            if parent is not None:
                children[parent].append(name)
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_children", dict(children))
        object.__setattr__(self, "_memo", {})  # value -> place, (a, b) -> related

    # --- names --------------------------------------------------------------------------
    @property
    def names(self) -> tuple[str, ...]:
        """Every area, in the order the data lists them."""
        return tuple(self.parents)

    def place(self, value: str) -> str | None:
        """The area a written value means, or None when it cannot be placed.

        >>> bundled_tree().place(" VLEUTEN-de meern "), bundled_tree().place("regio")
        ('Vleuten-De Meern', 'Regio Utrecht')
        """
        memo: dict[Any, Any] = self._memo  # type: ignore[attr-defined]
        if value not in memo:
            memo[value] = self._place(value)
        return memo[value]

    def _place(self, value: str) -> str | None:
        text = squash(value)
        key = fold(text)
        if not key:
            return None
        index: dict[str, str] = self._index  # type: ignore[attr-defined]
        if key in index:
            return index[key]
        if key in _GENERIC:
            return self.whole(_GENERIC[key])
        match = _PREFIX.match(text)
        if match:
            return self.place(match.group(1))
        city = fold(self.city)
        for rest in (key.removeprefix(city), key.removesuffix(city)):
            if rest != key and rest in index:
                return index[rest]
        return None

    def whole(self, level: str) -> str | None:
        """The city (``"stad"``), region or country of the data.

        >>> bundled_tree().whole("regio")
        'Regio Utrecht'
        """
        if self.city not in self.parents:
            return None
        if level == "stad":
            return self.city
        for name in self.ancestors(self.city):
            if self.level(name) == level:
                return name
        chain = (self.city, *self.ancestors(self.city))
        return chain[-1]

    # --- the tree -----------------------------------------------------------------------
    def parent(self, name: str) -> str | None:
        """The area `name` lies in (None for a root or an unknown name)."""
        return self.parents.get(name)

    def children(self, name: str) -> tuple[str, ...]:
        """The areas that lie directly in `name`."""
        return tuple(self._children.get(name, ()))  # type: ignore[attr-defined]

    def ancestors(self, name: str) -> tuple[str, ...]:
        """The areas `name` lies in, nearest first (stops at a cycle)."""
        out: list[str] = []
        seen = {name}
        parent = self.parents.get(name)
        while parent is not None and parent not in seen:
            out.append(parent)
            seen.add(parent)
            parent = self.parents.get(parent)
        return tuple(out)

    def level(self, name: str) -> str:
        """The level of `name` (a word of `LEVELS`), or ``""`` when the data does not say.

        >>> bundled_tree().level("Zuid"), bundled_tree().level("Oudwijk")
        ('wijk', 'buurt')
        """
        if name in self.levels:
            return self.levels[name]
        parent = self.parents.get(name)
        return _BELOW[self.level(parent)] if parent is not None and parent != name else ""

    def depth(self, name: str) -> int:
        """How many areas `name` lies in (a root has depth 0)."""
        return len(self.ancestors(name))

    def covers(self, area: str, other: str) -> bool:
        """True when `area` is `other` or contains it: a party in `area` serves `other`.

        Both may be written values (they are placed first).

        >>> bundled_tree().covers("Utrecht", "Lunetten"), bundled_tree().covers("Oost", "Zuid")
        (True, False)
        """
        a = self.place(area) or squash(area)
        b = self.place(other) or squash(other)
        if fold(a) == fold(b):
            return True
        return a in self.ancestors(b)

    def related(self, area: str, other: str) -> bool:
        """True when one of the two areas contains the other (or they are the same)."""
        memo: dict[Any, Any] = self._memo  # type: ignore[attr-defined]
        key = (area, other, "related")
        if key not in memo:
            memo[key] = self.covers(area, other) or self.covers(other, area)
        return bool(memo[key])

    def path(self, name: str) -> str:
        """`name` and the areas it lies in up to the city: ``Lunetten > Zuid > Utrecht``."""
        chain = [name]
        for a in self.ancestors(name):
            chain.append(a)
            if self.level(a) == "stad":
                break
        return " > ".join(chain)

    def with_declarations(self, rows: Iterable[tuple[str, str]]) -> AreaTree:
        """This tree with (name, lies in) rows added; a known name moves to its new parent.

        Rows that would make a cycle or name an unknown parent are skipped
        (`validate_areas` reports them).
        """
        parents = dict(self.parents)
        tree = self
        for name, parent in rows:
            known = tree.place(name)
            key = known or squash(name)
            if not key:
                continue
            above = tree.place(parent) if squash(parent) else None
            if squash(parent) and above is None:
                continue
            if above is not None and (above == key or key in (above, *tree.ancestors(above))):
                continue
            parents[key] = above
            tree = AreaTree(parents, self.levels, self.aliases, self.city)
        return tree

    def with_city(self, city: str) -> AreaTree:
        """This tree with `city` as the area that "stadsbreed" means."""
        return AreaTree(self.parents, self.levels, self.aliases, city)


def _read_node(node: Any, parent: str | None, parent_level: str, parents: dict[str, str | None],
               levels: dict[str, str], aliases: dict[str, str]) -> None:
    if isinstance(node, str):
        node = {"name": node}
    name = squash(node["name"])
    parents[name] = parent
    level = node.get("level") or _BELOW.get(parent_level, "")
    levels[name] = level
    for alias in node.get("aliases", ()) or ():
        aliases[str(alias)] = name
    for child in node.get("contains", ()) or ():
        _read_node(child, name, level, parents, levels, aliases)


@functools.lru_cache(maxsize=1)
def bundled_tree() -> AreaTree:
    """The bundled areas: Nederland > regio Utrecht > its gemeenten > Utrecht's wijken > ...

    >>> tree = bundled_tree()
    >>> len([n for n in tree.names if tree.level(n) == "wijk"])
    10
    """
    import yaml  # libyaml's safe loader when there is one: the same data, 0.06 s sooner

    data = yaml.load(DATA_FILE.read_text(encoding="utf-8"), getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    parents: dict[str, str | None] = {}
    levels: dict[str, str] = {}
    aliases: dict[str, str] = {}
    for node in data["tree"]:
        _read_node(node, None, "", parents, levels, aliases)
    return AreaTree(parents, levels, aliases, "Utrecht")


def _declarations(source: Any) -> list[tuple[str, str]]:
    tables = getattr(source, "tables", source)
    frame = getattr(tables, "areas", None)
    if frame is None or not len(frame):
        return []
    return list(zip(frame["name"].tolist(), frame["parent"].tolist(), strict=True))


def _actor_values(source: Any) -> list[tuple[str, ...]]:
    tables = getattr(source, "tables", source)
    actors = getattr(tables, "actors", None)
    if actors is None or "wijk" not in actors.columns:
        return []
    return [tuple(ws) for ws in actors["wijk"].tolist()]


def area_tree(source: Any = None) -> AreaTree:
    """The areas of a network (or `Tables`): the bundled ones plus its ``gebieden`` sheet.

    The city that "stadsbreed" means is the city most of its placed areas lie in. Made
    once per (frozen) network or `Tables` object and kept on it: the analyses share it."""
    if source is None:
        return bundled_tree()
    kept = getattr(source, "__dict__", {})
    if isinstance(kept.get("_area_tree"), AreaTree):
        return kept["_area_tree"]
    tree = bundled_tree().with_declarations(_declarations(source))
    written: Counter[str] = Counter(v for values in _actor_values(source) for v in values)
    cities: Counter[str] = Counter()
    for v, n in written.items():  # each distinct value once: linear in the actors
        name = tree.place(v)
        if name is None:
            continue
        chain = (name, *tree.ancestors(name))
        city = next((a for a in chain if tree.level(a) == "stad"), None)
        if city is not None:
            cities[city] += n
    if cities:
        best = max(cities.items(), key=lambda kv: (kv[1], kv[0] == tree.city))[0]
        if best != tree.city:
            tree = tree.with_city(best)
    kept["_area_tree"] = tree
    return tree


# --- analysis: which areas the data is about, and who serves them -------------------------


def serves(tree: AreaTree, actor_values: Sequence[str], area: str) -> bool:
    """True when an actor with areas `actor_values` counts for `area`.

    An actor counts where it works, in every area below (a wijk-wide party serves each
    buurt of the wijk) and in the areas above (a party in a buurt is in its wijk).
    Actors without an area count everywhere; ``area == ""`` means the whole network.

    >>> tree = bundled_tree()
    >>> [serves(tree, v, "Lunetten") for v in (("Zuid",), ("stadsbreed",), ("Oost",), ())]
    [True, True, False, True]
    """
    if not area or not actor_values:
        return True
    memo: dict[Any, Any] = tree._memo  # type: ignore[attr-defined]
    key = (tuple(actor_values), area)
    found = memo.get(key)
    if found is None:
        found = memo[key] = any(tree.related(v, area) for v in actor_values)
    return bool(found)


def shared_areas(tree: AreaTree, values: Sequence[str], others: Sequence[str]) -> tuple[str, ...]:
    """The areas where two actors both work: for each pair of their areas of which one
    lies in (or is) the other, the smaller one, as the data writes it.

    Names are compared placed in the tree ("lunetten" is "Lunetten"), unknown ones by
    their folded text ("Bloemen-buurt" is "bloemenbuurt").

    >>> tree = bundled_tree()
    >>> shared_areas(tree, ("Lunetten",), ("Zuid",)), shared_areas(tree, ("stadsbreed",), ("oost",))
    (('Lunetten',), ('oost',))
    >>> shared_areas(tree, ("Oost",), ("Zuid",)), shared_areas(tree, ("X-buurt",), ("x buurt",))
    ((), ('X-buurt',))
    """
    out: list[str] = []
    for a in values:
        for b in others:
            if not fold(a) or not fold(b) or not tree.related(a, b):
                continue
            out.append(b if tree.covers(a, b) and fold(a) != fold(b) else a)
    return tuple(dict.fromkeys(out))


def focus_areas(tree: AreaTree, actor_values: Iterable[Sequence[str]]) -> tuple[str, ...]:
    """The areas the data is about: the most specific level that holds most actors.

    Only actors working in a single area count ("Oost; Binnenstad" serves both, so it
    says nothing about where the data is from). Their areas are grouped by depth in the
    tree (a value that cannot be placed counts as a wijk); the depth with most actors
    wins, the deeper one on a tie, and its areas are the focus, together with busy areas
    elsewhere (another gemeente: at least two actors and a third of the busiest area's)
    that lie neither above nor below one of them. No such actors: ``("",)``, the whole
    network is one place.

    >>> tree = bundled_tree()
    >>> values = [("Lunetten",)] * 3 + [("Zuid",)] * 2 + [("Utrecht",), ("Oost", "Zuid")]
    >>> focus_areas(tree, values)
    ('Lunetten',)
    """
    counts: Counter[str] = Counter()
    for values in actor_values:
        if len(values) == 1:
            counts[tree.place(values[0]) or squash(values[0])] += 1
    counts.pop("", None)
    if not counts:
        return ("",)
    wijk_depth = tree.depth("Oost") if "Oost" in tree.parents else 0
    by_depth: Counter[int] = Counter()
    for name, n in counts.items():
        by_depth[tree.depth(name) if name in tree.parents else wijk_depth] += n
    depth = max(by_depth, key=lambda d: (by_depth[d], d))
    chosen = [n for n in counts
              if (tree.depth(n) if n in tree.parents else wijk_depth) == depth]
    # a busy area elsewhere (another gemeente) stays in focus; an area above or below a
    # chosen one is counted in it instead, and a stray party from elsewhere is no focus
    busiest = max(counts[n] for n in chosen)
    rest = sorted((n for n in counts if n not in chosen), key=lambda n: (-counts[n], fold(n)))
    for name in rest:
        if (counts[name] >= 2 and 3 * counts[name] >= busiest
                and not any(tree.related(name, c) for c in chosen)):
            chosen.append(name)
    return tuple(sorted(chosen, key=fold))


# --- validation ---------------------------------------------------------------------------

AREA_COLUMNS = ("name", "parent")


def validate_areas(raw: RawTable | None, actors: pd.DataFrame, *,
                   wijk_header: str = "wijk", meetings: pd.DataFrame | None = None,
                   meeting_header: str = "wijk") -> tuple[pd.DataFrame, list[Problem]]:
    """Check a ``gebieden`` sheet and the areas of the actors and meetings.

    Returns the sheet as a frame (name, parent and provenance) and the problems: an
    unknown parent or a cycle is an error naming file, sheet, row and column; an area of
    an actor or a meeting that cannot be placed is a warning naming the value and its rows
    in that table (only when the data names more than one area: with one, nothing needs
    placing).
    """
    problems: list[Problem] = []
    frame = pd.DataFrame({c: pd.Series(dtype=object) for c in
                          (*AREA_COLUMNS, "_file", "_sheet", "_row")})
    tree = bundled_tree()
    if raw is not None and not raw.frame.empty and "name" in raw.frame.columns:
        names = [squash(v) for v in raw.frame["name"].tolist()]
        parents = ([squash(v) for v in raw.frame["parent"].tolist()]
                   if "parent" in raw.frame.columns else [""] * len(names))
        keep = [i for i, n in enumerate(names) if n]
        frame = pd.DataFrame({"name": [names[i] for i in keep],
                              "parent": [parents[i] for i in keep],
                              "_file": raw.file, "_sheet": raw.sheet or "",
                              "_row": [raw.rows[i] for i in keep]})
        problems.extend(_check_sheet(raw, tree, names, parents, keep))
    tables = [(actors, wijk_header)]
    if meetings is not None and "wijk" in meetings.columns and len(meetings):
        tables.append((meetings, meeting_header))
    found = [_area_values(table) for table, _header in tables]
    if len({key for values, _shown in found for key in values}) > 1:
        full = tree.with_declarations(list(zip(frame["name"], frame["parent"], strict=True)))
        for (table, header), (values, shown) in zip(tables, found, strict=True):
            file = str(table["_file"].iloc[0]) if len(table) else None
            sheet = str(table["_sheet"].iloc[0]) if len(table) else None
            for key, rows in values.items():
                if full.place(shown[key]) is not None:
                    continue
                listed = ", ".join(str(r) for r in rows[:8]) + (", ..." if len(rows) > 8 else "")
                problems.append(Problem("problem.area_unplaced", file=file, sheet=sheet or None,
                                        row=rows[0], column=header, severity="warning",
                                        params={"value": shown[key], "rows": listed}))
    return frame, problems


def _area_values(table: pd.DataFrame) -> tuple[dict[str, list[int]], dict[str, str]]:
    """Folded area value -> the rows it is in, and -> the value as first written."""
    values: dict[str, list[int]] = defaultdict(list)
    shown: dict[str, str] = {}
    folded: dict[str, str] = {}  # the same few area names, fold once each
    for ws, row in zip(table["wijk"].tolist(), table["_row"].tolist(), strict=True):
        for w in ws:
            key = folded.get(w)
            if key is None:
                key = folded[w] = fold(w)
            if key:
                values[key].append(int(row))
                shown.setdefault(key, w)
    return values, shown


def _check_sheet(raw: RawTable, tree: AreaTree, names: list[str], parents: list[str],
                 keep: list[int]) -> list[Problem]:
    problems: list[Problem] = []
    column = raw.headers.get("parent", "parent")
    declared = {fold(names[i]): i for i in keep}

    def key(value: str) -> str:
        placed = tree.place(value)
        return fold(placed) if placed is not None and fold(value) not in declared else fold(value)

    up: dict[str, str] = {}
    for i in keep:
        parent = parents[i]
        if not parent:
            continue
        if fold(parent) not in declared and tree.place(parent) is None:
            problems.append(Problem("problem.area_unknown_parent", file=raw.file,
                                    sheet=raw.sheet, row=raw.rows[i], column=column,
                                    params={"name": names[i], "parent": parent}))
            continue
        up[fold(names[i])] = key(parent)
    reported: set[str] = set()
    for i in keep:
        start = fold(names[i])
        chain = [start]
        node = up.get(start)
        while node is not None and node not in chain:
            chain.append(node)
            node = up.get(node) if node in declared else _bundled_up(tree, node)
        if node != start or start in reported:
            continue
        reported.update(chain)
        first = min((declared[c] for c in chain if c in declared), key=lambda j: raw.rows[j])
        label = {fold(names[j]): names[j] for j in keep}
        path = " > ".join(label.get(c, c) for c in (*chain, start))
        problems.append(Problem("problem.area_cycle", file=raw.file, sheet=raw.sheet,
                                row=raw.rows[first], column=column, params={"path": path}))
    return problems


def _bundled_up(tree: AreaTree, key: str) -> str | None:
    name = tree.place(key)
    parent = tree.parent(name) if name is not None else None
    return fold(parent) if parent is not None else None


# --- words for `wijkgraph validate` --------------------------------------------------------


def describe_areas(network: Any, lang: str = "nl") -> list[str]:
    """Lines for ``wijkgraph validate``: each area found, where it lies, how many actors.

    >>> import pandas as pd
    >>> from wijkgraph.model.tables import tables_from_frames
    >>> actors = pd.DataFrame({"naam": ["A", "B", "C"], "wijk": ["Lunetten", "Zuid", "X"]})
    >>> tables = tables_from_frames(actors, pd.DataFrame({"van": ["A"], "naar": ["B"]}))
    >>> print("\\n".join(describe_areas(tables, "en")))
    Areas in the data (3):
      Lunetten: subwijk in Zuid > Utrecht (1 actor)
      Zuid: wijk in Utrecht (1 actor)
      X: not placed (1 actor)
    """
    t = translator(lang)
    tree = area_tree(network)
    counts: Counter[str] = Counter()
    for values in _actor_values(network):
        for v in values:
            counts[tree.place(v) or squash(v)] += 1
    if not counts:
        return []
    order = sorted(counts, key=lambda n: (n not in tree.parents,
                                          -tree.depth(n) if n in tree.parents else 0, fold(n)))
    lines = [t.gettext("Areas in the data ({n}):").format(n=t.number(len(order)))]
    for name in order:
        actors = t.count(counts[name], "{n} actor", "{n} actors")
        if name not in tree.parents:
            where = t.gettext("not placed")
        else:
            level = t.pgettext("area level", LEVEL_WORDS[tree.level(name)])
            above = tree.path(name).split(" > ", 1)[1:]
            where = (t.gettext("{level} in {path}").format(level=level, path=above[0])
                     if above else level)
        lines.append(f"  {name}: {where} ({actors})")
    return lines
