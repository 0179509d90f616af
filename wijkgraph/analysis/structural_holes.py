"""Structural holes (Burt): does an actor's network hang together, or does it bridge gaps?

* ``effective_size``: the number of partners minus their redundancy: how many of the
  actor's partners are *not* already tied to each other (Borgatti's reading for
  unweighted ties). High = the actor reaches parties who do not know each other.
* ``efficiency``: effective size / number of partners (0..1).
* ``constraint``: how much the actor's ties lead back to the same few parties (0..1+;
  low = a broker with many open options, high = locked in one close group).

Weighted by tie strength by default (the mutual weight of Burt, 1992). Actors without ties
get NaN: they have no network to measure.

Examples
--------
>>> from wijkgraph.sources.bundled import load_dataset
>>> h = structural_holes(load_dataset("utrecht-oost"))
>>> list(h.to_frame().columns)
['id', 'name', 'domain', 'effective_size', 'efficiency', 'constraint']
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from wijkgraph.analysis._renamed import renamed
from wijkgraph.analysis._result import jsonable, sort_frame
from wijkgraph.analysis._summary import Summary, paragraphs, table_from_frame
from wijkgraph.analysis.centrality import actor_frame
from wijkgraph.analysis.engine import engine_for
from wijkgraph.i18n import translator
from wijkgraph.model.network import WijkNetwork

COLUMNS = ["id", "name", "domain", "effective_size", "efficiency", "constraint"]


@dataclass(frozen=True, eq=False)
class StructuralHoles:
    """Burt's effective size, efficiency and constraint of every actor."""

    per_actor: pd.DataFrame
    weighted: bool = True

    table = renamed("table", "per_actor")  # the 0.1 name, warns

    def to_frame(self) -> pd.DataFrame:
        """One row per actor, largest effective size first."""
        return sort_frame(self.per_actor[COLUMNS], "effective_size")

    def to_dict(self, lang: str = "nl") -> dict[str, Any]:
        return jsonable({"weighted": self.weighted, "actors": self.to_frame()})

    def explain(self, lang: str = "nl") -> str:
        """Who reaches the most parties that are not tied to each other."""
        t = translator(lang)
        frame = self.to_frame().dropna(subset=["effective_size"])
        if frame.empty:
            return t.gettext("No ties to measure.")
        top = frame.iloc[0]
        return t.gettext("{name} reaches the most parties that are not tied to each other "
                         "(effective size {value}).").format(
            name=top["name"], value=t.number(top["effective_size"], 1))

    def summary(self, lang: str = "nl", *, top: int = 10) -> Summary:
        """The `top` actors by effective size, with efficiency and constraint (id ``structural_holes``).

        Not a section of the report by itself (the key figures use these measures); for
        notebooks and other front ends.

        >>> from wijkgraph.sources.bundled import load_dataset
        >>> s = structural_holes(load_dataset("driehoek")).summary("en", top=2)
        >>> s.id, len(s.tables[0].rows)
        ('structural_holes', 2)
        """
        t = translator(lang)
        frame = self.to_frame()
        tables = () if frame.empty else (table_from_frame(
            frame.drop(columns=["id"]), lang, limit=top,
            caption=t.gettext("Structural holes: who reaches parties that do not know each "
                              "other")),)
        return Summary("structural_holes", t.gettext("Structural holes"),
                       paragraphs(self.explain(lang)), tables=tables)


def structural_holes(network: WijkNetwork, *, weighted: bool = True) -> StructuralHoles:
    """Burt's effective size, efficiency and constraint for every actor.

    In a wijk: an actor with a large effective size and low constraint links circles
    that would otherwise not meet: a makelaar.

    Parameters
    ----------
    network : WijkNetwork
    weighted : bool, default True
        Use tie strength (1-4) as Burt's tie weight; False counts every tie as 1.

    Returns
    -------
    StructuralHoles

    References
    ----------
    Burt, R. S. (1992). *Structural Holes*. Harvard University Press.
    Borgatti, S. P. (1997). Structural holes: unpacking Burt's redundancy measures.
    *Connections* 20(1), 35-38.

    Examples
    --------
    A hub with three unconnected partners: all three are non-redundant, and each takes a
    third of the hub's attention, so constraint = 3 * (1/3)^2 = 1/3.

    >>> from wijkgraph.model.network import build_network
    >>> from wijkgraph.model.tables import tables_from_frames
    >>> actors = pd.DataFrame({"name": ["H", "A", "B", "C"]})
    >>> rel = pd.DataFrame({"source": ["H", "H", "H"], "target": ["A", "B", "C"]})
    >>> h = structural_holes(build_network(tables_from_frames(actors, rel)))
    >>> row = h.to_frame().iloc[0]
    >>> row["id"], float(row["effective_size"]), round(float(row["constraint"]), 3)
    ('H', 3.0, 0.333)
    """
    eng = engine_for(network.graph)
    frame = actor_frame(network)
    frame["effective_size"] = eng.effective_size(weighted=weighted)
    degree = eng.degree()
    with np.errstate(invalid="ignore", divide="ignore"):
        frame["efficiency"] = frame["effective_size"] / degree.where(degree > 0)
    frame["constraint"] = eng.constraint(weighted=weighted)
    return StructuralHoles(frame.reset_index(drop=True)[COLUMNS], weighted=weighted)
