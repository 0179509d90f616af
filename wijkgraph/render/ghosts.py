"""The map's missing-parties layer: one ghost node per missing role in focus.

A role missing in several areas in focus (ten wijken, say) is one ghost, not ten: its
``wijk`` cell lists the areas. A ghost sits next to the present parties it would work with
(the reference model's pairs, `wijkgraph.analysis.missing_parties.PartyStatus.pick_up`),
so the map shows where the gap is; a role without such partners goes on a ring outside
the map, in the direction of the actors of its domain.

Examples
--------
>>> rows = [{"role": "wijkagent", "label": "wijkagent", "domain": "veiligheid",
...          "wijk": w, "status": "absent", "pick_up": "Buurtteam " + w} for w in ("Oost", "Zuid")]
>>> actors = [["b1", "Buurtteam Oost", 0, 0, "", [], [], [], "", 0, 0],
...           ["b2", "Buurtteam Zuid", 0, 0, "", [], [], [], "", 200, 0]]
>>> positions = {"b1": (0, 0), "b2": (200, 0)}
>>> [g[:3] + g[5:] for g in place_ghosts(rows, positions, actors, lambda d: 1)]
[['wijkagent', 1, 'Oost, Zuid', 100, 70, 'wijkagent']]
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any

#: The status of `missing_parties` items drawn as ghost nodes (nobody plays the role).
GHOST_STATUS = "absent"
#: How far (layout units) a ghost sits from the parties it would work with.
GHOST_OFFSET = 70


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value)


def place_ghosts(rows: Iterable[Mapping[str, Any]], positions: Mapping[Hashable, tuple[int, int]],
                 actors: list[list[Any]], domain_index: Callable[[str], int]) -> list[list[Any]]:
    """Ghost rows ``[label, domain, areas, status, why, x, y, role]``, one per missing role.

    Parameters
    ----------
    rows : iterable of mappings
        Rows of `MissingParties.table` (role, label, domain, wijk, status, status_label,
        reason, why, pick_up); only those with status ``absent`` are drawn.
    positions : mapping
        Actor id -> (x, y) of the layout.
    actors : list of lists
        The map's actor rows (name at 1, domain index at 3, x and y at 9 and 10).
    domain_index : callable
        Domain name -> its index in the page's domain table.
    """
    per_role: dict[str, list[Mapping[str, Any]]] = {}
    for r in rows:
        if r.get("status") == GHOST_STATUS:
            per_role.setdefault(_cell(r.get("role", "")), []).append(r)
    if not per_role:
        return []
    xs = [p[0] for p in positions.values()] or [0]
    ys = [p[1] for p in positions.values()] or [0]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    radius = math.hypot(max(xs) - min(xs), max(ys) - min(ys)) / 2 + 120  # outside every actor
    where = {row[1]: (row[9], row[10]) for row in actors}
    # angle of each domain: mean direction of its actors from the centre
    sums: dict[int, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for row in actors:
        s = sums[row[3]]
        s[0] += row[9] - cx
        s[1] += row[10] - cy
    out = []
    used: Counter[Any] = Counter()
    order = sorted(per_role.values(), key=lambda rs: (_cell(rs[0].get("domain")),
                                                      _cell(rs[0].get("role")),
                                                      _cell(rs[0].get("label"))))
    for i, rs in enumerate(order):
        r = rs[0]
        d = domain_index(_cell(r.get("domain", "")))
        partners = [where[n] for row in rs for n in _cell(row.get("pick_up", "")).split("; ")
                    if n in where]
        if partners:  # next to the parties that should pick the role up
            mx = sum(p[0] for p in partners) / len(partners)
            my = sum(p[1] for p in partners) / len(partners)
            key = (round(mx), round(my))
            angle = math.atan2(my - cy, mx - cx) if (mx, my) != (cx, cy) else math.pi / 2
            angle += used[key] * 0.9  # ghosts with the same partners fan out around them
            used[key] += 1
            x = int(round(mx + GHOST_OFFSET * math.cos(angle)))
            y = int(round(my + GHOST_OFFSET * math.sin(angle)))
        else:
            vx, vy = sums.get(d, [0.0, 0.0])
            angle = math.atan2(vy, vx) if (vx or vy) else (i * 2.399963)  # golden angle
            angle = round(angle, 3)
            angle += used[angle] * 0.12
            used[round(math.atan2(vy, vx), 3) if (vx or vy) else angle] += 1
            x = int(round(cx + radius * math.cos(angle)))
            y = int(round(cy + radius * math.sin(angle)))
        areas = ", ".join(dict.fromkeys(_cell(row.get("wijk", "")) for row in rs
                                        if _cell(row.get("wijk", ""))))
        status = _cell(r.get("status_label", "")) or _cell(r.get("status", ""))
        reason = _cell(r.get("reason", "")) if len(rs) == 1 else ""  # names its one area
        why = "\n".join(t for t in (reason, _cell(r.get("why", ""))) if t)
        out.append([_cell(r.get("label", "")) or _cell(r.get("role", "")), d, areas, status, why,
                    x, y, _cell(r.get("role", ""))])
    return out
