"""Small hand-made networks for the missing-parties and missing-links tests."""

from __future__ import annotations

import pandas as pd

from wijkgraph.model.network import WijkNetwork, build_network
from wijkgraph.model.tables import tables_from_frames


def net(actors: list[dict], relations: list[tuple] = (), meetings: list[dict] | None = None,
        participation: list[tuple] | None = None) -> WijkNetwork:
    """Actors as dicts (name, role, domain, wijk, themes, ...); relations (s, t[, kind])."""
    a = pd.DataFrame(actors)
    rel = pd.DataFrame([{"source": r[0], "target": r[1], "kind": r[2] if len(r) > 2 else
                         "samenwerking"} for r in relations], columns=["source", "target", "kind"])
    m = pd.DataFrame(meetings) if meetings else None
    p = (pd.DataFrame(participation, columns=["actor", "meeting"]) if participation else None)
    return build_network(tables_from_frames(a, rel, m, p))
