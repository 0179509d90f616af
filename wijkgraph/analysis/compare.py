"""Comparing two measurements (golven) of a wijk network: what changed since last time?

Programmes such as GROZ measure before and after introducing a collaboration model.
`compare(before, after)` says which actors and ties were added, lost and kept; how
density, the share of ties that cross domains, the E-I index and the number of parts
changed; which key figures rose or fell; and which missing parties were found or lost.

Actors are the same across waves when they have the same id, or else the same name after
normalising (case, accents, punctuation, plurals; see `wijkgraph.model.names`), so an old
Kumu map and a new survey import can be compared. An alias table (``aliases``: name ->
canonical name, the survey's ``genoemd`` -> ``koppel aan``) says that "DOCK Oost" is
"DOCK". Actors that stay unmatched but whose names the matcher finds confidently alike
are listed as possibly the same (`Comparison.possibly_same`), never merged on their own.

The simple measures need only the networks. Key figures and missing parties come from
`wijkgraph.analysis` and are left out (with a note) if those analyses fail.

Examples
--------
Wave 1: a path A-B-C. Wave 2: A-B kept, B-C lost, C-D and A-C added.

>>> import pandas as pd
>>> from wijkgraph.model.tables import tables_from_frames
>>> from wijkgraph.model.network import build_network
>>> def net(pairs, names):
...     actors = pd.DataFrame({"name": names, "domain": ["zorg", "welzijn", "zorg", "wonen"][:len(names)]})
...     rel = pd.DataFrame(pairs, columns=["source", "target"])
...     return build_network(tables_from_frames(actors, rel))
>>> c = compare(net([("A", "B"), ("B", "C")], ["A", "B", "C"]),
...             net([("A", "B"), ("C", "D"), ("A", "C")], ["A", "B", "C", "D"]),
...             key_figures=False, missing=False)
>>> c.counts()
{'actors_added': 1, 'actors_lost': 0, 'actors_kept': 3, 'ties_added': 2, 'ties_lost': 1, 'ties_kept': 1}
>>> c.measure("density")
(0.6667, 0.5)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import pandas as pd

from wijkgraph.analysis._result import displayed, jsonable
from wijkgraph.errors import Problem, ValidationError
from wijkgraph.i18n import MESSAGES, N_, register, translator
from wijkgraph.model.names import MERGE_AT, normalise_name, scored_pairs
from wijkgraph.model.network import WijkNetwork, build_network
from wijkgraph.model.tables import Tables

if "problem.compare_unknown_wave" not in MESSAGES:
    register({
        "problem.compare_unknown_wave": N_(
            "Wave '{wave}' does not occur in the column 'wave' (found: {found})."),
        "problem.compare_need_two_waves": N_(
            "Comparing needs two waves; the column 'wave' has {n} ({found}). Give two files or --waves "
            '2022,2024.'),
    })

MEASURES = ("n_actors", "n_ties", "density", "cross_domain_share", "ei_index",
            "n_components", "largest_component", "n_isolates", "mean_degree")
MEASURE_LABELS = {
    "n_actors": N_('actors'),
    "n_ties": N_('linked pairs'),
    "density": N_('density'),
    "cross_domain_share": N_('share of cross-domain ties'),
    "ei_index": N_('E-I index (domains)'),
    "n_components": N_('separate parts'),
    "largest_component": N_('largest part (actors)'),
    "n_isolates": N_('actors without a tie'),
    "mean_degree": N_('mean number of ties'),
}
TIE_STATUS = ("added", "lost", "kept")
POSSIBLY_SAME_COLUMNS = ["before_id", "before_name", "after_id", "after_name", "score"]


def simple_measures(network: WijkNetwork) -> dict[str, float]:
    """Counts and shape of the undirected view; domains only where both ends have one.

    The cross-domain share is E / (E + I) over ties whose two actors both have a domain;
    the E-I index is (E - I) / (E + I) (Krackhardt and Stern 1988), NaN without such ties.

    >>> from wijkgraph.sources.bundled import load_dataset
    >>> m = simple_measures(load_dataset("utrecht-oost"))
    >>> 0 < m["density"] < 1 and -1 <= m["ei_index"] <= 1
    True
    """
    g = network.graph
    n = g.number_of_nodes()
    external = internal = 0
    for a, b in g.edges():
        da, db = g.nodes[a].get("domain", ""), g.nodes[b].get("domain", "")
        if da and db:
            if da == db:
                internal += 1
            else:
                external += 1
    known = external + internal
    comps = sorted((len(c) for c in nx.connected_components(g)), reverse=True) if n else []
    return {
        "n_actors": n,
        "n_ties": g.number_of_edges(),
        "density": round(nx.density(g), 4) if n > 1 else 0.0,
        "cross_domain_share": round(external / known, 4) if known else float("nan"),
        "ei_index": round((external - internal) / known, 4) if known else float("nan"),
        "n_components": len(comps),
        "largest_component": comps[0] if comps else 0,
        "n_isolates": nx.number_of_isolates(g),
        "mean_degree": round(2 * g.number_of_edges() / n, 4) if n else 0.0,
    }


@displayed
@dataclass(frozen=True, eq=False)
class Comparison:
    """What changed between two measurements.

    Attributes
    ----------
    labels : (str, str)
        Names of the two waves (e.g. ``("2022", "2024")``).
    actors : DataFrame
        One row per actor of either wave: ``id``, ``name``, ``domain``, ``status``
        (added, lost, kept), ``degree_before``, ``degree_after``.
    ties : DataFrame
        One row per linked pair of either wave: ``source``, ``target``, names,
        ``status``, ``weight_before``, ``weight_after`` (0 when absent).
    measures : DataFrame
        ``measure``, ``before``, ``after``, ``change``.
    key_figures : DataFrame
        Actors in the top of either wave: ``id``, ``name``, ``rank_before``,
        ``rank_after``, ``score_before``, ``score_after``, ``movement`` (rose, fell,
        new, left, same). Empty when not computed.
    missing : DataFrame
        Reference roles per wijk: ``role``, ``label``, ``wijk``, ``status_before``,
        ``status_after``, ``change`` (found, lost, still_missing, ...). Empty when not
        computed.
    possibly_same : DataFrame
        Pairs of an actor only in BEFORE and an actor only in AFTER whose names the
        matcher (`wijkgraph.model.names`) finds confidently alike: ``before_id``,
        ``before_name``, ``after_id``, ``after_name``, ``score``; best first. They are
        not merged: confirm them with an alias table. Empty when there are none.
    graph : nx.Graph
        Both waves together; edge attribute ``status``.
    notes : tuple of str
        Parts that could not be computed, and why.
    """

    labels: tuple[str, str]
    actors: pd.DataFrame
    ties: pd.DataFrame
    measures: pd.DataFrame
    key_figures: pd.DataFrame = field(default_factory=pd.DataFrame)
    missing: pd.DataFrame = field(default_factory=pd.DataFrame)
    graph: nx.Graph = field(default_factory=nx.Graph)
    notes: tuple[str, ...] = ()
    possibly_same: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=POSSIBLY_SAME_COLUMNS))

    def counts(self) -> dict[str, int]:
        """How many actors and ties were added, lost and kept."""
        out = {}
        for what, frame in (("actors", self.actors), ("ties", self.ties)):
            for status in TIE_STATUS:
                out[f"{what}_{status}"] = int((frame["status"] == status).sum()) \
                    if not frame.empty else 0
        return out

    def measure(self, name: str) -> tuple[float, float]:
        """(before, after) of one measure."""
        row = self.measures[self.measures["measure"] == name].iloc[0]
        return (float(row["before"]), float(row["after"]))

    def to_frame(self) -> pd.DataFrame:
        """The measures before and after, with the change, in `MEASURES` order."""
        return self.measures.copy()

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: labels, counts, measures, actors, ties, key figures, missing,
        possibly the same actors."""
        return jsonable({
            "labels": list(self.labels), "counts": self.counts(),
            "measures": self.measures, "actors": self.actors, "ties": self.ties,
            "key_figures": self.key_figures, "missing_parties": self.missing,
            "possibly_same": self.possibly_same, "notes": list(self.notes),
        })

    def rose_fell(self) -> tuple[list[str], list[str]]:
        """Names of key figures that rose (or are new in the top) and fell (or left it)."""
        if self.key_figures.empty:
            return [], []
        kf = self.key_figures
        rose = kf[kf["movement"].isin(["rose", "new"])]["name"].tolist()
        fell = kf[kf["movement"].isin(["fell", "left"])]["name"].tolist()
        return rose, fell

    def found_lost(self) -> tuple[list[str], list[str]]:
        """Labels of missing parties that were found, and parties that went missing."""
        if self.missing.empty:
            return [], []
        m = self.missing
        found = (m[m["change"] == "found"]["label"] + " (" + m[m["change"] == "found"]["wijk"]
                 + ")").tolist()
        lost = (m[m["change"] == "lost"]["label"] + " (" + m[m["change"] == "lost"]["wijk"]
                + ")").tolist()
        return found, lost

    def explain(self, lang: str = "nl") -> str:
        """Two or three plain sentences on what changed.

        >>> import pandas as pd
        >>> from wijkgraph.model.tables import tables_from_frames
        >>> def net(pairs):
        ...     names = sorted({n for p in pairs for n in p})
        ...     return build_network(tables_from_frames(pd.DataFrame({"name": names}),
        ...         pd.DataFrame(pairs, columns=["source", "target"])))
        >>> c = compare(net([("A", "B"), ("B", "C")]), net([("A", "B"), ("B", "D")]),
        ...             key_figures=False, missing=False, labels=("2022", "2024"))
        >>> print(c.explain("nl"))  # doctest: +NORMALIZE_WHITESPACE
        Van 2022 naar 2024: 1 band erbij, 1 verdwenen en 1 gebleven; 1 actor kwam erbij
        en 1 viel weg. De dichtheid ging van 0,667 naar 0,667, het aandeel banden tussen
        domeinen van ? naar ?.
        >>> c.explain("en")[:58]
        'From 2022 to 2024: 1 tie added, 1 lost and 1 kept; 1 actor'
        """
        t = translator(lang)
        c = self.counts()
        d0, d1 = self.measure("density")
        x0, x1 = self.measure("cross_domain_share")
        rose, fell = self.rose_fell()
        found, lost = self.found_lost()
        same = [f"{r.before_name} = {r.after_name}"
                for r in self.possibly_same.head(3).itertuples(index=False)]
        more = len(self.possibly_same) - len(same)

        def pct(v: float) -> str:
            return "?" if v != v else t.percent(v)

        sentences = [
            t.gettext("From {before} to {after}: {ties_added}, {ties_lost} and {ties_kept}; "
                      "{actors_added} and {actors_lost}.").format(
                before=self.labels[0], after=self.labels[1],
                ties_added=t.count(c["ties_added"], "{n} tie added", "{n} ties added"),
                ties_lost=t.npgettext("ties", "{n} lost", "{n} lost", c["ties_lost"]).format(
                    n=t.number(c["ties_lost"])),
                ties_kept=t.npgettext("ties", "{n} kept", "{n} kept", c["ties_kept"]).format(
                    n=t.number(c["ties_kept"])),
                actors_added=t.count(c["actors_added"], "{n} actor joined",
                                     "{n} actors joined"),
                actors_lost=t.npgettext("actors", "{n} left", "{n} left",
                                        c["actors_lost"]).format(n=t.number(c["actors_lost"]))),
            t.gettext("Density went from {before} to {after}, the share of ties across "
                      "domains from {share_before} to {share_after}.").format(
                before=t.number(d0, 3), after=t.number(d1, 3), share_before=pct(x0),
                share_after=pct(x1)),
        ]
        if rose or fell:
            none = t.pgettext("key figures", "none")
            sentences.append(t.gettext("Key figures that rose: {rose}; fell: {fell}.").format(
                rose=", ".join(rose[:3]) or none, fell=", ".join(fell[:3]) or none))
        if found or lost:
            sentences.append(t.gettext(
                "Missing parties found: {found}; newly missing: {lost}.").format(
                found=t.number(len(found)), lost=t.number(len(lost))))
        if same:
            pairs = "; ".join(same)
            if more:
                pairs += t.gettext(" and {n} more").format(n=t.number(more))
            sentences.append(t.gettext(
                "Possibly the same actor under another name (not merged): {pairs}; confirm "
                "with an alias table (--aliases).").format(pairs=pairs))
        return " ".join(sentences)


