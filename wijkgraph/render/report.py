"""The meeting-ready report: one structure, rendered as safe offline HTML and as Markdown.

`build_report(network, analysis, lang=...)` turns an `Analysis` into a `Report`: a list of
sections, each opening with two or three plain sentences of what was found, then the
numbers (each with the sentence that explains it), charts (inline SVG with a text
alternative), findings with their reasons, and tables. `render_html` and
`render_markdown` format that one structure, so both files say the same.

Every section is what its result says about itself: ``result.summary(lang, top=...)``
(a `wijkgraph.analysis._summary.Summary`), in the order of `Analysis.sections`; the glance
("In één oogopslag") takes the findings of highest priority of all of them. The report adds
only its own sections (who is who, how to read the figures, problems in the data), draws
the charts the summaries name and colours domains. It never computes a metric, and every
word it adds comes from the catalogue (`wijkgraph.i18n`; ``_("...")`` in the template).

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
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wijkgraph.analysis._summary import (
    Finding,
    Number,
    Summary,
    column_label,
    fmt_cell,
)
from wijkgraph.analysis._summary import Table as SummaryTable
from wijkgraph.errors import Problem
from wijkgraph.i18n import LANGS, N_, check_lang, translator
from wijkgraph.model.network import WijkNetwork
from wijkgraph.render.palette import domain_colour, domain_name, type_name

if TYPE_CHECKING:
    from wijkgraph.analysis.run import Analysis
    from wijkgraph.render import charts


def _charts() -> Any:
    """The chart module, imported when first needed (matplotlib is slow to import)."""
    from wijkgraph.render import charts

    return charts

# --------------------------------------------------------------------------------------
# Words
# --------------------------------------------------------------------------------------

#: The report's own words (English msgids; Dutch in the catalogue), by key.
TEXT: dict[str, str] = {
    "report": N_("Report"),
    "subtitle": N_("Collaboration in the neighbourhood as a network: key figures, gaps and "
                   "chances"),
    "contents": N_("Contents"),
    "open_map": N_("Open the interactive map"),
    "map_hint": N_("The map (map.html, next to this report) shows every party and its ties; "
                   "click a party to see its partners."),
    "no_map": N_("The interactive map was not written; make it with "
                 "'wijkgraph analyse --format html,map'."),
    "chart_data": N_("The numbers behind this chart"),
    "made_with": N_("Made with wijkgraph {version}"),
    "seed": N_("seed {seed}"),
    "reference": N_("reference model {reference}"),
    "source": N_("source: {source}"),
    "pseudonymised": N_("Pseudonymised: persons appear as their role and a number, without "
                        "name or contact details."),
    # titles of the sections the report adds to those of the analyses
    "glance": N_("At a glance"),
    "whoiswho": N_("Who is who"),
    "reading": N_("How to read the figures"),
    "problems": N_("Problems and warnings in the data"),
}


def tr(key: str, lang: str = "nl", /, **params: object) -> str:
    """A report sentence of `TEXT` in `lang`, with `params` filled in.

    Examples
    --------
    >>> tr("glance"), tr("glance", "en"), tr("seed", "en", seed=3)
    ('In één oogopslag', 'At a glance', 'seed 3')
    """
    text = translator(lang).gettext(TEXT[key])
    return text.format(**params) if params else text


def more_rows(n: int, lang: str = "nl") -> str:
    """The line under a table that shows only part of its rows.

    >>> more_rows(1), more_rows(1200, "en")
    ('… en nog 1 rij: zie tables.xlsx.', '… and 1,200 more rows: see tables.xlsx.')
    """
    return translator(lang).count(n, "… and {n} more row: see tables.xlsx.",
                                  "… and {n} more rows: see tables.xlsx.")


def fmt_number(value: Any, lang: str = "nl", digits: int = 2) -> str:
    """A number as people write it (`wijkgraph.i18n.Translator.number`).

    Examples
    --------
    >>> fmt_number(0.0524, digits=3), fmt_number(0.0524, "en", digits=3), fmt_number(12500)
    ('0,052', '0.052', '12.500')
    >>> fmt_number(float("nan"))
    '–'
    """
    return translator(lang).number(value, digits)


# --------------------------------------------------------------------------------------
# The report structure
# --------------------------------------------------------------------------------------

Item = Finding  # a listed thing in a section: a short bold head and its explanation


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


def _top(analysis: Analysis) -> int:
    """How many key figures and suggestions the analysis was asked for."""
    return max(1, int(analysis.meta.get("top", 10)))


# --------------------------------------------------------------------------------------
# Sections
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    network: WijkNetwork
    analysis: Analysis
    lang: str
    top: int
    draw: bool = True

    def chart(self, kind: str, *args: Any, **kwargs: Any) -> charts.Chart:
        """Draw a chart, or only describe it (title and text) when not drawing (Markdown)."""
        module = _charts()
        if not self.draw:
            return module.Chart(svg="", title=kwargs["title"], alt=kwargs["alt"])
        return getattr(module, kind)(*args, **kwargs)


def _domains_section(c: _Context) -> Section | None:
    """Moved to `wijkgraph.analysis.domains.DomainMixing.summary`."""
    return _section_of(c.analysis.domains.summary(c.lang, top=c.top), c)


def _missing_section(c: _Context) -> Section | None:
    """Moved to `wijkgraph.analysis.missing_parties.MissingParties.summary`."""
    return _section_of(c.analysis.missing_parties.summary(c.lang, top=c.top), c)


def _links_section(c: _Context) -> Section | None:
    """Moved to `wijkgraph.analysis.missing_links.MissingLinks.summary`."""
    return _section_of(c.analysis.missing_links.summary(c.lang, top=c.top), c)


def _resilience_section(c: _Context) -> Section | None:
    """Moved to `wijkgraph.analysis.resilience.Resilience.summary`."""
    return _section_of(c.analysis.resilience.summary(c.lang, top=c.top), c)


def _communities_section(c: _Context) -> Section | None:
    """Moved to `wijkgraph.analysis.communities.Communities.summary`."""
    return _section_of(c.analysis.communities.summary(c.lang, top=c.top), c)


def _themes_section(c: _Context) -> Section | None:
    """Moved to `wijkgraph.analysis.themes.Themes.summary`."""
    return _section_of(c.analysis.themes.summary(c.lang, top=c.top), c)


def _meetings_section(c: _Context) -> Section | None:
    """Moved to `wijkgraph.analysis.meetings.Meetings.summary`."""
    return _section_of(c.analysis.meetings.summary(c.lang, top=c.top), c)


def _roles_section(c: _Context) -> Section | None:
    """Moved to `wijkgraph.analysis.roles.RoleAssignment.summary`."""
    return _section_of(c.analysis.roles.summary(c.lang, top=c.top), c)


def _triads_section(c: _Context) -> Section | None:
    """Moved to `wijkgraph.analysis.triads.Triads.summary`."""
    return _section_of(c.analysis.triads.summary(c.lang, top=c.top), c)


WHOISWHO_LIMIT = 400


def _whoiswho_section(c: _Context) -> Section:
    L = c.lang
    t = translator(L)
    actors = c.network.actors
    meetings_table = c.network.meetings
    meeting_names = dict(zip(meetings_table["id"], meetings_table["name"], strict=False)) \
        if len(meetings_table) else {}
    top = c.analysis.key_figures.to_frame().head(c.top)
    ranks = dict(zip(top["id"], top["rank"], strict=True))
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
            domain_name(str(rec["domain"]), L) if rec["domain"] else "",
            fmt_cell(rec["role"], L),
            fmt_cell(tuple(rec["wijk"]), L),
            fmt_cell(tuple(rec["themes"]), L),
            fmt_cell(tuple(meetings), L),
            fmt_cell(rec["description"], L),
        ))
    total = len(rows)
    cols = tuple(column_label(x, L) for x in ("name", "type", "domain", "role", "wijk", "themes",
                                             "meetings", "description"))
    intro = (t.ngettext("The {n} party, with what it does and where it meets. A star (★) with a "
                        "number marks a key figure and its rank.",
                        "All {n} parties in alphabetical order, with what they do and where "
                        "they meet. A star (★) with a number marks a key figure and its rank.",
                        total).format(n=total),)
    return Section("whoiswho", tr("whoiswho", L), intro, (), (), (),
                   (Table("", cols, tuple(rows[:WHOISWHO_LIMIT]), total, 2,
                          tuple(colours[:WHOISWHO_LIMIT])),))


def _reading_section(c: _Context) -> Section:
    t = translator(c.lang)
    pairs = [
        (t.gettext("A map of the data"),
         t.gettext("Everything in this report is about the relations that were filled in. A "
                   "collaboration nobody wrote down looks missing here. Read the results as "
                   "questions for the conversation, not as verdicts.")),
        (t.gettext("Key figure"),
         t.gettext("A party with many partners, that links other parties, or without whom "
                   "others would be cut off. The score combines these measures; the reasons "
                   "say why a party ranks high.")),
        (t.gettext("Broker"),
         t.gettext("A party that links parties who have no contact themselves, often across "
                   "the border of a domain (for example care and welfare).")),
        (t.gettext("E-I index"),
         t.gettext("Between -1 and +1: negative means parties mostly work inside their own "
                   "domain, positive that they mostly work across domains.")),
        (t.gettext("Strength of a relation"),
         t.gettext("The four learning mechanisms of boundary crossing: 1 identification "
                   "(knowing of each other), 2 coordination (dividing tasks), 3 reflection "
                   "(learning from each other), 4 transformation (making something new "
                   "together).")),
        (t.gettext("Who is missing"),
         t.gettext("The reference model names the roles a neighbourhood network is expected "
                   "to have (GP, community police officer, neighbourhood team, ...). Absent: "
                   "nobody plays the role. Isolated: present, but without ties. At the margin: "
                   "contact only within its own domain or with very few parties.")),
        (t.gettext("Suggested connection"),
         t.gettext("Two parties without a relation (yet) who have a lot in common: shared "
                   "partners, themes, wijk or meetings, or a link the reference model "
                   "expects. The score orders the suggestions; the reasons are what matter.")),
        (t.gettext("Vulnerability"),
         t.gettext("The curve shows how the largest connected part shrinks as parties leave "
                   "one by one: key figures first, and random parties for comparison. A steep "
                   "drop means the network hangs on a few parties.")),
        (t.gettext("Community"),
         t.gettext("A group of parties that work together more among themselves than with "
                   "the rest. Found with the Louvain algorithm and a fixed seed, so the same "
                   "data give the same groups.")),
    ]
    return Section("reading", tr("reading", c.lang), (), (),
                   tuple(Item(h, text) for h, text in pairs))


def _problem_line(p: Problem, lang: str) -> str:
    """A problem in the input as one line: where (file, sheet, row, column), then what."""
    t = translator(lang)
    parts = []
    if p.file:
        parts.append(Path(str(p.file)).name)
    if p.sheet:
        parts.append(t.gettext("sheet {sheet}").format(sheet=p.sheet))
    if p.row is not None:
        parts.append(t.gettext("row {row}").format(row=p.row))
    if p.column:
        parts.append(t.gettext("column {column}").format(column=p.column))
    return (", ".join(parts) + ": " if parts else "") + p.message(lang)


def _problems_section(c: _Context, notes: Iterable[str]) -> Section:
    t = translator(c.lang)
    warnings = list(dict.fromkeys(list(c.network.warnings) + list(c.analysis.warnings)))
    lines = [_problem_line(w, c.lang) for w in warnings]
    notes = tuple(dict.fromkeys(notes))
    if not lines and not notes:
        intro = t.gettext("The data gave no problems or warnings.")
    else:
        intro = t.ngettext("While reading the data wijkgraph found {n} warning. It did not "
                           "stop the analysis, but fix it in the input for the next "
                           "measurement.",
                           "While reading the data wijkgraph found {n} warnings. They did not "
                           "stop the analysis, but fix them in the input for the next "
                           "measurement.", len(lines)).format(n=len(lines))
    return Section("problems", tr("problems", c.lang), (intro,), (),
                   tuple(Item("", line) for line in lines[:200]), (), (), notes)


def _glance_section(c: _Context, findings: Sequence[Item], has_map: bool) -> Section:
    t = translator(c.lang)
    s = c.analysis.overview
    intro = t.gettext("This report describes {parties} and {relations}. What stands out:").format(
        parties=t.count(s.n_actors, "{n} party", "{n} parties"),
        relations=t.npgettext("glance", "{n} relation", "{n} relations", s.n_relations).format(
            n=t.number(s.n_relations)))
    items = tuple(dataclasses.replace(f, colour=_colour(f.colour)) for f in findings)
    return Section("glance", tr("glance", c.lang), (intro,), (), items,
                   notes=(tr("map_hint", c.lang) if has_map else tr("no_map", c.lang),))



# --------------------------------------------------------------------------------------
# Findings: the most important things, in order
# --------------------------------------------------------------------------------------


def _clean(finding: Finding) -> Finding:
    """"De Driehoek: De Driehoek: ..." -> "De Driehoek: ..." (a text that repeats its head)."""
    text = finding.text
    if text.casefold().startswith(finding.head.casefold() + ":"):
        text = text[len(finding.head) + 1:].strip()
        text = text[:1].upper() + text[1:]
    return dataclasses.replace(finding, text=text)


def glance(summaries: Iterable[Summary], n: int = 5) -> list[Finding]:
    """The `n` findings of highest priority of all `summaries` (ties keep their order).

    Findings of priority 0 never make the glance.
    """
    found = [f for s in summaries for f in s.findings if f.priority > 0]
    found.sort(key=lambda f: -f.priority)  # stable: equal priorities keep the section order
    return [_clean(f) for f in found[:n]]


def key_findings(network: WijkNetwork, analysis: Analysis, lang: str = "nl", n: int = 5
                 ) -> list[Finding]:
    """The most important findings, most important first (the terminal shows three).

    Every section's `Summary.findings`, highest priority first: missing parties, incomplete
    Driehoeken, the top key figures, vulnerability, domain mixing, the best suggested
    link, then the shape of the network (see `wijkgraph.analysis._summary`).

    Examples
    --------
    >>> from wijkgraph.sources.bundled import load_dataset
    >>> from wijkgraph.analysis.run import analyse
    >>> net = load_dataset("utrecht-oost")
    >>> found = key_findings(net, analyse(net), "en", n=3)
    >>> 1 <= len(found) <= 3 and all(f.text for f in found)
    True
    """
    top = _top(analysis)
    return glance((result.summary(lang, top=top) for _name, result in analysis.sections()), n)


# --------------------------------------------------------------------------------------
# Building the report
# --------------------------------------------------------------------------------------


def _colour(value: str) -> str:
    """A summary's colour: a domain code becomes its colour; ``#RRGGBB`` and "" stay."""
    return value if not value or value.startswith("#") else domain_colour(value)


