"""The data of the interactive map: actors, ties, layers and lookup tables, as compact JSON.

`build_map_data` gives what `wijkgraph.render.map.render_map` puts into the page's JSON
block: actors and ties as arrays of small integers pointing into lookup tables (a
30,000-actor map stays a few megabytes), positions from `wijkgraph.render.layout`, the
suggested links and missing parties of the analysis, and every word the page's script
shows (`STRINGS`, through the catalogue).

Everything is read from the typed `Analysis` (``key_figures``, ``missing_links``,
``missing_parties``, ``communities``); without an analysis the map shows the network alone.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from itertools import repeat
from typing import TYPE_CHECKING, Any

import numpy as np

from wijkgraph.i18n import N_, NP_, check_lang, translator
from wijkgraph.model.network import WijkNetwork
from wijkgraph.model.schema import STRENGTH_NAMES_EN, strength_label
from wijkgraph.render import palette
from wijkgraph.render.ghosts import place_ghosts
from wijkgraph.render.layout import (
    communities,
    grouped_layout,
    layout_positions,
    make_label_room,
)
from wijkgraph.render.mapactors import MAX_SIZE, MIN_SIZE, Interner, actor_rows
from wijkgraph.render.mapactors import size as _size
from wijkgraph.render.mapactors import text as _text
from wijkgraph.render.mapties import declared_ties, meeting_ties

if TYPE_CHECKING:
    from wijkgraph.analysis.run import Analysis

#: Above this many actors the map opens on an overview of groups (wijken/communities).
OVERVIEW_LIMIT = 3000
#: Above this many actors edges are hidden while dragging or zooming.
HIDE_EDGES_LIMIT = 1000
__all__ = ["MAX_SIZE", "MIN_SIZE", "build_map_data"]  # sizes: from mapactors, kept here
#: Edge width per strength (1-4).
EDGE_WIDTHS = {1: 1.0, 2: 2.0, 3: 3.5, 4: 5.5}

#: key -> English msgid: every word the page and its script show that is not data.
STRINGS: dict[str, str] = {
    "title": N_('Collaboration map'),
    "search": N_('Find an actor…'),
    "search_label": N_('Search by name'),
    "no_match": N_('No actor found'),
    "reset": N_('Reset view'),
    "fullscreen": N_('Full screen'),
    "png": N_('Save as PNG'),
    "print": N_('Print'),
    "layers": N_('Layers'),
    "layer_meetings": N_('Shared meetings'),
    "layer_suggestions": N_('Suggested links'),
    "layer_ghosts": N_('Missing parties'),
    "legend": N_('Legend'),
    "legend_colour": N_('Colour = domain'),
    "legend_shape": N_('Shape = kind of actor'),
    "legend_size": N_('Size'),
    "legend_size_score": N_('Bigger = more of a key figure (score)'),
    "legend_size_degree": N_('Bigger = more partners'),
    "legend_lines": N_('Lines'),
    "legend_strength_title": N_('Collaboration; thicker = deeper:'),
    "legend_meeting": N_('Sit together in a meeting (dashed)'),
    "legend_suggestion": N_('Suggested link (dotted, orange)'),
    "legend_ghost": N_('Missing party according to the reference model'),
    "legend_group": N_('Group: wijk or community; click to see its actors'),
    "unknown_domain": N_('unknown'),
    "unknown_type": N_('other'),
    "filters": N_('Filters'),
    "filter_domain": N_('Domain'),
    "filter_wijk": N_('Wijk (neighbourhood)'),
    "filter_theme": N_('Theme'),
    "filter_type": N_('Kind of actor'),
    "filter_meeting": N_('Meeting'),
    "clear_filters": N_('Clear filters'),
    "list": N_('Who is who'),
    "list_filter": N_('Filter the list…'),
    "col_name": N_('Name'),
    "col_domain": N_('Domain'),
    "col_type": N_('Kind'),
    "col_score": N_('Score'),
    "col_degree": N_('Partners'),
    "list_more": N_('and {n} more; narrow down with filters or search'),
    "panel_empty": N_('Click an actor to see its partners and details.'),
    "close": N_('Close'),
    "f_type": N_('Kind'),
    "f_domain": N_('Domain'),
    "f_role": N_('Role'),
    "f_wijk": N_('Wijken'),
    "f_themes": N_('Themes'),
    "f_meetings": N_('Meetings'),
    "f_description": N_('Description'),
    "f_partners": N_('Partners'),
    "f_why": N_('Why a key figure'),
    "f_score": N_('Key-figure score'),
    "f_rank": N_('Rank'),
    "f_suggestions": N_('Suggested links'),
    "f_status": N_('Status'),
    "f_reason": N_('Why'),
    "f_actors": N_('Actors'),
    "strength": N_('strength'),
    "shared_meetings": N_('shared meeting'),
    "suggested": N_('suggested'),
    "ghost": N_('missing'),
    "overview": N_('Overview'),
    "overview_note": N_(
        'Large network: the overview shows wijken or communities. Click a group to see its actors.'),
    "show_all": N_('Show all actors (slow)'),
    "back": N_('← Back to the overview'),
    "no_wijk": N_('(no wijk)'),
    "community": N_('Community {n}'),
    "no_ties_group": N_('Without ties'),
    "shown": N_('{n} of {total} actors shown'),
    "none": N_('—'),
    "png_name": N_('map.png'),
    "file_stem": N_('map'),
    "present": N_('Presentation'),
    "present_leave": N_('Leave the presentation (Esc)'),
    "present_keys": N_('← → findings · F full screen · Esc leave'),
    "finding_of": N_('Finding {i} of {n}'),
    "source_line": N_('Source: {title} · drawn with wijkgraph · {date}'),
    "svg": N_('Save as SVG'),
    "noscript": N_('This map needs JavaScript.'),
}


def word(key: str, lang: str, **params: Any) -> str:
    """The word `key` of `STRINGS` in `lang`, with `params` filled in."""
    text = translator(lang).gettext(STRINGS[key])
    return text.format(**params) if params else text


def _plurals(lang: str) -> dict[str, list[str]]:
    """Singular and plural of every counted phrase of the script (``{n}`` filled in there)."""
    t = translator(lang)
    return {"group_actors": [t.ngettext("{n} actor", "{n} actors", n) for n in (1, 2)],
            "group_ties": [t.ngettext("{n} tie", "{n} ties", n) for n in (1, 2)]}


def _number_format(lang: str) -> dict[str, str]:
    """The decimal and thousands marks of `lang`, as `Translator.number` writes them."""
    t = translator(lang)
    return {"decimal": t.decimal_point, "group": t.number(1000)[1]}



def _sort_key(node: Hashable) -> str:
    return str(node)


def _sorted_ids(nodes: Iterable[Any]) -> list[Any]:
    """`nodes` sorted by `_sort_key` (as text); names are text already, sorted as they are.

    >>> _sorted_ids([10, 9, "a"]), _sorted_ids(["b", "a"])
    ([10, 9, 'a'], ['a', 'b'])
    """
    nodes = list(nodes)
    if set(map(type, nodes)) <= {str}:
        return sorted(nodes)  # the same order, without a key per node
    return sorted(nodes, key=_sort_key)


def _scores(network: WijkNetwork, analysis: Analysis | None) -> tuple[dict[str, float], bool]:
    """Key-figure score per actor (True) or, without an analysis, the degree (False)."""
    if analysis is None:
        return {n: float(d) for n, d in network.graph.degree()}, False
    graph = network.graph
    score = analysis.key_figures.per_actor["score"]
    # read in bulk (.tolist()): iterating a Series boxes every value, 1 s at 100,000 actors
    out = {str(actor): float(value)
           for actor, value in zip(score.index.tolist(), score.tolist(), strict=True)
           if actor in graph and value == value}  # skip NaN
    return {n: out.get(n, 0.0) for n in graph.nodes}, True


def _ranks(network: WijkNetwork, analysis: Analysis) -> dict[str, int]:
    """The key-figure rank of every actor."""
    rank = analysis.key_figures.per_actor["rank"]
    return {str(a): int(r) for a, r in zip(rank.index.tolist(), rank.tolist(), strict=True)
            if str(a) in network.graph and r == r}


def _reasons(analysis: Analysis, actors: Sequence[str], lang: str) -> dict[str, str]:
    """Why each of `actors` is a key figure: one reason a line."""
    out = {}
    for actor in actors:
        text = "\n".join(r for r in analysis.key_figures.reasons(actor, lang) if r)
        if text:
            out[actor] = text
    return out


def _lines(value: Any) -> str:
    """Reasons as lines: a list becomes one line each; "a; b" text is split at "; "."""
    listed = isinstance(value, list | tuple)
    parts = [_text(v) for v in value] if listed else _text(value).split("; ")
    return "\n".join(p.strip() for p in parts if p and p.strip())


#: Names of the kinds of suggested links (missing_links), translated with context "link kind".
LINK_KINDS = {"triad": NP_("link kind", "triad"), "expected": NP_("link kind", "expected"),
              "predicted": NP_("link kind", "predicted")}


def _membership(analysis: Analysis | None) -> dict[str, int] | None:
    """Actor id -> community number of the analysis' ``communities`` section, if any."""
    if analysis is None or not analysis.communities.membership:
        return None
    return {str(k): int(v) for k, v in analysis.communities.membership.items()}


