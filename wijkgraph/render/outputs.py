"""Write every output of `wijkgraph analyse` into one folder, atomically, on both cores.

The five outputs (report.html, report.md, map.html, tables.xlsx, analysis.json) do not
depend on each other (the reports link map.html when the map is among the outputs), so
above `PARALLEL_MIN_ACTORS` actors they are written side by side in worker processes
started with ``fork`` (Linux): the workers inherit the network and the analysis without
pickling them. Each output is a pure function of the network, the analysis and the
language, so the files are byte-identical to those of one process; only the clock
differs. ``WIJKGRAPH_WORKERS=1`` (or ``workers=1``) writes them one after the other in this
process, as do systems without ``fork``.

The processes are given about equal work (`share`, by the measured `COST` of each
output): the map and the reports stay together (they share the summaries of every section
and, for a wijk, the layout: `wijkgraph.render.layout.shared_layouts`), and the compact
analysis.json of a city is made key by key on both sides (`Analysis.json_sections`) and
joined here, in the order of the file.

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

import gc
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from wijkgraph._cores import WORKERS_ENV, leave_with, n_workers
from wijkgraph._files import atomic_write, output_folder
from wijkgraph.analysis.run import PRETTY_JSON_MAX_ACTORS, Analysis
from wijkgraph.model.network import WijkNetwork
from wijkgraph.render.layout import shared_layouts
from wijkgraph.render.map import write_map
from wijkgraph.render.report import write_report_html, write_report_md
from wijkgraph.render.xlsx import write_tables_xlsx

FORMATS = ("html", "md", "map", "xlsx", "json")

#: Below this many actors the outputs are written in this process: starting workers
#: costs more than the few tenths of a second the outputs of a wijk take.
PARALLEL_MIN_ACTORS = 1000

#: Peak memory (bytes) the outputs may take together on more than one core: a worker
#: copies most of what it inherits, so the pool takes about (workers x this process).
#: Measured at 30,000 actors (after the analysis, 425 MB of live data): one process 735
#: MB, two 1,203 MB (peak PSS of the process tree); at 100,000 actors two copies would
#: pass the 3 GB the whole run may take, so a city writes in parallel and a region not.
PARALLEL_MEMORY_BUDGET = 5 * 2**29  # 2.5 GB

#: Relative cost of each output (CPU seconds at 30,000 actors, measured): the outputs are
#: shared between the processes by these, the longest first onto the least loaded. The
#: map's includes the summaries of every section, which the reports then reuse.
COST = {"map": 5.5, "xlsx": 3.7, "json": 3.1, "html": 1.0, "md": 0.2}
#: Cost of each top-level key of a compact analysis.json (made and encoded, CPU seconds at
#: 30,000 actors): a big file is shared between the processes key by key ("json:key").
JSON_COST = {"key_figures": 0.58, "themes": 0.46, "missing_links": 0.45, "roles": 0.45,
             "missing_parties": 0.42, "meetings": 0.21, "domains": 0.2, "brokerage": 0.12,
             "resilience": 0.09, "triads": 0.04, "communities": 0.06}
#: Outputs written by one process: the reports reuse the map's summaries and layout.
TOGETHER = ("map", "html", "md")


def _write_json(network: WijkNetwork, analysis: Analysis, folder: Path, lang: str) -> Path:
    path = folder / "analysis.json"
    atomic_write(path, analysis.json_parts(lang))  # section by section, as they come
    return path


# format -> writer(network, analysis, folder, lang) -> written path. Renderers add theirs.
WRITERS: dict[str, Callable[[WijkNetwork, Analysis, Path, str], Path]] = {
    "json": _write_json,
    "html": write_report_html,
    "md": write_report_md,
    "xlsx": write_tables_xlsx,
    "map": write_map,
}

#: What the workers inherit through fork: (network, analysis, folder, lang, has_map).
_JOB: dict[str, Any] = {}


def _write(fmt: str, network: WijkNetwork, analysis: Analysis, folder: Path, lang: str,
           has_map: bool) -> str:
    """Write one output; returns the name of the written file. ``json:KEY`` writes no file
    but returns that key's part of analysis.json (see `Analysis.json_sections`)."""
    if fmt.startswith("json:"):
        return dict(analysis.json_sections(lang))[fmt[5:]]()
    writer = WRITERS[fmt]
    if writer is write_report_html or writer is write_report_md:  # they link the map
        return writer(network, analysis, folder, lang, has_map=has_map).name
    return writer(network, analysis, folder, lang).name