def _alias_keys(aliases: Mapping[str, str] | None) -> dict[str, str]:
    """Normalised name -> normalised canonical name (empty targets are skipped)."""
    return {normalise_name(str(k)): normalise_name(str(v)) for k, v in (aliases or {}).items()
            if str(k).strip() and str(v).strip()}


def _key(name: str, aliases: Mapping[str, str]) -> str:
    """The matching key of a name: its normalised form, or that of its alias target."""
    key = normalise_name(name)
    return aliases.get(key, key)


def _align(before: WijkNetwork, after: WijkNetwork,
           aliases: Mapping[str, str] | None = None) -> dict[str, str]:
    """after id -> the id used in the comparison (before's id when it is the same actor).

    `aliases` maps normalised names to normalised canonical names (`_alias_keys`).
    """
    aliases = aliases or {}
    ids = set(before.graph.nodes)
    by_name: dict[str, str] = {}
    for node, name in before.graph.nodes(data="name"):
        by_name.setdefault(_key(str(name or node), aliases), node)
    used = set()
    out = {}
    for node in after.graph.nodes:
        if node in ids:
            out[node] = node
            used.add(node)
    for node, name in after.graph.nodes(data="name"):
        if node in out:
            continue
        match = by_name.get(_key(str(name or node), aliases))
        if match is not None and match not in used and match not in after.graph:
            out[node] = match
            used.add(match)
        else:
            new = node
            while new in ids and new not in out.values():
                new = f"{new} (na)"
            out[node] = new
    return out


