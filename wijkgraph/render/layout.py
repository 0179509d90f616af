"""Seeded, deterministic node positions for the map, computed in Python with igraph.

A browser that has to work out a layout itself (vis-network physics) keeps a 500-actor map
blank for about 20 seconds; positions computed here let the map draw at once. igraph's
Fruchterman-Reingold runs in about 0.25 s at 3,000 actors and 2 s at 30,000 (DrL was
slower on the same networks: 8.6 s at 3,000, so it is not used).

* `layout_positions` lays out every connected component on its own and packs them in
  rows, biggest first, so that isolated actors do not drift off to the horizon.
* `make_label_room` moves actors apart after the force layout until their labels (of a
  known size on screen) do not overlap at the view a 1920x1080 screen gives the map.
* `grouped_layout` lays out each group (a wijk, a community) on its own and places the
  groups by a layout of the graph *between* the groups, without overlap. Large maps open
  on that overview of groups and show one group's detail at its place.

Positions are integers in vis-network canvas units (about 100 per tie), so the same input
and seed give the same numbers on every machine.

Examples
--------
>>> import networkx as nx
>>> pos = layout_positions(nx.path_graph(["a", "b", "c"]), seed=1)
>>> sorted(pos)
['a', 'b', 'c']
>>> pos == layout_positions(nx.path_graph(["a", "b", "c"]), seed=1)
True
>>> all(isinstance(v, int) for xy in pos.values() for v in xy)
True
"""

from __future__ import annotations

import contextlib
import math
import random
from collections import defaultdict
from collections.abc import Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import networkx as nx
import numpy as np

# igraph and scipy are imported where they are used: igraph imports matplotlib.pyplot, which
# `import wijkgraph.render.map` (and the CLI that imports it) should not pay for.

#: Canvas units per tie (median edge length after scaling).
EDGE_LENGTH = 110.0
#: Components up to this size are refined with Kamada-Kawai.
KAMADA_KAWAI_LIMIT = 400
#: Typical distance from an actor to its nearest neighbour (room for a label).
NEIGHBOUR_DISTANCE = 80.0
#: No two actors closer than this after spreading.
MIN_DISTANCE = 45.0
#: Gap between packed components and between groups.
GAP = 90.0

Position = tuple[int, int]


@contextlib.contextmanager
def _seeded(seed: int) -> Iterator[None]:
    """Run igraph with its own seeded random generator, restoring the previous one."""
    import igraph as ig

    rng = random.Random(seed)
    ig.set_random_number_generator(rng)
    try:
        yield
    finally:
        ig.set_random_number_generator(random)


def _component_coords(nodes: Sequence[Hashable], edges: Sequence[tuple[int, int, float]],
                      seed: int) -> np.ndarray:
    """Fruchterman-Reingold coordinates (n x 2, scaled to EDGE_LENGTH) of one component."""
    import igraph as ig
    from scipy.spatial import cKDTree

    n = len(nodes)
    if n == 1:
        return np.zeros((1, 2))
    if n == 2:
        return np.array([[0.0, 0.0], [EDGE_LENGTH, 0.0]])
    g = ig.Graph(n=n, edges=[(a, b) for a, b, _ in edges])
    weights = [w for _, _, w in edges]
    start = np.random.default_rng(seed).uniform(-1, 1, size=(n, 2)) * math.sqrt(n)
    with _seeded(seed):
        layout = g.layout_fruchterman_reingold(
            weights=weights, niter=500 if n <= 1000 else 200, seed=start.tolist(),
            grid="auto")
        if n <= KAMADA_KAWAI_LIMIT:
            # Kamada-Kawai (distances in the graph become distances on screen) spreads a
            # dense core more evenly than Fruchterman-Reingold: room for the labels.
            layout = g.layout_kamada_kawai(seed=layout.coords, maxiter=50 * n)
    coords = np.asarray(layout.coords, dtype=float)
    coords -= coords.mean(axis=0)
    scale = 1.0
    if edges:
        lengths = np.hypot(*(coords[[a for a, _, _ in edges]] - coords[[b for _, b, _ in edges]]).T)
        scale = EDGE_LENGTH / (float(np.median(lengths)) or 1.0)
    nearest, _ = cKDTree(coords).query(coords, k=2)
    median_nn = float(np.median(nearest[:, 1])) or 1.0
    scale = max(scale, NEIGHBOUR_DISTANCE / median_nn)
    return _spread(coords * scale)


