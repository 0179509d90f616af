"""Makelaars: Gould and Fernandez' brokerage roles between domains.

A broker b stands on a two-step path a -> b -> c where a has no direct tie a -> c. Which
role b plays depends on the domains (groups) of the three actors:

==============  =================  ===========================================================
role            domains            in a wijk
==============  =================  ===========================================================
coordinator     a = b = c          links two parties of its own domain
itinerant       a = c != b         an outsider linking two parties of another domain
                                   (also called *consultant*)
representative  a = b != c         carries its own domain's message out to another domain
gatekeeper      b = c != a         lets another domain in to its own domain
liaison         a, b, c all differ links two other domains, belonging to neither
==============  =================  ===========================================================

Definitions as in UCINET and R's ``sna::brokerage`` (Gould & Fernandez 1989). Ties are
directed: a referral a -> b counts one way. **Undirected relations count as two arcs**
(a -> b and b -> a), as ``sna`` does with symmetric data: then every open pair around a
broker is counted twice (once in each direction), and a broker's representative and
gatekeeper counts are equal. Tie strength is ignored. Actors without a domain form their
own group ``onbekend``.

**Expected counts.** For the network totals `Brokerage.totals_frame` sets each observed
count beside two baselines. ``expected``: the mean count when the domains are shuffled at
random over the actors (group sizes fixed, network fixed) = (number of open two-paths) x
P(role), where P(role) is the chance that three distinct actors drawn without
replacement have that role's pattern of domains; ``ratio`` = observed / expected.
``expected_sna``, ``sd_sna`` and ``z_sna``: R ``sna::brokerage``'s ``exp.gli``,
``sd.gli`` and ``z.gli``, the moments under a random directed graph of the same density
``d = arcs / (n(n-1))`` with the domains fixed (``E = d^2 (1-d) x`` ordered triples of that
pattern); ported from sna 2.x.

Computed without a loop over paths: per broker, the number of two-paths per role follows
from the counts of in- and out-partners per domain; the closed two-paths (a -> c present)
are found among the triangles of the network (igraph) and subtracted.

Examples
--------
>>> from wijkgraph.sources.bundled import load_dataset
>>> b = brokerage(load_dataset("utrecht-oost"))
>>> set(ROLES) <= set(b.to_frame().columns)
True
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import igraph as ig
import numpy as np
import pandas as pd
import scipy.sparse as sp

from wijkgraph.analysis._renamed import renamed
from wijkgraph.analysis._result import displayed, jsonable, sort_frame
from wijkgraph.analysis._summary import Summary, Table, generic_table
from wijkgraph.analysis.centrality import actor_frame
from wijkgraph.analysis.domains import UNKNOWN
from wijkgraph.i18n import N_, translator
from wijkgraph.model.network import WijkNetwork
from wijkgraph.model.schema import domain_label

ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")

TOTALS_COLUMNS = ["role", "observed", "expected", "ratio", "expected_sna", "sd_sna", "z_sna"]
"""Columns of `Brokerage.totals_frame` (one row per role, then ``total``)."""

ROLE_WORDS: dict[str, str] = {
    "coordinator": N_("coordinator within its own domain"),
    "itinerant": N_("consultant between parties of another domain"),
    "representative": N_("representative of its own domain to others"),
    "gatekeeper": N_("gatekeeper into its own domain"),
    "liaison": N_("liaison between two other domains"),
}
"""Role -> its description (English msgid; `role_label` gives it in a language)."""


@displayed
@dataclass(frozen=True, eq=False)
class Brokerage:
    """Brokerage role counts per actor and for the network."""

    per_actor: pd.DataFrame
    totals: dict[str, int]
    directed: bool
    expected: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=TOTALS_COLUMNS))
    group_sizes: dict[str, int] = field(default_factory=dict)

    table = renamed("table", "per_actor")  # the 0.1 name, warns

    def to_frame(self) -> pd.DataFrame:
        """One row per actor: the five role counts and their ``total``, highest total first."""
        return sort_frame(self.per_actor, "total")

    def totals_frame(self) -> pd.DataFrame:
        """The network totals against chance: one row per role and ``total`` (`TOTALS_COLUMNS`).

        ``expected`` / ``ratio``: under random assignment of the domains;
        ``expected_sna`` / ``sd_sna`` / ``z_sna``: as R ``sna::brokerage`` (random graph
        of the same density). See the module docs.
        """
        return self.expected[TOTALS_COLUMNS].reset_index(drop=True)

    def to_dict(self, lang: str = "nl") -> dict[str, Any]:
        return jsonable({"directed": self.directed, "totals": self.totals,
                         "group_sizes": self.group_sizes, "expected": self.totals_frame(),
                         "actors": self.to_frame()})

    def explain(self, lang: str = "nl") -> str:
        """The three strongest brokers between domains and their main role."""
        t = translator(lang)
        frame = self.to_frame()
        frame = frame[frame["total"] > 0]
        if frame.empty:
            return t.gettext("Nobody stands between two parties that are not tied directly.")
        cross = frame.assign(cross=frame["total"] - frame["coordinator"])
        cross = sort_frame(cross[cross["cross"] > 0], "cross")
        if cross.empty:
            return t.gettext("{name} brokers most, all within its own domain.").format(
                name=frame.iloc[0]["name"])
        parts = []
        for _, row in cross.head(3).iterrows():
            role = max(ROLES[1:], key=lambda r: (row[r], -ROLES.index(r)))
            parts.append(t.gettext("{name} {n} times, mostly as {role}").format(
                name=row["name"], n=t.number(int(row["cross"])), role=role_label(role, lang)))
        return t.gettext("Brokers between domains (how often they link two parties that have "
                         "no direct tie, across a domain boundary): {brokers}.").format(
            brokers="; ".join(parts))

    def roles_of(self, actor: str, lang: str = "nl") -> str:
        """The main cross-domain role of `actor` in words ('' when none)."""
        row = self.per_actor.set_index("id").loc[actor]
        best = max(ROLES[1:], key=lambda r: (row[r], -ROLES.index(r)))
        return role_label(best, lang) if row[best] > 0 else ""

    def broker_table(self, lang: str = "nl", *, top: int = 10) -> Table | None:
        """The `top` brokers and their role counts as a report table (None without actors).

        The report shows it in the key-figure section (`KeyFigures.summary`).
        """
        table = generic_table(self.to_frame(), lang, top)
        if table is None:
            return None
        caption = translator(lang).gettext(
            "Brokers: who links parties that would not reach each other otherwise")
        return dataclasses.replace(table, caption=caption)

    def summary(self, lang: str = "nl", *, top: int = 10) -> Summary:
        """An empty `Summary` (id ``brokerage``): the brokers are part of the key figures.

        The report shows `explain` and `broker_table` inside the key-figure section
        (`wijkgraph.analysis.keyfigures.KeyFigures.summary`, which `analyse` gives this
        result), so this section itself shows nothing.

        >>> from wijkgraph.sources.bundled import load_dataset
        >>> brokerage(load_dataset("driehoek")).summary("en").empty
        True
        """
        return Summary("brokerage", translator(lang).gettext("Brokers"))


def brokerage(network: WijkNetwork, *, group: str = "domain") -> Brokerage:
    """Gould-Fernandez brokerage role counts of every actor, by domain.

    In a wijk: a liaison connects two domains it does not belong to (a sociaal makelaar
    between a GP and a housing corporation); a gatekeeper lets others into its own domain.

    Parameters
    ----------
    network : WijkNetwork
    group : str, default "domain"
        Node attribute that defines the groups.

    Returns
    -------
    Brokerage

    References
    ----------
    Gould, R. V. & Fernandez, R. M. (1989). Structures of mediation: a formal approach to
    brokerage in transaction networks. *Sociological Methodology* 19, 89-126.

    Examples
    --------
    A referral from a GP (zorg) through DOCK (welzijn) to a resident group (inwoners):
    DOCK is a liaison on that one open path.

    >>> from wijkgraph.model.network import build_network
    >>> from wijkgraph.model.tables import tables_from_frames
    >>> actors = pd.DataFrame({"name": ["GP", "DOCK", "Buurt"],
    ...                        "domain": ["zorg", "welzijn", "inwoners"]})
    >>> rel = pd.DataFrame({"source": ["GP", "DOCK"], "target": ["DOCK", "Buurt"],
    ...                     "directed": ["ja", "ja"]})
    >>> b = brokerage(build_network(tables_from_frames(actors, rel)))
    >>> row = b.to_frame().iloc[0]
    >>> row["id"], int(row["liaison"]), int(row["total"])
    ('DOCK', 1, 1)
    """
    actors = actor_frame(network)
    ids = list(actors.index)
    n = len(ids)
    values = [str(network.graph.nodes[v].get(group, "") or "") or UNKNOWN for v in ids]
    groups, codes = np.unique(np.asarray(values, dtype=object), return_inverse=True)
    counts = _role_counts(network, ids, codes.astype(int), len(groups))
    per_actor = actors.reset_index(drop=True)
    for j, role in enumerate(ROLES):
        per_actor[role] = counts[:, j] if n else np.zeros(0, dtype=np.int64)
    per_actor["total"] = per_actor[list(ROLES)].sum(axis=1).astype(np.int64)
    totals = {role: int(per_actor[role].sum()) for role in ROLES}
    totals["total"] = int(per_actor["total"].sum())
    sizes = np.bincount(codes.astype(int), minlength=len(groups)) if n else np.zeros(0, int)
    n_arcs = int((network.arcs.source != network.arcs.target).sum())
    expected = expected_totals(totals, sizes.tolist(), n_arcs)
    return Brokerage(per_actor, totals, directed=network.is_directed, expected=expected,
                     group_sizes={str(gr): int(k) for gr, k in zip(groups, sizes, strict=True)})


def _pattern_triples(sizes: Sequence[int]) -> dict[str, float]:
    """Ordered triples (a, b, c) of distinct actors with each role's pattern of groups."""
    nn = np.asarray(sizes, dtype=float)
    big = float(nn.sum())
    same = float((nn * (nn - 1) * (nn - 2)).sum())
    two = float((nn * (nn - 1) * (big - nn)).sum())  # a pair in one group, one outside
    total = big * (big - 1) * (big - 2)
    return {"coordinator": same, "itinerant": two, "representative": two,
            "gatekeeper": two, "liaison": total - same - 3 * two, "total": total}


