"""CI smoke tests of the benchmarks (no timing asserted): the end-to-end run at 300 and
3,000 actors, the real command on the other city, and that city's generator itself."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
BENCH = BENCHMARKS / "run.py"


@pytest.mark.slow
def test_benchmark_runs_at_300_and_3000_actors(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, str(BENCH), "--sizes", "300,3000", "--no-baseline", "--stages",
         "--markdown", "--data", str(tmp_path)],
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "== own city, 300 actors" in proc.stdout and "== own city, 3000 actors" in proc.stdout
    totals = [line for line in proc.stdout.splitlines() if "TOTAL" in line]
    assert len(totals) == 2
    for stage in ("load", "build", "analyse: key_figures", "write (all outputs)"):
        assert f"  {stage} " in proc.stdout
    table = [line for line in proc.stdout.splitlines() if line.startswith("| 3,000 |")]
    assert len(table) == 1 and table[0].count("|") == 11
    assert "- CPU: " in proc.stdout and "time(3000)/time(300)" in proc.stdout


@pytest.mark.slow
def test_the_real_command_on_the_other_city(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, str(BENCH), "--sizes", "300", "--city", "other", "--mode", "cli",
         "--baseline-cap", "60", "--markdown", "--data", str(tmp_path)],
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    row = next(line for line in proc.stdout.splitlines() if line.startswith("| 300 |"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert float(cells[6]) > 0 and float(cells[7].replace(",", "")) > 50  # seconds, MB


def test_other_city_is_valid_deterministic_and_its_own(tmp_path: Path) -> None:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from other_city import generate, write_city
    finally:
        sys.path.remove(str(BENCHMARKS))
    from wijkgraph.sources.loading import load

    net = load(write_city(600, tmp_path / "city", seed=3))
    assert net.n_actors == 600
    assert 3.5 * 600 <= net.graph.number_of_edges() <= 5 * 600  # ~4 inside, ~0.5 across
    assert len(net.meetings) >= 2 and len(net.tables.participation) > 10
    assert set(net.actors["domain"]) <= {"welzijn", "inwoners", "zorg", "sport en cultuur",
                                         "onderwijs", "wonen", "veiligheid", "gemeente",
                                         "ondernemers", "fondsen", "werk en inkomen",
                                         "kennis en onderzoek"}
    assert not [w for w in net.warnings if w.code == "problem.unknown_vocab"]
    assert generate(600, seed=3) == generate(600, seed=3)
    assert generate(600, seed=3) != generate(600, seed=4)
    # not the project's generator: no Utrecht wijken, Holme-Kim triangles
    assert not {w for ws in net.actors["wijk"] for w in ws} & {"Oost", "Overvecht"}
    import networkx as nx

    assert nx.transitivity(net.graph) > 0.02
