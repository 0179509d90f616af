"""Samenhang: how the network hangs together as a whole, in five numbers (six with
directed relations).

Where the key figures look at single actors, cohesion describes the whole network
(unweighted: every tie counts as one, whatever its strength):

=======================  ===========================================================  =======
measure                  meaning in a wijk                                            range
=======================  ===========================================================  =======
degree centralization    are the ties gathered around one party (a star: 1) or        0..1
                         spread evenly (everyone as many partners: 0)? Freeman's
                         index: ``sum_v (max_deg - deg_v) / ((n-1)(n-2))``
transitivity             of all pairs of partners of one party, the share that also   0..1
                         work together: ``3 x triangles / connected triples``
average clustering       the same per party, then averaged over all parties (a        0..1
                         party with fewer than two partners counts 0, as networkx)
average path length      how many steps (ties) two parties of the largest connected   >= 1
                         part are apart on average
diameter                 the most steps between two parties of that part              >= 1
reciprocity              directed data only: of the one-way relations (A refers to    0..1
                         B), the share answered by one the other way (B to A):
                         ``reciprocated arcs / arcs`` (networkx's
                         ``overall_reciprocity``)
=======================  ===========================================================  =======

Undefined values are NaN (``null`` in analysis.json, "–" in the report): centralization
with fewer than 3 actors, transitivity without any two-step path (no party has two
partners; networkx returns 0 there), average clustering without actors, path length and
diameter (None) when the largest part is a single actor, reciprocity without any
directed relation (undirected relations are mutual by definition and are not counted).
A network without ties but with 3 or more actors has centralization 0 and average
clustering 0.

Path length and diameter are exact up to `EXACT_LIMIT` actors in the largest part; above,
they are estimated from `SAMPLE_SOURCES` source actors drawn with ``random.Random(seed)``
(`Cohesion.sampled` says how many; the diameter is then a lower bound).

Examples
--------
>>> from wijkgraph.sources.bundled import load_dataset
>>> c = cohesion(load_dataset("utrecht-oost"))
>>> 0 < c.transitivity < 1 and c.diameter >= 1
True
>>> c.to_frame()["measure"].tolist()[:2]
['degree_centralization', 'transitivity']
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from wijkgraph.analysis._result import displayed, jsonable
from wijkgraph.analysis._summary import Number, Summary, paragraphs
from wijkgraph.analysis.engine import EXACT_LIMIT, engine_for
from wijkgraph.i18n import translator
from wijkgraph.model.network import WijkNetwork

MEASURES = ("degree_centralization", "transitivity", "average_clustering",
            "average_path_length", "diameter", "reciprocity")
"""The codes of the measures, in the order of `Cohesion.to_frame`."""

NAN = float("nan")


@displayed
@dataclass(frozen=True)
class Cohesion:
    """Cohesion of the whole network (see the module docs for each measure)."""

    degree_centralization: float
    transitivity: float
    average_clustering: float
    average_path_length: float
    diameter: int | None
    n_actors: int = 0
    largest_component: int = 0
    sampled: int | None = None
    reciprocity: float = NAN
    n_arcs: int = 0

    def to_frame(self) -> pd.DataFrame:
        """One row per measure: ``measure`` (its code, `MEASURES`) and ``value`` (NaN = undefined)."""
        values = [getattr(self, m) for m in MEASURES]
        return pd.DataFrame({"measure": list(MEASURES),
                             "value": [NAN if v is None else float(v) for v in values]})

    def to_dict(self, lang: str = "nl") -> dict[str, Any]:
        """The ``cohesion`` section of analysis.json (undefined values are null)."""
        return jsonable(self.__dict__)

    def explain(self, lang: str = "nl") -> str:
        """How the network hangs together, in two sentences."""
        t = translator(lang)
        if self.n_actors == 0 or self.largest_component < 2:
            return t.gettext("There are no ties, so there is no cohesion to measure.")
        first = t.gettext(
            "Degree centralization {centralization} (0 = ties spread evenly, 1 = a star "
            "around one party); of the pairs of partners of one party, {share} also work "
            "together.").format(centralization=t.number(self.degree_centralization),
                                share=t.percent(self.transitivity))
        second = t.ngettext(
            "In the largest connected part ({n} party) two parties are on average {steps} "
            "steps apart, at most {most}.",
            "In the largest connected part ({n} parties) two parties are on average {steps} "
            "steps apart, at most {most}.", self.largest_component).format(
            n=t.number(self.largest_component), steps=t.number(self.average_path_length, 1),
            most=t.number(self.diameter))
        if not self.n_arcs:
            return f"{first} {second}"
        third = t.ngettext(
            "Of {n} one-way relation, {share} is answered by one the other way.",
            "Of {n} one-way relations, {share} are answered by one the other way.",
            self.n_arcs).format(n=t.number(self.n_arcs), share=t.percent(self.reciprocity))
        return f"{first} {second} {third}"

    def summary(self, lang: str = "nl", *, top: int = 10) -> Summary:
        """The report's cohesion section (id ``cohesion``): five numbers with their meaning.

        `top` is not used (nothing is ranked).

        Examples
        --------
        >>> from wijkgraph.sources.bundled import load_dataset
        >>> s = cohesion(load_dataset("driehoek")).summary("en")
        >>> s.id, s.title, len(s.numbers)  # directed data: reciprocity is the sixth
        ('cohesion', 'Cohesion', 6)
        """
        t = translator(lang)
        numbers: tuple[Number, ...] = (
            Number(t.number(self.degree_centralization), t.gettext("degree centralization"),
                   t.gettext("How much the ties gather around one party: 1 = a star in which "
                             "everybody works only through one hub, 0 = every party has as "
                             "many partners.")),
            Number(t.percent(self.transitivity), t.gettext("transitivity"), t.gettext(
                "Of all pairs of partners of one party, this share also work together "
                "themselves: the higher, the more partners know each other.")),
            Number(t.percent(self.average_clustering), t.gettext("average clustering"),
                   t.gettext("The same per party, then averaged: how closely knit the circle "
                             "of the average party is (parties with fewer than two partners "
                             "count as 0).")),
            Number(t.number(self.average_path_length, 1), t.gettext("steps on average"),
                   t.gettext("In the largest connected part two parties are this many steps "
                             "(ties) apart on average.")),
            Number(t.number(self.diameter), t.gettext("steps at most"), t.gettext(
                "The longest of the shortest routes in the largest connected part: this far "
                "apart are the two parties furthest from each other.")),
        )
        if self.n_arcs:
            numbers += (Number(t.percent(self.reciprocity), t.gettext("reciprocity"), t.gettext(
                "Of the one-way relations (one party refers to or informs another), the share "
                "that is answered by a relation the other way.")),)
        notes: tuple[str, ...] = ()
        if self.sampled:
            notes = (t.gettext("Large network: path length and diameter were estimated from "
                               "a sample ({n}).").format(n=t.number(self.sampled)),)
        return Summary("cohesion", t.gettext("Cohesion"), paragraphs(self.explain(lang)),
                       numbers, notes=notes)


def degree_centralization(degrees: np.ndarray) -> float:
    """Freeman's degree centralization: ``sum(max - deg) / ((n-1)(n-2))``; NaN below 3 actors.

    The denominator is the sum for a star of `n` actors, the most centralized graph, so
    a star gives 1 and a graph where everyone has as many partners gives 0.

    >>> degree_centralization(np.array([4, 1, 1, 1, 1])), degree_centralization(np.array([2, 2, 2]))
    (1.0, 0.0)
    """
    n = len(degrees)
    if n < 3:
        return NAN
    d = np.asarray(degrees, dtype=float)
    return float((d.max() - d).sum() / ((n - 1) * (n - 2)))


def reciprocity(network: WijkNetwork) -> tuple[float, int]:
    """Share of directed relations answered by one the other way, and how many arcs.

    Counted on distinct arcs of the directed relations (parallel relations in one
    direction are one arc, self-loops are left out): ``reciprocated arcs / arcs``, as
    ``networkx.overall_reciprocity`` and igraph's ``reciprocity()``. NaN without arcs.

    >>> from wijkgraph.model.network import build_network
    >>> from wijkgraph.model.tables import tables_from_frames
    >>> actors = pd.DataFrame({"name": list("ABC")})
    >>> rel = pd.DataFrame({"source": list("ABAB"), "target": list("BACC"),
    ...                     "directed": ["ja", "ja", "ja", "nee"]})
    >>> reciprocity(build_network(tables_from_frames(actors, rel)))  # A->B, B->A, A->C
    (0.6666666666666666, 3)
    """
    rel = network.tables.relations
    if not len(rel):
        return NAN, 0
    directed = rel[rel["directed"].astype(bool) & (rel["source"] != rel["target"])]
    arcs = set(zip(directed["source"].tolist(), directed["target"].tolist(), strict=True))
    if not arcs:
        return NAN, 0
    answered = sum((b, a) in arcs for a, b in arcs)
    return answered / len(arcs), len(arcs)


def cohesion(network: WijkNetwork, *, seed: int = 0) -> Cohesion:
    """Degree centralization, transitivity, clustering, path length and diameter of `network`.

    In a wijk: a high centralization means the network leans on one party; high
    transitivity means partners of a party also know each other (closed circles); a short
    average path means news and referrals travel in few steps.

    Parameters
    ----------
    network : WijkNetwork
    seed : int, default 0
        Seed for the sampled path length above `EXACT_LIMIT` actors in the largest part.

    Returns
    -------
    Cohesion

    Notes
    -----
    Unweighted, on the undirected view ``network.graph`` (self-loops ignored), computed
    with igraph through the shared `wijkgraph.analysis.engine.Engine`. Transitivity is
    igraph's ``transitivity_undirected``, average clustering
    ``transitivity_avglocal_undirected(mode="zero")`` (= ``networkx.average_clustering``).
    The largest part is the engine's component 0 (ties: the one holding the first actor).

    References
    ----------
    Freeman, L. C. (1979). Centrality in social networks: conceptual clarification.
    *Social Networks* 1(3), 215-239.
    Wasserman, S. & Faust, K. (1994). *Social Network Analysis*, 5.3 and 7.3. Cambridge UP.

    Examples
    --------
    A path of four, A - B - C - D: degrees 1, 2, 2, 1, so centralization
    (1 + 0 + 0 + 1) / (3 x 2) = 1/3; no triangles; the six pairs are 1, 1, 1, 2, 2 and 3
    steps apart: on average 10/6.

    >>> from wijkgraph.model.network import build_network
    >>> from wijkgraph.model.tables import tables_from_frames
    >>> actors = pd.DataFrame({"name": list("ABCD")})
    >>> rel = pd.DataFrame({"source": list("ABC"), "target": list("BCD")})
    >>> c = cohesion(build_network(tables_from_frames(actors, rel)))
    >>> round(c.degree_centralization, 4), c.transitivity, round(c.average_path_length, 4)
    (0.3333, 0.0, 1.6667)
    >>> c.diameter
    3
    """
    eng = engine_for(network.graph)
    n = eng.n
    recip, n_arcs = reciprocity(network)
    if n == 0:
        return Cohesion(NAN, NAN, NAN, NAN, None, reciprocity=recip, n_arcs=n_arcs)
    g = eng.ig
    degrees = np.asarray(g.degree(), dtype=float)
    transitivity = float(g.transitivity_undirected())
    clustering = float(g.transitivity_avglocal_undirected(mode="zero"))
    members = np.flatnonzero(eng.components() == 0)
    size = len(members)
    path_length, diameter, sampled = NAN, None, None
    if size > 1:
        if size <= EXACT_LIMIT:
            sub = g.induced_subgraph(members.tolist())
            path_length = float(sub.average_path_length(directed=False))
            diameter = int(sub.diameter(directed=False))
        else:  # sampled sources (started on the other cores by `analyse`)
            path_length, diameter, sampled = eng.path_steps(seed=seed)
    return Cohesion(
        degree_centralization=degree_centralization(degrees),
        transitivity=NAN if math.isnan(transitivity) else transitivity,
        average_clustering=clustering,
        average_path_length=path_length,
        diameter=diameter,
        n_actors=n,
        largest_component=size,
        sampled=sampled,
        reciprocity=recip,
        n_arcs=n_arcs,
    )
