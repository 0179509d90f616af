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
from pathlib import Path
from typing import Any

import jinja2

from wijkgraph._files import atomic_write, output_folder
from wijkgraph.analysis.compare import MEASURE_LABELS, Comparison
from wijkgraph.i18n import translator

ADDED = "#228833"
LOST = "#CC3311"
KEPT = "#AAAAAA"
NODE_R = 12

WORDS = {
    "title": ("Wat is er veranderd?", "What changed?"),
    "map": ("Verschilkaart", "Difference map"),
    "legend": ("Groen: nieuwe band of actor. Rood gestreept: verdwenen. Grijs: gebleven.",
               "Green: new tie or actor. Red dashed: gone. Grey: kept."),
    "measures": ("De cijfers", "The figures"),
    "measure": ("maat", "measure"), "change": ("verschil", "change"),
    "ties": ("Banden", "Ties"), "actors": ("Actoren", "Actors"),
    "added": ("erbij", "added"), "lost": ("verdwenen", "lost"), "kept": ("gebleven", "kept"),
    "key": ("Sleutelfiguren", "Key figures"), "rank": ("plaats", "rank"),
    "movement": ("beweging", "movement"),
    "rose": ("gestegen", "rose"), "fell": ("gedaald", "fell"), "new": ("nieuw in de top",
                                                                      "new in the top"),
    "left": ("uit de top", "left the top"), "same": ("gelijk", "same"),
    "missing": ("Gemiste partijen", "Missing parties"), "role": ("rol", "role"),
    "wijk": ("wijk", "wijk"), "found": ("gevonden", "found"),
    "lost_party": ("nu gemist", "now missing"), "better": ("beter verbonden", "better linked"),
    "worse": ("slechter verbonden", "less linked"),
    "still_missing": ("nog steeds gemist", "still missing"), "present": ("aanwezig", "present"),
    "none": ("geen", "none"), "strength": ("sterkte", "strength"),
    "footer": ("Gemaakt met wijkgraph. Banden: verbonden paren in de ongerichte weergave.",
               "Made with wijkgraph. Ties: linked pairs in the undirected view."),
}

TEMPLATE = Path(__file__).parent / "templates" / "compare.html.j2"


def _words(lang: str) -> dict[str, str]:
    return {k: (en if lang == "en" else nl) for k, (nl, en) in WORDS.items()}


def _fmt(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, float) and not value.is_integer():
        return f"{value:.3f}"
    return str(int(value)) if isinstance(value, float) else str(value)


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
    w = _words(lang)
    c = comparison.counts()
    counts = [(f"{w['ties']} {w['added']}", c["ties_added"]),
              (f"{w['ties']} {w['lost']}", c["ties_lost"]),
              (f"{w['ties']} {w['kept']}", c["ties_kept"]),
              (f"{w['actors']} {w['added']}", c["actors_added"]),
              (f"{w['actors']} {w['lost']}", c["actors_lost"])]
    measures = [{"label": translator(lang).gettext(MEASURE_LABELS[r.measure]), "before": _fmt(r.before),
                 "after": _fmt(r.after), "change": _fmt(r.change)}
                for r in comparison.measures.itertuples(index=False)]
    key_figures = [{"name": r.name, "before": _fmt(r.rank_before), "after": _fmt(r.rank_after),
                    "movement": w.get(r.movement, r.movement)}
                   for r in comparison.key_figures.itertuples(index=False)] \
        if not comparison.key_figures.empty else []
    missing = []
    if not comparison.missing.empty:
        for r in comparison.missing.itertuples(index=False):
            if r.change in ("present", "still_missing"):
                continue  # the main report lists what is still missing
            word = w["lost_party"] if r.change == "lost" else w.get(r.change, r.change)
            missing.append({"label": r.label_en if lang == "en" else r.label, "wijk": r.wijk,
                            "before": r.status_before, "after": r.status_after,
                            "change": word})
    ties = []
    for r in comparison.ties.sort_values("status", key=lambda s: s.map(
            {"added": 0, "lost": 1, "kept": 2}), kind="mergesort").itertuples(index=False):
        ties.append({"status": r.status, "status_word": w[r.status],
                     "pair": f"{r.source_name} – {r.target_name}",
                     "strength": f"{r.weight_before or '–'} → {r.weight_after or '–'}"})
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return env.from_string(TEMPLATE.read_text(encoding="utf-8")).render(
        lang=lang, w=w, labels=comparison.labels, explain=comparison.explain(lang),
        counts=counts, svg=_svg(comparison, seed), measures=measures,
        key_figures=key_figures, missing=missing, ties=ties)


def _md_cell(value: Any) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def render_markdown(comparison: Comparison, *, lang: str = "nl") -> str:
    """The difference report as Markdown (for a wiki or an e-mail)."""
    w = _words(lang)
    b, a = comparison.labels
    lines = [f"# {w['title']} {b} → {a}", "", comparison.explain(lang), "",
             f"## {w['measures']}", "", f"| {w['measure']} | {b} | {a} | {w['change']} |",
             "|---|---:|---:|---:|"]
    for r in comparison.measures.itertuples(index=False):
        label = translator(lang).gettext(MEASURE_LABELS[r.measure])
        lines.append(f"| {label} | {_fmt(r.before)} | {_fmt(r.after)} | {_fmt(r.change)} |")
    if not comparison.key_figures.empty:
        lines += ["", f"## {w['key']}", "", f"| {w['actors']} | {b} | {a} | {w['movement']} |",
                  "|---|---:|---:|---|"]
        for r in comparison.key_figures.itertuples(index=False):
            lines.append(f"| {_md_cell(r.name)} | {_fmt(r.rank_before)} | {_fmt(r.rank_after)} "
                         f"| {w.get(r.movement, r.movement)} |")
    for status in ("added", "lost"):
        rows = comparison.ties[comparison.ties["status"] == status]
        lines += ["", f"## {w['ties']} {w[status]} ({len(rows)})", ""]
        lines += [f"- {_md_cell(r.source_name)} – {_md_cell(r.target_name)}"
                  for r in rows.itertuples(index=False)] or [f"- {w['none']}"]
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