def _write_inherited(fmts: list[str]) -> list[str]:
    """`_write` of each of `fmts` in a worker, on what it inherited from the parent (`_JOB`)."""
    with shared_layouts():
        return [_write(fmt, _JOB["network"], _JOB["analysis"], _JOB["folder"], _JOB["lang"],
                       _JOB["has_map"]) for fmt in fmts]


def _cost(unit: str) -> float:
    return JSON_COST.get(unit[5:], 0.02) if unit.startswith("json:") else COST.get(unit, 1.0)


def share(units: list[str], processes: int) -> list[list[str]]:
    """`units` shared between `processes` by `COST`: longest first onto the least loaded.

    The outputs of `TOGETHER` stay together; the first share is this process's (it holds
    them). ``json:KEY`` units are parts of analysis.json (`JSON_COST`).

    >>> share(["html", "md", "map", "xlsx", "json"], 2)
    [['map', 'html', 'md'], ['xlsx', 'json']]
    >>> share(["map", "html", "xlsx", "json:key_figures", "json:roles", "json:meta"], 2)
    [['map', 'html'], ['xlsx', 'json:key_figures', 'json:roles', 'json:meta']]
    """
    bundles = [[u for u in TOGETHER if u in units]]
    bundles = [b for b in bundles if b] + [[u] for u in units if u not in TOGETHER]
    shares: list[list[str]] = [[] for _ in range(processes)]
    load = [0.0] * processes
    for bundle in sorted(bundles, key=lambda b: (-sum(map(_cost, b)), b)):
        k = load.index(min(load))
        shares[k] += bundle
        load[k] += sum(map(_cost, bundle))
    shares = [s for s in shares if s]
    first = next((k for k, s in enumerate(shares) if set(TOGETHER) & set(s)), 0)
    return [shares[first], *shares[:first], *shares[first + 1:]]


