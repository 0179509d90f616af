"""The interactive map: one safe, offline, self-contained HTML file a room can explore.

`render_map(network, analysis)` returns a `MapDocument`; ``.write(path)`` saves it,
``.html`` is the page, and in Jupyter it shows itself inline (without writing a file).

What is in the file, and why:

* vis-network 9.1.2's JavaScript and CSS, vendored in ``wijkgraph/render/vendor`` (with its
  MIT licence) and inlined with their licence header. Nothing else is loaded: a
  Content-Security-Policy meta tag forbids every request to anywhere
  (``default-src 'none'``), there are no web fonts, and the page works from ``file://``
  with the network cable pulled.
* The data as JSON in a ``<script type="application/json">`` block, written through
  jinja2's ``tojson`` (which escapes ``<``, ``>``, ``&`` and ``'``), so ``</script>`` in a
  name cannot end the block. The page's own script shows every string of the data with
  ``textContent`` or as a plain-text vis-network ``title``; never as HTML. The legend and
  filter lists are rendered by jinja2 with autoescape on.
* Positions computed here (`wijkgraph.render.layout`, seeded igraph) with physics off,
  so the map draws at once. Above `OVERVIEW_LIMIT` actors the map opens on an overview of
  wijken (or communities) and shows a group's actors with one click.

pyvis is not used to build the page (nor needed: it is the optional extra
``wijkgraph[pyvis]`` for `wijkgraph.render.pyvis_network.to_pyvis`): its template loads
Bootstrap from a CDN, writes headings and option names unescaped, and ``from_nx`` is
quadratic and mutates the caller's graph. Node and edge lists are built directly from the
`WijkNetwork` (`wijkgraph.render.mapdata`).

The same network, analysis, language and seed always give a byte-identical file.

Examples
--------
>>> from wijkgraph.sources.bundled import load_dataset
>>> net = load_dataset("utrecht-oost")
>>> doc = render_map(net)
>>> doc.n_actors == net.n_actors
True
>>> "https://" in doc.html.split("<body")[0].replace("https://visjs", "")
False
>>> doc.html == render_map(net).html
True
"""

from __future__ import annotations

import html as html_lib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2

from wijkgraph._files import atomic_write
from wijkgraph.i18n import check_lang, translator
from wijkgraph.model._memory import without_gc
from wijkgraph.model.network import WijkNetwork
from wijkgraph.model.schema import strength_label
from wijkgraph.render._templates import bytecode_cache
from wijkgraph.render.mapdata import (
    EDGE_WIDTHS,
    OVERVIEW_LIMIT,
    build_map_data,
    word,
)

if TYPE_CHECKING:
    from wijkgraph.analysis.run import Analysis

CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
       "img-src data: blob:; font-src 'none'; connect-src 'none'; media-src 'none'; "
       "object-src 'none'; frame-src 'none'; worker-src 'none'; base-uri 'none'; "
       "form-action 'none'")

VIS_VERSION = "9.1.2"

#: The page's own scripts, inlined in this order (map.js sets ``window.wijkgraph``).
SCRIPTS = ("map.js", "map_labels.js", "map_export.js")

@dataclass(frozen=True)
class MapDocument:
    """A rendered map: the HTML page, ready to write or to show in a notebook.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from wijkgraph.sources.bundled import load_dataset
    >>> doc = render_map(load_dataset("utrecht-oost"), lang="en")
    >>> path = doc.write(pathlib.Path(tempfile.mkdtemp()) / "map.html")
    >>> path.read_bytes() == doc.html.encode("utf-8")
    True
    >>> doc._repr_html_().startswith("<iframe")
    True
    """

    html: str = field(repr=False)  # the page is stored once in a notebook: as text/html
    title: str
    n_actors: int
    lang: str = "nl"

    def write(self, path: str | Path) -> Path:
        """Write the page to `path` (UTF-8, atomically) and return the path."""
        path = Path(path)
        atomic_write(path, self.html)
        return path

    def _repr_html_(self) -> str:
        """An iframe holding the page (``srcdoc``), for Jupyter; writes no file."""
        title = html_lib.escape(self.title, quote=True)
        doc = html_lib.escape(self.html, quote=True)
        return (f'<iframe title="{title}" srcdoc="{doc}" style="width:100%;height:680px;'
                'border:1px solid #ccc" sandbox="allow-scripts allow-downloads allow-modals" '
                'allowfullscreen></iframe>')

    def __len__(self) -> int:
        return len(self.html)


# --- static assets -----------------------------------------------------------------------


