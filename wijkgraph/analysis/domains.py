"""Samenwerking tussen domeinen: who works with whom across zorg, welzijn, inwoners, ...

* the **mixing matrix**: ties within and between domains (counts, and summed strength);
* Krackhardt and Stern's **E-I index** ``(E - I) / (E + I)`` with E the ties to other
  domains and I the ties inside the own domain: -1 = only inward, +1 = only outward;
  for the whole network, per domain and per actor, unweighted (counts) and weighted
  (summed strength);
* the **share of cross-domain ties** (E / (E + I));
* **density** per domain and per wijk (ties among its actors / possible pairs);
* each actor's **participation coefficient** across domains, ``1 - sum_d (k_d / k)^2``
  with ``k_d`` its partners in domain d (0 = all partners in one domain).

Actors without a domain are shown as ``onbekend`` in the matrix and the domain table, but
ties that touch them are left out of E, I, the E-I index, the cross-domain share and the
participation coefficient (we cannot tell whether such a tie crosses a boundary).

Examples
--------
>>> from wijkgraph.sources.bundled import load_dataset
>>> d = domain_mixing(load_dataset("utrecht-oost"))
>>> -1 <= d.ei <= 1 and 0 <= d.cross_domain_share <= 1
True
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from wijkgraph.analysis._result import displayed, jsonable, sort_frame
from wijkgraph.analysis._summary import (
    ChartSpec,
    Finding,
    Number,
    Summary,
    Table,
    column_label,
    fmt_cell,
    generic_table,
    paragraphs,
    sentences,
)
from wijkgraph.analysis.centrality import actor_frame
from wijkgraph.analysis.engine import engine_for
from wijkgraph.i18n import translator
from wijkgraph.model.network import WijkNetwork
from wijkgraph.model.schema import domain_label

__all__ = ["UNKNOWN", "DomainMixing", "domain_label", "domain_mixing", "ei_index"]

UNKNOWN = "onbekend"


def ei_index(external: Any, internal: Any) -> Any:
    """Krackhardt-Stern E-I index ``(E - I) / (E + I)``; NaN when there are no ties.

    >>> ei_index(3, 1)
    0.5
    """
    e = np.asarray(external, dtype=float)
    i = np.asarray(internal, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.where(e + i > 0, (e - i) / (e + i), np.nan)
    return float(out) if out.ndim == 0 else out


@displayed
@dataclass(frozen=True, eq=False)
class DomainMixing:
    """Ties within and between domains, E-I indices, densities and participation."""

    domains: tuple[str, ...]
    mixing: pd.DataFrame
    mixing_weighted: pd.DataFrame
    ei: float
    ei_weighted: float
    cross_domain_share: float
    n_ties_known: int
    per_domain: pd.DataFrame
    per_wijk: pd.DataFrame
    per_actor: pd.DataFrame
    notes: dict[str, str] = field(default_factory=dict)

    def to_frame(self) -> pd.DataFrame:
        """One row per domain: actors, ties inside and outside, E-I (count, strength), density."""
        return self.per_domain.copy()

    def to_dict(self, lang: str = "nl") -> dict[str, Any]:
        return jsonable({
            "domains": list(self.domains),
            "mixing": {"domains": list(self.domains),
                       "counts": self.mixing.to_numpy().tolist(),
                       "strength": self.mixing_weighted.to_numpy().tolist()},
            "ei": self.ei, "ei_weighted": self.ei_weighted,
            "cross_domain_share": self.cross_domain_share,
            "n_ties_known": self.n_ties_known,
            "per_domain": self.per_domain, "per_wijk": self.per_wijk,
            "per_actor": self.per_actor.drop(columns=["other_domains"]).assign(
                other_domains=[list(x) for x in self.per_actor["other_domains"]]),
        })

    def top_pairs(self, n: int = 3) -> list[tuple[str, str, int]]:
        """The `n` domain pairs (different domains, both known) with the most ties."""
        out = []
        doms = [d for d in self.domains if d != UNKNOWN]
        for i, a in enumerate(doms):
            for b in doms[i + 1:]:
                c = int(self.mixing.loc[a, b])
                if c:
                    out.append((a, b, c))
        return sorted(out, key=lambda x: (-x[2], x[0], x[1]))[:n]

    def explain(self, lang: str = "nl") -> str:
        """How much collaboration crosses domain boundaries, in two or three sentences.

        >>> from wijkgraph.sources.bundled import load_dataset
        >>> domain_mixing(load_dataset("driehoek")).explain("en")[:44]
        '67% of the 106 ties cross a domain boundary '
        """
        t = translator(lang)
        if self.n_ties_known == 0:
            return t.gettext("There are no ties between actors with a known domain.")
        pct = round(100 * self.cross_domain_share)
        text = t.ngettext(
            "{pct}% of the {n} tie crosses a domain boundary (E-I index {ei}; -1 = only "
            "within, +1 = only across).",
            "{pct}% of the {n} ties cross a domain boundary (E-I index {ei}; -1 = only "
            "within, +1 = only across).", self.n_ties_known).format(
            pct=pct, n=t.number(self.n_ties_known), ei=t.number(self.ei, sign=True))
        pairs = self.top_pairs(2)
        if pairs:
            text += " " + t.gettext("Most ties between {pairs}.").format(pairs="; ".join(
                t.gettext("{a} and {b} ({n})").format(
                    a=domain_label(a, lang), b=domain_label(b, lang), n=t.number(c))
                for a, b, c in pairs))
        inward = self.per_domain.dropna(subset=["ei"])
        inward = inward[(inward["domain"] != UNKNOWN) & (inward["n_actors"] >= 2)]
        low = inward.sort_values(["ei", "domain"]).iloc[0] if len(inward) else None
        if low is not None and low["ei"] < 0:
            text += " " + t.gettext("{domain} looks most inward (E-I {ei}).").format(
                domain=domain_label(str(low["domain"]), lang).capitalize(),
                ei=t.number(low["ei"], sign=True))
        return text

    def summary(self, lang: str = "nl", *, top: int = 10) -> Summary:
        """What the report shows of the domain mixing (section ``domains``).

        The E-I index and the share of ties across domains as headline numbers, the mixing
        matrix as a heatmap (its numbers as a table), the per-domain table, and for the
        glance the first two sentences of `explain` (priority 60). Colours are given as
        domain codes (``row_colours``); the renderer turns them into colours.

        >>> from wijkgraph.sources.bundled import load_dataset
        >>> s = domain_mixing(load_dataset("driehoek")).summary("en")
        >>> s.id, [n.label for n in s.numbers], s.charts[0].kind, s.findings[0].priority
        ('domains', ['E-I index', 'across domains'], 'heatmap', 60)
        """
        t = translator(lang)
        numbers: list[Number] = []
        if not math.isnan(self.ei):
            numbers.append(Number(t.number(self.ei), t.gettext("E-I index"), t.gettext(
                "From -1 (all ties inside one's own domain) to +1 (all ties with other "
                "domains). Around 0: as many ties within as between domains.")))
        if not math.isnan(self.cross_domain_share):
            numbers.append(Number(t.percent(self.cross_domain_share),
                                  t.gettext("across domains"),
                                  t.gettext("The share of relations that link two different "
                                            "domains.")))
        charts: list[ChartSpec] = []
        chart_data: list[Table] = []
        if not self.mixing.empty:
            codes = [str(r) for r in self.mixing.index]
            labels = [domain_label(r, lang) for r in codes]
            values = self.mixing.to_numpy(dtype=float).tolist()
            alt = "; ".join(f"{labels[i]} – {labels[j]}: {t.number(int(values[i][j]))}"
                            for i in range(len(codes)) for j in range(i, len(codes))
                            if values[i][j])
            charts.append(ChartSpec("heatmap", (labels, labels, values), {
                "title": t.gettext("Ties within and between domains"),
                "alt": t.gettext("Number of ties per pair of domains: ") + alt,
                "row_colours": codes, "decimal": t.decimal_point}))
            chart_data.append(Table(
                t.gettext("Domain mixing"), (column_label("domain", lang), *labels),
                tuple((labels[i], *[fmt_cell(v, lang) for v in row])
                      for i, row in enumerate(values)),
                len(codes), 0, tuple(codes)))
        table = generic_table(self.to_frame(), lang, 30)
        return Summary("domains", t.gettext("Collaboration between domains"),
                       paragraphs(self.explain(lang)), tuple(numbers), charts=tuple(charts),
                       tables=(table,) if table is not None else (),
                       chart_data=tuple(chart_data), findings=self._findings(lang))

    def _findings(self, lang: str) -> tuple[Finding, ...]:
        """For the glance: the first two sentences of `explain` (priority 60)."""
        first = sentences(self.explain(lang))
        if not first:
            return ()
        return (Finding(translator(lang).gettext("Across domains"), " ".join(first[:2]),
                        tag="domains", priority=60),)


def _edges(network: WijkNetwork, domain: np.ndarray) -> pd.DataFrame:
    """Every tie but self-loops (``graph.edges`` order): ends (ids, and positions ``pu``,
    ``pv``), strength and the ends' domains (`domain` in node order), from the engine."""
    eng = engine_for(network.graph)
    nodes = np.asarray(eng.nodes, dtype=object)
    return pd.DataFrame({"u": nodes[eng.u], "v": nodes[eng.v], "w": eng.weights,
                         "du": domain[eng.u], "dv": domain[eng.v], "pu": eng.u, "pv": eng.v})


