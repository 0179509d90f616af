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
import numpy as np
import pandas as pd

from wijkgraph.analysis._result import displayed, jsonable
from wijkgraph.analysis._summary import (
    ChartSpec,
    Finding,
    Number,
    Summary,
    Table,
    column_label,
    paragraphs,
    sentences,
)
from wijkgraph.analysis.engine import engine_for
from wijkgraph.i18n import translator
from wijkgraph.model.network import WijkNetwork
from wijkgraph.model.schema import channel_label, domain_label, strength_label

UNKNOWN_DOMAIN = "onbekend"
"""The domain code of actors without a domain (a grey dot in charts and tables)."""


@displayed
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
    weights: dict[str, Any] = field(default_factory=dict)  # how weights became strengths

    def to_frame(self) -> pd.DataFrame:
        """One row per measure: `measure`, `value`."""
        rows = [(k, v) for k, v in self.to_dict().items() if not isinstance(v, dict | list)]
        return pd.DataFrame(rows, columns=["measure", "value"])

    def to_dict(self, lang: str = "nl") -> dict[str, Any]:
        return jsonable(self.__dict__)

    def explain(self, lang: str = "nl") -> str:
        """The network in three sentences: size, parts, actors per domain."""
        t = translator(lang)
        domains = ", ".join(f"{domain_label(d, lang)} {t.number(n)}"
                            for d, n in self.actors_per_domain.items())
        first = t.gettext("The network has {actors} actors and {relations} relations "
                          "({ties} linked pairs); density {density}.").format(
            actors=t.number(self.n_actors), relations=t.number(self.n_relations),
            ties=t.number(self.n_ties), density=t.number(self.density, 3))
        parts = t.ngettext("It falls apart into {n} part;", "It falls apart into {n} parts;",
                           self.n_components).format(n=t.number(self.n_components))
        largest = t.gettext("the largest holds {n} actors, and").format(
            n=t.number(self.largest_component))
        isolates = t.ngettext("{n} actor has no tie.", "{n} actors have no tie.",
                              self.n_isolates).format(n=t.number(self.n_isolates))
        per_domain = t.gettext("Actors per domain: {domains}.").format(domains=domains)
        return " ".join((first, parts, largest, isolates, per_domain))

    def summary(self, lang: str = "nl", *, top: int = 10) -> Summary:
        """The report's "network in numbers" section (id ``network``).

        Headline numbers with their meaning, the parties per domain as a bar chart, the
        channels and depth of the relations as tables; glance findings "separate parts"
        (priority 40, only when the network falls apart or has isolates) and "the
        network" (30). `top` is not used (the section has no ranking).

        Examples
        --------
        >>> from wijkgraph.sources.bundled import load_dataset
        >>> s = summarise(load_dataset("utrecht-oost")).summary("en")
        >>> s.id, s.numbers[0].label, [f.priority for f in s.findings]
        ('network', 'parties', [40, 30])
        """
        t = translator(lang)
        numbers = [
            Number(t.number(self.n_actors), t.gettext("parties"), t.gettext(
                "Organisations, teams, initiatives, meetings, platforms and persons in their "
                "role that are in the data.")),
            Number(t.number(self.n_relations), t.gettext("relations"), t.gettext(
                "Recorded relations; together they link {n} different pairs of parties."
            ).format(n=t.number(self.n_ties))),
            Number(t.number(self.mean_degree, 1), t.gettext("partners on average"), t.gettext(
                "The number of other parties the average party works with.")),
            Number(t.number(100 * self.density, 1) + "%", t.gettext("density"), t.gettext(
                "The share of all possible pairs that actually work together. Low is normal "
                "in a neighbourhood: nobody works with everybody.")),
            Number(t.number(self.n_components),
                   t.ngettext("separate part", "separate parts", self.n_components),
                   t.gettext("Everybody is connected to everybody through others.")
                   if self.n_components <= 1 else t.gettext(
                       "The network falls apart into separate parts; the largest holds {n} "
                       "parties.").format(n=t.number(self.largest_component))),
            Number(t.number(self.n_isolates), t.gettext("without a tie"), t.gettext(
                "Parties without a single recorded relation: they stand apart.")),
        ]
        if self.n_meetings:
            numbers.append(Number(
                t.number(self.n_meetings), t.gettext("meetings"), t.gettext(
                    "Recurring meetings and networks, with {n} participations in all."
                ).format(n=t.number(self.n_participations))))
        charts: list[ChartSpec] = []
        chart_data: list[Table] = []
        domains = list(self.actors_per_domain.items())
        if domains:
            labels = [domain_label(d, lang) for d, _ in domains]
            values = [n for _, n in domains]
            codes = tuple(d or UNKNOWN_DOMAIN for d, _ in domains)
            title = t.gettext("Parties per domain")
            alt = "; ".join(f"{lab}: {n}" for lab, n in zip(labels, values, strict=True))
            charts.append(ChartSpec("bar_chart", (labels, values), {
                "colours": list(codes), "title": title,
                "xlabel": t.gettext("number of parties"), "alt": alt,
                "value_format": "{:.0f}", "decimal": t.decimal_point}))
            chart_data.append(Table(
                title, (column_label("domain", lang), t.gettext("count")),
                tuple((lab, str(n)) for lab, n in zip(labels, values, strict=True)),
                len(labels), 0, codes))
        tables: list[Table] = []
        if self.relations_per_channel:
            tables.append(Table(
                t.gettext("How parties are in contact (channel per relation)"),
                (column_label("channel", lang), t.gettext("relations")),
                tuple((channel_label(k, lang) if k else t.gettext("unknown"), t.number(v))
                      for k, v in self.relations_per_channel.items()),
                len(self.relations_per_channel)))
        if self.relations_per_strength:
            tables.append(Table(
                t.gettext("How deep the collaboration goes (learning mechanism)"),
                (column_label("strength", lang), t.gettext("relations")),
                tuple((f"{k} {strength_label(int(k), lang)}".strip() if str(k).isdigit()
                       else str(k), t.number(v))
                      for k, v in sorted(self.relations_per_strength.items())),
                len(self.relations_per_strength)))
        notes: tuple[str, ...] = ()
        if self.weights.get("method") == "quartiles":  # wijkgraph.io._weights
            lowest = self.weights.get("lowest", {})
            notes = (t.gettext(
                "The file gave weights instead of depths 1-4; they were mapped onto 1-4 by "
                "quarters of their order (a larger weight never a lower depth; depth 4 from "
                "weight {w4}). The weight as written is kept in the column 'oorspronkelijk "
                "gewicht'.").format(w4=t.number(lowest.get(4, lowest.get("4", 0)), 2)),)
        return Summary(
            "network", t.gettext("The network in numbers"), paragraphs(self.explain(lang)),
            tuple(numbers), charts=tuple(charts), tables=tuple(tables),
            chart_data=tuple(chart_data), findings=self._findings(lang), notes=notes)

    def _findings(self, lang: str) -> tuple[Finding, ...]:
        t = translator(lang)
        out = []
        if self.n_components > 1 or self.n_isolates:
            parts = t.ngettext("The network consists of {n} separate part;",
                               "The network consists of {n} separate parts;",
                               self.n_components).format(n=t.number(self.n_components))
            alone = t.ngettext("{n} party has no relation at all.",
                               "{n} parties have no relation at all.",
                               self.n_isolates).format(n=t.number(self.n_isolates))
            out.append(Finding(t.gettext("Separate parts"), f"{parts} {alone}", tag="network",
                               priority=40))
        out.append(Finding(t.gettext("The network"),
                           " ".join(sentences(self.explain(lang))[:2]), tag="network",
                           priority=30))
        return tuple(out)


