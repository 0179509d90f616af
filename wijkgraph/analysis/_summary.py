"""What a result says about itself, presentation-neutral: the parts of a `Summary`.

Every analysis result has ``summary(lang, top=...)`` returning a `Summary`: a title, intro
sentences, headline `Number` s, `Finding` s with a priority (the report's glance takes the
highest of all sections), `Table` s already formatted as text in `lang`, and `ChartSpec`
s that a renderer draws. Renderers (HTML, Markdown, the terminal) only lay these out.

The formatting helpers here (`table_from_frame`, `fmt_cell`, `column_label`) are the one
place where a result's codes and numbers become words and digits in a language.

Examples
--------
>>> import pandas as pd
>>> t = table_from_frame(pd.DataFrame({"name": ["A"], "score": [0.5]}), "nl")
>>> t.columns, t.rows
(('naam', 'score'), (('A', '0,50'),))
>>> fmt_cell(("a", "b")), fmt_cell(0.5), fmt_cell(None), fmt_cell(True, "en")
('a, b', '0,50', '', 'yes')
>>> column_label("source_name"), column_label("reasons", "en"), column_label("n_foo")
('partij 1', 'why', 'n foo')
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from wijkgraph.i18n import LANGS, NP_, check_lang, translator
from wijkgraph.model.schema import domain_label, type_label

# --------------------------------------------------------------------------------------
# The parts
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Number:
    """A headline number: its value as text, a short label and the sentence that explains it."""

    value: str
    label: str
    sentence: str


@dataclass(frozen=True)
class Finding:
    """A finding or a listed thing: a short head and its explanation.

    `priority` orders findings for the glance (higher first; 0 = never in the glance);
    `actors` are the ids a map highlights for it; `tag` names the section it comes from.
    """

    head: str
    text: str
    colour: str = ""
    tag: str = ""
    priority: int = 0
    actors: tuple[str, ...] = ()


Item = Finding  # a listed thing in a section is a finding without priority


@dataclass(frozen=True)
class Table:
    """A table as text: caption, headers, rows (formatted in one language)."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    total: int = 0
    domain_column: int = -1  # index of a column whose cells are domains (a coloured dot)
    row_domains: tuple[str, ...] = ()  # the domain code of each row (for that dot)


@dataclass(frozen=True)
class ChartSpec:
    """A chart to draw: the name of a drawing function of the renderer and its arguments."""

    kind: str  # "bar_chart", "heatmap", "line_chart"
    args: tuple[Any, ...]
    kwargs: Mapping[str, Any] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return str(self.kwargs.get("title", ""))

    @property
    def alt(self) -> str:
        return str(self.kwargs.get("alt", ""))


@dataclass(frozen=True)
class Summary:
    """What one result says in one language, in the order a report shows it."""

    id: str
    title: str
    intro: tuple[str, ...] = ()
    numbers: tuple[Number, ...] = ()
    items: tuple[Finding, ...] = ()
    charts: tuple[ChartSpec, ...] = ()
    tables: tuple[Table, ...] = ()
    notes: tuple[str, ...] = ()
    chart_data: tuple[Table, ...] = ()
    findings: tuple[Finding, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.intro or self.numbers or self.items or self.tables or self.charts)


# --------------------------------------------------------------------------------------
# Formatting codes and numbers as words and digits
# --------------------------------------------------------------------------------------