def _chart_kwargs(kwargs: Mapping[str, Any]) -> dict[str, Any]:
    """Chart arguments with the domain codes of ``colours``/``row_colours`` as colours."""
    out = dict(kwargs)
    for key in ("colours", "row_colours"):
        if out.get(key) is not None:
            out[key] = [_colour(str(v)) for v in out[key]]
    return out


def _section_of(summary: Summary, c: _Context) -> Section:
    """A result's `Summary` as a report `Section` (charts drawn, tables coloured)."""
    items = tuple(Item(i.head, i.text, _colour(i.colour), i.tag) for i in summary.items)
    return Section(
        summary.id, summary.title, summary.intro, summary.numbers, items,
        tuple(c.chart(spec.kind, *spec.args, **_chart_kwargs(spec.kwargs))
              for spec in summary.charts),
        tuple(_table_of(t) for t in summary.tables), summary.notes,
        tuple(_table_of(t) for t in summary.chart_data))


def _table_of(table: SummaryTable) -> Table:
    colours = tuple(domain_colour(d) if d else "" for d in table.row_domains)
    return Table(table.caption, table.columns, table.rows, table.total, table.domain_column,
                 colours)


def build_report(network: WijkNetwork, analysis: Analysis, *, lang: str = "nl",
                 map_href: str | None = "map.html", draw: bool = True) -> Report:
    """Gather everything the report shows, in `lang` (``"nl"`` or ``"en"``).

    The glance first, then one section per result of the analysis that has something to
    say (its `Summary`, in the order of `Analysis.sections`), then who is who, how to read
    the figures and the problems found in the data.

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

    check_lang(lang)
    c = _Context(network, analysis, lang, _top(analysis), draw)
    summaries = [result.summary(lang, top=c.top) for _name, result in analysis.sections()]
    sections = [_section_of(summary, c) for summary in summaries if not summary.empty]
    sections.append(_whoiswho_section(c))
    sections.append(_reading_section(c))
    sections.append(_problems_section(c, [n for s in sections for n in s.notes]))
    findings = glance(summaries, n=5)
    sections.insert(0, _glance_section(c, findings, map_href is not None))
    meta = analysis.meta
    title = str(meta.get(f"title_{lang}") or meta.get("name") or network.name
                or tr("report", lang))
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


@lru_cache(maxsize=len(LANGS))
def _environment(lang: str) -> Any:
    """The template environment of `lang`: autoescape on, the catalogue's words as
    ``_("...")``/``ngettext(...)`` (jinja2's i18n extension) and numbers as `Translator.number`."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("wijkgraph.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
    )
    t = translator(lang)
    env.install_gettext_translations(t, newstyle=True)  # type: ignore[attr-defined]
    env.globals["number"] = t.number
    env.tests["numberlike"] = lambda v: bool(_NUMBERLIKE.fullmatch(str(v)))
    return env