def domain_mixing(network: WijkNetwork) -> DomainMixing:
    """The domain mixing matrix, E-I indices, densities and participation coefficients.

    In a wijk: are zorg and welzijn talking, or living side by side? A negative E-I
    index of a domain means its actors mostly work among themselves.

    Parameters
    ----------
    network : WijkNetwork

    Returns
    -------
    DomainMixing

    Notes
    -----
    Unweighted values count ties; weighted values (``*_weighted``) sum tie strength.
    The participation coefficient is unweighted. Density per wijk counts an actor that
    works in several wijken in each of them.

    References
    ----------
    Krackhardt, D. & Stern, R. N. (1988). Informal networks and organizational crises.
    *Social Psychology Quarterly* 51(2), 123-140.
    Guimerà, R. & Amaral, L. A. N. (2005). Functional cartography of complex metabolic
    networks. *Nature* 433, 895-900 (participation coefficient).

    Examples
    --------
    Two zorg actors and one welzijn actor in a triangle: one tie inside zorg, two across,
    so E-I = (2 - 1) / 3 = 1/3; zorg's own E-I counts its two outward ties against the
    one inside: (2 - 1) / 3.

    >>> from wijkgraph.model.network import build_network
    >>> from wijkgraph.model.tables import tables_from_frames
    >>> actors = pd.DataFrame({"name": ["A", "B", "C"], "domain": ["zorg", "zorg", "welzijn"]})
    >>> rel = pd.DataFrame({"source": ["A", "B", "A"], "target": ["B", "C", "C"]})
    >>> d = domain_mixing(build_network(tables_from_frames(actors, rel)))
    >>> round(d.ei, 3), int(d.mixing.loc["zorg", "welzijn"]), int(d.mixing.loc["zorg", "zorg"])
    (0.333, 2, 1)
    """
    actors = actor_frame(network)
    actors["domain"] = actors["domain"].replace("", UNKNOWN)
    dom = actors["domain"]
    counts = dom.value_counts()
    domains = tuple(sorted(counts.index, key=lambda d: (d == UNKNOWN, -counts[d], d)))
    edges = _edges(network, dom.to_numpy(dtype=object))
    # mixing matrix (symmetric; the diagonal holds the ties inside a domain)
    mixing = pd.DataFrame(0, index=list(domains), columns=list(domains), dtype=int)
    mixing_w = pd.DataFrame(0.0, index=list(domains), columns=list(domains))
    if len(edges):
        grouped = edges.groupby(["du", "dv"])["w"].agg(["size", "sum"])
        for (a, b), row in grouped.iterrows():
            for x, y in {(a, b), (b, a)}:
                mixing.loc[x, y] += int(row["size"])
                mixing_w.loc[x, y] += float(row["sum"])
    known = edges[(edges["du"] != UNKNOWN) & (edges["dv"] != UNKNOWN)]
    cross = known["du"] != known["dv"]
    e_n, i_n = int(cross.sum()), int((~cross).sum())
    e_w, i_w = float(known.loc[cross, "w"].sum()), float(known.loc[~cross, "w"].sum())

    # per domain
    rows = []
    for d in domains:
        inside = int(mixing.loc[d, d])
        n_d = int(counts[d])
        possible = n_d * (n_d - 1) / 2
        if d == UNKNOWN:
            ext = ext_w = np.nan
        else:
            ext = int(mixing.loc[d, [x for x in domains if x not in (d, UNKNOWN)]].sum())
            ext_w = float(mixing_w.loc[d, [x for x in domains if x not in (d, UNKNOWN)]].sum())
        rows.append({
            "domain": d, "n_actors": n_d, "internal_ties": inside, "external_ties": ext,
            "ei": ei_index(ext, inside) if d != UNKNOWN else np.nan,
            "ei_weighted": (ei_index(ext_w, float(mixing_w.loc[d, d])) if d != UNKNOWN
                            else np.nan),
            "density": inside / possible if possible else np.nan,
        })
    per_domain = pd.DataFrame(rows, columns=["domain", "n_actors", "internal_ties",
                                             "external_ties", "ei", "ei_weighted", "density"])
    per_domain = sort_frame(per_domain, "n_actors", name="domain")

    per_actor = _per_actor(actors, known)
    return DomainMixing(
        domains=domains, mixing=mixing, mixing_weighted=mixing_w,
        ei=ei_index(e_n, i_n), ei_weighted=ei_index(e_w, i_w),
        cross_domain_share=(e_n / (e_n + i_n)) if e_n + i_n else float("nan"),
        n_ties_known=e_n + i_n, per_domain=per_domain, per_wijk=_per_wijk(network, edges),
        per_actor=per_actor,
    )


