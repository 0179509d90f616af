"""Both cores for the sampled shortest-path work, with the same numbers as on one core.

A sampled betweenness or closeness sums one shortest-path pass per source actor. The
sources are split into `CHUNKS` chunks (a fixed number, whatever the number of cores);
each chunk is computed on its own and the chunk results are added in chunk order. So the
result is the same, to the last bit, whether the chunks run one after the other in this
process (one worker) or side by side in worker processes: only the clock differs.

igraph's betweenness and scipy's Dijkstra hold Python's GIL (measured: a second Python
thread hardly runs while they do), so threads do not help; the workers are processes.
They get the graph once, when they start (pickled to workers started by a fork server
where the system has one, else by ``spawn``: a worker holds the graph, not a copy of the
whole analysis), and return one array per chunk.

`start_jobs` starts several such jobs in one pool and returns at once (a thread starts
the workers), so the analysis goes on in this process while the workers compute
(`Pending.result` waits).

The number of workers is the number of usable cores (at most `CHUNKS`); set the
environment variable ``WIJKGRAPH_WORKERS=1`` (or pass ``workers=1``) for one core.
Below `PARALLEL_MIN_WORK` (sources x ties) the pool costs more than it saves and the
chunks run in this process: no pool, no fork server, and ``multiprocessing`` and
``concurrent.futures`` are not even imported (a wijk of a few hundred actors is computed
exactly and starts no job at all).

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

import contextlib
import gc
import os
import shutil
import sys
import tempfile
import threading
import types
import weakref
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from wijkgraph._cores import WORKERS_ENV, leave_with, n_workers

if TYPE_CHECKING:  # multiprocessing and concurrent.futures only where workers start
    from concurrent.futures import Future

__all__ = ["CHUNKS", "WORKERS_ENV", "Job", "Pending", "chunked", "map_chunks",
           "n_workers", "start_jobs"]

CHUNKS = 8
"""Number of chunks the sampled sources are split into (independent of the cores)."""

PARALLEL_MIN_WORK = 2_000_000
"""Sources x ties below which the chunks run in this process."""

_PAYLOAD: dict[int, Any] = {}


def chunked(items: Sequence[int], chunks: int = CHUNKS) -> list[list[int]]:
    """`items` split into at most `chunks` consecutive, near-equal, non-empty parts."""
    parts = np.array_split(np.asarray(items, dtype=np.int64), min(chunks, max(1, len(items))))
    return [p.tolist() for p in parts if len(p)]


@dataclass(frozen=True)
class Job:
    """One chunked computation: ``[fn(payload, *args) for args in chunks]``.

    `fn` must be a module-level function (the workers import it by name) that gives the
    same result for the same input wherever it runs; `work` (sources x ties, or the like)
    decides whether workers pay.
    """

    fn: Callable[..., np.ndarray]
    payload: dict[str, Any]
    chunks: Sequence[tuple[Any, ...]]
    work: float


class Pending:
    """The chunk results of one `Job`, in chunk order, computing in workers or on demand.

    Without workers the chunks run in this process at the first `result` call (so a job
    started early and never asked for costs nothing); with workers `result` waits for them
    (and, before that, for the thread that starts the workers: `start_jobs`).
    """

    def __init__(self, job: Job, launch: _Launch | None = None) -> None:
        self._job = job
        self._launch = launch
        self._futures: list[Future[np.ndarray | Handed]] = []
        self._result: list[np.ndarray] | None = None

    def result(self) -> list[np.ndarray]:
        """The chunk results, in chunk order."""
        if self._result is None:
            if self._launch is None:
                job = self._job
                self._result = [job.fn(job.payload, *args) for args in job.chunks]
            else:
                self._launch.wait()
                self._result = [_received(f.result()) for f in self._futures]
            self._futures, self._launch = [], None
        return self._result


class _Launch(threading.Thread):
    """Starts the pool and queues the tasks off the calling thread: a worker must read
    its payload before the next one starts, and this thread waits for that instead."""

    def __init__(self, jobs: Sequence[Job], pending: list[Pending], count: int) -> None:
        super().__init__(name="wijkgraph-workers", daemon=True)
        self.jobs, self.pending, self.count = jobs, pending, count
        self.error: BaseException | None = None
        self.done = threading.Event()

    def run(self) -> None:
        import concurrent.futures.process as futures_process
        from concurrent.futures import ProcessPoolExecutor

        try:
            folder = tempfile.mkdtemp(prefix="wijkgraph-", dir=_SHARED_MEMORY
                                      if os.access(_SHARED_MEMORY, os.W_OK) else None)
            weakref.finalize(self, shutil.rmtree, folder, True)  # when every result is in
            with _LAUNCHING, _without_main():  # workers start at the first submits
                # Every task is queued for the workers at once (the pool queues one more
                # than it has workers, and refills from a thread of this process, which
                # waits for the GIL while this process runs a long igraph call).
                extra = futures_process.EXTRA_QUEUED_CALLS
                setattr(futures_process, "EXTRA_QUEUED_CALLS",  # noqa: B010 - a Final
                        sum(len(j.chunks) for j in self.jobs))
                try:
                    pool = ProcessPoolExecutor(
                        max_workers=self.count, mp_context=_context(), initializer=_start,
                        initargs=({i: j.payload for i, j in enumerate(self.jobs)}, os.getpid(),
                                  folder))
                finally:
                    setattr(futures_process, "EXTRA_QUEUED_CALLS", extra)  # noqa: B010
                try:
                    for i, (job, started) in enumerate(zip(self.jobs, self.pending,
                                                           strict=True)):
                        started._futures = [pool.submit(_run, (job.fn, i, tuple(args)))
                                            for args in job.chunks]
                finally:
                    pool.shutdown(wait=False)  # the workers finish the queue, then leave
        except BaseException as error:  # noqa: BLE001 - handed to the caller by `wait`
            self.error = error
        finally:
            self.done.set()

    def wait(self) -> None:
        self.done.wait()
        if self.error is not None:
            raise self.error


_LAUNCHING = threading.Lock()  # one launch at a time (`_without_main` swaps a global)


def _context() -> Any:
    """Workers come from a fork server (small, with the libraries loaded once) where the
    system has one, else they are spawned; never forked from this (large) process."""
    import multiprocessing

    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["wijkgraph.analysis._workers", "wijkgraph.analysis._chunks",
                                    "scipy.sparse.csgraph"])  # `_chunks` imports it late
        return ctx
    return multiprocessing.get_context("spawn")  # pragma: no cover - macOS, Windows


@contextlib.contextmanager
def _without_main() -> Iterator[None]:
    """Start workers without the caller's script: they need only wijkgraph's functions.

    A spawned or fork-server worker normally imports the main script again (as
    ``__mp_main__``): slow, and wrong for a script without an ``if __name__ ==
    "__main__"`` guard. While workers start, ``__main__`` is an empty stand-in module, so
    multiprocessing has no script to pass on.
    """
    main = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if main is not None:
            sys.modules["__main__"] = main


def start_jobs(jobs: Sequence[Job], *, workers: int | None = None) -> list[Pending]:
    """Start `jobs` (in one pool of workers when their work pays for it) and return at once.

    The tasks are queued in job order, so the first job finishes first. Results are the
    same, to the bit, on one core or several: each chunk is computed by the same function
    on the same input, and the caller combines the chunks in chunk order.
    """
    count = min(n_workers(workers), max((len(j.chunks) for j in jobs), default=0))
    if count <= 1 or sum(j.work for j in jobs) < PARALLEL_MIN_WORK:
        return [Pending(j) for j in jobs]
    pending: list[Pending] = []
    launch = _Launch(jobs, pending, count)
    pending.extend(Pending(j, launch) for j in jobs)
    launch.start()
    return pending


def _start(payload: dict[int, Any], owner: int, folder: str = "") -> None:
    # a worker holds only its payload: no garbage to collect, and where workers are
    # forked a collection would touch (and so copy) every inherited page
    leave_with(owner)  # and it ends with its owner, however that one ends
    _give_way()
    gc.disable()
    _PAYLOAD.clear()
    _PAYLOAD.update(payload)
    global _FOLDER
    _FOLDER = folder


WORKER_NICENESS = 10
"""How much lower the workers' priority is than their owner's (``nice``)."""


def _give_way() -> None:
    """Lower this worker's priority by `WORKER_NICENESS`.

    The workers sample shortest paths while their owner goes on with the other analyses,
    which it needs first: on two cores two workers and the owner are three processes,
    and at equal priority the owner got two thirds of a core while its work was the
    longer one. Now the owner keeps its core and the workers share what is left (all of
    it whenever the owner waits for them). Only the clock changes, never a result.
    """
    with contextlib.suppress(OSError, AttributeError):  # not allowed, or no nice()
        os.nice(WORKER_NICENESS)


_SHARED_MEMORY = "/dev/shm"
"""Where chunk results are handed over (memory; the system's temporary folder if absent)."""

HANDOVER_BYTES = 16_384
"""Chunk results larger than this come back through a file, not through the pipe."""

_FOLDER = ""  # a worker's hand-over folder (`_start`)


class Handed:
    """A chunk result left in a file by a worker (`_run`); `_received` reads it.

    A result sent through the pool's pipe (800 kB at 100,000 actors) blocks the worker
    until a thread of the owner reads it, and that thread waits for the GIL while the
    owner runs a long igraph call: measured, both workers stood still for 2.3 s at
    100,000 actors. A file is written at once; the bits read back are the bits written.

    >>> folder = tempfile.mkdtemp()
    >>> _received(_handed(np.array([0.1, 2.0]), folder)).tolist()
    [0.1, 2.0]
    >>> os.listdir(folder)
    []
    """

    def __init__(self, path: str) -> None:
        self.path = path


def _handed(result: np.ndarray, folder: str) -> np.ndarray | Handed:
    if not folder or result.nbytes <= HANDOVER_BYTES:
        return result
    path = ""
    try:
        handle, path = tempfile.mkstemp(suffix=".npy", dir=folder)
        with os.fdopen(handle, "wb") as fh:
            np.save(fh, result, allow_pickle=False)
    except OSError:  # the folder is full or gone: through the pipe after all
        if path:
            with contextlib.suppress(OSError):
                os.unlink(path)
        return result
    return Handed(path)


def _received(result: np.ndarray | Handed) -> np.ndarray:
    if not isinstance(result, Handed):
        return result
    try:
        return np.load(result.path, allow_pickle=False)
    finally:
        os.unlink(result.path)


def _run(task: tuple[Callable[..., np.ndarray], int, tuple[Any, ...]]) -> np.ndarray | Handed:
    fn, job, args = task
    return _handed(fn(_PAYLOAD[job], *args), _FOLDER)


def map_chunks(fn: Callable[..., np.ndarray], payload: dict[str, Any],
               chunks: Sequence[tuple[Any, ...]], *, work: float,
               workers: int | None = None) -> list[np.ndarray]:
    """``[fn(payload, *args) for args in chunks]``, on several cores when it pays.

    `fn` must be a module-level function (the workers import it by name) and give the same
    result for the same input wherever it runs. Results come back in chunk order.
    """
    return start_jobs([Job(fn, payload, chunks, work)], workers=workers)[0].result()