def _analysis_communities(network: WijkNetwork, membership: Mapping[str, int], lang: str
                          ) -> dict[Hashable, str]:
    """One overview group per community of the analysis, named by its number there.

    Communities of one actor (actors without ties) share one group.
    """
    graph = network.graph
    sizes = Counter(membership[str(n)] for n in graph.nodes)
    width = len(str(max(sizes, default=1)))
    alone = word("no_ties_group", lang)
    return {n: alone if sizes[membership[str(n)]] == 1 else
            word("community", lang, n=str(membership[str(n)]).zfill(width))
            for n in _sorted_ids(graph.nodes)}


def _groups(network: WijkNetwork, lang: str, seed: int, limit: int,
            membership: Mapping[str, int] | None = None) -> tuple[dict[Hashable, str], str]:
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
    no_wijk = word("no_wijk", lang)
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
    out: dict[Hashable, str] = {}
    for wijk in sorted(members):
        nodes = members[wijk]
        if len(nodes) <= limit and wijk:
            out.update({n: wijk for n in nodes})
            continue
        if membership is not None:
            comm = {n: membership[str(n)] for n in _sorted_ids(nodes)}
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
        names = {}
        for c, b in where.items():
            number = str(b + 1).zfill(width)
            names[c] = (f"{wijk} ({number})" if wijk and len(bins) > 1 else wijk) or \
                word("community", lang, n=number)
        out.update({n: names[c] for n, c in comm.items()})
    return out, kind


