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

from wijkgraph._components import component_labels
from wijkgraph.render._geometry import close_pairs, nearest_distances
from wijkgraph.render._ties import (  # noqa: F401 - shared_layouts, graph_ties: here too
    graph_ties,
    keep,
    recall,
    shared_layouts,
    tie_numbers,
)

# igraph is imported where it is used: `import wijkgraph.render.map` (and the CLI that
# imports it) should not pay for it. scipy.spatial only for components of over 500
# actors (`wijkgraph.render._geometry`).

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


#: Fruchterman-Reingold rounds for a component of up to 1,000 actors, and above.
ROUNDS_SMALL, ROUNDS_LARGE = 500, 200
#: Above this many actors Fruchterman-Reingold compares only nearby actors (igraph's grid;
#: its ``grid="auto"`` rule), so a round costs about actors + ties instead of actors squared.
GRID_LIMIT = 1000
#: Rounds for a component of more than 1,000 actors in `grouped_layout` (maps above the
#: overview limit): the cost is rounds x (actors + ties), and at 30,000 actors the 200
#: rounds of a single layout took 3.3 s for a picture that 60 rounds draw as well (the
#: overview shows groups; a group's detail is a few thousand actors at most).
GROUPED_ROUNDS = 60
#: In `grouped_layout` the grid (and `GROUPED_ROUNDS`) starts above this many actors: a
#: component of up to 1,000 actors compared pair by pair for 500 rounds costs 500 x n ** 2
#: (the 29 groups of about 1,000 actors of a generated city of 30,000 took 9.8 s of the
#: map's 16 s).
GROUPED_GRID_LIMIT = 300

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