def _per_actor(actors: pd.DataFrame, known: pd.DataFrame) -> pd.DataFrame:
    """Per actor (rows of `actors`, node order): known ties, ties across domains, E-I,
    participation and the other domains reached. Grouped by node position and domain code
    (integers: fast); each actor's sums run over its ties in the same order as before."""
    n = len(actors)
    names, codes = np.unique(np.r_[known["du"].to_numpy(dtype=object),
                                   known["dv"].to_numpy(dtype=object)], return_inverse=True)
    half = len(known)
    # every known tie seen from both ends: a = this end, db = the other end's domain
    w = known["w"].to_numpy()
    both = pd.DataFrame({"a": np.r_[known["pu"].to_numpy(), known["pv"].to_numpy()],
                         "w": np.r_[w, w],
                         "db": np.r_[codes[half:], codes[:half]].astype(np.int64)})
    both["cross"] = np.r_[codes[:half], codes[half:]] != both["db"].to_numpy()
    rows = pd.RangeIndex(n)

    def per(values: pd.Series, fill: Any) -> np.ndarray:
        return values.reindex(rows, fill_value=fill).to_numpy()
    g = both.groupby("a")
    ext = both[both["cross"]].groupby("a")
    out = actors[["id", "name", "domain"]].copy()
    out["known_ties"] = per(g.size(), 0)
    out["cross_domain_ties"] = per(ext.size(), 0)
    w_all = per(g["w"].sum(), 0.0)
    w_ext = per(ext["w"].sum(), 0.0)
    internal = out["known_ties"] - out["cross_domain_ties"]
    out["cross_domain_share"] = (out["cross_domain_ties"] / out["known_ties"]).where(
        out["known_ties"] > 0)
    out["ei"] = ei_index(out["cross_domain_ties"], internal)
    out["ei_weighted"] = ei_index(w_ext, w_all - w_ext)
    per_dom = both.groupby(["a", "db"]).size().unstack(fill_value=0)  # domains in name order
    if len(per_dom):
        share = per_dom.div(per_dom.sum(axis=1), axis=0)
        part = 1 - (share ** 2).sum(axis=1)
        out["participation"] = part.reindex(rows).to_numpy()
    else:
        out["participation"] = np.nan
    # other domains reached, most partners first (ties by name: codes are in name order)
    cnt = both[both["cross"]].groupby(["a", "db"]).size().reset_index(name="k")
    cnt = cnt.sort_values(["a", "k", "db"], ascending=[True, False, True], kind="mergesort")
    a_vals, d_vals = cnt["a"].to_numpy(), names[cnt["db"].to_numpy()]
    starts: np.ndarray = (np.flatnonzero(np.r_[True, a_vals[1:] != a_vals[:-1]]) if len(cnt)
                          else np.zeros(0, dtype=int))
    ends: np.ndarray = np.r_[starts[1:], len(cnt)] if len(cnt) else np.zeros(0, dtype=int)
    other = {int(a_vals[i]): tuple(d_vals[i:j]) for i, j in zip(starts, ends, strict=True)}
    out["other_domains"] = [other.get(i, ()) for i in range(n)]
    out["n_other_domains"] = out["other_domains"].map(len)
    unknown = out["domain"] == UNKNOWN
    out.loc[unknown, ["ei", "ei_weighted", "cross_domain_share"]] = np.nan
    out = out.reset_index(drop=True)
    return sort_frame(out, "cross_domain_ties")