@lru_cache(maxsize=1)
def vis_folder() -> Path:
    """The folder of vis-network's files, vendored in ``wijkgraph/render/vendor`` with its
    licence (MIT, vis.js is dual Apache-2.0/MIT): the map needs no pyvis installed."""
    return Path(str(resources.files("wijkgraph.render"))) / "vendor" / f"vis-network-{VIS_VERSION}"


@lru_cache(maxsize=1)
def vis_assets() -> tuple[str, str]:
    """vis-network's JS (with its licence header) and CSS (vendored, `vis_folder`)."""
    folder = vis_folder()
    js = (folder / "vis-network.min.js").read_text(encoding="utf-8")
    css = (folder / "vis-network.css").read_text(encoding="utf-8")
    js = re.sub(r"\n//# sourceMappingURL=\S+\s*$", "\n", js)  # devtools would fetch it
    return _script_safe(js), _style_safe(css)


@lru_cache(maxsize=1)
def _own_assets() -> tuple[str, str]:
    folder = resources.files("wijkgraph.render") / "templates"
    # map.js first (it sets window.wijkgraph), then the files that build on it
    js = "\n".join((folder / name).read_text(encoding="utf-8") for name in SCRIPTS)
    css = (folder / "map.css").read_text(encoding="utf-8")
    return _script_safe(js), _style_safe(css)


def _script_safe(code: str) -> str:
    # "</script" cannot occur in code we inline (it would end the element early); inside a
    # JS string or regex "<\/" means the same thing.
    return re.sub(r"</(script)", r"<\\/\1", code, flags=re.IGNORECASE)


def _style_safe(code: str) -> str:
    return re.sub(r"</(style)", r"<\\/\1", code, flags=re.IGNORECASE)