def _possibly_same(lost: Mapping[str, str], added: Mapping[str, str],
                   aliased: set[str], threshold: float) -> pd.DataFrame:
    """Pairs (before-only actor, after-only actor) whose names score at least `threshold`.

    Scored by `wijkgraph.model.names.scored_pairs` (as `NameMatcher` scores), so a
    pair is listed exactly when the survey matcher would have merged the two names (with
    the default threshold). Names the alias table maps (its ``genoemd`` column) are left
    out: the user has already decided about them.
    """
    olds = [(i, n) for i, n in lost.items() if normalise_name(n) not in aliased]
    news = [(i, n) for i, n in added.items() if normalise_name(n) not in aliased]
    rows = [{"before_id": olds[a][0], "before_name": olds[a][1], "after_id": news[b][0],
             "after_name": news[b][1], "score": score}
            for a, b, score in scored_pairs([n for _, n in olds], [n for _, n in news],
                                            threshold)]
    frame = pd.DataFrame(rows, columns=POSSIBLY_SAME_COLUMNS)
    if frame.empty:
        return frame
    frame["_b"] = frame["before_name"].str.casefold()
    frame["_a"] = frame["after_name"].str.casefold()
    frame = frame.sort_values(["score", "_b", "_a", "before_id", "after_id"],
                              ascending=[False, True, True, True, True], kind="mergesort")
    return frame[POSSIBLY_SAME_COLUMNS].reset_index(drop=True)