def _spread(coords: np.ndarray, *, rounds: int = 30) -> np.ndarray:
    """Push apart actors closer than `MIN_DISTANCE` (a few rounds; labels need room)."""
    from scipy.spatial import cKDTree

    if len(coords) < 2 or len(coords) > 20000:
        return coords
    coords = coords.copy()
    for _ in range(rounds):
        pairs = cKDTree(coords).query_pairs(MIN_DISTANCE, output_type="ndarray")
        if not len(pairs):
            break
        delta = coords[pairs[:, 1]] - coords[pairs[:, 0]]
        dist = np.hypot(delta[:, 0], delta[:, 1])
        same = dist < 1e-9
        delta[same] = [1.0, 0.0]
        dist[same] = 1.0
        push = ((MIN_DISTANCE - dist) / 2 + 0.5)[:, None] * delta / dist[:, None]
        move = np.zeros_like(coords)
        np.add.at(move, pairs[:, 1], push)
        np.add.at(move, pairs[:, 0], -push)
        coords += move
    return coords


def _pack(boxes: Sequence[np.ndarray]) -> list[np.ndarray]:
    """Place blocks of coordinates (each centred on 0) in rows, in the given order.

    The row width is about that of a square holding all blocks, so the result is roughly
    as wide as high (a beamer is wider than high: rows are 1.6 times the square's side).
    """
    sizes = [(float(np.ptp(b[:, 0])) if len(b) else 0.0, float(np.ptp(b[:, 1])) if len(b) else 0.0)
             for b in boxes]
    area = sum((w + GAP) * (h + GAP) for w, h in sizes)
    row_width = max(max((w for w, _ in sizes), default=0.0), 1.6 * math.sqrt(area))
    placed: list[np.ndarray] = []
    x = y = row_height = 0.0
    for block, (w, h) in zip(boxes, sizes, strict=True):
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height + GAP, 0.0
        offset = np.array([x - block[:, 0].min(), y - block[:, 1].min()])
        placed.append(block + offset)
        x += w + GAP
        row_height = max(row_height, h)
    return placed


