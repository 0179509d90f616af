"""The meeting-ready report: one structure, rendered as safe offline HTML and as Markdown.

`build_report(network, analysis, lang=...)` turns an `Analysis` into a `Report`: a list of
sections, each opening with two or three plain sentences of what was found, then the
numbers (each with the sentence that explains it), charts (inline SVG with a text
alternative), findings with their reasons, and tables. `render_html` and
`render_markdown` format that one structure, so both files say the same.

Every section renders from the generic interface of an analysis result (``explain(lang)``
and ``to_frame()``) and gets a richer rendering when its module is known (key figures,
domains, missing parties, ...). The report never computes a metric: it selects, orders and
formats what the analyses returned.

Examples
--------
>>> from wijkgraph.sources.bundled import load_dataset
>>> from wijkgraph.analysis.run import analyse
>>> net = load_dataset("utrecht-oost")
>>> report = build_report(net, analyse(net))
>>> report.sections[0].id, report.lang
('glance', 'nl')
>>> html = render_html(report)
>>> html.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in html
True
>>> "# " in render_markdown(report)
True
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from wijkgraph.analysis._summary import Summary
from wijkgraph.analysis._summary import Table as SummaryTable
from wijkgraph.i18n import plural
from wijkgraph.model.network import WijkNetwork
from wijkgraph.render.palette import domain_colour, domain_name, type_name

if TYPE_CHECKING:
    from wijkgraph.render import charts


def _charts() -> Any:
    """The chart module, imported when first needed (matplotlib is slow to import)."""
    from wijkgraph.render import charts

    return charts

# --------------------------------------------------------------------------------------
# Words
# --------------------------------------------------------------------------------------

TEXT: dict[str, tuple[str, str]] = {
    "report": ("Rapport", "Report"),
    "subtitle": ("Samenwerking in de wijk als netwerk: sleutelfiguren, gaten en kansen",
                 "Collaboration in the neighbourhood as a network: key figures, gaps and chances"),
    "contents": ("Inhoud", "Contents"),
    "open_map": ("Open de interactieve kaart", "Open the interactive map"),
    "map_hint": ("De kaart (map.html, naast dit rapport) toont alle partijen en hun "
                 "samenwerkingen; klik op een partij om haar partners te zien.",
                 "The map (map.html, next to this report) shows every party and its ties; "
                 "click a party to see its partners."),
    "no_map": ("De interactieve kaart is niet meegeschreven; maak hem met "
               "'wijkgraph analyse --format html,map'.",
               "The interactive map was not written; make it with "
               "'wijkgraph analyse --format html,map'."),
    "chart_data": ("De cijfers achter deze figuur", "The numbers behind this chart"),
    "more_rows": ("… en nog {n} rij(en): zie tables.xlsx.", "… and {n} more row(s): see tables.xlsx."),
    "made_with": ("Gemaakt met wijkgraph {version}", "Made with wijkgraph {version}"),
    "seed": ("seed {seed}", "seed {seed}"),
    "reference": ("referentiemodel {reference}", "reference model {reference}"),
    "source": ("bron: {source}", "source: {source}"),
    "pseudonymised": ("Gepseudonimiseerd: personen staan er met hun rol en een nummer in, "
                      "zonder naam of contactgegevens.",
                      "Pseudonymised: persons appear as their role and a number, without "
                      "name or contact details."),
    "not_available": ("Deze analyse zit (nog) niet in deze versie van wijkgraph.",
                      "This analysis is not (yet) part of this version of wijkgraph."),
    "yes": ("ja", "yes"),
    "no": ("nee", "no"),
    # section titles
    "glance": ("In één oogopslag", "At a glance"),
    "network": ("Het netwerk in cijfers", "The network in numbers"),
    "key_figures": ("Sleutelfiguren en makelaars", "Key figures and brokers"),
    "domains": ("Samenwerking tussen domeinen", "Collaboration between domains"),
    "missing": ("Wie ontbreekt", "Who is missing"),
    "links": ("Aanbevolen verbindingen", "Suggested connections"),
    "themes": ("Agenda's: overlap en gaten", "Agendas: overlap and gaps"),
    "meetings": ("Overleggen", "Meetings"),
    "resilience": ("Kwetsbaarheid: wat als iemand wegvalt?", "Vulnerability: what if someone leaves?"),
    "communities": ("Gemeenschappen", "Communities"),
    "triads": ("De Driehoek per buurtcentrum", "The Driehoek per community centre"),
    "roles": ("Herkende rollen", "Recognised roles"),
    "whoiswho": ("Wie is wie", "Who is who"),
    "reading": ("Zo leest u de cijfers", "How to read the figures"),
    "problems": ("Problemen en waarschuwingen in de gegevens",
                 "Problems and warnings in the data"),
    "other": ("Overige analyse: {name}", "Other analysis: {name}"),
}


def tr(key: str, lang: str = "nl", /, **params: object) -> str:
    """A report sentence in `lang` (Dutch for anything but ``"en"``).

    Examples
    --------
    >>> tr("glance"), tr("glance", "en")
    ('In één oogopslag', 'At a glance')
    """
    nl, en = TEXT[key]
    text = en if lang == "en" else nl
    return text.format(**params) if params else text


#: Column headers of tables in the report and in tables.xlsx (nl, en).
COLUMN_LABELS: dict[str, tuple[str, str]] = {
    "id": ("id", "id"), "name": ("naam", "name"), "type": ("soort", "type"),
    "domain": ("domein", "domain"), "role": ("rol", "role"), "wijk": ("wijk", "wijk"),
    "themes": ("thema's", "themes"), "theme": ("thema", "theme"),
    "description": ("omschrijving", "description"), "meetings": ("overleggen", "meetings"),
    "score": ("score", "score"), "rank": ("plaats", "rank"), "reasons": ("waarom", "why"),
    "reason": ("waarom", "why"), "label": ("rol", "role"), "status": ("status", "status"),
    "actors": ("partijen", "parties"), "source": ("van (id)", "from (id)"),
    "target": ("naar (id)", "to (id)"), "source_name": ("partij 1", "party 1"),
    "target_name": ("partij 2", "party 2"), "kind": ("soort", "kind"),
    "degree": ("partners", "partners"), "strength": ("sterkte", "strength"),
    "weighted_degree": ("gewogen partners", "weighted partners"),
    "betweenness": ("tussenpositie", "betweenness"), "closeness": ("nabijheid", "closeness"),
    "eigenvector": ("eigenvector", "eigenvector"), "pagerank": ("pagerank", "pagerank"),
    "kcore": ("k-kern", "k-core"), "core": ("k-kern", "k-core"),
    "constraint": ("beperking (Burt)", "constraint (Burt)"),
    "effective_size": ("effectieve omvang", "effective size"),
    "community": ("gemeenschap", "community"), "size": ("omvang", "size"),
    "ei_index": ("E-I-index", "E-I index"), "ei": ("E-I-index", "E-I index"),
    "participation": ("spreiding over domeinen", "participation coefficient"),
    "cut_off": ("afgesneden partijen", "actors cut off"),
    "articulation": ("scharnierpunt", "articulation point"),
    "measure": ("maat", "measure"), "value": ("waarde", "value"),
    "n_actors": ("partijen", "parties"), "n_ties": ("relaties", "ties"),
    "density": ("dichtheid", "density"), "internal": ("binnen", "internal"),
    "external": ("tussen", "external"), "coordinator": ("coördinator", "coordinator"),
    "gatekeeper": ("poortwachter", "gatekeeper"),
    "representative": ("vertegenwoordiger", "representative"),
    "itinerant": ("consultant", "itinerant"), "consultant": ("consultant", "consultant"),
    "liaison": ("verbinder", "liaison"), "total": ("totaal", "total"),
    "meeting": ("overleg", "meeting"), "buurtcentrum": ("buurtcentrum", "community centre"),
    "missing": ("ontbreekt", "missing"), "present": ("aanwezig", "present"),
    "label_nl": ("label", "label"), "components": ("delen", "parts"),
    "domains": ("domeinen", "domains"), "partners": ("partners", "partners"),
    "wave": ("meting", "wave"), "channel": ("kanaal", "channel"),
    "cross_domain_ties": ("partners in andere domeinen", "partners in other domains"),
    "internal_ties": ("relaties binnen", "ties within"),
    "external_ties": ("relaties tussen", "ties across"),
    "ei_weighted": ("E-I-index (gewogen)", "E-I index (weighted)"),
    "articulation_point": ("scharnierpunt", "articulation point"),
    "bridges": ("bruggen", "bridges"), "status_label": ("status", "status"),
    "partner_domains": ("domeinen van partners", "partner domains"),
    "why": ("waarom het ertoe doet", "why it matters"), "context": ("context", "context"),
    "via": ("herkend via", "recognised by"), "evidence": ("bewijs", "evidence"),
    "actor_domain": ("domein partij", "party's domain"), "actor": ("partij", "party"),
    "members": ("leden", "members"), "wijken": ("wijken", "wijken"),
    "modularity": ("modulariteit", "modularity"), "n_relations": ("relaties", "relations"),
    "n_parts": ("groepen", "groups"), "connected": ("verbonden", "connected"),
    "largest_part": ("grootste groep", "largest group"),
    "absent_in": ("ontbreekt in", "absent in"), "n_members": ("deelnemers", "members"),
    "n_domains": ("domeinen", "domains"), "crosses_domains": ("over domeinen heen", "crosses domains"),
    "tie_density": ("dichtheid relaties", "tie density"), "hub_name": ("buurtcentrum", "community centre"),
    "complete": ("compleet", "complete"), "n_gaps": ("ontbrekende zijden", "missing sides"),
    "shared_themes": ("gedeelde thema's", "shared themes"),
    "common_partners": ("gedeelde partners", "common partners"),
}


def column_label(column: str, lang: str = "nl") -> str:
    """The header people see for a frame column (falls back to the column name).

    Examples
    --------
    >>> column_label("source_name"), column_label("reasons", "en"), column_label("n_foo")
    ('partij 1', 'why', 'n foo')
    """
    if column in COLUMN_LABELS:
        nl, en = COLUMN_LABELS[column]
        return en if lang == "en" else nl
    return str(column).replace("_", " ")


# --------------------------------------------------------------------------------------
# Formatting (never computing)
# --------------------------------------------------------------------------------------


def fmt_number(value: Any, lang: str = "nl", digits: int = 2) -> str:
    """A number as people write it: decimal comma in Dutch, thousands grouped.

    Examples
    --------
    >>> fmt_number(0.0524, digits=3), fmt_number(0.0524, "en", digits=3), fmt_number(12500)
    ('0,052', '0.052', '12.500')
    >>> fmt_number(float("nan"))
    '–'
    """
    if value is None:
        return "–"
    if isinstance(value, bool):
        return tr("yes" if value else "no", lang)
    try:
        number = float(value)
    except (TypeError, ValueError):
        return str(value)
    if math.isnan(number) or math.isinf(number):
        return "–"
    if float(number).is_integer() and (isinstance(value, int) or abs(number) >= 100
                                       or digits == 0):
        text = f"{int(round(number)):,}"
        return text.replace(",", ".") if lang != "en" else text
    text = f"{number:,.{digits}f}"
    if lang != "en":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def fmt_cell(value: Any, lang: str = "nl") -> str:
    """Any table value as text: lists joined, floats rounded, missing values empty.

    Examples
    --------
    >>> fmt_cell(("a", "b")), fmt_cell(0.5), fmt_cell(None), fmt_cell(True, "en")
    ('a, b', '0,50', '', 'yes')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return tr("yes" if value else "no", lang)
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        if value.is_integer() and abs(value) < 1e15:
            return fmt_number(int(value), lang)
        return fmt_number(value, lang, 3 if 0 < abs(value) < 0.1 else 2)
    if isinstance(value, int):
        return fmt_number(value, lang)
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


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý0-9\"'(])")


