"""The difference report of `wijkgraph compare`: HTML with a difference map, Markdown, JSON.

The map is an inline SVG on one stable layout of both waves together (the same seed
always gives the same picture): added ties green, lost ties red and dashed, kept ties
grey; actors that joined have a green ring, actors that left a red dashed ring. The page
has no scripts and loads nothing from outside (a Content-Security-Policy forbids it), so
it works on a beamer laptop without internet. All text is escaped by jinja2.

Examples
--------
>>> import tempfile, pathlib
>>> from wijkgraph.sources.bundled import load_dataset
>>> from wijkgraph.analysis.compare import compare
>>> net = load_dataset("driehoek")
>>> out = pathlib.Path(tempfile.mkdtemp()) / "verschil"
>>> paths = write_compare(compare(net, net, key_figures=False, missing=False), out)
>>> [p.name for p in paths]
['verschil.html', 'verschil.md', 'verschil.json']
>>> "<script" in (out / "verschil.html").read_text()
False
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2

from wijkgraph._files import atomic_write, output_folder
from wijkgraph.analysis._summary import localise_columns
from wijkgraph.analysis.compare import MEASURE_LABELS, Comparison
from wijkgraph.i18n import NP_, Translator, translator
from wijkgraph.model.text import clean_text
from wijkgraph.render.report import md_escape

ADDED = "#228833"
LOST = "#CC3311"
KEPT = "#AAAAAA"
NODE_R = 12

#: Words of the figures that vary per row (key-figure movement, missing-party change and
#: status, tie status), as English msgids with context "compare".
WORDS: dict[str, str] = {
    "added": NP_("compare", "added"), "lost": NP_("compare", "lost"),
    "kept": NP_("compare", "kept"),
    "rose": NP_("compare", "rose"), "fell": NP_("compare", "fell"),
    "new": NP_("compare", "new in the top"), "left": NP_("compare", "left the top"),
    "same": NP_("compare", "same"),
    "found": NP_("compare", "found"), "lost_party": NP_("compare", "now missing"),
    "better": NP_("compare", "better linked"), "worse": NP_("compare", "less linked"),
    "still_missing": NP_("compare", "still missing"), "present": NP_("compare", "present"),
}
#: The status of a role of the reference model (missing parties), context "party status".
STATUS_WORDS: dict[str, str] = {
    "absent": NP_("party status", "absent"), "isolated": NP_("party status", "isolated"),
    "peripheral": NP_("party status", "at the margin"),
    "present": NP_("party status", "present"),
}

TEMPLATE = "compare.html.j2"


def _word(key: str, t: Translator) -> str:
    """A row word of `WORDS` in the translator's language (unknown keys as they are)."""
    return t.pgettext("compare", WORDS[key]) if key in WORDS else key


def _status(code: str, t: Translator) -> str:
    return t.pgettext("party status", STATUS_WORDS[code]) if code in STATUS_WORDS else code