def build_map_data(network: WijkNetwork, analysis: Analysis | None = None, *, lang: str = "nl",
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
    t = translator(check_lang(lang))
    graph = network.graph
    ids = _sorted_ids(graph.nodes)
    index = {node: i for i, node in enumerate(ids)}
    n = len(ids)
    scores, is_score = _scores(network, analysis)
    top = max(scores.values(), default=0.0)
    rank: dict[str, int] = {}
    reasons: dict[str, str] = {}
    if analysis is not None:
        # by score, highest first, then as `ids` (sorted by `_sort_key`; a stable sort)
        score = np.array(list(map(scores.__getitem__, ids)), dtype=np.float64)
        ranking = list(map(ids.__getitem__, np.lexsort((np.arange(n), -score)).tolist()))
        rank = dict(zip(ranking, range(1, n + 1), strict=True)) | _ranks(network, analysis)
        reasons = _reasons(analysis, ranking[:100], lang)

    # layout
    large = n > overview_limit
    group_of: dict[Hashable, str] = {}
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
        positions = make_label_room(layout_positions(graph, seed=seed),
                                    _label_sizes(graph, scores, top))
        group_index = {}

    domains, types, wijken, themes = Interner(), Interner(), Interner(), Interner()
    meeting_table = network.meetings
    meeting_ids = sorted(str(m) for m in meeting_table["id"]) if len(meeting_table) else []
    meeting_index = {m: i for i, m in enumerate(meeting_ids)}
    meeting_rows_by_id = {str(r["id"]): r for r in meeting_table.to_dict("records")}

    groups = None
    if large:
        groups = list(map(group_index.get, map(group_of.get, ids, repeat("")), repeat(-1)))
    actors = actor_rows(ids, dict(graph.nodes(data=True)), positions=positions, scores=scores,
                        rank=rank, reasons=reasons, groups=groups, meeting_index=meeting_index,
                        interners=(types, domains, wijken, themes))

    # declared ties, then co-participation ties (shared meetings) where no declared tie is
    edges, edge_labels = declared_ties(network, index)
    meeting_edges, meeting_edges_total = meeting_ties(network, index, meeting_index, edges)

    # suggested links
    suggestions = _suggestions(analysis, index, lang) if analysis is not None else []

    # ghost nodes: missing parties from the reference model
    ghost_rows = []
    if analysis is not None:
        ghost_rows = place_ghosts(analysis.missing_parties.table(lang).to_dict("records"),
                                  positions, actors, domains)

    title, head = _head(network, lang)
    domain_list = [[name, palette.domain_colour(name),
                    palette.domain_name(name, lang) if name else word("unknown_domain", lang)]
                   for name in domains.values]
    type_list = [[name, palette.type_shape(name),
                  palette.type_name(name, lang) if name else word("unknown_type", lang)]
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
        "info": head,
        "strings": {k: word(k, lang) for k in STRINGS},
        "findings": _findings(network, analysis, lang, index),
        "plurals": _plurals(lang),
        "number_format": _number_format(lang),
        "actor_columns": ["id", "name", "type", "domain", "role", "wijk", "themes", "meetings",
                          "description", "x", "y", "size", "score", "group", "rank", "why"],
        "actors": actors,
        "edge_columns": ["a", "b", "strength", "label", "explicit"],
        "edges": edges,
        "edge_labels": edge_labels,
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
        "strength_names": {str(k): strength_label(k, t.lang) for k in STRENGTH_NAMES_EN},
        "edge_widths": {str(k): v for k, v in EDGE_WIDTHS.items()},
        "colours": {"edge": palette.EDGE_COLOUR, "meeting": palette.MEETING_EDGE_COLOUR,
                    "suggestion": palette.SUGGESTION_COLOUR, "faded": palette.FADED_COLOUR,
                    "highlight": palette.HIGHLIGHT_COLOUR, "ghost": palette.GHOST_COLOUR,
                    "unknown": palette.UNKNOWN_COLOUR},
    }


def _suggestions(analysis: Analysis, index: Mapping[Hashable, int], lang: str
                 ) -> list[list[Any]]:
    """The suggested links (``missing_links``) between actors of the map: a, b, score,
    kind (with its context) and the reasons, one a line."""
    t = translator(lang)
    out: list[list[Any]] = []
    for row in analysis.missing_links.table(lang).to_dict("records"):
        s, tgt = str(row["source"]), str(row["target"])
        if s not in index or tgt not in index or s == tgt:
            continue
        a, b = sorted((index[s], index[tgt]))
        score = row["score"]
        score = round(float(score), 4) if score == score and score is not None else 0.0
        kind = _text(row["kind"])
        kind = t.pgettext("link kind", LINK_KINDS[kind]) if kind in LINK_KINDS else kind
        context = _text(row["context"])
        if context:
            kind = f"{kind}: {context}" if kind else context
        out.append([a, b, score, kind, _lines(row["reasons"])])
    out.sort(key=lambda r: (r[0], r[1], -r[2], r[3]))
    return out


def _head(network: WijkNetwork, lang: str) -> tuple[str, dict[str, str]]:
    """The page's title and its area, date and organisation (and those of its exports),
    from `wijkgraph.model.info.document_info` (info sheet, dataset, area, file)."""
    from wijkgraph.model.info import document_info

    info = document_info(network, lang)
    return (info["title"] or word("title", lang),
            {k: info[k] for k in ("title", "area", "date", "organisation")})


def _findings(network: WijkNetwork, analysis: Analysis | None, lang: str,
              index: Mapping[Hashable, int]) -> list[list[Any]]:
    """The report's glance findings as ``[head, text, [actor indices]]`` (presentation mode)."""
    if analysis is None:
        return []
    from wijkgraph.render.report import key_findings  # render.report is heavier; only here

    rows: list[list[Any]] = []
    for f in key_findings(network, analysis, lang, n=5):
        rows.append([f.head, f.text, sorted(index[a] for a in f.actors if a in index)])
    return rows


def _label_sizes(graph: Any, scores: Mapping[Any, float], top: float
                 ) -> dict[Hashable, tuple[float, float, float]]:
    """node -> (radius, label width px, label height px), as the page's script sizes labels
    (map_labels.js: 12 px plus a little for bigger actors; about 0.56 em per character)."""
    out = {}
    for a in graph.nodes:
        size = _size(scores[a], top)
        px = 12 + min(size - MIN_SIZE, 32) * 0.2
        name = _text(graph.nodes[a].get("name", a))
        out[a] = (size, 0.56 * px * len(name) + 8, px * 1.25 + 4)
    return out