def layout_positions(graph: nx.Graph, *, seed: int = 0,
                     weight: str | None = "weight") -> dict[Hashable, Position]:
    """Seeded positions of every node of `graph`, component by component.

    Each connected component is laid out with igraph's Fruchterman-Reingold (ties pull
    harder the stronger they are), scaled so that a typical tie is `EDGE_LENGTH` long,
    and the components are packed in rows, the biggest first, isolated actors last.

    Parameters
    ----------
    graph : networkx.Graph
        Read only; never modified.
    seed : int, default 0
        The same graph and seed always give the same positions.
    weight : str or None, default "weight"
        Edge attribute used as attraction (missing values count as 1).

    Returns
    -------
    dict
        node -> (x, y) as integers, centred on (0, 0).

    Examples
    --------
    Two triangles and an isolate: three components, packed without overlap.

    >>> import networkx as nx
    >>> g = nx.Graph([(1, 2), (2, 3), (3, 1), (4, 5), (5, 6), (6, 4)])
    >>> g.add_node(7)
    >>> pos = layout_positions(g, seed=0)
    >>> len(pos), len(set(pos.values()))
    (7, 7)
    """
    nodes = sorted(graph.nodes, key=_sort_key)
    if not nodes:
        return {}
    components = sorted((sorted(c, key=_sort_key) for c in nx.connected_components(graph)),
                        key=lambda c: (-len(c), _sort_key(c[0])))
    # One pass over the edges: bucket them by component, as local index pairs.
    where: dict[Hashable, tuple[int, int]] = {}
    for ci, comp in enumerate(components):
        for i, node in enumerate(comp):
            where[node] = (ci, i)
    buckets: list[list[tuple[int, int, float]]] = [[] for _ in components]
    for a, b, w in graph.edges(data=weight, default=1):
        (ca, ia), (_, ib) = where[a], where[b]
        buckets[ca].append((min(ia, ib), max(ia, ib), float(w or 1) if weight else 1.0))
    blocks = [_component_coords(comp, sorted(edges), seed)
              for comp, edges in zip(components, buckets, strict=True)]
    # Pack non-trivial components; isolates and pairs go into a compact grid below.
    big = [(c, b) for c, b in zip(components, blocks, strict=True) if len(c) > 2]
    small = [(c, b) for c, b in zip(components, blocks, strict=True) if len(c) <= 2]
    placed = _pack([b for _, b in big]) if big else []
    coords: dict[Hashable, np.ndarray] = {}
    for (comp, _), block in zip(big, placed, strict=True):
        for node, xy in zip(comp, block, strict=True):
            coords[node] = xy
    if small:
        top = max((xy[1] for xy in coords.values()), default=-GAP) + GAP * 1.5
        width = max((xy[0] for xy in coords.values()), default=0.0)
        per_row = max(4, int(width // (EDGE_LENGTH * 2.2)) + 1)
        for i, (comp, block) in enumerate(small):
            origin = np.array([(i % per_row) * EDGE_LENGTH * 2.2, top + (i // per_row) * GAP])
            for node, xy in zip(comp, block, strict=True):
                coords[node] = origin + xy
    return _finish(coords, nodes)


def _finish(coords: Mapping[Hashable, np.ndarray], nodes: Sequence[Hashable]
            ) -> dict[Hashable, Position]:
    arr = np.array([coords[n] for n in nodes], dtype=float)
    centre = (arr.max(axis=0) + arr.min(axis=0)) / 2
    arr = np.rint(arr - centre).astype(int)
    return {node: (int(x), int(y)) for node, (x, y) in zip(nodes, arr, strict=True)}


def _sort_key(node: Hashable) -> tuple[str, str]:
    return (type(node).__name__, str(node))


@dataclass(frozen=True)
class GroupedLayout:
    """Positions of every node plus the centre and radius of every group."""

    positions: dict[Hashable, Position]
    centres: dict[str, Position]
    radii: dict[str, int]


def grouped_layout(graph: nx.Graph, groups: Mapping[Hashable, str], *, seed: int = 0,
                   weight: str | None = "weight") -> GroupedLayout:
    """Lay out each group on its own and place the groups apart, related groups closer.

    Used for large maps: the overview shows one circle per group at its centre, a group's
    detail shows its actors at their positions inside that circle.

    Parameters
    ----------
    graph : networkx.Graph
    groups : mapping
        node -> group name (every node of `graph`).
    seed : int, default 0
    weight : str or None, default "weight"

    Returns
    -------
    GroupedLayout

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.Graph([(1, 2), (2, 3), (4, 5), (5, 6), (3, 4)])
    >>> lay = grouped_layout(g, {1: "A", 2: "A", 3: "A", 4: "B", 5: "B", 6: "B"}, seed=0)
    >>> sorted(lay.centres), len(lay.positions)
    (['A', 'B'], 6)
    >>> (ax, ay), (bx, by) = lay.centres["A"], lay.centres["B"]
    >>> math.hypot(ax - bx, ay - by) >= lay.radii["A"] + lay.radii["B"]
    True
    """
    members: dict[str, list[Hashable]] = defaultdict(list)
    for node in sorted(graph.nodes, key=_sort_key):
        members[groups[node]].append(node)
    names = sorted(members)
    local: dict[str, dict[Hashable, Position]] = {}
    radius: dict[str, float] = {}
    parts = _induced_parts(graph, groups, names, weight)
    for i, name in enumerate(names):
        pos = layout_positions(parts[name], seed=seed + i, weight=weight)
        local[name] = pos
        radius[name] = max((math.hypot(x, y) for x, y in pos.values()), default=0.0) + GAP
    # Layout of the group graph: groups linked by the number of ties between them.
    between: dict[tuple[str, str], int] = defaultdict(int)
    for a, b in graph.edges:
        ga, gb = groups[a], groups[b]
        if ga != gb:
            between[(min(ga, gb), max(ga, gb))] += 1
    index = {name: i for i, name in enumerate(names)}
    if len(names) == 1:
        centres = np.zeros((1, 2))
    else:
        import igraph as ig

        edges = sorted((index[a], index[b], float(w)) for (a, b), w in between.items())
        g = ig.Graph(n=len(names), edges=[(a, b) for a, b, _ in edges])
        start = np.random.default_rng(seed).uniform(-1, 1, size=(len(names), 2))
        with _seeded(seed):
            lay = g.layout_fruchterman_reingold(
                weights=[math.log1p(w) for _, _, w in edges] or None, niter=1000,
                seed=start.tolist())
        centres = np.asarray(lay.coords, dtype=float)
        centres -= centres.mean(axis=0)
        # Spread the centres until no two group circles overlap.
        r = np.array([radius[name] for name in names])
        scale = 0.0
        for i in range(len(names)):
            d = np.hypot(*(centres[i + 1:] - centres[i]).T)
            need = (r[i + 1:] + r[i]) / np.maximum(d, 1e-9)
            if len(need):
                scale = max(scale, float(need.max()))
        centres *= scale
    positions: dict[Hashable, np.ndarray] = {}
    for name in names:
        cx, cy = centres[index[name]]
        for node, (x, y) in local[name].items():
            positions[node] = np.array([cx + x, cy + y])
    all_nodes = sorted(graph.nodes, key=_sort_key)
    final = _finish(positions, all_nodes) if all_nodes else {}
    # The shift applied by _finish, to move the centres along with the nodes.
    if all_nodes:
        first = all_nodes[0]
        shift = np.array(final[first]) - positions[first]
    else:
        shift = np.zeros(2)
    centre_pos = {name: (int(round(centres[index[name]][0] + shift[0])),
                         int(round(centres[index[name]][1] + shift[1]))) for name in names}
    return GroupedLayout(final, centre_pos, {name: int(round(radius[name])) for name in names})


def _induced_parts(graph: nx.Graph, groups: Mapping[Hashable, str], names: Sequence[str],
                   weight: str | None) -> dict[str, nx.Graph]:
    """The subgraph of every group as a plain graph (nodes and the `weight` of the ties
    inside it), in one pass over the ties: networkx's subgraph views are slow to walk."""
    parts = {name: nx.Graph() for name in names}
    for node in graph.nodes:
        parts[groups[node]].add_node(node)
    for a, b, d in graph.edges(data=True):
        group = groups[a]
        if groups[b] == group:
            if weight is not None and weight in d:
                parts[group].add_edge(a, b, **{weight: d[weight]})
            else:
                parts[group].add_edge(a, b)
    return parts


def communities(graph: nx.Graph, *, seed: int = 0, weight: str | None = "weight"
                ) -> dict[Hashable, int]:
    """Seeded Louvain communities (igraph multilevel), numbered by size then first member.

    Only used to group a large map that has no wijken to group by; the analysis of
    communities proper lives in `wijkgraph.analysis`.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.disjoint_union(nx.complete_graph(4), nx.complete_graph(3))
    >>> sorted(set(communities(g).values()))
    [0, 1]
    >>> communities(g)[0], communities(g)[6]
    (0, 1)
    """
    nodes = sorted(graph.nodes, key=_sort_key)
    if not nodes:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    edges = sorted((min(index[a], index[b]), max(index[a], index[b]),
                    float((d.get(weight, 1) if weight else 1) or 1))
                   for a, b, d in graph.edges(data=True))
    import igraph as ig

    g = ig.Graph(n=len(nodes), edges=[(a, b) for a, b, _ in edges])
    with _seeded(seed):
        membership = g.community_multilevel(weights=[w for _, _, w in edges] or None).membership
    members: dict[int, list[int]] = defaultdict(list)
    for i, c in enumerate(membership):
        members[c].append(i)
    order = sorted(members.values(), key=lambda m: (-len(m), m[0]))
    out: dict[Hashable, int] = {}
    for number, member_list in enumerate(order):
        for i in member_list:
            out[nodes[i]] = number
    return out


#: `make_label_room` works on maps up to this many actors (it compares every pair: about 0.4 s
#: at 400 actors); bigger maps are too dense for every label at the fitted view anyway.
LABEL_ROOM_LIMIT = 400
#: The part of a 1920x1080 screen the map gets next to its panels (px): labels are sized for it.
VIEW = (1290.0, 960.0)


def make_label_room(positions: Mapping[Hashable, Position],
                    labels: Mapping[Hashable, tuple[float, float, float]], *,
                    view: tuple[float, float] = VIEW, rounds: int = 80,
                    gap: float = 4.0) -> dict[Hashable, Position]:
    """Move actors apart until their labels do not overlap at the fitted view (overlap removal).

    Every actor takes a box: its shape plus its label below it. Labels keep their size on
    screen, so a box is measured in screen pixels and turned into canvas units with the scale
    at which the whole map fits `view`; that scale shrinks as the map grows, so the boxes
    are re-measured every round. Overlapping boxes are pushed apart along the axis of least
    overlap (half each), which keeps the shape of the force layout. Deterministic: no
    randomness, ties broken by the order of `positions`.

    Parameters
    ----------
    positions : mapping
        node -> (x, y) canvas units (from `layout_positions`).
    labels : mapping
        node -> (radius in canvas units, label width px, label height px).
    view : (float, float), default `VIEW`
        Screen pixels the map is fitted into.
    rounds : int, default 80
        At most this many rounds of pushing.
    gap : float, default 4.0
        Pixels kept free between two boxes.

    Returns
    -------
    dict
        node -> (x, y) as integers, centred on (0, 0).

    Examples
    --------
    Two actors 10 units apart with 100 px wide labels end up side by side, not on top.

    >>> pos = make_label_room({"a": (0, 0), "b": (10, 0)},
    ...                       {"a": (5.0, 100.0, 16.0), "b": (5.0, 100.0, 16.0)})
    >>> (ax, ay), (bx, by) = pos["a"], pos["b"]
    >>> abs(ax - bx) >= 100 or abs(ay - by) >= 16
    True
    """
    nodes = list(positions)
    n = len(nodes)
    if n < 2 or n > LABEL_ROOM_LIMIT:
        return {node: (int(x), int(y)) for node, (x, y) in positions.items()}
    xy = np.array([positions[v] for v in nodes], dtype=float)
    size = np.array([labels.get(v, (10.0, 0.0, 0.0)) for v in nodes], dtype=float)
    radius, width, height = size[:, 0], size[:, 1], size[:, 2]
    upper = np.triu(np.ones((n, n), dtype=bool), k=1)
    for _ in range(rounds):
        extent = np.ptp(xy, axis=0) + 2 * radius.max()
        scale = float(min(view[0] / max(extent[0], 1.0), view[1] / max(extent[1], 1.0), 2.0))
        half_w = np.maximum(width / 2 + gap / 2, radius * scale) / scale
        top = xy[:, 1] - radius - gap / 2 / scale
        bottom = xy[:, 1] + radius + (height + gap / 2) / scale
        ox = (np.minimum(xy[:, 0] + half_w, (xy[:, 0] + half_w)[:, None])
              - np.maximum(xy[:, 0] - half_w, (xy[:, 0] - half_w)[:, None]))
        oy = np.minimum(bottom, bottom[:, None]) - np.maximum(top, top[:, None])
        hit = (ox > 0) & (oy > 0) & upper
        if not hit.any():
            break
        i, j = np.nonzero(hit)
        move = np.zeros_like(xy)
        along_x = ox[i, j] <= oy[i, j]
        dx = np.where(xy[j, 0] >= xy[i, 0], 1.0, -1.0)
        dy = np.where(xy[j, 1] >= xy[i, 1], 1.0, -1.0)
        push = np.where(along_x, ox[i, j], oy[i, j]) / 2 + 0.5
        step = np.stack([np.where(along_x, dx * push, 0.0), np.where(along_x, 0.0, dy * push)], axis=1)
        np.add.at(move, j, step)
        np.add.at(move, i, -step)
        xy += move
    centre = (xy.max(axis=0) + xy.min(axis=0)) / 2
    xy = np.rint(xy - centre).astype(int)
    return {node: (int(x), int(y)) for node, (x, y) in zip(nodes, xy, strict=True)}
