"""Link prediction: which unlinked pairs of actors should talk to each other, and why.

The combined score of a pair adds up

* **structure**: Adamic-Adar, the common partners weighted by 1 / log(degree of the
  partner) (a partner who knows few others says more than a hub);
* **themes**: the cosine overlap of the two actors' themes;
* **wijk**: working in the same wijk;
* **meetings**: sitting in the same meeting(s), each weighted 1 / log(its size), like
  Adamic-Adar on the two-mode network;
* **crossing domains**: the link would connect two domains (zorg with welzijn, ...);
* **expected pair**: the link closes a role pair the reference model expects (huisarts -
  buurtteam) that the actor does not have yet.

A part counts only where it carries information: `informative_weights` drops the parts
that are not more common along the network's own ties than among random pairs, so on a
network without wijk data the score is plain Adamic-Adar (see ``docs/metrics.md`` for the
evaluation on public networks).

Pairs at distance two are scored with sparse products (``A @ W @ A``): a city of 30,000
actors takes seconds. Up to `ALL_PAIRS_LIMIT` actors every pair is scored (an isolated actor
is linked by themes, wijk, meetings); above it, pairs at distance two or in one meeting.

`wijkgraph.analysis.linkpred_evaluation` hides a share of the ties, scores what is left,
and measures how well each method finds the hidden ties again (AUC and precision at k),
against plain Adamic-Adar.

Examples
--------
In a path ``A - B - C`` the only missing pair at distance two is A - C, through B (degree
2, so Adamic-Adar = 1 / log 2):

>>> import math, pandas as pd
>>> from wijkgraph.model.tables import tables_from_frames
>>> from wijkgraph.model.network import build_network
>>> actors = pd.DataFrame({"name": ["A", "B", "C"], "domain": ["zorg", "welzijn", "welzijn"]})
>>> net = build_network(tables_from_frames(actors, pd.DataFrame(
...     {"source": ["A", "B"], "target": ["B", "C"]})))
>>> s = suggest_links(net, top=1)
>>> s.to_frame()[["source", "target"]].values.tolist()
[['A', 'C']]
>>> round(s.items[0].parts["structure"], 4) == round(1 / math.log(2), 4)
True
>>> s.items[0].reason_text("en")
'1 shared partner (B); links care with welfare'
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from wijkgraph.analysis._result import jsonable
from wijkgraph.analysis._sparse import (
    adjacency_matrix,
    bitsets,
    candidate_blocks,
    contenders,
    lookup,
    shared_count,
    upper,
    upper_product,
)
from wijkgraph.analysis.roles import RoleAssignment
from wijkgraph.i18n import N_, translator
from wijkgraph.model.areas import AreaTree, area_tree, shared_areas
from wijkgraph.model.network import WijkNetwork
from wijkgraph.model.schema import domain_label, fold
from wijkgraph.reference import ReferenceModel

ALL_PAIRS_LIMIT = 3000
_CHUNK = 2_000_000
FRAME_COLUMNS = ["source", "target", "source_name", "target_name", "kind", "score", "wijk",
                 "context"]
TABLE_COLUMNS = ["source", "target", "source_name", "target_name", "kind", "score", "reasons",
                 "wijk", "context"]


@dataclass(frozen=True)
class Weights:
    """Weights of the parts of the combined score (structure is Adamic-Adar itself).

    The defaults were chosen on the bundled datasets and generated networks with
    `evaluate_link_prediction` (see ``benchmarks/bench_linkpred.py``); crossing domains
    and closing an expected pair are preferences of the tool (they make a suggestion
    worth discussing), kept small enough not to hurt the prediction.
    """

    structure: float = 1.0
    theme: float = 0.5
    wijk: float = 1.0
    meeting: float = 0.2
    cross_domain: float = 0.05
    expected: float = 0.3

    def as_dict(self) -> dict[str, float]:
        return dict(self.__dict__)


ADAMIC_ADAR = Weights(structure=1.0, theme=0.0, wijk=0.0, meeting=0.0, cross_domain=0.0,
                      expected=0.0)


# --- preparing the features ----------------------------------------------------------------


@dataclass(frozen=True)
class Features:
    """Everything the combined score needs, as arrays indexed by actor position."""

    nodes: tuple[str, ...]
    index: Mapping[str, int]
    adjacency: sp.csr_array
    aa: sp.csr_array  # Adamic-Adar for every pair at distance two
    shared_meetings: sp.csr_array
    theme_bits: np.ndarray
    n_themes: np.ndarray
    wijk_bits: np.ndarray
    has_wijk: np.ndarray
    domain: np.ndarray  # integer code, -1 when unknown
    domains: tuple[str, ...]
    expected: tuple[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray], ...] = ()
    incidence: sp.csr_array | None = None  # actor x meeting (1 where the actor attends)
    #: ``adjacency @ diag(1 / log degree)`` and ``incidence @ diag(1 / log size)``: the left
    #: factors of `aa` and `shared_meetings` (rows of them give exact entries of those two)
    aa_left: sp.csr_array | None = None
    meetings_left: sp.csr_array | None = None

    @property
    def n(self) -> int:
        return len(self.nodes)

    @cached_property
    def expected_bits(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """`expected` as bit rows (actor x words, bit k for pair k): plays a, plays b,
        plays a and open, plays b and open."""
        words = max(1, math.ceil(len(self.expected) / 64))
        out = tuple(np.zeros((self.n, words), dtype=np.uint64) for _ in range(4))
        for k, (has_a, has_b, open_a, open_b) in enumerate(self.expected):
            bit = np.uint64(1) << np.uint64(k % 64)
            for target, flags in zip(out, (has_a, has_b, has_a & open_a, has_b & open_b),
                                     strict=True):
                target[flags, k // 64] |= bit
        return out  # type: ignore[return-value]


def prepare(graph: nx.Graph, *, roles: RoleAssignment | None = None,
            reference: ReferenceModel | None = None) -> Features:
    """Turn a graph (node attrs themes, wijk, domain, meetings) into score features.

    Parameters
    ----------
    graph : nx.Graph
        Usually ``network.graph``; the evaluation passes a copy with ties hidden.
    roles, reference : optional
        Role recognition and its model, for the "closes an expected pair" part.
    """
    nodes = tuple(graph.nodes)
    index = {v: i for i, v in enumerate(nodes)}
    n = len(nodes)
    adj = adjacency_matrix(graph, index)
    deg = np.asarray(adj.sum(axis=1)).ravel()
    inv_log = np.zeros(n)
    inv_log[deg > 1] = 1.0 / np.log(deg[deg > 1])
    # upper triangle only (i < j): half the memory; `score_parts` looks pairs up as (lo, hi)
    aa_left = sp.csr_array(adj @ sp.dia_array((inv_log[None, :], [0]), shape=(n, n)))
    aa = upper_product(aa_left, adj)

    meetings = [tuple(graph.nodes[v].get("meetings", ()) or ()) for v in nodes]
    mvocab: dict[str, int] = {}
    mr, mc = [], []
    for i, ms in enumerate(meetings):
        for m in dict.fromkeys(ms):  # first mention: not the hash order of a set
            mr.append(i)
            mc.append(mvocab.setdefault(m, len(mvocab)))
    inc = sp.csr_array((np.ones(len(mr)), (mr, mc)), shape=(n, max(1, len(mvocab))))
    size = np.asarray(inc.sum(axis=0)).ravel()
    meeting_w = np.zeros_like(size)
    meeting_w[size > 1] = 1.0 / np.log(size[size > 1])
    # shared meetings weighted like Adamic-Adar: a meeting of 3 says more than one of 40
    meetings_left = sp.csr_array(
        inc @ sp.dia_array((meeting_w[None, :], [0]), shape=(len(size), len(size))))
    shared_meetings = upper_product(meetings_left, sp.csr_array(inc.T))

    cfold = lru_cache(maxsize=None)(fold)
    themes = [{cfold(t) for t in (graph.nodes[v].get("themes", ()) or ())} - {""} for v in nodes]
    theme_bits, _ = bitsets(themes)
    wijken = [{cfold(w) for w in (graph.nodes[v].get("wijk", ()) or ())} - {""} for v in nodes]
    wijk_bits, _ = bitsets(wijken)
    dvocab: dict[str, int] = {}
    domain = np.array([dvocab.setdefault(d, len(dvocab)) if (d := graph.nodes[v].get("domain", ""))
                       else -1 for v in nodes], dtype=np.int64)
    expected = ()
    if roles is not None and reference is not None and reference.pairs:
        expected = _expected_arrays(index, adj, roles, reference)
    return Features(nodes, index, adj, aa, shared_meetings, theme_bits,
                    np.array([len(t) for t in themes], dtype=np.float64), wijk_bits,
                    np.array([bool(w) for w in wijken]), domain, tuple(dvocab), expected, inc,
                    aa_left, meetings_left)


def _expected_arrays(index: Mapping[str, int], adj: sp.csr_array, roles: RoleAssignment,
                     reference: ReferenceModel) -> tuple:
    n = len(index)
    has: dict[str, np.ndarray] = {}
    players = roles.by_role()
    for role in {r for p in reference.pairs for r in p.roles}:
        arr = np.zeros(n, dtype=bool)
        for actor in players.get(role, ()):
            if actor in index:
                arr[index[actor]] = True
        has[role] = arr
    out = []
    for pair in reference.pairs:
        a, b = pair.roles
        # open_a[i]: i plays a and is tied to nobody playing b (the pair is still open for i)
        open_a = has[a] & ~((adj @ has[b].astype(np.float64)) > 0)
        open_b = has[b] & ~((adj @ has[a].astype(np.float64)) > 0)
        out.append((has[a], has[b], open_a, open_b))
    return tuple(out)


def score_parts(feat: Features, rows: np.ndarray, cols: np.ndarray, *,
                known: Mapping[str, np.ndarray] | None = None) -> dict[str, np.ndarray]:
    """Each part of the combined score (unweighted) for the pairs ``(rows[k], cols[k])``.

    `known` may hold the ``structure`` and ``meeting`` parts already looked up (in pair
    order); ``known={}`` leaves them 0 (`attribute_parts` then decides the score).
    """
    rows = np.asarray(rows, dtype=np.int64)
    cols = np.asarray(cols, dtype=np.int64)
    out: dict[str, list[np.ndarray]] = {k: [] for k in
                                        ("structure", "theme", "wijk", "meeting", "cross_domain",
                                         "expected")}
    for start in range(0, len(rows), _CHUNK):
        r = rows[start:start + _CHUNK]
        c = cols[start:start + _CHUNK]
        for key, matrix in (("structure", feat.aa), ("meeting", feat.shared_meetings)):
            if known is None:
                out[key].append(lookup(matrix, np.minimum(r, c), np.maximum(r, c)))
            elif key in known:
                out[key].append(np.asarray(known[key][start:start + _CHUNK], dtype=np.float64))
            else:
                out[key].append(np.zeros(len(r)))
        for key, values in attribute_parts(feat, r, c).items():
            out[key].append(values)
    return {k: (v[0] if len(v) == 1 else np.concatenate(v) if v else np.zeros(0))
            for k, v in out.items()}


def attribute_parts(feat: Features, r: np.ndarray, c: np.ndarray) -> dict[str, np.ndarray]:
    """The parts of `score_parts` that depend only on what the two actors are (themes,
    wijken, domains, roles), not on the ties: ``theme``, ``wijk``, ``cross_domain``,
    ``expected``."""
    shared_t = shared_count(feat.theme_bits, r, c)
    denom = np.sqrt(feat.n_themes[r] * feat.n_themes[c])
    theme = np.divide(shared_t, denom, out=np.zeros_like(shared_t), where=denom > 0)
    same_wijk = shared_count(feat.wijk_bits, r, c) > 0
    dr, dc = feat.domain[r], feat.domain[c]
    closes = np.zeros(len(r), dtype=bool)
    if feat.expected:
        # pair k closes an expected pair: r plays a, c plays b, and it is open for r (no b
        # yet) or for c (no a yet), or the other way round; one bit per pair of the model
        ha, hb, hao, hbo = feat.expected_bits
        closes = ((hao[r] & hb[c]) | (ha[r] & hbo[c]) | (hbo[r] & ha[c]) | (hb[r] & hao[c])
                  ).any(axis=1)
        closes &= same_wijk | ~feat.has_wijk[r] | ~feat.has_wijk[c]
    return {"theme": theme, "wijk": same_wijk.astype(np.float64),
            "cross_domain": ((dr != dc) & (dr >= 0) & (dc >= 0)).astype(np.float64),
            "expected": closes.astype(np.float64)}


def combine(parts: Mapping[str, np.ndarray], weights: Weights) -> np.ndarray:
    """The weighted sum of `score_parts`."""
    w = weights.as_dict()
    total = np.zeros(len(next(iter(parts.values()))))
    for key, values in parts.items():
        if w.get(key):
            total += w[key] * values
    return total


MIN_TIES_TO_GATE = 20
_GATE_SAMPLE = 20_000


def informative_weights(feat: Features, weights: Weights, *, seed: int = 0) -> Weights:
    """`weights` without the parts that carry no information on this network's own ties.

    A part (themes, wijk, meetings, crossing domains, expected pair) is kept when it is
    more common among the observed ties than among pairs drawn at random (`seed`); else
    its weight becomes 0 and the score falls back to structure. So a network without wijk
    data (no themes, one wijk, no roles matched), or where domains are crossed less than
    by chance, is scored as plain Adamic-Adar. For the expected pair the test uses the
    role pair itself (a tied pair is never "open"). Networks with fewer than
    `MIN_TIES_TO_GATE` ties keep `weights` as given: too few ties to tell.

    >>> import networkx as nx
    >>> karate = prepare(nx.karate_club_graph())  # structure only: nothing else to weigh
    >>> informative_weights(karate, Weights()) == ADAMIC_ADAR
    True
    """
    adj = upper(feat.adjacency)
    if adj.nnz < MIN_TIES_TO_GATE:
        return weights
    coo = adj.tocoo()
    tr, tc = coo.row.astype(np.int64), coo.col.astype(np.int64)
    rng = np.random.default_rng(seed)
    rr = rng.integers(0, feat.n, size=_GATE_SAMPLE)
    rc = rng.integers(0, feat.n, size=_GATE_SAMPLE)
    keep = rr != rc
    rr, rc = rr[keep], rc[keep]
    on_ties, at_random = score_parts(feat, tr, tc), score_parts(feat, rr, rc)

    def role_pair(r: np.ndarray, c: np.ndarray) -> np.ndarray:
        out = np.zeros(len(r), dtype=bool)
        for has_a, has_b, _oa, _ob in feat.expected:
            out |= (has_a[r] & has_b[c]) | (has_b[r] & has_a[c])
        return out.astype(np.float64)

    on_ties["expected"], at_random["expected"] = role_pair(tr, tc), role_pair(rr, rc)
    changes = {key: 0.0 for key in on_ties if key != "structure"
               and not on_ties[key].mean() > at_random[key].mean()}
    return replace(weights, **changes)


def candidate_pairs(feat: Features, *, all_pairs_limit: int = ALL_PAIRS_LIMIT
                    ) -> tuple[np.ndarray, np.ndarray]:
    """Unlinked pairs worth scoring (i < j): all of them for small networks, else the pairs
    at distance two and the pairs sharing a meeting."""
    blocks = [b[:2] for b in candidate_blocks(feat, all_pairs_limit=all_pairs_limit)]
    rows, cols = (np.concatenate([np.zeros(0, np.int64), *(b[i] for b in blocks)]) for i in (0, 1))
    return rows, cols


# --- suggestions -----------------------------------------------------------------------------

#: Reason code -> English msgid; ``partners`` has a plural and is written in `reason_text`.
_REASONS: dict[str, str] = {
    "theme_wijk": N_("both work on {themes} in {wijk}"),
    "theme": N_("both work on {themes}"),
    "wijk": N_("both active in {wijk}"),
    "meeting": N_("meet in {meetings}"),
    "cross": N_("links {a} with {b}"),
    "expected": N_("expected pair {a} - {b}"),
    "triad_hub": N_("{corner} has no {kind} tie with {hub} ({triad})"),
    "triad_side": N_("{a} and {b} both run {hub} but have no tie ({triad})"),
}


def _params(params: Mapping[str, Any], lang: str) -> dict[str, Any]:
    """`params` with the `lang` version of two-language values (``a_nl``/``a_en`` -> ``a``)
    and lists joined the way `lang` writes them."""
    t = translator(lang)
    out = dict(params)
    for key, value in params.items():
        if key.endswith(f"_{lang}"):
            out.setdefault(key[:-3], value)
    if "themes" in out and not isinstance(out["themes"], str):
        out["themes"] = t.join(out["themes"])
    return out


def reason_text(reasons: Iterable[tuple[str, Mapping[str, Any]]], lang: str = "nl") -> str:
    """Render reason codes with their parameters, "; "-joined, in `lang`.

    >>> reason_text([("partners", {"n": 2, "names": "A, B"}), ("theme", {"themes": ["x", "y"]})])
    '2 gedeelde partners (A, B); beiden werken aan x en y'
    """
    t = translator(lang)
    out = []
    for code, params in reasons:
        if code == "partners":
            n = int(params["n"])
            text = t.ngettext("{n} shared partner ({names})", "{n} shared partners ({names})", n)
            out.append(text.format(**{**params, "n": t.number(n)}))
        elif code == "why":  # the reference model's own text (why_nl / why_en), not a msgid
            out.append(str(_params(params, lang).get("why", "")).rstrip("."))
        elif code == "cross":  # domains are kept as codes (the Dutch values)
            names = {k: domain_label(str(params.get(k, "")), lang) for k in ("a", "b")}
            out.append(t.gettext(_REASONS[code]).format(**names))
        else:
            out.append(t.gettext(_REASONS[code]).format(**_params(params, lang)))
    return "; ".join(out)


@dataclass(frozen=True)
class Suggestion:
    """One suggested (or expected) link with its score and the reasons behind it."""

    source: str
    target: str
    source_name: str
    target_name: str
    kind: str  # expected | triad | predicted
    score: float
    reasons: tuple[tuple[str, Mapping[str, Any]], ...] = ()
    parts: Mapping[str, float] = field(default_factory=dict)
    wijk: str = ""
    context: str = ""  # the expected pair or triad (and buurtcentrum) it belongs to
    #: `context` in words per language (lang -> text; the model's labels in that language)
    contexts: Mapping[str, str] = field(default_factory=dict)

    def reason_text(self, lang: str = "nl") -> str:
        """The reasons in words in `lang`, "; "-joined."""
        return reason_text(self.reasons, lang)

    def to_row(self) -> dict[str, Any]:
        """The codes and numbers of this link (no reasons: see `table_row`)."""
        return {"source": self.source, "target": self.target, "source_name": self.source_name,
                "target_name": self.target_name, "kind": self.kind,
                "score": round(float(self.score), 6), "wijk": self.wijk, "context": self.context}

    def table_row(self, lang: str = "nl") -> dict[str, Any]:
        """`to_row` with the reasons in words in `lang` (column ``reasons``)."""
        row = self.to_row()
        return {c: row.get(c) for c in TABLE_COLUMNS} | {
            "reasons": self.reason_text(lang), "context": self.contexts.get(lang, self.context)}


_fold = lru_cache(maxsize=1 << 16)(fold)  # themes and wijken repeat from pair to pair


def explain_pair(network: WijkNetwork, feat: Features, i: int, j: int,
                 parts: Mapping[str, float], roles: RoleAssignment | None = None,
                 reference: ReferenceModel | None = None,
                 meeting_names: Mapping[str, str] | None = None, areas: AreaTree | None = None
                 ) -> tuple[tuple[str, dict], ...]:
    """The reasons (code, params) behind the score of pair (i, j), strongest first."""
    g = network.graph
    a, b = feat.nodes[i], feat.nodes[j]
    out: list[tuple[str, dict]] = []
    common = sorted(set(g[a]) & set(g[b]), key=lambda v: (g.degree(v), network.label(v)))
    if common:
        names = ", ".join(network.label(v) for v in common[:3]) + (", ..." if len(common) > 3
                                                                    else "")
        out.append(("partners", {"n": len(common), "names": names}))
    na, nb = g.nodes[a], g.nodes[b]
    themes_b = {_fold(t) for t in nb.get("themes", ())}
    themes = [t for t in na.get("themes", ()) if _fold(t) in themes_b]
    # areas nest and are compared placed, as missing links' wijk column (shared_areas)
    wijken = list(shared_areas(areas or area_tree(network), na.get("wijk", ()), nb.get("wijk", ())))
    wijk = wijken[0] if len(wijken) == 1 else (", ".join(wijken[:2]) if wijken else "")
    if themes and wijk:
        out.append(("theme_wijk", {"themes": tuple(themes[:2]), "wijk": wijk}))
    elif themes:
        out.append(("theme", {"themes": tuple(themes[:2])}))
    elif wijk:
        out.append(("wijk", {"wijk": wijk}))
    shared_m = sorted(set(na.get("meetings", ())) & set(nb.get("meetings", ())))
    if shared_m:
        mnames = meeting_names if meeting_names is not None else meeting_names_of(network)
        out.append(("meeting", {"meetings": ", ".join(mnames.get(m, m) for m in shared_m[:2])}))
    if parts.get("cross_domain"):
        out.append(("cross", {"a": na.get("domain", ""), "b": nb.get("domain", "")}))
    if parts.get("expected") and roles is not None and reference is not None:
        ra, rb = set(roles.roles_of(a)), set(roles.roles_of(b))
        for pair in reference.pairs:
            x, y = pair.roles
            if ((x in ra and y in rb) or (y in ra and x in rb)) and pair.why_nl:
                out.append(("why", {"why_nl": pair.why_nl, "why_en": pair.why_en}))
                break
            if (x in ra and y in rb) or (y in ra and x in rb):
                out.append(("expected", {"a_nl": reference.role(x).label_nl,
                                         "a_en": reference.role(x).label_en,
                                         "b_nl": reference.role(y).label_nl,
                                         "b_en": reference.role(y).label_en}))
                break
    return tuple(out)


def meeting_names_of(network: WijkNetwork) -> dict[str, str]:
    """Meeting id -> name."""
    m = network.tables.meetings
    if m.empty:
        return {}
    return dict(zip(m["id"], m["name"], strict=False))


@dataclass(frozen=True)
class SuggestedLinks:
    """The top unlinked pairs by combined score (kind ``predicted``)."""

    items: tuple[Suggestion, ...]
    weights: Weights
    n_candidates: int

    def to_frame(self) -> pd.DataFrame:
        """One row per suggestion: the columns of `FRAME_COLUMNS` (no words)."""
        return pd.DataFrame([s.to_row() for s in self.items], columns=FRAME_COLUMNS)

    def table(self, lang: str = "nl") -> pd.DataFrame:
        """`to_frame` with the reasons in words in `lang` (column ``reasons``)."""
        return pd.DataFrame([s.table_row(lang) for s in self.items], columns=TABLE_COLUMNS)

    def to_dict(self, lang: str = "nl") -> dict[str, Any]:
        return jsonable({"weights": self.weights.as_dict(), "n_candidates": self.n_candidates,
                         "items": self.table(lang)})

    def explain(self, lang: str = "nl") -> str:
        t = translator(lang)
        if not self.items:
            return t.gettext("No new links to suggest.")
        top = self.items[0]
        n = len(self.items)
        return t.ngettext("{n} suggested link; first: {a} - {b} ({reasons}).",
                          "{n} suggested links; first: {a} - {b} ({reasons}).", n).format(
            n=t.number(n), a=top.source_name, b=top.target_name, reasons=top.reason_text(lang))


def top_pairs(scores: np.ndarray, rows: np.ndarray, cols: np.ndarray, names: Sequence[str],
              top: int) -> list[int]:
    """Positions of the `top` highest scores (> 0), ties broken by the two names."""
    if len(scores) == 0 or top <= 0:
        return []
    keep = contenders(scores, top)
    # rank of each name (equal names, equal rank), then one stable sort in C: the order of
    # sorted(keep, key=(-score, name of row, name of col))
    _, name_rank = np.unique(np.asarray(names, dtype=object), return_inverse=True)
    order = keep[np.lexsort((name_rank[cols[keep]], name_rank[rows[keep]], -scores[keep]))]
    return order[:top].tolist()


def suggest_links(network: WijkNetwork, *, top: int = 10, weights: Weights | None = None,
                  roles: RoleAssignment | None = None, reference: ReferenceModel | None = None,
                  features: Features | None = None,
                  all_pairs_limit: int = ALL_PAIRS_LIMIT,
                  exclude: Collection[frozenset[str]] = ()) -> SuggestedLinks:
    """The `top` unlinked pairs with the highest combined score, each with its reasons.

    Parameters
    ----------
    network : WijkNetwork
    top : int
        How many suggestions.
    weights : Weights, optional
        Weights of the score parts, used as given; by default `Weights()` without the
        parts that carry no information here (`informative_weights`). `ADAMIC_ADAR` for
        plain Adamic-Adar.
    roles, reference : optional
        Role recognition and model, for the "closes an expected pair" part.
    features : Features, optional
        Reuse features made with `prepare`.
    all_pairs_limit : int
        Networks up to this many actors score every unlinked pair.
    exclude : collection of frozenset
        Pairs (``frozenset({a, b})`` of actor ids) not to suggest: the `top` best of the
        other pairs are returned (and only those are explained).

    Returns
    -------
    SuggestedLinks
    """
    feat = features or prepare(network.graph, roles=roles, reference=reference)
    weights = weights or informative_weights(feat, Weights())
    n = feat.n
    excluded = np.unique(np.array(
        [min(ij) * n + max(ij) for pair in exclude if len(pair) == 2
         and len(ij := [feat.index[v] for v in pair if v in feat.index]) == 2],
        dtype=np.int64))
    kept: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    n_candidates = 0
    for rows, cols, known in candidate_blocks(feat, all_pairs_limit=all_pairs_limit):
        # scored a block at a time; only each block's contenders are kept (in order)
        n_candidates += len(rows)
        if top <= 0:
            continue
        if len(excluded):
            free = ~np.isin(rows * n + cols, excluded)
            rows, cols = rows[free], cols[free]
            known = None if known is None else {k: v[free] for k, v in known.items()}
        scores = combine(score_parts(feat, rows, cols, known=known), weights)
        keep = contenders(scores, top)
        kept.append((rows[keep], cols[keep], scores[keep]))
    rows, cols, scores = (np.concatenate([k[i] for k in kept]) if kept else
                          np.zeros(0, dtype=np.float64 if i == 2 else np.int64) for i in range(3))
    names = [network.label(v) for v in feat.nodes]
    mnames, areas, items = meeting_names_of(network), area_tree(network), []
    best = top_pairs(scores, rows, cols, names, top)
    parts = score_parts(feat, rows[best], cols[best])
    where = {k: pos for pos, k in enumerate(best)}
    for k in best:
        i, j = int(rows[k]), int(cols[k])
        if names[j] < names[i]:
            i, j = j, i
        p = {key: float(v[where[k]]) for key, v in parts.items()}
        items.append(Suggestion(feat.nodes[i], feat.nodes[j], names[i], names[j], "predicted",
                                float(scores[k]),
                                explain_pair(network, feat, i, j, p, roles, reference, mnames,
                                             areas),
                                p))
    return SuggestedLinks(tuple(items), weights, n_candidates)
