"""The interactive map: one safe, offline, self-contained HTML file a room can explore.

`render_map(network, analysis)` returns a `MapDocument`; ``.write(path)`` saves it,
``.html`` is the page, and in Jupyter it shows itself inline (without writing a file).

What is in the file, and why:

* vis-network 9.1.2's JavaScript and CSS, read from the installed pyvis package and inlined
  with their licence header. Nothing else is loaded: a Content-Security-Policy meta tag
  forbids every request to anywhere (``default-src 'none'``), there are no web fonts, and
  the page works from ``file://`` with the network cable pulled.
* The data as JSON in a ``<script type="application/json">`` block, written through
  jinja2's ``tojson`` (which escapes ``<``, ``>``, ``&`` and ``'``), so ``</script>`` in a
  name cannot end the block. The page's own script shows every string of the data with
  ``textContent`` or as a plain-text vis-network ``title``; never as HTML. The legend and
  filter lists are rendered by jinja2 with autoescape on.
* Positions computed here (`wijkgraph.render.layout`, seeded igraph) with physics off,
  so the map draws at once. Above `OVERVIEW_LIMIT` actors the map opens on an overview of
  wijken (or communities) and shows a group's actors with one click.

pyvis itself is not used to build the page: its template loads Bootstrap from a CDN, writes
headings and option names unescaped, and ``from_nx`` is quadratic and mutates the caller's
graph. Node and edge lists are built directly from the `WijkNetwork`.

The same network, analysis, language and seed always give a byte-identical file.

Examples
--------
>>> from wijkgraph.sources.bundled import load_dataset
>>> net = load_dataset("utrecht-oost")
>>> doc = render_map(net)
>>> doc.n_actors == net.n_actors
True
>>> "https://" in doc.html.split("<body")[0].replace("https://visjs", "")
False
>>> doc.html == render_map(net).html
True
"""

from __future__ import annotations

import html as html_lib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

from wijkgraph._files import atomic_write
from wijkgraph.model.network import WijkNetwork
from wijkgraph.model.schema import STRENGTH_NAMES
from wijkgraph.render import palette
from wijkgraph.render.layout import communities, grouped_layout, layout_positions

#: Above this many actors the map opens on an overview of groups (wijken/communities).
OVERVIEW_LIMIT = 3000
#: Above this many actors edges are hidden while dragging or zooming.
HIDE_EDGES_LIMIT = 1000
#: At most this many co-participation ties are drawn (they grow with meeting size squared).
MAX_MEETING_EDGES = 60_000
#: Node sizes (vis-network canvas units, radius).
MIN_SIZE, MAX_SIZE = 10.0, 42.0
STRENGTH_NAMES_EN = {1: "identification", 2: "coordination", 3: "reflection",
                     4: "transformation"}
#: Edge width per strength (1-4).
EDGE_WIDTHS = {1: 1.0, 2: 2.0, 3: 3.5, 4: 5.5}

CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
       "img-src data: blob:; font-src 'none'; connect-src 'none'; media-src 'none'; "
       "object-src 'none'; frame-src 'none'; worker-src 'none'; base-uri 'none'; "
       "form-action 'none'")

VIS_VERSION = "9.1.2"

