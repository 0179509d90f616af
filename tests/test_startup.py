"""A quick start: what each command imports and does before it answers (issue 11).

The start-up times themselves are measured by ``benchmarks/startup.py`` (not a timed
test); these tests fail when a heavy import or needless work comes back: networkx,
scipy, igraph or jinja2 for ``wijkgraph validate``; ``scipy.sparse.csgraph`` (it loads
``scipy.linalg``), a fork server or the package metadata where nothing needs them. They
also check that the cheaper ways give the same results as the ones they replace.
"""

from __future__ import annotations

import dataclasses
import gc
import subprocess
import sys

import numpy as np
import pytest
import scipy.sparse as sp
from click.testing import CliRunner
from scipy.sparse.csgraph import connected_components

from wijkgraph._components import SCIPY_FROM, component_labels, labels_of
from wijkgraph.cli import cli
from wijkgraph.cli._collector import collector_paused, resume_collector
from wijkgraph.model.network import GraphMaker
from wijkgraph.sources.bundled import dataset_names, load_dataset

#: Runs the command line in this process, then prints the top-level packages loaded and
#: whether some modules were.
_PROBE = """
import sys
from wijkgraph.cli import main
sys.argv = ["wijkgraph", *{args!r}]
try:
    main()
except SystemExit as exc:
    assert not exc.code, exc.code
tops = {{m.split(".")[0] for m in sys.modules}}
print(sorted(tops & {{"networkx", "scipy", "igraph", "jinja2", "matplotlib", "openpyxl",
                     "pyvis", "IPython"}}))
print(sorted(m for m in {modules!r} if m in sys.modules))
"""


def _probe(*args: str, modules: tuple[str, ...] = ()) -> tuple[str, str]:
    code = _PROBE.format(args=list(args), modules=list(modules))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    *_, tops, found = done.stdout.strip().splitlines()
    return tops, found


