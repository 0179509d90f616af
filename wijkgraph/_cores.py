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
"""

from __future__ import annotations

import os
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