_NUMBERLIKE = re.compile(r"[-+−]?[\d.,]+%?")


def render_html(report: Report) -> str:
    """The report as one self-contained, offline HTML page (no scripts, no requests)."""
    from markupsafe import Markup

    template = _environment(report.lang).get_template("report.html.j2")
    svgs = {id(ch): Markup(ch.svg) for s in report.sections for ch in s.charts}  # noqa: S704
    return template.render(report=report, svg=lambda ch: svgs[id(ch)], lang=report.lang)


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
                out += [md_escape(more_rows(table.total - len(table.rows), L)), ""]
        for note in s.notes:
            out += [f"> {md_escape(note)}", ""]
    out += ["---", "", " · ".join(md_escape(f) for f in report.footer), ""]
    return "\n".join(out)


def render_report(network: WijkNetwork, analysis: Analysis, *, lang: str = "nl", fmt: str = "html",
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


def write_report_html(network: WijkNetwork, analysis: Analysis, folder: Path, lang: str) -> Path:
    """Writer for `wijkgraph.render.outputs`: ``report.html`` (links map.html if present)."""
    from wijkgraph._files import atomic_write

    path = Path(folder) / "report.html"
    has_map = (Path(folder) / "map.html").exists()
    atomic_write(path, render_report(network, analysis, lang=lang, fmt="html",
                                     map_href="map.html" if has_map else None))
    return path


def write_report_md(network: WijkNetwork, analysis: Analysis, folder: Path, lang: str) -> Path:
    """Writer for `wijkgraph.render.outputs`: ``report.md``."""
    from wijkgraph._files import atomic_write

    path = Path(folder) / "report.md"
    has_map = (Path(folder) / "map.html").exists()
    atomic_write(path, render_report(network, analysis, lang=lang, fmt="md",
                                     map_href="map.html" if has_map else None))
    return path
