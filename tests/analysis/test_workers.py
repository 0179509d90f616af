"""Sampled centralities and resilience curves are the same on one core and on two."""

from __future__ import annotations

import os
import subprocess
import sys

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from wijkgraph.analysis import _workers
from wijkgraph.analysis.engine import Engine


@pytest.fixture()
def graph() -> nx.Graph:
    g = nx.powerlaw_cluster_graph(400, 3, 0.3, seed=7)
    for i, (u, v) in enumerate(g.edges()):
        g.edges[u, v]["weight"] = 1 + i % 4
    return g


def _run(graph: nx.Graph, workers: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, np.ndarray]:
    monkeypatch.setenv(_workers.WORKERS_ENV, workers)
    monkeypatch.setattr(_workers, "PARALLEL_MIN_WORK", 0)
    eng = Engine(graph)
    order = np.argsort(-eng.degree().to_numpy(), kind="stable")
    return {
        "betweenness": eng.betweenness(k=64, seed=3).to_numpy(),
        "harmonic": eng.harmonic(k=32, seed=3).to_numpy(),
        "curve": eng.largest_component_curves([order], [0, 10, 50, 200, 399])[0],
    }


def test_one_and_two_workers_give_the_same_bits(graph: nx.Graph,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    one = _run(graph, "1", monkeypatch)
    two = _run(graph, "2", monkeypatch)
    for name in one:
        assert one[name].tobytes() == two[name].tobytes(), name


def test_sampled_betweenness_matches_networkx_estimate(graph: nx.Graph,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The chunked sum equals networkx' own sampled estimate with the same sources."""
    monkeypatch.setattr(_workers, "PARALLEL_MIN_WORK", 0)
    monkeypatch.setenv(_workers.WORKERS_ENV, "2")
    ours = Engine(graph).betweenness(weighted=False, k=64, seed=3)
    ref = nx.betweenness_centrality(graph, k=64, seed=3, normalized=True)
    assert np.allclose(ours.to_numpy(), [ref[v] for v in graph], atol=1e-9)


def test_curve_matches_removing_actors_one_by_one(graph: nx.Graph) -> None:
    eng = Engine(graph)
    order = list(np.argsort(-eng.degree().to_numpy(), kind="stable"))
    steps = [0, 5, 40, 120, 300]
    got = eng.largest_component_curves([np.array(order)], steps)[0]
    nodes = list(graph)
    want = []
    for k in steps:
        h = graph.copy()
        h.remove_nodes_from(nodes[i] for i in order[:k])
        want.append(max((len(c) for c in nx.connected_components(h)), default=0))
    assert got.tolist() == want


def test_small_and_large_curve_methods_agree(graph: nx.Graph,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Union-find (small networks) and spanning forest + scipy (large) give the same sizes."""
    from wijkgraph.analysis import _chunks

    eng = Engine(graph)
    rng = np.random.default_rng(5)
    orders = [rng.permutation(eng.n)[:300] for _ in range(4)]
    steps = [0, 1, 7, 50, 150, 299, 300]
    small = eng.largest_component_curves(orders, steps)
    monkeypatch.setattr(_chunks, "SMALL_CURVE", 0)
    large = eng.largest_component_curves(orders, steps)
    assert [s.tolist() for s in small] == [x.tolist() for x in large]


def test_started_in_the_background_gives_the_same_bits(graph: nx.Graph,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """`start_sampled` (workers while this process goes on) = computing when asked, on one
    core; the directed engine too."""
    from wijkgraph.analysis import engine as engine_mod
    from wijkgraph.analysis.engine import start_sampled
    from wijkgraph.analysis.engine_directed import DirectedEngine

    monkeypatch.setattr(engine_mod, "EXACT_LIMIT", 100)
    monkeypatch.setattr(engine_mod, "SAMPLE_SOURCES", 40)
    monkeypatch.setattr(engine_mod, "HARMONIC_SOURCES", 20)
    monkeypatch.setattr(_workers, "PARALLEL_MIN_WORK", 0)
    dg = nx.DiGraph(graph)
    dg.remove_edges_from([(u, v) for u, v in list(dg.edges) if (u + v) % 3 == 0 and u < v])
    results = []
    for workers in ("1", "2"):
        monkeypatch.setenv(_workers.WORKERS_ENV, workers)
        eng, deng = Engine(graph), DirectedEngine(dg)
        start_sampled(eng, deng, seed=5)
        assert len(eng._pending) == 3 and len(deng._pending) == 1
        results.append([eng.betweenness(seed=5), eng.harmonic(seed=5),
                        deng.betweenness(seed=5), pd.Series(eng.path_steps(seed=5))])
    plain = Engine(graph)
    results.append([plain.betweenness(seed=5), plain.harmonic(seed=5),
                    DirectedEngine(dg).betweenness(seed=5), pd.Series(plain.path_steps(seed=5))])
    for a, b, c in zip(*results, strict=True):
        assert a.to_numpy().tobytes() == b.to_numpy().tobytes() == c.to_numpy().tobytes()


def test_sampled_steps_are_the_mean_over_all_distances_at_once(graph: nx.Graph,
                                                               monkeypatch: pytest.MonkeyPatch
                                                               ) -> None:
    """Chunked sums of whole steps = numpy's mean over the whole distance matrix (the
    way cohesion computed it before), to the bit; checked against networkx too."""
    import random

    from wijkgraph.analysis import engine as engine_mod

    monkeypatch.setattr(engine_mod, "SAMPLE_SOURCES", 40)
    monkeypatch.setattr(_workers, "PARALLEL_MIN_WORK", 0)
    monkeypatch.setenv(_workers.WORKERS_ENV, "2")
    g = graph.copy()
    g.add_edge("x", "y")  # a second component, left out
    eng = Engine(g)
    members = np.flatnonzero(eng.components() == 0)
    sources = sorted(random.Random(5).sample(range(len(members)), 40))
    sub = eng.ig.induced_subgraph(members.tolist())
    dist = np.asarray(sub.distances(source=sources), dtype=float)
    reached = dist[dist > 0]
    mean, longest, count = eng.path_steps(seed=5)
    assert (mean, longest, count) == (float(reached.mean()), int(reached.max()), 40)
    nodes = list(g)
    ref = [d for s in sources for d in nx.single_source_shortest_path_length(
        g, nodes[members[s]]).values() if d > 0]
    assert mean == pytest.approx(np.mean(ref), rel=1e-12) and longest == max(ref)


def test_a_script_without_main_guard_can_use_the_workers(tmp_path) -> None:  # noqa: ANN001
    """Workers never import the caller's script again (it would run twice, or fail)."""
    import subprocess
    import sys

    script = tmp_path / "unguarded.py"
    script.write_text(
        "import networkx as nx\n"
        "from wijkgraph.analysis import _workers\n"
        "from wijkgraph.analysis.engine import Engine\n"
        "_workers.PARALLEL_MIN_WORK = 0\n"
        "print('script ran')\n"
        "g = nx.karate_club_graph()\n"
        "b = Engine(g).betweenness(k=20, seed=1)\n"
        "print(round(float(b.sum()), 9))\n")
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                         env={**__import__("os").environ, _workers.WORKERS_ENV: "2"},
                         timeout=120, check=True).stdout.split()
    want = Engine(nx.karate_club_graph()).betweenness(k=20, seed=1)
    assert out == ["script", "ran", str(round(float(want.sum()), 9))]


@pytest.mark.skipif(not hasattr(os, "nice"), reason="no nice()")
def test_workers_give_way_to_their_owner() -> None:
    # a worker started by the pool lowers its priority: the owner's analyses come first
    code = ("import os; from wijkgraph.analysis import _workers; before = os.nice(0); "
            "_workers._start({}, os.getppid()); print(before, os.nice(0))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    before, after = map(int, out.stdout.split())
    assert after - before == min(_workers.WORKER_NICENESS, 19 - before) > 0


def test_large_chunk_results_come_back_through_files(graph: nx.Graph,
                                                     monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: os.PathLike[str]) -> None:
    """Results above HANDOVER_BYTES travel through files: the same bits, no file left."""
    monkeypatch.setattr(_workers, "_SHARED_MEMORY", str(tmp_path))
    monkeypatch.setattr(_workers, "HANDOVER_BYTES", 64)  # 400 actors x 8 bytes: a file each
    one = _run(graph, "1", monkeypatch)
    two = _run(graph, "2", monkeypatch)
    for name in one:
        assert one[name].tobytes() == two[name].tobytes(), name
    import gc

    gc.collect()  # the pool's folder goes when its last result is taken
    assert os.listdir(tmp_path) == []


def test_every_task_is_queued_for_the_workers_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pool is made with room for every task (so workers never wait for this
    process's GIL to be fed), and the library's setting is put back afterwards."""
    import concurrent.futures.process as futures_process

    sizes: list[int] = []
    made = futures_process.ProcessPoolExecutor.__init__

    def spy(self: object, *args: object, **kwargs: object) -> None:
        sizes.append(futures_process.EXTRA_QUEUED_CALLS)
        made(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(futures_process.ProcessPoolExecutor, "__init__", spy)
    before = futures_process.EXTRA_QUEUED_CALLS
    g = nx.powerlaw_cluster_graph(300, 3, 0.3, seed=1)
    monkeypatch.setattr(_workers, "PARALLEL_MIN_WORK", 0)
    monkeypatch.setenv(_workers.WORKERS_ENV, "2")
    Engine(g).betweenness(k=64, seed=1)
    assert sizes == [len(_workers.chunked(list(range(64))))]
    assert before == futures_process.EXTRA_QUEUED_CALLS


def test_a_full_handover_folder_sends_the_result_through_the_pipe(tmp_path) -> None:
    """No room for the file (or no folder): the worker hands the array back itself."""
    result = np.arange(10_000, dtype=float)
    missing = str(tmp_path / "gone")
    assert _workers._handed(result, missing) is result
    assert _workers._received(_workers._handed(result, str(tmp_path))).tobytes() == \
        result.tobytes()
    assert os.listdir(tmp_path) == []