def role_probabilities(sizes: Sequence[int]) -> dict[str, float]:
    """P(role) for a two-path a -> b -> c when domains are assigned to actors at random.

    The three distinct actors get three labels drawn without replacement from the
    group sizes: e.g. P(coordinator) = ``sum_g n_g (n_g-1)(n_g-2) / (N (N-1)(N-2))``.
    Itinerant, representative and gatekeeper share ``sum_g n_g (n_g-1)(N-n_g) / (N(N-1)(N-2))``;
    liaison takes the rest. All 0 with fewer than 3 actors.

    Examples
    --------
    Two groups of 2 and 1 of 1 (N = 5): 24 of the 60 ordered triples have a = c != b.

    >>> p = role_probabilities([2, 2, 1])
    >>> p["coordinator"], p["itinerant"], round(p["liaison"], 3)
    (0.0, 0.2, 0.4)
    """
    t = _pattern_triples(sizes)
    if t["total"] <= 0:
        return dict.fromkeys(ROLES, 0.0)
    return {r: t[r] / t["total"] for r in ROLES}


def expected_totals(observed: dict[str, int], sizes: Sequence[int], n_arcs: int) -> pd.DataFrame:
    """Observed network totals beside their expectations (`TOTALS_COLUMNS`).

    Parameters
    ----------
    observed : dict
        Role -> observed network total, and ``total``.
    sizes : sequence of int
        Number of actors per group (domain).
    n_arcs : int
        Arcs of the directed view (an undirected relation counts two).

    Returns
    -------
    pandas.DataFrame
        ``expected = open two-paths x role_probabilities``; ``ratio = observed / expected``
        (NaN when 0 expected); ``expected_sna``, ``sd_sna``, ``z_sna`` as R
        ``sna::brokerage`` (``exp.gli``, ``sd.gli``, ``z.gli``; NaN when the sd is 0).

    Examples
    --------
    >>> f = expected_totals({"coordinator": 0, "itinerant": 2, "representative": 0,
    ...                      "gatekeeper": 0, "liaison": 0, "total": 2}, [2, 1], 2)
    >>> f.set_index("role").loc["itinerant", ["observed", "expected", "ratio"]].tolist()
    [2.0, 0.6666666666666666, 3.0]
    """
    prob = role_probabilities(sizes)
    opened = float(observed.get("total", 0))
    exp = {r: opened * prob[r] for r in ROLES}
    exp["total"] = opened
    e_sna, v_sna = _sna_moments(sizes, n_arcs)
    rows = []
    for r in (*ROLES, "total"):
        obs = float(observed.get(r, 0))
        sd = float(np.sqrt(v_sna[r])) if v_sna[r] > 0 else 0.0
        rows.append({"role": r, "observed": obs, "expected": exp[r],
                     "ratio": obs / exp[r] if exp[r] > 0 else np.nan,
                     "expected_sna": e_sna[r], "sd_sna": sd,
                     "z_sna": (obs - e_sna[r]) / sd if sd > 0 else np.nan})
    return pd.DataFrame(rows, columns=TOTALS_COLUMNS)


