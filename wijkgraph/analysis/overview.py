"""The network in numbers: actors per domain, relations, components, density.

Examples
--------
>>> from wijkgraph.sources.bundled import load_dataset
>>> s = summarise(load_dataset("driehoek"))
>>> s.n_actors > 0 and 0 < s.density < 1
True
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import pandas as pd

from wijkgraph.analysis._result import jsonable
from wijkgraph.i18n import number
from wijkgraph.model.network import WijkNetwork
from wijkgraph.model.schema import domain_label


@dataclass(frozen=True)
class NetworkSummary:
    """Counts and simple shape measures of a wijk network."""

    n_actors: int
    n_relations: int
    n_ties: int
    n_meetings: int
    n_participations: int
    density: float
    n_components: int
    largest_component: int
    n_isolates: int
    mean_degree: float
    directed: bool
    actors_per_domain: dict[str, int] = field(default_factory=dict)
    actors_per_type: dict[str, int] = field(default_factory=dict)
    relations_per_kind: dict[str, int] = field(default_factory=dict)
    relations_per_channel: dict[str, int] = field(default_factory=dict)
    relations_per_strength: dict[str, int] = field(default_factory=dict)
    wijken: tuple[str, ...] = ()

    def to_frame(self) -> pd.DataFrame:
        """One row per measure: `measure`, `value`."""
        rows = [(k, v) for k, v in self.to_dict().items() if not isinstance(v, dict | list)]
        return pd.DataFrame(rows, columns=["measure", "value"])

    def to_dict(self) -> dict[str, Any]:
        return jsonable(self.__dict__)

    def explain(self, lang: str = "nl") -> str:
        en = lang == "en"
        domains = ", ".join(f"{domain_label(d, lang)} {n}"
                            for d, n in self.actors_per_domain.items())
        density = number(self.density, lang, 3)
        parts, iso = self.n_components, self.n_isolates
        if en:
            return (
                f"The network has {self.n_actors} actors and {self.n_relations} relations "
                f"({self.n_ties} linked pairs); density {density}. "
                f"It falls apart into {parts} part{'' if parts == 1 else 's'}; the largest "
                f"holds {self.largest_component} actors, and {iso} "
                f"actor{' has' if iso == 1 else 's have'} no tie. Actors per domain: {domains}."
            )
        return (
            f"Het netwerk heeft {self.n_actors} actoren en {self.n_relations} relaties "
            f"({self.n_ties} verbonden paren); dichtheid {density}. "
            f"Het bestaat uit {parts} {'deel' if parts == 1 else 'delen'}; het grootste telt "
            f"{self.largest_component} actoren, en {iso} "
            f"{'actor heeft' if iso == 1 else 'actoren hebben'} geen enkele relatie. "
            f"Actoren per domein: {domains}."
        )


def summarise(network: WijkNetwork) -> NetworkSummary:
    """Count actors, relations and components of `network` (declared ties only).

    Density is that of the undirected view: linked pairs / all possible pairs.
    """
    g = network.graph
    n = g.number_of_nodes()
    rel = network.tables.relations
    comps = sorted((len(c) for c in nx.connected_components(g)), reverse=True) if n else []
    domains = Counter(d or "" for _, d in g.nodes(data="domain"))
    types = Counter(t or "" for _, t in g.nodes(data="type"))

    def counts(column: str) -> dict[str, int]:
        if rel.empty:
            return {}
        c = Counter(str(v) for v in rel[column])
        return dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))

    return NetworkSummary(
        n_actors=n,
        n_relations=len(rel),
        n_ties=g.number_of_edges(),
        n_meetings=len(network.tables.meetings),
        n_participations=len(network.tables.participation),
        density=nx.density(g) if n > 1 else 0.0,
        n_components=len(comps),
        largest_component=comps[0] if comps else 0,
        n_isolates=nx.number_of_isolates(g),
        mean_degree=(2 * g.number_of_edges() / n) if n else 0.0,
        directed=network.is_directed,
        actors_per_domain=dict(sorted(domains.items(), key=lambda kv: (-kv[1], kv[0]))),
        actors_per_type=dict(sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))),
        relations_per_kind=counts("kind"),
        relations_per_channel=counts("channel"),
        relations_per_strength=counts("strength"),
        wijken=tuple(sorted({w for _, ws in g.nodes(data="wijk") for w in ws})),
    )