def sentences(text: str) -> list[str]:
    """Split an explanation into sentences (for the first sentence of a finding).

    Examples
    --------
    >>> sentences("Er zijn 3 delen. Het grootste telt 60 actoren.")
    ['Er zijn 3 delen.', 'Het grootste telt 60 actoren.']
    """
    text = " ".join(str(text).split())
    return [s for s in _SENTENCE_END.split(text) if s]


# --------------------------------------------------------------------------------------
# The report structure
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Number:
    """A number with its label and the sentence that explains it."""

    value: str
    label: str
    sentence: str


@dataclass(frozen=True)
class Item:
    """A finding or a listed thing: a short bold head and its explanation."""

    head: str
    text: str
    colour: str = ""
    tag: str = ""


@dataclass(frozen=True)
class Table:
    """A table as text: caption, headers, rows (already formatted)."""

    caption: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    total: int = 0
    colour_column: int = -1  # index of a column whose cells are domains (coloured dot)
    row_colours: tuple[str, ...] = ()  # the domain colour of each row (for that dot)


@dataclass(frozen=True)
class Section:
    """One section of the report."""

    id: str
    title: str
    intro: tuple[str, ...] = ()
    numbers: tuple[Number, ...] = ()
    items: tuple[Item, ...] = ()
    charts: tuple[charts.Chart, ...] = ()
    tables: tuple[Table, ...] = ()
    notes: tuple[str, ...] = ()
    chart_data: tuple[Table, ...] = ()


@dataclass(frozen=True)
class Report:
    """Everything the report shows, in order, in one language."""

    lang: str
    title: str
    subtitle: str
    findings: tuple[Item, ...]
    sections: tuple[Section, ...]
    map_href: str | None
    footer: tuple[str, ...] = ()
    meta: Mapping[str, Any] = field(default_factory=dict)

    def section(self, section_id: str) -> Section | None:
        """The section with this id, or None."""
        return next((s for s in self.sections if s.id == section_id), None)


# --------------------------------------------------------------------------------------
# Helpers reading analysis results through their interface
# --------------------------------------------------------------------------------------


def frame_of(result: Any, lang: str | None = None) -> pd.DataFrame:
    """``result.to_frame()``, in `lang` when the result can give its table in a language.

    A result whose ``to_frame`` fails gives an empty frame: one broken section must not
    break the report.
    """
    import inspect

    try:
        method = result.to_frame
        takes_lang = lang is not None and "lang" in inspect.signature(method).parameters
        frame = method(lang=lang) if takes_lang else method()
    except Exception:  # noqa: BLE001
        return pd.DataFrame()
    return frame if isinstance(frame, pd.DataFrame) else pd.DataFrame()


def _frame(result: Any, lang: str | None = None) -> pd.DataFrame:
    return frame_of(result, lang)


def _explain(result: Any, lang: str) -> tuple[str, ...]:
    try:
        text = result.explain(lang)
    except Exception:  # noqa: BLE001
        return ()
    return tuple(p.strip() for p in str(text).split("\n\n") if p.strip())


def _notes(result: Any, lang: str) -> tuple[str, ...]:
    """Notes or warnings a result carries (e.g. "betweenness was sampled")."""
    out: list[str] = []
    for attr in ("notes", "warnings"):
        value = getattr(result, attr, None)
        if callable(value):
            try:
                value = value(lang)
            except TypeError:
                value = value()
        if isinstance(value, str) and value:
            out.append(value)
        elif isinstance(value, list | tuple):
            for v in value:
                if hasattr(v, "describe"):
                    out.append(v.describe(lang))
                elif isinstance(v, Mapping):
                    out.append(str(v.get(lang) or v.get("message") or v))
                elif v:
                    out.append(str(v))
    return tuple(dict.fromkeys(out))


def _attr(result: Any, *names: str) -> Any:
    for name in names:
        value = getattr(result, name, None)
        if value is not None:
            return value
    return None


def _top(analysis: Any) -> int:
    try:
        return max(1, int(analysis.meta.get("top", 10)))
    except (TypeError, ValueError):
        return 10


def _dom(domain: Any, lang: str) -> str:
    return domain_name(str(domain), lang) if domain else ("onbekend" if lang != "en" else "unknown")