@lru_cache(maxsize=2)
def template_environment(lang: str) -> jinja2.Environment:
    """The template environment of `lang`: autoescape on, the page's words as ``_("...")``
    through the catalogue (jinja2's i18n extension)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("wijkgraph.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
        bytecode_cache=bytecode_cache("map"),
    )
    env.install_gettext_translations(translator(lang), newstyle=True)  # type: ignore[attr-defined]
    return env


def _legend(data: dict[str, Any], lang: str) -> dict[str, Any]:
    actors = data["actors"]
    domain_counts = Counter(r[3] for r in actors)
    type_counts = Counter(r[2] for r in actors)
    domains = [{"index": i, "name": d[2], "colour": d[1], "count": domain_counts.get(i, 0)}
               for i, d in enumerate(data["domains"]) if domain_counts.get(i, 0)]
    domains.sort(key=lambda d: (-d["count"], d["name"]))
    shapes: dict[str, list[str]] = defaultdict(list)
    for i, t in enumerate(data["types"]):
        if type_counts.get(i, 0):
            shapes[t[1]].append(t[2])
    type_rows = [{"shape": shape, "names": ", ".join(sorted(names))}
                 for shape, names in sorted(shapes.items(), key=lambda kv: sorted(kv[1])[0])]
    return {"domains": domains, "types": type_rows}


def _facets(data: dict[str, Any]) -> list[dict[str, Any]]:
    actors = data["actors"]
    count: dict[str, Counter[int]] = {  # counted in C: one pass over the actors each
        "type": Counter(r[2] for r in actors), "domain": Counter(r[3] for r in actors),
        "wijk": Counter(chain.from_iterable(r[5] for r in actors)),
        "theme": Counter(chain.from_iterable(r[6] for r in actors)),
        "meeting": Counter(chain.from_iterable(r[7] for r in actors))}
    lookups = {
        "domain": [d[2] for d in data["domains"]],
        "type": [t[2] for t in data["types"]],
        "wijk": data["wijken"],
        "theme": data["themes"],
        "meeting": [m[1] for m in data["meetings"]],
    }
    facets = []
    for key in ("domain", "wijk", "theme", "type", "meeting"):
        options = [{"index": i, "name": name, "count": count[key].get(i, 0)}
                   for i, name in enumerate(lookups[key]) if count[key].get(i, 0)]
        options.sort(key=lambda o: (o["name"].casefold(), o["index"]))
        if key == "domain":
            for o in options:
                o["colour"] = data["domains"][o["index"]][1]
        if options:
            facets.append({"key": key, "options": options})
    return facets


@without_gc  # millions of small rows and no cycles: the collector would walk them over and over
def render_map(network: WijkNetwork, analysis: Analysis | None = None, *, lang: str = "nl",
               seed: int = 0,
               ghosts: bool = False, title: str | None = None,
               overview_limit: int = OVERVIEW_LIMIT) -> MapDocument:
    """The interactive map of `network` as one self-contained, offline HTML page.

    What it means for a wijk: the page a room looks at together. Colour is the domain,
    shape the kind of actor, size how much of a key figure it is; click an actor to see
    its partners; turn on the layer of suggested links and missing parties to see who is
    not at the table yet.

    Parameters
    ----------
    network : WijkNetwork
        Read only: the graphs are never modified.
    analysis : Analysis, optional
        Result of `wijkgraph.analysis.run`; its ``key_figures``, ``missing_links``,
        ``missing_parties`` and ``communities`` sections are used when present (the
        overview of a large map groups by the analysis' communities). Without it, size is the
        number of partners and there are no suggestions.
    lang : {"nl", "en"}, default "nl"
        Language of every word on the page that is not data.
    seed : int, default 0
        Seed of the layout; same input and seed give a byte-identical page.
    ghosts : bool, default False
        Show the missing reference roles (``missing_parties``) as ghost nodes when the page
        opens; without it they are one toggle away.
    title : str, optional
        Page title; default the dataset's title.
    overview_limit : int, default 3000
        Above this many actors the map opens on an overview of wijken or communities.

    Returns
    -------
    MapDocument
        ``.html``, ``.write(path)``; shows itself inline in Jupyter.

    Notes
    -----
    The page loads nothing: vis-network is inlined from the installed pyvis package and
    a Content-Security-Policy forbids any request. All data is shown as text.

    Examples
    --------
    >>> import pandas as pd
    >>> from wijkgraph.model.tables import tables_from_frames
    >>> from wijkgraph.model.network import build_network
    >>> actors = pd.DataFrame({"name": ["<b>A</b>", "B"], "domain": ["zorg", "welzijn"]})
    >>> relations = pd.DataFrame({"source": ["<b>A</b>"], "target": ["B"]})
    >>> doc = render_map(build_network(tables_from_frames(actors, relations)))
    >>> "<b>A</b>" in doc.html, r"\\u003cb\\u003eA\\u003c/b\\u003e" in doc.html
    (False, True)
    """
    check_lang(lang)
    t = translator(lang)
    data = build_map_data(network, analysis, lang=lang, seed=seed, ghosts=ghosts,
                          overview_limit=overview_limit)
    if title:
        data["title"] = str(title)
    vis_js, vis_css = vis_assets()
    own_js, own_css = _own_assets()
    n_meeting_actors = len(network.meetings)
    template = template_environment(lang).get_template("map.html.j2")
    page = template.render(
        lang=lang,
        title=data["title"],
        subtitle=", ".join((t.count(len(data["actors"]), "{n} actor", "{n} actors"),
                            t.count(len(data["edges"]), "{n} tie", "{n} ties"),
                            t.count(n_meeting_actors, "{n} meeting", "{n} meetings"))),
        csp=CSP,
        data=data,
        legend=_legend(data, lang),
        facets=_facets(data),
        strength_rows=[{"strength": k, "name": strength_label(k, t.lang),
                        "width": EDGE_WIDTHS[k]}
                       for k in sorted(EDGE_WIDTHS)],
        colours=data["colours"],
        vis_js=jinja2.utils.markupsafe.Markup(vis_js),
        vis_css=jinja2.utils.markupsafe.Markup(vis_css),
        own_js=jinja2.utils.markupsafe.Markup(own_js),
        own_css=jinja2.utils.markupsafe.Markup(own_css),
        has_meeting_edges=bool(data["meeting_edges"]),
        has_suggestions=bool(data["suggestions"]),
        has_ghosts=bool(data["ghosts"]),
        facet_titles={"domain": word("filter_domain", lang), "wijk": word("filter_wijk", lang),
                      "theme": word("filter_theme", lang), "type": word("filter_type", lang),
                      "meeting": word("filter_meeting", lang)},
    )
    return MapDocument(html=page, title=data["title"], n_actors=len(data["actors"]), lang=lang)


def is_map_file(path: str | Path) -> bool:
    """True when `path` is a map wijkgraph wrote (so it may be replaced without --force)."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    return b'<meta name="generator" content="wijkgraph">' in head


def write_map(network: WijkNetwork, analysis: Analysis, folder: Path, lang: str) -> Path:
    """Writer for `wijkgraph.render.outputs.WRITERS`: ``map.html`` in `folder`.

    Missing parties and suggested links are in the page behind their layer toggles.
    """
    seed = int(analysis.meta.get("seed", 0) or 0)
    return render_map(network, analysis, lang=lang, seed=seed).write(
        Path(folder) / "map.html")
