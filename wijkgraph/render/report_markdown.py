"""The report as Markdown: the same `Report` as the HTML page, charts by their text.

Examples
--------
>>> from wijkgraph.sources.bundled import load_dataset
>>> from wijkgraph.analysis.run import analyse
>>> from wijkgraph.render.report import build_report
>>> net = load_dataset("utrecht-oost")
>>> text = render_markdown(build_report(net, analyse(net), lang="en", draw=False))
>>> text.startswith("# Neighbourhood collaboration in Utrecht Oost")
True
"""

from __future__ import annotations

import re

from wijkgraph.render.report_model import Report, Table, more_items, more_rows, tr

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
    out = [f"# {md_escape(report.title)}", ""]
    info = [report.info.get(k, "") for k in ("organisation", "area", "date")]
    if any(info):
        out += ["**" + " · ".join(md_escape(x) for x in info if x) + "**", ""]
    out += [f"*{md_escape(report.subtitle)}*", ""]
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
        if s.items_total > len(s.items):
            out.append(f"- {md_escape(more_items(s.items_total - len(s.items), L))}")
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