def localise_columns(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Keep the `lang` version of columns that come in two languages (``x_nl``/``x_en``).

    Examples
    --------
    >>> f = pd.DataFrame({"a": [1], "label_nl": ["wijk"], "label_en": ["neighbourhood"]})
    >>> list(localise_columns(f, "en").columns), localise_columns(f, "en")["label"][0]
    (['a', 'label'], 'neighbourhood')
    """
    other = "nl" if lang == "en" else "en"
    mine = "en" if lang == "en" else "nl"
    pairs = [c[:-3] for c in frame.columns if isinstance(c, str) and c.endswith(f"_{mine}")
             and f"{c[:-3]}_{other}" in frame.columns]
    if not pairs:
        return frame
    out = frame.drop(columns=[f"{b}_{other}" for b in pairs])
    return out.rename(columns={f"{b}_{mine}": b for b in pairs if b not in out.columns})


CELL_LIMIT = 300  # characters of one table cell in the report (tables.xlsx has all)


def _clip(text: str, limit: int = CELL_LIMIT) -> str:
    """Shorten very long cells (lists of hundreds of names) at a word boundary.

    >>> _clip("a, b, c, d", 5)
    'a, …'
    """
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + " …"


def table_from_frame(frame: pd.DataFrame, lang: str, *, caption: str = "",
                     columns: Sequence[str] | None = None, limit: int | None = 25,
                     domain_column: str | None = "domain") -> Table:
    """Format a result frame as a report `Table` (headers in `lang`, at most `limit` rows).

    Examples
    --------
    >>> t = table_from_frame(pd.DataFrame({"name": ["A"], "score": [0.5]}), "nl")
    >>> t.columns, t.rows
    (('naam', 'score'), (('A', '0,50'),))
    """
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
                row.append(_dom(value, lang))
            elif col == "type" and value:
                row.append(type_name(str(value), lang))
            else:
                row.append(_clip(fmt_cell(value, lang)))
        rows.append(tuple(row))
    colour_col = cols.index(domain_column) if domain_column in cols else -1
    colours = tuple(domain_colour(d) if d else "" for d in shown[domain_column]) \
        if colour_col >= 0 else ()
    return Table(caption, tuple(column_label(c, lang) for c in cols), tuple(rows), total,
                 colour_col, colours)


def _generic_table(frame: pd.DataFrame, lang: str, limit: int) -> Table | None:
    """The generic rendering of any result frame: names over ids, top rows."""
    if frame.empty:
        return None
    frame = localise_columns(frame, lang)
    drop = [c for c in ("id", "source", "target") if c in frame.columns
            and {"id": "name", "source": "source_name", "target": "target_name"}[c] in frame.columns]
    return table_from_frame(frame.drop(columns=drop), lang, limit=limit)


# --------------------------------------------------------------------------------------
# Sections
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    network: WijkNetwork
    analysis: Any
    lang: str
    top: int
    draw: bool = True

    def result(self, name: str) -> Any:
        return getattr(self.analysis, name, None)

    def en(self) -> bool:
        return self.lang == "en"

    @property
    def decimal(self) -> str:
        return "." if self.lang == "en" else ","

    def chart(self, kind: str, *args: Any, **kwargs: Any) -> charts.Chart:
        """Draw a chart, or only describe it (title and text) when not drawing (Markdown)."""
        module = _charts()
        if not self.draw:
            return module.Chart(svg="", title=kwargs["title"], alt=kwargs["alt"])
        return getattr(module, kind)(*args, **kwargs)

    def say(self, nl: str, en: str) -> str:
        return en if self.lang == "en" else nl

    def name(self, actor: str) -> str:
        g = self.network.graph
        return str(g.nodes[actor].get("name", actor)) if actor in g else str(actor)

    def domain(self, actor: str) -> str:
        g = self.network.graph
        return str(g.nodes[actor].get("domain", "")) if actor in g else ""


def _network_section(c: _Context) -> Section:
    s = c.analysis.overview
    L = c.lang
    numbers = [
        Number(fmt_number(s.n_actors, L), c.say("partijen", "parties"),
               c.say("Organisaties, teams, initiatieven, overleggen, platforms en personen "
                     "in hun rol die in de gegevens staan.",
                     "Organisations, teams, initiatives, meetings, platforms and persons in "
                     "their role that are in the data.")),
        Number(fmt_number(s.n_relations, L), c.say("relaties", "relations"),
               c.say(f"Vastgelegde samenwerkingen; samen verbinden ze {fmt_number(s.n_ties, L)} "
                     "verschillende paren partijen.",
                     f"Recorded relations; together they link {fmt_number(s.n_ties, L)} "
                     "different pairs of parties.")),
        Number(fmt_number(s.mean_degree, L, 1), c.say("partners gemiddeld", "partners on average"),
               c.say("Met zoveel andere partijen werkt een partij gemiddeld samen.",
                     "The number of other parties the average party works with.")),
        Number(fmt_number(100 * s.density, L, 1) + "%", c.say("dichtheid", "density"),
               c.say("Van alle paren die zouden kúnnen samenwerken, doet dit deel het ook. "
                     "Laag is normaal in een wijk: niemand werkt met iedereen.",
                     "The share of all possible pairs that actually work together. Low is "
                     "normal in a neighbourhood: nobody works with everybody.")),
        Number(fmt_number(s.n_components, L), c.say("losse delen", "separate parts"),
               c.say("Iedereen is via via met iedereen verbonden." if s.n_components <= 1 else
                     f"Het netwerk valt uiteen in losse delen; het grootste telt "
                     f"{fmt_number(s.largest_component, L)} partijen.",
                     "Everybody is connected to everybody through others."
                     if s.n_components <= 1 else
                     f"The network falls apart into separate parts; the largest holds "
                     f"{fmt_number(s.largest_component, L)} parties.")),
        Number(fmt_number(s.n_isolates, L), c.say("zonder relatie", "without a tie"),
               c.say("Partijen zonder één vastgelegde samenwerking: zij staan los van de rest.",
                     "Parties without a single recorded relation: they stand apart.")),
    ]
    if s.n_meetings:
        numbers.append(Number(
            fmt_number(s.n_meetings, L), c.say("overleggen", "meetings"),
            c.say(f"Terugkerende overleggen en netwerken, met samen "
                  f"{fmt_number(s.n_participations, L)} deelnames.",
                  f"Recurring meetings and networks, with {fmt_number(s.n_participations, L)} "
                  "participations in all.")))
    chart_list = []
    data_tables = []
    domains = list(s.actors_per_domain.items())
    if domains:
        labels = [_dom(d, L) for d, _ in domains]
        values = [n for _, n in domains]
        alt = "; ".join(f"{lab}: {n}" for lab, n in zip(labels, values, strict=True))
        chart_list.append(c.chart("bar_chart",
            labels, values, colours=[domain_colour(d) for d, _ in domains],
            title=c.say("Partijen per domein", "Parties per domain"),
            xlabel=c.say("aantal partijen", "number of parties"), alt=alt,
            value_format="{:.0f}", decimal=c.decimal))
        data_tables.append(Table(c.say("Partijen per domein", "Parties per domain"),
                                 (column_label("domain", L), c.say("aantal", "count")),
                                 tuple((lab, str(n)) for lab, n in zip(labels, values, strict=True)),
                                 len(labels), 0, tuple(domain_colour(d) for d, _ in domains)))
    tables = []
    if s.relations_per_channel:
        tables.append(Table(
            c.say("Hoe partijen contact hebben (kanaal per relatie)",
                  "How parties are in contact (channel per relation)"),
            (column_label("channel", L), c.say("relaties", "relations")),
            tuple((k or c.say("onbekend", "unknown"), fmt_number(v, L))
                  for k, v in s.relations_per_channel.items()),
            len(s.relations_per_channel)))
    if s.relations_per_strength:
        from wijkgraph.model.schema import STRENGTH_NAMES

        tables.append(Table(
            c.say("Hoe diep de samenwerking gaat (leermechanisme)",
                  "How deep the collaboration goes (learning mechanism)"),
            (column_label("strength", L), c.say("relaties", "relations")),
            tuple((f"{k} {STRENGTH_NAMES.get(int(k), '')}".strip() if str(k).isdigit() else str(k),
                   fmt_number(v, L))
                  for k, v in sorted(s.relations_per_strength.items())),
            len(s.relations_per_strength)))
    return Section("network", tr("network", L), _explain(s, L), tuple(numbers), (),
                   tuple(chart_list), tuple(tables), (), tuple(data_tables))


def _key_figures_section(c: _Context) -> Section | None:
    kf = c.result("key_figures")
    br = c.result("brokerage")
    if kf is None and br is None:
        return None
    L = c.lang
    intro: list[str] = []
    items: list[Item] = []
    chart_list = []
    data_tables = []
    tables = []
    notes: list[str] = []
    if kf is not None:
        frame = _frame(kf, c.lang).head(c.top)
        if not frame.empty:
            intro.append(c.say(
                f"Deze {len(frame)} partijen houden het netwerk het meest bij elkaar. De score "
                "(0 tot 1) is het gemiddelde van vijf maten: op de routes tussen anderen, "
                "aantal en sterkte van de relaties, partners in andere domeinen, wie los "
                "raakt als de partij wegvalt, en het aantal overleggen. Bij elke partij staat "
                "waarom ze hoog staat.",
                f"These {len(frame)} parties hold the network together the most. The score "
                "(0 to 1) is the mean of five measures: being on the routes between others, "
                "number and strength of ties, partners in other domains, who is cut off if "
                "the party leaves, and the number of meetings. Each party comes with the "
                "reasons it ranks high."))
        else:
            intro.extend(_explain(kf, L))
        notes.extend(_notes(kf, L))
        sampled = getattr(kf, "sampled", None)
        if sampled:
            notes.append(c.say(
                f"Groot netwerk: de tussenpositie is geschat op een steekproef ({sampled}).",
                f"Large network: betweenness was estimated from a sample ({sampled})."))
        if not frame.empty and {"name", "score"} <= set(frame.columns):
            ids = frame["id"].tolist() if "id" in frame.columns else [None] * len(frame)
            doms = frame["domain"].tolist() if "domain" in frame.columns else [""] * len(frame)
            labels = [str(x) for x in frame["name"]]
            alt = "; ".join(f"{n}: {fmt_number(v, L)}" for n, v in zip(labels, frame["score"],
                                                                     strict=True))
            chart_list.append(c.chart("bar_chart",
                labels, [float(v) for v in frame["score"]],
                colours=[domain_colour(d) for d in doms],
                title=c.say("Sleutelfiguren: gecombineerde score", "Key figures: combined score"),
                xlabel=c.say("score (hoger = meer een sleutelfiguur)",
                             "score (higher = more of a key figure)"), alt=alt,
                decimal=c.decimal))
            data_tables.append(table_from_frame(frame, L, columns=["rank", "name", "domain", "score"],
                                                limit=None))
            tables.append(table_from_frame(
                frame, L, caption=c.say("De maten achter de score", "The measures behind the score"),
                columns=["rank", "name", "domain", "score", "betweenness", "strength", "degree",
                         "cross_domain_ties", "cut_off", "meetings"], limit=None))
            reasons_fn = getattr(kf, "reasons", None)
            for k, (actor, name, dom) in enumerate(zip(ids, labels, doms, strict=True), start=1):
                reasons: list[str] = []
                if callable(reasons_fn) and actor is not None:
                    try:
                        got = reasons_fn(actor, L)
                    except Exception:  # noqa: BLE001
                        got = []
                    reasons = [got] if isinstance(got, str) else [str(r) for r in got]
                elif "reasons" in frame.columns:
                    reasons = [fmt_cell(frame["reasons"].iloc[k - 1], L)]
                items.append(Item(f"{k}. {name}", "; ".join(r for r in reasons if r) or
                                  _dom(dom, L), domain_colour(dom), _dom(dom, L)))
    if br is not None:
        intro.extend(_explain(br, L))
        notes.extend(_notes(br, L))
        bframe = _frame(br, c.lang)
        table = _generic_table(bframe, L, c.top)
        if table is not None:
            tables.append(Table(c.say("Makelaars: wie verbindt partijen die elkaar anders "
                                      "niet bereiken", "Brokers: who links parties that "
                                      "would not reach each other otherwise"),
                                table.columns, table.rows, table.total, table.colour_column,
                                table.row_colours))
    return Section("key_figures", tr("key_figures", L), tuple(intro), (), tuple(items),
                   tuple(chart_list), tuple(tables), tuple(notes), tuple(data_tables))


def _result_frame(result: Any, name: str) -> pd.DataFrame | None:
    """`result.<name>` when it is a non-empty DataFrame (the domains' `mixing` matrix, the
    resilience `curve`), else None."""
    value = getattr(result, name, None)
    return value if isinstance(value, pd.DataFrame) and not value.empty else None


def _domains_section(c: _Context) -> Section | None:
    d = c.result("domains")
    if d is None:
        return None
    L = c.lang
    numbers = []
    ei = _attr(d, "ei_index", "ei", "network_ei")
    if isinstance(ei, int | float) and not (isinstance(ei, float) and math.isnan(ei)):
        numbers.append(Number(
            fmt_number(ei, L), c.say("E-I-index", "E-I index"),
            c.say("Van -1 (alle samenwerking binnen het eigen domein) tot +1 (alle samenwerking "
                  "met andere domeinen). Rond 0: evenveel binnen als tussen domeinen.",
                  "From -1 (all ties inside one's own domain) to +1 (all ties with other "
                  "domains). Around 0: as many ties within as between domains.")))
    share = _attr(d, "cross_share", "share_cross", "cross_domain_share")
    if isinstance(share, int | float):
        numbers.append(Number(
            fmt_number(100 * share, L, 0) + "%", c.say("tussen domeinen", "across domains"),
            c.say("Het deel van de relaties dat twee verschillende domeinen verbindt.",
                  "The share of relations that link two different domains.")))
    chart_list = []
    data_tables = []
    matrix = _result_frame(d, "mixing")
    if matrix is not None:
        rows = [str(r) for r in matrix.index]
        cols = [str(x) for x in matrix.columns]
        values = matrix.to_numpy(dtype=float).tolist()
        alt_parts = [f"{_dom(r, L)} – {_dom(x, L)}: {fmt_number(values[i][j], L)}"
                     for i, r in enumerate(rows) for j, x in enumerate(cols)
                     if j >= i and values[i][j]]
        chart_list.append(c.chart("heatmap",
            [_dom(r, L) for r in rows], [_dom(x, L) for x in cols], values,
            title=c.say("Relaties binnen en tussen domeinen", "Ties within and between domains"),
            alt=c.say("Aantal relaties per paar domeinen: ", "Number of ties per pair of domains: ")
            + "; ".join(alt_parts),
            row_colours=[domain_colour(r) for r in rows], decimal=c.decimal))
        data_tables.append(Table(
            c.say("Menging van domeinen", "Domain mixing"),
            (column_label("domain", L), *[_dom(x, L) for x in cols]),
            tuple((_dom(r, L), *[fmt_cell(v, L) for v in values[i]]) for i, r in enumerate(rows)),
            len(rows), 0, tuple(domain_colour(r) for r in rows)))
    table = _generic_table(_frame(d, c.lang), L, 30)
    return Section("domains", tr("domains", L), _explain(d, L), tuple(numbers), (),
                   tuple(chart_list), (table,) if table else (), _notes(d, L), tuple(data_tables))


_STATUS_ORDER = {"absent": 0, "isolated": 1, "peripheral": 2, "present": 3}
_STATUS_WORDS = {
    "absent": ("ontbreekt", "absent"), "isolated": ("geïsoleerd", "isolated"),
    "peripheral": ("aan de rand", "at the margin"), "present": ("aanwezig", "present"),
}


def _status(status: str, lang: str) -> str:
    nl, en = _STATUS_WORDS.get(str(status), (str(status), str(status)))
    return en if lang == "en" else nl


def _missing_section(c: _Context) -> Section | None:
    mp = c.result("missing_parties")
    if mp is None:
        return None
    L = c.lang
    frame = _frame(mp, c.lang)
    items = []
    tables = []
    numbers = []
    if not frame.empty and "status" in frame.columns:
        counts = frame["status"].astype(str).value_counts()
        total = len(frame)
        for status, nl, en in (
                ("absent", "Rollen uit het referentiemodel die niemand in de gegevens vervult.",
                 "Roles of the reference model that nobody in the data plays."),
                ("isolated", "Rollen die er wel zijn, maar zonder één relatie.",
                 "Roles that are there, but without a single tie."),
                ("peripheral", "Rollen met heel weinig relaties, of alleen binnen het eigen domein.",
                 "Roles with very few ties, or only within their own domain."),
                ("present", "Rollen die aanwezig zijn en meedoen in het netwerk.",
                 "Roles that are there and take part in the network.")):
            n = int(counts.get(status, 0))
            if n or status in ("absent", "present"):
                numbers.append(Number(f"{fmt_number(n, L)} / {fmt_number(total, L)}",
                                      _status(status, L), c.say(nl, en)))
        gaps = frame[frame["status"].astype(str) != "present"].copy()
        gaps["_order"] = gaps["status"].map(lambda s: _STATUS_ORDER.get(str(s), 9))
        gaps = gaps.sort_values(["_order"], kind="mergesort")
        for rec in gaps.to_dict("records"):
            where = f" ({rec['wijk']})" if rec.get("wijk") else ""
            text = " ".join(x for x in (fmt_cell(rec.get("reason", ""), L),
                                        fmt_cell(rec.get("why", ""), L)) if x)
            items.append(Item(f"{rec.get('label') or rec.get('role')}{where}", text,
                              domain_colour(rec.get("domain", "")),
                              _status(rec["status"], L)))
        shown = frame.copy()
        shown["status"] = shown["status"].map(lambda s: _status(s, L))
        tables.append(table_from_frame(
            shown, L, caption=c.say("Alle rollen uit het referentiemodel",
                                    "Every role of the reference model"),
            columns=["label", "domain", "wijk", "status", "actors"], limit=60))
    return Section("missing", tr("missing", L), _explain(mp, L), tuple(numbers), tuple(items), (),
                   tuple(tables), _notes(mp, L))


_KIND_WORDS = {
    "expected": ("verwachte verbinding", "expected link"),
    "triad": ("ontbrekende kant van de Driehoek", "missing side of the Driehoek"),
    "predicted": ("kansrijke nieuwe verbinding", "promising new link"),
}


def _links_section(c: _Context) -> Section | None:
    ml = c.result("missing_links")
    if ml is None:
        return None
    L = c.lang
    frame = _frame(ml, c.lang)
    items = []
    n_items = max(c.top, 10)
    if not frame.empty and {"source_name", "target_name"} <= set(frame.columns):
        for rec in frame.head(n_items).to_dict("records"):
            kind = str(rec.get("kind", ""))
            nl, en = _KIND_WORDS.get(kind, (kind, kind))
            reasons = rec.get("reasons", "")
            text = fmt_cell(reasons, L) if not isinstance(reasons, list | tuple) else \
                "; ".join(str(r) for r in reasons)
            items.append(Item(f"{rec['source_name']} – {rec['target_name']}", text,
                              "", en if L == "en" else nl))
    else:
        n_items = 0
    table = None
    rest = frame.iloc[n_items:]
    if not rest.empty:
        shown = rest.copy()
        if "kind" in shown.columns:
            shown["kind"] = shown["kind"].map(
                lambda k: _KIND_WORDS.get(str(k), (k, k))[1 if L == "en" else 0])
        table = table_from_frame(shown, L, caption=c.say("Meer verbindingen om te bespreken",
                                                         "More connections to discuss"),
                                 columns=["source_name", "target_name", "kind", "wijk",
                                          "score", "reasons"], limit=40)
    return Section("links", tr("links", L), _explain(ml, L), (), tuple(items), (),
                   (table,) if table else (), _notes(ml, L))


def _resilience_section(c: _Context) -> Section | None:
    r = c.result("resilience")
    if r is None:
        return None
    L = c.lang
    chart_list = []
    data_tables = []
    curve = _result_frame(r, "curve")
    if curve is not None:
        xcol = next((x for x in ("removed", "n_removed", "step", "k") if x in curve.columns),
                    curve.columns[0])
        series_cols = [x for x in curve.columns if x != xcol
                       and pd.api.types.is_numeric_dtype(curve[x])]
        names = {"targeted": c.say("sleutelfiguren vallen weg", "key figures leave"),
                 "random": c.say("willekeurige partijen vallen weg", "random parties leave")}
        series = {names.get(col, col.replace("_", " ")): [float(v) for v in curve[col]]
                  for col in series_cols}
        xs = [float(v) for v in curve[xcol]]
        alt = "; ".join(f"{name}: " + ", ".join(fmt_number(v, L, 0) for v in ys)
                        for name, ys in series.items())
        chart_list.append(c.chart("line_chart",
            xs, series, title=c.say("Grootste verbonden deel als partijen wegvallen",
                                    "Largest connected part as parties leave"),
            xlabel=c.say("aantal partijen weggevallen", "number of parties removed"),
            ylabel=c.say("grootste deel (partijen)", "largest part (parties)"),
            alt=alt, decimal=c.decimal))
        data_tables.append(table_from_frame(curve, L, limit=None))
    numbers = []
    points = getattr(r, "articulation_points", None)
    if isinstance(points, list | tuple | set | frozenset):
        numbers.append(Number(
            fmt_number(len(points), L), c.say("scharnierpunten", "articulation points"),
            c.say("Partijen die de enige verbinding zijn van anderen met de rest: vallen zij "
                  "weg, dan raken die anderen los.",
                  "Parties that are the only link of others to the rest: if they leave, "
                  "those others are cut off.")))
    bridges = getattr(r, "bridges", None)
    if isinstance(bridges, list | tuple | set | frozenset):
        numbers.append(Number(
            fmt_number(len(bridges), L), c.say("bruggen", "bridges"),
            c.say("Relaties die de enige weg zijn tussen twee delen van het netwerk.",
                  "Ties that are the only path between two parts of the network.")))
    frame = _frame(r, c.lang)
    if "cut_off" in frame.columns:
        frame = frame[frame["cut_off"].fillna(0) > 0]
    table = _generic_table(frame, L, max(c.top, 15))
    if table is not None:
        table = dataclasses.replace(table, caption=c.say(
            "Wie raakt los als deze partij wegvalt", "Who is cut off if this party leaves"))
    return Section("resilience", tr("resilience", L), _explain(r, L), tuple(numbers), (),
                   tuple(chart_list), (table,) if table else (), _notes(r, L), tuple(data_tables))


def _generic_section(section_id: str, result_name: str, title: str, limit: int = 25
                     ) -> Callable[[_Context], Section | None]:
    def build(c: _Context) -> Section | None:
        result = c.result(result_name)
        if result is None:
            return None
        table = _generic_table(_frame(result, c.lang), c.lang, limit)
        return Section(section_id, tr(title, c.lang), _explain(result, c.lang), (), (), (),
                       (table,) if table else (), _notes(result, c.lang))
    return build


def _communities_section(c: _Context) -> Section | None:
    r = c.result("communities")
    if r is None:
        return None
    L = c.lang
    frame = localise_columns(_frame(r, c.lang), L)
    items = []
    numbers = []
    modularity = getattr(r, "modularity", None)
    if isinstance(modularity, int | float):
        numbers.append(Number(
            fmt_number(modularity, L), c.say("modulariteit", "modularity"),
            c.say("Hoe sterk het netwerk in groepen uiteenvalt: 0 is geen groepsvorming, "
                  "boven 0,3 zijn de groepen duidelijk.",
                  "How strongly the network splits into groups: 0 means no grouping, above "
                  "0.3 the groups are clear.")))
    if not frame.empty and "members" in frame.columns:
        for rec in frame.to_dict("records"):
            members = [c.name(m) for m in (rec.get("members") or ())]
            shown = ", ".join(members[:12]) + (" …" if len(members) > 12 else "")
            domains = rec.get("domains") or {}
            top_domain = next(iter(domains), "") if isinstance(domains, Mapping) else ""
            label = rec.get("label") or ""
            head = c.say(f"Groep {rec.get('community')}", f"Group {rec.get('community')}")
            head += f" ({fmt_number(rec.get('size'), L)})"
            items.append(Item(head, f"{label}. {shown}" if label else shown,
                              domain_colour(top_domain) if top_domain else "", ""))
    table = _generic_table(frame.drop(columns=[x for x in ("members", "label") if x in frame.columns]),
                           L, 40) if not frame.empty else None
    return Section("communities", tr("communities", L), _explain(r, L), tuple(numbers),
                   tuple(items), (), (table,) if table else (), _notes(r, L))


def _frame_of(result: Any, name: str) -> pd.DataFrame:
    """An extra DataFrame a result offers as attribute or method (``duplicates_frame``)."""
    value = getattr(result, name, None)
    if callable(value):
        try:
            value = value()
        except Exception:  # noqa: BLE001
            return pd.DataFrame()
    return value if isinstance(value, pd.DataFrame) else pd.DataFrame()


def _themes_section(c: _Context) -> Section | None:
    r = c.result("themes")
    if r is None:
        return None
    L = c.lang
    frame = _frame(r, c.lang)
    items = []
    tables = []
    if not frame.empty and "connected" in frame.columns:
        apart = frame[~frame["connected"].astype(bool)]
        for rec in apart.to_dict("records"):
            items.append(Item(
                str(rec["theme"]),
                c.say(f"{fmt_number(rec.get('n_actors'), L)} partijen werken eraan, verdeeld over "
                      f"{fmt_number(rec.get('n_parts'), L)} groepen die niet met elkaar verbonden "
                      f"zijn: {fmt_cell(rec.get('actors', ''), L)}.",
                      f"{fmt_number(rec.get('n_actors'), L)} parties work on it, split into "
                      f"{fmt_number(rec.get('n_parts'), L)} groups that are not connected: "
                      f"{fmt_cell(rec.get('actors', ''), L)}."),
                "", c.say("langs elkaar heen", "working apart")))
        shown = frame.copy()
        tables.append(table_from_frame(
            shown, L, caption=c.say("Alle thema's: wie werkt eraan en zijn zij verbonden?",
                                    "Every theme: who works on it, and are they connected?"),
            columns=["theme", "n_actors", "n_parts", "connected", "wijken", "absent_in",
                     "actors"], limit=60))
    dup = _frame_of(r, "duplicates_frame")
    if dup.empty:
        records = [d.__dict__ for d in getattr(r, "duplicates", ()) if hasattr(d, "__dict__")]
        dup = pd.DataFrame(records)
    if not dup.empty:
        tables.append(table_from_frame(
            dup, L, caption=c.say("Risico op dubbel werk: zelfde soort partij, zelfde thema, "
                                  "zelfde wijk, geen relatie",
                                  "Risk of duplicate effort: same kind of party, same theme, "
                                  "same wijk, no tie"),
            columns=["source_name", "target_name", "theme", "wijk", "kind", "shared_themes",
                     "common_partners"], limit=max(c.top, 15)))
    return Section("themes", tr("themes", L), _explain(r, L), (), tuple(items), (),
                   tuple(tables), _notes(r, L))


def _meetings_section(c: _Context) -> Section | None:
    r = c.result("meetings")
    if r is None:
        return None
    L = c.lang
    frame = _frame(r, c.lang)
    table = None
    if not frame.empty:
        table = table_from_frame(frame, L, columns=["name", "theme", "wijk", "n_members",
                                                    "n_domains", "crosses_domains", "domains",
                                                    "members"], limit=60)
    items = []
    lonely = getattr(r, "not_in_any", None)
    if lonely:
        names = [c.name(a) for a in lonely]
        items.append(Item(c.say("In geen enkel overleg", "In no meeting at all"),
                          ", ".join(names[:40]) + (" …" if len(names) > 40 else "")))
    return Section("meetings", tr("meetings", L), _explain(r, L), (), tuple(items), (),
                   (table,) if table else (), _notes(r, L))


def _roles_section(c: _Context) -> Section | None:
    r = c.result("roles")
    if r is None:
        return None
    L = c.lang
    frame = _frame(r, c.lang)
    table = table_from_frame(frame, L, columns=["name", "label", "domain", "wijk", "via",
                                                "evidence"], limit=80) if not frame.empty else None
    items = []
    unassigned = getattr(r, "unassigned", None)
    if unassigned:
        names = sorted(c.name(a) for a in unassigned)
        items.append(Item(c.say("Geen rol uit het model", "No role from the model"),
                          ", ".join(names[:60]) + (" …" if len(names) > 60 else "")))
    return Section("roles", tr("roles", L), _explain(r, L), (), tuple(items), (),
                   (table,) if table else (), _notes(r, L))


def _triads_section(c: _Context) -> Section | None:
    r = c.result("triads")
    if r is None:
        return None
    L = c.lang
    frame = _frame(r, c.lang)
    if frame.empty:
        return None
    items = []
    if "hub_name" in frame.columns:
        for rec in frame.to_dict("records"):
            done = bool(rec.get("complete"))
            where = f" ({rec['wijk']})" if rec.get("wijk") else ""
            items.append(Item(
                f"{rec['hub_name']}{where}",
                fmt_cell(rec.get("members", ""), L) if done else fmt_cell(rec.get("missing", ""), L),
                "#117733" if done else "#CC6677",
                c.say("compleet", "complete") if done else c.say("onvolledig", "incomplete")))
    table = _generic_table(frame.drop(columns=[x for x in ("triad", "hub") if x in frame.columns]),
                           L, 60)
    return Section("triads", tr("triads", L), _explain(r, L), (), tuple(items), (),
                   (table,) if table else (), _notes(r, L))


WHOISWHO_LIMIT = 400


def _whoiswho_section(c: _Context) -> Section:
    L = c.lang
    actors = c.network.actors
    meeting_names = dict(zip(c.network.meetings["id"], c.network.meetings["name"], strict=False)) \
        if len(c.network.meetings) else {}
    ranks: dict[str, Any] = {}
    kf = c.result("key_figures")
    if kf is not None:
        kframe = _frame(kf, c.lang).head(c.top)
        if {"id", "rank"} <= set(kframe.columns):
            ranks = dict(zip(kframe["id"], kframe["rank"], strict=True))
    rows = []
    colours = []
    for rec in sorted(actors.to_dict("records"), key=lambda r: (str(r["name"]).casefold(), r["id"])):
        colours.append(domain_colour(rec["domain"]) if rec["domain"] else "")
        g = c.network.graph.nodes.get(rec["id"], {})
        meetings = [meeting_names.get(m, m) for m in g.get("meetings", ())]
        rank = ranks.get(rec["id"])
        rows.append((
            str(rec["name"]) + (f" (★{rank})" if rank is not None else ""),
            type_name(str(rec["type"]), L) if rec["type"] else "",
            _dom(rec["domain"], L) if rec["domain"] else "",
            fmt_cell(rec["role"], L),
            fmt_cell(tuple(rec["wijk"]), L),
            fmt_cell(tuple(rec["themes"]), L),
            fmt_cell(tuple(meetings), L),
            fmt_cell(rec["description"], L),
        ))
    total = len(rows)
    cols = tuple(column_label(x, L) for x in ("name", "type", "domain", "role", "wijk", "themes",
                                             "meetings", "description"))
    intro = (c.say(f"Alle {total} partijen op alfabet, met wat ze doen en waar ze aan tafel "
                   "zitten. Een ster (★) met een nummer markeert een sleutelfiguur en haar plaats.",
                   f"All {total} parties in alphabetical order, with what they do and where "
                   "they meet. A star (★) with a number marks a key figure and its rank."),)
    return Section("whoiswho", tr("whoiswho", L), intro, (), (), (),
                   (Table("", cols, tuple(rows[:WHOISWHO_LIMIT]), total, 2,
                          tuple(colours[:WHOISWHO_LIMIT])),))


def _reading_section(c: _Context) -> Section:
    L = c.lang
    pairs = [
        (c.say("Een kaart van de gegevens", "A map of the data"),
         c.say("Alles in dit rapport gaat over de samenwerkingen die zijn ingevuld. Een "
               "samenwerking die niemand heeft opgeschreven, lijkt hier te ontbreken. Lees "
               "de uitkomsten als vragen voor het gesprek, niet als oordelen.",
               "Everything in this report is about the relations that were filled in. A "
               "collaboration nobody wrote down looks missing here. Read the results as "
               "questions for the conversation, not as verdicts.")),
        (c.say("Sleutelfiguur", "Key figure"),
         c.say("Een partij die veel partners heeft, andere partijen met elkaar verbindt, of "
               "zonder wie anderen los komen te staan. De score combineert die maten; de "
               "redenen zeggen waarom een partij hoog staat.",
               "A party with many partners, that links other parties, or without whom others "
               "would be cut off. The score combines these measures; the reasons say why a "
               "party ranks high.")),
        (c.say("Makelaar", "Broker"),
         c.say("Een partij die partijen verbindt die zelf geen contact hebben, vaak over de "
               "grens van een domein heen (bijvoorbeeld zorg en welzijn).",
               "A party that links parties who have no contact themselves, often across the "
               "border of a domain (for example care and welfare).")),
        (c.say("E-I-index", "E-I index"),
         c.say("Tussen -1 en +1: negatief betekent dat partijen vooral binnen hun eigen domein "
               "samenwerken, positief dat ze vooral over domeinen heen werken.",
               "Between -1 and +1: negative means parties mostly work inside their own domain, "
               "positive that they mostly work across domains.")),
        (c.say("Sterkte van een relatie", "Strength of a relation"),
         c.say("De vier leermechanismen van domeinoverstijgend samenwerken: 1 identificatie "
               "(van elkaar weten), 2 coördinatie (taken verdelen), 3 reflectie (van elkaar "
               "leren), 4 transformatie (samen iets nieuws maken).",
               "The four learning mechanisms of boundary crossing: 1 identification (knowing "
               "of each other), 2 coordination (dividing tasks), 3 reflection (learning from "
               "each other), 4 transformation (making something new together).")),
        (c.say("Wie ontbreekt", "Who is missing"),
         c.say("Het referentiemodel noemt de rollen die een wijknetwerk hoort te hebben "
               "(huisarts, wijkagent, buurtteam, ...). Ontbreekt: niemand vervult de rol. "
               "Geïsoleerd: wel aanwezig, maar zonder relaties. Aan de rand: alleen contact "
               "binnen het eigen domein of met heel weinig partijen.",
               "The reference model names the roles a neighbourhood network is expected to "
               "have (GP, community police officer, neighbourhood team, ...). Absent: nobody "
               "plays the role. Isolated: present, but without ties. At the margin: contact "
               "only within its own domain or with very few parties.")),
        (c.say("Aanbevolen verbinding", "Suggested connection"),
         c.say("Twee partijen die (nog) geen relatie hebben maar veel gemeen hebben: "
               "gedeelde partners, thema's, wijk of overleggen, of een verbinding die het "
               "referentiemodel verwacht. De score ordent de suggesties; de redenen tellen.",
               "Two parties without a relation (yet) who have a lot in common: shared "
               "partners, themes, wijk or meetings, or a link the reference model expects. "
               "The score orders the suggestions; the reasons are what matter.")),
        (c.say("Kwetsbaarheid", "Vulnerability"),
         c.say("De curve laat zien hoe het grootste verbonden deel van het netwerk krimpt als "
               "partijen één voor één wegvallen: eerst de sleutelfiguren, ter vergelijking "
               "willekeurige partijen. Een steile daling betekent: het netwerk hangt aan "
               "weinig partijen.",
               "The curve shows how the largest connected part shrinks as parties leave one "
               "by one: key figures first, and random parties for comparison. A steep drop "
               "means the network hangs on a few parties.")),
        (c.say("Gemeenschap", "Community"),
         c.say("Een groep partijen die onderling meer samenwerken dan met de rest. Gevonden "
               "met het Louvain-algoritme met een vaste seed, zodat dezelfde gegevens "
               "dezelfde groepen geven.",
               "A group of parties that work together more among themselves than with the "
               "rest. Found with the Louvain algorithm and a fixed seed, so the same data "
               "give the same groups.")),
    ]
    return Section("reading", tr("reading", L), (), (),
                   tuple(Item(h, t) for h, t in pairs))


def _problem_line(p: Any, lang: str) -> str:
    parts = []
    if getattr(p, "file", None):
        parts.append(Path(str(p.file)).name)
    if getattr(p, "sheet", None):
        parts.append(("sheet " if lang == "en" else "blad ") + str(p.sheet))
    if getattr(p, "row", None) is not None:
        parts.append(("row " if lang == "en" else "rij ") + str(p.row))
    if getattr(p, "column", None):
        parts.append(("column " if lang == "en" else "kolom ") + str(p.column))
    try:
        message = p.message(lang)
    except Exception:  # noqa: BLE001
        message = str(p)
    return (", ".join(parts) + ": " if parts else "") + message


def _problems_section(c: _Context, notes: Iterable[str]) -> Section:
    L = c.lang
    warnings = list(dict.fromkeys(list(c.network.warnings) + list(c.analysis.warnings)))
    lines = [_problem_line(w, L) for w in warnings]
    notes = tuple(dict.fromkeys(notes))
    if not lines and not notes:
        intro = c.say("De gegevens gaven geen problemen of waarschuwingen.",
                      "The data gave no problems or warnings.")
    else:
        intro = c.say(f"Bij het inlezen vond wijkgraph {len(lines)} waarschuwing(en). Ze "
                      "hielden de analyse niet tegen, maar verbeter ze in het invulbestand "
                      "voor een volgende meting.",
                      f"While reading the data wijkgraph found {len(lines)} warning(s). They did "
                      "not stop the analysis, but fix them in the input for the next "
                      "measurement.")
    return Section("problems", tr("problems", L), (intro,), (),
                   tuple(Item("", line) for line in lines[:200]), (), (), notes)


def _glance_section(c: _Context, findings: Sequence[Item], has_map: bool) -> Section:
    L = c.lang
    s = c.analysis.overview
    intro = c.say(
        f"Dit rapport beschrijft {fmt_number(s.n_actors, L)} partijen en "
        f"{fmt_number(s.n_relations, L)} samenwerkingen. Dit springt eruit:",
        f"This report describes {fmt_number(s.n_actors, L)} parties and "
        f"{fmt_number(s.n_relations, L)} relations. What stands out:")
    return Section("glance", tr("glance", L), (intro,), (), tuple(findings),
                   notes=(tr("map_hint", L) if has_map else tr("no_map", L),))


# --------------------------------------------------------------------------------------
# Findings: the most important things, in order
# --------------------------------------------------------------------------------------


def key_findings(network: WijkNetwork, analysis: Any, lang: str = "nl", n: int = 5) -> list[Item]:
    """The most important findings, most important first (the terminal shows three).

    Order: missing parties, incomplete Driehoeken, the top key figures, vulnerability,
    domain mixing, the best suggested link, then the shape of the network. Each is built
    from what its analysis returned (its table and its explanation); a missing section is skipped.

    Examples
    --------
    >>> from wijkgraph.sources.bundled import load_dataset
    >>> from wijkgraph.analysis.run import analyse
    >>> net = load_dataset("utrecht-oost")
    >>> found = key_findings(net, analyse(net), "en", n=3)
    >>> 1 <= len(found) <= 3 and all(f.text for f in found)
    True
    """
    c = _Context(network, analysis, lang, _top(analysis))
    out: list[Item] = []

    mp = c.result("missing_parties")
    if mp is not None:
        frame = _frame(mp, c.lang)
        if not frame.empty and "status" in frame.columns:
            label_col = "label" if "label" in frame.columns else "role"
            absent = list(dict.fromkeys(frame.loc[frame["status"] == "absent", label_col].astype(str)))
            margin = list(dict.fromkeys(frame.loc[frame["status"].isin(["isolated", "peripheral"]),
                                                  label_col].astype(str)))
            if absent or margin:
                parts = []
                if absent:
                    parts.append(c.say("geen ", "no ") + ", ".join(absent[:8])
                                 + c.say(" in het netwerk", " in the network"))
                if margin:
                    parts.append(c.say("aan de rand: ", "at the margin: ") + ", ".join(margin[:8]))
                text = "; ".join(parts)
                out.append(Item(c.say("Wie ontbreekt", "Who is missing"),
                                text[:1].upper() + text[1:] + ".", "", "missing"))
    tr_ = c.result("triads")
    tframe = _frame(tr_, lang) if tr_ is not None else pd.DataFrame()
    if tr_ is not None and not ("complete" in tframe.columns and tframe["complete"].all()):
        first = sentences(" ".join(_explain(tr_, lang)))
        if first:
            text = re.sub(r"^(De Driehoek|The Driehoek)( \(triangle\))?:\s*", "", first[0])
            out.append(Item(c.say("De Driehoek", "The Driehoek"), text[:1].upper() + text[1:],
                            "", "triads"))
    kf = c.result("key_figures")
    if kf is not None:
        frame = _frame(kf, c.lang).head(3)
        if not frame.empty and "name" in frame.columns:
            names = ", ".join(str(x) for x in frame["name"])
            reason = ""
            reasons_fn = getattr(kf, "reasons", None)
            if callable(reasons_fn) and "id" in frame.columns:
                try:
                    got = reasons_fn(frame["id"].iloc[0], lang)
                    got = [got] if isinstance(got, str) else list(got)
                    reason = "; ".join(str(r) for r in got[:2])
                except Exception:  # noqa: BLE001
                    reason = ""
            text = names + (f". {frame['name'].iloc[0]}: {reason}" if reason else "")
            out.append(Item(c.say("Sleutelfiguren", "Key figures"), text.rstrip(".") + ".", "",
                            "key_figures"))
    for name, head_nl, head_en in (("resilience", "Kwetsbaar", "Vulnerable"),
                                   ("domains", "Tussen domeinen", "Across domains")):
        r = c.result(name)
        if r is not None:
            first = sentences(" ".join(_explain(r, lang)))
            if first:
                out.append(Item(c.say(head_nl, head_en), " ".join(first[:2]), "", name))
    ml = c.result("missing_links")
    if ml is not None:
        frame = _frame(ml, c.lang)
        if not frame.empty and {"source_name", "target_name"} <= set(frame.columns):
            rec = frame.iloc[0]
            reasons = rec.get("reasons", "")
            reasons = "; ".join(str(x) for x in reasons) if isinstance(reasons, list | tuple) \
                else fmt_cell(reasons, lang)
            out.append(Item(c.say("Aanbevolen verbinding", "Suggested connection"),
                            f"{rec['source_name']} – {rec['target_name']}"
                            + (f": {reasons}" if reasons else "") + ".", "", "links"))
    s = analysis.overview
    if s.n_components > 1 or s.n_isolates:
        out.append(Item(
            c.say("Losse delen", "Separate parts"),
            c.say(f"Het netwerk bestaat uit {s.n_components} losse delen; "
                  f"{plural(s.n_isolates, 'partij heeft', 'partijen hebben')} geen enkele relatie.",
                  f"The network consists of {s.n_components} separate parts; "
                  f"{s.n_isolates} part(ies) have no relation at all."), "", "network"))
    out.append(Item(c.say("Het netwerk", "The network"),
                    " ".join(sentences(s.explain(lang))[:2]), "", "network"))
    cleaned = []
    for item in out[:n]:  # "De Driehoek: De Driehoek: ..." -> "De Driehoek: ..."
        text = item.text
        if text.casefold().startswith(item.head.casefold() + ":"):
            text = text[len(item.head) + 1:].strip()
            text = text[:1].upper() + text[1:]
        cleaned.append(dataclasses.replace(item, text=text))
    return cleaned


# --------------------------------------------------------------------------------------
# Building the report
# --------------------------------------------------------------------------------------

# section id -> builder; the order here is the order in the report.
BUILDERS: tuple[tuple[str, Callable[[_Context], Section | None], tuple[str, ...]], ...] = (
    ("network", _network_section, ("overview",)),
    ("key_figures", _key_figures_section, ("key_figures", "brokerage")),
    ("domains", _domains_section, ("domains",)),
    ("missing", _missing_section, ("missing_parties",)),
    ("links", _links_section, ("missing_links",)),
    ("themes", _themes_section, ("themes",)),
    ("meetings", _meetings_section, ("meetings",)),
    ("resilience", _resilience_section, ("resilience",)),
    ("communities", _communities_section, ("communities",)),
    ("triads", _triads_section, ("triads",)),
    ("roles", _roles_section, ("roles",)),
)


def _section_of(summary: Summary, c: _Context) -> Section:
    """A result's `Summary` as a report `Section` (charts drawn, tables coloured)."""
    return Section(
        summary.id, summary.title, summary.intro, summary.numbers, summary.items,
        tuple(c.chart(spec.kind, *spec.args, **spec.kwargs) for spec in summary.charts),
        tuple(_table_of(t) for t in summary.tables), summary.notes,
        tuple(_table_of(t) for t in summary.chart_data))


def _table_of(table: SummaryTable) -> Table:
    colours = tuple(domain_colour(d) if d else "" for d in table.row_domains)
    return Table(table.caption, table.columns, table.rows, table.total, table.domain_column,
                 colours)


def build_report(network: WijkNetwork, analysis: Any, *, lang: str = "nl",
                 map_href: str | None = "map.html", draw: bool = True) -> Report:
    """Gather everything the report shows, in `lang` (``"nl"`` or ``"en"``).

    Parameters
    ----------
    network : WijkNetwork
        The network that was analysed (for names, the "wie is wie" and warnings).
    analysis : Analysis
        The result of `wijkgraph.analysis.run`.
    lang : {"nl", "en"}
    map_href : str or None
        Relative link to the interactive map, or None when no map is written.
    draw : bool
        Draw the charts (SVG). Markdown needs only their titles and text alternatives.

    Returns
    -------
    Report
    """
    from wijkgraph._version import __version__

    lang = "en" if lang == "en" else "nl"
    c = _Context(network, analysis, lang, _top(analysis), draw)
    sections: list[Section] = []
    used: set[str] = set()
    for _sid, builder, names in BUILDERS:
        used.update(names)
        result = getattr(analysis, names[0], None) if names else None
        if result is not None and hasattr(result, "summary"):
            summary = result.summary(lang, top=c.top)
            section = None if summary.empty else _section_of(summary, c)
        else:
            section = builder(c)
        if section is not None:
            sections.append(section)
    for name in sorted({n for n, _ in analysis.sections()} - used - {"overview"}):
        section = _generic_section(name, name, "other")(c)
        if section is not None:
            sections.append(Section(section.id, tr("other", lang, name=name.replace("_", " ")),
                                    section.intro, (), (), (), section.tables, section.notes))
    sections.append(_whoiswho_section(c))
    sections.append(_reading_section(c))
    sections.append(_problems_section(c, [n for s in sections for n in s.notes]))
    findings = key_findings(network, analysis, lang, n=5)
    sections.insert(0, _glance_section(c, findings, map_href is not None))
    meta = analysis.meta
    title = str(meta.get("title_en" if lang == "en" else "title_nl") or meta.get("name")
                or network.name or tr("report", lang))
    if meta.get("wijk"):
        title += f" – {meta['wijk']}"
    source = str(meta.get("name") or Path(str(meta.get("source", ""))).name)
    footer = [tr("made_with", lang, version=__version__), tr("seed", lang, seed=meta.get("seed", 0)),
              tr("reference", lang, reference=Path(str(meta.get("reference", ""))).name)]
    if source:
        footer.append(tr("source", lang, source=source))
    if network.meta.get("pseudonymised"):
        footer.append(tr("pseudonymised", lang))
    return Report(lang, title, tr("subtitle", lang), tuple(findings), tuple(sections), map_href,
                  tuple(footer), dict(meta))


# --------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _environment() -> Any:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("wijkgraph.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.tests["numberlike"] = lambda v: bool(_NUMBERLIKE.fullmatch(str(v)))
    return env


_NUMBERLIKE = re.compile(r"[-+−]?[\d.,]+%?")


def render_html(report: Report) -> str:
    """The report as one self-contained, offline HTML page (no scripts, no requests)."""
    from markupsafe import Markup

    template = _environment().get_template("report.html.j2")
    svgs = {id(ch): Markup(ch.svg) for s in report.sections for ch in s.charts}  # noqa: S704
    return template.render(report=report, svg=lambda ch: svgs[id(ch)], tr=tr,
                           lang=report.lang)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|!~])")


