"""Both cores for the sampled shortest-path work, with the same numbers as on one core.

A sampled betweenness or closeness sums one shortest-path pass per source actor. The
sources are split into `CHUNKS` chunks (a fixed number, whatever the number of cores);
each chunk is computed on its own and the chunk results are added in chunk order. So the
result is the same, to the last bit, whether the chunks run one after the other in this
process (one worker) or side by side in worker processes: only the clock differs.

igraph's betweenness and scipy's Dijkstra hold Python's GIL (measured: a second Python
thread hardly runs while they do), so threads do not help; the workers are processes.
They get the graph once, when they start (inherited through ``fork`` where the system
has it, else pickled), and return one array per chunk.

The number of workers is the number of usable cores (at most `CHUNKS`); set the
environment variable ``WIJKGRAPH_WORKERS=1`` (or pass ``workers=1``) for one core.
Below `PARALLEL_MIN_WORK` (sources x ties) the pool costs more than it saves and the
chunks run in this process.

Examples
--------
>>> chunked([5, 1, 4, 2, 3], 2)
[[5, 1, 4], [2, 3]]
>>> n_workers(1, environ={})
1
>>> n_workers(None, environ={"WIJKGRAPH_WORKERS": "1"})
1
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import numpy as np

from wijkgraph._cores import MAX_WORKERS, WORKERS_ENV, n_workers

__all__ = ["CHUNKS", "WORKERS_ENV", "chunked", "map_chunks", "n_workers"]

CHUNKS = MAX_WORKERS
"""Number of chunks the sampled sources are split into (independent of the cores)."""

PARALLEL_MIN_WORK = 2_000_000
"""Sources x ties below which the chunks run in this process."""

_PAYLOAD: dict[str, Any] = {}


def chunked(items: Sequence[int], chunks: int = CHUNKS) -> list[list[int]]:
    """`items` split into at most `chunks` consecutive, near-equal, non-empty parts."""
    parts = np.array_split(np.asarray(items, dtype=np.int64), min(chunks, max(1, len(items))))
    return [p.tolist() for p in parts if len(p)]


def _start(payload: dict[str, Any]) -> None:
    # the parent's objects are never collected here: a full collection would touch (and
    # so copy) every page inherited through fork
    gc.disable()
    _PAYLOAD.clear()
    _PAYLOAD.update(payload)


def _run(task: tuple[Callable[..., np.ndarray], tuple[Any, ...]]) -> np.ndarray:
    fn, args = task
    return fn(_PAYLOAD, *args)


def map_chunks(fn: Callable[..., np.ndarray], payload: dict[str, Any],
               chunks: Sequence[tuple[Any, ...]], *, work: float,
               workers: int | None = None) -> list[np.ndarray]:
    """``[fn(payload, *args) for args in chunks]``, on several cores when it pays.

    `fn` must be a module-level function (the workers import it by name) and give the same
    result for the same input wherever it runs. Results come back in chunk order.
    """
    count = min(n_workers(workers), len(chunks))
    if count <= 1 or work < PARALLEL_MIN_WORK:
        return [fn(payload, *args) for args in chunks]
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    with ProcessPoolExecutor(max_workers=count, mp_context=multiprocessing.get_context(method),
                             initializer=_start, initargs=(payload,)) as pool:
        return list(pool.map(_run, [(fn, tuple(args)) for args in chunks]))