def summarise(network: WijkNetwork) -> NetworkSummary:
    """Count actors, relations and components of `network` (declared ties only).

    Density is that of the undirected view: linked pairs / all possible pairs.
    """
    g = network.graph
    n = g.number_of_nodes()
    rel = network.tables.relations
    eng = engine_for(g)  # components from scipy, shared with the other sections
    comps = sorted(np.bincount(eng.components()).tolist(), reverse=True) if n else []
    domains = Counter(d or "" for _, d in g.nodes(data="domain"))
    types = Counter(t or "" for _, t in g.nodes(data="type"))

    def counts(column: str) -> dict[str, int]:
        if rel.empty:
            return {}
        # count the distinct values, then their texts (values with the same text add up)
        c: Counter[str] = Counter()
        for value, k in rel[column].value_counts(dropna=False, sort=False).items():
            c[str(value)] += int(k)
        return dict(sorted(c.items(), key=lambda kv: (-kv[1], kv[0])))

    return NetworkSummary(
        n_actors=n,
        n_relations=len(rel),
        n_ties=eng.m,
        n_meetings=len(network.tables.meetings),
        n_participations=len(network.tables.participation),
        # networkx' density (0 without ties), without counting the ties again
        density=(0 if eng.m == 0 else eng.m / (n * (n - 1)) * 2) if n > 1 else 0.0,
        n_components=len(comps),
        largest_component=comps[0] if comps else 0,
        n_isolates=nx.number_of_isolates(g),
        mean_degree=(2 * eng.m / n) if n else 0.0,
        directed=network.is_directed,
        actors_per_domain=dict(sorted(domains.items(), key=lambda kv: (-kv[1], kv[0]))),
        actors_per_type=dict(sorted(types.items(), key=lambda kv: (-kv[1], kv[0]))),
        relations_per_kind=counts("kind"),
        relations_per_channel=counts("channel"),
        relations_per_strength=counts("strength"),
        wijken=tuple(sorted({w for _, ws in g.nodes(data="wijk") for w in ws})),
        weights=dict(network.meta.get("weights") or {}),
    )
