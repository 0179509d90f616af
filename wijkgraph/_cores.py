"""How many cores wijkgraph may use: the one setting shared by analysis and render.

The number of worker processes is ``workers`` when given, else the environment variable
``WIJKGRAPH_WORKERS`` (``1`` keeps everything in this process), else the number of cores
this process may run on; never more than `MAX_WORKERS`, never less than 1. Results never
depend on it: only the clock does.

Examples
--------
>>> n_workers(1, environ={})
1
>>> n_workers(None, environ={"WIJKGRAPH_WORKERS": "1"})
1
>>> n_workers(64, environ={})
8

A worker process calls `leave_with(owner)` when it starts: it then ends itself within a
second of its owner's end, even when the owner was killed (``kill -9``, ``timeout``, a
notebook kernel restarted) and could not shut its workers down.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Mapping

WORKERS_ENV = "WIJKGRAPH_WORKERS"
"""Environment variable with the number of worker processes (1 = this process only)."""

MAX_WORKERS = 8
"""Upper bound of the number of workers (the sampled work is split into 8 chunks)."""


def n_workers(workers: int | None = None, *,
              environ: Mapping[str, str] | None = None) -> int:
    """Number of worker processes: `workers`, else ``$WIJKGRAPH_WORKERS``, else the cores.

    Parameters
    ----------
    workers : int, optional
        An explicit number (a test or a caller that knows better).
    environ : mapping, optional
        The environment to read (default `os.environ`).

    Returns
    -------
    int
        Between 1 and `MAX_WORKERS`.
    """
    if workers is None:
        env = (os.environ if environ is None else environ).get(WORKERS_ENV, "").strip()
        if env.isdigit():
            workers = int(env)
        elif hasattr(os, "sched_getaffinity"):
            workers = len(os.sched_getaffinity(0))
        else:  # pragma: no cover - macOS, Windows
            workers = os.cpu_count() or 1
    return max(1, min(MAX_WORKERS, int(workers)))


OWNER_CHECK_SECONDS = 1.0
"""How often a worker checks that the process it works for is still there."""


def leave_with(owner: int, *, every: float = OWNER_CHECK_SECONDS) -> threading.Thread:
    """In a worker process: end this process soon after process `owner` has ended.

    A pool's workers otherwise wait for work forever once their owner is killed (their
    task queue never reports the end). A daemon thread checks every `every` seconds that
    `owner` still exists, and ends this process at once when it does not.

    Parameters
    ----------
    owner : int
        The process id of the process the worker works for (``os.getpid()`` there).
    every : float
        Seconds between checks.

    Returns
    -------
    threading.Thread
        The (started, daemon) watching thread.
    """
    def watch() -> None:
        while True:
            time.sleep(every)
            try:
                os.kill(owner, 0)
            except ProcessLookupError:
                os._exit(3)
            except PermissionError:  # pragma: no cover - a process of another user: alive
                pass

    thread = threading.Thread(target=watch, name="wijkgraph-owner-watch", daemon=True)
    thread.start()
    return thread