def _memory() -> tuple[int, int]:
    """(resident size of this process, memory the system has available) in bytes; (0, 0)
    where /proc does not say."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            rss = int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        with open("/proc/meminfo", encoding="ascii") as fh:
            free = next(int(line.split()[1]) * 1024 for line in fh
                        if line.startswith("MemAvailable:"))
        return rss, free
    except (OSError, ValueError, IndexError, StopIteration):
        return 0, 0


def output_workers(n_actors: int, n_outputs: int, workers: int | None = None, *,
                   memory: tuple[int, int] | None = None) -> int:
    """How many processes write `n_outputs` outputs of a network of `n_actors`.

    0 means: one after the other in this process. `workers`, else
    ``$WIJKGRAPH_WORKERS``, else the usable cores; never more than the outputs; 0 on a
    system without ``fork`` (only Linux is trusted with it). Unless `workers` asks for
    more than one, also 0 below `PARALLEL_MIN_ACTORS` and when a second copy of this
    process would not fit (`memory`: its resident size and the system's available
    memory, read from /proc): a worker ends up copying most of the pages it inherits
    (Python touches every object it reads), and the total should stay under
    `PARALLEL_MEMORY_BUDGET`.

    >>> output_workers(50, 5, workers=1), output_workers(50_000, 5, workers=2)
    (0, 2)
    >>> output_workers(50_000, 1, workers=2), output_workers(50, 5, workers=2)
    (0, 2)
    """
    count = min(n_workers(workers), n_outputs)
    if count <= 1 or not sys.platform.startswith("linux") \
            or "fork" not in multiprocessing.get_all_start_methods():
        return 0
    if workers is None and os.environ.get(WORKERS_ENV, "").strip() == "":
        rss, free = _memory() if memory is None else memory
        if n_actors < PARALLEL_MIN_ACTORS or not rss \
                or count * rss > min(free, PARALLEL_MEMORY_BUDGET):
            return 0
    return count


def _units(fmts: list[str], analysis: Analysis, lang: str, workers: int) -> list[str]:
    """`fmts` as units of work: a compact analysis.json (a city's) as one unit per key."""
    if "json" not in fmts or workers < 2 or WRITERS["json"] is not _write_json \
            or analysis.overview.n_actors <= PRETTY_JSON_MAX_ACTORS:
        return list(fmts)
    keys = [f"json:{key}" for key, _part in analysis.json_sections(lang)]
    return [unit for fmt in fmts for unit in (keys if fmt == "json" else [fmt])]


def _write_all(fmts: list[str], network: WijkNetwork, analysis: Analysis, folder: Path,
               lang: str, has_map: bool, workers: int,
               progress: Callable[[str], None] | None = None) -> dict[str, str]:
    """Write `fmts`: here, or shared (`share`) between this process and `workers` - 1
    forked ones. This process writes a share itself instead of waiting: one copy less of
    the pages a worker touches (copy on write) and one process less to start.
    A city's analysis.json is shared key by key (`_units`); this process joins the parts.
    `progress` hears of each format when its file is written (a worker's when it is back)."""
    def done(fmt: str, name: str) -> str:
        if progress is not None:
            progress(fmt)
        return name

    if not workers:
        with shared_layouts():
            return {fmt: done(fmt, _write(fmt, network, analysis, folder, lang, has_map))
                    for fmt in fmts}
    units = _units(fmts, analysis, lang, workers)
    mine, *theirs = share(units, workers)
    _JOB.update(network=network, analysis=analysis, folder=folder, lang=lang, has_map=has_map)
    # Objects that exist now are left alone by the collector of the workers: a collection
    # would touch, and so copy, every page they inherited.
    gc.collect()
    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=max(1, len(theirs)),
                                 mp_context=multiprocessing.get_context("fork"),
                                 initializer=leave_with, initargs=(os.getpid(),)) as pool:
            futures = [pool.submit(_write_inherited, part) for part in theirs]
            with shared_layouts():
                got = {unit: _write(unit, network, analysis, folder, lang, has_map)
                       for unit in mine}
            names = {u: done(u, n) for u, n in got.items() if not u.startswith("json:")}
            for part, future in zip(theirs, futures, strict=True):
                for unit, name in zip(part, future.result(), strict=True):
                    got[unit] = name
                    if not unit.startswith("json:"):
                        names[unit] = done(unit, name)
    finally:
        gc.unfreeze()
        _JOB.clear()
    if "json" in fmts and "json" not in names:  # the parts, in the order of the file
        path = folder / "analysis.json"
        atomic_write(path, [*(got[u] for u in units if u.startswith("json:")), "}\n"])
        names["json"] = done("json", path.name)
    return {fmt: names[fmt] for fmt in fmts}


def write_outputs(
    network: WijkNetwork,
    analysis: Analysis,
    folder: str | Path,
    *,
    formats: Iterable[str] = FORMATS,
    lang: str = "nl",
    force: bool = False,
    inputs: Iterable[str | Path] = (),
    workers: int | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[Path]:
    """Write the chosen outputs into `folder`, replacing it atomically.

    The folder is built next to the target and swapped in only when every file is
    complete; a folder wijkgraph did not write, or one holding a file it did not write,
    is refused unless `force`. A folder that is or holds an input (`inputs` and the
    network's own ``meta["source"]``) is always refused. Raises ValueError when no
    known format is asked for (that would replace the report with an empty folder).
    `workers`: processes writing side by side (default ``$WIJKGRAPH_WORKERS`` or the
    cores, see `output_workers`); the files are the same whatever the number.
    `progress` is called with each format as its file is done (in this process).
    Returns the paths of the written files, in `FORMATS` order.
    """
    wanted = [f for f in FORMATS if f in set(formats) and f in WRITERS]
    if not wanted:
        raise ValueError(f"no output format among {list(formats)}; choose from {FORMATS}")
    inputs = [*inputs, network.meta.get("source") or ""]
    count = output_workers(network.n_actors, len(wanted), workers)
    with output_folder(folder, force=force, inputs=inputs) as tmp:
        # The reports link map.html when the map is among the outputs.
        written = _write_all(wanted, network, analysis, Path(tmp), lang, "map" in wanted, count,
                             progress)
    final = Path(folder)
    return [final / written[fmt] for fmt in wanted]
