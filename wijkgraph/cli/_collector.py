"""The garbage collector held off while a command starts, for a quicker start.

Importing what ``wijkgraph analyse`` uses (pandas, numpy, scipy, networkx, igraph,
jinja2) makes Python's cyclic garbage collector run about 250 times, each time walking
the objects made so far, and it frees next to nothing (a few hundred objects): about a
tenth of the CPU time of ``wijkgraph validate``. So the command group holds the
collector off (`collector_paused`) until the input is loaded; `load_input` then freezes
what is alive (`gc.freeze`: it stays to the end of the command, and neither later
collections nor the one at exit walk it again) and switches the collector back on
(`resume_collector`), so the analysis runs with it as before. Without the freeze the
first collection after that would walk everything at once: the cost would only move. A
command that loads no input gets the collector back when it ends. Nothing else changes:
the objects are the same, only fewer pointless collections run.

Examples
--------
>>> import gc
>>> with collector_paused():
...     off = gc.isenabled()
...     resume_collector()
...     on = gc.isenabled()
>>> off, on, gc.isenabled()
(False, True, True)
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused", "resume_collector"]

_PAUSED: list[bool] = []  # not empty while `collector_paused` holds the collector off


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off inside the block, unless `resume_collector` turns
    it on earlier; as it was after (also on errors and ``sys.exit``). Does nothing when
    the collector is off already (a caller's choice)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    _PAUSED.append(True)
    try:
        yield
    finally:
        _PAUSED.clear()
        gc.enable()


def resume_collector() -> None:
    """Switch the collector back on if `collector_paused` switched it off."""
    if _PAUSED:
        _PAUSED.clear()
        gc.enable()