def _python(code: str) -> str:
    """What a fresh ``python -c code`` prints."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=True).stdout


def test_validate_loads_no_graph_or_analysis_library() -> None:
    """``validate`` reads and checks tables: no networkx, scipy, igraph, jinja2, analysis."""
    tops, found = _probe("validate", "utrecht-oost", modules=(
        "wijkgraph.analysis.run", "wijkgraph.render.outputs", "importlib.metadata"))
    assert tops == "[]"
    assert found == "[]"


def test_analyse_of_a_wijk_starts_no_workers_and_no_linalg(tmp_path) -> None:
    """A wijk is computed exactly in this process: no fork server, no worker pool, no
    ``scipy.sparse.csgraph`` (and so no ``scipy.linalg``), no matplotlib."""
    tops, found = _probe("analyse", "driehoek", "-o", str(tmp_path / "out"), "-q", modules=(
        "scipy.sparse.csgraph", "scipy.sparse.linalg", "scipy.linalg",
        "multiprocessing.forkserver", "matplotlib"))
    assert found == "[]"
    assert "matplotlib" not in tops
    assert {"analysis.json", "map.html", "report.html", "report.md", "tables.xlsx"} <= {
        p.name for p in (tmp_path / "out").iterdir()}


def test_the_worker_module_imports_no_process_pool() -> None:
    """(``concurrent.futures`` itself comes with scipy, through ``numpy.testing``.)"""
    code = ("import sys, wijkgraph.analysis._workers, wijkgraph.analysis._chunks; "
            "print(sorted(m for m in ('multiprocessing', 'concurrent.futures.process', "
            "'scipy.sparse.csgraph') if m in sys.modules))")
    assert _python(code).strip() == "[]"


def test_the_version_is_read_only_when_asked_for() -> None:
    code = ("import sys, wijkgraph; before = 'importlib.metadata' in sys.modules; "
            "v = wijkgraph.__version__; print(before, v.count('.') >= 1, "
            "'__version__' in wijkgraph.__all__, '__version__' in dir(wijkgraph))")
    assert _python(code).split() == ["False", "True", "True", "True"]


# --- the same results the cheaper way -----------------------------------------------------

@pytest.mark.parametrize("n, m", [(1, 0), (7, 3), (300, 200), (2_000, 1_500),
                                  (SCIPY_FROM, SCIPY_FROM // 2)])
def test_component_labels_are_scipys(n: int, m: int) -> None:
    """Both ways (igraph for small graphs, scipy from `SCIPY_FROM` on) give exactly
    scipy's labels: components numbered in the order of their lowest vertex."""
    rng = np.random.default_rng(n + m)
    u, v = rng.integers(0, n, m), rng.integers(0, n, m)
    u[: m // 10], v[: m // 10] = v[: m // 10], v[: m // 10]  # some self-loops too
    expected = connected_components(sp.coo_matrix((np.ones(m), (u, v)), shape=(n, n)),
                                    directed=False)[1]
    labels = component_labels(n, u, v)
    assert labels.tolist() == expected.tolist()


def test_labels_of_numbers_components_by_their_lowest_vertex() -> None:
    """Worked by hand: vertices 0..5, ties 4-2, 5-3, 3-1 -> {0}, {1,3,5}, {2,4}."""
    import igraph as ig

    assert labels_of(ig.Graph(n=6, edges=[(4, 2), (5, 3), (3, 1)])).tolist() == [0, 1, 2, 1, 2, 1]
    # a directed graph: weak components, as scipy's directed=False
    assert labels_of(ig.Graph(n=3, edges=[(2, 0)], directed=True)).tolist() == [0, 1, 0]


@pytest.mark.parametrize("name", dataset_names())
def test_the_graph_is_made_when_first_asked_for(name: str) -> None:
    """Before the graph is made, `n_actors` already counts its nodes; copies share it; it
    holds the actors in input order and one edge per linked pair of the relations."""
    net = load_dataset(name)
    assert net.graph_maker is not None and not net.graph_maker.built
    n_before = net.n_actors
    graph = net.graph
    assert net.graph_maker.built
    assert n_before == graph.number_of_nodes() == len(net.actors)
    assert list(graph.nodes) == net.actors["id"].tolist()
    rel = net.tables.relations
    pairs = {frozenset(p) for p in zip(rel["source"], rel["target"], strict=True)}
    assert graph.number_of_edges() == len(pairs)
    assert net.graph is graph and dataclasses.replace(net, meta={}).graph is graph


def test_graph_maker_by_hand() -> None:
    maker = GraphMaker([("a", {"name": "A"}), ("b", {}), ("c", {})],
                       [("a", "b", {"weight": 2}), ("c", "b", {"weight": 1})])
    assert maker.n_nodes() == 3 and not maker.built
    graph = maker.graph()
    assert {(frozenset((a, b)), w) for a, b, w in graph.edges(data="weight")} == {
        (frozenset("ab"), 2), (frozenset("bc"), 1)}
    assert graph.nodes["a"]["name"] == "A" and maker.graph() is graph and maker.n_nodes() == 3


def test_the_collector_is_on_again_after_a_command() -> None:
    assert gc.isenabled()
    result = CliRunner().invoke(cli, ["validate", "driehoek"])
    assert result.exit_code == 0, result.output
    assert gc.isenabled()
    result = CliRunner().invoke(cli, ["validate", "no-such-input"])
    assert result.exit_code == 2
    assert gc.isenabled()


def test_collector_paused_restores_it_on_errors_and_leaves_an_off_one_off() -> None:
    with pytest.raises(RuntimeError), collector_paused():
        assert not gc.isenabled()
        raise RuntimeError
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            resume_collector()  # it was off before: stays off
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_version_is_read_from_the_dist_info_without_email(tmp_path, monkeypatch) -> None:
    from importlib.metadata import version

    from wijkgraph import _version

    installed = version("wijkgraph")
    assert _version.__version__ == installed
    info = tmp_path / "site" / "wijkgraph-9.8.7.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: wijkgraph\nVersion: 9.8.7\n\n"
                                   "Version: 1.0 (a line of the description)\n",
                                   encoding="utf-8")
    monkeypatch.setattr(sys, "path", [str(tmp_path / "nothing"), str(tmp_path / "site")])
    assert _version._from_dist_info() == "9.8.7"
    (info / "METADATA").write_text("Name: wijkgraph\n\nVersion: 1.0\n", encoding="utf-8")
    assert _version._from_dist_info() is None  # no Version header: importlib.metadata decides
    monkeypatch.setattr(sys, "path", [str(tmp_path / "nothing")])
    assert _version._from_dist_info() is None
    monkeypatch.undo()
    code = ("import sys; from wijkgraph._version import __version__; "
            "print(__version__, 'email' in sys.modules)")
    assert _python(code).split() == [installed, "False"]