def _edge_arrays(graph: nx.Graph, index: Mapping[Hashable, int], weight: str | None
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every tie once as node numbers (a <= b) and its `weight` (missing or 0: 1)."""
    a, b, data = graph_ties(graph, index)
    weights = tie_numbers(data, weight) if weight else np.ones(len(data))
    return a, b, weights


def _component_coords(n: int, a: np.ndarray, b: np.ndarray, w: np.ndarray, seed: int,
                      rounds: tuple[int, int] = (ROUNDS_SMALL, ROUNDS_LARGE),
                      grid_limit: int = GRID_LIMIT) -> np.ndarray:
    """Fruchterman-Reingold coordinates (n x 2, scaled to EDGE_LENGTH) of one component
    of `n` actors with ties ``a[k]-b[k]`` of weight ``w[k]`` (sorted by a, then b);
    `rounds` for a component of up to `grid_limit` actors, and above (on igraph's grid)."""
    if n == 1:
        return np.zeros((1, 2))
    if n == 2:
        return np.array([[0.0, 0.0], [EDGE_LENGTH, 0.0]])
    import igraph as ig

    g = ig.Graph(n=n, edges=list(zip(a.tolist(), b.tolist(), strict=True)))
    grid = n > grid_limit
    # igraph's grid is a square of side sqrt(n) around 0: actors starting outside it all
    # go into its border cells, whose pairs are all compared (about n ** 1.5 work a
    # round: 5.4 s instead of 0.7 s at 36,000 actors). So a grid layout starts inside it.
    spread = math.sqrt(n) / 2 if grid else math.sqrt(n)
    start = np.random.default_rng(seed).uniform(-1, 1, size=(n, 2)) * spread
    with _seeded(seed):
        layout = g.layout_fruchterman_reingold(
            weights=w.tolist(), niter=rounds[1] if grid else rounds[0],
            seed=start.tolist(), grid=grid)
        if n <= KAMADA_KAWAI_LIMIT:
            # Kamada-Kawai (distances in the graph become distances on screen) spreads a
            # dense core more evenly than Fruchterman-Reingold: room for the labels.
            layout = g.layout_kamada_kawai(seed=layout.coords, maxiter=50 * n)
    coords = np.asarray(layout.coords, dtype=float)
    coords -= coords.mean(axis=0)
    scale = 1.0
    if len(a):
        lengths = np.hypot(*(coords[a] - coords[b]).T)
        scale = EDGE_LENGTH / (float(np.median(lengths)) or 1.0)
    median_nn = float(np.median(nearest_distances(coords))) or 1.0
    scale = max(scale, NEIGHBOUR_DISTANCE / median_nn)
    return _spread(coords * scale)


def _spread(coords: np.ndarray, *, rounds: int = 30) -> np.ndarray:
    """Push apart actors closer than `MIN_DISTANCE` (a few rounds; labels need room)."""
    if len(coords) < 2 or len(coords) > 20000:
        return coords
    coords = coords.copy()
    for _ in range(rounds):
        pairs = close_pairs(coords, MIN_DISTANCE)
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


def _components(n: int, a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, list[np.ndarray]]:
    """(component of every node, the nodes of every component): components biggest first
    (ties: the one with the smallest node first), nodes in ascending order."""
    member = component_labels(n, a, b).astype(np.intp, copy=False)
    sizes = np.bincount(member)
    first = np.full(len(sizes), n, dtype=np.intp)
    np.minimum.at(first, member, np.arange(n))
    order = np.lexsort((first, -sizes))
    rank = np.empty(len(order), dtype=np.intp)
    rank[order] = np.arange(len(order))
    comp = rank[member]
    by_comp = np.argsort(comp, kind="stable")
    bounds = np.cumsum(np.bincount(comp, minlength=len(order)))[:-1]
    return comp, np.split(by_comp, bounds)


def _coordinates(n: int, a: np.ndarray, b: np.ndarray, w: np.ndarray, seed: int,
                 rounds: tuple[int, int] = (ROUNDS_SMALL, ROUNDS_LARGE),
                 grid_limit: int = GRID_LIMIT) -> np.ndarray:
    """Positions (n x 2 integers, centred) of nodes 0..n-1 with ties ``a-b`` (a <= b) of
    weight `w`: every component laid out on its own and packed (see `layout_positions`)."""
    comp, members = _components(n, a, b)
    sizes = np.fromiter(map(len, members), dtype=np.intp, count=len(members))
    starts = np.cumsum(sizes) - sizes
    by_comp = np.concatenate(members) if n else np.zeros(0, np.intp)  # component by component
    local = np.empty(n, dtype=np.intp)  # every node's number inside its component
    local[by_comp] = np.arange(n) - np.repeat(starts, sizes)
    edge_comp = comp[a]
    order = np.lexsort((b, a, edge_comp))
    la, lb, lw = local[a][order], local[b][order], w[order]
    bounds = np.cumsum(np.bincount(edge_comp, minlength=len(members))).tolist()
    # Pack non-trivial components; isolates and pairs go into a compact grid below.
    coords = np.zeros((n, 2))
    big = np.flatnonzero(sizes > 2).tolist()
    blocks = [_component_coords(int(sizes[k]), la[lo:hi], lb[lo:hi], lw[lo:hi], seed, rounds,
                                grid_limit)
              for k, lo, hi in zip(big, [bounds[k - 1] if k else 0 for k in big],
                                   [bounds[k] for k in big], strict=True)]
    for k, block in zip(big, _pack(blocks), strict=True):
        coords[members[k]] = block
    small = np.flatnonzero(sizes <= 2)
    if len(small):
        placed = np.concatenate([members[k] for k in big]) if big else np.zeros(0, np.intp)
        top = (float(coords[placed, 1].max()) if len(placed) else -GAP) + GAP * 1.5
        width = float(coords[placed, 0].max()) if len(placed) else 0.0
        per_row = max(4, int(width // (EDGE_LENGTH * 2.2)) + 1)
        # a grid of isolates (at their cell's origin) and pairs (the second a tie to the
        # right): what `_component_coords` gives them, moved to their cell, all at once
        i = np.arange(len(small))
        origin = np.column_stack([(i % per_row) * EDGE_LENGTH * 2.2,
                                  top + (i // per_row) * GAP])
        coords[by_comp[starts[small]]] = origin + 0.0
        two = sizes[small] == 2
        coords[by_comp[starts[small][two] + 1]] = origin[two] + [EDGE_LENGTH, 0.0]
    return _finish(coords)


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
    key = ("positions", seed, weight)
    shared: dict[Hashable, Position] | None = recall(graph, key)
    if shared is not None:
        return shared
    nodes = _sorted_nodes(graph)
    a, b, w = _edge_arrays(graph, {node: i for i, node in enumerate(nodes)}, weight)
    xy = _coordinates(len(nodes), a, b, w, seed).tolist() if nodes else []
    positions = {node: (x, y) for node, (x, y) in zip(nodes, xy, strict=True)}
    keep(graph, key, positions)
    return positions


def _reach(xy: np.ndarray) -> float:
    """The largest ``math.hypot(x, y)`` of integer points `xy` (0.0 for none): found with
    numpy, the exact squares picking the few candidates math.hypot is asked about.

    >>> _reach(np.array([[3, 4], [-6, 0], [1, 1]]))
    6.0
    """
    if not len(xy):
        return 0.0
    square = (xy.astype(np.float64) ** 2).sum(axis=1)  # exact below 2 ** 53
    near = xy[square >= square.max() * (1 - 1e-9)].tolist()
    return max(math.hypot(x, y) for x, y in near)


def _finish(coords: np.ndarray) -> np.ndarray:
    """`coords` centred on the middle of their bounding box and rounded to integers."""
    if not len(coords):
        return np.zeros((0, 2), dtype=np.int64)
    centre = (coords.max(axis=0) + coords.min(axis=0)) / 2
    return np.rint(coords - centre).astype(np.int64)


def _sort_key(node: Hashable) -> tuple[str, str]:
    return (type(node).__name__, str(node))


def _sorted_nodes(graph: nx.Graph) -> list[Hashable]:
    """The nodes of `graph` sorted by `_sort_key`; names that are all text are sorted as
    they are (the same order, without a key tuple per node: 0.1 s at 100,000 actors).

    >>> _sorted_nodes(nx.Graph([(10, "b"), (9, "a")]))
    [10, 9, 'a', 'b']
    """
    nodes = list(graph.nodes)
    if set(map(type, nodes)) <= {str}:
        return sorted(nodes)
    return sorted(nodes, key=_sort_key)


@dataclass(frozen=True)
class GroupedLayout:
    """Positions of every node plus the centre and radius of every group."""

    positions: dict[Hashable, Position]
    centres: dict[str, Position]
    radii: dict[str, int]


def grouped_layout(graph: nx.Graph, groups: Mapping[Hashable, str], *, seed: int = 0,
                   weight: str | None = "weight",
                   rounds: int = GROUPED_ROUNDS) -> GroupedLayout:
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
    rounds : int, default `GROUPED_ROUNDS`
        Fruchterman-Reingold rounds for a component of more than `GROUPED_GRID_LIMIT`
        actors (on igraph's grid; smaller ones get `ROUNDS_SMALL` pair by pair).

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
    nodes = _sorted_nodes(graph)
    if not nodes:
        return GroupedLayout({}, {}, {})
    a, b, w = _edge_arrays(graph, {node: i for i, node in enumerate(nodes)}, weight)
    names = sorted({groups[node] for node in nodes})
    index = {name: i for i, name in enumerate(names)}
    group = np.array([index[groups[node]] for node in nodes], dtype=np.intp)
    # every group's nodes (ascending) and the ties inside it, as local numbers
    by_group = np.argsort(group, kind="stable")
    bounds = np.cumsum(np.bincount(group, minlength=len(names)))[:-1]
    members = np.split(by_group, bounds)
    local = np.empty(len(nodes), dtype=np.intp)
    for part in members:
        local[part] = np.arange(len(part))
    ga, gb = group[a], group[b]
    inside = np.flatnonzero(ga == gb)
    inside = inside[np.argsort(ga[inside], kind="stable")]
    tie_bounds = np.cumsum(np.bincount(ga[inside], minlength=len(names))).tolist()
    local_xy = []
    radius = []
    for i, part in enumerate(members):
        ties = inside[(tie_bounds[i - 1] if i else 0):tie_bounds[i]]
        xy = _coordinates(len(part), local[a[ties]], local[b[ties]], w[ties], seed + i,
                          (ROUNDS_SMALL, rounds), GROUPED_GRID_LIMIT)
        local_xy.append(xy)
        radius.append(_reach(xy) + GAP)
    # Layout of the group graph: groups linked by the number of ties between them.
    if len(names) == 1:
        centres = np.zeros((1, 2))
    else:
        import igraph as ig

        across = ga != gb
        low, high = np.minimum(ga, gb)[across], np.maximum(ga, gb)[across]
        pairs, counts = np.unique(low * len(names) + high, return_counts=True)
        edges = list(zip((pairs // len(names)).tolist(), (pairs % len(names)).tolist(),
                         strict=True))
        g = ig.Graph(n=len(names), edges=edges)
        start = np.random.default_rng(seed).uniform(-1, 1, size=(len(names), 2))
        with _seeded(seed):
            lay = g.layout_fruchterman_reingold(
                weights=[math.log1p(float(c)) for c in counts.tolist()] or None, niter=1000,
                seed=start.tolist())
        centres = np.asarray(lay.coords, dtype=float)
        centres -= centres.mean(axis=0)
        # Spread the centres until no two group circles overlap.
        r = np.array(radius)
        scale = 0.0
        for i in range(len(names)):
            d = np.hypot(*(centres[i + 1:] - centres[i]).T)
            need = (r[i + 1:] + r[i]) / np.maximum(d, 1e-9)
            if len(need):
                scale = max(scale, float(need.max()))
        centres *= scale
    coords = np.zeros((len(nodes), 2))
    for i, part in enumerate(members):
        coords[part] = centres[i] + local_xy[i]
    final = _finish(coords)
    # The shift applied by _finish, to move the centres along with the nodes.
    shift = final[0] - coords[0]
    positions = {node: (x, y) for node, (x, y) in zip(nodes, final.tolist(), strict=True)}
    centre_pos = {name: (int(round(centres[i][0] + shift[0])),
                         int(round(centres[i][1] + shift[1]))) for i, name in enumerate(names)}
    return GroupedLayout(positions, centre_pos, {name: int(round(r)) for name, r in
                                                 zip(names, radius, strict=True)})


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
    nodes = _sorted_nodes(graph)
    if not nodes:
        return {}
    a, b, w = _edge_arrays(graph, {node: i for i, node in enumerate(nodes)}, weight)
    order = np.lexsort((b, a))
    import igraph as ig

    g = ig.Graph(n=len(nodes), edges=np.column_stack([a[order], b[order]]))
    with _seeded(seed):
        membership = g.community_multilevel(weights=w[order].tolist() or None).membership
    members: dict[int, list[int]] = defaultdict(list)
    for i, c in enumerate(membership):
        members[c].append(i)
    ranked = sorted(members.values(), key=lambda m: (-len(m), m[0]))
    out: dict[Hashable, int] = {}
    for number, member_list in enumerate(ranked):
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