# key -> (Dutch, English). Every word the page shows that is not data.
STRINGS: dict[str, tuple[str, str]] = {
    "title": ("Samenwerkingskaart", "Collaboration map"),
    "subtitle": ("{actors} actoren, {ties} samenwerkingen, {meetings} overleggen",
                 "{actors} actors, {ties} ties, {meetings} meetings"),
    "search": ("Zoek een actor…", "Find an actor…"),
    "search_label": ("Zoeken op naam", "Search by name"),
    "no_match": ("Geen actor gevonden", "No actor found"),
    "reset": ("Beeld herstellen", "Reset view"),
    "fullscreen": ("Volledig scherm", "Full screen"),
    "png": ("Opslaan als PNG", "Save as PNG"),
    "print": ("Afdrukken", "Print"),
    "layers": ("Lagen", "Layers"),
    "layer_meetings": ("Gedeelde overleggen", "Shared meetings"),
    "layer_suggestions": ("Aanbevolen verbindingen", "Suggested links"),
    "layer_ghosts": ("Ontbrekende partijen", "Missing parties"),
    "legend": ("Legenda", "Legend"),
    "legend_colour": ("Kleur = domein", "Colour = domain"),
    "legend_shape": ("Vorm = soort actor", "Shape = kind of actor"),
    "legend_size": ("Grootte", "Size"),
    "legend_size_score": ("Groter = belangrijker sleutelfiguur (score)",
                          "Bigger = more of a key figure (score)"),
    "legend_size_degree": ("Groter = meer samenwerkingspartners",
                           "Bigger = more partners"),
    "legend_lines": ("Lijnen", "Lines"),
    "legend_strength_title": ("Samenwerking; dikker = dieper:",
                              "Collaboration; thicker = deeper:"),
    "legend_meeting": ("Zitten samen in een overleg (gestippeld)",
                       "Sit together in a meeting (dashed)"),
    "legend_suggestion": ("Aanbevolen verbinding (stippellijn, oranje)",
                          "Suggested link (dotted, orange)"),
    "legend_ghost": ("Ontbrekende partij volgens het referentiemodel",
                     "Missing party according to the reference model"),
    "legend_group": ("Groep: wijk of gemeenschap; klik om de actoren te zien",
                     "Group: wijk or community; click to see its actors"),
    "unknown_domain": ("onbekend", "unknown"),
    "unknown_type": ("overig", "other"),
    "filters": ("Filters", "Filters"),
    "filter_domain": ("Domein", "Domain"),
    "filter_wijk": ("Wijk", "Wijk (neighbourhood)"),
    "filter_theme": ("Thema", "Theme"),
    "filter_type": ("Soort actor", "Kind of actor"),
    "filter_meeting": ("Overleg", "Meeting"),
    "clear_filters": ("Filters wissen", "Clear filters"),
    "list": ("Wie is wie", "Who is who"),
    "list_filter": ("Filter de lijst…", "Filter the list…"),
    "col_name": ("Naam", "Name"),
    "col_domain": ("Domein", "Domain"),
    "col_type": ("Soort", "Kind"),
    "col_score": ("Score", "Score"),
    "col_degree": ("Partners", "Partners"),
    "list_more": ("en nog {n}; verfijn met filters of zoeken",
                  "and {n} more; narrow down with filters or search"),
    "panel_empty": ("Klik op een actor om zijn partners en gegevens te zien.",
                    "Click an actor to see its partners and details."),
    "close": ("Sluiten", "Close"),
    "f_type": ("Soort", "Kind"),
    "f_domain": ("Domein", "Domain"),
    "f_role": ("Rol", "Role"),
    "f_wijk": ("Wijken", "Wijken"),
    "f_themes": ("Thema's", "Themes"),
    "f_meetings": ("Overleggen", "Meetings"),
    "f_description": ("Omschrijving", "Description"),
    "f_partners": ("Partners", "Partners"),
    "f_why": ("Waarom een sleutelfiguur", "Why a key figure"),
    "f_score": ("Sleutelfiguurscore", "Key-figure score"),
    "f_rank": ("Plaats", "Rank"),
    "f_suggestions": ("Aanbevolen verbindingen", "Suggested links"),
    "f_status": ("Status", "Status"),
    "f_reason": ("Waarom", "Why"),
    "f_actors": ("Actoren", "Actors"),
    "strength": ("sterkte", "strength"),
    "shared_meetings": ("gedeeld overleg", "shared meeting"),
    "suggested": ("aanbevolen", "suggested"),
    "ghost": ("ontbreekt", "missing"),
    "overview": ("Overzicht", "Overview"),
    "overview_note": ("Groot netwerk: het overzicht toont wijken of gemeenschappen. Klik op "
                      "een groep om de actoren te zien.",
                      "Large network: the overview shows wijken or communities. Click a "
                      "group to see its actors."),
    "show_all": ("Alle actoren tonen (traag)", "Show all actors (slow)"),
    "back": ("← Terug naar het overzicht", "← Back to the overview"),
    "group_actors": ("{n} actoren", "{n} actors"),
    "group_ties": ("{n} samenwerkingen", "{n} ties"),
    "no_wijk": ("(geen wijk)", "(no wijk)"),
    "community": ("Gemeenschap {n}", "Community {n}"),
    "no_ties_group": ("Zonder samenwerking", "Without ties"),
    "shown": ("{n} van {total} actoren getoond", "{n} of {total} actors shown"),
    "none": ("—", "—"),
    "png_name": ("kaart.png", "map.png"),
    "noscript": ("Deze kaart heeft JavaScript nodig.", "This map needs JavaScript."),
}


def _t(key: str, lang: str, **params: Any) -> str:
    nl, en = STRINGS[key]
    text = en if lang == "en" else nl
    return text.format(**params) if params else text


@dataclass(frozen=True)
class MapDocument:
    """A rendered map: the HTML page, ready to write or to show in a notebook.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from wijkgraph.sources.bundled import load_dataset
    >>> doc = render_map(load_dataset("utrecht-oost"), lang="en")
    >>> path = doc.write(pathlib.Path(tempfile.mkdtemp()) / "map.html")
    >>> path.read_bytes() == doc.html.encode("utf-8")
    True
    >>> doc._repr_html_().startswith("<iframe")
    True
    """

    html: str
    title: str
    n_actors: int
    lang: str = "nl"

    def write(self, path: str | Path) -> Path:
        """Write the page to `path` (UTF-8, atomically) and return the path."""
        path = Path(path)
        atomic_write(path, self.html)
        return path

    def _repr_html_(self) -> str:
        """An iframe holding the page (``srcdoc``), for Jupyter; writes no file."""
        title = html_lib.escape(self.title, quote=True)
        doc = html_lib.escape(self.html, quote=True)
        return (f'<iframe title="{title}" srcdoc="{doc}" style="width:100%;height:680px;'
                'border:1px solid #ccc" sandbox="allow-scripts allow-downloads allow-modals" '
                'allowfullscreen></iframe>')

    def __len__(self) -> int:
        return len(self.html)