def compare(before: WijkNetwork, after: WijkNetwork, *,
            labels: Sequence[str] = ("voor", "na"), seed: int = 0, top: int = 10,
            key_figures: bool = True, missing: bool = True,
            reference: str = "utrecht-basis", aliases: Mapping[str, str] | None = None,
            suggest_at: float = MERGE_AT) -> Comparison:
    """Compare two measurements of a wijk network.

    Parameters
    ----------
    before, after : WijkNetwork
        The earlier and the later measurement (any input `wijkgraph.sources.loading` reads).
    labels : (str, str)
        Names of the waves for tables and text.
    seed, top : int
        Passed to the key-figure analysis.
    key_figures, missing : bool
        Also compare key figures / missing parties (needs `wijkgraph.analysis`).
    reference : str
        Reference model for missing parties.
    aliases : mapping, optional
        Name -> canonical name (e.g. ``{"DOCK Oost": "DOCK"}``); read a survey alias
        table with `wijkgraph.io.survey.read_aliases`. Both sides are compared after
        normalising (case, spaces, accents, punctuation, plurals), in either wave: an
        actor whose name or alias target matches an actor of the other wave is the same
        actor. Matching by id still comes first.
    suggest_at : float, default `wijkgraph.model.names.MERGE_AT`
        Unmatched actors of the two waves whose names score at least this are listed in
        `Comparison.possibly_same` (not merged). Use ``REVIEW_AT`` (0.75) to also see
        doubtful pairs such as "DOCK" / "DOCK Oost"; above 1 turns it off.

    Returns
    -------
    Comparison

    Examples
    --------
    >>> from wijkgraph.model.tables import tables_from_frames
    >>> def net(names):
    ...     return build_network(tables_from_frames(pd.DataFrame({"name": names}),
    ...         pd.DataFrame({"source": names[:1], "target": names[1:2]})))
    >>> c = compare(net(["DOCK", "Buurtteam Oost"]), net(["DOCK Oost", "Buurtteam Oots"]),
    ...             key_figures=False, missing=False, aliases={"dock oost": "DOCK"})
    >>> c.counts()["actors_kept"], c.possibly_same[["before_name", "after_name"]].values.tolist()
    (1, [['Buurtteam Oost', 'Buurtteam Oots']])
    """
    alias_keys = _alias_keys(aliases)
    mapping = _align(before, after, alias_keys)
    g0 = before.graph
    g1 = nx.relabel_nodes(after.graph, mapping, copy=True)
    names: dict[str, str] = {}
    domains: dict[str, str] = {}
    for g in (g1, g0):  # before's names win
        for node, data in g.nodes(data=True):
            names[node] = str(data.get("name") or node)
            domains[node] = str(data.get("domain") or "")
    nodes = sorted(set(g0) | set(g1), key=lambda n: (names[n].casefold(), n))
    actor_rows = []
    for node in nodes:
        status = "kept" if node in g0 and node in g1 else ("lost" if node in g0 else "added")
        actor_rows.append({"id": node, "name": names[node], "domain": domains[node],
                           "status": status,
                           "degree_before": g0.degree(node) if node in g0 else 0,
                           "degree_after": g1.degree(node) if node in g1 else 0})
    actors = pd.DataFrame(actor_rows, columns=["id", "name", "domain", "status",
                                               "degree_before", "degree_after"])
    pairs = {tuple(sorted(e)) for e in g0.edges()} | {tuple(sorted(e)) for e in g1.edges()}
    tie_rows = []
    union = nx.Graph()
    union.add_nodes_from((n, {"name": names[n], "domain": domains[n]}) for n in nodes)
    for a, b in sorted(pairs, key=lambda p: (names[p[0]].casefold(), names[p[1]].casefold())):
        w0 = g0.edges[a, b]["weight"] if g0.has_edge(a, b) else 0
        w1 = g1.edges[a, b]["weight"] if g1.has_edge(a, b) else 0
        status = "kept" if w0 and w1 else ("lost" if w0 else "added")
        tie_rows.append({"source": a, "target": b, "source_name": names[a],
                         "target_name": names[b], "status": status,
                         "weight_before": w0, "weight_after": w1})
        union.add_edge(a, b, status=status, weight=max(w0, w1))
    ties = pd.DataFrame(tie_rows, columns=["source", "target", "source_name", "target_name",
                                           "status", "weight_before", "weight_after"])
    m0, m1 = simple_measures(before), simple_measures(after)
    measures = pd.DataFrame([{
        "measure": k, "before": m0[k], "after": m1[k],
        "change": round(m1[k] - m0[k], 4) if m0[k] == m0[k] and m1[k] == m1[k] else float("nan"),
    } for k in MEASURES], columns=["measure", "before", "after", "change"])
    lost = {n: names[n] for n in nodes if n in g0 and n not in g1}
    added = {n: names[n] for n in nodes if n in g1 and n not in g0}
    possibly = _possibly_same(lost, added, set(alias_keys), suggest_at)
    notes: list[str] = []
    kf = _compare_key_figures(before, after, mapping, names, seed, top, notes) \
        if key_figures else pd.DataFrame()
    mp = _compare_missing(before, after, reference, notes) if missing else pd.DataFrame()
    return Comparison((str(labels[0]), str(labels[1])), actors, ties, measures, kf, mp, union,
                      tuple(notes), possibly)


