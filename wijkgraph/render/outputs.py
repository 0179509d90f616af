"""Write every output of `wijkgraph analyse` into one folder, atomically.

Examples
--------
>>> import tempfile, pathlib
>>> from wijkgraph.sources.bundled import load_dataset
>>> from wijkgraph.analysis.run import analyse
>>> net = load_dataset("driehoek")
>>> out = pathlib.Path(tempfile.mkdtemp()) / "rapport"
>>> written = write_outputs(net, analyse(net), out, formats=("json",))
>>> [p.name for p in written]
['analysis.json']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from wijkgraph._files import atomic_write, output_folder
from wijkgraph.analysis.run import Analysis
from wijkgraph.model.network import WijkNetwork
from wijkgraph.render.map import write_map
from wijkgraph.render.report import write_report_html, write_report_md
from wijkgraph.render.xlsx import write_tables_xlsx

FORMATS = ("html", "md", "map", "xlsx", "json")


def _write_json(network: WijkNetwork, analysis: Analysis, folder: Path, lang: str) -> Path:
    path = folder / "analysis.json"
    atomic_write(path, analysis.to_json(lang))
    return path


# format -> writer(network, analysis, folder, lang) -> written path. Renderers add theirs.
WRITERS: dict[str, Callable[[WijkNetwork, Analysis, Path, str], Path]] = {
    "json": _write_json,
    "html": write_report_html,
    "md": write_report_md,
    "xlsx": write_tables_xlsx,
    "map": write_map,
}


def write_outputs(
    network: WijkNetwork,
    analysis: Analysis,
    folder: str | Path,
    *,
    formats: Iterable[str] = FORMATS,
    lang: str = "nl",
    force: bool = False,
    inputs: Iterable[str | Path] = (),
) -> list[Path]:
    """Write the chosen outputs into `folder`, replacing it atomically.

    The folder is built next to the target and swapped in only when every file is
    complete; a folder wijkgraph did not write, or one holding a file it did not write,
    is refused unless `force`. A folder that is or holds an input (`inputs` and the
    network's own ``meta["source"]``) is always refused. Raises ValueError when no
    known format is asked for (that would replace the report with an empty folder).
    Returns the paths of the written files, in `FORMATS` order.
    """
    wanted = [f for f in FORMATS if f in set(formats) and f in WRITERS]
    if not wanted:
        raise ValueError(f"no output format among {list(formats)}; choose from {FORMATS}")
    inputs = [*inputs, network.meta.get("source") or ""]
    written: dict[str, str] = {}
    with output_folder(folder, force=force, inputs=inputs) as tmp:
        # The map first: the report links to map.html only when it is there.
        for fmt in sorted(wanted, key=lambda f: f != "map"):
            written[fmt] = WRITERS[fmt](network, analysis, tmp, lang).name
    final = Path(folder)
    return [final / written[fmt] for fmt in wanted]
