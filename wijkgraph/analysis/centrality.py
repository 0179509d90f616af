"""Centralities: who has many ties, who sits on the routes between others, who is close to all.

Computed by the engine (`wijkgraph.engine`, igraph) on the undirected weighted view
``network.graph``; in- and out-degree come from the directed view (undirected relations
count in both directions). Measures:

* ``degree``: number of partners; ``strength``: sum of tie strengths (1-4 each);
* ``in_degree`` / ``out_degree``: arcs in and out (directed relations such as referrals);
* ``betweenness``: share of shortest routes between two other actors that pass through the
  actor, route length = sum of 1/strength (normalised 0..1);
* ``harmonic``: harmonic closeness, the mean of 1/distance to every other actor (0..1 for
  unweighted ties; works when the network falls apart);
* ``pagerank``: tied to actors who are themselves well tied (sums to 1);
* ``core``: k-core number, the densest group the actor belongs to.

Examples
--------
>>> from wijkgraph.datasets import load_dataset
>>> c = centralities(load_dataset("utrecht-oost"))
>>> list(c.to_frame().columns[:4])
['id', 'name', 'domain', 'degree']
>>> c.sampled is None
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from wijkgraph.analysis._result import jsonable, sort_frame
from wijkgraph.engine import engine_for
from wijkgraph.network import WijkNetwork

COLUMNS = ["id", "name", "domain", "degree", "in_degree", "out_degree", "strength",
           "betweenness", "harmonic", "pagerank", "core"]


@dataclass(frozen=True, eq=False)
class Centralities:
    """Per-actor centralities (see module docs); `sampled` = number of sampled sources or None."""

    table: pd.DataFrame
    sampled: int | None = None
    directed: bool = False

    def to_frame(self) -> pd.DataFrame:
        """One row per actor, sorted by betweenness (then name)."""
        return sort_frame(self.table[COLUMNS], "betweenness")

    def to_dict(self) -> dict[str, Any]:
        return jsonable({"sampled": self.sampled, "directed": self.directed,
                         "actors": self.to_frame()})

    def explain(self, lang: str = "nl") -> str:
        if self.table.empty:
            return "No actors." if lang == "en" else "Geen actoren."
        top = self.to_frame().iloc[0]
        if lang == "en":
            return (f"{top['name']} lies on the most shortest routes between others "
                    f"(betweenness {top['betweenness']:.2f}).")
        value = f"{top['betweenness']:.2f}".replace(".", ",")
        return (f"{top['name']} ligt op de meeste kortste routes tussen anderen "
                f"(betweenness {value}).")


def actor_frame(network: WijkNetwork) -> pd.DataFrame:
    """The ``id``, ``name`` and ``domain`` of every actor, in graph order (index = id)."""
    g = network.graph
    ids = list(g.nodes)
    return pd.DataFrame({
        "id": ids,
        "name": [str(g.nodes[v].get("name", v)) for v in ids],
        "domain": [str(g.nodes[v].get("domain", "") or "") for v in ids],
    }, index=pd.Index(ids, dtype=object))


def centralities(network: WijkNetwork, *, seed: int = 0) -> Centralities:
    """Degree, strength, betweenness, harmonic closeness, PageRank and k-core of every actor.

    In a wijk: high betweenness marks the go-betweens, high strength the actors with many
    strong ties, the core number the inner circle.

    Parameters
    ----------
    network : WijkNetwork
    seed : int, default 0
        Seed for the sampled betweenness/closeness above `wijkgraph.engine.EXACT_LIMIT`.

    Returns
    -------
    Centralities

    Notes
    -----
    Weighted measures use strength as weight and ``1/strength`` as route length.
    Betweenness is normalised by ``(n-1)(n-2)/2``; harmonic closeness by ``n-1``.

    Examples
    --------
    >>> import networkx as nx
    >>> from wijkgraph.network import build_network
    >>> from wijkgraph.tables import tables_from_frames
    >>> actors = pd.DataFrame({"name": ["A", "B", "C"]})
    >>> rel = pd.DataFrame({"source": ["A", "B"], "target": ["B", "C"]})
    >>> c = centralities(build_network(tables_from_frames(actors, rel)))
    >>> c.to_frame()[["id", "degree", "betweenness"]].values.tolist()
    [['B', 2.0, 1.0], ['A', 1.0, 0.0], ['C', 1.0, 0.0]]
    """
    eng = engine_for(network.graph)
    frame = actor_frame(network)
    dg = network.directed_graph()
    frame["degree"] = eng.degree()
    frame["in_degree"] = pd.Series(dict(dg.in_degree()), dtype=float)
    frame["out_degree"] = pd.Series(dict(dg.out_degree()), dtype=float)
    frame["strength"] = eng.strength()
    frame["betweenness"] = eng.betweenness(seed=seed)
    frame["harmonic"] = eng.harmonic(seed=seed)
    frame["pagerank"] = eng.pagerank()
    frame["core"] = eng.core_number()
    frame = frame.reset_index(drop=True)
    return Centralities(frame[COLUMNS], sampled=eng.sample_size(), directed=network.is_directed)