def _sna_moments(sizes: Sequence[int], n_arcs: int) -> tuple[dict[str, float], dict[str, float]]:
    """Global expectation and variance of each role as in R ``sna::brokerage`` (egbr, vgbr)."""
    n = np.asarray(sizes, dtype=float)
    N = float(n.sum())
    keys = (*ROLES, "total")
    if N < 3:
        return dict.fromkeys(keys, 0.0), dict.fromkeys(keys, 0.0)
    d = n_arcs / (N * (N - 1))
    t = _pattern_triples(sizes)
    base = d ** 2 * (1 - d)
    e = {r: base * t[r] for r in keys}
    a3, a4, a5 = d ** 3 * (1 - d) ** 3, d ** 4 * (1 - d) ** 2, d ** 5 * (1 - d)
    v: dict[str, float] = {}
    v["coordinator"] = e["coordinator"] * (1 - base) + float(
        (n * (n - 1) * (n - 2) * ((4 * n - 10) * a3 - 4 * (n - 3) * a4 + (n - 3) * a5)).sum())
    x, y = np.meshgrid(n, n, indexing="ij")
    v["itinerant"] = e["itinerant"] * (1 - base) + float(
        (x * y * (x - 1) * ((2 * x + 2 * y - 6) * a3 + (N - x - 1) * a5)).sum()
        - (n * n * (n - 1) * ((4 * n - 6) * a3 + (N - n - 1) * a5)).sum())
    v["representative"] = e["representative"] * (1 - base) + float(
        (n * (N - n) * (n - 1) * ((N - 3) * a3 + (n - 2) * a5)).sum())
    v["gatekeeper"] = v["representative"]
    liaison = e["liaison"] * (1 - base)
    k = len(n)
    for i in range(k):
        for j in range(k):
            for h in range(k):
                if i != j and j != h and i != h:
                    liaison += n[i] * n[j] * n[h] * (
                        (4 * (N - n[j]) - 2 * (n[i] + n[h] + 1)) * a3
                        - (4 * (N - n[h]) - 2 * (n[i] + n[j] + 1)) * a4
                        + (N - (n[i] + n[h] + 1)) * a5)
    v["liaison"] = float(liaison)
    v["total"] = e["total"] * (1 - base) + N * (N - 1) * (N - 2) * (
        (4 * N - 10) * a3 - 4 * (N - 3) * a4 + (N - 3) * a5)
    return e, v


