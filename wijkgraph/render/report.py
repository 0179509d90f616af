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

import contextlib
import dataclasses
import re
import weakref
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wijkgraph.analysis._summary import Finding, Summary
from wijkgraph.i18n import LANGS, check_lang, translator
from wijkgraph.model.info import document_info
from wijkgraph.model.network import WijkNetwork
from wijkgraph.render.palette import domain_colour
from wijkgraph.render.report_markdown import md_escape, render_markdown
from wijkgraph.render.report_model import (
    TEXT,
    Item,
    Report,
    ReportContext,
    Section,
    Table,
    fmt_number,
    more_rows,
    top_count,
    tr,
)
from wijkgraph.render.report_static import problems_section, reading_section, whoiswho_section

if TYPE_CHECKING:
    from wijkgraph.analysis.run import Analysis

__all__ = ["TEXT", "Item", "Report", "Section", "Table", "build_report", "fmt_number", "glance",
           "key_findings", "md_escape", "more_rows", "render_html", "render_markdown",
           "render_report", "tr", "write_report_html", "write_report_md"]


def _glance_section(c: ReportContext, findings: Sequence[Item], has_map: bool) -> Section:
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


#: (id of a result, lang, top) -> (weak reference to the result, its summary)
_SUMMARIES: dict[tuple[int, str, int], tuple[weakref.ref[Any], Summary]] = {}


def summary_of(result: Any, lang: str, top: int) -> Summary:
    """``result.summary(lang, top=top)``, made once per result: the report, the Markdown
    report and the map's findings all ask for it (about 1 s for all sections at 30,000
    actors). A result is frozen, so its summary does not change; the entry goes when the
    result does.

    >>> from wijkgraph.sources.bundled import load_dataset
    >>> from wijkgraph.analysis.run import analyse
    >>> result = analyse(load_dataset("driehoek")).overview
    >>> summary_of(result, "en", 10) is summary_of(result, "en", 10)
    True
    """
    key = (id(result), lang, top)
    known = _SUMMARIES.get(key)
    if known is not None and known[0]() is result:
        return known[1]
    summary = result.summary(lang, top=top)
    def forget(_ref: weakref.ref[Any]) -> None:
        _SUMMARIES.pop(key, None)

    try:
        ref = weakref.ref(result, forget)
    except TypeError:  # a result without weak references: not kept
        return summary
    _SUMMARIES[key] = (ref, summary)
    return summary


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
    top = top_count(analysis)
    return glance((summary_of(result, lang, top) for _name, result in analysis.sections()), n)


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


#: The most items (findings) a section lists; the rest are in tables.xlsx, and the report
#: says how many it left out.
MAX_ITEMS = 400


def _section_of(summary: Summary, c: ReportContext) -> Section:
    """A result's `Summary` as a report `Section` (charts drawn, tables coloured, at most
    `MAX_ITEMS` items)."""
    items = tuple(Item(i.head, i.text, _colour(i.colour), i.tag)
                  for i in summary.items[:MAX_ITEMS])
    return Section(
        summary.id, summary.title, summary.intro, summary.numbers, items,
        tuple(c.chart(spec.kind, *spec.args, **_chart_kwargs(spec.kwargs))
              for spec in summary.charts),
        summary.tables, summary.notes, summary.chart_data, len(summary.items))


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
    c = ReportContext(network, analysis, lang, top_count(analysis), draw)
    summaries = [summary_of(result, lang, c.top) for _name, result in analysis.sections()]
    sections = [_section_of(summary, c) for summary in summaries if not summary.empty]
    sections.append(whoiswho_section(c))
    sections.append(reading_section(c))
    sections.append(problems_section(c, [n for s in sections for n in s.notes]))
    findings = glance(summaries, n=5)
    sections.insert(0, _glance_section(c, findings, map_href is not None))
    meta = analysis.meta
    info = document_info(network, lang)  # in `lang`; the date of the run is the analysis's
    info["date"] = str(meta.get("date") or info["date"])
    source = str(meta.get("name") or Path(str(meta.get("source", ""))).name)
    footer = [tr("made_with", lang, version=__version__), tr("seed", lang, seed=meta.get("seed", 0)),
              tr("reference", lang, reference=Path(str(meta.get("reference", ""))).name)]
    if source:
        footer.append(tr("source", lang, source=source))
    if network.meta.get("pseudonymised"):
        footer.append(tr("pseudonymised", lang))
    picture = ""
    if draw:
        from wijkgraph.render.network_svg import network_svg

        picture = network_svg(network, analysis, lang=lang, seed=int(meta.get("seed", 0)))
    return Report(lang, info["title"], tr("subtitle", lang), tuple(findings), tuple(sections),
                  map_href, tuple(footer), dict(meta), info, picture)