# --- static assets -----------------------------------------------------------------------


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    """vis-network's JS (with its licence header) and CSS, from the installed pyvis."""
    folder = resources.files("pyvis") / "lib" / f"vis-{VIS_VERSION}"
    js = (folder / "vis-network.min.js").read_text(encoding="utf-8")
    css = (folder / "vis-network.css").read_text(encoding="utf-8")
    js = re.sub(r"\n//# sourceMappingURL=\S+\s*$", "\n", js)  # devtools would fetch it
    return _script_safe(js), _style_safe(css)


@lru_cache(maxsize=1)
def _own_assets() -> tuple[str, str]:
    folder = resources.files("wijkgraph.render") / "templates"
    js = (folder / "map.js").read_text(encoding="utf-8")
    css = (folder / "map.css").read_text(encoding="utf-8")
    return _script_safe(js), _style_safe(css)


def _script_safe(code: str) -> str:
    # "</script" cannot occur in code we inline (it would end the element early); inside a
    # JS string or regex "<\/" means the same thing.
    return re.sub(r"</(script)", r"<\\/\1", code, flags=re.IGNORECASE)


def _style_safe(code: str) -> str:
    return re.sub(r"</(style)", r"<\\/\1", code, flags=re.IGNORECASE)


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("wijkgraph.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


# --- data ------------------------------------------------------------------------------


def _sort_key(node: Hashable) -> str:
    return str(node)


def _section(analysis: Any, name: str) -> Any:
    """An analysis section, or None when there is no analysis or no such section."""
    if analysis is None:
        return None
    sections = getattr(analysis, "sections", None)
    if isinstance(sections, Mapping):
        return sections.get(name)
    return getattr(analysis, name, None)


def _ranks(network: WijkNetwork, analysis: Any) -> dict[str, int]:
    """The key-figure rank per actor, when the section gives one."""
    kf = _section(analysis, "key_figures")
    scores = getattr(kf, "scores", None) if kf is not None else None
    if scores is None or "rank" not in getattr(scores, "columns", ()):
        return {}
    return {str(a): int(r) for a, r in scores["rank"].items()
            if str(a) in network.graph and r == r}


def _scores(network: WijkNetwork, analysis: Any) -> tuple[dict[str, float], bool]:
    """Key-figure score per actor (True) or, without that section, the degree (False)."""
    kf = _section(analysis, "key_figures")
    scores = getattr(kf, "scores", None) if kf is not None else None
    if scores is not None and "score" in getattr(scores, "columns", ()):
        frame = scores
        if "actor" in frame.columns:
            series = frame.set_index("actor")["score"]
        elif "id" in frame.columns:
            series = frame.set_index("id")["score"]
        else:
            series = frame["score"]
        out = {}
        for actor, value in series.items():
            if actor in network.graph and value == value:  # skip NaN
                out[str(actor)] = float(value)
        return {n: out.get(n, 0.0) for n in network.graph.nodes}, True
    return {n: float(d) for n, d in network.graph.degree()}, False


def _reasons(analysis: Any, actors: Sequence[str], lang: str) -> dict[str, str]:
    kf = _section(analysis, "key_figures")
    if kf is None or not hasattr(kf, "reasons"):
        return {}
    out = {}
    for actor in actors:
        value = kf.reasons(actor, lang)
        if isinstance(value, list | tuple):
            value = "\n".join(str(v) for v in value if str(v))
        if value:
            out[actor] = str(value)
    return out


def _frame(analysis: Any, name: str, lang: str) -> Any:
    section = _section(analysis, name)
    if section is None or not hasattr(section, "to_frame"):
        return None
    try:
        return section.to_frame(lang=lang)
    except TypeError:  # a section whose to_frame takes no language
        return section.to_frame()


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value != value:
        return ""
    if isinstance(value, list | tuple | set | frozenset):
        return "; ".join(_text(v) for v in value if _text(v))
    return str(value)


def _lines(value: Any) -> str:
    """Reasons as lines: a list becomes one line each; "a; b" text is split at "; "."""
    listed = isinstance(value, list | tuple)
    parts = [_text(v) for v in value] if listed else _text(value).split("; ")
    return "\n".join(p.strip() for p in parts if p and p.strip())


#: Statuses of `missing_parties` rows drawn as ghost nodes (nobody plays the role).
GHOST_STATUSES = {"absent", "missing", "ontbreekt"}
#: Names of the kinds of suggested links (missing_links), nl and en.
LINK_KINDS = {"triad": ("Driehoek", "triad"), "expected": ("verwacht", "expected"),
              "predicted": ("voorspeld", "predicted")}


class _Interner:
    """Strings to small integers, in first-seen order (the page looks them up)."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def __call__(self, value: str) -> int:
        if value not in self.index:
            self.index[value] = len(self.index)
        return self.index[value]

    @property
    def values(self) -> list[str]:
        return list(self.index)


def _membership(analysis: Any) -> dict[str, int] | None:
    """Actor id -> community number of the analysis' ``communities`` section, if any."""
    section = _section(analysis, "communities")
    membership = getattr(section, "membership", None)
    if not isinstance(membership, Mapping) or not membership:
        return None
    return {str(k): int(v) for k, v in membership.items()}


def _analysis_communities(network: WijkNetwork, membership: Mapping[str, int], lang: str
                          ) -> dict[str, str]:
    """One overview group per community of the analysis, named by its number there.

    Communities of one actor (actors without ties) share one group.
    """
    graph = network.graph
    sizes = Counter(membership[str(n)] for n in graph.nodes)
    width = len(str(max(sizes, default=1)))
    alone = _t("no_ties_group", lang)
    return {n: alone if sizes[membership[str(n)]] == 1 else
            _t("community", lang, n=str(membership[str(n)]).zfill(width))
            for n in sorted(graph.nodes, key=_sort_key)}


def _groups(network: WijkNetwork, lang: str, seed: int, limit: int,
            membership: Mapping[str, int] | None = None) -> tuple[dict[str, str], str]:
    """Group of every actor for the overview: its first wijk, split when too big.

    A wijk with more than `limit` actors is split into its communities, packed into parts
    of at most `limit` actors: "Leidsche Rijn (2)". Without wijken the whole network is
    split that way ("Gemeenschap 2").

    With `membership` (the analysis' communities, covering every actor) those
    communities are used instead of a Louvain run of the map's own, so the map and the
    report agree: without wijken each community is one group, named by its number in the
    analysis ("Gemeenschap 03"; actors without ties together); a wijk that is too big is
    split along them.
    """
    graph = network.graph
    if membership is not None and any(str(n) not in membership for n in graph.nodes):
        membership = None  # not this network's analysis: fall back to our own Louvain
    no_wijk = _t("no_wijk", lang)
    by_wijk = {n: (d.get("wijk") or (no_wijk,))[0] for n, d in graph.nodes(data=True)}
    kind = "wijk"
    if len(set(by_wijk.values())) < 2:
        if membership is not None:
            return _analysis_communities(network, membership, lang), "community"
        by_wijk = {n: "" for n in graph.nodes}
        kind = "community"
    members: dict[str, list[Hashable]] = defaultdict(list)
    for n, w in by_wijk.items():
        members[w].append(n)
    out: dict[str, str] = {}
    for wijk in sorted(members):
        nodes = members[wijk]
        if len(nodes) <= limit and wijk:
            out.update({n: wijk for n in nodes})
            continue
        if membership is not None:
            comm = {n: membership[str(n)] for n in sorted(nodes, key=_sort_key)}
        else:
            comm = communities(graph.subgraph(nodes), seed=seed)
        sizes = Counter(comm.values())
        bins: list[list[int]] = []  # first-fit decreasing; communities come biggest first
        load: list[int] = []
        where: dict[int, int] = {}
        for c in sorted(sizes, key=lambda c: (-sizes[c], c)):
            for b, used in enumerate(load):
                if used + sizes[c] <= limit:
                    bins[b].append(c)
                    load[b] += sizes[c]
                    where[c] = b
                    break
            else:
                bins.append([c])
                load.append(sizes[c])
                where[c] = len(bins) - 1
        width = len(str(len(bins)))
        for n, c in comm.items():
            number = str(where[c] + 1).zfill(width)
            out[n] = (f"{wijk} ({number})" if wijk and len(bins) > 1 else wijk) or \
                _t("community", lang, n=number)
    return out, kind


def build_map_data(network: WijkNetwork, analysis: Any = None, *, lang: str = "nl",
                   seed: int = 0, ghosts: bool = False,
                   overview_limit: int = OVERVIEW_LIMIT) -> dict[str, Any]:
    """The JSON payload of the map page: actors, ties, layers, lookup tables, strings.

    Actors and ties are stored as arrays (columns listed in the payload) with small
    integers pointing into lookup tables, which keeps a 30,000-actor map a few megabytes.
    The private ``contact`` attribute is never read.

    Parameters
    ----------
    network : WijkNetwork
        Read only.
    analysis : Analysis, optional
        Uses the ``key_figures`` (size, reasons), ``missing_links`` (suggested links),
        ``missing_parties`` (ghost nodes) and ``communities`` (the overview's groups of a
        large map, instead of a Louvain run of its own) sections when they are there.
    lang : {"nl", "en"}
    seed : int, default 0
        Seed of the layout.
    ghosts : bool, default False
        Show the missing reference roles as ghost nodes when the page opens (they are in
        the page whenever the analysis has them, behind a layer toggle).
    overview_limit : int
        Above this many actors the page opens on an overview of groups.

    Returns
    -------
    dict

    Examples
    --------
    >>> import pandas as pd
    >>> from wijkgraph.model.tables import tables_from_frames
    >>> from wijkgraph.model.network import build_network
    >>> actors = pd.DataFrame({"name": ["A", "B", "C"], "domain": ["zorg", "welzijn", "zorg"],
    ...                        "contact": ["a@x.nl", "", ""]})
    >>> relations = pd.DataFrame({"source": ["A", "B"], "target": ["B", "C"], "strength": [4, 1]})
    >>> data = build_map_data(build_network(tables_from_frames(actors, relations)))
    >>> [row[1] for row in data["actors"]], [e[2] for e in data["edges"]]
    (['A', 'B', 'C'], [4, 1])
    >>> "a@x.nl" in str(data)
    False
    """
    graph = network.graph
    ids = sorted(graph.nodes, key=_sort_key)
    index = {node: i for i, node in enumerate(ids)}
    n = len(ids)
    scores, is_score = _scores(network, analysis)
    top = max(scores.values(), default=0.0)
    ranking = sorted(ids, key=lambda a: (-scores[a], _sort_key(a)))
    rank = ({a: r + 1 for r, a in enumerate(ranking)} | _ranks(network, analysis)) if is_score else {}
    reasons = _reasons(analysis, ranking[:100], lang) if is_score else {}

    # layout
    large = n > overview_limit
    group_of: dict[str, str] = {}
    group_kind = ""
    group_rows: list[list[Any]] = []
    if large:
        group_of, group_kind = _groups(network, lang, seed, overview_limit,
                                       _membership(analysis))
        lay = grouped_layout(graph, group_of, seed=seed)
        positions = lay.positions
        group_names = sorted(lay.centres)
        group_index = {g: i for i, g in enumerate(group_names)}
        group_counts = Counter(group_of.values())
        for g in group_names:
            x, y = lay.centres[g]
            group_rows.append([g, x, y, lay.radii[g], group_counts[g]])
    else:
        positions = layout_positions(graph, seed=seed)
        group_index = {}

    domains, types, wijken, themes = _Interner(), _Interner(), _Interner(), _Interner()
    meeting_table = network.meetings
    meeting_ids = sorted(str(m) for m in meeting_table["id"]) if len(meeting_table) else []
    meeting_index = {m: i for i, m in enumerate(meeting_ids)}
    meeting_rows_by_id = {str(r["id"]): r for r in meeting_table.to_dict("records")}

    actors = []
    for a in ids:
        d = graph.nodes[a]
        score = scores[a]
        size = MIN_SIZE + (MAX_SIZE - MIN_SIZE) * math.sqrt(score / top) if top > 0 else MIN_SIZE
        actors.append([
            str(a),
            _text(d.get("name", a)),
            types(_text(d.get("type", ""))),
            domains(_text(d.get("domain", ""))),
            _text(d.get("role", "")),
            [wijken(_text(w)) for w in d.get("wijk", ()) if _text(w)],
            [themes(_text(t)) for t in d.get("themes", ()) if _text(t)],
            sorted(meeting_index[str(m)] for m in set(d.get("meetings", ()))
                   if str(m) in meeting_index),
            _text(d.get("description", "")),
            positions[a][0],
            positions[a][1],
            round(size, 1),
            round(score, 4),
            group_index.get(group_of.get(a, ""), -1) if large else -1,
            rank.get(a, 0),
            reasons.get(a, ""),
        ])

    # declared ties
    labels = _Interner()
    edges = []
    for a, b, d in sorted(((min(index[u], index[v]), max(index[u], index[v]), d)
                           for u, v, d in graph.edges(data=True)), key=lambda e: (e[0], e[1])):
        w = int(d.get("weight", 1) or 1)
        w = min(max(w, 1), 4)
        parts = [", ".join(d.get("kinds", ()))]
        if d.get("channels"):
            parts.append("(" + ", ".join(d["channels"]) + ")")
        if d.get("themes"):
            parts.append("· " + ", ".join(d["themes"]))
        if d.get("directions"):
            arrows = [f"{network.label(s)} → {network.label(t)}" for s, t in d["directions"]]
            parts.append("· " + "; ".join(arrows))
        label = " ".join(p for p in parts if p)
        edges.append([a, b, w, labels(label), 1 if d.get("explicit", True) else 0])

    # co-participation ties (shared meetings), only where no declared tie exists
    # (the same pairs as network.meeting_graph(), without building a networkx graph)
    shared: dict[tuple[int, int], list[str]] = defaultdict(list)
    for u, v, meeting in network.co_participation:
        iu, iv = index[u], index[v]
        shared[(iu, iv) if iu < iv else (iv, iu)].append(meeting)
    declared = {(e[0], e[1]) for e in edges}
    meeting_edges = []
    for (a, b), ms in shared.items():
        if (a, b) in declared:
            continue
        known = sorted({meeting_index[m] for m in ms if m in meeting_index})
        meeting_edges.append([a, b, len(set(ms)), known[:5]])
    meeting_edges.sort()
    meeting_edges_total = len(meeting_edges)
    if meeting_edges_total > MAX_MEETING_EDGES:
        # Keep the ties that share most meetings (a deterministic choice), say so in the page.
        meeting_edges = sorted(sorted(meeting_edges, key=lambda e: (-e[2], e[0], e[1]))
                               [:MAX_MEETING_EDGES])

    # suggested links
    suggestions = []
    frame = _frame(analysis, "missing_links", lang)
    if frame is not None and len(frame):
        for row in frame.to_dict("records"):
            s, t = str(row.get("source", "")), str(row.get("target", ""))
            if s in index and t in index and s != t:
                a, b = sorted((index[s], index[t]))
                score = row.get("score", 0.0)
                score = round(float(score), 4) if score == score and score is not None else 0.0
                kind = _text(row.get("kind", ""))
                kind = LINK_KINDS.get(kind, (kind, kind))[1 if lang == "en" else 0]
                context = _text(row.get("context", ""))
                reasons_text = _lines(row.get("reasons", ""))
                if context:
                    kind = f"{kind}: {context}" if kind else context
                suggestions.append([a, b, score, kind, reasons_text])
        suggestions.sort(key=lambda r: (r[0], r[1], -r[2], r[3]))

    # ghost nodes: missing parties from the reference model
    ghost_rows = []
    missing = _frame(analysis, "missing_parties", lang)
    if missing is not None and len(missing):
        ghost_rows = _ghosts(missing, positions, actors, domains, wijken, lang)

    title = _title(network, lang)
    domain_list = [[name, palette.domain_colour(name),
                    palette.domain_name(name, lang) if name else _t("unknown_domain", lang)]
                   for name in domains.values]
    type_list = [[name, palette.type_shape(name),
                  palette.type_name(name, lang) if name else _t("unknown_type", lang)]
                 for name in types.values]
    meetings_list = []
    for m in meeting_ids:
        row = meeting_rows_by_id[m]
        meetings_list.append([m, _text(row.get("name", m)), _text(row.get("theme", ())),
                              _text(row.get("wijk", ())), _text(row.get("description", ""))])
    return {
        "version": 1,
        "lang": lang,
        "title": title,
        "strings": {k: STRINGS[k][1 if lang == "en" else 0] for k in STRINGS},
        "actor_columns": ["id", "name", "type", "domain", "role", "wijk", "themes", "meetings",
                          "description", "x", "y", "size", "score", "group", "rank", "why"],
        "actors": actors,
        "edge_columns": ["a", "b", "strength", "label", "explicit"],
        "edges": edges,
        "edge_labels": labels.values,
        "meeting_edge_columns": ["a", "b", "shared", "meetings"],
        "meeting_edges": meeting_edges,
        "meeting_edges_total": meeting_edges_total,
        "suggestion_columns": ["a", "b", "score", "kind", "reasons"],
        "suggestions": suggestions,
        "ghost_columns": ["label", "domain", "wijk", "status", "reason", "x", "y", "role"],
        "ghosts": ghost_rows,
        "ghosts_on": bool(ghosts),
        "domains": domain_list,
        "types": type_list,
        "wijken": wijken.values,
        "themes": themes.values,
        "meetings": meetings_list,
        "groups": group_rows,
        "group_kind": group_kind,
        "is_score": is_score,
        "large": large,
        "overview_limit": overview_limit,
        "hide_edges": n > HIDE_EDGES_LIMIT,
        "strength_names": {str(k): (STRENGTH_NAMES_EN if lang == "en" else STRENGTH_NAMES)[k]
                           for k in STRENGTH_NAMES},
        "edge_widths": {str(k): v for k, v in EDGE_WIDTHS.items()},
        "colours": {"edge": palette.EDGE_COLOUR, "meeting": palette.MEETING_EDGE_COLOUR,
                    "suggestion": palette.SUGGESTION_COLOUR, "faded": palette.FADED_COLOUR,
                    "highlight": palette.HIGHLIGHT_COLOUR, "ghost": palette.GHOST_COLOUR,
                    "unknown": palette.UNKNOWN_COLOUR},
    }


def _ghosts(missing: Any, positions: Mapping[Hashable, tuple[int, int]], actors: list[list[Any]],
            domains: _Interner, wijken: _Interner, lang: str) -> list[list[Any]]:
    """Ghost rows placed on a ring outside the map, near actors of their domain."""
    rows = [r for r in missing.to_dict("records")
            if _text(r.get("status", "")).strip().lower() in GHOST_STATUSES]
    if not rows:
        return []
    xs = [p[0] for p in positions.values()] or [0]
    ys = [p[1] for p in positions.values()] or [0]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    radius = math.hypot(max(xs) - min(xs), max(ys) - min(ys)) / 2 + 120  # outside every actor
    # angle of each domain: mean direction of its actors from the centre
    sums: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for row in actors:
        s = sums[row[3]]
        s[0] += row[9] - cx
        s[1] += row[10] - cy
    out = []
    used: Counter[float] = Counter()
    for i, r in enumerate(sorted(rows, key=lambda r: (_text(r.get("domain")), _text(r.get("role")),
                                                       _text(r.get("label"))))):
        domain = _text(r.get("domain", ""))
        d = domains(domain)
        vx, vy = sums.get(d, [0.0, 0.0])
        angle = math.atan2(vy, vx) if (vx or vy) else (i * 2.399963)  # golden angle
        angle = round(angle, 3)
        angle += used[angle] * 0.12
        used[round(math.atan2(vy, vx), 3) if (vx or vy) else angle] += 1
        x = int(round(cx + radius * math.cos(angle)))
        y = int(round(cy + radius * math.sin(angle)))
        wijk = _text(r.get("wijk", ""))
        status = _text(r.get("status_label", "")) or _text(r.get("status", ""))
        why = "\n".join(t for t in (_text(r.get("reason", "")), _text(r.get("why", ""))) if t)
        out.append([_text(r.get("label", "")) or _text(r.get("role", "")), d, wijk, status, why,
                    x, y, _text(r.get("role", ""))])
    return out


def _title(network: WijkNetwork, lang: str) -> str:
    meta = network.meta
    title = meta.get("title_en" if lang == "en" else "title_nl") or meta.get("name") or ""
    wijk = meta.get("wijk")
    if wijk:
        title = f"{title} · {wijk}" if title else str(wijk)
    return str(title) or _t("title", lang)


def _legend(data: dict[str, Any], lang: str) -> dict[str, Any]:
    actors = data["actors"]
    domain_counts = Counter(r[3] for r in actors)
    type_counts = Counter(r[2] for r in actors)
    domains = [{"index": i, "name": d[2], "colour": d[1], "count": domain_counts.get(i, 0)}
               for i, d in enumerate(data["domains"]) if domain_counts.get(i, 0)]
    domains.sort(key=lambda d: (-d["count"], d["name"]))
    shapes: dict[str, list[str]] = defaultdict(list)
    for i, t in enumerate(data["types"]):
        if type_counts.get(i, 0):
            shapes[t[1]].append(t[2])
    type_rows = [{"shape": shape, "names": ", ".join(sorted(names))}
                 for shape, names in sorted(shapes.items(), key=lambda kv: sorted(kv[1])[0])]
    return {"domains": domains, "types": type_rows}


def _facets(data: dict[str, Any]) -> list[dict[str, Any]]:
    actors = data["actors"]
    count: dict[str, Counter[int]] = {k: Counter() for k in
                                      ("domain", "type", "wijk", "theme", "meeting")}
    for r in actors:
        count["type"][r[2]] += 1
        count["domain"][r[3]] += 1
        count["wijk"].update(r[5])
        count["theme"].update(r[6])
        count["meeting"].update(r[7])
    lookups = {
        "domain": [d[2] for d in data["domains"]],
        "type": [t[2] for t in data["types"]],
        "wijk": data["wijken"],
        "theme": data["themes"],
        "meeting": [m[1] for m in data["meetings"]],
    }
    facets = []
    for key in ("domain", "wijk", "theme", "type", "meeting"):
        options = [{"index": i, "name": name, "count": count[key].get(i, 0)}
                   for i, name in enumerate(lookups[key]) if count[key].get(i, 0)]
        options.sort(key=lambda o: (o["name"].casefold(), o["index"]))
        if key == "domain":
            for o in options:
                o["colour"] = data["domains"][o["index"]][1]
        if options:
            facets.append({"key": key, "options": options})
    return facets


def render_map(network: WijkNetwork, analysis: Any = None, *, lang: str = "nl", seed: int = 0,
               ghosts: bool = False, title: str | None = None,
               overview_limit: int = OVERVIEW_LIMIT) -> MapDocument:
    """The interactive map of `network` as one self-contained, offline HTML page.

    What it means for a wijk: the page a room looks at together. Colour is the domain,
    shape the kind of actor, size how much of a key figure it is; click an actor to see
    its partners; turn on the layer of suggested links and missing parties to see who is
    not at the table yet.

    Parameters
    ----------
    network : WijkNetwork
        Read only: the graphs are never modified.
    analysis : Analysis, optional
        Result of `wijkgraph.analysis.run`; its ``key_figures``, ``missing_links``,
        ``missing_parties`` and ``communities`` sections are used when present (the
        overview of a large map groups by the analysis' communities). Without it, size is the
        number of partners and there are no suggestions.
    lang : {"nl", "en"}, default "nl"
        Language of every word on the page that is not data.
    seed : int, default 0
        Seed of the layout; same input and seed give a byte-identical page.
    ghosts : bool, default False
        Show the missing reference roles (``missing_parties``) as ghost nodes when the page
        opens; without it they are one toggle away.
    title : str, optional
        Page title; default the dataset's title.
    overview_limit : int, default 3000
        Above this many actors the map opens on an overview of wijken or communities.

    Returns
    -------
    MapDocument
        ``.html``, ``.write(path)``; shows itself inline in Jupyter.

    Notes
    -----
    The page loads nothing: vis-network is inlined from the installed pyvis package and
    a Content-Security-Policy forbids any request. All data is shown as text.

    Examples
    --------
    >>> import pandas as pd
    >>> from wijkgraph.model.tables import tables_from_frames
    >>> from wijkgraph.model.network import build_network
    >>> actors = pd.DataFrame({"name": ["<b>A</b>", "B"], "domain": ["zorg", "welzijn"]})
    >>> relations = pd.DataFrame({"source": ["<b>A</b>"], "target": ["B"]})
    >>> doc = render_map(build_network(tables_from_frames(actors, relations)))
    >>> "<b>A</b>" in doc.html, r"\\u003cb\\u003eA\\u003c/b\\u003e" in doc.html
    (False, True)
    """
    if lang not in ("nl", "en"):
        raise ValueError(f"lang must be 'nl' or 'en', not {lang!r}")
    data = build_map_data(network, analysis, lang=lang, seed=seed, ghosts=ghosts,
                          overview_limit=overview_limit)
    if title:
        data["title"] = str(title)
    vis_js, vis_css = _vis_assets()
    own_js, own_css = _own_assets()
    n_meeting_actors = len(network.meetings)
    template = _environment().get_template("map.html.j2")
    page = template.render(
        lang=lang,
        s={k: _t(k, lang) for k in STRINGS if "{" not in STRINGS[k][0]},
        title=data["title"],
        subtitle=_t("subtitle", lang, actors=f"{len(data['actors']):,}".replace(",", "."),
                    ties=f"{len(data['edges']):,}".replace(",", "."),
                    meetings=n_meeting_actors),
        csp=CSP,
        data=data,
        legend=_legend(data, lang),
        facets=_facets(data),
        strength_rows=[{"strength": k, "name": STRENGTH_NAMES_EN[k] if lang == "en"
                        else STRENGTH_NAMES[k], "width": EDGE_WIDTHS[k]}
                       for k in sorted(EDGE_WIDTHS)],
        colours=data["colours"],
        vis_js=jinja2.utils.markupsafe.Markup(vis_js),
        vis_css=jinja2.utils.markupsafe.Markup(vis_css),
        own_js=jinja2.utils.markupsafe.Markup(own_js),
        own_css=jinja2.utils.markupsafe.Markup(own_css),
        has_meeting_edges=bool(data["meeting_edges"]),
        has_suggestions=bool(data["suggestions"]),
        has_ghosts=bool(data["ghosts"]),
        facet_titles={"domain": _t("filter_domain", lang), "wijk": _t("filter_wijk", lang),
                      "theme": _t("filter_theme", lang), "type": _t("filter_type", lang),
                      "meeting": _t("filter_meeting", lang)},
    )
    return MapDocument(html=page, title=data["title"], n_actors=len(data["actors"]), lang=lang)


def is_map_file(path: str | Path) -> bool:
    """True when `path` is a map wijkgraph wrote (so it may be replaced without --force)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    return b'<meta name="generator" content="wijkgraph">' in head


def write_map(network: WijkNetwork, analysis: Any, folder: Path, lang: str) -> Path:
    """Writer for `wijkgraph.render.outputs.WRITERS`: ``map.html`` in `folder`.

    Missing parties and suggested links are in the page behind their layer toggles.
    """
    seed = int(getattr(analysis, "meta", {}).get("seed", 0) or 0) if analysis is not None else 0
    return render_map(network, analysis, lang=lang, seed=seed).write(
        Path(folder) / "map.html")
