"""CI smoke test of the end-to-end benchmark at 300 and 3,000 actors (no timing asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "run.py"


@pytest.mark.slow
def test_benchmark_runs_at_300_and_3000_actors() -> None:
    proc = subprocess.run(
        [sys.executable, str(BENCH), "--sizes", "300,3000", "--no-baseline"],
        capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    assert "== 300 actors" in proc.stdout and "== 3000 actors" in proc.stdout
    totals = [line for line in proc.stdout.splitlines() if "TOTAL" in line]
    assert len(totals) == 2
    # every stage printed a number of seconds
    assert "load" in proc.stdout and "build" in proc.stdout and "write: json" in proc.stdout
