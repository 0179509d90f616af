"""Kwetsbaarheid: what if a party leaves? ("wat als ... wegvalt")

* **articulation points**: actors whose departure splits a part of the network;
* **bridges**: ties that are the only link between two parts;
* per actor, **cut_off**: how many others lose their link to the largest component if
  that actor leaves (0 for most actors);
* the **removal curve**: the size of the largest component as actors leave one by one,
  *targeted* (the most central first, by betweenness on the intact network, a fixed
  order) versus *at random* (the mean over several seeded random orders).

Curves are evaluated in steps: every step for up to `ALL_STEPS` actors, else at
`N_STEPS` + 1 evenly spaced numbers of departed actors (0 .. n). Random orders: `N_RANDOM`
runs (seeds ``seed``, ``seed + 1``, ...). Each step costs one connected-components pass
(scipy, O(n + m)).

Examples
--------
>>> from wijkgraph.sources.bundled import load_dataset
>>> r = resilience(load_dataset("utrecht-oost"))
>>> len(r.articulation_points) > 0
True
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from wijkgraph.analysis._renamed import renamed
from wijkgraph.analysis._result import displayed, jsonable, sort_frame
from wijkgraph.analysis._summary import (
    ChartSpec,
    Finding,
    Number,
    Summary,
    Table,
    generic_table,
    paragraphs,
    sentences,
    table_from_frame,
)
from wijkgraph.analysis.centrality import actor_frame
from wijkgraph.analysis.engine import engine_for
from wijkgraph.i18n import translator
from wijkgraph.model.network import WijkNetwork

ALL_STEPS = 200
N_STEPS = 50
N_RANDOM = 10


@displayed
@dataclass(frozen=True, eq=False)
class Resilience:
    """Cut points, bridges, per-actor cut-off counts and removal curves."""

    per_actor: pd.DataFrame
    articulation_points: tuple[str, ...]
    bridges: tuple[tuple[str, str], ...]
    curve: pd.DataFrame
    largest_component: int
    n_actors: int
    n_random: int = N_RANDOM
    names: dict[str, str] = field(default_factory=dict)

    table = renamed("table", "per_actor")  # the 0.1 name, warns

    def to_frame(self) -> pd.DataFrame:
        """One row per actor: ``cut_off``, ``articulation_point``, ``bridges`` (count)."""
        return sort_frame(self.per_actor, "cut_off")

    def to_dict(self, lang: str = "nl") -> dict[str, Any]:
        return jsonable({
            "largest_component": self.largest_component,
            "articulation_points": list(self.articulation_points),
            "bridges": [list(b) for b in self.bridges],
            "actors": self.to_frame(),
            "curve": {"removed": self.curve["removed"].tolist(),
                      "targeted": self.curve["targeted"].tolist(),
                      "random": self.curve["random"].tolist(),
                      "n_random": self.n_random,
                      "order": "betweenness"},
        })

    def explain(self, lang: str = "nl") -> str:
        """Who is a single point of failure, and how fast the network falls apart.

        >>> from wijkgraph.sources.bundled import load_dataset
        >>> resilience(load_dataset("driehoek")).explain("en")[:40]
        'No single party holds the network togeth'
        """
        t = translator(lang)
        if self.largest_component < 2:  # no part with a tie: nobody can be cut off
            return t.gettext("There are no ties between the parties, so nobody holds others "
                             "together and nobody can be cut off.")
        if not self.articulation_points:
            return t.gettext("No single party holds the network together on its own: if "
                             "one leaves, the others stay connected.")
        frame = self.to_frame()
        frame = frame[frame["cut_off"] > 0]
        names = "; ".join(
            "{name} ({cut})".format(name=r["name"], cut=t.count(
                int(r["cut_off"]), "{n} cut off", "{n} cut off"))
            for _, r in frame.head(4).iterrows())
        n = len(self.articulation_points)
        text = t.ngettext(
            "{n} party is the only link of others to the rest of the network. If it leaves: "
            "{names}.",
            "{n} parties are the only link of others to the rest of the network. If they "
            "leave: {names}.", n).format(n=t.number(n), names=names)
        half = self.half_point()
        if half is not None:
            k_t, k_r = half
            text += " " + t.ngettext(
                "The largest group halves after {n} targeted departure (at random: {r}).",
                "The largest group halves after {n} targeted departures (at random: {r}).",
                k_t).format(n=t.number(k_t), r=t.number(k_r))
        return text

    def summary(self, lang: str = "nl", *, top: int = 10) -> Summary:
        """What the report shows of the vulnerability (section ``resilience``).

        The numbers of articulation points and bridges, the removal curve (targeted and
        random) as a line chart with its numbers, the actors whose departure cuts others
        off, and for the glance the first two sentences of `explain` (priority 70).

        >>> from wijkgraph.sources.bundled import load_dataset
        >>> s = resilience(load_dataset("utrecht-oost")).summary("en")
        >>> [n.value + " " + n.label for n in s.numbers], s.charts[0].kind
        (['4 articulation points', '6 bridges'], 'line_chart')
        >>> s.findings[0].head, s.findings[0].priority, len(s.findings[0].actors)
        ('Vulnerable', 70, 4)
        """
        t = translator(lang)
        charts: list[ChartSpec] = []
        chart_data: list[Table] = []
        if not self.curve.empty:
            series = {t.gettext("key figures leave"): [float(v) for v in self.curve["targeted"]],
                      t.gettext("random parties leave"): [float(v) for v in self.curve["random"]]}
            alt = "; ".join(f"{name}: " + ", ".join(t.number(v, 0) for v in ys)
                            for name, ys in series.items())
            charts.append(ChartSpec("line_chart", ([float(v) for v in self.curve["removed"]],
                                                   series), {
                "title": t.gettext("Largest connected part as parties leave"),
                "xlabel": t.gettext("number of parties removed"),
                "ylabel": t.gettext("largest part (parties)"),
                "alt": alt, "decimal": t.decimal_point}))
            chart_data.append(table_from_frame(self.curve, lang, limit=None))
        n_points, n_bridges = len(self.articulation_points), len(self.bridges)
        numbers = (
            Number(t.number(n_points),
                   t.ngettext("articulation point", "articulation points", n_points),
                   t.gettext("Parties that are the only link of others to the rest: if they "
                             "leave, those others are cut off.")),
            Number(t.number(n_bridges), t.ngettext("bridge", "bridges", n_bridges),
                   t.gettext("Ties that are the only path between two parts of the network.")),
        )
        frame = self.to_frame()
        table = generic_table(frame[frame["cut_off"] > 0], lang, max(top, 15))
        if table is not None:
            table = dataclasses.replace(
                table, caption=t.gettext("Who is cut off if this party leaves"))
        return Summary("resilience", t.gettext("Vulnerability: what if someone leaves?"),
                       paragraphs(self.explain(lang)), numbers, charts=tuple(charts),
                       tables=(table,) if table is not None else (),
                       chart_data=tuple(chart_data), findings=self._findings(lang))

    def _findings(self, lang: str) -> tuple[Finding, ...]:
        """For the glance: the first two sentences of `explain` (priority 70)."""
        first = sentences(self.explain(lang))
        if not first:
            return ()
        return (Finding(translator(lang).gettext("Vulnerable"), " ".join(first[:2]),
                        tag="resilience", priority=70, actors=self.articulation_points),)


    def half_point(self) -> tuple[int, int] | None:
        """Departures until the largest component is at most half its size (targeted, random)."""
        if self.curve.empty or self.largest_component < 4:
            return None
        limit = self.largest_component / 2
        c = self.curve

        def first(col: str) -> int:
            hit = c.loc[c[col] <= limit, "removed"]
            return int(hit.iloc[0]) if len(hit) else int(c["removed"].iloc[-1])
        return first("targeted"), first("random")


def removal_steps(n: int) -> list[int]:
    """The numbers of departed actors at which the curves are evaluated.

    >>> removal_steps(3)
    [0, 1, 2, 3]
    >>> removal_steps(1000)[:3], len(removal_steps(1000))
    ([0, 20, 40], 51)
    """
    if n <= ALL_STEPS:
        return list(range(n + 1))
    return sorted({int(round(x)) for x in np.linspace(0, n, N_STEPS + 1)})


def curves_to_start(network: WijkNetwork, n_random: int = N_RANDOM) -> tuple[list[int], int]:
    """What `resilience` will ask of the random removal curves: the steps and the number
    of orders (`wijkgraph.analysis.centrality.start_centralities` starts them early).

    >>> from wijkgraph.sources.bundled import load_dataset
    >>> steps, n_random = curves_to_start(load_dataset("driehoek"))
    >>> steps[:3], n_random
    ([0, 1, 2], 10)
    """
    return removal_steps(network.n_actors), n_random


def resilience(network: WijkNetwork, *, seed: int = 0, n_random: int = N_RANDOM) -> Resilience:
    """Articulation points, bridges, cut-off counts and removal curves of the network.

    In a wijk: the parties (and ties) that are a single point of failure; if such a party
    stops, others lose their line to the rest.

    Parameters
    ----------
    network : WijkNetwork
    seed : int, default 0
        Seed of the random removal orders (and of sampled betweenness at scale).
    n_random : int, default 10
        Number of random orders averaged.

    Returns
    -------
    Resilience

    Notes
    -----
    ``cut_off`` of actor v = (size of the largest component - 1) - (size of the largest
    piece left after v leaves), computed from the block-cut tree of the biconnected
    components. The targeted curve removes actors in order of (weighted) betweenness on
    the intact network (ties by name), not recomputed after each departure.

    References
    ----------
    Albert, R., Jeong, H. & Barabási, A.-L. (2000). Error and attack tolerance of complex
    networks. *Nature* 406, 378-382.

    Examples
    --------
    In the path A - B - C - D, B's departure cuts A off and C's cuts D off.

    >>> from wijkgraph.model.network import build_network
    >>> from wijkgraph.model.tables import tables_from_frames
    >>> actors = pd.DataFrame({"name": list("ABCD")})
    >>> rel = pd.DataFrame({"source": list("ABC"), "target": list("BCD")})
    >>> r = resilience(build_network(tables_from_frames(actors, rel)))
    >>> r.articulation_points, r.per_actor["cut_off"].tolist()
    (('B', 'C'), [0, 1, 1, 0])
    >>> r.curve["targeted"].tolist()
    [4, 2, 1, 1, 0]
    """
    g = network.graph
    eng = engine_for(g)
    frame = actor_frame(network)
    n = len(frame)
    aps = tuple(str(v) for v in eng.articulation_points())
    bridges = tuple((str(a), str(b)) for a, b in eng.bridges())
    bridge_count = pd.Series(0, index=frame.index)
    for a, b in bridges:
        bridge_count[a] += 1
        bridge_count[b] += 1
    frame["cut_off"] = eng.cut_off().astype(int)
    frame["articulation_point"] = frame.index.isin(aps)
    frame["bridges"] = bridge_count.astype(int)
    comp = eng.components()
    largest = int((comp == 0).sum()) if n else 0

    steps = removal_steps(n)
    if n:
        between = eng.betweenness(seed=seed)
        order_frame = pd.DataFrame({"b": between.to_numpy(), "name": frame["name"].to_numpy(),
                                    "id": frame["id"].to_numpy()})
        order = order_frame.sort_values(["b", "name", "id"], ascending=[False, True, True],
                                        kind="mergesort")["id"].tolist()
        targeted = eng.largest_component_curves(
            [np.array([eng.index[v] for v in order], dtype=np.int64)], steps)[0]
        # random orders as positions: the same shuffle as of the node list itself (for a
        # city started with the sampled shortest paths: `curves_to_start`)
        runs = eng.random_curves(steps, seed=seed, n_random=n_random)
        random_curve = np.mean(runs, axis=0)
    else:
        targeted = np.zeros(1, dtype=int)
        random_curve = np.zeros(1)
    curve = pd.DataFrame({"removed": steps, "targeted": targeted, "random": random_curve})
    return Resilience(frame.reset_index(drop=True), aps, bridges, curve, largest, n, n_random,
                      dict(zip(frame["id"], frame["name"], strict=True)))