# --------------------------------------------------------------------------------------
# Rendering
# --------------------------------------------------------------------------------------


@lru_cache(maxsize=len(LANGS))
def _environment(lang: str) -> Any:
    """The template environment of `lang`: autoescape on, the catalogue's words as
    ``_("...")``/``ngettext(...)`` (jinja2's i18n extension) and numbers as `Translator.number`."""
    import jinja2

    from wijkgraph.render._templates import bytecode_cache

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("wijkgraph.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
        bytecode_cache=bytecode_cache("report"),
    )
    t = translator(lang)
    env.install_gettext_translations(t, newstyle=True)  # type: ignore[attr-defined]
    env.globals["number"] = t.number
    env.filters["domain_colour"] = lambda code: domain_colour(code) if code else ""
    env.tests["numberlike"] = lambda v: bool(_NUMBERLIKE.fullmatch(str(v)))
    return env


#: A table with more rows than this prints as a list in two columns (see the template).
LONG_TABLE = 8

_NUMBERLIKE = re.compile(r"[-+−]?[\d.,]+%?")


def render_html(report: Report) -> str:
    """The report as one self-contained, offline HTML page (no scripts, no requests)."""
    from markupsafe import Markup

    template = _environment(report.lang).get_template("report.html.j2")
    svgs = {id(ch): Markup(ch.svg) for s in report.sections for ch in s.charts}  # noqa: S704
    return template.render(report=report, svg=lambda ch: svgs[id(ch)], lang=report.lang,
                           LONG_TABLE=LONG_TABLE,
                           picture=Markup(report.picture))  # noqa: S704 - escaped by network_svg



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
    if fmt not in ("html", "md"):
        raise ValueError(f"fmt must be 'html' or 'md', not {fmt!r}")
    key = (id(network), lang, map_href)
    last = _LAST_REPORT.pop(key, None) if fmt == "md" else None
    if last is not None and last[0]() is analysis:
        return render_markdown(last[1])  # the report of report.html: charts by their text
    report = build_report(network, analysis, lang=lang, map_href=map_href, draw=fmt != "md")
    if fmt == "md":
        return render_markdown(report)
    _LAST_REPORT.clear()
    with contextlib.suppress(TypeError):  # an analysis without weak references: not kept
        _LAST_REPORT[key] = (weakref.ref(analysis), report)
    return render_html(report)


#: (network id, lang, map link) -> (weak reference to the analysis, its report): the report
#: built for report.html serves the report.md written next (Markdown reads its charts by
#: their title and text only); used once.
_LAST_REPORT: dict[tuple[int, str, str | None], tuple[weakref.ref[Any], Report]] = {}


def write_report_html(network: WijkNetwork, analysis: Analysis, folder: Path, lang: str, *,
                     has_map: bool | None = None) -> Path:
    """Writer for `wijkgraph.render.outputs`: ``report.html`` (links map.html if present).

    It links ``map.html`` when `has_map`; None: when the file is in `folder` already.
    """
    from wijkgraph._files import atomic_write

    path = Path(folder) / "report.html"
    if has_map is None:
        has_map = (Path(folder) / "map.html").exists()
    atomic_write(path, render_report(network, analysis, lang=lang, fmt="html",
                                     map_href="map.html" if has_map else None))
    return path


def write_report_md(network: WijkNetwork, analysis: Analysis, folder: Path, lang: str, *,
                    has_map: bool | None = None) -> Path:
    """Writer for `wijkgraph.render.outputs`: ``report.md``.

    It links ``map.html`` when `has_map`; None: when the file is in `folder` already.
    """
    from wijkgraph._files import atomic_write

    path = Path(folder) / "report.md"
    if has_map is None:
        has_map = (Path(folder) / "map.html").exists()
    atomic_write(path, render_report(network, analysis, lang=lang, fmt="md",
                                     map_href="map.html" if has_map else None))
    return path
