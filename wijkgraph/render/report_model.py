"""The report's structure and its own words: `Report`, `Section`, `tr`.

A section's tables are the analyses' own `wijkgraph.analysis._summary.Table` (formatted
text, with the domain code of each row: the renderer colours it). `wijkgraph.render.report`
builds a `Report` of an analysis; `render_html` (the template)
and `wijkgraph.render.report_markdown` format it. Split from ``report.py`` so that its
parts (static sections, Markdown) can share these types without an import cycle.

Examples
--------
>>> tr("glance", "en"), fmt_number(0.5, "nl")
('At a glance', '0,50')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from wijkgraph.analysis._summary import Finding, Number, Table
from wijkgraph.i18n import N_, translator
from wijkgraph.model.network import WijkNetwork

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


def more_items(n: int, lang: str = "nl") -> str:
    """The line under a list that shows only its first items.

    >>> more_items(1), more_items(1200, "en")
    ('… en nog 1: zie tables.xlsx.', '… and 1,200 more: see tables.xlsx.')
    """
    return translator(lang).count(n, "… and {n} more: see tables.xlsx.",
                                  "… and {n} more: see tables.xlsx.")


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
    #: how many items the result had (more than `items` when the report shows only the first)
    items_total: int = 0


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
    #: title, area, date, organisation (`wijkgraph.model.info.document_info`)
    info: Mapping[str, str] = field(default_factory=dict)
    #: the static picture of the network (`wijkgraph.render.network_svg`), "" for none
    picture: str = ""

    def section(self, section_id: str) -> Section | None:
        """The section with this id, or None."""
        return next((s for s in self.sections if s.id == section_id), None)


def top_count(analysis: Analysis) -> int:
    """How many key figures and suggestions the analysis was asked for."""
    return max(1, int(analysis.meta.get("top", 10)))


# --------------------------------------------------------------------------------------
# Sections
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportContext:
    """What every section builder needs: the network, its analysis, language, top, draw."""

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