def _role_counts(network: WijkNetwork, ids: list[str], g: np.ndarray, n_groups: int) -> np.ndarray:
    n = len(ids)
    out = np.zeros((n, len(ROLES)), dtype=np.int64)
    if n < 3:
        return out
    # positions in node order, which is the order of `ids`
    loop = network.arcs.source == network.arcs.target
    arcs = np.column_stack([network.arcs.source[~loop], network.arcs.target[~loop]])
    if len(arcs) < 2:
        return out
    src, dst = arcs[:, 0], arcs[:, 1]
    A = sp.csr_matrix((np.ones(len(arcs), dtype=np.int64), (src, dst)), shape=(n, n))
    H = sp.csr_matrix((np.ones(n, dtype=np.int64), (np.arange(n), g)), shape=(n, n_groups))
    In = np.asarray((A.T @ H).todense(), dtype=np.int64)   # in-partners per group
    Out = np.asarray((A @ H).todense(), dtype=np.int64)    # out-partners per group
    Mut = np.asarray((A.multiply(A.T) @ H).todense(), dtype=np.int64)  # a = c paths
    rows = np.arange(n)
    ig_, og, mg = In[rows, g], Out[rows, g], Mut[rows, g]
    itot, otot, mtot = In.sum(1), Out.sum(1), Mut.sum(1)
    io = (In * Out).sum(1)
    # all two-paths a -> b -> c with a != c, by role (open and closed together)
    out[:, 0] = ig_ * og - mg
    out[:, 1] = (io - ig_ * og) - (mtot - mg)
    out[:, 2] = ig_ * (otot - og)
    out[:, 3] = (itot - ig_) * og
    out[:, 4] = (itot - ig_) * (otot - og) - (io - ig_ * og)
    # subtract the closed two-paths (a -> c present): they lie on triangles
    und = ig.Graph(n=n, edges=np.unique(np.sort(arcs, axis=1), axis=0).tolist())
    tri = np.asarray(und.list_triangles(), dtype=np.int64).reshape(-1, 3)
    if len(tri):
        keys = np.sort(src * n + dst)

        def has(a: np.ndarray, c: np.ndarray) -> np.ndarray:
            k = a * n + c
            pos = np.searchsorted(keys, k).clip(0, len(keys) - 1)
            return keys[pos] == k

        for x, y, z in ((0, 1, 2), (0, 2, 1), (1, 0, 2), (1, 2, 0), (2, 0, 1), (2, 1, 0)):
            a, b, c = tri[:, x], tri[:, y], tri[:, z]
            closed = has(a, b) & has(b, c) & has(a, c)
            a, b, c = a[closed], b[closed], c[closed]
            ga, gb, gc = g[a], g[b], g[c]
            role = np.select(
                [(ga == gb) & (gb == gc), (ga == gc) & (ga != gb), (ga == gb) & (gb != gc),
                 (gb == gc) & (ga != gb)], [0, 1, 2, 3], default=4)
            np.subtract.at(out, (b, role), 1)
    return out


def role_label(role: str, lang: str = "nl") -> str:
    """The words for a role.

    >>> role_label("liaison", "en"), role_label("liaison")
    ('liaison between two other domains', 'verbinder tussen twee andere domeinen')
    """
    return translator(lang).gettext(ROLE_WORDS[role])


__all__ = ["ROLES", "TOTALS_COLUMNS", "Brokerage", "brokerage", "domain_label",
           "expected_totals", "role_label", "role_probabilities"]
