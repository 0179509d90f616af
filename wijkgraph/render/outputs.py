"""Write every output of `wijkgraph analyse` into one folder, atomically, on both cores.

The five outputs (report.html, report.md, map.html, tables.xlsx, analysis.json) do not
depend on each other (the reports link map.html when the map is among the outputs), so
above `PARALLEL_MIN_ACTORS` actors they are written side by side in worker processes
started with ``fork`` (Linux): the workers inherit the network and the analysis without
pickling them. Each output is a pure function of the network, the analysis and the
language, so the files are byte-identical to those of one process; only the clock
differs. ``WIJKGRAPH_WORKERS=1`` (or ``workers=1``) writes them one after the other in this
process, as do systems without ``fork``.

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

from wijkgraph._cores import WORKERS_ENV, n_workers
from wijkgraph._files import atomic_write, output_folder
from wijkgraph.analysis.run import Analysis
from wijkgraph.model.network import WijkNetwork
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
#: shared between the processes by these, the longest first onto the least loaded.
COST = {"map": 14.0, "xlsx": 7.5, "json": 6.5, "html": 3.0, "md": 1.2}


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
    """Write one output; returns the name of the written file."""
    writer = WRITERS[fmt]
    if writer is write_report_html or writer is write_report_md:  # they link the map
        return writer(network, analysis, folder, lang, has_map=has_map).name
    return writer(network, analysis, folder, lang).name


def _write_inherited(fmts: list[str]) -> list[str]:
    """`_write` of each of `fmts` in a worker, on what it inherited from the parent (`_JOB`)."""
    return [_write(fmt, _JOB["network"], _JOB["analysis"], _JOB["folder"], _JOB["lang"],
                   _JOB["has_map"]) for fmt in fmts]


def share(fmts: list[str], processes: int) -> list[list[str]]:
    """`fmts` shared between `processes` by `COST`: longest first onto the least loaded.

    The first share is this process's (it holds the longest output: the map).

    >>> share(["html", "md", "map", "xlsx", "json"], 2)
    [['map', 'html'], ['xlsx', 'json', 'md']]
    """
    shares: list[list[str]] = [[] for _ in range(processes)]
    load = [0.0] * processes
    for fmt in sorted(fmts, key=lambda f: (-COST.get(f, 1.0), f)):
        k = load.index(min(load))
        shares[k].append(fmt)
        load[k] += COST.get(fmt, 1.0)
    return [s for s in shares if s]


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


def _write_all(fmts: list[str], network: WijkNetwork, analysis: Analysis, folder: Path,
               lang: str, has_map: bool, workers: int,
               progress: Callable[[str], None] | None = None) -> dict[str, str]:
    """Write `fmts`: here, or shared (`share`) between this process and `workers` - 1
    forked ones. This process writes a share itself instead of waiting: one copy less of
    the pages a worker touches (copy on write) and one process less to start.
    `progress` hears of each format when its file is written (a worker's when it is back)."""
    def done(fmt: str, name: str) -> str:
        if progress is not None:
            progress(fmt)
        return name

    if not workers:
        return {fmt: done(fmt, _write(fmt, network, analysis, folder, lang, has_map))
                for fmt in fmts}
    mine, *theirs = share(fmts, workers)
    _JOB.update(network=network, analysis=analysis, folder=folder, lang=lang, has_map=has_map)
    # Objects that exist now are left alone by the collector of the workers: a collection
    # would touch, and so copy, every page they inherited.
    gc.collect()
    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=max(1, len(theirs)),
                                 mp_context=multiprocessing.get_context("fork")) as pool:
            futures = [pool.submit(_write_inherited, part) for part in theirs]
            names = {fmt: done(fmt, _write(fmt, network, analysis, folder, lang, has_map))
                     for fmt in mine}
            for part, future in zip(theirs, futures, strict=True):
                names.update((fmt, done(fmt, name))
                             for fmt, name in zip(part, future.result(), strict=True))
    finally:
        gc.unfreeze()
        _JOB.clear()
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