#: Column headers of tables in the report and in tables.xlsx (nl, en).
COLUMN_LABELS: dict[str, str] = {
    "id": NP_('column', 'id'), "name": NP_('column', 'name'), "type": NP_('column', 'type'),
    "domain": NP_('column', 'domain'), "role": NP_('column', 'role'), "wijk": NP_('column', 'wijk'),
    "themes": NP_('column', 'themes'), "theme": NP_('column', 'theme'),
    "description": NP_('column', 'description'), "meetings": NP_('column', 'meetings'),
    "score": NP_('column', 'score'), "rank": NP_('column', 'rank'), "reasons": NP_('column', 'why'),
    "reason": NP_('column', 'why'), "label": NP_('column', 'role'), "status": NP_('column', 'status'),
    "actors": NP_('column', 'parties'), "source": NP_('column', 'from (id)'),
    "target": NP_('column', 'to (id)'), "source_name": NP_('column', 'party 1'),
    "target_name": NP_('column', 'party 2'), "kind": NP_('column', 'kind'),
    "degree": NP_('column', 'partners'), "strength": NP_('column', 'strength'),
    "weighted_degree": NP_('column', 'weighted partners'),
    "betweenness": NP_('column', 'betweenness'), "closeness": NP_('column', 'closeness'),
    "eigenvector": NP_('column', 'eigenvector'), "pagerank": NP_('column', 'pagerank'),
    "kcore": NP_('column', 'k-core'), "core": NP_('column', 'k-core'),
    "constraint": NP_('column', 'constraint (Burt)'),
    "effective_size": NP_('column', 'effective size'),
    "community": NP_('column', 'community'), "size": NP_('column', 'size'),
    "ei_index": NP_('column', 'E-I index'), "ei": NP_('column', 'E-I index'),
    "participation": NP_('column', 'participation coefficient'),
    "cut_off": NP_('column', 'actors cut off'),
    "articulation": NP_('column', 'articulation point'),
    "measure": NP_('column', 'measure'), "value": NP_('column', 'value'),
    "n_actors": NP_('column', 'parties'), "n_ties": NP_('column', 'ties'),
    "density": NP_('column', 'density'), "internal": NP_('column', 'internal'),
    "external": NP_('column', 'external'), "coordinator": NP_('column', 'coordinator'),
    "gatekeeper": NP_('column', 'gatekeeper'),
    "representative": NP_('column', 'representative'),
    "itinerant": NP_('column', 'itinerant'), "consultant": NP_('column', 'consultant'),
    "liaison": NP_('column', 'liaison'), "total": NP_('column', 'total'),
    "meeting": NP_('column', 'meeting'), "buurtcentrum": NP_('column', 'community centre'),
    "missing": NP_('column', 'missing'), "present": NP_('column', 'present'),
    "label_nl": NP_('column', 'label'), "components": NP_('column', 'parts'),
    "domains": NP_('column', 'domains'), "partners": NP_('column', 'partners'),
    "wave": NP_('column', 'wave'), "channel": NP_('column', 'channel'),
    "cross_domain_ties": NP_('column', 'partners in other domains'),
    "internal_ties": NP_('column', 'ties within'),
    "external_ties": NP_('column', 'ties across'),
    "ei_weighted": NP_('column', 'E-I index (weighted)'),
    "articulation_point": NP_('column', 'articulation point'),
    "bridges": NP_('column', 'bridges'), "status_label": NP_('column', 'status'),
    "partner_domains": NP_('column', 'partner domains'),
    "why": NP_('column', 'why it matters'), "context": NP_('column', 'context'),
    "via": NP_('column', 'recognised by'), "evidence": NP_('column', 'evidence'),
    "actor_domain": NP_('column', "party's domain"), "actor": NP_('column', 'party'),
    "members": NP_('column', 'members'), "wijken": NP_('column', 'wijken'),
    "modularity": NP_('column', 'modularity'), "n_relations": NP_('column', 'relations'),
    "n_parts": NP_('column', 'groups'), "connected": NP_('column', 'connected'),
    "largest_part": NP_('column', 'largest group'),
    "absent_in": NP_('column', 'absent in'), "n_members": NP_('column', 'participants'),
    "n_domains": NP_('column', 'domains'), "crosses_domains": NP_('column', 'crosses domains'),
    "tie_density": NP_('column', 'tie density'), "hub_name": NP_('column', 'community centre'),
    "complete": NP_('column', 'complete'), "n_gaps": NP_('column', 'missing sides'),
    "shared_themes": NP_('column', 'shared themes'),
    "common_partners": NP_('column', 'common partners'),
}



def column_label(column: str, lang: str = "nl") -> str:
    """The header people see for a frame column (falls back to the column name)."""
    if column in COLUMN_LABELS:
        return translator(lang).pgettext("column", COLUMN_LABELS[column])
    return str(column).replace("_", " ")