def _fmt(value: Any, t: Translator) -> str:
    """A measure, rank or change: three decimals for fractions, en dash when missing.

    >>> from wijkgraph.i18n import translator
    >>> _fmt(0.12345, translator("nl")), _fmt(3.0, translator("en")), _fmt(None, translator("nl"))
    ('0,123', '3', '–')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, float) and not value.is_integer():
        return t.number(value, 3)
    return t.number(int(value))


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("wijkgraph.render", "templates"),
        autoescape=True, undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"])
    return env


def _svg(comparison: Comparison, seed: int) -> dict[str, Any]:
    from wijkgraph.render.layout import layout_positions
    from wijkgraph.render.palette import domain_colour

    g = comparison.graph
    pos = layout_positions(g, seed=seed) if g.number_of_nodes() else {}
    status = dict(zip(comparison.actors["id"], comparison.actors["status"], strict=True))
    xs = [p[0] for p in pos.values()] or [0]
    ys = [p[1] for p in pos.values()] or [0]
    pad = 60
    viewbox = (f"{min(xs) - pad} {min(ys) - pad} {max(xs) - min(xs) + 2 * pad} "
               f"{max(ys) - min(ys) + 2 * pad + 20}")
    edges = []
    order = {"kept": 0, "lost": 1, "added": 2}
    for a, b, data in sorted(g.edges(data=True), key=lambda e: order[e[2]["status"]]):
        st = data["status"]
        edges.append({"x1": pos[a][0], "y1": pos[a][1], "x2": pos[b][0], "y2": pos[b][1],
                      "colour": {"added": ADDED, "lost": LOST, "kept": KEPT}[st],
                      "width": 1.5 + data.get("weight", 1) * 0.6, "dash": st == "lost",
                      "title": f"{g.nodes[a]['name']} – {g.nodes[b]['name']}"})
    nodes = []
    for node, data in g.nodes(data=True):
        st = status.get(node, "kept")
        nodes.append({"x": pos[node][0], "y": pos[node][1], "r": NODE_R,
                      "fill": domain_colour(data.get("domain", "")),
                      "stroke": {"added": ADDED, "lost": LOST}.get(st, "#444444"),
                      "stroke_width": 4 if st != "kept" else 1.2, "dash": st == "lost",
                      "label": data["name"] if len(data["name"]) <= 28 else
                      data["name"][:26] + "…",
                      "title": f"{data['name']} ({data.get('domain') or '?'})"})
    return {"viewbox": viewbox, "edges": edges, "nodes": nodes}


def render_html(comparison: Comparison, *, lang: str = "nl", seed: int = 0) -> str:
    """The difference report as one self-contained HTML page (no scripts, no requests)."""
    t = translator(lang)
    c = comparison.counts()
    counts = [(t.gettext("Ties added"), c["ties_added"]),
              (t.gettext("Ties lost"), c["ties_lost"]),
              (t.gettext("Ties kept"), c["ties_kept"]),
              (t.gettext("Actors added"), c["actors_added"]),
              (t.gettext("Actors lost"), c["actors_lost"])]
    measures = [{"label": t.gettext(MEASURE_LABELS[r.measure]), "before": _fmt(r.before, t),
                 "after": _fmt(r.after, t), "change": _fmt(r.change, t)}
                for r in comparison.measures.itertuples(index=False)]
    key_figures = [{"name": r.name, "before": _fmt(r.rank_before, t),
                    "after": _fmt(r.rank_after, t), "movement": _word(r.movement, t)}
                   for r in comparison.key_figures.itertuples(index=False)]
    missing = []
    if not comparison.missing.empty:
        # the labels come as "label" (Dutch) and "label_en"
        frame = localise_columns(comparison.missing.rename(columns={"label": "label_nl"}), lang)
        for r in frame.itertuples(index=False):
            if r.change in ("present", "still_missing"):
                continue  # the main report lists what is still missing
            word = _word("lost_party" if r.change == "lost" else r.change, t)
            missing.append({"label": r.label, "wijk": r.wijk,
                            "before": _status(r.status_before, t),
                            "after": _status(r.status_after, t), "change": word})
    ties = []
    for r in comparison.ties.sort_values("status", key=lambda s: s.map(
            {"added": 0, "lost": 1, "kept": 2}), kind="mergesort").itertuples(index=False):
        ties.append({"status": r.status, "status_word": _word(r.status, t),
                     "pair": f"{r.source_name} – {r.target_name}",
                     "strength": f"{r.weight_before or '–'} → {r.weight_after or '–'}"})
    env = _environment()
    env.install_gettext_translations(t, newstyle=True)  # type: ignore[attr-defined]
    return env.get_template(TEMPLATE).render(
        lang=lang, labels=comparison.labels, explain=comparison.explain(lang),
        counts=counts, svg=_svg(comparison, seed), measures=measures,
        key_figures=key_figures, missing=missing, ties=ties)


def _md_cell(value: Any) -> str:
    """Text from the input (names, wave names, labels) made safe in Markdown, as in report.md.

    >>> _md_cell("<img src=x onerror=alert(1)> [a](http://x) \u202e|")
    '&lt;img src=x onerror=alert(1)&gt; \\\\[a\\\\](http://x) \\\\|'
    """
    return md_escape(clean_text(str(value)))


def render_markdown(comparison: Comparison, *, lang: str = "nl") -> str:
    """The difference report as Markdown (for a wiki or an e-mail)."""
    t = translator(lang)
    b, a = (_md_cell(label) for label in comparison.labels)
    lines = [f"# {t.gettext('What changed?')} {b} → {a}", "", _md_cell(comparison.explain(lang)),
             "",
             f"## {t.gettext('The figures')}", "",
             f"| {t.pgettext('column', 'measure')} | {b} | {a} | "
             f"{t.pgettext('compare', 'change')} |",
             "|---|---:|---:|---:|"]
    for r in comparison.measures.itertuples(index=False):
        label = t.gettext(MEASURE_LABELS[r.measure])
        lines.append(f"| {label} | {_fmt(r.before, t)} | {_fmt(r.after, t)} "
                     f"| {_fmt(r.change, t)} |")
    if not comparison.key_figures.empty:
        lines += ["", f"## {t.gettext('Key figures')}", "",
                  f"| {t.gettext('Actors')} | {b} | {a} | {t.pgettext('compare', 'movement')} |",
                  "|---|---:|---:|---|"]
        for r in comparison.key_figures.itertuples(index=False):
            lines.append(f"| {_md_cell(r.name)} | {_fmt(r.rank_before, t)} "
                         f"| {_fmt(r.rank_after, t)} | {_word(r.movement, t)} |")
    for status, title in (("added", t.gettext("Ties added")), ("lost", t.gettext("Ties lost"))):
        rows = comparison.ties[comparison.ties["status"] == status]
        lines += ["", f"## {title} ({len(rows)})", ""]
        lines += [f"- {_md_cell(r.source_name)} – {_md_cell(r.target_name)}"
                  for r in rows.itertuples(index=False)] or [f"- {t.pgettext('compare', 'none')}"]
    return "\n".join(lines) + "\n"


def write_compare(comparison: Comparison, folder: str | Path, *, lang: str = "nl",
                  seed: int = 0, force: bool = False) -> list[Path]:
    """Write ``verschil.html``, ``verschil.md`` and ``verschil.json`` into `folder`
    (replaced atomically; a folder wijkgraph did not write needs `force`)."""
    names = ["verschil.html", "verschil.md", "verschil.json"]
    html = render_html(comparison, lang=lang, seed=seed)
    md = render_markdown(comparison, lang=lang)
    data = json.dumps(comparison.to_dict(), ensure_ascii=False, indent=2, sort_keys=True)
    with output_folder(folder, force=force) as tmp:
        atomic_write(tmp / names[0], html)
        atomic_write(tmp / names[1], md)
        atomic_write(tmp / names[2], data + "\n")
    return [Path(folder) / n for n in names]