def md_escape(text: str) -> str:
    """Text safe inside Markdown: HTML characters as entities, Markdown marks escaped.

    Examples
    --------
    >>> md_escape("<b>A*B</b> | C")
    '&lt;b&gt;A\\\\*B&lt;/b&gt; \\\\| C'
    """
    text = " ".join(str(text).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def _md_table(table: Table) -> list[str]:
    if not table.columns:
        return []
    lines = []
    if table.caption:
        lines += [f"*{md_escape(table.caption)}*", ""]
    lines.append("| " + " | ".join(md_escape(x) for x in table.columns) + " |")
    lines.append("|" + "|".join("---" for _ in table.columns) + "|")
    for row in table.rows:
        lines.append("| " + " | ".join(md_escape(x) for x in row) + " |")
    lines.append("")
    return lines


def render_markdown(report: Report) -> str:
    """The same content as `render_html`, as Markdown (charts by their text alternative)."""
    L = report.lang
    out = [f"# {md_escape(report.title)}", "", f"*{md_escape(report.subtitle)}*", ""]
    if report.map_href:
        out += [f"**{md_escape(tr('open_map', L))}:** [{md_escape(report.map_href)}]"
                f"({report.map_href})", ""]
    out += [f"## {md_escape(tr('contents', L))}", ""]
    out += [f"{k}. [{md_escape(s.title)}](#{s.id})" for k, s in enumerate(report.sections, 1)]
    out.append("")
    for s in report.sections:
        out += [f'<a id="{s.id}"></a>', "", f"## {md_escape(s.title)}", ""]
        for p in s.intro:
            out += [md_escape(p), ""]
        for num in s.numbers:
            out.append(f"- **{md_escape(num.value)} {md_escape(num.label)}**: {md_escape(num.sentence)}")
        if s.numbers:
            out.append("")
        for item in s.items:
            tag = f" *({md_escape(item.tag)})*" if item.tag and s.id != "glance" else ""
            head = f"**{md_escape(item.head)}**{tag}: " if item.head else ""
            out.append(f"- {head}{md_escape(item.text)}")
        if s.items:
            out.append("")
        for ch in s.charts:
            out += [f"**{md_escape(ch.title)}** ({md_escape(tr('chart_data', L).lower())}): "
                    f"{md_escape(ch.alt)}", ""]
        for table in s.tables:
            out += _md_table(table)
            if table.total > len(table.rows):
                out += [md_escape(tr("more_rows", L, n=table.total - len(table.rows))), ""]
        for note in s.notes:
            out += [f"> {md_escape(note)}", ""]
    out += ["---", "", " · ".join(md_escape(f) for f in report.footer), ""]
    return "\n".join(out)


def render_report(network: WijkNetwork, analysis: Any, *, lang: str = "nl", fmt: str = "html",
                  map_href: str | None = "map.html") -> str:
    """The report of an analysed network as HTML (``fmt="html"``) or Markdown (``"md"``).

    Parameters
    ----------
    network : WijkNetwork
    analysis : Analysis
        The result of `wijkgraph.analyse(network)`.
    lang : {"nl", "en"}
        Language of every word in the report (Dutch by default).
    fmt : {"html", "md"}
    map_href : str or None
        Where the interactive map is, relative to the report; None to leave the link out.

    Returns
    -------
    str

    Examples
    --------
    >>> import wijkgraph
    >>> net = wijkgraph.load_dataset("utrecht-oost")
    >>> html = render_report(net, wijkgraph.analyse(net), lang="en")
    >>> '<html lang="en">' in html and "At a glance" in html
    True
    """
    report = build_report(network, analysis, lang=lang, map_href=map_href, draw=fmt != "md")
    if fmt == "md":
        return render_markdown(report)
    if fmt != "html":
        raise ValueError(f"fmt must be 'html' or 'md', not {fmt!r}")
    return render_html(report)


def write_report_html(network: WijkNetwork, analysis: Any, folder: Path, lang: str) -> Path:
    """Writer for `wijkgraph.render.outputs`: ``report.html`` (links map.html if present)."""
    from wijkgraph._files import atomic_write

    path = Path(folder) / "report.html"
    has_map = (Path(folder) / "map.html").exists()
    atomic_write(path, render_report(network, analysis, lang=lang, fmt="html",
                                     map_href="map.html" if has_map else None))
    return path


def write_report_md(network: WijkNetwork, analysis: Any, folder: Path, lang: str) -> Path:
    """Writer for `wijkgraph.render.outputs`: ``report.md``."""
    from wijkgraph._files import atomic_write

    path = Path(folder) / "report.md"
    has_map = (Path(folder) / "map.html").exists()
    atomic_write(path, render_report(network, analysis, lang=lang, fmt="md",
                                     map_href="map.html" if has_map else None))
    return path