def _per_wijk(network: WijkNetwork, edges: pd.DataFrame) -> pd.DataFrame:
    cols = ["wijk", "n_actors", "n_ties", "density"]
    # actors by node position (integer keys: fast merges; only counts come out)
    pairs = [(i, w) for i, (_, ws) in enumerate(network.graph.nodes(data="wijk"))
             for w in (ws or ())]
    if not pairs:
        return pd.DataFrame(columns=cols)
    member = pd.DataFrame(pairs, columns=["node", "wijk"]).drop_duplicates()
    sizes = member.groupby("wijk").size()
    if len(edges):
        m = edges[["pu", "pv"]].merge(member, left_on="pu", right_on="node")[["pu", "pv", "wijk"]]
        m = m.merge(member, left_on=["pv", "wijk"], right_on=["node", "wijk"])
        ties = m.groupby("wijk").size()
    else:
        ties = pd.Series(dtype=int)
    out = pd.DataFrame({"wijk": sizes.index, "n_actors": sizes.to_numpy()})
    out["n_ties"] = ties.reindex(out["wijk"], fill_value=0).to_numpy()
    possible = out["n_actors"] * (out["n_actors"] - 1) / 2
    out["density"] = (out["n_ties"] / possible).where(possible > 0)
    return sort_frame(out[cols], "n_actors", name="wijk")