def _compare_key_figures(before: WijkNetwork, after: WijkNetwork, mapping: Mapping[str, str],
                         names: Mapping[str, str], seed: int, top: int,
                         notes: list[str]) -> pd.DataFrame:
    try:
        from wijkgraph.analysis.keyfigures import key_figures as run
    except ImportError:  # pragma: no cover - analysis not installed
        notes.append("key_figures: not available")
        return pd.DataFrame()
    try:
        s0 = run(before, seed=seed, top=top).per_actor
        s1 = run(after, seed=seed, top=top).per_actor.rename(index=dict(mapping))
    except Exception as exc:  # noqa: BLE001 - another module's failure must not stop us
        notes.append(f"key_figures: {type(exc).__name__}: {exc}")
        return pd.DataFrame()
    ids = [i for i in dict.fromkeys(list(s0.index) + list(s1.index))
           if (i in s0.index and s0.loc[i, "rank"] <= top)
           or (i in s1.index and s1.loc[i, "rank"] <= top)]
    rows = []
    for i in ids:
        r0 = int(s0.loc[i, "rank"]) if i in s0.index else None
        r1 = int(s1.loc[i, "rank"]) if i in s1.index else None
        in0, in1 = r0 is not None and r0 <= top, r1 is not None and r1 <= top
        if in0 and not in1:
            move = "left"
        elif in1 and not in0:
            move = "new"
        elif r0 == r1:
            move = "same"
        else:
            move = "rose" if (r1 or 0) < (r0 or 0) else "fell"
        rows.append({"id": i, "name": names.get(i, i), "rank_before": r0, "rank_after": r1,
                     "score_before": float(s0.loc[i, "score"]) if i in s0.index else None,
                     "score_after": float(s1.loc[i, "score"]) if i in s1.index else None,
                     "movement": move})
    frame = pd.DataFrame(rows, columns=["id", "name", "rank_before", "rank_after",
                                        "score_before", "score_after", "movement"])
    return frame.sort_values(["rank_after", "rank_before", "name"], na_position="last",
                             kind="mergesort").reset_index(drop=True)