def fmt_cell(value: Any, lang: str = "nl") -> str:
    """Any table value as text: lists joined, floats rounded, missing values empty."""
    if value is None:
        return ""
    t = translator(lang)
    if isinstance(value, bool):
        return t.gettext("yes" if value else "no")
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer() and abs(value) < 1e15:
            return t.number(int(value))
        return t.number(value, 3 if 0 < abs(value) < 0.1 else 2)
    if isinstance(value, int):
        return t.number(value)
    if isinstance(value, Mapping):
        return ", ".join(f"{k} {fmt_cell(v, lang)}" for k, v in value.items())
    if isinstance(value, list | tuple | set | frozenset):
        items = sorted(value) if isinstance(value, set | frozenset) else value
        return ", ".join(fmt_cell(v, lang) for v in items)
    if hasattr(value, "item") and not isinstance(value, str):
        try:
            return fmt_cell(value.item(), lang)
        except (ValueError, TypeError):
            pass
    return " ".join(str(value).split())


def localise_columns(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Keep the `lang` version of columns that come in two languages (``x_nl``/``x_en``).

    >>> f = pd.DataFrame({"a": [1], "label_nl": ["wijk"], "label_en": ["neighbourhood"]})
    >>> list(localise_columns(f, "en").columns), localise_columns(f, "en")["label"][0]
    (['a', 'label'], 'neighbourhood')
    """
    mine = check_lang(lang)
    other = next(x for x in LANGS if x != mine)
    pairs = [c[:-3] for c in frame.columns if isinstance(c, str) and c.endswith(f"_{mine}")
             and f"{c[:-3]}_{other}" in frame.columns]
    if not pairs:
        return frame
    out = frame.drop(columns=[f"{b}_{other}" for b in pairs])
    return out.rename(columns={f"{b}_{mine}": b for b in pairs if b not in out.columns})


CELL_LIMIT = 300  # characters of one table cell in the report (tables.xlsx has all)


def clip(text: str, limit: int = CELL_LIMIT) -> str:
    """Shorten very long cells (lists of hundreds of names) at a word boundary.

    >>> clip("a, b, c, d", 5)
    'a, …'
    """
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def table_from_frame(frame: pd.DataFrame, lang: str, *, caption: str = "",
                     columns: Sequence[str] | None = None, limit: int | None = 25,
                     domain_column: str | None = "domain") -> Table:
    """Format a result frame as a `Table` (headers in `lang`, at most `limit` rows)."""
    frame = localise_columns(frame, lang)
    if columns is not None:
        frame = frame[[c for c in columns if c in frame.columns]]
    total = len(frame)
    shown = frame if limit is None else frame.head(limit)
    cols = list(shown.columns)
    rows = []
    for rec in shown.itertuples(index=False):
        row = []
        for col, value in zip(cols, rec, strict=True):
            if col == "domain" and value:
                row.append(domain_label(str(value), lang))
            elif col == "type" and value:
                row.append(type_label(str(value), lang))
            else:
                row.append(clip(fmt_cell(value, lang)))
        rows.append(tuple(row))
    domain_index = cols.index(domain_column) if domain_column in cols else -1
    domains = tuple(str(d) if d else "" for d in shown[domain_column]) if domain_index >= 0 else ()
    return Table(caption, tuple(column_label(c, lang) for c in cols), tuple(rows), total,
                 domain_index, domains)


def generic_table(frame: pd.DataFrame, lang: str, limit: int = 25) -> Table | None:
    """The plain rendering of any result frame: names over ids, the top rows."""
    if frame.empty:
        return None
    frame = localise_columns(frame, lang)
    twins = {"id": "name", "source": "source_name", "target": "target_name"}
    drop = [c for c in twins if c in frame.columns and twins[c] in frame.columns]
    return table_from_frame(frame.drop(columns=drop), lang, limit=limit)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý0-9\"'(])")


def sentences(text: str) -> list[str]:
    """Split an explanation into sentences (for the first sentence of a finding).

    >>> sentences("Er zijn 3 delen. Het grootste telt 60 actoren.")
    ['Er zijn 3 delen.', 'Het grootste telt 60 actoren.']
    """
    text = " ".join(str(text).split())
    return [s for s in _SENTENCE_END.split(text) if s]


def paragraphs(text: str) -> tuple[str, ...]:
    """An explanation split into its paragraphs (blank-line separated)."""
    return tuple(p.strip() for p in str(text).split("\n\n") if p.strip())
