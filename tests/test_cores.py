"""`wijkgraph._cores`: the worker-count setting and workers that end with their owner."""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
import time

import pytest

from wijkgraph._cores import MAX_WORKERS, leave_with, n_workers


def test_worker_count_setting() -> None:
    assert n_workers(3, environ={}) == 3
    assert n_workers(None, environ={"WIJKGRAPH_WORKERS": "1"}) == 1
    assert n_workers(None, environ={"WIJKGRAPH_WORKERS": "0"}) == 1
    assert n_workers(1000, environ={}) == MAX_WORKERS


def _work_for(owner: int) -> None:  # a worker that would wait forever
    leave_with(owner, every=0.1)
    time.sleep(60)


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="no fork")
def test_a_worker_ends_soon_after_its_owner_was_killed() -> None:
    owner = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    worker = multiprocessing.get_context("fork").Process(target=_work_for, args=(owner.pid,))
    worker.start()
    time.sleep(0.5)
    assert worker.is_alive()  # the owner lives: the worker stays
    owner.kill()
    owner.wait()  # reaped: the pid is gone
    worker.join(timeout=10)
    assert not worker.is_alive() and worker.exitcode == 3
