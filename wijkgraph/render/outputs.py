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
and, for a wijk, the layout: `wijkgraph.render.layout.shared_layouts`). Every output is
written to its file as it is made (tables.xlsx and analysis.json a block of rows at a
time), so a writer holds little more than what it inherited.

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
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from wijkgraph._cores import WORKERS_ENV, leave_with, n_workers
from wijkgraph._files import atomic_write, output_folder
from wijkgraph.analysis.run import Analysis
from wijkgraph.model._memory import return_freed_memory
from wijkgraph.model.network import WijkNetwork
from wijkgraph.render.layout import shared_layouts
from wijkgraph.render.map import write_map
from wijkgraph.render.report import write_report_html, write_report_md
from wijkgraph.render.xlsx import write_tables_xlsx

FORMATS = ("html", "md", "map", "xlsx", "json")

#: Below this many actors the outputs are written in this process: starting workers
#: costs more than the few tenths of a second the outputs of a wijk take.
PARALLEL_MIN_ACTORS = 1000

#: Peak memory (bytes) the outputs may take together on more than one core, estimated
#: by `memory_estimate`. The whole run may take 3 GB (issue 16).
PARALLEL_MEMORY_BUDGET = 3 * 2**30

#: What writing adds to the memory of this process, and what each forked writer adds,
#: as shares of this process's resident size when it forks (`memory_estimate`): a
#: writer copies the pages it touches and holds what it writes (tables.xlsx and
#: analysis.json stream to their files). Measured as the peak proportional set size of
#: the process tree (shared pages counted once) over the resident size at the fork: at
#: 30,000 actors 1.34, 1.61 and 1.84 for one, two and three processes; at 100,000
#: actors 1.52 (two) and 1.82 (three); see docs/scaling.md.
WRITER_GROWTH = 0.4
WORKER_COPY = 0.3

#: Relative cost of each output (CPU seconds at 30,000 actors, measured one by one after
#: the analysis; at 100,000 actors 16.3, 17.1, 12.3, 1.1 and 0.03): the outputs are
#: shared between the processes by these, the longest first onto the least loaded. The
#: map's includes the summaries of every section, which the reports then reuse.
COST = {"map": 4.1, "xlsx": 5.1, "json": 4.3, "html": 0.7, "md": 0.02}
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
    """Write one output; returns the name of the written file."""
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
    return COST.get(unit, 1.0)


def bundles(units: list[str]) -> list[list[str]]:
    """`units` as the groups one process writes: `TOGETHER` and each other output alone.

    >>> bundles(["html", "md", "map", "xlsx", "json"])
    [['map', 'html', 'md'], ['xlsx'], ['json']]
    """
    together = [[u for u in TOGETHER if u in units]]
    return [b for b in together if b] + [[u] for u in units if u not in TOGETHER]


def share(units: list[str], processes: int) -> list[list[str]]:
    """`units` shared between `processes` by `COST`: longest first onto the least loaded.

    The outputs of `TOGETHER` stay together; the first share is this process's (it holds
    them).

    >>> share(["html", "md", "map", "xlsx", "json"], 2)
    [['map', 'html', 'md', 'json'], ['xlsx']]
    >>> share(["map", "xlsx", "json"], 3)
    [['map'], ['xlsx'], ['json']]
    """
    shares: list[list[str]] = [[] for _ in range(processes)]
    load = [0.0] * processes
    for bundle in sorted(bundles(units), key=lambda b: (-sum(map(_cost, b)), b)):
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


def memory_estimate(rss: int, processes: int) -> float:
    """Estimated peak memory (bytes) of `processes` writers, the first this process of
    resident size `rss` and the others forked from it (`WRITER_GROWTH`, `WORKER_COPY`).

    >>> memory_estimate(1000, 1), memory_estimate(1000, 3)
    (1400.0, 2000.0)
    """
    return rss * (1.0 + WRITER_GROWTH + WORKER_COPY * (processes - 1))


def output_workers(n_actors: int, n_outputs: int, workers: int | None = None, *,
                   memory: tuple[int, int] | None = None, units: int | None = None) -> int:
    """How many processes write `n_outputs` outputs of a network of `n_actors`.

    0 means: one after the other in this process. `workers`, else
    ``$WIJKGRAPH_WORKERS``: that many (never more than the outputs). Else, with two or
    more usable cores, one process per unit of work (`units`: the `bundles`, default
    one per output), so the longest unit sets the time, not the sum of the two that
    share a core; the cores share the processes. Fewer when their `memory_estimate`
    would exceed `PARALLEL_MEMORY_BUDGET` or the available memory (`memory`: this
    process's resident size and the system's available memory, read from /proc), and 0
    below `PARALLEL_MIN_ACTORS`. Always 0 on a system without ``fork`` (only Linux is
    trusted with it).

    >>> output_workers(50, 5, workers=1), output_workers(50_000, 5, workers=2)
    (0, 2)
    >>> output_workers(50_000, 1, workers=2), output_workers(50, 5, workers=2)
    (0, 2)
    """
    count = min(n_workers(workers), n_outputs)
    if count <= 1 or not sys.platform.startswith("linux"):
        return 0
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        return 0
    if workers is not None or os.environ.get(WORKERS_ENV, "").strip() != "":
        return count  # asked for: whatever the memory
    rss, free = _memory() if memory is None else memory
    if n_actors < PARALLEL_MIN_ACTORS or not rss:
        return 0
    limit = min(free, PARALLEL_MEMORY_BUDGET)
    most = min(n_outputs if units is None else units, n_outputs)
    return next((p for p in range(most, 1, -1) if memory_estimate(rss, p) <= limit), 0)


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
        with shared_layouts():
            return {fmt: done(fmt, _write(fmt, network, analysis, folder, lang, has_map))
                    for fmt in fmts}
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    mine, *theirs = share(fmts, workers)
    _JOB.update(network=network, analysis=analysis, folder=folder, lang=lang, has_map=has_map)
    # Objects that exist now (garbage was collected by `write_outputs`) are left alone by
    # the collector of the workers: a collection would touch, and so copy, every page
    # they inherited.
    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=max(1, len(theirs)),
                                 mp_context=multiprocessing.get_context("fork"),
                                 initializer=leave_with, initargs=(os.getpid(),)) as pool:
            futures = [pool.submit(_write_inherited, part) for part in theirs]
            with shared_layouts():
                names = {fmt: done(fmt, _write(fmt, network, analysis, folder, lang, has_map))
                         for fmt in mine}
            for part, future in zip(theirs, futures, strict=True):
                for fmt, name in zip(part, future.result(), strict=True):
                    names[fmt] = done(fmt, name)
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
    if network.n_actors >= PARALLEL_MIN_ACTORS or (workers or 0) > 1:
        # The analysis left garbage and freed blocks in the heap: collect and give them
        # back before the size of this process is weighed (and copied into the workers).
        gc.collect()
        return_freed_memory()
    count = output_workers(network.n_actors, len(wanted), workers, units=len(bundles(wanted)))
    with output_folder(folder, force=force, inputs=inputs) as tmp:
        # The reports link map.html when the map is among the outputs.
        written = _write_all(wanted, network, analysis, Path(tmp), lang, "map" in wanted, count,
                             progress)
    final = Path(folder)
    return [final / written[fmt] for fmt in wanted]