_ORDER = {"present": 0, "peripheral": 1, "isolated": 2, "absent": 3}


def _compare_missing(before: WijkNetwork, after: WijkNetwork, reference: str,
                     notes: list[str]) -> pd.DataFrame:
    try:
        from wijkgraph.analysis.missing_parties import missing_parties as run
    except ImportError:  # pragma: no cover
        notes.append("missing_parties: not available")
        return pd.DataFrame()
    try:
        items0 = {(i.role, i.wijk): i for i in run(before, reference=reference).items}
        items1 = {(i.role, i.wijk): i for i in run(after, reference=reference).items}
    except Exception as exc:  # noqa: BLE001
        notes.append(f"missing_parties: {type(exc).__name__}: {exc}")
        return pd.DataFrame()
    rows = []
    for key in sorted(set(items0) | set(items1)):
        i0, i1 = items0.get(key), items1.get(key)
        s0 = i0.status if i0 else "absent"
        s1 = i1.status if i1 else "absent"
        if s0 != "present" and s1 == "present":
            change = "found"
        elif s0 == "present" and s1 != "present":
            change = "lost"
        elif s0 != "present" and s1 != "present":
            change = "better" if _ORDER.get(s1, 3) < _ORDER.get(s0, 3) else (
                "worse" if _ORDER.get(s1, 3) > _ORDER.get(s0, 3) else "still_missing")
        else:
            change = "present"
        item = i1 or i0
        rows.append({"role": key[0], "label": item.label_nl if item else key[0],
                     "label_en": item.label_en if item else key[0], "wijk": key[1],
                     "status_before": s0, "status_after": s1, "change": change})
    return pd.DataFrame(rows, columns=["role", "label", "label_en", "wijk", "status_before",
                                       "status_after", "change"])


def split_waves(network: WijkNetwork, waves: Sequence[str] | None = None
                ) -> tuple[WijkNetwork, WijkNetwork, tuple[str, str]]:
    """Two networks from one input whose relations have a ``wave`` (meting) column.

    An actor belongs to a wave when it has a relation in it, or has no relation at all
    (then it is in both). Without `waves`, the input must hold exactly two waves; they
    are compared in sorted order.

    >>> import pandas as pd
    >>> from wijkgraph.model.tables import tables_from_frames
    >>> t = tables_from_frames(pd.DataFrame({"name": ["A", "B", "C"]}), pd.DataFrame(
    ...     {"van": ["A", "B"], "naar": ["B", "C"], "meting": ["2022", "2024"]}))
    >>> b, a, labels = split_waves(build_network(t))
    >>> labels, sorted(b.graph.nodes), sorted(a.graph.nodes)
    (('2022', '2024'), ['A', 'B'], ['B', 'C'])
    """
    rel = network.tables.relations
    found = sorted({str(w) for w in rel["wave"] if str(w)})
    if waves is None:
        if len(found) != 2:
            raise ValidationError([Problem("problem.compare_need_two_waves", params={
                "n": len(found), "found": ", ".join(found) or "-"})])
        waves = found
    waves = [str(w).strip() for w in waves]
    for w in waves:
        if w not in found:
            raise ValidationError([Problem("problem.compare_unknown_wave", params={
                "wave": w, "found": ", ".join(found) or "-"})])
    t = network.tables
    linked = set(rel["source"]) | set(rel["target"])
    out = []
    for w in waves[:2]:
        r = rel[rel["wave"].astype(str) == w]
        ids = (set(r["source"]) | set(r["target"])) | (set(t.actors["id"]) - linked)
        actors = t.actors[t.actors["id"].isin(ids)]
        part = t.participation[t.participation["actor"].isin(ids)]
        sub = Tables(actors.reset_index(drop=True), r.reset_index(drop=True),
                     t.meetings.reset_index(drop=True), part.reset_index(drop=True),
                     t.warnings, t.source, t.extra_columns, t.areas)
        out.append(build_network(sub, meta={**network.meta, "wave": w}))
    return out[0], out[1], (waves[0], waves[1])
